"""The give and take of one deal term by term, for the rows a tall Concessions screen has
under its log: where the value went, and which terms gave nothing back."""

from __future__ import annotations

from rich.text import Text

from negtui.domain.balance import Side, by_term
from negtui.domain.book import DealBook

NAME_MOST = 28
HEADINGS = ("Gave", "Cost us", "Got", "Worth to us", "Net")


def _cut(name: str, most: int) -> str:
    return name if len(name) <= most else name[:most - 1] + "…"


def _worth(side: Side) -> str:
    """A side's value to us, or a dash where none of its entries was valued."""
    return str(side.value_us) if side.count > side.unvalued else "—"


def term_balance(book: DealBook) -> Text:
    """One line per term touched, in the order first touched: how many were given and
    what they cost, how many came back and what they are worth, and the difference."""
    rows = by_term(book.concessions, book.terms)
    if not rows:
        return Text("Nothing logged yet: each term's give and take adds up here.",
                    "italic")
    names = [row.term or "(no term)" for row in rows]
    width = min(NAME_MOST, max(len("Term"), *(len(name) for name in names)))
    out = Text("Term".ljust(width), "bold")
    for heading in HEADINGS:
        out.append(f"  {heading}", "bold")
    for name, row in zip(names, rows, strict=True):
        given, received = row.balance.given, row.balance.received
        net = received.value_us - given.value_us
        # A difference only where every entry of the term had a value: an unvalued one
        # could be worth anything.
        whole = not (given.unvalued or received.unvalued) and (given.count or received.count)
        cells = (str(given.count), _worth(given), str(received.count), _worth(received),
                 f"{net:+d}" if whole else "—")
        out.append("\n")
        out.append(_cut(name, width).ljust(width), "italic" if not row.term else "")
        for heading, cell in zip(HEADINGS, cells, strict=True):
            out.append("  " + cell.rjust(len(heading)))
        if given.count and not received.count:
            out.append("  nothing back yet", "italic")
    return out
