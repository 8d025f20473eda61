"""`safecloud demo plans` remembers a file it refused as not a plan (by its hash, in the graph where
the resume state lives): the next run skips it and says so, instead of parsing and refusing it on
every `make run`; the same name with other bytes is tried again."""

from __future__ import annotations

import shutil
from pathlib import Path

from api.demo_plans import load_demo_plans
from tests.support.plan_api import fixture_city_container

CORPUS = Path(__file__).resolve().parents[2] / "evals" / "datasets" / "plans" / "files"
NOT_A_PLAN = "notice_meeting.docx"


def test_a_refused_file_is_skipped_next_time_and_tried_again_once_changed(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(CORPUS / NOT_A_PLAN, folder / "通知_会议.docx")
    with fixture_city_container(tmp_path) as c:
        first = load_demo_plans(c, folder)
        assert [f["file"] for f in first["failed"]] == ["通知_会议.docx"]
        parsed: list[str] = []
        importer = c.plans.service.importer
        assert importer is not None

        def counting(data: bytes, name: str):  # type: ignore[no-untyped-def]
            parsed.append(name)
            return importer(data, name)

        c.plans.service.importer = counting
        notes: list[str] = []
        second = load_demo_plans(c, folder, note=notes.append)
        assert parsed == [] and second["failed"] == [] and second["loaded"] == []
        assert [s["file"] for s in second["skipped"]] == ["通知_会议.docx"]
        assert len(notes) == 1 and notes[0].startswith("跳过 通知_会议.docx：此前已判定不是预案")
        assert second["summary"].endswith("1 个此前已判定不是预案（文件未改动，已跳过）")

        shutil.copy(CORPUS / "community_fire_card.docx", folder / "通知_会议.docx")  # same name, a plan now
        third = load_demo_plans(c, folder, note=notes.append)
        assert parsed[:1] == ["通知_会议.docx"] and len(third["loaded"]) == 1 and third["skipped"] == []


def test_the_command_says_which_file_it_skipped(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from api.cli import app
    from tests.support.cli_env import fixture_city_cli_env

    folder = tmp_path / "samples"
    folder.mkdir()
    shutil.copy(CORPUS / NOT_A_PLAN, folder / "会议通知.docx")
    runner = CliRunner()
    with fixture_city_cli_env(tmp_path / "data"):
        first = runner.invoke(app, ["demo", "plans", str(folder)])
        assert first.exit_code == 0 and "跳过" not in first.stderr
        second = runner.invoke(app, ["demo", "plans", str(folder)])
    assert second.exit_code == 0
    assert "跳过 会议通知.docx：此前已判定不是预案" in second.stderr
    assert "1 个此前已判定不是预案（文件未改动，已跳过）" in second.stderr
