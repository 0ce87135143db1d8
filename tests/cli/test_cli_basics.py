"""--version and --help for the main command and every subcommand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import negtui


def test_version_prints_package_version(cli):
    result = cli.ok("--version")
    assert result.stdout.strip() == f"negtui {negtui.__version__}"


def test_console_script_reports_same_version(cli):
    # pip puts the console script beside the interpreter it installs into.
    script = Path(sys.executable).parent / "negtui"
    assert script.exists(), "pip install should have made the negtui command"
    completed = subprocess.run([str(script), "--version"], env=cli.env, cwd=cli.base,
                               capture_output=True, text=True, timeout=cli.timeout, check=False)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == f"negtui {negtui.__version__}"


HELP_CASES = {
    (): ["demo", "log", "export", "import", "check", "--data", "--version"],
    ("demo",): ["--no-open", "--large", "--data"],
    ("log",): ["DEAL", "--given", "--received", "--term", "--us", "--them", "--note", "--data"],
    ("export",): ["json", "--data"],
    ("export", "json"): ["-o", "--output", "--data"],
    ("import",): ["json", "FILE", "--data"],
    ("check",): ["--data"],
}


@pytest.mark.parametrize("command", list(HELP_CASES), ids=lambda c: " ".join(c) or "main")
def test_help_lists_options(cli, command):
    result = cli.ok(*command, "--help")
    assert result.stdout.startswith(f"usage: negtui {' '.join(command)}".rstrip())
    for option in HELP_CASES[command]:
        assert option in result.stdout, f"{option} missing from help:\n{result.stdout}"
    assert result.stderr == ""


def test_unknown_command_is_a_usage_error(cli):
    result = cli.run("frobnicate")
    assert result.returncode == 2, str(result)
    assert len(result.stderr_lines) == 1, str(result)
    assert "frobnicate" in result.stderr


def test_negtui_s_own_folders_are_made_private_a_named_one_is_left(cli):
    """The folders negtui picks by itself are its own, also when an older negtui made
    them 0755; a folder the user names keeps the mode the user gave it."""
    base = cli.base / "xdg-data" / "negtui"
    portfolio = base / "portfolio"
    portfolio.mkdir(parents=True)
    named = cli.base / "named"
    named.mkdir()
    for folder in (base, portfolio, named):
        folder.chmod(0o755)
    cli.ok("alerts", "--data", str(named))
    assert [oct(f.stat().st_mode & 0o777) for f in (base, portfolio, named)] == [
        oct(0o700), oct(0o700), oct(0o755)]
