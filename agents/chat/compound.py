"""Multi-condition enterprise questions answered by composing fixed templates (ADR 0012).

"有重大危险源并且被行政处罚过的企业" names two conditions that no one template holds; ``coverage``
notices it. Every condition template is enterprise-rooted and scoped, so instead of asking an LLM to
write the combined query, the planner here

    splits the question into one clause per condition ─ runs that condition's template with the
    slots of its own clause (近一年 belongs to the penalty clause only) ─ takes the enterprise ids of
    its rows ─ intersects them (subtracts a plainly negated one: "从没被检查过") ─ runs
    enterprise_list / enterprise_count / enterprise_count_by_town restricted to those ids, with the
    enterprise attributes said (A类, 危化品生产, 镇街).

It only answers when every condition maps: a threshold, a village, two towns, a ranking, an "or", a
negation it cannot place, a time on a condition without a time slot, a condition it has no template
for (演练, 储存, 厂中厂) leave the question to text-to-Cypher or the polite decline, as before. A wrong
confident list is worse than a decline. ``plan`` is pure (tested with wording alone); ``run_plan``
(``agents.chat.compound_run``) reads the graph through the templates only (all Cypher stays in
``graph/intents*.py``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from agents.chat import registration
from agents.chat.condition_templates import ALARM, template_for
from agents.chat.coverage import (
    ATTRIBUTE_WORDS,
    CHEMICAL_STORED,
    ENTERPRISE_NOUN,
    ENTERPRISES_ASKED,
    NEGATED,
    NEGATED_BEFORE,
    PER_TOWN,
    SUBJECTS,
    attribute_values,
)
from agents.chat.either import either_categories
from agents.chat.either_conditions import blank_ors, either_group, or_between
from agents.chat.hazard_age import without_age
from agents.chat.lease_sides import TENANTS, joined, lease_step, without_lease_words
from agents.chat.router import LEASE, counts
from agents.chat.slots import (
    EVENT_TYPE_SYNONYMS,
    Gazetteer,
    Slots,
    extract_slots,
)
from agents.chat.stored_chemical import stored_chemical, without_chemical
from agents.chat.timewords import TimeParser, time_window
from graph.intents import BY_ID

ATTRIBUTE = "企业类别或等级"  # coverage's name for an enterprise attribute the chosen template lacks
MANY_VALUES = "同一属性的多个取值"  # coverage's name for two values of one attribute ("纺织或者轻工")
_ATTRS = ("category", "category_group", "key_domain", "scale", "responsibility_class", "dishonest", "tag")

_PATTERNS = {s.name: s.pattern.pattern for s in SUBJECTS}
# The spoken forms of a special operation also name the work ("有限空间作业"), which must not be read
# as the 有限空间 key domain of the enterprise.
_PATTERNS["特殊作业"] = (
    r"(?:动火|吊装|盲板抽堵|盲板|高处|受限空间|有限空间|临时用电|动土|断路|特殊)作业|作业票|"
    + _PATTERNS["特殊作业"]
)
_TYPES = "|".join(sorted((re.escape(k) for k in EVENT_TYPE_SYNONYMS), key=len, reverse=True))
_PATTERNS["事件告警"] = rf"(?:{_TYPES})的?(?:告警|报警|预警|事件|报告)|(?:报过|报了|发生过|出过)(?:{_TYPES})"
_KINDS = {name: re.compile(p) for name, p in _PATTERNS.items()}
LEASED = "厂中厂租赁"
# With a landlord named, its tenants are the set (lessees_of_lessor: "正信橡塑租出去的厂房里的纺织企业",
# "茂盛的承租企业里还有隐患没整改的"); without one, tenant words (承租, 租厂房) mean every tenant
# (lease_tenants, by the landlord's grade if said) and landlord words (出租厂房的企业) the landlord
# firms (lessor_list; agents.chat.lease_sides).
_LEASE_WORDS = re.compile(LEASE + r"|租")
# Lease words that name the tenant side; without a landlord named, every tenant (lease_tenants) is the set.
_TENANTS = TENANTS

# Words whose meaning no composition of templates expresses: rankings, sums, thresholds and repeats,
# "or", exclusions, villages, what an inspection found, and conditions without a template (drills,
# stored chemicals, leases).
_REFUSE = re.compile(
    r"最多|最少|最高|最低|排名|排行|占多少|占几|所占|前[0-9一二三四五六七八九十]+[家个名]|平均|比例|占比|相比|比.{0,8}[多少]|单笔|总额|"
    r"金额|合计|以上|以下|超过|不少于|至少|[0-9一两二三四五六七八九十几多]+次|连续|每家|每[天周月年]|或|要么|非|"
    r"除了|以外|之外|除外|不是|不属于|不含|合格|达标|问题|违法|违规|复查|整改率|检查出|检查发现|检查中发现|"
    r"村|社区|储存|存(?!在)|租|"  # drills are a condition since chat-robust18 (drill_list, by holder)
    r"同一|救援|专家|预案|值班|物资|分别(?!(?:有|是)?(?:几|多少)家)|都[^，,。？?]{0,10}吗|是否都|是不是都|"
    # a portrait of each enterprise, or when / how often / which level, is asked for, not which ones
    r"法人|法定代表人|负责人|安全员|老板|电话|联系|地址|员工|人数|次数|几回|几级|哪级|什么等级|什么级别|"
    r"什么时候|何时|哪天|哪一天|多久|几时|时间|"
    # two enterprise sets side by side ("…的企业和…的企业"): a union or two answers, not an intersection
    r"(?:企业|单位|公司|的)(?:和|与|及|以及|跟)"
)
# Clause boundaries between two conditions; the last one before the second condition wins, so its
# modifiers and time ("、今年被罚过", "又有逾期…隐患") stay with it. Not the 中 of 整改中.
_SEP = re.compile(
    r"[，,、；;。？?！!\s]|并且|而且|同时|以及|并|且|又|还|其中|(?<!改)中|里面|里头|当中|里|但是?|可是|不过|和|与|及"
)
# Any other negation left in a clause is one the planner cannot place: give up. A bare 未 counts
# (statuses such as 未整改 are removed first): an unplaced 尚未 had been read as "has been".
_OTHER_NEG = re.compile(r"(?<!有)(?:没|未|从未|不曾|并无)")
# "一次都没被检查过", "一次检查都没有": never, not a count of repeats (refused as "N次")
_NOT_EVEN_ONCE = re.compile(r"一次(?=(?:执法检查|检查|处罚|罚款|应急演练|演练|演习)?(?:都|也)(?:没|未))")
# A negation right after the subject word ("一次检查都没有的", "处罚也没有过"), as NEGATED_BEFORE before it.
_NEGATED_AFTER = re.compile(
    r"(?:记录)?(?:一次)?(?:都|也|还|从来)?(?:没有?|未)(?:有过|做过|搞过|过|有|搞|做|(?:组织|开展|举行|进行)过?)?(?=的|$|[，,。？?])"
)
_STATUS_NEG = re.compile(
    r"(?:未|没|没有|尚未|还没有?|还未)(?:完成)?(?:整改|改|处理|销号|闭环|验收)|不在线|逾期未|超期未"
)
_SUBJECT_WORDS = "|".join(f"(?:{p})" for p in _PATTERNS.values())
# The things themselves are asked for, not enterprises: "处罚过的企业的隐患有哪些", "A类企业的逾期隐患",
# "有几条逾期隐患", "罚了多少钱". A single template answers those, or nothing does. "哪家的传感器掉线了"
# asks which enterprise, not for the sensors.
_ITEMS_ASKED = re.compile(
    rf"(?:企业|单位|公司|厂|(?<!哪)家|它们|他们|这些)的[^，,、；;。？?的]{{0,6}}(?:{_SUBJECT_WORDS})"
    rf"|(?:{_SUBJECT_WORDS})(?:都|分别)?(?:有哪些|是哪些|是什么|有什么|有啥|清单|记录|明细|详情|情况|名单|列表)"
    r"(?!企业|单位|公司|家)"
    r"|[几多少]+(?:条|处|次|起|项|笔|张|位|名|吨|元|钱|个(?!企业|单位|公司|厂))|罚了多少|罚款多少"
    # "有哪些隐患", "什么处罚" (the things as nouns), not "哪些四级重大危险源企业" nor "哪些今年被检查过"
    r"|(?:哪些|什么|哪几|哪类|哪种)[^有的被受挨在搞做进行存，,、]{0,4}"
    r"(?:隐患|危险源|风险点|传感器|探测器|摄像头|作业|处罚|罚单|告警|报警)(?!的?(?:企业|单位|公司|厂))"
)
# Conditions that happen at a time (not states like an open hazard): a time said before the first of
# them may be meant for the others too ("今年被检查过又被处罚过的企业"), unless they say their own.
_EVENTS = ("penalty_list", "inspection_list", "special_operations", "sensors_alarming", "events_recent")
_ALL_TIME = re.compile(r"至今|从来|从未|从没|曾经|历来|一直|历史上|有史以来")
# A condition word left over once every mapped condition is blanked out ("报过警" without an event
# type, "挨过罚", "高风险"): a condition the planner did not map, so its answer would drop it.
_UNMAPPED = re.compile(
    r"报警|告警|预警|报过?警|事件|事故|火情|警情|罚|检查|查过|执法|作业|监测|监控|摄像|风险|危险源|隐患|传感器"
)
_ALARM_WORDS = re.compile(ALARM.pattern + r"|事件|报告")
# Level words in a clause whose template then has no level: said in a form the slot filler missed.
_LEVEL_SLOTS = ("mhs_level", "hazard_level", "hazard_status", "risk_level")
_NO_LEVEL = re.compile(r"(?!)")
_LEVEL_SAID = {intent: _NO_LEVEL for intent in BY_ID} | {
    "hazard_source_enterprises": re.compile(r"[一二三四1-4]\s*级"),
    "hazard_list": re.compile(r"重大|一般(?!化工)"),
    "overdue_hazards": re.compile(r"重大|一般(?!化工)"),
    "risk_points": re.compile(r"重大|较大|一般(?!化工)|低|[红橙黄蓝]色"),
}
_GROUPED = re.compile(PER_TOWN.pattern + "|分布")  # per-town cues, and "…的企业分布在哪"
# "多少家企业的摄像头掉线了" counts enterprises (by their cameras), not cameras: read as "…企业有摄像头…".
_COUNTED_ENTERPRISES = re.compile(r"((?<!哪)(?:几|多少)家(?:企业|单位|公司|工厂)?)的")


@dataclass(frozen=True)
class Condition:
    kind: str  # the coverage subject it expresses ("行政处罚"), or 事件告警
    intent: str  # the template whose rows give the enterprises
    values: dict[str, Any]  # slot values read off its own clause
    clause: str
    negated: bool = False

    @property
    def id_column(self) -> str:
        intent = BY_ID[self.intent]  # a drill's holder is the enterprise that held it
        return (
            "id"
            if intent.key_kind in ("enterprise", "lessor")  # a corporate lessor's id is its enterprise's
            else ("holder_id" if "holder_id" in intent.columns else "enterprise_id")
        )


@dataclass(frozen=True)
class Plan:
    conditions: tuple[Condition, ...]
    final: str  # enterprise_list | enterprise_count | enterprise_count_by_town
    attributes: dict[str, Any]  # town and enterprise attributes, for every step
    either: tuple[
        int, ...
    ] = ()  # conditions joined by 或: the firms meeting any of them (agents.chat.either_conditions)


def plan(
    text: str,
    slots: Slots,
    missing: tuple[str, ...],
    gazetteer: Gazetteer,
    now_ms: int,
    time_parser: TimeParser | None = None,
    *,
    landlord: str | None = None,
) -> Plan | None:
    """The composition for an enterprise question with several conditions, or None (not confident).
    ``landlord``: the lessor (id) the question names with a lease word; its tenants are a condition."""
    known = set(_KINDS) | {ATTRIBUTE, ENTERPRISES_ASKED, NEGATED, CHEMICAL_STORED}
    stored = stored_chemical(text)  # "存有液氯的企业": a condition, blanked out so 存 is no refusal word
    text = without_chemical(text, stored) if stored is not None else text
    either = either_categories(text)  # "纺织或者轻工企业": one attribute with two values
    if either is not None:
        text, missing = either.text, tuple(m for m in missing if m != MANY_VALUES)
    if landlord and slots.enterprise_mention:  # the landlord's own name says no attribute (远佳纺织);
        name = _LEASE_WORDS.split(slots.enterprise_mention)[0]  # a mention may run on ("正信橡塑租出去")
        text = text.replace(name, " " * len(name)) if name else text
    if not missing or any(m not in known for m in missing):
        return None
    aged = without_age(text)  # "超过30天没整改" is an age on the hazards (agents.chat.hazard_age), no bound
    ors = or_between(text, _condition_hits(text))  # "被处罚过或者有重大隐患没整改的": a union
    if ors:
        text, aged = blank_ors(text, ors), blank_ors(aged, ors)
    if _REFUSE.search(
        _NOT_EVEN_ONCE.sub(" ", _LEASE_WORDS.sub(" ", aged) if landlord else without_lease_words(aged))
    ):
        return None
    if not ENTERPRISE_NOUN.search(text) or _ITEMS_ASKED.search(_COUNTED_ENTERPRISES.sub(r"\1有", text)):
        return None
    hits = _condition_hits(text)
    hits = joined(hits, text, LEASED)  # "出租方是红色等级的承租企业": one lease condition
    if not hits or len({k for _, _, k in hits}) != len(hits):  # a condition said twice: which clause?
        return None
    alternatives = either_group(hits, ors) if ors else ()
    if alternatives is None:
        return None  # 或 between two separate pairs of conditions: how do they nest?
    bounds = _clause_bounds(text, hits, lambda part: time_window(part, now_ms, time_parser) is not None)
    conditions: list[Condition] = []
    for (start, end, kind), (lo, hi) in zip(hits, bounds, strict=True):
        if kind == LEASED:  # no negation or time is placed on a lease: its clause must hold neither
            if (
                NEGATED_BEFORE.search(text[lo:start])
                or time_window(text[lo:hi], now_ms, time_parser) is not None
            ):
                return None
            conditions.append(
                Condition(kind, "lessees_of_lessor", {"enterprise_id": landlord}, text[lo:hi])
                if landlord
                else Condition(kind, *lease_step(text[start:end]), text[lo:hi])  # tenants, or landlord firms
            )
            continue
        made = _condition(kind, text[lo:hi], start - lo, gazetteer, now_ms, time_parser)
        if made is None:
            return None
        conditions.append(made)
    if _time_is_ambiguous(conditions, text[: hits[0][0]], now_ms, time_parser):
        return None
    blanked = text
    for start, end, _ in hits:  # the condition words are not enterprise attributes ("有限空间作业")
        blanked = blanked[:start] + " " * (end - start) + blanked[end:]
    for c, (lo, hi) in zip(conditions, bounds, strict=True):  # "传感器报警过": the alarm word is its own
        if c.intent in ("sensors_alarming", "events_recent"):
            blanked = (
                blanked[:lo] + _ALARM_WORDS.sub(lambda m: " " * len(m[0]), blanked[lo:hi]) + blanked[hi:]
            )
    if _UNMAPPED.search(blanked):
        return None
    if any(len(attribute_values(blanked, table)) > 1 for table in ATTRIBUTE_WORDS):
        return None  # "A类和B类企业": the slots hold one value, the question names several
    said = extract_slots(blanked, gazetteer)
    attributes: dict[str, Any] = {a: getattr(said, a) for a in _ATTRS if getattr(said, a) is not None}
    if "category_group" in attributes:
        attributes["category_group"] = list(attributes["category_group"])
    if either is not None:
        attributes = {k: v for k, v in attributes.items() if k != "category"} | {
            "category_group": either.categories
        }
    if stored is not None:  # stored by the hazard source said in its clause, else held by the firm
        chemical = {"chemical": list(stored.ids), "chemical_word": stored.word}
        at = next((i for i, (lo, hi) in enumerate(bounds) if lo <= stored.start < hi), -1)
        if at >= 0 and "chemical" in BY_ID[conditions[at].intent].slots:
            conditions[at] = replace(conditions[at], values=conditions[at].values | chemical)
        else:
            attributes |= chemical
    if len(conditions) < 2 and not attributes and not registration.active() and not {ENTERPRISES_ASKED, NEGATED} & set(missing):  # fmt: skip
        return None  # one condition alone is a single template's question, unless enterprises or its
        # complement ("哪些企业今年没被检查过") are asked
    if slots.town:
        attributes["town"] = slots.town
    final = (
        "enterprise_count_by_town"
        if _GROUPED.search(text)
        else "enterprise_count"
        if counts(text)
        else "enterprise_list"
    )
    if any(conditions[i].negated for i in alternatives):
        return None  # "没被检查过或者被罚过": a union with a complement is not composed here
    return Plan(tuple(conditions), final, attributes, alternatives)


def _time_is_ambiguous(
    conditions: list[Condition], lead: str, now_ms: int, parser: TimeParser | None
) -> bool:
    """A time before the first condition, and a later timed condition without a time of its own."""
    if time_window(lead, now_ms, parser) is None:
        return False
    return any(c.intent in _EVENTS and c.values.get("from_ms") is None and not _ALL_TIME.search(c.clause)
               for c in conditions[1:])  # fmt: skip


def _condition_hits(text: str) -> list[tuple[int, int, str]]:
    """Where each condition's subject word is said, in order, overlapping ones reduced to the first."""
    return _outermost(
        sorted((m.start(), m.end(), kind) for kind, rx in _KINDS.items() for m in rx.finditer(text))
    )


def _outermost(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Matches of different kinds may overlap ("传感器告警"): keep the first, drop those inside it."""
    kept: list[tuple[int, int, str]] = []
    for hit in hits:
        if kept and hit[0] < kept[-1][1]:
            continue
        kept.append(hit)
    return kept


def _clause_bounds(
    text: str, hits: list[tuple[int, int, str]], is_time: Callable[[str], bool] = lambda _: False
) -> list[tuple[int, int]]:
    """Cut between two conditions at the last separator before the second, so its words stay with it;
    a time between two separators goes with the second too: in "有重大危险源、今年又被处罚过" the cut
    at 又 would leave 今年 on the hazard-source clause (which has no time, so the plan was dropped)."""
    cuts = [0]
    for (_, a_end, _), (b_start, _, _) in itertools.pairwise(hits):
        seps = [(m.start(), m.end()) for m in _SEP.finditer(text, a_end, b_start)]
        if not seps:
            cuts.append(a_end)
            continue
        cut = seps[-1][0]
        for start, end in reversed(seps[:-1]):
            between = text[end:cut]
            if not between.strip() or not is_time(between):
                break
            cut = start
        cuts.append(cut)
    cuts.append(len(text))
    return list(itertools.pairwise(cuts))


def _condition(
    kind: str, clause: str, start: int, gazetteer: Gazetteer, now_ms: int, parser: TimeParser | None
) -> Condition | None:
    """One condition from its clause (``start``: where its subject word begins), or None."""
    negation = NEGATED_BEFORE.search(clause[:start])
    said = _KINDS[kind].match(clause, start)
    after = None if negation or said is None else _NEGATED_AFTER.match(clause, said.end())
    negated = negation is not None or after is not None
    rest = clause[: negation.start()] + clause[start:] if negation else clause
    if after is not None:  # "检查都没有的": the negation said after its subject
        rest = clause[: after.start()] + clause[after.end() :]
    if _OTHER_NEG.search(_STATUS_NEG.sub("", rest)):
        return None  # "近一年没有组织过…", "不是没有…": a negation this planner cannot place
    s = extract_slots(clause, gazetteer)
    window = time_window(clause, now_ms, parser, ahead=kind == "特殊作业")
    picked = _template(kind, clause, s)
    if picked is None:
        return None
    intent, values = picked
    if _LEVEL_SAID[intent].search(clause) and all(values.get(k) is None for k in _LEVEL_SLOTS):
        return None  # "危险源是一级的": a level said in a form the slots did not read
    if window is not None and "from_ms" not in BY_ID[intent].slots:
        return None  # "上个月有重大危险源的": the template has no time, the clause has one
    if window is not None:
        values |= {"from_ms": window.from_ms, "to_ms": window.to_ms, "window_label": window.label}
    return Condition(kind, intent, values | {"_question": clause, "_text": clause}, clause, negated)


def _template(kind: str, clause: str, s: Slots) -> tuple[str, dict[str, Any]] | None:
    return template_for(kind, clause, s, counted=False)


__all__ = ["ATTRIBUTE", "MANY_VALUES", "Condition", "Plan", "plan"]
