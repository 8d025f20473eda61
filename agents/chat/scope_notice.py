"""A caller whose data scope is one town or one enterprise may still ask about the whole city
("全市有多少家企业"). Every query runs in the caller's scope, so the answer counts only their own
patch; said without a word, "企业共 85 家" reads as the city's total. The notice says so."""

from __future__ import annotations

import re

from core.scope import DataScope, ScopeLevel

# Words naming the whole city. Not a bare 江阴市: it starts most enterprise names (江阴市…有限公司).
_WHOLE_CITY = re.compile(
    r"全市|我市|本市|全江阴|整个江阴|江阴(?:市内|市里|全市|一共|总共|共有|所有|全部|各镇)"
)


def narrower_scope_notice(question: str, scope: DataScope, path: str) -> str:
    """The caveat for a city-wide question answered from data within a town or enterprise scope
    (not for a refusal or a request to rephrase, which show no data), else ''."""
    if path in ("refusal", "clarify") or scope.level is ScopeLevel.CITY or not _WHOLE_CITY.search(question):
        return ""
    patch = scope.town if scope.level is ScopeLevel.TOWN else "本企业"
    return f"您的数据范围为{patch}：结果只含{patch}的数据，不是全市的。"
