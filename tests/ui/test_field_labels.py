"""A record field has one name: its form, its table's column and the dossier say the same."""

from __future__ import annotations

from negtui.domain.field_labels import LABELS
from negtui.ui.screens.records.agenda import AGENDA
from negtui.ui.screens.records.lessons import DEAL_LESSONS
from negtui.ui.screens.records.onboarding import ONBOARDING
from negtui.ui.screens.records.risks import RISKS
from negtui.ui.screens.records.scenarios import SCENARIOS
from negtui.ui.screens.records.spec import RecordSpec
from negtui.ui.screens.records.stakeholders import STAKEHOLDERS
from negtui.ui.screens.records.value_map import VALUE_MAP

SPECS: dict[str, RecordSpec] = {spec.table: spec for spec in (
    AGENDA, DEAL_LESSONS, ONBOARDING, RISKS, SCENARIOS, STAKEHOLDERS, VALUE_MAP)}


def test_each_name_is_given_to_one_field_only() -> None:
    """Two tables may share a field (whether it is shared), never its name with another."""
    fields_named: dict[str, set[str]] = {}
    for (_, field), name in LABELS.items():
        fields_named.setdefault(name.casefold(), set()).add(field)
    assert all(len(fields) == 1 for fields in fields_named.values()), fields_named


def test_the_form_and_the_table_name_each_field_alike() -> None:
    for (table, field), name in LABELS.items():
        spec = SPECS[table]
        (form_field,) = [f for f in spec.fields if f.name == field]
        assert form_field.label == name, (table, field)
        assert name in [column.label for column in spec.columns], (table, field)


def test_scenarios_lessons_people_and_onboarding_have_one_name_per_field() -> None:
    for table, field, name in [("scenarios", "actions", "Actions"),
                               ("scenarios", "approvals", "Approvals"),
                               ("lessons", "worked", "What worked"),
                               ("lessons", "did_not", "What did not"),
                               ("stakeholders", "influence", "Part"),
                               ("agenda", "share", "Share"), ("value_map", "share", "Share"),
                               ("onboarding", "review_cadence", "Review cadence")]:
        spec = SPECS[table]
        assert [f.label for f in spec.fields if f.name == field] == [name], (table, field)
        assert name in [column.label for column in spec.columns], (table, field)
