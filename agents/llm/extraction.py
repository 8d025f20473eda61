"""Facts in one sentence of a Chinese emergency plan: ``PlanFacts`` and a rule-based baseline.

``PlanFacts`` is the structured output of ``prompts/extract_plan_facts``. Its validators normalise
what a small model writes ("Ⅱ级" → "二级", "2024年3月1日" → "2024-03-01", "三十五" → 35) and reject
what cannot be normalised, so the re-ask names the field. The JSON schema sent to the server stays
plain (types, enums, required): grammar converters differ in which keywords they support.

``extract_plan_facts_baseline`` is deterministic (regular expressions and rules): the floor that
``evals/`` compares the model against, and a cross-check for its answers.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from agents.llm.vocab import (
    CN_NUMBER_CHARS,
    RESPONSE_LEVELS,
    cn_to_int,
    iso_date,
    normalise_date,
    normalise_level,
    parse_count,
)

ResponseLevel = Literal["一级", "二级", "三级", "四级"]
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class CountFact(BaseModel):
    model_config = ConfigDict(extra="ignore")

    value: int = Field(description="数量（阿拉伯数字整数）")
    unit: str = Field(description="单位，如 人、名、小时、分钟、辆")
    subject: str = Field("", description="计数对象，如 救援人员；没有则为空字符串")

    @field_validator("value", mode="before")
    @classmethod
    def _number(cls, v: object) -> object:
        parsed = parse_count(v)
        return v if parsed is None else parsed

    @field_validator("value")
    @classmethod
    def _non_negative(cls, v: int) -> int:
        if v < 0:
            raise ValueError("数量不能为负数")
        return v

    @field_validator("unit", "subject")
    @classmethod
    def _strip(cls, v: str) -> str:
        return v.strip()

    @field_validator("unit")
    @classmethod
    def _unit_present(cls, v: str) -> str:
        if not v:
            raise ValueError("单位不能为空")
        return v


class PlanFacts(BaseModel):
    """Response levels, organisations, dates and counts stated in one plan sentence."""

    model_config = ConfigDict(extra="ignore")

    response_levels: list[ResponseLevel] = Field(
        default_factory=list,
        description="句中出现的应急响应级别或预警级别（红/橙/黄/蓝色预警 = 一/二/三/四级），只能取 一级、二级、三级、四级",
    )
    organisations: list[str] = Field(default_factory=list, description="句中出现的机构、部门、单位名称")
    dates: list[str] = Field(default_factory=list, description="日期，格式 YYYY-MM-DD、YYYY-MM 或 YYYY")
    counts: list[CountFact] = Field(default_factory=list, description="数量及其单位")

    @field_validator("response_levels", mode="before")
    @classmethod
    def _levels(cls, v: object) -> object:
        if not isinstance(v, list):
            return v
        mapped = [normalise_level(x) or x for x in v]
        if all(x in RESPONSE_LEVELS for x in mapped):
            return sorted(set(mapped), key=RESPONSE_LEVELS.index)
        return mapped  # leave the bad item in place: the Literal check names its index

    @field_validator("organisations", mode="before")
    @classmethod
    def _organisations(cls, v: object) -> object:
        if not isinstance(v, list):
            return v
        names = [x.strip() if isinstance(x, str) else x for x in v]
        return list(dict.fromkeys(n for n in names if n != ""))

    @field_validator("dates", mode="before")
    @classmethod
    def _dates_normalised(cls, v: object) -> object:
        if not isinstance(v, list):
            return v
        return list(dict.fromkeys(normalise_date(x) or x for x in v))

    @field_validator("dates")
    @classmethod
    def _dates_iso(cls, v: list[str]) -> list[str]:
        bad = [d for d in v if not _ISO_DATE.fullmatch(d)]
        if bad:
            raise ValueError(f"无法识别的日期 {bad}，应为 YYYY-MM-DD、YYYY-MM 或 YYYY")
        return v


# -- deterministic baseline ----------------------------------------------------------------------

_LEVEL_ALT = r"(?:IV|III|II|I|[1-4]|[一二三四])"
_NOT_AFTER = r"(?<![0-9A-Z一二三四五六七八九十第])"
_LEVEL_RE = re.compile(rf"{_NOT_AFTER}({_LEVEL_ALT})级")
_LEVEL_RANGE_RE = re.compile(rf"{_NOT_AFTER}({_LEVEL_ALT})级?(?:至|到|~|-|—|－|～)({_LEVEL_ALT})级")
# 《突发事件应对法》: warning levels 一级…四级 are marked red, orange, yellow and blue.
_WARNING_COLOUR_RE = re.compile(r"([红橙黄蓝])色预警")

_ORG_SUFFIXES = (
    "应急管理局", "应急管理部门", "人民政府", "委员会", "指挥部", "领导小组", "工作组", "办公室",
    "管理局", "管理处", "监督局", "监督管理局", "公安局", "消防救援支队", "消防救援大队", "消防救援站",
    "救援队", "支队", "大队", "中队", "派出所", "医院", "急救中心", "中心", "有限公司", "公司", "集团",
    "街道办事处", "办事处", "村委会", "居委会", "管委会", "部门", "政府", "局", "厅", "委", "办",
)  # fmt: skip
_ORG_NOT_BEFORE = "长员伍"  # 局长, 队员, 队伍: the suffix is part of another word
_SHORT_ORGS = {"省委", "市委", "县委", "区委", "镇委"}
# Clause breaks: punctuation and the verbs/conjunctions that sit between organisation names.
_ORG_BREAKS = re.compile(
    r"[，,。；;、：:\s（）()“”\"《》]|由|向|和|及|与|会同|并|或|负责|牵头|组织|协调|报告|报送|上报|启动|成立|"
    r"通知|配合|根据|按照|经过|经评估|经批准|在|对|将|请|派出|调派|出动|指导|开展|参加|参与|设立|设在|下设|为"
)
_GENERIC_ORG_PREFIXES = ("各", "相关", "有关", "其他", "其它", "该", "本", "上级", "下级")
_GENERIC_ORGS = set(_ORG_SUFFIXES) | {"单位", "机构"}

_NUM = rf"(?:\d+(?:\.\d+)?[十百千万亿]?|[{CN_NUMBER_CHARS}]+)"
_DATE_CN_RE = re.compile(
    rf"([\d{CN_NUMBER_CHARS}]{{4}})年(?:([\d{CN_NUMBER_CHARS}]{{1,3}})月(?:([\d{CN_NUMBER_CHARS}]{{1,3}})[日号])?)?"
)
_DATE_SEP_RE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?!\d)")
_YEAR_ONLY_NOT_BEFORE = ("版", "度")  # "2019年版", "2024年度": an edition or a period, not a date
_UNITS = (
    "个工作日", "工作日", "小时", "分钟", "万元", "公里", "千米", "公斤", "千克", "平方米", "公顷",
    "人", "名", "家", "处", "起", "辆", "艘", "架", "支", "台", "套", "只", "路", "天", "年", "吨", "元",
    "米", "户", "座", "所", "个",
)  # fmt: skip
_UNIT_ALT = "|".join(map(re.escape, _UNITS))
_COUNT_RE = re.compile(
    rf"(?<![\d.第{CN_NUMBER_CHARS}])({_NUM})(?:(?:至|到|~|-|～)({_NUM}))?(?:余|多)?({_UNIT_ALT})"
)
_COUNT_NOT_BEFORE = ("等级", "级别")  # "四个等级" is a number of levels, not a quantity
_HALF_HOUR = re.compile(r"半(?:个)?小时")


def count_label(count: CountFact) -> str:
    """``value`` + ``unit`` as the evals write it: durations in hours become minutes ("1小时" → "60分钟")."""
    if count.unit == "小时":
        return f"{count.value * 60}分钟"
    return f"{count.value}{count.unit}"


def _levels(text: str) -> list[str]:
    found: set[str] = set()
    for m in _LEVEL_RANGE_RE.finditer(text):
        a, b = normalise_level(m.group(1)), normalise_level(m.group(2))
        if a and b:
            i, j = sorted((RESPONSE_LEVELS.index(a), RESPONSE_LEVELS.index(b)))
            found.update(RESPONSE_LEVELS[i : j + 1])
    for m in _LEVEL_RE.finditer(text):
        level = normalise_level(m.group(1))
        if level:
            found.add(level)
    for m in _WARNING_COLOUR_RE.finditer(text):
        found.add(RESPONSE_LEVELS["红橙黄蓝".index(m.group(1))])
    return sorted(found, key=RESPONSE_LEVELS.index)


def _org_in_clause(clause: str) -> str | None:
    """The clause's head up to the last organisation suffix that ends a word."""
    for end in range(len(clause), 0, -1):
        if end < len(clause) and clause[end] in _ORG_NOT_BEFORE:
            continue
        if clause[:end].endswith(_ORG_SUFFIXES):
            return clause[:end]
    return None


def _organisations(text: str) -> list[str]:
    names: list[str] = []
    for clause in _ORG_BREAKS.split(text):
        name = _org_in_clause(clause)
        if name is None or name in _GENERIC_ORGS or name.startswith(_GENERIC_ORG_PREFIXES):
            continue
        if len(name) >= 3 or name in _SHORT_ORGS:
            names.append(name)
    return list(dict.fromkeys(names))


def _dates(text: str) -> list[str]:
    found: list[tuple[int, str]] = []
    for regex in (_DATE_CN_RE, _DATE_SEP_RE):
        for m in regex.finditer(text):
            parts = [cn_to_int(p) if p else None for p in m.groups()]
            if parts[0] is None:
                continue
            if parts[1] is None and text.startswith(_YEAR_ONLY_NOT_BEFORE, m.end()):
                continue
            iso = iso_date(parts[0], parts[1], parts[2])
            if iso:
                found.append((m.start(), iso))
    return list(dict.fromkeys(iso for _, iso in sorted(found)))


def _counts(text: str) -> list[CountFact]:
    counts = [CountFact(value=30, unit="分钟") for _ in _HALF_HOUR.finditer(text)]
    text = _HALF_HOUR.sub(" ", text)
    for m in _COUNT_RE.finditer(text):
        first, second, unit = m.groups()
        if text.startswith(_COUNT_NOT_BEFORE, m.end()):
            continue
        if unit == "年" and not (first.isdigit() and len(first) <= 2):
            continue  # "2019年" is a year; only short spans such as "每3年" are counts
        for number in (first, second):
            value = cn_to_int(number) if number else None
            if value is not None:
                counts.append(CountFact(value=value, unit=unit))
    return counts


def extract_plan_facts_baseline(sentence: str) -> PlanFacts:
    """Rule-based extraction of ``PlanFacts`` from one sentence. Pure and deterministic."""
    folded = unicodedata.normalize("NFKC", sentence)  # Ⅱ → II, full-width digits → ASCII
    upper = folded.upper()
    date_text = _DATE_CN_RE.sub(" ", folded)
    date_text = _DATE_SEP_RE.sub(" ", date_text)  # numbers inside dates are not counts
    return PlanFacts(
        response_levels=_levels(upper),
        organisations=_organisations(sentence),
        dates=_dates(folded),
        counts=_counts(date_text),
    )
