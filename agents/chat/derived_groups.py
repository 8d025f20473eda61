"""Per-group derived figures, read (ADR 0018, round 3): which grouped share, change or average is asked.

"各类企业分别占多大比重", "重大隐患和一般隐患各占百分之几", "本月各镇执法检查次数环比上月增长了多少",
"华士和周庄危化企业占比", "危化企业户均有几条隐患", "平均每次检查查出几条隐患", "各类企业平均每家几个传感器":
rounds 1 and 2 read one pair of counts; a breakdown (by town, category, level, event type) or an
average whose members carry a condition was declined or counted over the wrong records. Here the
question is read into one grouped query of ``graph.derived_queries`` (pure text work): the records
counted, the group, the conditions of the whole and of the part, and for a change the comparison.
Running it and the answer are ``derived_group_run``'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from agents.chat.slots import Gazetteer, Slots, extract_slots

Mode = Literal["share", "growth", "average"]

_OPEN = ("待整改", "整改中")
# counted nouns → record kind; the last one said before the figure word is the one counted
_NOUNS = re.compile(
    r"重大危险源|危险源|执法检查|检查|行政处罚|处罚次数|罚款次数|处罚|告警|报警|传感器|隐患|企业|厂子|单位|公司|职工|员工|从业人员"
)
_KIND = {
    "重大危险源": "重大危险源",
    "危险源": "重大危险源",
    "执法检查": "执法检查",
    "检查": "执法检查",
    "行政处罚": "行政处罚",
    "处罚": "行政处罚",
    "处罚次数": "行政处罚",
    "罚款次数": "行政处罚",  # 罚款次数 counts penalties; 罚款金额 is MONEY_SAID's (round 9)
    "告警": "告警",
    "报警": "告警",
    "传感器": "传感器",
    "隐患": "隐患",
    "企业": "企业",
    "厂子": "企业",
    "单位": "企业",
    "公司": "企业",
    "职工": "职工",
    "员工": "职工",
    "从业人员": "职工",
}
_UNIT = {
    "企业": "家",
    "隐患": "条",
    "告警": "条",
    "执法检查": "次",
    "传感器": "个",
    "重大危险源": "处",
    "行政处罚": "起",
    "职工": "人",
    "罚款金额": "元",
}
# 罚了多少钱, 罚款多少元, 罚款金额: the amounts summed, not the penalties counted (round 4)
MONEY_SAID = re.compile(
    r"罚了?(?:款)?(?:多少钱|多少元|金额|几元|多少万)|罚款(?:金额|总额)?(?:是|有)?多少|罚款(?:金额|总额|数额)|罚没(?:金额|款)"
)

_PER_TOWN = re.compile(r"各个?(?:镇街道|镇街|镇|街道)|每个(?:镇街|镇|街道)|分镇街?|按镇街?")
_PER_CATEGORY = re.compile(
    r"各(?:个)?(?:类|类别|类型|种|行业)(?:的)?企业|各行业|按(?:所在)?(?:企业)?(?:的)?(?:行业|类别)|分行业|行业类别"
)
_PER_TYPE = re.compile(r"各(?:个)?(?:类|类型|种)(?:的)?(?:告警|报警|事件)|告警.{0,3}按类型")
_PER_LEVEL = re.compile(
    r"各(?:个)?(?:级|等级|级别)|按(?:等级|级别)|重大(?:隐患)?[和与、及]一般|一般(?:隐患)?[和与、及]重大"
)
_PER_FIRM = re.compile(r"各家?企业|各个企业")  # 前五家企业各占 (round 9; derived_ranked says it so)
_PER_SENSOR_TYPE = re.compile(r"各(?:个)?(?:类|类型|种)(?:的)?传感器")
_TWO_PLACES = re.compile(r"[和与、及跟]")
_EACH = re.compile(r"各|分别|两个|两地|各自")

_SHARE = re.compile(r"占比|比例|比重|百分之|百分比|(?<!所)占(?!用|地)(?:了)?(?:多少|几)")
# a share said as one: 百分之几 / 百分比 alone after a comparison asks the size of the change (round 6)
_SHARE_WORD = re.compile(r"(?<!所)占(?!用|地)|比重|(?<!增长|增加|下降|减少)(?<![涨降])比例")
_AVERAGE = re.compile(
    r"平均每(?:一)?(?P<u>[家户个次起])|户均|家均|次均|每(?:一)?(?P<u2>[家户次])(?P<mid>[^，,。？?平]{0,8}?)平均"
    r"|(?:平均)?每(?P<k>[十百千万])家"  # 每千家企业有多少条 (round 9): a mean scaled to 1,000 firms
)
# 每千家企业: the mean per firm times the scale, as rates of rare records are briefed (evals/README.md (49))
_SCALE = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_GROWTH = re.compile(r"环比|同比|增长|增幅|增减|变化|涨幅|降幅|涨了|降了|跌了|增加|减少|下降|上升")
_COMPARE = re.compile(r"环比|同比|(?:跟|和|与|比|较|同)(?:上个?月|上周|上季度|去年同期|上年同期|去年|上年)")
_OWN_WHOLE = re.compile(r"本镇|本街道|本镇街|本辖区|各自|所在|该镇|自己")
_CITY = re.compile(r"全市")
_SENSOR_TYPE = re.compile(r"(温度|液位|压力|浓度|视频)(?:传感器|探头)")


@dataclass(frozen=True)
class Grouped:
    """One grouped figure: ``kind`` counted per ``group`` (``""`` = no group) under ``filters``.

    share: ``part`` conditions on top of ``filters``; ``own_whole`` = each group over its own records,
    else every group over one whole (their sum). growth: ``comparison`` 环比/同比 and ``period_text``,
    the part of the question that says this period. average: ``members`` (企业/执法检查) and ``kind``
    the total counted per member (职工 = their employees)."""

    mode: Mode
    kind: str
    group: str
    filters: dict[str, Any] = field(default_factory=dict)
    part: dict[str, Any] = field(default_factory=dict)
    own_whole: bool = False
    comparison: str = ""
    period_text: str = ""
    members: str = ""
    towns: tuple[str, ...] = ()
    city_whole: bool = False  # the whole said as 全市: not a town officer's to see
    per: int = 1  # average: per this many members (每千家企业 = 1000, round 9)

    @property
    def unit(self) -> str:
        return _UNIT.get(self.kind, "")


def grouped(text: str, gazetteer: Gazetteer) -> Grouped | None:
    """The grouped figure ``text`` asks, or None (not one: the earlier derived steps read it)."""
    named = sorted(gazetteer.find(text), key=lambda f: text.find(f[0]))  # in the order said
    towns = tuple(dict.fromkeys(t for _, t in named))
    if (avg := _AVERAGE.search(text)) is not None:
        return _average(text, avg, gazetteer, towns)
    share, growth = _SHARE.search(text), _COMPARE.search(text) if _GROWTH.search(text) else None
    if growth is not None and not _SHARE_WORD.search(text):
        share = None  # "跟上个月比涨了百分之几": the change in percent, not each group's share
    if share is None and growth is None:
        return None
    group, towns = read_group(text, towns)
    if not group and share is None:
        return None  # a change of one quantity: round 1's
    if growth is not None and share is None:
        before = text[: growth.start()]
        kind = (
            "罚款金额" if MONEY_SAID.search(before) else record_kind(before)
        )  # 罚款金额环比: the sums (round 5)
        if kind is None or kind == "职工":
            return None
        slots = extract_slots(before, gazetteer)
        comparison = "同比" if re.search(r"同比|去年|上年", growth.group(0)) else "环比"
        return Grouped(
            "growth",
            kind,
            group,
            conditions_of(slots, kind, group),
            comparison=comparison,
            period_text=before,
            towns=towns,
        )
    assert share is not None
    cut = re.search(r"(?<!所)占(?!用|地)", text)
    part_text, whole_text = (text[: cut.start()], text[cut.end() :]) if cut else (text[: share.start()], "")
    kind = record_kind(part_text) or record_kind(whole_text)
    if kind is None or kind == "职工":
        return None
    part = conditions_of(extract_slots(part_text, gazetteer), kind, group, part_text)
    whole = conditions_of(extract_slots(whole_text, gazetteer), kind, group, whole_text)
    extra = {k: v for k, v in part.items() if whole.get(k) != v}
    filters = {k: v for k, v in part.items() if k not in extra} | whole
    city = bool(_CITY.search(whole_text))
    if not group:  # "视频传感器占所有传感器": one part over one whole, where round 1's pair found no whole
        return (
            Grouped("share", kind, "", filters, extra, True, period_text=text, towns=towns, city_whole=city)
            if extra
            else None
        )
    own = (
        bool(extra)
        and not _CITY.search(whole_text)
        and (group == "town" or bool(_OWN_WHOLE.search(whole_text)))
    )
    if group != "town" and extra and not own:
        filters, extra = filters | extra, {}  # "利港各级危险源占比": the part's words bound the whole too
    return Grouped("share", kind, group, filters, extra, own, period_text=text, towns=towns, city_whole=city)


def read_group(text: str, towns: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The group asked and the towns named: two towns side by side are a town group of those two."""
    if _PER_TYPE.search(text):
        return "event_type", towns
    if _PER_SENSOR_TYPE.search(text):
        return "sensor_type", towns
    if _PER_CATEGORY.search(text):
        return "category", towns
    if _PER_LEVEL.search(text):
        return "level", towns
    if _PER_FIRM.search(text):
        return "firm", towns
    if _PER_TOWN.search(text):
        return "town", ()
    if len(towns) >= 2 and _TWO_PLACES.search(text) and _EACH.search(text):
        return "town", towns
    return "", towns


def record_kind(phrase: str) -> str | None:
    said = [m.group(0) for m in _NOUNS.finditer(phrase)]
    if not said:
        return None
    kinds = [_KIND[w] for w in said]
    # "隐患" after "检查" ("检查查出的隐患") or "企业" before a record ("危化企业的隐患"): the record is counted
    records = [k for k in kinds if k not in ("企业", "职工")]
    return records[-1] if records else kinds[-1]


def conditions_of(s: Slots, kind: str, group: str, text: str = "") -> dict[str, Any]:
    """The slots that condition ``kind``'s records, as ``graph.derived_queries`` parameters; the group's
    own dimension is no condition ("重大隐患和一般隐患各占": both levels are the groups)."""
    out: dict[str, Any] = {}
    if kind != "告警" and group != "category":
        if s.category_group:
            out["categories"] = list(s.category_group)
        elif s.category:
            out["categories"] = [s.category]
    if kind != "告警" and s.key_domain:
        out["key_domain"] = s.key_domain
    if kind == "隐患":
        if s.hazard_level and group != "level":
            out["level"] = s.hazard_level
        if s.hazard_status:
            out["statuses"] = [s.hazard_status]
        elif s.open_only or s.overdue:
            out["statuses"] = list(_OPEN)
        if s.overdue:
            out["overdue"] = True
    if kind == "告警":
        if s.event_type and group != "event_type":
            out["event_type"] = s.event_type
        if s.event_status:
            out["statuses"] = [s.event_status]
        if s.event_level and group != "level":
            out["level"] = s.event_level
    if kind == "重大危险源" and s.mhs_level and group != "level":
        out["level"] = s.mhs_level
    if kind == "传感器" and group != "sensor_type" and (said := _SENSOR_TYPE.search(text)):
        out["sensor_type"] = said.group(1)
    if kind == "传感器" and (state := re.search(r"在线|离线", text)):
        out["online"] = state.group(0) == "在线"
    return out


def _average(text: str, m: re.Match[str], gazetteer: Gazetteer, towns: tuple[str, ...]) -> Grouped | None:
    """ "危化企业户均有几条隐患", "平均每次检查查出几条隐患", "本镇各类企业平均每家装了几个传感器"."""
    unit = m["u"] or m["u2"] or "户"
    before, after = (
        text[: m.start()] + (m["mid"] or ""),
        text[m.end() :],
    )  # "每家加油站平均": the firms' words
    total = (
        "罚款金额" if MONEY_SAID.search(after) or MONEY_SAID.search(before) else record_kind(after)
    )  # 罚款金额平均每家
    if unit in "家户个" and (unit != "个" or re.match(r"^(?:企业|单位|公司)", after)):
        members = "企业"
    elif unit == "次" and (re.search(r"检查$", before) or after.startswith(("检查", "执法检查"))):
        members = "执法检查"
    elif unit in "起次" and total == "罚款金额" and re.search(r"处罚|罚款|罚", before + after[:4]):
        members = "行政处罚"  # 平均每起罚款多少元: the penalties are the members
    else:
        return None  # 每个镇: round 2's (or, per group, derived_group_rates)
    if total is None or total == members or (members == "执法检查" and total not in ("隐患", "行政处罚")):
        return None
    group, towns = read_group(text, towns)
    if group not in ("", "town", "category") or (members == "行政处罚" and not group):
        return None  # one average per penalty over the city: round 2's
    slots = extract_slots(before + after, gazetteer)
    filters = conditions_of(slots, "企业", group) | {
        k: v for k, v in conditions_of(slots, total, group).items() if k not in ("categories", "key_domain")
    }
    if total == "传感器":
        filters |= conditions_of(slots, "传感器", group, after)
    if not group and len(towns) == 1:
        towns = towns  # "周庄镇的企业户均": that town's firms
    elif not group and len(towns) > 1:
        return None
    per = _SCALE[m["k"]] if m["k"] else 1
    return Grouped("average", total, group, filters, members=members, period_text=text, towns=towns, per=per)


__all__ = ["MONEY_SAID", "Grouped", "conditions_of", "grouped", "read_group", "record_kind"]
