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

from collections.abc import Collection

from core.scope import ScopeLevel
from graph.cypher_catalog import REL_TYPES, all_properties, label_properties
from graph.cypher_cursor import (
    ADMIN_KEYWORDS,
    CLAUSE_KEYWORDS,
    MAX_VAR_LENGTH,
    WRITE_KEYWORDS,
    CypherRejectedError,
    Edit,
    GuardedQuery,
    Walk,
    lexical_checks,
)
from graph.cypher_expr import ExpressionWalker
from graph.cypher_repairs import mid_query_returns
from graph.cypher_schema_check import Direction, EdgeVerdict, RelPattern, check_edge, property_hint
from graph.cypher_tokens import CypherSyntaxError, TokenKind, tokenize
from graph.schema import LABELS

__all__ = [
    "ADMIN_KEYWORDS",
    "CLAUSE_KEYWORDS",
    "WRITE_KEYWORDS",
    "CypherRejectedError",
    "GuardedQuery",
    "guard_cypher",
]


class _Guard(ExpressionWalker):
    """Clauses and patterns; expressions come from ``ExpressionWalker``."""

    def query(self, walk: Walk, *, top: bool) -> set[str]:
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
                inner = self.query(Walk(), top=False)
                self.expect_op("}")
                walk.bound |= inner
            else:
                self.i -= 1
                raise self.reject(f"不支持的子句 {tok.text}")
        if not returned:
            raise self.reject("查询必须以 RETURN 结尾")
        return returned

    def match(self, walk: Walk) -> None:
        preds: list[str] = []
        while True:
            self.pattern(walk, "match", preds)
            if not self.op(","):
                break
            self.advance()
        self.where_with(walk, preds, end_ops=set())

    def where_with(self, walk: Walk, preds: list[str], *, end_ops: set[str]) -> None:
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

    def projection(self, walk: Walk, *, is_return: bool, top: bool) -> set[str]:
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
        scope = Walk(walk.bound | names)
        if self.kw("GROUP") and self.kw("BY", k=1):
            # SQL habit: Cypher groups by the non-aggregated items already, so GROUP BY is dropped.
            start = self.advance()
            self.advance()
            self.expr(scope, stops=set())
            self.edits.append(Edit(start.start, self.t[self.i - 1].end, "", len(self.edits)))
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
            self.expr(Walk(names), stops=set())
        return names

    def limit(self, walk: Walk, *, top: bool) -> None:
        first = self.i
        self.expr(walk, stops=set())
        if not top:
            return
        toks = self.t[first : self.i]
        if len(toks) != 1 or toks[0].kind is not TokenKind.NUMBER or "." in toks[0].text:
            raise self.reject("LIMIT 必须是一个整数")
        if int(toks[0].text) > self.max_rows:
            self.edits.append(Edit(toks[0].start, toks[0].end, str(self.max_rows), len(self.edits)))

    # ---- patterns --------------------------------------------------------------------------
    def rel_starts(self) -> bool:
        return (self.op("-") and self.op("[", "-", k=1)) or (self.op("<") and self.op("-", k=1))

    def pattern(self, walk: Walk, ctx: str, preds: list[str]) -> None:
        tok = self.peek()
        if tok is not None and tok.kind is TokenKind.IDENT and self.op("=", k=1):
            if self.predicates is not None:
                raise self.reject("数据范围受限时不支持路径变量")
            walk.bound.add(self.advance().text)
            self.advance()
        left = self.node(walk, ctx, preds)
        while self.rel_starts():
            rel = self.relationship(walk, ctx)
            right = self.node(walk, ctx, preds)
            self.check_edge(left, rel, right)
            left = right

    def check_edge(self, left: str | None, rel: RelPattern, right: str | None) -> None:
        """Refuse an edge the schema cannot hold; turn round one that is only reversed."""
        if left is None or right is None or not rel.types or rel.var_length:
            return
        try:
            verdict = check_edge(left, rel.types, rel.direction, right)
        except ValueError as exc:
            raise CypherRejectedError(str(exc), query=self.text) from exc
        if verdict is EdgeVerdict.FLIP:
            for start, end, text in rel.flipped():
                self.edits.append(Edit(start, end, text, len(self.edits)))

    def node(self, walk: Walk, ctx: str, preds: list[str]) -> str | None:
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
        known = label or (self.var_labels.get(var) if var is not None else None)
        if self.predicates is None or not fresh:
            return known
        if label is None:
            raise self.reject("数据范围受限时，每个新出现的节点都必须写标签")
        pred = self.predicates.get(label)
        if pred is None:
            raise self.reject(f"当前数据范围不能查询 {label}")
        if not pred:
            return known
        if ctx == "predicate":
            raise self.reject(
                f"WHERE 中的模式条件不能引入新的 {label} 节点，请改用 MATCH"
                "（判断“没有”用 OPTIONAL MATCH … WITH e, count(x) AS n WHERE n = 0）"
            )
        if var is None:
            var = self.fresh_name()
            self.insert(opening.end, var)
        preds.append(pred.format(v=var))
        return known

    def relationship(self, walk: Walk, ctx: str) -> RelPattern:
        incoming = self.advance() if self.op("<") else None
        first = self.expect_op("-")
        types: list[str] = []
        var_length = False
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
                types.append(self.rel_type())
                while self.op("|"):
                    self.advance()
                    if self.op(":"):
                        self.advance()
                    types.append(self.rel_type())
            if self.op("*"):
                var_length = True
                self.var_length()
            if self.op("{"):
                raise self.reject("关系上没有属性，不能写属性条件")
            self.expect_op("]")
        last = self.expect_op("-")
        outgoing = self.advance() if self.op(">") else None
        if (incoming is None) == (outgoing is None):
            direction = Direction.BOTH
        else:
            direction = Direction.IN if incoming is not None else Direction.OUT
        return RelPattern(types, direction, (first, last), incoming or outgoing, var_length)

    def rel_type(self) -> str:
        name = self.expect_ident("关系类型").text
        if name not in REL_TYPES:
            raise self.reject(f"未知关系类型 {name}，可用：{', '.join(sorted(REL_TYPES))}")
        return name

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

    def prop_map(self, walk: Walk, label: str | None) -> None:
        self.expect_op("{")
        allowed = label_properties()[label] if label else all_properties()
        while not self.op("}"):
            key = self.expect_ident("属性名").text
            if key not in allowed:
                raise self.reject(property_hint(label, key) if label else f"节点没有属性 {key}")
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

    def comprehension(self, walk: Walk) -> None:
        self.expect_op("[")
        local = Walk(set(walk.bound))
        preds: list[str] = []
        self.pattern(local, "comprehension", preds)
        self.where_with(local, preds, end_ops={"|"})
        self.expect_op("|")
        self.expr(local, stops={"]"})
        self.expect_op("]")

    # ---- expressions -----------------------------------------------------------------------


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
    tokens = lexical_checks(tokens, query)
    text = query[: tokens[-1].end]
    middle = mid_query_returns(tokens)
    if middle:
        # "… RETURN a AS x MATCH …" is a WITH the model called RETURN; rename it and walk again.
        for tok in reversed(middle):
            text = text[: tok.start] + "WITH" + text[tok.end :]
        tokens = lexical_checks(tokenize(text), text)
    guard = _Guard(text, tokens, params, level, max_rows)
    guard.query(Walk(), top=True)
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
