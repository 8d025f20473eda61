"""Few-shot examples for text-to-Cypher, chosen by similarity to the question. Pure.

Similarity is the Jaccard overlap of character bigrams (Chinese has no spaces, and the examples are
short), plus a bonus for sharing the labels the schema filter picked: a question about hazards gets
hazard examples even when its wording differs.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from agents.llm.prompts import PROMPTS_DIR

EXAMPLES_PATH = PROMPTS_DIR / "text_to_cypher" / "examples.toml"
_LABEL = re.compile(r":([A-Z][A-Za-z]+)")


class CypherExample(BaseModel):
    model_config = ConfigDict(frozen=True)

    question: str
    cypher: str

    @property
    def labels(self) -> frozenset[str]:
        return frozenset(_LABEL.findall(self.cypher))


@cache
def load_examples(path: Path = EXAMPLES_PATH) -> tuple[CypherExample, ...]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(CypherExample.model_validate(item) for item in data["example"])


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"\s+", "", text)
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def pick_examples(
    question: str, labels: list[str], *, k: int = 4, examples: tuple[CypherExample, ...] | None = None
) -> list[CypherExample]:
    pool = examples if examples is not None else load_examples()
    q = _bigrams(question)
    wanted = set(labels)

    def score(ex: CypherExample) -> float:
        b = _bigrams(ex.question)
        text = len(q & b) / len(q | b)
        shared = len(ex.labels & wanted) / max(len(ex.labels | wanted), 1)
        return text + 0.5 * shared

    return sorted(pool, key=score, reverse=True)[:k]


def render_examples(examples: list[CypherExample]) -> str:
    return "\n".join(f'问题：{ex.question}\n输出：{{"cypher": "{ex.cypher}"}}' for ex in examples)
