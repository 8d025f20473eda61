"""Levels written as paragraphs that pair a warning colour with a response level, one paragraph a level:
"（1）居民户内燃气设施少量泄漏的，由燃气公司发布蓝色预警，同时启动Ⅳ级响应，由抢修队队长现场指挥。主要措施：a；b；c。"

The condition before "，由X发布…预警" is both the warning's criteria and the response's trigger (kept as written, "的"
included); the colour gives the warning level (蓝 = 四级 … 红 = 一级, as the mapping sentence pairs them), the level
written after 启动 the response level and its name ("Ⅳ级响应"); the clause after it says who commands ("由Y现场指挥",
"Y赶赴现场并负责指挥", "Y任现场指挥长", "Y亲自指挥"); the "措施：" run after it gives one action per "；" clause. The
warning's issuer X is no field. The sentence rules find such a level by its number only, often outside the sections
they read, so this fills what they left empty and adds what they missed.
"""

from __future__ import annotations

import re
from typing import Any

from agents.llm.vocab import RESPONSE_LEVELS, normalise_level
from plans.draft import PlanDraft
from plans.rules_level_fields import (
    _LEVEL_TOKEN,
    commander_in,
    fill_commander_and_actions,
    split_actions,
    strip_number,
)
from plans.structure import Block

_PAIRED = re.compile(
    r"(?P<cond>[^。；;：:]{4,120}?(?:的|时))\s*[，,]\s*(?:由(?:[^，,。；;]{1,20}?))?发布\s*"
    r"(?P<colour>红|橙|黄|蓝)色\s*预警(?:信号)?\s*[，,]?\s*(?:并|同时|并同时|并且)?\s*启动\s*"
    rf"(?P<name>(?P<level>{_LEVEL_TOKEN})\s*级\s*(?:应急)?响应)"
    r"(?P<rest>[^。]*)"
)
# "镇安监办主任赶赴现场并负责指挥" / "镇长亲自指挥": the commander in the clause after the level
_LEADS = re.compile(
    r"^[，,\s]*(?:由)?(?P<who>[^，,。；;]{2,16}?)(?:赶赴|赶到|到达)?(?:现场)?(?:并)?(?:亲自|负责|统一)*(?:现场)?指挥"
)
_MEASURES = re.compile(r"(?:主要|处置|响应|应急)?措施(?:如下|包括|为)?\s*[:：]\s*(?P<run>[^。]+)")


def _commander(rest: str) -> str | None:
    said = commander_in(rest)
    if said:
        return said[2]
    m = _LEADS.match(rest)
    return m.group("who").strip() if m else None


def _paired(block: Block) -> list[tuple[re.Match[str], list[str]]]:
    """Each paired sentence of ``block`` with the actions of the "措施：" run that follows it."""
    text = block.text
    found = list(_PAIRED.finditer(text))
    out = []
    for n, m in enumerate(found):
        upto = found[n + 1].start() if n + 1 < len(found) else len(text)
        run = _MEASURES.search(text, m.end(), upto)
        out.append((m, split_actions(run.group("run")) if run else []))
    return out


def _warning(draft: PlanDraft, block: Block, m: re.Match[str], criteria: str) -> None:
    colour = m.group("colour") + "色"
    level = normalise_level(colour)
    warnings: list[dict[str, Any]] = draft.data["warning_levels"]
    at = next((n for n, w in enumerate(warnings) if w["level"] == level), None)
    if at is None and level:
        draft.add("warning_levels", {"level": level, "color": colour, "criteria": criteria},
                  block.paragraph, m.start("cond"), m.end("cond"), confidence=0.8)  # fmt: skip
    elif at is not None and (
        not warnings[at]["criteria"]  # "分为红色、橙色…四级" gave the colour only
        or (criteria in warnings[at]["criteria"] and "发布" in warnings[at]["criteria"])
    ):  # the "…预警…时，" clause rule took the whole pairing, issuer and response included, as the criteria
        warnings[at]["criteria"] = criteria
        draft.cite(f"/warning_levels/{at}/criteria", block.paragraph, m.start("cond"), m.end("cond"))


def _response(draft: PlanDraft, block: Block, m: re.Match[str], trigger: str, actions: list[str]) -> None:
    level = normalise_level(m.group("level") + "级")
    if level is None:
        return
    levels: list[dict[str, Any]] = draft.data["response_levels"]
    at = next((n for n, r in enumerate(levels) if r["level"] == level), None)
    name = re.sub(r"\s+", "", m.group("name"))
    if at is None:
        new: dict[str, Any] = {"level": level, "name": name, "trigger": "", "commander": None, "actions": []}
        at = draft.add(
            "response_levels", new, block.paragraph, m.start("name"), m.end("name"), confidence=0.8
        )
    entry = levels[at]
    if not entry["name"]:
        entry["name"] = name
        draft.cite(f"/response_levels/{at}/name", block.paragraph, m.start("name"), m.end("name"))
    # the sentence rule may have read the condition without its closing 的 / 时: paired, it is the warning's criteria
    if not entry["trigger"] or trigger[:-1] == entry["trigger"]:
        entry["trigger"] = trigger
        draft.cite(f"/response_levels/{at}/trigger", block.paragraph, m.start("cond"), m.end("cond"))
    fill_commander_and_actions(
        draft, at, block, _commander(m.group("rest")), actions, (m.start("rest"), m.end())
    )


def fill_paired_levels(draft: PlanDraft) -> None:
    for block in draft.blocks:
        if block.kind == "table":
            continue
        for m, actions in _paired(block):
            condition = strip_number(m.group("cond").strip())
            _warning(draft, block, m, condition)
            _response(draft, block, m, condition, actions)
    draft.sort_list("warning_levels", lambda w: RESPONSE_LEVELS.index(w["level"]))
    draft.sort_list("response_levels", lambda r: RESPONSE_LEVELS.index(r["level"]))
