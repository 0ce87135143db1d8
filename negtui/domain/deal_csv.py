"""The deal list as a spreadsheet: one deal a row, read as the deal form would read it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import arrow

from negtui.domain.csv_table import CellProblem, TableRefused, header_key, read_table
from negtui.domain.csv_table import write_table as _write
from negtui.domain.deal_input import CHOICE_FIELDS, deal_from_values, deal_to_values
from negtui.domain.models import Deal
from negtui.domain.text import quoted
from negtui.domain.vocab import (
    ConcessionApproach,
    ContractType,
    DealStatus,
    Relationship,
    Strategy,
)

DEAL_LAYOUT = [
    ("Deal", "name"), ("Counterparty", "counterparty"), ("Status", "status"),
    ("Contract type", "contract_type"), ("Relationship", "relationship"),
    ("Value", "value"), ("Currency", "currency"), ("Hours a week", "hours_per_week"),
    ("Starts", "start"), ("Ends", "end"), ("Strategy", "strategy"),
    ("Concession approach", "concession_approach"), ("Objective", "objective"),
    ("Success measures", "success_measures"), ("BATNA", "batna"),
    ("Walk-away", "walk_away"), ("Markets", "markets"),
    ("Invoicing cycle", "invoicing_cycle"), ("Reporting format", "reporting_format"),
    ("Notes", "notes"),
]

OTHER_NAMES = {
    "name": ["deal name"], "value": ["expected value"],
    "hours_per_week": ["hours per week", "hours a week it will take", "hours"],
    "start": ["start"], "end": ["end"], "relationship": ["first time or renewal"],
    "success_measures": ["how success is measured"],
    "batna": ["best alternative if there is no agreement"],
    "walk_away": ["walk away criteria", "walkaway"], "markets": ["markets or sectors"],
}

DEAL_NAMES: dict[str, str] = {}
for _header, _field in DEAL_LAYOUT:
    for _name in [_header, _field, *OTHER_NAMES.get(_field, [])]:
        DEAL_NAMES[header_key(_name)] = _field

CHOICES = {"status": DealStatus, "contract_type": ContractType, "relationship": Relationship,
           "strategy": Strategy, "concession_approach": ConcessionApproach}


@dataclass(frozen=True)
class DealFromRow:
    row: int
    deal: Deal


def deals_from_csv(text: str, existing: Sequence[Deal], now: arrow.Arrow, zone: str,
                   currency: str) -> list[DealFromRow]:
    """Every row as a new valid deal, or ``TableRefused`` with every bad cell. A name the
    portfolio already has is refused: this adds deals, it never changes one."""
    rows = read_table(text, DEAL_NAMES, required=["name"])
    taken = {deal.name.casefold() for deal in existing}
    problems: list[CellProblem] = []
    found: list[DealFromRow] = []
    seen: dict[str, int] = {}
    for row in rows:
        name = row.cells["name"].casefold()
        if name in taken:
            problems.append(row.problem("name", "the portfolio has a deal of this name"))
            continue
        if name in seen:
            problems.append(row.problem("name", f"the same deal as row {seen[name]}"))
            continue
        seen[name] = row.number
        values = dict(row.cells)
        values.setdefault("currency", currency)
        if not values["currency"]:
            values["currency"] = currency
        if "success_measures" in values:
            values["success_measures"] = values["success_measures"].replace("|", "\n")
        for field in CHOICE_FIELDS:
            if field not in values:
                continue
            known = {choice.value.casefold(): choice.value for choice in CHOICES[field]}
            if not values[field]:
                del values[field]
            elif values[field].casefold() in known:
                values[field] = known[values[field].casefold()]
            else:
                problems.append(row.problem(field, f"{quoted(values[field])}: one of "
                                                   f"{', '.join(known.values())}"))
                del values[field]
        deal, errors = deal_from_values(values, None, now, zone)
        problems.extend(row.problem(field if field in row.cells else "name", message)
                        for field, message in errors.items())
        if deal is not None:
            found.append(DealFromRow(row.number, deal))
    if problems:
        raise TableRefused(sorted(problems, key=lambda p: (p.row, p.column)))
    return found


def deals_to_csv(deals: Sequence[Deal]) -> str:
    rows = []
    for deal in deals:
        values = deal_to_values(deal)
        values["success_measures"] = values["success_measures"].replace("\n", " | ")
        # A spreadsheet is read by machines too: its dates stay ISO.
        values["start"] = deal.start.isoformat() if deal.start else ""
        values["end"] = deal.end.isoformat() if deal.end else ""
        rows.append([values.get(field, "") for _, field in DEAL_LAYOUT])
    return _write([header for header, _ in DEAL_LAYOUT], rows)


__all__ = ["DEAL_LAYOUT", "DealFromRow", "TableRefused", "deals_from_csv", "deals_to_csv"]
