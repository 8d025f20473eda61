"""A house number after a road (长寿路12号, 龙山大街8号, 暨南大道3号厂房) is no day of the month (events-robust25):
the grammar would read 12号 as the 12th. The 号 is rewritten to a mark no time pattern reads, so the address stays
in the text for the place lookup (``agents.events.gazetteer.street_address``).

Numerals arrive normalised (长寿路12号).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

NUMBER_MARK = "#"
_HOUSE_NUMBER = re.compile(
    r"(?<=[\u4e00-\u9fff](?:路|街|巷|弄))(\d{1,4})号|(?<=[\u4e00-\u9fff]大道)(\d{1,4})号"
)


def house_number_rules() -> list[_Rule]:
    """The rewrite above; before the time patterns read N号."""
    return [(_HOUSE_NUMBER, lambda m: (m.group(1) or m.group(2)) + NUMBER_MARK)]
