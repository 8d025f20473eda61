"""Level headings that grade an event rather than a response: "3.2.1 一般停电事件（Ⅳ级）",
"（二）较大地质灾害险情（Ⅲ级）", "第八条 中型地质灾害险情（二级响应）".

Many town and department plans title each level after the event it answers, with a topic word between the
grade and the event noun, and give the level only in the bracket; the whole title is the level's name.
"""

from __future__ import annotations

import re

from agents.llm.vocab import normalise_level
from plans.rules_level_fields import _LEVEL_TOKEN, strip_number
from plans.structure import Block

# The event noun that ends the title before its bracket; the words before it (grade and topic) are free,
# so "小型地质灾害险情" and "重大停电事件" read alike
_GRADED_EVENT = re.compile(
    rf"^([\u4e00-\u9fff]{{2,14}}?(?:事故|事件|险情|灾情|警情|火灾))\s*[（(]\s*({_LEVEL_TOKEN})\s*级\s*(?:应急)?(?:响应)?\s*[)）]$"
)


def graded_event_heading(heading: str) -> tuple[str, str] | None:
    """(level, name) of a heading "<grade><topic><event>（<N>级）", else None."""
    title = re.sub(r"^第[一二三四五六七八九十百\d]+条\s*", "", strip_number(heading.strip())).replace(" ", "")
    m = _GRADED_EVENT.match(title)
    if not m:
        return None
    level = normalise_level(m.group(2) + "级")
    return (level, title) if level else None


def title_line(block: Block) -> bool:
    """A paragraph that is only such a title ("第六条 小型泄漏险情（三级响应）" on its own line): a heading
    set in the body font, as a PDF gives an article heading."""
    text = block.text.strip()
    return (
        block.kind == "paragraph"
        and not re.search(r"[，,。；;：:]", text)
        and bool(graded_event_heading(text))
    )


# "…时，由储运部经理指挥。" — the sentence that names the commander and ends there
_COMMAND_SENTENCE = re.compile(r"由[^，,。；;：:]{2,20}?(?:负责|统一|组织)?指挥\s*。")


def measures_after_command(text: str) -> list[str]:
    """Under a level heading, "<cause>时，由X指挥。a，b。": the sentences after the command are the level's
    measures, one per "；" clause, or one per "，" clause where a sentence has no "；" (a short list of
    acts written as one sentence). Nothing when no sentence follows or the text has a labelled list."""
    m = _COMMAND_SENTENCE.search(text)
    rest = text[m.end() :].strip() if m else ""
    if not rest or re.search(r"[:：]", rest):
        return []
    out: list[str] = []
    for sentence in re.split(r"。", rest):
        clauses = (
            re.split(r"[；;]", sentence) if re.search(r"[；;]", sentence) else re.split(r"[，,]", sentence)
        )
        out += [c.strip() for c in clauses if c.strip()]
    return out
