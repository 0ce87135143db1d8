"""negtui import json killed between two of its renames: the next open sees the whole
import or none of it, never some files new and some old."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from negtui.store import Store
from negtui.store.exchange import export_document

# Runs the real command, ending the process at once (as a kill would, with no cleanup)
# when it is about to make its Nth rename.
KILLED_AT = """
import os
import sys

from negtui.cli.main import main

left = int(sys.argv[1])
replace = os.replace


def dying(source, target, *args, **kwargs):
    global left
    left -= 1
    if left == 0:
        os._exit(137)
    return replace(source, target, *args, **kwargs)


os.replace = dying
sys.exit(main(["import", "json", sys.argv[2], "--data", sys.argv[3]]))
"""
RENAMED = " (renamed by the import)"


def changed_document(folder: Path) -> dict:
    """Every deal renamed, the capacity changed and a deal added: every file changes."""
    document = export_document(Store(folder))
    for book in document["deals"]:
        book["deal"]["name"] += RENAMED
    document["settings"]["capacity_hours"] = 17
    extra = json.loads(json.dumps(document["deals"][0]))
    extra["deal"]["id"] = "d-imported"
    for kind in ("concessions", "terms", "milestones", "stakeholders", "calls"):
        extra[kind] = []
    document["deals"].append(extra)
    return document


def state(folder: Path) -> set[str]:
    """What of the import each file shows, seen as the app sees it on its next start."""
    portfolio = Store(folder).open().load()
    assert not portfolio.problems
    seen = {"renamed" if deal.name.endswith(RENAMED) else "as before"
            for deal in portfolio.deals() if deal.id != "d-imported"}
    seen.add("added" if "d-imported" in portfolio.books else "not added")
    seen.add("capacity 17" if portfolio.settings.capacity_hours == 17 else "capacity before")
    return seen


@pytest.mark.parametrize("renames", [1, 2, 3, 6, 11])
def test_a_kill_between_renames_leaves_all_or_nothing(cli, demo_folder, renames):
    document = cli.base / "import.json"
    document.write_text(json.dumps(changed_document(demo_folder)), encoding="utf-8")
    folder = cli.base / "killed"
    shutil.copytree(demo_folder, folder)
    killed = subprocess.run([sys.executable, "-c", KILLED_AT, str(renames), str(document),
                             str(folder)], capture_output=True, env=cli.env, check=False)
    assert killed.returncode == 137, killed.stderr.decode()
    seen = state(folder)
    assert seen in ({"renamed", "added", "capacity 17"},
                    {"as before", "not added", "capacity before"}), seen
    leftovers = [p.name for p in folder.rglob("*.tmp")] + [
        p.name for p in folder.glob(".batch.*")]
    assert leftovers == []
