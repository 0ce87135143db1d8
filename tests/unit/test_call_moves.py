"""What moved in a call: each entry with who gave it, its term and where the offer went,
and a few words for the calls table."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from negtui.domain.balance import moved_briefly, moved_lines
from negtui.domain.models import Concession, Term
from negtui.domain.vocab import Direction

AT = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)
TERMS = [Term(id="t-rate", name="Day rate"), Term(id="t-travel", name="Travel")]


def entry(n: int, direction: Direction, what: str, term: str | None = None,
          **more: object) -> Concession:
    return Concession(id=f"c-{n}", direction=direction, what=what, term_id=term,
                      at=AT + timedelta(minutes=n), **more)  # type: ignore[arg-type]


def test_each_entry_says_who_gave_what_on_which_term_and_where_the_offer_went() -> None:
    entries = [entry(2, Direction.RECEIVED, "Weekly email", None),
               entry(1, Direction.GIVEN, "Rate to 740", "t-rate", position="740",
                     replaced_offer="760"),
               entry(3, Direction.GIVEN, "Withdrawn", "t-travel", deleted=True)]
    assert moved_lines(entries, TERMS) == ["gave · Day rate: Rate to 740 (760 → 740)",
                                           "got: Weekly email"]


def test_the_short_account_names_the_terms_each_side_moved_on() -> None:
    entries = [entry(1, Direction.GIVEN, "Rate to 740", "t-rate"),
               entry(2, Direction.GIVEN, "Rate to 720", "t-rate"),
               entry(3, Direction.GIVEN, "One site day", "t-travel"),
               entry(4, Direction.RECEIVED, "Weekly email")]
    assert moved_briefly(entries, TERMS) == "gave Day rate, Travel; got 1 item"
    assert moved_briefly([], TERMS) == "nothing"
