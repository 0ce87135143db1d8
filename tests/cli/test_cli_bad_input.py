"""Bad input: exit 2, exactly one line on stderr, nothing on stdout, nothing written."""

from __future__ import annotations

import shutil

import pytest

# (arguments after "log", words the one stderr line must contain)
BAD_LOGS = {
    "unknown deal": (["Nosuch deal", "--given", "x"], ["Nosuch deal"]),
    "unknown deal id": (["d-zzzzzzzz", "--given", "x"], ["d-zzzzzzzz"]),
    "empty deal": (["", "--given", "x"], ["deal"]),
    "path as deal": (["../portfolio", "--given", "x"], ["../portfolio"]),
    "unknown term": (["northwind", "--given", "x", "--term", "Warranty"], ["Warranty"]),
    "ambiguous term": (["northwind", "--given", "x", "--term", "t"],
                       ["Tooling IP", "Travel"]),
    "term of another deal": (["harbor", "--given", "x", "--term", "Tooling"], ["Tooling"]),
    "us 0": (["northwind", "--given", "x", "--us", "0"], ["--us"]),
    "us 11": (["northwind", "--given", "x", "--us", "11"], ["--us"]),
    "us fraction": (["northwind", "--given", "x", "--us", "2.5"], ["--us"]),
    "them abc": (["northwind", "--given", "x", "--them", "abc"], ["--them", "abc"]),
    "given and received": (["northwind", "--given", "x", "--received", "y"],
                           ["--given", "--received"]),
    "neither": (["northwind"], ["--given", "--received"]),
    "empty text": (["northwind", "--given", ""], ["empty"]),
    "blank text": (["northwind", "--received", "   "], ["empty"]),
    "no deal": (["--given", "x"], ["DEAL"]),
    "unknown option": (["northwind", "--given", "x", "--value", "3"], ["--value"]),
    # Bytes that are not UTF-8 (here 0xff 0xfe) reach Python as lone surrogates.
    "given not UTF-8": (["northwind", "--given", "\udcff\udcfe"], ["--given", "UTF-8"]),
    "note not UTF-8": (["northwind", "--given", "x", "--note", "a\udcff"], ["--note", "UTF-8"]),
    "deal not UTF-8": (["north\udcffwind", "--given", "x"], ["DEAL", "UTF-8"]),
}


def assert_refused(cli, result, words):
    assert result.returncode == 2, str(result)
    assert result.stdout == "", str(result)
    assert len(result.stderr_lines) == 1, str(result)
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, str(result)


@pytest.mark.parametrize("case", list(BAD_LOGS))
def test_bad_log_changes_nothing(cli, demo_folder, case):
    args, words = BAD_LOGS[case]
    before = cli.snapshot(demo_folder)
    result = cli.run("log", *args, "--data", str(demo_folder))
    assert_refused(cli, result, words)
    assert cli.snapshot(demo_folder) == before


def test_ambiguous_deal_prefix(cli, demo_folder, write_json, make_document):
    extra = make_document([{"deal": {"id": "d-nwsupport", "name": "Northwind support desk"}}])
    cli.ok("import", "json", str(write_json("extra.json", extra)), "--data", str(demo_folder))
    before = cli.snapshot(demo_folder)
    result = cli.run("log", "northwind", "--given", "x", "--data", str(demo_folder))
    assert_refused(cli, result, ["Northwind data platform", "Northwind support desk"])
    assert cli.snapshot(demo_folder) == before
    # A longer prefix that only one name has still works.
    cli.ok("log", "northwind s", "--given", "x", "--data", str(demo_folder))


def test_ambiguous_prefix_between_imported_deals(cli, write_json, make_document):
    folder = cli.base / "two"
    two = make_document([{"deal": {"id": "d-acme0001", "name": "Acme hosting"}},
                         {"deal": {"id": "d-acme0002", "name": "Acme hardware"}}])
    cli.ok("import", "json", str(write_json("two.json", two)), "--data", str(folder))
    before = cli.snapshot(folder)
    result = cli.run("log", "acme h", "--received", "x", "--data", str(folder))
    assert_refused(cli, result, ["Acme hosting", "Acme hardware"])
    assert cli.snapshot(folder) == before


def test_log_into_missing_folder(cli):
    folder = cli.base / "missing"
    result = cli.run("log", "northwind", "--given", "x", "--data", str(folder))
    assert_refused(cli, result, [str(folder)])
    assert not folder.exists()


def test_log_into_missing_folder_from_env(cli):
    folder = cli.base / "missing"
    result = cli.run("log", "northwind", "--given", "x",
                     env={**cli.env, "NEGTUI_DATA": str(folder)})
    assert_refused(cli, result, [str(folder)])
    assert not folder.exists()


@pytest.mark.parametrize("command", [["log", "northwind", "--given", "x"], ["export", "json"],
                                     ["check"]])
def test_empty_data_option_is_refused(cli, demo_template, command):
    # An empty --data (say, from an unset shell variable) must not fall back to the
    # user's own portfolio.
    target = cli.user_data / "portfolio"
    shutil.copytree(demo_template, target, ignore=shutil.ignore_patterns("*.lock"))
    before = cli.snapshot(target)
    result = cli.run(*command, "--data", "")
    assert_refused(cli, result, ["--data"])
    assert cli.snapshot(target) == before
