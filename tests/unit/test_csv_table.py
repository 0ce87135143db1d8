"""Reading what spreadsheets save: separators, headers in the app's words, row numbers."""

from __future__ import annotations

import arrow
import pytest

from negtui.domain.csv_table import TableRefused, column_letter, read_table
from negtui.domain.term_csv import TERM_NAMES, terms_from_csv

NOW = arrow.get("2026-11-23T09:30:00+00:00")


def test_headers_match_in_any_case_with_or_without_a_note() -> None:
    rows = read_table("TERM,impact on this deal (1-10),WALK AWAY,Port\nRate,9,700,3\n",
                      TERM_NAMES, ["name"])
    assert rows[0].cells == {"name": "Rate", "impact_deal": "9", "walk_away": "700",
                             "impact_portfolio": "3"}


def test_the_separator_is_found_and_a_sep_line_is_obeyed() -> None:
    semicolons = read_table('Term;Ideal\r\n"Rate, daily";"800,50"\r\n', TERM_NAMES, ["name"])
    assert semicolons[0].cells == {"name": "Rate, daily", "ideal": "800,50"}
    told = read_table("sep=|\nTerm|Ideal\nRate|800\n", TERM_NAMES, ["name"])
    assert told[0].cells == {"name": "Rate", "ideal": "800"}


def test_rows_are_numbered_as_the_spreadsheet_shows_them() -> None:
    text = "Term,Impact on deal\n\nRate,9\n\nTravel,12\n"
    with pytest.raises(TableRefused) as refused:
        terms_from_csv(text, [], NOW, "UTC")
    (problem,) = refused.value.problems
    assert (problem.row, problem.column, problem.header) == (5, 2, "Impact on deal")
    assert str(problem).startswith("row 5, column B (Impact on deal): ")


def test_a_missing_term_column_and_a_column_twice_are_refused_together() -> None:
    with pytest.raises(TableRefused) as refused:
        read_table("Ideal,Walk-away,walk away\n1,2,3\n", TERM_NAMES, ["name"])
    messages = str(refused.value)
    assert "column C (walk away): the same field as column B" in messages
    assert "“Term” is needed" in messages


def test_column_letters_go_past_z() -> None:
    assert [column_letter(n) for n in (1, 26, 27, 52)] == ["A", "Z", "AA", "AZ"]
