"""One enterprise, one registered name: the same name under two credit codes is a duplicate.

Two firms may not register the same name in one registration area (企业名称登记管理规定), so a
second code under a name the city already has is a mistyped code or a copied row. "The same" is
judged after folding what a keyboard varies: NFKC (full-width ＡＢＣ and （） read as ABC and ()),
every kind of space dropped (an ideographic space, a trailing blank), letters case-folded. The
stored name keeps the spelling it was given; only the comparison folds.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


def name_key(name: str) -> str:
    """The spelling two enterprise names are compared under."""
    folded = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in folded if not ch.isspace() and unicodedata.category(ch) != "Cf").casefold()


@dataclass(frozen=True)
class NamedFirm:
    id: str
    name: str


def names_by_key(firms: Iterable[NamedFirm]) -> dict[str, NamedFirm]:
    """Name key → the first firm holding that name."""
    owners: dict[str, NamedFirm] = {}
    for firm in firms:
        owners.setdefault(name_key(firm.name), firm)
    return owners


def duplicate_names(new: Iterable[NamedFirm], stored: Mapping[str, NamedFirm]) -> dict[str, NamedFirm]:
    """New firm id → the other firm whose name it repeats: a stored firm (``stored``, by name key)
    with another code, or an earlier new row with another code. A row re-importing its own code (a
    rename or an update) is not a duplicate."""
    earlier: dict[str, NamedFirm] = {}
    clashes: dict[str, NamedFirm] = {}
    for firm in new:
        key = name_key(firm.name)
        other = earlier.get(key) or stored.get(key)
        if other is not None and other.id != firm.id:
            clashes[firm.id] = other
        else:
            earlier.setdefault(key, firm)
    return clashes
