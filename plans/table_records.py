"""Table shapes the contact, organisation and resource table rules read after reshaping or a second look:

* a contact table set out with one column per person (rows 应急职务 / 姓名 / 手机): turned so each person is a row;
* post cards set out as one matrix with a column per post (rows 岗位 / 应急职责 / 处置要点): turned the same way, so
  each post is a row of an ordinary card table;
* a public number's label in a 单位 column ("火警 | 119", "急救 | 120"): the service is the role, no body answers it;
* kit listed inside a team table's cell (队伍名称 | 人数 | 配备装备 "对讲机18部、救生衣30件"): each item is a resource
  the row's team holds.
"""

from __future__ import annotations

import re
from typing import Any

from plans.draft import PlanDraft
from plans.resource_types import resource_type
from plans.rules_org_names import ROLE_TITLES

_PHONE_LABEL = re.compile(r"电话|手机|联系方式|号码|座机")
_WHO_LABEL = re.compile(r"姓名|联系人|职务|岗位|职位|单位|部门")
_POST_LABEL = re.compile(r"^(?:岗位|应急岗位|职务|应急职务|职位|角色)(?:名称)?$")
# what a post card says the post does: its duties, the points to act on, the steps it takes
_CARD_LABEL = re.compile(r"职责|任务|要点|措施|行动|处置")
# the public lines a 单位 column may name instead of a body
_PUBLIC_LINE = re.compile(r"^(?:火警|急救|匪警|报警|医疗急救|火灾报警|交通事故报警)(?:电话)?$")
# a column of kit: "配备装备" / "主要装备" / "器材" — not where it is kept or how many
_KIT_HEADER = re.compile(r"装备|器材|物资|配备|配置")
_NOT_KIT_HEADER = re.compile(r"地点|位置|存放|数量|人数|单位|名称|负责|管理")
_KIT_ITEM = re.compile(
    r"^([\u4e00-\u9fff]{2,12}?)\s*(\d+(?:\.\d+)?)\s*(只|件|艘|台|套|辆|个|顶|条|袋|箱|部|具|把|支|副|架|卷|桶|瓶|块"
    r"|双|根|张|盏|捆|盒|包|盘|付|米)$"
)


def _turned(cells: list[list[str]], who: re.Pattern[str], what: re.Pattern[str]) -> list[list[str]]:
    """Rows as columns when the labels run down the first column: the first row's label names who the
    columns are (``who``), a later row's short label says what they hold (``what``), no label of that kind
    heads a column in the first row, and at least two records run across."""
    if len(cells) < 2 or min(len(row) for row in cells) < 3:
        return cells
    labels = [re.sub(r"\s+", "", row[0]) for row in cells]
    if any(_PHONE_LABEL.search(c) or what.search(c) for c in cells[0][1:]) or not who.search(labels[0]):
        return cells
    if not any(what.search(label) and len(label) <= 6 for label in labels[1:]):
        return cells
    width = min(len(row) for row in cells)
    return [[row[col] for row in cells] for col in range(width)]


def transposed_contacts(cells: list[list[str]]) -> list[list[str]]:
    """A contact table with one column per person (rows 应急职务 / 姓名 / 手机): one row per person."""
    return _turned(cells, _WHO_LABEL, _PHONE_LABEL)


def transposed_cards(cells: list[list[str]]) -> list[list[str]]:
    """Post cards as one matrix with a column per post (rows 岗位 / 应急职责 / 处置要点 / 联系电话): one row per
    post, so the matrix reads as the 岗位 | 职责 | … card table it is."""
    return _turned(cells, _POST_LABEL, _CARD_LABEL)


# "校长（组长）" heading a post card: the post, then the title it holds in the 处置组
_POST_THEN_TITLE = re.compile(
    rf"^([^（(]{{2,12}})[（(](?:{'|'.join(sorted(ROLE_TITLES, key=len, reverse=True))})[)）]$"
)


def card_post_role(contact: dict[str, str]) -> dict[str, str]:
    """A card's phone row answers the post: "校长（组长）" is reached as 校长 (the bracket is its title in the unit,
    which the roles carry)."""
    m = _POST_THEN_TITLE.match(contact.get("role", ""))
    return {"role": m.group(1)} if m and not contact.get("name") else {}


def public_line(contact: dict[str, str]) -> dict[str, str]:
    """ "火警 | 119" in a 单位 column of a table without a post column: the service is the line's role (with a
    职务 column beside it the 单位 cell stays the unit, as written)."""
    org = contact.get("org", "")
    if org and not contact.get("role") and not contact.get("name") and _PUBLIC_LINE.match(org):
        return {"role": org, "org": ""}
    # "总指挥 | 陈国栋 | 139…" in a 单位 | 联系人 table: a post, not a body, is what the person is reached as
    if org in ROLE_TITLES and not contact.get("role"):
        return {"role": org, "org": ""}
    return {}


def kit_columns(header: list[str], taken: set[int]) -> list[int]:
    return [
        i
        for i, h in enumerate(header)
        if i not in taken and _KIT_HEADER.search(h) and not _NOT_KIT_HEADER.search(h)
    ]


def add_cell_kit(draft: PlanDraft, block: Any, team: str, cell: str) -> None:
    """ "对讲机18部、伸缩隔离带40米" in the row of 景区保安队: each counted item is a resource the team holds."""
    for item in re.split(r"[、，,；;]|和|及", cell):
        m = _KIT_ITEM.match(item.strip().rstrip("。"))
        if not m:
            continue
        name = m.group(1)
        resource = {
            "type": resource_type(name, default="物资"),
            "name": name,
            "quantity": float(m.group(2)),
            "unit": m.group(3),
            "holder": team,
        }
        draft.add("resources", resource, block.paragraph, confidence=0.85)
