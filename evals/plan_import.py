"""Plan import eval: every sample plan file → ``plans.pipeline.import_plan`` → P/R/F1 per section.

    python -m evals --suites plan_import                      # all configs, into docs/EVALS.md
    python -m evals.plan_import city_hazchem.docx             # rules only: every miss of one file
    python -m evals.plan_import town_flood.pdf --llm          # with the configured LLM (SAFECLOUD_LLM__*)

Scoring (matching rule and its thresholds) lives in ``evals/plan_scoring.py``; the corpus and the
ground-truth conventions in ``evals/datasets/plans/``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from core.errors import SafeCloudError
from core.plan_document import EmergencyPlan
from evals.harness import RunResult, run_cases, table
from evals.metrics import PRF
from evals.plan_corpus import (
    FILES,
    HELD_OUT,
    NOT_A_PLAN,
    PLANS,
    SampleFile,
    load_groundtruth,
    sample_files,
)
from evals.plan_scoring import (
    SECTION_TITLES,
    SECTIONS,
    SIMILARITY,
    TARGET_SECTIONS,
    add_scores,
    explain,
    score_plan,
)

__all__ = ["SIMILARITY", "gold_plans", "non_plan_outcome", "report", "run", "scores_by"]


def gold_plans() -> dict[str, EmergencyPlan]:
    return {name: EmergencyPlan.model_validate(load_groundtruth(name)) for name in PLANS}


def run(system: str, chat_model: Any | None = None, kinds: tuple[str, ...] | None = None) -> RunResult:
    """Import every sample file (docx, pdf, scanned pdf), or those of ``kinds``, with one configuration.

    LLM configurations may run on one kind only: the model sees the same structured text whichever
    format it came from, and on 2 CPU cores every file costs tens of seconds of model time.
    """

    def predict(sample: SampleFile) -> EmergencyPlan:
        # Imported per file so that, before the pipeline exists, each file is a recorded failure.
        from plans.pipeline import import_plan

        plan: EmergencyPlan = import_plan(
            sample.path.read_bytes(), sample.path.name, chat_model=chat_model
        ).plan
        return plan

    dataset = "plans" if kinds is None else "plans:" + ",".join(kinds)
    return run_cases(system, dataset, _samples_of(dataset), predict, None)


def _samples_of(dataset: str) -> list[SampleFile]:
    """The sample files a run covered (``plans`` = all, ``plans:docx`` = the DOCX files)."""
    kinds = dataset.partition(":")[2]
    return [s for s in sample_files() if not kinds or s.kind in kinds.split(",")]


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
    plan, found = result.plan, result.report
    warnings = list(getattr(found, "warnings", []))
    return (
        f"imported, partial={getattr(found, 'partial', '?')}, {len(plan.response_levels)} response levels, "
        f"{len(plan.org_units)} org units; first warning: {warnings[0] if warnings else 'none'}"
    )


Pick = Callable[[SampleFile], bool]


def scores_by(run_result: RunResult, pick: Pick = lambda s: True) -> dict[str, PRF]:
    """Summed per-section counts over the sample files ``pick`` selects."""
    golds = gold_plans()
    total = {s: PRF(0, 0, 0) for s in SECTIONS}
    for sample, pred in zip(_samples_of(run_result.dataset), run_result.predictions, strict=True):
        if pick(sample):
            total = add_scores(total, score_plan(pred, golds[sample.name]))
    return total


# Rows of the main table: every file, by file kind, and the held-out plans on their own (if any).
_ROWS: tuple[tuple[str, Pick], ...] = (
    ("all", lambda s: True),
    ("docx", lambda s: s.kind == "docx"),
    ("pdf", lambda s: s.kind == "pdf"),
    ("scanned pdf", lambda s: s.kind == "scanned_pdf"),
    *((("held-out plan", lambda s: s.name in HELD_OUT),) if HELD_OUT else ()),
)


def report(runs: Sequence[RunResult], notes: Sequence[str] = ()) -> str:
    """F1 per section by file kind, P/R per section, micro F1 per file, and notes."""
    samples = sample_files()
    f1_rows: list[list[Any]] = []
    pr_rows: list[list[Any]] = []
    file_rows: list[list[Any]] = []
    for r in runs:
        covered = _samples_of(r.dataset)
        for label, pick in _ROWS:
            picked = [i for i, s in enumerate(covered) if pick(s)]
            if not picked:
                continue
            prf = scores_by(r, pick)
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
            if label == "all":
                pr_rows.append(
                    [r.system, *(f"{prf[s].precision:.2f} / {prf[s].recall:.2f}" for s in SECTIONS)]
                )
        golds = gold_plans()
        by_path = dict(zip((s.path for s in covered), r.predictions, strict=True))
        file_rows.append(
            [
                r.system,
                *(
                    sum(score_plan(by_path[s.path], golds[s.name]).values(), start=PRF(0, 0, 0)).f1
                    if s.path in by_path
                    else "–"
                    for s in samples
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
        samples = _samples_of(r.dataset)
        for s, e in zip(_failed(r, samples), r.errors, strict=False):
            failed.setdefault(e, []).append(s.path.name)
        for error, names in failed.items():
            parts.append(f"- {r.system}: failed imports — {', '.join(names)}: {error}")
        parts.append(f"- {r.system}: target F1 ≥ 0.9 for levels, org units, roles, contacts — {_target(r)}")
        parts.append(
            f"- {r.system}: response levels read from the plan with a prompt-injection line — {_injection(r, samples)}"
        )
    parts += [f"- {n}" for n in notes]
    return "\n".join(parts)


def _target(r: RunResult) -> str:
    """The target on all files (mostly plans the rules were written against) and on the held-out ones."""

    def verdict(scores: dict[str, PRF]) -> str:
        below = [SECTION_TITLES[s] for s in TARGET_SECTIONS if scores[s].f1 < 0.9]
        return f"missed for {', '.join(below)}" if below else "met"

    text = f"all files: {verdict(scores_by(r))}"
    if any(s.name in HELD_OUT for s in _samples_of(r.dataset)):
        text += f"; held-out plans: {verdict(scores_by(r, lambda s: s.name in HELD_OUT))}"
    return text


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List what the importer gets wrong on sample files.")
    parser.add_argument("files", nargs="+", help="file names under evals/datasets/plans/files/")
    parser.add_argument("--llm", action="store_true", help="rules + the LLM configured by SAFECLOUD_LLM__*")
    args = parser.parse_args(argv)
    from plans.pipeline import import_plan

    model = None
    if args.llm:
        from agents.llm import build_chat_model
        from api.settings import Settings

        model = build_chat_model(Settings())
    golds = gold_plans()
    for file_name in args.files:
        result = import_plan((FILES / file_name).read_bytes(), file_name, chat_model=model)
        gold = golds[file_name.split(".")[0]]
        scores = score_plan(result.plan, gold)
        micro = sum(scores.values(), start=PRF(0, 0, 0)).f1
        sys.stdout.write(
            f"# {file_name}  micro F1 {micro:.3f}  "
            + "  ".join(f"{SECTION_TITLES[s]} {scores[s].f1:.2f}" for s in SECTIONS)
            + "\n"
        )
        for miss in explain(result.plan, gold):
            sys.stdout.write(
                f"{miss.section:15} {miss.where}\n    gold: {miss.gold!r}\n    pred: {miss.pred!r}\n"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
