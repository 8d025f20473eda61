"""`safecloud demo plans` says how far it is: the corpus takes minutes, and a silent first `make run`
looked hung (a Ctrl-C then left the demo half-loaded)."""

from __future__ import annotations

import shutil
from pathlib import Path

from api.cli import _plan_progress
from api.demo_plans import load_demo_plans
from tests.support.plan_api import fixture_city_container

CORPUS = Path(__file__).resolve().parents[2] / "evals" / "datasets" / "plans" / "files"


def test_progress_counts_every_sample_file_including_a_refused_one(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("community_fire_card.docx", "notice_meeting.docx", "community_fire_card.pdf"):
        shutil.copy(CORPUS / name, folder / name)
    seen: list[tuple[int, int]] = []
    with fixture_city_container(tmp_path) as c:
        result = load_demo_plans(c, folder, progress=lambda n, total: seen.append((n, total)))
    assert len(result["loaded"]) == 1 and len(result["failed"]) == 1
    assert seen == [(1, 2), (2, 2)]  # the notice is counted too; the PDF twin is not a sample


def test_the_cli_prints_a_line_every_ten_files_and_the_last(capsys: object) -> None:
    for n in range(1, 26):
        _plan_progress(n, 25)
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert err.splitlines() == [f"正在导入示例预案 {n}/25" for n in (1, 10, 20, 25)]
