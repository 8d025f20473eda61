"""A crew roster: a table with one column per crew post whose cells hold "姓名 手机" (车辆 | 驾驶员 | 押运员).

Each filled cell is one person: a role in the unit the roster sits under (title the column header, holder
the name; holders are quoted, never joined) and one contact (name, role the header, no org: the row label,
a plate or a shift, is no unit). A later "驾驶员和押运员职责：" line with nothing after its colon introduces
numbered lines that are the duties of every role with one of those titles, not the unit's.
"""

from __future__ import annotations

import re
from typing import Any

from plans.draft import PlanDraft
from plans.rules_org_names import CREW_POST
from plans.rules_org_posts import strip_header_number
from plans.structure import Block

_CREW_HEADER = re.compile(CREW_POST)
_PERSON_PHONE = re.compile(r"\s*([\u4e00-\u9fff]{2,4})\s+((?:0\d{2,3}-?)?\d{7,8}|1[3-9]\d{9})\s*")
# "驾驶员和押运员职责：" / "安全员、监护人职责：" with the items on the lines below
_DUTY_LABEL = re.compile(
    rf"^\s*((?:{CREW_POST})(?:\s*[和、及与]\s*(?:{CREW_POST}))*)\s*(?:的)?(?:主要)?职责\s*[:：]\s*$"
)
_ITEM = re.compile(r"^\s*(?:[（(]\d{1,2}[)）]|\d{1,2}\s*[.．、]|[①-⑳])")


def _crew_columns(cells: list[list[str]]) -> list[int]:
    """Columns headed by a crew post whose every filled cell is "姓名 手机"."""
    cols = []
    for col, head in enumerate(cells[0]):
        if col == 0 or not _CREW_HEADER.fullmatch(re.sub(r"\s+", "", head)):
            continue
        values = [row[col] for row in cells[1:] if col < len(row) and row[col].strip()]
        if values and all(_PERSON_PHONE.fullmatch(v) for v in values):
            cols.append(col)
    return cols


def _owner(draft: PlanDraft, block: Block) -> int | None:
    """The unit whose heading the roster sits under (the nearest heading above naming a unit)."""
    names = {u["name"]: n for n, u in enumerate(draft.data["org_units"])}
    at = draft.blocks.index(block)
    for above in reversed(draft.blocks[:at]):
        if above.kind == "heading":
            title = strip_header_number(above.text).strip()
            return next((n for name, n in names.items() if name == title or title.endswith(name)), None)
    return None


def extract_crew_rosters(draft: PlanDraft) -> None:
    for block in draft.blocks:
        if block.kind != "table" or not block.cells or len(block.cells) < 2:
            continue
        cols = _crew_columns(block.cells)
        owner = _owner(draft, block) if cols else None
        if owner is None:
            continue
        roles: list[dict[str, Any]] = draft.data["org_units"][owner]["roles"]
        known = {c["phone"] for c in draft.data["contacts"]}
        for row in block.cells[1:]:
            for col in cols:
                m = _PERSON_PHONE.fullmatch(row[col]) if col < len(row) else None
                if m is None:
                    continue
                title, (name, phone) = re.sub(r"\s+", "", block.cells[0][col]), m.groups()
                if not any(r["title"] == title and r["holder"] == name for r in roles):
                    roles.append({"title": title, "holder": name, "duties": []})
                    draft.cite(f"/org_units/{owner}/roles/{len(roles) - 1}", block.paragraph, confidence=0.8)
                if phone not in known:
                    known.add(phone)
                    contact = {"name": name, "role": title, "org": "", "phone": phone}
                    draft.add("contacts", contact, block.paragraph, confidence=0.8)


def _drop_unit_duty(draft: PlanDraft, unit: int, duty: str) -> None:
    """Take a duty back from a unit, moving the citations of the duties after it down one place."""
    duties = draft.data["org_units"][unit]["duties"]
    if duty not in duties:
        return
    gone = duties.index(duty)
    duties.pop(gone)
    prefix = f"/org_units/{unit}/duties/"
    kept = []
    for ref in draft.sources:
        if ref.field.startswith(prefix):
            head, _, rest = ref.field[len(prefix) :].partition("/")
            if int(head) == gone:
                continue
            if int(head) > gone:
                ref = ref.model_copy(
                    update={"field": f"{prefix}{int(head) - 1}" + (f"/{rest}" if rest else "")}
                )
        kept.append(ref)
    draft.sources[:] = kept


# "班主任职责：" with the items below, naming the post by the holder a unit's role was given ("由各班班主任任组长")
_HOLDER_LABEL = re.compile(
    r"^\s*([\u4e00-\u9fff]{1,8}?(?:员|工|长|主任|经理|师))\s*(?:的)?(?:主要)?职责\s*[:：]\s*$"
)


def _holder_targets(draft: PlanDraft, post: str, items: list[Block]) -> None:
    """Move the items a holder's label introduced from the unit they were read into to the role whose
    holder names that post ("各班班主任" for 班主任): only in a unit that took them all as its own duties."""
    duties = [strip_header_number(item.text).strip().rstrip("。；;") for item in items]
    for unit, entry in enumerate(draft.data["org_units"]):
        targets = [n for n, r in enumerate(entry["roles"]) if (r["holder"] or "").endswith(post)]
        if len(targets) != 1 or not duties or not all(d in entry["duties"] for d in duties):
            continue
        role = entry["roles"][targets[0]]
        for duty, item in zip(duties, items, strict=True):
            _drop_unit_duty(draft, unit, duty)
            if duty not in role["duties"]:
                role["duties"].append(duty)
                pointer = f"/org_units/{unit}/roles/{targets[0]}/duties/{len(role['duties']) - 1}"
                draft.cite(pointer, item.paragraph, confidence=0.8)


def _items_below(draft: PlanDraft, at: int) -> list[Block]:
    items = []
    for below in draft.blocks[at + 1 :]:
        if below.kind == "table" or below.kind == "heading" or not _ITEM.match(below.text):
            break
        items.append(below)
    return items


def crew_duties(draft: PlanDraft) -> None:
    for at, block in enumerate(draft.blocks):
        label = _DUTY_LABEL.match(block.text) if block.kind != "table" else None
        holder_label = _HOLDER_LABEL.match(block.text) if block.kind != "table" else None
        titles = set(re.split(r"\s*[和、及与]\s*", label.group(1))) if label else set()
        titled = any(r["title"] in titles for u in draft.data["org_units"] for r in u["roles"])
        if holder_label is not None and not titled:  # "值班长职责：" where no role is titled 值班长
            _holder_targets(draft, holder_label.group(1), _items_below(draft, at))
        if label is None:
            continue
        items = _items_below(draft, at)
        for unit, entry in enumerate(draft.data["org_units"]):
            targets = [n for n, r in enumerate(entry["roles"]) if r["title"] in titles]
            if not targets or not items:
                continue
            for item in items:
                duty = strip_header_number(item.text).strip().rstrip("。；;")
                _drop_unit_duty(draft, unit, duty)
                for n in targets:
                    if duty and duty not in entry["roles"][n]["duties"]:
                        entry["roles"][n]["duties"].append(duty)
                        pointer = f"/org_units/{unit}/roles/{n}/duties/{len(entry['roles'][n]['duties']) - 1}"
                        draft.cite(pointer, item.paragraph, confidence=0.8)


# "车队长：陈建伟，负责a；b。": a post line whose holder is followed by what the post does; the clauses after
# the first run on to the full stop and are the post's too (round 14's "组长：X，负责…"), not the unit's
_POST_DUTY_LINE = re.compile(
    r"^\s*([\u4e00-\u9fff]{2,8})\s*[:：]\s*([\u4e00-\u9fff]{2,12})\s*[，,]\s*负责[^。；;：:]+[；;]"
)


def post_line_duty_runs(draft: PlanDraft) -> None:
    for block in draft.blocks:
        m = _POST_DUTY_LINE.match(block.text) if block.kind != "table" else None
        if m is None:
            continue
        rest = block.text[m.end() :].split("。")[0]
        clauses = [c.strip() for c in re.split(r"[；;]", rest) if c.strip()]
        if not clauses or any(re.search(r"[:：]", c) for c in clauses):
            continue  # "车队长：A，负责…；安全员：B": the next clause is another post
        for unit, entry in enumerate(draft.data["org_units"]):
            n = next(
                (
                    n
                    for n, r in enumerate(entry["roles"])
                    if r["title"] == m.group(1) and r["holder"] == m.group(2)
                ),
                None,
            )
            if n is None or not entry["roles"][n]["duties"]:
                continue  # the post line's first duty was read onto the post: the rest follows it
            role = entry["roles"][n]
            for clause in clauses:
                _drop_unit_duty(draft, unit, clause)
                if clause not in role["duties"]:
                    role["duties"].append(clause)
                    start = block.text.find(clause, m.end())
                    pointer = f"/org_units/{unit}/roles/{n}/duties/{len(role['duties']) - 1}"
                    draft.cite(pointer, block.paragraph, start, start + len(clause), confidence=0.8)
