"""Parts of one's own site that share a name with a place of the city.

An enterprise's safety officer searches their own site: 我们厂东门, 本厂西门口, 盛耀化工北门. Jiangyin has a
东门社区, which the suffix-less village rule would name for 东门; after a factory word or an enterprise
name a direction + 门 is that site's gate, which the filter cannot express (camera positions are not
places), so the gate is blanked before the sentence is read (ADR 0011, events-robust9). Said alone
(东门那边冒烟) it is still the neighbourhood.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

_GATE = re.compile(r"[东西南北侧后正]门(?:口|岗|卫|那边|这边)?(?!社区|村)")
# A site said right before the gate: 我们厂, 本厂, 厂区, 公司, 车间 … (的 and spaces between allowed)
_SITE = re.compile(r"(?:厂|公司|厂区|车间|工地|单位|园区|仓库)[\s的]*$")
_LONGEST_NAME = 16
# A gate with a camera word after it (东门摄像头, 北门那个探头) is a camera position, not the neighbourhood (events-robust29).
_CAMERA_AFTER = re.compile(r"[\s的那个这]*(?:摄像头|摄像机|探头|监控|球机|枪机)")


def gate_spans(text: str, is_enterprise: Callable[[str], bool]) -> Iterator[tuple[int, int]]:
    """Spans of gates that belong to a factory or a named enterprise said just before them, or that a camera
    word follows."""
    for m in _GATE.finditer(text):
        before = text[: m.start()]
        if _SITE.search(before) or _CAMERA_AFTER.match(text, m.end()):
            yield m.span()
            continue
        head = re.sub(r"[\s的]+$", "", before)
        if any(is_enterprise(head[-n:]) for n in range(2, min(len(head), _LONGEST_NAME) + 1)):
            yield m.span()
