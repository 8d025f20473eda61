"""Build evals/datasets/enterprise_retrieval.jsonl from the fixed demo city (deterministic rules).

    python -m evals.build_retrieval_dataset

The queries imitate what a duty officer types: the full name, the short name without the place
and legal-form words, a common abbreviation (字号 + contracted industry word), a typo (two
characters swapped or one dropped) and the pinyin initials of the short name. A query that would
also match another enterprise's short name is dropped, so every case has one right answer.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from pypinyin import Style, lazy_pinyin

from ingestion.demo import generate_city

SEED, SCALE, NOW = 20261125, 2000, 1_764_000_000_000  # the eval city (fixed)
OUT = Path(__file__).parent / "datasets" / "enterprise_retrieval.jsonl"
_PREFIX = re.compile(r"^(江苏省?|江阴市?|无锡市?)+")
_SUFFIX = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团|分公司|加油站)+$")


def short_name(name: str) -> str:
    return _SUFFIX.sub("", _PREFIX.sub("", name))


def abbreviation(short: str) -> str | None:
    """字号 (two characters) + the industry word contracted to its 1st and 3rd characters."""
    brand, industry = short[:2], short[2:]
    if len(industry) == 4:
        return brand + industry[0] + industry[2]
    return None


def typo(short: str, rng: random.Random) -> str | None:
    if len(short) < 4:
        return None
    i = rng.randrange(1, len(short) - 1)
    if rng.random() < 0.5:
        return short[:i] + short[i + 1] + short[i] + short[i + 2 :]
    return short[:i] + short[i + 1 :]


def initials(short: str) -> str:
    return "".join(lazy_pinyin(short, style=Style.FIRST_LETTER))


def build() -> list[dict[str, str]]:
    enterprises = [(e.id, e.name) for e in generate_city(SEED, SCALE, NOW) if e.label == "Enterprise"]
    shorts = [short_name(n) for _, n in enterprises]
    all_initials = [initials(s) for s in shorts]
    rng = random.Random(SEED)  # noqa: S311 - sampling, not crypto
    cases: list[dict[str, str]] = []
    for idx in rng.sample(range(len(enterprises)), 60):
        uscc, name = enterprises[idx]
        short = shorts[idx]
        candidates = {
            "full_name": name,
            "short_name": short,
            "abbreviation": abbreviation(short),
            "typo": typo(short, rng),
            "pinyin_initials": initials(short),
        }
        for kind, query in candidates.items():
            if not query or (query == name and kind != "full_name"):
                continue
            if kind == "pinyin_initials":
                unique = all_initials.count(query) == 1
            elif kind in ("short_name", "full_name"):
                unique = sum(query in n for _, n in enterprises) == 1
            else:
                unique = sum(query in s for s in shorts) <= 1
            if unique:
                cases.append({"query": query, "expected_uscc": uscc, "kind": kind, "name": name})
    return cases


def main() -> None:
    cases = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    print(f"{len(cases)} cases → {OUT}")  # noqa: T201 - CLI output


if __name__ == "__main__":
    main()
