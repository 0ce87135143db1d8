"""The value map: what each side gains, and the obligation that pays for it."""

from __future__ import annotations

from negtui.domain.field_labels import label
from negtui.ui.screens.records.spec import Column, RecordSpec, attribute, marked
from negtui.ui.widgets.form import FormField

VALUE_MAP = RecordSpec(
    table="value_map",
    title="Value map",
    noun="value item",
    purpose="Pair every benefit with the obligation it costs, so nothing is given for free.",
    empty="[b]The value map is empty.[/b]\n\nPress [b]a[/b] to add a line: a benefit to you, "
          "a benefit to them, and the obligation that comes with it.",
    id_prefix="v",
    # Share first, so it stays in sight in a narrow terminal.
    columns=[Column(label("value_map", "share"), marked("share")),
             Column("Benefit to us", attribute("benefit_us")),
             Column("Benefit to them", attribute("benefit_them")),
             Column(label("value_map", "obligation"), attribute("obligation"))],
    fields=[
        FormField("benefit_us", "Benefit to us", placeholder="e.g. a reference case"),
        FormField("benefit_them", "Benefit to them", placeholder="e.g. a 5% lower rate"),
        FormField("obligation", label("value_map", "obligation"),
                  placeholder="e.g. they present the case at a conference"),
        FormField("share", label("value_map", "share"), "bool",
                  help="the shared dossier then shows the benefit to them and the obligation; "
                       "never the benefit to us"),
    ],
    label=lambda item: item.benefit_us or item.benefit_them or "(empty line)",
)
