"""Slots and routing for the records the older rules read past: leases, stored chemicals, team equipment,
drills, and details of people or things that the graph does not hold (issue #5).

Before, "哪些企业存放了液氯" listed every enterprise, "临港的救援队伍都有哪些装备" the nearest teams and
"华士镇没经过先评后租审查的承租企业" every lessor of the town: a narrower template answered. Here the
condition becomes a slot of a template that holds it (``graph.intents_records``, the ``chemical`` filter
of the enterprise templates, ``lessor_type``), and a detail no node carries (租金, 工号, 供应商) is declined.
Pure functions over the question text; no I/O.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from agents.chat.camera_point import camera_point_slot
from agents.chat.duty_room import said_slots
from agents.chat.equipment_items import items_first
from agents.chat.hazard_age import open_for
from agents.chat.hazard_deadline import due_within
from agents.chat.inspecting_unit import inspecting_level, town_office
from agents.chat.latest_record import latest_one
from agents.chat.level_ranges import level_range
from agents.chat.material_names import material_said
from agents.chat.offline_age import offline_for
from agents.chat.sensor_kinds import sensor_kind, sensor_online
from core.standards.gb18218_tables import TABLE1
from core.vocab import LessorType

# A fact about a person, a lease, a chemical or a piece of equipment that no node holds: answering the
# rest of the question (值班 → the roster, 液氨 → its holders) would be confident and beside the point.
NOT_HELD_DETAIL = re.compile(
    r"租金|(?<!厂)房租(?![给出用赁])|租价|多少钱一平|供应商|供货商|进货|采购自|从哪(?:里|儿)?(?:买|进|采购)|哪年买|什么时候买|购置|"
    r"保养|维保|检修记录|工号|身份证|年龄|学历|籍贯|(?:哪个|哪间|什么)值班室|值班室在|值班地点|"
    r"评估结果|评分|得分|演练效果|"
    # a person's home and a casualty toll: no node holds them (events carry no death count)
    r"住址|家庭地址|家住|住在哪|死(?:了|亡)(?:几|多少)个?人|伤亡(?:人数|多少|几)"
)

# --- leases ------------------------------------------------------------------------------------------
_LESSOR_TYPES = {t.value: t.value for t in LessorType} | {
    "个人": "自然人", "私人": "自然人", "个体户": "个体工商户", "个体": "个体工商户", "集体": "集体资产",
    "村集体": "集体资产", "企业法人": "企业法人",
}  # fmt: skip
_UNREVIEWED = re.compile(
    r"(?:没|未|没有|尚未|还没有?|未经|没经过?)(?:做|经过?|通过|进行)?(?:过)?先评后租|先评后租.{0,4}(?:没|未)"
)
_REVIEWED = re.compile(r"(?:已|已经)(?:做|经过?|通过)了?先评后租|经过了?先评后租(?!审查的?(?:没|未))")
_EXPIRED = re.compile(
    r"(?:租赁|租期|合同|协议|租约).{0,6}(?:已经?|过了)?(?:到期|过期)|到期了?的(?:租|合同|协议)"
)
# The tenants, not the landlords, are asked for: "租的是个人的厂房", "租给了哪些企业", a lease agreement.
_TENANTS_ASKED = re.compile(
    r"承租|租给|租的是|(?:企业|公司|单位|厂家?)(?:在)?租|租赁(?:协议|合同)|租约|先评后租|到期"
    r"|(?:向|跟|从)[^，,]{1,8}租|租(?:用)?(?:别人|人家|他人)?的?(?:厂房|房子|场地|车间)的(?:企业|公司|单位|厂家?)"
    r"|(?:企业|公司|单位|厂家?)是?租(?:用)?(?:别人|人家|他人)"  # "有几家企业是租别人厂房的"
)
# Premises of others rented, with no landlord named: the tenant firms are asked even without a lease slot.
_OTHERS_PREMISES = re.compile(r"租(?:用)?(?:的是|的|了)?(?:别人|人家|他人)家?的?(?:厂房|房子|场地|车间)")
_LANDLORDS_ASKED = re.compile(r"出租方(?!是?(?:自然人|个人|个体|集体|企业法人)?的?承租)|房东|二房东|出租人")

# --- chemicals ---------------------------------------------------------------------------------------
_HOLDING = re.compile(  # not 存在 (there is), 储备 (reserves); "有液氯" but not "有哪些/有几家"
    r"存(?!在)|储(?!备)|囤|放着|放了|有没有|持有|涉及|使用|用(?:到|了)?(?=\S)|生产|经营|有(?!没有|哪|几|多少|什么|无)"
)
# A hazard source is a chemical store: "过氧化氢的重大危险源" names what it stores without a verb.
_STORE_ASKED = re.compile(r"危险源|储罐|罐区|库区")
# Names not in GB 18218 表1 that works still store under their own name.
_COMMON_CHEMICALS = (
    "柴油",
    "二甲苯",
    "硝酸",
    "电石",
    "硫酸",
    "盐酸",
    "烧碱",
    "氢氧化钠",
    "双氧水",
    "油漆",
    "乙酸",
)


# Trade and everyday names duty officers say for a chemical (the GB 18218 aliases are in TABLE1):
# the standard name, its CAS number where a stock may be keyed by it, and the other names.
_TRADE_NAMES: dict[str, tuple[str, ...]] = {
    "过氧化氢": ("双氧水", "7722-84-1"),
    "液化石油气": ("液化气", "煤气罐"),
    "氢氧化钠": ("烧碱", "火碱", "片碱", "1310-73-2"),
    "乙醇": ("酒精",),
    "电石": ("碳化钙", "75-20-7"),
    "天那水": ("香蕉水", "稀释剂", "信那水"),  # a solvent blend: stocked under these names, no one CAS
}


@cache
def chemical_words() -> dict[str, tuple[str, ...]]:
    """Each chemical word → the identifiers (names and CAS numbers) a Chemical node may carry for it."""
    words: dict[str, tuple[str, ...]] = {}
    for entry in TABLE1:
        short = re.split(r"[（(,，]", entry.name)[0]
        names = {short, *entry.aliases}
        ids = tuple(sorted(names | set(entry.cas)))
        for word in names:
            if not re.search(r"[0-9A-Za-z,-]", word) or word in ("LPG", "LNG", "TDI"):  # not "1,3-丁二烯"
                words[word] = tuple(sorted(set(words.get(word, ())) | set(ids)))
    for name in _COMMON_CHEMICALS:
        words.setdefault(name, (name,))
    for standard, trade in _TRADE_NAMES.items():  # either name finds stock recorded under the other
        ids = tuple(sorted({*words.get(standard, (standard,)), *trade}))
        for word in (standard, *trade):
            words[word] = tuple(sorted({*words.get(word, ()), *ids}))
    return words


def chemical_in(text: str, *, elliptic: bool = False) -> tuple[str, tuple[str, ...]] | None:
    """The chemical a question says is stored ("存了液氯", "储存甲醇的企业"), longest name first so that
    苯 is not read inside 甲苯; a one-character name (苯, 氨, 氢) only right after a storing verb. With
    ``elliptic`` ("那甲苯呢" after a chemical question) no verb is needed."""
    if not elliptic and not _HOLDING.search(text):
        return None
    taken = [False] * len(text)
    for word in sorted(chemical_words(), key=len, reverse=True):
        for m in re.finditer(re.escape(word), text):
            if any(taken[m.start() : m.end()]):
                continue
            taken[m.start() : m.end()] = [True] * len(word)
            if len(word) == 1 and not re.search(r"(?:存|储存|存放|储|囤|有)了?$", text[: m.start()]):
                continue
            return word, chemical_words()[word]
    return None


# --- rescue teams --------------------------------------------------------------------------------------
_EQUIPMENT_ASKED = re.compile(r"装备|器材|配备|配了|配有|配置|配的")
_TEAM = re.compile(r"队|救援站|消防站|急救中心")
_TEAM_TYPES = (
    ("危化", r"危化|危险化学品|危险货物"), ("水上救援", r"水上"), ("医疗", r"急救|医疗"),
    ("综合", r"综合(?:应急)?救援"), ("企业专职", r"企业专职"), ("消防", r"消防"),
)  # fmt: skip
# "哪支队伍配了冲锋舟", "哪些救援队有无人机": the item named after the verb, at the end of the question.
_ITEM = re.compile(r"(?:配了|配备了?|配置了?|配有|有)([\u4e00-\u9fff]{2,10}?)(?:的|吗|呢|没有|没)?$")
_NOT_ITEM = re.compile(r"装备|器材|什么|哪些|啥|东西|多少|几")

# "冲锋舟哪几支队伍有", "无人机哪些队配了": the item said first, the teams asked after it.
_ITEM_FIRST = re.compile(
    r"^([\u4e00-\u9fff]{2,10}?)(?:在)?(?:哪几?支|哪些|哪个|哪家)(?:救援)?(?:队伍|队)(?:有|配了|配备了?|配有)"
)
# "装备够不够", "器材缺不缺": stock, the low-stock template's question; a plan asked about a drill is a plan.
_SHORT = re.compile(r"不足|不够|缺|用完|告急|短缺")
_PLAN_ASKED = re.compile(r"预案|响应级别|应急响应")
# --- drills ----------------------------------------------------------------------------------------------
_DRILL = re.compile(r"演练|演习")
_LESSOR_HOLDER = re.compile(r"出租方|厂中厂|房东|出租人")
_ENTERPRISE_HOLDER = re.compile(r"企业|公司|单位|厂家|工厂|哪几家|哪些家")


# --- class changes ----------------------------------------------------------------------------------------
_CLASS_CHANGE = re.compile(
    r"(?:(\d{4})\s*年)?[^，,。？?]{0,8}?(?:从|由)\s*([ABCDabcd])\s*[类级档][^，,。？?]{0,6}?"
    r"(?:降|升|调|变|改|掉|跌|落|提)[^，,。？?ABCDabcd]{0,4}?([ABCDabcd])\s*[类级档]"
)


def record_slots(text: str, *, elliptic: bool = False) -> dict[str, Any]:
    """The record slots a question fills (absent = not said)."""
    found: dict[str, Any] = {}
    if (change := _CLASS_CHANGE.search(text)) is not None:  # "2025年从B类被降到C类"
        _, before, after = change.groups()
        found |= {"class_from": before.upper(), "class_to": after.upper()}
        if (
            year := re.search(r"(\d{4})\s*年", text)
        ) is not None:  # 今年/去年 are not resolved here (no clock)
            found["class_year"] = int(year.group(1))
    if (chem := chemical_in(text, elliptic=elliptic or _STORE_ASKED.search(text) is not None)) is not None:
        found["chemical"] = list(chem[1])
        found["chemical_word"] = chem[0]
    lessor_type = next(
        (v for k, v in sorted(_LESSOR_TYPES.items(), key=lambda kv: -len(kv[0])) if k in text), None
    )
    if lessor_type and re.search(r"租|出租|厂中厂|房东", text):
        found["lessor_type"] = lessor_type
    if _UNREVIEWED.search(text):
        found["lease_reviewed"] = False
    elif _REVIEWED.search(text):
        found["lease_reviewed"] = True
    if _EXPIRED.search(text):
        found["lease_expired"] = True
    if _EQUIPMENT_ASKED.search(text) or _item_after_team(text) is not None:
        item = _item_after_team(text)
        # the team's kind from the words outside the item: 泡沫消防车 and 消防水带 name no 消防 team
        rest = text.replace(item, " ") if item else text
        team_type = next((t for t, p in _TEAM_TYPES if re.search(p, rest)), None)
        if team_type:
            found["team_type"] = team_type
        if item is not None:
            found["equipment"] = item
    if len(items := items_first(text)) == 2:  # "冲锋舟和救生衣都有的是哪支队伍": teams holding both
        found["equipment_also"] = items[1]
    if _DRILL.search(text):
        holder = (
            "lessor"
            if _LESSOR_HOLDER.search(text)
            else "enterprise"
            if _ENTERPRISE_HOLDER.search(text)
            else None
        )
        if holder:
            found["drill_holder"] = holder
    return found


def _item_after_team(text: str) -> str | None:
    """ "哪支队伍配了冲锋舟": an item named after a team word and a verb; not "有没有消防队" (a team)."""
    m = _ITEM.search(text)
    if m is None or not _TEAM.search(text[: m.start()]):
        m = _ITEM_FIRST.search(text)
        if m is None:
            return next(iter(items_first(text)), None)  # "无人机，哪支队伍手里有"
    item = m.group(1)
    return None if _NOT_ITEM.search(item) or _TEAM.search(item) or item.startswith("没") else item


_FIRMS_COUNTED = re.compile(r"(?:几|多少)家")
_TIMES_COUNTED = re.compile(r"(?:几|多少)(?:次|回)")


def slot_values(text: str, values: dict[str, Any], previous: dict[str, Any] | None) -> dict[str, Any]:
    """``values`` (the question's slots) with the record slots added; a short follow-up after a chemical
    question ("那甲苯呢") may name another chemical without a verb. A chemical said as stored is no
    key domain: "存了液氨的" is the holders of 液氨, not the 涉氨制冷 works (unless 制冷/冷库 is said)."""
    elliptic = bool(previous and "chemical" in previous) and len(text) <= 10
    out = values | record_slots(text, elliptic=elliptic)
    if ranged := level_range(text):  # "二级以上": the grades, not the one grade the slot read
        out |= ranged
        out.pop("mhs_level" if "mhs_levels" in ranged else "risk_level", None)
        if len(ranged) == 2:
            out.pop("risk_level", None)
    if "chemical" in out and out.get("key_domain") == "涉氨制冷" and not re.search(r"制冷|冷库|冷链", text):
        out.pop("key_domain")
    if out.get("limit") is None:  # "最近一次检查是哪天": the newest record alone (agents.chat.latest_record)
        out |= latest_one(text)
    out |= due_within(text)  # "七天内到整改期限的": the deadline, not the date found
    out |= open_for(text)  # "超过30天还没整改": open that long since found (agents.chat.hazard_age)
    out |= sensor_kind(text)  # "温度传感器", "可燃气体探测器": which sensors (agents.chat.sensor_kinds)
    out |= sensor_online(text)  # "在线的传感器有几个": only those online (sensor_count)
    out |= offline_for(text)  # "离线超过36个小时": each sensor's silence (agents.chat.offline_age)
    out |= material_said(text)  # "干粉灭火器不够了": that material's shortage (agents.chat.material_names)
    out |= camera_point_slot(text)  # "罐区那个摄像头报过几次警": that point's alarms (camera_point)
    if (unit := inspecting_level(text)) is not None:  # "市应急管理局这个月检查了几次"
        out["inspecting_level"] = unit
        out["inspecting_unit"] = town_office(unit, values.get("town"))  # that town's own office
    if _FIRMS_COUNTED.search(text):  # "今年查了几家企业": firms, not inspections (inspection_count)
        out["count_firms"] = True
    elif _TIMES_COUNTED.search(text):  # "那检查了多少次呢" after a firm count: inspections again
        out["count_firms"] = None
    return out | said_slots(text)  # shift roles, 没销号, 夜查 (agents.chat.duty_room)


def route_record(
    text: str, values: dict[str, Any], *, counted: bool, has_enterprise: bool, plan_asked: bool = False
) -> tuple[str, str] | None:
    """(intent, reason) for a record question, or None when it is none of these. ``plan_asked``: the
    question is a plan question (an accident with what to do, which plan), so a lease it states
    ("X是租个人厂房的承租企业，…晕倒了，用哪个预案") places the accident and asks for no lease record."""
    if NOT_HELD_DETAIL.search(text):
        return None
    if "class_to" in values:
        return ("class_change_count" if counted else "class_changes"), "监管等级变化"
    if _DRILL.search(text) and not _PLAN_ASKED.search(text):  # "演练的预案": the plan's business
        return ("drill_count" if counted else "drill_list"), "应急演练"
    if (
        _TEAM.search(text)
        and (_EQUIPMENT_ASKED.search(text) or "equipment" in values)
        and not _SHORT.search(text)
    ):
        return "team_equipment", "救援队伍装备"
    lease = any(k in values for k in ("lessor_type", "lease_reviewed", "lease_expired"))
    lease = lease or _OTHERS_PREMISES.search(text) is not None
    if lease and not has_enterprise and not plan_asked:
        if _TENANTS_ASKED.search(text) and not _LANDLORDS_ASKED.search(text):
            return ("lease_tenant_count" if counted else "lease_tenants"), "承租企业"
        return ("lessor_count" if counted else "lessor_list"), "出租方"
    return None


__all__ = ["NOT_HELD_DETAIL", "chemical_in", "chemical_words", "record_slots", "route_record", "slot_values"]
