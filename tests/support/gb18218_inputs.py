"""Short names for GB 18218 test inputs, so a worked example fits on one line."""

from __future__ import annotations

from core.standards.gb18218 import ChemicalQuantity, HazardCategory, UnitKind

HC = HazardCategory
STORE = UnitKind.STORAGE


def cq(name: str, q: float, cas: str | None = None, cat: HazardCategory | None = None) -> ChemicalQuantity:
    """``q`` tonnes of ``name`` (with its CAS number and hazard category when given)."""
    return ChemicalQuantity(name=name, cas=cas, quantity_t=q, category=cat)
