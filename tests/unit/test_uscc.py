"""GB 32100-2015 统一社会信用代码 tests: golden real codes, hand-computed cases, each failure
class, and a randomised property check (single substitutions / adjacent swaps are detected)."""

from __future__ import annotations

import random

import pytest

from core.errors import ValidationError
from core.standards.uscc import (
    PROVINCE_PREFIXES,
    REGISTRATION_DEPARTMENTS,
    USCC_CHARSET,
    USCC_WEIGHTS,
    UsccError,
    is_valid_uscc,
    make_uscc,
    normalize_uscc,
    org_code_check_char,
    parse_uscc,
    uscc_check_char,
    validate_uscc,
)

# Published codes of well-known companies, written from memory and kept only because BOTH the
# pos-17 organisation-code check and the pos-18 check verify (a mis-remembered code passes both
# by chance with probability ~1/341). Codes that failed either check were dropped, not "fixed".
REAL_CODES = {
    "华为技术有限公司": "914403001922038216",
    "腾讯科技（深圳）有限公司": "9144030071526726XG",
    "深圳市腾讯计算机系统有限公司": "91440300708461136T",
    "阿里巴巴（中国）有限公司": "91330100799655058B",
    "北京百度网讯科技有限公司": "91110000802100433B",
    "小米科技有限责任公司": "91110108551385082Q",
    "比亚迪股份有限公司": "91440300192317458F",
    "中国平安保险（集团）股份有限公司": "91440300100012316L",
    "万科企业股份有限公司": "91440300192181490G",
    "招商银行股份有限公司": "9144030010001686XA",
    "中国工商银行股份有限公司": "91100000100003962T",
    "中国银行股份有限公司": "911000001000013428",
    "中国建设银行股份有限公司": "911100001000044477",
    "中国农业银行股份有限公司": "911100001000054748",
    "交通银行股份有限公司": "9131000010000595XD",
    "中兴通讯股份有限公司": "9144030027939873X7",
    "珠海格力电器股份有限公司": "91440400192548256N",
    "美的集团股份有限公司": "91440606722473344C",
    "海尔智家股份有限公司": "91370200264574251E",
    "中国石油化工股份有限公司": "91110000710926094P",
    "中国石油天然气股份有限公司": "91110000710925462X",
    "中国石油化工集团有限公司": "9111000010169286X1",
    "贵州茅台酒股份有限公司": "91520000214434146R",
    "宁德时代新能源科技股份有限公司": "91350900587527783P",
}


def _check_of(code: str, **kw: bool) -> str:
    with pytest.raises(UsccError) as exc:
        validate_uscc(code, **kw)
    assert exc.value.code == "invalid_uscc"
    check = exc.value.details["check"]
    assert isinstance(check, str)
    return check


# --------------------------------------------------------------------------- tables and weights


def test_charset_and_weights() -> None:
    assert len(USCC_CHARSET) == 31
    assert not set("IOSVZ") & set(USCC_CHARSET)
    assert USCC_WEIGHTS == (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def test_department_table() -> None:
    kinds = {d: "".join(sorted(dep.kinds)) for d, dep in REGISTRATION_DEPARTMENTS.items()}
    assert kinds == {
        "1": "1239",
        "2": "19",
        "3": "123459",
        "4": "19",
        "5": "1239",
        "6": "129",
        "7": "129",
        "8": "19",
        "9": "123",
        "A": "19",
        "N": "1239",
        "Y": "1",
    }
    assert REGISTRATION_DEPARTMENTS["9"].kinds["2"] == "个体工商户"


def test_usccerror_is_a_validation_error() -> None:
    assert issubclass(UsccError, ValidationError)
    assert UsccError("x").code == "invalid_uscc"


# --------------------------------------------------------------------------- golden real codes


@pytest.mark.parametrize(("name", "code"), sorted(REAL_CODES.items()))
def test_real_codes_validate(name: str, code: str) -> None:
    validate_uscc(code)
    assert is_valid_uscc(code)
    assert uscc_check_char(code[:17]) == code[17]
    assert org_code_check_char(code[8:16]) == code[16]


def test_parse_real_code() -> None:
    parts = parse_uscc(" 914403001922038216 ")
    assert (parts.dept_name, parts.kind_name, parts.region) == ("工商", "企业", "440300")
    assert parts.org_code == "192203821"
    assert parts.check_char == "6"


# --------------------------------------------------------------------------- hand-computed cases


def test_org_code_hand_computed() -> None:
    # body 12345678: 1*3+2*7+3*9+4*10+5*5+6*8+7*4+8*2 = 201; 201 % 11 = 3; 11-3 = 8
    assert org_code_check_char("12345678") == "8"
    # 0 % 11 = 0 -> 11 -> '0'
    assert org_code_check_char("00000000") == "0"
    # 6*2 = 12; 12 % 11 = 1 -> 10 -> 'X'
    assert org_code_check_char("00000006") == "X"
    # 5*2 = 10 -> 11-10 = 1
    assert org_code_check_char("00000005") == "1"
    # letters count A=10 … Z=35 in GB 11714 (I, O, S, V, Z included there)
    # Z*2 = 70; 70 % 11 = 4 -> 7
    assert org_code_check_char("0000000Z") == "7"


def test_uscc_hand_computed() -> None:
    # 9 1 320281 12345678 8: products with weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28
    # 9+3+27+54+0+52+128+17+20+58+75+52+40+144+70+240+224 = 1213; 1213 % 31 = 4; 31-4 = 27 -> 'U'
    assert uscc_check_char("91320281123456788") == "U"
    assert make_uscc("9", "1", "320281", "12345678") == "91320281123456788U"
    # org body 00000010 -> 1*4 = 4 -> 7; sum = 9+3+27+54+52+128+17+10+196 = 496 = 16*31 -> 31 -> '0'
    assert uscc_check_char("91320281000000107") == "0"
    validate_uscc("913202810000001070")


def test_make_uscc_normalises_and_validates_parts() -> None:
    assert make_uscc(" 9", "1", "320281", "ma1abcde") == make_uscc("9", "1", "320281", "MA1ABCDE")
    for args, check in [
        (("B", "1", "320281", "12345678"), "dept_code"),
        (("9", "9", "320281", "12345678"), "kind_code"),
        (("9", "1", "990281", "12345678"), "region_code"),
        (("9", "1", "32028", "12345678"), "region_code"),
        (("9", "1", "320281", "1234567"), "length"),
        (("9", "1", "320281", "1234567I"), "charset"),
        (("91", "1", "320281", "12345678"), "length"),
    ]:
        with pytest.raises(UsccError) as exc:
            make_uscc(*args)
        assert exc.value.details["check"] == check, args


# --------------------------------------------------------------------------- normalisation


def test_lowercase_and_whitespace_are_normalised() -> None:
    validate_uscc("  9144030071526726xg\n")
    assert normalize_uscc(" 9144030071526726xg ") == "9144030071526726XG"


def test_fullwidth_is_rejected_with_hint() -> None:
    with pytest.raises(UsccError) as exc:
        validate_uscc("９１４４０３００１９２２０３８２１６")
    assert exc.value.details["check"] == "fullwidth"
    assert exc.value.details["suggestion"] == "914403001922038216"
    assert "全角" in exc.value.message


def test_non_string_is_rejected() -> None:
    assert _check_of(914403001922038216) == "type"  # type: ignore[arg-type]
    assert not is_valid_uscc(None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- negative cases


@pytest.mark.parametrize(
    ("code", "check", "word"),
    [
        ("", "length", "长度"),
        ("91440300192203821", "length", "长度"),
        ("9144030019220382166", "length", "长度"),
        ("9144030019220382I6", "charset", "I、O、S、V、Z"),
        ("91440300192203821-", "charset", "字符集"),
        ("9144 3001922038216", "charset", "字符集"),
        ("B14403001922038216", "dept_code", "登记管理部门码"),
        ("944403001922038216", "kind_code", "机构类别码"),
        ("Y24403001922038216", "kind_code", "机构类别码"),
        ("91A403001922038216", "region_code", "行政区划码"),
        ("919903001922038216", "region_code", "行政区划码"),
        ("914403001922038217", "check_char", "统一社会信用代码校验位"),
    ],
)
def test_failure_classes(code: str, check: str, word: str) -> None:
    with pytest.raises(UsccError) as exc:
        validate_uscc(code)
    assert exc.value.details["check"] == check
    assert word in exc.value.message
    assert not is_valid_uscc(code)


def test_org_check_failure_and_lenient_flag() -> None:
    # Body 19220382 with a wrong org check char '2' (should be '1'); re-sign pos 18 so only
    # the organisation-code check fails.
    first17 = "91440300192203822"
    code = first17 + uscc_check_char(first17)
    with pytest.raises(UsccError) as exc:
        validate_uscc(code)
    assert exc.value.details == {"check": "org_check_char", "expected": "1", "actual": "2"}
    assert "组织机构代码校验位" in exc.value.message
    validate_uscc(code, check_org_code=False)
    assert is_valid_uscc(code, check_org_code=False)
    assert not is_valid_uscc(code)


def test_check_char_error_details() -> None:
    with pytest.raises(UsccError) as exc:
        validate_uscc("914403001922038217")
    assert exc.value.details == {"check": "check_char", "expected": "6", "actual": "7"}


def test_every_department_kind_pair_can_be_built() -> None:
    for dept, info in REGISTRATION_DEPARTMENTS.items():
        for kind in info.kinds:
            code = make_uscc(dept, kind, "320281", "MA1B2C3D")
            assert parse_uscc(code).kind_name == info.kinds[kind]


# --------------------------------------------------------------------------- property-style


def _random_codes(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pairs = [(d, k) for d, info in REGISTRATION_DEPARTMENTS.items() for k in info.kinds]
    prefixes = sorted(PROVINCE_PREFIXES)
    out = []
    for _ in range(n):
        dept, kind = rng.choice(pairs)
        region = rng.choice(prefixes) + "".join(rng.choices("0123456789", k=4))
        body = "".join(rng.choices(USCC_CHARSET, k=8))
        out.append(make_uscc(dept, kind, region, body))
    return out


def test_random_codes_validate_and_single_substitutions_fail() -> None:
    rng = random.Random(20240601)
    codes = _random_codes(2000, seed=32100)
    assert len(set(codes)) > 1990
    for code in codes:
        validate_uscc(code)
        for pos in range(18):
            new = rng.choice([c for c in USCC_CHARSET if c != code[pos]])
            mutated = code[:pos] + new + code[pos + 1 :]
            with pytest.raises(UsccError) as exc:
                validate_uscc(mutated)
            if 8 <= pos <= 17:  # structure still fine: the pos-18 check must catch it
                assert exc.value.details["check"] == "check_char"


def test_exhaustive_substitutions_on_a_sample() -> None:
    for code in _random_codes(50, seed=7):
        for pos in range(18):
            for new in USCC_CHARSET:
                if new != code[pos]:
                    assert not is_valid_uscc(code[:pos] + new + code[pos + 1 :])


def test_adjacent_transpositions_fail() -> None:
    for code in _random_codes(300, seed=11):
        for pos in range(17):
            a, b = code[pos], code[pos + 1]
            if a != b:
                assert not is_valid_uscc(code[:pos] + b + a + code[pos + 2 :])
