"""Expression walking for the Cypher guard: properties, functions, parameters, maps, nested patterns.

Expressions are consumed token by token until a stop token or clause keyword; brackets recurse.
A ``(`` that opens a node pattern followed by a relationship, and a ``[`` that opens a pattern
comprehension, are handed back to the pattern walker (``graph.cypher_guard``).
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from graph.cypher_catalog import ALLOWED_FUNCTIONS, all_properties, label_properties
from graph.cypher_cursor import CLAUSE_KEYWORDS, Edit, TokenCursor, Walk
from graph.cypher_schema_check import property_hint
from graph.cypher_tokens import Token, TokenKind
from graph.schema import LABELS

_EXPR_KEYWORDS = frozenset(
    {"AND", "OR", "XOR", "NOT", "IN", "IS", "NULL", "WHEN", "THEN", "ELSE", "CASE", "END", "AS",
     "WHERE", "CONTAINS", "DISTINCT", "RETURN", "WITH", "BY", "STARTS", "ENDS"}
)  # fmt: skip
_TIME_FUNCTIONS = frozenset({"DATETIME", "DATE", "TIME", "LOCALDATETIME", "LOCALTIME", "DURATION"})


class ExpressionWalker(TokenCursor, ABC):
    """Expressions; patterns inside them are the pattern walker's job (graph.cypher_guard._Guard)."""

    @abstractmethod
    def pattern(self, walk: Walk, ctx: str, preds: list[str]) -> None:
        """Consume a node/relationship pattern at the cursor."""

    @abstractmethod
    def pattern_at(self, j: int) -> bool:
        """Whether a pattern starts at token ``j``."""

    @abstractmethod
    def comprehension(self, walk: Walk) -> None:
        """Consume a list or pattern comprehension at the cursor."""

    def expr(self, walk: Walk, *, stops: set[str], clause_stop: bool = True) -> None:
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

    def group(self, walk: Walk, close: str) -> None:
        self.advance()
        while not self.op(close):
            if self.peek() is None:
                raise self.reject(f"缺少 {close!r}")
            if self.op(")", "]", "}"):
                raise self.reject("括号不匹配")
            self.step(walk)
        self.advance()

    def step(self, walk: Walk) -> None:
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
                raise self.reject(property_hint(owner, name.text) if owner else f"节点没有属性 {name.text}")
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

    def ident(self, walk: Walk, tok: Token) -> None:
        word = tok.upper
        if word == "EXISTS" and self.op("(", k=1) and self.pattern_at(self.i + 2):
            # exists((a)-[:R]->(b)) is gone in Neo4j 5; the bare pattern predicate means the same.
            opening = self.t[self.i + 1]
            self.edits.append(Edit(tok.start, opening.end, "", len(self.edits)))
            self.i += 2
            self.pattern(walk, "predicate", [])
            closing = self.expect_op(")")
            self.edits.append(Edit(closing.start, closing.end, "", len(self.edits)))
            return
        if self.op("(", k=1) and word not in _EXPR_KEYWORDS:
            if tok.text.lower() not in ALLOWED_FUNCTIONS:
                hint = "；时间请用毫秒时间戳和 $now_ms" if word in _TIME_FUNCTIONS else ""
                raise self.reject(f"不允许的函数 {tok.text}{hint}")
            self.advance()
            return
        if self.op("{", k=1) and word in ("EXISTS", "COUNT", "COLLECT"):
            raise self.reject(f"不支持 {word} {{…}} 子查询，请用模式条件或 MATCH")
        if self.op(".", k=1) and self.op("(", k=3):
            if tok.text in walk.bound:
                raise self.reject(
                    f"{tok.text}.{self.t[self.i + 2].text}(…) 不是函数：属性后面不能加括号；"
                    "判断有没有某种关系请用 MATCH 模式"
                )
            raise self.reject("不允许调用带命名空间的函数或过程")
        unbound = tok.text not in walk.bound
        if unbound and (
            (self.op(".", k=1) and not self.op(".", "(", k=3))  # h.level
            or (self.op(":", k=1) and not self.op("(", k=-1))  # p:Penalty in WHERE
            or (self.op(")", ",", k=1) and (self.op("(", k=-1) or self.kw("DISTINCT", k=-1)))  # count(e)
        ):
            # The engines only say "'h' not defined"; the model needs to know what to do about it.
            raise self.reject(
                f"变量 {tok.text} 在这里没有定义：先用 MATCH ({tok.text}:标签) 绑定它；"
                f"经过 WITH 之后只能用 WITH 带下来的变量"
            )
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

    def map_literal(self, walk: Walk) -> None:
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
