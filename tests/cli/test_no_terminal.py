"""Opened where there is no terminal (a script, a cron job, input from /dev/null), the app
says why it cannot start and ends, instead of waiting busy for keys that never come."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Cli


def test_the_app_without_a_terminal_says_so_and_ends(cli: Cli, demo_folder: Path) -> None:
    before = Cli.snapshot(demo_folder)
    result = cli.run("--data", str(demo_folder))  # stdin /dev/null, output to pipes
    assert result.returncode == 2, result
    assert "needs a terminal" in result.stderr
    assert "negtui log" in result.stderr  # what to use from a script instead
    assert Cli.snapshot(demo_folder) == before


def test_the_demo_without_a_terminal_is_written_but_not_opened(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "fresh"
    result = cli.run("--data", str(folder), "demo")
    assert result.returncode == 2, result
    assert "written, but not opened" in result.stderr
    assert len(Cli.deal_files(folder)) == 8
