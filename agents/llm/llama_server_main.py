"""Entry point of the embedded llama.cpp server: llama-cpp-python's own server, with a RAM prompt
cache that counts the memory it really holds.

Why: llama.cpp keeps only the last request's evaluated tokens, so any other request in between (the
router, answer phrasing, a plan call) makes the next text-to-Cypher question prefill its shared prompt
start (rules, town names, a schema slice: ~1,000-1,500 tokens, ~30-40 s on one core) again. The RAM
cache keeps evaluated states keyed by their tokens and restores the longest matching prefix.
llama-cpp-python 0.3.36 counts only the C state against the cache's capacity, not the logits array
copied into every saved state (n_batch × vocabulary floats, ~311 MB for Qwen2.5): a run with a 1 GB
setting reached 11 GB. ``CountedRAMCache`` counts both, so the setting is the real bound, and keeps
one row of that never-written array, so the bound holds ~30 states of the 1.5B instead of ~4.

Run as ``python -m agents.llm.llama_server_main <llama_cpp.server flags>`` (``llama_server_config``).
"""

from __future__ import annotations

from collections.abc import Sequence

import llama_cpp
from llama_cpp.llama import LlamaState
from llama_cpp.llama_cache import LlamaRAMCache


class CountedRAMCache(LlamaRAMCache):
    """``LlamaRAMCache`` whose size includes the arrays each saved state carries, and that keeps one
    row of the logits array instead of all of them.

    With ``logits_all=False`` (``server_command`` always says so) llama-cpp-python never writes that
    array: sampling runs in llama.cpp, and a restored state re-evaluates at least its last token before
    sampling. Its whole copy in every saved state (~311 MB for Qwen2.5, next to ~40-55 MB of llama.cpp
    state for a 1,500-2,000-token text-to-Cypher prompt of the 1.5B) was dead weight that let the
    default 1,536 MB hold only four states; one row (``load_state`` broadcasts it back) lets it hold
    about thirty, so more schema slices stay warm between questions.
    """

    def __setitem__(self, key: Sequence[int], value: LlamaState) -> None:
        if value.scores.ndim == 2 and value.scores.shape[0] > 1:
            value.scores = value.scores[-1:].copy()
        super().__setitem__(key, value)

    @property
    def cache_size(self) -> int:
        return sum(
            state.llama_state_size + state.scores.nbytes + state.input_ids.nbytes
            for state in self.cache_state.values()
        )


def main() -> None:
    # llama_cpp.server builds its cache as ``llama_cpp.LlamaRAMCache(capacity_bytes=…)`` when a model
    # loads, so the module attribute is what it picks up.
    llama_cpp.LlamaRAMCache = CountedRAMCache  # type: ignore[attr-defined]
    from llama_cpp.server.__main__ import main as serve

    serve()  # type: ignore[no-untyped-call]


if __name__ == "__main__":
    main()
