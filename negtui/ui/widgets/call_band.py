"""What sits around the live log: the balance band and the pinned hard lines."""

from __future__ import annotations

import arrow
from rich.text import Text

from negtui.actions.concessions import active_call
from negtui.domain.balance import Balance, GiveTrend, balance, describe_ratio, give_trend
from negtui.domain.book import DealBook
from negtui.domain.guards import is_non_negotiable
from negtui.domain.models import Settings, Term
from negtui.domain.positions import Verdict, verdict, with_unit
from negtui.ui.palette import Role, style
from negtui.ui.widgets.shown import plain


def _side(label: str, count: int, value: int, worth: bool) -> Text:
    """'gave 4 worth 16': how many, and what they were worth to us together; no worth
    where none of them was given a value (a zero would read as one)."""
    side = Text.assemble(f"{label} ", (str(count), "bold"))
    if count and worth and value:
        side.append(f" worth {value}", "dim")
    return side


def _figures(figures: Balance, worth: bool = True) -> Text:
    return Text.assemble(
        _side("gave", figures.given.count, figures.given.value_us, worth), "  ",
        _side("got", figures.received.count, figures.received.value_us, worth),
        "  reciprocity ", (describe_ratio(figures.ratio), "bold"),
    )


def _fitted(width: int | None, *forms: Text) -> Text:
    """The first of ``forms``, fullest first, that fits ``width``; else the last one."""
    for form in forms:
        if width is None or form.cell_len <= width:
            return form
    return forms[-1]


def elapsed_text(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _trend_text(trend: GiveTrend, valued: bool) -> Text:
    gives = "valued gives" if valued else "gives"
    return Text.assemble(
        f"  our last {len(trend.sizes)} {gives} " if len(trend.sizes) > 1 else f"  our {gives} ",
        (trend.trend.value, "bold"),
        # One give is no run of sizes: "too few to tell 1" would read as a slip.
        (f" {'→'.join(str(size) for size in trend.sizes)}" if len(trend.sizes) > 1 else "",
         "dim"))


def band_lines(book: DealBook, now: arrow.Arrow,
               width: int | None = None) -> tuple[Text, Text]:
    """The call line (timer and this call's balance, or how to start one) and the line of
    the whole deal's balance and trend. Where a line is wider than ``width``, what the
    gives were worth goes first, then the "this call" label, so the figures and the trend
    stay whole; the deal's name is what is cut then."""
    call = active_call(book)
    name = plain(book.deal.name, "bold", one_line=True)
    if call is not None:
        elapsed = (now - arrow.get(call.started)).total_seconds()
        in_call = balance([c for c in book.concessions if c.call_id == call.id])
        timer = Text.assemble("  ", ("● call ", style(Role.ALARM)),
                              (elapsed_text(elapsed), "bold"))
        tail = _fitted(
            None if width is None else width - min(name.cell_len, 12),
            Text.assemble(timer, ("  this call  ", "dim"), _figures(in_call)),
            Text.assemble(timer, ("  this call  ", "dim"), _figures(in_call, worth=False)),
            Text.assemble(timer, "  ", _figures(in_call, worth=False)))
    else:
        tail = Text("  no call running (c starts one)", "dim")
    if width is not None and name.cell_len + tail.cell_len > width:
        name.truncate(max(1, width - tail.cell_len), overflow="ellipsis")
    first = Text.assemble(name, tail, no_wrap=True, overflow="ellipsis")
    trend = give_trend(book.concessions)
    overall = balance(book.concessions)
    # How many gives the trend is read from, as it looks at the latest few only; "valued"
    # when some gives had no value and so are not among them, if there is room to say so.
    said = [_trend_text(trend, valued) for valued in ((True, False) if trend.skipped else
                                                      (False,))]
    second = _fitted(
        width,
        *(Text.assemble(("overall  ", "dim"), _figures(overall, worth=worth), trend_text)
          for worth, trend_text in ((True, said[0]), (False, said[0]), (False, said[-1]))))
    second.no_wrap, second.overflow = True, "ellipsis"
    return first, second


def _positions(term: Term) -> Text:
    line = Text()
    walk_away = with_unit(term, term.walk_away) or "—"
    line.append_text(plain(f"walk-away {walk_away}", "dim", one_line=True))
    if term.on_table:
        past = verdict(term) is Verdict.PAST_WALK_AWAY
        line.append_text(plain(f" · table {with_unit(term, term.on_table)}",
                               style(Role.ALARM) if past else "", one_line=True))
        if past:
            line.append(", past walk-away", style(Role.ALARM))
    line.append("\n")
    return line


def pinned_text(book: DealBook, settings: Settings) -> Text:
    """The hard lines with their reasons, then every other walk-away point."""
    hard = [term for term in book.terms if is_non_negotiable(term, settings)]
    others = [term for term in book.terms if term.walk_away and term not in hard]
    text = Text()
    text.append("Hard lines\n", style(Role.ALARM))
    for term in hard:
        text.append_text(plain(f"■ {term.name}  ", "bold", one_line=True))
        text.append_text(_positions(term))
        if term.rationale:
            text.append_text(plain(f"  {term.rationale}\n", "italic"))
    if not hard:
        text.append("  none rated non-negotiable\n", "dim")
    text.append("Walk-away points\n", "bold")
    for term in others:
        text.append_text(plain(f"• {term.name}  ", "bold", one_line=True))
        text.append_text(_positions(term))
    if not others:
        text.append("  none set\n", "dim")
    return text
