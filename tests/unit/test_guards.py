"""The three guards: a hard line, a walk-away point, and giving without getting back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from negtui.domain.guards import (
    Guard,
    check_concession,
    describe_warning,
    gives_in_a_row,
    log_flags,
    needs_confirmation,
)
from negtui.domain.models import Concession, Settings, Term
from negtui.domain.vocab import Direction

START = datetime(2026, 11, 21, 10, tzinfo=UTC)
RATE = Term(id="t-rate", name="Day rate", impact_deal=9, impact_portfolio=8,
            rationale="Sets the floor for every other contract", consequence="Renewals start lower",
            ideal="820 EUR", acceptable="760 EUR", walk_away="700 EUR", on_table="740 EUR")
DAYS = Term(id="t-pay", name="Payment terms", impact_deal=6, impact_portfolio=3,
            ideal="14 days", acceptable="30 days", walk_away="45 days", more_is_better=False)
TRAVEL = Term(id="t-travel", name="Travel", impact_deal=3, impact_portfolio=2)
GIVEN, RECEIVED = Direction.GIVEN, Direction.RECEIVED


def entry(number: int, direction: Direction, term: Term | None = None, position: str = "",
          deleted: bool = False) -> Concession:
    return Concession(id=f"c-{number:04d}", direction=direction, what=f"entry {number}",
                      term_id=term.id if term else None, at=START + timedelta(minutes=number),
                      position=position, deleted=deleted)


def guards(direction: Direction, term: Term | None, position: str | None,
           log: list[Concession], settings: Settings | None = None) -> set[Guard]:
    found = check_concession(direction, term, position, log, settings or Settings())
    return {warning.guard for warning in found}


def test_give_on_a_non_negotiable_needs_confirmation_with_its_rationale() -> None:
    warnings = check_concession(GIVEN, RATE, None, [entry(1, RECEIVED)], Settings())
    assert [w.guard for w in warnings] == [Guard.NON_NEGOTIABLE]
    assert needs_confirmation(warnings)
    assert warnings[0].rationale == "Sets the floor for every other contract"
    assert "Renewals start lower" in describe_warning(warnings[0])


def test_non_negotiable_follows_the_threshold_and_only_gives() -> None:
    assert guards(RECEIVED, RATE, None, []) == set()
    assert guards(GIVEN, RATE, None, [], Settings(high_threshold=10)) == set()
    assert guards(GIVEN, TRAVEL, None, [entry(1, RECEIVED)]) == set()


def test_give_past_walk_away_is_warned_without_asking() -> None:
    log = [entry(1, RECEIVED)]
    warnings = check_concession(GIVEN, DAYS, "60 days", log, Settings())
    assert [w.guard for w in warnings] == [Guard.PAST_WALK_AWAY]
    assert not needs_confirmation(warnings)
    assert "45 days" in warnings[0].message
    assert guards(GIVEN, DAYS, "45", log) == set()
    assert guards(GIVEN, DAYS, None, log) == set()
    assert guards(GIVEN, RATE, "690", log) == {Guard.NON_NEGOTIABLE, Guard.PAST_WALK_AWAY}
    assert guards(GIVEN, RATE, "700", log) == {Guard.NON_NEGOTIABLE}


def test_unreciprocated_after_the_limit_of_gives_in_a_row() -> None:
    assert guards(GIVEN, None, None, []) == set()
    assert guards(GIVEN, None, None, [entry(1, GIVEN)]) == {Guard.UNRECIPROCATED}
    assert guards(GIVEN, None, None, [entry(1, GIVEN), entry(2, RECEIVED)]) == set()
    three = Settings(unreciprocated_limit=3)
    assert guards(GIVEN, None, None, [entry(1, GIVEN)], three) == set()
    assert guards(GIVEN, None, None, [entry(1, GIVEN), entry(2, GIVEN)], three) == {
        Guard.UNRECIPROCATED}
    warnings = check_concession(GIVEN, None, None, [entry(1, GIVEN), entry(2, GIVEN)], three)
    assert warnings[0].message.startswith("3 concessions given in a row")
    one = Settings(unreciprocated_limit=1)
    warnings = check_concession(GIVEN, None, None, [], one)
    assert warnings[0].message == "1 concession given in a row with nothing received back"


def test_gives_in_a_row_ignores_undone_entries_and_uses_time_order() -> None:
    log = [entry(3, GIVEN), entry(1, GIVEN), entry(2, RECEIVED), entry(4, RECEIVED, deleted=True)]
    assert gives_in_a_row(log) == 1
    assert gives_in_a_row([]) == 0


def test_log_flags_mark_each_entry_as_it_was_logged() -> None:
    log = [entry(1, GIVEN, TRAVEL), entry(2, GIVEN, RATE), entry(3, RECEIVED),
           entry(4, GIVEN, DAYS, position="60 days"), entry(5, GIVEN, deleted=True)]
    flags = log_flags(log, [RATE, DAYS, TRAVEL], Settings())
    assert flags["c-0001"] == frozenset()
    assert flags["c-0002"] == {Guard.NON_NEGOTIABLE, Guard.UNRECIPROCATED}
    assert flags["c-0003"] == frozenset()
    assert flags["c-0004"] == {Guard.PAST_WALK_AWAY}
    assert "c-0005" not in flags


def test_a_position_that_cannot_be_compared_is_said_so_never_taken_as_safe() -> None:
    scope = Term(id="t-excl", name="Exclusivity", impact_deal=4, impact_portfolio=4,
                 walk_away="logistics, 12 months")
    log = [entry(1, RECEIVED)]
    warnings = check_concession(GIVEN, scope, "12 months", log, Settings())
    assert [w.guard for w in warnings] == [Guard.UNCOMPARABLE]
    assert "logistics, 12 months" in warnings[0].message and not needs_confirmation(warnings)
    # A term with no walk-away has nothing to compare with; a receive is never checked.
    assert guards(GIVEN, TRAVEL, "12 months", log) == set()
    assert guards(RECEIVED, scope, "12 months", log) == set()
    # It is no flag in the log afterwards: the flags say what was crossed.
    logged = [*log, entry(2, GIVEN, scope, "12 months")]
    assert log_flags(logged, [scope], Settings())["c-0002"] == frozenset()


@pytest.mark.parametrize("typed", ["logistics, 12 months", "Logistics,  12 MONTHS",
                                   "healthcare only", "all sectors"])
def test_a_worded_position_the_preparation_wrote_down_is_not_called_uncomparable(
    typed: str,
) -> None:
    scope = Term(id="t-excl", name="Exclusivity", impact_deal=4, impact_portfolio=4,
                 ideal="all sectors", acceptable="healthcare only",
                 walk_away="logistics, 12 months")
    assert guards(GIVEN, scope, typed, [entry(1, RECEIVED)]) == set()
    # Other words still cannot be compared.
    assert guards(GIVEN, scope, "logistics, 18 months", [entry(1, RECEIVED)]) == {
        Guard.UNCOMPARABLE}
