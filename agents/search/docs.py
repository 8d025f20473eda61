"""Document shapes beyond the port's ``SearchDoc`` (I/O free)."""

from __future__ import annotations

from core.ai import SearchDoc


class KeywordDoc(SearchDoc):
    """A ``SearchDoc`` with extra ``keywords``: tokenised into the keyword (sparse) vector together
    with ``text`` but never embedded nor stored. For terms that help exact matching and would
    only blur and slow the dense embedding: pinyin, addresses, tags, codes.
    """

    keywords: str = ""
