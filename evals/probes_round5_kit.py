"""Probe round 5: what every probe module shares (outcome, probe, checks of a clean refusal, graph
counts, upload helpers). The probes: ``probes_round5_http`` (chat, uploads), ``probes_round5_scope``
(ids, paging, scope, tokens); the runner and the CLI probes: ``probes_round5``."""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi.testclient import TestClient

from api.bootstrap import Container
from core.auth import Role
from core.scope import DataScope, ScopeLevel
from tests.support.auth_env import FAST_HASHER, Clock
from tests.support.fixture_city import A, C
from tests.support.fixture_city_app import fixture_city_app
from tests.support.plan_docs import docx_bytes

HUASHI = {"X-SafeCloud-Town": quote("华士镇")}
LINGGANG = {"X-SafeCloud-Town": quote("临港经济开发区")}
ENTERPRISE_C = {"X-SafeCloud-Enterprise": C}
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class Outcome:
    passed: bool
    observed: str


@dataclass
class Probe:
    pid: str
    sent: str
    expected: str
    run: Callable[[TestClient, Container], Outcome]


def _chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _clean_refusal(r: Any, statuses: tuple[int, ...]) -> Outcome:
    """A 4xx with the JSON error body and a Chinese message."""
    try:
        body = r.json()
    except ValueError:
        return Outcome(False, f"{r.status_code} non-JSON {r.text[:60]!r}")
    message = str(body.get("message", "")) if isinstance(body, dict) else ""
    ok = r.status_code in statuses and _chinese(message)
    return Outcome(ok, f"{r.status_code} {body.get('code') if isinstance(body, dict) else ''} {message[:40]}")


def _sse_done(r: Any) -> Outcome:
    text = r.text
    ok = r.status_code == 200 and "event: done" in text and "Traceback" not in text
    first = next((ln for ln in text.splitlines() if ln.startswith("data:")), "")[:60]
    return Outcome(ok, f"{r.status_code} {'done' if 'event: done' in text else 'no done'} {first}")


def _ask(client: TestClient, question: str, headers: dict[str, str] | None = None) -> Any:
    return client.post("/api/v1/chat", json={"question": question, "use_llm": False}, headers=headers or {})


def _graph_size(c: Container) -> tuple[int, int]:
    nodes = c.graph.read("MATCH (n) WHERE NOT n:AuditRecord RETURN count(n) AS n")[0]["n"]
    rels = c.graph.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    return int(nodes), int(rels)


def _audit_rows(c: Container) -> int:
    return int(c.graph.read("MATCH (a:AuditRecord) RETURN count(a) AS n")[0]["n"])


def _upload(
    client: TestClient, name: str, content: bytes, headers: dict[str, str] | None = None, **form: str
) -> Any:
    data = {"enterprise_id": A, **form}
    return client.post("/api/v1/plans", files={"file": (name, content)}, data=data, headers=headers or {})


def _refused_upload_writes_nothing(
    name: str, content: bytes, statuses: tuple[int, ...] = (422,)
) -> Callable[[TestClient, Container], Outcome]:
    def run(client: TestClient, c: Container) -> Outcome:
        before, audits = _graph_size(c), _audit_rows(c)
        r = _upload(client, name, content, allow_duplicate="true")
        outcome = _clean_refusal(r, statuses)
        same = _graph_size(c) == before
        audited = _audit_rows(c) == audits + 1
        return Outcome(
            outcome.passed and same and audited, f"{outcome.observed}; graph same={same} audited={audited}"
        )

    return run


def _zip_of_text() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes.txt", "这不是预案")
        z.writestr("photo.jpg", b"\xff\xd8\xff" + b"\0" * 100)
    return buf.getvalue()


def _encrypted_docx() -> bytes:
    # Word's "encrypt with password": an OLE2 container holding EncryptionInfo + EncryptedPackage.
    return OLE2 + b"\0" * 504 + "EncryptionInfo\0EncryptedPackage\0".encode("utf-16-le") + b"\0" * 512


def stored_name(client: TestClient, filename: str) -> Outcome | str:
    """The file name a plan upload was stored under, or the refusal's outcome when it was refused."""
    r = _upload(client, filename, docx_bytes(), allow_duplicate="true")
    if r.status_code != 201:
        return _clean_refusal(r, (422,))
    versions = client.get(f"/api/v1/plans/{r.json()['plan_id']}/versions").json()
    return str(versions[0].get("source_filename"))


def write_report(rows: list[tuple[str, str, str, str, bool]]) -> None:
    """The probe table as markdown rows and the pass count, on stdout (docs/PROBES.md takes it as is)."""
    for pid, sent, expected, observed, passed in rows:
        sys.stdout.write(
            f"| {pid} | {sent} | {expected} | {observed.replace('|', '/')} | {'PASS' if passed else 'FAIL'} |\n"
        )
    failed = sum(not r[4] for r in rows)
    sys.stdout.write(f"\n{len(rows) - failed}/{len(rows)} probes pass\n")


Row = tuple[str, str, str, str, bool]


def run_all(probes: list[Probe], client: TestClient, c: Container) -> list[Row]:
    """Each probe's report row; a probe that crashes is a finding (a FAIL row), not the end of the run."""
    rows: list[Row] = []
    for p in probes:
        try:
            o = p.run(client, c)
        except Exception as exc:  # noqa: BLE001 - a probe that crashes is a finding
            o = Outcome(False, f"probe crashed: {type(exc).__name__}: {str(exc)[:60]}")
        rows.append((p.pid, p.sent, p.expected, o.observed, o.passed))
    return rows


def dev_app(folder: Path) -> AbstractContextManager[tuple[TestClient, Container]]:
    """The fixture city's app in dev auth, no OCR and no LLM (the rounds' probe target)."""
    return fixture_city_app(
        folder,
        raise_server_exceptions=False,
        plans={"ocr": False, "use_llm": False},
        event_search={"llm_fallback": False},
    )


def token_app(
    folder: Path, clock: Clock | None = None
) -> AbstractContextManager[tuple[TestClient, Container]]:
    """The fixture city's app in token auth (users log in), fast password hashing, no OCR and no LLM."""
    return fixture_city_app(
        folder,
        raise_server_exceptions=False,
        clock=clock or Clock(),
        password_hasher=FAST_HASHER,
        api={"auth": "token"},
        plans={"ocr": False, "use_llm": False},
    )


def unaudited(c: Container, calls: list[tuple[str, Callable[[], Any]]]) -> list[str]:
    """The writes among ``calls`` that did not add exactly one audit row (name and status)."""
    missed = []
    for name, call in calls:
        before = _audit_rows(c)
        r = call()
        if _audit_rows(c) != before + 1:
            missed.append(f"{name}({r.status_code})")
    return missed


Account = tuple[str, str]  # user name, password


def create_users(
    c: Container,
    admins: Sequence[Account] = (),
    city_officers: Sequence[Account] = (),
    town_officers: Sequence[Account] = (),
    town: str = "华士镇",
) -> None:
    """The token-mode rounds' accounts: city administrators, city officers, officers of ``town``."""
    for account in admins:
        c.auth.create_user(*account, scope=DataScope(), role=Role.ADMIN)
    for account in city_officers:
        c.auth.create_user(*account, scope=DataScope())
    for account in town_officers:
        c.auth.create_user(*account, scope=DataScope(level=ScopeLevel.TOWN, town=town))


def login(client: TestClient, account: Account) -> dict[str, str]:
    """The bearer header of a fresh session for ``account`` (a refused login gives a header that fails)."""
    r = client.post("/api/v1/auth/login", json={"username": account[0], "password": account[1]})
    return {"Authorization": f"Bearer {r.json().get('token')}"}
