"""An export reads the records it reports on: a deal whose file is broken only in a list
the export does not use is exported whole; one broken in a list it uses is left out by
name, as before."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Cli

ATLAS = "Atlas pricing study"


def _break_list(path: Path, table: str) -> None:
    tables = json.loads(path.read_text())
    records = tables[table]
    first = next(iter(records))
    records[first] = {"id": 17, "surely": ["not", "a", "record"]}
    path.write_text(json.dumps(tables))


def _broken(folder: Path, ids: dict[str, str], table: str) -> Path:
    path = folder / "deals" / f"{ids[ATLAS]}.json"
    _break_list(path, table)
    return path


def test_a_concession_gone_wrong_keeps_the_deal_in_the_calendar_and_the_deal_table(
        cli: Cli, demo_folder: Path, demo_ids: dict[str, str]) -> None:
    path = _broken(demo_folder, demo_ids, "concessions")
    assert cli.run("check", "--data", str(demo_folder)).returncode == 1  # it is broken
    calendar = cli.ok("export", "ics", "--data", str(demo_folder))
    assert ATLAS in calendar.stdout and str(path) not in calendar.stderr
    deals = cli.ok("export", "csv", "deals", "--data", str(demo_folder))
    assert ATLAS in deals.stdout and str(path) not in deals.stderr


def test_a_milestone_gone_wrong_leaves_the_deal_out_of_the_calendar_by_name(
        cli: Cli, demo_folder: Path, demo_ids: dict[str, str]) -> None:
    path = _broken(demo_folder, demo_ids, "milestones")
    calendar = cli.ok("export", "ics", "--data", str(demo_folder))
    assert ATLAS not in calendar.stdout
    assert str(path) in calendar.stderr and "left out" in calendar.stderr
    assert "Northwind data platform" in calendar.stdout  # the other deals are there


def test_the_dossier_keeps_the_lessons_of_a_deal_gone_wrong_elsewhere(
        cli: Cli, demo_folder: Path, demo_ids: dict[str, str]) -> None:
    # Meridian's lesson bears on Northwind (the same kind of contract).
    meridian = demo_folder / "deals" / f"{demo_ids['Meridian analytics extension']}.json"
    _break_list(meridian, "terms")
    dossier = cli.ok("export", "dossier", "northwind", "--data", str(demo_folder))
    assert "Agreed a 12-month exclusivity in health analytics too early" in dossier.stdout


def test_the_dossier_of_a_deal_gone_wrong_is_refused_by_name(
        cli: Cli, demo_folder: Path, demo_ids: dict[str, str]) -> None:
    path = _broken(demo_folder, demo_ids, "risks")
    refused = cli.run("export", "dossier", "atlas", "--data", str(demo_folder))
    assert refused.returncode != 0 and str(path) in refused.stderr, refused
