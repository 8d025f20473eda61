"""A town-like name the gazetteer does not hold ("东风镇", "某某街道"), so the caller is told it is unknown
instead of being answered for the whole city. Moved out of ``agents.chat.slots`` (size limit)."""

from __future__ import annotations

import re

_UNKNOWN_TOWN = re.compile(r"(?:^|[\s，,。？?、在到离和与])([\u4e00-\u9fff]{2,3}(?:镇|街道|开发区))")
_NOT_TOWN = re.compile(r"^(?:请|麻烦|帮我)?(我们|本|按|各|每|这|那|全|该|哪|所在|所属|其他|前[0-9一二两三四五六七八九十])|.*(?:礼拜|星期|[周月年天晚早夜]|现在|以来|至今)[一二三四五六日天末]?(?:镇|街道|开发区)$")  # fmt: skip  # "上礼拜镇上", "下周一开发区", "明天街道": a time word, then the caller's own area


def unknown_town_in(text: str) -> str | None:
    """The unknown town named in ``text`` (called only when no known town was found), else None."""
    m = _UNKNOWN_TOWN.search(text)
    if m and not _NOT_TOWN.match(m.group(1)) and not re.search(r"(各|哪个|哪些|每个)(镇|街道)", text):
        return m.group(1)
    return None


__all__ = ["unknown_town_in"]
