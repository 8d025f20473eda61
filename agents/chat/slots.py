"""Deterministic slot filling: towns, categories, levels, statuses and types out of a Chinese question.

Plain functions over closed vocabularies (``core.vocab``) plus a synonym table; enterprise names
are only *spotted* here (``enterprise_mention``) and resolved by the caller through the search
index and the scoped graph, so this module does no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from agents.chat.conditions import BEFORE_HAZARD_WORD, FOLLOW_UP_VERBS, HAZARD_CONDITIONS, HAZARD_STATUS_SAID
from agents.chat.event_levels import event_level_in
from agents.chat.legal_names import outside_unit_names
from agents.chat.mentions import CHEM_STOP, PRONOUN, joins_name, trade_head, trade_name, without_determiner
from agents.chat.shorthand import expand_shorthand
from agents.chat.spelling import loose_town_in, simplified
from agents.chat.tags import tag_of
from agents.chat.town_words import unknown_town_in
from agents.llm.vocab import cn_to_int
from core.vocab import (
    EnterpriseScale,
    EventStatus,
    EventType,
    HazardStatus,
    KeyDomain,
    LessorGrade,
    RiskLevel,
    SpecialOperationType,
)

MAX_QUESTION_CHARS = 500

# Words that name a category group rather than one category.
HAZCHEM_CATEGORIES = (
    "危化品生产", "一般化工", "危化品经营(带储存)", "使用危化品的化工企业", "医药", "加油站",
)  # fmt: skip
INDUSTRY_TRADE_CATEGORIES = ("冶金", "有色", "建材", "机械", "轻工", "纺织", "烟草", "商贸")

CATEGORY_SYNONYMS: dict[str, str] = {
    "危化品生产": "危化品生产", "危险化学品生产": "危化品生产", "化学品生产": "危化品生产",
    "一般化工": "一般化工", "危化品经营": "危化品经营(带储存)", "带储存经营": "危化品经营(带储存)",
    "使用危化品的化工": "使用危化品的化工企业", "医药": "医药", "制药": "医药", "药企": "医药",
    "加油站": "加油站", "冶金": "冶金", "钢铁企业": "冶金", "有色": "有色", "建材": "建材",
    "机械": "机械", "轻工": "轻工", "纺织": "纺织", "印染": "纺织", "烟草": "烟草", "商贸": "商贸",
}  # fmt: skip
GROUP_SYNONYMS: dict[str, tuple[str, ...]] = {
    "危化企业": HAZCHEM_CATEGORIES, "危化类": HAZCHEM_CATEGORIES, "化工企业": HAZCHEM_CATEGORIES,
    "危险化学品企业": HAZCHEM_CATEGORIES, "危化品企业": HAZCHEM_CATEGORIES, "危化品类": HAZCHEM_CATEGORIES,
    "危化品单位": HAZCHEM_CATEGORIES, "化工厂": HAZCHEM_CATEGORIES, "化工类": HAZCHEM_CATEGORIES,
    "化工行业": HAZCHEM_CATEGORIES, "化工单位": HAZCHEM_CATEGORIES, "工贸": INDUSTRY_TRADE_CATEGORIES,
}  # fmt: skip
# Spoken short forms, rewritten before the category tables are read: "危化生产" → "危化品生产".
_CATEGORY_SHORT_FORMS = re.compile(r"危险化学品|危险化学|危化(?!品)")
KEY_DOMAIN_SYNONYMS: dict[str, str] = {
    **{d.value: d.value for d in KeyDomain},
    "粉尘": "粉尘涉爆", "涉爆粉尘": "粉尘涉爆", "涉氨": "涉氨制冷", "液氨": "涉氨制冷",
    "受限空间企业": "有限空间", "铸造": "深井铸造",
}  # fmt: skip
SCALE_SYNONYMS = {s.value: s.value for s in EnterpriseScale} | {
    "规上": None, "大企业": "大型", "大厂": "大型", "中型企业": "中型", "小企业": "小型", "微企": "微型",
}  # fmt: skip
EVENT_TYPE_SYNONYMS: dict[str, str] = {
    **{t.value: t.value for t in EventType},
    "冒烟": "烟雾", "烟感": "烟雾", "明火": "火焰", "着火": "火情报告", "火灾": "火情报告", "火情": "火情报告",
    "安全帽": "未戴安全帽", "没戴帽子": "未戴安全帽", "通道占用": "消防通道占用", "堵塞消防通道": "消防通道占用",
    "反光衣": "未穿反光衣", "闯入": "人员闯入", "电动车进电梯": "电瓶车进电梯", "电瓶车": "电瓶车进电梯",
    "火警": "火情报告", "吸烟": "抽烟", "温度超": "温度超限", "超温": "温度超限", "高温报警": "温度超限", "压力超": "压力超限",
    "超压": "压力超限", "液位": "液位异常", "燃气泄漏": "可燃气体泄漏", "可燃气体": "可燃气体泄漏",
    "有毒气体": "有毒气体超标", "泄漏": "泄漏报告", "受伤": "人员受伤", "伤人": "人员受伤", "飞温": "温度超限",
}  # fmt: skip
OP_TYPE_SYNONYMS: dict[str, str] = {
    **{o.value: o.value for o in SpecialOperationType},
    "动火作业": "动火", "电焊": "动火", "有限空间作业": "受限空间", "登高": "高处", "高空作业": "高处",
    "起重": "吊装", "临电": "临时用电",
}  # fmt: skip
RESOURCE_SYNONYMS: dict[str, tuple[str, str | None]] = {
    # word → (repository resource kind, RescueTeam.team_type filter)
    "危化救援": ("team", "危化"), "危化品救援": ("team", "危化"), "危化队": ("team", "危化"),
    "危化应急救援": ("team", "危化"), "危化品应急救援": ("team", "危化"), "危险化学品救援": ("team", "危化"),
    "危险化学品应急救援": ("team", "危化"), "消防救援": ("team", "消防"),
    "消防队": ("team", "消防"), "消防站": ("team", "消防"), "救援队": ("team", None), "救援力量": ("team", None),
    "队伍": ("team", None), "专家": ("expert", None), "医院": ("medical", None), "医疗": ("medical", None),
    "卫生院": ("medical", None), "物资仓库": ("warehouse", None), "应急仓库": ("warehouse", None), "避难场所": ("shelter", None), "避难所": ("shelter", None),
    "安置点": ("shelter", None), "仓库": ("warehouse", None), "物资库": ("warehouse", None),
    "储备点": ("warehouse", None), "储备库": ("warehouse", None), "物资储备点": ("warehouse", None),
    "物资储备库": ("warehouse", None),  # a stockpile's site, not the materials in it
    "物资": ("material", None), "装备": ("equipment", None),
}  # fmt: skip
HAZARD_STATUS_SYNONYMS = {s.value: s.value for s in HazardStatus} | HAZARD_STATUS_SAID
EVENT_STATUS_SYNONYMS = {s.value: s.value for s in EventStatus} | {"误报的": "误报", "待处理": "待研判"}
RISK_LEVEL_SYNONYMS = {"重大风险": "重大", "较大风险": "较大", "一般风险": "一般", "低风险": "低",
                       "红色风险": "重大", "橙色风险": "较大", "黄色风险": "一般", "蓝色风险": "低"}  # fmt: skip

# Past the rectification deadline ("逾期", "超期没改", "过了整改期限"): only hazards have deadlines.
OVERDUE = re.compile(r"逾期|超期|过期|超时|到期未|(过了|超过|超出|已过).{0,4}期限")
# "还没改完", "没处理", "未销号": the hazard is still open (待整改 or 整改中).
_NOT_CLOSED = re.compile(r"(?:未|没|没有|尚未|还没有?|还未)(?:完成)?(?:整改|改|处理|销号|闭环)|在整改")
_LEVEL_RE = re.compile(r"([一二三四1234])\s*级(?:重大)?危险源")
_CLASS_RE = re.compile(r"(?<![A-Za-z])([ABCDabcd])\s*(?:类|级|档)")  # "b类" typed without shift
_GRADE_RE = re.compile(r"([红黄蓝])(?:色|档|的|等级|级)")
_LIMIT_RE = re.compile(r"(?:最近的?|(?<![那这])前|最多)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|家|支|名|处|条|次)(?!月|星期|礼拜|小时|季度|里|中|当中)")  # fmt: skip  # "那前三家里": a ranking shown, no cut
_PUNCT = re.compile(r"[\s\u3000，,。.！!？?；;：:、“”\"'‘’（）()【】\[\]<>《》]+")
_ENTERPRISE_SUFFIX = re.compile(
    r"([\u4e00-\u9fffA-Za-z0-9（）()]{2,30}?(?:有限责任公司|股份有限公司|有限公司|集团|公司|厂|加油站|化工|制药|科技|"
    r"钢铁|纺织|机械|印染|电力|物流|新材料|管桩))"
)
_POSSESSIVE = re.compile(
    r"^([\u4e00-\u9fffA-Za-z0-9]{3,20}?)(?:的)?(?:法人|法定代表人|安全负责人|主要负责人|负责人|电话|地址|厂中厂|出租|承租|"
    r"危化品|化学品|隐患|传感器|摄像头|处罚|检查|重大危险源|风险点|附近|周边|旁边|基本信息|情况)"
)


def normalise_question(text: str) -> str:
    """NFKC (full-width → half-width), traditional characters simplified, trimmed, whitespace collapsed,
    duty-room shorthand written out (重大源 → 重大危险源, ``agents.chat.shorthand``) unless the text is
    refused as too long anyway (that pass costs seconds on a text pasted up to the API's cap)."""
    cleaned = re.sub(r"\s+", " ", simplified(unicodedata.normalize("NFKC", text or ""))).strip()
    return cleaned if len(cleaned) > MAX_QUESTION_CHARS else expand_shorthand(cleaned)


GENERIC_PLACES = frozenset({"化工园区"})  # aliases that are a kind of place, not the place's name


@dataclass(frozen=True)
class Gazetteer:
    """Town names and their short aliases (临港 → 临港经济开发区, 城东 → 城东街道)."""

    towns: tuple[str, ...]
    aliases: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_towns(cls, towns: Iterable[str]) -> Gazetteer:
        names = tuple(sorted(set(towns)))
        aliases: dict[str, str] = {}
        for name in names:
            for suffix in ("经济开发区", "开发区", "街道", "镇"):
                if name.endswith(suffix) and len(name) > len(suffix) + 1:
                    short = name[: -len(suffix)]  # people clip three characters to two: 徐霞客 → 霞客
                    aliases |= {
                        a: name for a in (short, short[:2], short[1:]) if a == short or len(short) == 3
                    }
                    break
        if "临港经济开发区" in names:
            aliases.update(
                {"临港开发区": "临港经济开发区", "临港园区": "临港经济开发区", "化工园区": "临港经济开发区"}
            )
        if "城东街道" in names:
            aliases["高新区"] = "城东街道"
        return cls(names, aliases)

    def names(self) -> dict[str, str]:
        """Every way of writing a town (full names and aliases) → the town."""
        return {n: n for n in self.towns} | self.aliases

    def find(self, text: str) -> list[tuple[str, str]]:
        """(mention, town) pairs, longest mention first, non-overlapping; a generic place word (化工园区)
        gives way to a town named beside it ("璜土镇化工园区" is 璜土镇's park)."""
        found = self._find(outside_unit_names(text))  # …江阴华士龙砂加油站 names no town
        return [f for f in found if f[0] not in GENERIC_PLACES] or found

    def _find(self, text: str) -> list[tuple[str, str]]:
        candidates = [(n, n) for n in self.towns] + list(self.aliases.items())
        candidates.sort(key=lambda p: -len(p[0]))
        found: list[tuple[str, str]] = []
        taken = [False] * len(text)
        for mention, town in candidates:
            start = text.find(mention)
            while start >= 0:
                if not any(taken[start : start + len(mention)]):
                    for k in range(start, start + len(mention)):
                        taken[k] = True
                    found.append((mention, town))
                start = text.find(mention, start + 1)
        return found


@dataclass
class Slots:
    """What a question says, in closed-vocabulary values (``None`` = not said)."""

    town: str | None = None
    town_mention: str | None = None
    village: str | None = None  # the Village id ("新桥镇/马嘶村") when one is said (agents.chat.villages)
    unknown_town: str | None = None
    enterprise_mention: str | None = None
    enterprise_mention_strong: bool = False  # looks like a full name: an unresolved one is reported
    category: str | None = None
    category_group: tuple[str, ...] | None = None
    key_domain: str | None = None
    scale: str | None = None
    responsibility_class: str | None = None
    dishonest: bool | None = None
    mhs_level: int | None = None
    hazard_level: str | None = None
    hazard_status: str | None = None
    open_only: bool | None = None
    overdue: bool | None = None  # past the rectification deadline and still open
    event_type: str | None = None
    event_status: str | None = None
    event_level: str | None = None
    op_type: str | None = None
    lessor_grade: str | None = None
    risk_level: str | None = None
    resource_kind: str | None = None
    team_type: str | None = None
    speciality: str | None = None
    tag: str | None = None  # 规上企业, 高新技术企业, … (agents.chat.tags)
    duty_city: bool | None = None
    limit: int | None = None

    def filled(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if v is not None and v is not False}


def _first(text: str, table: dict[str, str]) -> str | None:
    """Value of the longest synonym found in ``text``."""
    word = _first_word(text, table)
    return table[word] if word else None


def _first_word(text: str, table: Mapping[str, object]) -> str | None:
    """The longest synonym found in ``text`` (the word itself, not its value)."""
    hits = [k for k in table if k and k in text]
    return max(hits, key=len) if hits else None


def extract_slots(question: str, gazetteer: Gazetteer) -> Slots:
    text = normalise_question(question)
    s = Slots()
    towns = gazetteer.find(text)
    if not towns and (slip := loose_town_in(text, gazetteer.names())) is not None:
        towns = [slip]  # "华仕镇", "李港": one look-alike or same-sound character off; "lingang": pinyin
    if towns:
        s.town_mention, s.town = towns[0]
    else:
        s.unknown_town = unknown_town_in(text)
    rest = text
    for mention, _ in towns:
        rest = rest.replace(mention, " ")
    found = enterprise_mention(rest)
    if found is not None:
        s.enterprise_mention, s.enterprise_mention_strong = found
        if s.enterprise_mention_strong:  # keep "红色等级" of a weak guess for the vocabulary below
            rest = rest.replace(s.enterprise_mention, " ")

    category_text = _CATEGORY_SHORT_FORMS.sub("危化品", rest)
    group = _first_word(category_text, GROUP_SYNONYMS)
    category = _first_word(category_text, CATEGORY_SYNONYMS)
    at_g, at_c = category_text.find(group or "\0"), category_text.find(category or "\0")
    if group and not (category and at_c < at_g + len(group) and at_g < at_c + len(category)):
        s.category_group = GROUP_SYNONYMS[group]
    elif category:  # a category overlapping the group word qualifies it: "一般化工企业" is 一般化工 only
        s.category = CATEGORY_SYNONYMS[category]
    s.key_domain = _first(rest, KEY_DOMAIN_SYNONYMS)
    if s.key_domain == "使用危化品" and (s.category_group or s.category == "使用危化品的化工企业"):
        s.key_domain = None  # said as part of the category words
    s.scale = _first(rest, {k: v for k, v in SCALE_SYNONYMS.items() if v})
    if (m := _CLASS_RE.search(rest)) is not None:
        s.responsibility_class = m.group(1).upper()
    if "失信" in rest:
        s.dishonest = True
    if (m := _LEVEL_RE.search(rest)) is not None:
        s.mhs_level = cn_to_int(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
    if "重大隐患" in rest or re.search(r"重大.{0,4}隐患", rest):
        s.hazard_level = "重大"
    elif "一般隐患" in rest:
        s.hazard_level = "一般"
    s.hazard_status = _first(rest, HAZARD_STATUS_SYNONYMS)
    if s.hazard_status is None and _NOT_CLOSED.search(rest):
        s.open_only = True
    s.overdue = True if OVERDUE.search(rest) else None
    s.event_type = _first(rest, EVENT_TYPE_SYNONYMS)
    if s.event_type == "泄漏报告" and "可燃" in rest:
        s.event_type = "可燃气体泄漏"
    s.event_status = _first(rest, EVENT_STATUS_SYNONYMS)
    s.event_level = event_level_in(rest)
    s.op_type = _first(rest, OP_TYPE_SYNONYMS)
    if (m := _GRADE_RE.search(rest)) is not None and re.search(r"出租|厂中厂|房东", rest):
        s.lessor_grade = LessorGrade(m.group(1)).value
    s.risk_level = _first(rest, RISK_LEVEL_SYNONYMS)
    if s.risk_level is None and "风险点" in rest:
        s.risk_level = next(  # "重大风险点", "风险点是红色的" (the four colours: 红 重大 … 蓝 低)
            (r.value for r in RiskLevel if r.value + "风险点" in rest or r.value + "级风险点" in rest),
            next((v for k, v in RISK_LEVEL_SYNONYMS.items() if k[1] == "色" and k[:2] in rest), None),
        )
    if (res := _first(rest, {k: k for k in RESOURCE_SYNONYMS})) is not None:
        s.resource_kind, s.team_type = RESOURCE_SYNONYMS[res]
        if s.resource_kind == "expert":
            s.speciality = next((sp for sp in ("危化", "消防", "机械", "冶金", "特种设备", "有限空间", "粉尘防爆",
                                               "电气", "职业卫生", "应急管理") if sp in rest), None)  # fmt: skip
    s.tag = tag_of(rest)
    if re.search(r"市里|市级|全市.{0,4}值班|市应急局", rest):
        s.duty_city = True
    if (m := _LIMIT_RE.search(rest)) is not None:
        n = int(m.group(1)) if m.group(1).isdigit() else cn_to_int(m.group(1).replace("两", "二"))
        s.limit = n if n and 0 < n <= 100 else None
    return s


# What has just happened to a site ("嘉澜氯碱出事了 最近的医疗点"): the name ends before it.
_INCIDENT = (  # "晨星燃气要是出事": a condition word before the incident ends the name too
    r"(?:要是|如果|假如|万一|一旦|若是)?(?:发生了?)?"
    r"(?:出事故?了?|出了?事故|发生了?事故|着火了?|起火了?|失火了?|爆炸了?|炸了|泄[漏露]了?|冒烟了?|有人受伤了?)"
)
_STOP = re.compile(
    r"(?:各个?|每个?|全部)(?:镇街|乡镇|镇|街道|板块)|"  # "各镇街加油站数量": a grouping, not a name
    r"请问|帮我|帮忙|[查看瞧]一?下|查询|看看|列出|告诉我|我想知道|有哪些|哪些|哪家|哪个|有多少家|有多少|多少家|多少个|多少|有几家|几家|几个|"
    r"是?在(?=谁|哪)|是谁|是什么|是多少|什么|怎么样|怎么|如何|谁|现在|目前|今天|昨天|本月|本周|今年|最近的|最近|附近的|附近|周边|旁边|"
    r"离|距离|和|与|及|以及|还有|那么|那[个家位]|那|其中|呢|吗|一级|二级|三级|四级|重大危险源|重大|一般|所有|全部|全市|我市|本市|"
    r"名单|清单|列表|情况|信息|厂中厂|出租方|出租|承租|租了|租用|用的是|用的|法人|法定代表人|安全负责人|主要负责人|负责人|联系电话|电话|地址|"
    r"存了|存放|存着|储存|有(?!限)|的|被|装了|安装了|它|这家|该企业|那家|企业|本镇|本街道|我们镇|我们街道|我们这边|我们这|我们|就近|"
    rf"租给|出租给|租谁|向谁租|房东|厂里|厂房|名下|隐患|传感器|摄像头|检查|处罚|风险点|危化品|{CHEM_STOP}|"
    r"底下|下面|下边|旗下|下属|里面|里头|老板|老总|董事长|厂长|联系人|安全员|是几|是哪|是不是|是否|算不算|属不属于|几级|"
    r"租的|租赁|在线监测|监测设备|监测点|监控|视频|有啥|啥|上次|上一次|最近一次|最后一次|"  # "远峰铜业下面…": the name ends here
    r"前天|明天|今晚|昨晚|凌晨|上午|下午|晚上|这周|上上周|上周|上上个?月|上个?月|这个月|去年|上上个?礼拜|上个?礼拜|"
    r"这个?礼拜|本礼拜|上上个?星期|上个?星期|"  # 上上周 whole: else the name would keep its first 上
    + f"{_INCIDENT}|{HAZARD_CONDITIONS}|{FOLLOW_UP_VERBS}"
)
_CONJUNCTION = re.compile(r"和|与|及")
_PORTRAIT_MARKERS = re.compile(
    r"^(?:\s|"
    + f"{_INCIDENT}|{BEFORE_HAZARD_WORD}"
    + r"|是?在(?=谁|哪)|谁家?|哪家|哪个|离得?|距离|的|有哪些|哪些|有什么|什么|有啥|啥|有没有|没有|有多少|多少|有几个|几个|几家|几条|几次|有|是不是|是否|是|被|装了|安装了|目前|现在|还|都|"
    r"底下|下面|下边|旗下|下属|里面|里头|厂里|名下|这边|那边|今天|昨天|前天|明天|本周|这周|上上周|上周|本月|这个月|"
    r"上上个?月|上个?月|上上个?礼拜|上个?礼拜|上上个?星期|上个?星期|这个?礼拜|本礼拜|这个?星期|今年|去年|最近|近期|上次|上一次|最近一次|最后一次|搞了?|做了?|"
    r"发现了?|排查出来?|查出来?|检查出来?)*"  # "X上个月发现的隐患": the name, then a time and how they were found
    r"(?:老板|老总|董事长|厂长|联系人|安全员|罚|查|离线|不在线|掉线|报警|告警|风险|作业|存|储|租|承租|监测|在线监测|"
    r"监控|视频|几级|危险源|危化|[A-DＡ-Ｄa-d]类|"
    r"动火|吊装|高处|受限空间|有限空间|临时用电|盲板|动土|断路|"
    r"法人|法定代表人|安全负责人|主要负责人|负责人|联系电话|电话|地址|厂中厂|出租|承租|租了|租用|危化品|化学品|隐患|"
    r"传感器|摄像头|处罚|检查|重大危险源|风险点|附近|周边|旁边|最近|就近|基本信息|情况|存了|储存|有哪些承租|租给|出租给|租谁|向谁租|房东|厂里|厂房|厂子|名下|装了|"
    r"多少个摄像头|摄像头|监控|执法|特殊作业|动火|告警|报警|事件)"
)
_SUFFIXES = ("有限责任公司", "股份有限公司", "有限公司", "集团", "公司", "加油站", "化工", "化学品", "制药", "科技", "钢铁", "纺织",
             "机械", "印染", "电力", "物流", "新材料", "管桩", "厂")  # fmt: skip


# Filter words that can end in a company suffix ("中型纺织", "大型机械厂", "一般化工厂"): a span made of
# them only is a filter, not a name.
_FILTER_WORDS = ("小微", "规上", "规模以上", "大中型", "重点", "失信", "行业", "工厂", "厂家", "厂", "企业", "公司", "化工",
                 "类", "型", "涉", *(s.value for s in EnterpriseScale))  # fmt: skip
_GENERIC = sorted(
    {*CATEGORY_SYNONYMS, *GROUP_SYNONYMS, *KEY_DOMAIN_SYNONYMS, *_FILTER_WORDS}, key=len, reverse=True
)
_GENERIC_WORDS = re.compile("|".join(_GENERIC) + r"|[ABCDabcd]类?")


def _names_something(span: str) -> bool:
    return len(_GENERIC_WORDS.sub("", without_determiner(span))) >= 2


def enterprise_mention(text: str) -> tuple[str, bool] | None:
    """A span that looks like an enterprise name and whether it is a strong (suffixed) one, or None.

    The question is cut at punctuation and function words; a chunk ending in a company suffix with
    at least two characters before it is a strong mention ("澄星化工", "江阴市某某有限公司"); a chunk
    right before a portrait word ("…的法人") is a weak one, used only when the search finds it.
    """
    cleaned = _PUNCT.sub(" ", text)
    pieces: list[tuple[str, int]] = []  # (chunk, end offset in cleaned)
    pos = 0
    for m in _STOP.finditer(cleaned):
        if _CONJUNCTION.fullmatch(m.group()) and joins_name(cleaned[pos : m.start()]):
            continue  # no conjunct before it: "和新包装租的谁的厂房" names 和新包装, "贵和那边" 贵和
        pieces.append((cleaned[pos : m.start()], m.start()))
        pos = m.end()
    pieces.append((cleaned[pos:], len(cleaned)))
    weak: str | None = None
    traded: str | None = None  # "…说科长药业那边有异味": 字号 + trade said in passing (agents.chat.mentions)
    for chunk, end in pieces:
        for part in chunk.split(" "):
            part = part.strip()
            if len(part) < 2:
                continue
            if traded is None and (said := trade_name(part)) and _names_something(said):
                traded = said
            best = max((part.rfind(x) + len(x) for x in _SUFFIXES if part.rfind(x) >= 2), default=0)
            core = re.sub(r"^江阴市?|(股份)?有限(责任)?公司$|集团$|公司$", "", part[:best])
            if best >= 4 and len(core) >= 2 and _names_something(core):
                return part[:best], True
        tail = trade_head(chunk.strip().split(" ")[-1]) if chunk.strip() else ""
        if (
            weak is None
            and len(tail) >= 2
            and _PORTRAIT_MARKERS.match(cleaned[end:])
            and _names_something(tail)
            and not PRONOUN.search(tail)  # "他们厂里": the name was said before the pronoun
        ):
            weak = tail
    if traded and (weak is None or trade_name(weak) is None):  # "刚接到" before 电话 names no trade
        weak = traded
    return (weak, False) if weak else None
