"""Reading a table a spreadsheet saved as CSV, and writing one it opens.

Excel and LibreOffice save UTF-8 with or without a byte order mark, end lines with CRLF,
and separate cells with ``;`` where the decimal mark is a comma. Headers are matched to
fields without regard to case, spaces, dashes or a note in brackets, so the words the
app shows ("Walk-away", "Impact on deal") and the field names both work.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from negtui.domain.text import quoted

SEPARATORS = (";", ",", "\t")


@dataclass(frozen=True)
class CellProblem:
    row: int
    """As a spreadsheet numbers it: the header is row 1."""
    column: int
    """1 for the first column (shown as its letter too)."""
    header: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}, column {column_letter(self.column)}"
        return f"{where} ({self.header}): {self.message}" if self.header else \
            f"{where}: {self.message}"


class TableRefused(ValueError):
    """The file is refused as a whole; ``problems`` says where and why."""

    def __init__(self, problems: Sequence[CellProblem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class Row:
    number: int
    cells: dict[str, str]
    """Field name to the cell's text, for the columns the file has."""
    columns: dict[str, tuple[int, str]]
    """Field name to (column number, header as written)."""

    def problem(self, field: str, message: str) -> CellProblem:
        column, header = self.columns.get(field, (1, ""))
        return CellProblem(self.number, column, header, message)


def column_letter(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def header_key(text: str) -> str:
    """What is left of a header to match on: lower case, no note in brackets, no dashes,
    underscores or repeated spaces."""
    text = re.sub(r"\([^)]*\)", " ", text.casefold())
    return " ".join(re.sub(r"[-_/.:]", " ", text).split())


def read_table(text: str, names: Mapping[str, str], required: Sequence[str]) -> list[Row]:
    """The rows of ``text``; ``names`` maps each accepted header (as ``header_key`` leaves
    it) to a field. Every problem with the headers is raised at once."""
    text = text.removeprefix("\ufeff")
    lines = text.splitlines()
    separator = None
    if lines and lines[0].lower().startswith("sep=") and len(lines[0]) == 5:
        separator, text = lines[0][4], text.split("\n", 1)[1] if "\n" in text else ""
    separator = separator or _separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    records: list[tuple[int, list[str]]] = []
    try:
        for record in reader:
            records.append((len(records) + 1, record))
    except csv.Error as error:
        raise TableRefused([CellProblem(len(records) + 1, 1, "",
                                        f"not a CSV table: {error}")]) from None
    rows_only = [record for record in records if any(cell.strip() for cell in record[1])]
    if not rows_only:
        raise TableRefused([CellProblem(1, 1, "", "the file has no header row")])
    header_row, header = rows_only[0]
    columns: dict[str, tuple[int, str]] = {}
    problems: list[CellProblem] = []
    for number, written in enumerate(header, 1):
        if not written.strip():
            continue
        field = names.get(header_key(written))
        if field is None:
            problems.append(CellProblem(header_row, number, written, "no field has this name"))
        elif field in columns:
            problems.append(CellProblem(header_row, number, written,
                                        f"the same field as column "
                                        f"{column_letter(columns[field][0])}"))
        else:
            columns[field] = (number, written.strip())
    for field in required:
        if field not in columns:
            wanted = next(name for name, target in names.items() if target == field)
            problems.append(CellProblem(header_row, len(header) + 1, "",
                                        f"a column {quoted(wanted.capitalize())} is needed"))
    if problems:
        raise TableRefused(problems)
    rows: list[Row] = []
    for spreadsheet_row, record in rows_only[1:]:
        cells = {field: (record[number - 1] if number <= len(record) else "").strip()
                 for field, (number, _) in columns.items()}
        rows.append(Row(spreadsheet_row, cells, columns))
    return rows


def _separator(text: str) -> str:
    """The separator of the header line: the one of ``;`` ``,`` or tab that occurs most
    outside quotes."""
    first = ""
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char in "\r\n" and not quoted:
            break
        elif not quoted:
            first += char
    counts = {separator: first.count(separator) for separator in SEPARATORS}
    best = max(SEPARATORS, key=lambda separator: counts[separator])
    return best if counts[best] else ","


def write_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """CSV as spreadsheets open it: comma-separated, CRLF, quotes where needed."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue()
