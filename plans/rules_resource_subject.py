"""Equipment a sentence gives to the body it opens with: "园区消防站有专职消防员18人，配备水罐消防车2辆" —
the fire engines are the 消防站's as much as the firefighters are (round 26: "X有专职消防员N人，配备Y2辆" is a team
named X and equipment Y held by X).

The running-text resource rules read the team and the engines but leave the engines without a holder, since the
clause that lists them names no one. This pass fills the holder of such items from the sentence's subject, and
only where the sentence opens with a body followed by 有 / 现有 / 共有 and the items follow a 配备 / 配有 clause.
A team the sentence sets up as its object holds the kit the same way: "公司组建义务消防队，共有队员16人，配备A16套"
(round 32: the kit is the 义务消防队's; the company that sets it up holds nothing itself).
"""

from __future__ import annotations

import re

from plans.draft import PlanDraft

_SUBJECT_THEN_KIT = re.compile(
    r"(?:^|[。；;])\s*([\u4e00-\u9fff]{2,14}?(?:站|队|所|中心|大队|中队|部|科|车间|公司))(?:现有|共有|有)"
    r"[^。；;]*?[，,]\s*(?:并|另)?(?:配备|配有|装备)([^。；;]+)"
)

# "公司组建义务消防队，共有队员16人，配备…" / "厂里成立了一支应急抢险队，有队员12名，另配备…": the team set up holds the kit
_TEAM_THEN_KIT = re.compile(
    r"(?:组建|成立|建立|设立|组织)(?:了)?(?:一支)?([\u4e00-\u9fff]{2,14}?(?:队|站|班))[，,]"
    r"[^。；;，,]*?\d+\s*[人名][，,]\s*(?:并|另)?(?:配备|配有|装备)([^。；;]+)"
)


def fill_kit_holders(draft: PlanDraft) -> None:
    resources = draft.data["resources"]
    open_items = [r for r in resources if not r.get("holder")]
    if not open_items:
        return
    for block in draft.blocks:
        if block.kind == "table":
            continue
        for m in [*_SUBJECT_THEN_KIT.finditer(block.text), *_TEAM_THEN_KIT.finditer(block.text)]:
            for item in open_items:
                if item["name"] in m.group(2) and not item.get("holder"):
                    item["holder"] = m.group(1)
                    at = f"/resources/{resources.index(item)}/holder"
                    draft.cite(at, block.paragraph, *draft.span(block.paragraph, m.group(1)), confidence=0.7)
