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

__all__ = ["day_branch", "day_stem", "lunar_to_solar", "lunar_year_of", "solar_term"]

_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


@lru_cache(maxsize=2048)
def lunar_to_solar(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of lunar ``year``-``month``-``day`` (a negative ``month`` is that year's leap month, as
    the library writes it: -6 = 闰六月), or None when the month has no such day (腊月三十 in a 29-day 腊月), the
    year has no such leap month, or the year is out of the library's range."""
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


@lru_cache(maxsize=1)
def _cycle_offset() -> int:
    """Where the sexagenary day cycle stands against ``date.toordinal``: read once from the library, since the
    cycle of 60 days has run unbroken for millennia and every other day follows by counting."""
    anchor = date(2000, 1, 1)
    name = Solar.fromYmd(anchor.year, anchor.month, anchor.day).getLunar().getDayInGanZhi()
    index = next(i for i in range(60) if _STEMS[i % 10] + _BRANCHES[i % 12] == name)
    return (index - anchor.toordinal()) % 60


def day_stem(day: date) -> str:
    """The heavenly stem of ``day`` (庚 for 15 July 2026): the almanac counts 三伏 and 入梅 in such days."""
    return _STEMS[(day.toordinal() + _cycle_offset()) % 10]


def day_branch(day: date) -> str:
    """The earthly branch of ``day`` (未 for 8 July 2026): 出梅 is counted in such days."""
    return _BRANCHES[(day.toordinal() + _cycle_offset()) % 12]
