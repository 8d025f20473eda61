"""Intent catalogue for duty-officer chat: parameterised, scoped Cypher templates.

Each ``Intent`` is one frequent question shape ("临港有哪些一级重大危险源企业？"). Its query takes
``$scope_town`` / ``$scope_enterprise`` (``DataScope.as_params``) and applies them in the ``WHERE``
clause, like ``graph.queries``; every declared slot is bound (``None`` when the question did not
fill it, which means "no filter"), plus ``$now`` (epoch ms) and ``$limit``.

Conventions:
* portable Cypher only (STACK.md): epoch-ms comparisons, no list indexing, one label per node;
* the first column named in ``key`` identifies the result rows (enterprise credit codes, hazard
  ids, …); ``key_kind`` says what it is, so a follow-up ("它的法人是谁") can refer to the rows;
* ``$enterprise_ids`` restricts enterprise-rooted templates to an earlier turn's result set
  ("那其中重大隐患呢？");
* rescue resources are city-wide (cross-town dispatch), as in ``graph.repository``; the
  ``nearest_resources`` intent therefore has no Cypher here and is answered by the repository.
"""

from __future__ import annotations

from graph.intent_base import Intent
from graph.intents_operations import OPERATIONS_INTENTS
from graph.intents_plans import PLAN_INTENTS
from graph.intents_records import RECORD_INTENTS
from graph.intents_supervision import SUPERVISION_INTENTS

INTENTS: tuple[Intent, ...] = SUPERVISION_INTENTS + OPERATIONS_INTENTS + RECORD_INTENTS + PLAN_INTENTS
BY_ID: dict[str, Intent] = {i.id: i for i in INTENTS}
INTENT_IDS: tuple[str, ...] = tuple(BY_ID)

__all__ = ["BY_ID", "INTENTS", "INTENT_IDS", "Intent"]
