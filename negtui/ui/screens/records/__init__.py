"""Editors for the records of a deal, reached from its workspace, the palette and the
checklist."""

from __future__ import annotations

from negtui.ui.screens.records.agenda import AGENDA
from negtui.ui.screens.records.calls import CALLS
from negtui.ui.screens.records.editor import RecordEditorScreen
from negtui.ui.screens.records.lessons import DEAL_LESSONS
from negtui.ui.screens.records.onboarding import ONBOARDING
from negtui.ui.screens.records.risks import RISKS
from negtui.ui.screens.records.scenarios import SCENARIOS
from negtui.ui.screens.records.spec import RecordSpec
from negtui.ui.screens.records.stakeholders import STAKEHOLDERS
from negtui.ui.screens.records.value_map import VALUE_MAP

EDITORS: dict[str, RecordSpec] = {
    spec.table: spec
    for spec in (STAKEHOLDERS, RISKS, VALUE_MAP, AGENDA, SCENARIOS, CALLS, ONBOARDING,
                 DEAL_LESSONS)
}

__all__ = ["EDITORS", "RecordEditorScreen", "RecordSpec"]
