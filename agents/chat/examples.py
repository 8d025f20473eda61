"""Example questions the chat offers when it cannot answer, named for the caller's scope.

A town officer was told "可以这样问：澄江街道现在谁值班？…" whatever their town: an example naming
another town teaches a question their scope refuses and names places outside it. ``{town}`` is the
caller's town for a town officer, the town written beside the template for city users; a firm's
users get the examples that name no town.
"""

from __future__ import annotations

from core.scope import DataScope, ScopeLevel

EXAMPLE_TEMPLATES: tuple[tuple[str, str | None], ...] = (
    ("{town}现在谁值班？", "澄江街道"),
    ("{town}有哪些一级重大危险源企业？", "临港"),
    ("逾期未整改的重大隐患有哪些？", None),
    ("今天有哪些动火作业？", None),
    ("离{town}最近的危化救援队？", "华士镇"),
)


def chat_examples(scope: DataScope | None = None) -> tuple[str, ...]:
    scope = scope or DataScope()
    out = []
    for template, city_town in EXAMPLE_TEMPLATES:
        if city_town is None:
            out.append(template)
        elif scope.level is ScopeLevel.TOWN:
            out.append(template.format(town=scope.town))
        elif scope.level is ScopeLevel.CITY:
            out.append(template.format(town=city_town))
    return tuple(out)


EXAMPLES = chat_examples()
