"""``negtui keys`` and ``negtui config``: every key by its id, the config file checked."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Cli


def _config(cli: Cli, text: str) -> Path:
    """The file where a user's config lives by default (no NEGTUI_CONFIG)."""
    path = Path(cli.env["XDG_CONFIG_HOME"]) / "negtui" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_keys_lists_every_screen_with_ids(cli: Cli) -> None:
    rows = json.loads(cli.ok("keys", "--json").stdout)
    assert set(rows[0]) == {"id", "keys", "description", "screen"}
    by_id = {(row["id"], row["screen"]): row for row in rows}
    assert by_id[("screen.terms", "everywhere")]["keys"] == "2"
    assert by_id[("app.quit", "everywhere")]["keys"] == "ctrl+q"
    screens = {row["screen"] for row in rows}
    assert {"Portfolio", "Terms", "Concessions", "Calendar", "Checklist"} <= screens
    assert all(row["id"] and row["keys"] for row in rows)
    text = cli.ok("keys").stdout
    assert any(line.split()[:2] == ["screen.terms", "2"] for line in text.splitlines())


def test_keys_shows_a_remap_from_the_config_file(cli: Cli) -> None:
    _config(cli, '[keys]\n"screen.terms" = "f6"\n')
    rows = json.loads(cli.ok("keys", "--json").stdout)
    assert [row["keys"] for row in rows if row["id"] == "screen.terms"] == ["f6"]


def test_config_check_names_the_file_and_line_of_every_mistake(cli: Cli) -> None:
    path = _config(cli, 'theme = "no-such-theme"\ntimezone = "Europe/Berlin"\n'
                        'colour = "red"\n[keys]\n"screen.terms" = "f6"\n'
                        '"terms.teleport" = "t"\n"screen.calendar" = "ctrl+q"\n')
    result = cli.run("config", "check")
    assert result.returncode == 1, str(result)
    lines = result.stdout.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [f"{path}:1", f"{path}:3",
                                                          f"{path}:6", f"{path}:7"]
    assert "no-such-theme" in lines[0] and "colour" in lines[1]
    assert "terms.teleport" in lines[2] and "quit" in lines[3]


def test_config_check_gives_the_line_of_a_toml_mistake(cli: Cli) -> None:
    path = _config(cli, 'theme = "nord"\n\n[keys\n')
    result = cli.run("config", "check")
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:3: ")


def test_a_remap_that_leaves_no_help_is_refused(cli: Cli) -> None:
    _config(cli, '[keys]\n"app.help" = "a"\n')
    result = cli.run("config", "check")
    assert result.returncode == 1
    assert "open help" in result.stdout


def test_config_check_passes_a_good_file_and_no_file(cli: Cli) -> None:
    assert cli.ok("config", "check").stdout.strip().endswith("no such file; defaults used")
    _config(cli, 'theme = "textual-light"\n[keys]\n"screen.terms" = "f6"\n')
    assert cli.ok("config", "check").stdout.strip().endswith("no problems")


def test_config_show_says_where_each_setting_came_from(cli: Cli) -> None:
    path = _config(cli, f'theme = "textual-light"\ndata = "{cli.base / "mine"}"\n'
                        'timezone = "Asia/Tokyo"\n')
    shown = {line.split()[0]: line for line in cli.ok("config", "show").stdout.splitlines()}
    assert "textual-light" in shown["theme"] and str(path) in shown["theme"]
    assert str(cli.base / "mine") in shown["data"] and str(path) in shown["data"]
    assert "Asia/Tokyo" in shown["timezone"]
    assert "default" in shown["currency"]
    assert cli.ok("config", "path").stdout.strip() == str(path)


def test_the_data_folder_time_zone_and_currency_of_the_config_are_used(cli: Cli) -> None:
    mine = cli.base / "mine"
    cli.ok("demo", "--no-open", "--data", str(mine))
    _config(cli, f'data = "{mine}"\n')
    assert len(json.loads(cli.ok("export", "json").stdout)["deals"]) == 8  # no --data given
    fresh = cli.base / "fresh"
    fresh.mkdir()
    _config(cli, 'timezone = "Asia/Tokyo"\ncurrency = "JPY"\n')
    settings = cli.export(fresh)["settings"]
    # A new portfolio sets no zone of its own: it goes on following the config file's.
    assert "timezone" not in settings and settings["default_currency"] == "JPY"
    portfolio = mine / "portfolio.json"
    raw = json.loads(portfolio.read_text(encoding="utf-8"))
    raw["settings"]["1"]["timezone"] = "Europe/Berlin"
    portfolio.write_text(json.dumps(raw), encoding="utf-8")
    settings = cli.export(mine)["settings"]  # a portfolio's own settings stay its own
    assert settings["timezone"] == "Europe/Berlin"


def test_a_key_name_textual_does_not_know_is_reported_and_not_used(cli: Cli) -> None:
    path = _config(cli, '[keys]\n"screen.terms" = "ctlr+s"\n"screen.calendar" = "F13x, f9"\n'
                        '"screen.portfolio" = "F6"\n"screen.checklist" = "ctrl+shift+f5"\n')
    result = cli.run("config", "check")
    assert result.returncode == 1, str(result)
    lines = result.stdout.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [f"{path}:2", f"{path}:3",
                                                          f"{path}:4"]
    assert "“ctlr+s” is not a key" in lines[0] and "ctrl+s" in lines[0]
    assert "“F13x” is not a key" in lines[1]
    assert "“F6” is not a key" in lines[2] and "“f6”" in lines[2]
    rows = json.loads(cli.ok("keys", "--json").stdout)
    keys = {row["id"]: row["keys"] for row in rows if row["screen"] == "everywhere"}
    # The misspelled keys are left out; what is right in the same line is used.
    assert (keys["screen.terms"], keys["screen.calendar"], keys["screen.portfolio"],
            keys["screen.checklist"]) == ("2", "f9", "1", "ctrl+shift+f5")
