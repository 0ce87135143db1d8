"""The live log of one deal: a row per live concession, redrawn only where it changed.

The table follows the deal as it is read from disk: rows that went are dropped, changed
ones redrawn in place, new ones appended, so a long log costs little per entry. When the
only change is entries logged after the last one shown, only those are flagged and drawn:
an entry costs the same however long the log already is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import arrow
from rich.text import Text
from textual import events
from textual.widgets.data_table import ColumnKey

from negtui.domain.book import DealBook
from negtui.domain.dates import other_years, short_when
from negtui.domain.guards import FLAG_LETTERS, FlagRun, Guard, in_order
from negtui.domain.models import Concession, Settings, Term
from negtui.domain.positions import with_unit
from negtui.domain.vocab import Direction
from negtui.ui.palette import Role, style
from negtui.ui.widgets.shown import DataTable, plain

# Every row says its day and time alike, today's too: one format down the column, with the
# year on every row once an entry falls in another year than today's.
TIME_WIDTH, TIME_WITH_YEAR_WIDTH = len("07 Dec 14:30"), len("07 Dec 2026 14:30")
COLUMNS = [("Time", "time", TIME_WIDTH), ("Side", "side", 4), ("Term", "term", 14),
           ("Us", "us", 2), ("Them", "them", 4), ("Flags", "flags", 5), ("What", "what", None)]
FLAG_ROLES = {Guard.NON_NEGOTIABLE: Role.ALARM, Guard.PAST_WALK_AWAY: Role.ATTENTION,
              Guard.UNRECIPROCATED: Role.WARNING}
FLAG_LEGEND = "flags  N non-negotiable · W past walk-away · U given, nothing back"
SIDES = {Direction.GIVEN: ("gave", Role.WARNING), Direction.RECEIVED: ("got", Role.GOOD)}


def side_text(direction: Direction) -> Text:
    word, role = SIDES[direction]
    return Text(word, style(role))
# The narrowest the What column gets, however narrow the window.
WHAT_AT_LEAST = 12


@dataclass(frozen=True)
class _Source:
    """What one row is drawn from; a row is redrawn only when this changes."""

    concession: Concession
    flags: frozenset[Guard]
    term: str
    linked: str
    position: str = ""
    """Where the term stood after it, with the term's unit ("50 days")."""


def _value(number: int | None) -> Text:
    return Text("·" if number is None else str(number), justify="right", style="dim" if
                number is None else "")


def flag_text(flags: frozenset[Guard]) -> Text:
    text = Text()
    for guard, letter in FLAG_LETTERS.items():
        if guard in flags:
            text.append(letter, style(FLAG_ROLES[guard]))
        else:
            text.append(" ")
    return text


def _row(source: _Source, timezone: str, year: bool) -> tuple[str | Text, ...]:
    concession = source.concession
    what = plain(concession.what, one_line=True)
    if source.position:
        what.append_text(plain(f"  ={source.position}", "bold", one_line=True))
    if source.linked:
        what.append_text(plain(f"  @{source.linked}", style(Role.LINK), one_line=True))
    return (
        short_when(concession.at, timezone, year=year),
        side_text(concession.direction),
        plain(source.term, one_line=True, overflow="ellipsis", no_wrap=True),
        _value(concession.value_us), _value(concession.value_them), flag_text(source.flags),
        what,
    )


class ConcessionLog(DataTable[str | Text]):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._deal_id: str | None = None
        self._shown: list[str] = []
        self._sources: dict[str, _Source] = {}
        # What the rows were drawn from, to tell when entries were only added at the end.
        self._drawn_from: tuple[list[Concession], list[Term], Settings,
                                Mapping[str, str]] | None = None
        self._run: FlagRun | None = None
        self._first: Concession | None = None
        self._last: Concession | None = None
        # Whether the rows carry their year: some entry is from another year than today.
        self._year = False

    def on_mount(self) -> None:
        for label, key, width in COLUMNS:
            self.add_column(label, key=key, width=width)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_what(event.size.width)
        # Shorter now (a call started and what is on the table shows below): the chosen
        # entry, usually the newest, stays in view rather than scrolled out of it.
        self.call_after_refresh(self._cursor_in_view)

    def _cursor_in_view(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.cursor_row, animate=False)

    def watch_show_vertical_scrollbar(self) -> None:
        self._fit_what(self.size.width)

    def _fit_what(self, room_of_log: int) -> None:
        # What was conceded takes the room the other columns and the scrollbar (when the
        # entries need one) leave, cut with "…" when it is longer: the log never scrolls
        # sideways, and no text runs under the scrollbar.
        fixed = sum((width or 0) + 2 * self.cell_padding for _, _, width in COLUMNS)
        if self._year:
            fixed += TIME_WITH_YEAR_WIDTH - TIME_WIDTH
        bar = self.styles.scrollbar_size_vertical if self.show_vertical_scrollbar else 0
        room = room_of_log - bar - fixed - 2 * self.cell_padding
        column = self.columns[ColumnKey("what")]
        column.width = max(WHAT_AT_LEAST, room)
        column.auto_width = False
        self._clear_caches()
        self._require_update_dimensions = True
        self.refresh()

    def show(self, book: DealBook, deal_names: Mapping[str, str], settings: Settings,
             now: datetime | arrow.Arrow) -> bool:
        """Draw the deal's log as of ``now``; True when it is another deal than the one shown
        before."""
        added = self._added_at_end(book, deal_names, settings)
        another = book.id != self._deal_id
        if added is not None:
            first = self._first if self._first is not None or not added else added[0]
            if self._year_needed(first, added[-1] if added else self._last, now,
                                 settings.timezone) != self._year:
                added = None  # every row gains its year, or loses it
            else:
                self._first = first
        if added is not None:
            self._append(self._sources_of(added, book, deal_names), settings.timezone)
            if added:
                self.cursor_to_end()
        else:
            self._run = FlagRun(book.terms, settings)
            self._last = None
            log = in_order(book.concessions)
            self._first = log[0] if log else None
            wanted = self._sources_of(log, book, deal_names)
            year = self._year_needed(self._first, self._last, now, settings.timezone)
            # Another zone in Settings moves every time shown, not only those that changed.
            rezoned = (self._drawn_from is not None
                       and self._drawn_from[2].timezone != settings.timezone)
            if another or year != self._year or rezoned:
                self._deal_id = book.id
                self._year = year
                self.columns[ColumnKey("time")].width = (TIME_WITH_YEAR_WIDTH if year
                                                         else TIME_WIDTH)
                self._fit_what(self.size.width)
                self._rebuild(wanted, settings.timezone)
            else:
                self._sync(wanted, settings.timezone)
        # A copy of the list: what was drawn must not follow the deal's list if it grows.
        self._drawn_from = (list(book.concessions), list(book.terms), settings, deal_names)
        return another

    @staticmethod
    def _year_needed(first: Concession | None, last: Concession | None,
                     now: datetime | arrow.Arrow, timezone: str) -> bool:
        """Whether the oldest or the newest entry falls in another year than ``now``; every
        other entry's year lies between theirs."""
        return other_years([c.at for c in (first, last) if c is not None], now, timezone)

    def forget(self) -> None:
        self._deal_id = None
        self._drawn_from = None

    def _added_at_end(self, book: DealBook, deal_names: Mapping[str, str],
                      settings: Settings) -> list[Concession] | None:
        """The live entries the deal gained after every row drawn, oldest first, when that is
        all that changed (the same entries, terms, settings and names); else None."""
        if self._drawn_from is None or self._run is None or book.id != self._deal_id:
            return None
        log, terms, drawn_settings, names = self._drawn_from
        now = book.concessions
        if (len(now) < len(log) or terms != book.terms or drawn_settings != settings
                or names != deal_names
                or any(old is not new for old, new in zip(log, now, strict=False))):
            return None
        added = in_order(now[len(log):])
        if added and self._last is not None and added[0].at < self._last.at:
            return None  # logged with an earlier time: it goes between rows
        return added

    def _sources_of(self, log: list[Concession], book: DealBook,
                    deal_names: Mapping[str, str]) -> list[_Source]:
        """The rows of ``log``, entries that follow every row already flagged."""
        assert self._run is not None
        terms = {term.id: term for term in book.terms}

        def position(concession: Concession) -> str:
            term = terms.get(concession.term_id or "")
            return with_unit(term, concession.position) if term else concession.position

        sources = [
            _Source(c, self._run.flags(c), terms[c.term_id].name if c.term_id in terms else "",
                    deal_names.get(c.linked_deal_id or "", c.linked_deal_id or ""),
                    position(c))
            for c in log
        ]
        if log:
            self._last = log[-1]
        return sources

    def _rebuild(self, wanted: list[_Source], timezone: str) -> None:
        self.clear()
        self._shown, self._sources = [], {}
        self._append(wanted, timezone)
        self.cursor_to_end()

    def _append(self, sources: list[_Source], timezone: str) -> None:
        for source in sources:
            self.add_row(*_row(source, timezone, self._year), key=source.concession.id)
            self._shown.append(source.concession.id)
            self._sources[source.concession.id] = source

    def _sync(self, wanted: list[_Source], timezone: str) -> None:
        """Drop, redraw and append only what changed."""
        wanted_ids = {source.concession.id for source in wanted}
        for gone in [row for row in self._shown if row not in wanted_ids]:
            self.remove_row(gone)
            self._sources.pop(gone)
        self._shown = [row for row in self._shown if row in wanted_ids]
        kept = len(self._shown)
        if [source.concession.id for source in wanted[:kept]] != self._shown:
            self._rebuild(wanted, timezone)
            return
        for source in wanted[:kept]:
            if self._sources[source.concession.id] != source:
                cells = _row(source, timezone, self._year)
                for (_, key, _width), cell in zip(COLUMNS, cells, strict=True):
                    self.update_cell(source.concession.id, key, cell)
                self._sources[source.concession.id] = source
        if wanted[kept:]:
            self._append(wanted[kept:], timezone)
            self.cursor_to_end()

    def cursor_to_end(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1, animate=False)

    def entry_detail(self, book: DealBook, timezone: str) -> Text:
        """The entry under the cursor whole, as the row cannot show it: who gave what, on
        which term, where the offer went, the values, when, in which call, and its note."""
        key = self.focused_id()
        source = self._sources.get(key) if key is not None else None
        if source is None:
            return Text()
        concession = source.concession
        who = "We gave" if concession.direction is Direction.GIVEN else "They gave"
        parts: list[Text] = [Text.assemble(
            (who, style(SIDES[concession.direction][1])), ": ",
            plain(concession.what, "bold", one_line=True))]
        if source.term:
            parts.append(plain(f"on {source.term}", one_line=True))
        if source.position:
            start = concession.replaced_offer or "—"
            parts.append(plain(f"{start} → {source.position}", one_line=True))
        if source.linked:
            parts.append(plain(f"traded with {source.linked}", style(Role.LINK), one_line=True))
        values = [f"{label} {number}" for label, number in (
            ("to us", concession.value_us), ("to them", concession.value_them))
            if number is not None]
        parts.append(Text(f"worth {', '.join(values)}" if values else "no value given"))
        parts.append(Text(short_when(concession.at, timezone, year=self._year)))
        call = next((c for c in book.calls if c.id == concession.call_id), None)
        if call is not None:
            who_was_on = ", ".join(call.attendees)
            started = short_when(call.started, timezone, year=self._year)
            parts.append(plain(f"in the call of {started}"
                               + (f" with {who_was_on}" if who_was_on else ""), one_line=True))
        if concession.note:
            parts.append(plain(f"note: {concession.note}", one_line=True))
        return Text(" · ").join(parts)

    def focused_id(self) -> str | None:
        """The id of the entry under the cursor."""
        if not self.row_count:
            return None
        value = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return str(value) if value is not None else None
