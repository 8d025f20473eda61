"""Organisation tables: working-group tables (组别 | 组长 | 成员单位 | 职责), one row per post
(应急组织 | 应急职务 | 姓名, the group cell merged down) and post tables (岗位 | 人员 | 职责)."""

from __future__ import annotations

import re
from typing import Any

from plans.bilingual import chinese_label
from plans.draft import PlanDraft
from plans.rules_org_cells import cell_items, owner_by_titles, per_post_groups, person_in, spelled_out
from plans.rules_org_duties import appointed_roles
from plans.rules_org_names import CREW_POST, ROLE_HOLDER, ROLE_TITLES, UNIT_SUFFIX, canonical, headquarters
from plans.rules_org_post_units import route_unit_posts
from plans.rules_post_cards import card_grid, listed_post
from plans.structure import Block, table_cell
from plans.table_records import transposed_cards

# The group column: a header naming the kind of body its rows are ("专项指挥部", "应急小组", "组别")
_GROUP_COLUMN = re.compile(r"工作组|小组|组别|机构|名称|组名|队伍|应急组织|(?:指挥部|组|队)$")
# Post columns: any role title (总指挥 | 副总指挥, 组长 | 成员) or a unit's part in a group (牵头单位)
# a hospital or a firm names the members by department ("成员科室", "配合部门"): one role titled by the header
_ROLE_COLUMN = re.compile(
    rf"^(?:{'|'.join(ROLE_TITLES)}|配合单位|协助单位|协办单位|参与单位|参加单位|组员|(?:成员|配合|参与)(?:科室|部门))$"
)
# Posts several people hold: a table row adds one; a single post (组长) named in the text is replaced
_SHARED_POSTS = ("成员", "组员", "成员单位", "队员", "联络员")
_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,3}$(?<![员长工班管任师])")  # "钱立峰", not "值班长" / "加氯工"
_POST_COLUMN = re.compile(r"岗位|职务|角色|职位")
_PERSON_COLUMN = re.compile(r"人员|姓名|担任|负责人")
_DUTY_COLUMN = re.compile(r"职责|任务")
_PHONE_COLUMN = re.compile(r"电话|手机|联系方式|号码")

_NO_VALUE = frozenset({"", "—", "——", "-", "－", "/", "无"})


def group_names(cells: list[list[str]]) -> list[str]:
    """The units a working-group table lists in its group column ([] for any other table)."""
    col = next((i for i, h in enumerate(cells[0]) if _GROUP_COLUMN.search(h)), None)
    if col is None:
        return []
    names = {r[col].strip() for r in cells[1:] if col < len(r)}
    return sorted(n for n in names if UNIT_SUFFIX.search(n))


def org_table(
    draft: PlanDraft,
    block: Block,
    parent: str | None,
    units: dict[str, int],
    aliases: dict[str, str],
    unit: Any,
    role: Any,
    default: Any,
) -> None:
    """Working-group tables (组别 | 组长 | 成员单位 | 职责) and post tables (岗位 | 人员 | 职责)."""
    turned = transposed_cards(block.cells or [])
    if block.cells and turned is not block.cells:  # a card matrix, one column per post: one row per post
        block = block.model_copy(update={"cells": turned})
    if not block.cells or len(block.cells) < 2 or card_grid(block.cells) is not None:
        return  # a post card (label | text rows) is read by rules_post_cards
    header = [chinese_label(h) for h in block.cells[0]]  # "组长 Leader": a template's English gloss
    duty_col = next((i for i, h in enumerate(header) if _DUTY_COLUMN.search(h)), None)
    group_col = next((i for i, h in enumerate(header) if _GROUP_COLUMN.search(h)), None)
    if group_col is not None and any(
        UNIT_SUFFIX.search(chinese_label(r[group_col])) for r in block.cells[1:] if group_col < len(r)
    ):
        role_cols = [i for i, h in enumerate(header) if _ROLE_COLUMN.match(re.sub(r"\s+", "", h))]
        # or one row per post: 应急组织 | 应急职务 | 姓名 (the group cell merged down its posts)
        post_col = next((i for i, h in enumerate(header) if _POST_COLUMN.search(h)), None)
        person_col = next(
            (i for i, h in enumerate(header) if i not in (post_col, group_col) and _PERSON_COLUMN.search(h)),
            None,
        )
        previous = ""
        taken: set[tuple[int, str]] = set()
        per_post = per_post_groups(block.cells[1:], group_col, duty_col) if person_col is not None else set()
        for row in block.cells[1:]:
            name = chinese_label(row[group_col]) if group_col < len(row) else ""
            name = name or previous  # a merged cell read back empty continues the group above
            previous = name
            own_duties = name in per_post  # this row's 职责 cell is its post's, not the group's
            # "镇防指": the short name a set-up sentence gave the body ("…指挥部（以下简称镇防指）")
            if not name or not (UNIT_SUFFIX.search(name) or name in aliases):
                continue
            name = canonical(name, units, aliases) or name
            if parent is None and units and name not in units:
                parent = headquarters(units, name)  # the 指挥部, else the 领导小组 / 委员会
            unit(name, block, parent if parent != name else None)
            if parent is None and "指挥部" in name and "办公室" not in name:
                parent = name  # first row is the HQ ("指挥层 | 应急救援指挥部"); the rows below sit under it
            for col in role_cols:
                if col < len(row) and row[col].strip() not in _NO_VALUE:  # "—": no 配合单位
                    cell = row[col].strip()
                    titled = ROLE_HOLDER.match(cell)  # "总指挥：总经理" in a 负责人 column
                    title, holder = (
                        (titled.group(1), titled.group(2)) if titled else (header[col].strip(), cell)
                    )
                    role(name, title, holder, block, 0, len(block.text))
            if not role_cols and post_col is None and person_col is not None:
                # "人员组成 | 动力车间主任任组长，…为组员": the appointment sentence a paragraph would hold
                for title, holder, _s, _e in appointed_roles(table_cell(row, person_col)):
                    role(name, title, holder, block, 0, len(block.text))
            if not role_cols and post_col is not None and person_col is not None:
                post, person = table_cell(row, post_col), person_in(table_cell(row, person_col))
                if post and person:
                    _named_post(draft, block, units[name], post, person, taken)
                if post:
                    role(name, post, person or None, block, 0, len(block.text))
                if post and own_duties:
                    _role_duties(draft, block, units[name], post, person or None, table_cell(row, duty_col))
                    continue
            index = units[name]
            duties = draft.data["org_units"][index]["duties"]
            for duty in _duties(table_cell(row, duty_col)):  # "负责a；负责b" in one cell: two duties
                if duty not in duties:
                    duties.append(duty)
                    draft.cite(
                        f"/org_units/{index}/duties/{len(duties) - 1}", block.paragraph, confidence=0.85
                    )
        return
    post_col = next((i for i, h in enumerate(header) if _POST_COLUMN.search(h)), None)
    person_col = next((i for i, h in enumerate(header) if i != post_col and _PERSON_COLUMN.search(h)), None)
    card_cols = [i for i, h in enumerate(header) if i != post_col and _CARD_DUTY_COLUMN.search(h)]
    if post_col is not None and person_col is None and card_cols:
        posts = [re.sub(r"\s+", "", table_cell(row, post_col)) for row in block.cells[1:]]
        # the card's posts were set up in a sentence ("车间主任任组长，…为组员"): that unit's card
        owner = (
            _holding_unit(draft.data, units, posts, parent) or parent or default(units, draft, block, unit)
        )
        # "抢险救援组组长" / "指挥部办公室主任" rows: that group's or office's post, not one more of the owner's
        elsewhere = route_unit_posts(
            draft,
            block,
            units,
            aliases,
            owner,
            post_col,
            card_cols,
            lambda n, t, h: role(n, t, h, block, 0, len(block.text)),
        )
        _duty_card(
            draft,
            block,
            units[owner],
            post_col,
            card_cols,
            lambda t, h: role(owner, t, h, block, 0, len(block.text)),
            elsewhere,
        )
        return
    if post_col is None or (
        any(_PHONE_COLUMN.search(h) for h in header)
        and not _roster(draft, block, parent, post_col, person_col)
    ):
        return  # a contact table, unless it is the roster a body's setting-up sentence introduces
    titles = [re.sub(r"\s+", "", table_cell(row, post_col)) for row in block.cells[1:]]
    parent = owner_by_titles(draft.data, units, titles, parent, _SHARED_POSTS)
    owner = parent or default(units, draft, block, unit)
    owner = _past_office(draft.data, units, owner, titles)
    index = units[owner]
    seen: set[str] = set()
    for row in block.cells[1:]:
        title = re.sub(r"\s+", "", table_cell(row, post_col))
        if not title:
            continue
        holder = table_cell(row, person_col)
        roles = draft.data["org_units"][index]["roles"]
        # "成员：A、B和C" over a table giving each of A, B, C a person and duties: one 成员 role per post
        listed = listed_post(draft, index, title, block.paragraph) if title not in ROLE_TITLES else None
        # "组员为当班值班长、加氯工…" over a 岗位 | 人员 table whose 人员 cell is itself a post or shift ("当班加氯工",
        # "24小时值班"): the row's 岗位 is the title; a named person ("钱立峰") holds the listed 成员 post instead
        if listed is not None and holder and not _PERSON.match(holder):
            listed["title"], listed["holder"] = title, holder
            at = f"/org_units/{index}/roles/{roles.index(listed)}"
            draft.cite(at, block.paragraph, confidence=0.85)
        elif listed is not None:
            title, listed["holder"] = listed["title"], holder or listed["holder"]
            at = f"/org_units/{index}/roles/{roles.index(listed)}/holder"
            draft.cite(at, block.paragraph, confidence=0.85)
        said = [r for r in roles if r["title"] == title]
        collective = len(said) == 1 and spelled_out(said[0]["holder"], title, titles)
        if holder and title not in seen and (title not in _SHARED_POSTS or collective) and len(said) == 1:
            said[0]["holder"] = holder  # "由车间主任任组长" + a table naming the 组长: the person
            draft.cite(
                f"/org_units/{index}/roles/{roles.index(said[0])}/holder", block.paragraph, confidence=0.85
            )
        seen.add(title)
        role(owner, title, holder or None, block, 0, len(block.text))
        target = next((r for r in roles if r["title"] == title and r["holder"] == (holder or None)), None)
        if target is None:
            continue
        for duty in _duties(table_cell(row, duty_col)):
            if duty not in target["duties"]:
                target["duties"].append(duty)
                n = roles.index(target)
                draft.cite(
                    f"/org_units/{index}/roles/{n}/duties/{len(target['duties']) - 1}",
                    block.paragraph,
                    confidence=0.85,
                )


# An 应急处置卡 (岗位 | 职责 | 处置措施 | 联系电话): no person column, what each post does in one or more columns
_CARD_DUTY_COLUMN = re.compile(r"职责|任务|措施|处置|行动")
_TITLES = "|".join(sorted(ROLE_TITLES, key=len, reverse=True))
_TITLED_POST = re.compile(rf"^({_TITLES})\s*(?:[（(]([^）)]+)[)）])?$")
# "车间主任（组长）": the post first, the title it holds in brackets
_POST_THEN_TITLE = re.compile(rf"^([^（(]{{2,12}})[（(]({_TITLES})[)）]$")


def _card_post(post: str) -> tuple[str | None, str | None]:
    """(title, holder) of a card row's post: "组长（生产副总经理）" and "车间主任（组长）" are the 组长
    held by the post; any other post has no title of its own (None, the post)."""
    titled = _TITLED_POST.match(post)
    if titled:
        return titled.group(1), titled.group(2)
    reverse = _POST_THEN_TITLE.match(post)
    return (reverse.group(2), reverse.group(1)) if reverse else (None, post)


def _holding_unit(
    data: dict[str, Any], units: dict[str, int], posts: list[str], parent: str | None
) -> str | None:
    """The unit whose roles (titles or holders) name most of a card's posts; ``parent`` wins a tie."""

    def held(name: str) -> int:
        roles = data["org_units"][units[name]]["roles"]
        named = [_card_post(p) for p in posts]
        return sum(
            # a bare titled post ("总指挥") names no holder: only its title can match
            any(r["title"] == title or (holder is not None and holder in (r["holder"] or "")) for r in roles)
            for title, holder in named
        )

    best = max(units, key=lambda n: (held(n), n == parent), default=None)
    return best if best is not None and held(best) else None


def _duty_card(
    draft: PlanDraft,
    block: Block,
    index: int,
    post_col: int,
    duty_cols: list[int],
    add_role: Any,
    skip: frozenset[int] = frozenset(),
) -> None:
    """Each row of a duty card is a role of the unit with the duties of every duty column: a titled
    post ("组长（生产副总经理）") is that role; any other post is one 成员 role held by the post as
    written, taking over a "当班班长、操作工和安全员为成员" role that listed the posts together."""
    roles: list[dict[str, Any]] = draft.data["org_units"][index]["roles"]
    for row_no, row in enumerate(block.cells[1:] if block.cells else [], start=1):
        post = re.sub(r"\s+", "", table_cell(row, post_col))
        if not post or row_no in skip:  # a row another unit's post took (rules_org_post_units)
            continue
        named, holder = _card_post(post)
        titled = named is not None
        shared = next((r["title"] for r in roles if r["title"] in _SHARED_POSTS), "成员")
        title = named or shared
        target = next((r for r in roles if r["title"] == title and (titled or r["holder"] == post)), None)
        # "当班班长、操作工和安全员为组员": the listing splits into one role per post
        target = target or (None if titled else listed_post(draft, index, post, block.paragraph))
        if target is None:
            add_role(title, holder)
            target = next((r for r in roles if r["title"] == title and r["holder"] == holder), None)
        if target is None:
            continue
        n = roles.index(target)
        for duty in (d for col in duty_cols for d in _duties(table_cell(row, col))):
            if duty not in target["duties"]:
                target["duties"].append(duty)
                at = f"/org_units/{index}/roles/{n}/duties/{len(target['duties']) - 1}"
                draft.cite(at, block.paragraph, confidence=0.8)


def _named_post(
    draft: PlanDraft, block: Block, index: int, post: str, person: str, taken: set[tuple[int, str]]
) -> None:
    """ "总指挥由总经理担任" in the text and a table row 总指挥 | 张振宇: one post, held by the person the
    table names (the first row for that post only: a second 副总指挥 row is a second role)."""
    if post in _SHARED_POSTS or (index, post) in taken:
        return
    taken.add((index, post))
    roles = draft.data["org_units"][index]["roles"]
    said = [r for r in roles if r["title"] == post]
    if len(said) == 1 and said[0]["holder"] != person:
        said[0]["holder"] = person
        draft.cite(
            f"/org_units/{index}/roles/{roles.index(said[0])}/holder", block.paragraph, confidence=0.85
        )


def _role_duties(
    draft: PlanDraft, block: Block, index: int, title: str, holder: str | None, cell: str
) -> None:
    """The duties of one post's row go on that post's role of the unit."""
    roles: list[dict[str, Any]] = draft.data["org_units"][index]["roles"]
    target = next((r for r in roles if r["title"] == title and r["holder"] == holder), None)
    target = target or next((r for r in roles if r["title"] == title), None)
    if target is None:
        return
    n = roles.index(target)
    for duty in _duties(cell):
        if duty not in target["duties"]:
            target["duties"].append(duty)
            at = f"/org_units/{index}/roles/{n}/duties/{len(target['duties']) - 1}"
            draft.cite(at, block.paragraph, confidence=0.85)


def _duties(cell: str) -> list[str]:
    """ "负责a；负责b" or numbered lines "1.a 2.b" in one cell: one duty each."""
    return cell_items(cell)


# "医院成立…领导小组，成员如下：" / "指挥部组成人员如下：": the sentence that hands a body's posts to the table below
_CREW = re.compile(CREW_POST)
_ROSTER_INTRO = re.compile(r"(?:成立|组成|设立|成员|人员)[^。]{0,30}(?:如下|见下表|下表)[:：。]?$")


def _roster(
    draft: PlanDraft, block: Block, parent: str | None, post_col: int, person_col: int | None
) -> bool:
    """A table of a body's members with their phones (应急职务 | 姓名 | 管理部门 | 手机): every post cell is a
    role title, each row names a person, and the paragraph just above introduces it as the body's members.
    Such a table gives the body its roles (the phones are read as contacts elsewhere)."""
    if parent is None or person_col is None or not block.cells:
        return False
    posts = [re.sub(r"\s+", "", table_cell(row, post_col)) for row in block.cells[1:]]
    # a crew post beside the titles ("调度员" under 总指挥 / 副总指挥) is one of the body's posts too
    if not any(p in ROLE_TITLES for p in posts) or not all(
        p in ROLE_TITLES or _CREW.fullmatch(p) for p in posts
    ):
        return False
    if not all(_PERSON.match(person_in(table_cell(row, person_col))) for row in block.cells[1:]):
        return False
    at = draft.blocks.index(block)
    above = next((b for b in reversed(draft.blocks[:at]) if b.text.strip()), None)
    return (
        above is not None and above.kind != "table" and _ROSTER_INTRO.search(above.text.strip()) is not None
    )


# A duty desk the body set up ("指挥部下设调度中心，…日常值守机构") answers calls; the posts of a table that follows
# (现场指挥, 系缆指挥, 救生员) are the body's own, unless they are the desk's (主任, 值班员)
_OFFICE = re.compile(r"(?:办公室|调度中心|值班室|值守中心)$")
_OFFICE_POST = re.compile(r"主任|值班|调度员|联络员")


def _past_office(data: dict[str, Any], units: dict[str, int], owner: str, titles: list[str]) -> str:
    entry = data["org_units"][units[owner]]
    parent = entry.get("parent")
    if not _OFFICE.search(owner) or entry["roles"] or parent not in units:
        return owner
    return owner if any(_OFFICE_POST.search(t) for t in titles) else parent
