"""Running one intent: slot values → bound parameters (with per-intent defaults) → rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from agents.chat import (
    duty_roster,
    plan_caller,
    plan_firm_warning,
    plan_guide,
    plan_lessors,
    plan_named_firms,
    plan_places,
    plan_severity,
    registration,
)
from agents.chat.counted_lists import COUNT_LIMIT, row_limit
from agents.chat.deadline_calendar import calendar_due
from agents.chat.duty_room import asks_now, shift_instant, states_time_now
from agents.chat.firm_kind import kind_asked
from agents.chat.plan_sectors import category_sectors
from agents.chat.resolve import ResolvedEnterprise
from agents.chat.resources_asked import requested_counts, resource_requests
from agents.chat.top_groups import top_limit
from core.errors import ValidationError
from core.ports import GraphStore
from core.scope import DataScope, ScopeLevel
from graph import plan_chiefs
from graph.intents import Intent
from graph.list_totals import total_rows
from graph.plan_place_queries import enterprise_profile
from graph.repository import SafetyGraphRepository, day_bounds

DEFAULT_LIMIT = 500
HOUR_MS = 3_600_000
DAY_MS = 86_400_000
CLOCK_TIME_MS = 2 * HOUR_MS  # a window this short names a time of day ("八点", "8点到10点"), not a day part
# Hazards mean the open ones unless a status or one of these is said; "发现了多少" / "查出的" counts every
# hazard found, whatever its status now (evals/README.md).
# Hazards counted as found in a period, whatever their status now (本月新增了多少条隐患, 上报了几条).
_ALL_HAZARDS = re.compile(
    r"全部|所有|历史|累计|总共|一共|包括已整改|各种状态|发现|排查出|查出|检查出|新增|新上报|新登记|上报了|登记了"
)


@dataclass
class TemplateRun:
    query: str
    params: dict[str, Any]
    columns: tuple[str, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)


def bind(intent: Intent, values: dict[str, Any], scope: DataScope, now_ms: int) -> dict[str, Any]:
    """Parameters for ``intent.cypher``: every slot bound (None = no filter), defaults applied."""
    params: dict[str, Any] = registration.apply_to(
        intent.id, intent.slots, {slot: values.get(slot) for slot in intent.slots}
    )
    params |= scope.as_params() | {
        "now": now_ms,
        "limit": min(int(values.get("limit") or DEFAULT_LIMIT), 1000),
    }
    text = str(values.get("_question", ""))
    if intent.shape == "groups" and intent.key == "town" and values.get("limit") is None:
        params["limit"] = top_limit(text).get("limit", params["limit"])  # "最多的三个镇": those three
    if values.get("limit") is None:
        params["limit"] = row_limit(intent, text, params["limit"])  # "本月告警有多少条": every row counted
        if values.get("count_asked") and intent.shape == "list":
            params["limit"] = max(params["limit"], COUNT_LIMIT)  # "那华士呢" after "有多少条": still a count
    if (
        "due_within_ms" in intent.slots
        and params.get("due_within_ms") is None
        and (due := calendar_due(text, now_ms))
    ):
        params |= due  # "月底前要整改完的": the deadline by a calendar end, not the date found
        values = values | {"window_label": due["window_label"]}
    if "from_ms" in intent.slots and values.get("from_ms") is None:
        if values.get("camera_point"):  # a camera point's alarms with no period: all of them (round 30)
            params |= {"from_ms": 0, "to_ms": now_ms, "window_label": "累计"}
        elif intent.id in ("events_recent", "event_count_by_type"):
            params |= {"from_ms": now_ms - 7 * DAY_MS, "to_ms": now_ms, "window_label": "近7天"}
        elif intent.id == "sensors_alarming":
            params |= {"from_ms": now_ms - 24 * HOUR_MS, "to_ms": now_ms, "window_label": "近24小时"}
        elif intent.id == "special_operations":
            start, end = day_bounds(now_ms)
            params |= {"from_ms": start, "to_ms": end, "window_label": "今天"}
    elif values.get("window_label"):
        params["window_label"] = values["window_label"]
    every_status = values.get("open_only") is False  # an earlier turn asked for every status (发现了几条)
    said = params.get("hazard_status") or params.get("hazard_statuses")  # a status said, or 没销号's three
    if "open_only" in intent.slots and not every_status and not said and not _ALL_HAZARDS.search(text):
        params["open_only"] = True  # duty officers mean the open ones unless they say otherwise
    if params.get("open_only") is False:
        params["open_only"] = None  # False is "no filter" to the query, as None is
    if intent.id == "plan_for":  # the level and every accident word, in the plans' vocabulary
        params |= plan_guide.slot_values(text)
    if intent.id == "duty_now":
        params |= {"at_ms": now_ms} | _duty_days(params, now_ms)
        day = day_bounds(int(params.get("from_ms") or params["at_ms"]))[0]  # the day said, else today
        no_other_time = params["at_ms"] == now_ms and params.get("from_ms") is None
        if no_other_time and asks_now(text):  # "夜班交接：现在值班的是谁" at 05:00: not tonight's 夜班
            params |= {"at_ms": now_ms, "from_ms": None, "to_ms": None, "window_label": "现在"}
        elif (at := shift_instant(text, day)) is not None:  # "明天白班", "昨晚夜班": that part's shift
            params |= {"at_ms": at, "from_ms": None, "to_ms": None}
        elif states_time_now(text):  # "半夜两点了，璜土现在谁在值": the hour it is, not the one asked
            params |= {"at_ms": now_ms, "from_ms": None, "to_ms": None, "window_label": "现在"}
    if intent.id == "duty_now" and not params.get("town"):
        params["duty_city"] = True
    return params


def remembered_slots(values: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
    """The slot values a follow-up inherits: those of the question, plus ``open_only`` False where it
    counted hazards whatever their status ("华士镇上周发现了几条隐患"), so that "那上个月呢" asks the same
    about last month instead of falling back to the open ones (the follow-up text says neither)."""
    kept = {k: v for k, v in values.items() if not k.startswith("_")}
    if "open_only" in params and not params["open_only"] and not params.get("hazard_status"):
        kept["open_only"] = False
    if int(params.get("limit") or 0) >= COUNT_LIMIT:  # the question asked how many; "只看重大的" does too
        kept["count_asked"] = True
    return kept


EVENING_MS = 18 * 3_600_000  # 晚上 starts at 18:00 (ADR 0010)
NIGHT_SHIFT_MS = 20 * 3_600_000  # 今晚 on a roster = the shift covering 20:00 (heldout11)
_NAMED_DAY = re.compile(r"(?:周|礼拜|星期)[一二三四五六日天末]")


def _duty_days(params: dict[str, Any], now_ms: int) -> dict[str, Any]:
    """Shifts of another day ("明天/周六谁值班") are those starting that day; a window on today
    ("今天谁值班", at 3 a.m. too) means the shift on duty now (``from_ms`` None; ``at_ms`` is now);
    today's evening ("今晚谁值班") is the shift covering 20:00 today, said after midnight as well.

    A clock time ("明早八点", "今晚10点"; the grammar gives that hour) is the shift covering it:
    shifts hand over in the morning, so 8:00 tomorrow is still tonight's shift, not tomorrow's.
    """
    start = params.get("from_ms")
    if start is None:
        return {}
    end = params.get("to_ms")
    if end is not None and int(end) - int(start) <= CLOCK_TIME_MS:
        return {"from_ms": None, "to_ms": None, "at_ms": int(start)}
    today, tomorrow = day_bounds(now_ms)
    if today + EVENING_MS <= int(start) < tomorrow:  # "今晚谁值班" at 00:30 too: the shift covering 20:00
        return {"from_ms": None, "to_ms": None, "at_ms": today + NIGHT_SHIFT_MS}  # today (round 33)
    # a weekday or weekend named ("周六街道谁带班" said early on Saturday) is that day's roster, the
    # shifts starting on it, not the night shift still on duty from the day before (chat round 32)
    if today <= start < tomorrow and not _NAMED_DAY.search(str(params.get("window_label") or "")):
        return {"from_ms": None, "to_ms": None}
    first = day_bounds(start)[0]
    return {"from_ms": first, "to_ms": max(int(params.get("to_ms") or 0), first + DAY_MS)}


def run_template(
    intent: Intent,
    values: dict[str, Any],
    scope: DataScope,
    store: GraphStore,
    repository: SafetyGraphRepository,
    now_ms: int,
    *,
    enterprise: ResolvedEnterprise | None = None,
) -> TemplateRun:
    params = bind(intent, values, scope, now_ms)
    if intent.cypher is None:
        return _nearest(intent, values, params, scope, repository, enterprise)
    question = str(values.get("_question", ""))
    unplaced = intent.id == "plan_for" and not (params.get("enterprise_id") or params.get("town"))
    if unplaced and (firm := plan_places.firm_in_question(store, question, scope)):  # "伟创化学…": its town
        params["enterprise_id"] = firm[0]
    if (
        intent.id == "plan_for"
        and scope.level is not ScopeLevel.ENTERPRISE
        and plan_places.another_issuer_named(store, params, question)
    ):
        params["enterprise_id"] = None  # the named issuer's plan, not a near-named demo firm's town
    if intent.id == "duty_now":  # "今天谁值班" from a town or an enterprise: its own town's roster
        params = duty_roster.own_town(params, scope, repository, city_said=bool(values.get("duty_city")))
    cypher_params = {k: v for k, v in params.items() if k != "window_label"}
    rows = [dict(r) for r in store.read(intent.cypher, cypher_params)]
    if (
        intent.shape == "list"
        and values.get("limit") is None
        and len(rows) >= int(params.get("limit") or 0) > 0
    ):
        # cut at the listing limit: the answer states the true total, and that only the first are listed
        # (a number the user said, "最近一次", "前三条", is what was asked, not a cut)
        params["total_rows"] = total_rows(store, intent.cypher, cypher_params)
    if intent.id == "enterprise_profile" and (asked := kind_asked(question)):
        # "X是不是危化企业": the answer says 是/否 (set after the query: it is no Cypher parameter)
        params["kind_asked"] = asked
    if intent.id == "duty_now":
        params, rows = duty_roster.with_city_fallback(intent.cypher, params, rows, store)
    if intent.id == "plan_for":
        firm = params.get("enterprise_id")  # its category names its sector ("我们厂" says no trade)
        profile = enterprise_profile(store, str(firm)) if firm else None
        params["firm_sectors"] = sorted(category_sectors(str((profile or {}).get("category") or "")))
        params["place_plans"] = plan_places.place_plans(store, rows, params, question)
        params |= plan_severity.toll_param(question, params)  # "死了2个人": each plan's level for it
        cypher = intent.cypher

        def read(wider: dict[str, Any]) -> list[dict[str, Any]]:
            return [
                dict(r) for r in store.read(cypher, {k: v for k, v in wider.items() if k in cypher_params})
            ]

        rows = plan_named_firms.with_named_firms(rows, params, question, read)  # a 厂中厂 lessee's own plan
        # a 厂中厂 lessee's lessor's plans for its whole 厂区, through the lease in the graph
        rows, lessors = plan_lessors.with_lessor_plans(store, rows, params, question, scope, read)
        params["place_plans"] = [*params["place_plans"], *lessors]
        if warned := plan_firm_warning.firm_warning_rows(rows, params, question, read):  # a firm's 预警
            rows, params["accident_types"] = warned, None  # the weather is no accident type of its plan
        ranked = plan_guide.rank(rows, params, question)
        rows = plan_caller.for_caller(store, rows, ranked, params, question, scope)  # no accident said
        if "head" in (params.get("plan_details") or ()):  # "谁是总指挥": the head of each plan's command
            rows = plan_chiefs.with_heads(store, rows)
        if "starter" in (params.get("plan_details") or ()):  # "启动要谁批准": the body that decides
            rows = plan_chiefs.with_starters(store, rows)
    return TemplateRun(intent.cypher.strip(), params, intent.columns, rows)


def _nearest(
    intent: Intent,
    values: dict[str, Any],
    params: dict[str, Any],
    scope: DataScope,
    repository: SafetyGraphRepository,
    enterprise: ResolvedEnterprise | None,
) -> TemplateRun:
    """Rescue resources are city-wide; the anchor (enterprise or town centre) must be in scope."""
    own_id = values.get("enterprise_id") or scope.enterprise_id  # a follow-up's enterprise, or the user's own
    if enterprise is None and own_id:  # "它附近的消防队", an enterprise user's "离我们最近的消防队"
        own = repository.get_enterprise(scope, str(own_id))
        enterprise = ResolvedEnterprise(own.uscc, own.name, own.town, own.lat, own.lon)
    if enterprise is not None:
        lat, lon, anchor = enterprise.lat, enterprise.lon, enterprise.name
    else:
        town = params.get("town") or scope.town
        towns = {t.name: t for t in repository.towns(scope)}
        if not town or town not in towns:
            raise ValidationError("请说明要以哪家企业或哪个镇街为中心查找救援资源。", code="chat_need_anchor")
        lat, lon, anchor = towns[town].lat, towns[town].lon, town
    requests = resource_requests(str(values.get("_text", ""))) or [
        (values.get("resource_kind") or "team", None)
    ]
    per_kind = int(values.get("limit") or 3)
    said = requested_counts(str(values.get("_text", ""))) if len(requests) > 1 else {}  # "两支…和一个…"
    rows: list[dict[str, Any]] = []
    for kind, team_type in requests:
        wanted = team_type or (values.get("speciality") if kind == "expert" else None)  # "危化专家"
        count = said.get((kind, team_type), per_kind)
        found = repository.nearest_resources(lat, lon, kind, limit=100 if wanted else count)
        if wanted:
            found = [r for r in found if r.detail.startswith(str(wanted))]
        rows += [r.model_dump() for r in found[:count]]
    params = {"anchor": anchor, "lat": lat, "lon": lon, "kinds": [k for k, _ in requests],
              "team_types": [t for _, t in requests if t], "limit": per_kind}  # fmt: skip
    return TemplateRun("repository.nearest_resources", params, intent.columns, rows)
