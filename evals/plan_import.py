"""Plan import eval: every sample plan file → ``plans.pipeline.import_plan`` → field-level P/R/F1 per section.

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
from typing import Any

from core.errors import SafeCloudError
from core.plan_document import EmergencyPlan
from evals.harness import RunResult, run_cases, table
from evals.metrics import PRF
from evals.plan_corpus import FILES, NOT_A_PLAN, PLANS, SampleFile, load_groundtruth, sample_files

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


class _Counts:
    def __init__(self) -> None:
        self.tp = dict.fromkeys(SECTIONS, 0)
        self.fp = dict.fromkeys(SECTIONS, 0)
        self.fn = dict.fromkeys(SECTIONS, 0)

    def field(self, section: str, gold: Any, pred: Any, same: Same) -> None:
        if _empty(gold) and _empty(pred):
            return
        if not _empty(gold) and not _empty(pred) and same(gold, pred):
            self.tp[section] += 1
            return
        self.fn[section] += 0 if _empty(gold) else 1
        self.fp[section] += 0 if _empty(pred) else 1

    def items(self, section: str, gold: Any, pred: Any, fields: Fields) -> None:
        """Compare the fields of a gold/pred pair; either side may be None (unpaired)."""
        for name, same in fields:
            self.field(section, getattr(gold, name, None), getattr(pred, name, None), same)

    def text_list(self, section: str, gold: Sequence[str], pred: Sequence[str], same: Same = similar) -> None:
        """One-to-one matching of two lists of strings (actions, duties by similarity; vocabularies exactly)."""
        gold = [g for g in gold if not _empty(g)]
        pred = [p for p in pred if not _empty(p)]
        matched = len(assign(gold, pred, same, similarity))
        self.tp[section] += matched
        self.fn[section] += len(gold) - matched
        self.fp[section] += len(pred) - matched

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
    c = _Counts()
    empty = EmergencyPlan(title="-", plan_type="总体")
    p = pred or empty
    c.items("metadata", gold, p if pred else None, _META)
    c.text_list("metadata", gold.accident_types, p.accident_types, equal)  # closed vocabulary

    same_level: Same = lambda a, b: a.level == b.level  # noqa: E731
    for g, q in pair(gold.warning_levels, p.warning_levels, same_level):
        c.items("levels", g, q, _WARNING)
    for g, q in pair(gold.response_levels, p.response_levels, same_level):
        c.items("levels", g, q, _RESPONSE)
        c.text_list("actions_duties", g.actions if g else [], q.actions if q else [])

    unit_pairs = pair(
        gold.org_units,
        p.org_units,
        lambda a, b: same_name(a.name, b.name),
        lambda a, b: similarity(a.name, b.name),
    )
    for g, q in unit_pairs:
        c.items("org_units", g, q, _UNIT)
        c.text_list("actions_duties", g.duties if g else [], q.duties if q else [])
        role_pairs = pair(
            g.roles if g else [],
            q.roles if q else [],
            lambda a, b: equal(a.title, b.title),
            lambda a, b: similarity(a.holder, b.holder),
        )
        for gr, qr in role_pairs:
            c.items("roles", gr, qr, _ROLE)
            c.text_list("actions_duties", gr.duties if gr else [], qr.duties if qr else [])

    for g, q in pair(
        gold.contacts,
        p.contacts,
        lambda a, b: bool(phone_digits(a.phone)) and phone_digits(a.phone) == phone_digits(b.phone),
    ):
        c.items("contacts", g, q, _CONTACT)
    for g, q in pair(
        gold.reporting,
        p.reporting,
        lambda a, b: a.time_limit_minutes == b.time_limit_minutes,
        lambda a, b: similarity(a.to, b.to),
    ):
        c.items("reporting", g, q, _REPORT)
    for g, q in pair(
        gold.resources,
        p.resources,
        lambda a, b: same_name(a.name, b.name),
        lambda a, b: similarity(a.name, b.name),
    ):
        c.items("resources", g, q, _RESOURCE)
    return c.result()


def add_scores(total: dict[str, PRF], more: dict[str, PRF]) -> dict[str, PRF]:
    return {s: total.get(s, PRF(0, 0, 0)) + more[s] for s in SECTIONS}


# ------------------------------------------------------------------------------------ runs and report


def gold_plans() -> dict[str, EmergencyPlan]:
    return {name: EmergencyPlan.model_validate(load_groundtruth(name)) for name in PLANS}


def run(system: str, chat_model: Any | None = None) -> RunResult:
    """Import every sample file (docx, pdf, scanned pdf) with one configuration."""

    def predict(sample: SampleFile) -> EmergencyPlan:
        # Imported per file so that, before the pipeline exists, each file is a recorded failure.
        from plans.pipeline import import_plan

        plan: EmergencyPlan = import_plan(
            sample.path.read_bytes(), sample.path.name, chat_model=chat_model
        ).plan
        return plan

    return run_cases(system, "plans", sample_files(), predict, None)


def non_plan_outcome(chat_model: Any | None = None) -> str:
    """What importing the meeting notice gives: a clear error or a plan that says it is one."""
    path = FILES / f"{NOT_A_PLAN}.docx"
    try:
        from plans.pipeline import import_plan

        result = import_plan(path.read_bytes(), path.name, chat_model=chat_model)
    except SafeCloudError as exc:
        return f"rejected: {type(exc).__name__} ({getattr(exc, 'code', '')})"
    except Exception as exc:  # noqa: BLE001 - the eval reports a crash, it does not stop on it
        return f"CRASH: {type(exc).__name__}: {exc}"[:200]
    plan = result.plan
    return (
        f"imported as a plan ({len(plan.response_levels)} response levels, {len(plan.org_units)} org units); "
        f"report: {str(result.report)[:160]}"
    )


def scores_by(run_result: RunResult, kinds: Sequence[str] | None = None) -> dict[str, PRF]:
    golds = gold_plans()
    total = {s: PRF(0, 0, 0) for s in SECTIONS}
    for sample, pred in zip(sample_files(), run_result.predictions, strict=True):
        if kinds is None or sample.kind in kinds:
            total = add_scores(total, score_plan(pred, golds[sample.name]))
    return total


_KINDS: tuple[tuple[str, tuple[str, ...] | None], ...] = (
    ("all", None),
    ("docx", ("docx",)),
    ("pdf", ("pdf",)),
    ("scanned pdf", ("scanned_pdf",)),
)


def report(runs: Sequence[RunResult], notes: Sequence[str] = ()) -> str:
    """F1 per section by file kind, P/R per section, micro F1 per file, and notes."""
    samples = sample_files()
    f1_rows: list[list[Any]] = []
    pr_rows: list[list[Any]] = []
    file_rows: list[list[Any]] = []
    for r in runs:
        for label, kinds in _KINDS:
            picked = [i for i, s in enumerate(samples) if kinds is None or s.kind in kinds]
            prf = scores_by(r, kinds)
            seconds = sum(r.latencies_ms[i] for i in picked) / 1000 / max(1, len(picked))
            failures = sum(r.predictions[i] is None for i in picked)
            micro = sum(prf.values(), start=PRF(0, 0, 0)).f1
            f1_rows.append(
                [
                    r.system,
                    label,
                    len(picked),
                    *(_f1(prf[s]) for s in SECTIONS),
                    micro,
                    f"{seconds:.1f}",
                    failures,
                ]
            )
            if kinds is None:
                pr_rows.append(
                    [r.system, *(f"{prf[s].precision:.2f} / {prf[s].recall:.2f}" for s in SECTIONS)]
                )
        golds = gold_plans()
        file_rows.append(
            [
                r.system,
                *(
                    sum(score_plan(pred, golds[s.name]).values(), start=PRF(0, 0, 0)).f1
                    for s, pred in zip(samples, r.predictions, strict=True)
                ),
            ]
        )
    titles = [SECTION_TITLES[s] for s in SECTIONS]
    parts = [
        table(
            ["system", "files", "n", *(f"{t} F1" for t in titles), "micro F1", "s / file", "failures"],
            f1_rows,
        ),
        "",
        "Precision / recall per section, all files:",
        "",
        table(["system", *titles], pr_rows),
        "",
        "Micro F1 per file:",
        "",
        table(["system", *(s.path.name for s in samples)], file_rows),
        "",
    ]
    for r in runs:
        failed: dict[str, list[str]] = {}
        for s, e in zip(_failed(r, samples), r.errors, strict=False):
            failed.setdefault(e, []).append(s.path.name)
        for error, names in failed.items():
            parts.append(f"- {r.system}: failed imports — {', '.join(names)}: {error}")
        below = [SECTION_TITLES[s] for s in TARGET_SECTIONS if scores_by(r)[s].f1 < 0.9]
        parts.append(
            f"- {r.system}: target F1 ≥ 0.9 for levels, org units, roles, contacts — "
            + (f"missed for {', '.join(below)}" if below else "met")
        )
        parts.append(
            f"- {r.system}: response levels read from the plan with a prompt-injection line — {_injection(r, samples)}"
        )
    parts += [f"- {n}" for n in notes]
    return "\n".join(parts)


def _f1(prf: PRF) -> float | str:
    return "–" if prf.tp + prf.fp + prf.fn == 0 else prf.f1


def _failed(r: RunResult, samples: Sequence[SampleFile]) -> list[SampleFile]:
    return [s for s, p in zip(samples, r.predictions, strict=True) if p is None]


def _injection(r: RunResult, samples: Sequence[SampleFile]) -> str:
    seen = []
    for s, p in zip(samples, r.predictions, strict=True):
        if s.name == "enterprise_comprehensive" and p is not None:
            seen.append(f"{s.kind}: {'/'.join(level.level for level in p.response_levels) or 'none'}")
    return "; ".join(seen) + " (gold 一级/二级/三级)" if seen else "no prediction"
