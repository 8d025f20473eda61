"""Plain descriptions and clipped nouns written as the duty-room terms, before the rules read a question.

A new colleague does not know the jargon and describes the thing instead: "存了很多危险化学品的厂" is
an enterprise with a major hazard source (a source is defined by the stored quantity), "钻到罐子里去
干活" is confined-space work (进罐作业). Someone in a hurry drops the noun after 危化 ("临港有多少家危化"),
which the category tables only know with 企业. The routing rules and vocabulary tables are written
against the terms; rewriting the descriptions here keeps each rule from learning every paraphrase.
Only descriptions that name one term unambiguously are rewritten (a wrong term would give a confident,
wrong answer; an unread description still ends in the polite decline).
"""

from __future__ import annotations

import re

_CHEMICALS = r"(?:危险化学品|危化品|危险品|化学品)"
_STORE = r"(?:存|储存|存放|储|放|囤)(?:了|有|着)?"
_MUCH = r"(?:很多|大量|大批|好多|不少|特别多|超量)"
_PLAIN: tuple[tuple[re.Pattern[str], str], ...] = (
    # "存了很多危险化学品的厂", "放危险化学品很多的厂": the quantity is what makes a major hazard source.
    # Not "存了哪些危化品" (an enterprise's stock: no quantity word) nor "储存量" (a figure).
    (re.compile(rf"{_STORE}{_MUCH}的?{_CHEMICALS}|{_STORE}{_CHEMICALS}(?:很多|特别多|比较多|较多|量大)"),
     "有重大危险源"),
    # "钻到罐子里面去干活", "进罐作业", "下井清理": entering a vessel or pit is confined-space work.
    # Not 罐区 / 罐车 (places and vehicles), where 动火 or 吊装 may be the work.
    (re.compile(r"(?:钻|爬|进|下|入)(?:到|进)?(?:罐子|储罐|反应釜|罐|釜|塔|窨井|污水池|池子|井)(?!区|车|体)"
                r"(?:里面|里头|里|内)?(?:去|来)?(?:干活|作业|施工|清理|清洗|检修)?"),
     "受限空间作业"),
    # "在高的地方干活", "爬到高处施工", "高空干活": work at height (高处作业). Not 高温 / 高压 (other words).
    (re.compile(r"(?:在|到|爬到?|上到?)(?:很|比较)?高(?:的地方|的位置|处|空)(?:上|去)?(?:干活|作业|施工|干)"
                r"|高空(?:干活|施工)|登高(?:干活|施工)"),
     "高处作业"),
    # "管道上加堵板", "拆盲板": blinding or unblinding a line is 盲板抽堵 work.
    (re.compile(r"(?:加|装|上|插|抽|拆|取)(?:个|块)?(?:堵板|盲板)(?!抽堵)"), "盲板抽堵作业"),
    # "风险最高那一级", "最高一级的风险", "风险等级最高的": the top risk level (重大), a level, not a ranking.
    (re.compile(r"风险(?:等级)?最高(?:的)?(?:那|这)?一?(?:级|档)(?:的)?|风险等级最高的?|最高(?:那|这)?一?(?:级|档|等级)的?风险"),
     "重大风险"),
    # "重大风险的点位": a risk point, not a camera position (点位 alone is a camera's).
    (re.compile(r"(重大|较大|一般|低)风险的?点位"), r"\1风险点"),
    # "有多少家危化", "顾山镇的危化有哪些": the clipped 危化 with no noun after it means the enterprises.
    # Not 使用危化 (a key domain), 危化品 / 危化救援 / 危化企业 (other words go on after it).
    (re.compile(r"(?<!使用)危化(?=$|[有的都在是吗呢啊呀，,。？?！!\s]|一共|总共|分别|名单|清单|数量)"), "危化企业"),
)  # fmt: skip


def expand_plain_words(text: str) -> str:
    """``text`` with the descriptions above written as terms ("存了很多危化品的厂" → "有重大危险源的厂")."""
    for pattern, term in _PLAIN:
        text = pattern.sub(term, text)
    return text


__all__ = ["expand_plain_words"]
