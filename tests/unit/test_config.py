"""The user's config file: what it sets, every mistake with its line, the theme kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from negtui.domain.clock import Clock
from negtui.domain.config import ConfigRules, read_config
from negtui.domain.dates import zone_problem
from negtui.domain.models import Settings
from negtui.store import Store
from negtui.store.config import ConfigNotKept, first_settings, keep_theme, load_config

RULES = ConfigRules(binding_ids={"screen.terms", "app.quit"},
                    themes={"textual-dark", "textual-light"})


def test_a_valid_file_sets_theme_keys_and_defaults() -> None:
    read = read_config('theme = "textual-light"\ntimezone = "Europe/Berlin"\n'
                       'currency = "chf"\ndata = "~/deals"\n\n[keys]\n"screen.terms" = "f6"\n',
                       RULES)
    assert read.problems == []
    assert read.config.theme == "textual-light"
    assert read.config.keys == {"screen.terms": "f6"}
    settings = first_settings(read.config)
    assert (settings.timezone, settings.default_currency) == ("Europe/Berlin", "CHF")


def test_every_mistake_is_named_with_its_line_and_the_rest_is_used() -> None:
    text = ('# mine\ntheme = "solarised-pink"\ncolours = 16\ntimezone = "Mars/Olympus"\n'
            'currency = "euros"\n[keys]\n"screen.terms" = "f6"\n"terms.fly" = "f7"\n'
            '"app.quit" = ""\n')
    read = read_config(text, RULES)
    assert [problem.line for problem in read.problems] == [2, 3, 4, 5, 8, 9]
    messages = " | ".join(problem.message for problem in read.problems)
    for words in ("solarised-pink", "unknown setting “colours”", "Mars/Olympus", "currency",
                  "“terms.fly”", "app.quit"):
        assert words in messages
    assert read.config.keys == {"screen.terms": "f6"}
    assert read.config.theme is None and read.config.timezone is None


def test_a_toml_mistake_gives_its_line_and_nothing_of_the_file_is_used() -> None:
    read = read_config('theme = "textual-light"\n\n[keys\n"screen.terms" = "f6"\n', RULES)
    assert [problem.line for problem in read.problems] == [3]
    assert read.config.theme is None and read.config.keys == {}


def test_a_refused_remap_is_left_out_with_the_reason() -> None:
    def no_quit(keymap: object) -> list[tuple[str, str]]:
        return [("screen.terms", "screen.terms: ctrl+q is the key to quit")]

    rules = ConfigRules(binding_ids=RULES.binding_ids, keymap_rule=no_quit)
    read = read_config('[keys]\n"screen.terms" = "ctrl+q"\n', rules)
    assert [(p.line, p.message) for p in read.problems] == [
        (2, "screen.terms: ctrl+q is the key to quit")]
    assert read.config.keys == {}


def test_a_missing_file_is_no_problem(tmp_path: Path) -> None:
    read = load_config(tmp_path / "config.toml", RULES)
    assert read.problems == [] and read.config.theme is None


def test_a_file_saved_with_a_byte_order_mark_reads(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes('\ufefftheme = "textual-light"\n'.encode())
    assert load_config(path, RULES).config.theme == "textual-light"


def test_keeping_a_theme_changes_only_its_line(tmp_path: Path) -> None:
    path = tmp_path / "negtui" / "config.toml"
    keep_theme(path, "nord")
    assert path.read_text(encoding="utf-8") == 'theme = "nord"\n'
    path.write_text('# my settings\ntheme = "nord"  # cold\n\n[keys]\n"screen.terms" = "f6"\n',
                    encoding="utf-8")
    keep_theme(path, "textual-light")
    assert path.read_text(encoding="utf-8") == (
        '# my settings\ntheme = "textual-light"\n\n[keys]\n"screen.terms" = "f6"\n')


def test_a_broken_file_is_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("theme = \n", encoding="utf-8")
    with pytest.raises(ConfigNotKept, match=r"config\.toml"):
        keep_theme(path, "nord")
    assert path.read_text(encoding="utf-8") == "theme = \n"


def _portfolio_settings(folder: Path) -> dict[str, object]:
    raw = json.loads((folder / "portfolio.json").read_text(encoding="utf-8"))
    return dict(raw["settings"]["1"])


def test_a_portfolio_that_sets_no_zone_follows_the_config_file(tmp_path: Path,
                                                               clock: Clock) -> None:
    tokyo = first_settings(read_config('timezone = "Asia/Tokyo"\n', RULES).config)
    store = Store(tmp_path, clock)
    store.first_settings = tokyo
    store.open()
    assert store.read_settings()[0].timezone == "Asia/Tokyo"
    store.save_settings(store.read_settings()[0].model_copy(update={"capacity_hours": 30}))
    # Not written: the zone still comes from the config file once it changes.
    assert "timezone" not in _portfolio_settings(tmp_path)
    store.first_settings = first_settings(read_config('timezone = "Europe/Oslo"\n',
                                                      RULES).config)
    settings = store.read_settings()[0]
    assert (settings.timezone, settings.capacity_hours) == ("Europe/Oslo", 30)


def test_a_portfolio_with_its_own_zone_keeps_it_whatever_the_config(tmp_path: Path,
                                                                    clock: Clock) -> None:
    store = Store(tmp_path, clock)
    store.first_settings = first_settings(read_config('timezone = "Asia/Tokyo"\n',
                                                      RULES).config)
    store.open()
    store.save_settings(Settings(timezone="Europe/Berlin"))
    assert _portfolio_settings(tmp_path)["timezone"] == "Europe/Berlin"
    assert store.read_settings()[0].timezone == "Europe/Berlin"


def test_without_a_config_zone_the_system_zone_is_followed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/Chicago")
    assert first_settings(read_config("", RULES).config).timezone == "America/Chicago"
    monkeypatch.setenv("TZ", "Etc/UTC")  # what a container's /etc/localtime often says
    assert first_settings(read_config("", RULES).config).timezone == "UTC"
    monkeypatch.setenv("TZ", "Not/AZone")
    assert zone_problem(first_settings(read_config("", RULES).config).timezone) is None


def test_a_key_name_no_key_has_is_reported_on_its_line_and_left_out() -> None:
    rules = ConfigRules(binding_ids={"screen.terms", "screen.calendar"},
                        key_rule=lambda key: None if key in ("f6", "f9") else f"no {key}")
    read = read_config('[keys]\n"screen.terms" = "ctlr+s"\n"screen.calendar" = "f9, F13x"\n',
                       rules)
    assert [(p.line, p.message) for p in read.problems] == [
        (2, "screen.terms: no ctlr+s"), (3, "screen.calendar: no F13x")]
    assert read.config.keys == {"screen.calendar": "f9"}
