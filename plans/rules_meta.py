"""Rules for the cover and 总则: title, plan type, issuing unit, version, date, purpose, scope, basis,
accident types. Pure functions over blocks; each writes values with their source into a ``PlanDraft``.
"""

from __future__ import annotations

import re

from agents.llm.vocab import normalise_date
from core.plan_document import PlanType
from core.vocab import ACCIDENT_TYPE_NON_WORDS, ACCIDENT_TYPE_SYNONYMS, AccidentType
from plans.draft import PlanDraft
from plans.sections import Outline
from plans.structure import Block, split_number

_COVER_BLOCKS = 25  # the cover and front matter come before the first numbered heading, within this
_TITLE = re.compile(r"(预案|处置方案|应急方案)")
# "单位名称：江阴市澄北粮食储备库有限公司": a 现场处置方案 filled into a form names its firm in the first row
_UNIT_LABEL = re.compile(
    r"(?:(?:编制|发布|印发|制定|主编|颁布)(?:单位|部门|机关)|^\s*(?:单位|企业|公司)名称)\s*[:：]\s*(\S.{1,40})"
)
_UNIT_LINE = re.compile(
    # a hospital or a school issues its own plan too ("江阴市澄南医院", "江阴市青阳中学")
    r"^[\u4e00-\u9fff（）()]{2,40}(?:人民政府|办事处|委员会|局|厅|委|中心|有限责任公司|有限公司|集团|公司|厂|指挥部|办公室"
    r"|医院|卫生院|学校|中学|小学|幼儿园|学院|大学|管理处)$"
)
_SUB_UNIT_LINE = re.compile(
    # "江阴澄能燃气有限公司青阳供应站": the branch may follow its company with no space between
    r"^\S{2,30}(?:有限责任公司|有限公司|集团|人民政府)\s*\S{2,12}(?:车间|部|科|站|队|中心|分厂|办公室)$"
)
_VERSION_LABEL = re.compile(r"(?:版本号?|版次)\s*[:：]\s*([^\s，。；]{1,20})")
_VERSION_INLINE = re.compile(
    r"[（(]?(\d{4}\s*年?(?:修订|修正)?版|修订版|试行|第[一二三四五六七八九十\d]+版|[Vv]\d+(?:\.\d+)*)[）)]?"
)
_DATE = r"((?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月(?:\s*[\d一二三四五六七八九十]{1,3}\s*[日号])?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})"
_DATE_LABEL = re.compile(rf"(?:发布|印发|签发|实施|编制|生效|颁布)(?:日期|时间)\s*[:：]\s*{_DATE}")
_DATE_ALONE = re.compile(rf"^{_DATE}\s*(?:发布|印发|实施)?$")
_DATE_ISSUED = re.compile(rf"{_DATE}\s*(?:发布|印发|签发|颁布)")  # "江阴市人民政府办公室　2024年5月20日印发"
_UNIT_THEN_DATE = re.compile(rf"^(\S{{2,40}}?)\s+{_DATE}\s*(?:发布|印发|颁布|实施)?$")
_LEADING_VERSION = re.compile(r"^[（(]?(?:第[一二三四五六七八九十\d]+版|[Vv]\d+(?:\.\d+)*)[）)]?\s+")
_BOOK = re.compile(r"《[^》]{2,60}》")
# "本预案为部门预案" / "本预案属于专项应急预案": the plan says what it is (but not "是《…专项预案》的配套预案")
_DECLARED_TYPE = re.compile(r"本预案(?:为|是|属于|系)[^，。；《]{0,10}?(总体|综合|专项|部门)(?:应急)?预案")


# A plan titled after the department that owns it ("江阴市市场监督管理局特种设备事故应急预案") is a 部门 plan;
# a government, 管委会 or company title is not
_DEPARTMENT_TITLE = re.compile(
    r"^[\u4e00-\u9fff]{2,16}?(?:局|(?<!管理)委员会|委|支队|大队)(?=[\u4e00-\u9fff]{4,})"
)
_NOT_DEPARTMENT = re.compile(
    r"人民政府|办事处|管委会|管理委员会|村民委员会|居民委员会|村委会|居委会|公司|集团|厂"
)
# "本预案适用于…" / "第二条　本方案适用于…" without an 适用范围 heading
_SCOPE_SENTENCE = re.compile(r"^本(?:预案|方案)(?:适用于|适用范围)")


def front_matter(blocks: list[Block]) -> list[Block]:
    """Blocks before the first numbered heading (the cover), at most ``_COVER_BLOCKS``."""
    out = []
    for block in blocks[:_COVER_BLOCKS]:
        if block.kind == "heading" and block.number:
            break
        out.append(block)
    return out


def find_title(blocks: list[Block]) -> Block | None:
    for block in front_matter(blocks) or blocks[:3]:
        text = block.text.strip()
        if _TITLE.search(text) and len(text) <= 60 and not text.startswith(("编制", "依据", "根据")):
            if block.kind == "table" or "：" in text or ":" in text:
                continue
            return block
    return None


# "…燃气事故应急预案" / "…地质灾害应急预案": a plan named after one kind of accident or disaster is a
# special plan even when the kind is outside the vocabulary; "生产安全事故" / "突发事件" name them all
_TOPIC_TITLE = re.compile(r"(?<!生产安全)(?<!安全生产)(?<!突发)(?:事故|灾害|事件)(?:应急|救援)+预案$")
# "江阴市工贸行业生产安全事故应急预案": production-safety accidents of one sector are a topic too
_SECTOR_TITLE = re.compile(r"(?:行业|领域)(?:企业)?(?:生产安全|安全生产)事故(?:应急|救援)+预案$")
# "璜土镇森林防火应急预案", "X村防汛防台应急预案": a plan against one hazard names it by the prevention
# work (防火 / 防汛 / 消防) rather than the accident, and is a 专项 plan all the same
_PREVENTION_TITLE = re.compile(r"(?:防火|防汛|防台|防洪|防风|抗旱|防震|防治|消防)(?:工作)?(?:应急|救援)+预案")
# "澄北人民医院大规模伤员医疗救治应急预案", "X公司燃气管网抢修应急预案": a plan for one kind of work on one kind of
# emergency (treating casualties, repairing a network) names the work instead of the accident: 专项 as well
_WORK_TITLE = re.compile(
    r"(?:伤员|伤病员|医疗救治|医疗救援|抢修|抢险)[\u4e00-\u9fff]{0,6}?(?:应急|救援)+预案$"
)


# "X公司生产安全事故应急预案", "X工程项目部 / X工程施工现场生产安全事故应急预案": a company's, or a builder's for its
# site, comprehensive plan, even when the site's name carries an accident word (施工现场 names 建筑施工)
_OWN_SAFETY_TITLE = re.compile(r"(?:公司|集团|厂|项目部|施工现场)生产安全事故(?:应急|救援)+预案$")


def accident_type_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, AccidentType value) of each accident word in ``text``; the longest word wins
    (粉尘爆炸 is not also 爆炸) and words that only contain a synonym (可燃气体) name nothing."""
    taken = [(m.start(), m.end()) for w in ACCIDENT_TYPE_NON_WORDS for m in re.finditer(w, text)]
    spans: list[tuple[int, int, str]] = []
    for word in sorted(ACCIDENT_TYPE_SYNONYMS, key=len, reverse=True):
        for m in re.finditer(re.escape(word), text):
            if not any(s <= m.start() < e for s, e in taken):
                taken.append((m.start(), m.end()))
                spans.append((m.start(), m.end(), ACCIDENT_TYPE_SYNONYMS[word]))
    return sorted(spans)


def plan_type_of(title: str) -> tuple[PlanType, float]:
    if "现场处置方案" in title or "处置方案" in title:
        return "现场处置方案", 0.95
    if re.search(r"总体应急预案|综合应急预案|总体预案|综合预案", title):
        return "总体", 0.95
    if "部门" in title:
        return "部门", 0.9
    department = _DEPARTMENT_TITLE.match(title)
    if department and not _NOT_DEPARTMENT.search(department.group(0)):
        return "部门", 0.85
    if "专项" in title:
        return "专项", 0.95
    if _OWN_SAFETY_TITLE.search(title):
        return "总体", 0.6
    if any(
        p.search(title) for p in (_TOPIC_TITLE, _SECTOR_TITLE, _PREVENTION_TITLE, _WORK_TITLE)
    ) or accident_type_spans(title):
        return "专项", 0.7  # a topic plan ("…危险化学品事故应急预案") without the word 专项
    # "X镇生产安全事故应急预案": a government's plan for one kind of emergency, not its overall plan (a
    # company's 生产安全事故应急预案 is its comprehensive plan)
    if "生产安全事故" in title and not re.search(r"公司|集团|厂", title.split("生产安全事故")[0]):
        return "专项", 0.6
    return "总体", 0.4


def extract_meta(draft: PlanDraft, outline: Outline) -> Block | None:
    """Cover fields; returns the title block (``None`` if the document has no plan title)."""
    blocks = draft.blocks
    title = find_title(blocks)
    if title is not None:
        draft.set("title", title.text.strip(), title.paragraph, confidence=0.95)
        plan_type, confidence = plan_type_of(title.text)
        draft.set("plan_type", plan_type, title.paragraph, confidence=confidence)
    if title is None or plan_type_of(title.text)[1] < 0.95:  # the title did not say: the text may
        _declared_type(draft, blocks)
    cover = front_matter(blocks)
    _issuing_unit(draft, cover, title)
    if title is not None and plan_type_of(title.text) == ("专项", 0.7):
        _department_plan(draft, title)
    _version(draft, cover, title)
    _issued_at(draft, cover)
    _general(draft, outline)
    _accident_types(draft, outline, title)
    return title


# A department (局 / 委 / 办) issuing a topic plan of its own sector ("江阴市建设工程施工安全事故应急预案"
# from 住房和城乡建设局) makes a 部门 plan; a government office (人民政府办公室) issues on the government's behalf
_DEPARTMENT_UNIT = re.compile(r"(?:局|(?<!管理)委员会|委|办)$")


def _department_plan(draft: PlanDraft, title: Block) -> None:
    typed = [ref for ref in draft.sources if ref.field == "/plan_type"]
    unit = [ref for ref in draft.sources if ref.field == "/issuing_unit"]
    issuer = draft.data["issuing_unit"]
    if not typed or typed[-1].paragraph != title.paragraph or not unit:
        return  # the text declared the type
    if _DEPARTMENT_UNIT.search(issuer) and not _NOT_DEPARTMENT.search(issuer):
        draft.set("plan_type", "部门", unit[-1].paragraph, unit[-1].start, unit[-1].end, confidence=0.75)


def _declared_type(draft: PlanDraft, blocks: list[Block]) -> None:
    for block in blocks[:60]:  # 总则 comes early
        m = _DECLARED_TYPE.search(block.text)
        if m:
            kind = "总体" if m.group(1) == "综合" else m.group(1)
            draft.set("plan_type", kind, block.paragraph, m.start(1), m.end(1), confidence=0.9)
            return


def _issuing_unit(draft: PlanDraft, cover: list[Block], title: Block | None) -> None:
    for block in cover:
        m = _UNIT_LABEL.search(block.text)
        if m:
            value = re.split(r"[\s，,。；]", m.group(1).strip())[0]
            draft.set(
                "issuing_unit", value, block.paragraph, m.start(1), m.start(1) + len(value), confidence=0.95
            )
            return
    for block in cover:
        m = _UNIT_THEN_DATE.match(block.text.strip())
        if m and block is not title and _UNIT_LINE.match(m.group(1)):
            draft.set("issuing_unit", m.group(1), block.paragraph, m.start(1), m.end(1), confidence=0.85)
            return
    for block in cover:
        joined = re.sub(r"\s+", "", block.text)  # "江苏临江新材料科技有限公司　储运车间"
        if block is not title and (_UNIT_LINE.match(joined) or _SUB_UNIT_LINE.match(block.text.strip())):
            draft.set("issuing_unit", joined, block.paragraph, confidence=0.7)
            return
    if title is not None:
        m = re.match(r"^(.{2,30}?(?:有限责任公司|有限公司|集团|人民政府|办事处|管理委员会))", title.text)
        if m:
            draft.set("issuing_unit", m.group(1), title.paragraph, 0, len(m.group(1)), confidence=0.6)


def _version(draft: PlanDraft, cover: list[Block], title: Block | None) -> None:
    for block in cover:
        m = _VERSION_LABEL.search(block.text)
        if m:
            draft.set("version", m.group(1), block.paragraph, m.start(1), m.end(1), confidence=0.95)
            return
    for block in [b for b in (title, *cover) if b is not None]:
        m = _VERSION_INLINE.search(block.text)
        if m:
            draft.set(
                "version", m.group(1).replace(" ", ""), block.paragraph, m.start(1), m.end(1), confidence=0.7
            )
            return


def _issued_at(draft: PlanDraft, cover: list[Block]) -> None:
    for pattern, confidence in ((_DATE_LABEL, 0.95), (_DATE_ISSUED, 0.85), (_DATE_ALONE, 0.7)):
        for block in cover:
            # "第2版　　2025年9月15日": the version before the date on one cover line
            m = pattern.search(_LEADING_VERSION.sub("", block.text.strip()))
            if m:
                iso = normalise_date(m.group(1).replace(" ", ""))
                if iso and len(iso) == 10:
                    draft.set("issued_at", iso, block.paragraph, confidence=confidence)
                    return


def _section_blocks(draft: PlanDraft, outline: Outline, path: str) -> list[Block]:
    return [b for b in draft.blocks if outline.block_skeleton[b.paragraph] == path and b.kind != "heading"]


def _general(draft: PlanDraft, outline: Outline) -> None:
    for key, path in (("purpose", "总则/目的"), ("scope", "总则/适用范围")):
        body = _section_blocks(draft, outline, path)
        if body:
            draft.set(key, body[0].text.strip(), body[0].paragraph, confidence=0.9, method="structure")
    scope = None if draft.data["scope"] else _scope_sentence(draft)
    if scope is not None:
        text = strip_number(scope.text)
        start = scope.text.find(text)
        draft.set("scope", text, scope.paragraph, start, start + len(text), confidence=0.8)
    inner = None if draft.data["scope"] else _scope_inside(draft)
    if inner is not None:  # "…可造成人员中毒。本方案适用于…的现场处置。": the sentence, in a paragraph
        block, m = inner
        draft.set("scope", m.group(1), block.paragraph, m.start(1), m.end(1), confidence=0.75)
    seen: set[str] = set()
    for block in _section_blocks(draft, outline, "总则/编制依据"):
        for m in _BOOK.finditer(block.text):
            if m.group() not in seen:
                seen.add(m.group())
                draft.add("basis", m.group(), block.paragraph, m.start(), m.end(), confidence=0.95)


def _scope_sentence(draft: PlanDraft) -> Block | None:
    """The first paragraph that says what the plan applies to, where no heading announces it."""
    # a heading is no scope ("本预案适用于哪些情况" is a question over the answer that is)
    return next(
        (
            b
            for b in draft.blocks[:80]
            if b.kind not in ("table", "heading") and _SCOPE_SENTENCE.match(strip_number(b.text))
        ),
        None,
    )


_SCOPE_INSIDE = re.compile(r"(?:^|(?<=[。；;]))\s*(本(?:预案|方案)适用于[^。]{4,200}。?)")


def _scope_inside(draft: PlanDraft) -> tuple[Block, re.Match[str]] | None:
    """The "本方案适用于…。" sentence inside a longer paragraph (a risk description, an overview)."""
    for block in draft.blocks[:80]:
        m = _SCOPE_INSIDE.search(block.text) if block.kind == "paragraph" else None
        if m:
            return block, m
    return None


# A scope sentence that hands accidents to other plans names no type of this one: "本预案不适用于…道路
# 交通事故", "…等事故的应对，按照有关专项应急预案执行", "…按《…应急预案》处置".
_NOT_COVERED = re.compile(r"不适用|不包括|不含|除外|另行制定|不在本(?:预案|方案)|不属于本(?:预案|方案)")
_HANDED_OVER = re.compile(
    r"(?:按|按照|依照|依据)[^。；;]{0,40}?(?:预案|制度|规定|办法)[^。；;]{0,6}?(?:执行|处置|处理|办理)"
)


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of ``text`` that leaves accidents to other plans: a sentence that
    hands them over ("…等事故，按照有关预案执行"), or from the clause that says "不含 / 不适用" to the end
    of its sentence ("本预案适用于触电事故，不含道路交通事故": 触电 stays)."""
    out = []
    for m in re.finditer(r"[^。；;]+[。；;]?", text):
        sentence = m.group(0)
        hands_over = _HANDED_OVER.search(sentence) and not re.search(r"本(?:预案|方案)", sentence)
        negated = _NOT_COVERED.search(sentence)
        if hands_over:
            out.append((m.start(), m.end()))
        elif negated:
            clause = max(sentence.rfind("，", 0, negated.start()), sentence.rfind(",", 0, negated.start()))
            out.append((m.start() + clause + 1, m.end()))
    # "适用于除道路交通事故以外的生产安全事故": only the words between 除 and 外 are left out
    out += [
        (e.start(), e.end())
        for e in re.finditer(r"除[^，,。；;]{1,30}(?:以|之)外|除[^，,。；;]{1,30}?外", text)
    ]
    return out


# after a type in the purpose: the rest of its clause calls it an accident ("火灾、爆炸事故的应急处置")
_NAMES_ACCIDENT = re.compile(r"[^，,。；;]*?事故")


def _accident_types(draft: PlanDraft, outline: Outline, title: Block | None) -> None:
    """Types named in the title, the scope, the purpose and, for a 现场处置方案, the risk description (first 风险
    section). A 综合 / 专项 plan's risk description lists every hazard on the site (有限空间, 高处坠落 in a
    危化 firm's overview) while its scope says which accidents the plan answers."""
    candidates = [title] if title is not None else []
    scope = _section_blocks(draft, outline, "总则/适用范围")[:1] or [b for b in [_scope_sentence(draft)] if b]
    onsite = draft.data["plan_type"] == "现场处置方案"
    risk = (
        next((s for s in outline.sections if re.search(r"风险", s.heading)), None)
        if onsite or not scope
        else None
    )
    described: list[Block] = []
    if risk is not None:  # its paragraphs, which a PDF may break at a sentence end
        for b in draft.blocks[risk.paragraph + 1 :]:
            if b.kind == "heading":
                break
            if b.kind != "table":
                described.append(b)
    # "为…迅速有效地控制和处置火灾、机械伤害和触电等事故，制定本预案": the purpose names the accidents
    # the plan answers as plainly as the scope does
    purpose = _section_blocks(draft, outline, "总则/目的")[:1]
    for block in candidates + scope + purpose + described[:4]:
        excluded = excluded_spans(block.text)
        for start, end, value in accident_type_spans(block.text):
            if any(s <= start < e for s, e in excluded):
                continue
            if block in purpose and block not in scope and not _NAMES_ACCIDENT.match(block.text[end:]):
                continue  # "防止泄漏燃气引发火灾爆炸": a consequence to avoid, not the accident answered
            assert value in {t.value for t in AccidentType}
            if value not in draft.data["accident_types"]:
                draft.add("accident_types", value, block.paragraph, start, end, confidence=0.85)


def strip_number(text: str) -> str:
    numbering = split_number(text)
    return numbering.rest if numbering else text.strip()
