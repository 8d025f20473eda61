"""Schema checks the Cypher guard makes on relationship patterns and properties. Pure.

A small model often writes an edge the graph cannot hold: ``(:Event)-[:OCCURRED_AT]->(:Town)``,
``(:Enterprise)-[:LOCATED_IN]->(:Sensor)``, or an arrow the wrong way round. Such a query is valid
Cypher and runs, but always returns nothing, so the user is told "no data" when there is data.
The guard asks here instead: a reversed arrow whose reverse exists is turned round (one edit, no
second model call); any other impossible edge is refused with the edges that do connect the two
labels, which is what the model needs for its one retry.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from graph.cypher_catalog import REL_TRIPLES, label_properties
from graph.cypher_tokens import Token


class Direction(Enum):
    OUT = "->"
    IN = "<-"
    BOTH = "--"


class EdgeVerdict(Enum):
    OK = "ok"
    FLIP = "flip"  # valid only the other way round


@dataclass(frozen=True)
class RelPattern:
    """One relationship of a pattern as written: types, arrow, and the tokens to edit when turning it."""

    types: list[str]
    direction: Direction
    dashes: tuple[Token, Token]
    arrow: Token | None  # the '<' or '>' (None when undirected)
    var_length: bool

    def flipped(self) -> list[tuple[int, int, str]]:
        """Text edits (start, end, replacement) that turn the arrow round."""
        if self.arrow is None:
            return []
        first, last = self.dashes
        if self.direction is Direction.OUT:  # -[…]->  →  <-[…]-
            return [(first.start, first.start, "<"), (self.arrow.start, self.arrow.end, "")]
        return [(self.arrow.start, self.arrow.end, ""), (last.end, last.end, ">")]  # <-[…]-  →  -[…]->


def _triple_text(triple: tuple[str, str, str]) -> str:
    src, rel, dst = triple
    return f"(:{src})-[:{rel}]->(:{dst})"


def _between(a: str, b: str) -> list[tuple[str, str, str]]:
    return sorted(t for t in REL_TRIPLES if {t[0], t[2]} == {a, b} and (t[0] == a or t[2] == a))


def _via(a: str, b: str, limit: int = 3) -> list[str]:
    """Two-edge connections a–m–b, for labels with no direct edge."""
    found: list[str] = []
    for first in sorted(REL_TRIPLES):
        if a not in (first[0], first[2]):
            continue
        middle = first[2] if first[0] == a else first[0]
        if middle in (a, b):
            continue
        for second in _between(middle, b):
            found.append(f"{_triple_text(first)} 与 {_triple_text(second)}")
            if len(found) >= limit:
                return found
    return found


def connection_hint(left: str, right: str) -> str:
    direct = _between(left, right)
    if direct:
        return f"{left} 与 {right} 之间可用的关系：" + "、".join(_triple_text(t) for t in direct)
    via = _via(left, right)
    if via:
        return f"{left} 与 {right} 之间没有直接关系，可经中间节点连接：" + "；".join(via)
    return f"{left} 与 {right} 之间没有关系"


def check_edge(left: str, types: list[str], direction: Direction, right: str) -> EdgeVerdict:
    """Is ``(:left)-[:types]-(:right)`` (in ``direction``) an edge the schema can hold?

    Raises ``ValueError`` with a Chinese reason and the valid alternatives when it is not.
    """

    def holds(src: str, dst: str) -> bool:
        return any((src, t, dst) in REL_TRIPLES for t in types)

    if direction is Direction.BOTH:
        if holds(left, right) or holds(right, left):
            return EdgeVerdict.OK
    elif direction is Direction.OUT:
        if holds(left, right):
            return EdgeVerdict.OK
        if holds(right, left):
            return EdgeVerdict.FLIP
    else:
        if holds(right, left):
            return EdgeVerdict.OK
        if holds(left, right):
            return EdgeVerdict.FLIP
    written = "|".join(types)
    shown = (
        f"(:{left})<-[:{written}]-(:{right})"
        if direction is Direction.IN
        else f"(:{left})-[:{written}]{'->' if direction is Direction.OUT else '-'}(:{right})"
    )
    raise ValueError(f"图谱中没有 {shown} 这种关系；{connection_hint(left, right)}")


def property_hint(owner: str, name: str) -> str:
    """Why ``owner.name`` is wrong and what to write instead (other labels' property, or an edge)."""
    have = sorted(label for label, props in label_properties().items() if name in props)
    own = ", ".join(sorted(label_properties()[owner]))
    where = f"；有属性 {name} 的是 {'、'.join(have)}（需要先 MATCH 到该节点）" if have else ""
    edges = sorted(t for t in REL_TRIPLES if owner in (t[0], t[2]))
    related = "、".join(_triple_text(t) for t in edges[:8])
    via = f"；相关的节点要经关系 MATCH：{related}" if related and not have else ""
    return f"{owner} 没有属性 {name}{where}；{owner} 的属性：{own}{via}"
