"""Plan questions said without a response word: "走哪个预案", "该启用哪份预案", "镇上有对应的预案吗".

The router treats an accident with what to do about it (先做什么, 谁指挥, 二级响应) as a plan question.
A duty officer as often asks only *which* plan applies ("走哪个预案", "该启用哪份预案") or whether
there is one (有对应的预案吗). Such a question is a plan question too, and then a firm it
names ("我们镇一家五金厂", "澄鑫钢铁") may be one the city's records do not hold: its own plan names it,
or the words only describe a works ("一家X厂"), so an unresolved name must not end the question with
"没有找到名为…的企业".

Accidents are also said as seen, in words the router's list lacks: 林火 / 火情 (a fire found, not yet
named a 火灾), 爆燃 / 闪爆 (a deflagration), 龙卷风 / 冰雹 / 雷击 (weather disasters a 突发事件总体 plan
covers), a person hit by a vehicle (被货车撞了).
"""

from __future__ import annotations

import re

from agents.chat.plan_seen import seen

MORE_ACCIDENT = re.compile(
    r"林火|火情|爆燃|燃爆|闪爆|爆裂|龙卷风|冰雹|雷击|雷电|大风|寒潮|撞伤|撞倒|撞死|(?:车|汽车|货车|卡车|大巴)撞|"
    r"崩伤|飞溅伤|割伤|切伤|轧伤|[压轧夹绞]断|[压夹绞轧]进去|摔(?:下来|下去|死|伤)|跌落|管涌|堤坝?渗|"
    r"暴雪|雪灾|冻雨|道路结冰|"  # snow and ice: weather a town asks about as it asks about floods  # a fall; a levee seeping is a flood hazard
    r"冒烟|水漫|漫进|进水了|被淹|淹了|"  # smoke is a fire starting, water coming in a flood
    # a structure that fell, a person crushed, a ship striking a wharf or another ship
    r"(?:塔吊|吊车|起重机|龙门吊|升降机|脚手架|架子|围墙|墙|房子|厂房|大棚|棚子)(?:突然|整个)?倒(?:了|下|塌)|"
    r"[压砸]死|(?:船|船舶|货船|驳船|轮船).{0,8}撞|撞(?:上|坏)了?(?:码头|泊位|趸船)|"
    # a crowd crush said by what it did: "楼梯口挤倒了一片", "踩伤了6个学生", "人挤人压伤好几个"
    r"踩伤|踩死|踩到了?人|挤倒|挤伤|挤压伤|推倒了?一片|人挤人"
)
# Which plan: "哪个/哪份/什么预案", "有没有预案", "预案吗" (the plan noun said: "用什么" alone may ask a tool).
WHICH_PLAN = re.compile(
    r"(?:哪个|哪份|哪一?个|哪一?份|哪些|哪部|哪类|什么|啥)(?:应急)?(?:预案|方案)|"
    r"(?:预案|方案)(?:吗|么|呢|没有|不)|有没有.{0,6}(?:预案|方案)|有.{0,4}(?:对应|相应|相关)的?(?:应急)?预案"
)
_ACCIDENT_NOUN = re.compile(r"事故|险情|事件|灾害|灾情")


def more_accident(text: str) -> bool:
    """An accident said in one of the words above, or reported as seen (``plan_seen``: 冒黑烟, 滴漏)."""
    return MORE_ACCIDENT.search(text) is not None or seen(text)


def asks_which_plan(text: str, accident: re.Pattern[str]) -> bool:
    """The question asks which plan applies to an accident (``accident``: the router's words, to
    which ``MORE_ACCIDENT`` and the bare nouns 事故/险情 are added)."""
    said = accident.search(text) or more_accident(text) or _ACCIDENT_NOUN.search(text)
    return bool(said) and WHICH_PLAN.search(text) is not None


__all__ = ["MORE_ACCIDENT", "WHICH_PLAN", "asks_which_plan", "more_accident"]
