"""The sensitive-topics agenda: how long each hard subject gets and how to raise it."""

from __future__ import annotations

from typing import Any

from negtui.domain.field_labels import label
from negtui.domain.words import counted
from negtui.ui.screens.records.spec import Column, RecordSpec, attribute, marked
from negtui.ui.widgets.form import FormField


def _in_all(items: list[Any]) -> str:
    minutes = sum(item.minutes for item in items)
    return f"{counted(len(items), 'topic')}, {counted(minutes, 'minute')} in all"


AGENDA = RecordSpec(
    table="agenda",
    title="Sensitive topics",
    noun="topic",
    purpose="Hard subjects for the call: the time each gets, your framing, another wording.",
    empty="[b]No sensitive topics yet.[/b]\n\nPress [b]a[/b] to add one: the topic, the minutes "
          "it gets, how you will frame it, another way to say it if that lands badly, and "
          "afterwards the outcome.",
    id_prefix="g",
    # Share next to the topic, so it stays in sight in a narrow terminal.
    columns=[Column("Topic", attribute("topic")),
             Column(label("agenda", "share"), marked("share")),
             Column("Min", attribute("minutes")),
             Column("Our framing", attribute("framing")),
             Column("Other wording", attribute("alternative")),
             Column("Outcome", attribute("outcome"))],
    fields=[
        FormField("topic", "Topic", placeholder="e.g. payment terms"),
        FormField("minutes", "Minutes allotted", placeholder="10", number=True),
        FormField("framing", "Our framing", "lines"),
        FormField("alternative", "Other wording, if that lands badly", "lines"),
        FormField("outcome", "Outcome (after the call)"),
        FormField("share", label("agenda", "share"), "bool",
                  help="the shared dossier then lists the topic and its time; never your "
                       "framing, the other wording or the outcome"),
    ],
    label=lambda item: item.topic,
    tally=_in_all,
)
