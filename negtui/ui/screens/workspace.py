"""The deal workspace: the brief, the research and the people of one deal."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header

from negtui.actions.records import remove_record
from negtui.domain.book import DealBook
from negtui.domain.field_labels import label as field_label
from negtui.domain.glance import record_counts, share_of_week
from negtui.domain.models import RESEARCH_DIMENSIONS, Stakeholder
from negtui.domain.people import listing_order
from negtui.ui.keys import DELETE, EXPORT, EXPORT_SHARED, bound_key
from negtui.ui.palette import Role, style
from negtui.ui.screens.base import NegtuiScreen
from negtui.ui.screens.deal_form import deal_form
from negtui.ui.screens.preparation import PREPARATION
from negtui.ui.screens.records.detail import left_out, spelled_out
from negtui.ui.screens.records.record_form import record_form
from negtui.ui.screens.records.stakeholders import STAKEHOLDERS
from negtui.ui.screens.share_preview import export_from
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.deal_facts import (
    LABEL_WIDTH,
    Hanging,
    Piece,
    deal_facts,
    missing,
    standing,
)
from negtui.ui.widgets.fit_table import Column, FitTable
from negtui.ui.widgets.footer import KeyFooter
from negtui.ui.widgets.room import Pane, stack, table_rows, text_rows, unstack
from negtui.ui.widgets.shown import DataTable, Static, plain

# Who they are and how they decide stay; where they work and their title leave first.
# In the order of the stakeholder list (s), so the two read alike.
PEOPLE_COLUMNS = [Column("Name", "name", 0, 14), Column("Role", "role", 1, 12),
                  Column(field_label("stakeholders", "influence"), "part"),
                  Column("Organisation", "organisation", 2, 12),
                  Column("Style", "style", 0, 16)]


# From this size (columns, rows) the research stands beside the brief.
WIDE_FROM = (160, 45)
# From this many rows the panes are as tall as what they hold, and the people in full
# under their list take the rows left; where the rows are too few for all, the list of
# people has at least a quarter of them, the person in focus a few, the brief up to three
# quarters, and the rest go to the panes that hold more.
TALL_FROM = 40
# The columns of the deal at a glance, as the style sheet has them.
GLANCE_WIDTH = 60
# From this size the deal at a glance stands beside the person in focus.
GLANCE_FROM = (160, 50)
# The records it counts that open from the workspace, by the name of their key.
GLANCE_RECORDS = {"Terms": "terms", "Calls": "calls", "People": "stakeholders",
                  "Risks": "risks", "Scenarios": "scenarios", "Value map": "value_map",
                  "Agenda": "agenda", "Lessons": "lessons", "Onboarding": "onboarding"}


def _record(name: str) -> Binding:
    record = next(r for r in PREPARATION if r.name == name)
    return Binding(record.key, f"prepare('{name}')", record.title, id=f"workspace.{name}",
                   priority=True)


class WorkspaceScreen(NegtuiScreen):
    SCREEN_TITLE = "Deal workspace"
    # The footer shows as many of these as fit, in this order (help lists them all): the
    # deal itself, what its preparation is written in, the records of the later phases,
    # then the people, whose keys the table's title names too, and their record list.
    BINDINGS = [
        Binding("E", "edit_deal", "Edit deal", id="workspace.edit_deal", priority=True),
        *(_record(name) for name in ("brief", "research", "terms")),
        Binding(EXPORT, "export_dossier(False)", "Dossier", id="workspace.dossier"),
        *(_record(name) for name in ("risks", "value_map", "agenda", "scenarios", "calls",
                                     "lessons", "onboarding")),
        Binding("a", "add_person", "Add person", id="workspace.add_person", priority=True),
        Binding("e", "edit_person", "Edit person", id="workspace.edit_person", priority=True),
        Binding(DELETE, "delete_person", "Delete person", show=False,
                id="workspace.delete_person"),
        Binding(EXPORT_SHARED, "export_dossier(True)", "Shared dossier",
                id="workspace.shared_dossier"),
        _record("stakeholders"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="brief-row"):
            with VerticalScroll(id="brief-scroll"):
                yield Hanging(id="brief")
            with VerticalScroll(id="research-scroll"):
                yield Hanging(id="research")
        people = FitTable(PEOPLE_COLUMNS, id="people", hint="people-hint")
        people.border_title = "Stakeholders — a add · e edit · d delete"
        yield people
        yield Static(id="people-hint", classes="column-hint")
        with Horizontal(id="people-row"):
            yield Hanging(id="people-detail")
            glance = Hanging(id="glance")
            glance.border_title = "At a glance"
            yield glance
        yield KeyFooter()

    def on_mount(self) -> None:
        self._fit_room()
        self.fill()
        self.query_one("#people").focus()

    def on_resize(self) -> None:
        if self._fit_room():
            self.fill()
        else:
            self._share_rows()

    def _fit_room(self) -> bool:
        """Lay the panes out for the window; whether that changed what goes where. A wide
        window has the brief and the research side by side; a tall one sizes the panes
        by what they hold and spells out the people under their list."""
        width, height = self.app.size
        wide, tall = width >= WIDE_FROM[0] and height >= WIDE_FROM[1], height >= TALL_FROM
        glance = width >= GLANCE_FROM[0] and height >= GLANCE_FROM[1]
        if (wide, tall, glance) == (self.has_class("-wide"), self.has_class("-tall"),
                                    self.has_class("-glance")):
            return False
        self.set_class(wide, "-wide")
        self.set_class(tall, "-tall")
        self.set_class(glance, "-glance")
        return True

    def fill(self) -> None:
        book = self.session.current_book()
        if book is None:
            self.query_one("#brief", Hanging).show([Text("This deal is no longer in the folder.")])
            return
        deal = book.deal
        self.sub_title = f"{deal.name} — {self.negtui.sub_title}"
        # The deal's name, then what kind of deal it is, which wraps under itself.
        name = plain(deal.name, "bold", one_line=True)
        pieces: list[Piece] = [
            (name, plain(f"{deal.counterparty} · {deal.status} · {deal.contract_type} · "
                         f"{deal.relationship} · strategy {deal.strategy} · "
                         f"{deal.concession_approach} concessions"), name.cell_len + 2),
            standing(book, self.session.settings, self.session.clock().datetime,
                     self.session.checklist_progress(book)),
            Text(""), *deal_facts(deal),
        ]
        brief: list[Piece] = [
            *([] if self.has_class("-wide") else [Text("Brief", "bold underline")]),
            ("Objective", missing(deal.objective), LABEL_WIDTH),
            ("Success", missing("; ".join(deal.success_measures)), LABEL_WIDTH),
            ("BATNA", missing(deal.batna), LABEL_WIDTH),
            ("Walk away", missing(deal.walk_away), LABEL_WIDTH),
            Text(""), Text("Research", "bold underline"),
        ]
        # The research labels are longer: their values start where the longest ends.
        indent = max(len(label) for _, label, _ in RESEARCH_DIMENSIONS) + 2
        brief += [(f"{label}:", missing(getattr(deal.research, name)), indent)
                  for name, label, _ in RESEARCH_DIMENSIONS]
        left = self.query_one("#brief-scroll")
        right = self.query_one("#research-scroll")
        # Titled with the key as the user has it bound.
        deal_title = f"Deal — {bound_key(self, 'workspace.edit_deal', 'E')} edits"
        if self.has_class("-wide"):
            # Side by side, about as tall: what the deal is, and what it is for.
            left.border_title, right.border_title = deal_title, "Brief and research"
            self.query_one("#brief", Hanging).show(pieces)
            self.query_one("#research", Hanging).show(brief)
        else:
            # The deal's facts first, then its brief and research under their headings.
            left.border_title = deal_title
            self.query_one("#brief", Hanging).show([*pieces, Text(""), *brief])
            self.query_one("#research", Hanging).show([])
        self._fill_people(book)
        self._draw_person()
        self._show_glance(book)
        self._share_rows()

    def _show_glance(self, book: DealBook) -> None:
        """Where the window has the room: the deal's share of the week and its records
        counted, each kind with the key that opens it."""
        glance = self.query_one("#glance", Hanging)
        if not self.has_class("-glance"):
            glance.show([])
            return
        bound = {active.binding.id: self.app.get_key_display(active.binding)
                 for active in self.active_bindings.values()}
        width = 13
        deal = book.deal
        lines: list[Piece] = [
            ("Hours", Text(share_of_week(deal.hours_per_week,
                                         self.session.settings.capacity_hours)), width),
            Text(""),
        ]
        for label, words in record_counts(book):
            key = bound.get(f"workspace.{GLANCE_RECORDS.get(label, '')}")
            line = Text(words, style="dim italic" if words == "none yet" else "")
            if key is not None:
                line.append_text(Text(f"  {key} opens", style=style(Role.MUTED)))
            lines.append((label, line, width))
        glance.show(lines)

    def _share_rows(self) -> None:
        """In a tall window, the brief, the list of people and the person in focus each
        as tall as what they hold (``TALL_FROM`` says how they share too few rows);
        beside each other the deal and its brief are as tall, their frames in line.
        Worked out from the window's size, which the panes' widths follow, so it holds
        at the first paint."""
        row = self.query_one("#brief-row")
        people = self.query_one("#people", FitTable)
        below = self.query_one("#people-row")
        if not self.has_class("-tall"):
            unstack([row, people, below])
            return
        width, height = self.app.size
        panes = ["#brief", "#research"] if self.has_class("-wide") else ["#brief"]
        # Each pane's share of the width, less its frame and padding.
        room = width // len(panes) - 4
        brief = max(self.query_one(pane, Hanging).lines(room) for pane in panes) + 2
        hint = self.query_one("#people-hint", Static)
        total = height - 2 - (1 if hint.has_class("-shown") else 0)
        detail = self.query_one("#people-detail", Hanging)
        glance = self.query_one("#glance", Hanging)
        beside = GLANCE_WIDTH if self.has_class("-glance") else 0
        person = max(text_rows(detail, width - beside) if detail.display else 0,
                     text_rows(glance, beside) if beside else 0)
        listed = table_rows(people)
        # The person in focus keeps a few rows, the brief what the others leave it.
        floors = [0, min(listed, total // 4), min(person, 4)]
        floors[0] = min(brief, total * 3 // 4, total - floors[1] - floors[2])
        stack(total, [Pane(row, brief, floors[0]), Pane(people, listed, floors[1]),
                      Pane(below, person, floors[2])])

    def _fill_people(self, book: DealBook) -> None:
        table = self.query_one("#people", FitTable)
        row = table.cursor_row
        rows: list[tuple[str | None, list[str | Text]]] = [
            (person.id, [plain(person.name, one_line=True),
                         plain(person.role, one_line=True), person.influence.value,
                         plain(person.organisation, one_line=True),
                         plain(person.style, one_line=True)])
            for person in sorted(book.stakeholders, key=listing_order)]
        if not book.stakeholders:
            rows.append(("__empty__", ["No stakeholders yet: press a to add one.",
                                       "", "", "", ""]))
        table.show(rows)
        table.move_cursor(row=min(row, table.row_count - 1), animate=False)

    def _focused_person(self) -> Stakeholder | None:
        book = self.session.current_book()
        table = self.query_one("#people", DataTable)
        if book is None or not book.stakeholders or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((p for p in book.stakeholders if p.id == key), None)

    @on(DataTable.RowHighlighted, "#people")
    def _show_person(self) -> None:
        self._draw_person()
        self._share_rows()

    def _draw_person(self) -> None:
        """The person in focus in full, then the others, where the window is tall."""
        detail = self.query_one("#people-detail", Hanging)
        book = self.session.current_book()
        person = self._focused_person()
        detail.display = book is not None and person is not None and self.has_class("-tall")
        if book is None or person is None or not detail.display:
            detail.border_title = None
            detail.show([])
            return
        detail.border_title = person.name
        # What the rows under the list cannot hold is counted on their last line.
        edit_key = bound_key(self, "workspace.edit_person", "e")
        pieces = spelled_out(STAKEHOLDERS, person,
                             [p for p in sorted(book.stakeholders, key=listing_order)
                              if p.id != person.id])
        detail.show(pieces, lambda rest: left_out(rest, STAKEHOLDERS.noun, edit_key, pieces))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_person", "delete_person"):
            return self._focused_person() is not None
        return True

    # The preparation records: the same forms and lists as the checklist's

    def action_prepare(self, name: str) -> None:
        book = self.session.current_book()
        if book is not None:
            next(r for r in PREPARATION if r.name == name).open(self, book.id)

    def action_edit_deal(self) -> None:
        deal = self.session.current_deal()
        if deal is not None:
            self.app.push_screen(deal_form(self.negtui, deal, lambda new, change: None))

    def action_export_dossier(self, share: bool) -> None:
        export_from(self, self.session.current_book(), share)

    # Stakeholders: the same form as their record editor's

    def action_add_person(self) -> None:
        book = self.session.current_book()
        if book is not None:
            self.app.push_screen(record_form(self.negtui, STAKEHOLDERS, book, None))

    def action_edit_person(self) -> None:
        person = self._focused_person()
        book = self.session.current_book()
        if person is not None and book is not None:
            self.app.push_screen(record_form(self.negtui, STAKEHOLDERS, book, person))

    def action_delete_person(self) -> None:
        person = self._focused_person()
        book = self.session.current_book()
        if person is None or book is None:
            return
        deal_id = book.id

        def decided(yes: bool | None) -> None:
            if yes:
                label = f"Removed {person.name}"
                self.save(lambda store: remove_record(store, deal_id, person, label),
                          f"{label} (u undoes)", deal_id=deal_id)

        self.app.push_screen(ConfirmScreen(
            "Delete this stakeholder?",
            Text.assemble("Delete ", plain(person.name, "bold", one_line=True),
                          plain(f" ({person.role or 'no role'}) from {book.deal.name}? Their "
                                "history notes go with them.")),
            yes="Delete", no="Keep"), decided)
