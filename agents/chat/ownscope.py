"""Words by which callers name their own patch: "本镇", "我们街道", "辖区内" (a town officer's town),
"我们公司", "本企业", "我们厂" (an enterprise user's own enterprise).

They are read against the caller's ``DataScope`` and taken out of the question before slot filling
and routing, so "本企业的重大危险源" asks for hazard sources (not enterprises) of the caller's own
enterprise, and "我们街道现在谁值班" asks for the town's duty officers only (not also the city's).
An enterprise user's questions are about their own enterprise whether or not they say so (their
scope shows nothing else). A city-level caller has no own town: the words are left alone and the
question stays city-wide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.chat.slots import GENERIC_PLACES
from core.scope import DataScope, ScopeLevel

# 街道/镇 opening a clause or said after 我是 (no town name before it)
_SAID_ALONE = r"(?:^|(?<=[，,。；;：:！!？?\s])|(?<=我是)|(?<=我们是)|(?<=我在))"
_OWN_TOWN = re.compile(
    r"(?:本|我|我们|咱|咱们|俺|俺们)(?:镇|街道|乡镇|镇街|园区|开发区)(?:里|内|上(?![个周月礼星次半季年上一]))?|本辖区内?|辖区(?:内|里)?|"
    # a town officer's own park (我们工业集中区) is in his town; its words stay (化工 says the sector)
    r"(?:本|我们|咱们?)(?=(?:工业|化工|经济)?(?:园区|开发区|集中区|工业园))|"
    r"(?:我们|俺们?|咱们?)(?:这边|这儿|这里|这块|这片|这)"
)
# A bare 街道/镇 said by its own officer (我是街道应急办的, 镇安监站的, 街道这边) is his own town, not a
# place named 我是街道; a named town (夏港街道这边) keeps its name (the lookbehind sees 港). It is written
# out as the town's name, so the turn's text (read again by a follow-up) still says where.
_BARE_OWN_TOWN = re.compile(
    rf"{_SAID_ALONE}(?:街道|乡镇|镇)(?=应急|安监|防指|防汛|值班|党政|政府|办)|"
    rf"{_SAID_ALONE}(?:街道|乡镇|镇)(?:这边|这里|这儿|里这边|里(?![个家座条面]))"
)
_OWN_ENTERPRISE = re.compile(
    r"(?:本|我|我们|咱|咱们)(?:公司|企业|单位|厂区|工厂|厂)(?:里|内)?|我司|我企|我们|咱们|我方"
)


@dataclass(frozen=True)
class OwnScope:
    text: str  # the question without the own-scope words it resolved
    town: str | None = None  # "本镇" → the town officer's town
    enterprise_id: str | None = None  # "我们公司" → the enterprise user's enterprise


def own_scope(text: str, scope: DataScope) -> OwnScope:
    """Resolve the caller's own-patch words; words the scope cannot resolve stay in the text."""
    if scope.level is ScopeLevel.TOWN and scope.town and _BARE_OWN_TOWN.search(text):
        text = _BARE_OWN_TOWN.sub("" if scope.town in text else scope.town, text)  # named once is enough
        return OwnScope(_OWN_TOWN.sub("", text), town=scope.town)
    if scope.level is ScopeLevel.TOWN and _OWN_TOWN.search(text):
        return OwnScope(_OWN_TOWN.sub("", text), town=scope.town)
    if scope.level is ScopeLevel.ENTERPRISE:  # an enterprise user only ever asks about their own
        return OwnScope(_OWN_ENTERPRISE.sub("", text), enterprise_id=scope.enterprise_id)
    return OwnScope(text)


def place_of(own: OwnScope, town: str | None, mention: str | None) -> str | None:
    """The town a question is about: the one it names, else the caller's own ("本镇"). A kind of place
    said after the caller's own-patch words ("我们街道化工园区") is in the caller's town, as "璜土镇化工
    园区" is in 璜土镇, not the place the gazetteer files that word under."""
    if own.town and (town is None or mention in GENERIC_PLACES):
        return own.town
    return town
