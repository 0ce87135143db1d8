"""The command line against hostile files and paths: a bad file harms only itself, no
write lands in the wrong file, and the data folder's own files are never an output."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys

import pytest


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def usual_umask():
    """The umask most systems start with (the commands run inherit it)."""
    before = os.umask(0o022)
    yield
    os.umask(before)


# Permissions


def test_a_private_deal_file_stays_private_after_a_log(cli, demo_folder, demo_ids,
                                                       usual_umask):
    path = demo_folder / "deals" / f"{demo_ids['Northwind data platform']}.json"
    path.chmod(0o600)
    cli.ok("log", "northwind", "--given", "x", "--data", str(demo_folder))
    assert mode(path) == 0o600


def test_a_new_portfolio_and_its_exports_are_private(cli, usual_umask):
    folder = cli.base / "fresh"
    cli.ok("demo", "--no-open", "--data", str(folder))
    assert mode(folder) == 0o700
    assert mode(folder / "deals") == 0o700
    files = [folder / "portfolio.json", *cli.deal_files(folder)]
    assert {mode(path) for path in files} == {0o600}
    target = cli.base / "export.json"
    cli.ok("export", "json", "-o", str(target), "--data", str(folder))
    assert mode(target) == 0o600


# A hostile file among the deals


def nested_arrays(path):
    path.write_text("[" * 100_000 + "]" * 100_000)


def huge_integer(path):
    path.write_text(path.read_text().replace("{", '{"amount": ' + "9" * 5000 + ", ", 1))


def a_folder(path):
    path.unlink()
    path.mkdir()


def dangling_link(path):
    path.unlink()
    path.symlink_to(path.with_name("gone.json"))


def a_fifo(path):
    path.unlink()
    os.mkfifo(path)


HOSTILE = {"nested arrays": nested_arrays, "5000-digit integer": huge_integer,
           "folder": a_folder, "dangling link": dangling_link, "FIFO": a_fifo}


@pytest.fixture(params=list(HOSTILE))
def hostile(request, demo_folder, demo_ids):
    """The demo with the Harbor deal file made hostile; returns (folder, that file)."""
    path = demo_folder / "deals" / f"{demo_ids['Harbor retainer renewal']}.json"
    HOSTILE[request.param](path)
    return demo_folder, path


def test_a_hostile_file_is_reported_and_the_rest_works(cli, hostile, demo_ids):
    folder, path = hostile
    result = cli.run("check", "--data", str(folder))
    assert result.returncode == 1, str(result)
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == [str(path)]
    assert "Traceback" not in result.stderr

    # By id, the hostile file itself is refused by name; it never blocks the command.
    refused = cli.run("log", path.stem, "--given", "x", "--data", str(folder))
    assert refused.returncode == 2, str(refused)
    assert str(path) in refused.stderr and "Traceback" not in refused.stderr

    # The other deals: by name, logged and exported.
    cli.ok("log", "northwind", "--received", "net 30", "--data", str(folder))
    dossier = cli.ok("export", "dossier", "atlas", "--data", str(folder))
    assert "Atlas pricing study" in dossier.stdout
    calendar = cli.ok("export", "ics", "--data", str(folder))
    assert "BEGIN:VCALENDAR" in calendar.stdout
    assert str(path) in calendar.stderr


def test_import_works_beside_a_hostile_file(cli, demo_folder, demo_ids, write_json,
                                            make_document):
    nested_arrays(demo_folder / "deals" / f"{demo_ids['Harbor retainer renewal']}.json")
    document = make_document([{"deal": {"id": "d-newdeal1", "name": "New deal"}}])
    cli.ok("import", "json", str(write_json("new.json", document)), "--data", str(demo_folder))
    cli.ok("log", "new deal", "--given", "x", "--data", str(demo_folder))


def test_check_lists_every_problem_of_a_file(cli, demo_folder, demo_ids):
    path = demo_folder / "deals" / f"{demo_ids['Atlas pricing study']}.json"
    tables = json.loads(path.read_text())
    del tables["meta"]
    (deal,) = tables["deal"].values()
    deal["name"] = ""
    tables["milestones"] = ["not", "an", "object"]
    path.write_text(json.dumps(tables))
    result = cli.run("check", "--data", str(demo_folder))
    assert result.returncode == 1, str(result)
    places = [line.removeprefix(f"{path} at ").split(":")[0]
              for line in result.stdout.splitlines()]
    assert places == ["meta", "deal.name", "milestones"], str(result)


# Writes land only in the file of their deal


def test_a_copy_holding_another_deal_id_is_never_written(cli, demo_folder, demo_ids):
    northwind = demo_folder / "deals" / f"{demo_ids['Northwind data platform']}.json"
    copy = demo_folder / "deals" / "d-dupcopy1.json"
    shutil.copyfile(northwind, copy)
    before = cli.snapshot(demo_folder)
    result = cli.run("log", "d-dupcopy1", "--given", "x", "--data", str(demo_folder))
    assert result.returncode == 2, str(result)
    assert f"{copy} at deal.id: holds deal id '{northwind.stem}'" in result.stderr
    # By name it is ambiguous, and the message says which file cannot be read.
    result = cli.run("log", "northwind", "--given", "x", "--data", str(demo_folder))
    assert result.returncode == 2, str(result)
    assert "d-dupcopy1.json cannot be read" in result.stderr
    assert cli.snapshot(demo_folder) == before


def test_an_import_that_cannot_write_a_deal_changes_nothing(cli, demo_folder, demo_ids,
                                                            write_json):
    document = cli.export(demo_folder)
    document["settings"]["capacity_hours"] = 12
    first = document["deals"][0]
    first["deal"]["notes"] = "changed by the import"
    document["deals"] = [first, {"deal": {"id": "d-blocked", "name": "Blocked"}}]
    (demo_folder / "deals" / "d-blocked.json").mkdir()
    before = cli.snapshot(demo_folder)
    result = cli.run("import", "json", str(write_json("doc.json", document)),
                     "--data", str(demo_folder))
    assert result.returncode == 2, str(result)
    assert "d-blocked.json" in result.stderr
    assert cli.snapshot(demo_folder) == before


# Outputs never land on the data folder's own files


@pytest.mark.parametrize("command", [["export", "json"], ["export", "ics"],
                                     ["export", "dossier", "atlas"]])
def test_no_export_overwrites_a_deal_file(cli, demo_folder, demo_ids, command):
    target = demo_folder / "deals" / f"{demo_ids['Northwind data platform']}.json"
    before = cli.snapshot(demo_folder)
    result = cli.run(*command, "-o", str(target), "--data", str(demo_folder))
    assert result.returncode == 2, str(result)
    assert "inside the data folder" in result.stderr and str(target) in result.stderr
    assert cli.snapshot(demo_folder) == before


@pytest.mark.parametrize("inside", ["portfolio.json", "portfolio.json.lock", "deals/new.md",
                                    ".backups/x.json", ".drafts/x.json", "."])
def test_no_export_lands_among_the_folders_own_files(cli, demo_folder, inside):
    before = cli.snapshot(demo_folder)
    result = cli.run("export", "json", "-o", str(demo_folder / inside),
                     "--data", str(demo_folder))
    assert result.returncode == 2, str(result)
    assert "inside the data folder" in result.stderr
    assert cli.snapshot(demo_folder) == before


def test_a_link_into_the_data_folder_is_followed_and_refused(cli, demo_folder, demo_ids):
    link = cli.base / "innocent.md"
    link.symlink_to(demo_folder / "deals" / f"{demo_ids['Atlas pricing study']}.json")
    before = cli.snapshot(demo_folder)
    result = cli.run("export", "dossier", "atlas", "-o", str(link), "--data", str(demo_folder))
    assert result.returncode == 2, str(result)
    assert cli.snapshot(demo_folder) == before


def test_the_exports_folder_takes_exports(cli, demo_folder):
    (demo_folder / "exports").mkdir()
    target = demo_folder / "exports" / "atlas.md"
    cli.ok("export", "dossier", "atlas", "-o", str(target), "--data", str(demo_folder))
    assert target.read_text().startswith("# Dossier: Atlas pricing study")


# Standard output gone, text that is not text, temp files of killed writers


def _run_with_stdout(cli, args, stdout_fd=None, close_stdout=False):
    process = subprocess.Popen(
        [sys.executable, "-m", "negtui", *args], env=cli.env, cwd=cli.base,
        stdin=subprocess.DEVNULL, stdout=stdout_fd, stderr=subprocess.PIPE,
        preexec_fn=(lambda: os.close(1)) if close_stdout else None,
    )
    _, errors = process.communicate(timeout=cli.timeout)
    return process.returncode, errors.decode("utf-8")


@pytest.mark.parametrize("command", [["export", "json"], ["export", "dossier", "atlas"],
                                     ["log", "northwind", "--received", "x"]])
def test_a_reader_gone_from_the_pipe_ends_quietly(cli, demo_folder, command):
    read_end, write_end = os.pipe()
    os.close(read_end)  # as `| head -0` does once it has what it wants
    try:
        code, errors = _run_with_stdout(cli, [*command, "--data", str(demo_folder)], write_end)
    finally:
        os.close(write_end)
    assert (code, errors) == (141, "")


def test_a_closed_stdout_ends_quietly(cli, demo_folder):
    code, errors = _run_with_stdout(cli, ["export", "json", "--data", str(demo_folder)],
                                    close_stdout=True)
    assert (code, errors) == (141, "")


def test_a_deal_name_that_is_not_utf8_is_refused(cli, demo_folder):
    result = cli.run("export", "dossier", "atl\udcffas", "--data", str(demo_folder))
    assert result.returncode == 2, str(result)
    assert result.stderr_lines == [
        "negtui export dossier: argument DEAL: “atl\\xffas” is not valid UTF-8 text "
        "(see negtui export dossier --help)"]


def _dead_pid():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_command_line_clears_temp_files_of_killed_writers(cli, demo_folder, demo_ids):
    deal = demo_folder / "deals" / f"{demo_ids['Atlas pricing study']}.json"
    gone = _dead_pid()
    stale = [deal.with_name(f".{deal.name}.{gone}.a1b2c3.tmp"),
             demo_folder / f".portfolio.json.{gone}.a1b2c3.tmp"]
    live = deal.with_name(f".{deal.name}.{os.getpid()}.a1b2c3.tmp")
    for path in (*stale, live):
        path.write_text("{")
    cli.ok("log", "northwind", "--given", "x", "--data", str(demo_folder))
    assert [path.exists() for path in stale] == [False, False]
    assert live.exists()  # its writer (this test) is still running
