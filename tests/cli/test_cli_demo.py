"""negtui demo: where the demo lands, and that it never overwrites someone's deals."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from negtui.demo import demo_portfolio
from negtui.domain.clock import fixed_clock


def _names(cli, folder):
    return set(cli.deal_ids(folder))


@pytest.mark.parametrize("where", ["before", "after"])
def test_demo_writes_eight_deals(cli, where):
    folder = cli.base / "somewhere" / "demo-data"
    args = ["demo", "--no-open"]
    args = ["--data", str(folder), *args] if where == "before" else [*args, "--data", str(folder)]
    result = cli.ok(*args)
    assert len(cli.deal_files(folder)) == 8, str(result)
    assert (folder / "portfolio.json").is_file()
    assert str(folder) in result.stderr
    # A clean demo passes the app's own check.
    assert cli.ok("check", "--data", str(folder)).stdout == ""


def test_demo_holds_the_sample_deals(cli, demo_folder):
    _, books = demo_portfolio(fixed_clock("2026-01-01T00:00:00+00:00"))
    assert _names(cli, demo_folder) == {book.deal.name for book in books}
    assert len(books) == 8


def test_demo_without_data_goes_to_user_demo_folder(cli, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", cli.env["XDG_DATA_HOME"])
    assert Path(platformdirs.user_data_dir("negtui", appauthor=False)) == cli.user_data
    elsewhere = cli.base / "from-env"
    env = {**cli.env, "NEGTUI_DATA": str(elsewhere)}
    cli.ok("demo", "--no-open", env=env)
    demo = cli.user_data / "demo"
    assert len(cli.deal_files(demo)) == 8
    # Neither the default portfolio nor the folder named by NEGTUI_DATA is touched.
    assert not (cli.user_data / "portfolio").exists()
    assert not elsewhere.exists()
    assert sorted(p.name for p in cli.user_data.iterdir()) == ["demo"]
    assert list(cli.home.iterdir()) == []


def test_demo_twice_into_the_same_folder_is_fine(cli, demo_folder):
    before = cli.export(demo_folder)["deals"]
    cli.ok("demo", "--no-open", "--data", str(demo_folder))
    assert len(cli.deal_files(demo_folder)) == 8
    after = cli.export(demo_folder)["deals"]
    assert sorted(d["deal"]["id"] for d in after) == sorted(d["deal"]["id"] for d in before)


def _import_one_deal(cli, write_json, make_document, folder, deal_id, name):
    source = write_json(f"{deal_id}.json", make_document([{"deal": {"id": deal_id, "name": name}}]))
    cli.ok("import", "json", str(source), "--data", str(folder))


def test_demo_refuses_a_folder_with_other_deals(cli, write_json, make_document):
    folder = cli.base / "mine"
    _import_one_deal(cli, write_json, make_document, folder, "d-mine0001", "My real deal")
    before = cli.snapshot(folder)
    result = cli.run("demo", "--no-open", "--data", str(folder))
    assert result.returncode == 2, str(result)
    assert len(result.stderr_lines) == 1, str(result)
    assert str(folder) in result.stderr
    assert cli.snapshot(folder) == before
    assert _names(cli, folder) == {"My real deal"}


def test_demo_refuses_a_demo_folder_with_an_extra_deal(cli, demo_folder, write_json,
                                                         make_document):
    _import_one_deal(cli, write_json, make_document, demo_folder, "d-extra001", "Side project")
    before = cli.snapshot(demo_folder)
    result = cli.run("demo", "--no-open", "--data", str(demo_folder))
    assert result.returncode == 2, str(result)
    assert len(result.stderr_lines) == 1, str(result)
    assert cli.snapshot(demo_folder) == before

