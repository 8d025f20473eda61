"""An incident as it is reported on the phone: what the caller sees, before anyone names the accident.

A villager, a guard or a shift worker calls the duty room and says what is in front of them: 冒黑烟, 有刺鼻
气味, 罐子鼓包了, 阀门在滴漏, 储罐全面燃烧, 一个工人倒在污水池边上叫不醒. The duty officer passes that on
as it was said and asks for the plan. Each report names an accident the plans list — smoke and burning a
fire, a sharp smell or drips a leak, a person down in or by a pit, tank or well a confined-space
poisoning — or at least says that something happened (a tank bulging, someone who does not wake), which
makes the question an incident the plan guide answers. Negated words ("还没有冒烟") say nothing. Pure text.
"""

from __future__ import annotations

import re

from agents.chat import plan_account

# (what is seen, the accident type of the plans' vocabulary it shows)
_TYPED: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"冒(?:黑|浓|大)烟|黑烟|浓烟|(?:全面|剧烈|猛烈|持续)?燃烧|烧着了|冒火|火苗"), "火灾"),
    (re.compile(r"滴漏|渗漏|渗液|冒液|漏液|(?:有点|有些|一点|还在|在往外|往外)漏|"
                r"漏得|(?:阀门|阀|罐体|罐身|管道|管线|法兰)(?:被撞)?(?:裂|破)|"  # "阀门裂了，漏得很厉害"
                # "有桶在漏", "漏出来一滩", "地上淌了一摊": a leak found on a round, said as it lies
                r"(?<![没不])在漏|漏出(?:来|了)|(?:淌|流|洒|漏)(?:了|得)(?:一|满)(?:摊|滩|地|片)"), "泄漏"),
    # a smell the caller names: a gas or vapour getting out
    # ("味道很冲", "气味特别呛": the smell said by how strong it is)
    (re.compile(r"(?:刺鼻|呛人|难闻|刺激性)的?(?:气味|味道|味)|(?:氨|氯|氯气|煤气|硫化氢|臭鸡蛋|溶剂|油漆)(?:的)?(?:气味|味道|味)|"
                r"(?:气味|味道|味儿?)(?:很|特别|非常|好|太|挺)?(?:冲|呛|刺鼻|熏人)"),
     "泄漏"),
    # a person down in or beside a pit, tank, well or trench: the confined space's air
    (re.compile(r"(?:倒|晕|躺|昏)在[^，,。；;]{0,10}(?:池|井|罐|釜|坑|沟|窖|槽|塔)"), "中毒和窒息"),
    # combustible dust that burns or blasts, said as seen ("铝粉尘着火以后又爆了一下", "除尘器炸了"), in one
    # sentence (a comma may part the fire from the blast): the dust
    # explosion a works' or town's 粉尘涉爆 plan is written for, not only a fire or a bare 爆炸
    (re.compile(r"(?:粉尘|铝粉|镁粉|木粉|面粉|煤粉|除尘(?:器|系统|管道|风管|设备))[^。；;]{0,12}?(?:爆燃|闪爆|燃爆|爆(?:了|开|炸)|炸了)"),
     "粉尘爆炸"),
    # a lift car stopped with people in it: 困人, said as what the caller sees (停在两层中间, 卡住了, 关着人)
    (re.compile(r"(?:电梯|轿厢|升降机)[^，,。；;]{0,8}(?:停在|卡在|卡住|不动了|困(?:住|着|人)|关着|出不来|下坠|冲顶|蹲底)"),
     "特种设备事故"),
)  # fmt: skip
# Said happened, no type of its own: a tank that bulges, a person who does not respond
_UNTYPED = re.compile(r"鼓包|鼓起来|鼓胀|叫不醒|喊不醒|没(?:有)?(?:反应|知觉|意识)|不省人事|昏过去")


def _said(pattern: re.Pattern[str], text: str) -> bool:
    return any(plan_account.said(m.group(0), text) for m in pattern.finditer(text))


def seen_types(text: str) -> list[str]:
    """The accident types what is seen shows ("冒黑烟" → 火灾, "有刺鼻气味" → 泄漏), negated ones left out."""
    return list(dict.fromkeys(kind for pattern, kind in _TYPED if _said(pattern, text)))


def seen(text: str) -> bool:
    """Something reported seen that makes the text an incident."""
    return bool(seen_types(text)) or _said(_UNTYPED, text)


__all__ = ["seen", "seen_types"]
