"""Roster lines that carry a post's phone in a bracket after its holder: "● 总指挥：校长　陈国平（13962318845）",
"组长：项目经理刘振华（手机：13861527703）", "副组长：钱卫东（电话 0510-86211001）".

Schools, site project departments and small companies list their leadership this way, one post a line, with no
table. The bracket is how to reach the holder, not part of who holds the post: the role's holder is the text before
it, and the number is one contact whose role is the post and whose name is the person the holder names (the job
before the name is no part of the name). ``plans.rules_contacts`` asks ``post_line_contact`` before its general
reading of the words ahead of a number; ``strip_holder_phones`` runs after the organisation rules.
"""

from __future__ import annotations

import re

from plans.draft import PlanDraft
from plans.rules_org_names import CREW_POST, ROLE_TITLES, SPACED_TITLES

# a bracket that holds only a number and its label: "（13962318845）", "（手机：138…）", "(电话 0510-…)"
_PHONE_LABEL = r"(?:手机|电话|联系电话|办公电话|移动电话|座机|Tel|TEL|tel)?\s*[:：]?\s*"
_NUMBER = r"(?:0\d{2,3}-?\d{7,8}|1[3-9]\d[ \u00a0]?\d{4}[ \u00a0]?\d{4}|\d{8})"
_PHONE_BRACKET = re.compile(rf"\s*[（(]\s*{_PHONE_LABEL}{_NUMBER}(?:\s*[、/,，]\s*{_NUMBER})*\s*[)）]\s*$")
# the words of the line before the number: "● 总指挥：校长　陈国平（" / "1.1 组长：项目经理刘振华（手机："
_POST_LINE_HEAD = re.compile(
    r"^\s*(?:[●○■□◆◇▪•·\-—]\s*|[（(]?\d{1,2}(?:\.\d{1,2})*[)）.、．]?\s+|[（(]?\d{1,2}[)）.、．]\s*)?"
    rf"({SPACED_TITLES}|{CREW_POST})\s*[:：]\s*([^：:，,。；;（()）]{{2,24}}?)\s*[（(]\s*{_PHONE_LABEL}$"
)
# what a job ends with, so that the 2–3 characters after it are the person ("项目经理刘振华", "校长　陈国平")
_JOB_END = r"(?:长|主任|经理|总监|书记|主管|工程师|员|师|总|会计|干事|委员|代表|负责人)"
_JOB_THEN_NAME = re.compile(rf"^([\u4e00-\u9fff]{{1,12}}?{_JOB_END})[ \u3000]*([\u4e00-\u9fff]{{2,3}})$")
_SPACED_NAME = re.compile(r"^([\u4e00-\u9fff]{1,12})[ \u3000]+([\u4e00-\u9fff]{2,3})$")
_NAME_ONLY = re.compile(r"^[\u4e00-\u9fff]{2,3}$")


def strip_phone_bracket(holder: str) -> str:
    """The holder without a trailing bracket that only gives a phone ("校长　陈国平（139…）" → "校长　陈国平")."""
    stripped = _PHONE_BRACKET.sub("", holder)
    return stripped if stripped else holder


def person_of(holder: str) -> str:
    """The person a holder names: "校长　陈国平" / "项目经理刘振华" → the name, a bare name as it is, else ""."""
    holder = holder.strip(" \u3000")
    spaced = _SPACED_NAME.match(holder)
    if spaced and not re.search(_JOB_END + "$", spaced.group(2)):
        return spaced.group(2)
    joined = _JOB_THEN_NAME.match(holder)
    if joined and not re.search(_JOB_END + "$", joined.group(2)):
        return joined.group(2)
    if _NAME_ONLY.match(holder) and holder not in ROLE_TITLES and not re.search(_JOB_END + "$", holder):
        return holder
    return ""


def post_line_contact(line_before: str) -> dict[str, str] | None:
    """Who the number in "总指挥：校长　陈国平（139…）" reaches, from the line's words before it: the post as role,
    the person as name; None when the line is no such post line."""
    line = line_before[line_before.rfind("\n") + 1 :]
    m = _POST_LINE_HEAD.match(line)
    if not m:
        return None
    title = re.sub(r"\s", "", m.group(1))
    name = person_of(m.group(2))
    if not name:
        return None  # "成员：各处室主任（…）" names no one to reach
    return {"name": name, "role": title, "org": ""}


def strip_holder_phones(draft: PlanDraft) -> None:
    """Drop a trailing phone bracket from every role holder the organisation rules read."""
    for unit in draft.data["org_units"]:
        for role in unit["roles"]:
            if role.get("holder"):
                role["holder"] = strip_phone_bracket(role["holder"])
