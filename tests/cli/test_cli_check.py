"""negtui check, and how the other commands treat a broken deal file."""

from __future__ import annotations

import json

import pytest


def _truncate(path, how):
    data = path.read_bytes()
    path.write_bytes(b"" if how == "empty" else data[: len(data) // 2])


def test_check_passes_on_demo(cli, demo_folder):
    result = cli.ok("check", "--data", str(demo_folder))
    assert result.stdout == ""
    assert str(demo_folder) in result.stderr


def test_check_on_missing_folder(cli):
    folder = cli.base / "missing"
    result = cli.run("check", "--data", str(folder))
    assert result.returncode == 1, str(result)
    assert str(folder) in result.stderr
    assert not folder.exists()


@pytest.fixture(params=["half", "empty"])
def broken(request, cli, demo_folder, demo_ids):
    """The demo with the Harbor deal file cut short; returns (folder, file, its bytes)."""
    path = demo_folder / "deals" / f"{demo_ids['Harbor retainer renewal']}.json"
    _truncate(path, request.param)
    return demo_folder, path, path.read_bytes()


def test_check_names_the_truncated_file(cli, broken):
    folder, path, data = broken
    before = cli.snapshot(folder)
    result = cli.run("check", "--data", str(folder))
    assert result.returncode == 1, str(result)
    problems = result.stdout.splitlines()
    assert problems, str(result)
    assert all(str(path) in line for line in problems), str(result)
    assert path.read_bytes() == data
    assert cli.snapshot(folder) == before


def test_export_refuses_while_a_file_is_broken(cli, broken):
    folder, path, data = broken
    target = cli.base / "export.json"
    result = cli.run("export", "json", "-o", str(target), "--data", str(folder))
    assert result.returncode == 1, str(result)
    assert result.stdout == ""
    assert str(path) in result.stderr
    assert not target.exists()
    result = cli.run("export", "json", "--data", str(folder))
    assert result.returncode == 1, str(result)
    assert result.stdout == ""
    assert path.read_bytes() == data


def test_log_to_the_broken_deal_is_refused(cli, broken, demo_ids):
    folder, path, _ = broken
    before = cli.snapshot(folder)
    for reference in ("harbor", demo_ids["Harbor retainer renewal"]):
        result = cli.run("log", reference, "--given", "x", "--data", str(folder))
        assert result.returncode == 2, str(result)
        assert str(path) in result.stderr, str(result)
        assert result.stdout == ""
    assert cli.snapshot(folder) == before


def test_other_deals_still_take_concessions(cli, broken, demo_template, demo_ids):
    folder, path, data = broken
    # By name and by exact id alike: the broken file holds no other deal of that name.
    by_name = cli.ok("log", "northwind", "--given", "net 45 days", "--data", str(folder))
    northwind = demo_ids["Northwind data platform"]
    by_id = cli.ok("log", northwind, "--given", "net 60 days", "--data", str(folder))
    logged_ids = {by_name.stdout.strip(): "net 45 days", by_id.stdout.strip(): "net 60 days"}
    assert path.read_bytes() == data
    assert cli.run("check", "--data", str(folder)).returncode == 1
    # Put the original file back: the export then works and holds the new concessions.
    path.write_bytes((demo_template / "deals" / path.name).read_bytes())
    document = cli.export(folder)
    assert len(document["deals"]) == 8
    logged = {c["id"]: c["what"] for book in document["deals"] for c in book["concessions"]
              if c["id"] in logged_ids}
    assert logged == logged_ids


def test_import_over_a_broken_file_is_refused(cli, broken, demo_template):
    folder, path, _ = broken
    good = cli.base / "good.json"
    cli.ok("export", "json", "-o", str(good), "--data", str(demo_template))
    before = cli.snapshot(folder)
    result = cli.run("import", "json", str(good), "--data", str(folder))
    assert result.returncode == 2, str(result)
    assert str(path) in result.stderr
    assert cli.snapshot(folder) == before


def _edit_tables(path, change):
    tables = json.loads(path.read_text(encoding="utf-8"))
    change(tables)
    path.write_text(json.dumps(tables), encoding="utf-8")


def test_check_reports_broken_references_by_file(cli, demo_folder, demo_ids):
    northwind = demo_folder / "deals" / f"{demo_ids['Northwind data platform']}.json"
    atlas = demo_folder / "deals" / f"{demo_ids['Atlas pricing study']}.json"
    ids = {}

    def dangle(tables):
        concession = next(iter(tables["concessions"].values()))
        concession["term_id"] = "t-nowhere"
        ids["concession"] = concession["id"]

    def duplicate(tables):
        term = next(iter(tables["terms"].values()))
        tables["terms"][str(max(int(k) for k in tables["terms"]) + 1)] = {
            **term, "name": "Same id, other term"}
        ids["term"] = term["id"]

    _edit_tables(northwind, dangle)
    _edit_tables(atlas, duplicate)
    before = cli.snapshot(demo_folder)
    result = cli.run("check", "--data", str(demo_folder))
    assert result.returncode == 1, str(result)
    lines = result.stdout.splitlines()
    assert len(lines) == 2, str(result)
    dangling = next(line for line in lines if str(northwind) in line)
    assert ids["concession"] in dangling and "'t-nowhere'" in dangling
    twice = next(line for line in lines if str(atlas) in line)
    assert ids["term"] in twice and "2 times" in twice
    assert "2 problems found" in result.stderr
    assert cli.snapshot(demo_folder) == before
