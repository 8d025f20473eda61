"""Section classifier: each heading of the document → a GB/T 29639-2020 skeleton path or ``None``.

Pure keyword rules on the heading text (number stripped), most specific first: a sub-part
("信息报告", "响应终止") implies its part ("应急响应"). A heading that matches nothing inherits its
parent's mapping ("4.2.1 一级响应" under "4.2 分级响应"); a top-level heading that matches nothing is
tried once more against its body (a section about 红色/橙色 levels is 预警 whatever its title). What
stays unmapped is still kept as a section with ``skeleton=None``, so nothing in the document is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.plan_document import PlanSection
from plans.structure import Block, heading_title

# (skeleton path, heading pattern) — order matters: first match wins.
_HEADING_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (path, re.compile(pattern))
    for path, pattern in (
        # an appendix says so first ("附件1 应急响应流程图" is no 应急响应 section)
        ("附件", r"^(?:附件|附录|附表|附图)"),
        ("总则/目的", r"目的|目标"),
        ("总则/编制依据", r"依据"),
        ("总则/适用范围", r"适用范围|适用对象|范围"),
        ("总则/响应分级", r"响应分级|事故分级|事件分级|分级标准|级别划分|调度等级|分级调度"),
        (
            "应急响应/信息报告",
            r"信息报告|信息上报|事故报告|接报|报告程序|信息报送"
            # "火情报告" / "险情报送": a short heading that ends in 报告 is the reporting section, unless it is
            # the report written afterwards (调查报告, 评估报告 belong to 后期处置)
            r"|^[\u4e00-\u9fff]{1,4}(?<!调查|评估|总结|分析)报(?:告|送)$",
        ),
        ("应急响应/应急支援", r"应急支援|扩大响应|增援|支援"),
        ("应急响应/响应终止", r"响应终止|应急结束|终止|解除"),
        (
            "应急响应/分级响应",
            r"分级响应|响应启动|启动响应|响应程序|响应措施|先期处置|处置措施|现场处置|[ⅠⅡⅢⅣIV一二三四1-4]级(应急)?响应",
        ),
        (
            "组织机构及职责",
            r"组织机构|组织体系|组织架构|指挥机构|指挥体系|指挥部|领导小组|工作组|工作小组|职责|应急小组|应急机构"
            # "作战编成" (a 消防 plan's line-up of 中队 and 战斗班)
            r"|应急组织(?!保障|实施)|作战编成|力量编成",
        ),
        ("预警", r"预警|监测|预防"),
        ("后期处置", r"后期处置|善后|恢复重建|恢复生产|事故调查|总结评估|调查评估"),
        ("应急响应", r"应急响应|响应|应急处置|处置"),
        ("应急保障", r"保障|应急队伍|物资|装备"),
        ("附件", r"附件|附录|附表|附图|联系方式|通讯录|联系电话|名单|名录|清单|流程图"),
        ("总则", r"总则|工作原则|基本原则|概况|概述|风险分析|风险描述|事故风险"),
    )
)
_GROUP_TITLE = re.compile(r"(?<![分编])(?:组|队)$")
_SETS_UP = re.compile(r"成立|组建|设立|组成")
_POSTS = re.compile(r"组长|组员|成员|队长|队员|职责")
# Body cues for top-level headings whose title says nothing (weaker: needs two distinct cue words).
_BODY_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("预警", ("红色", "橙色", "黄色", "蓝色", "预警")),
    ("组织机构及职责", ("总指挥", "副总指挥", "成员", "职责")),
    ("应急响应", ("启动", "响应", "报告", "处置")),
    ("应急保障", ("队伍", "物资", "装备", "经费")),
)


def classify_heading(title: str) -> str | None:
    for path, pattern in _HEADING_RULES:
        if pattern.search(title):
            return path
    return None


def _by_body(text: str) -> str | None:
    for path, cues in _BODY_CUES:
        if sum(1 for cue in cues if cue in text) >= 3:
            return path
    return None


@dataclass(frozen=True)
class Outline:
    sections: list[PlanSection]
    block_skeleton: list[str | None]  # per block: the skeleton path of the section it lies in
    block_section: list[int | None]  # per block: index into ``sections``


def outline(blocks: list[Block], *, title_paragraph: int | None = None) -> Outline:
    """Sections (one per heading) with their skeleton path, and each block's section.

    ``title_paragraph`` is the block holding the plan's title: a title set as a heading is not a section.
    """
    headings = [i for i, b in enumerate(blocks) if b.kind == "heading" and i != title_paragraph]
    sections: list[PlanSection] = []
    block_skeleton: list[str | None] = [None] * len(blocks)
    block_section: list[int | None] = [None] * len(blocks)
    stack: list[tuple[int, str | None]] = []  # (heading level, skeleton) of the open ancestors
    for n, start in enumerate(headings):
        end = headings[n + 1] if n + 1 < len(headings) else len(blocks)
        block = blocks[start]
        level = block.heading_level or 1
        while stack and stack[-1][0] >= level:
            stack.pop()
        title = heading_title(block)
        body = "\n".join(b.text for b in blocks[start + 1 : end])
        skeleton = classify_heading(title)
        if _GROUP_TITLE.search(title) and _SETS_UP.search(body):
            # "2.1 现场处置组" over "水厂成立…现场处置组，组长由…": the body the text sets up, not its 处置 work
            skeleton = "组织机构及职责"
        in_org = bool(stack) and stack[-1][1] == "组织机构及职责"
        if skeleton and in_org and _GROUP_TITLE.search(title) and _POSTS.search(body):
            # "3.2 现场处置组" over its posts in the organisation part: a group of it, not the 现场处置 of the
            # response part (a bullet "◆ 现场处置组（由指挥部调度）" over other groups names no post: a category)
            skeleton = "组织机构及职责"
        if skeleton is None and stack:
            skeleton = stack[-1][1]
        elif skeleton is not None and stack and stack[-1][1] and "/" not in skeleton:
            # a plain part word inside a mapped parent ("4.2.1 现场处置" under 应急响应) stays in that parent
            parent = stack[-1][1]
            if parent.split("/")[0] != skeleton:
                skeleton = (
                    parent if parent.split("/")[0] in ("应急响应", "组织机构及职责", "附件") else skeleton
                )
        if skeleton is None and not stack:
            skeleton = _by_body(body)
        stack.append((level, skeleton))
        sections.append(
            PlanSection(
                number=block.number or "",
                heading=title,
                skeleton=skeleton,
                text=body,
                paragraph=block.paragraph,
                page=block.page,
            )
        )
        for i in range(start, end):
            block_skeleton[i] = skeleton
            block_section[i] = len(sections) - 1
    return Outline(sections=sections, block_skeleton=block_skeleton, block_section=block_section)


def blocks_in(blocks: list[Block], outline: Outline, paths: tuple[str, ...]) -> list[Block]:
    """Blocks whose section maps to one of ``paths`` or lies under one (``应急响应`` covers its sub-parts)."""
    out = []
    for block in blocks:
        skeleton = outline.block_skeleton[block.paragraph]
        if skeleton and any(skeleton == p or skeleton.startswith(p + "/") for p in paths):
            out.append(block)
    return out
