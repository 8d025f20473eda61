"""Duty-room words the older slots read past (chat-robust19): shift parts and roles, hazards not yet
closed out, and inspections of one kind.

* The demo roster runs 24 h shifts from 08:30, so a 夜班 or 白班 is the shift covering a time of that
  day: 夜班 the one covering 20:00 (as 今晚), 白班 the one covering 12:00 — "明天白班" is tomorrow's
  shift, "昨晚夜班" yesterday's, not whichever is on duty now.
* "带班领导"/"值班领导" said as such asks for the leader of the shift alone; "谁带班" and "值班员"
  keep the whole shift (the older wording: 带班 means 值班, and 值班员 whoever is on duty, chat-227).
* A hazard is 销号 (closed out) once its rectification is accepted: "没销号/未验收" are every status
  before 已验收 — 已整改 too, which the open ones (待整改/整改中) leave out; "整改完了还没验收" and
  "已整改未验收" are 已整改 alone.
* "夜查", "专项检查": inspections of that kind (``Inspection.kind``), not every inspection.

Pure functions over the normalised question; no I/O.
"""

from __future__ import annotations

import re
from typing import Any

from core.vocab import HazardStatus

HOUR_MS = 3_600_000
DAY_MS = 24 * HOUR_MS
_NIGHT = re.compile(r"夜班|晚班|夜里值班")
_DAY = re.compile(r"白班|日班|白天(?:值班|的班)")
# "明早接班的是谁", "今天早上谁值班" with no clock time: the shift covering 08:00 of that day (round 29 (3))
_MORNING = re.compile(r"[明今](?:早|天早上|天早晨)(?![0-9一二三四五六七八九十两]+[点时:：])")
# a role said as such; "谁带班" alone is the whole shift (older convention, chat-117)
_LEADER = re.compile(r"带班(?:的)?领导|值班领导|带班局长|领导带班")

# "没销号", "还未销号", "没有验收", "未验收": every status before 已验收, unless rectified is said too
_NOT_CLOSED_OUT = re.compile(r"(?:没|未|没有|尚未|还没有?|还未)(?:销号|销项|验收)")
# rectified said anywhere with a not-accepted word: "整改完了还没验收", "已整改的有哪些还没销号"
_RECTIFIED = re.compile(r"已经?整改(?!中)|(?<![没未])整改(?:好|完)|(?<![没未整])改(?:好|完)")
NOT_ACCEPTED = [HazardStatus.PENDING.value, HazardStatus.RECTIFYING.value, HazardStatus.RECTIFIED.value]
# "现在整改好了几条", "已经改完的有哪些": rectified, accepted or not (chat round 29); not a deadline
# ("月底前要整改完的"), a rate (整改完成率) or a negation ("还没有整改好")
_DONE = re.compile(r"(?:整改|改)(?:好|完)(?!成?率)|已经?销号|销号了")
_NOT_YET_DONE = re.compile(r"[没未不要须应得前能]")
DONE = [HazardStatus.RECTIFIED.value, HazardStatus.VERIFIED.value]

INSPECTION_KINDS = {
    "夜查": "夜查", "夜间检查": "夜查", "晚上查": "夜查", "专项检查": "专项检查", "专项执法": "专项检查",
    "双随机": "双随机检查", "复查": "复查", "回头看": "复查", "举报核查": "举报核查", "日常检查": "日常检查",
}  # fmt: skip


def duty_role(text: str) -> str | None:
    """带班领导 when the shift's leader is asked for as such, else None (the whole shift)."""
    return "带班领导" if _LEADER.search(text) else None


# "半夜两点了", "都十二点多了": the time it is now, said in passing, not the time asked about
_TIME_NOW_SAID = re.compile(r"[0-9一二两三四五六七八九十]+点(?:多|半|钟)?了")


def states_time_now(text: str) -> bool:
    """A clock time said as the time it is now ("半夜两点了…现在谁在值"): the shift on duty now."""
    return _TIME_NOW_SAID.search(text) is not None


# "现在值班的是谁", "此刻是谁在班", "这会儿夜班是谁": the shift on duty now, asked as such; a 夜班 or
# 交接 word beside it sets the scene ("夜班交接：周庄镇现在值班的是谁" at 05:00 is the night shift begun
# yesterday, not tonight's; chat round 36)
_NOW_ASKED = re.compile(
    r"(?:现在|此刻|此时|这会儿?|目前|当前)(?:的)?(?:夜班|晚班|班上)?(?:是|在)?(?:谁|哪位|哪个|值班|在班|当班|带班|在值)"
)


def asks_now(text: str) -> bool:
    """Whether the question asks who is on duty at this moment, in so many words."""
    return _NOW_ASKED.search(text) is not None


def shift_instant(text: str, day_start_ms: int) -> int | None:
    """The instant whose shift a 夜班/白班/早上 of the day starting at ``day_start_ms`` means, or None."""
    if _NIGHT.search(text):
        return day_start_ms + 20 * HOUR_MS
    if _DAY.search(text):
        return day_start_ms + 12 * HOUR_MS
    if _MORNING.search(text):
        return day_start_ms + 8 * HOUR_MS
    return None


def hazard_closure(text: str) -> dict[str, Any]:
    """Hazard statuses said as closing out: {"hazard_status": 已整改} or {"hazard_statuses": [...]}.

    Both replace the open-only default (``said_slots`` sets ``open_only`` False), as a status said does."""
    if not _NOT_CLOSED_OUT.search(text):
        done = any(
            not _NOT_YET_DONE.search(text[max(0, m.start() - 3) : m.start()]) for m in _DONE.finditer(text)
        )
        return {"hazard_statuses": list(DONE)} if done else {}
    if _RECTIFIED.search(text):
        return {"hazard_status": HazardStatus.RECTIFIED.value}
    return {"hazard_statuses": list(NOT_ACCEPTED)}


def inspection_kind(text: str) -> str | None:
    """The inspection kind said (夜查, 专项检查, …), the longest word first; None when none is."""
    hits = [k for k in INSPECTION_KINDS if k in text]
    return INSPECTION_KINDS[max(hits, key=len)] if hits else None


def said_slots(text: str) -> dict[str, Any]:
    """The slot values of this module said in ``text`` (only those said: a follow-up keeps the rest)."""
    out: dict[str, Any] = {}
    if (role := duty_role(text)) is not None:
        out["duty_role"] = role
    if (kind := inspection_kind(text)) is not None:
        out["inspection_kind"] = kind
    closure = hazard_closure(text)
    if closure:
        # every status the words name, not only the open ones; 未验收 is no longer 已整改 alone
        out |= {"hazard_status": None, "open_only": False} | closure
    return out


__all__ = [
    "DONE",
    "NOT_ACCEPTED",
    "duty_role",
    "hazard_closure",
    "inspection_kind",
    "said_slots",
    "shift_instant",
    "states_time_now",
]
