"""A contact table's 姓名 / 联系人 cell that says more than a name.

Contact tables without a 职务 column often put the post in the person cell: "经理 钱志刚" (post, space,
name), "陈建新（科长）" (name, post in brackets), or no person at all but the line's duty: "24小时值班".
Each part goes to its own field, so the contact reads as one with a 职务 column would; the cell is left
as written when it is anything else (a bare name, 值班员, 值班室, a foreign name with a space).
"""

from __future__ import annotations

import re

# "24小时值班" / "全天值守": the line is staffed round the clock, no person is named: the duty is the role
_DUTY_LINE = re.compile(r"^(?:24\s*小时|全天|昼夜)\s*(?:值班|值守)(?:电话)?$")
# "中控室" / "门卫室" in a 职务 column: a room that takes calls, not a post (plans-robust16 phone lines)
_CALL_ROOM = re.compile(r"^[\u4e00-\u9fff]{0,8}(?:中控|控制|调度|监控|门卫|值班)室$")
_POST_WORD = r"(?:主任|经理|长|员|书记|主管|工程师|总监|代表|干事|负责人|校医|院长)"
# "经理 钱志刚" / "副科长　孔凡华": a post ending in a post word, a space, a two- or three-character name
_POST_SPACE_NAME = re.compile(rf"^([\u4e00-\u9fff]{{0,8}}?{_POST_WORD})[ \u3000]+([\u4e00-\u9fff]{{2,3}})$")
# "陈建新（科长）": a name, then the post in brackets
_NAME_BRACKET_POST = re.compile(
    rf"^([\u4e00-\u9fff]{{2,3}})\s*[（(]([\u4e00-\u9fff]{{0,8}}{_POST_WORD})[)）]$"
)


def split_person_cell(contact: dict[str, str]) -> dict[str, str]:
    """The fields a person cell gives when it holds a post as well (or only a duty); {} when it is a name.
    A post from the table's own 职务 column is kept."""
    cell = contact.get("name", "").strip()
    if _DUTY_LINE.match(cell):
        post = contact.get("role") or ""
        if _CALL_ROOM.search(post) and not contact.get("org"):  # "中控室 | 24小时值班": the room is the org
            return {"name": "", "role": cell, "org": post}
        return {"name": "", "role": post or cell}
    parts = _POST_SPACE_NAME.match(cell)
    if parts:
        return {"name": parts.group(2), "role": contact.get("role") or parts.group(1)}
    parts = _NAME_BRACKET_POST.match(cell)
    if parts:
        return {"name": parts.group(1), "role": contact.get("role") or parts.group(2)}
    return {}


# "单位或岗位 | 电话": one column holds a unit on some rows and a post (with its holder) on others
_EITHER_HEADER = re.compile(
    r"(?:单位|部门|科室)\s*或\s*(?:职务|职位|岗位)|(?:职务|职位|岗位)\s*或\s*(?:单位|部门|科室)"
)
_POST_NAME = re.compile(
    rf"^([\u4e00-\u9fff]{{0,8}}?(?:{_POST_WORD[3:-1]}|指挥))[ \u3000]+([\u4e00-\u9fff]{{2,3}})$"
)


def either_cell(header: str, contact: dict[str, str]) -> dict[str, str]:
    """The fields of a cell under a header that names a unit or a post: "总指挥 顾志强" gives the post and the
    name, "公司调度中心" the org as a line's label would. {} under any other header."""
    cell = contact.get("role", "").strip()
    if not cell or not _EITHER_HEADER.search(header):
        return {}
    parts = _POST_NAME.match(cell)
    if parts:
        return {"name": contact.get("name") or parts.group(2), "role": parts.group(1)}
    from plans.rules_contacts import unit_or_role  # rules_contacts imports the table rules that import this

    return unit_or_role(cell)
