"""Alarms by camera point: "我们厂罐区那个摄像头这个月报过几次警", "区里装卸区的摄像头报了几次警".

A camera point is where a camera looks (罐区, 大门口, 配电房 …); the video platform names its cameras
after it ("罐区01号摄像机"), so the point said is matched against the camera's name. Asked with an
alarm word, the question is about the events those cameras detected, not about the cameras (which
the camera-count rule would answer). With no period said, every alarm of that point is counted: a
point's record is short, and "一共报了多少次警" means all of it (chat round 30 convention (2)).

Pure functions over the normalised question; no I/O.
"""

from __future__ import annotations

import re
from typing import Any

# Points as the site's cameras are named; longer forms first so "生产车间" is not read as "车间".
_POINT = re.compile(
    r"(大门口|门口|大门|罐区|储罐区|生产车间|车间|装卸区|装卸台|仓库|库房|危废库|配电房|配电室|消防通道|"
    r"加油区|卸油区|租赁厂房|厂房|中控室|控制室|泵房|堆场|码头|围墙|周界|污水池|办公楼|食堂)"
    r"(?:那个|那台|那只|这个|这台|那边的?|里的?|的)?(?:摄像头|摄像机|监控|探头|视频)"
)
_ALARM = re.compile(r"报警|告警|报[过了几次回个什么多少]{1,5}警|报过|报了")


def camera_point(text: str) -> str | None:
    """The camera point whose alarms the question asks about, or None."""
    m = _POINT.search(text)
    if m is None or not _ALARM.search(text[m.end() :]):
        return None
    return m.group(1)


def camera_point_slot(text: str) -> dict[str, Any]:
    """{"camera_point": point} for ``events_recent`` when one is asked about, else {}."""
    point = camera_point(text)
    return {"camera_point": point} if point else {}
