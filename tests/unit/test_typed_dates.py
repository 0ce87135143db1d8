"""Dates written back into a form read as the app writes them, and read back the same."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import arrow
from hypothesis import assume, given
from hypothesis import strategies as st

from negtui.domain.dates import (
    day_in_year,
    iso_when,
    parse_when,
    span_text,
    typed_day,
    typed_when,
)

NOW = arrow.get("2026-11-21T10:00:00+00:00")
ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney",
         "Pacific/Chatham", "America/St_Johns"]


def test_a_day_is_written_with_its_month_in_words_and_the_year_in_full() -> None:
    assert typed_day(date(2026, 12, 7)) == "07 Dec 2026"
    assert typed_day(None) == ""


def test_a_moment_is_written_on_the_clock_of_the_zone() -> None:
    moment = datetime(2026, 12, 7, 13, 30, tzinfo=UTC)
    assert typed_when(moment, "Europe/Berlin") == "07 Dec 2026 14:30"
    assert typed_when(moment, "UTC") == "07 Dec 2026 13:30"
    assert typed_when(None, "UTC") == ""


def test_a_spreadsheet_gets_the_moment_in_iso() -> None:
    moment = datetime(2026, 12, 7, 13, 30, tzinfo=UTC)
    assert iso_when(moment, "Europe/Berlin") == "2026-12-07 14:30"
    assert iso_when(None, "UTC") == ""


def test_a_day_of_this_year_stays_short_and_another_year_says_which() -> None:
    assert day_in_year(date(2026, 12, 7), 2026) == "07 Dec"
    assert day_in_year(date(2027, 12, 7), 2026) == "07 Dec 2027"


def test_a_span_names_its_years_only_when_one_end_is_in_another_year() -> None:
    assert span_text(date(2026, 12, 7), date(2026, 12, 13), 2026) == "07 Dec to 13 Dec"
    assert (span_text(date(2026, 12, 28), date(2027, 1, 3), 2026)
            == "28 Dec 2026 to 03 Jan 2027")
    assert (span_text(date(2027, 3, 1), date(2027, 3, 7), 2026)
            == "01 Mar 2027 to 07 Mar 2027")


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)))
def test_a_typed_day_reads_back_as_the_same_day(day: date) -> None:
    assert parse_when(typed_day(day), NOW, "UTC", default_time=None).date() == day


@given(st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2150, 12, 31)),
       st.sampled_from(ZONES))
def test_a_typed_moment_reads_back_as_the_same_minute_in_the_users_zone(
        naive: datetime, zone: str) -> None:
    moment = naive.replace(second=0, microsecond=0, tzinfo=UTC)
    local = moment.astimezone(ZoneInfo(zone))
    # An hour the clocks go back through is shown twice on the wall; typed, it means the
    # first of the two, as anyone reading the clock would take it.
    wall = local.replace(tzinfo=None)
    first = wall.replace(tzinfo=ZoneInfo(zone), fold=0)
    assume(first.utcoffset() == wall.replace(tzinfo=ZoneInfo(zone), fold=1).utcoffset()
           or first.astimezone(UTC) == moment)
    read = parse_when(typed_when(moment, zone), NOW, zone)
    assert read.datetime == moment
    assert read.datetime.utcoffset() == local.utcoffset()
