"""Prompts as versioned data: ``prompts/<task>/v<N>.toml`` (STYLE 15).

A prompt file holds ``id`` (= the folder name), ``version`` (= N), ``description``, ``inputs`` (the
declared input names), ``system`` and ``user``. Templates use ``string.Template`` syntax
(``${sentence}``), so JSON examples with braces need no escaping; ``$$`` is a literal dollar.
TOML rather than YAML: ``tomllib`` is in the standard library, so prompts add no dependency.

Loading checks that the templates use exactly the declared inputs; rendering refuses missing and
undeclared inputs with ``PromptError``. Every render and every call through ``complete_prompt`` /
``structured_prompt`` logs the prompt id and version.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from string import Template
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError

from agents.llm.errors import PromptError
from core.ai import ChatMessage, ChatResult
from core.ports import ChatModel

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

PROMPTS_DIR = Path(__file__).resolve().parents[2] / "prompts"
_VERSION_FILE = re.compile(r"v(\d+)\.toml")
_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")


class PromptSpec(BaseModel):
    """One prompt version, as stored."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=_IDENTIFIER.pattern)
    version: int = Field(ge=1)
    description: str
    inputs: tuple[str, ...] = ()
    system: str = ""
    user: str

    @property
    def prompt_id(self) -> str:
        """``<task>/v<N>``, the form logged and stored in ``ChatResult.prompt_id``."""
        return f"{self.id}/v{self.version}"

    def used_inputs(self) -> set[str]:
        names: set[str] = set()
        for text in (self.system, self.user):
            template = Template(text)
            if not template.is_valid():
                raise PromptError(
                    f"提示词 {self.prompt_id} 的模板语法有误（$ 后应为输入名，字面量 $ 请写作 $$）",
                    details={"prompt": self.prompt_id},
                )
            names.update(template.get_identifiers())
        return names

    def render(self, inputs: Mapping[str, object]) -> RenderedPrompt:
        declared = set(self.inputs)
        missing = sorted(declared - set(inputs))
        undeclared = sorted(set(inputs) - declared)
        if missing or undeclared:
            raise PromptError(
                f"提示词 {self.prompt_id} 的输入不匹配：缺少 {missing}，未声明 {undeclared}",
                details={"prompt": self.prompt_id, "missing": missing, "undeclared": undeclared},
            )
        values = {k: str(v) for k, v in inputs.items()}
        messages = []
        if self.system.strip():
            messages.append(
                ChatMessage(role="system", content=Template(self.system).substitute(values).strip())
            )
        messages.append(ChatMessage(role="user", content=Template(self.user).substitute(values).strip()))
        log.info("rendered prompt %s", self.prompt_id)
        return RenderedPrompt(prompt_id=self.prompt_id, messages=tuple(messages))


class RenderedPrompt(BaseModel):
    model_config = ConfigDict(frozen=True)

    prompt_id: str
    messages: tuple[ChatMessage, ...]


def parse_prompt(text: str, *, source: str = "<string>") -> PromptSpec:
    """Parse and check one prompt file's text."""
    try:
        data = tomllib.loads(text)
        spec = PromptSpec.model_validate(data)
    except (tomllib.TOMLDecodeError, PydanticValidationError) as exc:
        raise PromptError(f"提示词文件 {source} 格式错误：{exc}", details={"source": source}) from exc
    used = spec.used_inputs()
    declared = set(spec.inputs)
    if used != declared:
        raise PromptError(
            f"提示词 {spec.prompt_id} 声明的输入与模板不一致：未声明 {sorted(used - declared)}，"
            f"未使用 {sorted(declared - used)}",
            details={"source": source},
        )
    return spec


class PromptLibrary:
    """Loads ``<root>/<task>/v<N>.toml``; files are read once and cached."""

    def __init__(self, root: Path = PROMPTS_DIR) -> None:
        self.root = root
        self._cache: dict[tuple[str, int], PromptSpec] = {}

    def versions(self, task: str) -> list[int]:
        if not _IDENTIFIER.fullmatch(task):
            raise PromptError(f"提示词任务名无效：{task!r}")
        folder = self.root / task
        found = [int(m.group(1)) for p in folder.glob("v*.toml") if (m := _VERSION_FILE.fullmatch(p.name))]
        return sorted(found)

    def tasks(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and self.versions(p.name))

    def load(self, task: str, version: int | None = None) -> PromptSpec:
        """The given version of ``task``, or its latest."""
        versions = self.versions(task)
        if not versions:
            raise PromptError(f"找不到提示词 {task}（{self.root / task}）", details={"task": task})
        wanted = versions[-1] if version is None else version
        key = (task, wanted)
        if key not in self._cache:
            path = self.root / task / f"v{wanted}.toml"
            if not path.is_file():
                raise PromptError(f"找不到提示词 {task}/v{wanted}", details={"versions": versions})
            spec = parse_prompt(path.read_text(encoding="utf-8"), source=str(path))
            if spec.id != task or spec.version != wanted:
                raise PromptError(
                    f"提示词文件 {path} 的 id/version（{spec.prompt_id}）与路径不一致",
                    details={"source": str(path)},
                )
            self._cache[key] = spec
        return self._cache[key]

    def render(self, task: str, version: int | None = None, /, **inputs: object) -> RenderedPrompt:
        return self.load(task, version).render(inputs)


def complete_prompt(
    model: ChatModel, prompt: RenderedPrompt, *, max_tokens: int = 512, temperature: float = 0.0
) -> ChatResult:
    """``model.complete`` for a rendered prompt: logs the prompt id and records it on the result."""
    log.info("llm call prompt=%s", prompt.prompt_id)
    result = model.complete(prompt.messages, max_tokens=max_tokens, temperature=temperature)
    return result.model_copy(update={"prompt_id": prompt.prompt_id})


def structured_prompt(
    model: ChatModel, prompt: RenderedPrompt, schema: type[M], *, max_retries: int = 2
) -> M:
    """``model.structured`` for a rendered prompt, logging the prompt id and version."""
    log.info("llm structured call prompt=%s schema=%s", prompt.prompt_id, schema.__name__)
    return model.structured(prompt.messages, schema, max_retries=max_retries)
