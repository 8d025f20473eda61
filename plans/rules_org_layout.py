"""How a plan lays its organisation out, beyond one unit per heading or sentence.

* A heading that abbreviates the unit its first sentence sets up ("2.2 街道应急委员会", then "街道成立云亭
  街道突发事件应急委员会"): one unit, under the full name.
* An organisation chart written as text: "自上而下为：应急指挥部→指挥部办公室→抢险组、警戒组" (each
  body sits under the one before the arrow).
* The same chart drawn as a text tree ("├─ X" / "└─ X" lines): ``plans.rules_org_tree``.
* A responsibility matrix: 任务 | unit | unit …, cells marked ● (主要负责) / ○ (配合): each task marked
  as primary is that unit's duty.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from plans.draft import PlanDraft
from plans.rules_org_names import UNIT_SUFFIX, canonical
from plans.rules_org_patterns import ALIAS
from plans.rules_org_tree import tree_parents
from plans.structure import Block

_ARROW = re.compile(r"\s*(?:→|->|－>|—>|⇒|＞|>)\s*")
# Marks of a responsibility matrix: the first group says "in charge", the second "assists"
_PRIMARY = frozenset("●★▲√✓✔◎主牵")
_SECONDARY = frozenset("○☆△协配参")


_TIER = re.compile(r"^(?:公司|厂|企业|车间|班组|园区|镇|街道|市|县|区|社会|部门|院)级")


def abbreviates(short: str, full: str) -> bool:
    """ "街道应急委员会" abbreviates "云亭街道突发事件应急委员会": the same kind of body, every character
    of the short name in order in the long one. A tier in front ("公司级应急指挥部" over "公司成立火灾爆炸事故
    应急指挥部") names the level the body acts at, not the body: the rest is compared."""
    tier = _TIER.match(short)
    return (tier is not None and _abbreviates(short[tier.end() :], full)) or _abbreviates(short, full)


def heading_names_body(heading: str, full: str, after: str) -> bool:
    """The heading over a sentence that sets up ``full`` names that same body: it abbreviates it, or it is
    (or abbreviates, or is abbreviated by) the short name the sentence gives it right after the name
    ("（一）镇指挥部" / "2.1 街道应急指挥部" over "成立X应急指挥部（以下简称镇指挥部 / 街道指挥部）")."""
    if abbreviates(heading, full):
        return True
    alias = ALIAS.match(after.lstrip())
    short = alias.group(1) if alias else ""
    return bool(short) and (_in_order(short, heading) or _in_order(heading, short))


def _in_order(short: str, long: str) -> bool:
    # the same kind of body (the last two characters: 指挥部, 小组, 员会) and every character of the
    # short name in order in the long one ("街道指挥部" in "街道应急指挥部", "村领导小组" in "村应急领导小组")
    rest = iter(long)
    return len(short) >= 3 and short[-2:] == long[-2:] and all(char in rest for char in short)


def _abbreviates(short: str, full: str) -> bool:
    # "组建以下工作专班": a phrase announcing a list names no body
    if len(short) < 3 or len(full) <= len(short) or re.match(r"(?:以下|下列|如下)", full):
        return False
    kind = UNIT_SUFFIX.search(short)
    if kind is None or not full.endswith(kind.group(1)):
        return False
    rest = iter(full)
    return all(char in rest for char in short)


def rename_unit(draft: PlanDraft, units: dict[str, int], aliases: dict[str, str], old: str, new: str) -> None:
    """The unit ``old`` is known as ``new`` from now on (its children follow; ``old`` stays an alias)."""
    index = units.pop(old)
    units[new] = index
    draft.data["org_units"][index]["name"] = new
    for entry in draft.data["org_units"]:
        if entry["parent"] == old:
            entry["parent"] = new
    for alias, target in list(aliases.items()):
        if target == old:
            aliases[alias] = new
    aliases[old] = new


def chart_parents(
    draft: PlanDraft, blocks: list[Block], units: dict[str, int], aliases: dict[str, str]
) -> None:
    """ "A→B→C、D": B sits under A, C and D under B (the first body of each step is the next one's
    parent). Only bodies already known are linked; the chart overrides parents guessed elsewhere."""
    for block in blocks:
        if block.kind == "table" or len(_ARROW.findall(block.text)) < 1:
            continue
        chart = re.split(r"[:：]", block.text)[-1]
        steps = [
            re.split(r"[，,。；;（(]", step)[0] if n else step for n, step in enumerate(_ARROW.split(chart))
        ]
        steps[0] = re.split(r"[，,。；;]", steps[0])[-1]
        levels = [
            [
                known
                for name in re.split(r"[、和及与]", step)
                if (known := canonical(name.strip(), units, aliases))
            ]
            for step in steps
        ]
        if sum(1 for level in levels if level) < 2 or any(not level for level in levels):
            continue
        for upper, lower in itertools.pairwise(levels):
            for name in lower:
                if name != upper[0]:
                    draft.data["org_units"][units[name]]["parent"] = upper[0]
    tree_parents(draft, blocks, units, aliases)  # "├─ X" / "└─ X" lines under a root line


def matrix_duties(
    draft: PlanDraft, block: Block, units: dict[str, int], aliases: dict[str, str], unit: Any
) -> bool:
    """A responsibility matrix (see the module docstring); False when the table is not one."""
    cells = block.cells or []
    if len(cells) < 2:
        return False
    header = cells[0]
    columns = {
        col: name
        for col, text in enumerate(header)
        if col
        and (
            name := canonical(text.strip(), units, aliases)
            or (text.strip() if UNIT_SUFFIX.search(text.strip()) else None)
        )
    }
    marks = {row[col].strip() for row in cells[1:] for col in columns if col < len(row) and row[col].strip()}
    if len(columns) < 2 or not marks or any(len(m) != 1 or m not in _PRIMARY | _SECONDARY for m in marks):
        return False
    primary = marks & _PRIMARY or marks  # one kind of mark only: it marks who is in charge
    for row in cells[1:]:
        task = row[0].strip().rstrip("。；;") if row else ""
        for col, name in columns.items():
            if not task or col >= len(row) or row[col].strip() not in primary:
                continue
            if name not in units:
                unit(name, block, None)
            duties = draft.data["org_units"][units[name]]["duties"]
            if task not in duties:
                duties.append(task)
                at = f"/org_units/{units[name]}/duties/{len(duties) - 1}"
                draft.cite(at, block.paragraph, confidence=0.8)
    return True
