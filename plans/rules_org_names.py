"""Names in the organisation section: what a unit name ends with, the role titles plans use, "总指挥：…"
labels, and resolving a short mention ("指挥部", an alias) to a known unit."""

from __future__ import annotations

import re

# a 站 is a unit when named by what it does (煤气防护站, 气体防护站, 医疗救护站), two characters at least;
# so is a 班 (城东抢修班, 战斗一班), never a shift (值班, 当班, 夜班, 交接班) or a post (领班)
UNIT_SUFFIX = re.compile(
    r"(指挥部|办公室|工作组|小组|救援组|[^\s]{1,10}组|[^\s]{1,10}专班|中心|队|分队|专家组|委员会|[^\s]{2,10}站"
    r"|[^\s]{2,10}(?<![值当白夜中早晚轮跟接加领])班)$"
)
# A heading "2.2 调度室" in the organisation part, with the room's duties below it: a standing body that
# answers the calls (in contact lines the same room is a place, never a post or a unit)
STANDING_ROOM = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:调度|总值班|值班|控制|监控|中控)室$")
# Longest first where one title ends another (常务副主任 before 副主任 before 主任).
ROLE_TITLES = (
    "常务副总指挥", "事故总指挥", "应急总指挥", "执行总指挥", "常务副主任", "常务副组长", "副秘书长", "副总指挥", "总指挥", "现场副指挥长", "副指挥长", "现场指挥长", "指挥长", "现场总指挥", "现场指挥", "副组长单位", "组长单位",
    "副组长", "组长", "副主任", "主任", "副队长", "队长", "副站长", "站长", "副班长", "班长", "牵头单位", "配合单位", "协助单位", "成员单位", "成员", "组员", "联络员", "现场负责人", "负责人", "秘书长", "委员", "副指挥", "指挥",
    "牵头", "配合",
)  # fmt: skip
# Labels are often padded to line up in the document ("组　长：", "成  员："): the title may have spaces inside.
SPACED_TITLES = "|".join(r"\s*".join(title) for title in ROLE_TITLES)
# "办公室主任：建设局局长" under the office's own heading: the post is 主任
# A unit's own crew posts label their holders the same way ("车队长：邵某", "押运员：各车押运员"): a post word
# of two to four characters ending in 长 / 员 (not 人员, a headcount)
CREW_POST = r"[\u4e00-\u9fff]{1,3}(?<!人)(?:长|员)"
ROLE_HOLDER = re.compile(rf"^(?:办公室)?({SPACED_TITLES}|{CREW_POST})\s*[:：]\s*([^。；;]{{1,60}})")
# "…，总指挥：李刚" — a post label that opens a later clause of the sentence
TITLE_CLAUSE = re.compile(rf"[，,]\s*(?=(?:{SPACED_TITLES})\s*[:：])")
HQ_SUFFIX = re.compile(r"(?:指挥部|领导小组|工作小组|委员会|工作专班)$")


def headquarters(units: dict[str, int], name: str) -> str | None:
    """Offices, working groups and the 现场指挥部 without a parent heading belong to the command HQ
    (GB/T 29639): the 指挥部, or in department and enterprise plans the 领导小组 / 委员会."""
    on_site = name.startswith("现场")  # a 现场指挥部 sits under the body that sets it up
    if "指挥部" in name and "办公室" not in name and not on_site:
        return None
    # a company's 专职 / 义务消防队 is a standing team, no group the HQ sets up; so is a transport 车队
    if re.search(r"(?:专职|义务|兼职)消防队$|车队$", name) or STANDING_ROOM.match(name):
        return None  # a 调度室 too (rules_org_answers_to gives it the body it works "在…领导下")
    top = [u for u in units if "办公室" not in u and not u.startswith("现场")]
    hq = next((u for u in top if "指挥部" in u), None) or next((u for u in top if HQ_SUFFIX.search(u)), None)
    return hq if hq != name else None


def canonical(name: str, units: dict[str, int], aliases: dict[str, str] | None = None) -> str | None:
    """ "指挥部" in a sentence refers to the already-known "应急指挥部"; "以下简称" aliases too."""
    if aliases and name in aliases:
        return aliases[name]
    for known in units:
        if known.endswith(name) or name.endswith(known):
            return known
    return None


def names_other_unit(text: str, unit: str, units: dict[str, int], aliases: dict[str, str]) -> bool:
    """ "灭火组负责a；救护组负责b": a clause whose subject is another known unit ends the run of duties
    of the unit named first (its clauses are that other unit's)."""
    subject = re.match(r"^([^，,。；;:：、\s]{2,20}?)(?=负责|承担)", text)
    other = canonical(subject.group(1), units, aliases) if subject else None
    return other is not None and other != unit
