"""Which side of a 厂中厂 lease a compound question's lease words name, with the lessor's grade (round 4).

"出租方是红色等级的承租企业里，有未整改隐患的有哪些" says the lease twice (出租方 … 承租企业): one
condition, the tenants of red-graded landlords, which ``lease_tenants`` holds (``$lessor_grade``).
"我们街道出租厂房的企业里，哪些自己也有逾期隐患" names the landlords: a corporate lessor's ``Lessor.id``
is its enterprise id (graph model), so ``lessor_list`` gives the landlord firms as an enterprise set.
The planner (ADR 0012) had refused both: two hits of one kind, and landlord words without a named
landlord.
"""

from __future__ import annotations

import re

from agents.chat.router import LEASE

# Lease words that name the tenant side; without a landlord named, every tenant (lease_tenants) is the set.
TENANTS = re.compile(
    r"承租|在租|租用|租赁|租了|租来|租的|租(?:厂房|房子|场地)|租别人(?:的|家)?(?:厂房|房子|场地)?"
)
_LEASE = re.compile(LEASE)
# Nothing but the landlord's grade or kind may stand between two lease words joined into one condition.
_BETWEEN = re.compile(
    r"[方是为的、，,\s]|[红黄蓝]色?|等级|分级|级|自然人|个人|企业法人|集体|个体工商户|个体户"
)
_GRADE = re.compile(r"([红黄蓝])色?(?:等级|分级|级)?")


def joined(hits: list[tuple[int, int, str]], text: str, kind: str) -> list[tuple[int, int, str]]:
    """Consecutive lease hits with only the landlord's grade between them, as one hit."""
    out: list[tuple[int, int, str]] = []
    for hit in hits:
        if out and hit[2] == kind == out[-1][2] and _BETWEEN.sub("", text[out[-1][1] : hit[0]]) == "":
            out[-1] = (out[-1][0], hit[1], kind)
            continue
        out.append(hit)
    return out


def lease_step(said: str) -> tuple[str, dict[str, str]]:
    """The template and values of a lease condition said as ``said`` (no landlord named)."""
    grade = _GRADE.search(said)
    values = {"lessor_grade": grade.group(1)} if grade else {}
    if TENANTS.search(said):
        return "lease_tenants", values  # every tenant, or those of landlords of that grade
    return "lessor_list", values  # "出租厂房的企业": the landlord firms


def without_lease_words(text: str) -> str:
    """The question with its lease words blanked (they are a condition here, no reason to refuse)."""
    return _LEASE.sub(lambda m: " " * len(m[0]), text)


__all__ = ["TENANTS", "joined", "lease_step", "without_lease_words"]
