"""A response level's fields written as labels: "启动条件：…", "响应指挥：…", "响应措施：a；b；c", each
its own (numbered) paragraph under the level's heading or run on in one paragraph."""

from __future__ import annotations

import re

from plans.draft import PlanDraft
from plans.structure import Block, split_number


def strip_number(text: str) -> str:
    numbering = split_number(text)
    return numbering.rest if numbering else text


def split_actions(text: str) -> list[str]:
    """ "a；b；c。" → ["a", "b", "c"]: the actions of one level."""
    return [a.strip().rstrip("。") for a in re.split(r"[；;]", text) if a.strip().rstrip("。")]


# Labelled fields of one level under its heading: "启动条件：…", "响应指挥：…", "响应措施：a；b；c"
_TRIGGER_LABEL = re.compile(r"^(?:启动|响应)?(?:条件|情形)\s*[:：]\s*(.+?)[。；;]?$", re.S)
_COMMANDER_LABEL = re.compile(
    r"^(?:指挥|指挥长|总指挥|指挥者|响应指挥|现场指挥|负责指挥|指挥人员?)\s*[:：]\s*(.+?)[。；;]?$", re.S
)
_FIELD_START = re.compile(
    r"(?:^|(?<=[。；;\s]))\s*(?:[（(]\d{1,2}[)）]|\d{1,2}[.、．])?\s*(?="
    r"(?:启动|响应)?(?:条件|情形)\s*[:：]"
    r"|(?:指挥|指挥长|总指挥|指挥者|响应指挥|现场指挥|负责指挥|指挥人员?)\s*[:：]"
    r"|(?:响应|应急|处置|主要)?(?:措施|行动|任务|处置措施|响应措施)\s*[:：])"
)
_ACTIONS_LABEL = re.compile(
    r"^(?:响应|应急|处置|主要)?(?:措施|行动|任务|处置措施|响应措施)\s*[:：]\s*(.+?)[。；;]?$", re.S
)


def labelled_segments(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each labelled field in a block that starts with one; [] if it does not."""
    starts = [m.start() for m in _FIELD_START.finditer(text)]
    lead = len(text) - len(text.lstrip())
    if not starts or starts[0] > lead:
        return []
    out = []
    for begin, stop in zip(starts, [*starts[1:], len(text)], strict=True):
        body = strip_number(text[begin:stop].strip())
        out.append((text.find(body, begin), body))
    return out


def labelled_field(draft: PlanDraft, index: int, block: Block, at: int, body: str) -> None:
    """One "启动条件：…" / "响应指挥：…" / "响应措施：a；b" field of a level, cited at ``at``."""
    entry = draft.data["response_levels"][index]
    trigger, commander = _TRIGGER_LABEL.match(body), _COMMANDER_LABEL.match(body)
    measures = _ACTIONS_LABEL.match(body)
    if commander:
        if entry["commander"] is None:
            # "镇应急指挥部总指挥，江阴市应急指挥机构到达后移交指挥权": the commander is the first clause
            who = re.split(r"[，,]", commander.group(1), maxsplit=1)[0]
            entry["commander"] = who
            begin = at + commander.start(1)
            draft.cite(
                f"/response_levels/{index}/commander",
                block.paragraph,
                begin,
                begin + len(who),
                confidence=0.85,
            )
    elif trigger:
        if not entry["trigger"]:
            entry["trigger"] = trigger.group(1)
            draft.cite(
                f"/response_levels/{index}/trigger",
                block.paragraph,
                at + trigger.start(1),
                at + trigger.end(1),
                confidence=0.85,
            )
    elif measures:
        for action in split_actions(measures.group(1)):
            if action not in entry["actions"]:
                entry["actions"].append(action)
                start, end = draft.span(block.paragraph, action)
                n = len(entry["actions"]) - 1
                draft.cite(
                    f"/response_levels/{index}/actions/{n}", block.paragraph, start, end, confidence=0.8
                )
