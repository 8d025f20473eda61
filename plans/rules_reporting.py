"""Rules for reporting (信息报告): time limits ("1小时内" → 60, 立即 → 0), recipients and channels,
one rule per clause that starts a new time limit, or one per row of a reporting table
(报告时限 | 报告人 | 报告对象 | 报告方式).
"""

from __future__ import annotations

import itertools
import re

from agents.llm.vocab import cn_to_int
from plans.draft import PlanDraft, sentences
from plans.sections import Outline, blocks_in
from plans.structure import Block, table_cell

_TIME_LIMIT = re.compile(
    r"([\d]+|[一二两三四五六七八九十半]+)\s*(个)?\s*(小时|分钟|h|min)\s*(?:之内|以内|内)|(立即|即时|第一时间|马上)"
)
_TO_AFTER = re.compile(
    r"(?:报告|上报|报送)(?:给)?\s*([^，。；、]{2,40}?(?:[、和及][^，。；、]{2,30}?)*)(?:[，。；]|$)"
)
_TO = re.compile(r"向\s*([^，。；]{2,40}?)\s*(?:报告|上报|报送|通报)")
_NO_RECIPIENT = re.compile(r"(?:书面|电话|口头|传真|短信|续报|初步|详细)*(?:报告|材料|信息|情况)?")
# "报告程序：…" — a field label (a key-value table row) in front of the text; its 报告 is no verb
_LABEL = re.compile(r"^\s*[\u4e00-\u9fff]{2,8}\s*[：:]")
_CHANNEL_TAIL = re.compile(r"(?:通过|以|用)?(?:电话|传真|短信|书面|口头|网络|对讲机)(?:形式|方式)?$")
_CHANNELS = (
    "电话",
    "传真",
    "短信",
    "政务微信",
    "微信",
    "书面",
    "电子邮件",
    "邮件",
    "网络",
    "信息系统",
    "专报",
    "口头",
    "广播",
    "对讲机",  # "立即用对讲机报告中控室": a site radio is how a post reports
    "VHF",  # "通过VHF 09频道报告海事局": the marine radio a wharf or ship reports by (the channel number is no channel)
)


def _channels_in(said: str) -> list[str]:
    """The known channels a text names, in list order ("政务微信" is not also 微信)."""
    return [c for c in _CHANNELS if c in said and not (c == "微信" and "政务微信" in said)]


def minutes(amount: str, unit: str) -> int | None:
    value = 0.5 if amount == "半" else cn_to_int(amount)
    if value is None:
        return None
    return int(value * 60) if unit in ("小时", "h") else int(value)


def extract_reporting(draft: PlanDraft, outline: Outline) -> None:
    scope = (
        blocks_in(draft.blocks, outline, ("应急响应/信息报告",))
        or blocks_in(draft.blocks, outline, ("应急响应", "预警"))
        or draft.blocks
    )
    for block in scope:
        if block.kind == "table":
            _report_table(draft, block)
            for cell in _step_cells(block):  # "2 | 立即电话报告站长 | 发现人": a step that reports
                _text_rules(draft, block, cell, max(block.text.find(cell), 0))
            continue
        _text_rules(draft, block, block.text, 0)


# A 现场处置方案's step table (步骤 | 操作 | 责任人): its 操作 cells are sentences like any paragraph's
_STEP_HEADER = re.compile(r"步骤|程序|流程")
_STEP_TEXT = re.compile(r"操作|内容|措施|做法|要求")


def _step_cells(block: Block) -> list[str]:
    if not block.cells or len(block.cells) < 2 or not any(_STEP_HEADER.search(h) for h in block.cells[0]):
        return []
    columns = [i for i, h in enumerate(block.cells[0]) if _STEP_TEXT.search(h)]
    return [table_cell(row, i) for row in block.cells[1:] for i in columns if table_cell(row, i)]


def _text_rules(draft: PlanDraft, block: Block, text: str, base: int) -> None:
    """One rule per clause of ``text`` that starts a new time limit or names a recipient."""
    for start, _end, sentence in sentences(text):
        start += base
        if not re.search(r"报告|上报|报送|通报", sentence):
            continue
        previous_to = ""
        label = _LABEL.match(sentence)
        skip = label.end() if label else 0
        for c_start, clause in _rule_clauses(sentence[skip:]):
            c_start += skip
            tm = _TIME_LIMIT.search(clause)
            to = _TO.search(clause) or (_TO_AFTER.search(clause) if tm else None)
            if not tm and not to:
                continue
            # "现场人员立即大声呼救，并立即报告…" / "立即拨打119报警，并…": no report in the first clause
            if not to and not re.search(r"报(?!警)", clause):
                continue
            # "（电话0510-…）" names a number, not a channel; "（立即，电话）" after a flow-chart step says how
            said = re.sub(r"[（(][^）)]*\d{3,}[^）)]*[）)]", "", clause)
            channels = _channels_in(said)
            # a closing bracket note goes, and so does one the clause split cut open ("调度室（内线6366")
            recipient = (
                _CHANNEL_TAIL.sub("", re.sub(r"[（(][^）)]*[）)]?$", "", to.group(1).strip())) if to else ""
            )
            if to and _NO_RECIPIENT.fullmatch(recipient):  # "1小时内报送书面报告": what, not to whom
                recipient, to = "", None
            recipient = recipient or previous_to
            previous_to = recipient
            rule = {
                "time_limit_minutes": (0 if tm.group(4) else minutes(tm.group(1), tm.group(3)))
                if tm
                else None,
                "to": recipient,
                "channel": "、".join(channels) or None,
            }
            at = start + c_start
            index = draft.add("reporting", rule, block.paragraph, at, at + len(clause), confidence=0.85)
            if tm:
                draft.cite(
                    f"/reporting/{index}/time_limit_minutes",
                    block.paragraph,
                    at + tm.start(),
                    at + tm.end(),
                )
            if to:
                draft.cite(
                    f"/reporting/{index}/to",
                    block.paragraph,
                    at + to.start(1),
                    at + to.start(1) + len(recipient),
                )


def _rule_clauses(sentence: str) -> list[tuple[int, str]]:
    """Split a sentence where a new time limit starts ("1小时内…，并在2小时内书面报告"; "30分钟内电话
    报告X、1小时内书面报告": a 、 before a time limit ends the recipient list)."""
    cuts = [0]
    for m in re.finditer(r"[，,、]", sentence):
        rest = sentence[m.end() :].split("，")[0]
        found = _TIME_LIMIT.search(rest)
        if found and (m.group() != "、" or found.start() == 0):
            cuts.append(m.end())
    cuts.append(len(sentence))
    clauses = ((a, sentence[a:b].rstrip("、")) for a, b in itertools.pairwise(cuts))
    return [(a, clause) for a, clause in clauses if clause.strip()]


_TABLE_TIME = re.compile(r"时限|时间|时效")
_TABLE_TO = re.compile(r"对象|接报|接收|报告单位|上报单位|报送单位|报告给")
_TABLE_CHANNEL = re.compile(r"方式|途径|形式")


def _report_table(draft: PlanDraft, block: Block) -> None:
    """One rule per row of a table with a time-limit and a recipient column ("5分钟内 | 当班班组长 |
    车间主任 | 电话"); the channel any known one the row's 方式 cell names (电话, 书面, 对讲机 …: a site radio is
    a channel in a table as in a sentence; 口头 in a cell is not)."""
    if not block.cells or len(block.cells) < 2:
        return
    header = block.cells[0]
    time_col = next((i for i, h in enumerate(header) if _TABLE_TIME.search(h)), None)
    to_col = next((i for i, h in enumerate(header) if _TABLE_TO.search(h)), None)
    if time_col is None or to_col is None:
        return
    channel_col = next((i for i, h in enumerate(header) if _TABLE_CHANNEL.search(h)), None)
    for row in block.cells[1:]:
        tm = _TIME_LIMIT.search(table_cell(row, time_col))
        to = table_cell(row, to_col)
        if tm is None or not to:
            continue
        said = table_cell(row, channel_col)
        rule = {
            "time_limit_minutes": 0 if tm.group(4) else minutes(tm.group(1), tm.group(3)),
            "to": to,
            # a 方式 cell "口头" is no channel (the corpus convention for a reporting table, enterprise_wire_overall)
            "channel": "、".join(c for c in _channels_in(said) if c != "口头") or None,
        }
        draft.add("reporting", rule, block.paragraph, confidence=0.85)
