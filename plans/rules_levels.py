"""Rules for levels: warning levels (colour + criteria) and response levels (一级…四级 with trigger,
commander and actions) from sentences, "X级响应：…" items, level tables and level headings.
"""

from __future__ import annotations

import re
from typing import Any

from agents.llm.vocab import RESPONSE_LEVELS, normalise_level
from plans.draft import PlanDraft, flow_steps, sentences
from plans.level_tier_cells import level_names
from plans.rules_level_blocks import add_actions, level_items, level_prose, level_tables
from plans.rules_level_fields import (
    _CLASS,
    _CLASS_LEVEL,
    _CLASS_RESPONSE,
    _GLOSS_OPT,
    _LEVEL_TOKEN,
    NAMED_LEVELS,
    RESPONSE_WORD,
    commander_in,
    higher_command,
    labelled_field,
    labelled_segments,
    level_of,
    split_actions,
    strip_number,
    without_base_levels,
    written_name,
)
from plans.rules_level_headings import graded_event_heading, measures_after_command, title_line
from plans.rules_level_one_of import one_of_triggers
from plans.rules_level_self_trigger import names_only_the_level
from plans.rules_warning_clauses import colour_criteria, inline_warning
from plans.sections import Outline, blocks_in
from plans.structure import Block

_RESPONSE = re.compile(rf"({_LEVEL_TOKEN})\s*级{_GLOSS_OPT}\s*(?:应急)?{RESPONSE_WORD}")
# One level in an enumeration: "Ⅱ级", "二级响应（公司级）", "较大事故响应", "一般"
_LIST_ITEM = re.compile(
    rf"(?:{_LEVEL_TOKEN}\s*级\s*(?:应急)?{RESPONSE_WORD}?|{_CLASS}(?:(?:生产安全)?事故|突发事件|事件)?\s*(?:应急)?(?:响应)?)"
    r"\s*(?:[（(][^）)]{1,8}[)）])?"
)
# "分为Ⅰ级、Ⅱ级和Ⅲ级" / "由高到低分为一级响应、二级响应" / "分为三级：一级（公司级）、二级…"
_LEVEL_LIST = re.compile(
    rf"(?:分为|划分为|设定为|由高到低(?:依次)?(?:分)?为)\s*(?:[一二三四两\d]\s*个?等?级别?\s*[:：]\s*)?"
    rf"((?:{_LIST_ITEM.pattern}\s*[、，,和及至到\-—～~]?\s*){{2,4}})"
)
# Two levels joined by 、/和/及/或: "Ⅲ级和Ⅳ级应急响应", "一级、二级响应"
_ENUMERATION = re.compile(rf"{_LIST_ITEM.pattern}\s*[、和及或与]\s*{_LIST_ITEM.pattern}")
_COLOUR = re.compile(r"(红色|橙色|黄色|蓝色)")
# "分为红色、橙色、黄色、蓝色四级" / "分别用红色、橙色、黄色和蓝色标示" / "一级（红色）、二级（橙色）"
_COLOUR_LIST = re.compile(
    r"((?:(?:红|橙|黄|蓝)色?\s*[、，,和及]?\s*){2,4})(?:预警|四个|四级|三级|等级|标示|表示|标识|标注|区分)"
    # "预警级别由低到高分为蓝色、黄色、橙色、红色，分别对应…": the list after 分为 ends at the comma
    r"|分为\s*((?:(?:红|橙|黄|蓝)色\s*[、和及]?\s*){2,4})(?=[，,。；;]|$)"
    rf"|((?:{_LEVEL_TOKEN}\s*级\s*(?:预警)?\s*[（(](?:红|橙|黄|蓝)色?(?:预警)?[)）]\s*[、，,和及]?\s*){{2,4}})"
)
_WARNING_ITEM = re.compile(
    r"^(?:[（(]?\S{1,4}级\s*预警)?\s*[（(]?(红色|橙色|黄色|蓝色)\s*(?:预警)?(?:信号|级别)?[)）]?"
    r"\s*(?:[（(][^）)]{1,8}[)）])?\s*[:：]\s*(.+)$"
)
_WARNING_LEVEL_ITEM = re.compile(
    rf"^({_LEVEL_TOKEN})\s*级\s*预警\s*[（(]?(红色|橙色|黄色|蓝色)?[)）]?\s*[:：]\s*(.+)$"
)
_LEVEL_LABEL = re.compile(
    rf"^(?:{_LEVEL_TOKEN}\s*级{_GLOSS_OPT}\s*(?:应急)?{RESPONSE_WORD}|{_CLASS}(?:(?:生产安全)?事故|突发事件|事件)?\s*(?:应急)?响应"
    # "较大事故（Ⅲ级响应）：": an accident class glossed with its level
    rf"|{_CLASS}(?:(?:生产安全)?事故|突发事件|事件)(?=\s*[（(][^）)]{{1,8}}[)）]))"
    rf"{_GLOSS_OPT}\s*[:：]\s*"  # "一级响应（公司级）："
)
# "…分为一级、二级、三级，分别由总指挥、副总指挥、车间主任负责指挥": one commander per listed level
_RESPECTIVELY = re.compile(
    r"^[^。；;]*?分别由\s*([^。；;，,]+?)\s*(?:负责)?(?:统一)?(?:组织)?(?:指挥|领导)(?=\s*(?:[，,。；;]|$))"
)


def _respectively(draft: PlanDraft, block: Block, at: int, named: list[str], levels: dict[str, int]) -> None:
    m = _RESPECTIVELY.match(block.text[at:])
    who = [w.strip() for w in re.split(r"[、，,和及]", m.group(1))] if m else []
    if len(who) != len(named) or not all(who):
        return
    for level, commander in zip(named, who, strict=True):
        entry = draft.data["response_levels"][levels[level]]
        if entry["commander"] is None:
            entry["commander"] = commander
            start = at + m.start(1) + m.group(1).find(commander) if m else at
            draft.cite(f"/response_levels/{levels[level]}/commander", block.paragraph, start,
                       start + len(commander), confidence=0.75)  # fmt: skip


# "…可控的，为车间级响应": the clause right before the level says when it applies, whatever its verb
_DECLARED = re.compile(r"\s*(?:为|属于|即为|启动)[^，,。；;]{1,12}?响应")
_TRIGGER = re.compile(r"^(.{4,80}?)(?:时|的|后)\s*[，,]")  # "较大事件发生后，启动Ⅲ级响应"
# "一般事故发生后，事发单位不能控制事态时，启动Ⅳ级响应": the condition runs to the 时 right before 启动
_TRIGGER_TO_START = re.compile(r"^([^。；;]{4,100}?)(?:时|的)\s*[，,]\s*(?=启动)")


def response_mentions(text: str) -> dict[str, re.Match[str]]:
    """Each response level ``text`` names, by level, with where it is written."""
    found: dict[str, re.Match[str]] = {}
    for m in _RESPONSE.finditer(text):
        level = normalise_level(m.group(1) + "级")
        if level is not None:
            found.setdefault(level, m)
    for m in _CLASS_RESPONSE.finditer(text):
        found.setdefault(_CLASS_LEVEL[m.group(1)], m)
    for name, level in NAMED_LEVELS.get().items():  # "公司级响应" in a plan that maps 公司级 to 一级
        for m in re.finditer(rf"{re.escape(name)}{_GLOSS_OPT}\s*(?:应急)?响应", text):
            found.setdefault(level, m)
    return found


def _level_values(text: str) -> list[str]:
    levels = []
    for m in _LIST_ITEM.finditer(text):
        level = level_of(re.sub(r"[（(][^）)]*[)）]", "", m.group(0)))  # not the "（公司级）" gloss
        if level and level not in levels:
            levels.append(level)
    return levels


def _label_cell(cell: str) -> bool:
    text = cell.strip()
    return not text or (len(text) <= 8 and (normalise_level(text) is not None or bool(_COLOUR.search(text))))


def _colour_rows(cells: list[list[str]]) -> list[list[str]]:
    """The table with one row per colour: transposed when its header row names two or more colours
    (预警级别 | 蓝色预警 | 黄色预警 …, then rows 发布条件 / 发布人)."""
    header = cells[0]
    if _COLOUR.search(header[0]) or sum(bool(_COLOUR.search(c)) for c in header[1:]) < 2:
        return cells
    width = max(len(row) for row in cells)
    return [list(column) for column in zip(*(row + [""] * (width - len(row)) for row in cells), strict=True)]


def _warning_header(block: Block) -> bool:
    header = block.cells[0] if block.kind == "table" and block.cells else []
    return any("预警" in c for c in header)


def _condition_cell(header: list[str], row: list[str]) -> str:
    """The row's 启动条件 / 发布条件 cell when the header names one (a measures cell can be longer)."""
    if row is header or len(row) != len(header):
        return ""
    return next((row[i].strip() for i, h in enumerate(header) if re.search(r"条件|标准|情形", h)), "")


def extract_warning_levels(draft: PlanDraft, outline: Outline) -> None:
    found: dict[str, int] = {}
    scope = blocks_in(draft.blocks, outline, ("预警",)) or draft.blocks
    # a "预警 | 响应级别" table counts wherever it sits; by identity (pydantic == made this quadratic)
    in_scope = {id(b) for b in scope}
    scope = scope + [b for b in draft.blocks if id(b) not in in_scope and _warning_header(b)]
    for block in scope:
        for text_start, _, sentence in sentences(block.text) if block.kind != "table" else []:
            item = strip_number(sentence.strip()) if block.kind == "list_item" else sentence.strip()
            m = _WARNING_ITEM.match(item)
            colour = criteria = None
            if m:
                colour, criteria = m.group(1), m.group(2)
            else:
                m2 = _WARNING_LEVEL_ITEM.match(item)
                if m2:
                    level = normalise_level(m2.group(1) + "级")
                    colour = m2.group(2) or {
                        "一级": "红色",
                        "二级": "橙色",
                        "三级": "黄色",
                        "四级": "蓝色",
                    }.get(level or "")
                    criteria = m2.group(3)
            if not colour:  # "…，红色预警：…" / "红色预警为…；橙色预警为…"
                colour, criteria = inline_warning(item) or (None, None)
            if colour and criteria:
                level = normalise_level(colour)
                if level and level not in found:
                    criteria = criteria.strip().rstrip("。；;")
                    found[level] = draft.add(
                        "warning_levels",
                        {"level": level, "color": colour, "criteria": criteria},
                        block.paragraph, text_start, text_start + len(sentence), confidence=0.9,
                    )  # fmt: skip
        if block.kind == "table" and block.cells:
            for row in _colour_rows(block.cells):
                joined = " ".join(row)
                colours = set(_COLOUR.findall(joined))
                if len(colours) == 1:
                    colour = colours.pop()
                    level = normalise_level(colour)
                    # the longest cell that is not a level / colour label ("一级", "红色预警（一级）")
                    criteria = max((c.strip() for c in row if not _label_cell(c)), key=len, default="")
                    criteria = _condition_cell(block.cells[0], row) or criteria
                    if level and level not in found and criteria:
                        found[level] = draft.add(
                            "warning_levels", {"level": level, "color": colour, "criteria": criteria},
                            block.paragraph, confidence=0.8,
                        )  # fmt: skip
    # "收到暴雨蓝色预警信号时，进入防汛值班状态": the clause is the criteria of that colour
    for block in scope:
        for start, _end, sentence in sentences(block.text):
            clause = sentence.split("：")[-1].split(":")[-1].strip().rstrip("。；;")
            colours = set(_COLOUR.findall(clause))
            if len(colours) != 1 or "预警" not in clause or not re.search(r"时[，,]", clause):
                continue
            colour = colours.pop()
            level = normalise_level(colour)
            if level and level not in found:
                at = start + sentence.find(clause)
                found[level] = draft.add(
                    "warning_levels", {"level": level, "color": colour, "criteria": clause},
                    block.paragraph, at, at + len(clause), confidence=0.7,
                )  # fmt: skip
    # "分为红色、橙色、黄色、蓝色四级": levels without criteria
    for block in scope:
        m = _COLOUR_LIST.search(block.text)
        if not m or "预警" not in block.text:
            continue
        for colour, criteria in colour_criteria(block.text, m):  # "…，分别对应A的70%、80%…": the figures
            level = normalise_level(colour)
            if level and level not in found:
                found[level] = draft.add(
                    "warning_levels", {"level": level, "color": colour, "criteria": criteria},
                    block.paragraph, m.start(), m.end(), confidence=0.85,
                )  # fmt: skip
    draft.sort_list("warning_levels", lambda w: RESPONSE_LEVELS.index(w["level"]))


def extract_response_levels(draft: PlanDraft, outline: Outline) -> None:
    token = NAMED_LEVELS.set(level_names(draft.blocks))
    try:
        _response_levels(draft, outline)
    finally:
        NAMED_LEVELS.reset(token)


def _response_levels(draft: PlanDraft, outline: Outline) -> None:
    levels: dict[str, int] = {}
    scope = (
        blocks_in(draft.blocks, outline, ("总则/响应分级", "应急响应/分级响应", "应急响应")) or draft.blocks
    )

    def ensure(level: str, name: str, block: Block, start: int, end: int) -> int:
        if level not in levels:
            levels[level] = draft.add(
                "response_levels",
                {"level": level, "name": name, "trigger": "", "commander": None, "actions": []},
                block.paragraph, start, end, confidence=0.9,
            )  # fmt: skip
        return levels[level]

    one_of_triggers(draft, scope, response_mentions, ensure)  # "满足下列条件之一的为Ⅰ级响应：（1）…"
    for block in scope:
        if block.kind == "table":
            continue
        m = _LEVEL_LIST.search(block.text)
        # accident classes are also how accidents are graded: as levels only where responses are meant
        by_class = m is not None and re.search(_CLASS, m.group(1)) is not None
        said = block.text[max(block.text.rfind(c, 0, m.start()) for c in "。；;") + 1 : m.end()] if m else ""
        if m and ("响应" in said if by_class else ("响应" in block.text or "级别" in block.text)):
            named = _level_values(m.group(1))
            for level in named:
                ensure(level, "", block, m.start(1), m.end(1))
            _respectively(draft, block, m.end(), named, levels)
        for start, _end, sentence in flow_steps(block.text):
            mentions = response_mentions(without_base_levels(sentence))
            # "分别对应Ⅰ级、Ⅱ级、Ⅲ级和Ⅳ级应急响应": an enumeration names no one level
            if len(mentions) != 1 or _ENUMERATION.search(sentence):
                continue
            level, mention = next(iter(mentions.items()))
            index = ensure(
                level,
                written_name(sentence, mention),
                block,
                start + mention.start(),
                start + mention.end(),
            )
            entry: dict[str, Any] = draft.data["response_levels"][index]
            if not entry["name"]:
                entry["name"] = written_name(sentence, mention)
            cm = commander_in(sentence)
            if cm and entry["commander"] is None:
                entry["commander"] = cm[2]
                draft.cite(f"/response_levels/{index}/commander", block.paragraph, start + cm[0],
                           start + cm[1], confidence=0.8)  # fmt: skip
            tm = _TRIGGER_TO_START.match(sentence.strip()) or _TRIGGER.match(sentence.strip())
            if (
                tm
                and not entry["trigger"]
                and not names_only_the_level(tm.group(1))  # "发生一级响应时，…报告": no trigger
                and (
                    re.search(r"发生|达到|出现", tm.group(1)) or _DECLARED.match(sentence.strip()[tm.end() :])
                )
            ):
                # "（一）一级响应：发生…" → "发生…"
                trigger = _LEVEL_LABEL.sub("", strip_number(tm.group(1).strip()))
                # "当发生…时" → "发生…"
                trigger = re.sub(r"^(?:当|凡|如|若|一旦)(?=发生|达到|出现)", "", trigger)
                entry["trigger"] = trigger
                offset = sentence.find(trigger)
                draft.cite(f"/response_levels/{index}/trigger", block.paragraph, start + offset,
                           start + offset + len(trigger), confidence=0.75)  # fmt: skip
    level_items(draft, scope, levels, ensure)
    level_tables(draft, scope, levels, ensure)
    level_prose(draft, scope, levels)
    _actions_under_level_headings(draft, outline, levels, ensure)
    draft.sort_list("response_levels", lambda r: RESPONSE_LEVELS.index(r["level"]))


# Under a level heading, "<cause>时，由<commander>指挥" opens with the level's trigger
# "…时，由X指挥" / "…时启动三级响应，由X指挥" (a Q&A answer names the level it starts)
_CAUSE_THEN_COMMAND = re.compile(
    r"^\s*(?:当|凡|如|若|一旦)?([^。；;：:]{4,80}?)(?:时|的)\s*(?:[，,]\s*|(?=启动))"
    # "…时启动，由X指挥": the bare 启动 of a paragraph under its level heading ends the trigger too
    r"(?:启动(?:[^，,。；;]{1,15}?响应)?\s*[，,]\s*)?由"
)
# The level's measures run on after the last colon of its paragraph, at least two of them: "…：a；b"
_ACTION_RUN = re.compile(r"[:：]\s*([^:：]+?[；;][^:：]+)$")


def _actions_under_level_headings(
    draft: PlanDraft, outline: Outline, levels: dict[str, int], ensure: Any
) -> None:
    """Under a heading that names one level ("4.2.1 Ⅱ级响应"), list items are that level's actions
    and a "启动条件：…" paragraph is its trigger."""
    level: str | None = None
    heading_level = 0
    label: str | None = None  # "4.2.1.1 启动条件" under the level heading: its body is that field
    for block in draft.blocks:
        if block.kind == "heading" or title_line(block):  # a PDF sets "第六条 …险情（三级响应）" as body text
            if level is not None and (block.heading_level or 1) <= heading_level:
                level = None
            title = strip_number(block.text.strip())
            label = title if level is not None and labelled_segments(f"{title}：…") else None
            found = response_mentions(block.text)
            in_response = (outline.block_skeleton[block.paragraph] or "").startswith("应急响应")
            graded = graded_event_heading(block.text) if in_response and len(found) <= 1 else None
            # "一般停电事件（Ⅳ级）", "中型泄漏险情（二级响应）": the whole title is the level's name
            if graded and (not found or graded[0] in found):
                level, heading_level = graded[0], block.heading_level or 1
                entry = draft.data["response_levels"][ensure(level, graded[1], block, 0, len(block.text))]
                entry["name"] = graded[1] if entry["name"] in graded[1] else entry["name"]
            elif len(found) == 1 and in_response:
                level, written = found.popitem()
                heading_level = block.heading_level or 1
                # "4.4 Ⅰ级响应（特别重大事故）": the bracket after the level is part of the name it is given
                gloss = re.match(r"\s*[（(][^（()）]{1,10}[)）]\s*$", block.text[written.end() :])
                name = (written.group(0) + (gloss.group(0) if gloss else "")).replace(" ", "")
                entry = draft.data["response_levels"][ensure(level, name, block, 0, len(block.text))]
                entry["name"] = name if gloss and "（" not in entry["name"] else entry["name"]
            continue
        if level is None or block.kind == "table":
            continue
        index = levels[level]
        entry = draft.data["response_levels"][index]
        if label and not labelled_segments(block.text):
            # read as "启动条件：<text>"; the offset points back past the label put in front
            labelled_field(
                draft, index, block, -len(label) - 1, f"{label}：{strip_number(block.text.strip())}"
            )
            if block.kind == "paragraph":
                continue
        # labelled sub-paragraphs may carry their own number ("（1）启动条件：…", "（3）响应措施：a；b") and
        # may run on in one paragraph ("（1）启动条件：…。（2）响应指挥：…。（3）响应措施：…")
        segments = labelled_segments(block.text)
        for at, body in segments:
            labelled_field(draft, index, block, at, body)
        if segments:
            continue
        said = commander_in(block.text) or higher_command(block.text) if block.kind == "paragraph" else None
        if said and entry["commander"] is None:  # "由街道指挥部总指挥指挥，主要措施如下："
            entry["commander"] = said[2]
            draft.cite(
                f"/response_levels/{index}/commander", block.paragraph, said[0], said[1], confidence=0.75
            )
        cause = _CAUSE_THEN_COMMAND.match(block.text) if block.kind == "paragraph" else None
        if cause and not entry["trigger"]:  # "结晶器漏铝…时，由车间主任指挥，采取以下措施："
            entry["trigger"] = cause.group(1).strip()
            draft.cite(f"/response_levels/{index}/trigger", block.paragraph, 0, cause.end(1), confidence=0.7)
        run = _ACTION_RUN.search(block.text) if block.kind == "paragraph" else None
        if run:  # "…，启动Ⅲ级响应。X到场指挥，主要开展以下工作：a；b；c。"
            add_actions(draft, index, block, split_actions(run.group(1)), confidence=0.7)
        elif said and block.kind == "paragraph":  # "…时，由X指挥。a，b。"
            add_actions(draft, index, block, measures_after_command(block.text), confidence=0.65)
        if block.kind == "list_item":
            # "（1）…", "①…", "—…"; "①a；②b；③c" (a PDF line that starts at the first of them) is three
            action = block.text.strip()
            items = split_actions(action) if re.match(r"^[①-⑳].*[；;][②-⑳]", action) else []
            action = strip_number(action).strip().rstrip("；;。")
            add_actions(draft, index, block, items or ([action] if action else []), confidence=0.75)
