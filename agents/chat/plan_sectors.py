"""Which sector a plan is written for, and whether the question is about that sector.

A public plan whose title names a sector (锂电池, 养老机构, 道路危险货物运输, 森林火灾, 燃气 …) applies
to accidents in that sector only: a fire in a 养老院 is not a 锂电池 fire, a 液氯 leak in a works is not
a road transport accident, although the plans share the accident types 火灾 / 泄漏. A plan whose title
names no sector (a town's 生产安全事故总体应急预案) applies to every accident type its scope lists.

A city plan whose title names a sector with the whole class of its accidents (工贸行业生产安全事故,
养老机构安全事故: ``general_sectors``) is that sector's general plan: it also stands in for the accidents of
its sector its scope does not list, where no plan written for them applies (``agents.chat.plan_guide``).

Each sector pairs the words a duty officer says (question) with the words a plan title uses (title).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.chat import plan_measures


@dataclass(frozen=True)
class Sector:
    name: str
    question: re.Pattern[str]
    title: re.Pattern[str]


def _sector(name: str, question: str, title: str) -> Sector:
    return Sector(name, re.compile(question), re.compile(title))


_NOT_TAKEN = r"(?<!送)(?<!送了)(?<!送到)(?<!送往)(?<!送进)(?<!进了)"

SECTORS: tuple[Sector, ...] = (
    _sector(
        "危化品",
        # ammonia however it is said (液氨, 氨气, 氨味 smelt in a 制冷机房, 氨水) is a hazardous chemical
        r"危化|危险化学品|危险品|化工|化学|液氯|氯气|氯味|氨|硫化氢|环氧|磷化氢|甲醇|苯|"
        r"槽罐|储罐|罐区|反应釜|酸液|硫酸|盐酸|熏蒸|漏氯|漏氨|氯瓶|加氯|"
        # dangerous goods said by the load a tanker carries (道路危险货物运输 is the 危化 plan's too)
        r"危险货物|汽油|柴油|成品油|油罐|液碱|烧碱|丙酮|氢气|乙炔|"
        # paint and its thinners are flammable liquids: a 油漆仓库 or 喷漆房 fire is a hazardous-chemical fire
        r"油漆|涂料|稀释剂|天那水|香蕉水|"
        # the rooms where paint is mixed and sprayed are named for it: a 喷漆房 / 调漆间 fire is a paint fire
        r"喷漆|调漆|喷涂|溶剂",
        r"危险化学品|危化",
    ),
    _sector(
        "工贸",
        r"工贸|有限空间|受限空间|污水池|调节池|污水井|化粪池|窨井|粉尘|除尘|熔融|铝水|铝液|钢水|"
        r"铁水|熔炼|铸造|涉氨|液氨|氨气|冷库|制冷|"
        # the trades the city 工贸 plan names (冶金、有色、建材、机械、轻工、纺织、烟草), as works are called
        r"纺织|织布|织造|纺纱|[毛棉麻丝绢]纺|纺丝|化纤|印染|染整|服装|制衣|家具|木业|木材加工|造纸|皮革|制鞋|食品厂|塑料|注塑|"
        r"纸业|纸箱|纸品|纸厂|印刷|"
        r"机械厂|机械制造|机加工|五金|金属制品|冲压|锻造|建材|水泥|玻璃|陶瓷|石材|烟草|卷烟|轻工|"
        r"钢厂|钢铁|铝厂|铝业|铜厂|有色金属|冶炼|冶金|轧钢",
        r"工贸|有限空间|受限空间|粉尘|熔融金属",
    ),
    _sector(
        "冶金",
        r"冶金|冶炼|钢铁|钢厂|炼钢|轧钢|铝厂|铝业|铜厂|铝水|铝液|钢水|铁水|熔炼|铸造|有色金属|煤气",
        r"冶金|钢铁",
    ),
    _sector(
        "道路运输",
        r"运输|槽罐车|槽车|罐车|危险品车|货车|公路|高速|国道|省道|道路|路上|马路|侧翻",
        r"道路|运输",
    ),
    _sector(
        "特种设备",
        # a 空压机 room's 储气罐 is a pressure vessel
        r"特种设备|电梯|扶梯|锅炉|压力容器|气瓶|起重|吊车|行车|叉车|游乐|压力管道|储气罐|贮气罐|"
        r"塔吊|塔式起重机|龙门吊|施工升降机",  # a site's tower crane and hoist are lifting machinery too
        r"特种设备|起重|叉车|锅炉",
    ),
    _sector("建设施工", r"工地|施工|脚手架|塔吊|基坑|建筑工程|在建", r"建设工程|建筑施工|施工"),
    _sector("养老", r"养老|敬老院|护理院|老年|老人", r"养老"),
    _sector("校园", r"学校|校园|幼儿园|学生|中学|小学|教学楼", r"校园|教育"),
    _sector(
        "商贸",
        r"商场|超市|购物中心|购物广场|商业广场|商业综合体|百货|商厦|商城|卖场|步行街|农贸市场|菜市场|加油站|商铺|商贸|"
        # retail shops are 商贸流通 places too (a restaurant is not: 饭店/餐馆 are left out)
        r"日杂|杂货|便利店|小卖部|零售|批发部|门市|商店|专卖店|烟酒店|五金店|建材店|烟花爆竹店",
        r"商贸|购物中心|商场",
    ),
    _sector("锂电池", r"锂电|电池|储能", r"锂电池|储能"),
    _sector("森林", r"森林|山火|林地|林区|林火|山上|林子|树林|山林", r"森林"),
    _sector(
        "防汛防台",
        r"防汛|汛期|暴雨|台风|内涝|洪水|洪涝|漫堤|决口|积水|高潮位|圩堤|河堤|堤坝|大堤|江堤|管涌|水位|水涨|涨水|"
        r"水漫|漫进|进水了|被淹|淹了|淹水",  # water coming into works and homes is a flood seen
        r"防汛|防台",
    ),
    _sector("燃气", r"燃气|液化气|液化石油气|天然气|管道气|煤气罐", r"燃气|天然气"),
    # a casualty taken to hospital (送医院, 住院) is part of the account, not a hospital or a medical question
    _sector("医疗救援", r"医疗|救治|伤员|急救|" + _NOT_TAKEN + r"医院", r"医疗"),
    _sector("住宅", r"小区|住宅|居民楼|高层|楼道|社区", r"住宅|社区"),
    # department plans for one public service or one kind of site: a fire in a works is not theirs
    _sector("电力", r"停电|电力|供电|变电|电网|输电|电厂", r"电力|供电|停电"),
    _sector("旅游", r"景区|旅游|游客|景点|游乐园", r"旅游|景区"),
    _sector("供水", r"供水|自来水|水厂|停水|水质|爆管", r"供水"),
    _sector("粮食储备", r"粮库|粮食|储备库|粮仓|熏蒸|磷化氢", r"粮食|粮库|储备库"),
    _sector("医院", _NOT_TAKEN + r"医院|病房|门诊|" + _NOT_TAKEN + r"卫生院", r"医院|卫生院"),
)


# A sector's general plan: its title names the sector and the whole class of its accidents
# (工贸行业生产安全事故, 养老机构安全事故, 建设工程施工安全事故), not one accident type (锂电池企业火灾事故).
_WHOLE_CLASS = re.compile(r"(?:行业|企业|领域|机构|校园|工程施工|施工)(?:生产)?安全事故")


# The sector a firm's category in the city's records names (enterprise.category): an enterprise user's
# "我们厂" says no trade word, but its record does. 医药, 加油站 and 其他 name no sector plan here.
_CATEGORY_SECTORS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("机械", "纺织", "轻工", "建材", "烟草"), frozenset({"工贸"})),
    **dict.fromkeys(("冶金", "有色"), frozenset({"工贸", "冶金"})),
    "商贸": frozenset({"商贸"}),
}


def category_sectors(category: str) -> set[str]:
    """The sectors a firm of ``category`` is in; any chemical category (一般化工, 危化品生产,
    使用危化品的化工企业, 危化品经营) is the 危化品 sector."""
    if "化" in category:
        return {"危化品"}
    return set(_CATEGORY_SECTORS.get(category.strip(), frozenset()))


# A sector inside a broader one: the city 工贸 plan lists 冶金、有色 among the trades it is written for,
# the 冶金 department plan those works alone. The broader plan matching an accident by a type of another
# trade (its 涉氨制冷泄漏 for a 煤气 leak) does not make the narrower plan's own accidents its.
_WITHIN: dict[str, str] = {"冶金": "工贸"}


def within_broader(title: str, other: str) -> bool:
    """True when ``other`` is the general plan of a sector that contains the sector ``title`` is the
    general plan of (``title`` the 冶金 plan, ``other`` the 工贸 plan)."""
    outer = general_sectors(other)
    return any(_WITHIN.get(s) in outer for s in general_sectors(title))


# A hazard only the narrower sector's plan lists: 煤气 (blast-furnace, converter, coke-oven gas) is the 冶金
# plan's 煤气中毒; the 工贸 plan's scope (粉尘爆炸、有限空间、高温熔融金属、涉氨制冷) names no 煤气, so a gas
# leak or poisoning at a steel works is the 冶金 plan's alone — unless one of the 工贸 plan's own hazards is
# said as well (a worker overcome in a gas 水封井 is also a confined space). 煤气罐 is a household LPG bottle.
_OWN_HAZARDS: dict[str, re.Pattern[str]] = {"冶金": re.compile(r"煤气(?!罐)")}
_BROADER_HAZARDS: dict[str, re.Pattern[str]] = {
    "工贸": re.compile(r"有限空间|受限空间|[池井窖坑]|粉尘|熔融|铝水|铝液|钢水|铁水|铜水|氨|冷库|制冷")
}


def left_to_narrower(title: str, question: str) -> bool:
    """True when ``title`` is a broader sector's general plan (工贸) and the question's accident is a hazard
    only the narrower sector's plan lists (煤气 → 冶金), none of the broader plan's own hazards said."""
    outer = general_sectors(title)
    return any(
        broad in outer
        and _OWN_HAZARDS[inner].search(question)
        and not _BROADER_HAZARDS[broad].search(question)
        for inner, broad in _WITHIN.items()
    )


def general_sectors(title: str) -> set[str]:
    """The sectors a plan is the general plan of (empty: a plan for named accident types)."""
    return title_sectors(title) if _WHOLE_CLASS.search(title) else set()


def title_sectors(title: str) -> set[str]:
    return {s.name for s in SECTORS if s.title.search(title)}


# A lift or escalator said as where people stood (扶梯口人挤人, 电梯门口摔倒) places an accident; it is no
# accident of the equipment itself, so it names no 特种设备 sector.
LIFT_AS_PLACE = re.compile(r"(?:自动)?(?:扶梯|电梯)(?:口|门口|旁边?|边上?|附近|前面?|厅)")


def asked_sectors(question: str) -> set[str]:
    question = LIFT_AS_PLACE.sub("", question)
    asked = {s.name for s in SECTORS if s.question.search(question)}
    if plan_measures.readings(
        question
    ):  # "预报日降雨量100毫米以上": a flood plan's own trigger, no flood word
        asked.add("防汛防台")
    if _AT_SITE.search(question) and not _ON_ROAD.search(question):
        asked.discard("道路运输")  # a tanker unloading at a station or works is no accident of road transport
    return asked


# Dangerous goods on a road, not at a works' loading bay: "危化品运输车追尾", "高速上槽罐车侧翻"
_ON_ROAD = re.compile(r"公路|高速|国道|省道|县道|道路|路段|路口|路边|路上|出口|追尾|侧翻|翻车")
_AT_WORKS = re.compile(r"装卸|装车|卸车|厂区|厂内|码头|罐区|仓库")
# where a tanker stands to load or unload: the site's accident (the transport plan's scope is 道路运输过程中)
_AT_SITE = re.compile(r"装卸|装车|卸车|卸油|卸料|卸货|加油站|加气站|充装")


def dangerous_goods_on_road(question: str) -> bool:
    """A vehicle carrying dangerous goods in an accident on a road: road transport of dangerous goods,
    which a town's or zone's plan for the accidents of its works (生产、储存、使用) is not written for."""
    asked = asked_sectors(question)
    return (
        {"道路运输", "危化品"} <= asked and bool(_ON_ROAD.search(question)) and not _AT_WORKS.search(question)
    )


def fits_sector(title: str, question: str, also: frozenset[str] = frozenset()) -> bool:
    """True when every sector the plan's title names is one the question is about (a plan naming none
    fits): 长泾镇危险化学品道路运输事故应急预案 needs both a 危化品 and a road accident. ``also``: the
    sectors known besides the words (the asked firm's category)."""
    fits = title_sectors(title) <= asked_sectors(question) | also
    return fits and not left_to_narrower(title, question)  # a 煤气 leak at a steel works: not the 工贸 plan


__all__ = [
    "SECTORS", "asked_sectors", "category_sectors", "dangerous_goods_on_road", "fits_sector", "general_sectors",
    "left_to_narrower", "title_sectors", "within_broader",
]  # fmt: skip
