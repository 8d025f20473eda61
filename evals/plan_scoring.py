"""Field-level scoring of an imported ``EmergencyPlan`` against hand-checked ground truth. Pure functions.

Matching rule (the ground-truth conventions are in evals/datasets/plans/README.md):

* Strings are compared after ``normalise``: NFKC (so Ⅰ → I, full-width → half-width), lower case,
  whitespace, punctuation and symbols removed.
* List items are paired by key before their fields are compared: warning/response levels by
  ``level``; org units by name (equal, or one contained in the other and at least 40 % of its
  length: 市应急指挥部办公室 ≈ 江阴市应急指挥部办公室, 指挥部 ≉ 市危险化学品事故应急指挥部);
  roles by unit pair + title (several 成员 in one unit: best holder match); contacts by phone
  digits; reporting rules by time limit (best ``to`` match); resources by name (like org units).
  Among candidates sharing a key, the closest pairs are taken first.
* Free-text fields (trigger, criteria, commander, holder, scope, reporting ``to``, each action and
  duty) match when ``difflib.SequenceMatcher`` ratio of the normalised strings is ≥ ``SIMILARITY``.
  Closed or short fields (level, color, plan_type, issued_at, version, channel, phone, contact
  name, quantity, unit, resource type, each accident type) must be equal after normalisation.
* Every non-empty gold field of a paired item that the prediction gets right is a true positive;
  a missing or wrong value is a false negative, and a wrong or unexpected predicted value a false
  positive. An unpaired gold item counts all its non-empty fields as false negatives, an unpaired
  predicted item all of its fields as false positives. Fields empty on both sides do not count.
* Actions (per response level) and duties (per org unit and per role) are lists matched one to one
  by similarity inside their paired parent; they form the ``actions/duties`` section.
* A section with nothing in gold or prediction (no warning levels in a 现场处置方案) shows "–".
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from core.plan_document import EmergencyPlan
from evals.metrics import PRF

SIMILARITY = 0.6
CONTAINED_SHARE = 0.4
SECTIONS = (
    "levels",
    "org_units",
    "roles",
    "contacts",
    "reporting",
    "resources",
    "metadata",
    "actions_duties",
)
SECTION_TITLES = {
    "levels": "levels",
    "org_units": "org units",
    "roles": "roles",
    "contacts": "contacts",
    "reporting": "reporting",
    "resources": "resources",
    "metadata": "metadata",
    "actions_duties": "actions/duties",
}
# Sections with the F1 ≥ 0.9 target.
TARGET_SECTIONS = ("levels", "org_units", "roles", "contacts")

Same = Callable[[Any, Any], bool]
Fields = Sequence[tuple[str, Same]]


def normalise(value: Any) -> str:
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).lower()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def similarity(a: Any, b: Any) -> float:
    na, nb = normalise(a), normalise(b)
    if na == nb:
        return 1.0
    if not na or not nb:
        return 0.0
    return difflib.SequenceMatcher(None, na, nb, autojunk=False).ratio()


def similar(a: Any, b: Any) -> bool:
    return similarity(a, b) >= SIMILARITY


def equal(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return normalise(a) == normalise(b)


def same_name(a: Any, b: Any) -> bool:
    """Equal, or one name inside the other and at least CONTAINED_SHARE of its length (指挥部 alone
    does not name 市危险化学品事故应急指挥部)."""
    na, nb = normalise(a), normalise(b)
    short, long = sorted((na, nb), key=len)
    return bool(short) and short in long and len(short) >= CONTAINED_SHARE * len(long)


def phone_digits(phone: Any) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", str(phone or "")) if ch.isdigit())


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or (isinstance(value, str) and not normalise(value))


@dataclass(frozen=True)
class Miss:
    """One counted error: a gold value not found (``gold`` set) and/or a predicted value not in gold."""

    section: str
    where: str  # e.g. response_levels[二级].commander
    gold: Any
    pred: Any


class _Counts:
    def __init__(self) -> None:
        self.tp = dict.fromkeys(SECTIONS, 0)
        self.fp = dict.fromkeys(SECTIONS, 0)
        self.fn = dict.fromkeys(SECTIONS, 0)
        self.misses: list[Miss] = []

    def field(self, section: str, where: str, gold: Any, pred: Any, same: Same) -> None:
        if _empty(gold) and _empty(pred):
            return
        if not _empty(gold) and not _empty(pred) and same(gold, pred):
            self.tp[section] += 1
            return
        self.fn[section] += 0 if _empty(gold) else 1
        self.fp[section] += 0 if _empty(pred) else 1
        self.misses.append(
            Miss(section, where, None if _empty(gold) else gold, None if _empty(pred) else pred)
        )

    def items(self, section: str, where: str, gold: Any, pred: Any, fields: Fields) -> None:
        """Compare the fields of a gold/pred pair; either side may be None (unpaired)."""
        for name, same in fields:
            self.field(section, f"{where}.{name}", getattr(gold, name, None), getattr(pred, name, None), same)

    def text_list(
        self, section: str, where: str, gold: Sequence[str], pred: Sequence[str], same: Same = similar
    ) -> None:
        """One-to-one matching of two lists of strings (actions, duties by similarity; vocabularies exactly)."""
        gold = [g for g in gold if not _empty(g)]
        pred = [p for p in pred if not _empty(p)]
        chosen = assign(gold, pred, same, similarity)
        self.tp[section] += len(chosen)
        self.fn[section] += len(gold) - len(chosen)
        self.fp[section] += len(pred) - len(chosen)
        used = set(chosen.values())
        self.misses += [Miss(section, where, g, None) for i, g in enumerate(gold) if i not in chosen]
        self.misses += [Miss(section, where, None, p) for j, p in enumerate(pred) if j not in used]

    def result(self) -> dict[str, PRF]:
        return {s: PRF(self.tp[s], self.fp[s], self.fn[s]) for s in SECTIONS}


def assign(
    gold: Sequence[Any], pred: Sequence[Any], key: Same, closeness: Callable[[Any, Any], float] | None = None
) -> dict[int, int]:
    """One-to-one gold index → pred index among pairs that share the key, closest pairs first.

    Greedy over all candidate pairs sorted by closeness (ties: document order), so two 成员 roles
    with different holders pair with the right predictions whichever comes first.
    """
    candidates = [
        (-(closeness(g, p) if closeness else 0.0), i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(pred)
        if key(g, p)
    ]
    chosen: dict[int, int] = {}
    for _, i, j in sorted(candidates):
        if i not in chosen and j not in chosen.values():
            chosen[i] = j
    return chosen


def pair(
    gold: Sequence[Any], pred: Sequence[Any], key: Same, closeness: Callable[[Any, Any], float] | None = None
) -> list[tuple[Any | None, Any | None]]:
    """(gold, pred) pairs in gold order, then unpaired predictions; None marks the missing side."""
    chosen = assign(gold, pred, key, closeness)
    pairs: list[tuple[Any | None, Any | None]] = [
        (g, pred[chosen[i]] if i in chosen else None) for i, g in enumerate(gold)
    ]
    used = set(chosen.values())
    return pairs + [(None, p) for j, p in enumerate(pred) if j not in used]


_WARNING: Fields = (("level", equal), ("color", equal), ("criteria", similar))
_RESPONSE: Fields = (("level", equal), ("name", similar), ("trigger", similar), ("commander", similar))
_UNIT: Fields = (("name", same_name), ("parent", same_name))
_ROLE: Fields = (("title", equal), ("holder", similar))
_CONTACT: Fields = (
    ("phone", lambda a, b: phone_digits(a) == phone_digits(b)),
    ("name", equal),
    ("role", similar),
    ("org", similar),
)
_REPORT: Fields = (("time_limit_minutes", equal), ("to", similar), ("channel", equal))
_RESOURCE: Fields = (
    ("name", same_name),
    ("type", equal),
    ("quantity", equal),
    ("unit", equal),
    ("holder", similar),
)
_META: Fields = (
    ("title", similar),
    ("plan_type", equal),
    ("issuing_unit", similar),
    ("version", equal),
    ("issued_at", equal),
    ("scope", similar),
)


def score_plan(pred: EmergencyPlan | None, gold: EmergencyPlan) -> dict[str, PRF]:
    """Field-level counts per section for one predicted plan (None = import failed)."""
    return _score(pred, gold).result()


def explain(pred: EmergencyPlan | None, gold: EmergencyPlan) -> list[Miss]:
    """Every counted error of ``score_plan``, for reading what an importer gets wrong."""
    return _score(pred, gold).misses


def _label(gold: Any, pred: Any, attr: str) -> str:
    return str(getattr(gold if gold is not None else pred, attr))


def _score(pred: EmergencyPlan | None, gold: EmergencyPlan) -> _Counts:
    c = _Counts()
    p = pred or EmergencyPlan(title="-", plan_type="总体")
    c.items("metadata", "plan", gold, p if pred else None, _META)
    c.text_list(
        "metadata", "plan.accident_types", gold.accident_types, p.accident_types, equal
    )  # closed vocabulary

    same_level: Same = lambda a, b: a.level == b.level  # noqa: E731
    for g, q in pair(gold.warning_levels, p.warning_levels, same_level):
        c.items("levels", f"warning_levels[{_label(g, q, 'level')}]", g, q, _WARNING)
    for g, q in pair(gold.response_levels, p.response_levels, same_level):
        where = f"response_levels[{_label(g, q, 'level')}]"
        c.items("levels", where, g, q, _RESPONSE)
        c.text_list("actions_duties", f"{where}.actions", g.actions if g else [], q.actions if q else [])

    unit_pairs = pair(
        gold.org_units,
        p.org_units,
        lambda a, b: same_name(a.name, b.name),
        lambda a, b: similarity(a.name, b.name),
    )
    for g, q in unit_pairs:
        unit = f"org_units[{_label(g, q, 'name')}]"
        c.items("org_units", unit, g, q, _UNIT)
        c.text_list("actions_duties", f"{unit}.duties", g.duties if g else [], q.duties if q else [])
        role_pairs = pair(
            g.roles if g else [],
            q.roles if q else [],
            lambda a, b: equal(a.title, b.title),
            lambda a, b: similarity(a.holder, b.holder),
        )
        for gr, qr in role_pairs:
            role = f"{unit}.roles[{_label(gr, qr, 'title')}]"
            c.items("roles", role, gr, qr, _ROLE)
            c.text_list("actions_duties", f"{role}.duties", gr.duties if gr else [], qr.duties if qr else [])

    for g, q in pair(
        gold.contacts,
        p.contacts,
        lambda a, b: bool(phone_digits(a.phone)) and phone_digits(a.phone) == phone_digits(b.phone),
    ):
        c.items("contacts", f"contacts[{_label(g, q, 'phone')}]", g, q, _CONTACT)
    for g, q in pair(
        gold.reporting,
        p.reporting,
        lambda a, b: a.time_limit_minutes == b.time_limit_minutes,
        lambda a, b: similarity(a.to, b.to),
    ):
        c.items("reporting", f"reporting[{_label(g, q, 'time_limit_minutes')} min]", g, q, _REPORT)
    for g, q in pair(
        gold.resources,
        p.resources,
        lambda a, b: same_name(a.name, b.name),
        lambda a, b: similarity(a.name, b.name),
    ):
        c.items("resources", f"resources[{_label(g, q, 'name')}]", g, q, _RESOURCE)
    return c


def add_scores(total: dict[str, PRF], more: dict[str, PRF]) -> dict[str, PRF]:
    return {s: total.get(s, PRF(0, 0, 0)) + more[s] for s in SECTIONS}
