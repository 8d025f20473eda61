"""Chinese answers from query rows: deterministic templates, and a check for LLM phrasings.

The templated answer needs no model, so the template path works with the LLM down. An LLM
phrasing is accepted only when every number and every enterprise-like name in it appears in the
rows (or in the templated answer built from them); otherwise the templated answer is used.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from agents.chat import duty_roster, plan_guide
from agents.chat.counted_lists import COUNT_LIMIT
from agents.chat.firm_kind import verdict
from agents.chat.members_asked import involved
from agents.chat.registration import registration_labels
from agents.chat.slots import HAZCHEM_CATEGORIES, INDUSTRY_TRADE_CATEGORIES
from agents.chat.timewords import format_ms
from graph.intents import Intent

SHOWN = 10

_FILTER_LABELS = {
    "town": "{}", "category": "{}", "key_domain": "{}", "scale": "{}", "responsibility_class": "{}类",
    "mhs_level": "{}级", "hazard_level": "{}", "hazard_status": "{}", "event_type": "{}", "event_status": "{}",
    "event_level": "{}", "camera_point": "{}摄像头", "op_type": "{}", "lessor_grade": "{}色", "risk_level": "{}风险",
    "chemical_word": "储存{}", "lessor_type": "出租方为{}", "team_type": "{}队伍", "equipment": "{}", "material": "{}",
    "duty_role": "{}", "inspection_kind": "{}", "inspecting_level": "{}级单位检查", "inspecting_unit": "{}",
    "amount_above": "单笔罚款超过{:g}元", "amount_from": "单笔罚款{:g}元及以上", "amount_below": "单笔罚款不到{:g}元",
    "amount_upto": "单笔罚款{:g}元及以下",
}  # fmt: skip


def _display(row: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in row.items():
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        if v is None:
            v = "—"
        if isinstance(v, int) and k.endswith(("_at", "deadline", "last_seen")):
            v = format_ms(v)
        out[k] = v
    if "occurred_at" in row:
        out["when"] = format_ms(row.get("occurred_at"))
    if "distance_m" in row:
        out["distance_km"] = round(float(row["distance_m"]) / 1000, 1)
    return out


def render_item(intent: Intent, row: Mapping[str, Any]) -> str:
    values = _display(row)
    try:
        return intent.item.format(**values)
    except (KeyError, IndexError, ValueError):
        return "，".join(f"{k}：{v}" for k, v in values.items())


def describe_filters(params: Mapping[str, Any], *, enterprise_name: str | None = None) -> str:
    shown = dict(params)
    if shown.get("mhs_level") in (1, 2, 3, 4):
        shown["mhs_level"] = "一二三四"[int(shown["mhs_level"]) - 1]
    parts = [fmt.format(shown[k]) for k, fmt in _FILTER_LABELS.items() if shown.get(k) not in (None, "")]
    if group := params.get("category_group"):  # a whole group, or categories joined by 或 ("纺织或轻工")
        whole = tuple(group) in (HAZCHEM_CATEGORIES, INDUSTRY_TRADE_CATEGORIES)
        parts.append(("危化类" if "危化品生产" in group else "工贸类") if whole else "或".join(group))
    if levels := params.get("risk_levels"):  # "除了低风险的", "较大以下": the levels kept, said
        parts.append("/".join(levels) + "风险")
    if params.get("overdue"):
        parts.append("逾期未整改")  # overdue implies open
    elif params.get("open_only"):
        parts.append("未整改")
    elif params.get("hazard_statuses"):  # 没销号/未验收 (agents.chat.duty_room)
        statuses = "/".join(params["hazard_statuses"])  # 已整改/已验收 said as 整改好了 is closed, not 未销号
        parts.append(statuses if "待整改" not in params["hazard_statuses"] else f"未销号（{statuses}）")
    if params.get("due_within_ms") and not str(params.get("window_label") or "").endswith("到期"):  # 七天内
        parts.append(f"{int(params['due_within_ms']) // 86_400_000}天内到整改期限")
    if params.get("open_for_ms"):  # "超过30天还没整改": the age of each open hazard
        parts.append(f"发现超过{int(params['open_for_ms']) // 86_400_000}天")
    if params.get("offline_for_ms"):  # "离线超过36个小时": each sensor's silence
        hours = int(params["offline_for_ms"]) / 3_600_000
        parts.append(f"离线超过{hours:g}小时")
    parts += registration_labels(params)  # "法人姓王", "2015-01-01起成立", "员工100人及以上"
    if params.get("dishonest"):
        parts.append("严重失信")
    if params.get("tag"):
        parts.append(str(params["tag"]))
    if village := params.get("village"):  # "华士镇/华西村": the village said, not its whole town
        parts = [p for p in parts if p != params.get("town")]
        parts.insert(0, str(village).replace("/", ""))
    if enterprise_name:
        parts.insert(0, enterprise_name)
    if params.get("window_label"):
        parts.insert(0, params["window_label"])
    return "，".join(str(p) for p in parts)


def templated_answer(
    intent: Intent,
    rows: Sequence[Mapping[str, Any]],
    params: Mapping[str, Any],
    *,
    enterprise_name: str | None = None,
) -> str:
    if intent.id == "plan_for":
        return plan_guide.answer(rows, params)
    cond = describe_filters(params, enterprise_name=enterprise_name)
    where = f"（条件：{cond}）" if cond else ""
    if intent.shape == "count":
        row = rows[0] if rows else {}
        n = int(row.get("n") or 0)
        subject, unit = (
            (f"被{intent.subject}的企业", "家")
            if params.get("count_firms")
            else (intent.subject, _unit(intent))
        )
        text = f"{cond + '，' if cond else ''}{subject}共 {n} {unit}。"
        if "amount_yuan" in row:
            text = text[:-1] + f"，罚款合计 {_num(row.get('amount_yuan'))} 元。"
        if "online" in row:
            text = text[:-1] + f"，其中在线 {_num(row.get('online'))} 个。"
        return text
    if not rows:
        if intent.id == "duty_now":
            return f"没有查到当前的值班安排{where}。"
        if int(params.get("limit") or 0) >= COUNT_LIMIT:  # how many was asked: the number is 0, say it
            return f"{cond + '，' if cond else ''}{intent.subject}共 0 {_unit(intent)}（没有查到符合条件的记录）。"
        return f"没有查到符合条件的{intent.subject}{where}。"
    if (
        intent.id == "enterprise_profile"
        and params.get("kind_asked")
        and (said := verdict(params["kind_asked"], rows[0]))
    ):
        return said + "\n" + "\n".join(render_item(intent, r) for r in rows[:SHOWN])  # the yes/no first
    if intent.shape == "record":
        return "\n".join(render_item(intent, r) for r in rows[:SHOWN])
    if intent.shape == "groups":
        head = f"{intent.subject}统计{where}："
        return head + "；".join(render_item(intent, r) for r in rows[:30]) + "。"
    total = max(int(params.get("total_rows") or 0), len(rows))  # past the listing limit: the true total
    found = f"共查到 {total} {_unit(intent)}{intent.subject}{where}"
    if total > len(rows):
        found += f"，列出前 {len(rows)} {_unit(intent)}"
    head = duty_roster.fallback_note(params) + found
    head += involved(str(params.get("_question") or ""), rows) + "："  # "哪些厂被罚过": the firms (or towns)
    lines = [f"{i}. {render_item(intent, r)}" for i, r in enumerate(rows[:SHOWN], start=1)]
    more = f"\n（仅列出前 {SHOWN} 条，完整结果见引用中的数据行）" if len(rows) > SHOWN else ""
    return head + "\n" + "\n".join(lines) + more


def _unit(intent: Intent) -> str:
    return {"企业": "家", "承租企业": "家", "隐患": "条", "逾期未整改隐患": "条", "事件": "起", "行政处罚": "次",
            "执法检查": "次", "重大危险源": "处", "风险点": "处", "值班人员": "位"}.get(intent.subject, "个")  # fmt: skip


def _num(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v if v is not None else 0)


def generic_rows_answer(columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> str:
    """Answer for text-to-Cypher rows, whose shape is not known in advance."""
    if not rows:
        return "没有查到符合条件的数据。"
    if len(rows) == 1 and len(columns) == 1:
        return f"查询结果：{_num(rows[0].get(columns[0]))}。"
    lines = []
    for i, row in enumerate(rows[:SHOWN], start=1):
        values = _display(row)
        lines.append(f"{i}. " + "，".join(f"{c}：{values.get(c)}" for c in columns if c in values))
    more = f"\n（仅列出前 {SHOWN} 行）" if len(rows) > SHOWN else ""
    return f"共查到 {len(rows)} 条结果：\n" + "\n".join(lines) + more


_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,}(?:有限责任公司|股份有限公司|有限公司|集团|加油站)")


def unsupported_facts(answer: str, rows: Sequence[Mapping[str, Any]], reference: str) -> list[str]:
    """Numbers and enterprise names in ``answer`` found neither in the rows nor in ``reference``."""
    haystack = reference + "\n" + "\n".join(str(v) for r in rows for v in _flatten(r))
    numbers = {n for n in _NUMBER.findall(haystack)} | {
        str(int(float(n))) for n in _NUMBER.findall(haystack) if float(n).is_integer()
    }
    body = re.sub(r"(?m)^\s*\d+[.、]\s*", "", answer)  # list numbering is not a fact
    bad = [n for n in _NUMBER.findall(body) if n not in numbers]
    bad += [name for name in _NAME.findall(body) if name not in haystack]
    return bad


def _flatten(value: Any) -> list[Any]:
    if isinstance(value, Mapping):
        return [x for v in value.values() for x in _flatten(v)]
    if isinstance(value, list | tuple):
        return [x for v in value for x in _flatten(v)]
    return [value]
