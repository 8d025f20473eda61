"""Cells of organisation tables as consultants fill them: a post over the person's name in one cell
("总经理\n张振宇", read back "总经理 张振宇" or run together in a PDF), duties as numbered lines in one
cell ("1.…\n2.…"), and a 职责 cell merged over a group's rows (the group's duties) beside one duty
cell per post (the posts' duties)."""

from __future__ import annotations

import re
from typing import Any

# A post written before the person who holds it: "安全副总经理 刘海燕", "生产部经理周立强"
_POST_THEN_NAME = re.compile(
    r"^(\S{0,10}?(?:经理|总监|主任|厂长|部长|科长|班长|站长|队长|局长|镇长|院长|所长|书记|主管|总工|工程师|总))"
    r"\s*([\u4e00-\u9fff]{2,3})$"
)
# The name part must not itself be a post ("车间主任助理" is no person named 助理)
_POST_END = re.compile(r"(?:员|长|理|任|师|工|助理|主管|人员|负责人)$")
# Item numbers inside a cell: "1." "2、" (not "0.5"), "①", "（1）"
_NUMBER_FORMS = (r"(?<!\d){n}\s*[.、．](?!\d)", r"[（(]\s*{n}\s*[)）]")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
# "1.关闭进料阀" alone in its cell: the number of a one-item list
_LEAD_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s*[.、．](?!\d)|[（(]\s*\d{1,2}\s*[)）]|[①-⑳])\s*")


def person_in(cell: str) -> str:
    """The person a roles-table cell names after the post ("总经理 张振宇" → "张振宇"); the cell as
    it is when it holds no such pair (a post alone, a list of posts, a name alone)."""
    text = cell.strip()
    m = _POST_THEN_NAME.match(text)
    if not m or _POST_END.search(m.group(2)) or "、" in text:
        return text
    return m.group(2)


def numbered_items(cell: str) -> list[str]:
    """The items of a cell numbered 1., 2., … (or ①②…, （1）（2）…) in order from its start; [] when
    the cell does not open with item 1 or has only one item."""
    for form in (*_NUMBER_FORMS, "circled"):
        starts: list[tuple[int, int]] = []
        pos = 0
        for n in range(1, 21):
            if form == "circled":
                if n > len(_CIRCLED):
                    break
                m = re.compile(re.escape(_CIRCLED[n - 1])).search(cell, pos)
            else:
                m = re.compile(form.format(n=n)).search(cell, pos)
            if m is None or (n == 1 and cell[: m.start()].strip()):
                break
            starts.append((m.start(), m.end()))
            pos = m.end()
        if len(starts) >= 2:
            ends = [s for s, _ in starts[1:]] + [len(cell)]
            return [cell[e:end].strip() for (_, e), end in zip(starts, ends, strict=True)]
    return []


def cell_items(cell: str) -> list[str]:
    """One duty per "；" clause or per numbered line of a cell, without numbers or a closing 。/；."""
    parts = numbered_items(cell) or [cell]
    out: list[str] = []
    for part in parts:
        for clause in re.split(r"[；;]", part):
            duties = (_LEAD_NUMBER.sub("", d).strip().rstrip("。；;") for d in _duty_lines(clause))
            out += [d for d in duties if d]
    return out


# A line break inside a cell reads back as a space (DOCX) or as nothing (PDF); a cell that opens with
# 负责 and says 负责 again, not as part of a phrase ("由X负责", "并负责", "共同负责"), starts a new duty there.
_JOINED_DUTY = "并和及与、，,或要同体别自均也"


def _duty_lines(clause: str) -> list[str]:
    """ "负责a 负责b" / "负责a负责b" (one duty per line of the cell) → ["负责a", "负责b"]."""
    text = clause.strip()
    if not text.startswith("负责"):
        return [clause]
    out, start = [], 0
    for m in re.finditer("负责", text):
        before = text[: m.start()].rstrip()
        if m.start() == 0 or not before or before[-1] in _JOINED_DUTY or "由" in text[start : m.start()]:
            continue
        out.append(text[start : m.start()].strip())
        start = m.start()
    return [*out, text[start:].strip()]


def per_post_groups(rows: list[list[str]], group_col: int, duty_col: int | None) -> set[str]:
    """Groups whose rows carry different 职责 cells: each row's duties are its post's. A group whose
    rows repeat one cell (merged down) or that has one row keeps the duties as the group's own."""
    seen: dict[str, set[str]] = {}
    previous = ""
    for row in rows:
        name = (row[group_col].strip() if group_col < len(row) else "") or previous
        previous = name
        duty = row[duty_col].strip() if duty_col is not None and duty_col < len(row) else ""
        if duty:
            seen.setdefault(name, set()).add(duty)
    return {name for name, duties in seen.items() if len(duties) > 1}


def owner_by_titles(
    data: dict[str, Any],
    units: dict[str, int],
    titles: list[str],
    parent: str | None,
    shared: tuple[str, ...],
) -> str | None:
    """The unit a post table fills in: prose set up "由总经理任总指挥" and an office after it; the table
    (应急职务 | 姓名 | 日常职务) that names the 总指挥 and 副总指挥 belongs to the unit already holding
    those posts, not to the office mentioned last. ``parent`` when it holds one of them or none does."""
    own = [t for t in titles if t not in shared]

    def held(name: str) -> int:
        return sum(any(r["title"] == t for r in data["org_units"][units[name]]["roles"]) for t in own)

    if parent is not None and parent in units and held(parent):
        return parent
    best = max(units, key=held, default=None)
    return best if best is not None and held(best) else parent


def spelled_out(holder: str | None, title: str, titles: list[str]) -> bool:
    """ "成员由各部门负责人组成" and one 成员 row of a table naming them: the row spells out the same
    post (one role), unlike a table with a 成员 row per person (one role each)."""
    return bool(holder) and str(holder).startswith("各") and titles.count(title) == 1
