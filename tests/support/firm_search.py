"""A few firms behind the repository's enterprise search, for name-resolution unit tests: substring
search, no scope applied (the tests say who asks)."""

from __future__ import annotations

from dataclasses import dataclass

from agents.chat.resolve import resolve_enterprise
from core.scope import DataScope


@dataclass
class Firm:
    uscc: str
    name: str
    town: str = "青阳镇"
    lat: float = 31.8
    lon: float = 120.3


@dataclass
class Page:
    items: list[Firm]


class FirmRepository:
    def __init__(self, firms: list[Firm]) -> None:
        self.firms = firms

    def search_enterprises(self, scope: DataScope, *, q_text: str | None = None, size: int = 20) -> Page:
        return Page([f for f in self.firms if q_text and q_text in f.name][:size])


def resolved_id(said: str, firms: list[Firm]) -> str | None:
    found = resolve_enterprise(said, DataScope(), FirmRepository(firms), None, fuzzy=False)  # type: ignore[arg-type]
    return found.id if found else None
