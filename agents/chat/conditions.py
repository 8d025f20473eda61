"""Words that are never part of an enterprise name: hazard conditions, follow-up verbs; statuses said
in other words.

``slots.enterprise_mention`` cuts a question at function words and reads the chunk before a portrait
word ("…的隐患") as a short name. How far along a hazard is — 逾期, 没整改, 整改中 — is a condition:
"X有没有逾期的隐患" names X, and "逾期" before "的隐患" is no name of its own.
"""

from __future__ import annotations

HAZARD_CONDITIONS = r"逾期|超期|过期|没整改|未整改|整改中|待整改|已整改|已验收"
# What may stand between a short name and the hazard word after it: a condition or a level, as in
# "力海传动有没有整改中的重大隐患", "昌江织造有几条一般隐患没整改" (the name is the chunk before them).
BEFORE_HAZARD_WORD = HAZARD_CONDITIONS + r"|重大|较大|一般"
# Statuses said in other words: 已经整改(了) is 已整改 (not yet accepted: 已验收 is its own status).
# 还在整改 is 整改中 too (chat-robust18): being worked on, not every open one ("还没整改" stays both).
HAZARD_STATUS_SAID = {"未验收": "已整改", "已经整改": "已整改", "正在整改": "整改中", "还在整改": "整改中"}
# A follow-up that swaps one slot: "换成益顺印染" names 益顺印染.
FOLLOW_UP_VERBS = r"换成|改成|换到|如果是"
