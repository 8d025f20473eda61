"""Probe round 7: the pure rules behind the fixes — stored control characters shown as control
pictures, a credit code typed full-width in a search box, times that must follow one another,
a bounded import report, one enterprise name per credit code, and a video alarm from an algorithm
its camera runs. End to end: ``tests/integration/test_probe7_api.py``."""

from __future__ import annotations

import json

from core.camera_alarms import alarm_not_run_reason
from core.enterprise_names import NamedFirm, duplicate_names, name_key, names_by_key
from core.models import Event, Hazard
from core.observed_times import out_of_order_times
from core.standards.uscc import code_in_query
from core.text_input import shown_controls
from ingestion.rows import LineError, LineErrorLog, parse_jsonl
from tests.support.fixture_city import NOW, B, entities

MINUTE = 60_000


def _first(kind: type) -> dict:
    return json.loads(next(e for e in entities() if isinstance(e, kind)).model_dump_json())


# ---------------------------------------------------------------- stored control characters


def test_stored_control_characters_are_shown_as_their_pictures_one_for_one() -> None:
    assert shown_controls("审批\x1b[0m通过\x07") == "审批␛[0m通过␇"
    assert shown_controls("删\x7f除\x00") == "删␡除␀"
    assert shown_controls("第一行\n第二行\r\n\t缩进") == "第一行\n第二行\r\n\t缩进"
    text = "".join(chr(i) for i in range(32)) + "\x7f"
    assert len(set(shown_controls(text))) == len(text)  # one to one: nothing is lost


# ---------------------------------------------------------------- search box credit codes


def test_a_credit_code_typed_full_width_or_spaced_reads_as_the_code() -> None:
    wide = B.translate({i: i + 0xFEE0 for i in range(0x21, 0x7F)})
    assert code_in_query(wide) == B
    assert code_in_query(f" {B[:6]} {B[6:12]}\u3000{B[12:]} ") == B
    assert code_in_query(B.lower()) == B


def test_names_are_not_read_as_codes() -> None:
    assert code_in_query("江阴市澄江街道某某某某机械制造有限公司"[:18]) is None  # 18 characters, not a code
    assert code_in_query("澄星") is None and code_in_query(None) is None and code_in_query("") is None


# ---------------------------------------------------------------- times that follow one another


def test_an_alarm_updated_before_it_occurred_is_out_of_order() -> None:
    row = _first(Event) | {"occurred_at": NOW, "updated_at": NOW - 90 * MINUTE}
    problems = out_of_order_times(Event.model_validate(row))
    assert [f for f, _ in problems] == ["updated_at"]
    assert "更新时间" in problems[0][1] and "早于发生时间" in problems[0][1]
    same = _first(Event) | {"occurred_at": NOW, "updated_at": NOW}
    assert out_of_order_times(Event.model_validate(same)) == []


def test_a_hazard_verified_before_it_was_rectified_is_out_of_order() -> None:
    row = _first(Hazard) | {
        "status": "已验收",
        "rectified_at": NOW - 5 * MINUTE,
        "verified_at": NOW - 50 * MINUTE,
    }
    assert [f for f, _ in out_of_order_times(Hazard.model_validate(row))] == ["verified_at"]


def test_the_import_reports_the_out_of_order_line_and_keeps_the_others() -> None:
    good = _first(Event) | {"id": "EV-GOOD"}
    swapped = _first(Event) | {"id": "EV-SWAPPED", "updated_at": good["occurred_at"] - 1}
    errors: list[LineError] = []
    rows = list(parse_jsonl(Event, [json.dumps(good), json.dumps(swapped)], errors))
    assert [r.id for r in rows] == ["EV-GOOD"]
    assert [(e.line, e.field) for e in errors] == [(2, "updated_at")]


# ---------------------------------------------------------------- bounded import report


def test_an_import_report_keeps_the_first_errors_and_counts_all() -> None:
    log = LineErrorLog(keep=50)
    for line in range(1, 401):
        log.extend([LineError(line, "lat", "缺少必填字段"), LineError(line, "lon", "缺少必填字段")])
    report = log.report()
    assert len(report["line_errors"]) == 50 and report["line_errors_total"] == 800
    assert report["line_errors_note"] == "共 400 行有误（800 处），仅列出前 50 处"


def test_a_short_import_report_has_no_note() -> None:
    log = LineErrorLog(keep=50)
    log.append(LineError(3, "id", "编号为空"))
    assert log.report() == {"line_errors": ["第 3 行 字段 id：编号为空"], "line_errors_total": 1}


# ---------------------------------------------------------------- enterprise names


def test_names_differing_only_in_keyboard_forms_are_the_same_name() -> None:
    assert name_key("江阴ＸＹＺ（集团）有限公司") == name_key("江阴xyz(集团)有限公司")
    assert name_key("江阴市 申港\u3000物流有限公司\u200b") == name_key("江阴市申港物流有限公司")
    assert name_key("江阴市申港物流有限公司") != name_key("江阴市申港物流股份有限公司")


def test_a_second_code_under_a_taken_name_is_a_duplicate_but_a_re_import_is_not() -> None:
    stored = names_by_key([NamedFirm("CODE-1", "江阴市申港物流有限公司")])
    new = [
        NamedFirm("CODE-1", "江阴市申港物流有限公司"),  # the same firm again: an update
        NamedFirm("CODE-2", "江阴市申港物流有限公司 "),
        NamedFirm("CODE-3", "江阴ＸＹＺ有限公司"),
        NamedFirm("CODE-4", "江阴xyz有限公司"),  # repeats an earlier row of the same file
    ]
    clashes = duplicate_names(new, stored)
    assert {k: v.id for k, v in clashes.items()} == {"CODE-2": "CODE-1", "CODE-4": "CODE-3"}


# ---------------------------------------------------------------- camera algorithms


def test_a_video_alarm_of_a_type_its_camera_does_not_run_is_named() -> None:
    reason = alarm_not_run_reason("抽烟", "视频算法", "CAM-GATE", ("人员闯入", "未戴安全帽"))
    assert reason == "摄像头“CAM-GATE”未配置“抽烟”算法（已配置：人员闯入、未戴安全帽）"
    assert alarm_not_run_reason("人员闯入", "视频算法", "CAM-GATE", ("人员闯入",)) is None


def test_a_camera_without_listed_algorithms_or_another_source_is_not_judged() -> None:
    assert alarm_not_run_reason("抽烟", "视频算法", "CAM-GATE", ()) is None
    assert alarm_not_run_reason("火情报告", "人工上报", "CAM-GATE", ("烟雾",)) is None
