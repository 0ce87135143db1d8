"""The calls of a deal: when, how long, who attended, what was said and what moved.

Calls start and end on the Concessions screen; here their attendees and notes are kept.
"""

from __future__ import annotations

from negtui.domain.balance import moved_briefly, moved_lines
from negtui.domain.book import DealBook
from negtui.domain.dates import typed_when
from negtui.domain.models import Call, Concession
from negtui.domain.words import counted
from negtui.ui.screens.base import NegtuiScreen
from negtui.ui.screens.records.record_form import record_form
from negtui.ui.screens.records.spec import Column, RecordSpec
from negtui.ui.widgets.form import FormField


def _length(call: Call) -> str:
    if call.ended is None:
        return "going on"
    minutes = round((call.ended - call.started).total_seconds() / 60)
    return counted(minutes, "minute") if minutes else "under a minute"


def _who(call: Call) -> str:
    return ", ".join(call.attendees)


def _in_call(call: Call, book: DealBook) -> list[Concession]:
    return [c for c in book.concessions if c.call_id == call.id and not c.deleted]


def _moved_briefly(call: Call, book: DealBook) -> str:
    return moved_briefly(_in_call(call, book), book.terms)


def _about(call: Call, book: DealBook, zone: str) -> list[tuple[str, list[str]]]:
    """When the call was, and each concession logged during it."""
    moved = moved_lines(_in_call(call, book), book.terms)
    return [("When", [typed_when(call.started, zone)]),
            ("What moved", moved or ["nothing logged in this call"])]


def _people_hint(book: DealBook) -> dict[str, str]:
    names = [person.name for person in book.stakeholders if person.name]
    if not names:
        return {}
    return {"attendees": "Names separated by commas. Their people: " + ", ".join(names)}


CALLS = RecordSpec(
    table="calls",
    title="Calls",
    noun="call",
    purpose="Every call of the deal, the latest first: who was on it and what was said. "
            "A call starts and ends with c on the Concessions screen (3).",
    empty="[b]No calls yet.[/b]\n\nOn the Concessions screen ([b]3[/b]) press [b]c[/b] to "
          "start a call and [b]c[/b] again to end it; then say here who attended.",
    id_prefix="k",
    columns=[Column("When", lambda call: "", moment=lambda call: call.started),
             Column("Length", _length),
             Column("Who attended", _who),
             Column("What moved", lambda call: call.summary, of_deal=_moved_briefly),
             Column("Notes", lambda call: call.notes)],
    fields=[
        FormField("attendees", "Who attended", placeholder="e.g. Raj Patel, Ana Silva"),
        FormField("notes", "Notes", "lines"),
    ],
    # Named by who was on it and how long, not its time: the stored offset may not be
    # the zone the list shows it in.
    label=lambda call: f"{_who(call) or 'nobody named'}, {_length(call)}",
    order=lambda call: -call.started.timestamp(),
    not_added_here="Calls start with c on the Concessions screen (3).",
    hints=_people_hint,
    about=_about,
)


def ask_who_attended(screen: NegtuiScreen, deal_id: str, call: Call) -> None:
    """The form of a call just ended: who was on it and what was said, with what moved in
    it under the notes. Escape leaves the call ended as it is; its list (m on the deal's
    workspace) can say it later."""
    book = screen.session.portfolio.books.get(deal_id)
    if book is not None:
        moved = {"notes": f"What moved: {call.summary}"} if call.summary else {}
        form = record_form(screen.negtui, CALLS, book, call,
                           title=f"Who attended? — {book.deal.name}", hints=moved)
        form.unasked = True  # it follows the end of the call, not a key of its own
        screen.app.push_screen(form)
