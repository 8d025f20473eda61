"""Contact lines written with the number first: "139…（安全员　许东）", "0510-…　门卫室（24小时）",
"0510-…　镇应急管理办公室". ``plans.rules_contacts`` reads who a number reaches from the words before
it; on such a line nothing precedes the number, so the words after it (up to the line's end or the next
number) name the person, the post or the place."""

from __future__ import annotations

import re

from plans.draft import PlanDraft
from plans.rules_contacts import text_phones, unit_or_role

# "（安全员　许东）" / "（许东）": a post and a name in the bracket after the number
_POST_THEN_NAME = re.compile(r"^[（(]\s*([\u4e00-\u9fff]{2,12}?)[\s\u3000]+([\u4e00-\u9fff]{2,3})\s*[)）]")
_NAME_ONLY = re.compile(r"^[（(]\s*([\u4e00-\u9fff]{2,3})\s*[)）]")
# a note in brackets after a place ("（24小时）", "（夜间）") says when it answers, it is not its name
_NOTE = re.compile(r"[（(][^)）]{0,12}[)）]")


def contact_after(after: str) -> dict[str, str] | None:
    """name / role / org from the words that follow a number at the start of a line."""
    after = after.strip(" \u3000\t:：")
    bracketed = _POST_THEN_NAME.match(after)
    if bracketed:
        return {"name": bracketed.group(2), "role": bracketed.group(1), "org": ""}
    named = _NAME_ONLY.match(after)
    if named:
        return {"name": named.group(1), "role": "", "org": ""}
    label = _NOTE.sub("", re.split(r"[，。；;\n]", after)[0]).strip(" \u3000")
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,20}", label):
        return None
    return {"name": "", **unit_or_role(label)}


def fill_number_first_lines(draft: PlanDraft) -> None:
    """Give a contact that the words before its number left empty the words after it."""
    cited = {ref.field: ref for ref in draft.sources}
    for index, contact in enumerate(draft.data["contacts"]):
        if contact.get("name") or contact.get("role") or contact.get("org"):
            continue
        ref = cited.get(f"/contacts/{index}")
        if ref is None or ref.paragraph is None:
            continue
        text = draft.blocks[ref.paragraph].text
        line_start = text.rfind("\n", 0, ref.start) + 1
        if text[line_start : ref.start].strip(" \u3000\t"):
            continue  # words before the number: the earlier rules had their say
        line_end = text.find("\n", ref.end)
        rest = text[ref.end : line_end if line_end >= 0 else len(text)]
        later = [start for _, start, _ in text_phones(rest)]
        found = contact_after(rest[: later[0]] if later else rest)
        if found:
            contact.update(found)
