"""Posts written inside a chain or a bracket, rewritten into the "title：holder" clauses the org rules read.

Two layouts name a body's posts without a "title：holder" label of their own:

- a command chain as one arrow line, "应急指挥链为：项目经理（总指挥）→生产经理（副总指挥）→安全总监（现场负责人）": each
  link is a post (the title in brackets, the job before it its holder), so the chain becomes
  "总指挥：项目经理；副总指挥：生产经理；现场负责人：安全总监" in place (the label before it is dropped). A later
  "项目经理：a；b" line then gives that post its duties, as the rules read a holder's label;
- a group whose posts sit in brackets after its name, "抢险组（组长：生产经理，成员：木工班班组长）：负责a、b", becomes
  "抢险组：组长：生产经理；成员：木工班班组长。负责a、b" — the group leads, its posts and duty follow.

Only links whose bracket ends in a post word are read (a reporting chain "A→B（10分钟内）" is no post chain), and a
bracket is rewritten only when every clause in it is labelled. Blocks keep their indices.
"""

from __future__ import annotations

import re

from plans.structure import Block, rewritten_text

_POST = r"[\u4e00-\u9fff]{0,6}(?:指挥|指挥长|组长|队长|负责人|主任|经理|员)"
_LINK = rf"([\u4e00-\u9fff]{{2,10}})\s*[（(]\s*({_POST})\s*[)）]"
_ARROW = r"\s*(?:→|⇒|➔|➝|－>|->)\s*"
# the chain with an optional label before it in the same clause ("应急指挥链为：", "指挥顺序是")
_CHAIN = re.compile(rf"(?:[^，,。；;：:]{{0,12}}(?:为|是)?\s*[:：]\s*)?({_LINK}(?:{_ARROW}{_LINK})+)")
_ONE_LINK = re.compile(_LINK)
_NUMBER = r"(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十\d]+\s*[、.．)）])?"
_BRACKET_GROUP = re.compile(
    rf"^(\s*{_NUMBER}\s*)([\u4e00-\u9fff]{{2,12}}?(?:组|队|班|专班))\s*[（(]([^（）()]+)[)）]\s*[:：]\s*(.*)$",
    re.S,
)
_LABELLED = re.compile(rf"^\s*({_POST}|成员|组员)\s*[:：]\s*\S")


def _chain(text: str) -> str | None:
    m = _CHAIN.search(text)
    if not m:
        return None
    posts = [f"{title}：{holder}" for holder, title in _ONE_LINK.findall(m.group(1))]
    return text[: m.start()] + "；".join(posts) + text[m.end() :]


def _bracket_group(text: str) -> str | None:
    m = _BRACKET_GROUP.match(text)
    if not m:
        return None
    clauses = [c for c in re.split(r"[，,；;]", m.group(3)) if c.strip()]
    if not clauses or not all(_LABELLED.match(c) for c in clauses):
        return None  # "抢险组（由工程部组建）：…" names no posts
    posts = "；".join(c.strip() for c in clauses)
    rest = m.group(4).strip()
    return f"{m.group(1)}{m.group(2)}：{posts}。{rest}" if rest else f"{m.group(1)}{m.group(2)}：{posts}"


def chain_post_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks with arrow-line post chains and bracketed group posts rewritten (see the module docstring)."""
    out: list[Block] = []
    for block in blocks:
        text = None
        if block.kind in ("paragraph", "list_item"):
            text = _bracket_group(block.text) or _chain(block.text)
        out.append(rewritten_text(block, text, block.paragraph, block.kind) if text else block)
    return out
