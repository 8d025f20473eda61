"""GGUF header reader: enough of the format to refuse a wrong, corrupt or truncated model file.

Layout (little-endian, GGUF v2/v3)::

    magic "GGUF" | version u32 | tensor_count u64 | kv_count u64
    kv_count × (key: string, value_type u32, value)            string = u64 length + UTF-8 bytes
    tensor_count × (name: string, n_dims u32, dims u64 × n_dims, ggml_type u32, offset u64)
    padding to ``general.alignment`` (default 32) | tensor data

The expected file size is ``data_start + max(offset + nbytes)``; a shorter file is truncated. Only
a few metadata keys are kept (architecture, name, file type…): tokenizer arrays are skipped, not
loaded. Every count and length is bounded so a corrupt header cannot make us allocate gigabytes.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

MAGIC = b"GGUF"
SUPPORTED_VERSIONS = (2, 3)
DEFAULT_ALIGNMENT = 32

_MAX_TENSORS = 1_000_000
_MAX_KV = 1_000_000
_MAX_STRING = 64 * 1024 * 1024
_MAX_ARRAY = 100_000_000
_MAX_DIMS = 8
_KEPT_KEYS = {
    "general.architecture",
    "general.name",
    "general.size_label",
    "general.license",
    "general.file_type",
    "general.alignment",
    "general.quantization_version",
}

# GGUF metadata value types: id → struct format of a fixed-size scalar (8 = string, 9 = array).
_SCALAR = {
    0: "<B",
    1: "<b",
    2: "<H",
    3: "<h",
    4: "<I",
    5: "<i",
    6: "<f",
    7: "<?",
    10: "<Q",
    11: "<q",
    12: "<d",
}
_STRING, _ARRAY = 8, 9

# ggml tensor types: id → (elements per block, bytes per block). Unknown ids only bound the size below.
GGML_TYPE_SIZES: dict[int, tuple[int, int]] = {
    0: (1, 4),  # F32
    1: (1, 2),  # F16
    2: (32, 18),  # Q4_0
    3: (32, 20),  # Q4_1
    6: (32, 22),  # Q5_0
    7: (32, 24),  # Q5_1
    8: (32, 34),  # Q8_0
    9: (32, 36),  # Q8_1
    10: (256, 84),  # Q2_K
    11: (256, 110),  # Q3_K
    12: (256, 144),  # Q4_K
    13: (256, 176),  # Q5_K
    14: (256, 210),  # Q6_K
    15: (256, 292),  # Q8_K
    16: (256, 66),  # IQ2_XXS
    17: (256, 74),  # IQ2_XS
    18: (256, 98),  # IQ3_XXS
    19: (256, 50),  # IQ1_S
    20: (32, 18),  # IQ4_NL
    21: (256, 110),  # IQ3_S
    22: (256, 82),  # IQ2_S
    23: (256, 136),  # IQ4_XS
    24: (1, 1),  # I8
    25: (1, 2),  # I16
    26: (1, 4),  # I32
    27: (1, 8),  # I64
    28: (1, 8),  # F64
    29: (256, 56),  # IQ1_M
    30: (1, 2),  # BF16
}

# llama.cpp ``general.file_type`` (LLAMA_FTYPE_*) → conventional quantisation label.
FILE_TYPES = {
    0: "F32",
    1: "F16",
    2: "Q4_0",
    3: "Q4_1",
    7: "Q8_0",
    8: "Q5_0",
    9: "Q5_1",
    10: "Q2_K",
    11: "Q3_K_S",
    12: "Q3_K_M",
    13: "Q3_K_L",
    14: "Q4_K_S",
    15: "Q4_K_M",
    16: "Q5_K_S",
    17: "Q5_K_M",
    18: "Q6_K",
    32: "BF16",
}


class GgufFormatError(ValueError):
    """The bytes are not a usable GGUF file; ``reason`` is a short Chinese explanation."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class GgufInfo:
    version: int
    tensor_count: int
    kv_count: int
    data_offset: int
    expected_size: int  # minimum file size implied by the tensor table
    metadata: dict[str, object] = field(default_factory=dict)

    @property
    def architecture(self) -> str | None:
        value = self.metadata.get("general.architecture")
        return value if isinstance(value, str) else None

    @property
    def quantization(self) -> str | None:
        ftype = self.metadata.get("general.file_type")
        return FILE_TYPES.get(ftype) if isinstance(ftype, int) else None


def has_magic(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) == MAGIC


def read_info(path: Path) -> GgufInfo:
    """Parse the header and tensor table of ``path``; raise ``GgufFormatError`` when unusable.

    Checks: magic, supported version, sane counts, a header that ends inside the file, and a file
    at least as long as its tensor table says (truncation).
    """
    size = path.stat().st_size
    if size == 0:
        raise GgufFormatError("文件为空")
    with path.open("rb", buffering=1024 * 1024) as fh:
        info = _parse(fh)
    if size < info.expected_size:
        raise GgufFormatError(f"文件被截断：应至少 {info.expected_size} 字节，实际 {size} 字节")
    return info


def _parse(fh: BinaryIO) -> GgufInfo:
    r = _Reader(fh)
    if r.read(4) != MAGIC:
        raise GgufFormatError("不是 GGUF 文件（文件头魔数不是 GGUF）")
    version = r.u32()
    if version not in SUPPORTED_VERSIONS:
        raise GgufFormatError(f"不支持的 GGUF 版本 {version}（支持 {SUPPORTED_VERSIONS}）")
    tensor_count, kv_count = r.u64(), r.u64()
    if tensor_count > _MAX_TENSORS or kv_count > _MAX_KV:
        raise GgufFormatError(f"文件头损坏：张量数 {tensor_count}、元数据项 {kv_count} 不合理")
    metadata: dict[str, object] = {}
    for _ in range(kv_count):
        key = r.string()
        value = r.value(r.u32(), keep=key in _KEPT_KEYS)
        if key in _KEPT_KEYS:
            metadata[key] = value
    alignment = metadata.get("general.alignment", DEFAULT_ALIGNMENT)
    if not isinstance(alignment, int) or alignment <= 0 or alignment & (alignment - 1):
        raise GgufFormatError(f"文件头损坏：对齐值 {alignment!r} 不是 2 的幂")
    end_of_data = 0
    for _ in range(tensor_count):
        r.skip_string()
        n_dims = r.u32()
        if n_dims > _MAX_DIMS:
            raise GgufFormatError(f"文件头损坏：张量维数 {n_dims}")
        dims = [r.u64() for _ in range(n_dims)]
        ggml_type, offset = r.u32(), r.u64()
        end_of_data = max(end_of_data, offset + tensor_nbytes(ggml_type, dims))
    data_offset = -(-r.pos // alignment) * alignment
    return GgufInfo(
        version=version,
        tensor_count=tensor_count,
        kv_count=kv_count,
        data_offset=data_offset,
        expected_size=data_offset + end_of_data,
        metadata=metadata,
    )


def tensor_nbytes(ggml_type: int, dims: list[int]) -> int:
    """Bytes of one tensor's data; 0 for a type this reader does not know (a lower bound)."""
    block, type_size = GGML_TYPE_SIZES.get(ggml_type, (1, 0))
    return math.prod(dims) // block * type_size


class _Reader:
    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self.pos = 0

    def read(self, n: int) -> bytes:
        data = self._fh.read(n)
        if len(data) != n:
            raise GgufFormatError("文件被截断：文件头或张量表不完整")
        self.pos += n
        return data

    def skip(self, n: int) -> None:
        self.read(n) if n <= 4096 else self._skip_large(n)

    def _skip_large(self, n: int) -> None:
        while n:
            step = min(n, 1024 * 1024)
            self.read(step)
            n -= step

    def u32(self) -> int:
        return int(struct.unpack("<I", self.read(4))[0])

    def u64(self) -> int:
        return int(struct.unpack("<Q", self.read(8))[0])

    def _length(self) -> int:
        n = self.u64()
        if n > _MAX_STRING:
            raise GgufFormatError(f"文件头损坏：字符串长度 {n}")
        return n

    def string(self) -> str:
        try:
            return self.read(self._length()).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise GgufFormatError("文件头损坏：元数据键不是 UTF-8") from exc

    def skip_string(self) -> None:
        self.skip(self._length())

    def value(self, vtype: int, *, keep: bool) -> object:
        if vtype in _SCALAR:
            fmt = _SCALAR[vtype]
            return struct.unpack(fmt, self.read(struct.calcsize(fmt)))[0]
        if vtype == _STRING:
            if keep:
                return self.read(self._length()).decode("utf-8", errors="replace")
            self.skip_string()
            return None
        if vtype == _ARRAY:
            item_type, count = self.u32(), self.u64()
            if count > _MAX_ARRAY:
                raise GgufFormatError(f"文件头损坏：数组长度 {count}")
            if item_type in _SCALAR:
                self.skip(count * struct.calcsize(_SCALAR[item_type]))
            elif item_type == _STRING:
                for _ in range(count):
                    self.skip_string()
            else:
                raise GgufFormatError(f"文件头损坏：不支持的数组元素类型 {item_type}")
            return None
        raise GgufFormatError(f"文件头损坏：未知的元数据类型 {vtype}")
