"""A response level's name and fields: the level vocabulary (Ⅱ级 / 二级 / 较大 → 二级), who commands it
("由…指挥"), its actions ("a；b" / "①a②b"), and fields written as labels ("启动条件：…", "响应指挥：…",
"响应措施：a；b；c"), each its own (numbered) paragraph under the level's heading or run on in one."""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextvars import ContextVar

from agents.llm.vocab import normalise_level
from plans.draft import PlanDraft
from plans.rules_level_equations import equated_names
from plans.rules_org_cells import numbered_items
from plans.structure import Block, split_number

RESPONSE_ORDER = ("一级", "二级", "三级", "四级")
_LEVEL_TOKEN = r"(?:[ⅠⅡⅢⅣ]|IV|III|II|I|[一二三四1-4])"  # noqa: S105 - a regex, not a secret
# Many plans name their responses after the accident class they answer: 特别重大/重大/较大/一般 → 一级…四级
_CLASS_LEVEL = {"特别重大": "一级", "重大": "二级", "较大": "三级", "一般": "四级"}
_CLASS = r"(?:特别重大|(?<!特别)重大|较大|一般)"
# An alias in brackets between a level and 响应/预警: "三级（班组级）响应", "Ⅰ级（特别重大）响应"
_GLOSS_OPT = r"(?:\s*[（(][^）)]{1,8}[)）])?"
# What follows a level's number in its name: 响应, or 处置 in plans that grade their handling rather than
# their response ("【二级处置】", "启动一级处置"); only after a numbered level (重大事故处置 is no level name)
# a 消防 plan grades how much force it dispatches ("一级调度")
RESPONSE_WORD = r"(?:响应|处置|调度)"
_CLASS_RESPONSE = re.compile(rf"({_CLASS})(?:(?:生产安全)?事故|突发事件|事件)?{_GLOSS_OPT}\s*(?:应急)?响应")
# "由街道指挥部副总指挥指挥，" / "由开发区指挥部总指挥组织指挥；": the command verb ends the clause, so the
# commander is everything between 由 and the last verb (a 指挥 inside 指挥部 / 副总指挥 is part of the name)
_COMMANDER_CLAUSE = re.compile(
    r"由\s*([^，,。；;：:、\s]{2,30})(?:组织|指挥|领导|启动|负责)(?=\s*(?:[，,。；;：:]|$))"
)
_COMMANDER = re.compile(
    r"由\s*((?:现场)?(?:副)?总指挥|(?:副)?指挥长|[^，。；、\s]{2,20}?)\s*(?:负责)?(?:决定|宣布|批准|签发)?"
    r"(?:启动|组织|统一指挥|统一领导|领导|指挥)"
)
_COMMANDER_2 = re.compile(r"(?:总指挥|现场指挥|指挥长)\s*由\s*([^，。；\s]{2,20}?)\s*担任")
_VERB_TAIL = re.compile(r"(?:负责|统一|组织|具体|决定|宣布|亲自|到场|现场|赶赴现场|亲临现场)+$")
# "由生产副总经理担任总指挥，" / "车间主任担任现场指挥。": the post takes the command for this level (the
# reverse of "总指挥由…担任"); read before "由X…指挥", which would take "生产副总经理担任总" as the name
SERVES_AS_COMMANDER = re.compile(
    r"(?:^|(?<=[，,。；;]))\s*(?:由\s*)?([^，,。；;：:、\s由在]{2,20}?)\s*(?:担任|兼任|(?<![主责])任)(?:现场)?(?:总)?指挥(?:长)?"
    r"(?=\s*(?:[，,。；;：:]|$))"
)
# "镇应急管理局局长到场指挥，主要开展以下工作：" — the commander is the subject, written without 由
_ARRIVES = re.compile(
    r"(?:^|(?<=[。；;]))\s*([^，,。；;：:、\s由在][^，,。；;：:、\s]{1,29}?)\s*(?:亲自|负责)?"
    r"(?:到场|赶赴现场|赶到现场|到达现场|亲临现场|现场)(?:统一)?(?:组织)?指挥(?=\s*(?:[，,。；;：:]|$))"
)
# "…，启动一级响应，总指挥负责指挥。": a post named as the subject of a later clause, without 由
_POST_COMMANDS = re.compile(
    r"(?<=[，,。；;])\s*([^，,。；;：:、\s由在]{0,12}?(?:总指挥|指挥长|主任|经理|厂长|站长|班长|组长|局长|镇长|书记))\s*"
    # "…。分管副主任负责指挥，" / "，委主任亲自指挥，" as well
    r"(?:负责|亲自)(?:现场)?(?:统一)?(?:组织)?指挥(?=\s*(?:[，,。；;：:]|$))"
)
# "在江阴市燃气事故应急指挥部统一指挥下，镇指挥部全力配合": the higher body commands
_UNDER_COMMAND = re.compile(r"在\s*([^，,。；;：:、\s]{2,30}?)\s*(?:的)?统一(?:指挥|领导|调度)下")
# A leading item number inside a cell or clause: "①", "（1）", "1.", "2、"
_ITEM_NUMBER = re.compile(
    r"^\s*(?:[①-⑳]|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|\d{1,2}[.、．](?!\d))\s*"
)


# Levels a plan names itself and maps in one sentence ("分为公司级、车间级、班组级三个级别，分别对应一级、
# 二级、三级响应"): the names of the plan being read, set by ``named_levels`` around its extraction.
NAMED_LEVELS: ContextVar[dict[str, str]] = ContextVar("named_levels", default={})  # noqa: B039 - never mutated
_MAPPING = re.compile(
    r"分为\s*([^，,。；;：:]{2,60}?)\s*(?:等)?\s*(?:[一二三四两\d]\s*个?(?:级别|等级|级))?\s*[，,]\s*"
    r"(?:分别)?(?:对应|相当于|即为|即)\s*([^。；;]{2,60})"
)


# The same mapping written as glosses: "分为公司级（一级）、车间级（二级）和班组级（三级）" — each tier
# name carries its level in brackets, so "班组级响应：…" later in the plan is the 三级 response.
# "分为三级：公司级（一级）、…" and "由高到低依次为公司级（Ⅰ级）、…" introduce the same list
_GLOSSED_LIST = re.compile(
    r"(?:分为|依次为)\s*(?:[一二三四两\d]\s*个?(?:级别|等级|级)\s*[:：]\s*)?([^。；;：:]{6,90})"
)
_GLOSSED_ITEM = re.compile(
    rf"\s*([^\s（()）]{{2,8}}?)\s*[（(]\s*({_LEVEL_TOKEN})\s*级(?:应急)?(?:响应)?\s*[)）]"
    r"\s*(?:[一二三四两\d]\s*个?(?:级别|等级|级))?\s*"
)


def _glossed_names(text: str) -> dict[str, str]:
    names: dict[str, str] = {}
    for m in _GLOSSED_LIST.finditer(text):
        found = [_GLOSSED_ITEM.fullmatch(part) for part in re.split(r"[、，,]|和|及|与", m.group(1))]
        pairs = [(f.group(1), normalise_level(f.group(2) + "级")) for f in found if f]
        if len(pairs) < 2 or len(pairs) != len(found):
            continue  # every listed item must be "name（level）", else this is no mapping
        for name, level in pairs:
            if normalise_level(name) is None and level is not None:
                names[name] = level
    return names


# Tier names an enterprise gives its responses, by rank: with no sentence mapping them, the highest tier
# the plan names is 一级, the next 二级 ("…的，为车间级响应…；…的，为公司级响应…")
_TIER_RANK = {"集团": 0, "公司": 1, "总厂": 1, "厂": 1, "企业": 1, "分厂": 2, "车间": 2, "部门": 2, "工段": 2}
_TIER_RANK |= {"装置": 2, "班组": 3, "岗位": 3}
# a carrier's tiers: the fleet (车队) answers to the company, the crew of one vehicle (车辆) to the fleet
_TIER_RANK |= {"车队": 2, "车辆": 3}
# 社会级: the response handed to the government's forces, above any tier of the enterprise itself
_TIER_RANK |= {"社会": -1}
_TIER_RESPONSE = re.compile(rf"({'|'.join(sorted(_TIER_RANK, key=len, reverse=True))})级(?:应急)?响应")


def _ranked_tiers(texts: list[str]) -> dict[str, str]:
    tiers = {m.group(1) for text in texts for m in _TIER_RESPONSE.finditer(text)}
    ranks = sorted({_TIER_RANK[t] for t in tiers})
    if len(ranks) < 2 or len(ranks) > 4:
        return {}
    return {f"{t}级": RESPONSE_ORDER[ranks.index(_TIER_RANK[t])] for t in tiers}


def named_levels(texts: Iterable[str]) -> dict[str, str]:
    """{written name: level} from the plan's mapping sentences; names already levels are left out."""
    texts = list(texts)
    names: dict[str, str] = {}
    for text in texts:
        names.update(_glossed_names(text))
        names.update(equated_names(text))  # "企业级为三级响应，园区级为二级响应"
        for m in _MAPPING.finditer(text):
            written = [
                re.sub(r"(?:应急)?响应$", "", n).strip() for n in re.split(r"[、，,和及与]", m.group(1))
            ]
            levels = [normalise_level(t + "级") for t in re.findall(rf"({_LEVEL_TOKEN})\s*级", m.group(2))]
            if len(written) < 2 or len(written) != len(levels) or not all(levels):
                continue
            for name, level in zip(written, levels, strict=True):
                if 2 <= len(name) <= 8 and normalise_level(name) is None and level is not None:
                    names[name] = level
    return names or _ranked_tiers(texts)


def level_of(text: str) -> str | None:
    """ "Ⅱ级响应" / "二级" → "二级"; "较大事故响应" / "较大" → "三级"; a name the plan mapped → its level."""
    level = normalise_level(text)
    if level is not None:
        return level
    written = _CLASS_RESPONSE.search(text) or re.fullmatch(rf"\s*({_CLASS})(?:事故|事件)?\s*", text)
    if written:
        return _CLASS_LEVEL[written.group(1)]
    return next((lv for name, lv in NAMED_LEVELS.get().items() if name in text), None)


def written_name(text: str, mention: re.Match[str]) -> str:
    """The level's name as written around ``mention``: "特别重大事件（Ⅰ级响应）" when the numbered level sits
    in brackets after an event class (the class is the name the plan gives the level), else the mention."""
    name = mention.group(0).replace(" ", "")
    before = re.search(rf"({_CLASS}(?:(?:生产安全)?事故|突发事件|事件))\s*[（(]\s*$", text[: mention.start()])
    if before and re.match(r"\s*[)）]", text[mention.end() :]):
        return f"{before.group(1)}（{name}）"
    return name


def commander_in(text: str) -> tuple[int, int, str] | None:
    """(start, end, who) of the commander a clause names: "总指挥由…担任", "由X（统一/组织）指挥，",
    "X到场指挥，"."""
    m = _COMMANDER_2.search(text) or SERVES_AS_COMMANDER.search(text)
    if m:
        return m.start(1), m.end(1), m.group(1)
    for clause in _COMMANDER_CLAUSE.finditer(text):
        who = _VERB_TAIL.sub("", clause.group(1))
        # "可由车间人员扑灭时启动，由车间主任指挥": a clause ending in 时 / 后 is the condition, not who commands
        if len(who) >= 2 and not re.search(r"(?:时|后)$", who):
            return clause.start(1), clause.start(1) + len(who), who
    m = _ARRIVES.search(text) or _COMMANDER.search(text) or _POST_COMMANDS.search(text)
    return (m.start(1), m.end(1), m.group(1)) if m else None


def higher_command(text: str) -> tuple[int, int, str] | None:
    """ "在X统一指挥下，镇指挥部全力配合": X, for a paragraph known to be one level's (an enumeration
    "Ⅰ级、Ⅱ级响应在X统一指挥下开展" says who leads, not who commands each level)."""
    m = _UNDER_COMMAND.search(text)
    return (m.start(1), m.end(1), m.group(1)) if m else None


# "由副总指挥组织指挥，在Ⅳ级响应的基础上，采取以下措施：" (in a Ⅲ级 paragraph) builds on the level below: that
# mention names the level the measures add to, not the level the sentence (and its commander) is about
_BASE_LEVEL = re.compile(r"在\s*[^，,。；;]{1,16}?响应(?:的)?基础上")


def without_base_levels(text: str) -> str:
    """``text`` with "在X级响应的基础上" blanked (same length, so offsets into it still hold)."""
    return _BASE_LEVEL.sub(lambda m: "　" * len(m.group(0)), text)


def strip_number(text: str) -> str:
    numbering = split_number(text)
    return numbering.rest if numbering else text


_MEASURES_INTRO = re.compile(
    r"^\s*(?:采取|开展|实施|做好)?(?:以下|下列|如下)?(?:主要|响应|应急|处置)?(?:措施|行动|工作)(?:如下|包括|为)?\s*[:：]\s*"
)


def split_actions(text: str) -> list[str]:
    """ "a；b；c。" or "①a；②b③c" → ["a", "b", "c"]: the actions of one level, without item numbers."""
    text = _MEASURES_INTRO.sub("", text)  # "采取以下措施：（一）a；（二）b"
    # "1.a 2.b 3.c": numbered lines of one table cell, run together when the cell is read back
    items = numbered_items(text) or [text]
    parts = (
        _ITEM_NUMBER.sub("", a).strip().rstrip("。；;")
        for item in items
        for a in re.split(r"[；;]|(?=[①-⑳])", item)
    )
    return [a for a in parts if a]


# Labelled fields of one level under its heading: "启动条件：…", "响应指挥：…", "响应措施：a；b；c"
# "启动：发布蓝色预警时" (a checklist's bare 启动 label) is a trigger too
# "适用情形：…" / "触发条件：…" name the same field
_TRIGGER_WORD = r"(?:(?:启动|响应|适用|触发)?(?:条件|情形)|启动)"
_TRIGGER_LABEL = re.compile(rf"^{_TRIGGER_WORD}\s*[:：]\s*(.+?)[。；;]?$", re.S)
# "响应负责人：车间主任" (a tier's lead written as the one in charge) names the commander too
_COMMANDER_WORD = r"(?:指挥|指挥长|总指挥|指挥者|(?:响应|处置|应急)指挥|现场指挥|负责指挥|指挥人员?|(?:响应|处置|应急|现场)负责人)"
_COMMANDER_LABEL = re.compile(rf"^{_COMMANDER_WORD}\s*[:：]\s*(.+?)[。；;]?$", re.S)
# "指挥：在上级指挥机构统一指挥下，由局指挥部指挥长组织…": the higher command frames, the 由 names
_FRAMED = re.compile(
    r"^在[^，,。；]{2,30}?下\s*[，,]\s*由\s*([^，,。；]{2,30}?(?<![总副]))\s*(?:统一|负责|牵头)?(?:指挥|组织|领导|负责)(?![长部员])"
)
_FIELD_START = re.compile(
    # the field's own number may be "（1）", "1.", "（一）" or "一、" (a plan that numbers paragraphs in Chinese)
    r"(?:^|(?<=[。；;\s]))\s*(?:[（(](?:\d{1,2}|[一二三四五六七八九十]{1,2})[)）]|\d{1,2}[.、．]|[一二三四五六七八九十]{1,2}、)?\s*(?="
    rf"{_TRIGGER_WORD}\s*[:：]"
    rf"|{_COMMANDER_WORD}\s*[:：]"
    r"|(?:响应|应急|处置|主要)?(?:措施|行动|任务|处置措施|响应措施)\s*[:：])"
)
_ACTIONS_LABEL = re.compile(
    r"^(?:响应|应急|处置|主要)?(?:措施|行动|任务|处置措施|响应措施)\s*[:：]\s*(.+?)[。；;]?$", re.S
)


_BRACKET_LABEL = re.compile(r"[【〔［\[]([^】〕］\]\s]{1,8})[】〕］\]]")


def bracket_labels(text: str) -> str:
    """ "【启动条件】…【指挥】…" → " 启动条件：… 指挥：…": labels in brackets (【】〔〕［］) read as
    "label：", same length, so offsets into the block still hold."""
    return _BRACKET_LABEL.sub(lambda m: f" {m.group(1)}：", text)


def labelled_segments(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each labelled field in a block that starts with one; [] if it does not."""
    text = bracket_labels(text)
    starts = [m.start() for m in _FIELD_START.finditer(text)]
    lead = len(text) - len(text.lstrip())
    if not starts or starts[0] > lead:
        return []
    out = []
    for begin, stop in zip(starts, [*starts[1:], len(text)], strict=True):
        body = strip_number(text[begin:stop].strip())
        out.append((text.find(body, begin), body))
    return out


def _labelled_commander(value: str) -> tuple[int, str]:
    """(offset, who) of the commander a "指挥：…" label gives."""
    framed = _FRAMED.match(value)
    if framed:  # "在上级…统一指挥下，由局指挥部指挥长组织…": the 由 names
        return framed.start(1), framed.group(1)
    said = commander_in(value) if value.startswith("由") else None
    if said:  # "由总指挥负责指挥，总指挥不在时由副总指挥指挥": the first 由 clause
        return said[0], said[2]
    # "镇应急指挥部总指挥，江阴市应急指挥机构到达后移交指挥权": the commander is the first clause
    first = re.split(r"[，,]", value, maxsplit=1)[0]
    # "镇长在市级指挥机构到达前组织先期处置": the post before "在…前" is the commander, the rest says until when
    until = re.match(
        r"^([^在]{2,20}?)\s*在[^，,。；;]{2,24}?(?:前|后|期间)(?:负责|统一)?(?:组织|指挥|开展|先期)", first
    )
    return 0, until.group(1) if until else first


def labelled_field(
    draft: PlanDraft, index: int, block: Block, at: int, body: str, *, by_comma: bool = False
) -> None:
    """One "启动条件：…" / "响应指挥：…" / "响应措施：a；b" field of a level, cited at ``at``; ``by_comma``:
    a measure field of a one-paragraph level with no "；" or ① splits at "，" (its clauses are the steps)."""
    entry = draft.data["response_levels"][index]
    trigger, commander = _TRIGGER_LABEL.match(body), _COMMANDER_LABEL.match(body)
    measures = _ACTIONS_LABEL.match(body)
    if commander:
        if entry["commander"] is None:
            offset, who = _labelled_commander(commander.group(1))
            entry["commander"] = who
            begin = at + commander.start(1) + offset
            draft.cite(
                f"/response_levels/{index}/commander",
                block.paragraph,
                begin,
                begin + len(who),
                confidence=0.85,
            )
    elif trigger:
        if not entry["trigger"]:
            entry["trigger"] = trigger.group(1)
            draft.cite(
                f"/response_levels/{index}/trigger",
                block.paragraph,
                at + trigger.start(1),
                at + trigger.end(1),
                confidence=0.85,
            )
    elif measures:
        actions = split_actions(measures.group(1))
        if by_comma and len(actions) == 1:
            actions = [a for a in re.split(r"[，,]", actions[0]) if a.strip()]
        for action in actions:
            if action not in entry["actions"]:
                entry["actions"].append(action)
                start, end = draft.span(block.paragraph, action)
                n = len(entry["actions"]) - 1
                draft.cite(
                    f"/response_levels/{index}/actions/{n}", block.paragraph, start, end, confidence=0.8
                )


def fill_commander_and_actions(
    draft: PlanDraft, at: int, block: Block, who: str | None, actions: list[str], search_from: tuple[int, int]
) -> None:
    """Give response level ``at`` its commander and actions read from ``block`` when it has none yet,
    each cited where it is written (the commander found from ``search_from[0]``, actions from ``[1]``)."""
    entry = draft.data["response_levels"][at]
    if entry["commander"] is None and who:
        entry["commander"] = who
        start = block.text.find(who, search_from[0])
        draft.cite(f"/response_levels/{at}/commander", block.paragraph, start, start + len(who))
    if not entry["actions"]:
        for action in actions:
            entry["actions"].append(action)
            start = block.text.find(action, search_from[1])
            pointer = f"/response_levels/{at}/actions/{len(entry['actions']) - 1}"
            draft.cite(pointer, block.paragraph, start, start + len(action))
