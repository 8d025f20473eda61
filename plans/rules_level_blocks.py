"""Response levels written one per block or one per table row.

* A block that starts with the level's name: "（1）IV级响应：<trigger>。由<commander>组织：<a>；<b>",
  "第十二条　Ⅰ级响应。<trigger>时启动，由<commander>指挥。主要措施：<a>；<b>", or "一级响应由总指挥王强
  指挥：<a>；<b>" (no trigger).
* A prose paragraph that names one level and its commander, the measures after the command clause:
  "发生…时，启动Ⅱ级响应，由<commander>负责现场指挥，<a>；<b>；<c>。" (no level heading above it).
* Tables with a level column (响应级别 | 启动条件 | 指挥 | 措施), or transposed with one column per level
  (项目 | Ⅱ级响应 | Ⅲ级响应, then rows 启动条件 / 指挥 / 主要措施).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from plans.draft import PlanDraft, sentences
from plans.level_tier_cells import cell_leader
from plans.rules_level_content_cells import CONTENT_HEADER, content_fields
from plans.rules_level_fields import (
    _CLASS,
    _GLOSS_OPT,
    _LEVEL_TOKEN,
    NAMED_LEVELS,
    RESPONSE_WORD,
    bracket_labels,
    commander_in,
    labelled_field,
    labelled_segments,
    level_of,
    split_actions,
    strip_number,
)
from plans.structure import Block, table_cell

_NAME = (
    rf"(?:{_LEVEL_TOKEN}\s*级{_GLOSS_OPT}\s*(?:应急)?{RESPONSE_WORD}"
    rf"|{_CLASS}(?:(?:生产安全)?事故|突发事件|事件)?\s*(?:应急)?响应)"
)
_LEVEL_ITEM = re.compile(rf"^({_NAME}(?:[（(][^）)]{{1,8}}[)）])?)\s*[:：。]\s*(.+)$", re.S)
_LEVEL_LED_BY = re.compile(rf"^({_NAME})\s*(由.+)$", re.S)
# "Ⅲ级响应【启动条件】…【指挥】…【措施】①…": the name, then labelled fields (brackets read as "label：")
_LEVEL_FIELDS = re.compile(rf"^({_NAME})(\s*\S.*)$", re.S)
# "特别重大事故：<trigger>。由X组织指挥。主要措施：a；b": an accident class without 响应 names a level only
# when its paragraph also says who commands it (an accident-grading paragraph in 总则 says no such thing)
# "较大事故（Ⅲ级响应）：…" glosses the class with its level
_CLASS_ITEM = re.compile(rf"^({_CLASS}(?:(?:生产安全)?事故|突发事件|事件){_GLOSS_OPT})\s*[:：]\s*(.+)$", re.S)
# "二级（车间级）：<trigger>。由X指挥。主要措施：a；b" (a slide bullet): a bare level name without 响应
# names a response level on the same condition
_BARE_ITEM = re.compile(rf"^({_LEVEL_TOKEN}\s*级{_GLOSS_OPT})\s*[:：]\s*(.+)$", re.S)
# "班组级（三级）：<trigger>。由X指挥。措施：a；b": the tier first and its level in brackets, on the same condition
_TIER_ITEM = re.compile(
    rf"^([\u4e00-\u9fff]{{1,4}}级\s*[（(]\s*{_LEVEL_TOKEN}\s*级\s*[)）]\s*(?:应急)?(?:{RESPONSE_WORD})?)\s*[:：]\s*(.+)$",
    re.S,
)
# "由<commander>组织：" / "由<commander>统一指挥。主要措施：" — the actions follow
# "由X在市级指挥机构到达前组织先期处置，采取以下措施：" — a time or place clause after the commander
_ORGANISED_BY = re.compile(
    # "可由车间人员扑灭时启动，由X指挥": a 由 clause ending in 时 / 后 is the condition, not the commander
    r"由\s*([^，。；:：]{2,30}?)(?<![总副时后])\s*(?:在[^，。；:：]{2,20}?(?:前|后|时|期间|下))?\s*(?:负责)?(?:统一)?"
    r"(?:组织|指挥|领导|启动)(?:指挥|实施)?(?:先期|现场)?(?:处置|救援|抢险|应对)?\s*[:：，,。]\s*"
    r"(?:(?:采取|开展|实施)?(?:以下|下列|如下)?(?:主要|响应|应急|处置)?(?:措施|行动|工作)(?:如下|包括|为)?\s*[:：]\s*)?(.*)$",
    re.S,
)
_MEASURES_LABEL = re.compile(r"^(?:主要|响应|处置|应急)?(?:措施|行动)\s*[:：]\s*(\S.*)$", re.S)
# "…时启动，由X担任总指挥，采取以下措施：a；b" / "…，X担任现场指挥。主要措施：a；b" (trigger before the comma)
_SERVES_THEN_MEASURES = re.compile(
    r"[，,。]\s*(?:由\s*)?([^，。；:：、\s由]{2,20}?)\s*(?:担任|兼任|(?<![主责])任)(?:现场)?(?:总)?指挥(?:长)?\s*[:：，,。]\s*"
    r"(?:(?:采取|开展|实施)?(?:以下|下列|如下)?(?:主要|响应|应急|处置)?(?:措施|行动|工作)(?:如下|包括|为)?\s*[:：]\s*)?(.*)$",
    re.S,
)
# "启动三级响应后：a；b" / "进入Ⅱ级响应时，采取以下措施：a；b": the measures of a level named elsewhere (a table)
_STARTED_ITEM = re.compile(
    rf"^(?:启动|进入|实施|发布)\s*({_NAME})\s*(?:后|时)\s*[，,]?\s*"
    r"(?:(?:主要)?(?:采取|开展|实施)?(?:以下|下列|如下)?(?:主要|响应|应急|处置)?(?:措施|行动|工作)(?:如下|包括|为)?)?"
    r"\s*[:：]\s*(\S.*)$",
    re.S,
)
# A list bullet before the level's name: "● Ⅰ级响应：…"
_BULLET = re.compile(r"^[●•■◆▪◇□➢►▶√·]\s*")
# The text after the name opens with a numbered measure: "①…；②…" / "（1）…"
_MEASURE_FIRST = re.compile(r"^\s*(?:[①-⑳]|[（(]\d{1,2}[)）])")
_MENTION = re.compile(
    rf"{_LEVEL_TOKEN}\s*级{_GLOSS_OPT}\s*(?:应急)?{RESPONSE_WORD}|{_CLASS}(?:(?:生产安全)?事故|突发事件|事件)?\s*响应"
)


def level_items(draft: PlanDraft, scope: list[Block], levels: dict[str, int], ensure: Any) -> None:
    """One level per block, its name first (see the module docstring)."""
    waiting: int | None = None  # the level of the block just read, when it named no measures yet
    listing: int | None = None  # the level whose paragraph ended "主要措施：", while its ① items follow
    for block in scope:
        if block.kind == "table":
            continue
        # "…由X指挥，主要措施：" then "①a；②b" in the next block (a PDF line break before "①", or a paragraph
        # of its own): those items are that level's measures, as they are when the paragraph runs on
        numbered = block.kind != "heading" and _MEASURE_FIRST.match(block.text)
        if listing is not None and numbered and not _MENTION.search(block.text):
            add_actions(draft, listing, block, split_actions(block.text.strip()), confidence=0.7)
            continue
        listing = None
        body = _BULLET.sub("", strip_number(block.text.strip()))
        # A PDF line that ends at "…由X指挥。" breaks the paragraph there: "主要措施：a；b" opening the next
        # block are that level's measures
        tail = _MEASURES_LABEL.match(body)
        levels_read = draft.data["response_levels"]
        if waiting is not None and tail and not _MENTION.search(body) and not levels_read[waiting]["actions"]:
            add_actions(draft, waiting, block, split_actions(tail.group(1)), confidence=0.7)
        waiting = None
        # "一级响应由A指挥；二级响应由B指挥": several levels in one block are read clause by clause
        if len({level_of(m.group(0)) for m in _MENTION.finditer(body)}) > 1:
            continue
        offset = block.text.find(body)
        labelled = bracket_labels(body)
        # "【Ⅱ级响应】启动条件：…" (a card title run on with its fields): the bracketed name leads the block
        opened = labelled[:1] == " " and body[:1] != " "
        body, offset = (labelled[1:], offset + 1) if opened else (labelled, offset)
        started = _STARTED_ITEM.match(body)
        level = level_of(started.group(1)) if started else None
        if started and level in levels:  # the level is defined elsewhere; this block only lists its measures
            add_actions(draft, levels[level], block, split_actions(started.group(2)), confidence=0.75)
            continue
        led = _LEVEL_LED_BY.match(body)
        fields = _LEVEL_FIELDS.match(body)
        fields = fields if fields and labelled_segments(fields.group(2)) else None
        m = _LEVEL_ITEM.match(body) or led or _class_item(body) or _named_item(body) or fields
        if not m:
            continue
        level = level_of(m.group(1))
        if level is None:
            continue
        index = ensure(level, m.group(1).replace(" ", ""), block, offset + m.start(1), offset + m.end(1))
        entry = draft.data["response_levels"][index]
        written = m.group(1).replace(" ", "")
        if not entry["name"] or (_GLOSS.search(written) and not _GLOSS.search(entry["name"])):
            entry["name"] = written  # "一级响应（公司级）" says more than "一级响应" in a sentence
        rest, rest_at = m.group(2), offset + m.start(2)
        segments = labelled_segments(rest)
        for at, field in segments:  # "Ⅱ级响应：启动条件：…。指挥：…。措施：a；b"
            labelled_field(draft, index, block, rest_at + at, field, by_comma=True)
        if segments:
            continue
        if _MEASURE_FIRST.match(rest):  # "Ⅰ级响应：①…；②…": the level's measures, written apart from it
            add_actions(draft, index, block, split_actions(rest), confidence=0.75)
            continue
        by = _ORGANISED_BY.search(rest) or _SERVES_THEN_MEASURES.search(rest)
        trigger = (
            "" if m is led else (rest[: by.start()] if by else rest.split("。")[0]).strip().rstrip("，,。；;")
        )
        if trigger and not entry["trigger"]:
            entry["trigger"] = trigger
            draft.cite(
                f"/response_levels/{index}/trigger",
                block.paragraph,
                rest_at,
                rest_at + len(trigger),
                confidence=0.8,
            )
        waiting = index if not entry["actions"] else None
        listing = index if not entry["actions"] and body.rstrip().endswith(("：", ":")) else None
        if by:
            if entry["commander"] is None:
                entry["commander"] = by.group(1)
                s0, e0 = rest_at + by.start(1), rest_at + by.end(1)
                draft.cite(f"/response_levels/{index}/commander", block.paragraph, s0, e0, confidence=0.8)
            add_actions(
                draft, index, block, split_actions(_after_measures_label(by.group(2))), confidence=0.75
            )


# "由总指挥指挥，政府力量到达后移交指挥权。措施：a；b": a later sentence labelled 措施 holds the measures; what
# comes between (who takes over, until when) says how the command runs, not what to do
_LATER_MEASURES = re.compile(r"[。；;]\s*(?:主要|响应|处置|应急)?(?:措施|行动)\s*[:：]\s*(?=\S)")


def _after_measures_label(text: str) -> str:
    later = _LATER_MEASURES.search(text)
    return text[later.end() :] if later else text


def _named_item(body: str) -> re.Match[str] | None:
    """ "班组级响应：…时启动，由X指挥。主要措施：a；b" in a plan that mapped 班组级 to 三级: a tier name
    the plan defined leads the block the way "三级响应：" does."""
    for name in NAMED_LEVELS.get():
        m = re.match(rf"({re.escape(name)}{_GLOSS_OPT}\s*(?:应急)?响应)\s*[:：。]\s*(.+)$", body, re.S)
        if m:
            return m
    return None


def _class_item(body: str) -> re.Match[str] | None:
    m = _CLASS_ITEM.match(body) or _BARE_ITEM.match(body) or _TIER_ITEM.match(body)
    # "Ⅲ级（泊位级）：启动条件：…；指挥：…；措施：…": labelled fields that name who commands say as much
    return m if m and (_ORGANISED_BY.search(m.group(2)) or _commanded_fields(m.group(2))) else None


def _commanded_fields(rest: str) -> bool:
    fields = [body for _at, body in labelled_segments(rest)]
    return len(fields) >= 2 and any(_COMMAND_FIELD.match(f) for f in fields)


_COMMAND_FIELD = re.compile(r"^(?:响应|处置|应急|现场)?(?:指挥|负责人)\s*[:：]")


# What may follow the commander's name before the measures: "负责统一指挥，" / "现场指挥，" / "组织指挥，"
_COMMAND_VERB = re.compile(
    r"\s*(?:负责|亲自)?(?:统一|现场)?(?:组织)?(?:指挥|领导)\s*[，,]\s*"
    r"(?:启动[^，,。；;]{1,12}?响应\s*[，,]\s*)?"  # "委主任亲自指挥，启动Ⅲ级响应，a；b": the level, not a measure
)


def level_prose(draft: PlanDraft, scope: list[Block], levels: dict[str, int]) -> None:
    """ "…时，启动Ⅱ级响应，由X负责现场指挥，a；b；c。": a paragraph naming one level whose commander
    clause is followed by the measures, up to the end of the sentence (two measures at least)."""
    for block in scope:
        if block.kind != "paragraph":
            continue
        named = _named_in(block.text)
        if len(named) > 1:
            _clause_measures(draft, block, levels)
        if len(named) != 1:
            continue
        level = named.pop()
        said = commander_in(block.text)
        if level not in levels or said is None:
            continue
        verb = _COMMAND_VERB.match(block.text, said[1])
        if verb is None:
            continue
        run = block.text[verb.end() :].split("。")[0]
        actions = split_actions(run)
        if len(actions) == 1 and not re.search(r"[；;①-⑳]", run) and not run.rstrip().endswith(("：", ":")):
            # "三级响应由X指挥，A派员到场，督促B落实措施。": with no "；" the measures are the comma clauses
            # (a run ending "…，主要采取以下措施：" leads into the items below instead)
            actions = [a.strip() for a in re.split(r"[，,]", actions[0]) if a.strip()]
        if len(actions) >= 2:
            add_actions(draft, levels[level], block, actions, confidence=0.7)
            entry = draft.data["response_levels"][levels[level]]
            if entry["commander"] is None:  # "…启动Ⅳ级响应。X负责指挥，a；b": named in the next sentence
                entry["commander"] = said[2]
                draft.cite(f"/response_levels/{levels[level]}/commander", block.paragraph, said[0], said[1])


def _named_in(text: str) -> set[str]:
    """The levels ``text`` names: numbered or by class, or by a tier name the plan maps ("车间级响应")."""
    named = {level_of(m.group(0)) for m in _MENTION.finditer(text)}
    tiers = {
        lv
        for name, lv in NAMED_LEVELS.get().items()
        if re.search(rf"{re.escape(name)}\s*(?:应急)?响应", text)
    }
    return {lv for lv in named | tiers if lv is not None}


def _clause_measures(draft: PlanDraft, block: Block, levels: dict[str, int]) -> None:
    """ "A的，为车间级响应，由X指挥，采取a措施；B的，为公司级响应，由Y指挥，采取b措施。": levels that
    share a paragraph, one per clause; what follows a clause's commander is that level's measure."""
    for _start, _end, clause in sentences(block.text):
        named = _named_in(clause)
        said = commander_in(clause)
        if len(named) != 1 or said is None or (level := named.pop()) not in levels:
            continue
        verb = _COMMAND_VERB.match(clause, said[1])
        rest = clause[verb.end() :].rstrip("。；; ") if verb else ""
        # the level is declared before its commander, and what follows is a measure, not "在Ⅳ级响应的
        # 基础上，采取以下措施：" leading into the next lines
        if rest and not _named_in(clause[said[1] :]) and not rest.endswith(("：", ":")):
            add_actions(draft, levels[level], block, split_actions(rest), confidence=0.65)


def add_actions(draft: PlanDraft, index: int, block: Block, actions: list[str], confidence: float) -> None:
    entry = draft.data["response_levels"][index]
    for action in actions:
        if action not in entry["actions"]:
            entry["actions"].append(action)
            s0, e0 = draft.span(block.paragraph, action)
            n = len(entry["actions"]) - 1
            draft.cite(
                f"/response_levels/{index}/actions/{n}", block.paragraph, s0, e0, confidence=confidence
            )


def level_tables(draft: PlanDraft, scope: list[Block], levels: dict[str, int], ensure: Any) -> None:
    """Level tables, in rows or transposed (see the module docstring)."""
    for block in scope:
        if block.kind != "table" or not block.cells or len(block.cells) < 2:
            continue
        cells = level_rows(block.cells)
        header = cells[0]

        # "分级 | 条件 | 指挥 | 措施" (a two-row header folded by ``plans.header_rows``) names the level column 分级
        level_col, trigger_col = _col(header, r"级别|等级|^分级|响应"), _col(header, r"条件|情形|情况|标准")
        content_col = _col(header, CONTENT_HEADER) if trigger_col is None else None  # 级别 | 内容
        # "响应主体" (GB/T 29639's word for the body that responds at a level) names who commands it
        commander_col = _col(header, r"指挥|负责|领导|主体")
        # "响应程序" / "主要工作" / "应对要点": the measures
        actions_col = _col(header, r"措施|行动|任务|处置|程序|工作|要点")
        if level_col is not None and trigger_col is None and content_col is None:
            trigger_col = _criterion_col(cells, level_col, commander_col, actions_col)
        if level_col is None or (trigger_col is None and content_col is None):
            continue
        for row in cells[1:]:
            cell = functools.partial(table_cell, row)
            level = level_of(cell(level_col))
            if level is None:
                continue
            index = ensure(level, cell(level_col), block, 0, len(block.text))
            entry = draft.data["response_levels"][index]
            if not entry["name"] or (_GLOSS.search(cell(level_col)) and not _GLOSS.search(entry["name"])):
                entry["name"] = cell(level_col)  # "一级（公司级）" says more than "一级响应" in a sentence
            if content_col is not None:
                _content_cell(draft, block, index, cell(content_col))
                continue
            if cell(trigger_col) and not entry["trigger"]:
                entry["trigger"] = cell(trigger_col).rstrip("。")
                draft.cite(f"/response_levels/{index}/trigger", block.paragraph, confidence=0.85)
            if cell(commander_col) and entry["commander"] is None:
                entry["commander"] = cell(commander_col)
                draft.cite(f"/response_levels/{index}/commander", block.paragraph, confidence=0.85)
            for action in split_actions(cell(actions_col)):
                lead = cell_leader(action) if commander_col is None else None
                if lead and entry["commander"] is None:  # "现场由押运员负责": who leads, no measure
                    entry["commander"] = lead
                    draft.cite(f"/response_levels/{index}/commander", block.paragraph, confidence=0.75)
                    continue
                if action not in entry["actions"]:
                    entry["actions"].append(action)
                    draft.cite(
                        f"/response_levels/{index}/actions/{len(entry['actions']) - 1}",
                        block.paragraph,
                        confidence=0.85,
                    )


_GLOSS = re.compile(r"[（(][^）)]{1,8}[)）]")
# Columns that are no criterion of a level: a warning colour, a note, a row number, who is told
_NOT_CRITERION = re.compile(r"预警|颜色|备注|序号|说明|报告|通知|标识")


def _criterion_col(
    cells: list[list[str]], level_col: int, commander_col: int | None, actions_col: int | None
) -> int | None:
    """The column that grades the levels when its header does not say 条件 ("响应级别 | 接收伤员人数 | 指挥人 |
    主要措施"): in a table that has a commander or measures column and names two or more levels, the one
    other column."""
    if commander_col is None and actions_col is None:
        return None
    if sum(level_of(table_cell(row, level_col)) is not None for row in cells[1:]) < 2:
        return None
    rest = [
        i
        for i, h in enumerate(cells[0])
        if i not in (level_col, commander_col, actions_col) and h.strip() and not _NOT_CRITERION.search(h)
    ]
    return rest[0] if len(rest) == 1 else None


def _content_cell(draft: PlanDraft, block: Block, index: int, text: str) -> None:
    """The level's trigger, commander and measures from one 内容 cell."""
    entry = draft.data["response_levels"][index]
    trigger, commander, actions = content_fields(text)
    for field, value in (("trigger", trigger), ("commander", commander)):
        if value and not entry[field]:
            entry[field] = value
            draft.cite(f"/response_levels/{index}/{field}", block.paragraph, confidence=0.8)
    for action in (a for a in actions if a not in entry["actions"]):
        entry["actions"].append(action)
        draft.cite(
            f"/response_levels/{index}/actions/{len(entry['actions']) - 1}", block.paragraph, confidence=0.8
        )


def level_rows(cells: list[list[str]]) -> list[list[str]]:
    """The table with one row per level: transposed when its first row names two or more levels
    and its first column holds the field labels (启动条件, 指挥, 措施)."""
    header = cells[0]
    named = [c for c in header[1:] if c.strip() and level_of(c) is not None]
    labels = " ".join(row[0] for row in cells[1:] if row)
    if len(named) < 2 or level_of(header[0]) is not None or not re.search(r"条件|情形|标准", labels):
        return cells
    width = max(len(row) for row in cells)
    padded = [row + [""] * (width - len(row)) for row in cells]
    columns = [list(column) for column in zip(*padded, strict=True)]
    columns[0][0] = "响应级别"  # the corner cell ("项目") labels the level column after transposing
    return columns


def _col(header: list[str], pattern: str) -> int | None:
    return next((i for i, h in enumerate(header) if re.search(pattern, h)), None)
