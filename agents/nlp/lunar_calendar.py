"""Lunar dates and solar terms for the time grammar (ADR 0010, events33), from the ``lunar-python`` library.

Compared with ``lunardate`` (GPL-3.0, lunar dates only) and round 32's hand-written 腊月初一 table (2024–2030): both
agree with ``lunar-python`` on every case of the events33 sets, but ``lunar-python`` is MIT, pure Python, covers
1900–2100 and also gives the 24 solar terms (冬至, 立冬, …), which the season words need. Its calls take tens of
milliseconds, so every answer is cached (a few years are ever asked).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from lunar_python import Lunar, Solar

__all__ = ["lunar_to_solar", "lunar_year_of", "solar_term"]


@lru_cache(maxsize=2048)
def lunar_to_solar(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of lunar ``year``-``month``-``day`` (the ordinary month, not a leap month), or None
    when the month has no such day (腊月三十 in a 29-day 腊月) or the year is out of the library's range."""
    try:
        solar = Lunar.fromYmd(year, month, day).getSolar()
    except Exception:  # noqa: BLE001 - the library raises a bare Exception for a day the month lacks
        return None
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


@lru_cache(maxsize=512)
def lunar_year_of(day: date) -> int:
    """The lunar year ``day`` falls in (25 January 2027 is still lunar 2026, in its 腊月)."""
    return int(Solar.fromYmd(day.year, day.month, day.day).getLunar().getYear())


@lru_cache(maxsize=256)
def _terms(year: int) -> dict[str, date]:
    """Every solar term that falls in Gregorian ``year``, by its Chinese name."""
    found: dict[str, date] = {}
    for lunar_year in (year - 1, year, year + 1):
        table = Lunar.fromYmd(lunar_year, 6, 1).getJieQiTable()
        for name, solar in table.items():
            if solar.getYear() == year and not name.isascii():  # DONG_ZHI etc. repeat next year's terms
                found[name] = date(solar.getYear(), solar.getMonth(), solar.getDay())
    return found


def solar_term(name: str, year: int) -> date | None:
    """The day of solar term ``name`` (冬至, 立春, …) in Gregorian ``year``."""
    try:
        return _terms(year).get(name)
    except Exception:  # noqa: BLE001 - the library raises a bare Exception outside its range
        return None
