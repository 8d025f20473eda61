"""Enterprise names said the short way inside a longer sentence, and words that are never names.

``slots.enterprise_mention`` finds a short name when a portrait word follows it ("腾亚储运的法人").
A context-first question says the name in passing instead ("刚接到电话说科长药业那边有异味，先看下
他们厂里存了哪些危化品", "明天检查组要去铖腾储运，先看看他们家…"): nothing name-like follows it,
and the chunk before the portrait word is the pronoun that refers back to it. People shorten an
enterprise to its two-character 字号 and its trade (科长 + 药业, 铖腾 + 储运), so a trade word at the
end of a chunk, with two characters before it, is a weak mention — looked up like any other weak
mention, and dropped when no enterprise has that name.
"""

from __future__ import annotations

import re

# Trades enterprises are named by and that are not company suffixes already (slots._SUFFIXES).
_TRADES = (
    "药业|医药|储运|气体|燃气|石化|化学|精化|助剂|塑业|橡塑|铝业|铜业|钢构|钢管|不锈钢|铸件|铸造|"
    "轴承|针织|家纺|毛纺|服饰|能源|模具|机电|电子|材料|食品|包装|建材|水泥"
)
_TRADE_NAME = re.compile(rf"([\u4e00-\u9fff]{{2}}(?:{_TRADES}))(?:那边|这边|那里|这里|那儿|这儿|那块|这块)?$")
# A pronoun is never part of a name: "先看下他们" before "厂里" refers to a name said earlier.
# 化学品 ends a name chunk ("嘉澜存的化学品", "危险化学品") unless a 字号 stands right before it: 联安化学品
# and 益建化学品 are firms (江阴市联安化学品有限公司), read as names like 澄星化工 (chat-robust18).
CHEM_STOP = r"(?<![^险的些么啥存放储有了种类性用镇道区村市园和及与是品学化装运输管理\s])化学品"
PRONOUN = re.compile(r"他们|她们|它们|他家|她家|它家|你们|咱们|人家")


def joins_name(before: str) -> bool:
    """和 / 与 / 及 with no conjunct before it is part of a name: nothing before it ("和新包装"), or one
    Chinese character (贵和, 永和, 协和 are 字号: a one-character conjunct is never a filter or a name).
    Not "A和B类" (a class letter is a conjunct)."""
    return re.fullmatch(r"\s*[\u4e00-\u9fff]?\s*", before) is not None


# 字号 + trade with a short predicate run on ("新盛气体存", "腾亚储运没整改", "恒星燃气以前"): the words
# after the trade are no part of the name when they hold no trade or suffix word themselves.
_TRADE_HEAD = re.compile(rf"^([\u4e00-\u9fff]{{2}}(?:{_TRADES}))([\u4e00-\u9fff]{{1,4}})$")
_NAME_WORDS = re.compile(rf"{_TRADES}|公司|集团|厂|科技|制品|设备|工业|实业|贸易|化工|新材料")


def trade_head(part: str) -> str:
    """``part`` cut after its 字号 + trade when a few non-name characters follow ("恒星燃气以前" →
    "恒星燃气"); ``part`` itself otherwise ("宁旭石化储运", "嘉汇化学" stay whole)."""
    m = _TRADE_HEAD.match(part)
    return m.group(1) if m and not _NAME_WORDS.search(m.group(2)) else part


def trade_name(part: str) -> str | None:
    """字号 + trade at the end of ``part`` ("刚接到电话说科长药业那边" → "科长药业"), or None."""
    m = _TRADE_NAME.search(part)
    return m.group(1) if m else None


# "一家纺织厂着火了", "某化工厂", "有个加油站": a determiner before a trade word describes an enterprise
# without naming it (the caller does not know or does not say which).
_DETERMINER = re.compile(r"^(?:一|某|有|这|那|哪)(?:一)?(?:家|个|间|座|所)?|^某")


def without_determiner(span: str) -> str:
    return _DETERMINER.sub("", span)
