"""The calendar's rules: dates read from terms and deals, overdue items, checkpoints, warnings."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from negtui.domain.book import DealBook
from negtui.domain.calendar import (
    DEAL_END,
    DEAL_START,
    CalendarEntry,
    CalendarRefused,
    agenda,
    by_day,
    calendar_entries,
    call_warnings,
    day_counts,
    deal_entries,
    is_overdue,
    month_weeks,
    overdue_days,
    portfolio_entries,
    review_checkpoints,
    shift_month,
    zone,
)
from negtui.domain.calendar_agenda import AgendaPage, agenda_page
from negtui.domain.clock import fixed_clock
from negtui.domain.durations import describe_minutes, parse_minutes
from negtui.domain.models import Deal, Fallback, Milestone, Term
from negtui.domain.vocab import DealStatus, MilestoneKind, TermStatus

UTC = ZoneInfo("UTC")
BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)


def at(day: int, hour: int = 9, month: int = 11, tz: ZoneInfo = UTC) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=tz)


def milestone(mid: str, kind: MilestoneKind, due: datetime, **extra: object) -> Milestone:
    return Milestone(id=mid, kind=kind, title=mid, due=due, **extra)


def book_with(*milestones: Milestone, status: DealStatus = DealStatus.NEGOTIATING,
              terms: list[Term] | None = None, **deal: object) -> DealBook:
    return DealBook(deal=Deal(id="d-one", name="Northwind", status=status, **deal),
                    milestones=list(milestones), terms=terms or [])


def test_term_dates_and_deal_dates_appear_without_being_copied() -> None:
    rate = Term(id="t-rate", name="Day rate", on_table="740",
                fallback=Fallback(position="780 with review", decide_by=at(26)),
                offer_expires=at(30, 17))
    book = book_with(milestone("m-call", MilestoneKind.CALL, at(24)), terms=[rate],
                     start=date(2026, 12, 7), end=date(2027, 6, 11))
    entries = {e.uid: e for e in deal_entries(book, UTC)}

    assert set(entries) == {"milestone-d-one-m-call", "fallback-d-one-t-rate",
                            "offer-d-one-t-rate", "deal-start-d-one", "deal-end-d-one"}
    fallback = entries["fallback-d-one-t-rate"]
    assert fallback.kind == MilestoneKind.FALLBACK_DEADLINE
    assert fallback.start == at(26) and fallback.milestone_id is None
    assert "Day rate" in fallback.title and "780 with review" in fallback.note
    offer = entries["offer-d-one-t-rate"]
    assert offer.kind == MilestoneKind.OFFER_EXPIRY and offer.start == at(30, 17)
    start = entries["deal-start-d-one"]
    assert start.kind == DEAL_START and start.all_day and start.day(UTC) == date(2026, 12, 7)
    assert entries["deal-end-d-one"].kind == DEAL_END
    # Only the user's own milestone can be edited from the calendar.
    assert [e.milestone_id for e in entries.values() if e.milestone_id] == ["m-call"]


def test_a_settled_term_no_longer_asks_for_its_fallback() -> None:
    agreed = Term(id="t-pay", name="Payment", status=TermStatus.AGREED,
                  fallback=Fallback(decide_by=at(1)))
    (entry,) = deal_entries(book_with(terms=[agreed]), UTC)
    assert entry.done
    assert not is_overdue(entry, NOW)


def test_overdue_follows_the_injected_clock() -> None:
    book = book_with(
        milestone("m-past", MilestoneKind.DECISION_DEADLINE, at(20)),
        milestone("m-done", MilestoneKind.CALL, at(19), done=True),
        milestone("m-long", MilestoneKind.PREP_BLOCK, at(21, 7), duration_minutes=120),
        start=date(2026, 1, 1),
    )
    entries = {e.milestone_id or e.kind: e for e in deal_entries(book, UTC)}
    clock = fixed_clock(NOW)
    now = clock().datetime
    assert is_overdue(entries["m-past"], now)
    assert not is_overdue(entries["m-done"], now)
    # A block is overdue only once it is over, not while it is going on.
    assert is_overdue(entries["m-long"], now)
    assert not is_overdue(entries["m-long"], at(21, 8))
    assert not is_overdue(entries["m-past"], at(20, 8))
    # A deal's start date is a fact, not a task: it never falls overdue.
    assert not is_overdue(entries[DEAL_START], now)


@pytest.mark.parametrize("status", [DealStatus.CLOSED, DealStatus.WALKED_AWAY])
def test_on_the_calendar_a_finished_deals_past_dates_are_history(status: DealStatus) -> None:
    rate = Term(id="t-rate", name="Day rate", fallback=Fallback(decide_by=at(18)))
    late = milestone("m-late", MilestoneKind.DECISION_DEADLINE, at(20))
    finished = book_with(late, terms=[rate], status=status)
    live = book_with(late, terms=[rate]).model_copy(
        update={"deal": Deal(id="d-two", name="Harbor")})
    shown = calendar_entries([finished, live], UTC)
    # Still on the calendar, but only the live deal's leftovers are overdue.
    assert len(shown) == 4
    assert {e.deal_id for e in shown if is_overdue(e, NOW)} == {"d-two"}
    assert [e.deal_id for e in agenda(shown, date(2026, 11, 21), 7, NOW, UTC).overdue] == [
        "d-two", "d-two"]
    alone = calendar_entries([finished], UTC)
    assert not overdue_days(alone, NOW, UTC)
    # Everywhere else the finished deal's dates stay as they are, to be cleared up.
    assert overdue_days(portfolio_entries([finished], UTC), NOW, UTC) == {
        date(2026, 11, 18), date(2026, 11, 20)}


def test_agenda_lists_the_window_by_day_and_overdue_items_from_before() -> None:
    book = book_with(
        milestone("m-late", MilestoneKind.FOLLOW_UP, at(10)),
        milestone("m-old-done", MilestoneKind.CALL, at(9), done=True),
        milestone("m-a", MilestoneKind.CALL, at(22, 15)),
        milestone("m-b", MilestoneKind.PREP_BLOCK, at(22, 8)),
        milestone("m-far", MilestoneKind.REVIEW, at(20, month=12)),
    )
    plan = agenda(deal_entries(book, UTC), date(2026, 11, 21), 14, NOW, UTC)
    assert [e.milestone_id for e in plan.overdue] == ["m-late"]
    assert [(day, [e.milestone_id for e in items]) for day, items in plan.days] == [
        (date(2026, 11, 22), ["m-b", "m-a"])]


def test_the_agenda_lists_the_whole_items_its_rows_hold_each_taking_the_rows_it_needs() -> None:
    book = book_with(
        milestone("m-late", MilestoneKind.FOLLOW_UP, at(10)),
        milestone("m-a", MilestoneKind.CALL, at(22)),
        milestone("m-b", MilestoneKind.PREP_BLOCK, at(22, 11)),
        milestone("m-far", MilestoneKind.REVIEW, at(20, month=12)),
    )
    entries, first = deal_entries(book, UTC), date(2026, 11, 21)

    def rows(entry: CalendarEntry, overdue: bool) -> int:
        return 3 if entry.milestone_id == "m-b" else 1  # a title wrapped over three rows

    def listed(page: AgendaPage) -> list[str | None]:
        return [e.milestone_id for e in page.overdue] + [
            e.milestone_id for _, items in page.days for e in items]

    # Overdue heading and item, the 22nd's heading and its items: 2 + 1 + 1 + 3 rows.
    page = agenda_page(entries, first, 60, 7, NOW, UTC, rows)
    assert listed(page) == ["m-late", "m-a", "m-b"] and page.last == date(2026, 12, 19)
    assert page_of(agenda_page(entries, first, 60, 9, NOW, UTC, rows)) == (
        ["m-late", "m-a", "m-b", "m-far"], date(2027, 1, 19), 0)
    # Six rows: the 22nd lists the item that fits whole, and says it has two.
    cut = agenda_page(entries, first, 60, 6, NOW, UTC, rows)
    assert page_of(cut) == (["m-late", "m-a"], date(2026, 11, 22), 2)
    # Too short even for one item of the day: its first item and the latest overdue one.
    assert listed(agenda_page(entries, first, 60, 0, NOW, UTC, rows)) == ["m-late", "m-a"]
    assert agenda_page([], first, 60, 0, NOW, UTC, rows).empty


def page_of(page: AgendaPage) -> tuple[list[str | None], date, int]:
    ids = [e.milestone_id for e in page.overdue]
    ids += [e.milestone_id for _, items in page.days for e in items]
    return ids, page.last, page.last_count


def test_overdue_items_keep_half_the_rows_while_days_follow_the_latest_first() -> None:
    late = [milestone(f"m-late-{n}", MilestoneKind.FOLLOW_UP, at(10 + n)) for n in range(6)]
    soon = [milestone(f"m-soon-{n}", MilestoneKind.CALL, at(22, 8 + n)) for n in range(6)]
    entries = deal_entries(book_with(*late, *soon), UTC)
    page = agenda_page(entries, date(2026, 11, 21), 7, 10, NOW, UTC, lambda e, o: 1)
    # Five rows of ten: the heading and the four latest, in order; the day has the rest.
    assert [e.milestone_id for e in page.overdue] == [f"m-late-{n}" for n in range(2, 6)]
    assert page.overdue_count == 6
    assert [len(items) for _, items in page.days] == [4] and page.last_count == 6
    # With no day after them, the overdue items take every row.
    alone = agenda_page(deal_entries(book_with(*late), UTC), date(2026, 11, 21), 7, 5, NOW,
                        UTC, lambda e, o: 1)
    assert len(alone.overdue) == 4


def test_days_are_counted_in_the_zone_the_calendar_is_read_in() -> None:
    # 23:30 UTC on the 24th is already the 25th in Berlin.
    late = milestone("m-late", MilestoneKind.CALL, datetime(2026, 11, 24, 23, 30, tzinfo=UTC))
    entries = deal_entries(book_with(late), UTC)
    assert day_counts(entries, UTC) == {date(2026, 11, 24): {MilestoneKind.CALL.value: 1}}
    assert day_counts(entries, BERLIN) == {date(2026, 11, 25): {MilestoneKind.CALL.value: 1}}


def test_each_days_items_come_in_agenda_order_and_are_what_it_counts() -> None:
    book = book_with(milestone("m-call", MilestoneKind.CALL, at(24, 15)),
                     milestone("m-prep", MilestoneKind.PREP_BLOCK, at(24, 8)),
                     start=date(2026, 11, 24))
    days = by_day(deal_entries(book, UTC), UTC)
    assert [e.kind for e in days[date(2026, 11, 24)]] == [
        DEAL_START, MilestoneKind.PREP_BLOCK, MilestoneKind.CALL]
    assert day_counts(deal_entries(book, UTC), UTC)[date(2026, 11, 24)] == {
        DEAL_START: 1, MilestoneKind.PREP_BLOCK.value: 1, MilestoneKind.CALL.value: 1}


def test_checkpoints_follow_the_cadence_until_the_deal_ends() -> None:
    book = book_with(status=DealStatus.ACTIVE, start=date(2026, 11, 2), end=date(2027, 1, 31))
    made = review_checkpoints(book, 3, NOW, UTC)
    days = [m.due.date() for m in made]
    # Three weeks after today (the deal started earlier), then every three weeks.
    assert days == [date(2026, 12, 12), date(2027, 1, 2), date(2027, 1, 23)]
    assert all(m.kind == MilestoneKind.CHECKPOINT for m in made)
    assert made[0].title == "Review checkpoint 1 of 3"
    assert all(m.reminder_minutes for m in made)


def test_checkpoints_start_after_a_future_start_and_are_not_added_twice() -> None:
    book = book_with(status=DealStatus.AGREED, start=date(2027, 1, 4), end=date(2027, 3, 1))
    first = review_checkpoints(book, 4, NOW, UTC)
    assert [m.due.date() for m in first] == [date(2027, 2, 1), date(2027, 3, 1)]
    book.milestones.extend(first)
    assert review_checkpoints(book, 4, NOW, UTC) == []
    # A day that already holds a review is left alone.
    other = book_with(milestone("m-rev", MilestoneKind.REVIEW, datetime(2027, 2, 1, 14,
                                                                         tzinfo=UTC)),
                      status=DealStatus.AGREED, start=date(2027, 1, 4), end=date(2027, 3, 1))
    assert [m.due.date() for m in review_checkpoints(other, 4, NOW, UTC)] == [date(2027, 3, 1)]


def test_checkpoint_titles_count_the_checkpoints_added_without_gaps() -> None:
    # Every three weeks from 12 Dec: 12 Dec, 2 Jan, 23 Jan; 2 Jan already holds a review.
    book = book_with(milestone("m-rev", MilestoneKind.REVIEW, datetime(2027, 1, 2, 15,
                                                                        tzinfo=UTC)),
                     status=DealStatus.ACTIVE, start=date(2026, 11, 2), end=date(2027, 1, 31))
    made = review_checkpoints(book, 3, NOW, UTC)
    assert [m.due.date() for m in made] == [date(2026, 12, 12), date(2027, 1, 23)]
    assert [m.title for m in made] == ["Review checkpoint 1 of 2", "Review checkpoint 2 of 2"]


@pytest.mark.parametrize("status", [DealStatus.PROSPECT, DealStatus.NEGOTIATING,
                                    DealStatus.CLOSED])
def test_checkpoints_wait_for_signing(status: DealStatus) -> None:
    book = book_with(status=status, end=date(2027, 3, 1))
    with pytest.raises(CalendarRefused, match="after signing"):
        review_checkpoints(book, 2, NOW, UTC)


def test_checkpoints_need_an_end_date_and_a_sane_cadence() -> None:
    with pytest.raises(CalendarRefused, match="no end date"):
        review_checkpoints(book_with(status=DealStatus.ACTIVE), 2, NOW, UTC)
    signed = book_with(status=DealStatus.ACTIVE, end=date(2027, 3, 1))
    with pytest.raises(CalendarRefused, match="1 to 52"):
        review_checkpoints(signed, 0, NOW, UTC)
    with pytest.raises(CalendarRefused, match="no checkpoint fits"):
        review_checkpoints(signed, 52, NOW, UTC)


def test_checkpoints_keep_their_local_time_across_a_daylight_saving_change() -> None:
    # Berlin leaves summer time on 25 October 2026: +02:00 before, +01:00 after.
    book = book_with(status=DealStatus.ACTIVE, start=date(2026, 9, 1), end=date(2026, 11, 10))
    now = datetime(2026, 10, 1, 12, 0, tzinfo=UTC)
    made = review_checkpoints(book, 2, now, BERLIN, first=date(2026, 10, 12))
    local = [(m.due.astimezone(BERLIN).strftime("%m-%d %H:%M"), m.due.utcoffset())
             for m in made]
    assert local == [("10-12 09:00", timedelta(hours=2)), ("10-26 09:00", timedelta(hours=1)),
                     ("11-09 09:00", timedelta(hours=1))]
    assert [m.due.astimezone(UTC).hour for m in made] == [7, 8, 8]


def test_calls_without_prep_or_follow_up_are_flagged() -> None:
    book = book_with(
        milestone("m-prep", MilestoneKind.PREP_BLOCK, at(22)),
        milestone("m-call-ready", MilestoneKind.CALL, at(24)),
        milestone("m-follow", MilestoneKind.FOLLOW_UP, at(25)),
        milestone("m-call-bare", MilestoneKind.CALL, at(10, month=12)),
        milestone("m-call-long-ago", MilestoneKind.CALL, at(1, month=10)),
    )
    found = [(w.call.milestone_id, w.problem) for w in call_warnings([book], NOW, UTC)]
    assert found == [
        ("m-call-bare", "no prep block in the 3 days before"),
        ("m-call-bare", "no follow-up within 3 days"),
    ]


@pytest.mark.parametrize(("prep_before", "warned"), [
    (timedelta(days=3), False),  # exactly at the window's edge: still in time
    (timedelta(days=3, minutes=1), True),  # a minute earlier: outside the window
    (timedelta(0), False),  # right up to the call
    (-timedelta(minutes=1), True),  # after the call has started: no prep
])
def test_the_prep_window_edges(prep_before: timedelta, warned: bool) -> None:
    call = at(24, 15)
    book = book_with(milestone("m-prep", MilestoneKind.PREP_BLOCK, call - prep_before),
                     milestone("m-call", MilestoneKind.CALL, call),
                     milestone("m-follow", MilestoneKind.FOLLOW_UP, call + timedelta(days=1)))
    found = [w.problem for w in call_warnings([book], NOW, UTC)]
    assert found == (["no prep block in the 3 days before"] if warned else [])


@pytest.mark.parametrize(("follow_after", "warned"), [
    (timedelta(days=3, minutes=45), False),  # exactly three days after the call's end
    (timedelta(days=3, minutes=46), True),
    (timedelta(0), False),  # as the call starts
    (-timedelta(minutes=1), True),  # before the call is no follow-up
])
def test_the_follow_up_window_edges(follow_after: timedelta, warned: bool) -> None:
    call = at(24, 15)
    book = book_with(milestone("m-prep", MilestoneKind.PREP_BLOCK, call - timedelta(days=1)),
                     milestone("m-call", MilestoneKind.CALL, call, duration_minutes=45),
                     milestone("m-follow", MilestoneKind.FOLLOW_UP, call + follow_after))
    found = [w.problem for w in call_warnings([book], NOW, UTC)]
    assert found == (["no follow-up within 3 days"] if warned else [])


def test_a_one_day_window_is_written_in_the_singular() -> None:
    book = book_with(milestone("m-call", MilestoneKind.CALL, at(24)))
    found = [w.problem for w in call_warnings([book], NOW, UTC, prep_days=1, follow_up_days=1)]
    assert found == ["no prep block in the 1 day before", "no follow-up within 1 day"]


def test_a_past_call_still_wants_its_follow_up_but_not_its_prep() -> None:
    book = book_with(milestone("m-call", MilestoneKind.CALL, at(19), done=True))
    found = [w.problem for w in call_warnings([book], NOW, UTC)]
    assert found == ["no follow-up within 3 days"]


def test_finished_deals_raise_no_call_warnings() -> None:
    book = book_with(milestone("m-call", MilestoneKind.CALL, at(24)),
                     status=DealStatus.WALKED_AWAY)
    assert call_warnings([book], NOW, UTC) == []


def test_month_grid_weeks_start_on_monday_and_cover_the_month() -> None:
    weeks = month_weeks(2026, 11)
    assert weeks[0][0] == date(2026, 10, 26) and weeks[-1][-1] == date(2026, 12, 6)
    assert all(len(week) == 7 and week[0].weekday() == 0 for week in weeks)
    assert shift_month(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert shift_month(date(2026, 1, 15), -1) == date(2025, 12, 15)
    assert shift_month(date(2026, 11, 23), 14) == date(2028, 1, 23)


@pytest.mark.parametrize(("text", "minutes"), [
    ("", None), ("45", 45), ("45m", 45), ("1h30", 90), ("2 hours", 120), ("1d", 1440),
    ("1w", 10080),
])
def test_lengths_of_time_are_read_as_typed(text: str, minutes: int | None) -> None:
    assert parse_minutes(text) == minutes
    if minutes is not None:
        assert parse_minutes(describe_minutes(minutes)) == minutes


@pytest.mark.parametrize("text", ["soon", "1.5h", "h", "-3"])
def test_nonsense_lengths_are_refused(text: str) -> None:
    with pytest.raises(CalendarRefused):
        parse_minutes(text)


def test_unknown_time_zones_are_refused_in_words() -> None:
    assert zone("Europe/Berlin") == BERLIN
    with pytest.raises(CalendarRefused, match="not a time zone"):
        zone("Mars/Olympus")


def test_a_term_s_dates_give_its_positions_in_its_unit() -> None:
    when = datetime(2026, 12, 7, 17, tzinfo=ZoneInfo("UTC"))
    term = Term(id="t-1", name="Day rate", unit="EUR/day", on_table="740",
                offer_expires=when, fallback=Fallback(position="780", decide_by=when))
    book = DealBook(deal=Deal(id="d-1", name="Northwind"), terms=[term])
    notes = {entry.note for entry in deal_entries(book, ZoneInfo("UTC"))}
    assert {"Fallback: 780 EUR/day", "On the table: 740 EUR/day"} <= notes
