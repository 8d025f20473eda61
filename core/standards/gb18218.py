"""GB 18218-2018《危险化学品重大危险源辨识》— identification (S) and grading (R).

Identification (4.2): for a 生产单元/储存单元 holding chemicals i with actual quantity q_i and
critical quantity Q_i, ``S = Σ q_i / Q_i``; the unit is a 重大危险源 when ``S >= 1``.
Q comes from 表1 when the chemical is listed there (looked up by CAS or by name/alias), otherwise
from 表2 by hazard category; a chemical with several categories takes the LOWEST Q (4.1.2 b).

Grading (4.3): ``R = α × Σ β_i × q_i / Q_i`` with β from 表3 (named toxic gases) or 表4 (by
category) and α from 表5 (people within 500 m outside the unit); level per 表6:
一级 R ≥ 100, 二级 50 ≤ R < 100, 三级 10 ≤ R < 50, 四级 R < 10.

Choices that the standard leaves open, documented here:

* β for a chemical not in 表3 with several categories: the LARGEST 表4 β (conservative).
* β for a 表1 chemical not in 表3 and given no category: taken from our approximate default
  classification in ``gb18218_tables`` (``beta_source="table4_default"``); 三氧化硫 has no 表4
  class and gets β = 1 (``beta_source="assumed"``). Callers should pass the SDS category.
* For a 表1 chemical the caller's category never changes Q (表1 takes precedence), only β.
* Arithmetic is exact (``Fraction`` of the decimal input) so boundaries S = 1 and R = 10/50/100
  are decided exactly; results are reported as floats.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from enum import StrEnum
from fractions import Fraction
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from core.errors import ValidationError
from core.standards.gb18218_tables import (
    ALPHA_BANDS,
    CATEGORIES,
    LEVEL_NAMES,
    LEVEL_THRESHOLDS,
    TABLE1,
    TABLE3_BETA,
    HazardCategory,
    Table1Entry,
)

__all__ = [
    "ChemicalQuantity",
    "GradedChemical",
    "GradingResult",
    "HazardCategory",
    "HazardIdentificationError",
    "IdentificationResult",
    "IdentifiedChemical",
    "Table1Entry",
    "UnitKind",
    "critical_quantity_t",
    "exposure_alpha",
    "grade",
    "identify",
    "level_for",
    "lookup_table1",
    "normalize_cas",
]


class UnitKind(StrEnum):
    PRODUCTION = "生产单元"
    STORAGE = "储存单元"


class HazardIdentificationError(ValidationError):
    """Bad input to identification/grading. ``code`` is one of ``unknown_chemical``,
    ``ambiguous_chemical``, ``chemical_conflict``, ``not_major_hazard``, ``invalid_hazard_input``."""

    code = "invalid_hazard_input"


# --------------------------------------------------------------------------- CAS and names

_CAS_RE: Final = re.compile(r"^(\d{2,7})-(\d{2})-(\d)$")


def normalize_cas(cas: str) -> str:
    """Return the canonical CAS RN or raise ``ValueError`` (format or check digit wrong)."""
    text = unicodedata.normalize("NFKC", cas).strip().replace("–", "-").replace("—", "-")
    m = _CAS_RE.match(text)
    if not m:
        raise ValueError(f"CAS号格式错误：“{cas}”（应形如 7664-41-7）")
    digits = (m.group(1) + m.group(2))[::-1]
    if sum(i * int(d) for i, d in enumerate(digits, start=1)) % 10 != int(m.group(3)):
        raise ValueError(f"CAS号校验位错误：“{cas}”")
    return text


def _norm_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    text = text.replace("[", "(").replace("]", ")").replace("〔", "(").replace("〕", ")")
    return "".join(text.split())


_ENTRIES: Final = {e.no: e for e in TABLE1}


def _index(pairs: Iterable[tuple[str, int]]) -> dict[str, tuple[int, ...]]:
    idx: dict[str, list[int]] = {}
    for key, no in pairs:
        nos = idx.setdefault(key, [])
        if no not in nos:
            nos.append(no)
    return {k: tuple(v) for k, v in idx.items()}


_BY_NAME: Final = _index((_norm_name(n), e.no) for e in TABLE1 for n in (e.name, *e.aliases))
_BY_CAS: Final = _index((c, e.no) for e in TABLE1 for c in e.cas)


def _candidates(nos: Iterable[int]) -> list[str]:
    return [f"{no}. {_ENTRIES[no].name}" for no in sorted(nos)]


def lookup_table1(name: str | None = None, cas: str | None = None) -> Table1Entry | None:
    """Find the 表1 row for a chemical by CAS and/or name (aliases accepted); ``None`` if absent.

    Raises :class:`HazardIdentificationError` when the match is ambiguous (e.g. 硝酸铵 or CAS
    9004-70-0 cover several rows) or when name and CAS point at different rows.
    """
    label = name or cas or ""
    try:
        canonical_cas = normalize_cas(cas) if cas else None
    except ValueError as exc:
        raise HazardIdentificationError(str(exc), details={"cas": cas}) from None
    by_name = set(_BY_NAME.get(_norm_name(name), ())) if name else set()
    by_cas = set(_BY_CAS.get(canonical_cas, ())) if canonical_cas else set()
    if by_name and by_cas:
        found = by_name & by_cas
        if not found:
            raise HazardIdentificationError(
                f"“{name}”与CAS号{cas}在GB 18218-2018表1中对应不同条目，请核对",
                code="chemical_conflict",
                details={"name": name, "cas": cas, "by_name": sorted(by_name), "by_cas": sorted(by_cas)},
            )
    else:
        found = by_name or by_cas
    if len(found) > 1:
        options = _candidates(found)
        raise HazardIdentificationError(
            f"“{label}”在GB 18218-2018表1中对应多个条目，请填写具体名称：{'；'.join(options)}",
            code="ambiguous_chemical",
            details={"name": name, "cas": cas, "candidates": options},
        )
    return _ENTRIES[found.pop()] if found else None


# --------------------------------------------------------------------------- models


class ChemicalQuantity(BaseModel):
    """One chemical present in a unit: q in tonnes (design maximum), optional CAS and category."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=200)
    cas: str | None = None
    quantity_t: float = Field(ge=0, allow_inf_nan=False)
    category: HazardCategory | None = None
    extra_categories: tuple[HazardCategory, ...] = ()

    @field_validator("cas")
    @classmethod
    def _cas_ok(cls, v: str | None) -> str | None:
        return normalize_cas(v) if v else None

    @property
    def categories(self) -> tuple[HazardCategory, ...]:
        cats = (self.category, *self.extra_categories) if self.category else self.extra_categories
        return tuple(dict.fromkeys(cats))


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class IdentifiedChemical(_Result):
    name: str
    cas: str | None
    quantity_t: float
    critical_quantity_t: float
    ratio: float  # q / Q
    q_source: Literal["table1", "table2"]
    table1_no: int | None
    table1_name: str | None
    q_category: HazardCategory | None  # the 表2 category that set Q (None for 表1)
    explanation: str


class IdentificationResult(_Result):
    unit_kind: UnitKind
    items: tuple[IdentifiedChemical, ...]
    s_value: float
    is_major: bool


class GradedChemical(IdentifiedChemical):
    beta: float
    beta_source: Literal["table3", "table4", "table4_default", "assumed"]
    beta_category: HazardCategory | None
    weighted: float  # β × q / Q (before α)


class GradingResult(_Result):
    unit_kind: UnitKind
    s_value: float
    r_value: float
    level: int = Field(ge=1, le=4)
    level_name: str
    alpha: float
    exposed_people: int
    contributions: tuple[GradedChemical, ...]


# --------------------------------------------------------------------------- computation


def _exact(x: float) -> Fraction:
    return Fraction(repr(float(x)))


def _fmt(x: Fraction) -> str:
    return f"{float(x):g}"


def _identify_one(item: ChemicalQuantity) -> tuple[IdentifiedChemical, Table1Entry | None, Fraction]:
    entry = lookup_table1(item.name, item.cas)
    q = _exact(item.quantity_t)
    if entry is not None:
        crit, cat = entry.critical_t, None
        why = f"表1第{entry.no}项“{entry.name}”临界量{_fmt(crit)}t"
    else:
        cats = item.categories
        if not cats:
            raise HazardIdentificationError(
                f"“{item.name}”不在GB 18218-2018表1中，且未提供危险性类别，无法确定临界量",
                code="unknown_chemical",
                details={"name": item.name, "cas": item.cas},
            )
        cat = min(cats, key=lambda c: CATEGORIES[c].critical_t)
        crit = CATEGORIES[cat].critical_t
        why = f"表2 {cat.value}（{CATEGORIES[cat].hazard_class}）临界量{_fmt(crit)}t"
    ratio = q / crit
    ident = IdentifiedChemical(
        name=item.name,
        cas=item.cas,
        quantity_t=item.quantity_t,
        critical_quantity_t=float(crit),
        ratio=float(ratio),
        q_source="table1" if entry else "table2",
        table1_no=entry.no if entry else None,
        table1_name=entry.name if entry else None,
        q_category=cat,
        explanation=f"{why}，q/Q = {_fmt(q)}/{_fmt(crit)} = {_fmt(ratio)}",
    )
    return ident, entry, ratio


def _coerce_kind(kind: UnitKind | str) -> UnitKind:
    try:
        return UnitKind(kind)
    except ValueError:
        raise HazardIdentificationError(
            f"单元类型“{kind}”无效，应为“生产单元”或“储存单元”", details={"unit_kind": str(kind)}
        ) from None


def identify(unit: Sequence[ChemicalQuantity], kind: UnitKind | str) -> IdentificationResult:
    """Compute S = Σ q/Q for one unit and decide whether it is a 重大危险源 (S ≥ 1)."""
    unit_kind = _coerce_kind(kind)
    rows = [_identify_one(item) for item in unit]
    s = sum((r for _, _, r in rows), Fraction(0))
    return IdentificationResult(
        unit_kind=unit_kind, items=tuple(i for i, _, _ in rows), s_value=float(s), is_major=s >= 1
    )


def critical_quantity_t(item: ChemicalQuantity) -> float:
    """The critical quantity Q (t) that identification would use for ``item``."""
    return _identify_one(item)[0].critical_quantity_t


def _alpha(people: int) -> Fraction:
    if isinstance(people, bool) or not isinstance(people, int) or people < 0:
        raise HazardIdentificationError(
            "暴露人员数量必须为非负整数", details={"exposed_people": repr(people)}
        )
    return next(a for floor, a in ALPHA_BANDS if people >= floor)


def exposure_alpha(people: int) -> float:
    """表5 α for the number of people within 500 m outside the unit boundary."""
    return float(_alpha(people))


def _level(r: Fraction) -> int:
    return next((lv for lv, floor in LEVEL_THRESHOLDS if r >= floor), 4)


def level_for(r: float) -> int:
    """表6 level (1 = 一级 … 4 = 四级) for an R value."""
    return _level(_exact(r))


def _beta(
    item: ChemicalQuantity, entry: Table1Entry | None
) -> tuple[Fraction, Literal["table3", "table4", "table4_default", "assumed"], HazardCategory | None, str]:
    if entry is not None and entry.no in TABLE3_BETA:
        t3_name, b = TABLE3_BETA[entry.no]
        return b, "table3", None, f"β={_fmt(b)}（表3 {t3_name}）"
    if item.categories:
        cat = max(item.categories, key=lambda c: CATEGORIES[c].beta)
        return CATEGORIES[cat].beta, "table4", cat, f"β={_fmt(CATEGORIES[cat].beta)}（表4 {cat.value}）"
    if entry is not None and entry.default_categories:
        cat = max(entry.default_categories, key=lambda c: CATEGORIES[c].beta)
        b = CATEGORIES[cat].beta
        return b, "table4_default", cat, f"β={_fmt(b)}（表4 {cat.value}，按默认危险性分类，请以SDS核实）"
    return Fraction(1), "assumed", None, "β=1（表3/表4均未列明，取1）"


def grade(unit: Sequence[ChemicalQuantity], kind: UnitKind | str, exposed_people: int) -> GradingResult:
    """Grade a 重大危险源: R = α Σ β q/Q and its level. Raises if the unit is not major (S < 1)."""
    unit_kind = _coerce_kind(kind)
    alpha = _alpha(exposed_people)
    rows = [_identify_one(item) for item in unit]
    s = sum((r for _, _, r in rows), Fraction(0))
    if s < 1:
        raise HazardIdentificationError(
            f"该单元 S = {_fmt(s)} < 1，未构成重大危险源，无需分级",
            code="not_major_hazard",
            details={"s_value": float(s)},
        )
    graded: list[GradedChemical] = []
    total = Fraction(0)
    for item, (ident, entry, ratio) in zip(unit, rows, strict=True):
        b, source, cat, why = _beta(item, entry)
        total += b * ratio
        graded.append(
            GradedChemical(
                **ident.model_dump(exclude={"explanation"}),
                explanation=f"{ident.explanation}；{why}，β·q/Q = {_fmt(b * ratio)}",
                beta=float(b),
                beta_source=source,
                beta_category=cat,
                weighted=float(b * ratio),
            )
        )
    r = alpha * total
    level = _level(r)
    return GradingResult(
        unit_kind=unit_kind,
        s_value=float(s),
        r_value=float(r),
        level=level,
        level_name=LEVEL_NAMES[level],
        alpha=float(alpha),
        exposed_people=exposed_people,
        contributions=tuple(graded),
    )
