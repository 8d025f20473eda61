"""Two things a duty officer asks of a plan that no level field holds: where people go, who tells the press.

"村里低洼户要转移，安置点在哪里", "群众疏散到哪里去", "避难场所设在哪" asked about an accident or a flood is
the plan's 避难场所 / 安置点 line (周庄中学、周庄镇文体中心作为临时避难场所; a card's 人往哪躲), not a
distance search over the city's shelters: the people are moved where the plan says. Asked with 最近/就近
and no accident, it stays the resource search. "新闻发布和舆情引导由哪个组负责", "信息发布谁负责" is the
plan's working group that holds that duty (宣传报道组, 综合保障组 …), not a list of recent events.

The router reads the question forms here to send both to ``plan_for``; ``plan_aspects.aspect`` reads the
aspect words to aim the passage search and to judge which passage is on the point. Pure text work.
"""

from __future__ import annotations

import re

# Where people are moved: the place nouns a plan uses, or "往哪里安置", "疏散到哪里", "人往哪躲".
_SHELTER_NOUN = (
    r"安置点|安置场所|安置地点|避难场所|避难所|避难点|避灾点|避灾安置点|应急避难|临时避难|集中安置"
)
SHELTER_ASKED = re.compile(
    rf"(?:{_SHELTER_NOUN})|"
    r"(?:往|去|到)哪(?:里|儿|边|个地方)?(?:安置|转移|疏散|撤离?|躲|避)|"
    r"(?:安置|转移|疏散|撤离?|躲|避险|避难)(?:到|去|在)(?:哪|什么地方|何处)"
)
# Who speaks for the response: information release, press and public opinion.
RELEASE_ASKED = re.compile(
    r"新闻发布|信息发布|发布信息|发布消息|对外发布|统一发布|舆情|新闻报道|发布会|媒体|记者|宣传报道|对外口径"
)
# What makes a shelter question a plan's: an accident or a flood in it, or people being moved out.
_MOVED = re.compile(r"转移|疏散|撤离|撤出|险情|低洼|受灾|灾民")
# A distance search said outright ("最近的避难场所", "离华士镇最近的安置点"): the graph's resources.
_DISTANCE = re.compile(r"最近|就近|附近|距离|多远|几公里|离[^，,。？?]{1,10}近")


SHELTER_NOUN = re.compile(_SHELTER_NOUN)


def asks_shelter(text: str, plan_matter: bool) -> bool:
    """Where the people of an accident or a flood are taken, as the plan names it; ``plan_matter``:
    the question names an accident, a hazard event or a plan."""
    if SHELTER_ASKED.search(text) is None or _DISTANCE.search(text):
        return False
    return plan_matter or _MOVED.search(text) is not None


# A plan's line that names the places ("周庄中学、周庄镇文体中心作为临时避难场所", "人往哪躲：青石村文化礼堂"),
# as against a step that only says people go to "the" 安置点 ("转移组把低洼户先转移到安置点").
_SHELTER_SAID = re.compile(_SHELTER_NOUN + r"|避灾|人往哪躲")
_PLACE = re.compile(
    r"中学|小学|学校|幼儿园|体育馆|礼堂|文体中心|文化中心|文化站|文化广场|广场|操场|会堂|活动中心|村委会|社区中心|场馆|宾馆|酒店"
)
_SENTENCE = re.compile(r"[^。；;]*")


def naming_sentence(text: str) -> int:
    """Where the sentence (or table row) naming the shelters starts in ``text``; -1 when none does."""
    for sentence in _SENTENCE.finditer(text):
        if _SHELTER_SAID.search(sentence.group()) and _PLACE.search(sentence.group()):
            return sentence.start()
    return -1


def asks_release(text: str, plan_matter: bool) -> bool:
    """Who releases information or handles the press for an accident or under a plan."""
    return plan_matter and RELEASE_ASKED.search(text) is not None


__all__ = [
    "RELEASE_ASKED",
    "SHELTER_ASKED",
    "SHELTER_NOUN",
    "asks_release",
    "asks_shelter",
    "naming_sentence",
]
