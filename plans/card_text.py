"""Plain-language cards read as text: lines labelled with a question become the fields they name.

Village, community and small-enterprise 应急明白卡 label each line with the question it answers
("管哪些事：", "谁拍板：", "要干啥：", "向谁报：", "东西放哪：", "人往哪躲：") instead of the terms
the rules know (适用范围, 指挥, 主要措施, 信息报告, 应急物资, 避难场所); they write a group's fields
on one line split by slashes or dashes ("抢险组/组长：X/任务：a；b") and a level as a bracketed card
title ("〖三级响应〗"). ``card_blocks`` rewrites those lines into the headings and "key：value"
paragraphs the rules read, in order, and leaves every other block as it is:

- a label that asks what the plan covers / why it exists → an 适用范围 / 编制目的 heading over the value;
- a label that asks who is in charge, naming a body ("谁负责：X工作小组") → a heading with the body's name;
- a label that asks when / in which case → "启动条件：…"; who commands → "指挥：…"; what to do →
  "主要措施：…" under a level card, else "职责：…" (a body's standing work);
- labels that ask whom to report to / how fast → one 信息报告 heading over the values; a time limit
  written without its recipient ("几分钟内报：15分钟内") gets the recipient of the line before;
- labels that ask where the stock is, what it is and who keeps it → one "<place>存放<items>，由<keeper>
  负责管理" sentence under an 应急物资 heading; where people shelter → "<A>、<B>作为避难场所";
- "名称/key：value/key：value" (also "／", "——", or "—" between labelled fields) → a heading with the
  name and one "key：value" paragraph per field;
- a bracketed line that names a level ("〖三级响应〗", "【Ⅱ级响应】") → a heading.

Blocks are renumbered like ``plans.outline_text``: ``Block.paragraph`` indexes the returned list.
"""

from __future__ import annotations

import re

from plans.sections import classify_heading
from plans.structure import Block, rewritten_heading, rewritten_text

_LABELLED = re.compile(r"^\s*([\u4e00-\u9fff]{2,12})\s*[：:]\s*(\S.*)$", re.S)
# a label that asks rather than names: the card's spoken style
_ASKS = re.compile(r"谁|啥|什么|哪|几|多久|多长|多少|怎么|咋|如何|何时")
_SENTENCE = re.compile(r"[。；;，,！？]")
# (field, label pattern): first match wins; stock before actions ("有些啥" is no "干啥")
_LABEL_FIELDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (field, re.compile(pattern))
    for field, pattern in (
        ("scope", r"管(?:什么|啥|哪些|哪)|适用|用在(?:哪|啥|什么)"),
        ("purpose", r"为(?:啥|什么|何)"),
        ("shelter", r"(?:往|去|到|上)哪(?:儿|里)?(?:躲|避|撤|去|跑)|避难|避险|躲哪|撤哪"),
        ("place", r"(?:东西|物资|装备|器材|家伙).{0,2}(?:放|在|存)|放(?:在)?哪|存(?:在|放)?哪"),
        ("keeper", r"谁(?:来)?(?:管|保管|看管)(?:钥匙|仓库|东西|物资)?$|钥匙|找谁(?:要|拿|领)"),
        ("items", r"有(?:些|哪些)?(?:啥|什么)(?:东西|物资|装备)?$|(?:备|储备)(?:了)?(?:啥|什么|哪些)"),
        ("time", r"几分钟|多久|多长时间|多少分钟|几小时|什么时间内|多快"),
        ("report", r"(?:向|给|找|跟)谁(?:先)?报|报(?:给|告)?谁|报(?:到)?哪|谁先报"),
        ("trigger", r"什么时候|啥时候|何时|什么情况|啥情况|哪种情况|哪些情况|什么条件"),
        ("commander", r"谁(?:来|在)?(?:指挥|拍板|说了算|牵头|挂帅|当家|总负责|做主|带头)"),
        ("body", r"^谁(?:来)?负责$|^谁(?:来)?管(?:事)?$|^由谁负责$"),
        ("actions", r"怎么(?:做|办|干|处置)|咋(?:办|做|干)|干(?:啥|什么|哪些)|做(?:啥|什么|哪些)|要干|先干"),
    )
)
_LEVEL_CARD = re.compile(r"^\s*[【〖［\[「『〔]\s*([^】〗］\]」』〕]{1,16}?)\s*[】〗］\]」』〕]\s*$")
_LEVEL_WORD = re.compile(r"[ⅠⅡⅢⅣIV一二三四1-4]\s*级|响应")
_SEPARATOR = re.compile(r"\s*(?:[/／]|——|(?<!—)—(?!—))\s*")
_TIME = re.compile(r"立即|马上|\d+\s*(?:分钟|小时)")
_REPORTS = re.compile(r"报告|上报|报送")


def label_field(label: str) -> str | None:
    """The field a plain-language label asks for ("谁拍板" → "commander"), None for other labels."""
    if not _ASKS.search(label):
        return None
    return next((field for field, pattern in _LABEL_FIELDS if pattern.search(label)), None)


def group_fields(text: str) -> list[str] | None:
    """The fields of "抢险组/组长：X/任务：a；b", when a short name leads and every later field is
    labelled; else None (a date or a phone with a slash is no group line)."""
    fields = [f.strip() for f in _SEPARATOR.split(text.strip()) if f.strip()]
    if len(fields) < 2 or len(fields[0]) > 20 or _SENTENCE.search(fields[0]) or ":" in fields[0]:
        return None
    if "：" in fields[0] or not all(_LABELLED.match(f) for f in fields[1:]):
        return None
    return fields


def _field_line(key: str, value: str) -> str:
    """A group field with its spoken label in the rules' words ("干什么：a" → "职责：a")."""
    field = label_field(key)
    if field == "actions":
        return f"职责：{value}"
    return f"{key}：{value}"


def _items(value: str) -> list[str]:
    return [p.strip() for p in re.split(r"[；;、，,]", value.strip().rstrip("。")) if p.strip()]


class _Writer:
    """The output list with the card's context: the heading level and what the last card was."""

    def __init__(self) -> None:
        self.out: list[Block] = []
        self.level = 0
        self.in_level_card = False
        self.recipient = ""
        self.part = ""  # the last real heading's title

    def heading(self, block: Block, text: str, level: int) -> None:
        self.out.append(rewritten_heading(block, text, len(self.out), level))

    def paragraph(self, block: Block, text: str) -> None:
        self.out.append(rewritten_text(block, text, len(self.out)))

    def section(self, block: Block, title: str) -> None:
        """An inserted heading one level below the part, unless the last heading already is it."""
        last = next((b for b in reversed(self.out) if b.kind == "heading"), None)
        if last is None or last.text != title:
            self.heading(block, title, self.level + 1)
            self.in_level_card = False


def _stock(writer: _Writer, run: list[tuple[Block, str, str]]) -> None:
    """One sentence for a run of place / items / keeper lines; shelters as a sentence of their own."""
    values = {field: value.strip().rstrip("。；;") for _, field, value in run}
    first = run[0][0]
    if "items" in values or "place" in values:
        writer.section(first, "应急物资")
        sentence = f"{values.get('place', '')}存放{values.get('items', '')}"
        if values.get("keeper"):
            sentence += f"，由{values['keeper']}负责管理"
        writer.paragraph(first, sentence + "。")
    if "shelter" in values:
        writer.section(first, "避难场所")
        writer.paragraph(first, "、".join(_items(values["shelter"])) + "作为避难场所。")


def _report(writer: _Writer, block: Block, field: str, value: str) -> None:
    writer.section(block, "信息报告")
    value = value.strip().rstrip("。")
    if _REPORTS.search(value):  # already a sentence the reporting rule reads
        writer.paragraph(block, value + "。")
    elif field == "report":  # a bare recipient: the time limit may follow on its own line
        writer.recipient = value
        writer.paragraph(block, f"报告{value}。")
    elif writer.recipient and _TIME.search(value):
        writer.paragraph(block, f"{value}报告{writer.recipient}。")
    else:
        writer.paragraph(block, value + "。")


def card_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks with card lines rewritten (see the module docstring), renumbered."""
    writer = _Writer()
    stock: list[tuple[Block, str, str]] = []
    for block in blocks:
        labelled = _LABELLED.match(block.text) if block.kind in ("paragraph", "list_item") else None
        field = label_field(labelled.group(1)) if labelled else None
        if stock and field not in ("place", "items", "keeper", "shelter"):
            _stock(writer, stock)
            stock = []
        if block.kind == "heading":
            writer.level = block.heading_level or writer.level
            writer.in_level_card = False
            writer.part = block.text
            writer.out.append(block.model_copy(update={"paragraph": len(writer.out)}))
            continue
        card = _LEVEL_CARD.match(block.text) if block.kind in ("paragraph", "list_item") else None
        if card and _LEVEL_WORD.search(card.group(1)):
            # cards under a part titled in spoken words ("四、什么情况算大事") get the heading the level
            # rules read them under
            depth = 1
            if not (classify_heading(writer.part) or "").startswith("应急响应"):
                writer.section(block, "分级响应")
                depth = 2
            writer.heading(block, card.group(1).strip(), writer.level + depth)
            writer.in_level_card = True
            continue
        group = group_fields(block.text) if block.kind in ("paragraph", "list_item") else None
        if group:
            # groups under a part titled in spoken words ("三、分几个组") get the category heading the
            # org rules read them under
            depth = 1
            if classify_heading(writer.part) != "组织机构及职责":
                writer.section(block, "工作组")
                depth = 2
            writer.heading(block, group[0], writer.level + depth)
            writer.in_level_card = False
            for part in group[1:]:
                m = _LABELLED.match(part)
                writer.paragraph(block, _field_line(m.group(1), m.group(2)) if m else part)
            continue
        if labelled is None or field is None:
            writer.out.append(block.model_copy(update={"paragraph": len(writer.out)}))
            continue
        value = labelled.group(2).strip()
        if field in ("place", "items", "keeper", "shelter"):
            stock.append((block, field, value))
        elif field in ("scope", "purpose"):
            writer.heading(block, "适用范围" if field == "scope" else "编制目的", writer.level + 1)
            writer.paragraph(block, value)
        elif field == "body" and len(value) <= 30 and not _SENTENCE.search(value):
            writer.heading(block, value, writer.level + 1)
            writer.in_level_card = False
        elif field in ("report", "time"):
            _report(writer, block, field, value)
        elif field == "trigger":
            writer.paragraph(block, f"启动条件：{value}")
        elif field == "commander":
            writer.paragraph(block, f"指挥：{value}")
        elif field == "actions":
            writer.paragraph(block, f"{'主要措施' if writer.in_level_card else '职责'}：{value}")
        else:
            writer.out.append(block.model_copy(update={"paragraph": len(writer.out)}))
    if stock:
        _stock(writer, stock)
    return writer.out
