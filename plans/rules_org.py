"""Rules for the organisation (组织机构及职责): org units, their parents, roles and holders, duties.

Sources: unit headings, "设立/下设…" and "（以下简称…）" sentences, "由…组成", "总指挥：…", "…由…担任",
"X任Y", working-group tables (组别 | 组长 | 成员单位 | 职责) and post tables (岗位 | 人员 | 职责).
"""

from __future__ import annotations

import re

from plans.draft import PlanDraft
from plans.outline_text import CHECKLIST_ITEM
from plans.rules_meta import strip_number
from plans.rules_org_bodies import body_field_unit, listed_siblings, self_named_group, setting_body
from plans.rules_org_duties import (
    DUTY_VERB,
    ROLE_BY,
    ROLE_IS,
    add_duties,
    add_set_up_duties,
    appointed_roles,
    composed_roles,
    default_unit,
    duty_clause,
    duty_runs_on,
    group_parent,
    roles_and_duty,
)
from plans.rules_org_group_lists import LISTED_GROUPS_UNDER
from plans.rules_org_group_tasks import task_owner
from plans.rules_org_headings import (
    GENERIC_HEADING,
    duty_heading,
    label_clauses,
    lists_groups,
    role_title,
    unit_line,
    unit_name,
)
from plans.rules_org_kind_rows import kind_rows
from plans.rules_org_layout import chart_parents, heading_names_body, matrix_duties, rename_unit
from plans.rules_org_members import member_intro, member_table, member_unit
from plans.rules_org_names import (
    ROLE_HOLDER,
    TITLE_CLAUSE,
    UNIT_SUFFIX,
    canonical,
    headquarters,
    names_other_unit,
)
from plans.rules_org_numbered import duty_items, duty_run, structured_item
from plans.rules_org_patterns import (
    ALIAS,
    BARE_OFFICE,
    BODY_FIELD,
    COMPOSED,
    DUTY_INTRO,
    DUTY_LABEL,
    GROUPS_UNDER,
    LEADERSHIP_FRAME,
    NAMED_SUBJECT,
    NOT_A_NAME,
    SEATED,
    SET_UP_DUTY,
    SETS_UP,
    SUBJECT,
    TRAILING_DUTY_INTRO,
    UNIT_LEAD,
)
from plans.rules_org_posts import (
    Run,
    add_holder_duty,
    add_run_duties,
    circled_items,
    holder_and_duty,
    opens_circled,
    post_duties,
    post_header,
    post_label_duties,
    post_of,
    role_duty,
    runs_on,
)
from plans.rules_org_tables import org_table
from plans.sections import Outline
from plans.structure import Block


def extract_org_units(draft: PlanDraft, outline: Outline) -> None:
    blocks = draft.blocks
    units: dict[str, int] = {}
    aliases: dict[str, str] = {}
    current: str | None = None
    set_up: str | None = None  # the unit a "设立现场指挥部，下设以下工作组" sentence introduced
    stack: list[tuple[int, str]] = []  # (heading level, unit name)
    groups_under: tuple[int, str] | None = None  # (section level, unit) of "X下设以下工作组"
    section_level, members = 0, False  # members: below a "成员单位职责" heading or line

    def unit(name: str, block: Block, parent: str | None, start: int = 0, end: int | None = None) -> int:
        if name not in units:
            units[name] = draft.add(
                "org_units", {"name": name, "parent": parent, "duties": [], "roles": []},
                block.paragraph, start, end, confidence=0.85, method="structure" if block.kind == "heading" else "rule",
            )  # fmt: skip
        return units[name]

    def role(unit_name: str, title: str, holder: str | None, block: Block, start: int, end: int) -> None:
        title = re.sub(r"\s+", "", title)
        index = units[unit_name]
        roles = draft.data["org_units"][index]["roles"]
        if any(
            r["title"] == title and r["holder"] in (holder, None if holder is None else "\0") for r in roles
        ):
            return
        if holder is None and title == "成员":
            return  # "由总指挥、副总指挥和成员组成": the members are listed elsewhere
        vacant = next((n for n, r in enumerate(roles) if r["title"] == title and r["holder"] is None), None)
        if vacant is not None and holder is not None:
            roles[vacant]["holder"] = holder  # "由总指挥…组成" then "总指挥：街道办事处主任"
            draft.cite(
                f"/org_units/{index}/roles/{vacant}/holder", block.paragraph, start, end, confidence=0.85
            )
            return
        roles.append({"title": title, "holder": holder, "duties": []})
        draft.cite(f"/org_units/{index}/roles/{len(roles) - 1}", block.paragraph, start, end, confidence=0.85)

    run: Run | None = None  # the (unit, role) whose "职责：①a；" list runs on to the next line
    set_up_duties: dict[str, tuple[Block, str]] = {}  # "成立X，负责…": the duty X was set up for
    post_role: int | None = None  # the role a "组长：设备部经理" header line named, for the items below
    duty_list: str | None = None  # the unit whose "主要职责：" line introduced the list items below
    duty_level = 0  # level of the open "…职责" heading: the unit headings under it head duty lists
    for at, block in enumerate(blocks):
        skeleton = outline.block_skeleton[block.paragraph]
        if skeleton != "组织机构及职责":
            if block.kind == "heading":
                current, stack = None, []
            continue
        if run and opens_circled(block):  # "③负责…" on the line after "副总指挥职责：①a；②b；"
            add_run_duties(draft, run, block)
            run = run if runs_on(block) else None
            continue
        run = None
        members = member_intro(block.text) if block.kind == "heading" or member_intro(block.text) else members
        if members and member_unit(draft, block, units, aliases, unit):  # "市应急管理局：负责a；b"
            continue
        if duty_list and duty_run(block, blocks[at - 1] if at else None) and not structured_item(block):
            if post_duties(draft, units[duty_list], block):  # "各岗位职责如下：" then "（1）车间主任：a；b"
                continue
            add_duties(draft, units[duty_list], block, duty_items(block, circled_items(block.text)))
            continue
        duty_list = None
        pseudo = unit_line(block) if units else None  # "综合协调组" alone on its line in a PDF: a heading,
        if pseudo:  # a sibling of the group heading it follows, else one below the section it is in
            is_sibling = (current or "")[-1:] == pseudo[-1] and bool(stack) and stack[-1][0] == section_level
            level = section_level if is_sibling else section_level + 1
            block = block.model_copy(update={"kind": "heading", "heading_level": level})
        intro = block.kind in ("paragraph", "list_item") and DUTY_INTRO.match(
            strip_number(block.text.strip())
        )
        held = post_of(draft, units, current, strip_number(block.text.strip())) if intro else None
        if held:  # "（1）总指挥职责：" on its own line: the numbered items below are the post's
            current, post_role = held
            continue
        if block.kind == "paragraph" and DUTY_INTRO.match(block.text.strip()) and (current or units):
            duty_list = current or default_unit(units, draft, block, unit)
            continue
        if block.kind == "heading":
            level = block.heading_level or 1
            section_level = section_level if pseudo else level
            while stack and stack[-1][0] >= level:
                stack.pop()
            if groups_under and level <= groups_under[0]:
                groups_under = None
            duty_level = 0 if level <= duty_level else duty_level
            duty_subject = duty_heading(block.text)
            name = unit_name(block.text) or self_named_group(blocks, at)  # "2.2 现场工作组" over its own text
            if name and lists_groups(blocks, at, level):
                name = None  # "2.4 应急救援工作组" over a table or headings of several groups: a category
            set_up = None
            if name:
                name = canonical(name, units, aliases) or name
                parent = (
                    stack[-1][1] if stack else group_parent(groups_under, name) or headquarters(units, name)
                )
                unit(name, block, parent)
                stack.append((level, name))
                current = name
            else:
                current = stack[-1][1] if stack else None
            # "2.2.1 指挥部职责": the items are duties; "2.2.2 总指挥职责" / "3.2.1 总指挥": the post's
            post = role_title(
                duty_subject
                if duty_subject is not None
                else strip_number(block.text).rstrip("：:")
                if duty_level
                else ""
            )
            if post and current is None:  # "总指挥职责" outside any unit heading: the one unit with that post
                holding = [
                    n
                    for n, i in units.items()
                    if any(r["title"] == post for r in draft.data["org_units"][i]["roles"])
                ]
                current = holding[0] if len(holding) == 1 else None
            roles = draft.data["org_units"][units[current]]["roles"] if current else []
            post_role = next((n for n, r in enumerate(roles) if r["title"] == post), None)
            if duty_subject is not None and post is None:
                duty_level = duty_level or level
            duty_list = current if post_role is None and (duty_subject is not None or duty_level) else None
            continue
        if block.kind == "table":
            if any(f(draft, block, units, aliases, unit) for f in (matrix_duties, member_table, kind_rows)):
                continue
            table_parent = set_up or group_parent(groups_under, "") or current
            org_table(draft, block, table_parent, units, aliases, unit, role, default_unit)
            continue
        if current and post_duties(draft, units[current], block):  # "（1）车间主任：a；b"
            continue
        if post_role is not None and current and role_duty(draft, units[current], post_role, block):
            continue  # "1.接到报告后…；" under "组长：设备部经理"
        post_role = post_header(draft, units[current], block) if current else None
        if post_role is not None:
            continue
        if current and block.style == CHECKLIST_ITEM and not re.search(r"[：:]", block.text):
            add_duties(draft, units[current], block, [block.text.strip().rstrip("。；;")])
            continue  # a checklist item under a unit's topic line is one of its duties, whatever its verb
        field_body = body_field_unit(block, units, aliases, unit)  # "指挥机构：X指挥部"
        if field_body:
            current = field_body
            continue
        labelled = DUTY_LABEL.match(strip_number(block.text.strip()))
        post_at = (
            post_label_duties(draft, units, current, labelled[1], labelled[2], block) if labelled else None
        )
        if post_at:  # "（1）总指挥职责：①…；②…": the duties of the post, not of its unit
            run = post_at if runs_on(block) else None
            continue
        if labelled and (current or units):
            named_owner = task_owner(labelled.group(1), blocks, at, units, aliases)  # "任务：" under "■ X组"
            duty_owner = named_owner or current or default_unit(units, draft, block, unit)
            add_duties(draft, units[duty_owner], block, re.split(r"[；;]", labelled.group(2)))
            continue
        led: str | None = None  # "运输保障组：由…牵头。负责…": later sentences of the item are that unit's
        listing: str | None = None  # "其职责是：a；b；c。": the unit whose duty list runs on to the 。
        for start, _end, sentence in label_clauses(block.text):
            text = sentence.strip().rstrip("。；;")
            text = LEADERSHIP_FRAME.sub("", BODY_FIELD.sub("", strip_number(text)))
            if listing and not names_other_unit(text, listing, units, aliases):
                add_duties(draft, units[listing], block, [text])
                listing = listing if sentence.rstrip().endswith(("；", ";")) else None
                continue
            list_label = DUTY_LABEL.match(text) if led else None
            if led and list_label and not list_label.group(1).strip():  # "X组：组长由…担任。职责：①a；②b"
                add_duties(draft, units[led], block, [list_label.group(2)])
                listing = led if sentence.rstrip().endswith(("；", ";")) else None
                continue
            if led and DUTY_VERB.match(text):
                add_duties(draft, units[led], block, [text])
                # "负责扑救初期火灾；冷却…。": the clauses after a duty run on to the full stop, whatever the verb
                listing = led if sentence.rstrip().endswith(("；", ";")) else None
                continue
            named = NAMED_SUBJECT.match(text) if not SUBJECT.match(text) else None
            owner_named = canonical(named.group(1), units, aliases) if named else None
            if named and owner_named:  # "抢险堵漏组负责关闭阀门；负责…" under a plain 职责 heading
                add_duties(draft, units[owner_named], block, [text[named.end(1) :]])
                led = owner_named
                # "办公室负责a；b；c。": the run of clauses to the full stop is its, whatever the verb
                listing = owner_named if sentence.rstrip().endswith(("；", ";")) else None
                continue
            offset = start + sentence.find(text[:4]) if text else start
            under = GROUPS_UNDER.search(text) or LISTED_GROUPS_UNDER.search(text)
            under_unit = canonical(under.group(1), units, aliases) if under else None
            if under_unit:
                groups_under = (section_level, under_unit)
            first_created: str | None = None
            for created in SETS_UP.finditer(text):
                name = created.group(1)
                after = text[created.end(1) :]  # "（以下简称…）" naming the heading: one body
                if current and name not in units and heading_names_body(current, name, after) and stack:
                    rename_unit(draft, units, aliases, current, name)  # "2.2 街道应急委员会" → full name
                    stack = [(lv, name if u == current else u) for lv, u in stack]
                    current = name
                known = canonical(name, units, aliases)
                parent = (  # "公司安全生产委员会下设…小组": the committee, named here first, sets it up
                    first_created
                    or setting_body(text[: created.start(1)], block, units, aliases, unit)
                    or current
                    or next((u for u in units if "指挥部" in u and "办公室" not in u), None)
                )
                generic = GENERIC_HEADING.match(name) or re.match(
                    r"^(?:以下|下列|如下|若干|相应|有关|各|\d+\s*个|[一二三四五六七八九十两]+个)", name
                )
                if known is None and (parent or not units) and parent != name and not generic:
                    unit(name, block, parent, offset + created.start(1), offset + created.end(1))
                    first_created = first_created or name
                    # "设立现场指挥部，下设…工作组": the groups below sit under it; "下设A、B和C": under the parent
                    set_up = parent if text[created.end(1) : created.end(1) + 1] == "、" else first_created
                    for beside, s, e in listed_siblings(text, created.end(1), units, aliases):  # "下设A和B"
                        unit(beside, block, parent, offset + s, offset + e)  # B sits beside A
                duty = SET_UP_DUTY.match(text[created.end(1) :])  # "成立X，负责…" / "…，为…提供…"
                target = known or (name if name in units else None)
                if duty and target:  # added after the section: the body's own duty list comes first
                    set_up_duties.setdefault(target, (block, duty.group(1)))
            for alias in ALIAS.finditer(text):
                if first_created or current:
                    aliases[alias.group(1)] = first_created or current  # type: ignore[assignment]
            if first_created and current is None:
                current = first_created  # "成立…领导小组。组长由局长担任": the posts that follow are its
            bare = BARE_OFFICE.search(text)
            owner_of = canonical(bare.group(1), units, aliases) if bare else None
            if bare and owner_of:
                name = bare.group(1).strip() + "办公室"
                if canonical(name, units, aliases) is None:
                    unit(name, block, owner_of, offset + bare.start(1), offset + bare.end())
                current = canonical(name, units, aliases) or name
            seated = SEATED.match(text)
            if seated:  # "领导小组办公室设在…科，办公室主任由…兼任"
                name = canonical(seated.group(1), units, aliases) or seated.group(1)
                if name not in units:
                    unit(name, block, headquarters(units, name), offset, offset + seated.end(1))
                current = name
            composed = COMPOSED.match(text)
            owner = None
            if composed:
                raw = re.sub(r"(成员单位|成员|组成人员|组成单位)$", "", composed.group(1))
                if not raw and current:
                    owner = current
                elif raw and UNIT_SUFFIX.search(raw):
                    owner = canonical(raw, units, aliases) or raw
            if composed and owner:
                unit(owner, block, current if current != owner else None, offset, offset + len(text))
                current = current or owner
                for title, holder in composed_roles(composed.group(2)):
                    role(owner, title, holder, block, offset, offset + len(text))
                continue
            lead = UNIT_LEAD.match(text) if block.kind == "list_item" or not ROLE_HOLDER.match(text) else None
            if lead and not GENERIC_HEADING.match(lead.group(1)) and not NOT_A_NAME.search(lead.group(1)):
                name = canonical(lead.group(1), units, aliases) or lead.group(1)
                if name not in units:
                    unit(
                        name,
                        block,
                        group_parent(groups_under, name) or headquarters(units, name)
                        if name != current
                        else None,
                        offset,
                        offset + len(text),
                    )
                roles_and_duty(lead.group(2), name, block, offset + lead.start(2), role, draft, units)
                led = name  # "X组：负责a；b。": the clauses after its first duty run on to the full stop
                listing = name if duty_runs_on(lead.group(2), sentence, block.text) else None
                continue
            appointed = appointed_roles(text)  # "由镇长任指挥长" / "…主要负责人为成员"
            if appointed:  # "指挥部下设现场处置组，储运部经理任组长": the body this sentence set up
                owner = first_created or current or default_unit(units, draft, block, unit)
                for title, holder, start, end in appointed:
                    role(owner, title, holder, block, offset + start, offset + end)
                clause_duty = duty_clause(text, r"[，,]")
                if clause_duty:  # "抢险组由设备部经理任组长，负责关闭阀门": the clause after the post
                    add_duties(draft, units[owner], block, [clause_duty])
                for clause in re.split(r"[，,]", text):
                    listed = COMPOSED.match(clause.strip())
                    if listed and re.sub(r"(成员单位|成员|组成人员|组成单位)$", "", listed.group(1)) == "":
                        role(owner, "成员", listed.group(2).strip(), block, offset, offset + len(text))
                continue
            posted = TITLE_CLAUSE.search(text) if not ROLE_HOLDER.match(text) else None
            if posted:  # "公司成立应急指挥部，总指挥：李刚（总经理）": the post after the body set up
                text, offset = text[posted.end() :], offset + posted.end()
            found = [m for m in [ROLE_HOLDER.match(text)] if m] or list(ROLE_BY.finditer(text))
            found = found or list(ROLE_IS.finditer(text))  # "由办公室负责，组长为办公室主任"
            if found:  # a post clause after "X组　组长：A；" in the same block is X组's
                owner = led or current or default_unit(units, draft, block, unit)
                if ROLE_HOLDER.match(text):
                    m = found[0]
                    holder, post_duty = holder_and_duty(m.group(2).strip().strip("。；;"))
                    role(owner, m.group(1), holder or None, block, offset + m.start(), offset + m.end())
                    if post_duty:  # "组长：车间主任，负责组织处置、向公司报告": the post's duty
                        add_holder_duty(draft, units[owner], m.group(1), holder, block, post_duty)
                else:
                    roles_and_duty(text, owner, block, offset, role, draft, units)
                continue
            subject = SUBJECT.match(text)
            text = SUBJECT.sub("", text)
            dm = DUTY_LABEL.search(text)
            duties = [d.strip() for d in re.split(r"[；;]", dm.group(2)) if d.strip()] if dm else []
            if not duties and DUTY_VERB.match(text) and current:
                duties = [text]
            if duties and current:
                add_duties(draft, units[current], block, duties)
                # "办公室负责a；b；c。" / "负责a；决定b；向X报告c。": later clauses run on to the full stop
                run_on = (dm or subject or duties == [text]) and sentence.rstrip().endswith(("；", ";"))
                listing = current if run_on else None
        if led and TRAILING_DUTY_INTRO.search(block.text.strip()):
            run = (units[led], None)  # "（3）X组：组长由…担任。职责：" then "①a；②b" on the next line
        elif current and TRAILING_DUTY_INTRO.search(block.text.strip()):
            duty_list = current
    add_set_up_duties(draft, units, set_up_duties)
    chart_parents(
        draft, [b for b in blocks if outline.block_skeleton[b.paragraph] == "组织机构及职责"], units, aliases
    )
