"""Converters of the non-Gregorian calendars news uses (Solar Hijri, Hijri, Hebrew) to and from Gregorian."""

from __future__ import annotations

import warnings
from typing import Any


class _UmmAlQura:
    """The Hijri calendar as the Umm al-Qura tables give it (hijridate: the dates news prints, 1343-1500 AH),
    the arithmetic calendar (convertdate) outside them; the arithmetic one is often a day late."""

    @staticmethod
    def to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
        from convertdate import islamic  # lazy: only documents with such dates need it
        from hijridate import Hijri  # lazy: as above

        try:
            g = Hijri(year, month, day).to_gregorian()
        except (OverflowError, ValueError):
            return tuple(islamic.to_gregorian(year, month, day))
        return g.year, g.month, g.day

    @staticmethod
    def from_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
        from convertdate import islamic  # lazy: only documents with such dates need it
        from hijridate import Gregorian  # lazy: as above

        try:
            h = Gregorian(year, month, day).to_hijri()
        except (OverflowError, ValueError):
            return tuple(islamic.from_gregorian(year, month, day))
        return h.year, h.month, h.day


class _Hebrew:
    """convertdate's Hebrew calendar (Nisan = 1 .. Tishri = 7 .. Adar II = 13), its own deprecation noise muted."""

    @staticmethod
    def to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
        from convertdate import hebrew  # lazy: only documents with such dates need it

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return tuple(hebrew.to_gregorian(year, month, day))

    @staticmethod
    def from_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
        from convertdate import hebrew  # lazy: as above

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return tuple(hebrew.from_gregorian(year, month, day))


def calendar_module(name: str) -> Any:
    """What converts dates of calendar `name` (to_gregorian / from_gregorian), None for an unknown one."""
    from convertdate import persian  # lazy: only documents with such dates need it

    return {"persian": persian, "islamic": _UmmAlQura, "hebrew": _Hebrew}.get(name)


def in_gregorian_year(calendar_name: str, month: int, day: int, year: int) -> tuple[int, int, int] | None:
    """The Gregorian date of `month`/`day` of calendar `calendar_name` that falls in Gregorian `year`
    ("Lebaran 2025": 1 Shawwal of the Hijri year running in 2025), or None."""
    module = calendar_module(calendar_name)
    if module is None:
        return None
    here = module.from_gregorian(year, 7, 1)[0]
    for candidate in (here, here - 1, here + 1):
        try:
            date = tuple(module.to_gregorian(candidate, month, day))
        except ValueError:
            continue
        if date[0] == year:
            return int(date[0]), int(date[1]), int(date[2])
    return None
