"""A level table in two columns, 级别 | 内容, whose content cell holds the whole level in one paragraph:
"…时启动，由X指挥，a；b；c。" — the condition, then who commands, then the measures.

Templates translated from group standards often keep this shape ("Level | Description").
"""

from __future__ import annotations

import re

from plans.rules_level_fields import commander_in, split_actions

# The header cell of the content column (level tables with a 启动条件 column are read elsewhere)
CONTENT_HEADER = r"内容|说明|描述|具体要求|Description"
# "…时启动，" / "…时，" / "…的，": the condition ends at the first such comma
_CONDITION = re.compile(
    r"^\s*(?:当|凡|如|若|一旦)?([^，,。；;]{2,80}?)(?:时|的)\s*(?:启动(?:本级响应|响应)?)?\s*[，,]"
)


def content_fields(text: str) -> tuple[str, str | None, list[str]]:
    """(trigger, commander, actions) of one content cell; empty parts where the cell does not say."""
    condition = _CONDITION.match(text)
    trigger = condition.group(1).strip() if condition else ""
    said = commander_in(text)
    commander = said[2] if said else None
    after = text[said[1] :] if said else text[condition.end() :] if condition else ""
    # the measures start after the command clause's comma / colon
    measures = re.sub(r"^[^，,：:；;。]*[，,：:]\s*", "", after, count=1) if after else ""
    return trigger, commander, split_actions(measures.strip().rstrip("。")) if measures else []
