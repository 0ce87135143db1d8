"""Lengths of time as people type them ("45", "1h30", "2 days") and as they read them back."""

from __future__ import annotations

from negtui.domain.calendar import CalendarRefused
from negtui.domain.text import quoted

_MINUTE_UNITS = {"m": 1, "min": 1, "mins": 1, "minute": 1, "minutes": 1,
                 "h": 60, "hr": 60, "hrs": 60, "hour": 60, "hours": 60,
                 "d": 24 * 60, "day": 24 * 60, "days": 24 * 60,
                 "w": 7 * 24 * 60, "week": 7 * 24 * 60, "weeks": 7 * 24 * 60}


def parse_minutes(text: str) -> int | None:
    """A length of time typed as "45", "45m", "1h30", "2 hours" or "1d"; blank means none."""
    cleaned = text.strip().lower().replace(" ", "")
    if not cleaned:
        return None
    if cleaned.isdigit():
        return int(cleaned)
    total, number = 0, ""
    index = 0
    while index < len(cleaned):
        if cleaned[index].isdigit():
            number += cleaned[index]
            index += 1
            continue
        unit = ""
        while index < len(cleaned) and cleaned[index].isalpha():
            unit += cleaned[index]
            index += 1
        if not number or unit not in _MINUTE_UNITS:
            raise CalendarRefused(f"{quoted(text.strip())} is not a length of time; "
                                  "try 45, 1h30 or 2d")
        total += int(number) * _MINUTE_UNITS[unit]
        number = ""
    if number:
        # "1h30": a bare number after hours counts as minutes.
        total += int(number)
    return total


def describe_minutes(minutes: int | None) -> str:
    """Minutes written back the way a person would type them: 45m, 1h30, 2d."""
    if minutes is None:
        return ""
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days and not rest:
        return f"{days}d"
    if not days and hours and mins:
        return f"{hours}h{mins:02d}"
    if not days and hours:
        return f"{hours}h"
    if not days:
        return f"{mins}m"
    return f"{minutes}m"
