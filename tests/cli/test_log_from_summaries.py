"""negtui log finds the deal from the summaries the app keeps, never from a stale one."""

from __future__ import annotations

import json
import os
from pathlib import Path

from negtui.actions.session import Session
from negtui.store import Store


def keep_summaries(folder: Path) -> None:
    """What opening the app does: read every file and keep a summary of each."""
    Session(Store(folder).open(), Store(folder).clock, glance=True).keep_summaries()


def rename_by_hand(path: Path, name: str) -> None:
    tables = json.loads(path.read_text(encoding="utf-8"))
    (deal,) = tables["deal"].values()
    deal["name"] = name
    path.write_text(json.dumps(tables, indent=2), encoding="utf-8")


def test_a_deal_renamed_by_hand_is_found_by_its_new_name_only(cli, demo_folder, demo_ids):
    keep_summaries(demo_folder)
    path = demo_folder / "deals" / f"{demo_ids['Northwind data platform']}.json"
    rename_by_hand(path, "Southwind data platform")
    refused = cli.run("log", "Northwind", "--given", "net 45", "--data", str(demo_folder))
    assert refused.returncode == 2
    assert refused.stderr_lines == ["negtui: no deal matches “Northwind”"]
    logged = cli.ok("log", "Southwind", "--given", "net 45", "--data", str(demo_folder))
    (concession,) = [c for book in cli.export(demo_folder)["deals"]
                     for c in book["concessions"] if c["id"] == logged.stdout.strip()]
    assert concession["what"] == "net 45"


def test_an_unknown_deal_is_refused_as_before(cli, demo_folder):
    keep_summaries(demo_folder)
    before = cli.snapshot(demo_folder)
    refused = cli.run("log", "Nowhere", "--given", "net 45", "--data", str(demo_folder))
    assert refused.returncode == 2
    assert refused.stderr_lines == ["negtui: no deal matches “Nowhere”"]
    assert cli.snapshot(demo_folder) == before


def test_the_deal_written_is_checked_in_full_even_behind_a_current_summary(
        cli, demo_folder, demo_ids):
    keep_summaries(demo_folder)
    path = demo_folder / "deals" / f"{demo_ids['Harbor retainer renewal']}.json"
    info = os.stat(path)
    text = path.read_text(encoding="utf-8")
    broken = text.replace('"value_us": ', '"value_us": "', 1).replace(
        '"value_us": "', '"value_us":"', 1)
    # Same size, same inode, same time: the summary still matches the file.
    assert len(broken) == len(text) and broken != text
    with open(path, "r+", encoding="utf-8") as handle:
        handle.write(broken)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    before = cli.snapshot(demo_folder)
    refused = cli.run("log", "Harbor", "--given", "net 45", "--data", str(demo_folder))
    assert refused.returncode == 2, str(refused)
    assert path.name in refused.stderr
    assert cli.snapshot(demo_folder) == before


def damage_a_concession_behind_its_summary(path: Path) -> None:
    """Change a concession's bytes so the file no longer checks out, keeping its size,
    inode and time: its summary still matches it."""
    info = os.stat(path)
    text = path.read_text(encoding="utf-8")
    broken = text.replace('"value_us": ', '"value_us": "', 1).replace(
        '"value_us": "', '"value_us":"', 1)
    assert len(broken) == len(text) and broken != text
    with open(path, "r+", encoding="utf-8") as handle:
        handle.write(broken)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def test_alerts_and_exports_of_deals_come_from_the_summaries_without_the_logs(
        cli, demo_folder, demo_ids):
    keep_summaries(demo_folder)
    data = ("--data", str(demo_folder))
    before = {command: cli.ok(*command.split(), *data).stdout
              for command in ("alerts", "export csv deals")}
    damage_a_concession_behind_its_summary(
        demo_folder / "deals" / f"{demo_ids['Harbor retainer renewal']}.json")
    for command, shown in before.items():
        again = cli.ok(*command.split(), *data)
        # Nothing they show comes from a deal's log, so its file is not read for them.
        assert again.stdout == shown and "cannot be read" not in again.stderr, command
    # The checks that read every record still find the damage.
    assert cli.run("check", *data).returncode != 0
