"""Does the chosen template cover every condition the question names?

A question that combines two conditions ("临港有一级重大危险源、今年又被处罚过的企业") is caught by
the rule for one of them; answering it with that template silently drops the other condition and
gives a confident, wrong list. This check lists the conditions the question states that the chosen
template has no slot for; ``ChatService`` then hands the question to text-to-Cypher (LLM configured)
or says which fixed queries it can answer instead.

Only unambiguous cues count (a first try with the schema keyword map flagged 13 % of ordinary template
questions): a subject word of another template family (处罚, 危险源, 隐患, 传感器, …), an enterprise
attribute said with an enterprise noun (A类企业, 危化品生产企业), a numeric threshold (超过5万元, 3条以上),
two towns at once and a village or community (templates stop at the town).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.chat import registration
from agents.chat.camera_point import camera_point
from agents.chat.group_words import group_asked
from agents.chat.hazard_age import without_age
from agents.chat.level_ranges import LEVEL_THRESHOLD
from agents.chat.offline_age import without_offline_age
from agents.chat.router import LEASE, PENALTY
from agents.chat.slots import (
    CATEGORY_SYNONYMS,
    KEY_DOMAIN_SYNONYMS,
    SCALE_SYNONYMS,
    Gazetteer,
    Slots,
    extract_slots,
)
from agents.chat.stored_chemical import stored_chemical
from graph.intents import BY_ID


@dataclass(frozen=True)
class Subject:
    name: str  # how the reply names the condition
    pattern: re.Pattern[str]
    covered_by: tuple[str, ...]  # intents whose template expresses it, the plainest first


def _subject(name: str, pattern: str, *intents: str) -> Subject:
    return Subject(name, re.compile(pattern), intents)


_HAZARDS = ("hazard_list", "overdue_hazards", "hazard_count", "hazard_count_by_town")
SUBJECTS: tuple[Subject, ...] = (
    _subject("行政处罚", PENALTY, "penalty_list", "penalty_total"),
    # "被检查过" / "执法检查": inspections; "排查出/检查出的隐患" are hazards found, not a condition
    # "一次检查都没有": the noun with the negation after it
    _subject("执法检查", r"被(?:执法)?检查|检查过|被查过?(?!出)|(?<![排核])查过|执法检查(?!发现|中发现|查出)"
             r"|检查(?=(?:记录)?(?:都|也|还|从来)(?:没有?|未))",
             "inspection_list", "inspection_count"),
    _subject("重大危险源", r"危险源", "hazard_source_list", "hazard_source_enterprises",
             "hazard_source_count_by_level", "town_overview"),
    _subject("隐患", r"隐患", *_HAZARDS, "town_overview"),
    _subject("传感器", r"传感器|探测器|监测设备|物联|监测探头|[监检]测仪|检测设备", "sensors_offline", "sensors_alarming", "sensor_count", "town_overview"),
    _subject("视频监控", r"摄像|视频|(?<!监测)探头|监控点|点位", "cameras_offline", "camera_count"),
    _subject("特殊作业", r"动火|吊装|盲板|特殊作业|(?:高处|受限空间|临时用电|动土|断路)作业", "special_operations"),
    _subject("风险点", r"风险点", "risk_points"),
    _subject("应急演练", r"演练|演习", "drill_list", "drill_count"),
    _subject("厂中厂租赁", LEASE, "lessees_of_lessor", "lessors_of_enterprise", "lessor_list", "lessor_count",
             "lease_tenants", "lease_tenant_count", "drill_list", "drill_count"),
)  # fmt: skip
_NO_TOWNS = Gazetteer.from_towns([])
# A negation directly before a condition ("从来没被检查过", "没有重大危险源"); not "有没有" (a question)
# and not "没整改的隐患" (a status: the gap may hold only these words).
# "本月尚未接受过执法检查" is a negation too: 尚未 / 还未 / 至今未, with 接受(过) before the condition.
NEGATED_BEFORE = re.compile(
    r"(?<!有)(?:没有|没|未曾|从未|从没有?|从来没有?|从来未|不曾|并无|尚未|还未|至今未|无)"
    r"(?:被|受过|受到|接受过?|有过?|发生过|存在|过|任何|执法|行政|重大|一般|[一二三四1-4]级|逾期|未整改|没整改|离线|掉线|的"
    r"|(?:搞|组织|开展|举行|进行)过?|应急)*$"  # "今年没搞过演练", "从未组织过应急演练"
)
NEGATED = "否定条件"
CHEMICAL_STORED = "储存的危险化学品"  # "存有液氯的企业": a condition on firms (agents.chat.stored_chemical)
ENTERPRISE_NOUN = re.compile(r"企业|单位|公司|厂|加油站|[哪几多谁]家")  # not 专家; 谁家 = which firm
_ATTRIBUTES = (
    "category",
    "category_group",
    "key_domain",
    "scale",
    "responsibility_class",
    "dishonest",
    "tag",
)
# "超过5万元", "3条以上", "不少于10人", "二级以上": no template compares a number
_THRESHOLD = re.compile(
    r"(?:超过|大于|多于|高于|低于|少于|不少于|不低于|至少)\s*[0-9一二两三四五六七八九十百千万.]+"
    r"|[0-9一二两三四五六七八九十百千万.]+\s*(?:万元|万|元|条|次|家|个|起|人|处|级|吨)\s*(?:以上|以下|及以上)"
)
# "罚款在2万到5万之间", "介于", "超过全市平均": a band or a comparison with an average, no slot either
_RANGE_OR_AVERAGE = re.compile(
    r"[0-9一二两三四五六七八九十百千万.]+\s*(?:万元|万|元|条|次|家|个|人)?\s*(?:到|至|~|-)\s*"
    r"[0-9一二两三四五六七八九十百千万.]+\s*(?:万元|万|元|条|次|家|个|人)?\s*之间|介于|(?:高于|低于|超过|不到|大于|小于)[^，,。？?]{0,4}平均"
)
# A village or community inside a town ("华士镇华西村"): templates filter by town, and answering for the
# whole town would overcount. Not a collective landlord's name (…村股份经济合作社), 村民/村委, 社区卫生院.
# Records held per town only (a shift, a camera, an event, a team, a plan) or measured from the town:
# a village named for them stands for its town (chat-robust17, ``agents.chat.places``). Enterprise
# records carry their village, so for them a village is a condition no template holds.
TOWN_HELD_INTENTS = frozenset(
    {
        "duty_now",
        "cameras_offline",
        "camera_count",
        "events_recent",
        "event_count_by_type",
        "nearest_resources",
        "plan_for",
        "town_overview",
        "materials_low_stock",
        "team_equipment",
    }
)
_BELOW_TOWN = re.compile(r"(?<![农乡])[\u4e00-\u9fff]{2,4}(?:村|社区)(?![民委股经合集卫医])")
# Class changes name two classes ("由B类升为A类"): the before and after of one template, not two filters.
_CLASS_HISTORY = ("class_changes", "class_change_count")
# What to do in an accident, who is nearest: the rest of the question describes the scene, no filter.
_CONTEXTUAL = ("plan_for", "nearest_resources")
# Templates whose named enterprise is the other party of a lease: an attribute said with them ("正信橡塑
# 的承租企业里的纺织企业") filters the tenants (or landlords), which the template cannot.
_OTHER_PARTY = ("lessees_of_lessor", "lessors_of_enterprise")
# Per town ("各镇", "哪个街道") with a count or a ranking, and rankings at all ("最多", "排名", "前三名"):
# only the grouped templates order anything, and only those keyed by town group by town. A list of
# every offline sensor does not say which town has the most. Not 最低储备 (the low-stock threshold).
PER_TOWN = re.compile(r"(?:各|每|哪|分)(?:个|几个|些)?(?:镇|街道|乡镇|板块)|按镇|按街道")
_RANKED = re.compile(
    r"最多|最少|最高(?!级)|最低(?!储备|库存|限|值|标准)|排名|排行|排在?前|(?<![那这])前[0-9一二三四五六七八九十]+(?:名|位|家|个)"
)
# "隐患最多的前三家", "罚款最高的五家": 家 counts firms (towns are counted with 个), so a top N said
# with 家 ranks firms even without 企业 (chatfix3; it was answered with the per-town counts).
TOP_FIRMS = re.compile(r"(?:(?<![那这])前|最多的|最高的|最大的)\s*[0-9一二两三四五六七八九十]+\s*家")
_PER_ENTERPRISE = re.compile(  # "隐患最多的5家企业", "排名前十的企业": enterprises are ranked
    r"(?:哪(?:一|几)?|谁)家|哪个(?:企业|公司|厂|单位)|哪些(?:企业|公司|厂|单位)"
    r"|[0-9一二两三四五六七八九十]+家(?:企业|公司|单位|工厂)|的(?:企业|公司|单位|工厂)|" + TOP_FIRMS.pattern
)
# "哪几个镇街": which towns, not how many (chatfix3: it was declined as a per-town count).
_COUNTED = re.compile(r"多少|(?<!哪)几(?:家|个|条|处|次|起|项)|数量|总数|统计")
# A named material: the low-stock template lists every short item and has no material filter, so
# "防毒面具够不够" answered with it would list tents and sandbags too.
# A share or a growth rate (占比, 比例, 同比增长多少): no template divides one count by another, and one
# count alone answers another question (chat round 25), so the question is declined, not half-answered.
_RATIO = re.compile(
    r"占比|所占比|比例|比重|百分之几|百分比|占几成|(?:同比|环比)(?:增长|下降|增幅|降幅|涨|降)|增长率|增幅|降幅"
)

# "澄江有几家企业有离线传感器", "在搞受限空间作业的企业分布在哪些镇街": the number of enterprises, or
# their spread over towns, is asked for, but the rule picks the template of the thing that qualifies
# them (sensors, operations, penalties), which counts those things instead: 12 sensors are not 12
# enterprises. The compound planner then answers with the enterprises; when it cannot, the thing's
# template still answers (its rows name their enterprises), so this is no reason to decline. A list
# ("今年有哪些企业被处罚") stays with the thing's template: its rows name the enterprises and the detail.
ENTERPRISES_ASKED = "以企业为对象"
_THING_TEMPLATES = (
    "sensors_offline", "sensors_alarming", "sensor_count", "cameras_offline", "camera_count", "special_operations",
    "events_recent", "event_count_by_type", "risk_points", "hazard_source_list", "hazard_list",
    "overdue_hazards", "hazard_count", "hazard_count_by_town", "inspection_list", "inspection_count",
    "penalty_list", "penalty_total",
)  # fmt: skip
_ENTERPRISE_HEAD = re.compile(
    r"(?<!哪)(?:几|多少)家(?!店)"
    r"|(?:企业|单位|公司|工厂|厂家)(?:都|主要)?分布(?:在|于)?(?:哪些|哪几个|哪个|各)?(?:镇街|镇|街道|乡镇|板块)?"
    r"|(?:各|每个)(?:镇街|镇|街道|乡镇)[^，,。？?]{0,6}(?:几|多少)家"
    # "哪几家企业有隐患过了整改期限", "哪些厂还有重大隐患": the firms, not each record (chat round 26)
    r"|哪(?:几|些)家?(?:企业|公司|单位|厂子?|工厂)(?:还|现在|目前)?有"
)


def _placed_by_village(slots: Slots) -> bool:
    """The village is the only place said (马嘶村 for 新桥镇); said after its town it narrows the town."""
    mention = slots.town_mention or ""
    return bool(_BELOW_TOWN.fullmatch(mention)) and not any(s in mention for s in ("镇", "街道"))


def uncovered(
    text: str,
    slots: Slots,
    intent_id: str,
    *,
    towns: int = 0,
    restricted: bool = False,
) -> tuple[str, ...]:
    """The conditions ``text`` names that ``intent_id``'s template cannot express (empty: it covers all).

    ``towns``: distinct towns the question names; ``restricted``: an enterprise or an earlier result
    set already fixes which enterprises are meant (an attribute word then only describes them).
    A period is not checked: "昨天掉线的摄像头" is fairly answered by the ones offline now.
    """
    if intent_id in _CONTEXTUAL:  # "动火作业着火了启动几级响应": the other words describe the scene
        return ()
    intent = BY_ID[intent_id]
    missing = [s.name for s in SUBJECTS if intent_id not in s.covered_by and s.pattern.search(text)]
    if intent_id == "events_recent" and camera_point(text):  # "罐区那个摄像头报过几次警": the point's slot
        missing = [m for m in missing if m != "视频监控"]
    if not restricted and _TRADE_NOUN.search(text) and not any(getattr(slots, a) for a in _ATTRIBUTES):
        missing.append(
            "行业关键词"
        )  # "本镇燃气企业有几家": no category says 燃气; all firms is not an answer
    unnamed = text.replace(slots.enterprise_mention, " ") if slots.enterprise_mention else text
    if (
        not restricted
        and intent_id not in _CLASS_HISTORY
        and ENTERPRISE_NOUN.search(text)
        and any(len(attribute_values(unnamed, table)) > 1 for table in ATTRIBUTE_WORDS)
    ):
        missing.append("同一属性的多个取值")
    if (
        not restricted
        and "chemical" not in intent.slots
        and ENTERPRISE_NOUN.search(text)
        and stored_chemical(text)
    ):
        missing.append(CHEMICAL_STORED)  # "存有液氯的企业中，哪些还有没整改的隐患": not every open hazard
    if intent_id in _ENTERPRISE_SETS and not restricted and _PORTRAIT_FIELD.search(text):
        missing.append("企业登记信息")  # "法人是张伟的企业", "电话没填的企业": no template filters on these
    if not restricted and ENTERPRISE_NOUN.search(text) and _negates_own_subject(text, intent_id):
        missing.append(NEGATED)  # "哪些企业今年还没被检查过": the complement, not the inspection records
    if _THRESHOLD.search(LEVEL_THRESHOLD.sub(" ", without_offline_age(without_age(text)))) or _RANGE_OR_AVERAGE.search(text):  # fmt: skip
        missing.append("数量门槛")
    if towns >= 2:  # every template filters one town; a per-town one would rank that town alone
        missing.append("多个镇街")
    named = slots.enterprise_mention if slots.enterprise_mention_strong or restricted else None
    below_town = _BELOW_TOWN.search(text.replace(named, " ") if named else text)  # not "…村加油站" itself
    held = slots.village is not None and "village" in intent.slots  # enterprise lists and counts
    if below_town and not held and not (intent_id in TOWN_HELD_INTENTS and _placed_by_village(slots)):
        missing.append("村或社区")
    said = [
        a
        for a in _ATTRIBUTES
        if getattr(slots, a) is not None and not (intent_id in _CLASS_HISTORY and a == "responsibility_class")
    ]
    other_party = intent_id in _OTHER_PARTY and bool(said) and _attributes_outside(text, named)
    if (
        said
        and (other_party or not restricted)
        and ENTERPRISE_NOUN.search(text)
        and (other_party or not set(said) <= set(intent.slots))
    ):
        missing.append("企业类别或等级")
    if (ledger := registration.active()) and not set(ledger.values) <= set(intent.slots):
        missing.append("企业类别或等级")  # "法人姓王" blanked out of the text: the firms must be filtered
    enterprises = intent_id in _THING_TEMPLATES and not restricted and _ENTERPRISE_HEAD.search(text)
    if enterprises:  # "各镇有几家企业有离线传感器": the planner counts the enterprises per town
        missing.append(ENTERPRISES_ASKED)
    if intent.key_kind != "town":
        if PER_TOWN.search(text) and (_RANKED.search(text) or _COUNTED.search(text)):
            if not enterprises or _RANKED.search(text):
                missing.append("按镇街统计或排名")
        elif _RANKED.search(text) and intent.shape != "groups":
            missing.append("排名")
    elif _RANKED.search(text) and _PER_ENTERPRISE.search(text) and not PER_TOWN.search(text):
        missing.append("按企业排名")  # "哪家企业隐患最多": the town counts rank towns
    # No template groups by village or category ("各村…分别有几条", agents.chat.group_words).
    if group_asked(text) and (_RANKED.search(text) or _COUNTED.search(text) or "分别" in text):
        missing.append("按村或行业统计")
    if _RATIO.search(text):
        missing.append("占比或增长率")
    return tuple(missing)


def _negates_own_subject(text: str, intent_id: str) -> bool:
    """A subject of the chosen template said right after a negation ("没被检查过", "没有重大危险源")."""
    patterns = [s.pattern for s in SUBJECTS if intent_id in s.covered_by]
    if intent_id in ("events_recent", "event_count_by_type"):
        patterns.append(_EVENT_WORDS)  # "从来没有报过警的企业"
    return any(
        NEGATED_BEFORE.search(text[: m.start()]) or _NEGATED_AFTER.match(text, m.end())
        for p in patterns
        for m in p.finditer(text)
    )


# "一次演练都没有搞", "检查也没有过": the negation said after the subject word, with 都/也 (not a bare 没,
# which may begin another clause).
_NEGATED_AFTER = re.compile(r"(?:记录)?(?:一次)?(?:都|也|从来)(?:没有?|未)")


# A trade said before an enterprise noun that no category, group or key domain expresses (燃气企业,
# 新材料公司, 冷链企业): the enterprise templates cannot filter on it.
_TRADE_NOUN = re.compile(
    r"(?:燃气|新材料|化纤|冷链|物流|紧固件|制药|医药|钢铁|电子|电力|塑料|塑业|橡胶|橡塑|管桩|水泥|玻璃|涂料|油漆|木业|"
    r"家具|食品|服装|家纺|不锈钢|铝业|锻造|电镀|氯碱|气体|仓储|储运|港口|码头|光伏|新能源|锂电|半导体|芯片)"
    r"(?:类|行业|方面)?的?(?:企业|公司|厂家|工厂|单位)"
    # "做光伏的企业", "搞物流的公司": a trade said as what the firms do (a category said so sets a slot)
    # Not "在搞吊装作业的单位": work under way is an operation, not a trade; nor "搞过演练的企业" (a drill).
    r"|(?<![没未])(?:做|搞|干|从事|生产)(?![^的]{0,4}(?:作业|施工|检修|维修|演练|演习))[\u4e00-\u9fff]{1,4}?(?:行业|生意|产品)?的"
    r"(?:企业|公司|厂家?|工厂|单位)"
)
# Tables of enterprise attribute words: two values of one ("A类和B类", "粉尘涉爆和有限空间") cannot go in
# the one slot a template has (union or both? neither is expressible).
ATTRIBUTE_WORDS = (
    CATEGORY_SYNONYMS,
    KEY_DOMAIN_SYNONYMS,
    {k: v for k, v in SCALE_SYNONYMS.items() if v},
    {f"{c}{u}": c for c in "ABCDabcd" for u in ("类", "级", "档")},
)


def attribute_values(text: str, table: dict[str, str]) -> set[str]:
    """The values of the words of ``table`` in ``text``, longest words first, not overlapping."""
    taken = [False] * len(text)
    found: set[str] = set()
    for word in sorted(table, key=len, reverse=True):
        for m in re.finditer(re.escape(word), text):
            if not any(taken[m.start() : m.end()]):
                taken[m.start() : m.end()] = [True] * len(word)
                found.add(table[word])
    return found


_ENTERPRISE_SETS = ("enterprise_list", "enterprise_count", "enterprise_count_by_town")
# A registration field said of a set of enterprises: as a filter or as a column, neither template has it.
_PORTRAIT_FIELD = re.compile(
    r"法人|法定代表人|负责人|安全员|老板|董事长|电话|手机|联系方式|地址|员工|职工|人数|注册资本|成立(?:时间|日期|于)|信用代码"
)
_EVENT_WORDS = re.compile(r"报过?了?警|告警|报警|事件|事故")


def only_enterprises_asked(missing: tuple[str, ...]) -> bool:
    """Nothing is dropped, only the answer's subject differs: the thing's template may still answer."""
    return set(missing) == {ENTERPRISES_ASKED}


def _attributes_outside(text: str, named: str | None) -> bool:
    """An enterprise attribute is said outside the named enterprise ("远佳纺织的承租企业" says none)."""
    rest = extract_slots(text.replace(named, " ") if named else text, _NO_TOWNS)
    return any(getattr(rest, a) is not None for a in _ATTRIBUTES)


def declined_answer(intent_id: str, missing: tuple[str, ...]) -> str:
    """The reply when no LLM can write the combined query: what was not answered, what can be asked."""
    missing = tuple(m for m in missing if m != ENTERPRISES_ASKED)  # the subject, not a dropped condition
    can = [BY_ID[intent_id].title]
    for subject in SUBJECTS:
        if subject.name in missing:
            can.append(BY_ID[subject.covered_by[0]].title)
    return (
        f"这个问题组合了多个条件，其中“{'、'.join(missing)}”是最接近的固定查询（{can[0]}）表达不了的；"
        "为避免漏掉条件给出不准确的结果，没有直接作答。可以分开查询：" + "；".join(dict.fromkeys(can)) + "。"
        "（配置大模型后，这类组合条件的问题会自动生成查询。）"
    )


__all__ = [
    "ATTRIBUTE_WORDS",
    "ENTERPRISES_ASKED",
    "NEGATED",
    "NEGATED_BEFORE",
    "SUBJECTS",
    "Subject",
    "attribute_values",
    "declined_answer",
    "only_enterprises_asked",
    "uncovered",
]
