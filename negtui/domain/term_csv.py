"""The term table as a spreadsheet: one term a row, in the words the app shows.

A row becomes the same values the term form would hold, so a term from a file obeys
every rule a typed one does. A term whose name is already in the deal is updated in the
columns the file has; the others keep what they held.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import arrow

from negtui.domain.csv_table import CellProblem, Row, TableRefused, header_key, read_table
from negtui.domain.csv_table import write_table as _write
from negtui.domain.dates import iso_when
from negtui.domain.models import Term
from negtui.domain.term_input import Values, form_values, term_from_values
from negtui.domain.text import quoted
from negtui.domain.vocab import TermCategory, TermStatus

# (header written on export, field of the term form); the order of the exported columns.
TERM_LAYOUT = [
    ("Term", "name"), ("Category", "category"), ("Impact on deal", "impact_deal"),
    ("Impact on portfolio", "impact_portfolio"), ("Must-have", "must_have"),
    ("Status", "status"), ("Weight", "weight"), ("Unit", "unit"), ("Direction", "direction"),
    ("Options", "options"), ("Ideal", "ideal"), ("Acceptable", "acceptable"),
    ("Walk-away", "walk_away"), ("On table", "on_table"), ("BATNA", "batna"),
    ("Fallback", "fallback"), ("Decide by", "decide_by"), ("Rationale", "rationale"),
    ("Consequence", "consequence"), ("Indicator", "indicator"),
]

# Other words for the same columns: the terms table's short titles, the form's labels.
OTHER_NAMES = {
    "name": ["term name"], "impact_deal": ["deal", "deal impact", "impact on this deal"],
    "impact_portfolio": ["port", "portfolio", "portfolio impact",
                         "impact on the whole portfolio"],
    "must_have": ["must", "must have otherwise nice to have"], "weight": ["wt"],
    "on_table": ["offer on the table", "offer", "on the table"],
    "walk_away": ["walkaway"], "batna": ["under our best alternative"],
    "fallback": ["fallback position"], "decide_by": ["decide on the fallback by"],
    "options": ["ranked options, best for us first"],
    "rationale": ["why it is a hard line"],
    "consequence": ["what happens if it is violated"],
    "indicator": ["measurable indicator"],
}

TERM_NAMES: dict[str, str] = {}
for _header, _field in TERM_LAYOUT:
    for _name in [_header, _field, *OTHER_NAMES.get(_field, [])]:
        TERM_NAMES[header_key(_name)] = _field

YES = {"yes", "y", "true", "1", "x", "must", "must have", "must-have"}
NO = {"", "no", "n", "false", "0", "nice", "nice to have", "nice-to-have"}


@dataclass(frozen=True)
class TermFromRow:
    row: int
    term: Term
    replaces: Term | None
    """The deal's term of the same name this row updates, or None for a new term."""


def terms_from_csv(text: str, existing: Sequence[Term], now: arrow.Arrow,
                   zone: str) -> list[TermFromRow]:
    """Every row as a valid term, or ``TableRefused`` with every bad cell."""
    rows = read_table(text, TERM_NAMES, required=["name"])
    by_name = {term.name.casefold(): term for term in existing}
    problems: list[CellProblem] = []
    found: list[TermFromRow] = []
    seen: dict[str, int] = {}
    for row in rows:
        name = row.cells["name"].casefold()
        if name in seen:
            problems.append(row.problem("name", f"the same term as row {seen[name]}"))
            continue
        seen[name] = row.number
        before = by_name.get(name)
        values, bad = _values(row, before, now, zone)
        term, errors = term_from_values(values, before, now, zone) if not bad else (None, {})
        problems.extend(bad)
        problems.extend(row.problem(field if field in row.cells else "name", message)
                        for field, message in errors.items())
        if term is not None:
            found.append(TermFromRow(row.number, term, before))
    if problems:
        raise TableRefused(sorted(problems, key=lambda p: (p.row, p.column)))
    return found


def _values(row: Row, before: Term | None, now: arrow.Arrow,
            zone: str) -> tuple[Values, list[CellProblem]]:
    """The form's values: the term's own (or a new term's), then each cell of the row."""
    values: Values = {field: "" for _, field in TERM_LAYOUT}
    values.update(form_values(before, now, zone))
    problems: list[CellProblem] = []
    for field, cell in row.cells.items():
        if field == "must_have":
            if cell.casefold() not in YES | NO:
                problems.append(row.problem(field, f"{quoted(cell)}: write yes or no"))
            values[field] = "true" if cell.casefold() in YES else "false"
        elif field == "direction":
            word = cell.casefold().split(" ", 1)[0] if cell else "more"
            if word not in ("more", "less"):
                problems.append(row.problem(field, f"{quoted(cell)}: write more or less "
                                                   "(which is better for us)"))
            values[field] = word
        elif field in ("category", "status"):
            choices = TermCategory if field == "category" else TermStatus
            known = {choice.value.casefold(): choice.value for choice in choices}
            if cell and cell.casefold() not in known:
                problems.append(row.problem(field, f"{quoted(cell)}: one of "
                                                   f"{', '.join(known.values())}"))
            values[field] = known.get(cell.casefold(), values[field] or
                                      next(iter(known.values())))
        elif field == "options":
            parts = cell.replace("|", "\n").splitlines()
            values[field] = "\n".join(part.strip() for part in parts if part.strip())
        elif field in ("impact_deal", "impact_portfolio", "weight") and not cell:
            values[field] = values[field] or ("1" if field == "weight" else "5")
        else:
            values[field] = cell
    return values, problems


def terms_to_csv(terms: Sequence[Term], now: arrow.Arrow, zone: str) -> str:
    """The terms in the layout ``terms_from_csv`` reads."""
    rows = []
    for term in terms:
        values = form_values(term, now, zone)
        values["must_have"] = "yes" if term.must_have else "no"
        # A spreadsheet is read by machines too: its dates stay ISO.
        values["decide_by"] = iso_when(term.fallback.decide_by, zone)
        values["offer_expires"] = iso_when(term.offer_expires, zone)
        rows.append([values.get(field, "") for _, field in TERM_LAYOUT])
    return _write([header for header, _ in TERM_LAYOUT], rows)


__all__ = ["TERM_LAYOUT", "TableRefused", "TermFromRow", "terms_from_csv", "terms_to_csv"]
