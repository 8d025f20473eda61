"""A response level said by what the accident did: "死了2个人", "10多人受伤", "损失上千万".

A duty officer often knows the toll before anyone names a level: "璜土一家化工厂爆炸，死了2个人，谁指挥".
The level is then the one whose 启动条件 the figures meet in the plan acted on — each plan writes its own
(云亭's Ⅱ级 is "1至2人死亡或3人以上重伤", the 临港 zone's 一级 "人员死亡或3人以上中毒受伤"), so the level
is chosen per plan, the most severe whose condition a figure meets. A plan whose conditions are only the
national classes (发生较大生产安全事故) is read by the thresholds of 《生产安全事故报告和调查处理条例》:
deaths 3 / 10 / 30, serious injuries (acute poisoning included) 10 / 50 / 100, direct loss 1000万 /
5000万 / 1亿 give 一般 / 较大 / 重大 / 特别重大, the highest class any figure reaches, and the class is
the level (一般 = 四级 … as ``plan_guide._GRADE_LEVELS``). A first report cannot tell a serious injury
from a light one: 受伤 / 中毒 / 送医 count as serious unless 轻伤 is said. Pure text work.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from agents.chat import plan_account, plan_measures
from agents.nlp.numerals import chinese_to_int

_NUM = r"(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)"
# who: people, or a worker by trade ("两个搬运工", "3名电焊工")
_WHO = (
    r"(?:多|余|几)?\s*(?:个|名|位)?\s*(?:人|工人|员工|职工|村民|群众|住户|居民|顾客|学生|乘客|"
    r"船员|水手|司机|驾驶员|押运员|游客|[\u4e00-\u9fff]{1,2}工)?"
)  # a person by role: "一个船员"
# what happened to them said after they were got out: "救上来重伤", "扒出来后已经死亡"
_RESCUED = r"(?:被)?(?:救|拉|捞|抬|拖|扒|挖|抢救)(?:了)?(?:上来|出来|起来|上岸)(?:了)?(?:后|以后|时)?[，,]?(?:已经|已|是)?"
# "死了2个人", "2人死亡", "造成3人遇难", "一死两伤"
_DEATHS = (
    re.compile(r"(?:死了|死亡|遇难|身亡)\s*" + _NUM + _WHO),
    re.compile(_NUM + _WHO + r"(?:当场|已经|已|都)?(?:死亡|遇难|身亡|死了)"),  # "挖出来1个已经死亡"
    re.compile(_NUM + r"死"),
    re.compile(r"(?:死亡|遇难|死)的?(?:有|是)" + _NUM),  # "死亡的有2个"
    re.compile(r"[压砸烧炸淹摔撞电毒闷]死了?\s*" + _NUM + _WHO),  # "压死3个人", "砸死了两名工人"
    re.compile(_NUM + _WHO + r"[^，,。；;]{0,8}[，,]?\s*" + _RESCUED + r"(?:死亡|身亡|死了|没气了|没了气)"),
)
# A death said with no count: "有人死亡", "死了个人", "死人了" — one at least.
_ONE_DEATH = re.compile(
    r"(?<![没无])有人(?:死亡|遇难|身亡|死了)|死了(?:一)?个人|死人了|死了人|"
    # one person said by who they are: "司机死了", "一名工人当场死亡"
    r"(?:司机|驾驶员|押运员|工人|员工|职工|师傅|操作工|电工|焊工|行人|乘客|顾客|老人|小孩|学生|船员)"
    r"(?:当场|已经|已)?(?:死了|死亡|身亡|遇难)"
)
_HURT = r"(?:受伤|受了伤|重伤|伤了|中毒|烧伤|烫伤|灼伤|砸伤|压伤|呛伤|送医|送院|送(?:了|到)?医院|住院)"
# Knocked out, then taken away: "2个工人呛晕送医", "3名员工被熏倒送医院" — the hurt word comes after how
# they went down; down alone (晕倒了, 叫不醒) is still no count until they are sent to hospital.
_DOWN = r"(?:(?:呛|熏|闷|烫)(?:晕|倒)|晕倒|昏倒|昏迷|晕过去|倒下)?(?:了|后|以后)?(?:被)?"
# Someone hurt with no count: "有人中毒了", "有工人受伤", "司机受了伤" — one at least (a first report; the
# count comes later), so a level whose condition is 发生人员中毒 / 人员受伤 is met.
_SOME_HURT = re.compile(
    r"(?<![没无])有(?:人|工人|员工|职工|人员)(?:被|已经|已)?" + _HURT + "|"
    r"(?:司机|驾驶员|押运员|工人|员工|职工|操作工|师傅|顾客|学生|船员)(?:已经|已|也)?" + _DOWN + _HURT
)
# A limb or finger lost or broken is a serious injury (GB 6441: 截肢, 断指, 骨折), one person where no count
# is said: "两根手指压断", "手被冲床轧断了", "腿骨折了", "断了三根手指"
_MAIMED = re.compile(
    r"(?:手指|指头|手掌|手腕|手臂|胳膊|手(?![机套续段术工动电表推提柄架])|脚趾|脚掌|脚(?!手架|本|步)|腿|肋骨)"
    r"[^，,。；;]{0,5}?(?:压断|轧断|夹断|绞断|切断|截断|砸断|断了|断掉|骨折)|"
    r"[压轧夹绞切截砸]?断(?:了)?[一二两三四五\d]*(?:根|个|只|条)?(?:手指|指头|手掌|胳膊|手臂|腿)|断指|截肢|"
    r"(?<!没有)(?<![没无未])骨折"
)
_INJURED = (
    re.compile(_NUM + _WHO + r"(?:被[^，,。；;]{0,3}?|都|已)?" + _DOWN + _HURT),  # "2个人被烟呛伤"
    re.compile(_HURT + r"\s*(?:了)?" + _NUM + _WHO),
    # hurt said after the rescue: "一个船员落水，救上来重伤", "2名工人被埋，扒出来后送医"
    re.compile(_NUM + _WHO + r"[^，,。；;]{0,8}[，,]?\s*" + _RESCUED + _HURT),
    re.compile(_HURT + r"的?(?:有|是)" + _NUM),  # "受伤的有12个"
    re.compile(r"死" + _NUM + r"伤"),
    re.compile(r"(?<![死一二两三四五六七八九十\d])" + _NUM + r"伤"),
)
# "损失上千万", "损失估计三千多万", "直接经济损失1200万元", "损失上亿"
_AMOUNT = r"(上|近|超过|超|过)?(几|数)?" + _NUM + r"?\s*(多|余)?\s*(千万|百万|万|亿)"
# the loss said after the word ("损失几百万") or before it ("几百万损失", "造成300万元的经济损失")
_LOSSES = (
    re.compile(r"损失[^，,。；;几数]{0,6}?" + _AMOUNT),
    re.compile(
        r"(?<![\d一二两三四五六七八九十百千几数上近超过])" + _AMOUNT + r"元?的?(?:直接)?(?:经济)?损失"
    ),
)
# People trapped, their state not known yet: "3个工人被压住", "被困2人", "有两个人埋在下面". A plan
# whose condition says 已经或可能造成 N人死亡 counts them as the deaths the accident may cause.
_TRAPPED = (
    re.compile(_NUM + _WHO + r"(?:被|还|都)?(?:困|压|埋|卡|砸)(?:住|在|了|着)"),
    re.compile(r"(?:被困|被埋|被压住?)(?:了|的有)?\s*" + _NUM + _WHO),
)
# "伤亡12人", "造成5人伤亡", "伤亡人数达到8人": dead and injured together, the split not yet known.
_CASUALTIES = (
    re.compile(r"伤亡(?:人数)?(?:达到?|共|约|有)?\s*" + _NUM + _WHO),
    re.compile(_NUM + _WHO + r"(?:人员)?伤亡"),
)
# A count said vaguely: "几个人受伤", "十几人中毒", "几十人", "损失几百万". 几 is read as its least
# (two; 十几 = 十多 = 10, as guide7 reads 10多人): the class it reaches is reached for sure.
_VAGUE = (
    (re.compile(r"(?<![一二两三四五六七八九\d])十(?:几|多)"), "10"),
    (re.compile(r"几十|数十"), "20"),
    (re.compile(r"(?<![十百千万])几(?=个|名|位|人)"), "2"),
)
_UNITS = {"万": 1, "百万": 100, "千万": 1000, "亿": 10000}
# The national classes, most severe first: deaths, serious injuries, loss in 万元 at which each starts.
_CLASSES = (("特别重大", 30, 100, 10000), ("重大", 10, 50, 5000), ("较大", 3, 10, 1000), ("一般", 1, 1, 0))
CLASS_LEVELS = {"特别重大": "一级", "重大": "二级", "较大": "三级", "一般": "四级"}
_ORDER = ("一级", "二级", "三级", "四级")


@dataclass(frozen=True)
class Toll:
    """What the question says the accident did; None where it says nothing of that."""

    deaths: int | None = None
    injured: int | None = None
    loss_wan: float | None = None  # direct loss in 万元
    loss_words: str = ""  # a loss said vaguely ("几百万") is shown as said, not as its least
    vague: bool = False  # a count said as 几/十几: the figures are its least ("至少")
    no_deaths: bool = False  # "没有死人", "无人员伤亡": said outright, so a "未造成人员死亡" level fits
    no_injuries: bool = False  # "没人受伤", "没有人员伤亡"
    # what else the account says happened (大量泄漏, 流出围堰, 还没着火: ``plan_account``), for the
    # levels whose 启动条件 are stated by what happened rather than by a toll
    facts: Mapping[str, bool] = field(default_factory=dict)
    # a level asked of an account that says no toll at all ("倒在池边叫不醒，几级响应"): read as the least
    # class (一般) where a plan grades by class or counts, as a first report is until figures come
    least: bool = False
    trapped: int | None = None  # trapped, alive or not: deaths an 可能造成 condition counts
    # rainfall and water above the warning mark said (``plan_measures``), for flood plans graded by readings
    readings: Mapping[str, float] = field(default_factory=dict)

    @property
    def counted(self) -> bool:
        """Whether a toll is said at all (figures, or none outright), not only what happened."""
        return bool(
            self.deaths or self.injured or self.loss_wan or self.no_deaths or self.no_injuries or self.trapped
        )

    def national_class(self) -> str:
        """一般 / 较大 / 重大 / 特别重大 by the 条例's thresholds (the highest any figure reaches)."""
        for name, deaths, injured, loss in _CLASSES:
            if (
                (self.deaths or 0) >= deaths
                or (self.injured or 0) >= injured
                or (self.loss_wan is not None and loss and self.loss_wan >= loss)
            ):
                return name
        return "一般"

    def said(self) -> str:
        least = "至少" if self.vague else ""
        none = "无人员伤亡" if self.no_deaths and self.no_injuries else "无人死亡" if self.no_deaths else ""
        parts = [f"死亡{least}{self.deaths}人" if self.deaths else none,
                 f"受伤{least}{self.injured}人" if self.injured else "无人受伤" if self.no_injuries and not none else "",
                 (f"损失{self.loss_words}元" if self.loss_words else f"损失约{self.loss_wan:g}万元")
                 if self.loss_wan else ""]  # fmt: skip
        return "，".join(p for p in parts if p)


def number(text: str) -> float | None:
    """Arabic or Chinese numerals: "12", "1.5", "两", "十", "二十", "三千" (the time grammar's reader)."""
    if not text:
        return None
    if text[0].isdigit():
        return float(text)
    value = chinese_to_int(text)
    return float(value) if value is not None else None


def _first(patterns: Sequence[re.Pattern[str]], text: str) -> int | None:
    for pattern in patterns:
        for m in pattern.finditer(text):
            value = number(m.group(1))
            if value is not None:
                return int(value)
    return None


def asked_toll(question: str) -> Toll | None:
    """The deaths, injuries and loss the question states, or None when it states none."""
    text = question.replace("轻伤", "")  # light injuries give no class of their own
    loss, loss_words = None, ""
    if m := next((m for p in _LOSSES if (m := p.search(text))), None):
        amount = number(m.group(3) or "") or (1.0 if m.group(1) or m.group(2) else None)
        loss = amount * _UNITS[m.group(5)] if amount is not None else None
        loss_words = text[m.start(2) : m.end(5)] if m.group(2) and loss else ""
        text = text[: m.start()] + "，" + text[m.end() :]  # the amount is no count of people
    vague = any(pattern.search(text) for pattern, _ in _VAGUE)
    for pattern, least in _VAGUE:
        text = pattern.sub(least, text)
    deaths = _first(_DEATHS, text) or (1 if _ONE_DEATH.search(text) else None)
    injured = _first(_INJURED, re.sub(r"[一二两三四五六七八九十\d]+死", "", text))
    if injured is None and (_SOME_HURT.search(text) or _MAIMED.search(text)):
        injured, vague = 1, True
    if injured is None and (total := _first(_CASUALTIES, text)):
        # 伤亡N人 with no death said: N hurt, none assumed dead (a first report; deaths are said as such)
        injured = total - (deaths or 0) if total > (deaths or 0) else None
    trapped = _first(_TRAPPED, text)
    none = bool(_NO_CASUALTIES.search(text))
    no_injuries = not injured and (none or bool(_NO_INJURIES.search(text)))
    # "没人受伤" is said of everyone: no one hurt, so no one dead either
    no_deaths = not deaths and (none or no_injuries or bool(_NO_DEATHS.search(text)))
    if not (deaths or injured or loss or no_deaths or no_injuries or trapped):
        return None
    return Toll(deaths or None, injured or None, loss, loss_words, vague and bool(deaths or injured),
                no_deaths, no_injuries, trapped=trapped or None)  # fmt: skip


# No one dead or hurt, said outright: "没有人员伤亡", "没人受伤", "无人死亡", "没有死人".
_NO = r"(?:没有|没|无|未造成|未)"
_NO_CASUALTIES = re.compile(_NO + r"(?:人员|人)?伤亡")
_NO_DEATHS = re.compile(_NO + r"(?:人员|人)?(?:死亡|遇难)|没有?死人|没死人")
_NO_INJURIES = re.compile(_NO + r"(?:人员|人)?(?:受伤|伤员|中毒)")

# A trigger's alternatives (或 / 或者 / ；) each hold clauses that all apply: "发生一般危险化学品事故，
# 造成1人以上3人以下死亡" is a 一般 accident *with* deaths, not any 一般 accident.
_ALTERNATIVE = re.compile(r"或者|或|[；;]")
_CLAUSE = re.compile(r"[，,、]")
_RANGE = re.compile(_NUM + r"\s*人?\s*(?:至|到|-|～|~)\s*" + _NUM + r"\s*人")
_ABOVE_BELOW = re.compile(_NUM + r"\s*人以上\s*" + _NUM + r"\s*人以下")
_ABOVE = re.compile(_NUM + r"\s*(?:人|名)以上")
_BELOW = re.compile(_NUM + r"\s*(?:人|名)以下")
_NEGATED = re.compile(r"未|没有|无人|不造成")
# A class said with a proviso ("一般事故有扩大趋势") is not met by a toll alone.
_PROVISO = re.compile(r"趋势|扩大|升级|超出|无法")
_CLASS_WORD = re.compile(r"特别重大|重大|较大|一般")


def _bounds(clause: str) -> tuple[float, float]:
    """The count a clause asks for: "1至2人" [1, 2], "3人以上10人以下" [3, 9], "3人以上" [3, ∞),
    "3人以下" [1, 2] (以上 counts its number, 以下 does not), a bare "人员死亡" [1, ∞)."""
    if m := _ABOVE_BELOW.search(clause):
        return number(m.group(1)) or 0, (number(m.group(2)) or 1) - 1
    if m := _RANGE.search(clause):
        return number(m.group(1)) or 0, number(m.group(2)) or 0
    if m := _ABOVE.search(clause):
        return number(m.group(1)) or 0, math.inf
    if m := _BELOW.search(clause):
        return 1, (number(m.group(1)) or 1) - 1
    return 1, math.inf


def _meets(clause: str, toll: Toll) -> bool | None:
    """Whether the account meets one clause: by its toll, else by what it says happened (事态可控,
    影响未超出厂区: ``plan_account``); None for a clause it tells nothing of."""
    by_toll = _toll_meets(clause, toll) if toll.counted else None
    if by_toll is None:
        by_toll = plan_measures.clause_met(clause, toll.readings)
    return by_toll if by_toll is not None else plan_account.clause_met(clause, toll.facts)


def _toll_meets(clause: str, toll: Toll) -> bool | None:
    if _NEGATED.search(clause):
        # "未造成人员死亡", "无人员伤亡": met only by a question that says so outright
        if "伤亡" in clause:
            return toll.no_deaths and toll.no_injuries
        if "死亡" in clause or "遇难" in clause:
            return toll.no_deaths
        return toll.no_injuries if re.search(r"受伤|重伤|中毒", clause) else None
    if "死亡" in clause or "遇难" in clause:
        low, high = _bounds(clause)
        # "已经或可能造成3人以上死亡": the trapped count with the dead as deaths it may cause
        dead = (toll.deaths or 0) + (toll.trapped or 0 if "可能" in clause else 0)
        return bool(dead) and low <= dead <= high
    if re.search(r"重伤|受伤|中毒", clause):
        low, high = _bounds(clause)
        return toll.injured is not None and low <= toll.injured <= high
    word = _CLASS_WORD.search(clause)
    if word is None:
        return None
    return not _PROVISO.search(clause) and word.group(0) == toll.national_class()


# A response level named by its warning colour ("二级应急响应（橙色）") whose trigger says only "发布二级预警":
# the colour in force (刚发布暴雨橙色预警) meets it.
_COLOUR = re.compile(r"([红橙黄蓝])色")
_WARNING_FACT = {"红": "warning_red", "橙": "warning_orange", "黄": "warning_yellow", "蓝": "warning_blue"}


def _colour_met(level: Mapping[str, Any], toll: Toll) -> bool:
    m = _COLOUR.search(str(level.get("name") or ""))
    return m is not None and toll.facts.get(_WARNING_FACT[m.group(1)]) is True


def _alternative_met(alternative: str, toll: Toll) -> bool:
    values = [_meets(c, toll) for c in _CLAUSE.split(alternative) if c.strip()]
    return True in values and False not in values


def level_for(levels: Sequence[Mapping[str, Any]], toll: Toll) -> list[Mapping[str, Any]]:
    """The plan's level for the toll: the most severe whose 启动条件 a figure meets, else the level of
    the toll's national class, else every level (the plan's conditions say what happened, not a toll)."""

    def met(level: Mapping[str, Any]) -> bool:
        trigger = str(level.get("trigger") or "")
        return any(
            _alternative_met(a, toll) for a in _ALTERNATIVE.split(trigger) if a.strip()
        ) or _colour_met(level, toll)

    def rank(level: Mapping[str, Any]) -> int:
        value = str(level.get("level") or "")
        return _ORDER.index(value) if value in _ORDER else len(_ORDER)

    matched = sorted((lv for lv in levels if met(lv)), key=rank)
    if matched:
        return [matched[0]]
    if not toll.counted and not toll.least:  # only what happened is said and no level states it
        return list(levels)
    by_class = CLASS_LEVELS[toll.national_class()]
    # A plan whose levels neither name the toll nor the class (a firm's 公司级/部门级/班组级 by what
    # happened) leaves the choice to the reader: every level, rather than none.
    return [lv for lv in levels if lv.get("level") == by_class][:1] or list(levels)


# Which level, asked without naming one: "几级响应", "按什么级别", "启动哪一级"
_LEVEL_ASKED = re.compile(r"(?:几级|什么级别|哪一?级|什么等级|多大级别)(?!的?(?:预警|警报))")


def toll_param(question: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """``response_toll`` for ``plan_for`` when the question gives a toll and names no level or tier
    (a level said wins: "死了2个人，启动二级响应谁指挥" asks the 二级)."""
    if params.get("response_level") or params.get("response_tier"):
        return {}
    account = plan_account.facts(question)  # what happened, where no toll is said (流出围堰, 需要转驳)
    said = plan_measures.readings(question)  # 日降雨量100毫米以上, 超过警戒水位半米
    least = _LEVEL_ASKED.search(question) is not None
    toll = asked_toll(question) or (Toll(least=least) if account or said or least else None)
    toll = replace(toll, facts=account) if toll and account else toll
    toll = replace(toll, readings=said) if toll and said else toll
    return {"response_toll": vars(toll)} if toll else {}


def toll_of(params: Mapping[str, Any]) -> Toll | None:
    said = params.get("response_toll")
    return Toll(**said) if said else None


__all__ = ["CLASS_LEVELS", "Toll", "asked_toll", "level_for", "number", "toll_of", "toll_param"]
