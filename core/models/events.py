"""Events and alerts: video-algorithm alarms, IoT threshold alarms, manual reports."""

from __future__ import annotations

from typing import ClassVar

from core.models.base import EpochMs, Located, NonEmpty
from core.vocab import EventLevel, EventSource, EventStatus, EventType


class Event(Located):
    label: ClassVar[str] = "Event"
    event_type: EventType
    source: EventSource
    level: EventLevel
    status: EventStatus
    occurred_at: EpochMs
    updated_at: EpochMs
    town: NonEmpty
    description: NonEmpty
    enterprise_id: str | None = None
    camera_id: str | None = None
    sensor_id: str | None = None
