"""Tier names a plan equates with numbered levels one by one: "企业级为三级响应，园区级为二级响应，社会级为一级响应"
(or "车间级对应Ⅱ级", "公司级即一级响应").

The gloss and list forms ("分为公司级（一级）、车间级（二级）", "分为A、B，分别对应一级、二级") are read in
rules_level_fields; this is the third way plans write the same mapping, one "A为B级" clause per tier. It counts only
where the text equates two tiers or more (one "X为一级" clause alone may be a sentence about something else).
"""

from __future__ import annotations

import re

from agents.llm.vocab import normalise_level

_LEVEL_TOKEN = r"(?:[ⅠⅡⅢⅣ]|IV|III|II|I|[一二三四1-4])"  # noqa: S105 - a regex (as rules_level_fields)
_EQUATED = re.compile(
    rf"([\u4e00-\u9fff]{{1,6}}级)(?:应急)?(?:响应)?\s*(?:为|即为?|对应|相当于)\s*({_LEVEL_TOKEN})\s*级(?:应急)?(?:响应)?"
)


def equated_names(text: str) -> dict[str, str]:
    """{tier name: level} of the "A级为B级响应" clauses of ``text``; empty unless two or more tiers are equated."""
    names: dict[str, str] = {}
    for m in _EQUATED.finditer(text):
        name, level = m.group(1), normalise_level(m.group(2) + "级")
        if level is not None and normalise_level(name) is None:
            names[name] = level
    return names if len(names) >= 2 else {}
