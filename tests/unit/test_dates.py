"""Dates and times typed in words: the twelve-hour clock and what it refuses."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import arrow
import pytest
from hypothesis import given
from hypothesis import strategies as st

from negtui.domain.dates import (
    DateNotUnderstood,
    day_text,
    describe_moment,
    moment_in,
    other_years,
    parse_when,
    short_day,
    short_when,
    when_text,
    zone_problem,
)

NOW = arrow.get("2026-11-21T10:00:00+00:00")
MONTH_NAMES = ["jan", "Feb", "march", "Apr", "may", "june", "Jul", "august", "sep", "Oct",
               "november", "Dec"]


@pytest.mark.parametrize(("text", "clock"), [
    ("tomorrow 12pm", "12:00"), ("tomorrow 12am", "00:00"), ("tomorrow 1pm", "13:00"),
    ("tomorrow 1am", "01:00"), ("tomorrow at 12:30 pm", "12:30"), ("tomorrow 12:05am", "00:05"),
    ("tomorrow 11pm", "23:00"), ("tomorrow 14:00", "14:00"), ("tomorrow 0:15", "00:15"),
])
def test_twelve_hour_times(text: str, clock: str) -> None:
    moment = parse_when(text, NOW)
    assert moment.format("YYYY-MM-DD HH:mm") == f"2026-11-22 {clock}"


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=0, max_value=59),
       st.sampled_from(["am", "pm"]), st.sampled_from(["", " "]))
def test_every_twelve_hour_time_lands_on_its_hour(hour: int, minute: int, half: str,
                                                  gap: str) -> None:
    moment = parse_when(f"tomorrow {hour}:{minute:02d}{gap}{half}", NOW)
    # The hour as a 24-hour clock counts it: 12am is the start of the day, 12pm noon.
    expected = (0 if hour == 12 else hour) + (12 if half == "pm" else 0)
    assert (moment.day, moment.hour, moment.minute) == (22, expected, minute)


@given(st.integers(min_value=1, max_value=12), st.sampled_from(["am", "pm"]))
def test_am_comes_before_pm_on_the_same_day(hour: int, half: str) -> None:
    morning = parse_when(f"tomorrow {hour}am", NOW)
    afternoon = parse_when(f"tomorrow {hour}pm", NOW)
    assert afternoon.shift(hours=-12) == morning


@pytest.mark.parametrize("text", ["tomorrow 0am", "tomorrow 0pm", "tomorrow 13pm",
                                  "tomorrow 13am", "tomorrow 24pm", "tomorrow 25:00"])
def test_hours_off_the_clock_are_refused(text: str) -> None:
    with pytest.raises(DateNotUnderstood, match="not a time of day"):
        parse_when(text, NOW)


def test_dates_are_written_one_way_in_the_users_zone() -> None:
    moment = datetime(2026, 12, 7, 13, 30, tzinfo=ZoneInfo("UTC"))
    assert day_text(date(2026, 12, 7)) == "Mon 07 Dec 2026"
    assert day_text(None) == ""
    assert when_text(moment, "Europe/Berlin") == "Mon 07 Dec 2026 14:30"
    assert when_text(moment, "America/New_York") == "Mon 07 Dec 2026 08:30"
    assert short_when(moment, "Europe/Berlin") == "07 Dec 14:30"
    assert short_when(moment, "Europe/Berlin", year=True) == "07 Dec 2026 14:30"
    # Late on Monday in UTC is already Tuesday in Tokyo.
    late = datetime(2026, 12, 7, 20, 0, tzinfo=ZoneInfo("UTC"))
    assert short_day(late, "Asia/Tokyo") == "08 Dec"
    assert describe_moment(moment_in(moment, "Europe/Berlin"), "Europe/Berlin") == \
        "Mon 07 Dec 2026 14:30 Europe/Berlin (+01:00)"
    # A zone the app cannot read leaves the moment as it was stored.
    assert when_text(moment, "Mars/Olympus") == "Mon 07 Dec 2026 13:30"


def test_a_time_zone_name_is_checked_in_plain_words() -> None:
    assert zone_problem("Europe/Berlin") is None
    assert zone_problem("UTC") is None
    for wrong in ("Mars/Olympus", "Europe", "", "../etc"):
        problem = zone_problem(wrong)
        assert problem is not None and "is not a time zone" in problem


def test_a_list_needs_its_years_once_a_moment_falls_in_another_year() -> None:
    now = datetime(2027, 1, 4, 9, 0, tzinfo=ZoneInfo("UTC"))
    january = datetime(2027, 1, 2, 9, 0, tzinfo=ZoneInfo("UTC"))
    december = datetime(2026, 12, 30, 9, 0, tzinfo=ZoneInfo("UTC"))
    assert not other_years([january], now, "UTC")
    assert other_years([january, december], now, "UTC")
    assert not other_years([], now, "UTC")
    # New Year's Eve late in UTC is already the new year in Tokyo.
    eve = datetime(2026, 12, 31, 20, 0, tzinfo=ZoneInfo("UTC"))
    assert other_years([eve], now, "UTC")
    assert not other_years([eve], now, "Asia/Tokyo")


# Whatever the app shows a date as, typing it back means that date.
SHOWN_ZONES = st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
                               "Australia/Sydney"])
MOMENTS = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 12, 31),
                       timezones=st.just(ZoneInfo("UTC")))


@given(MOMENTS, SHOWN_ZONES)
def test_a_shown_day_and_time_parses_back_to_itself(moment: datetime, zone: str) -> None:
    local = moment_in(moment, zone)
    for text in (when_text(moment, zone), when_text(moment, zone).split(" ", 1)[1]):
        back = parse_when(text, NOW, zone)
        assert (back.date(), back.hour, back.minute) == (local.date(), local.hour, local.minute)
    for text in (day_text(local), day_text(local).split(" ", 1)[1]):
        assert parse_when(text, NOW, zone).date() == local.date()


@given(st.integers(min_value=-170, max_value=170), st.integers(min_value=0, max_value=1439),
       SHOWN_ZONES)
def test_a_day_shown_without_its_year_is_the_nearest_one(days: int, minutes: int,
                                                         zone: str) -> None:
    local = NOW.to(zone).floor("day").shift(days=days, minutes=minutes)
    back = parse_when(short_when(local, zone), NOW, zone)
    assert (back.date(), back.hour, back.minute) == (local.date(), local.hour, local.minute)
    assert parse_when(short_day(local, zone), NOW, zone).date() == local.date()
    assert parse_when(local.format("ddd DD MMM"), NOW, zone).date() == local.date()


@pytest.mark.parametrize(("text", "shown"), [
    ("Sun 06 Dec 2026", "2026-12-06 09:00"), ("10 Dec 2026 17:00", "2026-12-10 17:00"),
    ("06 Dec", "2026-12-06 09:00"), ("tuesday, 15 december 2026", "2026-12-15 09:00"),
    ("05 Jan", "2027-01-05 09:00"), ("15 Dec 5pm", "2026-12-15 17:00"),
])
def test_days_written_as_the_app_writes_them(text: str, shown: str) -> None:
    assert parse_when(text, NOW).format("YYYY-MM-DD HH:mm") == shown


@pytest.mark.parametrize(("text", "says"), [
    ("Mon 06 Dec 2026", "06 Dec 2026 is a Sunday, not a Monday"),
    ("31 Feb 2027", "Feb has no day 31"),
])
def test_a_shown_day_that_does_not_exist_is_refused(text: str, says: str) -> None:
    with pytest.raises(DateNotUnderstood, match=says):
        parse_when(text, NOW)


# A short number after the month could be a year or a time: it is refused, and the message
# names what was typed and gives each reading written so that it is understood.
def examples(message: str) -> list[str]:
    return re.findall(r"\(([^)]+)\)", message) or re.findall(r"as in (.+)$", message)


@pytest.mark.parametrize(("text", "says", "year", "time"), [
    ("15 Dec 12", "is 12 the year or the time?", "15 Dec 2012", "15 Dec 12:00"),
    ("15 Dec 26", "write the year in full", "15 Dec 2026", "15 Dec 14:00"),
    ("Dec 15 12", "is 12 the year or the time?", "15 Dec 2012", "15 Dec 12:00"),
    ("tue 15 dec 07", "is 07 the year or the time?", "15 Dec 2007", "15 Dec 07:00"),
    ("15 Dec 99", "write the year in full", "15 Dec 1999", "15 Dec 14:00"),
])
def test_a_short_number_after_the_month_is_asked_about(text: str, says: str, year: str,
                                                        time: str) -> None:
    with pytest.raises(DateNotUnderstood) as refused:
        parse_when(text, NOW)
    message = str(refused.value)
    assert message.startswith(f"“{text}”: ") and says in message
    assert examples(message) == [year, time]


@given(st.integers(min_value=1, max_value=28), st.sampled_from(MONTH_NAMES),
       st.integers(min_value=0, max_value=99), st.sampled_from(["", "0"]),
       st.booleans())
def test_every_short_number_after_a_month_is_refused_with_examples_that_work(
        day: int, month: str, number: int, pad: str, day_only: bool) -> None:
    digits = f"{pad}{number}" if number < 10 else str(number)
    text = f"{day} {month} {digits}"
    with pytest.raises(DateNotUnderstood) as refused:
        parse_when(text, NOW, default_time=None if day_only else (9, 0))
    message = str(refused.value)
    assert f"“{text}”" in message
    shown = examples(message)
    assert len(shown) == (1 if day_only else 2)
    for example in shown:
        back = parse_when(example, NOW)
        assert (back.day, back.format("MMM")) == (day, month[:3].title())
    year = parse_when(shown[0], NOW).year
    assert year % 100 == number and abs(year - NOW.year) <= 50
    if not day_only and number <= 23:
        assert parse_when(shown[1], NOW).hour == number


@pytest.mark.parametrize(("text", "shown"), [
    ("15 Dec 2026 12", "2026-12-15 12:00"), ("15 dec at 12", "2026-12-15 12:00"),
    ("15 Dec 12pm", "2026-12-15 12:00"), ("15 Dec 12:00", "2026-12-15 12:00"),
    ("15 Dec 2026 at 9", "2026-12-15 09:00"), ("tomorrow 9", "2026-11-22 09:00"),
    ("Dec 15", "2026-12-15 09:00"), ("december 15th, 2026", "2026-12-15 09:00"),
    ("Tue Dec 15 2026 17:30", "2026-12-15 17:30"), ("may 5", "2027-05-05 09:00"),
    ("15th dec", "2026-12-15 09:00"),
])
def test_a_year_or_a_time_written_plainly_is_read_as_meant(text: str, shown: str) -> None:
    assert parse_when(text, NOW).format("YYYY-MM-DD HH:mm") == shown


def test_a_short_year_before_a_time_is_asked_for_in_full() -> None:
    with pytest.raises(DateNotUnderstood) as refused:
        parse_when("15 dec 26 14:00", NOW)
    assert str(refused.value) == \
        "“15 dec 26 14:00”: write the year in full, as in 15 Dec 2026 14:00"
    assert parse_when(examples(str(refused.value))[0], NOW).format("YYYY-MM-DD HH:mm") == \
        "2026-12-15 14:00"


@pytest.mark.parametrize(("text", "shown"), [
    ("15/12/2026", "2026-12-15 09:00"), ("12/15/2026", "2026-12-15 09:00"),
    ("15-12-2026 14:00", "2026-12-15 14:00"), ("15.12.2026 at 3pm", "2026-12-15 15:00"),
    ("5/5/2027", "2027-05-05 09:00"), ("31/1", "2027-01-31 09:00"), ("12/25", "2026-12-25 09:00"),
])
def test_a_month_as_a_number_that_can_only_be_the_month_is_read(text: str, shown: str) -> None:
    assert parse_when(text, NOW).format("YYYY-MM-DD HH:mm") == shown


@pytest.mark.parametrize("text", ["13/13", "0/15", "15/0", "32/13 14:00"])
def test_two_numbers_neither_of_which_is_a_month_are_not_a_date(text: str) -> None:
    with pytest.raises(DateNotUnderstood) as refused:
        parse_when(text, NOW)
    first, second = text.split()[0].split("/")
    assert str(refused.value) == (f"“{text}” is not a date: neither {int(first)} nor "
                                  f"{int(second)} can be a month")


@pytest.mark.parametrize(("text", "example"), [
    ("15/12/26", "15/12/2026"), ("12-15-26 14:00", "12-15-2026 14:00"),
])
def test_a_month_as_a_number_with_a_short_year_asks_for_it_in_full(text: str,
                                                                   example: str) -> None:
    with pytest.raises(DateNotUnderstood) as refused:
        parse_when(text, NOW)
    assert str(refused.value) == f"“{text}”: write the year in full, as in {example}"
    assert parse_when(example, NOW).format("YYYY-MM-DD") == "2026-12-15"


@pytest.mark.parametrize(("text", "day"), [
    ("3/4", "2026-04-03"), ("4/3/2027", "2027-03-04"), ("3.4.26 9:00", "2026-04-03"),
    ("9.30", "2026-09-30"), ("10-20", "2026-10-20"),
])
def test_a_month_written_as_a_number_is_asked_for_as_a_word(text: str, day: str) -> None:
    with pytest.raises(DateNotUnderstood) as refused:
        parse_when(text, NOW)
    message = str(refused.value)
    assert message.startswith(f"“{text}”: ") and "write the month as a word" in message
    word, iso = examples(message)[0], message.rsplit(" ", 1)[-1]
    assert iso == day and parse_when(word, NOW).format("YYYY-MM-DD") == day


@pytest.mark.parametrize(("typed", "said"), [
    ("2026-12-11 17:00xyz", "“2026-12-11 17:00xyz” is not a date and time I understand; "
                            "write them as 2027-03-01 or 2027-03-01 14:00"),
    ("2026-13-01", "“2026-13-01” is not a date: month must be in 1..12"),
])
def test_a_broken_iso_date_is_refused_in_plain_words(typed: str, said: str) -> None:
    with pytest.raises(DateNotUnderstood) as refused:
        parse_when(typed, NOW, "UTC")
    assert str(refused.value) == said
    assert "ISO 8601" not in str(refused.value)
