"""What an accident account says happened, beyond the toll: "大量泄漏已经流出围堰", "还没着火", "需要转驳".

Many plans state a level's 启动条件 by what happened rather than by a toll — a firm's "储罐或管道大量泄漏，
泄漏物流出围堰" (Ⅰ级) against "少量滴漏，岗位人员能够立即控制" (Ⅲ级), a port's "船舶碰撞码头造成设施
损坏", the transport plan's "大量泄漏需要转驳", a town's "影响超出企业厂区" or "需要疏散周边群众". A duty
officer says the same things in his own words (漏得很厉害, 控制不住, 火势蔓延到隔壁两个库房, 要疏散周边
村民). Both sides are read into the same small set of facts, each held or denied, so a trigger clause is met,
contradicted, or not told by the account. A fact said and later said otherwise ("还没着火" then "现在着火了"
in a follow-up) takes its last word. Negated accident words (还没着火, 没有起火) are also no accident type
of the question. Pure text work.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from plans.rules_meta import accident_type_spans

# A negation just before a word, in the same clause: "还没着火", "没有起火", "未引发火灾爆炸", "暂无泄漏".
_NEGATION = re.compile(r"(?:没|未|无|不会|不再|并非)[^，,。；;！!？?]{0,4}$")
_STOP = re.compile(r"[，,。；;！!？?]")

# fact -> the words that say it; a fact's opposite is said by the words of its pair (``_OPPOSITE``).
_FACTS: dict[str, re.Pattern[str]] = {
    "fire": re.compile(r"着火|起火|失火|火灾|燃烧|火情|烧起来|烧着|明火|爆燃"),
    "explosion": re.compile(r"爆炸|炸了"),
    "large_leak": re.compile(
        r"大量(?:泄漏|泄露|漏)|重大泄漏|较大量泄漏|漏得(?:很|太)?厉害|泄漏严重|严重泄漏"
    ),
    "medium_leak": re.compile(r"中量泄漏|中等量?泄漏"),
    "small_leak": re.compile(r"少量(?:货物)?(?:泄漏|泄露|渗漏|漏|滴漏)|滴漏|漏了一点|漏了点"),
    "uncontrolled": re.compile(
        r"控制不住|控制不了|无法(?:自行)?(?:控制|处置|扑灭)|无法有效处置|不能控制|扑不灭|"
        r"超出(?:公司|企业|车间|班组|岗位)?控制能力|需要外部救援|"
        # a leak that will not be shut off: "关了阀还是堵不住", "止不住", "关不住"
        r"(?:堵|止|关|压|挡)不住"
    ),
    "controlled": re.compile(
        r"(?<![不没无])(?<!无法)(?:能够|可以|能)(?:自行|立即|组织力量)?(?:控制|处置|扑灭)|控制住|已控制|"
        r"(?:事态|险情)可控|可控的|自行(?:处置|扑灭)|(?:控制|处置|扑灭)得(?:了|住)"
    ),
    # beyond the works' fence: 流出围堰, 扩散至厂外, 氯气飘到厂外 / 往厂外飘, 吹出厂区, 超出厂区, 厂区外居民, 隔壁厂,
    # 码头以外水域
    "beyond_site": re.compile(
        r"流出围堰|(?:扩散|蔓延|流|飘|吹|散|跑)(?:至|到|进)?了?(?:厂外|厂区外|厂界外)|(?:扩散|流|飘|吹|散|跑)出了?(?:厂区|厂界|厂)|超出(?:企业)?厂区|厂区以?外|厂界以?外|"
        r"码头以外|(?:往|朝|向)(?:厂外|厂区外|厂界外)|隔壁(?:厂|公司|企业|单位)|周边企业|邻厂|(?:流|进|排|漏)(?:入|进|到)了?(?:长江|江里|河里|河道)|水体"
    ),
    "within_site": re.compile(r"控制在(?:围堰|罐区|厂区)内|(?:仍|还)在[^，,。；;]{0,4}厂区(?:内|里)"),
    "spread_buildings": re.compile(
        r"蔓延(?:至|到)?(?:隔壁|相邻|多个|两个以上|其他|周边)|烧到(?:隔壁|相邻|旁边)|多个(?:建筑|库房|厂房)"
    ),
    "public_threat": re.compile(
        r"疏散(?:周边|附近|周围)?(?:的)?(?:群众|村民|居民|人员)|(?:周边|附近|周围|厂区外)(?:的)?(?:群众|村民|居民)"
    ),
    "transfer": re.compile(r"转驳|倒罐"),
    "ship_strike": re.compile(r"船[^，,。；;]{0,12}(?:撞|碰)|(?:撞|碰撞)[^，,。；;]{0,3}码头"),
    "facility_damage": re.compile(r"设施[^，,。；;]{0,3}(?:损坏|损毁|坏)|撞坏"),
    # who can hold it, where a plan grades its levels by that (岗位/班组/车间/公司级): "车间可以自行处置" is
    # a lower level than "依靠公司应急力量可以控制", so an account saying the 车间 copes fails the latter
    **{
        f"held_{tier}": re.compile(
            rf"(?:{words})[^，,。；;]{{0,6}}?(?:(?<![不没无])(?:能够|可以|能)(?:自行|立即|组织力量)?(?:控制|处置|扑灭)|"
            r"(?:控制|处置|扑灭)得(?:了|住))"
        )
        for tier, words in (("post", "岗位"), ("team", "班组"), ("shop", "车间"), ("firm", "公司|企业"))
    },
    # a flood plan's lowest levels: water standing in places (出现局部积水, 低洼处开始积水) against a wide
    # flood (大面积进水, 多处道路积水)
    "local_water": re.compile(r"局部(?:积水|进水)|低洼处?(?:开始)?积水|少量积水|有点积水"),
    "wide_water": re.compile(r"大面积(?:积水|进水|内涝|受淹)|多处(?:道路)?积水|全部(?:被)?淹"),
    # a flood plan's middle levels name a levee in danger (圩堤出现险情 / 渗水、管涌), its top one a breach
    "levee_danger": re.compile(
        r"(?:圩|河|大|江|海)?堤(?:坝|防)?[^，,。；;]{0,4}(?:险情|渗水|渗漏|管涌|滑坡|塌陷|裂缝)|管涌"
    ),
    "levee_breach": re.compile(r"决口|溃堤|溃坝"),
    # a warning in force, as a flood plan's trigger names it (台风黄色预警生效, 发布红色预警) and a caller
    # says it (刚发布台风黄色预警) — not a question about when that warning is issued
    **{
        f"warning_{name}": re.compile(
            rf"{colour}色预警(?![^，,。；;]{{0,6}}(?:什么|怎么|谁|哪|何时|条件|标准|情形))"
        )
        for name, colour in (("blue", "蓝"), ("yellow", "黄"), ("orange", "橙"), ("red", "红"))
    },
}
# Facts of which one excludes the others: a leak is small, medium or large; held or beyond control;
# within the site or beyond it. Denying one of a pair holds the other.
_EXCLUSIVE = (("small_leak", "medium_leak", "large_leak"), ("controlled", "uncontrolled"),
              ("within_site", "beyond_site"), ("local_water", "wide_water"),
              ("held_post", "held_team", "held_shop", "held_firm"),
              ("warning_blue", "warning_yellow", "warning_orange", "warning_red"))  # fmt: skip


# What burned or blew up: the accident itself, which a clause may name beside the degree it asks for.
_KINDS = frozenset({"fire", "explosion"})


def _negated(text: str, start: int) -> bool:
    before = text[max(0, start - 6) : start]
    cut = [m.end() for m in _STOP.finditer(before)]
    return bool(_NEGATION.search(before[cut[-1] :] if cut else before))


def facts(text: str) -> dict[str, bool]:
    """Each fact the text says, held (True) or denied (False); the last word on a fact wins."""
    said: list[tuple[int, str, bool]] = []
    for name, pattern in _FACTS.items():
        for m in pattern.finditer(text):
            held = not _negated(text, m.start())
            said.append((m.start(), name, held))
            for group in (g for g in _EXCLUSIVE if name in g):
                others = [other for other in group if other != name]
                if held or len(others) == 1:
                    said += [(m.start(), other, not held) for other in others]
    found: dict[str, bool] = {}
    for _, name, held in sorted(said):
        found[name] = held
    return found


def clause_met(clause: str, account: Mapping[str, bool]) -> bool | None:
    """Whether a trigger clause holds for the account: False when the account denies a fact the clause
    needs (or holds one it denies), True when it holds one, None when it tells nothing of them."""
    wanted = facts(clause)
    told = [account[name] == held for name, held in wanted.items() if name in account]
    if False in told:
        return False
    # "火灾蔓延至多个建筑" states how far the fire went: an account telling only that something burns
    # (the fire every level of a fire plan shares) says nothing of the spread, so it meets no such clause
    if any(name not in _KINDS for name in wanted) and not any(
        name in account for name in wanted if name not in _KINDS
    ):
        return None
    return True if told else None


def said_accident_spans(text: str) -> list[tuple[int, int, str]]:
    """``accident_type_spans`` without the negated ones: "还没着火" says no 火灾."""
    return [span for span in accident_type_spans(text) if not _negated(text, span[0])]


def said(word: str, text: str) -> bool:
    """Whether ``word`` stands in ``text`` other than negated ("起火" in "没有起火" is not said)."""
    return any(not _negated(text, m.start()) for m in re.finditer(re.escape(word), text))


def describe(account: Mapping[str, bool]) -> str:
    """The facts held, as the answer states what it compared ("大量泄漏、超出厂区")."""
    words = {"fire": "着火", "explosion": "爆炸", "large_leak": "大量泄漏", "small_leak": "少量泄漏",
             "uncontrolled": "无法控制", "controlled": "可以控制", "beyond_site": "影响超出厂区",
             "spread_buildings": "火势蔓延", "public_threat": "威胁周边群众", "transfer": "需要转驳",
             "ship_strike": "船舶碰撞", "facility_damage": "设施损坏", "local_water": "局部积水",
             "wide_water": "大面积积水", "levee_danger": "堤防出现险情", "levee_breach": "堤防决口",
             "warning_blue": "蓝色预警", "warning_yellow": "黄色预警", "warning_orange": "橙色预警",
             "warning_red": "红色预警"}  # fmt: skip
    held = [words[name] for name, on in account.items() if on and name in words and name != "within_site"]
    denied = {"fire": "未着火", "explosion": "未爆炸"}
    held += [denied[name] for name, on in account.items() if not on and name in denied]
    return "、".join(held)


__all__ = ["clause_met", "describe", "facts", "said", "said_accident_spans"]
