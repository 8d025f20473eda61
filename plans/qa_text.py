"""Question-and-answer layouts read as text: each question becomes the heading of its answer.

Plans written as an FAQ or a training handout ("Q1：指挥部负责什么？" / "A1：…", "1．问：…" / "答：…",
"【问】…" / "【答】…") put the topic in the question and the content in the answer. The rules read
headings over "key：value" paragraphs and sentences, so ``qa_blocks`` rewrites such pairs into
those shapes, in order, and leaves every other block as it is:

- a question line that an answer line follows → a heading one level below the section it is in,
  without its Q / 问 marker and its question mark; a question about a body's or post's work
  ("抢险组负责什么", "总指挥具体做什么", "办公室的职责是什么") → "<name>职责", the heading the
  duty rules know;
- the answer marker (A1：/ 答：/ 【答】) goes: it is layout, not text;
- an answer that is a titled post's duty list ("总指挥：a；b；c": a post title as the one label, several
  "；" clauses, no further label) → a "<post>职责" heading over one list item per clause (no second
  heading when the question already says so), the shape the post-duty rules read; a post that is no
  title ("维修工：a；b") stays a "<post>：a；b" paragraph, which those rules read as it is;
- an answer enumerated as "一是a；二是b" (or "其一…；其二…") → one list item per part, so each part is
  read on its own (two response levels in one answer, one duty per part).

Blocks are renumbered like ``plans.outline_text``: ``Block.paragraph`` indexes the returned list.
"""

from __future__ import annotations

import re

from plans.rules_org_names import ROLE_TITLES
from plans.structure import Block, BlockKind, rewritten_heading, rewritten_text

_NUMBER = r"(?:\d{1,3}\s*[．.、]\s*)?"
_QUESTION = re.compile(
    rf"^\s*{_NUMBER}(?:[QＱ]\s*\d*\s*[：:．.、]|问\s*\d*\s*[：:]|[【\[［]问[】\]］]\s*[：:]?)\s*(\S.*)$", re.S
)
_ANSWER = re.compile(
    rf"^\s*{_NUMBER}(?:[AＡ]\s*\d*\s*[：:．.、]|答\s*\d*\s*[：:]|[【\[［]答[】\]］]\s*[：:]?)\s*"
)
_QUESTION_MARK = re.compile(r"[？?]+\s*$")
# "抢险组负责什么" / "总指挥在事故中具体做什么" / "办公室的职责是什么" / "警戒组主要干哪些事"
_DUTY_QUESTION = re.compile(
    r"^(.{2,20}?)(?:在[^，,]{1,8}?(?:中|时))?(?:主要|具体|平时|都|要|应当|应该|需要)*"
    r"(?:负责|做|干)(?:些|哪些)?(?:什么|哪些)(?:工作|事情?|事)?$"
    r"|^(.{2,20}?)的?(?:主要)?(?:职责|任务)(?:是什么|有哪些|包括哪些)$"
)
_SCOPE_QUESTION = re.compile(
    r"适用(?:于|在)?(?:哪些|什么|哪类|哪种|哪里|何种)|适用范围(?:是什么|有哪些|包括)"
)
# "一是a；二是b" / "其一，a；其二，b": the parts of an enumerated answer
# "总指挥：a；b": one label, then clauses with no label of their own
_POST_DUTIES = re.compile(r"^([\u4e00-\u9fff]{2,10})[：:]([^：:]+[；;][^：:]+)$", re.S)
_ENUM_FIRST = re.compile(r"^(?:一是|其一[，,、]?)")
_ENUM_NEXT = re.compile(r"[；;。]\s*(?:[二三四五六七八九十]是|其[二三四五六七八九十][，,、]?)")


def _answer(block: Block | None) -> bool:
    return block is not None and block.kind in ("paragraph", "list_item") and bool(_ANSWER.match(block.text))


def question_title(text: str) -> str:
    """The heading a question stands for: marker and question mark gone, duty questions as "X职责"."""
    m = _QUESTION.match(text)
    title = _QUESTION_MARK.sub("", m.group(1) if m else text).strip()
    if _SCOPE_QUESTION.search(title):  # "本预案适用于哪些作业": its answer is the scope
        return "适用范围"
    duty = _DUTY_QUESTION.match(title)
    if duty:
        name = (duty.group(1) or duty.group(2)).strip()
        return f"{name}职责"
    return title


def answer_parts(text: str) -> list[str]:
    """The answer without its marker, split into its "一是…；二是…" parts when it is enumerated."""
    body = _ANSWER.sub("", text, count=1).strip()
    if not _ENUM_FIRST.match(body) or not _ENUM_NEXT.search(body):
        return [body]
    parts = _ENUM_NEXT.split(_ENUM_FIRST.sub("", body, count=1))
    return [p.strip().rstrip("；;。") for p in parts if p.strip()]


def qa_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks with question / answer pairs rewritten (see the module docstring), renumbered."""
    out: list[Block] = []
    level = 0  # level of the last real heading: a question sits one deeper
    for at, block in enumerate(blocks):
        if block.kind == "heading":
            level = block.heading_level or level
            out.append(block.model_copy(update={"paragraph": len(out)}))
            continue
        following = blocks[at + 1] if at + 1 < len(blocks) else None
        if block.kind in ("paragraph", "list_item") and _QUESTION.match(block.text) and _answer(following):
            out.append(rewritten_heading(block, question_title(block.text), len(out), level + 1))
            continue
        if not _answer(block):
            out.append(block.model_copy(update={"paragraph": len(out)}))
            continue
        parts = answer_parts(block.text)
        duties = _POST_DUTIES.match(parts[0]) if len(parts) == 1 else None
        if duties and duties.group(1) in ROLE_TITLES:
            title = f"{duties.group(1)}职责"
            if not (out and out[-1].kind == "heading" and out[-1].text == title):
                out.append(rewritten_heading(block, title, len(out), level + 2))
            parts = [p.strip() for p in re.split(r"[；;]", duties.group(2).strip().rstrip("。")) if p.strip()]
        kind: BlockKind = "list_item" if len(parts) > 1 else "paragraph"
        for part in parts:
            out.append(rewritten_text(block, part, len(out), kind))
    return out
