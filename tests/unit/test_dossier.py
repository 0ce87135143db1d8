"""The dossier holds every section, and the shared copy holds nothing private."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest

from negtui.demo import demo_portfolio
from negtui.domain.book import DealBook
from negtui.domain.clock import Clock
from negtui.domain.lessons import all_lessons
from negtui.domain.models import Concession, Deal, Fallback, Settings, Term
from negtui.export.dossier import (
    SECTIONS,
    SHARED_SECTIONS,
    Format,
    dossier_filename,
    dossier_text,
    rating_text,
)

DEMO_NAMES = [
    "Northwind data platform", "Harbor retainer renewal", "Atlas pricing study",
    "Meridian analytics extension", "Quill content partnership", "Lumen onboarding audit",
    "Orchard loyalty pilot", "Tidewater platform bid",
]


@pytest.fixture
def demo(clock: Clock) -> tuple[Settings, dict[str, DealBook], datetime]:
    settings, books = demo_portfolio(clock)
    return settings, {book.deal.name: book for book in books}, clock().datetime


def _headings(text: str) -> list[str]:
    return re.findall(r"^## (.+)$", text, flags=re.MULTILINE)


def _html_headings(text: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r"<h2>(.*?)</h2>", text)]


def private_values(book: DealBook, settings: Settings) -> list[str]:
    """Every private value recorded for the deal that no shared field happens to repeat."""
    deal = book.deal
    shared_positions = {t.on_table for t in book.terms}
    values = [deal.batna, deal.walk_away, deal.objective]
    for term in book.terms:
        values += [term.fallback.position, term.rationale, term.consequence,
                   rating_text(term)]
        values += [p for p in (term.walk_away, term.acceptable, term.ideal)
                   if p not in shared_positions]
    values += [s.outcome for s in book.scenarios]
    values += [c.note for c in book.concessions]
    values += [p.style for p in book.stakeholders] + [p.history for p in book.stakeholders]
    values += [r.risk for r in book.risks] + [r.mitigation for r in book.risks]
    values += [a.framing for a in book.agenda] + [a.alternative for a in book.agenda]
    values += [v.benefit_them for v in book.value_map] + [v.benefit_us for v in book.value_map]
    values += [getattr(deal.research, name) for name in type(deal.research).model_fields]
    values += list(deal.success_measures)
    # A one-word position such as "none" says nothing on its own; the marker test in
    # test_shared_dossier covers every field with text that cannot occur by chance.
    return [v for v in values if v and " " in v.strip()]


@pytest.mark.parametrize("name", DEMO_NAMES)
def test_private_dossier_has_every_section(demo, name: str) -> None:
    settings, books, now = demo
    book = books[name]
    markdown = dossier_text(book, settings, now)
    assert markdown.startswith(f"# Dossier: {name}\n")
    assert _headings(markdown) == SECTIONS
    page = dossier_text(book, settings, now, fmt="html")
    assert _html_headings(page) == SECTIONS
    if book.deal.batna:
        assert book.deal.batna in markdown
    for term in book.terms:
        assert term.name in markdown
        assert rating_text(term) in markdown
        if term.walk_away:
            assert term.walk_away in markdown


@pytest.mark.parametrize("name", DEMO_NAMES)
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_shared_dossier_leaks_nothing_private(demo, name: str, fmt: Format) -> None:
    settings, books, now = demo
    book = books[name]
    lessons = all_lessons(books.values())
    shared = dossier_text(book, settings, now, fmt=fmt, share=True,
                          lessons=lessons)
    readable = html.unescape(shared) if fmt == "html" else shared.replace("\\", "")
    headings = _html_headings(shared) if fmt == "html" else _headings(shared)
    # The demo marks nothing to share: no agenda and no value exchange.
    assert headings == SHARED_SECTIONS[:3]
    secrets = private_values(book, settings)
    assert secrets, "the demo deal should have something private to hide"
    for secret in secrets:
        assert secret not in readable, f"{secret!r} leaked into the shared {fmt} dossier"
    for label in ("Walk-away", "Fallback", "rated ", "non-negotiable", "Acceptable",
                  "Likelihood", "Value to us", "Lesson from"):
        assert label not in readable
    for term in book.terms:
        assert term.name in readable


def test_html_is_self_contained_and_printable(demo) -> None:
    settings, books, now = demo
    page = dossier_text(books["Northwind data platform"], settings, now, fmt="html")
    assert page.startswith("<!DOCTYPE html>")
    assert "@media print" in page
    for outside in ("<script", "<link", "src=", "http://", "https://", "@import"):
        assert outside not in page


def test_text_typed_by_the_user_cannot_break_the_document(demo) -> None:
    settings, _, now = demo
    book = DealBook(deal=Deal(id="d-odd", name="Odd <b>deal</b> | pipes",
                              batna="a | b <script>alert(1)</script>"))
    book.terms = [Term(id="t-1", name="Rate | day", ideal="<i>800</i>")]
    page = dossier_text(book, settings, now, fmt="html")
    assert "<script>" not in page and "&lt;script&gt;" in page
    markdown = dossier_text(book, settings, now)
    row = next(line for line in markdown.splitlines() if line.startswith("| Rate"))
    assert row.count(" | ") == 6  # seven cells: the pipe in the name is escaped


def test_empty_deal_says_what_is_missing(demo) -> None:
    settings, _, now = demo
    markdown = dossier_text(DealBook(deal=Deal(id="d-new", name="New")), settings, now)
    assert _headings(markdown) == SECTIONS
    assert "Nothing recorded yet: terms." in markdown
    assert "not written down yet" in markdown


def test_file_names() -> None:
    deal = Deal(id="d-1", name="Northwind data platform")
    assert dossier_filename(deal) == "northwind-data-platform-dossier.md"
    assert dossier_filename(deal, "html", share=True) == \
        "northwind-data-platform-dossier-shared.html"
    assert dossier_filename(Deal(id="d-2", name="???")) == "d-2-dossier.md"


def test_concession_totals_are_both_valued_by_us(clock: Clock) -> None:
    now = clock().datetime

    def entry(cid: str, direction: str, us: int | None, them: int | None,
              deleted: bool = False) -> Concession:
        return Concession(id=cid, direction=direction, what=cid, value_us=us, value_them=them,
                          at=now, deleted=deleted)

    book = DealBook(deal=Deal(id="d-one", name="One"), concessions=[
        entry("gave-a", "given", 2, 6), entry("gave-b", "given", 5, 1),
        entry("got-a", "received", 4, 9), entry("got-b", "received", 3, 1),
        entry("got-unvalued", "received", None, 7),
        entry("got-undone", "received", 10, 10, deleted=True),
    ])
    text = dossier_text(book, Settings(), now)
    # Cost to us of the gives: 2 + 5; worth to us of what came back: 4 + 3. The other
    # side's figures (6 + 1 and 9 + 1 + 7) and the undone entry count for nothing here.
    assert "2 given, 3 received. What we gave cost us 7; what we received is worth 7." in text


def test_positions_carry_the_unit_typed_for_the_term(clock: Clock) -> None:
    now = clock().datetime
    rate = Term(id="t-rate", name="Day rate", unit="EUR/day", ideal="820", acceptable="760",
                walk_away="700 EUR", on_table="740")
    book = DealBook(deal=Deal(id="d-one", name="One"), terms=[rate])
    row = next(line for line in dossier_text(book, Settings(), now).splitlines()
               if line.startswith("| Day rate "))
    for shown in ("820 EUR/day", "760 EUR/day", "700 EUR/day", "740 EUR/day"):
        assert shown in row
    shared = dossier_text(book, Settings(), now, share=True)
    assert "| Day rate | other | 740 EUR/day |" in shared


def test_milestones_include_the_dates_a_term_carries(clock: Clock) -> None:
    now = clock().datetime
    rate = Term(id="t-rate", name="Day rate", unit="EUR/day", on_table="740",
                offer_expires=datetime(2026, 12, 9, 17, 0, tzinfo=UTC),
                fallback=Fallback(position="760 with a review",
                                  decide_by=datetime(2026, 12, 7, 9, 0, tzinfo=UTC)))
    book = DealBook(deal=Deal(id="d-one", name="One"), terms=[rate])
    text = dossier_text(book, Settings(), now)
    section = text.split("## Milestones", 1)[1].split("\n## ", 1)[0]
    assert "Nothing recorded yet" not in section
    fallback, offer = (line for line in section.splitlines() if "Day rate" in line)
    assert "Decide on fallback: Day rate" in fallback and "760 with a review" in fallback
    assert "Offer expires: Day rate" in offer and "740 EUR/day" in offer
    assert "ahead" in fallback and "ahead" in offer
