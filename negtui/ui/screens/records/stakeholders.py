"""The people on the deal: who decides, who influences, who only needs to know."""

from __future__ import annotations

from negtui.domain.field_labels import label
from negtui.domain.people import listing_order
from negtui.domain.vocab import Influence
from negtui.ui.screens.records.spec import Column, RecordSpec, attribute
from negtui.ui.widgets.form import FormField

STAKEHOLDERS = RecordSpec(
    table="stakeholders",
    title="Stakeholders",
    noun="stakeholder",
    purpose="Who decides, who influences and who is informed, with how they like to work.",
    empty="[b]Nobody listed yet.[/b]\n\nPress [b]a[/b] to add a person: name, organisation, "
          "role, whether they decide, influence or are informed, and their style.",
    id_prefix="s",
    columns=[Column("Name", attribute("name")), Column("Role", attribute("role")),
             Column(label("stakeholders", "influence"), attribute("influence")),
             Column("Organisation", attribute("organisation")),
             Column("Style", attribute("style")),
             Column(label("stakeholders", "history"), attribute("history"))],
    fields=[
        FormField("name", "Name"),
        FormField("organisation", "Organisation"),
        FormField("role", "Role", placeholder="e.g. CTO, procurement lead"),
        FormField("influence", label("stakeholders", "influence"), "choice",
                  [(i.value, i.value) for i in Influence],
                  help="in the decision: decides, influences or informs"),
        FormField("style", "Style", placeholder="how they like to negotiate"),
        FormField("history", label("stakeholders", "history"), "lines"),
    ],
    label=lambda person: person.name,
    initial=lambda book: {"organisation": book.deal.counterparty},
    order=listing_order,
)
