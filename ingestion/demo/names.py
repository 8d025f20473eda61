"""Deterministic name pools: people, company names, phone numbers.

Surnames are weighted towards those common in southern Jiangsu (陈 王 张 周 徐 朱 顾 缪 夏 承 …).
Company names follow the local pattern 江阴市 + 字号 + 行业词 + 有限公司; 字号 that belong to well-known
Jiangyin groups are excluded so the demo never names a real company.
"""

from __future__ import annotations

import random

from core.vocab import EnterpriseCategory as C

# (surname, weight)
# fmt: off
_SURNAMES: tuple[tuple[str, int], ...] = (
    ("陈", 90), ("王", 85), ("张", 80), ("周", 60), ("徐", 60), ("朱", 55), ("吴", 50), ("黄", 40),
    ("顾", 40), ("缪", 30), ("夏", 28), ("沈", 28), ("陆", 28), ("钱", 25), ("孙", 25), ("李", 45),
    ("刘", 35), ("杨", 30), ("蒋", 25), ("薛", 18), ("承", 15), ("季", 15), ("奚", 10), ("胡", 22),
    ("许", 22), ("何", 14), ("赵", 20), ("华", 16), ("曹", 14), ("范", 12), ("袁", 12), ("冯", 12),
    ("邓", 10), ("郁", 10), ("章", 10), ("金", 14), ("姚", 12), ("高", 14), ("郑", 12), ("谢", 12),
    ("邢", 10), ("包", 8), ("贡", 6), ("殷", 8), ("尤", 6), ("龚", 10), ("卞", 6), ("蔡", 10),
    ("唐", 12), ("汤", 10), ("秦", 8), ("丁", 10), ("任", 8), ("邵", 8), ("严", 8), ("戴", 10),
)
# fmt: on
_SURNAME_LIST = tuple(s for s, _ in _SURNAMES)
_SURNAME_CUM = tuple(sum(w for _, w in _SURNAMES[: i + 1]) for i in range(len(_SURNAMES)))
# Given-name characters (single characters; strings are sequences of them).
_GIVEN_MALE = "伟强军磊勇杰涛斌俊峰明华建国平忠良兵锋刚文海东新中洪林荣春志晓永健宏斌"
_GIVEN_FEMALE = "丽芳敏静燕娟艳霞红玲萍英琴慧婷雪洁芬倩颖云莉梅娜"
_SECOND_MALE = "伟华明平东军林峰强清新兴荣良刚春辉涛俊杰斌彬磊洋宇浩凯琦"
_SECOND_FEMALE = "娟丽芳华红英琴萍燕霞玲洁敏静婷雯兰珍"


def person_name(rng: random.Random) -> str:
    """A Chinese personal name: surname + one or two given characters."""
    surname = rng.choices(_SURNAME_LIST, cum_weights=_SURNAME_CUM)[0]
    male = rng.random() < 0.72
    first = rng.choice(_GIVEN_MALE if male else _GIVEN_FEMALE)
    if rng.random() < 0.68:
        return surname + first + rng.choice(_SECOND_MALE if male else _SECOND_FEMALE)
    return surname + first


def mobile(rng: random.Random) -> str:
    """A mainland mobile number 1[3-9]x xxxx xxxx."""
    second = rng.choice("3456789")
    return f"1{second}{rng.randrange(10)}{rng.randrange(100_000_000):08d}"


def landline(rng: random.Random) -> str:
    """A Jiangyin landline (0510-86xxxxxx)."""
    return f"0510-{rng.choice(('86', '80', '81', '68'))}{rng.randrange(1_000_000):06d}"


# 字号 characters: auspicious, common in registered names.
_BRAND_CHARS = (
    "华兴宏澄申联鑫恒达盛泰利海润江亚新源丰瑞金昌永福通力远博骏腾晟嘉裕隆凯创正宇天中长明东汇信祥康德"
    "和安顺峰伟捷诚锦旭建尚佳美嘉乐晨辰鼎豪富贵益茂欣誉星光耀科坤宁威弘毅卓阳澜江晶钢铭铖"
)
# fmt: off
_REAL_BRANDS = frozenset((
    "兴澄", "法尔", "海澜", "阳光", "三房", "华西", "双良", "澄星", "长电", "华宏", "模塑", "海达",
    "远景", "新长", "中南", "济川", "天江", "申龙", "澄天", "华新", "恒润", "精亚", "华士", "江东",
    "利港", "亚包", "兴达", "华昌", "澄利", "霞客",
))

_INDUSTRY_WORDS: dict[C, tuple[str, ...]] = {
    C.MACHINERY: ("精密机械", "机械制造", "重型机械", "液压机械", "数控设备", "五金制品", "轴承",
        "传动设备", "汽车零部件", "电力设备", "紧固件", "模具", "机电设备", "环保设备", "铸件"),
    C.TEXTILE: ("纺织", "毛纺", "化纤", "针织", "印染", "色纺", "服饰", "家纺", "织造", "纺织科技", "无纺布"),
    C.METALLURGY: ("特钢", "钢铁", "冶金", "金属制品", "钢管", "线材", "锻造", "铸造", "钢结构", "不锈钢"),
    C.NONFERROUS: ("铝业", "铜业", "有色金属", "合金材料", "铝型材", "金属材料"),
    C.BUILDING_MATERIALS: ("建材", "新型建材", "水泥制品", "混凝土", "玻璃", "石材", "保温材料", "管桩"),
    C.LIGHT_INDUSTRY: ("塑业", "包装材料", "食品", "木业", "纸业", "橡塑制品", "家具", "冷链食品",
        "酿造", "印刷", "彩印包装"),
    C.TOBACCO: ("烟草物流",),
    C.COMMERCE: ("物资贸易", "仓储物流", "商贸", "物流", "供应链管理", "国际贸易", "冷链物流"),
    C.CHEM_PRODUCTION: ("化工", "石化", "精细化工", "化学", "气体", "氯碱化工"),
    C.GENERAL_CHEMICAL: ("化工", "化学品", "涂料", "树脂", "新材料", "助剂"),
    C.CHEM_TRADING_STORAGE: ("石化储运", "化工物流", "能源", "化工贸易", "燃气", "港口储运"),
    C.CHEM_USING: ("新材料", "化学", "高分子材料", "化工科技", "特种气体"),
    C.PHARMACEUTICAL: ("制药", "药业", "医药化工", "生物医药"),
    C.OTHER: ("电子科技", "信息技术", "建设工程", "物业管理", "酒店管理", "光伏科技", "新能源科技",
        "电气", "环保科技", "电子", "装饰工程"),
}
# fmt: on


def brand(rng: random.Random, length: int = 2) -> str:
    while True:
        word = "".join(rng.choice(_BRAND_CHARS) for _ in range(length))
        if len(set(word)) == length and word[:2] not in _REAL_BRANDS:
            return word


def company_name(
    rng: random.Random,
    category: C,
    large: bool,
    town_short: str,
    places: tuple[str, ...],
    used: set[str],
    serial: int,
) -> str:
    """A unique registered name for an enterprise of ``category``.

    ``used`` holds names given so far (the caller discards it once all enterprises exist).
    Gas stations follow the branch naming of the two state oil majors or a local private form.
    """
    for attempt in range(40):
        if category is C.GAS_STATION:
            name = _gas_station_name(rng, town_short, places, attempt)
        else:
            word = rng.choice(_INDUSTRY_WORDS[category])
            mark = brand(rng, 3 if attempt >= 10 else 2)
            if large and rng.random() < 0.5:
                name = f"江苏{mark}{word}{'集团' if rng.random() < 0.5 else '股份'}有限公司"
            else:
                prefix = "江阴市" if rng.random() < 0.8 else "江阴"
                name = f"{prefix}{mark}{word}有限公司"
        if name not in used:
            used.add(name)
            return name
    name = f"江阴市{brand(rng, 3)}{serial}号企业管理有限公司"  # practically unreachable
    used.add(name)
    return name


def _gas_station_name(rng: random.Random, town_short: str, places: tuple[str, ...], attempt: int) -> str:
    place = town_short + rng.choice(places)
    seq = "" if attempt < 4 else f"第{attempt - 2}"
    r = rng.random()
    if r < 0.6:
        return f"中国石化销售股份有限公司江苏无锡江阴{place}{seq}加油站"
    if r < 0.85:
        return f"中国石油天然气股份有限公司江苏无锡江阴{place}{seq}加油站"
    return f"江阴市{place}{brand(rng)}{seq}加油站有限公司"


def place_words(roads: tuple[str, ...], villages: tuple[str, ...]) -> tuple[str, ...]:
    """Local place words for station names: 虹桥北路 → 虹桥北, 华西村 → 华西."""
    out: list[str] = []
    for word in (*roads, *villages):
        for suffix in ("大道", "大街", "社区", "路", "村", "区"):
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                word = word[: -len(suffix)]
                break
        if word not in out:
            out.append(word)
    return tuple(out)


def short_name(name: str) -> str:
    """A readable short form: 江阴市华宏精密机械有限公司 → 华宏精密机械."""
    for prefix in (
        "中国石化销售股份有限公司江苏无锡江阴",
        "中国石油天然气股份有限公司江苏无锡江阴",
        "江阴市",
        "江阴",
        "江苏",
    ):
        if name.startswith(prefix):
            name = name[len(prefix) :]
            break
    for suffix in ("集团有限公司", "股份有限公司", "有限公司"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name
