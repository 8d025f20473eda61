"""Which plan applies, who commands, what comes first: the chat's ``plan_for`` answer over published plans.

The chat suite (``evals/chat.py``) builds its city without plans, so its ``plan_for`` lines only check
that nothing is found. This suite builds the same demo city (seed 20261125, scale 1000, anchored to
today), imports and publishes the sample plan corpus (``evals/datasets/plans/files/*.docx``) with
``api.demo_plans.load_demo_plans`` as ``make demo`` does, then asks ``plan_guide.jsonl`` through
``ChatService`` as ``evals/chat.py`` wires it (rules only, no LLM).

Gold (hand-written before the first measurement, conventions in ``evals/README.md``):
* ``gold_plans`` — the titles (as the plan's source YAML writes them) of every plan a duty officer
  should be pointed to: the plans of the town said (or of the caller's town) whose scope covers the
  accident, plans of zones whose scope names that town (临港经济开发区 covers 利港/申港/夏港), the
  city's public plans (government special plans and department plans) whose scope and sector cover it,
  and the named enterprise's own plans; another enterprise's own plan never applies. Empty when no
  plan covers the accident at that place;
* ``gold_level`` — when a level is asked: the plan whose level a duty officer acts on (the named
  enterprise's, else the town's or zone's, else the city's sector plan), with that level's commander
  and first measure read from the plan's source YAML, not from the importer's output, so extraction
  errors count.

Scoring, per line:
* intent — the system's intent is ``plan_for``;
* top-3 precision / recall — over the first three plans the answer lists (the ranked rows), against
  the gold titles (normalised: spaces and punctuation dropped); recall over min(3, |gold|); lines with
  an empty gold are scored apart ("no plan" right when nothing is listed);
* first plan — the first listed plan is a gold plan (empty gold: nothing listed);
* commander / first action — the answer text contains the gold commander and the gold first measure
  (normalised the same way);
* quote on point — for lines with ``gold_passage_terms`` (reporting, first steps, warnings, the end of
  a response): the answer's quoted line (``相关条文（…）：…``) contains every gold term (normalised);
* answer names — for lines with ``gold_answer_terms`` (who issued a plan, the resources it lists): the
  answer text contains every term (normalised).

A line's ``history`` (earlier questions) is asked first in one conversation, as ``evals/chat.py`` does;
only the last answer is scored.

The plan knowledge base is the real one, as ``api/bootstrap.py`` wires it: the plans' passages are
indexed in an embedded Qdrant with the packaged embedder while they are published, and the chat cites
and quotes them through ``plan_passage_search``.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agents.chat.conversations import ConversationStore
from agents.chat.service import ChatService
from agents.nlp.timeexpr import parse_time_range
from api.bootstrap import Container, build_search, plan_passage_search
from api.demo_plans import load_demo_plans
from api.settings import Settings
from evals.chat import demo_store, principal_for
from evals.harness import DATASETS, load_jsonl, table
from graph.repository import SafetyGraphRepository

DATASET = "plan_guide.jsonl"
PLAN_FILES = DATASETS / "plans" / "files"
# The corpus the gold was judged against (the 58 plans and the meeting notice present when plan_guide.jsonl
# was written): plans added to the sample corpus later are other towns' and firms' plans the gold does
# not know, so publishing them would score correct new answers as wrong. Pinned, not globbed.
CORPUS_AT_WRITING: tuple[str, ...] = (
    "chlorine_leak_onsite", "city_gongmao_special", "city_hazchem", "community_fire_card",
    "dept_civil_affairs_eldercare", "dept_commerce_retail", "dept_education_campus",
    "dept_emergency_metallurgy", "dept_health_medical_rescue", "dept_housing_construction",
    "dept_special_equipment", "dept_transport", "dept_water_flood_warning_table", "electric_shock_onsite",
    "enterprise_acrylonitrile_leak", "enterprise_ammonia_coldstore", "enterprise_casting_special",
    "enterprise_chlorine_slides", "enterprise_coating_fire_special", "enterprise_comprehensive",
    "enterprise_confined_space", "enterprise_construction_overall", "enterprise_dust_onsite",
    "enterprise_dyeing_overall", "enterprise_faq_comprehensive", "enterprise_furnace_onsite",
    "enterprise_resin_gbt_overall", "enterprise_wire_overall", "grain_fumigation_form",
    "hazchem_h2s_consultant", "lingang_hazchem_table", "mall_fire_qa_onsite", "notice_meeting",
    "onsite_boiler_gas_cards", "onsite_crane_cards", "onsite_forklift_warehouse_card",
    "onsite_pit_h2s_cards", "onsite_plating_acid_lines", "onsite_press_injury_workshop",
    "onsite_sulfonation_dcs_cards", "park_lithium_fire", "port_terminal_overall", "site_tank_leak",
    "steel_gas_special_cards", "tankfarm_epoxy_form", "textile_mixed_org_overall",
    "town_changjing_hazmat_road", "town_flood", "town_forest_fire", "town_gas_special",
    "town_huangtu_overall", "town_ligang_typhoon_checklist", "town_xiagang_flood_table",
    "town_xuxiake_confined_dust", "town_yuecheng_overall", "town_yunting_overall",
    "town_zhutang_safety_gov", "village_flood_card", "warehouse_fire_outline",
)  # fmt: skip
SHOWN = 3
QUOTE_MARK = "相关条文"
_NOISE = re.compile(r"[\s，,。；;：:、（）()《》“”\"'（）\-—]")


def norm(text: str) -> str:
    return _NOISE.sub("", text)


def same_title(shown: str, gold: str) -> bool:
    a, b = norm(shown), norm(gold)
    return a == b or (min(len(a), len(b)) >= 8 and (a in b or b in a))


@dataclass
class CaseScore:
    id: str
    split: str
    intent_ok: bool
    shown: list[str]
    gold: list[str]
    hits: int
    first_ok: bool
    commander_ok: bool | None = None  # None: no level asked
    action_ok: bool | None = None
    quote_ok: bool | None = None  # None: no passage terms asked
    names_ok: bool | None = None  # None: no answer terms asked
    got_intent: str | None = None
    error: str = ""

    @property
    def precision(self) -> float:
        return self.hits / len(self.shown) if self.shown else 0.0

    @property
    def recall(self) -> float:
        return self.hits / min(SHOWN, len(self.gold)) if self.gold else 1.0


def score(case: dict[str, Any], intent: str | None, rows: list[dict[str, Any]], answer: str) -> CaseScore:
    shown = [str(r.get("title") or "") for r in rows[:SHOWN]]
    gold = list(case["gold_plans"])
    hits = sum(1 for s in shown if any(same_title(s, g) for g in gold))
    first_ok = (not shown) if not gold else bool(shown) and any(same_title(shown[0], g) for g in gold)
    result = CaseScore(case["id"], case["split"], intent == case["intent"], shown, gold, hits, first_ok,
                       got_intent=intent)  # fmt: skip
    level = case.get("gold_level")
    if level:
        text = norm(answer)
        result.commander_ok = norm(level["commander"]) in text
        result.action_ok = norm(level["first_action"]) in text
    terms = case.get("gold_passage_terms")
    if terms:
        result.quote_ok = any(all(norm(t) in norm(line) for t in terms) for line in quoted_lines(answer))
    if named := case.get("gold_answer_terms"):
        result.names_ok = all(norm(t) in norm(answer) for t in named)
    return result


def ask(service: ChatService, case: dict[str, Any]) -> Any:
    """Replays the line's ``history`` in one conversation, then asks its question."""
    principal, cid = principal_for(case["scope"]), None
    for earlier in case.get("history", []):
        cid = service.ask(earlier, principal, conversation_id=cid).conversation_id or cid
    return service.ask(case["question"], principal, conversation_id=cid)


def quoted_lines(answer: str) -> list[str]:
    """The answer's quoted passage lines (``agents.chat.plan_passages.quote``)."""
    return [line for line in answer.splitlines() if line.startswith(QUOTE_MARK)]


def _container(tmp: Path, store: Any, now_ms: int) -> Container:
    settings = Settings(data_dir=tmp)
    settings = settings.model_copy(update={"plans": settings.plans.model_copy(update={"use_llm": False})})
    return Container(settings=settings, graph=store, repository=SafetyGraphRepository(store),
                     clock=lambda: now_ms, search=build_search(settings))  # fmt: skip


def run(items: list[dict[str, Any]] | None = None) -> tuple[list[CaseScore], dict[str, Any]]:
    """One run over a fresh demo city with the sample plans published; returns scores and setup facts."""
    items = items if items is not None else load_jsonl(DATASET)
    now_ms = int(time.time() * 1000)
    scores: list[CaseScore] = []
    with tempfile.TemporaryDirectory(prefix="eval-plan-guide-") as tmp:
        store = demo_store(Path(tmp), now_ms)
        try:
            started = time.perf_counter()
            folder = Path(tmp) / "corpus"
            folder.mkdir()
            for stem in CORPUS_AT_WRITING:
                shutil.copy(PLAN_FILES / f"{stem}.docx", folder / f"{stem}.docx")
            container = _container(Path(tmp), store, now_ms)
            loaded = load_demo_plans(container, folder)
            setup = {"published": len(loaded.get("loaded", [])), "failed": len(loaded.get("failed", [])),
                     "publish_s": time.perf_counter() - started}  # fmt: skip
            service = ChatService(store=store, repository=SafetyGraphRepository(store),
                                  conversations=ConversationStore(store, lambda: now_ms), clock=lambda: now_ms,
                                  time_parser=parse_time_range, plan_search=plan_passage_search(container))  # fmt: skip
            for case in items:
                try:
                    got = ask(service, case)
                except Exception as exc:  # noqa: BLE001 - an eval records failures and goes on
                    failed = score(case, None, [], "")
                    failed.error = f"{type(exc).__name__}: {exc}"[:200]
                    scores.append(failed)
                    continue
                scores.append(score(case, got.intent, list(got.rows), got.answer))
        finally:
            store.close()
    return scores, setup


def _mean(values: list[float]) -> float | str:
    return sum(values) / len(values) if values else "—"


def report(scores: list[CaseScore], setup: dict[str, Any]) -> str:
    rows: list[list[Any]] = []
    for split in dict.fromkeys(s.split for s in scores):
        cs = [s for s in scores if s.split == split]
        plans = [s for s in cs if s.gold]
        empty = [s for s in cs if not s.gold]
        levels = [s for s in cs if s.commander_ok is not None]
        rows.append([
            split, len(cs), _mean([s.intent_ok for s in cs]),
            _mean([s.precision for s in plans]), _mean([s.recall for s in plans]), _mean([s.first_ok for s in cs]),
            f"{sum(s.first_ok for s in empty)} / {len(empty)}",
            _mean([bool(s.commander_ok) for s in levels]), _mean([bool(s.action_ok) for s in levels]),
            _quotes(cs), _names(cs), sum(bool(s.error) for s in cs),
        ])  # fmt: skip
    header = ["split", "n", "intent plan_for", "top-3 precision", "top-3 recall", "first plan right",
              "no plan (empty gold) right", "level: commander", "level: first action",
              "quote on point", "answer names", "errors"]  # fmt: skip
    text = (f"{setup['published']} sample plans published ({setup['failed']} files refused) in "
            f"{setup['publish_s']:.0f} s.\n\n" + table(header, rows))  # fmt: skip
    misses = [_miss(s) for s in scores if _missed(s)]
    if misses:
        text += "\n\nMisses: " + "; ".join(misses)
    return text


def _quotes(cs: list[CaseScore]) -> str:
    asked = [s for s in cs if s.quote_ok is not None]
    return f"{sum(bool(s.quote_ok) for s in asked)} / {len(asked)}" if asked else "—"


def _names(cs: list[CaseScore]) -> str:
    asked = [s for s in cs if s.names_ok is not None]
    return f"{sum(bool(s.names_ok) for s in asked)} / {len(asked)}" if asked else "—"


def _missed(s: CaseScore) -> bool:
    return not (s.intent_ok and s.first_ok and (not s.gold or s.hits == min(SHOWN, len(s.gold)))
                and s.commander_ok is not False and s.action_ok is not False
                and s.quote_ok is not False and s.names_ok is not False)  # fmt: skip


def _miss(s: CaseScore) -> str:
    parts = []
    if not s.intent_ok:
        parts.append(f"intent {s.got_intent}")
    if not s.gold and s.shown:
        parts.append(f"listed {len(s.shown)} plans")
    elif s.gold and (not s.first_ok or s.hits < min(SHOWN, len(s.gold))):
        parts.append(
            f"{s.hits}/{min(SHOWN, len(s.gold))} gold in top 3" + ("" if s.first_ok else ", first wrong")
        )
    if s.commander_ok is False:
        parts.append("commander")
    if s.action_ok is False:
        parts.append("first action")
    if s.quote_ok is False:
        parts.append("quote")
    if s.names_ok is False:
        parts.append("names")
    return f"`{s.id}` ({', '.join(parts) or s.error})"


def section() -> str:
    scores, setup = run()
    return "\n".join([
        "",
        "## Plan guide (`plan_for` over published plans, `evals/plan_guide.py`)",
        "",
        "The demo city (seed 20261125, 1,000 enterprises, as the chat suite) with the sample plan corpus "
        "published by `load_demo_plans` (as `make demo`); questions of `plan_guide.jsonl` asked through "
        "`ChatService`, rules only. Gold plan titles judged by hand from each plan's scope; commander and "
        "first measure of the level asked read from the plan's source YAML (extraction errors count). "
        "Top-3 precision/recall over lines with applicable plans; first plan over every line.",
        "",
        report(scores, setup),
    ])  # fmt: skip
