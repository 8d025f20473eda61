"""How many groups a ranking asks for: "危化企业最多的三个镇", "隐患数量前五的街道".

The per-town templates list every town, best first; a question that names how many it wants
(最多的N个镇/前N个/前N名) gets only those (ties at the cut broken by name, as the query orders).
"哪个镇最多" names no number and keeps the whole ranking, as earlier rounds answer it.
"""

from __future__ import annotations

import re
from typing import Any

from agents.llm.vocab import cn_to_int

_N = r"([0-9]+|[一二两三四五六七八九十]+)"
_PLACE = r"(?:个|家)?\s*(?:镇街|镇|街道|乡镇|板块|地方|区域)"
_TOP = re.compile(
    rf"(?:最多|最高|排名?(?:最)?靠前|排前)的?\s*(?:是)?(?:哪)?{_N}{_PLACE}|前\s*{_N}\s*(?:名|位|个|的?{_PLACE})"
    rf"|排(?:名|在)?前\s*{_N}(?![0-9一二两三四五六七八九十天日月周年季小钟条次起])"  # "各镇隐患数量排前五": the towns asked
)


def top_limit(text: str) -> dict[str, Any]:
    """``{"limit": N}`` when a ranking of groups names how many it wants, else ``{}``."""
    m = _TOP.search(text)
    if m is None:
        return {}
    number = next(g for g in m.groups() if g)
    n = int(number) if number.isdigit() else cn_to_int(number.replace("两", "二"))
    return {"limit": n} if n and n > 0 else {}


__all__ = ["top_limit"]
