"""``python -m plans.schema [--check]``: write (or verify) the committed JSON Schemas (plan, plan event)."""

from __future__ import annotations

import sys

from plans.schema import committed_schemas


def main(argv: list[str]) -> int:
    stale = 0
    for path, text in committed_schemas().items():
        if "--check" in argv:
            current = path.read_text(encoding="utf-8") if path.is_file() else ""
            if current != text:
                sys.stderr.write(f"{path} is stale: run `python -m plans.schema`\n")
                stale = 1
            continue
        path.write_text(text, encoding="utf-8")
        sys.stderr.write(f"wrote {path}\n")
    return stale


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
