"""Slide and checklist outlines read as text: bullet lines become the headings and labelled
paragraphs they stand for.

Plans converted from slide decks or written as checklists put a topic on a glyph-led line
("■ 应急指挥部", "★ Ⅲ级响应") and its content on the bullets below it, and pack several fields into
one bullet with a separator ("□ 职责｜a；b", "● 灭火组｜组长：X｜职责：…", "■ 二级：条件｜X指挥｜a；b").
The rules read headings, "key：value" paragraphs and sentences, so ``outline_blocks`` rewrites such
lines into those shapes, in order, and leaves every other block as it is:

- the bullet glyph goes (■□◆◇●○▶►★☆√✓☐☑…): it is layout, not text;
- a short topic line followed by bullets → a heading one level below the section it is in;
- "适用范围：…" (a key that names a section) → a heading with the key, then the value;
- fields split by "｜" / "|" (or by "—" when every later field is labelled) → a heading with the name
  and one "key：value" paragraph per field when the fields after the name are all labelled; else one
  sentence: the first field, then each further field as a clause ("X指挥" → "由X指挥", the measures
  after a commander → "主要措施：…", a bare quantity "6套" glued to its name).

An arrow chain ("A →（5分钟内）B → …", "A → B（5分钟内）→ …", "A立即报告B → B30分钟内电话报告C") with a time limit in it
becomes one clause per step joined by "；", each "（time）B" step written "time报告B", so the
reporting rule reads one rule per arrow. Blocks are renumbered: ``Block.paragraph`` still indexes
the returned list, which ``ImportResult.blocks`` returns, so source pointers see the rewritten text:
the source words in order, minus glyphs and separators, plus the joining words (由, 主要措施, 报告)
and punctuation the sentence form adds. The import pipeline marks each block with the parsed block
it came from (``Block.origin_paragraph`` / ``origin_text``), so the review page also shows the
author's line.
"""

from __future__ import annotations

import re

from plans.sections import classify_heading
from plans.structure import Block, rewritten_heading, rewritten_text

# ``Block.style`` of a glyph-led item: a list entry that belongs to its topic, not to the line above it
CHECKLIST_ITEM = "checklist item"
# a dot or dash bullet only before a space ("· 职责：…", "- 组长：…"): "-20℃" and "·" inside a name stay text
_GLYPH = re.compile(r"^\s*(?:[■□◆◇●○◎▶►▷▸▲△★☆√✓✔☐☑▪•※➢➤]|[·・\-](?=\s))\s*")
_PIPE = re.compile(r"\s*[｜|]\s*")
_DASH = re.compile(r"\s*(?<!—)—(?!—)\s*")
_LABELLED = re.compile(r"^([\u4e00-\u9fff]{1,8})[：:]\s*(\S.*)$", re.S)
_SENTENCE = re.compile(r"[。；;，,！？]")
_PARENS = re.compile(r"[（(][^（()）]*(?:[（(][^()（）]*[）)][^()（）]*)*[）)]")
_MAX_TOPIC_CHARS = 20
_COMMANDER = re.compile(r"^(?:由)?(.{2,20}?)(?:负责|组织|统一)?指挥$")
_ISSUER = re.compile(r"^(?:由)?(.{2,20}?)(?:负责)?发布$")
_QUANTITY = re.compile(r"^\d+(?:\.\d+)?\s*[\u4e00-\u9fff]{1,2}$")
_POST_KEY = re.compile(r"(?:组长|组员|成员|主任|指挥|队长|队员|负责人)$")
_FIELD_KEY = re.compile(r"职责|职务|指挥|成员|组长|主任|条件|情形|措施|行动|任务|牵头|配合|预警|响应|级")
_PHONE = re.compile(r"^(?:0\d{2,3}-?)?\d{7,8}$|^1[3-9]\d{9}$")
_ARROW = re.compile(r"\s*(?:→|->|⇒|➝|➔)\s*")
_TIME = re.compile(r"立即|即时|\d+\s*(?:分钟|小时)")
_STEP_TIME = re.compile(r"^[（(]([^（()）]*?(?:立即|即时|分钟|小时)[^（()）]*)[）)]\s*(.+)$")
_STEP_TIME_AFTER = re.compile(
    # the chain's last step may close its sentence and the paragraph run on ("…（30分钟内）。较大事故由…")
    r"^([^（()）]+?)\s*[（(]([^（()）]*?(?:立即|即时|分钟|小时)[^（()）]*)[）)]\s*((?:[。；;].*)?)$",
    re.S,
)


def _bare(text: str) -> str:
    """The text outside parentheses: "应急办公室（设在安环部）" → "应急办公室"."""
    return _PARENS.sub("", text)


def _is_topic(text: str) -> bool:
    bare = _bare(text).strip()
    return (
        0 < len(bare) <= _MAX_TOPIC_CHARS and not _SENTENCE.search(bare) and not re.search(r"[：:\d]", bare)
    )


def _fields(text: str) -> list[str]:
    """The fields of a bullet: split at "｜"; at "—" only when each later field is "key：value"."""
    fields = [f for f in _PIPE.split(text) if f]
    if len(fields) > 1:
        return fields
    dashed = [f for f in _DASH.split(text) if f]
    if len(dashed) > 1 and all(_LABELLED.match(f) for f in dashed[1:]):
        return dashed
    return [text]


def _clause(field: str, after_commander: bool) -> str:
    if _LABELLED.match(field):
        return field
    for pattern, verb in ((_COMMANDER, "指挥"), (_ISSUER, "发布")):
        m = pattern.match(field)
        if m and not _SENTENCE.search(field):
            return f"由{m.group(1)}{verb}"
    return f"主要措施：{field}" if after_commander and re.search(r"[；;]", field) else field


def _sentence(fields: list[str]) -> str:
    """One sentence from a bullet's fields (see the module docstring)."""
    out = fields[0]
    after_commander = False
    for field in fields[1:]:
        if _QUANTITY.match(field):  # "正压式空气呼吸器｜6套" → "正压式空气呼吸器6套"
            out += field
            continue
        clause = _clause(field, after_commander)
        after_commander = after_commander or clause.endswith("指挥")
        if re.search(r"\d\s*[\u4e00-\u9fff]{1,2}$", out):  # "…救援队20人｜由X负责管理"
            out += "，" + clause
        elif not re.search(r"[：:]", _bare(out)) and not _LABELLED.match(clause):
            out += "：" + clause
        else:
            out += "。" + clause
    return out


def arrow_steps(text: str) -> str:
    """An arrow chain with a time limit as "；"-joined report clauses; any other text unchanged."""
    steps = [s for s in _ARROW.split(text) if s]
    if len(steps) < 2 or not any(_TIME.search(s) for s in steps[1:]):
        return text
    clauses = [steps[0]]
    for step in steps[1:]:
        timed = _STEP_TIME.match(step)
        after = _STEP_TIME_AFTER.match(step)  # "车间主任（5分钟内）": the limit follows the target
        if timed:
            clauses.append(f"{timed.group(1)}报告{timed.group(2)}")
        elif after:
            clauses.append(f"{after.group(2)}报告{after.group(1)}{after.group(3)}")
        else:
            clauses.append(step)
    return "；".join(clauses)


def _glyph(block: Block) -> str:
    m = _GLYPH.match(block.text)
    return m.group().strip() if m else ""


def _bullet(block: Block) -> str | None:
    """The text of a glyph-led line without its glyph, else None."""
    if block.kind not in ("paragraph", "list_item"):
        return None
    m = _GLYPH.match(block.text)
    return block.text[m.end() :].strip() if m else None


def outline_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks with bullet lines rewritten (see the module docstring), renumbered."""
    out: list[Block] = []
    level = 0  # level of the last real heading: a topic sits one deeper
    # glyphs ranked by first appearance, like numbering families: "★" topics over "√" / "☐" items
    ranks: dict[str, int] = {}
    for block in blocks:
        if _bullet(block) is not None:
            ranks.setdefault(_glyph(block), len(ranks))
    for at, block in enumerate(blocks):
        if block.kind == "heading":
            level = block.heading_level or level
            out.append(block.model_copy(update={"paragraph": len(out)}))
            continue
        text = _bullet(block)
        if text is None:
            chained = arrow_steps(block.text) if block.kind in ("paragraph", "list_item") else block.text
            out.append(block.model_copy(update={"paragraph": len(out), "text": chained}))
            continue
        following = blocks[at + 1] if at + 1 < len(blocks) else None
        fields = _fields(text)
        labelled = _LABELLED.match(text)
        # a topic heads the bullets below it: the next line's glyph ranks deeper than its own
        deeper = following is not None and _bullet(following) is not None
        deeper = deeper and following is not None and ranks[_glyph(following)] > ranks[_glyph(block)]
        if len(fields) == 1 and _is_topic(text) and (deeper or _posts_in_brackets(text)):
            # a deeper glyph heads a deeper node: "■ 指挥部" over "○ 抢险组（组长：…）" (ranks as in a chart)
            out += _topic(block, text, len(out), level + 1 + min(ranks[_glyph(block)], 2))
        elif len(fields) > 2 and _PHONE.search(fields[-1]):  # "□ 总指挥｜陆建华｜139…": a contact row
            out.append(rewritten_text(block, " ".join(fields), len(out)))
        elif len(fields) == 1 and labelled and _names_section(labelled.group(1)):
            out.append(rewritten_heading(block, labelled.group(1), len(out), level + 1))
            out.append(rewritten_text(block, arrow_steps(labelled.group(2)), len(out)))
        elif len(fields) > 2 and _is_topic(fields[0]) and all(_LABELLED.match(f) for f in fields[1:]):
            out.append(rewritten_heading(block, fields[0], len(out), level + 2))
            out += [rewritten_text(block, f, len(out) + i) for i, f in enumerate(fields[1:])]
        elif len(fields) == 1 and not labelled:  # a checklist item: a list entry under its topic
            item = rewritten_text(block, arrow_steps(text), len(out))
            out.append(item.model_copy(update={"kind": "list_item", "style": CHECKLIST_ITEM}))
        else:
            out.append(rewritten_text(block, arrow_steps(_sentence(fields)), len(out)))
    return out


def _topic(block: Block, text: str, paragraph: int, level: int) -> list[Block]:
    """A topic heading; a bracketed note after it ("应急办公室（设在安环部）", "抢险组（牵头：A；配合：B）")
    becomes the paragraph below it: "应急办公室设在安环部" / "牵头：A；配合：B"."""
    name = _bare(text).strip()
    note = text.strip()[len(name) :]
    if not name or not text.strip().startswith(name) or not note:
        return [rewritten_heading(block, text, paragraph, level)]
    inner = note[1:-1].strip()
    body = inner if _LABELLED.match(inner) else name + inner
    return [rewritten_heading(block, name, paragraph, level), rewritten_text(block, body, paragraph + 1)]


def _posts_in_brackets(text: str) -> bool:
    """A body with its posts in brackets after its name ("现场处置组（组长：A；组员：B、C）"): a chart
    node even when no bullet hangs below it."""
    name = _bare(text).strip()
    inner = text.strip()[len(name) :][1:-1].strip()
    if not name or not inner or not text.strip().startswith(name):
        return False
    parts = [p for p in re.split(r"[；;]", inner) if p.strip()]
    labelled = [_LABELLED.match(p.strip()) for p in parts]
    return all(m is not None and _POST_KEY.search(m.group(1)) for m in labelled)


def _names_section(key: str) -> bool:
    """A label that titles a section (适用范围, 编制目的, 报告流程), not a post or a level's field."""
    return classify_heading(key) is not None and not _FIELD_KEY.search(key)
