"""Validate and scope an untrusted (LLM-written) Cypher query before it reaches an engine. Pure.

``guard_cypher`` tokenizes the query (``graph.cypher_tokens``), walks its clauses and patterns, and
either raises ``CypherRejectedError`` with the reason (Chinese, fed back to the model on retry) or
returns the query rewritten:

* read clauses only (MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, LIMIT,
  ``CALL { … }`` subqueries); no procedures, UNION, LOAD CSV, comments, backticks, several
  statements, namespaced or unknown functions;
* labels, relationship types and properties from the allow-lists of ``graph.cypher_catalog``;
  parameters only from the set the caller supplies;
* the final RETURN has a LIMIT no larger than ``max_rows`` (added or lowered);
* for a town or enterprise principal, every newly bound node of a scoped label gets the scope
  predicate of ``SCOPE_PREDICATES`` in its MATCH (or pattern comprehension) WHERE — anonymous
  nodes get a generated variable first. What cannot be constrained is refused: unlabeled new
  nodes, variable-length relationships, new nodes inside WHERE pattern predicates.

The walk is fail-closed: a token it does not expect is a rejection, never a pass. The engines add
their own read-only enforcement (FalkorDB ``GRAPH.RO_QUERY``, Neo4j EXPLAIN + read transaction).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from core.errors import ValidationError
from core.scope import ScopeLevel
from graph.cypher_catalog import (
    ALLOWED_FUNCTIONS,
    REL_TYPES,
    SCOPE_PREDICATES,
    all_properties,
    label_properties,
)
from graph.cypher_tokens import CypherSyntaxError, Token, TokenKind, tokenize
from graph.schema import LABELS

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
class _Edit:
    start: int
    end: int
    text: str
    seq: int


@dataclass
class _Walk:
    bound: set[str] = field(default_factory=set)


class _Guard:
    def __init__(
        self, text: str, tokens: list[Token], params: Collection[str], level: ScopeLevel, max_rows: int
    ) -> None:
        self.text, self.t, self.i = text, tokens, 0
        self.allowed_params = set(params)
        self.predicates: Mapping[str, str] | None = SCOPE_PREDICATES.get(level)
        self.max_rows = max_rows
        self.edits: list[_Edit] = []
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
        self.edits.append(_Edit(pos, pos, text, len(self.edits)))

    # ---- clauses ---------------------------------------------------------------------------
    def query(self, walk: _Walk, *, top: bool) -> set[str]:
        returned: set[str] = set()
        while self.peek() is not None and not self.op("}"):
            if returned:
                raise self.reject("RETURN 之后不能再有子句")
            tok = self.advance()
            word = tok.upper
            if word == "OPTIONAL":
                if not self.kw("MATCH"):
                    raise self.reject("OPTIONAL 后应为 MATCH")
                self.advance()
                self.match(walk)
            elif word == "MATCH":
                self.match(walk)
            elif word == "UNWIND":
                self.expr(walk, stops={"AS"})
                if not self.kw("AS"):
                    raise self.reject("UNWIND 需要 AS")
                self.advance()
                walk.bound.add(self.expect_ident("变量名").text)
            elif word == "WITH":
                walk.bound = self.projection(walk, is_return=False, top=False)
            elif word == "RETURN":
                returned = self.projection(walk, is_return=True, top=top) or {"*"}
            elif word == "CALL" and self.op("{"):
                self.advance()
                # Outer variables are visible inside only through an importing WITH, which
                # projection() turns into bound names; anything else inside is a new variable.
                inner = self.query(_Walk(), top=False)
                self.expect_op("}")
                walk.bound |= inner
            else:
                self.i -= 1
                raise self.reject(f"不支持的子句 {tok.text}")
        if not returned:
            raise self.reject("查询必须以 RETURN 结尾")
        return returned

    def match(self, walk: _Walk) -> None:
        preds: list[str] = []
        while True:
            self.pattern(walk, "match", preds)
            if not self.op(","):
                break
            self.advance()
        self.where_with(walk, preds, end_ops=set())

    def where_with(self, walk: _Walk, preds: list[str], *, end_ops: set[str]) -> None:
        """Optional WHERE after a pattern; the scope predicates are ANDed in front of it."""
        pattern_end = self.t[self.i - 1].end
        if self.kw("WHERE"):
            where = self.advance()
            self.expr(walk, stops=end_ops, clause_stop=not end_ops)
            if preds:
                self.insert(where.end, f" ({' AND '.join(preds)}) AND (")
                self.insert(self.t[self.i - 1].end, ")")
        elif preds:
            self.insert(pattern_end, f" WHERE {' AND '.join(preds)}")

    def projection(self, walk: _Walk, *, is_return: bool, top: bool) -> set[str]:
        if self.kw("DISTINCT"):
            self.advance()
        names: set[str] = set()
        if self.op("*"):
            self.advance()
            names = set(walk.bound)
        else:
            while True:
                first = self.i
                self.expr(walk, stops={",", "AS"})
                if self.i == first:
                    raise self.reject("缺少返回项")
                if is_return and self.i == first + 1 and self.t[first].text in self.entity_vars:
                    raise self.reject(f"请返回属性（如 {self.t[first].text}.name），不要返回整个节点或关系")
                if self.kw("AS"):
                    self.advance()
                    name = self.expect_ident("别名").text
                elif self.i == first + 1 and self.t[first].kind is TokenKind.IDENT:
                    name = self.t[first].text
                else:
                    name = self.text[self.t[first].start : self.t[self.i - 1].end]
                names.add(name)
                if is_return and top:
                    self.columns.append(name)
                if not self.op(","):
                    break
                self.advance()
        scope = _Walk(walk.bound | names)
        if self.kw("ORDER"):
            self.advance()
            if not self.kw("BY"):
                raise self.reject("ORDER 后应为 BY")
            self.advance()
            while True:
                self.expr(scope, stops={","})
                if not self.op(","):
                    break
                self.advance()
        if self.kw("SKIP"):
            self.advance()
            self.expr(scope, stops=set())
        if self.kw("LIMIT"):
            self.advance()
            self.limit(scope, top=is_return and top)
        elif is_return and top:
            self.insert(self.t[self.i - 1].end, f" LIMIT {self.max_rows}")
        if not is_return and self.kw("WHERE"):
            self.advance()
            self.expr(_Walk(names), stops=set())
        return names

    def limit(self, walk: _Walk, *, top: bool) -> None:
        first = self.i
        self.expr(walk, stops=set())
        if not top:
            return
        toks = self.t[first : self.i]
        if len(toks) != 1 or toks[0].kind is not TokenKind.NUMBER or "." in toks[0].text:
            raise self.reject("LIMIT 必须是一个整数")
        if int(toks[0].text) > self.max_rows:
            self.edits.append(_Edit(toks[0].start, toks[0].end, str(self.max_rows), len(self.edits)))

    # ---- patterns --------------------------------------------------------------------------
    def rel_starts(self) -> bool:
        return (self.op("-") and self.op("[", "-", k=1)) or (self.op("<") and self.op("-", k=1))

    def pattern(self, walk: _Walk, ctx: str, preds: list[str]) -> None:
        tok = self.peek()
        if tok is not None and tok.kind is TokenKind.IDENT and self.op("=", k=1):
            if self.predicates is not None:
                raise self.reject("数据范围受限时不支持路径变量")
            walk.bound.add(self.advance().text)
            self.advance()
        self.node(walk, ctx, preds)
        while self.rel_starts():
            self.relationship(walk, ctx)
            self.node(walk, ctx, preds)

    def node(self, walk: _Walk, ctx: str, preds: list[str]) -> None:
        opening = self.expect_op("(")
        var = label = None
        if self.peek() is not None and self.peek().kind is TokenKind.IDENT:  # type: ignore[union-attr]
            var = self.advance().text
        if self.op(":"):
            self.advance()
            label = self.expect_ident("标签").text
            if label not in LABELS:
                raise self.reject(f"未知标签 {label}，可用标签：{', '.join(LABELS)}")
            if self.op(":", "|", "&"):
                raise self.reject("每个节点只能有一个标签")
            self.labels.add(label)
        if self.op("{"):
            self.prop_map(walk, label)
        self.expect_op(")")
        fresh = var is None or var not in walk.bound
        if var is not None:
            self.entity_vars.add(var)
            if label is not None:
                self.var_labels[var] = label
            if ctx != "predicate":
                walk.bound.add(var)
        if self.predicates is None or not fresh:
            return
        if label is None:
            raise self.reject("数据范围受限时，每个新出现的节点都必须写标签")
        pred = self.predicates.get(label)
        if pred is None:
            raise self.reject(f"当前数据范围不能查询 {label}")
        if not pred:
            return
        if ctx == "predicate":
            raise self.reject(f"WHERE 中的模式条件不能引入新的 {label} 节点，请改用 MATCH")
        if var is None:
            var = self.fresh_name()
            self.insert(opening.end, var)
        preds.append(pred.format(v=var))

    def relationship(self, walk: _Walk, ctx: str) -> None:
        if self.op("<"):
            self.advance()
        self.expect_op("-")
        if self.op("["):
            self.advance()
            tok = self.peek()
            if tok is not None and tok.kind is TokenKind.IDENT:
                name = self.advance().text
                self.entity_vars.add(name)
                if ctx != "predicate":
                    walk.bound.add(name)
            if self.op(":"):
                self.advance()
                self.rel_type()
                while self.op("|"):
                    self.advance()
                    if self.op(":"):
                        self.advance()
                    self.rel_type()
            if self.op("*"):
                self.var_length()
            if self.op("{"):
                raise self.reject("关系上没有属性，不能写属性条件")
            self.expect_op("]")
        self.expect_op("-")
        if self.op(">"):
            self.advance()

    def rel_type(self) -> None:
        name = self.expect_ident("关系类型").text
        if name not in REL_TYPES:
            raise self.reject(f"未知关系类型 {name}，可用：{', '.join(sorted(REL_TYPES))}")

    def var_length(self) -> None:
        if self.predicates is not None:
            raise self.reject("数据范围受限时不支持可变长路径")
        self.advance()
        lower = upper = None
        if self.peek() is not None and self.peek().kind is TokenKind.NUMBER:  # type: ignore[union-attr]
            lower = upper = int(self.advance().text)
        if self.op(".."):
            self.advance()
            upper = None
            if self.peek() is not None and self.peek().kind is TokenKind.NUMBER:  # type: ignore[union-attr]
                upper = int(self.advance().text)
        if upper is None or upper > MAX_VAR_LENGTH or (lower is not None and lower > upper):
            raise self.reject(f"可变长路径必须写上限，且不超过 {MAX_VAR_LENGTH}")

    def prop_map(self, walk: _Walk, label: str | None) -> None:
        self.expect_op("{")
        allowed = label_properties()[label] if label else all_properties()
        while not self.op("}"):
            key = self.expect_ident("属性名").text
            if key not in allowed:
                raise self.reject(f"{label or '节点'} 没有属性 {key}")
            self.expect_op(":")
            self.expr(walk, stops={",", "}"})
            if self.op(","):
                self.advance()
        self.advance()

    def pattern_at(self, j: int) -> bool:
        """Does the '(' at token ``j`` open a node pattern followed by a relationship?"""
        k = j + 1
        if k < len(self.t) and self.t[k].kind is TokenKind.IDENT:
            k += 1
        if k < len(self.t) and self.t[k].is_op(":"):
            k += 2
        if k < len(self.t) and self.t[k].is_op("{"):
            depth = 0
            while k < len(self.t):
                depth += self.t[k].is_op("{") - self.t[k].is_op("}")
                k += 1
                if depth == 0:
                    break
        if not (k < len(self.t) and self.t[k].is_op(")")):
            return False
        nxt = self.t[k + 1 : k + 3]
        return len(nxt) == 2 and (
            (nxt[0].is_op("-") and nxt[1].is_op("[", "-")) or (nxt[0].is_op("<") and nxt[1].is_op("-"))
        )

    def comprehension(self, walk: _Walk) -> None:
        self.expect_op("[")
        local = _Walk(set(walk.bound))
        preds: list[str] = []
        self.pattern(local, "comprehension", preds)
        self.where_with(local, preds, end_ops={"|"})
        self.expect_op("|")
        self.expr(local, stops={"]"})
        self.expect_op("]")

    # ---- expressions -----------------------------------------------------------------------
    def expr(self, walk: _Walk, *, stops: set[str], clause_stop: bool = True) -> None:
        """Consume one expression; stop before a closer, a stop token or (optionally) a clause."""
        while (tok := self.peek()) is not None:
            if tok.is_op(")", "]", "}") or (tok.kind is TokenKind.OP and tok.text in stops):
                return
            if tok.upper in stops:
                return
            if clause_stop and tok.upper in CLAUSE_KEYWORDS:
                prev = self.peek(-1)
                if not (tok.upper == "WITH" and prev is not None and prev.upper in ("STARTS", "ENDS")):
                    return
            self.step(walk)

    def group(self, walk: _Walk, close: str) -> None:
        self.advance()
        while not self.op(close):
            if self.peek() is None:
                raise self.reject(f"缺少 {close!r}")
            if self.op(")", "]", "}"):
                raise self.reject("括号不匹配")
            self.step(walk)
        self.advance()

    def step(self, walk: _Walk) -> None:
        tok = self.peek()
        assert tok is not None
        prev = self.peek(-1)
        if tok.is_op("("):
            after_function = (
                prev is not None and prev.kind is TokenKind.IDENT and prev.upper not in _EXPR_KEYWORDS
            )
            if not after_function and self.pattern_at(self.i):
                self.pattern(walk, "predicate", [])
            else:
                self.group(walk, ")")
        elif tok.is_op("["):
            if self.op("(", k=1) and self.pattern_at(self.i + 1):
                self.comprehension(walk)
            else:
                self.group(walk, "]")
        elif tok.is_op("{"):
            self.map_literal(walk)
        elif tok.is_op("."):
            self.advance()
            name = self.expect_ident("属性名")
            if self.op("("):
                raise self.reject("不允许调用带命名空间的函数或过程")
            owner = (
                self.var_labels.get(prev.text) if prev is not None and prev.kind is TokenKind.IDENT else None
            )
            allowed = label_properties()[owner] if owner else all_properties()
            if name.text not in allowed:
                raise self.reject(f"{owner or '节点'} 没有属性 {name.text}")
        elif tok.kind is TokenKind.IDENT:
            self.ident(walk, tok)
        elif tok.kind is TokenKind.PARAM:
            if tok.text not in self.allowed_params:
                raise self.reject(f"未知参数 ${tok.text}，只能使用：{', '.join(sorted(self.allowed_params))}")
            self.params.add(tok.text)
            self.advance()
        elif tok.is_op(":"):
            raise self.reject("不支持列表切片或此处的冒号")
        elif tok.is_op("-") and self.op("[", k=1):
            raise self.reject("无法识别的关系模式")
        else:
            self.advance()

    def ident(self, walk: _Walk, tok: Token) -> None:
        word = tok.upper
        if self.op("(", k=1) and word not in _EXPR_KEYWORDS:
            if tok.text.lower() not in ALLOWED_FUNCTIONS:
                hint = "；时间请用毫秒时间戳和 $now_ms" if word in _TIME_FUNCTIONS else ""
                raise self.reject(f"不允许的函数 {tok.text}{hint}")
            self.advance()
            return
        if self.op("{", k=1) and word in ("EXISTS", "COUNT", "COLLECT"):
            raise self.reject(f"不支持 {word} {{…}} 子查询，请用模式条件或 MATCH")
        if self.op(".", k=1) and self.op("(", k=3):
            raise self.reject("不允许调用带命名空间的函数或过程")
        if self.op(":", k=1):
            if self.predicates is not None and self.op("(", k=-1):
                raise self.reject("无法识别的节点模式")
            self.advance()
            self.advance()
            label = self.expect_ident("标签").text
            if label not in LABELS:
                raise self.reject(f"未知标签 {label}")
            return
        self.advance()

    def map_literal(self, walk: _Walk) -> None:
        self.advance()
        while not self.op("}"):
            if self.peek() is None:
                raise self.reject("缺少 '}'")
            tok = self.peek()
            if tok is not None and tok.kind in (TokenKind.IDENT, TokenKind.STRING) and self.op(":", k=1):
                self.advance()
                self.advance()
                continue
            if self.op(")", "]"):
                raise self.reject("括号不匹配")
            self.step(walk)
        self.advance()


_EXPR_KEYWORDS = frozenset(
    {"AND", "OR", "XOR", "NOT", "IN", "IS", "NULL", "WHEN", "THEN", "ELSE", "CASE", "END", "AS",
     "WHERE", "CONTAINS", "DISTINCT", "RETURN", "WITH", "BY", "STARTS", "ENDS"}
)  # fmt: skip
_TIME_FUNCTIONS = frozenset({"DATETIME", "DATE", "TIME", "LOCALDATETIME", "LOCALTIME", "DURATION"})


def _lexical_checks(tokens: list[Token], text: str) -> list[Token]:
    """Checks no parse can be fooled about: comments, backticks, statements, forbidden words."""
    for pos, tok in enumerate(tokens):
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


def guard_cypher(
    query: str, *, params: Collection[str], level: ScopeLevel = ScopeLevel.CITY, max_rows: int = 200
) -> GuardedQuery:
    """Check ``query`` and return it rewritten (scope predicates, LIMIT), or raise ``CypherRejectedError``.

    ``params`` are the names the caller will bind (``now_ms``, ``scope_*``); ``level`` selects the
    scope predicates (the values come from ``graph.cypher_catalog.scope_parameters``).
    """
    try:
        tokens = tokenize(query)
    except CypherSyntaxError as exc:
        raise CypherRejectedError(str(exc), query=query) from exc
    tokens = _lexical_checks(tokens, query)
    text = query[: tokens[-1].end]
    guard = _Guard(text, tokens, params, level, max_rows)
    guard.query(_Walk(), top=True)
    out, pos = [], 0
    for edit in sorted(guard.edits, key=lambda e: (e.start, e.seq)):
        out.append(text[pos : edit.start])
        out.append(edit.text)
        pos = max(pos, edit.end)
    out.append(text[pos:])
    return GuardedQuery(
        text="".join(out),
        labels=frozenset(guard.labels),
        params=frozenset(guard.params),
        columns=tuple(guard.columns),
        limit=max_rows,
    )
