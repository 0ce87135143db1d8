"""The deal workspace: the brief, the research and the people of one deal."""

from __future__ import annotations

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from negtui.domain.book import DealBook
from negtui.domain.fields import field_messages
from negtui.domain.ids import new_id
from negtui.domain.models import Deal, Research, Stakeholder
from negtui.ui.screens.base import NegtuiScreen
from negtui.ui.screens.deal_form import deal_form
from negtui.ui.screens.records.stakeholders import STAKEHOLDERS
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.form import FormField, FormScreen, Values

RESEARCH = [
    ("contract_terms", "Contract terms"), ("market", "Market"),
    ("culture", "Organisation culture"), ("decision_maker", "Decision-maker"),
    ("industry_trends", "Industry trends"), ("personal_fit", "Personal fit"),
]
PEOPLE_FIELDS = STAKEHOLDERS.fields


def _missing(text: str) -> Text:
    return Text(text) if text else Text("— not written yet", style="dim italic")


class WorkspaceScreen(NegtuiScreen):
    SCREEN_TITLE = "Deal"
    BINDINGS = [
        Binding("o", "edit_brief", "Brief", id="workspace.brief", priority=True),
        Binding("r", "edit_research", "Research", id="workspace.research", priority=True),
        Binding("a", "add_person", "Add person", id="workspace.add_person", priority=True),
        Binding("e", "edit_person", "Edit person", id="workspace.edit_person", priority=True),
        Binding("d", "delete_person", "Delete person", id="workspace.delete_person"),
        Binding("E", "edit_deal", "Edit all deal fields", show=False, id="workspace.edit_deal",
                priority=True),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="brief-scroll"):
            yield Static(id="brief")
        people: DataTable[str] = DataTable(id="people", cursor_type="row", zebra_stripes=True)
        people.border_title = "Stakeholders — a add · e edit · d delete"
        yield people
        yield Footer()

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#people").focus()

    def fill(self) -> None:
        book = self.negtui.current_book()
        if book is None:
            self.query_one("#brief", Static).update("This deal is no longer in the folder.")
            return
        deal = book.deal
        self.sub_title = f"{deal.name} — {self.negtui.sub_title}"
        brief = Text()
        brief.append(f"{deal.name}", "bold")
        brief.append(f"  {deal.counterparty} · {deal.status} · {deal.contract_type} · "
                     f"{deal.relationship} · strategy {deal.strategy} · "
                     f"{deal.concession_approach} concessions\n\n")
        brief.append("Objective  ", "bold")
        brief.append_text(_missing(deal.objective))
        brief.append("\nSuccess    ", "bold")
        brief.append_text(_missing("; ".join(deal.success_measures)))
        brief.append("\nBATNA      ", "bold")
        brief.append_text(_missing(deal.batna))
        brief.append("\nWalk away  ", "bold")
        brief.append_text(_missing(deal.walk_away))
        brief.append("\n\nResearch\n", "bold underline")
        for name, label in RESEARCH:
            brief.append(f"{label}: ", "bold")
            brief.append_text(_missing(getattr(deal.research, name)))
            brief.append("\n")
        self.query_one("#brief", Static).update(brief)
        self._fill_people(book)

    def _fill_people(self, book: DealBook) -> None:
        table = self.query_one("#people", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        table.add_columns("Name", "Organisation", "Role", "Part", "Style")
        for person in book.stakeholders:
            table.add_row(person.name, person.organisation, person.role, person.influence.value,
                          person.style, key=person.id)
        if not book.stakeholders:
            table.add_row("No stakeholders yet: press a to add one.", "", "", "", "",
                          key="__empty__")
        table.move_cursor(row=min(row, table.row_count - 1), animate=False)

    def _focused_person(self) -> Stakeholder | None:
        book = self.negtui.current_book()
        table = self.query_one("#people", DataTable)
        if book is None or not book.stakeholders or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((p for p in book.stakeholders if p.id == key), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_person", "delete_person"):
            return self._focused_person() is not None
        return True

    # Brief and research

    def action_edit_brief(self) -> None:
        deal = self.negtui.current_deal()
        if deal is None:
            return
        fields = [
            FormField("objective", "Objective"),
            FormField("success_measures", "How success is measured (one a line)", "lines"),
            FormField("batna", "Best alternative if there is no agreement (BATNA)", "lines"),
            FormField("walk_away", "Walk-away criteria", "lines"),
        ]
        values = {"objective": deal.objective, "batna": deal.batna, "walk_away": deal.walk_away,
                  "success_measures": "\n".join(deal.success_measures)}

        def submit(typed: Values) -> dict[str, str]:
            measures = [line.strip() for line in typed["success_measures"].splitlines()
                        if line.strip()]
            return self._save_deal(deal, {"objective": typed["objective"],
                                          "batna": typed["batna"],
                                          "walk_away": typed["walk_away"],
                                          "success_measures": measures}, "Brief saved")

        self.app.push_screen(FormScreen(f"Brief: {deal.name}", fields, values, submit))

    def action_edit_research(self) -> None:
        deal = self.negtui.current_deal()
        if deal is None:
            return
        fields = [FormField(name, label, "lines") for name, label in RESEARCH]
        values = {name: getattr(deal.research, name) for name, _ in RESEARCH}

        def submit(typed: Values) -> dict[str, str]:
            research = Research.model_validate({**deal.research.model_dump(), **typed})
            return self._save_deal(deal, {"research": research}, "Research saved")

        self.app.push_screen(FormScreen(f"Research: {deal.name}", fields, values, submit))

    def _save_deal(self, deal: Deal, changes: dict[str, object], done: str) -> dict[str, str]:
        try:
            updated = Deal.model_validate({**deal.model_dump(), **changes})
        except ValidationError as error:
            return field_messages(error)
        if not self.negtui.save(lambda store: store.save_deal(updated), done):
            return {"_form": "Not saved; your text is kept."}
        return {}

    def action_edit_deal(self) -> None:
        deal = self.negtui.current_deal()
        if deal is not None:
            self.app.push_screen(deal_form(self.negtui, deal, lambda new, old: None))

    # Stakeholders

    def _person_form(self, person: Stakeholder | None) -> FormScreen:
        book = self.negtui.current_book()
        assert book is not None
        values: Values = ({name: str(getattr(person, name).value if name == "influence"
                                     else getattr(person, name))
                           for name in ("name", "organisation", "role", "influence", "style",
                                        "history")}
                          if person else {"organisation": book.deal.counterparty})

        def submit(typed: Values) -> dict[str, str]:
            data = {**(person.model_dump() if person else {"id": new_id("s")}), **typed}
            try:
                record = Stakeholder.model_validate(data)
            except ValidationError as error:
                return field_messages(error)
            if not self.negtui.save(lambda store: store.put(book.id, "stakeholders", record),
                                    f"Saved {record.name}"):
                return {"_form": "Not saved; your text is kept."}
            return {}

        title = f"Edit {person.name}" if person else f"New stakeholder in {book.deal.name}"
        return FormScreen(title, PEOPLE_FIELDS, values, submit)

    def action_add_person(self) -> None:
        if self.negtui.current_book() is not None:
            self.app.push_screen(self._person_form(None))

    def action_edit_person(self) -> None:
        person = self._focused_person()
        if person is not None:
            self.app.push_screen(self._person_form(person))

    def action_delete_person(self) -> None:
        person = self._focused_person()
        book = self.negtui.current_book()
        if person is None or book is None:
            return

        def decided(yes: bool | None) -> None:
            if yes:
                self.negtui.save(lambda store: store.remove(book.id, "stakeholders", person.id),
                                 f"Removed {person.name}")

        self.app.push_screen(ConfirmScreen(
            "Remove stakeholder?",
            f"Remove [b]{person.name}[/b] ({person.role or 'no role'}) from "
            f"{book.deal.name}? Their history notes go with them.", yes="Remove"), decided)
