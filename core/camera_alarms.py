"""A video alarm comes from an algorithm its camera runs.

A camera lists the alarm types it detects (``Camera.algorithms``, ``core.vocab.EventType`` values).
An alarm from the video source naming a camera that does not run its type came from a wrong camera
id or a mistyped type; it was loaded and counted under that camera. A camera with no algorithms
listed says nothing about what it runs, and other sources (IoT, manual reports) may name a camera
they were seen on.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.vocab import EventSource


def alarm_not_run_reason(
    event_type: str, source: str, camera_id: str, algorithms: Sequence[str]
) -> str | None:
    """The Chinese reason a video alarm does not fit its camera, or None when it does."""
    if source != EventSource.VIDEO_ALGORITHM or not algorithms or event_type in algorithms:
        return None
    return f"摄像头“{camera_id}”未配置“{event_type}”算法（已配置：{'、'.join(algorithms)}）"
