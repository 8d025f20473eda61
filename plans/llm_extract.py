"""LLM enrichment of the rule-extracted draft: duties of units/roles, triggers/actions per level.

The plan text is data. It goes to the model between fixed delimiters (which the text itself cannot
contain), lines that address a model were already blanked by the pipeline, the answer must
validate against a fixed Pydantic schema (re-asked on failure by the ChatModel), and every value
the model returns must be *grounded*: found in the passage it was given (after whitespace and
punctuation are removed, or with at least 80 % of its character bigrams). A value that is not in
the source is dropped with a warning, so a model that obeys an injected line, or invents a duty,
cannot put text into the plan that the plan does not contain. Levels go through ``normalise_level``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, Field

from agents.llm.prompts import PromptLibrary, structured_prompt
from agents.llm.vocab import RESPONSE_LEVELS, normalise_level
from core.errors import LLMError
from core.ports import ChatModel
from plans.draft import PlanDraft
from plans.rules_org_names import ROLE_TITLES
from plans.sections import Outline
from plans.structure import Block

log = logging.getLogger(__name__)

_CHUNK_CHARS = 1200  # fits the 2,048-token context of the embedded models with the prompt and answer
_DELIMITER = re.compile(r"【\s*预案原文")
_NOISE = re.compile(r"[\s，。；;、,.:：“”\"'（）()！!？?《》【】\[\]-]")


class DutyEntry(BaseModel):
    name: str = Field(max_length=60)
    duties: list[str] = Field(default_factory=list, max_length=40)


class DutiesOutput(BaseModel):
    entries: list[DutyEntry] = Field(default_factory=list, max_length=40)


class LevelEntry(BaseModel):
    level: str = Field(max_length=20)
    trigger: str = Field("", max_length=400)
    commander: str | None = Field(None, max_length=60)
    actions: list[str] = Field(default_factory=list, max_length=40)


class ResponseOutput(BaseModel):
    levels: list[LevelEntry] = Field(default_factory=list, max_length=8)


def _squash(text: str) -> str:
    return _NOISE.sub("", text)


def grounded(value: str, source: str) -> bool:
    """``value`` occurs in ``source`` (ignoring spaces/punctuation), or ≥ 80 % of its bigrams do."""
    v, s = _squash(value), _squash(source)
    if not v:
        return False
    if v in s:
        return True
    grams = {v[i : i + 2] for i in range(len(v) - 1)}
    return bool(grams) and sum(1 for g in grams if g in s) / len(grams) >= 0.8


@dataclass
class Chunk:
    blocks: list[Block]
    text: str


def chunks(blocks: list[Block], limit: int = _CHUNK_CHARS) -> list[Chunk]:
    out: list[Chunk] = []
    current: list[Block] = []
    size = 0
    for block in blocks:
        text = block.text[:limit]
        if current and size + len(text) > limit:
            out.append(Chunk(current, "\n".join(b.text[:limit] for b in current)))
            current, size = [], 0
        current.append(block)
        size += len(text) + 1
    if current:
        out.append(Chunk(current, "\n".join(b.text[:limit] for b in current)))
    return out


@dataclass
class LlmExtractor:
    model: ChatModel
    library: PromptLibrary = field(default_factory=PromptLibrary)
    max_calls: int = 12
    calls: int = 0
    dropped: int = 0
    warnings: list[str] = field(default_factory=list)

    def enrich(self, draft: PlanDraft, outline: Outline) -> None:
        org = [b for b in draft.blocks if b.text and outline.block_skeleton[b.paragraph] == "组织机构及职责"]
        response = [
            b
            for b in draft.blocks
            if b.text
            and (outline.block_skeleton[b.paragraph] or "") in ("总则/响应分级", "应急响应/分级响应")
        ]
        # Ask only where the rules left something empty: the model costs seconds per passage.
        units = draft.data["org_units"]
        open_roles = {r["title"] for u in units for r in u["roles"] if not r["duties"]}
        role_duty_text = any(
            re.search(rf"{re.escape(title)}(?:负责|主持|组织|协调|指挥(?!部)|承担)", b.text)
            for title in open_roles
            for b in org
        )
        if units and all(u["duties"] for u in units) and not role_duty_text:
            org = []
        levels = draft.data["response_levels"]
        if levels and all(lv["trigger"] and lv["commander"] and lv["actions"] for lv in levels):
            response = []
        for chunk in chunks(org):
            result = self._ask("plan_duties", chunk, DutiesOutput)
            if isinstance(result, DutiesOutput):
                self._merge_duties(draft, chunk, result)
        for chunk in chunks(response):
            result = self._ask("plan_response_levels", chunk, ResponseOutput)
            if isinstance(result, ResponseOutput):
                self._merge_levels(draft, chunk, result)
        if self.dropped:
            self.warnings.append(f"模型输出中有 {self.dropped} 项在原文中找不到依据，已丢弃。")

    def _ask(self, task: str, chunk: Chunk, schema: type[BaseModel]) -> BaseModel | None:
        if self.calls >= self.max_calls:
            if not any("调用次数" in w for w in self.warnings):
                self.warnings.append(f"模型调用次数达到上限 {self.max_calls}，其余段落仅用规则抽取。")
            return None
        self.calls += 1
        text = _DELIMITER.sub("[预案原文", chunk.text)  # the passage cannot close its own delimiter
        prompt = self.library.render(task, text=text)
        try:
            return structured_prompt(self.model, prompt, schema)
        except LLMError as exc:
            log.warning("%s failed: %s", task, exc.message)
            self.warnings.append(f"模型抽取失败（{task}）：{exc.message}")
            return None

    def _locate(self, draft: PlanDraft, chunk: Chunk, value: str) -> tuple[int, int, int]:
        """(paragraph, start, end) of the block in ``chunk`` that best contains ``value``."""
        squashed = _squash(value)
        best, best_score = chunk.blocks[0], -1.0
        for block in chunk.blocks:
            if squashed and squashed in _squash(block.text):
                best, best_score = block, 2.0
                break
            grams = {squashed[i : i + 2] for i in range(len(squashed) - 1)}
            score = sum(1 for g in grams if g in block.text) / max(len(grams), 1)
            if score > best_score:
                best, best_score = block, score
        start = best.text.find(value)
        return (
            (best.paragraph, start, start + len(value)) if start >= 0 else (best.paragraph, 0, len(best.text))
        )

    def _keep(self, value: str, chunk: Chunk) -> bool:
        if value and grounded(value, chunk.text):
            return True
        if value:
            self.dropped += 1
            log.info("dropped ungrounded model value %r", value[:80])
        return False

    def _merge_duties(self, draft: PlanDraft, chunk: Chunk, output: DutiesOutput) -> None:
        units = draft.data["org_units"]
        for entry in output.entries:
            name = entry.name.strip()
            if not self._keep(name, chunk):
                continue
            duties = [d.strip() for d in entry.duties if self._keep(d.strip(), chunk)]
            if not duties:
                continue
            target = self._target(units, name)
            if target is None:
                continue
            u, r = target
            holder = units[u] if r is None else units[u]["roles"][r]
            pointer = f"/org_units/{u}" + ("" if r is None else f"/roles/{r}")
            for duty in duties:
                if any(_squash(duty) == _squash(d) for d in holder["duties"]):
                    continue
                holder["duties"].append(duty)
                paragraph, start, end = self._locate(draft, chunk, duty)
                draft.cite(f"{pointer}/duties/{len(holder['duties']) - 1}", paragraph, start, end,
                           confidence=0.6, method="llm")  # fmt: skip

    @staticmethod
    def _target(units: list[dict[str, Any]], name: str) -> tuple[int, int | None] | None:
        squashed = _squash(name)
        for u, unit in enumerate(units):
            if _squash(unit["name"]) == squashed or (
                len(squashed) >= 3 and _squash(unit["name"]).endswith(squashed)
            ):
                return u, None
        for u, unit in enumerate(units):
            for r, role in enumerate(unit["roles"]):
                if _squash(role["title"]) == squashed or (
                    role["holder"] and _squash(role["holder"]) == squashed
                ):
                    return u, r
        if name in ROLE_TITLES and units:
            return None
        return None

    def _merge_levels(self, draft: PlanDraft, chunk: Chunk, output: ResponseOutput) -> None:
        levels = draft.data["response_levels"]
        mentioned = {
            normalise_level(m.group(0))
            for m in re.finditer(r"([ⅠⅡⅢⅣ]|IV|III|II|I|[一二三四1-4])\s*级", chunk.text)
        }
        for entry in output.levels:
            level = normalise_level(entry.level)
            if level is None or level not in mentioned:
                self.dropped += level is None or level not in mentioned
                continue
            index = next((i for i, lv in enumerate(levels) if lv["level"] == level), None)
            if index is None:
                levels.append({"level": level, "name": "", "trigger": "", "commander": None, "actions": []})
                index = len(levels) - 1
                paragraph, start, end = self._locate(draft, chunk, entry.trigger or level)
                draft.cite(f"/response_levels/{index}", paragraph, start, end, confidence=0.6, method="llm")
            current = levels[index]
            pointer = f"/response_levels/{index}"
            trigger = entry.trigger.strip()
            if trigger and not current["trigger"] and self._keep(trigger, chunk):
                current["trigger"] = trigger
                draft.cite(
                    f"{pointer}/trigger", *self._locate(draft, chunk, trigger), confidence=0.6, method="llm"
                )
            commander = (entry.commander or "").strip()
            if commander and current["commander"] is None and self._keep(commander, chunk):
                current["commander"] = commander
                draft.cite(
                    f"{pointer}/commander",
                    *self._locate(draft, chunk, commander),
                    confidence=0.6,
                    method="llm",
                )
            for action in entry.actions:
                action = action.strip()
                if not self._keep(action, chunk) or any(
                    _squash(action) == _squash(a) for a in current["actions"]
                ):
                    continue
                current["actions"].append(action)
                draft.cite(f"{pointer}/actions/{len(current['actions']) - 1}", *self._locate(draft, chunk, action),
                           confidence=0.6, method="llm")  # fmt: skip
        draft.sort_list("response_levels", lambda r: RESPONSE_LEVELS.index(r["level"]))
