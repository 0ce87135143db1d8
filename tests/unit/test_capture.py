"""Reading the capture line: marks in any order, names looked up, and never a crash."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negtui.domain.capture import (
    Completing,
    candidates,
    complete,
    completing_at,
    parse_capture,
    resolve_capture,
    slug,
)
from negtui.domain.currencies import ISO_4217
from negtui.domain.models import Deal, Term

TERMS = [Term(id="t-rate", name="Day rate"), Term(id="t-pay", name="Payment terms"),
         Term(id="t-pen", name="Penalty clause"), Term(id="t-ip", name="Tooling IP")]
DEALS = [Deal(id="d-own", name="Northwind data platform"),
         Deal(id="d-harbor", name="Harbor retainer renewal"),
         Deal(id="d-hill", name="Hillside audit")]


def test_plain_text_is_what_happened() -> None:
    capture = parse_capture("  Accepted   one on-site day ")
    assert capture.what == "Accepted one on-site day"
    assert capture.term is None and capture.value_us is None and not capture.problems


def test_marks_in_any_order_are_taken_out_of_the_text() -> None:
    capture = parse_capture('them:6 net 45 #pay us:3 ="45 days" @harbor // procurement pushed')
    assert capture.what == "net 45"
    assert capture.term == "pay"
    assert (capture.value_us, capture.value_them) == (3, 6)
    assert capture.position == "45 days"
    assert capture.deal == "harbor"
    assert capture.note == "procurement pushed"
    assert capture.problems == ()


def test_bare_position_and_upper_case_values() -> None:
    capture = parse_capture("rate down #day-rate =690 US:4 Them:7")
    assert capture.position == "690"
    assert (capture.value_us, capture.value_them) == (4, 7)


@pytest.mark.parametrize(("line", "position", "what"), [
    ("rate down #day-rate =690 EUR", "690 EUR", "rate down"),
    ("#day-rate =1,200 USD for a year us:4", "1,200 USD", "for a year"),
    ("#day-rate =90k CHF", "90k CHF", "Day rate to 90k CHF"),
    ("#day-rate =690 € held", "690 €", "held"),
    ("#day-rate =690 for nine months", "690", "for nine months"),
    ("#day-rate =690 EURO", "690", "EURO"),
    ("#day-rate =690 eur", "690", "eur"),  # small letters: could be a word
    ("#day-rate =net EUR", "net EUR", "Day rate to net EUR"),  # words: all of them
])
def test_a_currency_after_an_amount_belongs_to_the_position(line: str, position: str,
                                                            what: str) -> None:
    capture = parse_capture(line)
    assert capture.position == position
    assert resolve_capture(capture, TERMS, DEALS, "d-own").what == what


@pytest.mark.parametrize(("line", "position", "what"), [
    ("Extended payment to 45 days #pay us:3 them:6 =45 days", "45 days",
     "Extended payment to 45 days"),
    ("#pay =30 business days // finance agreed", "30 business days",
     "Payment terms to 30 business days"),
    ("#pay =2 Weeks held", "2 Weeks", "held"),
    ("#pen =10 % cap", "10 %", "cap"),
    ("#pay =45 dayz", "45", "dayz"),  # not a unit: the word stays what happened
])
def test_a_unit_of_time_after_an_amount_belongs_to_the_position(line: str, position: str,
                                                                what: str) -> None:
    resolved = resolve_capture(parse_capture(line), TERMS, DEALS, "d-own")
    assert (resolved.capture.position, resolved.what) == (position, what)


def test_the_terms_own_unit_after_an_amount_belongs_to_the_position() -> None:
    terms = [Term(id="t-rate", name="Day rate", unit="EUR/day"), *TERMS[1:]]
    resolved = resolve_capture(parse_capture("rate up #day-rate =700 eur/day held"),
                               terms, DEALS, "d-own")
    assert (resolved.capture.position, resolved.what) == ("700 eur/day", "rate up held")
    # Another term's unit is just a word.
    other = resolve_capture(parse_capture("moved #pay =700 EUR/day"), terms, DEALS, "d-own")
    assert (other.capture.position, other.what) == ("700", "moved EUR/day")


@given(st.integers(min_value=0, max_value=10**7), st.sampled_from(sorted(ISO_4217)))
def test_every_currency_code_stays_with_its_amount(amount: int, code: str) -> None:
    capture = parse_capture(f"moved #day-rate ={amount} {code} them:5")
    assert capture.position == f"{amount} {code}"
    assert capture.what == "moved" and capture.value_them == 5


@pytest.mark.parametrize("typed", ["day-rate", "Day-Rate", "day_rate"])
def test_an_exact_term_name_wins_over_a_longer_name_it_starts(typed: str) -> None:
    terms = [*TERMS, Term(id="t-cap", name="Day rate cap")]
    resolved = resolve_capture(parse_capture(f"held #{typed}"), terms, DEALS, "d-own")
    assert resolved.problems == ()
    assert resolved.term is not None and resolved.term.id == "t-rate"
    longer = resolve_capture(parse_capture("held #day-rate-c"), terms, DEALS, "d-own")
    assert longer.term is not None and longer.term.id == "t-cap"


def test_two_terms_with_the_same_name_are_not_guessed_between() -> None:
    terms = [*TERMS, Term(id="t-rate2", name="Day-rate")]
    resolved = resolve_capture(parse_capture("held #day-rate"), terms, DEALS, "d-own")
    assert resolved.term is None
    assert resolved.problems == ("“day-rate” matches more than one term: Day rate, Day-rate",)


@pytest.mark.parametrize(("line", "position", "what"), [
    ("On-call one week a month #pay =one week a month", "one week a month",
     "On-call one week a month"),
    ("Exclusivity narrowed #pay =logistics only", "logistics only", "Exclusivity narrowed"),
    ("#pay =net 30 after review us:3 // finance", "net 30 after review",
     "Payment terms to net 30 after review"),
    ("=monthly in arrears #pay held", "monthly in arrears", "held"),
    ('#pay ="net 30" then held', "net 30", "then held"),  # quoted: it ends at the quote
])
def test_a_position_in_words_runs_to_the_next_mark(line: str, position: str,
                                                   what: str) -> None:
    resolved = resolve_capture(parse_capture(line), TERMS, DEALS, "d-own")
    assert (resolved.capture.position, resolved.what) == (position, what)
    assert resolved.problems == ()


@pytest.mark.parametrize(("line", "what", "position"), [
    ("Rate 700 #Day rate =700 EUR", "Rate 700", "700 EUR"),
    ("#day Rate went up", "went up", None),
    ("moved #Payment terms =net 30", "moved", "net 30"),
    ("held #Tooling IP us:4", "held", None),
    ("#day rates went up", "rates went up", None),  # not the name's next word
    ("#pay rate agreed", "rate agreed", None),  # another term's word stays text
])
def test_a_term_name_typed_with_its_spaces_is_the_term(line: str, what: str,
                                                       position: str | None) -> None:
    resolved = resolve_capture(parse_capture(line), TERMS, DEALS, "d-own")
    assert resolved.what == what
    assert resolved.capture.position == position
    assert resolved.term is not None and resolved.problems == ()


def test_a_typed_term_name_and_the_terms_own_unit_together() -> None:
    terms = [Term(id="t-rate", name="Day rate", unit="EUR/day"), *TERMS[1:]]
    resolved = resolve_capture(parse_capture("up #Day rate =700 eur/day held"), terms,
                               DEALS, "d-own")
    assert (resolved.capture.position, resolved.what) == ("700 eur/day", "up held")


def test_marks_inside_words_are_plain_text() -> None:
    capture = parse_capture("moved C# work to mail@example.com a=b")
    assert capture.what == "moved C# work to mail@example.com a=b"
    assert capture.term is None and capture.deal is None and capture.position is None


def test_bad_values_and_empty_marks_are_problems() -> None:
    capture = parse_capture("x us:11 them:two # = @")
    assert capture.value_us is None and capture.value_them is None
    assert len(capture.problems) == 5
    assert any("1 to 10" in problem for problem in capture.problems)


def test_two_different_terms_is_a_problem() -> None:
    assert parse_capture("x #pay #rate").problems
    assert not parse_capture("x #pay #pay").problems


def test_names_resolve_by_unique_start_and_slug() -> None:
    resolved = resolve_capture(parse_capture("net 45 #pay @harb"), TERMS, DEALS, "d-own")
    assert resolved.term is not None and resolved.term.id == "t-pay"
    assert resolved.linked_deal is not None and resolved.linked_deal.id == "d-harbor"
    assert resolved.problems == ()
    exact = resolve_capture(parse_capture("#day-rate =700"), TERMS, DEALS, "d-own")
    assert exact.term is not None and exact.term.id == "t-rate"
    assert exact.what == "Day rate to 700"


def test_ambiguous_or_unknown_names_are_explained() -> None:
    resolved = resolve_capture(parse_capture("x #p @h @zzz"), TERMS, DEALS, "d-own")
    assert any("more than one term" in p and "Payment terms" in p for p in resolved.problems)
    unknown = resolve_capture(parse_capture("x #nothing"), TERMS, DEALS, "d-own")
    assert unknown.term is None and "no term matches “nothing”" in unknown.problems


def test_own_deal_cannot_be_the_link() -> None:
    resolved = resolve_capture(parse_capture("x @northwind"), TERMS, DEALS, "d-own")
    assert resolved.linked_deal is None and resolved.problems


def test_position_needs_a_term_and_something_must_be_said() -> None:
    assert resolve_capture(parse_capture("=690"), TERMS, DEALS, "d-own").problems
    assert resolve_capture(parse_capture("  // only a note"), TERMS, DEALS, "d-own").problems


def test_completion_finds_the_word_under_the_cursor() -> None:
    text = "net 45 #pa us:3"
    where = completing_at(text, 10)
    assert where == Completing("#", 7, 10, "pa")
    assert completing_at(text, 3) is None
    assert completing_at("a // #pa", 8) is None
    new_text, cursor = complete(text, where, "Payment terms")
    assert new_text == "net 45 #payment-terms us:3"
    assert cursor == len("net 45 #payment-terms ")
    at_end, cursor = complete("x @ha", Completing("@", 2, 5, "ha"), "Harbor retainer renewal")
    assert at_end == "x @harbor-retainer-renewal " and cursor == len(at_end)


def test_candidates_starting_first_then_containing() -> None:
    names = [t.name for t in TERMS]
    assert candidates("", names) == names
    assert candidates("pa", names) == ["Payment terms"]
    assert candidates("ip", names) == ["Tooling IP"]
    assert candidates("rat", names) == ["Day rate"]
    assert candidates("te", names) == ["Day rate", "Payment terms"]
    assert slug("Day  rate!") == "day-rate"


@given(st.text(alphabet=st.sampled_from(list("ab #@=:\"/ usthem0123456789-\t\n")) ,
               max_size=60))
def test_parser_never_crashes_on_capture_like_text(text: str) -> None:
    capture = parse_capture(text)
    resolve_capture(capture, TERMS, DEALS, "d-own")
    for cursor in range(len(text) + 1):
        where = completing_at(text, cursor)
        if where is not None:
            complete(text, where, "Day rate")


@given(st.text(max_size=200))
def test_parser_never_crashes_on_any_text(text: str) -> None:
    capture = parse_capture(text)
    assert isinstance(capture.what, str)
    assert capture.value_us is None or 1 <= capture.value_us <= 10
    resolve_capture(capture, TERMS, DEALS, "d-own")
    completing_at(text, len(text) // 2)
