"""How a kind of record kept in a deal file describes itself to the record screens: its
columns, its form fields, the words used on screen, and how typed text becomes a record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from negtui.domain.book import RECORD_TABLES, DealBook
from negtui.domain.ids import new_id
from negtui.domain.messages import plain_messages, short_label
from negtui.domain.models import Record
from negtui.domain.record_input import entry_problems
from negtui.ui.widgets.form import FormField, Values

if TYPE_CHECKING:
    from negtui.actions.session import Session


@dataclass(frozen=True)
class Column:
    label: str
    value: Callable[[Any], str]
    moment: Callable[[Any], datetime | None] | None = None
    """For a column of dates: the record's moment, shown in the portfolio's zone."""
    of_deal: Callable[[Any, DealBook], str] | None = None
    """For a column that reads the rest of the deal (the concessions of a call)."""


def marked(name: str) -> Callable[[Any], str]:
    """A column showing a yes/no attribute as "yes" or "no"."""

    def read(record: Any) -> str:
        return "yes" if getattr(record, name) else "no"

    return read


def attribute(name: str) -> Callable[[Any], str]:
    """A column showing one attribute as text (enums by their value)."""

    def read(record: Any) -> str:
        value = getattr(record, name)
        return str(getattr(value, "value", value) or "")

    return read


@dataclass(frozen=True)
class RecordSpec:
    table: str
    """The list in the deal file, a key of RECORD_TABLES."""
    title: str
    noun: str
    purpose: str
    empty: str
    id_prefix: str
    columns: list[Column]
    fields: list[FormField]
    label: Callable[[Any], str]
    """How one record is named in a question ("Delete risk '...'?")."""
    new_values: Callable[[Session, DealBook], dict[str, Any]] = field(
        default=lambda session, book: {})
    """Fields a new record gets without the user typing them (the deal, the time)."""
    order: Callable[[Any], Any] | None = None
    initial: Callable[[DealBook], Values] = field(default=lambda book: {})
    """What a new record's form shows filled in before the user types."""
    hints: Callable[[DealBook], dict[str, str]] = field(default=lambda book: {})
    """Help under some fields that depends on the deal (the names of its people)."""
    not_added_here: str = ""
    """Why records of this kind are not added from their list, where they come from."""
    tally: Callable[[list[Any]], str] | None = None
    """What the records add up to, said after the purpose ("26 minutes in all")."""
    scales: dict[str, int] = field(default_factory=dict)
    """Ratings shown against their top in the detail: 'Likelihood: 3/5'."""
    about: Callable[[Any, DealBook, str], list[tuple[str, list[str]]]] | None = None
    """Lines the detail shows before the fields, read from the deal in the user's zone
    (a call's time and what moved in it): each label with its lines."""

    def to_values(self, record: Record) -> Values:
        values: Values = {}
        for spec in self.fields:
            value = getattr(record, spec.name, "")
            if isinstance(value, bool):
                values[spec.name] = "true" if value else "false"
            elif isinstance(value, list):
                values[spec.name] = ", ".join(str(part) for part in value)
            else:
                values[spec.name] = "" if value is None else str(getattr(value, "value", value))
            if spec.kind == "choice":
                # "Both" written by hand in an older file is the choice "both".
                same = [c for _, c in spec.choices if c.casefold() == values[spec.name].casefold()]
                values[spec.name] = same[0] if same else values[spec.name]
        return values

    def build(self, typed: Values, existing: Record | None, session: Session,
              book: DealBook) -> tuple[Record | None, dict[str, str]]:
        """A validated record from the form's text, or the problems by field."""
        model = RECORD_TABLES[self.table]
        if existing is not None:
            data: dict[str, Any] = existing.model_dump()
        else:
            data = {"id": new_id(self.id_prefix), **self.new_values(session, book)}
        # A field left as the form showed it keeps what is stored: text read back could
        # differ (a name with a comma in a list shown joined by commas).
        shown = self.to_values(existing) if existing is not None else {}
        for name, text in typed.items():
            if name in shown and shown[name] == text:
                continue
            # A blank number keeps the model's default rather than failing.
            if text.strip() == "" and name in model.model_fields and \
                    model.model_fields[name].annotation is int:
                data.pop(name, None)
            else:
                data[name] = text
        try:
            record = model.model_validate(data)
        except ValidationError as error:
            labels = {spec.name: short_label(spec.label) for spec in self.fields}
            return None, plain_messages(error, labels)
        record, problems = entry_problems(record)
        return (None, problems) if problems else (record, {})
