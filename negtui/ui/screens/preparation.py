"""Every preparation record of a deal, each one key away on the deal's workspace and one
command away in the palette.

The brief and the research open as forms over the screen the user is on; the record lists,
the terms and the workspace are places of the history, so escape comes back from them;
the dossier is written at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from negtui.ui.keys import EXPORT, EXPORT_SHARED
from negtui.ui.screens.base import NegtuiScreen
from negtui.ui.screens.records import EDITORS, RecordEditorScreen
from negtui.ui.screens.records.deal_fields import deal_group_form
from negtui.ui.screens.share_preview import export_from


def open_records(screen: NegtuiScreen, table: str, deal_id: str) -> None:
    """The list of one kind of record of the deal, as a place of its own."""
    spec = EDITORS[table]
    screen.negtui.open_over(f"records:{table}", lambda: RecordEditorScreen(spec, deal_id),
                            deal_id)


def open_workspace(screen: NegtuiScreen, deal_id: str) -> None:
    from negtui.ui.screens.workspace import WorkspaceScreen

    screen.negtui.open_over("workspace", WorkspaceScreen, deal_id)


def _form(group: str) -> Callable[[NegtuiScreen, str], None]:
    def open_form(screen: NegtuiScreen, deal_id: str) -> None:
        form = deal_group_form(screen.negtui, deal_id, group)
        if form is not None:
            screen.app.push_screen(form)

    return open_form


def _records(table: str) -> Callable[[NegtuiScreen, str], None]:
    def open_list(screen: NegtuiScreen, deal_id: str) -> None:
        open_records(screen, table, deal_id)

    return open_list


def _terms(screen: NegtuiScreen, deal_id: str) -> None:
    screen.session.focus(deal_id)
    screen.negtui.show_screen("terms")


def _dossier(screen: NegtuiScreen, deal_id: str) -> None:
    export_from(screen, screen.session.portfolio.books.get(deal_id), share=False)


def _shared_dossier(screen: NegtuiScreen, deal_id: str) -> None:
    export_from(screen, screen.session.portfolio.books.get(deal_id), share=True)


@dataclass(frozen=True)
class Preparation:
    name: str
    """The binding id on the workspace is ``workspace.<name>``."""
    key: str
    """The key on the deal's workspace."""
    title: str
    """What help and the footer call it."""
    command: str
    """The palette's words, followed by the deal's name."""
    open: Callable[[NegtuiScreen, str], None]
    """Open it for a deal, from a screen."""


PREPARATION: list[Preparation] = [
    Preparation("brief", "o", "Brief", "Open brief", _form("brief")),
    Preparation("research", "r", "Research", "Open research", _form("research")),
    Preparation("stakeholders", "s", "Stakeholders", "Open stakeholders",
                _records("stakeholders")),
    Preparation("terms", "t", "Terms", "Open terms", _terms),
    Preparation("risks", "k", "Risks", "Open risks", _records("risks")),
    Preparation("value_map", "v", "Value map", "Open value map", _records("value_map")),
    Preparation("agenda", "g", "Agenda", "Open agenda", _records("agenda")),
    Preparation("scenarios", "c", "Scenarios", "Open scenarios", _records("scenarios")),
    Preparation("calls", "m", "Calls", "Open calls", _records("calls")),
    Preparation("lessons", "l", "Lessons", "Open lessons", _records("lessons")),
    Preparation("onboarding", "b", "Onboarding", "Open onboarding", _records("onboarding")),
    Preparation("dossier", EXPORT, "Dossier", "Export dossier", _dossier),
    Preparation("shared_dossier", EXPORT_SHARED, "Shared dossier",
                "Export shared dossier (safe to send)", _shared_dossier),
]
"""In the order of the ten preparation phases, the onboarding plan after the close."""
