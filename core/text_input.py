"""Text typed or sent by users, checked before anything is answered or stored.

Control characters: a NUL was refused already (the graph cannot store it); ESC, BEL, backspace and
the other C0 controls (and DEL) were stored and shown back — a pasted ``\\x1b[31m`` recoloured a
terminal reading the audit trail or the CLI's history, and the console showed a question the user
could not read. One rule for every one-line text a user types (a chat question, an event-search
sentence, a plan or template title, a display name): refused like the NUL, with the same code and a
message naming the characters. Tab, line feed and carriage return are whitespace to every caller.

Texts stored before that rule (round 6) keep their control characters: they are shown, not
rewritten (``shown_controls``). Each becomes its Unicode control picture (ESC → ␛, BEL → ␇, DEL → ␡)
when a stored question, title, search sentence or audit row is read back: nothing is lost (the
mapping is one to one), the audit trail is never edited, and no terminal or page obeys the escape.

File names are not typed: the operating system gave them. They are cleaned instead of refused
(``safe_filename``): a bare name, no control or invisible characters, bounded in bytes with its
extension kept (a name of 300 Chinese characters was stored whole, 900 bytes).
"""

from __future__ import annotations

import re
from pathlib import PureWindowsPath

from core.errors import ValidationError
from core.plan_keys import clean_name

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NAMES = {"\x00": "NUL", "\x07": "BEL", "\x08": "退格", "\x1b": "ESC", "\x7f": "DEL"}
# A file name on the common file systems is at most 255 bytes; the stored name leaves room for the
# suffix a download adds ("(1)") and stays readable in a list.
FILENAME_MAX_BYTES = 200
_EXTENSION_MAX = 10  # ".docx", ".pdf", ".wps": a longer "extension" is part of the name


# C0 controls other than tab, line feed and carriage return → U+2400 + code; DEL → U+2421.
_CONTROL_PICTURES = {i: 0x2400 + i for i in range(0x20) if chr(i) not in "\t\n\r"} | {0x7F: 0x2421}


def shown_controls(text: str) -> str:
    """``text`` with each control character as its visible control picture (stored texts, read back)."""
    return text.translate(_CONTROL_PICTURES)


def control_character_names(text: str) -> list[str]:
    """The control characters in ``text``, each once, as a person can read them (``ESC``, ``\\x01``)."""
    found = dict.fromkeys(CONTROL_CHARACTERS.findall(text))
    return [_NAMES.get(ch, f"\\x{ord(ch):02x}") for ch in found]


def control_character_message(text: str) -> str | None:
    """The Chinese reason a text with control characters is refused, or None when it has none."""
    names = control_character_names(text)
    return f"含有不允许的控制字符（{'、'.join(names)}），请删除后重试" if names else None


def refuse_control_characters(text: str, *, field: str, param: str) -> None:
    """Raise ``ValidationError(invalid_characters)`` naming ``field`` (Chinese) and ``param``."""
    if (message := control_character_message(text)) is not None:
        raise ValidationError(f"{field}中{message}", code="invalid_characters", details={"param": param})


def _cut_to_bytes(text: str, limit: int) -> str:
    encoded = text.encode("utf-8")[:limit]
    return encoded.decode("utf-8", errors="ignore")  # a character cut in half is dropped whole


def safe_filename(name: str, *, fallback: str = "plan", max_bytes: int = FILENAME_MAX_BYTES) -> str:
    """The last part of a path (``/`` and ``\\`` both split), control and invisible characters
    dropped, spaces folded, then shortened to ``max_bytes`` of UTF-8 keeping the extension."""
    bare = CONTROL_CHARACTERS.sub("", PureWindowsPath(name or "").name)
    cleaned = clean_name(bare)
    stem, dot, ext = cleaned.rpartition(".")
    if not dot or not stem or len(ext) > _EXTENSION_MAX:
        stem, ext = cleaned, ""
    suffix = f".{ext}" if ext else ""
    stem = _cut_to_bytes(stem, max_bytes - len(suffix.encode("utf-8"))).rstrip()
    return f"{stem}{suffix}" if stem else (f"{fallback}{suffix}" if suffix else fallback)
