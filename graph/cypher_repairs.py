"""Deterministic repairs of habits small models bring from SQL and older Cypher. Pure.

Each repair rewrites text the guard then checks like any other query, so a repair can never let
through what the guard would refuse. The walker makes two more in place (``graph.cypher_guard``:
``GROUP BY`` dropped; ``graph.cypher_expr``: ``exists((a)-[:R]->(b))`` → the pattern predicate).
"""

from __future__ import annotations

from graph.cypher_tokens import Token, TokenKind

_CLAUSE_STARTS = frozenset({"MATCH", "OPTIONAL", "UNWIND", "WITH", "CALL"})


def mid_query_returns(tokens: list[Token]) -> list[Token]:
    """Top-level RETURN tokens that a later top-level clause follows (``… RETURN x MATCH …``: a WITH)."""
    depth, returns, found = 0, [], []
    for tok in tokens:
        if tok.is_op("(", "[", "{"):
            depth += 1
        elif tok.is_op(")", "]", "}"):
            depth -= 1
        elif depth == 0 and tok.kind is TokenKind.IDENT:
            if tok.upper == "RETURN":
                returns.append(tok)
            elif tok.upper in _CLAUSE_STARTS and returns:
                found += returns
                returns = []
    return found
