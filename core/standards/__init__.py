"""Chinese national standards implemented as pure functions over plain data.

* :mod:`core.standards.uscc` — GB 32100-2015 统一社会信用代码 (with GB 11714 organisation code).
* :mod:`core.standards.gb18218` — GB 18218-2018 危险化学品重大危险源辨识 (S) and grading (R);
  tables live in :mod:`core.standards.gb18218_tables`.
"""

from core.standards.gb18218 import (
    ChemicalQuantity,
    GradedChemical,
    GradingResult,
    HazardCategory,
    HazardIdentificationError,
    IdentificationResult,
    IdentifiedChemical,
    UnitKind,
    critical_quantity_t,
    exposure_alpha,
    grade,
    identify,
    level_for,
    lookup_table1,
    normalize_cas,
)
from core.standards.uscc import (
    UsccError,
    UsccParts,
    is_valid_uscc,
    make_uscc,
    normalize_uscc,
    org_code_check_char,
    parse_uscc,
    uscc_check_char,
    validate_uscc,
)

__all__ = [
    "ChemicalQuantity",
    "GradedChemical",
    "GradingResult",
    "HazardCategory",
    "HazardIdentificationError",
    "IdentificationResult",
    "IdentifiedChemical",
    "UnitKind",
    "UsccError",
    "UsccParts",
    "critical_quantity_t",
    "exposure_alpha",
    "grade",
    "identify",
    "is_valid_uscc",
    "level_for",
    "lookup_table1",
    "make_uscc",
    "normalize_cas",
    "normalize_uscc",
    "org_code_check_char",
    "parse_uscc",
    "uscc_check_char",
    "validate_uscc",
]
