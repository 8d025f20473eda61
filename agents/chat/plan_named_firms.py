"""A firm named in the question is where the accident is, whichever town its own plan is filed under.

The ``plan_for`` query keeps a firm's plan only under the town asked (or the named demo firm's town): a
firm's plan filed under another town, or under none, is another place's. At a 厂中厂 the account names
two firms — the lessor whose 厂区 it is and the lessee who rents there ("霞客纺织把一间厂房租给了澄源
食品，澄源的污水调节池…") — and the town said is the lessor's; the lessee's own plan, filed elsewhere,
was left out although the question names it. So the plans of every firm the question names by its 字号
(``plan_guide.names_issuer``) are read again without the place, and added when they cover the accident
(the query's accident filter still applies). ``plan_guide.rank`` puts a named firm's plan first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from agents.chat.plan_guide import is_public, names_issuer

Read = Callable[[dict[str, Any]], list[dict[str, Any]]]


def with_named_firms(
    rows: Sequence[Mapping[str, Any]], params: Mapping[str, Any], question: str, read: Read
) -> list[dict[str, Any]]:
    """``rows`` and the plans of the firms ``question`` names that the place left out."""
    found = [dict(r) for r in rows]
    if not (params.get("town") or params.get("enterprise_id")):
        return found  # nothing placed: no plan was left out for its town
    have = {r.get("id") for r in found}
    wider = read({**params, "town": None, "enterprise_id": None})
    return found + [
        r for r in wider if r.get("id") not in have and not is_public(r) and names_issuer(r, question)
    ]


__all__ = ["with_named_firms"]
