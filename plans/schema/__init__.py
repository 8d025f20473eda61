"""The committed JSON Schemas: ``core.plan_document.EmergencyPlan`` (canonical export format) and
``core.bus.PlanEvent`` (the payload of messages on the ``safecloud.plans`` topic).

``python -m plans.schema`` rewrites both files; ``--check`` exits 1 when a committed file is stale.
A unit test runs the check, so a schema cannot drift from its model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from core.bus import PlanEvent
from core.plan_document import EmergencyPlan

SCHEMA_PATH = Path(__file__).with_name("emergency-plan.schema.json")
SCHEMA_ID = "https://safecloud.local/schemas/emergency-plan.schema.json"
EVENT_SCHEMA_PATH = Path(__file__).with_name("plan-event.schema.json")
EVENT_SCHEMA_ID = "https://safecloud.local/schemas/plan-event.schema.json"


def emergency_plan_schema() -> dict[str, Any]:
    schema = EmergencyPlan.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def render_schema() -> str:
    return json.dumps(emergency_plan_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def plan_event_schema() -> dict[str, Any]:
    schema = PlanEvent.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": EVENT_SCHEMA_ID, **schema}


def render_event_schema() -> str:
    return json.dumps(plan_event_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def committed_schemas() -> dict[Path, str]:
    """Each committed schema file and the text it must have."""
    return {SCHEMA_PATH: render_schema(), EVENT_SCHEMA_PATH: render_event_schema()}
