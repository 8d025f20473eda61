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


def normalise(text: object) -> str:
    """NFKC, runs of whitespace as one space, trimmed: how two names are compared."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", str(text or ""))).strip()


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


__all__ = ["enabled_key", "name_key", "normalise", "seq_key", "source_key", "title_key", "version_key"]
