"""``negtui export dossier``: run as a real command against a demo folder."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

# The ``cli`` fixture (tests/cli/conftest.py) runs negtui in a sandbox.
Cli = Any

NORTHWIND_BATNA = "Extend the Harbor retainer by ten hours a week at the current rate"
NORTHWIND_WALK_AWAY = "Below 700 a day, or any clause that gives them my tooling"
NORTHWIND_FALLBACK = "780 EUR with a 6-month review"


def test_markdown_to_stdout_by_name_prefix(cli: Cli, demo_folder: Path) -> None:
    result = cli.ok("export", "dossier", "north", "--data", str(demo_folder))
    assert result.stdout.startswith("# Dossier: Northwind data platform\n")
    for heading in ("## Terms by priority", "## BATNA and walk-away", "## Open questions"):
        assert heading in result.stdout
    assert NORTHWIND_BATNA in result.stdout
    assert NORTHWIND_FALLBACK in result.stdout


def test_html_file_by_id_from_the_file_name(cli: Cli, demo_folder: Path,
                                            demo_ids: dict[str, str]) -> None:
    target = cli.base / "atlas.html"
    result = cli.ok("--data", str(demo_folder), "export", "dossier",
                    demo_ids["Atlas pricing study"], "-o", str(target))
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<h1>Dossier: Atlas pricing study</h1>" in page
    assert result.stdout == ""
    assert str(target) in result.stderr


def test_shared_copy_leaves_out_everything_private(cli: Cli, demo_folder: Path) -> None:
    target = cli.base / "shared.md"
    cli.ok("export", "dossier", "Northwind", "--share", "--format", "html", "-o", str(target),
           "--data", str(demo_folder))
    page = html.unescape(target.read_text(encoding="utf-8"))
    assert "Shared summary: Northwind data platform" in page
    for secret in (NORTHWIND_BATNA, NORTHWIND_WALK_AWAY, NORTHWIND_FALLBACK, "700 EUR",
                   "rated 9/8"):
        assert secret not in page


def test_unknown_or_ambiguous_deal_is_a_usage_error(cli: Cli, demo_folder: Path) -> None:
    before = cli.snapshot(demo_folder)
    target = cli.base / "nothing.md"
    for reference in ("Zeppelin", ""):
        result = cli.run("export", "dossier", reference, "-o", str(target),
                         "--data", str(demo_folder))
        assert result.returncode == 2, str(result)
        assert len(result.stderr_lines) == 1
    assert not target.exists()
    assert cli.snapshot(demo_folder) == before


def test_bad_format_and_missing_folder(cli: Cli, demo_folder: Path) -> None:
    result = cli.run("export", "dossier", "North", "--format", "pdf", "--data", str(demo_folder))
    assert result.returncode == 2 and "pdf" in result.stderr
    missing = cli.base / "nowhere"
    result = cli.run("export", "dossier", "North", "--data", str(missing))
    assert result.returncode == 2
    assert "holds no portfolio" in result.stderr
    assert not missing.exists()
