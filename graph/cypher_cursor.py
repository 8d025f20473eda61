"""Token cursor shared by the Cypher guard's walkers, the rejection error and the lexical checks.

See ``graph/cypher_guard.py`` for what the guard enforces; this module holds what every part of the
walk needs: the token position, the edits (insertions and replacements) made to the query text, and
the checks no parse can be fooled about (comments, backticks, statements, forbidden words).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from core.errors import ValidationError
from core.scope import ScopeLevel
from graph.cypher_catalog import SCOPE_PREDICATES
from graph.cypher_tokens import Token, TokenKind

WRITE_KEYWORDS = frozenset(
    {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH", "INSERT"}
)
ADMIN_KEYWORDS = frozenset(
    {"LOAD", "USE", "SHOW", "GRANT", "DENY", "REVOKE", "ALTER", "START", "STOP", "TERMINATE", "UNION"}
)
CLAUSE_KEYWORDS = frozenset(
    {"MATCH", "OPTIONAL", "WHERE", "WITH", "RETURN", "UNWIND", "ORDER", "SKIP", "LIMIT", "CALL"}
    | WRITE_KEYWORDS
    | ADMIN_KEYWORDS
)
MAX_VAR_LENGTH = 4
# Brackets ( [ { nested deeper than this are refused before the walk: the guard's walkers recurse once
# per level, and a model-written "((((…1…))))" 500 deep ended in RecursionError (a stack trace) instead
# of a refusal. Real questions need a handful of levels.
MAX_NESTING = 24


class CypherRejectedError(ValidationError):
    """An LLM-written query that may not run; ``reason`` says why (Chinese)."""

    code = "cypher_rejected"

    def __init__(self, reason: str, *, query: str = "") -> None:
        super().__init__(f"查询未通过安全检查：{reason}", details={"reason": reason, "query": query})
        self.reason = reason


@dataclass(frozen=True)
class GuardedQuery:
    """The query as it will run, and what the guard saw in it."""

    text: str
    labels: frozenset[str]
    params: frozenset[str]
    columns: tuple[str, ...]
    limit: int


@dataclass
class Edit:
    start: int
    end: int
    text: str
    seq: int


@dataclass
class Walk:
    bound: set[str] = field(default_factory=set)


class TokenCursor:
    """Position in the token list, what the walk has seen, and the edits to apply."""

    def __init__(
        self, text: str, tokens: list[Token], params: Collection[str], level: ScopeLevel, max_rows: int
    ) -> None:
        self.text, self.t, self.i = text, tokens, 0
        self.allowed_params = set(params)
        self.predicates: Mapping[str, str] | None = SCOPE_PREDICATES.get(level)
        self.max_rows = max_rows
        self.edits: list[Edit] = []
        self.labels: set[str] = set()
        self.params: set[str] = set()
        self.var_labels: dict[str, str] = {}
        self.entity_vars: set[str] = set()  # node and relationship variables
        self.columns: list[str] = []
        self.generated = 0
        self.limit_seen = False

    # ---- token helpers ---------------------------------------------------------------------
    def peek(self, k: int = 0) -> Token | None:
        j = self.i + k
        return self.t[j] if 0 <= j < len(self.t) else None

    def op(self, *ops: str, k: int = 0) -> bool:
        tok = self.peek(k)
        return tok is not None and tok.is_op(*ops)

    def kw(self, *words: str, k: int = 0) -> bool:
        tok = self.peek(k)
        return tok is not None and tok.upper in words

    def advance(self) -> Token:
        tok = self.peek()
        if tok is None:
            raise CypherRejectedError("查询不完整", query=self.text)
        self.i += 1
        return tok

    def expect_op(self, op: str) -> Token:
        if not self.op(op):
            raise self.reject(f"此处应为 {op!r}")
        return self.advance()

    def expect_ident(self, what: str) -> Token:
        tok = self.peek()
        if tok is None or tok.kind is not TokenKind.IDENT:
            raise self.reject(f"此处应为{what}")
        return self.advance()

    def reject(self, reason: str) -> CypherRejectedError:
        tok = self.peek()
        where = f"（位置 {tok.start}：{tok.text}）" if tok is not None else "（查询末尾）"
        return CypherRejectedError(reason + where, query=self.text)

    def fresh_name(self) -> str:
        taken = {t.text for t in self.t if t.kind is TokenKind.IDENT}
        while True:
            self.generated += 1
            name = f"scope_v{self.generated}"
            if name not in taken:
                return name

    def insert(self, pos: int, text: str) -> None:
        self.edits.append(Edit(pos, pos, text, len(self.edits)))

    # ---- clauses ---------------------------------------------------------------------------


def lexical_checks(tokens: list[Token], text: str) -> list[Token]:
    """Checks no parse can be fooled about: comments, backticks, statements, forbidden words, nesting."""
    depth = 0
    for pos, tok in enumerate(tokens):
        depth += 1 if tok.is_op("(", "[", "{") else -1 if tok.is_op(")", "]", "}") else 0
        if depth > MAX_NESTING:
            raise CypherRejectedError(
                f"查询嵌套过深（括号超过 {MAX_NESTING} 层），请写得简单一些", query=text
            )
        prev = tokens[pos - 1] if pos else None
        nxt = tokens[pos + 1] if pos + 1 < len(tokens) else None
        if tok.kind is TokenKind.COMMENT:
            raise CypherRejectedError("查询中不允许注释", query=text)
        if tok.kind is TokenKind.QUOTED:
            raise CypherRejectedError("不允许反引号标识符", query=text)
        if tok.is_op(";") and pos != len(tokens) - 1:
            raise CypherRejectedError("只允许一条语句（发现多余的分号）", query=text)
        if tok.kind is not TokenKind.IDENT or (prev is not None and prev.is_op(".")):
            continue
        if nxt is not None and nxt.is_op(":") and prev is not None and prev.is_op("{", ","):
            continue  # a map key
        word = tok.upper
        if word in WRITE_KEYWORDS:
            raise CypherRejectedError(f"只允许只读查询，发现写操作 {word}", query=text)
        if word == "UNION":
            raise CypherRejectedError("不允许 UNION，请写成一条查询", query=text)
        if word == "LOAD":
            raise CypherRejectedError("不允许 LOAD CSV 读取外部数据", query=text)
        if word in ADMIN_KEYWORDS:
            raise CypherRejectedError(f"不允许管理命令 {word}", query=text)
        if word == "CALL" and not (nxt is not None and nxt.is_op("{")):
            raise CypherRejectedError("不允许调用过程（CALL 只能用于 CALL { … } 子查询）", query=text)
    if tokens and tokens[-1].is_op(";"):
        tokens = tokens[:-1]
    if not tokens:
        raise CypherRejectedError("查询为空", query=text)
    return tokens
