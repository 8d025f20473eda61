"""Where the text-to-Cypher time goes, per question: prompt tokens prefilled (not restored from the
prompt cache), prefill and decode speed, generated tokens, retries and the answer text built from the
rows, with the eval's accuracy on the same run.

    python -m benchmarks.text2cypher_latency --limit 35 --output /tmp/t2c-latency.md
    python -m benchmarks.text2cypher_latency --threads 1 --threads-batch 1 --limit 12   # old threads
    python -m benchmarks.text2cypher_latency --compare-prefill 1,2 --rounds 3   # prefill threads A/B
    python -m benchmarks.text2cypher_latency --count-tokens 30 --examples 3   # tokens only, no model run

The embedded llama.cpp server is started here from a private data directory (the user's own server
is left alone) with llama.cpp's per-request timings in its log, and stopped afterwards; the thread
counts default to what ``Settings`` gives the product. The questions, the demo city and the scoring
are ``evals.text2cypher``'s (t2c001–035 are the suite's first 35 lines); the prefix warm-up runs
first, as in the API.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from agents.chat.answer import generic_rows_answer
from agents.cypher import CypherRejectedError, answer_with_cypher, prompt_build
from agents.cypher.prompt_build import warm_up
from agents.llm import build_chat_model
from agents.llm.llama_server import ServerConfig, start, stop
from api.cli_ai import server_config
from api.settings import Settings
from core.errors import SafeCloudError
from core.scope import DataScope
from evals import text2cypher as t2c
from evals.harness import load_jsonl
from evals.metrics import percentile

_PROMPT = re.compile(r"prompt eval time =\s*([\d.]+) ms /\s*(\d+) tokens")
_DECODE = re.compile(r"\beval time =\s*([\d.]+) ms /\s*(\d+) runs")


class LogReader:
    """llama.cpp's timing lines written to the server log since the last call."""

    def __init__(self, path: Path) -> None:
        self.path, self.offset = path, path.stat().st_size if path.exists() else 0

    def calls(self) -> list[dict[str, float]]:
        time.sleep(0.05)  # the server prints its timings just before it answers
        with self.path.open("rb") as fh:
            fh.seek(self.offset)
            text = fh.read().decode("utf-8", errors="replace")
            self.offset = fh.tell()
        out: list[dict[str, float]] = []
        for line in text.splitlines():
            if m := _PROMPT.search(line):
                out.append({"prefill_ms": float(m[1]), "prefill_tokens": int(m[2])})
            elif (m := _DECODE.search(line)) and out:
                out[-1].update(decode_ms=float(m[1]), decode_tokens=int(m[2]))
        return out


def measure(
    cfg: ServerConfig, settings: Settings, cases: Sequence[dict[str, Any]], partial: Path | None = None
) -> list[dict[str, Any]]:
    start(cfg)
    llm = settings.llm.model_copy(update={"base_url": cfg.base_url, "model": cfg.alias, "timeout_s": 600.0})
    model = build_chat_model(settings.model_copy(update={"llm": llm}))
    rows_out: list[dict[str, Any]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="t2c-lat-") as tmp:
            store = t2c.load_city(Path(tmp))
            try:
                reader = LogReader(cfg.log_path)
                warmed = warm_up(model, store, max_rows=t2c.MAX_ROWS)
                rows_out.append({"id": "warm-up", "latency_s": warmed or 0.0, "calls": reader.calls()})
                for case in cases:
                    rows_out.append(_one(case, model, store, reader))
                    if partial is not None:  # a long run on a loaded machine: keep what is measured
                        with partial.open("a", encoding="utf-8") as out:
                            out.write(json.dumps(rows_out[-1], ensure_ascii=False) + "\n")
            finally:
                store.close()
    finally:
        model.close()
        stop(cfg)
    return rows_out


def _one(case: dict[str, Any], model: Any, store: Any, reader: LogReader) -> dict[str, Any]:
    gold = t2c.gold_answer(store, case)
    row: dict[str, Any] = {"id": case["id"], "correct": False, "attempts": 2, "synth_ms": 0.0}
    started = time.perf_counter()
    try:
        answer = answer_with_cypher(
            case["question"], scope=DataScope.model_validate(case["scope"]), chat_model=model, store=store,
            now_ms=t2c.NOW, max_rows=t2c.MAX_ROWS,
        )  # fmt: skip
        began = time.perf_counter()
        generic_rows_answer(answer.columns, answer.rows)  # what ChatService shows for these rows
        row["synth_ms"] = (time.perf_counter() - began) * 1000
        row.update(correct=t2c.is_correct(case, gold, answer.rows), attempts=len(answer.attempts))
    except (CypherRejectedError, SafeCloudError) as exc:
        row["error"] = exc.message
    row["latency_s"] = time.perf_counter() - started
    row["calls"] = reader.calls()
    return row


def table(rows: list[dict[str, Any]], cfg: ServerConfig, load: str) -> str:
    out = [
        f"threads {cfg.threads} decode / {cfg.batch_threads} prefill, prompt cache {cfg.prompt_cache_mb} MB, "
        f"{prompt_build.EXAMPLES_PER_QUESTION} examples per question; "
        f"load average at start {load}",
        "",
        "| question | right | LLM calls | prefilled tokens | prefill tok/s | generated tokens | decode tok/s "
        "| synthesis ms | total s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        calls = r["calls"]
        pt, pms = sum(c["prefill_tokens"] for c in calls), sum(c["prefill_ms"] for c in calls)
        dt, dms = sum(c.get("decode_tokens", 0) for c in calls), sum(c.get("decode_ms", 0) for c in calls)
        out.append(
            f"| {r['id']} | {'✓' if r.get('correct') else ''} | {len(calls)} | {pt:.0f} | "
            f"{pt / pms * 1000 if pms else 0:.1f} | {dt:.0f} | {dt / dms * 1000 if dms else 0:.1f} | "
            f"{r.get('synth_ms', 0):.2f} | {r['latency_s']:.1f} |"
        )
    asked = [r for r in rows if r["id"] != "warm-up"]
    lat = [r["latency_s"] * 1000 for r in asked]
    all_calls = [c for r in asked for c in r["calls"]]
    pt, pms = sum(c["prefill_tokens"] for c in all_calls), sum(c["prefill_ms"] for c in all_calls)
    dt, dms = sum(c.get("decode_tokens", 0) for c in all_calls), sum(c.get("decode_ms", 0) for c in all_calls)
    out += [
        "",
        f"right {sum(bool(r['correct']) for r in asked)} / {len(asked)}; needed the retry "
        f"{sum(r['attempts'] > 1 for r in asked)}; p50 / p95 {percentile(lat, 50) / 1000:.1f} / "
        f"{percentile(lat, 95) / 1000:.1f} s; prefilled {pt} tokens in {pms / 1000:.0f} s "
        f"({pt / pms * 1000 if pms else 0:.1f} tok/s); generated {dt} tokens in {dms / 1000:.0f} s "
        f"({dt / dms * 1000 if dms else 0:.1f} tok/s); LLM calls {len(all_calls)}",
    ]
    return "\n".join(out) + "\n"


def compare_prefill(cfg: ServerConfig, settings: Settings, counts: list[int], rounds: int) -> str:
    """Prefill speed of one real text-to-Cypher prompt (t2c005's, prompt cache off, a new first token
    each time so nothing is reused) on one server per prefill thread count, asked in turn so that both
    see the same load on a shared machine."""
    from core.ai import ChatMessage

    servers = [
        type(cfg)(**{**cfg.__dict__, "threads_batch": n, "port": cfg.port + i, "prompt_cache_mb": 0,
                     "run_dir": cfg.run_dir / f"b{n}"})
        for i, n in enumerate(counts)
    ]  # fmt: skip
    speeds: dict[int, list[float]] = {n: [] for n in counts}
    with tempfile.TemporaryDirectory(prefix="t2c-lat-") as tmp:
        store = t2c.load_city(Path(tmp))
        case = load_jsonl(t2c.DATASET)[4]
        from agents.cypher.prompt_build import build_prompt

        built = build_prompt(case["question"], scope=DataScope.model_validate(case["scope"]), store=store,
                             now_ms=t2c.NOW, max_rows=t2c.MAX_ROWS)  # fmt: skip
        store.close()
    models, readers = [], []
    try:
        for server in servers:
            start(server)
            llm = settings.llm.model_copy(
                update={"base_url": server.base_url, "model": server.alias, "timeout_s": 900.0}
            )
            models.append(build_chat_model(settings.model_copy(update={"llm": llm})))
            readers.append(LogReader(server.log_path))
        for r in range(rounds + 1):  # round 0 loads the weights into memory, not counted
            for n, model, reader in zip(counts, models, readers, strict=True):
                first, *rest = built.prompt.messages
                msgs = [ChatMessage(role="system", content=f"{r}{n}\n{first.content}"), *rest]
                model.complete(msgs, max_tokens=1)
                call = reader.calls()[-1]
                if r:
                    speeds[n].append(call["prefill_tokens"] / call["prefill_ms"] * 1000)
    finally:
        for model in models:
            model.close()
        for server in servers:
            stop(server)
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    return "".join(
        f"prefill threads {n}: {', '.join(f'{v:.1f}' for v in speeds[n])} tok/s "
        f"(median {statistics.median(speeds[n]):.1f}); load average at the end {load}\n"
        for n in counts
    )


def count_tokens(settings: Settings, states: int, cases: Sequence[dict[str, Any]]) -> str:
    """New prompt tokens per question without running the model: each first draft's prompt (Qwen
    chat format) against what a prompt cache of ``states`` saved states plus the live context still
    hold, the questions in order after the warm-up. Retries and answers are left out."""
    import llama_cpp

    from agents.cypher.prompt_build import build_prompt
    from core.ai import ChatMessage

    vocab = llama_cpp.Llama(str(server_config(settings).model_path), vocab_only=True, verbose=False)

    def tokens(messages: Sequence[ChatMessage]) -> list[int]:
        text = "".join(f"<|im_start|>{m.role}\n{m.content}<|im_end|>\n" for m in messages)
        return vocab.tokenize((text + "<|im_start|>assistant\n").encode(), add_bos=False, special=True)

    def shared(a: Sequence[int], b: Sequence[int]) -> int:
        return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))

    new: list[int] = []
    with tempfile.TemporaryDirectory(prefix="t2c-lat-") as tmp:
        store = t2c.load_city(Path(tmp))
        try:
            warm = build_prompt("企业", scope=DataScope(), store=store, now_ms=0, max_rows=t2c.MAX_ROWS)
            live = tokens([warm.prompt.messages[0], ChatMessage(role="user", content="预热")])
            saved = [live]
            for case in cases:
                built = build_prompt(case["question"], scope=DataScope.model_validate(case["scope"]),
                                     store=store, now_ms=t2c.NOW, max_rows=t2c.MAX_ROWS)  # fmt: skip
                prompt = tokens(built.prompt.messages)
                new.append(len(prompt) - max(shared(k, prompt) for k in [live, *saved]))
                live = prompt
                keep = [k for k in saved if k != prompt]
                saved = [*keep[max(0, len(keep) - states + 1) :], prompt] if states else []
        finally:
            store.close()
    ranked = sorted(new)
    return (
        f"{prompt_build.EXAMPLES_PER_QUESTION} examples, {states} saved states: new prompt tokens per "
        f"question {' '.join(map(str, new))}; mean {statistics.mean(new):.0f}, median "
        f"{statistics.median(new):.0f}, 95th percentile {percentile([float(n) for n in new], 95):.0f}, "
        f"max {ranked[-1]}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=None, help="decode threads (default: Settings)")
    parser.add_argument("--threads-batch", type=int, default=None, help="prefill threads (default: Settings)")
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--limit", type=int, default=35)
    parser.add_argument("--port", type=int, default=18123)
    parser.add_argument("--output", default="-")
    parser.add_argument("--compare-prefill", default=None, help="prefill thread counts to compare, e.g. 1,2")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--count-tokens",
        type=int,
        default=None,
        metavar="STATES",
        help="only count new prompt tokens, with a prompt cache of STATES saved states",
    )
    parser.add_argument("--examples", type=int, default=None, help="few-shot examples per question (trial)")
    args = parser.parse_args()
    if args.examples:
        prompt_build.EXAMPLES_PER_QUESTION = args.examples
    base = Settings()
    if args.count_tokens is not None:
        sys.stdout.write(
            count_tokens(base, args.count_tokens, load_jsonl(t2c.DATASET)[args.skip : args.limit])
        )
        return
    run_dir = Path(tempfile.mkdtemp(prefix="t2c-lat-llm-"))
    cfg = server_config(base)
    updates: dict[str, Any] = {"run_dir": run_dir, "port": args.port, "verbose": True}
    if args.threads:
        updates["threads"] = args.threads
    if args.threads_batch:
        updates["threads_batch"] = args.threads_batch
    cfg = type(cfg)(**{**cfg.__dict__, **updates})
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    if args.compare_prefill:
        counts = [int(n) for n in args.compare_prefill.split(",")]
        try:
            sys.stdout.write(compare_prefill(cfg, base, counts, args.rounds))
        finally:
            shutil.rmtree(run_dir, ignore_errors=True)
        return
    try:
        partial = None if args.output == "-" else Path(args.output + ".jsonl")
        rows = measure(cfg, base, load_jsonl(t2c.DATASET)[args.skip : args.limit], partial)
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)
    text = table(rows, cfg, load)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        sys.stdout.write(text.splitlines()[-1] + "\n")


if __name__ == "__main__":
    main()
