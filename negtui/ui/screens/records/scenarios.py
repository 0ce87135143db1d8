"""Best, expected and worst outcomes, each with its actions, approvals and communication."""

from __future__ import annotations

from negtui.domain.field_labels import label
from negtui.domain.models import Scenario
from negtui.domain.vocab import ScenarioKind
from negtui.ui.screens.records.spec import Column, RecordSpec, attribute
from negtui.ui.widgets.form import FormField

_ORDER = list(ScenarioKind)


def _label(scenario: Scenario) -> str:
    return f"{scenario.kind.value}: {scenario.outcome or '(no outcome yet)'}"


SCENARIOS = RecordSpec(
    table="scenarios",
    title="Scenarios",
    noun="scenario",
    purpose="What happens in the best, expected and worst case, and what you do then.",
    empty="[b]No scenarios yet.[/b]\n\nPress [b]a[/b] to write the best case, then the "
          "expected and the worst. For each: the outcome, your next actions, who must "
          "approve, and what you tell whom.",
    id_prefix="x",
    columns=[Column("Case", attribute("kind")), Column("Outcome", attribute("outcome")),
             Column(label("scenarios", "actions"), attribute("actions")),
             Column(label("scenarios", "approvals"), attribute("approvals")),
             Column("Communication", attribute("communication"))],
    fields=[
        FormField("kind", "Case", "choice", [(k.value, k.value) for k in ScenarioKind]),
        FormField("outcome", "Outcome", placeholder="e.g. 780 a day, net 30, licence-only IP"),
        FormField("actions", label("scenarios", "actions"), "lines",
                  help="what you and they do next if it ends this way"),
        FormField("approvals", label("scenarios", "approvals"),
                  placeholder="who must say yes, on each side"),
        FormField("communication", "Communication", "lines",
                  help="who hears what, and when"),
    ],
    label=_label,
    order=lambda s: _ORDER.index(s.kind),
)
