"""The committed JSON Schema of ``core.plan_document.EmergencyPlan`` (canonical export format).

``python -m plans.schema`` rewrites ``emergency-plan.schema.json``; ``--check`` exits 1 when the
committed file is stale. A unit test runs the check, so the schema cannot drift from the model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from core.plan_document import EmergencyPlan

SCHEMA_PATH = Path(__file__).with_name("emergency-plan.schema.json")
SCHEMA_ID = "https://safecloud.local/schemas/emergency-plan.schema.json"


def emergency_plan_schema() -> dict[str, Any]:
    schema = EmergencyPlan.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def render_schema() -> str:
    return json.dumps(emergency_plan_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
