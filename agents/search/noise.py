"""When a fuzzy enterprise query found nothing: no keyword evidence and a dense leg that only echoes noise.

The hybrid search fuses a keyword leg (jieba words, pinyin) with a dense leg (nearest by meaning). The
dense leg always answers: "asdfgh", "😀" or a Cypher-injection string still have ten nearest firms, so
the list showed ten arbitrary firms. A typo ("澄江化公"), an abbreviation or pinyin initials nearly
always leave keyword evidence; when they do not, their gold firm's dense score stands out from the rest
of the query's own candidates. Noise does not: every firm is about as far from "qwertyuiop".

The rule: without keyword evidence, the best dense score must stand ``MIN_STANDING`` standard
deviations above the mean of the query's other ``CANDIDATES`` - 1 candidates (a z-score against the
query's own distribution, so it does not depend on the embedder's absolute cosine scale). A lone Latin
letter or digit is no keyword evidence ("1" of "1=1" matches house numbers). The threshold is set from
``benchmarks/search_noise.py`` over the retrieval eval city (numbers below and in docs/EVALS.md).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from typing import Any, Protocol

from core.ai import SearchHit

CANDIDATES = 50  # dense candidates read to describe the query's own score distribution
# Measured by benchmarks/search_noise.py (2026-11-26, retrieval eval city, 257 queries, 20 noise probes):
# 255 of 257 real queries have keyword evidence; the 2 that do not (long pinyin strings) have no gold in
# their dense top 50. Noise probes stand 2.8-7.2 above their candidates (mean 4.2), real queries whose
# dense leg alone puts the gold first 2.1-… (median 7.0): z alone does not tell a typo from noise, so a
# dense-only answer is kept only when its best hit stands further out than every noise probe did.
MIN_STANDING = 7.5
NO_MATCH_HINT = "没有找到与“{q}”相符的企业，请输入企业名称、简称、拼音首字母或统一社会信用代码。"


# A lone Latin letter or digit ("1" of "1=1", "n" of "(n)") matches house numbers and codes, not a name.
_LONE_ASCII = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9](?![A-Za-z0-9])")


class LegSearch(Protocol):
    def search(
        self, collection: str, query: str, *, limit: int = 10, filters: Any = None, mode: Any = "hybrid"
    ) -> list[SearchHit]: ...


def evidence(
    index: LegSearch, collection: str, query: str, *, filters: Any = None, candidates: int = CANDIDATES
) -> tuple[bool, list[SearchHit]]:
    """Whether the keyword leg alone finds any document for ``query`` and, when it finds none, the dense
    leg's top ``candidates`` (their scores describe the query's own noise)."""
    said = keyword_query(query)
    if said and index.search(collection, said, limit=1, filters=filters, mode="sparse"):
        return True, []
    return False, index.search(collection, query, limit=candidates, filters=filters, mode="dense")


def keyword_query(query: str) -> str:
    """The part of ``query`` that can be keyword evidence: without lone ASCII letters and digits."""
    return _LONE_ASCII.sub(" ", query).strip()


def standing(scores: Sequence[float]) -> float:
    """How many standard deviations the best score stands above the mean of the others (0 when there
    are too few to say, or they are all equal)."""
    ordered = sorted(scores, reverse=True)
    if len(ordered) < 3:
        return 0.0
    rest = ordered[1:]
    spread = statistics.pstdev(rest)
    if spread == 0:
        return 0.0
    return (ordered[0] - statistics.fmean(rest)) / spread


def is_noise(keyword_evidence: bool, dense_scores: Sequence[float]) -> bool:
    """True when the query matched no keyword and its best dense hit does not stand out."""
    return not keyword_evidence and standing(dense_scores) < MIN_STANDING


__all__ = ["CANDIDATES", "MIN_STANDING", "NO_MATCH_HINT", "evidence", "is_noise", "keyword_query", "standing"]
