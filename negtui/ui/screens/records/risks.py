"""The risk register: what could go wrong, how likely, how bad, who bears it, what to do."""

from __future__ import annotations

from collections.abc import Callable

from negtui.domain.field_labels import label
from negtui.domain.models import Risk
from negtui.domain.record_input import BEARERS
from negtui.ui.screens.records.spec import Column, RecordSpec, attribute
from negtui.ui.widgets.form import FormField

# Likelihood and impact are both rated from 1 to this.
TOP = 5


def _out_of_five(name: str) -> Callable[[Risk], str]:
    """A rating against its top, as the detail under the table says it: '3/5'."""

    def read(risk: Risk) -> str:
        return f"{getattr(risk, name)}/{TOP}"

    return read


RISKS = RecordSpec(
    table="risks",
    title="Risk register",
    noun="risk",
    purpose="Highest likelihood times impact first. Every risk needs a mitigation.",
    empty="[b]The risk register is empty.[/b]\n\nPress [b]a[/b] to add a risk: what could "
          "go wrong, how likely (1-5), how bad (1-5), who bears it and how you soften it.",
    id_prefix="r",
    columns=[Column("Risk", attribute("risk")), Column("Likelihood", _out_of_five("likelihood")),
             Column("Impact", _out_of_five("impact")),
             Column(label("risks", "bearer"), attribute("bearer")),
             Column("Mitigation", attribute("mitigation"))],
    fields=[
        FormField("risk", "Risk", placeholder="e.g. procurement delays signature"),
        FormField("likelihood", "Likelihood (1-5)", placeholder="3",
                  help="1 rare · 3 as likely as not · 5 almost certain", number=True),
        FormField("impact", "Impact (1-5)", placeholder="3",
                  help="1 minor · 3 costly · 5 severe", number=True),
        FormField("bearer", label("risks", "bearer"), "choice",
                  choices=[(bearer, bearer) for bearer in BEARERS]),
        FormField("mitigation", "Mitigation", "lines"),
    ],
    label=lambda risk: risk.risk,
    order=lambda risk: -(risk.likelihood * risk.impact),
    scales={"likelihood": TOP, "impact": TOP},
)
