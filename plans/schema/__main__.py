"""``python -m plans.schema [--check]``: write (or verify) the committed EmergencyPlan JSON Schema."""

from __future__ import annotations

import sys

from plans.schema import SCHEMA_PATH, render_schema


def main(argv: list[str]) -> int:
    text = render_schema()
    if "--check" in argv:
        current = SCHEMA_PATH.read_text(encoding="utf-8") if SCHEMA_PATH.is_file() else ""
        if current != text:
            sys.stderr.write(f"{SCHEMA_PATH} is stale: run `python -m plans.schema`\n")
            return 1
        return 0
    SCHEMA_PATH.write_text(text, encoding="utf-8")
    sys.stderr.write(f"wrote {SCHEMA_PATH}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
