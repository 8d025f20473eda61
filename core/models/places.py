"""Administrative geography: towns/streets and their villages/communities."""

from __future__ import annotations

from typing import ClassVar

from core.models.base import Entity, Latitude, Longitude, NonEmpty
from core.vocab import TownKind


class Town(Entity):
    """镇 / 街道 / 开发区. ``id`` is the Chinese name, which is unique within Jiangyin."""

    label: ClassVar[str] = "Town"
    name: NonEmpty
    kind: TownKind
    lat: Latitude
    lon: Longitude
    population: int = 0


class Village(Entity):
    """村 / 社区 within a town."""

    label: ClassVar[str] = "Village"
    name: NonEmpty
    town: NonEmpty
    lat: Latitude
    lon: Longitude
