"""The lines above the portfolio table: money in play, alerts, hours by week, and files
that could not be read."""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from negtui.domain.audit import Alert, Review
from negtui.domain.load import Load, Week
from negtui.domain.summary import Pipeline, amounts
from negtui.domain.text import visible
from negtui.domain.words import counted
from negtui.ui.palette import Role, style, theme_colour

BAR_WIDTH = 12


def capacity_bar(week: Week, available: float) -> Text:
    """This week's booked hours, then its tentative ones, against the hours available."""
    def cells(hours: float) -> int:
        if available <= 0:
            return BAR_WIDTH if hours > 0 else 0
        return round(hours / available * BAR_WIDTH)

    booked = min(BAR_WIDTH, cells(week.booked_hours))
    tentative = min(BAR_WIDTH - booked, cells(week.booked_hours + week.tentative_hours) - booked)
    # Length carries the meaning here, so the bar keeps its colour even without colour.
    shade = theme_colour("error" if week.booked_hours > available else "success")
    return Text.assemble(("█" * booked, shade), ("▒" * tentative, theme_colour("warning")),
                         ("░" * (BAR_WIDTH - booked - tentative), "dim"))


def _week_figures(load: Load, week: Week) -> Text:
    figures = Text.assemble((f"{week.booked_hours:g}/{load.available:g} h",
                             style(Role.ALARM) if load.over(week) else "bold"))
    if week.tentative_hours:
        figures.append(f" (+{week.tentative_hours:g} tentative)")
    return figures


def hours_line(load: Load) -> Text:
    """'Hours ███░ this week 30/40 h · peak wk 52: 60/40 h (+6 tentative)'."""
    this_week, peak = load.this_week, load.peak
    line = Text.assemble(("Hours ", "bold"), capacity_bar(this_week, load.available),
                         " this week ", _week_figures(load, this_week))
    if peak is this_week:
        line.append(f" · no busier week in the next {counted(len(load.weeks), 'week')}")
    else:
        line.append_text(Text.assemble(f" · peak {peak.label}: ", _week_figures(load, peak)))
    return line


def alerts_title(review: Review) -> str:
    """The alerts box's title: how the total splits, so the table's per-deal counts (alerts
    about that deal) add up to the first figure."""
    total = len(review.alerts)
    shared = review.portfolio_wide
    # Figures written as everywhere else: '1,192', as the band above says them.
    if review.of_all is not None:
        # Those about the portfolio as a whole stay, so the rows' counts add up to less.
        return (f"Alerts: {total:,} of {review.of_all:,}, for the deals shown and the "
                "portfolio — ! then enter: open it")
    if not total:
        return "Alerts: none"
    return (f"Alerts: {total:,} ({total - shared:,} on deals, {shared:,} portfolio-wide)"
            " — ! then enter: open it")


def band_text(flow: Pipeline, review: Review) -> Text:
    """The pipeline and the hours, a line each, cut with "…" rather than wrapped."""
    line_one = Text.assemble(
        ("Pipeline ", "bold"), amounts(flow.total()), " · weighted ", amounts(flow.weighted),
        " · ", (counted(len(review.alerts), "alert"),
                style(Role.ALARM) if review.alerts else style(Role.GOOD)),
    )
    band = Text("\n").join([line_one, hours_line(review.load)])
    band.no_wrap, band.overflow = True, "ellipsis"
    return band


def with_filters(band: Text, filters: list[str]) -> Text:
    """The band, and what the table is narrowed to on a line of its own under it."""
    shown = band.copy()
    if filters:
        shown.append_text(Text.assemble("\n", ("Showing ", "bold"), ", ".join(filters)))
    return shown


def _alert_grid(kind: Text, message: Text) -> Table:
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(kind, message)
    return grid


class AlertPrompt:
    """One alert: its kind, then the message, whose wrapped lines go on under the message
    rather than under the kind.

    Drawn line by line as a two-column grid (``_alert_grid``) would draw it, a few times
    faster: the alerts box draws every alert it lists to know its height. Not ``whole``,
    the alert takes one line, cut with "…" where it is too long for it."""

    def __init__(self, alert: Alert, whole: bool = True) -> None:
        self.kind = Text(f"{alert.kind}:", style="bold")
        self.message = Text(alert.message)
        self.whole = whole

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.whole:
            line = Text.assemble(self.kind, " ", self.message)
            if line.cell_len > options.max_width:
                # No space left before the "…": "Decide…", not "Decide …".
                line.truncate(max(0, options.max_width - 1))
                line.rstrip()
                line.append("…")
            line.pad_right(options.max_width - line.cell_len)
            yield from line.render(console)
            yield Segment.line()
            return
        gap = self.kind.cell_len + 1
        if options.max_width <= gap:
            yield _alert_grid(self.kind, self.message)
            return
        # The grid is no wider than the message needs; a word too long for a line ends
        # in "…" there, as in any cell of a grid.
        widest = Measurement.get(console, options, self.message).maximum
        inner = min(options.max_width - gap, max(1, widest))
        for number, line in enumerate(self.message.wrap(console, inner, overflow="ellipsis")):
            line.pad_right(inner - line.cell_len)
            lead = Text.assemble(self.kind, " ") if number == 0 else Text(" " * gap)
            yield from Text.assemble(lead, line).render(console)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, _alert_grid(self.kind, self.message))


def alert_prompt(alert: Alert, whole: bool = True) -> AlertPrompt:
    return AlertPrompt(alert, whole)


def problem_lines(read_only: bool, paths: Collection[Path],
                  last_name: Callable[[Path], str | None]) -> list[str]:
    """The banner over the deals: that nothing can be saved in a read-only folder, and
    which files could not be read, each with the deal it held when last read
    (``last_name``), if known."""
    lines = []
    if read_only:
        lines.append("This data folder is read-only: you can look, but no change can be saved.")
    if paths:
        named = []
        for path in sorted(paths, key=lambda path: path.name)[:3]:
            name = last_name(path)
            named.append(f"{path.name} ({visible(name)})" if name else path.name)
        more = " …" if len(paths) > 3 else ""
        lines.append(f"{counted(len(paths), 'file')} could not be read and "
                     f"{'is' if len(paths) == 1 else 'are'} left untouched: "
                     f"{', '.join(named)}{more} — run negtui check")
    return lines
