"""Post cards (岗位应急处置卡): a 现场处置方案 often gives each post one small two-column table instead of
a roles table. Rows are labels and texts: 岗位 / 应急职责 / 处置要点 / 应急联系, or 风险提示 / 处置程序 /
注意事项 / 报告电话. The card names its post in a 岗位 row, in a merged title row ("岗位应急处置卡（电工）",
"电工应急处置卡") or in the heading or bold line just above it ("（二）电工应急处置卡").

What a card says the post does (职责 / 处置 / 程序 / 步骤 / 要点 rows) are the duties of that post's role
in the organisation; its contact row ("班长：138…；急救：120") holds contacts, one per number; risk and
caution rows are neither. The post is matched to the role it holds ("组长由车间主任担任" → the 车间主任
card is the 组长's), or to a member listing ("组员为电工、焊工和安全员" splits into one role per post).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from plans.draft import PlanDraft
from plans.rules_contacts import contact_before, text_phones
from plans.rules_meta import strip_number
from plans.structure import Block, caption_rows

_CARD = re.compile(r"处置卡|应急卡")
_POST_KEY = re.compile(r"^(?:岗位|岗位名称|适用岗位|应急岗位|职务)$")
_DUTY_KEY = re.compile(r"职责|处置|程序|步骤|措施|要点|任务|行动")
_CONTACT_KEY = re.compile(r"联系|联络|电话|通讯|号码")
_MAX_KEY = 8
# Posts several people hold: a listing of them ("成员为A、B和C") is one role per post once each has a card
SHARED_POSTS = ("成员", "组员", "队员")
# Items inside a cell: "1.a；2.b", "①a②b"
_ITEM_SPLIT = re.compile(r"[；;]|(?=[①-⑳])|\n")


@dataclass(frozen=True)
class Card:
    title: str | None  # the merged title row, if any
    rows: list[tuple[str, str]]  # (label, text) below it

    def post(self, label: str | None) -> str | None:
        """The post the card is for: its 岗位 row, else its title, else the heading above it."""
        named = next((text for key, text in self.rows if _POST_KEY.match(key)), None)
        return named or post_of(self.title or "") or post_of(label or "")


def card_grid(cells: list[list[str]]) -> Card | None:
    """A grid of short labels and texts with at least one duty row (a card, if something names its
    post); None for any other table."""
    skip = caption_rows(cells)
    grid = [row for row in cells[skip:] if any(c.strip() for c in row)]
    if not grid or any(len(row) != 2 for row in grid):
        return None
    rows = [(re.sub(r"\s+", "", key), text.strip()) for key, text in grid]
    if not all(0 < len(key) <= _MAX_KEY and not re.search(r"[，。；,;]", key) for key, _ in rows):
        return None
    if not any(_DUTY_KEY.search(key) and not _POST_KEY.match(key) for key, _ in rows):
        return None  # a 岗位 | 职责 header over one row per post is a roles table, not a card
    title = next((c.strip() for c in cells[0] if c.strip()), None) if skip else None
    return Card(title, rows)


def named_card(cells: list[list[str]]) -> Card | None:
    """A card that names its own post (a 岗位 row or a 处置卡 title): kept as a grid, never read as text."""
    card = card_grid(cells)
    if card is None:
        return None
    titled = bool(card.title and _CARD.search(card.title))
    return card if titled or any(_POST_KEY.match(key) for key, _ in card.rows) else None


def post_of(title: str) -> str | None:
    """ "岗位应急处置卡（行车工）" / "（二）电工应急处置卡" / "应急处置卡——电工" → the post; None if no card."""
    title = re.sub(r"\s+", "", strip_number(title))
    if not _CARD.search(title) or len(title) > 30:
        return None
    after = re.search(r"(?:[（(]([^）)]{2,20})[)）]|[—\-－:：]+([^—\-－:：]{2,20}))$", title)
    if after:
        return after.group(1) or after.group(2)
    before = re.match(r"^(.{2,20}?)(?:岗位)?(?:现场)?(?:应急)?处置卡", title)
    post = before.group(1) if before else None
    return post if post and not re.fullmatch(r"岗位|应急|现场", post) else None


def listed_post(draft: PlanDraft, index: int, post: str, paragraph: int) -> dict[str, Any] | None:
    """The role of ``post`` in a member listing of unit ``index`` ("组员为A、B和C"), after splitting the
    listing into one role per post; None when no listing names it."""
    roles: list[dict[str, Any]] = draft.data["org_units"][index]["roles"]
    split = next((r for r in roles if r["title"] in SHARED_POSTS and r["holder"] == post), None)
    if split is not None:  # a listing split by an earlier row or card
        return split
    for role in list(roles):
        if role["title"] not in SHARED_POSTS or not role["holder"]:
            continue
        pieces = [p.strip() for p in re.split(r"[、，,和及与]", role["holder"]) if p.strip()]
        named = _piece_of(pieces, post)
        if named is None or len(pieces) < 2:
            continue
        role["holder"] = pieces[0]
        draft.cite(f"/org_units/{index}/roles/{roles.index(role)}/holder", paragraph, confidence=0.8)
        for piece in pieces[1:]:
            roles.append({"title": role["title"], "holder": piece, "duties": []})
            draft.cite(f"/org_units/{index}/roles/{len(roles) - 1}", paragraph, confidence=0.8)
        return next(r for r in roles if r["title"] == role["title"] and r["holder"] == named)
    return None


def _piece_of(pieces: list[str], post: str) -> str | None:
    """The listed post a card or row names: as written, or with the shift word the listing put before
    it ("当班司炉工、维修电工和安全员为组员" and a 司炉工 card)."""
    if post in pieces:
        return post
    return next((p for p in pieces if re.fullmatch(rf"(?:当班|值班|在岗|现场|各){re.escape(post)}", p)), None)


def held_role(draft: PlanDraft, post: str, paragraph: int) -> tuple[int, dict[str, Any]] | None:
    """(unit index, role) the organisation gave the post: the role it holds, else a member listing
    naming it (split into a role of its own)."""
    units: list[dict[str, Any]] = draft.data["org_units"]
    for index, unit in enumerate(units):
        held = next((r for r in unit["roles"] if r["holder"] == post), None)
        if held:
            return index, held
    for index in range(len(units)):
        split = listed_post(draft, index, post, paragraph)
        if split:
            return index, split
    return None


def _role_for(draft: PlanDraft, post: str, block: Block) -> tuple[int, dict[str, Any]] | None:
    """(unit index, role) of the post: the role it holds, a listing naming it, a role so titled, else a
    new 成员 role of the unit that lists members (the first unit when none does)."""
    found = held_role(draft, post, block.paragraph)
    if found:
        return found
    units: list[dict[str, Any]] = draft.data["org_units"]
    for index, unit in enumerate(units):
        titled = next((r for r in unit["roles"] if r["title"] == post), None)
        if titled:
            return index, titled
    if not units:
        return None
    index = next((i for i, u in enumerate(units) if any(r["title"] in SHARED_POSTS for r in u["roles"])), 0)
    title = next((r["title"] for r in units[index]["roles"] if r["title"] in SHARED_POSTS), "成员")
    units[index]["roles"].append({"title": title, "holder": post, "duties": []})
    draft.cite(f"/org_units/{index}/roles/{len(units[index]['roles']) - 1}", block.paragraph, confidence=0.75)
    return index, units[index]["roles"][-1]


def items(text: str) -> list[str]:
    out = [strip_number(p.strip()).strip().rstrip("。；;") for p in _ITEM_SPLIT.split(text)]
    return [re.sub(r"^[①-⑳]\s*", "", p) for p in out if p]


def extract_post_cards(draft: PlanDraft) -> None:
    """Duties and contacts of every post card (after the organisation rules: the roles exist)."""
    label: str | None = None  # the heading or bold line just above: it may name the card's post
    known = {c["phone"] for c in draft.data["contacts"]}
    for block in draft.blocks:
        if block.kind != "table" or not block.cells:
            short = block.kind != "table" and len(block.text.strip()) <= 30
            label = block.text if short and (block.kind == "heading" or _CARD.search(block.text)) else label
            continue
        card, above, label = card_grid(block.cells), label, None
        post = card.post(above) if card else None
        if card is None or post is None:
            continue
        found = _role_for(draft, post, block)
        for key, text in card.rows:
            if found and _DUTY_KEY.search(key) and not _POST_KEY.match(key):
                index, role = found
                n = draft.data["org_units"][index]["roles"].index(role)
                for duty in items(text):
                    if duty not in role["duties"]:
                        role["duties"].append(duty)
                        s, e = draft.span(block.paragraph, duty)
                        at = f"/org_units/{index}/roles/{n}/duties/{len(role['duties']) - 1}"
                        draft.cite(at, block.paragraph, s, e, confidence=0.8)
            if _CONTACT_KEY.search(key):
                # a card's contact row spaces mobiles for reading as often as running text does
                for number, start, _ in text_phones(text):
                    if number in known:
                        continue
                    known.add(number)
                    clause = re.split(r"[；;，,\n]", text[:start])[-1]
                    contact = {**contact_before(clause), "phone": number}
                    if not any(contact[k] for k in ("name", "role", "org")):
                        contact["role"] = (
                            post  # a bare number in the card's 联系电话 row: the post's own line
                        )
                    s, e = draft.span(block.paragraph, number)
                    draft.add("contacts", contact, block.paragraph, s, e, confidence=0.75)
