"""The graph schema as the text-to-Cypher prompt shows it, filtered to what a question touches.

A 0.5B/1.5B model writes better Cypher from a short schema: the labels the question names (by a
Chinese keyword map plus every closed-vocabulary value of ``core.vocab``), with their properties and
enum values, plus their 1-hop neighbours (label, ``id``/``name`` and the relationship only).
Everything is derived from ``core/models`` and ``graph/schema.py``; nothing here is hand-kept
per property.
"""

from __future__ import annotations

import typing
from enum import Enum
from functools import cache

from core.models import ENTITY_TYPES, Entity
from graph.schema import LABELS, RELATIONSHIPS

# Chinese words (and a few English ones) → labels they mean. Enum values are added automatically.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "企业": ("Enterprise",), "公司": ("Enterprise",), "厂": ("Enterprise",), "单位": ("Enterprise",),
    "镇": ("Town",), "街道": ("Town",), "开发区": ("Town",), "镇街": ("Town",), "园区": ("Town",),
    "村": ("Village",), "社区": ("Village",),
    "部门": ("Department",), "应急管理局": ("Department",), "安监": ("Department",), "机构": ("Department",),
    "出租": ("Lessor", "LeaseAgreement"), "厂中厂": ("Lessor", "LeaseAgreement"), "房东": ("Lessor",),
    "承租": ("LeaseAgreement", "Lessor"), "租赁": ("LeaseAgreement", "Lessor"),
    "分级": ("ClassAssessment",), "评级": ("ClassAssessment",), "监管等级": ("ClassAssessment",),
    "化学品": ("Chemical", "ChemicalStock"), "危化品": ("Chemical", "ChemicalStock"),
    "储量": ("ChemicalStock",), "存量": ("ChemicalStock",), "库存": ("ChemicalStock",),
    "临界量": ("ChemicalStock", "Chemical"),
    "重大危险源": ("MajorHazardSource",), "危险源": ("MajorHazardSource",),
    "传感器": ("Sensor",), "监测": ("Sensor",), "在线": ("Sensor",), "离线": ("Sensor",),
    "探头": ("Sensor",), "物联": ("Sensor",),
    "摄像头": ("Camera",), "视频": ("Camera",), "监控": ("Camera",), "算法": ("Camera",),
    "风险点": ("RiskPoint",), "风险": ("RiskPoint",),
    "检查": ("Inspection",), "执法": ("Inspection",),
    "隐患": ("Hazard",), "整改": ("Hazard",), "逾期": ("Hazard",),
    "处罚": ("Penalty",), "罚款": ("Penalty",), "罚": ("Penalty",),
    "特殊作业": ("SpecialOperation",), "作业": ("SpecialOperation",),
    "演练": ("Drill",), "巡逻": ("DailyPatrol",), "日巡": ("DailyPatrol",),
    "巡查": ("MonthlyInspection",), "月度": ("MonthlyInspection",),
    "救援队": ("RescueTeam",), "队伍": ("RescueTeam",), "救援": ("RescueTeam",),
    "专家": ("Expert",), "仓库": ("Warehouse",), "物资库": ("Warehouse",),
    "装备": ("Equipment",), "设备": ("Equipment",), "物资": ("Material",),
    "医院": ("MedicalFacility",), "医疗": ("MedicalFacility",), "床位": ("MedicalFacility",),
    "避难": ("Shelter",), "安置": ("Shelter",),
    "人员": ("Person",), "负责人": ("Person",), "联系人": ("Person",), "电话": ("Person",),
    "值班": ("DutyShift", "Person"), "带班": ("DutyShift", "Person"),
    "事件": ("Event",), "告警": ("Event",), "报警": ("Event",), "预警": ("Event",),
}  # fmt: skip

_MODELS: dict[str, type[Entity]] = {m.label: m for m in ENTITY_TYPES}
# Enum values too common to say which label a question is about (重大 隐患 / 重大 风险点 …).
_GENERIC_VALUES = frozenset({"重大", "一般", "较大", "其他", "大型", "中型", "小型", "微型"})


def _enum_of(annotation: object) -> type[Enum] | None:
    """The Enum inside ``X``, ``X | None`` or ``tuple[X, ...]``."""
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return annotation
    for arg in typing.get_args(annotation):
        found = _enum_of(arg)
        if found is not None:
            return found
    return None


def _type_text(name: str, annotation: object) -> str:
    enum = _enum_of(annotation)
    many = typing.get_origin(annotation) in (tuple, list)
    if enum is not None:
        values = "|".join(str(m.value) for m in enum)
        return f"列表，元素取 {values}" if many else f"取 {values}"
    if name.endswith(("_at", "_start", "_end", "deadline", "last_seen", "day")) and "int" in str(annotation):
        return "毫秒时间戳"
    text = str(annotation) if not isinstance(annotation, type) else annotation.__name__
    for raw, short in (("typing.", ""), ("Annotated[", ""), ("NoneType", "null")):
        text = text.replace(raw, short)
    if many:
        return "字符串列表"
    for base in ("bool", "int", "float", "str"):
        if base in text:
            return base
    return "str"


@cache
def _label_lines() -> dict[str, str]:
    out: dict[str, str] = {}
    for label, model in _MODELS.items():
        fields = []
        for name, info in model.model_fields.items():
            fields.append(f"{name}: {_type_text(name, info.annotation)}")
        doc = (model.__doc__ or "").strip().splitlines()[0] if model.__doc__ else ""
        out[label] = f"(:{label} {{{', '.join(fields)}}})" + (f"  // {doc}" if doc else "")
    return out


@cache
def _enum_keywords() -> dict[str, tuple[str, ...]]:
    """Each closed-vocabulary value → the labels whose properties take it."""
    found: dict[str, set[str]] = {}
    for label, model in _MODELS.items():
        for info in model.model_fields.values():
            enum = _enum_of(info.annotation)
            if enum is None:
                continue
            for member in enum:
                value = str(member.value)
                if len(value) >= 2 and value not in _GENERIC_VALUES:  # 红, A … match too much
                    found.setdefault(value, set()).add(label)
    return {k: tuple(sorted(v)) for k, v in found.items()}


def _neighbours(label: str) -> set[str]:
    out: set[str] = set()
    for specs in RELATIONSHIPS.values():
        for s in specs:
            if s.src_label == label:
                out.add(s.dst_label)
            if s.dst_label == label:
                out.add(s.src_label)
    return out


def labels_for(question: str, extra: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """(labels the question touches, their 1-hop neighbours), both in schema order.

    ``extra`` are labels known to matter from elsewhere (a stored value the question names).
    """
    touched: set[str] = {label for label in extra if label in _MODELS}
    for table in (KEYWORDS, _enum_keywords()):
        for word, labels in table.items():
            if word in question:
                touched.update(labels)
    if not touched:
        touched.add("Enterprise")
    around: set[str] = set()
    for label in touched:
        around |= _neighbours(label)
    around -= touched
    order = {label: i for i, label in enumerate(LABELS)}
    return sorted(touched, key=order.__getitem__), sorted(around, key=order.__getitem__)


def _relationship_lines(touched: list[str], around: list[str]) -> list[str]:
    """Edges between the shown labels with at least one end the question touches."""
    shown = set(touched) | set(around)
    lines: list[str] = []
    for specs in RELATIONSHIPS.values():
        for s in specs:
            if (
                s.src_label in shown
                and s.dst_label in shown
                and (s.src_label in touched or s.dst_label in touched)
            ):
                line = f"(:{s.src_label})-[:{s.rel}]->(:{s.dst_label})"
                if line not in lines:
                    lines.append(line)
    return lines


def render_schema(question: str, extra: tuple[str, ...] = ()) -> tuple[str, list[str]]:
    """Schema text for the prompt and the labels it shows in full."""
    touched, around = labels_for(question, extra)
    lines = ["节点（标签 {属性: 类型或取值}）："]
    lines += [_label_lines()[label] for label in touched]
    if around:
        named = [
            f"{label}({'id, name' if 'name' in _MODELS[label].model_fields else 'id'})" for label in around
        ]
        lines.append("相邻节点（只可用括号中的属性）：" + "、".join(named))
    lines.append("关系：")
    lines += _relationship_lines(touched, around)
    return "\n".join(lines), touched


def enum_value_hints(question: str, labels: list[str]) -> list[str]:
    """Closed-vocabulary values the question names, where they belong among ``labels``.

    "同时涉及粉尘涉爆和有限空间" → ``'粉尘涉爆' IN x.key_domains（x:Enterprise）``: the schema lists
    the values, but a small model still wrote ``category IN [...]``. A value that fits several
    properties of the shown labels is left out (the schema text covers it), and label words such
    as 重大危险源 are masked first so that their 重大 is not read as a hazard level.
    """
    masked = question
    for word in sorted((w for w in KEYWORDS if len(w) >= 3), key=len, reverse=True):
        masked = masked.replace(word, "□" * len(word))
    found: dict[str, list[tuple[str, str, bool]]] = {}
    for label in labels:
        for name, info in _MODELS[label].model_fields.items():
            enum = _enum_of(info.annotation)
            if enum is None:
                continue
            many = typing.get_origin(info.annotation) in (tuple, list)
            for member in enum:
                value = str(member.value)
                if len(value) >= 2 and value in masked and value not in KEYWORDS:  # 街道, 执法: label words
                    found.setdefault(value, []).append((label, name, many))
    out: list[str] = []
    for value, places in sorted(found.items(), key=lambda kv: masked.index(kv[0])):
        if any(value != other and value in other for other in found):
            continue  # 危化品生产 wins over 危化品 …
        if len(places) == 1:
            label, name, many = places[0]
            out.append(f"'{value}' IN x.{name}（x:{label}）" if many else f"{label}.{name} = '{value}'")
    return out


# Domain words whose meaning is a predicate, not a stored value (label, words, meaning).
PHRASE_MEANINGS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Hazard", ("逾期", "超期", "过期"), "逾期隐患：status IN ['待整改', '整改中'] AND deadline < $now_ms"),
    (
        "Hazard",
        ("未整改", "没整改", "没有整改", "尚未整改", "未完成整改"),
        "未整改：status IN ['待整改', '整改中']",
    ),
    ("Sensor", ("离线", "掉线", "不在线"), "离线：online = false"),
    ("Camera", ("离线", "掉线", "不在线"), "离线：online = false"),
    (
        "DutyShift",
        ("现在", "当前", "目前", "正在", "此刻"),
        "现在值班：starts_at <= $now_ms AND ends_at > $now_ms",
    ),
    (
        "SpecialOperation",
        ("现在", "当前", "目前", "正在"),
        "正在作业：starts_at <= $now_ms AND ends_at > $now_ms",
    ),
    ("Material", ("低于最低库存", "不足", "短缺", "需要补充"), "库存不足：quantity < min_stock"),
    ("ChemicalStock", ("超过临界量", "超临界量"), "超过临界量：quantity_t > critical_quantity_t"),
    (
        "LeaseAgreement",
        ("先评后租", "未审查", "没有审查", "没审查", "未经审查"),
        "未经先评后租审查：reviewed = false",
    ),
)


def phrase_meanings(question: str, labels: list[str]) -> list[str]:
    """What domain words of the question mean as predicates on the shown labels."""
    out: list[str] = []
    for label, words, meaning in PHRASE_MEANINGS:
        if label in labels and any(w in question for w in words):
            text = f"{meaning}（{label}）"
            if text not in out:
                out.append(text)
    return out
