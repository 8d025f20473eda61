"""Follow-up questions: what a short question keeps from, or changes in, the previous turn.

Duty officers rarely repeat themselves: after "嘉汇化学的法人是谁" they ask "被罚过吗" or "附近的消防队"
(the same enterprise), after "华士镇未整改隐患多少条" they ask "重大的呢" (a bare level word, read
against the previous intent), "都列出来" (the list behind a count) or "各镇呢" (the per-town count).
Pure functions over the question, its slots and the previous ``TurnState``; ``ChatService`` applies them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from agents.chat.excluded_level import excluded_level
from agents.chat.excluded_risk import kept_risk_levels
from agents.chat.firms_behind import firm_count_form
from agents.chat.models import TurnState
from agents.chat.resolve import ResolvedLessor
from agents.chat.router import BARE_LIST, CONFIDENT, GROUPED, LEASE, PROFILE, RouteDecision, family
from agents.chat.sensor_kinds import sensor_kind
from agents.chat.slots import OVERDUE, Slots
from agents.llm.vocab import cn_to_int
from graph.intents import BY_ID

# family → (list intent, count intent, per-group intent)
_SIBLINGS: dict[str, tuple[str | None, str | None, str | None]] = {
    "hazard": ("hazard_list", "hazard_count", "hazard_count_by_town"),
    "enterprise": ("enterprise_list", "enterprise_count", "enterprise_count_by_town"),
    "inspection": ("inspection_list", "inspection_count", None),
    "penalty": ("penalty_list", "penalty_total", None),
    "event": ("events_recent", None, "event_count_by_type"),
    "camera": (None, "camera_count", None),  # "总共装了多少个" after the offline ones: every camera
}
_LIST = re.compile(  # "被罚的是哪家企业" after a total: the one firm (or more) behind it
    r"列出|列一下|列个|明细|清单|名单|具体|详细|哪些|哪几|都是谁|什么时候|哪天|哪一?家|哪个(?:企业|单位|公司|厂)|有没有|有无"
)
# "按类别分一下", "按种类统计", "归一下类": an alarm count split by event type (chat round 36)
_BY_TYPE = r"类型|类别|种类|按类|各类|各种|每种|每类|分类|分个类|归类|归一下类|分别|统计"
# every camera installed, not the rows just listed (chat round 32)
_INSTALLED = re.compile(r"装|总数|所有|全部")
_COUNT = re.compile(r"多少|(?<!哪)几(?:家|条|个|次|起|处)|一共|总共|数量|总数")  # "哪几家" is a list
# A question that widens the subject again does not inherit the previous enterprise.
_WIDENS = re.compile(r"全市|所有|全部|各|每个|哪些企业|哪家|哪几家|企业有|名单|清单|我们|本镇|本街道")
_CARRY_MAX_CHARS = 12
# Pointing back at the previous rows: "其中", "它们", "这几家", "这个出租方", "第二家".
_REFERS_BACK = re.compile(  # a bare "那…呢" ("那临港呢") changes a condition, it does not point back
    r"其中|它|他们|这家|该企业|该公司|这个企业|这些|这几家|那几家|上述|刚才|那家|"
    r"(?<![0-9一二两三四五六七八九十百千万元块条次个家处起项级人吨及或和])以上|"  # not "5万元以上"
    r"这里面|这里头|这当中|这之中|这其中|"
    r"(?:这个|那个|这位|该|此)(?:出租方|出租人|房东|企业|公司|单位|厂|加油站)|"
    r"第\s*[0-9一二三四五六七八九十]+\s*(?:家|个|位|条)|"
    r"[那这]前\s*[0-9一二两三四五六七八九十几]+\s*(?:家|个|名|位)"  # "那前三家里": the ranking just shown
)
_SINGULAR = re.compile(r"它(?!们)|这家|该企业|该公司|这个企业|那家")
_ORDINAL = re.compile(r"第\s*([0-9一二三四五六七八九十]+)\s*(?:家|个|位|条)")
ELLIPTIC = re.compile(
    r"呢[?？]?$|^(那|还有|换成|改成|如果是)|^(?:只|光|仅)(?:看|要|查)|^除了?(?:一般|重大)的"
)
# A continuation that widens the place again is a new question: "全市呢" is read by the town slot rules.
_NEW_SUBJECT = re.compile(r"全市|全区|所有镇|整个|另外")
_CONTINUE_MAX_CHARS = 12
# "都是什么报警", "具体是哪些隐患", "分别是哪几起": the members of what was just counted, nothing new said.
_MEMBERS_ASKED = re.compile(r"^(?:那|那么)?(?:都|具体|分别)(?:是|有)(?:什么|哪些|哪几[起条家个次项处])")
_ALARM_SAID = re.compile(r"报警|告警|异常|事件|预警")
_DEVICES = {"sensors_offline", "sensors_alarming", "cameras_offline", "camera_count"}
# Lists without a count form whose rows name firms: "是哪家企业在搞" after "今天城东有几个特殊作业"
# asks for the same rows again, not for every enterprise.
_ROWS_OF_FIRMS = {"special_operations", "sensors_offline", "sensors_alarming", "risk_points", "hazard_source_list",
                  "hazard_source_enterprises"}  # fmt: skip


def sibling(previous_intent: str | None, text: str) -> str | None:
    """The list / count / per-town form of the previous intent that the follow-up asks for, if any."""
    fam = family(previous_intent)
    if fam is None or fam not in _SIBLINGS:
        return None
    listing, count, grouped = _SIBLINGS[fam]
    if grouped and re.search(_BY_TYPE if fam == "event" else GROUPED, text):  # events group by type
        return grouped
    if count and _COUNT.search(text):  # "一共几个" after the offline ones counts them; 装了多少 every camera
        offline = previous_intent == "cameras_offline" and not _INSTALLED.search(text)
        return previous_intent if offline else count
    if listing and _LIST.search(text):
        return listing
    return None


def bare_levels(text: str, intent: str | None) -> dict[str, object]:
    """Level words that only make sense against the intent: "重大的呢" after a hazard question."""
    fam = family(intent)
    found: dict[str, object] = {}
    if fam == "hazard" and (other := excluded_level(text)):  # "除了一般的还有哪些": the other level
        found["hazard_level"] = other
    elif fam == "hazard" and (m := re.search(r"(重大|一般)", text)):
        found["hazard_level"] = m.group(1)
    elif fam == "hazard_source" and (m := re.search(r"([一二三四1-4])\s*级", text)):
        found["mhs_level"] = "一二三四".index(m.group(1)) + 1 if not m.group(1).isdigit() else int(m.group(1))
    elif intent == "risk_points" and (kept := kept_risk_levels(text, follow_up=True)):  # "除了蓝色的呢"
        found |= {"risk_levels": kept, "risk_level": None}
    elif intent == "risk_points" and (m := re.search(r"重大|较大|一般|低|[红橙黄蓝]色", text)):
        colour = {"红色": "重大", "橙色": "较大", "黄色": "一般", "蓝色": "低"}
        found["risk_level"] = colour.get(m.group(0), m.group(0))
    elif fam == "event" and (m := re.search(r"([红橙黄蓝])色", text)):
        found["event_level"] = m.group(1) + "色"
    elif intent == "lessor_list" and (m := re.search(r"([红黄蓝])(?:色|档|的)", text)):
        found["lessor_grade"] = m.group(1)
    return found


def carried_enterprise(text: str, slots: Slots, previous: TurnState | None) -> str | None:
    """The previous turn's single enterprise, for a short question that names no place of its own."""
    if previous is None or not previous.slots.get("enterprise_id"):
        return None
    # "它最近一次被检查是什么时候" points at the firm by name, however long the question
    too_long = len(text) > _CARRY_MAX_CHARS and _SINGULAR.search(text) is None
    if slots.town or slots.enterprise_mention_strong or too_long or _WIDENS.search(text):
        return None
    return str(previous.slots["enterprise_id"])


def refers_to_rows(text: str, previous: TurnState | None = None) -> bool:
    """The question points back at the previous turn's rows ("其中", "它们", "第一家", "这个出租方"), or
    asks "都是哪些" after a composed answer (no template to list again: its enterprises are the rows)."""
    if _REFERS_BACK.search(text) is not None:
        return True
    composed = previous is not None and not previous.intent and bool(previous.result_enterprises)
    return composed and re.search(BARE_LIST, text) is not None


NOTHING_TO_REFER_TO = (
    "上一个问题没有查到结果，“其中”“它们”没有可指的对象。请直接说出要查的条件，例如：华士镇隐患最多的企业。"
)
# Words that pick from the previous rows as a set; "其中误报的呢" only narrows the previous query (its
# answer may rightly be empty too) and "它的厂房" means the enterprise the previous question named.
# "其中有逾期隐患的呢" asks which of the rows have something: with no rows there is none to pick.
_PICKS_FROM_ROWS = re.compile(r"其中(?:哪|有)|它们|他们|这些|那些|这几|那几")


def nothing_to_refer_to(text: str, listed: TurnState) -> str | None:
    """The reply when "其中哪家/它们" picks from a previous answer that listed nothing. The ids would
    be none, and the question was then answered afresh for every enterprise in scope ("其中哪家隐患
    最多" after 0 医药 firms in 申港 named a chemical firm in 临港) — confidently wrong."""
    named = listed.slots.get("enterprise_id") or listed.slots.get("enterprise_ids")
    listed_nothing = listed.intent and listed.key_kind != "count" and not listed.result_ids
    if listed_nothing and not listed.result_enterprises and not named and _PICKS_FROM_ROWS.search(text):
        return NOTHING_TO_REFER_TO
    return None


def referred_ids(text: str, previous: TurnState) -> list[str] | None:
    """The ids a referring question means: every enterprise of the previous rows, the first one for
    "它/这家", the n-th for "第n家"; a lessor row set ("这个出租方还租给了谁") gives the lessors' ids."""
    ids = previous.result_ids if previous.key_kind == "lessor" else previous.result_enterprises
    if not ids:
        return None
    if m := _ORDINAL.search(text):
        n = int(m.group(1)) if m.group(1).isdigit() else (cn_to_int(m.group(1)) or 1)
        return ids[n - 1 : n] or None
    return ids[:1] if _SINGULAR.search(text) else ids[:500]


def swaps_enterprise(text: str, previous_intent: str | None, intent: str | None) -> bool:
    """ "那达尚食品呢" after "昌江织造有几条隐患没整改": the same question about the firm now named.

    A bare name routes to the firm's profile; said elliptically after a question that takes a firm,
    and asking for nothing a profile holds (法人, 电话, 地址…), it replaces the firm and keeps the rest.
    """
    return (
        intent == "enterprise_profile"
        and previous_intent not in (None, "enterprise_profile")
        and previous_intent in BY_ID
        and "enterprise_id" in BY_ID[previous_intent].slots
        and ELLIPTIC.search(text) is not None
        and re.search(PROFILE, text) is None
    )


def continues(text: str, previous_intent: str | None, intent: str | None, *, moved: bool) -> bool:
    """A short follow-up about the same subject keeps the previous conditions (place, time, filters).

    "本月华士镇检查了多少次" → "都检查了哪些企业" (the list form), "今年被处罚的企业" → "一共罚了多少钱"
    (the total), "各镇隐患数量排名" → "只看重大隐患呢" (the same per-town form, one more condition).
    A new place, a widening word or a longer question starts afresh.
    """
    if swaps_enterprise(text, previous_intent, intent) or firm_count_form(text, previous_intent):
        return True
    if "其中" in text and intent == "enterprise_profile" and not re.search(PROFILE, text):
        # "其中重大的有几条" after a hazard list names no subject of its own (the bare rows read as firms):
        # the count or list form of the previous question, narrowed (chat round 29)
        return sibling(previous_intent, text) is not None
    if len(text) > _CONTINUE_MAX_CHARS or _NEW_SUBJECT.search(text):
        return False
    if (
        re.search(BARE_LIST, text)
        and intent in (None, "enterprise_list")
        and (list_form(previous_intent) or previous_intent in _ROWS_OF_FIRMS)
    ):
        return True  # "今年临港被处罚了几次" → "分别是哪几家企业": the members behind that count
    fam = family(intent)
    if not moved and _MEMBERS_ASKED.search(text) and fam is not None and fam == family(previous_intent):
        return True  # "周庄镇今天有几起报警" → "都是什么报警": the items behind that count (chat round 34)
    related = (
        intent == previous_intent
        or {intent, previous_intent} <= _DEVICES
        or (fam is not None and fam == family(previous_intent))
    )  # "华士镇离线的传感器" → "摄像头呢"; "临港今天的动火" → "吊装呢"
    if not related:
        return False
    if ELLIPTIC.search(text):
        return True
    asked = sibling(previous_intent, text)
    if asked in ("hazard_list", "hazard_count") and OVERDUE.search(text):
        asked = "overdue_hazards"  # "有没有逾期的" after a hazard count: the overdue ones among them
    return not moved and intent != previous_intent and asked == intent


def follow_form(text: str, previous_intent: str, intent: str | None) -> str:
    """The intent of a follow-up merged with the previous turn.

    An unplaced question or one about "其中" takes the list / count / per-town form it asks for, else
    the previous one; an elliptic "…呢" routed to another form of the same subject keeps the previous
    form ("各镇隐患数量排名" → "只看重大隐患呢" stays per town); "离线的呢" after cameras means cameras.
    """
    if swaps_enterprise(text, previous_intent, intent):
        return previous_intent
    if firms := firm_count_form(text, previous_intent):  # "刚才那个数是多少家企业"
        return firms
    form = _merged_form(text, previous_intent, intent)
    if previous_intent == "overdue_hazards" and form == "hazard_list":
        return previous_intent  # "都是哪几家的" after the overdue count: those overdue ones, listed
    # "那其中逾期的呢" after a hazard count: only the overdue list holds the deadline condition
    return "overdue_hazards" if form in ("hazard_list", "hazard_count") and OVERDUE.search(text) else form


def _merged_form(text: str, previous_intent: str, intent: str | None) -> str:
    fam = family(previous_intent)
    if intent is None or "其中" in text or re.search(BARE_LIST, text):
        return sibling(previous_intent, text) or previous_intent
    if ELLIPTIC.search(text) and fam in _SIBLINGS and family(intent) == fam and intent in _SIBLINGS[fam]:
        return sibling(previous_intent, text) or previous_intent
    return intent


_SENSOR_WORDS = re.compile(r"传感器|监测|探测器|物联|仪表")
_CAMERA_WORDS = re.compile(r"摄像|监控|视频|探头|点位")


def same_device(text: str, previous_intent: str | None, intent: str | None) -> str | None:
    """A device follow-up that names no device keeps the previous one ("摄像头有多少个" → "离线的呢"),
    and one that names only the device keeps the previous status ("离线的传感器" → "摄像头呢")."""
    if previous_intent is None or not ELLIPTIC.search(text):
        return intent
    if intent == "sensors_offline" and family(previous_intent) == "camera" and not _SENSOR_WORDS.search(text):
        return "cameras_offline"
    if intent == "camera_count" and previous_intent == "sensors_offline" and _CAMERA_WORDS.search(text):
        return "cameras_offline"
    if (
        previous_intent in ("sensors_offline", "sensors_alarming")
        and sensor_kind(text)
        and not _ALARM_SAID.search(text)
    ):
        return previous_intent  # "只看液位的" after offline sensors: those of that kind, not 液位异常 events
    return intent


def list_form(intent: str | None) -> str | None:
    """The list intent behind a count ("华士镇有几家加油站" → "它们的负责人" needs the stations)."""
    fam = family(intent)
    return _SIBLINGS[fam][0] if fam in _SIBLINGS else None


def landlord_said(text: str, previous: TurnState | None) -> bool:
    """Whether ``text`` may name a landlord: it speaks of leasing, or it follows a question about one
    landlord's tenants with another name ("那顾平的呢" after "王莉出租给了哪些企业")."""
    if re.search(LEASE, text):
        return True
    return (
        previous is not None and previous.intent == "lessees_of_lessor" and ELLIPTIC.search(text) is not None
    )


def landlord_decision(
    decision: RouteDecision, lessor: ResolvedLessor | None, text: str, previous: TurnState | None
) -> RouteDecision:
    """The route once a landlord is named: a person rents out and rents from no one; another landlord
    named after a question about one landlord's tenants ("那顾平的呢") asks for that one's tenants."""
    if lessor is None:
        return decision
    if not lessor.is_enterprise and decision.intent == "lessors_of_enterprise":
        return replace(decision, intent="lessees_of_lessor")
    if not re.search(LEASE, text) and previous is not None and previous.intent == "lessees_of_lessor":
        return RouteDecision("lessees_of_lessor", CONFIDENT, "换一个出租方")
    return decision
