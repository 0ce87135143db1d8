"""Writing documents made from the data: the dossier and the calendar file.

One writer for every exported file: complete or not at all, readable by the user only.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from negtui.domain.book import DealBook
from negtui.domain.lessons import all_lessons
from negtui.export.folder import write_export
from negtui.store import Portfolio
from negtui.store.files import is_kept_by_the_store, refuse_store_file, write_output


def export_dossier(root: Path, portfolio: Portfolio, book: DealBook, now: datetime,
                   share: bool) -> Path:
    """The deal's dossier as Markdown in the data folder's exports; returns the file.
    Raises ``OSError`` with the system's reason when it cannot be written."""
    from negtui.export.dossier import dossier_filename, dossier_text

    text = dossier_text(book, portfolio.settings, now, share=share,
                        lessons=all_lessons(portfolio.books.values(), portfolio.lessons))
    return write_export(root, dossier_filename(book.deal, "md", share), text)


class ExportRefused(ValueError):
    """The file asked for cannot be written there; the message says why."""


def ics_target(root: Path, typed: str, deal_name: str | None) -> Path:
    """Where a calendar export goes: the typed path, a file in a typed folder, or a file in
    the data folder when nothing was typed."""
    from negtui.export.ics import export_file_name

    target = Path(typed).expanduser() if typed.strip() else Path(export_file_name(deal_name))
    if not target.is_absolute():
        target = root / target
    if target.is_dir():
        target = target / export_file_name(deal_name)
    if not target.parent.is_dir():
        raise ExportRefused(f"the folder {target.parent} does not exist")
    if is_kept_by_the_store(root, target):
        raise ExportRefused(f"{target} is one of the files negtui keeps in the data folder; "
                            "choose another name")
    return target


def export_ics(root: Path, target: str | None, books: list[DealBook], timezone: ZoneInfo,
               now: datetime, deal_name: str | None) -> int:
    """Write the calendar of ``books`` to ``target`` (None or "-": standard output) and
    count the export in the data folder's ledger; returns how many dates it holds.

    The ledger is saved first: if the file then cannot be written, the numbers it kept
    only skip ahead, which every calendar application accepts, whereas a file written with
    numbers the ledger never kept could reuse them for a later change.
    Raises ``StoreError`` when the ledger cannot be read or saved (nothing is written),
    ``OSError`` with the system's reason when the file cannot be written.
    """
    from negtui.domain.calendar import portfolio_entries
    from negtui.export.ics import calendar_text, render_events
    from negtui.store.calendar_ledger import record_export

    if target and target != "-":
        refuse_store_file(root, target)  # before the ledger counts an export never written
    # Each event is serialized once: its digest for the ledger and its lines in the file.
    events = render_events(portfolio_entries(books, timezone))
    revisions = record_export(root, {event.uid: event.digest for event in events}, now)
    text = calendar_text(events, now, f"negtui: {deal_name}" if deal_name else "negtui",
                         revisions)
    write_output(target, text, root)
    return text.count("BEGIN:VEVENT")
