"""Derived uniqueness keys of the plan subgraph (pure; the graph enforces them with unique constraints).

Each key is the normalised form of what the plan workflow already treats as "the same":

* ``title_key``   one live plan per title in one jurisdiction (town, enterprise or the city level);
* ``version_key`` one version number per plan, ``seq_key`` one sequence number per plan;
* ``source_key``  one upload of the same original bytes per jurisdiction (unless 允许重复);
* ``enabled_key`` one enabled version per plan (set only while the version is enabled);
* ``name_key``    one template per name.

Keys are JSON arrays of their parts, so a part containing any separator cannot make two different
tuples collide. Normalisation (NFKC, whitespace collapsed) makes “液氨泄漏 预案” typed with a
full-width space or a trailing blank the same title, as a reader would.
"""

from __future__ import annotations

import json
import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Joiners shape emoji and Indic text; every other format character (zero-width space, BOM, bidi
# marks and overrides) is invisible: “防汛预案\u200b” had passed as a second plan of the same title.
_KEEP_FORMAT = frozenset("\u200c\u200d")


def _visible(text: str) -> str:
    """Invisible format characters dropped. Control characters stay: tabs and line breaks are
    whitespace to the callers, and a NUL is refused by the graph with a Chinese message."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf" or ch in _KEEP_FORMAT)


def normalise(text: object) -> str:
    """NFKC, invisible characters dropped, runs of whitespace as one space, trimmed: how two names
    are compared."""
    return _SPACES.sub(" ", _visible(unicodedata.normalize("NFKC", str(text or "")))).strip()


def clean_name(text: str) -> str:
    """A one-line name (title, unit, version number) as stored and shown: what ``normalise`` drops
    or folds, without NFKC (the author's full-width letters stay as typed)."""
    return _SPACES.sub(" ", _visible(text)).strip()


def strip_invisible(value: object) -> object:
    """Invisible format characters dropped from every string of a JSON value (a text edited on the
    review page, a row, a list), nothing else changed: line breaks and spacing of long texts stay."""
    if isinstance(value, str):
        return _visible(value)
    if isinstance(value, list):
        return [strip_invisible(v) for v in value]
    if isinstance(value, dict):
        return {k: strip_invisible(v) for k, v in value.items()}
    return value


def _key(*parts: object) -> str:
    return json.dumps(["" if p is None else str(p) for p in parts], ensure_ascii=False)


def title_key(title: str, town: str | None, enterprise_id: str | None) -> str:
    return _key(normalise(title), town, enterprise_id)


def version_key(plan_id: str, version_no: str) -> str:
    return _key(plan_id, normalise(version_no))


def seq_key(plan_id: str, seq: int) -> str:
    """A version's place in its plan's history (the list and the diff picker order by it)."""
    return _key(plan_id, int(seq))


def source_key(sha256: str, town: str | None, enterprise_id: str | None) -> str:
    return _key(sha256.lower(), town, enterprise_id)


def enabled_key(plan_id: str) -> str:
    return _key(plan_id)


def name_key(name: str) -> str:
    return _key(normalise(name))


__all__ = [
    "clean_name",
    "enabled_key",
    "name_key",
    "normalise",
    "seq_key",
    "source_key",
    "strip_invisible",
    "title_key",
    "version_key",
]
