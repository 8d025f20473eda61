"""Place names of the city, read from the graph: towns (with short aliases), villages/communities,
roads (from enterprise addresses), enterprises (with the short names of ``agents.search.enterprise_index.aliases``) and public cameras.
Also the forms people type: the registered name without 江阴市, petrol stations without their town
(马镇加油站), parks without 区 (化工园), and a shared village name narrowed to the town said.

Pure data: ``Gazetteer.from_rows`` takes plain rows (``graph.event_repository`` reads them), so the
parser can be tested without a graph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from agents.nlp.numerals import chinese_to_int
from agents.search.enterprise_index import aliases as enterprise_aliases
from core.event_search import PlaceFilter

PlaceKind = Literal["town", "village", "enterprise", "camera", "road"]

# 江阴市澄江街道人民东路88号 → 人民东路 (the demo and real addresses put the road after the town).
_ROAD = re.compile(
    r"^(?:江苏省)?(?:无锡市)?(?:江阴市)?(?:[\u4e00-\u9fff]{2,6}?(?:街道|镇|开发区))?([\u4e00-\u9fff]{2,8}?(?:大道|路|街|巷))\d"
)
_NUMBERED = re.compile(r"(.+?)0*(\d+)号")
_CJK_MARK = re.compile(r"[\u4e00-\u9fff]{2}")
# What people call a camera around its number: 4号摄像头, 摄像头第3个.
_DEVICE = "(?:摄像头|摄像机|探头|监控|点位)"
_STATION = re.compile(r"([\u4e00-\u9fff]{2,12}?)(加油站|加气站|加油加气站|充电站|换电站)")
_TOWN_SUFFIXES = ("经济开发区", "开发区", "街道", "镇")
# Names people use that are not simply the name minus its suffix.
# 江阴高新区 is seated in 城东街道 (ingestion/demo/geography.py), so people name the town by it (events34).
_EXTRA_TOWN_ALIASES = {
    "临港经济开发区": ("临港开发区", "临港新城", "临港经开区", "开发区"),
    "城东街道": ("高新区", "江阴高新区", "高新技术开发区"),
}


@dataclass(frozen=True)
class Place:
    kind: PlaceKind
    id: str
    name: str
    town: str | None
    lat: float | None
    lon: float | None


@dataclass
class Gazetteer:
    """Surface form → places; town alias → canonical town."""

    towns: dict[str, str] = field(default_factory=dict)
    places: dict[str, list[Place]] = field(default_factory=dict)
    by_id: dict[tuple[str, str], Place] = field(default_factory=dict)
    town_centres: dict[str, tuple[float, float]] = field(default_factory=dict)
    # Two-character 字号 (毅晨, 正佳): too close to ordinary words for the segmenter's dictionary,
    # so only consulted for words nothing else understood.
    trade_names: dict[str, list[Place]] = field(default_factory=dict)
    # Road → enterprises whose address is on it (a road has no single point: no radius).
    roads: dict[str, list[str]] = field(default_factory=dict)
    # Village/community names without 村/社区 (红光, 要塞): ordinary words too, so like trade names
    # only consulted for leftovers.
    village_bases: dict[str, list[Place]] = field(default_factory=dict)
    # Public camera name without its number → number → camera (城东沿江堤防 → 4 → …004号).
    camera_numbers: dict[str, dict[int, Place]] = field(default_factory=dict)
    _camera_pattern: re.Pattern[str] | None = field(default=None, repr=False)

    @classmethod
    def from_rows(
        cls,
        *,
        towns: Iterable[Mapping[str, Any]],
        villages: Iterable[Mapping[str, Any]] = (),
        enterprises: Iterable[Mapping[str, Any]] = (),
        cameras: Iterable[Mapping[str, Any]] = (),
    ) -> Gazetteer:
        g = cls()
        for t in towns:
            name = t["name"]
            g.towns[name] = name
            g.town_centres[name] = (t["lat"], t["lon"])
            for alias in town_aliases(name):
                g.towns.setdefault(alias, name)
        for v in villages:
            place = Place("village", v["id"], v["name"], v.get("town"), v.get("lat"), v.get("lon"))
            g._add(place, [v["name"]])
            if re.search(r"(?:园区|港区)$", v["name"]) and len(v["name"]) >= 4:  # 化工园区 → 化工园
                g._add(place, [v["name"][:-1]])
            base = re.sub(r"(?:村民委员会|居民委员会|村委会|居委会|社区|村)$", "", v["name"])
            if len(base) >= 2 and base != v["name"] and base not in g.towns:
                g.village_bases.setdefault(base, []).append(place)
        clipped: dict[str, list[Place]] = {}
        at_address: dict[str, list[Place]] = {}
        for e in enterprises:
            place = Place("enterprise", e["id"], e["name"], e.get("town"), e.get("lat"), e.get("lon"))
            # Only aliases of 3+ characters: two-character 字号 (阳光, 新华) collide with ordinary words.
            names = enterprise_aliases(e["name"])
            names += [s for a in names for s in station_aliases(a, g.towns)]
            # 伟诚铝业有限公司: the registered name without the city people leave out
            local = re.sub(r"^(?:江苏省)?(?:无锡市)?(?:江阴市|江阴)", "", e["name"])
            g._add(place, [e["name"], local, *(a for a in names if len(a) >= 3)])
            shorts = [a for a in names if len(a) == 2]
            if not shorts and _CJK_MARK.match(local):
                # 康尚氯碱化工, 欣捷冷链物流: no industry word the alias rules know, but the 字号 is
                # still the two characters the registered name starts with.
                shorts = [local[:2]]
            for short in shorts:
                g.trade_names.setdefault(short, []).append(place)
                # 旭捷机电 for 旭捷机电设备, 和威水泥 for 和威水泥制品: the 字号 and the first two characters
                # of the trade people keep when they clip the name (events-robust11).
                if names and names[0].startswith(short) and len(names[0]) > len(short) + 2:
                    clipped.setdefault(names[0][: len(short) + 2], []).append(place)
            road = road_of(e.get("address") or "")
            if road:
                g.roads.setdefault(road, []).append(e["id"])
            street = street_address(e.get("address") or "")
            if street:
                at_address.setdefault(street, []).append(place)
        for street, owners in at_address.items():  # 龙山大街84号: only an address one enterprise owns
            if len(owners) == 1:
                g._add(owners[0], [street])
        for alias, owners in clipped.items():  # only a clipped name that one enterprise owns
            if len(owners) == 1 and alias not in g.places and alias not in g.towns:
                g._add(owners[0], [alias])
        for road in g.roads:
            g._add(Place("road", road, road, None, None, None), [road])
        for c in cameras:
            place = Place("camera", c["id"], c["name"], c.get("town"), c.get("lat"), c.get("lon"))
            g._add(place, [c["name"], c["id"]])
            numbered = _NUMBERED.fullmatch(c["name"])
            if numbered:
                g.camera_numbers.setdefault(numbered.group(1), {})[int(numbered.group(2))] = place
        return g

    def _add(self, place: Place, surfaces: Iterable[str]) -> None:
        self.by_id[(place.kind, place.id)] = place
        for s in dict.fromkeys(surfaces):
            if s and s not in self.towns:
                entries = self.places.setdefault(s, [])
                if place not in entries:
                    entries.append(place)

    def words(self) -> list[str]:
        """Every surface form, for the segmenter's user dictionary."""
        return [*self.towns, *self.places]

    def village_names(self) -> list[str]:
        return [s for s, places in self.places.items() if places[0].kind == "village"]

    def lookup(self, kind: str, place_id: str) -> Place | None:
        return self.by_id.get((kind, place_id))

    def camera_mentions(self, text: str) -> list[tuple[int, int, Place]]:
        """Public cameras named with their number written loosely: 沿江堤防4号, 沿江堤防004,
        沿江堤防的4号摄像头, 沿江堤防那个二号探头, 沿江堤防摄像头第3个 (the exact name is a dictionary
        word already). A digit right before a time unit is a time (农贸市场3天内), not a camera."""
        if not self.camera_numbers:
            return []
        if self._camera_pattern is None:
            bases = "|".join(self._loose_base(b) for b in sorted(self.camera_numbers, key=len, reverse=True))
            self._camera_pattern = re.compile(
                rf"({bases})\s*(?:的|那个|这个|那|这)?\s*{_DEVICE}?\s*第?\s*"
                rf"(?:(\d{{1,4}})(?:\s*(?:号|个)|(?!\d|\s*(?:天|日|周|月|年|小时|点|时|分)))|([一二两三四五六七八九十]{{1,3}})\s*(?:号|个))"
                rf"{_DEVICE}?"
            )
        out = []
        for m in self._camera_pattern.finditer(text):
            number = int(m.group(2)) if m.group(2) else chinese_to_int(m.group(3).replace("两", "二"))
            base = re.sub(r"\s+|的", "", m.group(1))  # 澄江 小区电梯 → 澄江小区电梯 (no base has 的)
            place = self.camera_numbers[base].get(number or 0)
            if place is not None:
                out.append((m.start(), m.end(), place))
        return out

    def _loose_base(self, base: str) -> str:
        """A camera base whose town a typist says apart from the spot (澄江 小区电梯009, 城东的农贸市场10号):
        the camera's own town alias, then spaces or 的, then the spot. The town is part of the name, so
        it is no town filter of its own, as when the name is said whole."""
        town = next(iter(self.camera_numbers[base].values())).town
        said = [a for a, t in self.towns.items() if t == town and base.startswith(a) and len(base) > len(a)]
        if not said:
            return re.escape(base)
        alias = max(said, key=len)
        return re.escape(alias) + r"(?:\s*的?\s*)" + re.escape(base[len(alias) :])


def station_aliases(alias: str, towns: Mapping[str, str]) -> list[str]:
    """Branch stations are named town + site (+ 字号) + 加油站, people drop the town:
    徐霞客马镇加油站 → 马镇加油站; 璜土璜土嘉长加油站 → 璜土嘉长加油站, 嘉长加油站;
    华士澄杨联瑞加油站 → 澄杨联瑞加油站, 联瑞加油站 (the 字号 is the last two characters)."""
    m = _STATION.fullmatch(alias)
    if m is None:
        return []
    site, kind = m.groups()
    out: list[str] = []
    prefixes = sorted(towns, key=len, reverse=True)
    while (town := next((t for t in prefixes if site.startswith(t)), None)) and len(site) - len(town) >= 2:
        site = site[len(town) :]
        out.append(site + kind)
    if out and len(site) >= 4:
        out.append(site[-2:] + kind)
    return out


def narrow_to_towns(places: list[PlaceFilter], towns: Iterable[str]) -> list[PlaceFilter]:
    """A name shared by villages of several towns (滨江社区: 城东, 夏港) means only the named
    town's when the sentence names one of them (城东街道滨江社区); other places are kept."""
    named = set(towns)
    keep: list[PlaceFilter] = []
    for p in places:
        twins = [q for q in places if q.kind == p.kind and q.name == p.name]
        if len(twins) > 1 and any(q.town in named for q in twins) and p.town not in named:
            continue
        keep.append(p)
    return keep


def street_address(address: str) -> str | None:
    """江阴市城东街道龙山大街84号(3号厂房) → 龙山大街84号: the road and house number people say (events-robust25)."""
    m = _ROAD.match(address.strip())
    number = re.match(r"\d+号", address.strip()[m.end(1) :]) if m else None
    return m.group(1) + number.group() if m and number else None


def road_of(address: str) -> str | None:
    m = _ROAD.match(address.strip())
    return m.group(1) if m else None


def town_aliases(name: str) -> list[str]:
    """澄江街道 → 澄江; 华士镇 → 华士; 徐霞客镇 → 徐霞客, 徐霞, 霞客; 临港经济开发区 → 临港, 临港开发区 …"""
    out = list(_EXTRA_TOWN_ALIASES.get(name, ()))
    for suffix in _TOWN_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            short = name[: -len(suffix)]
            out.append(short)
            if suffix == "街道":
                out.append(short + "街")
            if len(short) == 3:  # 徐霞客 → 徐霞, 霞客: people clip three-character names to two
                out += [short[:2], short[1:]]
            break
    return out
