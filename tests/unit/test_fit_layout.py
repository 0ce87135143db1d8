"""Which columns a narrow table keeps: one with nothing in it steps aside first."""

from __future__ import annotations

from negtui.ui.widgets.fit_layout import label_cut
from negtui.ui.widgets.fit_table import Column, lay_out

COLUMNS = [Column("Deal", "deal", 0, 8), Column("What", "what", 0, 8),
           Column("Term", "term", 2), Column("Traded against", "linked", 3)]


def test_an_empty_column_leaves_before_cutting_the_text_of_the_others() -> None:
    rows = [["Northwind data platform", "Offered 740 for nine months", "Day rate", ""]]
    # Room for everything but the empty column's title.
    room = 23 + 27 + 8 + 3 * 2
    layout = lay_out(COLUMNS, rows, room)
    assert layout.shown == (0, 1, 2)
    assert layout.widths == (None, None, None)
    # Nothing to widen the window for: the hint under the table does not name it.
    assert layout.hidden == ()


def test_a_column_with_something_in_it_keeps_its_rank() -> None:
    rows = [["Northwind data platform", "Offered 740 for nine months", "Day rate", "Atlas"]]
    layout = lay_out(COLUMNS, rows, 23 + 27 + 8 + 14 + 4 * 2 - 4)
    assert layout.hidden == ()
    assert layout.widths[0] is not None or layout.widths[1] is not None


POSITIONS = [Column("Term", "term", 0, 8), Column("Walk-away", "walk", 1, 8, whole=True),
             Column("Fallback", "fallback", 2, 8, whole=True), Column("Category", "cat", 3)]
BANK = [["Day rate", "700 EUR/day", "780 EUR with a 6-month review", "rate"]]


def test_a_position_is_read_whole_when_lesser_columns_can_make_the_room() -> None:
    # Room for all but the category: it leaves rather than the fallback being cut.
    room = 8 + 11 + 29 + 3 * 2
    layout = lay_out(POSITIONS, BANK, room)
    assert layout.shown == (0, 1, 2)
    assert layout.widths == (None, None, None)
    assert layout.hidden == ("Category",)


def test_a_position_is_cut_when_even_leaving_the_others_out_gives_no_room() -> None:
    # Not even the term and its positions fit whole: leaving columns out would not help,
    # so all stay and the positions are cut with "…".
    room = 8 + 11 + 20 + 3 * 2
    layout = lay_out(POSITIONS, BANK, room)
    assert layout.shown == (0, 1, 2, 3)
    assert layout.hidden == ()
    assert layout.widths[2] is not None and layout.widths[2] < 29


MUST_STAY = [Column("Deal", "deal", 0, 25), Column("Status", "status"),
             Column("Next", "next", 0, 27), Column("Alerts", "alerts"),
             Column("Value", "value", 3)]
LONG = [["Granite Systems contract 087", "negotiating", "overdue 185d · Milestone 11", "6",
         "84,000 EUR"]]


def test_columns_that_must_stay_are_cut_further_rather_than_scroll_sideways() -> None:
    # 80 columns less the pane's frame and a scrollbar: the floors alone need 77.
    layout = lay_out(MUST_STAY, LONG, 74)
    assert layout.fits
    assert layout.shown == (0, 1, 2, 3)
    widths = [w if w is not None else n for w, n in zip(layout.widths, (28, 11, 27, 6),
                                                         strict=True)]
    assert sum(widths) + 2 * len(widths) <= 74


def test_only_a_pane_too_narrow_even_for_the_last_floors_scrolls_sideways() -> None:
    assert not lay_out(MUST_STAY, LONG, 40).fits


def test_a_label_wider_than_its_column_ends_in_an_ellipsis() -> None:
    assert label_cut("Alerts", 4).plain == "Ale…"
    assert label_cut("Alerts", 6).plain == "Alerts"
    assert label_cut("[b]Deal", 10).plain == "[b]Deal"  # read literally


WRAPPING = [Column("Term", "term", 0, 8), Column("Fallback", "fallback", 2, 10, wrap=True),
            Column("Decide by", "decide", 1, wrap=True)]
WRAP_ROWS = [["Day rate", "30 days with 2% early payment discount", "06 Dec (in 3d)"]]
# Everything on one line: 8 + 38 + 14 and the padding of three columns.
ONE_LINE = 8 + 38 + 14 + 3 * 2


def test_rows_that_may_take_two_lines_keep_every_column_and_cut_nothing() -> None:
    room = ONE_LINE - 10
    # On one line a row's fallback would be cut with "…".
    one = lay_out(WRAPPING, WRAP_ROWS, room)
    assert one.lines == 1 and one.widths[1] == 28
    layout = lay_out(WRAPPING, WRAP_ROWS, room, lines=2)
    assert layout.lines == 2
    assert layout.shown == (0, 1, 2) and layout.hidden == ()
    # The longest text goes on over its second line; the others keep their width.
    assert layout.widths == (None, 28, None)


def test_a_table_that_fits_on_one_line_stays_on_one_line() -> None:
    layout = lay_out(WRAPPING, WRAP_ROWS, ONE_LINE, lines=2)
    assert layout.lines == 1 and layout.widths == (None, None, None)


def test_where_two_lines_are_not_enough_columns_leave_as_before() -> None:
    room = 30
    assert lay_out(WRAPPING, WRAP_ROWS, room, lines=2) == lay_out(WRAPPING, WRAP_ROWS, room)


NAMED = [Column("Term", "term", 0, 10, name=True), Column("On table", "offer", 0, 10),
         Column("Note", "note", 0, 10)]


def test_the_rows_names_keep_their_width_while_another_column_can_give_it() -> None:
    rows = [["Exclusivity in retail pricing", "none", "weekly email"],
            ["Price", "6 months, named competitors", "billed monthly"]]
    # Four cells short: the offer, long only once, gives them; the name stays whole.
    room = 29 + 27 + 14 + 3 * 2 - 4
    layout = lay_out(NAMED, rows, room)
    assert layout.shown == (0, 1, 2)
    assert layout.widths == (None, 23, None)


def test_a_column_of_many_long_texts_keeps_its_width_before_one_long_text_does() -> None:
    columns = [Column("Term", "term", 0, 10, name=True), Column("Deal", "deal", 0, 10),
               Column("Clashes", "clashes", 0, 10)]
    rows = [["Day rate", "Harbor retainer renewal", ""],
            ["Day rate", "Northwind data platform", ""],
            ["Price", "Meridian analytics extension", "Atlas pricing study"]]
    layout = lay_out(columns, rows, 8 + 28 + 19 + 3 * 2 - 8)
    # Down to 23 the deals lose one name's end, as the clash would; past that all three
    # would be cut, so the clash gives the rest.
    assert layout.widths == (None, 23, 16)
