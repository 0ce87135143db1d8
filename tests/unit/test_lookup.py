"""Finding a deal from what a person typed."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from negtui.domain.lookup import NoUniqueMatch, resolve


@dataclass(frozen=True)
class Item:
    id: str
    name: str


ITEMS = [
    Item("d-north1", "Northwind data platform"),
    Item("d-north2", "Northwind support"),
    Item("d-harbor", "Harbor retainer renewal"),
    Item("d-atlas", "Atlas pricing study"),
    Item("d-atlasx", "Atlas"),
]


def find(text: str) -> Item:
    return resolve(text, ITEMS, id_of=lambda i: i.id, name_of=lambda i: i.name, what="deal")


def test_exact_id_wins() -> None:
    assert find("d-harbor").name == "Harbor retainer renewal"


def test_id_wins_over_a_name_prefix() -> None:
    items = [Item("a", "b-thing"), Item("b", "a-thing")]
    found = resolve("a", items, id_of=lambda i: i.id, name_of=lambda i: i.name, what="deal")
    assert found.name == "b-thing"


def test_unique_name_prefix() -> None:
    assert find("Harb").id == "d-harbor"


@pytest.mark.parametrize("text", ["harbor", "HARBOR RET", "  hArBoR  "])
def test_name_prefix_ignores_case_and_surrounding_space(text: str) -> None:
    assert find(text).id == "d-harbor"


def test_full_name_that_is_also_a_prefix_of_another_is_chosen() -> None:
    assert find("atlas").id == "d-atlasx"


def test_ambiguous_prefix_names_the_candidates() -> None:
    with pytest.raises(NoUniqueMatch) as error:
        find("north")
    message = str(error.value)
    assert "“north” matches more than one deal" in message
    assert "Northwind data platform" in message
    assert "Northwind support" in message


def test_no_match_says_so() -> None:
    with pytest.raises(NoUniqueMatch, match="no deal matches “zephyr”"):
        find("zephyr")


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_text_matches_nothing(text: str) -> None:
    with pytest.raises(NoUniqueMatch, match="no deal given"):
        find(text)


def test_id_match_is_exact_not_a_prefix() -> None:
    with pytest.raises(NoUniqueMatch):
        find("d-harb")


def test_ambiguity_is_a_value_error_for_callers() -> None:
    with pytest.raises(ValueError):
        find("northwind")


def test_the_command_line_and_the_capture_bar_read_names_alike() -> None:
    from negtui.domain.capture import parse_capture, resolve_capture
    from negtui.domain.models import Term

    terms = [Term(id="t-1", name="Day rate"), Term(id="t-2", name="Payment terms")]
    for typed in ("day-rate", "Day rate", "day r", "DAY_RATE"):
        found = resolve(typed, terms, id_of=lambda t: t.id, name_of=lambda t: t.name,
                        what="term")
        assert found.id == "t-1", typed
    captured = resolve_capture(parse_capture("Held #day-rate"), terms, [], "d-1")
    assert captured.term is not None and captured.term.id == "t-1"
