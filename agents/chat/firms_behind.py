"""刚才那个数是多少家企业: how many firms stand behind the records just counted.

After "再往前一个月呢 → 82 次" an officer asks "刚才那个数是多少家企业": the firms inspected in that
month, not every enterprise in the city — the router saw 多少家企业 and answered the enterprise count
(1,000) as a new question (chat round 23). A turn that asks only for a number of firms, with no subject
of its own, is read as the firm count of the previous records question with all its conditions; its
pointer back (刚才, 那个数) is dropped first.
Pure functions; no I/O.
"""

from __future__ import annotations

import re

from agents.chat.models import TurnState

# Nothing but a pointer back (刚才那个数, 这些, 那个) and a firm count: any noun of its own is a new question.
_ASKED = re.compile(
    r"^(?:那|那么)?(?:刚才|上面|前面|上一个)?(?:的)?(?:那个数字?|这个数字?|那个|这个|这些|那些|这|其中)?"
    r"(?:一共|总共)?(?:是|涉及|对应|有|算|涉及到)?(?:多少|几)家(?:企业|公司|单位|厂)?(?:呢|啊|呀)?[?？]?$"
)
# The records whose rows name firms, and the form that counts those firms (count_firms or DISTINCT).
_FIRM_FORM = {
    "inspection_count": "inspection_count",
    "inspection_list": "inspection_count",
    "penalty_total": "penalty_list",
    "penalty_list": "penalty_list",
    "hazard_count": "hazard_list",
    "hazard_list": "hazard_list",
    "overdue_hazards": "overdue_hazards",
}


def firm_count_form(text: str, previous_intent: str | None) -> str | None:
    """The intent that counts the firms behind the previous records, when ``text`` asks only that."""
    if previous_intent not in _FIRM_FORM or not _ASKED.match(text.strip()):
        return None
    return _FIRM_FORM[previous_intent]


def firms_asked(asked: str, previous: TurnState | None) -> str:
    """``asked`` without its pointer back: 刚才 there points at the last answer, not at the last minutes,
    which the time grammar would read ("刚才那个数是多少家企业" → "那是多少家企业")."""
    if previous is None or firm_count_form(asked, previous.intent) is None:
        return asked
    return "那是多少家企业"


__all__ = ["firm_count_form", "firms_asked"]
