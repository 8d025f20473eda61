"""Contact tables that are duty rosters or crew tables rather than address books.

Two table kinds read wrong with the address-book columns (姓名 | 职务 | 单位 | 电话):

* A 值班 roster: 值班岗位 | 值班方式 | 当班人员 | 联系电话. Its 岗位 column mixes posts (大堂副理, 总经理), rooms
  that take calls (调度室, 消防控制室) and outside bodies (…燃气管理处). A room or a body is whom the number
  reaches (the org), never a post: a room's "24小时值班" beside it is the line's role, as in a 岗位 | 姓名 table
  (round 24); "24小时轮值" / "白班" / "手机" beside a post only say when or how it is reached. The 当班人员 column
  is the person (值班员 included).
* A crew table: 班组 | 班长 | 驻点 | 手机 | 职责. The person sits in a column headed by the post title (班长), the
  crew in the group column; the 职责 column is what the crew does, not anyone's post.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from plans.rules_org_names import ROLE_TITLES

_SHIFT = re.compile(r"值班方式|值班时间|值守方式|班次|在岗时间")
_ON_DUTY = re.compile(r"当班人员|值班人员|在岗人员|值班员")
_GROUP = re.compile(r"班组|班别|队别|组别|小组|工作组")
_DUTY = re.compile(r"职责|任务")
# "江阴市住房和城乡建设局燃气管理处" / "园区管理处": a 处 of an authority is a body
_BODY_OFFICE = re.compile(r"(?:管理处|办事处|(?:局|厅|委|委员会)[\u4e00-\u9fff]{0,8}处)$")
_ROUND_THE_CLOCK = re.compile(r"^(?:24\s*小时|全天|昼夜)\s*(?:值班|值守)$")


# "部门及职务" is the person's post, a roster's "管理部门" what a leader is in charge of: not the contact's unit
NOT_ORG_HEADER = re.compile(
    r"(?:部门|单位|科室)[及和/、]?(?:职务|职位|岗位)|^(?:管理|分管|主管)(?:部门|科室)"
)


class RosterColumns(NamedTuple):
    name: int | None
    role: int | None
    org: int | None
    shift: int | None  # 值班方式: says how a room's line is staffed
    title: str  # the post a 班长 column's people hold ("" when the table has no such column)


def roster_columns(
    header: list[str], name: int | None, role: int | None, org: int | None, phones: list[int]
) -> RosterColumns:
    """The address-book columns corrected for a duty roster or a crew table (as they were otherwise)."""
    free = [i for i in range(len(header)) if i not in phones and i not in (name, role, org)]
    shift = next((i for i in free if _SHIFT.search(header[i])), None)
    if name is None:
        name = next((i for i in free if _ON_DUTY.search(header[i]) and i != shift), None)
    title = ""
    if name is None:
        posted = next((i for i in free if re.sub(r"\s+", "", header[i]) in ROLE_TITLES), None)
        if posted is not None:
            name, title = posted, re.sub(r"\s+", "", header[posted])
            role = None if role is not None and _DUTY.search(header[role]) else role
            if org is None:
                org = next((i for i in free if i != posted and _GROUP.search(header[i])), None)
    return RosterColumns(name, role, org, shift, title)


def roster_contact(contact: dict[str, str], shift: str, title: str) -> dict[str, str]:
    """The fields a roster row changes: a room or a body in the post column is the org (a room's "24小时值班"
    its role), and a crew table's people hold the post their column is headed by."""
    if title and not contact.get("role"):
        return {"role": title}
    post = contact.get("role", "")
    if not post or contact.get("org") or not shift:
        return {}
    from plans.rules_contacts import unit_or_role  # rules_contacts imports the module that imports this one

    placed = {"org": post} if _BODY_OFFICE.search(post) else unit_or_role(post, duty_desk=False)
    if not placed["org"]:
        return {}
    return {"org": placed["org"], "role": shift if _ROUND_THE_CLOCK.match(shift) else ""}
