"""Dates typed by a person: ISO ("2027-03-01", "2027-03-01 14:00"), the way the app shows
them ("Tue 15 Dec 2026", "15 Dec", "15 Dec 2026 17:00") or plain words ("today",
"tomorrow 14:00", "next friday", "in 2 weeks", "3 days ago")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import arrow

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_UNITS = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks",
          "month": "months", "months": "months", "hour": "hours", "hours": "hours",
          "year": "years", "years": "years", "d": "days", "w": "weeks", "h": "hours"}
_TIME = re.compile(r"(?:\s+(?:at\s+)?|^)(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")
_RELATIVE = re.compile(r"^in\s+(\d+)\s*([a-z]+)$|^(\d+)\s*([a-z]+)\s+ago$")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
# As the app writes a day: "tue 15 dec 2026", "15 dec", also "tuesday, 15 december 2026".
_SHOWN_DAY = re.compile(r"^(?:([a-z]{3,9}),?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?(?:,?\s+(\d{4}))?$")

HINT = "try 2027-03-01, 15 Dec 2026 14:00, tomorrow 14:00, next friday or in 2 weeks"


class DateNotUnderstood(ValueError):
    pass


def _split_time(text: str) -> tuple[str, tuple[int, int] | None]:
    match = _TIME.search(text)
    if not match or (match.start() == 0 and not (match.group(2) or match.group(3))):
        return text, None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    half = match.group(3)
    if half is not None:
        # A twelve-hour clock: 12am is midnight, 12pm noon, 1pm 13:00; there is no 0pm or 13am.
        if not 1 <= hour <= 12:
            raise DateNotUnderstood(
                f"{match.group(0).strip()!r} is not a time of day; with am or pm the hour "
                "runs from 1 to 12")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise DateNotUnderstood(f"{hour}:{minute:02d} is not a time of day")
    return text[: match.start()].strip(), (hour, minute)


def _named(word: str, names: list[str]) -> int | None:
    """Index of ``word`` among ``names``, by its first three letters or in full."""
    for index, name in enumerate(names):
        if word == name or (len(word) >= 3 and name.startswith(word)):
            return index
    return None


def _shown_day(words: str, typed: str, now: arrow.Arrow) -> arrow.Arrow | None:
    """The day of "Tue 15 Dec 2026" or "15 Dec" (the year nearest ``now``), or None when the
    words are not written that way."""
    match = _SHOWN_DAY.match(words)
    if not match:
        return None
    weekday_word, day_number, month_word, year_text = match.groups()
    month = _named(month_word, MONTHS)
    weekday = _named(weekday_word, WEEKDAYS) if weekday_word else None
    if month is None or (weekday_word and weekday is None):
        return None
    years = [int(year_text)] if year_text else [now.year - 1, now.year, now.year + 1]
    candidates = []
    for year in years:
        try:
            candidates.append(now.replace(year=year, month=month + 1, day=int(day_number)))
        except ValueError:
            continue
    if not candidates:
        raise DateNotUnderstood(f"{typed!r} is not a date: {month_word.title()} has no "
                                f"day {int(day_number)}")
    # Without a year, the one that puts the day closest to today.
    day = min(candidates, key=lambda candidate: abs(candidate - now))
    if weekday is not None and weekday != day.weekday():
        raise DateNotUnderstood(f"{typed!r}: {day.format(SHORT_DAY)} {day.year} is a "
                                f"{day.format('dddd')}, not a {WEEKDAYS[weekday].title()}")
    return day


def _day_from_words(words: str, now: arrow.Arrow) -> arrow.Arrow | None:
    if words in ("", "today", "now"):
        return now
    if words == "tomorrow":
        return now.shift(days=1)
    if words == "yesterday":
        return now.shift(days=-1)
    parts = words.split()
    if parts and parts[-1] in WEEKDAYS and (len(parts) == 1 or parts[:-1] in (["next"], ["this"])):
        # A weekday always means the coming one: "friday" on a Friday is a week ahead.
        ahead = (WEEKDAYS.index(parts[-1]) - now.weekday()) % 7 or 7
        return now.shift(days=ahead)
    match = _RELATIVE.match(words)
    if match:
        amount = int(match.group(1) or match.group(3))
        unit = _UNITS.get(match.group(2) or match.group(4) or "")
        if unit is None:
            return None
        sign = 1 if match.group(1) else -1
        return now.shift(**{unit: sign * amount})  # type: ignore[arg-type]
    return None


def parse_when(text: str, now: arrow.Arrow, tz: str | None = None,
               default_time: tuple[int, int] | None = (9, 0)) -> arrow.Arrow:
    """The moment the text means, in ``tz`` (default: the clock's zone)."""
    zone = tz or now.tzinfo
    local_now = now.to(zone)
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        raise DateNotUnderstood(f"no date given; {HINT}")
    if re.match(r"^\d{4}-\d{2}-\d{2}", cleaned):
        try:
            parsed = arrow.get(cleaned.upper().replace(" ", "T"))
        except (arrow.parser.ParserError, ValueError) as error:
            raise DateNotUnderstood(f"{text.strip()!r} is not a valid date ({error})") from None
        has_zone = bool(re.search(r"(z|[+-]\d{2}:?\d{2})$", cleaned))
        if not has_zone:
            parsed = parsed.replace(tzinfo=zone)
        if len(cleaned) == 10 and default_time is not None:
            parsed = parsed.replace(hour=default_time[0], minute=default_time[1])
        return parsed
    words, clock_time = _split_time(cleaned)
    day = _shown_day(words, text.strip(), local_now) or _day_from_words(words, local_now)
    if day is None:
        raise DateNotUnderstood(f"{text.strip()!r} is not a date I understand; {HINT}")
    if clock_time is not None:
        return day.replace(hour=clock_time[0], minute=clock_time[1], second=0, microsecond=0)
    if words in ("now",) or "hour" in words or re.search(r"\d+\s*h\b", words):
        return day.replace(second=0, microsecond=0)
    if default_time is None:
        return day.floor("day")
    return day.replace(hour=default_time[0], minute=default_time[1], second=0, microsecond=0)


# Every date the app shows is written one way: the day as "Mon 07 Dec 2026", in lists
# "07 Dec", and times as "14:30" in the user's zone.
DAY = "ddd DD MMM YYYY"
SHORT_DAY = "DD MMM"
TIME = "HH:mm"


def day_text(day: date | datetime | arrow.Arrow | None) -> str:
    """'Mon 07 Dec 2026'; '' for no date."""
    return arrow.get(day).format(DAY) if day is not None else ""


def moment_in(moment: datetime | arrow.Arrow, zone: str) -> arrow.Arrow:
    """The moment on the clock of ``zone``; as stored when the zone is not known."""
    try:
        return arrow.get(moment).to(zone)
    except (arrow.parser.ParserError, ValueError):
        return arrow.get(moment)


def when_text(moment: datetime | arrow.Arrow | None, zone: str) -> str:
    """'Mon 07 Dec 2026 14:30' in ``zone``; '' for no moment."""
    return moment_in(moment, zone).format(f"{DAY} {TIME}") if moment is not None else ""


def short_day(moment: datetime | arrow.Arrow, zone: str) -> str:
    """'07 Dec', the day of ``moment`` in ``zone``, for lists."""
    return moment_in(moment, zone).format(SHORT_DAY)


def short_when(moment: datetime | arrow.Arrow, zone: str, *, year: bool = False) -> str:
    """'07 Dec 14:30' in ``zone``, for lists; '07 Dec 2026 14:30' with ``year``."""
    day = f"{SHORT_DAY} YYYY" if year else SHORT_DAY
    return moment_in(moment, zone).format(f"{day} {TIME}")


def other_years(moments: Iterable[datetime | arrow.Arrow], now: datetime | arrow.Arrow,
                zone: str) -> bool:
    """Whether any of ``moments`` falls in another year than ``now`` in ``zone``: a list
    of them then needs the year on every row to be read."""
    this_year = moment_in(now, zone).year
    return any(moment_in(moment, zone).year != this_year for moment in moments)


def describe_moment(moment: arrow.Arrow, zone: str | None = None) -> str:
    """How a parsed date is shown back before saving, with the zone it is read in:
    'Fri 05 Mar 2027 14:00 Europe/Berlin (+01:00)'."""
    named = f" {zone}" if zone else ""
    return moment.format(f"{DAY} {TIME}") + f"{named} ({moment.format('ZZ')})"


def zone_problem(name: str) -> str | None:
    """Why ``name`` is not a time zone, or None when it is one (e.g. 'Europe/Berlin')."""
    try:
        ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return (f"{name.strip()!r} is not a time zone; try UTC, Europe/Berlin or "
                "America/New_York")
    return None
