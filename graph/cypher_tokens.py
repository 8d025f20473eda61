"""A Cypher tokenizer for checking untrusted (LLM-written) queries. Pure.

Why our own: the parsers on PyPI either fail on ordinary read queries or cannot give the token
positions the scope rewrite needs (docs/adr/0008-text-to-cypher-guard.md). The tokenizer knows
exactly the lexical forms that can hide text from a naive check: string literals (both quotes,
backslash escapes), ``//`` and ``/* */`` comments, backtick identifiers and ``$`` parameters. Any
character it does not understand is an error, so nothing slips through as "unknown".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class TokenKind(StrEnum):
    IDENT = "ident"
    STRING = "string"
    NUMBER = "number"
    PARAM = "param"
    OP = "op"
    COMMENT = "comment"
    QUOTED = "quoted"  # `backtick identifier`


@dataclass(frozen=True)
class Token:
    kind: TokenKind
    text: str
    start: int  # character offsets into the query text
    end: int

    @property
    def upper(self) -> str:
        return self.text.upper() if self.kind is TokenKind.IDENT else ""

    def is_op(self, *ops: str) -> bool:
        return self.kind is TokenKind.OP and self.text in ops


class CypherSyntaxError(ValueError):
    """The text is not lexically valid Cypher (unterminated string, stray character …)."""


_MULTI_OPS = ("<>", "<=", ">=", "=~", "+=", "..", "!=")
_SINGLE_OPS = set("()[]{},.:;|+-*/%^=<>")
_ESCAPES = set("\\'\"bfnrtu")


# ASCII identifiers only: FalkorDB's parser rejects non-ASCII names, and a Chinese word outside
# quotes is nearly always a value the model forgot to quote; the error message says so.
def _is_ident_start(ch: str) -> bool:
    return ch == "_" or (ch.isascii() and ch.isalpha())


def _is_ident_part(ch: str) -> bool:
    return ch == "_" or (ch.isascii() and ch.isalnum())


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        start = i
        if text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end == -1 else end
            tokens.append(Token(TokenKind.COMMENT, text[start:i], start, i))
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end == -1:
                raise CypherSyntaxError("注释没有结束（缺少 */）")
            i = end + 2
            tokens.append(Token(TokenKind.COMMENT, text[start:i], start, i))
            continue
        if ch in "'\"":
            i = _string_end(text, i)
            tokens.append(Token(TokenKind.STRING, text[start:i], start, i))
            continue
        if ch == "`":
            end = text.find("`", i + 1)
            if end == -1:
                raise CypherSyntaxError("反引号标识符没有结束")
            i = end + 1
            tokens.append(Token(TokenKind.QUOTED, text[start:i], start, i))
            continue
        if ch == "$":
            i += 1
            while i < n and _is_ident_part(text[i]):
                i += 1
            if i == start + 1:
                raise CypherSyntaxError("$ 后缺少参数名")
            tokens.append(Token(TokenKind.PARAM, text[start + 1 : i], start, i))
            continue
        if ch.isdigit():
            i = _number_end(text, i)
            tokens.append(Token(TokenKind.NUMBER, text[start:i], start, i))
            continue
        if _is_ident_start(ch):
            while i < n and _is_ident_part(text[i]):
                i += 1
            tokens.append(Token(TokenKind.IDENT, text[start:i], start, i))
            continue
        op = next((m for m in _MULTI_OPS if text.startswith(m, i)), None)
        if op is None and ch in _SINGLE_OPS:
            op = ch
        if op is None and not ch.isascii():
            raise CypherSyntaxError(
                f"引号外出现了中文或全角字符 {ch!r}（位置 {i}）：中文值要写在英文单引号里，别名和变量名只用英文字母"
            )
        if op is None:
            raise CypherSyntaxError(f"无法识别的字符 {ch!r}（位置 {i}）")
        i += len(op)
        tokens.append(Token(TokenKind.OP, op, start, i))
    return tokens


def _string_end(text: str, i: int) -> int:
    quote, i, n = text[i], i + 1, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            if i + 1 >= n or text[i + 1] not in _ESCAPES:
                raise CypherSyntaxError("字符串中有无效的转义")
            i += 2
            continue
        if ch == quote:
            return i + 1
        i += 1
    raise CypherSyntaxError("字符串没有结束（缺少引号）")


def _number_end(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i].isdigit():
        i += 1
    # "1..3" is a range, "1.5" a float.
    if i + 1 < n and text[i] == "." and text[i + 1].isdigit():
        i += 1
        while i < n and text[i].isdigit():
            i += 1
    if i < n and (text[i].isalpha() or text[i] == "_"):
        raise CypherSyntaxError(f"数字后紧跟字母（位置 {i}）")
    return i
