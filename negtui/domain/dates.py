"""Dates typed by a person: ISO ("2027-03-01", "2027-03-01 14:00"), the way the app shows
them ("Tue 15 Dec 2026", "15 Dec", "15 Dec 2026 17:00"), month first ("Dec 15, 2026") or
plain words ("today", "tomorrow 14:00", "next friday", "in 2 weeks", "3 days ago").

After a month's name the year is written in full and a time with its minutes, am/pm or
"at": "15 Dec 12" could be 2012 or noon, so it is refused with both readings spelt out
("15 Dec 2012", "15 Dec 12:00"). A month written as a number is read when only one of the
two numbers can be a month ("15/12/2026", "12/15"); "3/4" reads either way round and is
refused. After a full year, or a word such as "tomorrow", a number alone is
the hour ("15 Dec 2026 9", "tomorrow 9")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import arrow

from negtui.domain.text import quoted

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_UNITS = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks",
          "month": "months", "months": "months", "hour": "hours", "hours": "hours",
          "year": "years", "years": "years", "d": "days", "w": "weeks", "h": "hours"}
_TIME = re.compile(r"(?:\s+(at\s+)?|^)(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")
_RELATIVE = re.compile(r"^in\s+(\d+)\s*([a-z]+)$|^(\d+)\s*([a-z]+)\s+ago$")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
# As the app writes a day: "tue 15 dec 2026", "15 dec", also "tuesday, 15 december 2026",
# and month first: "dec 15", "december 15th, 2026". A year of fewer than four digits is
# matched only to be refused with the year written in full.
_DAY_FIRST = re.compile(r"^(?:([a-z]{3,9}),?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?"
                        r"(?:,?\s+(\d{1,4}))?$")
_MONTH_FIRST = re.compile(r"^(?:([a-z]{3,9}),?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?"
                          r"(?:,?\s+(\d{1,4}))?$")
# Day and month both as numbers: "15/12/2026", "12/15", "15.12.26", "15-12-2026".
_NUMBERED_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{1,4}))?(?:\s|$)")

HINT = "try 2027-03-01, 15 Dec 2026 14:00, tomorrow 14:00, next friday or in 2 weeks"


class DateNotUnderstood(ValueError):
    pass


@dataclass(frozen=True)
class _Clock:
    """A time of day as typed at the end of a date, before it is checked."""

    hour: int
    minute: int
    half: str | None
    written: str
    bare: bool
    """A number alone ("15 dec 2026 9"): no minutes, no am or pm, no "at"."""

    def hour_and_minute(self) -> tuple[int, int]:
        hour = self.hour
        if self.half is not None:
            # A twelve-hour clock: 12am is midnight, 12pm noon, 1pm 13:00; no 0pm or 13am.
            if not 1 <= hour <= 12:
                raise DateNotUnderstood(
                    f"{quoted(self.written)} is not a time of day; with am or pm the hour "
                    "runs from 1 to 12")
            hour = hour % 12 + (12 if self.half == "pm" else 0)
        if hour > 23 or self.minute > 59:
            raise DateNotUnderstood(f"{hour}:{self.minute:02d} is not a time of day")
        return hour, self.minute


def _split_time(text: str) -> tuple[str, _Clock | None]:
    match = _TIME.search(text)
    if not match or (match.start() == 0 and not (match.group(3) or match.group(4))):
        return text, None
    at, hour, minute, half = match.groups()
    clock = _Clock(int(hour), int(minute or 0), half, match.group(0).strip(),
                   bare=not (at or minute or half))
    return text[: match.start()].strip(), clock


def _named(word: str, names: list[str]) -> int | None:
    """Index of ``word`` among ``names``, by its first three letters or in full."""
    for index, name in enumerate(names):
        if word == name or (len(word) >= 3 and name.startswith(word)):
            return index
    return None


@dataclass(frozen=True)
class _Day:
    """A day as written with its month's name, before it is checked."""

    weekday: int | None
    day: int
    month: int
    """0 for January."""
    month_word: str
    year: str | None
    """The digits typed for the year, if any."""

    @property
    def shown(self) -> str:
        """'15 Dec', for the examples of a message."""
        return f"{self.day:02d} {MONTHS[self.month][:3].title()}"


def _day_parts(words: str) -> _Day | None:
    """The parts of "Tue 15 Dec 2026", "15 Dec" or "Dec 15, 2026"; None when the words are
    not a day written with its month's name."""
    for pattern, day_at, month_at in ((_DAY_FIRST, 2, 3), (_MONTH_FIRST, 3, 2)):
        match = pattern.match(words)
        if not match:
            continue
        weekday_word = match.group(1)
        month = _named(match.group(month_at), MONTHS)
        weekday = _named(weekday_word, WEEKDAYS) if weekday_word else None
        if month is None or (weekday_word and weekday is None):
            continue
        return _Day(weekday, int(match.group(day_at)), month, match.group(month_at),
                    match.group(4))
    return None


def _full_year(digits: str | None, this_year: int) -> int:
    """The year a short one most likely stands for ("26" → 2026, "99" → 1999), for the
    example in a message."""
    if not digits or len(digits) > 2:
        return this_year
    century = this_year // 100 * 100
    return min((century + step + int(digits) for step in (-100, 0, 100)),
               key=lambda year: abs(year - this_year))


def _year_or_time(typed: str, parts: _Day, now: arrow.Arrow, day_only: bool) -> str:
    """Why "15 Dec 12" is refused: a short number after the month may be a year or a time."""
    number = int(parts.year or 0)
    year = f"{parts.shown} {_full_year(parts.year, now.year)}"
    if day_only:
        return f"{quoted(typed)}: write the year in full, as in {year}"
    if number <= 23 and len(parts.year or "") <= 2:
        return (f"{quoted(typed)}: is {parts.year} the year or the time? Write the year in full "
                f"({year}) or the time with minutes ({parts.shown} {number:02d}:00)")
    return (f"{quoted(typed)}: write the year in full ({year}) or a time with minutes "
            f"({parts.shown} 14:00)")


def _numbered_in_words(typed: str, match: re.Match[str], now: arrow.Arrow) -> str:
    """A day written "15/12/2026", "12/15" or "5/5/2027 14:00" in the words it means ("15 dec
    2026"), when only one of its numbers can be the month or both are the same; refused
    when they read either way round ("3/4"), with the year cut short ("15/12/26"), or with
    no year and a dot or dash ("9.30" is more likely a time)."""
    first, second, digits = int(match.group(1)), int(match.group(2)), match.group(3)
    day, month = (second, first) if first <= 12 < second else (first, second)
    if not 1 <= month <= 12 and (first > 12 or first < 1) and (second > 12 or second < 1):
        raise DateNotUnderstood(f"{quoted(typed)} is not a date: neither {first} nor "
                                f"{second} can be a month")
    # Without a year only "12/15" is a day: "9.30" and "10-20" are more likely a time or
    # a range than a date.
    undated = digits is None and match.group(0)[len(match.group(1))] != "/"
    if undated or not (first == second or (first <= 12) != (second <= 12)):
        raise DateNotUnderstood(_numbered(typed, match, now))
    if digits is not None and len(digits) != 4:
        full = _full_year(digits, now.year)
        shown = f"{typed[:match.start(3)]}{full}{typed[match.end(3):]}"
        raise DateNotUnderstood(f"{quoted(typed)}: write the year in full, as in {shown}")
    words = f"{day} {MONTHS[month - 1][:3]}" + (f" {digits}" if digits else "")
    rest = match.string[match.end():].strip()
    return f"{words} {rest}" if rest else words


def _numbered(typed: str, match: re.Match[str], now: arrow.Arrow) -> str:
    """Why "3/4" is refused: day and month as numbers are read either way round."""
    first, second, digits = int(match.group(1)), int(match.group(2)), match.group(3)
    year = int(digits) if digits and len(digits) == 4 else _full_year(digits, now.year)
    day, month = (second, first) if first <= 12 < second else (first, second)
    try:
        example = date(year, month, day)
    except ValueError:
        example = date(now.year, 12, 15)
    return (f"{quoted(typed)}: with the month as a number, day and month can be read either way; "
            f"write the month as a word ({example.day:02d} "
            f"{MONTHS[example.month - 1][:3].title()} {example.year}) or the date as "
            f"{example.isoformat()}")


def _day_of(parts: _Day, typed: str, now: arrow.Arrow) -> arrow.Arrow:
    """The day of "Tue 15 Dec 2026" or "15 Dec" (the year nearest ``now``)."""
    years = [int(parts.year)] if parts.year else [now.year - 1, now.year, now.year + 1]
    candidates = []
    for year in years:
        try:
            candidates.append(now.replace(year=year, month=parts.month + 1, day=parts.day))
        except ValueError:
            continue
    if not candidates:
        raise DateNotUnderstood(f"{quoted(typed)} is not a date: {parts.month_word.title()} has "
                                f"no day {parts.day}")
    # Without a year, the one that puts the day closest to today.
    day = min(candidates, key=lambda candidate: abs(candidate - now))
    if parts.weekday is not None and parts.weekday != day.weekday():
        raise DateNotUnderstood(f"{quoted(typed)}: {day.format(SHORT_DAY)} {day.year} is a "
                                f"{day.format('dddd')}, not a {WEEKDAYS[parts.weekday].title()}")
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
        except arrow.parser.ParserError:
            # The library's own words name its format options, not what to type.
            raise DateNotUnderstood(f"{quoted(text.strip())} is not a date and time I understand; "
                                    "write them as 2027-03-01 or 2027-03-01 14:00") from None
        except ValueError as error:  # 'month must be in 1..12': plain enough to show
            raise DateNotUnderstood(f"{quoted(text.strip())} is not a date: {error}") from None
        has_zone = bool(re.search(r"(z|[+-]\d{2}:?\d{2})$", cleaned))
        if not has_zone:
            parsed = parsed.replace(tzinfo=zone)
        if len(cleaned) == 10 and default_time is not None:
            parsed = parsed.replace(hour=default_time[0], minute=default_time[1])
        return parsed
    typed = text.strip()
    numbered = _NUMBERED_DAY.match(cleaned)
    if numbered:
        cleaned = _numbered_in_words(typed, numbered, local_now)
    # The whole text as a day first: "dec 15" ends in a number that is its day, not a time.
    whole = _day_parts(cleaned)
    if whole is not None and whole.year is not None and len(whole.year) < 4:
        raise DateNotUnderstood(_year_or_time(typed, whole, local_now, default_time is None))
    words, clock = (cleaned, None) if whole is not None else _split_time(cleaned)
    parts = whole or _day_parts(words)
    if parts is not None and parts.year is not None and len(parts.year) < 4 and clock:
        raise DateNotUnderstood(f"{quoted(typed)}: write the year in full, as in {parts.shown} "
                                f"{_full_year(parts.year, local_now.year)} {clock.written}")
    day = _day_of(parts, typed, local_now) if parts else _day_from_words(words, local_now)
    if day is None:
        raise DateNotUnderstood(f"{quoted(typed)} is not a date I understand; {HINT}")
    clock_time = clock.hour_and_minute() if clock is not None else None
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


# How a form writes a date back into its field: read again by ``parse_when`` as the same day
# or minute, and as the rest of the app writes it. Files made for machines keep ISO.
TYPED_DAY = "DD MMM YYYY"


def typed_day(day: date | datetime | arrow.Arrow | None) -> str:
    """'07 Dec 2026', as a form shows a day; '' for no day."""
    return arrow.get(day).format(TYPED_DAY) if day is not None else ""


def typed_when(moment: datetime | arrow.Arrow | None, zone: str) -> str:
    """'07 Dec 2026 14:30' in ``zone``, as a form shows a moment; '' for no moment."""
    if moment is None:
        return ""
    return moment_in(moment, zone).format(f"{TYPED_DAY} {TIME}")


def iso_when(moment: datetime | arrow.Arrow | None, zone: str) -> str:
    """'2026-12-07 14:30' in ``zone``, for a spreadsheet; '' for no moment."""
    return moment_in(moment, zone).format(f"YYYY-MM-DD {TIME}") if moment is not None else ""


def day_in_year(day: date, this_year: int) -> str:
    """'07 Dec', or '07 Dec 2027' when the day falls in another year than ``this_year``."""
    return f"{day:%d %b}" if day.year == this_year else f"{day:%d %b %Y}"


def span_text(first: date, last: date, this_year: int) -> str:
    """'07 Dec to 13 Dec'; with the years when either day is in another year than
    ``this_year``: '28 Dec 2026 to 03 Jan 2027'."""
    if first.year == last.year == this_year:
        return f"{first:%d %b} to {last:%d %b}"
    return f"{first:%d %b %Y} to {last:%d %b %Y}"


def other_years(moments: Iterable[datetime | arrow.Arrow], now: datetime | arrow.Arrow,
                zone: str) -> bool:
    """Whether any of ``moments`` falls in another year than ``now`` in ``zone``: a list
    of them then needs the year on every row to be read."""
    this_year = moment_in(now, zone).year
    return any(moment_in(moment, zone).year != this_year for moment in moments)


def times_in(zone: str) -> str:
    """'times in Europe/Berlin': said once where a screen lists times, not in every row."""
    return f"times in {zone}"


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
        return (f"{quoted(name.strip())} is not a time zone; try UTC, Europe/Berlin or "
                "America/New_York")
    return None
