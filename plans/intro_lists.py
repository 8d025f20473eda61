"""Numbered items that a label line introduces: "措施：" then "1. 微型消防站3分钟内到场" / "2. …".

Word's automatic numbering gives each item a number and no full stop, so the structure reads a short item
as a heading one level down ("1." under "（一）二级响应"). Items that a paragraph ending in a colon
introduces, and that have nothing under them, are the list that paragraph opens: ``introduced_lists``
makes the run of them list items again. A numbered line with text of its own below it ("1. 综合协调组"
over its duties) is a real heading and stays one, and so does the whole run it is in.
"""

from __future__ import annotations

import re

from plans.structure import Block

_OPENS_LIST = re.compile(r"[：:]\s*$")


def introduced_lists(blocks: list[Block]) -> list[Block]:
    """The blocks with each introduced run of bare numbered headings made list items (module docstring)."""
    out = list(blocks)
    section_level = 0  # level of the last heading before the introducing paragraph
    at = 0
    while at < len(out):
        block = out[at]
        if block.kind == "heading":
            section_level = block.heading_level or 1
        elif block.kind == "paragraph" and _OPENS_LIST.search(block.text):
            run = at + 1
            while (
                run < len(out)
                and out[run].kind == "heading"
                and (out[run].heading_level or 1) > section_level
                and out[run].number
            ):
                run += 1
            after = out[run] if run < len(out) else None
            # nothing below the run but the next section: the items have no text of their own
            bare = after is None or (after.kind == "heading" and (after.heading_level or 1) <= section_level)
            if run > at + 1 and bare:
                for n in range(at + 1, run):
                    out[n] = out[n].model_copy(update={"kind": "list_item", "heading_level": None})
                at = run
                continue
        at += 1
    return out
