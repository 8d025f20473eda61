"""Duty roster rows: one person cannot stand two shifts at once.

An import had loaded a second shift of the same person overlapping the first (an Excel roster
pasted twice with a shifted column): the duty board showed the officer on duty twice and the chat's
"今天谁值班" listed them twice. A pure decision over spans; the graph loader reads the stored shifts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class ShiftSpan:
    id: str
    person_id: str
    starts_at: int  # epoch ms, inclusive
    ends_at: int  # epoch ms, exclusive: a shift may start when the previous one ends


def overlaps(a: ShiftSpan, b: ShiftSpan) -> bool:
    return a.person_id == b.person_id and a.id != b.id and a.starts_at < b.ends_at and b.starts_at < a.ends_at


def overlapping_shifts(new: list[ShiftSpan], stored: list[ShiftSpan]) -> dict[str, str]:
    """New shift id → the id of a shift of the same person it overlaps: a stored one (other than
    itself: a re-import updates a shift in place) or an earlier accepted row of the same batch."""
    replaced = {s.id for s in new}
    accepted: dict[str, list[ShiftSpan]] = defaultdict(list)  # by person: a city roster is large
    for shift in stored:
        if shift.id not in replaced:
            accepted[shift.person_id].append(shift)
    clashes: dict[str, str] = {}
    for shift in new:
        other = next((o for o in accepted[shift.person_id] if overlaps(shift, o)), None)
        if other is None:
            accepted[shift.person_id].append(shift)
        else:
            clashes[shift.id] = other.id
    return clashes
