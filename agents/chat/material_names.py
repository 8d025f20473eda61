"""A named emergency material in a low-stock question: "哪些仓库的干粉灭火器库存不够了".

Warehouses stock materials by name (防毒面具, 干粉灭火器, 防汛沙袋, …); a duty officer or a fire-rescue
liaison asks about one of them as often as about every shortage. The name is read as said — the
longest stock word with the qualifier people put before it (干粉, 防毒, 防汛) — and matched by
containment, so "灭火器" finds 干粉灭火器 and "沙袋" 防汛沙袋, while "干粉灭火器" finds no other kind.
"""

from __future__ import annotations

import re

# Stock words of the warehouses' materials and of things people expect in one.
MATERIAL_WORDS = (
    r"面具|救生衣|救生圈|沙袋|帐篷|灭火器|口罩|手电|吸附棉|中和剂|消毒液|棉被|饮用水|方便食品|编织袋|铁锹|"
    r"折叠床|雨衣|雨靴|呼吸器|防护服|发电机|水泵|担架|冲锋舟|橡皮艇|药品"
)
MATERIAL = re.compile(MATERIAL_WORDS)
# The qualifiers that make a stock word a kind: 干粉灭火器, 防毒面具, 防汛沙袋, 救灾帐篷, 医用口罩, 应急手电.
_QUALIFIED = re.compile(
    rf"(?:干粉|二氧化碳|泡沫|水基|防毒|防汛|救灾|医用|应急|一次性|正压式空气)?(?:{MATERIAL_WORDS})"
)


def material_said(text: str) -> dict[str, str]:
    """``{"material": name}`` for the material a question names, else empty."""
    found = _QUALIFIED.search(text)
    return {"material": found.group()} if found else {}


__all__ = ["MATERIAL", "MATERIAL_WORDS", "material_said"]
