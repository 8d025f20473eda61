"""Prompts as versioned data: loading, declared inputs, rendering, logging of id+version."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from agents.llm.errors import PromptError
from agents.llm.extraction import PlanFacts
from agents.llm.fake_chat_model import FakeChatModel
from agents.llm.prompts import PROMPTS_DIR, PromptLibrary, complete_prompt, parse_prompt, structured_prompt
from core.ai import ChatMessage

SENTENCE = "发生较大生产安全事故时，由市应急管理局启动Ⅱ级应急响应，1小时内上报。"


def write_prompt(root: Path, task: str, version: int, body: str) -> Path:
    folder = root / task
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"v{version}.toml"
    path.write_text(body, encoding="utf-8")
    return path


def spec_text(
    task: str = "demo", version: int = 1, inputs: str = '["name"]', user: str = "你好，${name}"
) -> str:
    return f'id = "{task}"\nversion = {version}\ndescription = "测试"\ninputs = {inputs}\nsystem = "系统"\nuser = "{user}"\n'


def test_every_shipped_prompt_loads_and_declares_its_inputs() -> None:
    library = PromptLibrary()
    assert "extract_plan_facts" in library.tasks()
    for task in library.tasks():
        for version in library.versions(task):
            spec = library.load(task, version)
            assert spec.prompt_id == f"{task}/v{version}"
            assert spec.used_inputs() == set(spec.inputs)


def test_extract_plan_facts_v1_renders_the_sentence_and_logs_id_and_version(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.INFO, logger="agents.llm.prompts"):
        rendered = PromptLibrary().render("extract_plan_facts", sentence=SENTENCE)
    assert rendered.prompt_id == "extract_plan_facts/v1"
    system, user = rendered.messages
    assert system.role == "system" and "response_levels" in system.content and "一级" in system.content
    assert user.role == "user" and SENTENCE in user.content and "${" not in user.content
    assert "extract_plan_facts/v1" in caplog.text


def test_render_refuses_missing_and_undeclared_inputs() -> None:
    library = PromptLibrary()
    with pytest.raises(PromptError) as missing:
        library.render("extract_plan_facts")
    assert missing.value.details["missing"] == ["sentence"]
    with pytest.raises(PromptError) as extra:
        library.render("extract_plan_facts", sentence=SENTENCE, town="新城镇")
    assert extra.value.details["undeclared"] == ["town"]
    assert "town" in extra.value.message


def test_latest_version_is_the_default_and_a_version_can_be_pinned(tmp_path: Path) -> None:
    write_prompt(tmp_path, "demo", 1, spec_text(version=1, user="一：${name}"))
    write_prompt(tmp_path, "demo", 2, spec_text(version=2, user="二：${name}"))
    library = PromptLibrary(tmp_path)
    assert library.versions("demo") == [1, 2]
    assert library.render("demo", name="甲").messages[-1].content == "二：甲"
    assert library.render("demo", 1, name="甲").prompt_id == "demo/v1"
    with pytest.raises(PromptError):
        library.load("demo", 3)
    with pytest.raises(PromptError):
        library.load("missing_task")
    with pytest.raises(PromptError):
        library.load("../etc")


def test_templates_keep_json_braces_and_escaped_dollars() -> None:
    spec = parse_prompt(spec_text(user='输出 {\\"a\\": 1}，费用 $$5，${name}'))
    assert spec.render({"name": "乙"}).messages[-1].content == '输出 {"a": 1}，费用 $5，乙'


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (spec_text(inputs='["name", "unused"]'), "未使用"),  # declared but not in a template
        (spec_text(inputs="[]"), "未声明"),  # used but not declared
        (spec_text(user="费用 $5"), "模板语法"),  # a bare $ that is not an input
        ('id = "demo"\nversion = 1\n', "格式错误"),  # missing fields
        (
            'id = "demo"\nversion = 1\ndescription = "x"\nuser = "u"\ncolour = "red"\n',
            "格式错误",
        ),  # unknown field
        ("id = ", "格式错误"),  # not TOML
    ],
)
def test_malformed_prompt_files_are_refused(text: str, fragment: str) -> None:
    with pytest.raises(PromptError) as info:
        parse_prompt(text)
    assert fragment in info.value.message


def test_file_id_and_version_must_match_the_path(tmp_path: Path) -> None:
    write_prompt(tmp_path, "demo", 1, spec_text(task="other"))
    with pytest.raises(PromptError) as info:
        PromptLibrary(tmp_path).load("demo")
    assert "与路径不一致" in info.value.message


def test_calls_through_a_prompt_log_and_record_the_prompt_id(caplog: pytest.LogCaptureFixture) -> None:
    rendered = PromptLibrary(PROMPTS_DIR).render("extract_plan_facts", sentence=SENTENCE)
    answer = {"response_levels": ["Ⅱ级"], "organisations": ["市应急管理局"], "dates": [], "counts": []}

    def fn(messages: list[ChatMessage]) -> str:
        assert SENTENCE in messages[-1].content
        return json.dumps(answer, ensure_ascii=False)

    fake = FakeChatModel(fn)
    with caplog.at_level(logging.INFO, logger="agents.llm.prompts"):
        result = complete_prompt(fake, rendered)
        facts = structured_prompt(fake, rendered, PlanFacts)
    assert result.prompt_id == "extract_plan_facts/v1"
    assert facts.response_levels == ["二级"] and facts.organisations == ["市应急管理局"]
    assert caplog.text.count("prompt=extract_plan_facts/v1") == 2
