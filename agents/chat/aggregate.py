"""Rankings, thresholds and per-town counts answered from template rows (ADR 0013): the plan, pure.

"隐患最多的5家企业", "罚款超过5万元的企业", "各镇逾期隐患分别有多少条" ask for a number per enterprise or
per town, which no template returns. Every thing template (hazards, penalties, sensors, cameras,
operations, risk points, events, inspections, hazard sources) returns one row per thing with its
enterprise and town, so the number is a count of rows (or, for penalties, the sum of ``amount_yuan``,
or its largest value for "罚款超过5万元": a penalty over the bound) grouped in Python. The plan here reads

    the measure ─ the thing counted, from the subject word nearest the ranking or threshold cue, with
    the slots and time of its own clause ("有重大危险源的企业里，哪家隐患最多": 隐患, not 重大);
    the group ─ towns when the question says 各镇/哪个镇街/三个镇街, villages for 各村/按村, 行业
    (the firm category) for 按行业/各行业 (``agents.chat.group_words``), else enterprises;
    the cut ─ top N (前三, 5家企业, 最多 = 1, ties at the N-th place shown), a threshold
    (超过 = more than, 以上/不少于/至少 = at least, 万元 for amounts: one penalty's amount unless
    累计/总额/合计 is said), or every group (各镇…分别);
    the restriction ─ what comes before the measure's clause ("华士镇A类企业中", "有重大危险源的企业里"),
    left to the compound planner (ADR 0012) or to enterprise attributes.

It refuses what it cannot do exactly: the least (groups with none are not in the rows), below a
threshold, averages, shares, growth, comparisons of two places, counts within one inspection
(同一次检查), villages.
``agents.chat.aggregate_run`` runs the plan through the templates only (no Cypher here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from agents.chat.condition_templates import template_for
from agents.chat.coverage import ENTERPRISE_NOUN, SUBJECTS, TOP_FIRMS
from agents.chat.either import either_categories
from agents.chat.group_words import PER_CATEGORY, PER_VILLAGE, group_asked, without_group_words
from agents.chat.hazard_age import open_for
from agents.chat.slots import Gazetteer, Slots, extract_slots
from agents.chat.timewords import TimeParser, time_window
from agents.llm.vocab import cn_to_int
from graph.intents import BY_ID

_NUM = r"[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千]+"
# Subject words of the things that can be counted; 事件告警 is any alarm event ("告警最多的企业").
_SUBJECT_RX = {s.name: s.pattern for s in SUBJECTS if s.name != "厂中厂租赁"}
# Counted, inspections need no 被/过 ("检查次数最多"); what an inspection found is a hazard.
_SUBJECT_RX["执法检查"] = re.compile(_SUBJECT_RX["执法检查"].pattern + r"|(?<![排核])检查(?!出|发现|中发现)")
_EVENTS = re.compile(r"告警|报警|预警|警情|事件")

_MOST = re.compile(r"最多|最高|最大|最严重|排名|排行|排前|排在前|靠前|top|TOP|Top")
_TOP_N = re.compile(
    rf"(?:前|top\s*|TOP\s*)({_NUM})\s*(?:名|位|家|个|强)?"
    rf"|({_NUM})\s*(?:家|个)(?:企业|公司|单位|工厂|厂|镇街|镇|街道|乡镇|板块)"
    rf"|(?:最多|最高|最大|最严重)的({_NUM})\s*(?:家|个|名|位)"  # "隐患最多的三家": N after the superlative
)
_FULL_RANKING = re.compile(r"排名|排行|排序")  # without 最多 or a number: every group, best first
_OVER = re.compile(
    rf"(超过|多于|大于|高于|不少于|不低于|至少|达到|满)\s*({_NUM})\s*(万)?\s*(元|块|条|次|个|处|起|项|回)?"
)
_UP = re.compile(rf"({_NUM})\s*(万)?\s*(元|块|条|次|个|处|起|项|回|家)\s*(?:或|及|和)?以上")
_AMOUNT_UNIT = ("元", "块")
_PER_TOWN = re.compile(
    r"(?:各|每|哪|分)(?:个|几个|些|一个)?(?:镇街|镇|街道|乡镇|板块)|按(?:镇|街道|乡镇)"
    r"|(?:的|个|名)(?:镇街|镇|街道|乡镇|板块)"
)
_PER_GROUP_COUNT = re.compile(r"多少|几(?:个|条|处|次|起|项|家)|数量|总额|金额|分别|各是|统计")
_COUNTED_GROUPS = re.compile(r"(?:几|多少)(?:家|个)(?:企业|公司|单位|镇街|镇|街道)?(?!的)")
# Amounts: the penalty's amount_yuan is summed instead of the penalties counted. An amount threshold
# without a total word ("罚款超过5万元的企业") means a penalty over the bound, as in the earlier gold
# (t2c042): the enterprise's largest penalty is compared; "累计罚款超过3万" compares the sum.
_TOTAL = re.compile(r"累计|总额|总共|合计|一共|加起来|总计|共计|累积")
_AMOUNT = re.compile(r"金额|总额|罚了?多少钱|罚的钱|罚款(?!次数|的次数|记录|单)|罚得最")
_TIMES = re.compile(r"次数|几次|多少次|[0-9一二两三四五六七八九十]+次")
# Not exact from the rows: the least (groups with none are missing), below a threshold, averages,
# shares, growth, two places compared, a single penalty, villages, "or" and exclusions.
_REFUSE = re.compile(
    r"最少|最低|最小|倒数|垫底|靠后|以下|不足|(?<!不)少于|(?<!不)低于|不到|不超过|以内|平均|人均|比例|占比|占多少|百分|同比|环比|"
    r"增长|增加了|减少了|下降|上升|相比|比较|对比|单笔|一笔|同一|同次|每次|一次(?:检查|执法|处罚)|村|社区|或者|或是|要么|除了|以外|之外|不是|不属于"
)
# "单笔罚款超过2万元的企业": a bound on one penalty is how a firm's penalties are compared anyway (its
# largest, t2c042), so 单笔 there asks nothing the step cannot do; a total (累计) still compares the sum.
_ONE_PENALTY_BOUND = re.compile(
    r"(?:单笔|一笔)的?罚款(?=(?:金额)?(?:超过|高于|大于|多于|达到|在?[0-9一二两三四五六七八九十]))"
)
_SEP = re.compile(r"[，,、；;。？?！!\s]|并且|而且|同时|其中|(?<!改)中|里面|里头|当中|里|之中")
_STATUS_NEG = re.compile(
    r"(?:未|没|没有|尚未|还没有?|还未)(?:完成)?(?:整改|改|处理|销号|闭环|验收)|不在线|逾期未|超期未|"
    r"不少于|不低于"
)
_OTHER_NEG = re.compile(r"没|未|不|无|非")


@dataclass(frozen=True)
class Measure:
    kind: str  # the coverage subject counted ("隐患"), or 事件告警
    intent: str  # the template whose rows are grouped
    values: dict[str, Any]  # slot values of the measure's own clause
    amount: str = ""  # "sum" or "max" of amount_yuan (penalties) instead of counting rows


@dataclass(frozen=True)
class AggregatePlan:
    measure: Measure
    group: str  # "enterprise" | "town" | "village" | "category"
    top: int | None = None  # the N of a top-N (ties at the N-th place shown)
    threshold: tuple[str, float] | None = None  # (">" | ">=", value)
    counted: bool = False  # the number of groups passing the threshold is asked ("有几家")
    restriction: str = ""  # the words before the measure's clause, for the compound planner
    attributes: dict[str, Any] = field(default_factory=dict)  # enterprise attributes and town said


def plan(
    text: str, slots: Slots, gazetteer: Gazetteer, now_ms: int, time_parser: TimeParser | None = None
) -> AggregatePlan | None:
    """The aggregation a ranking, threshold or per-town count question asks for, or None."""
    either = either_categories(text)  # "冶金或有色企业中…": one attribute with two values
    text = either.text if either is not None else text
    grouped_by = group_asked(text)  # "各村", "按行业": 村 there is the group, not a place below a town
    if _REFUSE.search(_ONE_PENALTY_BOUND.sub("罚款", without_group_words(text))) or open_for(
        text
    ):  # "超过30天没整改": an age on hazards, no bound on a count
        return None
    plain = _blank_towns(text, gazetteer)
    threshold = _threshold(plain)
    per_town = _PER_TOWN.search(plain) is not None or grouped_by is not None
    ranked = _MOST.search(plain) is not None or _TOP_N.search(plain) is not None
    if threshold is None and not ranked and not (per_town and _PER_GROUP_COUNT.search(plain)):
        return None
    cue = _cue_position(plain)
    hits = [(m.start(), m.end(), name) for name, rx in _SUBJECT_RX.items() for m in re.finditer(rx, text)]
    if not any(name == "传感器" for *_, name in hits):  # an alarm of a sensor is the sensor
        hits += [(m.start(), m.end(), "事件告警") for m in _EVENTS.finditer(text)]
    if not hits:
        return _firms_per_town(text, plain, slots, threshold, per_town and grouped_by is None, gazetteer)
    start, end, kind = min(hits, key=lambda h: (_distance(h, cue), -h[0]))
    others = [h for h in hits if h[2] != kind and not (h[0] < end and start < h[1])]
    if any(h[0] > start for h in others):  # a condition after the measure: which clause owns what?
        return None
    cut = max(
        (m.end() for m in _SEP.finditer(text, max((h[1] for h in others), default=0), start)), default=0
    )
    if others and cut == 0:
        return None
    clause, restriction = text[cut:], text[:cut]
    rest = _OVER.sub(" ", _UP.sub(" ", clause))
    if _OTHER_NEG.search(_STATUS_NEG.sub(" ", rest)):
        return None  # "没有整改完的" is a status; any other negation here is not placed
    measure = _measure(kind, clause, threshold, gazetteer, now_ms, time_parser)
    if measure is None:
        return None
    firms = ENTERPRISE_NOUN.search(plain) or TOP_FIRMS.search(plain)  # "…最多的前三家": firms
    group = grouped_by or ("town" if per_town else "enterprise" if firms else None)
    if group is None or (group != "enterprise" and others):
        return None  # "有危险源的企业…哪个镇最多" mixes an enterprise set with towns: not attempted
    if (
        threshold is not None
        and group != "enterprise"
        and (measure.amount == "max" or _FIRM_BOUND.search(plain))
    ):
        return None  # "罚款超过5万元的镇街": one penalty or the total? "隐患超过5条的企业…的镇街": per firm
    said = extract_slots(_blank(restriction or text, hits), gazetteer)
    attributes = {a: getattr(said, a) for a in _ATTRS if getattr(said, a) is not None}
    if "category_group" in attributes:
        attributes["category_group"] = list(attributes["category_group"])
    if either is not None:
        attributes = {k: v for k, v in attributes.items() if k != "category"} | {
            "category_group": either.categories
        }
    if slots.town:
        attributes["town"] = slots.town
    top = _top(plain) if threshold is None and ranked else None
    return AggregatePlan(
        measure, group, top, threshold and (threshold[0], threshold[1]), counted=threshold is not None and bool(_COUNTED_GROUPS.search(plain)),
        restriction=restriction if others else "", attributes=attributes,
    )  # fmt: skip


# A bound said of each firm inside a per-group question ("有隐患超过5条的企业最多的镇街"): not the group's.
_FIRM_BOUND = re.compile(r"(?:超过|多于|大于|不少于|至少|以上)[^，,。？?]{0,6}的(?:企业|公司|单位|厂)")
# "企业数超过60家的镇街", "企业五十家以上的镇街有哪些": each town's number of firms against a bound.
_FIRM_COUNT = re.compile(r"(?:企业|公司|单位|工厂)(?:数|数量|总数|家数)?")


def _firms_per_town(
    text: str, plain: str, slots: Slots, threshold: tuple[str, float, str] | None, per_town: bool, gazetteer: Gazetteer
) -> AggregatePlan | None:  # fmt: skip
    """Towns by their number of firms, cut by a bound (chat-2813's family): enterprise_list rows per town."""
    if threshold is None or not per_town or threshold[2] not in ("", "家") or not _FIRM_COUNT.search(plain):
        return None
    said = extract_slots(text, gazetteer)
    attributes = {a: getattr(said, a) for a in _ATTRS if getattr(said, a) is not None}
    if "category_group" in attributes:
        attributes["category_group"] = list(attributes["category_group"])
    values = attributes | {"_question": text, "_text": text} | ({"town": slots.town} if slots.town else {})
    counted = bool(_COUNTED_GROUPS.search(plain))
    return AggregatePlan(
        Measure("企业", "enterprise_list", values), "town", None, threshold[:2], counted=counted
    )


_ATTRS = ("category", "category_group", "key_domain", "scale", "responsibility_class", "dishonest", "tag")


def _blank_towns(text: str, gazetteer: Gazetteer) -> str:
    """Town names end in 镇/街道: blanked so "华士镇A类企业" does not read as a per-town question."""
    for mention, _ in gazetteer.find(text):
        text = text.replace(mention, " " * len(mention))
    return text


def _blank(text: str, hits: list[tuple[int, int, str]]) -> str:
    for start, end, _ in hits:  # subject words are no attributes ("有限空间作业")
        if end <= len(text):
            text = text[:start] + " " * (end - start) + text[end:]
    return text


def _number(digits: str, wan: str | None) -> float | None:
    value = float(digits) if digits[0].isdigit() else cn_to_int(digits)
    return None if value is None else float(value) * (10_000 if wan else 1)


def _threshold(text: str) -> tuple[str, float, str] | None:
    """(">" or ">=", value, unit) from "超过5万元", "3条以上", "不少于2个", "两次以上"."""
    if m := _OVER.search(text):
        value = _number(m[2], m[3])
        op = ">" if m[1] in ("超过", "多于", "大于", "高于") else ">="
        return None if value is None else (op, value, m[4] or ("元" if m[3] else ""))
    if m := _UP.search(text):
        value = _number(m[1], m[2])
        return None if value is None else (">=", value, m[3])
    return None


def _cue_position(text: str) -> int:
    cues = [
        m.start()
        for rx in (_MOST, _TOP_N, _OVER, _UP, _PER_TOWN, PER_VILLAGE, PER_CATEGORY)
        for m in rx.finditer(text)
    ]
    return min(cues, default=len(text), key=lambda p: p)


def _distance(hit: tuple[int, int, str], cue: int) -> int:
    return 0 if hit[0] <= cue < hit[1] else min(abs(hit[0] - cue), abs(hit[1] - cue))


def _top(text: str) -> int | None:
    if m := _TOP_N.search(text):
        digits = m[1] or m[2] or m[3]
        return int(digits) if digits.isdigit() else cn_to_int(digits)
    if _MOST.search(text) and not re.search(r"最多|最高|最大|最严重", text) and _FULL_RANKING.search(text):
        return None  # "各镇街离线传感器数量排名": the whole ranking
    return 1 if _MOST.search(text) else None


def _measure(
    kind: str, clause: str, threshold: tuple[str, float, str] | None, gazetteer: Gazetteer, now_ms: int,
    parser: TimeParser | None,
) -> Measure | None:  # fmt: skip
    s = extract_slots(clause, gazetteer)
    amounts = kind == "行政处罚" and (
        (threshold is not None and threshold[2] in _AMOUNT_UNIT)
        or (threshold is None and _AMOUNT.search(clause) is not None and not _TIMES.search(clause))
    )
    single = threshold is not None and not _TOTAL.search(clause)
    amount = ("max" if single else "sum") if amounts else ""
    if threshold is not None and threshold[2] in _AMOUNT_UNIT and not amount:
        return None  # an amount said of something without one
    picked = _template(kind, clause, s)
    if picked is None:
        return None
    intent, values = picked
    window = time_window(clause, now_ms, parser, ahead=intent == "special_operations")
    if window is not None and "from_ms" not in BY_ID[intent].slots:
        return None  # "上个月离线传感器最多的": the template has no time, the question has one
    if window is not None:
        values |= {"from_ms": window.from_ms, "to_ms": window.to_ms, "window_label": window.label}
    values = {k: v for k, v in values.items() if v is not None}
    return Measure(kind, intent, values | {"_question": clause, "_text": clause}, amount)


# The rows grouped are a list template's; per town the answer is a count, reported as the family's
# counting intent where it has one ("各镇街分别检查了多少次" is inspection_count, as a single total
# would be). Per enterprise it stays the list's: "罚款超过5万元的企业" names firms (chat-1831).
_COUNT_FORMS = {
    "inspection_list": "inspection_count",
    "penalty_list": "penalty_total",
    "enterprise_list": "enterprise_count_by_town",
}


def counted_intent(p: AggregatePlan) -> str:
    """The intent an aggregated answer reports: per town, village or 行业, the family's count form."""
    m = p.measure
    if m.intent == "cameras_offline" and m.values.get("all_cameras"):
        return "camera_count"
    if m.intent == "sensors_offline" and m.values.get("all_sensors"):
        return "sensor_count"
    return _COUNT_FORMS.get(m.intent, m.intent) if p.group != "enterprise" else m.intent


def _template(kind: str, clause: str, s: Slots) -> tuple[str, dict[str, Any]] | None:
    return template_for(kind, clause, s, counted=True)


UNITS = {
    "隐患": "条", "行政处罚": "次", "执法检查": "次", "重大危险源": "个", "风险点": "个", "特殊作业": "项",
    "传感器": "个", "视频监控": "个", "事件告警": "起", "企业": "家",
}  # fmt: skip

__all__ = ["UNITS", "AggregatePlan", "Measure", "counted_intent", "plan"]
