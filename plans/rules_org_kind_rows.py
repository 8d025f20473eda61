"""A table listing the bodies of one kind a sentence set up: "领导小组下设年级组，…见下表" then 年级组 | 年级组长 | 责任楼层 …
with one row per 七年级组 / 八年级组.

The sentence names the kind (年级组, 班组, 中队), not one body, so the importer first records a unit of that name;
the table's rows are the bodies themselves. Each row is one unit under the body that set the kind up, and the
kind's own unit, left with no post, duty or child of its own, is dropped (``drop_kind_units``). A column headed by a post (年级组长, 班长,
队长, 负责人) gives each row's unit that role; a cell "姓名 手机" holds the name and is also one contact (role the
header, org the row's unit). Other columns (楼层, 楼梯, 集合点) carry no field. Without this the rows' names, which
all end in the kind's name, would be taken for that one unit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from plans.draft import PlanDraft
from plans.structure import Block

_PERSON_PHONE = re.compile(r"\s*([\u4e00-\u9fff]{2,4})\s+((?:0\d{2,3}-?)?\d{7,8}|1[3-9]\d{9})\s*")
_PERSON = re.compile(r"\s*([\u4e00-\u9fff]{2,4})\s*")
_POST_HEADER = re.compile(r"[\u4e00-\u9fff]{0,8}(?:长|负责人|主任)")


def _post_columns(cells: list[list[str]]) -> list[int]:
    """Columns headed by a post whose filled cells each hold one person (with or without a number)."""
    cols = []
    for col, head in enumerate(cells[0]):
        if col == 0 or not _POST_HEADER.fullmatch(re.sub(r"\s+", "", head)):
            continue
        values = [row[col] for row in cells[1:] if col < len(row) and row[col].strip()]
        if values and all(_PERSON_PHONE.fullmatch(v) or _PERSON.fullmatch(v) for v in values):
            cols.append(col)
    return cols


def kind_rows(
    draft: PlanDraft,
    block: Block,
    units: dict[str, int],
    _aliases: dict[str, str],  # the signature of the other table readers tried before org_table
    unit: Callable[..., int],
) -> bool:
    """Read ``block`` as a table of bodies of a kind set up before it; False when it is no such table."""
    cells = block.cells or []
    if len(cells) < 3:
        return False
    kind = re.sub(r"\s+", "", cells[0][0])
    names = [re.sub(r"\s+", "", row[0]) for row in cells[1:] if row and row[0].strip()]
    # every row a different body whose name ends in the kind ("七年级组" under 年级组), the kind set up already
    if (
        kind not in units
        or len(names) < 2
        or len(set(names)) != len(names)
        or not all(n.endswith(kind) and n != kind for n in names)
    ):
        return False
    cols = _post_columns(cells)
    entry = draft.data["org_units"][units[kind]]
    if entry["roles"] or entry["duties"] or not cols:
        return False  # a body of that name with posts of its own is a real body, not a kind
    parent = entry["parent"]  # the kind's own unit is dropped once the organisation is read
    known = {c["phone"] for c in draft.data["contacts"]}
    for row in cells[1:]:
        name = re.sub(r"\s+", "", row[0]) if row else ""
        if not name:
            continue
        at = unit(name, block, parent)
        roles: list[dict[str, Any]] = draft.data["org_units"][at]["roles"]
        for col in cols:
            cell = row[col] if col < len(row) else ""
            m = _PERSON_PHONE.fullmatch(cell) or _PERSON.fullmatch(cell)
            if m is None or not cell.strip():
                continue
            title, person = re.sub(r"\s+", "", cells[0][col]), m.group(1)
            if not any(r["title"] == title and r["holder"] == person for r in roles):
                roles.append({"title": title, "holder": person, "duties": []})
                draft.cite(f"/org_units/{at}/roles/{len(roles) - 1}", block.paragraph, confidence=0.8)
            phone = m.group(2) if m.re is _PERSON_PHONE else None
            if phone and phone not in known:
                known.add(phone)
                contact = {"name": person, "role": title, "org": name, "phone": phone}
                draft.add("contacts", contact, block.paragraph, confidence=0.8)
    return True


def drop_kind_units(draft: PlanDraft) -> None:
    """Drop a unit that only names the kind of two or more bodies beside it ("年级组" beside 七年级组 and 八年级组
    under the same parent): no post, no duty and no child of its own. Citations of later units move down."""
    units = draft.data["org_units"]
    for at in range(len(units) - 1, -1, -1):
        kind = units[at]
        if kind["roles"] or kind["duties"] or any(u["parent"] == kind["name"] for u in units):
            continue
        rows = [
            u for u in units
            if u is not kind and u["parent"] == kind["parent"] and u["name"].endswith(kind["name"])
            and u["name"] != kind["name"]
        ]  # fmt: skip
        # only rows read from one table (kind_rows): "救援队" beside 消防救援队 and 医疗救援队 set up in prose stays
        tables = {_table_of(draft, units.index(u)) for u in rows}
        if len(rows) < 2 or not any(u["roles"] for u in rows) or len(tables) != 1 or None in tables:
            continue
        units.pop(at)
        prefix = "/org_units/"
        kept = []
        for ref in draft.sources:
            if ref.field.startswith(prefix):
                head, _, rest = ref.field[len(prefix) :].partition("/")
                if int(head) == at:
                    continue
                if int(head) > at:
                    ref = ref.model_copy(
                        update={"field": f"{prefix}{int(head) - 1}" + (f"/{rest}" if rest else "")}
                    )
            kept.append(ref)
        draft.sources[:] = kept


def _table_of(draft: PlanDraft, index: int) -> int | None:
    """The table block unit ``index`` was read from; None when it was set up anywhere else."""
    ref = next((r for r in draft.sources if r.field == f"/org_units/{index}"), None)
    if ref is None or ref.paragraph >= len(draft.blocks):
        return None
    return ref.paragraph if draft.blocks[ref.paragraph].kind == "table" else None
