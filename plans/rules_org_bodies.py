"""Bodies the organisation rules meet outside the usual "成立…指挥部，下设…" chain (rules_org calls these):

- a body named in a key-value row ("指挥机构：X指挥部（以下简称…）");
- a group whose heading reads like a category ("2.2 现场工作组") but whose text then leads it by name
  ("现场工作组由设备科科长任组长，…"): the heading names that one group;
- a standing body that appears only as the subject of "下设" ("公司安全生产委员会下设事故调查小组（…），…"):
  it is a unit of its own and the parent of what it sets up.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from plans.rules_meta import strip_number
from plans.rules_org_names import UNIT_SUFFIX, canonical, headquarters
from plans.rules_org_patterns import ALIAS, BODY_FIELD
from plans.structure import Block

MakeUnit = Callable[..., int]

# the category word alone ("工作组（由应急指挥部统一调度）" over its groups) never names one group
_CATEGORY_WORD = re.compile(r"(?:工作组|工作小组|小组|专业组|工作专班|专班|各组)")

# "公司安全生产委员会下设…" / "厂安委会设立…": the body before the verb (a company prefix is no part of its name)
_SETTING_BODY = re.compile(
    r"(?:^|[，,])\s*(?:本公司|我公司|全公司|公司|本厂|厂)?([^，,。；;、（()）：:\s]{2,16}?(?:委员会|安委会|领导小组|指挥部|办公室))\s*$"
)
# "指挥部下设…" / "领导小组下设…": the body's kind word alone, as a subject
_BARE_BODY = re.compile(r"(?:^|[，,])\s*(指挥部|领导小组|委员会|安委会)\s*$")
# a paragraph that opens by naming a group and what it is given: "X组由…", "X组组长由…", "X组：…", "X组负责…"
_OPENS_WITH_GROUP = r"\s*(?:由|组长|队长|[:：]|负责|在[^，,。；;]{2,20}?(?:领导|指挥)下)"


def body_field_unit(
    block: Block, units: dict[str, int], aliases: dict[str, str], unit: MakeUnit
) -> str | None:
    """The body a "指挥机构：X指挥部" row names (made a unit, its aliases noted), else None."""
    field = BODY_FIELD.match(block.text.strip())
    named_body = ALIAS.sub("", block.text.strip()[field.end() :]).strip(" 。") if field else ""
    if not field or not UNIT_SUFFIX.search(named_body) or re.search(r"[，,。；;：:]", named_body):
        return None
    name = canonical(named_body, units, aliases) or named_body
    unit(name, block, headquarters(units, name) if units else None)
    for alias in ALIAS.finditer(block.text):
        aliases[alias.group(1)] = name
    return name


def self_named_group(blocks: list[Block], at: int) -> str | None:
    """A heading that reads like a category of groups ("现场工作组", "应急工作组") names one group when
    the first paragraph under it leads that group by the same words."""
    title = strip_number(blocks[at].text).strip()
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,12}(?:组|专班)", title) or _CATEGORY_WORD.fullmatch(title):
        return None
    following = next((b for b in blocks[at + 1 :] if b.text.strip()), None)
    if following is None or following.kind == "heading":
        return None
    body = strip_number(following.text).strip()
    return title if re.match(re.escape(title) + _OPENS_WITH_GROUP, body) else None


def setting_body(
    before_verb: str, block: Block, units: dict[str, int], aliases: dict[str, str], unit: MakeUnit
) -> str | None:
    """The standing body named first as the subject of "下设" (``before_verb`` is the sentence up to
    the verb): made a unit without a parent; a body already known is returned as it is."""
    # "委员会下设…" sets up a body under it; "卫生健康委员会成立…领导小组" is the issuer founding its plan's body
    verb = re.search(r"(?:下设|另设)$", before_verb.strip())
    m = _SETTING_BODY.search(before_verb.strip()[: verb.start()]) if verb else None
    if verb and m is None:  # "指挥部下设A、B和C": the short name of the body already set up, not its office
        bare = _BARE_BODY.search(before_verb.strip()[: verb.start()])
        return _known_body(bare.group(1), units) if bare else None
    known = canonical(m.group(1), units, aliases) if m else None
    if not m or known:  # "应急办公室下设A组、B组": a body already set up is the parent of what it sets up
        return known

    unit(m.group(1), block, None)
    return m.group(1)


def _known_body(word: str, units: dict[str, int]) -> str | None:
    """The one known unit a bare "指挥部" names: it ends with the word and is no office or on-site post
    of it ("指挥部办公室" contains the word too, but "指挥部下设…" never means the office)."""
    bodies = [u for u in units if u.endswith(word) and not u.startswith("现场")]
    return bodies[0] if len(bodies) == 1 else None


# "下设抢险救援组和医疗警戒组": the bodies listed after the first one that a 下设 / 设立 / 成立 clause sets up
_SIBLING = re.compile(
    r"(?:、|和|及|以及)([^，,。；;、（(：:由的和及等各]{2,20}?(?:工作组|小组|专班|组|队))(?![长员织建成])"
)

_COUNTED = re.compile(r"^(?:以下|下列|如下|若干|相应|有关|各|\d+\s*个|[一二三四五六七八九十两]+个)")


def listed_siblings(
    text: str, end: int, units: dict[str, int] | None = None, aliases: dict[str, str] | None = None
) -> list[tuple[str, int, int]]:
    """The bodies not yet known (``units`` / ``aliases``) joined by 、/和/及 to the one that ends at ``end`` in
    ``text``, with their spans; none when the list runs on into something else ("下设A和B等工作组")."""
    out: list[tuple[str, int, int]] = []
    while m := _SIBLING.match(text, end):
        if _COUNTED.match(m.group(1)):  # "下设应急办公室和五个应急救援小组": a count, not a name
            return []
        out.append((m.group(1), m.start(1), m.end(1)))
        end = m.end()
    if not out or not re.match(r"\s*(?:[，,。；;：:]|$)", text[end:]):
        return []
    return [s for s in out if canonical(s[0], units or {}, aliases or {}) is None]
