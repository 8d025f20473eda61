"""Base class for graph entities.

Every entity has a string ``id`` unique within its label. References to other entities are
plain id fields (``town``, ``enterprise_id`` …); ``graph/schema.py`` declares which reference
becomes which relationship, so the domain core stays free of graph concerns.
Timestamps are epoch milliseconds (portable across Neo4j and FalkorDB).
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field

# Jiangyin lies around 31.7–32.0 N, 120.0–120.6 E; a generous box catches swapped or foreign coordinates.
JIANGYIN_LAT = (31.60, 32.05)
JIANGYIN_LON = (119.95, 120.65)

Latitude = Annotated[float, Field(ge=JIANGYIN_LAT[0], le=JIANGYIN_LAT[1])]
Longitude = Annotated[float, Field(ge=JIANGYIN_LON[0], le=JIANGYIN_LON[1])]
EpochMs = Annotated[int, Field(ge=0)]
NonEmpty = Annotated[str, Field(min_length=1, max_length=500)]


class Entity(BaseModel):
    """A node of the safety graph."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)
    label: ClassVar[str] = "Entity"

    id: NonEmpty


class Located(Entity):
    lat: Latitude
    lon: Longitude
