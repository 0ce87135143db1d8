"""Lessons learned on this deal: what worked, what did not, and why."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from negtui.domain.book import DealBook
from negtui.domain.field_labels import label
from negtui.ui.screens.records.spec import Column, RecordSpec, attribute
from negtui.ui.widgets.form import FormField

if TYPE_CHECKING:
    from negtui.actions.session import Session


def _new(session: Session, book: DealBook) -> dict[str, Any]:
    return {"deal_id": book.id, "at": session.clock().datetime}


DEAL_LESSONS = RecordSpec(
    table="lessons",
    title="Lessons learned",
    noun="lesson",
    purpose="Written after the close; shown as hints when you prepare a similar deal.",
    empty="[b]No lessons for this deal yet.[/b]\n\nPress [b]a[/b] to write one: what worked, "
          "what did not, and why. They come back as hints when you prepare a deal with the "
          "same counterparty or contract type.",
    id_prefix="l",
    columns=[Column(label("lessons", "worked"), attribute("worked")),
             Column(label("lessons", "did_not"), attribute("did_not")),
             Column("Why", attribute("why"))],
    fields=[
        FormField("worked", label("lessons", "worked"), "lines"),
        FormField("did_not", label("lessons", "did_not"), "lines"),
        FormField("why", "Why", "lines"),
    ],
    label=lambda lesson: lesson.worked or lesson.did_not or "(empty lesson)",
    new_values=_new,
)
