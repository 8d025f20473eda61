"""Events of the last 90 days, emitted day by day in time order.

Video alarms happen AT generated cameras (their coordinates, town, enterprise) and are of a type
the camera's algorithms detect; IoT alarms come FROM generated sensors whose threshold they break
(offline sensors only alarm before they went silent); manual reports come from enterprises.
Recent events are more often still 待研判.
"""

from __future__ import annotations

import itertools
import random
from array import array
from collections.abc import Iterator
from typing import NamedTuple

from core.models import Entity, Event
from core.vocab import EventLevel as L
from core.vocab import EventSource, EventStatus
from core.vocab import EventType as E
from ingestion.demo.catalog import CAMERA_EVENTS, EVENT_BIT, SENSORS
from ingestion.demo.clock import (
    DAY,
    HOUR,
    MINUTE,
    ROUND_THE_CLOCK,
    WORK_HOURS,
    day_key,
    local,
    local_midnight,
)
from ingestion.demo.facilities import Registry
from ingestion.demo.geography import TOWNS, clamp_to_box
from ingestion.demo.plan import CityPlan

_VIDEO_TEXT = {
    E.SMOKE: "识别到疑似烟雾",
    E.FIRE: "识别到疑似明火",
    E.NO_HELMET: "识别到作业人员未佩戴安全帽",
    E.FIRE_LANE_BLOCKED: "识别到消防通道被占用",
    E.NO_REFLECTIVE_VEST: "识别到作业人员未穿反光衣",
    E.PERSON_INTRUSION: "识别到人员闯入警戒区域",
    E.EBIKE_IN_ELEVATOR: "识别到电动自行车进入电梯",
    E.SMOKING: "识别到作业区域人员吸烟",
}
_VIDEO_W = {
    E.SMOKE: 14,
    E.FIRE: 3,
    E.NO_HELMET: 30,
    E.FIRE_LANE_BLOCKED: 16,
    E.NO_REFLECTIVE_VEST: 10,
    E.PERSON_INTRUSION: 10,
    E.EBIKE_IN_ELEVATOR: 12,
    E.SMOKING: 12,
}
_LEVELS = (L.RED, L.ORANGE, L.YELLOW, L.BLUE)
_VIDEO_LEVEL_W = {
    E.FIRE: (30, 50, 20, 0),
    E.SMOKE: (5, 30, 45, 20),
    E.PERSON_INTRUSION: (0, 20, 50, 30),
    E.FIRE_LANE_BLOCKED: (0, 5, 50, 45),
    E.EBIKE_IN_ELEVATOR: (0, 10, 55, 35),
}
_PPE_LEVEL_W = (0, 3, 30, 67)
_MANUAL: dict[E, tuple[tuple[float, ...], tuple[str, ...]]] = {
    E.MANUAL_LEAK: (
        (15, 40, 35, 10),
        (
            "储罐区阀门法兰处发现物料渗漏",
            "装卸区槽车接口滴漏",
            "车间管道焊缝处有气体泄漏声",
            "仓库内化学品包装桶破损泄漏",
            "制冷机房管道阀门处有刺激性气味",
        ),
    ),
    E.MANUAL_FIRE: (
        (30, 40, 25, 5),
        (
            "车间配电柜冒烟起火",
            "仓库堆垛处发现明火",
            "厂区空地焚烧垃圾引发火情",
            "电动自行车充电时起火",
            "焊接作业火花引燃周边可燃物",
        ),
    ),
    E.MANUAL_INJURY: (
        (5, 30, 50, 15),
        (
            "一名工人被机械设备挤伤手部",
            "高处作业人员坠落受伤",
            "一名员工被叉车撞伤",
            "作业人员被高温物料烫伤",
            "搬运作业时重物砸伤脚部",
        ),
    ),
}
_MANUAL_TYPES = (E.MANUAL_LEAK, E.MANUAL_FIRE, E.MANUAL_INJURY)
_STATUSES = (
    EventStatus.PENDING_REVIEW,
    EventStatus.CONFIRMED,
    EventStatus.FALSE_ALARM,
    EventStatus.DISPATCHED,
    EventStatus.RESOLVED,
)
_AGE_STATUS_W = (
    (2 * HOUR, (75, 12, 8, 5, 0)),
    (DAY, (40, 15, 15, 20, 10)),
    (7 * DAY, (8, 7, 22, 23, 40)),
    (10**15, (1, 2, 25, 4, 68)),
)
_FALSE_FACTOR = {
    EventSource.VIDEO_ALGORITHM: 1.6,
    EventSource.IOT_THRESHOLD: 0.8,
    EventSource.MANUAL_REPORT: 0.15,
}
_UPDATE_DELAY = {
    EventStatus.PENDING_REVIEW: (0, 0),
    EventStatus.CONFIRMED: (2 * MINUTE, HOUR),
    EventStatus.FALSE_ALARM: (2 * MINUTE, 2 * HOUR),
    EventStatus.DISPATCHED: (10 * MINUTE, 6 * HOUR),
    EventStatus.RESOLVED: (HOUR, 3 * DAY),
}
_WORK_CUM = tuple(itertools.accumulate(WORK_HOURS))
_ALL_CUM = tuple(itertools.accumulate(ROUND_THE_CLOCK))
_HOURS = tuple(range(24))
_SOURCES = (EventSource.VIDEO_ALGORITHM, EventSource.IOT_THRESHOLD, EventSource.MANUAL_REPORT)


class _Draft(NamedTuple):
    occurred_at: int
    event_type: E
    source: EventSource
    level: L
    town: str
    description: str
    enterprise_id: str | None
    lat: float
    lon: float
    camera_id: str | None = None
    sensor_id: str | None = None


def _status(rng: random.Random, source: EventSource, age: int) -> EventStatus:
    weights = next(w for limit, w in _AGE_STATUS_W if age < limit)
    f = _FALSE_FACTOR[source]
    return rng.choices(_STATUSES, (weights[0], weights[1], weights[2] * f, weights[3], weights[4]))[0]


class _Day:
    """Draws the events of one local day; returns plain tuples to sort before building models."""

    def __init__(self, rng: random.Random, plan: CityPlan, reg: Registry, alarm_sensors: array[int]) -> None:
        self.rng, self.plan, self.reg, self.alarm_sensors = rng, plan, reg, alarm_sensors

    def moment(self, start: int, cum: tuple[float, ...]) -> int:
        t = start + self.rng.choices(_HOURS, cum_weights=cum)[0] * HOUR + self.rng.randrange(HOUR)
        now = self.plan.now_ms
        return t if t < now else start + self.rng.randrange(max(1, now - start))

    def video(self, start: int) -> _Draft:
        rng, reg = self.rng, self.reg
        t = self.moment(start, _WORK_CUM)
        for _ in range(6):
            n = rng.randrange(len(reg.cam_ent))
            if reg.cam_online[n] or self.plan.now_ms - t > 2 * DAY:
                break
        mask = reg.camera_spot(n)[1]
        types = [e for e in CAMERA_EVENTS if mask & EVENT_BIT[e]]
        etype = rng.choices(types, [_VIDEO_W[e] for e in types])[0]
        level = rng.choices(_LEVELS, _VIDEO_LEVEL_W.get(etype, _PPE_LEVEL_W))[0]
        ent = reg.cam_ent[n]
        return _Draft(
            t,
            etype,
            EventSource.VIDEO_ALGORITHM,
            level,
            TOWNS[reg.cam_town[n]].name,
            f"{reg.camera_name(n)}{_VIDEO_TEXT[etype]}",
            self.plan.ids[ent] if ent >= 0 else None,
            reg.cam_lat[n],
            reg.cam_lon[n],
            camera_id=reg.camera_id(n),
        )

    def iot(self, start: int) -> _Draft | None:
        rng, reg, plan = self.rng, self.reg, self.plan
        t = self.moment(start, _ALL_CUM)
        for _ in range(6):
            n = self.alarm_sensors[rng.randrange(len(self.alarm_sensors))]
            if reg.sens_online[n]:
                break
        if not reg.sens_online[n]:
            t = min(t, reg.sens_last[n] - MINUTE)
            if t < start:
                return None
        spec = SENSORS[reg.sens_spec[n]]
        assert spec.event is not None
        span = max(spec.normal[1] - spec.normal[0], 1.0)
        over = rng.expovariate(1 / (0.3 * span))
        if spec.high is not None and (spec.low is None or rng.random() < 0.75):
            value, bound, word = spec.high + over, spec.high, "超过上限"
        else:
            assert spec.low is not None
            value, bound, word = spec.low - over, spec.low, "低于下限"
        r = over / span
        level = L.RED if r >= 0.9 else L.ORANGE if r >= 0.45 else L.YELLOW if r >= 0.12 else L.BLUE
        if spec.event in (E.GAS_LEAK, E.TOXIC_GAS) and level is not L.RED:
            level = _LEVELS[_LEVELS.index(level) - 1]
        i = reg.sens_ent[n]
        unit = spec.unit
        text = f"{reg.sens_k[n]}#{spec.label}实测值{value:.2f}{unit}，{word}阈值{bound:g}{unit}"
        return _Draft(
            t,
            spec.event,
            EventSource.IOT_THRESHOLD,
            level,
            TOWNS[plan.town[i]].name,
            text,
            plan.ids[i],
            plan.lat[i],
            plan.lon[i],
            sensor_id=reg.sensor_id(n),
        )

    def draw(self, start: int, source_w: tuple[int, int, int]) -> _Draft | None:
        source = self.rng.choices(_SOURCES, source_w)[0]
        if source is EventSource.VIDEO_ALGORITHM:
            return self.video(start)
        return self.iot(start) if source is EventSource.IOT_THRESHOLD else self.manual(start)

    def manual(self, start: int) -> _Draft:
        rng, plan = self.rng, self.plan
        t = self.moment(start, _WORK_CUM)
        i = rng.randrange(plan.scale)
        etype = rng.choices(_MANUAL_TYPES, (40, 35, 25))[0]
        weights, texts = _MANUAL[etype]
        who = "企业安全员上报：" if rng.random() < 0.8 else "群众电话报告："
        lat, lon = clamp_to_box(
            plan.lat[i] + rng.uniform(-3e-4, 3e-4), plan.lon[i] + rng.uniform(-3e-4, 3e-4)
        )
        return _Draft(
            t,
            etype,
            EventSource.MANUAL_REPORT,
            rng.choices(_LEVELS, weights)[0],
            TOWNS[plan.town[i]].name,
            who + rng.choice(texts),
            plan.ids[i],
            lat,
            lon,
        )


def emit_events(
    plan: CityPlan, reg: Registry, days: int = 90, per_enterprise: float = 2.0
) -> Iterator[Entity]:
    """About ``per_enterprise`` events per enterprise over the last ``days`` days, oldest first."""
    rng = random.Random(f"{plan.seed}/events")  # noqa: S311 - demo data, not crypto
    now = plan.now_ms
    day, source_w = day_drawer(rng, plan, reg)
    base = plan.scale * per_enterprise / days
    today = local_midnight(now)
    for d in range(days - 1, -1, -1):
        start = today - d * DAY
        weekday = local(start).weekday()
        share = min(1.0, (now - start) / DAY)
        n = round(base * (0.75 if weekday >= 5 else 1.05) * rng.uniform(0.85, 1.15) * share)
        drawn: list[_Draft] = []
        for _ in range(n):
            row = day.draw(start, source_w)
            if row is not None:
                drawn.append(row)
        yield from finish_day(rng, now, start, drawn)


def day_drawer(rng: random.Random, plan: CityPlan, reg: Registry) -> tuple[_Day, tuple[int, int, int]]:
    """The day drawer and the source weights (no video without cameras, no IoT without sensors)."""
    alarm_sensors = array(
        "i", (n for n in range(len(reg.sens_spec)) if SENSORS[reg.sens_spec[n]].event is not None)
    )
    source_w = (55 if len(reg.cam_ent) else 0, 30 if len(alarm_sensors) else 0, 15)
    return _Day(rng, plan, reg, alarm_sensors), source_w


def finish_day(rng: random.Random, now: int, start: int, drawn: list[_Draft]) -> Iterator[Event]:
    """The day's drafts in time order as events, numbered per day, with an age-dependent status."""
    drawn.sort(key=lambda r: r.occurred_at)
    key = day_key(start)
    for seq, row in enumerate(drawn, start=1):
        status = _status(rng, row.source, now - row.occurred_at)
        lo, hi = _UPDATE_DELAY[status]
        updated = min(row.occurred_at + rng.randint(lo, hi), now)
        yield Event(id=f"EV-{key}-{seq:05d}", status=status, updated_at=updated, **row._asdict())
