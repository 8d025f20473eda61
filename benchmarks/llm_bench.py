"""LLM benchmarks: first-token latency, decode speed and a short JSON extraction, per bundled model.

    python -m benchmarks.llm_bench --sizes 0.5b,1.5b --threads 1,2 --output -
    python -m benchmarks.llm_bench --sizes 1.5b --threads 1 --prefix-cache   # prompt cache off / on

Each (size, threads) pair is served by the embedded llama.cpp server, started and stopped here from a
private data directory (so a server the user runs is left alone), and measured through the same
OpenAIChatModel adapter the product uses.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel

from agents.llm import build_chat_model
from api.settings import Settings
from core.ai import ChatMessage
from core.ports import ChatModel

ROOT = Path(__file__).resolve().parents[1]
SHORT = [ChatMessage(role="user", content="用一句话说明什么是重大危险源。")]
DECODE = [ChatMessage(role="user", content="请列出化工企业动火作业前必须检查的十项内容，每项一句话。")]
EXTRACT = [
    ChatMessage(role="system", content="从句子中抽取信息，只输出 JSON。"),
    ChatMessage(
        role="user",
        content="句子：发生较大事故时启动二级响应，由江阴市应急管理局局长任总指挥，值班电话0510-86012345。",
    ),
]


class Extraction(BaseModel):
    level: str
    commander_org: str
    phone: str


@contextmanager
def served(size: str, threads: int, prompt_cache_mb: int | None = None) -> Iterator[ChatModel]:
    """The embedded server for one configuration, from a private data directory, stopped afterwards."""
    base = Settings()
    run_dir = Path(tempfile.mkdtemp(prefix="llm-bench-"))
    (run_dir / "models").symlink_to(base.models_dir.resolve())  # reuse the assembled GGUF files
    port = 18000 + threads + (10 if size == "1.5b" else 0)
    env = {
        **os.environ,
        "SAFECLOUD_DATA_DIR": str(run_dir),
        "SAFECLOUD_LLM__PORT": str(port),
        "SAFECLOUD_LLM__THREADS": str(threads),
    }
    if prompt_cache_mb is not None:
        env["SAFECLOUD_LLM__PROMPT_CACHE_MB"] = str(prompt_cache_mb)
    llm = base.llm.model_copy(update={"size": size, "port": port, "threads": threads, "timeout_s": 600.0})
    settings = base.model_copy(update={"llm": llm, "data_dir": run_dir})
    cli = [sys.executable, "-m", "api.cli", "llm"]
    subprocess.run([*cli, "serve", "--size", size], check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    model = build_chat_model(settings)
    try:
        yield model
    finally:
        model.close()
        subprocess.run([*cli, "stop"], check=False, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        shutil.rmtree(run_dir, ignore_errors=True)


def bench(size: str, threads: int, repeat: int) -> dict[str, float]:
    with served(size, threads) as model:
        model.complete(SHORT, max_tokens=8)  # warm-up: load weights into the page cache
        first_token = []
        for _ in range(repeat):
            started = time.perf_counter()
            next(iter(model.stream(SHORT, max_tokens=16)))
            first_token.append((time.perf_counter() - started) * 1000)
        decode = []
        for _ in range(repeat):
            result = model.complete(DECODE, max_tokens=128)
            decode.append(result.usage.completion_tokens / (result.latency_ms / 1000))
        extraction = []
        for _ in range(repeat):
            started = time.perf_counter()
            model.structured(EXTRACT, Extraction)
            extraction.append(time.perf_counter() - started)
    return {
        "first_token_ms": statistics.median(first_token),
        "decode_tok_s": statistics.median(decode),
        "extraction_s": statistics.median(extraction),
    }


def _long_prompt(question: str) -> list[ChatMessage]:
    """A text-to-Cypher-sized prompt: the real v2 instructions plus a schema-sized block, then a question."""
    rules = (ROOT / "prompts" / "text_to_cypher" / "v2.toml").read_text(encoding="utf-8")
    schema = "\n".join(
        f"(:Label{i} {{id, name, town, level, status}})-[:REL{i}]->(:Other{i})" for i in range(40)
    )
    return [ChatMessage(role="system", content=rules + schema), ChatMessage(role="user", content=question)]


def prefix_bench(size: str, threads: int, cache_mb: int) -> dict[str, float]:
    """Seconds for a long prompt that repeats an earlier one's prefix after an unrelated request came
    in between (chat traffic interleaves text-to-Cypher with phrasing, event-search and plan calls)."""
    other = [ChatMessage(role="user", content="根据以下结果用中文回答。" + "结果行；" * 200)]
    with served(size, threads, cache_mb) as model:
        first = model.complete(_long_prompt("问题：临港有哪些企业？"), max_tokens=4)
        model.complete(other, max_tokens=4)
        started = time.perf_counter()
        model.complete(_long_prompt("问题：澄江街道有几家危化企业？"), max_tokens=4)
        return {"prompt_tokens": first.usage.prompt_tokens, "after_other_s": time.perf_counter() - started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="0.5b,1.5b")
    parser.add_argument("--threads", default="1,2", help="llama.cpp thread counts to compare")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--output", default="-")
    parser.add_argument(
        "--prefix-cache", action="store_true", help="only compare the prompt prefix cache off/on"
    )
    args = parser.parse_args()
    if args.prefix_cache:
        _write(args.output, _prefix_table(args.sizes.split(","), int(args.threads.split(",")[0])))
        return
    rows = [
        "| model | threads | first token (ms) | decode (tok/s, incl. prompt) | JSON extraction end to end (s) |",
        "|---|---:|---:|---:|---:|",
    ]
    for size in args.sizes.split(","):
        for threads in (int(t) for t in args.threads.split(",")):
            r = bench(size, threads, args.repeat)
            rows.append(
                f"| Qwen2.5-Coder-{size.upper()} Q4_K_M | {threads} | {r['first_token_ms']:.0f} | "
                f"{r['decode_tok_s']:.1f} | {r['extraction_s']:.2f} |"
            )
    _write(args.output, "\n".join(rows) + "\n")


def _prefix_table(sizes: list[str], threads: int) -> str:
    rows = [
        "| model | threads | prompt tokens | prompt cache | repeated-prefix prompt after another request (s) |",
        "|---|---:|---:|---|---:|",
    ]
    for size in sizes:
        for cache_mb in (0, 1024):
            r = prefix_bench(size, threads, cache_mb)
            state = f"{cache_mb} MB" if cache_mb else "off"
            rows.append(
                f"| Qwen2.5-Coder-{size.upper()} Q4_K_M | {threads} | {r['prompt_tokens']:.0f} | {state} | "
                f"{r['after_other_s']:.1f} |"
            )
    return "\n".join(rows) + "\n"


def _write(output: str, text: str) -> None:
    if output == "-":
        sys.stdout.write(text)
    else:
        Path(output).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
