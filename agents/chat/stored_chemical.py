"""A chemical said as what firms store ("存有液氯的企业", "储存甲醇的重大危险源"): a condition on the firms.

The enterprise templates filter on a held chemical (``$chemical``: the firm ``HOLDS`` it) and the hazard
source ones on a stored one (the source ``STORES`` it), but the compound planner (ADR 0012) refused every
storing verb, and the coverage check did not see the chemical at all: "存有液氯的企业中，哪些还有没整改的
隐患" was answered with every open hazard of the city. Only a storing verb right before the chemical word
counts here (not 使用/生产/有, which ``records.chemical_in`` also reads for a single template), so a
chemical said in passing ("液氨泄漏启动哪个预案") is no condition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.chat.records import chemical_words

_STORING = (
    r"(?:储存|贮存|存储|存放|储有|存有|存了|存着|储了|囤积?|放着|放有)(?:了|有|着)?(?:大量|少量|较多)?的?"
)


@dataclass(frozen=True)
class StoredChemical:
    word: str  # as said ("液氨")
    ids: tuple[str, ...]  # the names and CAS numbers a Chemical node may carry for it
    start: int  # where the storing verb begins
    end: int  # where the chemical word ends


def stored_chemical(text: str) -> StoredChemical | None:
    """The one chemical the question says is stored, with its span; None when none or several are."""
    words = sorted(chemical_words(), key=len, reverse=True)  # 甲苯 before 苯
    pattern = re.compile(_STORING + "(" + "|".join(re.escape(w) for w in words) + ")")
    found = list(pattern.finditer(text))
    if len(found) != 1 or re.match(r"[和与及、或跟]|以及", text[found[0].end() :]):
        return None  # "储存液氯和液氨的": two chemicals, while one slot value means either of them
    m = found[0]
    return StoredChemical(m.group(1), chemical_words()[m.group(1)], m.start(), m.end())


def without_chemical(text: str, said: StoredChemical) -> str:
    """The question with the storing phrase blanked out (same length, so positions keep)."""
    return text[: said.start] + " " * (said.end - said.start) + text[said.end :]


__all__ = ["StoredChemical", "stored_chemical", "without_chemical"]
