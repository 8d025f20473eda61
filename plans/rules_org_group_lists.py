"""Groups a body sets up by name in one sentence ("应急办公室下设现场救援组、医疗救护组和警戒疏散组。"),
and group paragraphs whose name ends in a full stop before its posts ("（1）现场救援组。组长：X；组员：Y").

The organisation rules read "X下设以下工作组" as "the groups below sit under X"; a sentence that names
the groups instead says the same, and a heading over such a section ("（三）应急处置小组") only gathers
them, like "应急小组分工" (round 23's convention).
"""

from __future__ import annotations

import re

_GROUP = r"[\u4e00-\u9fff]{1,12}?(?:组|队|专班)"
# "应急办公室下设A组、B组和C组": the subject, then two or more group names joined by 、 / 和 / 及
LISTED_GROUPS_UNDER = re.compile(
    rf"(?:^|[，,])\s*([^，,。；;、]{{2,24}}?)\s*(?:下设|分设|设立|组建)\s*"
    rf"(?:{_GROUP})(?:\s*[、和及与]\s*{_GROUP})+(?=[，,。；;：:]|$)"
)
# "（1）现场救援组。组长：…" — a group name closed by 。 before a post label is the group's lead
_NAME_THEN_STOP = re.compile(
    rf"^(\s*(?:[（(]?\s*[\d一二三四五六七八九十]+\s*[)）.．、]\s*)?{_GROUP})。"
    r"(?=\s*(?:组长|副组长|队长|副队长|组员|队员|成员)\s*[:：])"
)


def name_stop_as_colon(text: str) -> str:
    """The same text with the 。 after a leading group name read as its colon (offsets unchanged)."""
    return _NAME_THEN_STOP.sub(r"\1：", text)


def listed_groups(text: str, except_subject: str = "") -> list[str]:
    """The group names a "X下设A、B和C" sentence lists, unless X is ``except_subject`` (a group that sets
    up its own sub-groups is still a unit)."""
    out: list[str] = []
    for m in LISTED_GROUPS_UNDER.finditer(text):
        if except_subject and m.group(1).strip().endswith(except_subject):
            continue
        listed = text[m.end(1) : m.end()]
        listed = re.sub(r"^\s*(?:下设|分设|设立|组建)\s*", "", listed)
        out += [name.strip() for name in re.split(r"[、和及与]", listed) if name.strip()]
    return out
