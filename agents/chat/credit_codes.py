"""An enterprise said by its 统一社会信用代码: "91320281690328416N是哪家企业", "信用代码…的法人是谁".

Duty officers copy the 18-character code from a permit or a penalty notice. Enterprises are keyed by
it (``Enterprise.id``), so the code names one firm exactly; it is replaced by the firm's registered
name before the slots are read, and every template that takes an enterprise then answers for it
(profile, hazards, sensors, penalties). A valid code the caller may not see, or that no firm has, is
returned as ``unfound`` and the question is declined with ``UNFOUND_CODE``: left in the text it was
read as no firm at all, and "9132…有哪些隐患" answered for the caller's whole town (probe round 5).
A string of the code's shape that fails the check digits (an ID-card number, a typo) stays as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.errors import NotFoundError
from core.scope import DataScope
from core.standards.uscc import UsccError, validate_uscc
from graph.repository import SafetyGraphRepository

# GB 32100-2015: 18 characters, digits and upper-case letters without I, O, S, V, Z; the register
# office's two characters first (91 = an enterprise registered with the market regulator).
_CODE = r"[0-9A-HJ-NP-RTUWXY]{2}[0-9]{6}[0-9A-HJ-NP-RTUWXY]{10}"
_SAID = re.compile(
    rf"(?:(?:统一)?社会信用代码|信用代码|企业代码|代码)?\s*(?:为|是|：|:)?\s*(?<![0-9A-Z])(?P<code>{_CODE})(?![0-9A-Z])"
    r"(?:\s*(?:这家|这个|那家)(?:企业|公司|单位|厂))?",
    re.IGNORECASE,
)


UNFOUND_CODE = "没有找到统一社会信用代码为“{code}”的企业（或不在您的数据范围内）。"


@dataclass(frozen=True)
class CodeNaming:
    text: str
    unfound: str | None = None  # a valid code that no firm in the caller's scope has


def named_by_code(text: str, scope: DataScope, repository: SafetyGraphRepository) -> CodeNaming:
    """``text`` with a credit code (and the words that introduce it) replaced by the firm's name."""
    unfound: list[str] = []

    def name(m: re.Match[str]) -> str:
        code = m["code"].upper()
        try:
            return repository.get_enterprise(scope, code).name
        except NotFoundError:
            if _valid(code):
                unfound.append(code)
            return m.group(0)

    named = _SAID.sub(name, text)
    return CodeNaming(named, unfound[0] if unfound else None)


def _valid(code: str) -> bool:
    try:
        validate_uscc(code)
    except UsccError:
        return False
    return True


__all__ = ["UNFOUND_CODE", "CodeNaming", "named_by_code"]
