"""Exports hold every record once the app has opened the folder.

The app keeps a small summary of each deal beside the data, holding only what the Portfolio
screen shows (no done milestone, no parked or conceded term). A command may use it to find
or list deals, but never export from it: the calendar and the terms spreadsheet must be the
same whether or not the app has been opened.
"""

from __future__ import annotations

import json
from pathlib import Path

from icalendar import Calendar


def _opened_by_the_app(folder: Path) -> None:
    """Leave the summaries the app writes when it opens the folder."""
    from negtui.store import Store

    store = Store(folder).open()
    store.summaries.enabled = True
    store.load()
    store.summaries.write_due()
    assert len(list((folder / ".summaries").glob("*.json"))) == 8


def _events(text: str) -> dict[str, str]:
    return {str(e["UID"]): str(e["SUMMARY"]) for e in Calendar.from_ical(text).walk("VEVENT")}


def _deal_with(folder: Path, wanted) -> str:
    for path in sorted((folder / "deals").glob("*.json")):
        tables = json.loads(path.read_text(encoding="utf-8"))
        if any(wanted(table, record) for table, records in tables.items()
               for record in records.values()):
            return path.stem
    raise AssertionError("the demo has no such deal")


def _done_milestone(table: str, record: dict) -> bool:
    return table == "milestones" and record.get("done") is True


def _settled_term(table: str, record: dict) -> bool:
    return table == "terms" and record.get("status") in ("parked", "conceded")


def test_the_calendar_keeps_done_items_once_the_app_has_opened_the_folder(cli, demo_folder):
    before = _events(cli.ok("--data", str(demo_folder), "export", "ics").stdout)
    _opened_by_the_app(demo_folder)
    after = _events(cli.ok("--data", str(demo_folder), "export", "ics").stdout)
    assert after == before
    assert any("Done." in text for text in cli.ok(
        "--data", str(demo_folder), "export", "ics").stdout.split("BEGIN:VEVENT"))


def test_one_deals_calendar_keeps_its_done_items_too(cli, demo_folder):
    deal = _deal_with(demo_folder, _done_milestone)
    args = ("--data", str(demo_folder), "export", "ics", "--deal", deal)
    before = _events(cli.ok(*args).stdout)
    _opened_by_the_app(demo_folder)
    assert _events(cli.ok(*args).stdout) == before


def test_the_terms_spreadsheet_keeps_parked_and_conceded_terms(cli, demo_folder):
    deal = _deal_with(demo_folder, _settled_term)
    args = ("--data", str(demo_folder), "export", "csv", "terms", "--deal", deal)
    before = cli.ok(*args).stdout
    _opened_by_the_app(demo_folder)
    assert cli.ok(*args).stdout == before
