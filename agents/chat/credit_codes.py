"""An enterprise said by its 统一社会信用代码: "91320281690328416N是哪家企业", "信用代码…的法人是谁".

Duty officers copy the 18-character code from a permit or a penalty notice. Enterprises are keyed by
it (``Enterprise.id``), so the code names one firm exactly; it is replaced by the firm's registered
name before the slots are read, and every template that takes an enterprise then answers for it
(profile, hazards, sensors, penalties). A code the caller may not see, or that no firm has, is left
as typed: the question then finds no firm and says so, as for an unknown name.
"""

from __future__ import annotations

import re

from core.errors import NotFoundError
from core.scope import DataScope
from graph.repository import SafetyGraphRepository

# GB 32100-2015: 18 characters, digits and upper-case letters without I, O, S, V, Z; the register
# office's two characters first (91 = an enterprise registered with the market regulator).
_CODE = r"[0-9A-HJ-NP-RTUWXY]{2}[0-9]{6}[0-9A-HJ-NP-RTUWXY]{10}"
_SAID = re.compile(
    rf"(?:(?:统一)?社会信用代码|信用代码|企业代码|代码)?\s*(?:为|是|：|:)?\s*(?<![0-9A-Z])(?P<code>{_CODE})(?![0-9A-Z])"
    r"(?:\s*(?:这家|这个|那家)(?:企业|公司|单位|厂))?",
    re.IGNORECASE,
)


def named_by_code(text: str, scope: DataScope, repository: SafetyGraphRepository) -> str:
    """``text`` with a credit code (and the words that introduce it) replaced by the firm's name."""

    def name(m: re.Match[str]) -> str:
        code = m["code"].upper()
        try:
            return repository.get_enterprise(scope, code).name
        except NotFoundError:
            return m.group(0)

    return _SAID.sub(name, text)


__all__ = ["named_by_code"]
