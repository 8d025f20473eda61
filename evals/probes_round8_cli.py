"""Probe round 8: ``safecloud import`` of files as people produce them — a UTF-8 BOM, GBK (Excel's
Chinese default), blank and CRLF lines, one credit code twice in a file, codes mixing full- and
half-width digits, numbers as text, NaN, NUL, lone surrogates and duplicated keys inside a line, and a
CSV or XLSX handed to an import that reads JSON lines. Each probe writes its own file and runs one
import in a subprocess over round 6's fixture-city data folder."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from typing import Any

from core.standards.uscc import make_uscc
from evals.probes_round5_kit import Outcome, _chinese
from evals.probes_round6_cli import ImportRun, _cli, _first

BOM_CODE = make_uscc("9", "1", "320281", "MA1BMBB1")
GBK_CODE = make_uscc("9", "1", "320281", "MA1GBKK1")
BLANK_CODE = make_uscc("9", "1", "320281", "MA1BLNK1")
TWICE = make_uscc("9", "1", "320281", "MA1TWCE1")
MIXED = make_uscc("9", "1", "320281", "MA1MXDD1")
TEXT_NUM = make_uscc("9", "1", "320281", "MA1TNUM1")


def _firm(code: str, name: str, **extra: Any) -> dict[str, Any]:
    return {**_first("Enterprise"), "id": code, "name": name, "town": "华士镇", **extra}


def _line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False)


class Imports:
    """One import per probe over the prepared data folder; the summary and the graph answer."""

    def __init__(self, run: ImportRun) -> None:
        self.run = run

    def load(self, name: str, content: bytes, kind: str = "enterprises") -> tuple[int, dict[str, Any], str]:
        path = self.run.data / name
        path.write_bytes(content)
        r = _cli(["import", kind, str(path)], self.run.data)
        try:
            summary = json.loads(r.stdout)
        except ValueError:
            summary = {}
        return r.returncode, summary, r.stdout + r.stderr

    def names(self, code: str) -> list[str]:
        rows = self.run.graph("MATCH (n:Enterprise {id: $id}) RETURN n.name AS name", id=code)
        return [str(r["name"]) for r in rows]

    def line_refused(self, name: str, lines: list[str], line_no: int, code: str | None = None) -> Outcome:
        exit_code, summary, out = self.load(name, ("\n".join(lines) + "\n").encode())
        errors = [str(e) for e in summary.get("line_errors", [])] + [
            json.dumps(x, ensure_ascii=False) for x in summary.get("rejected", [])
        ]
        named = [e for e in errors if f"第 {line_no} 行" in e]
        stored = self.names(code) if code else []
        ok = exit_code != 0 and bool(named) and _chinese(" ".join(named)) and not stored
        return Outcome(ok, f"exit {exit_code}; {(named or [out[-60:]])[0][:60]!r}; stored={stored}")


def _import_probes(run: ImportRun) -> list[tuple[str, str, str, Callable[[], Outcome]]]:
    imports = Imports(run)

    def bom() -> Outcome:
        code, _summary, out = imports.load(
            "bom.jsonl", b"\xef\xbb\xbf" + _line(_firm(BOM_CODE, "带BOM企业")).encode() + b"\n"
        )
        return Outcome(code == 0 and imports.names(BOM_CODE) == ["带BOM企业"], f"exit {code}; stored {imports.names(BOM_CODE)}; {out[-60:]!r}")  # fmt: skip

    def gbk() -> Outcome:
        code, summary, out = imports.load(
            "gbk.jsonl", (_line(_firm(GBK_CODE, "国标编码企业")) + "\n").encode("gbk")
        )
        stored = imports.names(GBK_CODE)
        said = " ".join(str(e) for e in summary.get("line_errors", [])) or out
        ok = stored == ["国标编码企业"] or (
            code != 0 and not stored and _chinese(said) and ("UTF-8" in said or "编码" in said)
        )
        return Outcome(ok, f"exit {code}; stored {stored}; {said[:70]!r}")  # fmt: skip

    def blank_lines() -> Outcome:
        text = (
            "\r\n".join(["", "   ", _line(_firm(BLANK_CODE, "空行之后企业")), "\t", "", '{"id": "BAD"}'])
            + "\r\n"
        )
        code, summary, _out = imports.load("blank.jsonl", text.encode())
        errors = [str(e) for e in summary.get("line_errors", [])]
        ok = (
            imports.names(BLANK_CODE) == ["空行之后企业"]
            and len(errors) >= 1
            and all("第 6 行" in e for e in errors)
        )
        return Outcome(ok, f"exit {code}; stored {imports.names(BLANK_CODE)}; errors {[e[:24] for e in errors][:4]}")  # fmt: skip

    def twice() -> Outcome:
        lines = [_line(_firm(TWICE, "同码甲企业")), _line(_firm(TWICE, "同码乙企业"))]
        code, summary, _out = imports.load("twice.jsonl", ("\n".join(lines) + "\n").encode())
        # flagged as line 2, or as the loader's rejection of the repeated code (it names the row by id)
        said = json.dumps(summary.get("line_errors", []) + summary.get("rejected", []), ensure_ascii=False)
        flagged = ("第 2 行" in said or TWICE in said) and _chinese(said)
        return Outcome(len(imports.names(TWICE)) == 1 and flagged and code != 0, f"exit {code}; stored {imports.names(TWICE)}; flagged={flagged} {said[:60]}")  # fmt: skip

    def mixed_width() -> Outcome:
        typed = MIXED[:4] + MIXED[4:8].translate({i: i + 0xFEE0 for i in range(0x30, 0x3A)}) + MIXED[8:]
        code, summary, _out = imports.load(
            "mixed.jsonl", (_line(_firm(typed, "混合全角代码企业")) + "\n").encode()
        )
        stored = run.graph("MATCH (n:Enterprise {name: '混合全角代码企业'}) RETURN n.id AS id")
        ids = [r["id"] for r in stored]
        said = " ".join(str(e) for e in summary.get("line_errors", []))
        ok = ids == [MIXED] or (not ids and code != 0 and "第 1 行" in said and _chinese(said))
        return Outcome(ok, f"exit {code}; stored {ids}; {said[:60]!r}")

    def text_numbers() -> Outcome:
        row = _firm(TEXT_NUM, "文本数字企业", employees="120", lat="31.85", lon="120.44")
        code, summary, _out = imports.load("textnum.jsonl", (_line(row) + "\n").encode())
        stored = run.graph(
            "MATCH (n:Enterprise {id: $id}) RETURN n.employees AS e, n.lat AS lat", id=TEXT_NUM
        )
        if stored:
            got = stored[0]
            return Outcome(
                got["e"] == 120 and isinstance(got["lat"], float),
                f"stored employees {got['e']!r} lat {got['lat']!r}",
            )
        said = " ".join(str(e) for e in summary.get("line_errors", []))
        return Outcome(code != 0 and _chinese(said), f"exit {code}; {said[:60]!r}")  # fmt: skip

    def spreadsheet(name: str, content: bytes) -> Callable[[], Outcome]:
        def probe() -> Outcome:
            code, summary, out = imports.load(name, content)
            said = json.dumps(summary, ensure_ascii=False) if summary else out
            short = len(said) < 4_000
            ok = code != 0 and _chinese(said) and ("JSON" in said) and short
            return Outcome(ok, f"exit {code}; {len(said)} chars; {said[:70]!r}")

        return probe

    nan_line = _line(_firm(make_uscc("9", "1", "320281", "MA1NANN1"), "非数坐标企业", lat=float("nan")))
    dup_key = (
        _line(_firm(make_uscc("9", "1", "320281", "MA1DUPK1"), "重复键企业"))[:-1]
        + ', "town": "临港经济开发区"}'
    )
    return [
        ("F01", "import enterprises file starting with a UTF-8 BOM", "the line stored, exit 0", bom),
        ("F02", "import enterprises file encoded GBK", "stored decoded, or refused in Chinese naming the encoding; nothing garbled", gbk),
        ("F03", "import with blank, whitespace-only and CRLF lines", "blank lines skipped, the firm stored, line numbers as in the file", blank_lines),
        ("F04", "import one credit code twice in a file (two names)", "one node; the repeat flagged in Chinese (line 2 or its code)", twice),
        ("F05", "import credit code mixing full- and half-width digits", "stored as ASCII, or line refused in Chinese", mixed_width),
        ("F06", "import employees/lat/lon as text (\"120\", \"31.85\")", "stored as numbers, or refused in Chinese", text_numbers),
        ("F07", "import line with lat NaN", "line refused in Chinese", lambda: imports.line_refused("nan.jsonl", [nan_line], 1, make_uscc("9", "1", "320281", "MA1NANN1"))),
        ("F08", "import line with the key town twice (华士镇, 临港)", "line refused in Chinese", lambda: imports.line_refused("dupkey.jsonl", [dup_key], 1, make_uscc("9", "1", "320281", "MA1DUPK1"))),
        ("F09", "import line whose name holds a NUL", "line refused in Chinese",
         lambda: imports.line_refused("nul.jsonl", [_line(_firm(make_uscc("9", "1", "320281", "MA1NULL1"), "空\u0000字符企业"))], 1, make_uscc("9", "1", "320281", "MA1NULL1"))),
        ("F10", "import line whose name holds a lone surrogate (\\ud800)", "line refused in Chinese",
         lambda: imports.line_refused("surrogate.jsonl", [json.dumps(_firm(make_uscc("9", "1", "320281", "MA1RRRR1"), "代理\ud800企业"))], 1, make_uscc("9", "1", "320281", "MA1RRRR1"))),
        ("F11", "import a CSV file (Excel export, GBK, header row)", "exit 1, one short Chinese message naming JSON lines",
         spreadsheet("firms.csv", "统一社会信用代码,企业名称,所属镇街\r\n91320281MA1CSVV1XX,表格企业,华士镇\r\n".encode("gbk"))),
        ("F12", "import an XLSX workbook", "exit 1, one short Chinese message naming JSON lines", spreadsheet("firms.xlsx", _xlsx())),
    ]  # fmt: skip


def _xlsx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
        z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0"?><worksheet><sheetData/></worksheet>')
    return buf.getvalue()  # fmt: skip
