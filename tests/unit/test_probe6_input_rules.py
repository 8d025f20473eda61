"""Probe round 6: the pure rules behind the fixes — control characters in typed text, file names
bounded with their extension, plausible issue dates and observation times, camera algorithms, and
one person on one duty shift at a time. The end-to-end checks: ``tests/integration/test_probe6_api.py``."""

from __future__ import annotations

import json
from datetime import date

import pydantic
import pytest

from core.duty_roster import ShiftSpan, overlapping_shifts
from core.errors import ValidationError
from core.models import Camera, DutyShift, Event, Hazard
from core.observed_times import implausible_times
from core.text_input import control_character_message, refuse_control_characters, safe_filename
from ingestion.rows import LineError, parse_jsonl
from plans.issue_dates import issue_date_problem
from plans.models import PlanNodeInput, TemplateInput, VersionInput
from plans.review_values import check_edited_values
from tests.support.fixture_city import NOW, entities

HOUR = 3_600_000


def _first(kind: type) -> dict:
    return json.loads(next(e for e in entities() if isinstance(e, kind)).model_dump_json())


# ---------------------------------------------------------------- control characters


@pytest.mark.parametrize(
    "text", ["值班\x1b[0m表", "响铃\x07", "退格\x08\x08", "删除\x7f", "单元\x1f分隔", "空\x00字"]
)
def test_each_control_character_is_refused_and_named(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        refuse_control_characters(text, field="搜索语句", param="q")
    assert caught.value.code == "invalid_characters" and caught.value.details == {"param": "q"}
    assert caught.value.message.startswith("搜索语句中含有不允许的控制字符（")


def test_line_breaks_and_tabs_are_whitespace_not_control_characters() -> None:
    assert control_character_message("第一行\n第二行\r\n\t缩进") is None
    assert control_character_message("a\x1bb\x1bc\x02") == "含有不允许的控制字符（ESC、\\x02），请删除后重试"


def test_typed_plan_and_template_names_with_control_characters_are_refused() -> None:
    with pytest.raises(pydantic.ValidationError, match="控制字符（BEL）"):
        PlanNodeInput(title="防汛\x07预案", plan_type="专项")
    with pytest.raises(pydantic.ValidationError, match="控制字符"):
        TemplateInput(name="危化模板", modules=[{"skeleton": "总则", "title": "总则\x1b[1m"}])
    with pytest.raises(pydantic.ValidationError, match="控制字符"):
        VersionInput(version_no="2.0\x08")
    # a template's default text is a long text: Word's manual line break (\x0b) is not refused
    TemplateInput(
        name="危化模板", modules=[{"skeleton": "总则", "title": "总则", "default_text": "一\x0b二"}]
    )


# ---------------------------------------------------------------- file names


def test_a_long_file_name_is_cut_in_bytes_keeping_its_extension() -> None:
    name = safe_filename("应急" * 200 + ".pdf")
    assert name.endswith(".pdf") and len(name.encode()) <= 200
    assert name.startswith("应急应急")
    latin = safe_filename("plan-" * 100 + ".DOCX")
    assert latin.endswith(".DOCX") and len(latin.encode()) <= 200


def test_a_file_name_loses_its_folders_and_control_characters() -> None:
    assert safe_filename("C:\\Users\\张三\\桌面\\预案\x1b[2J.docx") == "预案[2J.docx"
    assert safe_filename("/tmp/../a\x07b.wps") == "ab.wps"
    assert safe_filename("\x1b\x07") == "plan"
    assert safe_filename("\x07.pdf") == ".pdf"  # nothing before the dot: kept as typed, not "plan"


def test_a_long_extension_is_part_of_the_name() -> None:
    name = safe_filename("报告." + "x" * 300)
    assert len(name.encode()) <= 200 and name.startswith("报告.xxx")


# ---------------------------------------------------------------- dates and times


def test_issue_dates_a_year_ahead_are_allowed_later_ones_and_very_old_ones_are_not() -> None:
    today = date(2026, 11, 28)
    assert issue_date_problem("2027-06-01", today) is None
    assert "晚于 2027-11-29" in (issue_date_problem("2999-01-01", today) or "")
    assert "早于 1990-01-01" in (issue_date_problem("1900-05-04", today) or "")
    assert issue_date_problem("2026-02-30", today) == "不存在的日期：2026-02-30"


def test_an_edited_issue_date_far_ahead_is_refused_on_review() -> None:
    with pytest.raises(ValidationError, match="请检查年份"):
        check_edited_values([("/issued_at", "3025-01-01")])
    check_edited_values([("/issued_at", "2024-03-01")])


def test_an_alarm_time_written_in_seconds_or_microseconds_is_implausible() -> None:
    event = Event.model_validate(_first(Event))
    assert implausible_times(event, NOW) == []
    seconds = event.model_copy(update={"occurred_at": NOW // 1000})
    assert [f for f, _ in implausible_times(seconds, NOW)] == ["occurred_at"]
    assert "早于 2000 年" in implausible_times(seconds, NOW)[0][1]
    micro = event.model_copy(update={"updated_at": NOW * 1000})
    assert "晚于当前时间" in implausible_times(micro, NOW)[0][1]
    ahead = event.model_copy(update={"occurred_at": NOW + HOUR})  # a camera clock a little ahead
    assert implausible_times(ahead, NOW) == []


def test_a_hazard_deadline_ahead_is_not_an_observation() -> None:
    hazard = Hazard.model_validate(_first(Hazard))
    assert implausible_times(hazard.model_copy(update={"deadline": NOW + 400 * 86_400_000}), NOW) == []


def test_the_import_refuses_an_implausible_alarm_time_in_chinese_and_keeps_the_rest() -> None:
    good = _first(Event)
    bad = {**good, "id": "EV-SECONDS", "occurred_at": NOW // 1000, "updated_at": NOW // 1000}
    lines = [json.dumps(bad, ensure_ascii=False), json.dumps(good, ensure_ascii=False)]
    errors: list[LineError] = []
    rows = list(parse_jsonl(Event, lines, errors, now_ms=NOW))
    assert [r.id for r in rows] == [good["id"]]
    assert {(e.line, e.field) for e in errors} == {(1, "occurred_at"), (1, "updated_at")}
    # without a clock (other callers) the times are not judged
    assert len(list(parse_jsonl(Event, lines, [], now_ms=None))) == 2


def test_a_model_validator_reason_reaches_the_import_error() -> None:
    shift = _first(DutyShift)
    backwards = {**shift, "ends_at": shift["starts_at"] - HOUR}
    errors: list[LineError] = []
    assert list(parse_jsonl(DutyShift, [json.dumps(backwards, ensure_ascii=False)], errors)) == []
    assert "值班结束时间必须晚于开始时间" in str(errors[0])


# ---------------------------------------------------------------- cameras and duty shifts


def test_a_camera_names_only_known_algorithms() -> None:
    camera = _first(Camera)
    Camera.model_validate({**camera, "algorithms": ["烟雾", "未戴安全帽"]})
    with pytest.raises(pydantic.ValidationError, match="未知的视频算法“smoke_v2”"):
        Camera.model_validate({**camera, "algorithms": ["烟雾", "smoke_v2"]})


def _span(sid: str, person: str, start_h: int, end_h: int) -> ShiftSpan:
    return ShiftSpan(sid, person, start_h * HOUR, end_h * HOUR)


def test_a_second_shift_of_the_same_person_at_the_same_time_clashes() -> None:
    stored = [_span("S1", "P1", 8, 20)]
    new = [
        _span("N1", "P1", 19, 23),  # overlaps S1 by an hour
        _span("N2", "P1", 20, 23),  # starts as S1 ends: back to back is fine
        _span("N3", "P2", 8, 20),  # another person
        _span("N4", "P2", 12, 14),  # inside N3, same batch
    ]
    assert overlapping_shifts(new, stored) == {"N1": "S1", "N4": "N3"}


def test_a_shift_imported_again_with_new_times_updates_itself() -> None:
    assert overlapping_shifts([_span("S1", "P1", 9, 21)], [_span("S1", "P1", 8, 20)]) == {}
