"""A record field has one name: its form, its table's column and the dossier say the same."""

from __future__ import annotations

from negtui.domain.field_labels import LABELS
from negtui.ui.screens.records.editor import RecordSpec
from negtui.ui.screens.records.risks import RISKS
from negtui.ui.screens.records.stakeholders import STAKEHOLDERS
from negtui.ui.screens.records.value_map import VALUE_MAP

SPECS: dict[str, RecordSpec] = {spec.table: spec for spec in (RISKS, STAKEHOLDERS, VALUE_MAP)}


def test_each_name_is_given_to_one_field_only() -> None:
    names = [name.casefold() for name in LABELS.values()]
    assert len(names) == len(set(names))


def test_the_form_and_the_table_name_each_field_alike() -> None:
    for (table, field), name in LABELS.items():
        spec = SPECS[table]
        (form_field,) = [f for f in spec.fields if f.name == field]
        assert form_field.label == name, (table, field)
        assert name in [column.label for column in spec.columns], (table, field)
