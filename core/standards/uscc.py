"""GB 32100-2015《法人和其他组织统一社会信用代码编码规则》— validation and construction.

Layout of the 18-character code (统一社会信用代码)::

    pos 1      登记管理部门码   registration department (table ``REGISTRATION_DEPARTMENTS``)
    pos 2      机构类别码       organisation kind, allowed values depend on pos 1
    pos 3-8    登记管理机关行政区划码  GB/T 2260 administrative division (6 digits)
    pos 9-17   主体标识码       the GB 11714 organisation code: 8 body chars + its check char
    pos 18     校验码           GB/T 17710 (ISO 7064-style) mod-31 check char

Charset: ``0123456789ABCDEFGHJKLMNPQRTUWXY`` (31 chars; I O S V Z are never used).
Check char: ``c18 = 31 - (sum(value_i * 3**i mod 31 for i in 0..16) mod 31)``, 31 -> 0.
Organisation-code check char (GB 11714-1997): weights ``3 7 9 10 5 8 4 2`` over the body
(digits 0-9, letters A-Z = 10-35), ``c9 = 11 - (sum mod 11)``, 10 -> ``X``, 11 -> ``0``.

Source of the department/kind table: GB 32100-2015 附录 (codes 1-9 and Y) plus the later
additions A (中央军委改革和编制办公室) and N (农业) that registration systems accept today.

Approximations, documented on purpose:

* Region codes are only checked for shape (6 digits) and a known province-level prefix
  (GB/T 2260 provinces, plus ``10`` used by national-level registrations such as ``100000``);
  the full GB/T 2260 list is not embedded.
* The organisation-code check (pos 17) holds for every code assigned through the national
  organisation-code system, which is how all bodies are assigned today. Should a legacy code
  turn up whose body is not an organisation code, callers may pass ``check_org_code=False``;
  the pos-18 check is always enforced.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from core.errors import ValidationError

__all__ = [
    "ORG_CODE_CHARSET",
    "ORG_CODE_WEIGHTS",
    "PROVINCE_PREFIXES",
    "REGISTRATION_DEPARTMENTS",
    "USCC_CHARSET",
    "USCC_LENGTH",
    "USCC_WEIGHTS",
    "Department",
    "UsccError",
    "UsccParts",
    "is_valid_uscc",
    "make_uscc",
    "normalize_uscc",
    "org_code_check_char",
    "parse_uscc",
    "uscc_check_char",
    "validate_uscc",
]

USCC_LENGTH: Final = 18
USCC_CHARSET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS: Final[tuple[int, ...]] = tuple(pow(3, i, 31) for i in range(17))
ORG_CODE_CHARSET: Final = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ORG_CODE_WEIGHTS: Final[tuple[int, ...]] = (3, 7, 9, 10, 5, 8, 4, 2)

_USCC_VALUE: Final = {c: i for i, c in enumerate(USCC_CHARSET)}
_ORG_VALUE: Final = {c: i for i, c in enumerate(ORG_CODE_CHARSET)}
_NEVER_USED: Final = frozenset("IOSVZ")


@dataclass(frozen=True, slots=True)
class Department:
    """One 登记管理部门 and its allowed 机构类别 codes."""

    name: str
    kinds: Mapping[str, str]


def _dept(name: str, **kinds: str) -> Department:
    return Department(name, MappingProxyType({k.removeprefix("k"): v for k, v in kinds.items()}))


REGISTRATION_DEPARTMENTS: Final[Mapping[str, Department]] = MappingProxyType(
    {
        "1": _dept("机构编制", k1="机关", k2="事业单位", k3="中央编办直接管理机构编制的群众团体", k9="其他"),
        "2": _dept("外交", k1="外国常驻新闻机构", k9="其他"),
        "3": _dept(
            "司法行政",
            k1="律师执业机构",
            k2="公证处",
            k3="基层法律服务所",
            k4="司法鉴定机构",
            k5="仲裁委员会",
            k9="其他",
        ),
        "4": _dept("文化", k1="外国在华文化中心", k9="其他"),
        "5": _dept("民政", k1="社会团体", k2="民办非企业单位", k3="基金会", k9="其他"),
        "6": _dept(
            "旅游",
            k1="外国旅游部门常驻代表机构",
            k2="港澳台地区旅游部门常驻内地（大陆）代表机构",
            k9="其他",
        ),
        "7": _dept("宗教", k1="宗教活动场所", k2="宗教院校", k9="其他"),
        "8": _dept("工会", k1="基层工会", k9="其他"),
        "9": _dept("工商", k1="企业", k2="个体工商户", k3="农民专业合作社"),
        "A": _dept("中央军委改革和编制办公室", k1="军队事业单位", k9="其他"),
        "N": _dept(
            "农业",
            k1="组级集体经济组织",
            k2="村级集体经济组织",
            k3="乡镇级集体经济组织",
            k9="其他",
        ),
        "Y": _dept("其他", k1="其他"),
    }
)

# GB/T 2260 province-level prefixes, plus "10" for national-level registrations (100000).
# fmt: off
PROVINCE_PREFIXES: Final = frozenset({
    "10", "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    "71", "81", "82",
})
# fmt: on


class UsccError(ValidationError):
    """An invalid 统一社会信用代码. ``details["check"]`` names the failed check in English."""

    code = "invalid_uscc"


@dataclass(frozen=True, slots=True)
class UsccParts:
    """A validated code split into its fields."""

    code: str
    dept: str
    dept_name: str
    kind: str
    kind_name: str
    region: str
    org_code: str  # 9 chars: 8-char body + check char
    check_char: str


def _fail(message: str, check: str, **details: object) -> UsccError:
    return UsccError(message, details={"check": check, **details})


def _is_fullwidth(ch: str) -> bool:
    return 0xFF01 <= ord(ch) <= 0xFF5E or ch == "\u3000"


def uscc_check_char(first17: str) -> str:
    """Pos-18 check char for the first 17 characters (upper-case, USCC charset)."""
    if len(first17) != USCC_LENGTH - 1:
        raise _fail(
            f"计算校验位需要17位字符，实际为{len(first17)}位", "length", expected=17, actual=len(first17)
        )
    bad = [c for c in first17 if c not in _USCC_VALUE]
    if bad:
        raise _fail(f"包含统一社会信用代码字符集之外的字符：{''.join(bad)}", "charset", invalid_chars=bad)
    total = sum(_USCC_VALUE[c] * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def org_code_check_char(first8: str) -> str:
    """GB 11714 organisation-code check char for an 8-char body (digits and A-Z)."""
    if len(first8) != 8:
        raise _fail(
            f"组织机构代码本体应为8位，实际为{len(first8)}位", "length", expected=8, actual=len(first8)
        )
    bad = [c for c in first8 if c not in _ORG_VALUE]
    if bad:
        raise _fail(f"组织机构代码本体包含非法字符：{''.join(bad)}", "charset", invalid_chars=bad)
    total = sum(_ORG_VALUE[c] * w for c, w in zip(first8, ORG_CODE_WEIGHTS, strict=True))
    c9 = 11 - total % 11
    return "X" if c9 == 10 else "0" if c9 == 11 else str(c9)


def normalize_uscc(code: str) -> str:
    """Strip surrounding whitespace and upper-case; reject full-width characters."""
    if not isinstance(code, str):
        raise _fail("统一社会信用代码必须是字符串", "type", actual_type=type(code).__name__)
    stripped = code.strip()
    wide = [c for c in stripped if _is_fullwidth(c)]
    if wide:
        hint = unicodedata.normalize("NFKC", stripped).replace(" ", "")
        raise _fail(
            f"统一社会信用代码包含全角字符“{''.join(wide)}”，请切换到半角输入法后重新输入",
            "fullwidth",
            fullwidth_chars=wide,
            suggestion=hint.upper(),
        )
    return stripped.upper()


def code_in_query(text: str | None) -> str | None:
    """A search box's text read as a credit code, or None when it is not one: NFKC-folded (typed
    full-width), spaces dropped, upper-cased, 18 ASCII letters and digits. A search writes nothing,
    so it reads what a form refuses (``normalize_uscc``); the check characters are not judged here:
    an unknown code simply finds nothing."""
    folded = unicodedata.normalize("NFKC", text or "").replace(" ", "").upper()
    return folded if len(folded) == USCC_LENGTH and folded.isascii() and folded.isalnum() else None


def _check_structure(code: str) -> None:
    if len(code) != USCC_LENGTH:
        raise _fail(
            f"统一社会信用代码长度应为18位，实际为{len(code)}位",
            "length",
            expected=USCC_LENGTH,
            actual=len(code),
        )
    for pos, ch in enumerate(code, start=1):
        if ch not in _USCC_VALUE:
            why = "（统一社会信用代码不使用 I、O、S、V、Z）" if ch in _NEVER_USED else ""
            raise _fail(
                f"统一社会信用代码第{pos}位字符“{ch}”不在允许的字符集内{why}",
                "charset",
                position=pos,
                char=ch,
            )
    dept = REGISTRATION_DEPARTMENTS.get(code[0])
    if dept is None:
        raise _fail(
            f"登记管理部门码“{code[0]}”无效",
            "dept_code",
            value=code[0],
            allowed=sorted(REGISTRATION_DEPARTMENTS),
        )
    if code[1] not in dept.kinds:
        raise _fail(
            f"机构类别码“{code[1]}”与登记管理部门“{dept.name}”（{code[0]}）不匹配",
            "kind_code",
            dept=code[0],
            value=code[1],
            allowed=sorted(dept.kinds),
        )
    region = code[2:8]
    if not region.isdigit() or region[:2] not in PROVINCE_PREFIXES:
        raise _fail(f"登记管理机关行政区划码“{region}”无效", "region_code", value=region)


def validate_uscc(code: str, *, check_org_code: bool = True) -> None:
    """Raise :class:`UsccError` unless ``code`` is a valid 统一社会信用代码.

    Input is normalised first (whitespace stripped, upper-cased); full-width input is rejected.
    Checks run in this order and the first failure is reported in ``details["check"]``:
    ``type``, ``fullwidth``, ``length``, ``charset``, ``dept_code``, ``kind_code``, ``region_code``,
    ``check_char`` (pos 18), ``org_check_char`` (pos 17; skipped when ``check_org_code`` is false).
    """
    norm = normalize_uscc(code)
    _check_structure(norm)
    expected = uscc_check_char(norm[:17])
    if norm[17] != expected:
        raise _fail(
            f"统一社会信用代码校验位错误：第18位应为“{expected}”，实际为“{norm[17]}”",
            "check_char",
            expected=expected,
            actual=norm[17],
        )
    if check_org_code:
        org_expected = org_code_check_char(norm[8:16])
        if norm[16] != org_expected:
            raise _fail(
                f"组织机构代码校验位错误：第17位应为“{org_expected}”，实际为“{norm[16]}”",
                "org_check_char",
                expected=org_expected,
                actual=norm[16],
            )


def is_valid_uscc(code: str, *, check_org_code: bool = True) -> bool:
    """``True`` when :func:`validate_uscc` accepts ``code``."""
    try:
        validate_uscc(code, check_org_code=check_org_code)
    except UsccError:
        return False
    return True


def parse_uscc(code: str, *, check_org_code: bool = True) -> UsccParts:
    """Validate and split a code into its fields (names in Chinese)."""
    validate_uscc(code, check_org_code=check_org_code)
    norm = normalize_uscc(code)
    dept = REGISTRATION_DEPARTMENTS[norm[0]]
    return UsccParts(
        code=norm,
        dept=norm[0],
        dept_name=dept.name,
        kind=norm[1],
        kind_name=dept.kinds[norm[1]],
        region=norm[2:8],
        org_code=norm[8:17],
        check_char=norm[17],
    )


def make_uscc(dept: str, kind: str, region: str, org_body8: str) -> str:
    """Build a valid code from its parts, computing both check chars.

    ``org_body8`` must use characters valid in both charsets (digits and letters other than
    I O S V Z), since the organisation code is embedded in the USCC.
    """
    dept, kind = normalize_uscc(dept), normalize_uscc(kind)
    region, body = normalize_uscc(region), normalize_uscc(org_body8)
    if len(dept) != 1 or len(kind) != 1:
        raise _fail("登记管理部门码和机构类别码各为1位", "length", dept=dept, kind=kind)
    if len(region) != 6:
        raise _fail(f"行政区划码应为6位，实际为{len(region)}位", "region_code", value=region)
    if len(body) != 8:
        raise _fail(f"组织机构代码本体应为8位，实际为{len(body)}位", "length", expected=8, actual=len(body))
    partial = dept + kind + region + body
    _check_structure(partial + "00")  # placeholder check chars; validates parts and charset
    first17 = partial + org_code_check_char(body)
    code = first17 + uscc_check_char(first17)
    validate_uscc(code)
    return code
