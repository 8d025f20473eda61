"""Which plan applies, who commands and what comes first: the ``plan_for`` answer.

A duty officer asks "临港发生二级危化品泄漏，谁指挥，先做什么". The template (``graph.intents_plans``)
returns the enabled plans whose accident types, town and enterprise fit, each with the verified facts
of the response level asked for. This module reads the level and accident words from the question,
orders the plans from the nearest jurisdiction outwards and writes the answer from those facts only.

Order: the named enterprise's own plans, then the town's, then the city's public plans (issued by the
government or its departments); other towns' plans only when none of those fits (the question named no
town). Another enterprise's own plan does not apply to an accident elsewhere and is never listed. A plan
written for one sector (its title names 锂电池, 养老机构, 道路运输 …, ``plan_sectors``) applies only when
the question is about that sector. An enterprise is "named" when the question holds its 字号 as the
plan's issuing unit writes it (江阴澄宇化工有限公司 → 澄宇化工), also when the demo city does not hold it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from agents.chat import (
    plan_account,
    plan_details,
    plan_illness,
    plan_next_step,
    plan_sectors,
    plan_seen,
    plan_severity,
    plan_town_missing,
    plan_weather,
)
from agents.chat.plan_firm_tiers import asked_tier, tier_levels
from agents.chat.plan_medical import callers_plan
from agents.chat.plan_sectors import (
    asked_sectors,
    dangerous_goods_on_road,
    fits_sector,
    general_sectors,
    title_sectors,
    within_broader,
)
from agents.chat.plan_spoken import SPOKEN as _SPOKEN

SHOWN_PLANS = 3
SHOWN_ACTIONS = 4

_LEVEL_DIGITS = {"一": "一级", "二": "二级", "三": "三级", "四": "四级", "1": "一级", "2": "二级", "3": "三级",
                 "4": "四级", "Ⅰ": "一级", "Ⅱ": "二级", "Ⅲ": "三级", "Ⅳ": "四级", "I": "一级", "II": "二级",
                 "III": "三级", "IV": "四级"}  # fmt: skip
# "二级响应", "Ⅱ级", "启动III级", "二级的危化品泄漏"; not 一级重大危险源, 二级单位, 一级建造师.
_LEVEL = re.compile(
    r"(?<![A-Za-z])(IV|III|II|I|Ⅳ|Ⅲ|Ⅱ|Ⅰ|[一二三四1-4])\s*级(?!重大|危险源|单位|建造|消防|安全|工)"
)
# Accident grades map onto response levels one to one (GB/T 29639, the plans' own tables):
# "一般事故由谁指挥" asks for the 四级 response; not 重大危险源, 一般隐患.
# A level asked again after the one said ("先按三级响应处置，现在死了2人了，该几级"): the one said was
# what the escalating account met before, the level is read anew from the whole account.
_REASKED = re.compile(r"几级(?!预警)|(?:要不要|是否|需不需要)(?:调整|升级|提高)")
_GRADE = re.compile(r"(特别重大|重大|较大|一般)(?:生产安全)?(?:事故|事件|级别|等级)")
_GRADE_LEVELS = {"特别重大": "一级", "重大": "二级", "较大": "三级", "一般": "四级"}
_PUBLIC_ISSUER = re.compile(
    r"政府|办事处|管理委员会|管委会|指挥部|委员会|办公室|局$|局[（(]|应急管理|消防救援"
)
# A firm's or an institution's own plan (a hospital, a school, a hotel is no authority).
_PRIVATE_ISSUER = re.compile(
    r"公司|集团|[厂场站库]$|车间|工厂|医院$|卫生院$|学校$|[中小]学$|幼儿园$|酒店$|宾馆$"
)


def slot_values(question: str) -> dict[str, Any]:
    """``accident_types`` (plan vocabulary, None when none said), ``response_level`` (一级…四级) and
    ``sector_fallback`` (a sector is named: its general plans are read whatever types they list)."""
    question = plan_sectors.LIFT_AS_PLACE.sub("", question)  # 扶梯口人挤人: a place, no escalator accident
    found = [value for _, _, value in plan_account.said_accident_spans(question)]  # not 还没着火
    found += [value for word, value in _SPOKEN if plan_account.said(word, question)]
    found += plan_seen.seen_types(question)  # a phone report: 冒黑烟, 刺鼻气味, 倒在池边
    found = plan_illness.reread(found, question)  # 中暑晕倒 is an illness, not a poisoning
    found = plan_weather.reread(found, question)  # 寒潮/暴雪: no flood, whatever plan is named
    m = _LEVEL.search(question)
    grade = _GRADE.search(question)
    level = _LEVEL_DIGITS[m.group(1)] if m else _GRADE_LEVELS[grade.group(1)] if grade else None
    if m and _REASKED.search(question, m.end()):  # "先按四级响应处置，现在死了2人，几级响应": asked again
        level = None
    # A tier (车间级) is matched to each plan's own levels after the query (``plan_firm_tiers``): all are read.
    tier = None if level else asked_tier(question)
    return {"accident_types": list(dict.fromkeys(found)) or None, "response_level": level,
            # always: a firm named by its 字号 has the sector its name gives (华拓金属制品 → 工贸), known
            # only once its plan is read (``rank``); the city plans that do not fit are dropped there
            "response_tier": tier, "sector_fallback": True,
            "plan_details": sorted(plan_details.asked(question)) or None,
            # "阀门已经关了，下一步": the step done, marked in the answer (``plan_next_step``)
            "done_step": plan_next_step.done_clause(question)}  # fmt: skip


def is_public(row: Mapping[str, Any]) -> bool:
    """Issued by the government, a department or a zone's committee — not by a firm or institution."""
    unit = str(row.get("issuing_unit") or "")
    if unit:
        return bool(_PUBLIC_ISSUER.search(unit)) and not _PRIVATE_ISSUER.search(unit.split("（")[0])
    title = str(row.get("title") or "")  # no issuer read: an on-site plan is always an enterprise's
    return row.get("plan_type") != "现场处置方案" and not _PRIVATE_ISSUER.search(title.split("应急")[0])


_FIRM_AFFIXES = re.compile(
    r"^(?:江苏省?|无锡市?|江阴市?)|(?:股份|集团)?有限(?:责任)?公司.*$|(?:股份|集团)公司.*$"
)


def names_public_body(text: str) -> bool:
    """The text names a government body, a department or a zone's committee (政府, 局, 管委会 …)."""
    return _PUBLIC_ISSUER.search(text) is not None


def names_issuer(row: Mapping[str, Any], question: str) -> bool:
    """The question names the firm that issued the plan: its 字号 and the next two characters
    ("澄宇化工", "新桥鲜达", "苏南港务") as the issuing unit writes them."""
    unit = str(row.get("issuing_unit") or "")
    core = _FIRM_AFFIXES.sub("", unit)
    if not question or _PRIVATE_ISSUER.search(unit) is None:
        return False
    # 江阴顾山澄丽印染 is said 澄丽印染: the town the plan is filed under may lead the 字号.
    town = _TOWN_SUFFIX.sub("", str(row.get("town") or ""))
    cores = [core] + ([core[len(town) :]] if len(town) >= 2 and core.startswith(town) else [])
    return any(len(c) >= 4 and (c[:4] in question or _names_short(c, question)) for c in cores)


_TOWN_SUFFIX = re.compile(r"(?:镇|街道|经济开发区|开发区)$")


# Words a plan's title is said without: "教育局的校园安全事故预案" names 江阴市教育局校园安全事故应急预案.
_TITLE_FILLER = re.compile(r"^江阴市?|应急|事故|的|[《》“”\"\s]")


def names_title(row: Mapping[str, Any], question: str) -> bool:
    """The question names the plan by its title, give or take the city's name and the filler words
    (应急, 事故, 的): "按《配电房触电事故现场处置方案》…", "教育局的校园安全事故预案里…"."""
    full = str(row.get("title") or "")
    title = _TITLE_FILLER.sub("", full)
    return (len(title) >= 6 and title in _TITLE_FILLER.sub("", question)) or _names_village(full, question)


_VILLAGE = re.compile(r"([\u4e00-\u9fff]{2})(村|社区)")


def _names_village(title: str, question: str) -> bool:
    """A village's or community's own plan (青阳镇青石村防汛防台应急预案) is named by its village: the
    graph may hold no such village to place the question, but the plan is that village's."""
    m = _VILLAGE.search(title.split("应急")[0])
    return m is not None and m.group(0) in question


def _names_short(core: str, question: str) -> bool:
    """A short name that keeps the 字号 and drops characters of the rest ("澄北粮库" for 澄北粮食储备库):
    four or more characters of the question from the 字号 on, each found in the name in order."""
    start = question.find(core[:2])
    if start < 0:
        return False
    kept, at = 0, 0
    for ch in question[start:]:
        found = core.find(ch, at)
        if found < 0:
            break
        kept, at = kept + 1, found + 1
    return kept >= 4


def covers_all(row: Mapping[str, Any]) -> bool:
    """A 突发事件总体应急预案 covers every emergency of its place, whichever types its scope lists
    (the same reading as ``graph.intents_plans``)."""
    return row.get("plan_type") == "总体" and "突发事件" in str(row.get("title") or "")


def _reach(row: Mapping[str, Any], params: Mapping[str, Any], question: str = "") -> int:
    """0 the asked enterprise's own, 1 the asked town's, 2 the city's, 3 another town's, 4 a firm's."""
    asked = params.get("enterprise_id")
    if asked and (row.get("enterprise_id") == asked or asked in (row.get("enterprises") or [])):
        return 0
    if row.get("named_in_question") or names_issuer(row, question):
        return 0
    if str(row.get("id")) in (params.get("place_plans") or ()):  # a park or firm seat in its zone
        return 1
    # A firm's own plan is filed under its town, but it covers that firm only: read before the town.
    if not is_public(row) or row.get("enterprise_id"):
        return 4
    place = row.get("asked_town")
    if place and (row.get("town") == place or place in (row.get("towns") or [])):
        return 1
    return 3 if row.get("town") or row.get("towns") else 2


_TYPE_ORDER = {"专项": 0, "总体": 1, "部门": 2, "现场处置方案": 3}
# Two-character words every plan title or question shares: no sign of a better fit.
_GENERIC = frozenset({"事故", "应急", "预案", "响应", "处置", "指挥", "救援", "专项", "现场", "方案", "生产", "安全",
                      "江阴", "发生", "总体", "综合", "部门", "突发", "事件", "级响", "启动"})  # fmt: skip


def _title_hits(title: str, question: str, wanted: set[str]) -> int:
    """How specifically the title names what was asked: its accident types ("火灾" in a fire plan's
    title) and other words of the question ("液氯", "锂电池")."""
    stems = {w.removesuffix("事故").removesuffix("灾害") for w in wanted}
    words = {question[i : i + 2] for i in range(len(question) - 1)} - _GENERIC
    return sum(1 for s in stems if s and s in title) + sum(1 for w in words if w in title)


def rank(
    rows: Sequence[Mapping[str, Any]], params: Mapping[str, Any], question: str = ""
) -> list[dict[str, Any]]:
    """The plans in the order a duty officer should open them: the asked enterprise's, the town's and
    the city's that fit the sector asked about; other towns' only when none of those fits."""
    wanted = set(params.get("accident_types") or [])

    def reach(row: Mapping[str, Any]) -> int:
        return _reach(row, params, question)

    def overlap(row: Mapping[str, Any]) -> int:
        types = _said_types(row.get("accident_types") or [], question)
        return sum(1 for w in wanted if any(w in t or t in w for t in types)) or int(covers_all(row))

    named = [
        dict(r)
        | {"named_in_question": names_issuer(r, question) or names_title(r, question) or _treats(r, question)}
        for r in rows
    ]  # kept for the answer
    # A firm named by its 字号 is of the trade its full name says ("华拓金属" → 江阴华拓金属制品有限公司: 工贸).
    sectors_said = question + "".join(
        str(r.get("issuing_unit") or "") for r in named if names_issuer(r, question)
    )
    # The asked firm's category in the city's records (an enterprise user's "我们厂") names its sector too,
    # unless special equipment is said: its accident is the 特种设备 plan's in any works (a 空压机 储气罐
    # exploding in a 工贸 works is no 粉尘爆炸).
    firm = (
        frozenset(params.get("firm_sectors") or ())
        if "特种设备" not in asked_sectors(question)
        else frozenset()
    )
    fitting = [
        r for r in named
        if overlap(r) or not wanted or _treats(r, question)
        if not question or reach(r) == 0 or fits_sector(str(r.get("title") or ""), sectors_said, firm)
        if not _works_plan_on_a_road(r, question)
    ]  # fmt: skip
    unlisted = [r for r in named if wanted and not plan_illness.only_illness(wanted) and not overlap(r)]
    standing_in = _standing_in(unlisted, fitting, sectors_said, reach, firm)
    ordered = sorted(
        fitting,
        key=lambda r: (reach(r), -_title_hits(str(r.get("title") or ""), question, wanted), -overlap(r),
                       _TYPE_ORDER.get(str(r.get("plan_type")), 9), str(r.get("title"))),
    )  # fmt: skip
    near = [r for r in ordered if reach(r) < 3] + standing_in
    # Another town's plan stands in for an unsaid place only when it is written for what was asked
    # (君山 山火 → 澄江's forest plan); a town's plan for every accident says nothing of where it was.
    return near or [r for r in ordered if reach(r) == 3 and _written_for(r, question, wanted)]


def _treats(row: Mapping[str, Any], question: str) -> bool:
    """A hospital receiving the casualties asks: the medical-rescue plan is its own (``plan_medical``)."""
    return is_public(row) and callers_plan(row, question)


def _works_plan_on_a_road(row: Mapping[str, Any], question: str) -> bool:
    """A town's or zone's plan not written for roads, asked of a tanker on a road (a 突发事件 plan still
    covers every emergency of its place)."""
    title = str(row.get("title") or "")
    # the city's 工贸 plan is written for works (涉氨制冷 in a 冷库), not for ammonia carried on a road
    local = is_public(row) and (bool(row.get("town") or row.get("towns")) or "工贸" in title_sectors(title))
    return (
        local
        and not covers_all(row)
        and "道路运输" not in title_sectors(title)
        and dangerous_goods_on_road(question)
    )


def _said_types(types: Sequence[str], question: str) -> list[str]:
    """A plan's types as they bear on the question. The importer reads a scope's 建筑施工坍塌 as
    建筑施工事故 + 坍塌: that 坍塌 is a construction collapse, so a works' standing 厂房 that 塌了 is not
    covered by it unless construction is said (a town plan listing only 建筑施工坍塌)."""
    if "建筑施工事故" in types and question and "建设施工" not in asked_sectors(question):
        types = [t for t in types if t != "坍塌"]
    if question and "特种设备" in asked_sectors(question):
        # a boiler or vessel that exploded is the equipment's explosion, not a 粉尘爆炸 the question
        # does not say: a town's dust-explosion plan does not cover 锅炉爆炸
        types = [t for t in types if not (t.endswith("爆炸") and t != "爆炸" and t[:-2] not in question)]
    return list(types)


def _written_for(row: Mapping[str, Any], question: str, wanted: set[str]) -> bool:
    title = str(row.get("title") or "")
    if not question:  # no words to judge by (as for the sector filter above)
        return True
    return _title_hits(title, question, wanted) > 0 or bool(title_sectors(title) & asked_sectors(question))


def _standing_in(
    unlisted: Sequence[dict[str, Any]],
    fitting: Sequence[Mapping[str, Any]],
    question: str,
    reach: Callable[[Mapping[str, Any]], int],
    firm: frozenset[str] = frozenset(),
) -> list[dict[str, Any]]:
    """City general plans of a sector asked about (工贸行业生产安全事故应急预案 for a 纺织厂 fire) whose
    scope does not list the accident: they stand in, after every other plan, unless a city plan written
    for that sector lists it (a 铝厂 fire is the 冶金 plan's; a 叉车 accident the 特种设备 plan's)."""
    asked = asked_sectors(question) | firm

    def covered(r: Mapping[str, Any]) -> bool:  # the 工贸 plan never covers for the narrower 冶金 plan
        t = str(r.get("title") or "")
        return any(reach(f) == 2 and title_sectors(f_t := str(f.get("title") or "")) & asked
                   and not within_broader(t, f_t) for f in fitting)  # fmt: skip

    return [
        r for r in unlisted
        if reach(r) == 2 and general_sectors(str(r.get("title") or "")) & asked and not covered(r)
    ]  # fmt: skip


def _scope_label(row: Mapping[str, Any], params: Mapping[str, Any]) -> str:
    reach = _reach(row, params)
    if reach == 0 and not is_public(row):
        return "本企业"
    if reach == 0:  # a public plan named in the question (a village's card, a department's plan)
        return str(row.get("town") or (row.get("towns") or [""])[0]) or "市级"
    if reach in (1, 3):
        return str(row.get("town") or (row.get("towns") or [""])[0])
    return "市级" if reach == 2 else "企业预案，仅供参考"


def _level_line(level: Mapping[str, Any]) -> str:
    parts = []
    if level.get("trigger"):
        parts.append(f"启动条件：{level['trigger']}")
    if level.get("commander"):
        parts.append(f"指挥：{level['commander']}")
    actions = [str(a) for a in level.get("actions") or [] if a]
    if actions:
        steps = "；".join(f"{i}）{a}" for i, a in enumerate(actions[:SHOWN_ACTIONS], 1))
        more = f"（共 {len(actions)} 项）" if len(actions) > SHOWN_ACTIONS else ""
        parts.append(f"首要措施：{steps}{more}")
    name = level.get("name") or level.get("level") or ""
    return f"   {name}：" + "；".join(parts) if parts else f"   {name}：预案未写明指挥与措施"


def answer(rows: Sequence[Mapping[str, Any]], params: Mapping[str, Any]) -> str:
    note = str(params.get("caller_note") or "")  # why these plans (``agents.chat.plan_caller``)
    if note and not rows:
        return note
    if not rows:
        said = "、".join(params.get("accident_types") or [])
        what = f"（{said}）" if said else ""
        return f"没有查到适用的已启用应急预案{what}，请联系值班领导或查阅纸质预案。"
    tier = params.get("response_tier")
    toll = plan_severity.toll_of(params)  # "死了2个人": the level each plan sets for that toll
    details = set(params.get("plan_details") or ())  # who issued it, its resources (``plan_details``)
    counted = toll is not None and toll.counted  # a toll said, not only what happened (``plan_account``)
    asked_level = params.get("response_level") or tier or ("与所述伤亡、损失相应的" if counted else None)
    shown = rows[:SHOWN_PLANS]
    every = [[lv for lv in row.get("levels") or [] if lv] for row in shown]
    chosen = [
        tier_levels(levels, tier) if tier else plan_severity.level_for(levels, toll) if toll else levels
        for levels in every
    ]
    # a level chosen by what happened (流出围堰, 需要转驳) is shown in full, as one chosen by a toll
    narrowed = [toll is not None and len(c) < len(e) for c, e in zip(chosen, every, strict=True)]
    lines = [note] if note else []
    if toll is not None and counted:
        lines.append(
            f"按所述情况（{toll.said()}，按国家标准属{toll.national_class()}事故）对照各预案的启动条件："
        )
    elif toll and any(narrowed):
        said = plan_account.describe(toll.facts) or "未说明伤亡和损失，按一般事故"
        lines.append(f"按所述情况（{said}）对照各预案的启动条件：")
    lines += plan_town_missing.note(shown, [_reach(r, params) for r in shown])  # 月城 has no flood plan
    lines.append(f"适用的应急预案共 {len(rows)} 个（按适用范围由近及远）：")
    for i, (row, levels, narrow) in enumerate(zip(shown, chosen, narrowed, strict=True), 1):
        lines.append(
            f"{i}.《{row.get('title')}》（{row.get('plan_type') or '预案'}，{_scope_label(row, params)}）"
        )
        if (asked_level or narrow) and not levels:
            lines.append(f"   预案中没有已核实的{asked_level}响应内容。")
        elif asked_level or narrow:
            lines += [_level_line(lv) for lv in levels]
        elif levels:
            names = "、".join(
                f"{lv.get('name') or lv.get('level')}（{lv.get('commander')}）" if lv.get("commander")
                else str(lv.get("name") or lv.get("level"))
                for lv in levels
            )  # fmt: skip
            lines.append(f"   响应分级：{names}")
        lines += plan_next_step.lines(levels, params.get("done_step"))  # "阀门已经关了，下一步"
        lines += plan_details.lines(row, details)
    if len(rows) > SHOWN_PLANS:
        lines.append(f"（另有 {len(rows) - SHOWN_PLANS} 个预案，见引用中的数据行）")
    lines.append("以上为已启用预案中经审核的内容；相关条文见引用的预案段落。")
    return "\n".join(lines)


__all__ = ["answer", "is_public", "names_issuer", "names_public_body", "rank", "slot_values"]
