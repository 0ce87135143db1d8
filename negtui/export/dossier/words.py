"""Small ways of writing values that every dossier section shares."""

from __future__ import annotations

from datetime import date, datetime

from negtui.domain.dates import day_text, moment_in, when_text


def local_time(moment: datetime, tz: str) -> str:
    """'Mon 07 Dec 2026 14:30' in the user's time zone; the stored offset when the zone is
    unknown."""
    return when_text(moment, tz)


def local_day(moment: datetime | None, tz: str) -> str:
    """'Mon 07 Dec 2026', the day of ``moment`` in the user's time zone; '—' for none."""
    return day_text(moment_in(moment, tz).datetime) if moment else "—"


def days(start: date | None, end: date | None) -> str:
    """'Mon 07 Dec 2026 to Fri 30 Apr 2027', a dash for a missing date."""
    return f"{day_text(start) or '—'} to {day_text(end) or '—'}"


def or_dash(text: str) -> str:
    return text if text else "—"
