"""The onboarding plan: each workstream with its owner, kickoff objective and review cadence."""

from __future__ import annotations

from negtui.domain.field_labels import label
from negtui.ui.screens.records.spec import Column, RecordSpec, attribute
from negtui.ui.widgets.form import FormField

ONBOARDING = RecordSpec(
    table="onboarding",
    title="Onboarding",
    noun="workstream",
    purpose="After signing: who owns each workstream, what the kickoff must settle, how "
            "often it is reviewed.",
    empty="[b]No workstreams yet.[/b]\n\nPress [b]a[/b] to add one: its name, its owner, what "
          "the kickoff must achieve for it, and how often it is reviewed.",
    id_prefix="w",
    columns=[Column("Workstream", attribute("name")), Column("Owner", attribute("owner")),
             Column("Kickoff objective", attribute("kickoff_objective")),
             Column(label("onboarding", "review_cadence"), attribute("review_cadence"))],
    fields=[
        FormField("name", "Workstream", placeholder="e.g. data migration"),
        FormField("owner", "Owner", placeholder="one named person"),
        FormField("kickoff_objective", "Kickoff objective", "lines"),
        FormField("review_cadence", label("onboarding", "review_cadence"),
                  placeholder="e.g. weekly, monthly steering"),
    ],
    label=lambda stream: stream.name,
)
