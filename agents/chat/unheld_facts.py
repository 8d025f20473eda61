"""Questions that turn on a fact the graph does not hold: declined before routing, saying what is missing.

Routed like any question, "今年发生过死亡事故的企业里，有重大危险源的有哪些" was answered with every firm
holding a major hazard source (the accident condition silently dropped), and "年营业收入超过1亿元的企业里
有几家有逾期隐患" with the firms having more than one overdue hazard (the 1 of 1亿 read as a threshold).
A confident list that ignores the condition the question turns on is worse than a decline, so these are
refused before routing, naming the data the graph lacks:

* business figures of a firm (营业收入, 产值, 利润, 纳税 …) — no node holds them;
* accident records of a firm (发生过事故的企业, 事故记录, 几起事故) — events are alarms, not accidents;
  an accident described to ask for a plan ("发生火灾事故启动哪一级响应") is no record and is not matched;
* certificates of people (安全员证书过期, 持证情况) — a firm names its safety officer, no certificate;
* insurance policies (安全生产责任险, 投保, 保单), environmental permits and assessments (环评, 排污许可,
  环保手续/验收) and work-injury or occupational-disease records (工伤, 职业病) — no node holds them; a
  firm whose name holds 环保 (光澄环保设备) is not matched, only the permit or assessment words;
* whether one person holds a role at two firms (法人同时是另一家企业的法人) — a legal representative is a
  name on the firm, not a person with an identity, so two firms' namesakes cannot be told apart.
"""

from __future__ import annotations

import re

_FIRM = r"(?:企业|单位|公司|工厂|厂家|厂子|厂)"
_FIGURES = re.compile(r"营业收入|营收|营业额|销售额|产值|利润|纳税额?|税收|市值")
# An accident as a record of the firm: happened before (过, a count of them, their ledger), not one
# described now to ask for a plan.
_ACCIDENT_RECORD = re.compile(
    rf"(?:发生过|出过|有过|发过)[^，,。？?]{{0,8}}事故(?:的{_FIRM}|记录)?"
    r"|事故(?:记录|台账|起数|档案)|[几多少]+起[^，,。？?]{0,6}事故"
    rf"|(?:死亡|伤亡|亡人)事故的?{_FIRM}"
)
_CERTIFICATE = re.compile(
    r"(?:证书|资格证|上岗证|操作证|安全证|合格证|证件)[^，,。？?]{0,6}(?:过期|到期|失效|有效期|年审|复审)"
    r"|持证(?:情况|率)|(?:有没有|是否|有无)(?:持证|取证|证书)"
)
_INSURANCE = re.compile(r"责任险|安责险|保险|投保|参保|保单")
_ENVIRONMENT = re.compile(r"环评|环境影响评价|排污许可|排污证|环保(?:手续|审批|验收|许可|批复|证)")
_INJURY = re.compile(r"工伤|职业病|职业伤害")
_PERSON = r"(?:法人|法定代表人|负责人|安全员|安全负责人|老板)"
_SAME_PERSON = re.compile(
    rf"{_PERSON}[^，,。？?]{{0,6}}(?:同时|也|还|兼)(?:是|任|担任)?[^，,。？?]{{0,6}}(?:另一家|另外一家|别的|其他|其它|另一个)"
    rf"|(?:同一个?|同一名|同一位)(?:人|{_PERSON})"
)

_MISSING = (
    (_FIGURES, "企业的营业收入、产值、利润等经营数据"),
    (_ACCIDENT_RECORD, "企业的事故记录（系统里的事件是监测告警，不是事故）"),
    (_CERTIFICATE, "人员的证书或持证信息"),
    (_INSURANCE, "企业的保险（如安全生产责任险）投保信息"),
    (_ENVIRONMENT, "企业的环评、排污许可等环保手续信息"),
    (_INJURY, "企业的工伤、职业病记录"),
    (
        _SAME_PERSON,
        "人员的身份信息：法定代表人、安全员只是登记在企业上的姓名，同名不等于同一人，无法判断是否为同一人",
    ),
)


def unheld_fact(text: str) -> str | None:
    """The decline for a question that turns on data no node holds, or None."""
    for pattern, missing in _MISSING:
        if pattern.search(text):
            return (
                f"系统里没有{missing}，这个问题无法准确回答；为避免忽略这个条件给出错误结果，没有作答。"
                "可查企业登记信息、隐患、重大危险源、检查处罚、监测告警、特殊作业、值班、救援资源和预案。"
            )
    return None


__all__ = ["unheld_fact"]
