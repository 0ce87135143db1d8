"""negtui sync: two people share one portfolio through a bare git repository."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import Cli

pytestmark = pytest.mark.skipif(
    subprocess.run(["git", "--version"], capture_output=True, check=False).returncode != 0,
    reason="git is needed to share a folder")


def person(cli: Cli, name: str) -> dict[str, str]:
    """The environment of one person: their own git identity, no machine-wide git config."""
    env = dict(cli.env)
    email = f"{name.lower()}@example.org"
    env.update({"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
                "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email,
                "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"})
    return env


@pytest.fixture
def team(cli: Cli, demo_folder: Path):
    """Ann shares the demo portfolio to a bare remote; Bob joins it from an empty folder."""
    remote = cli.base / "team.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True,
                   env=person(cli, "Ann"))
    ann, bob = person(cli, "Ann"), person(cli, "Bob")
    shared = cli.run("--data", str(demo_folder), "sync", "--remote", str(remote), env=ann)
    assert shared.returncode == 0, str(shared)
    # A remote folder named from where the command is typed (the sandbox).
    joined = cli.run("--data", str(cli.base / "bob"), "sync", "--remote", remote.name, env=bob)
    assert joined.returncode == 0, str(joined)
    return {"ann": (demo_folder, ann), "bob": (cli.base / "bob", bob), "remote": remote}


def _sync(cli: Cli, who) -> object:
    folder, env = who
    return cli.run("--data", str(folder), "sync", env=env)


def _log(cli: Cli, who, *args: str) -> str:
    folder, env = who
    result = cli.run("--data", str(folder), "log", "northwind", *args, env=env)
    assert result.returncode == 0, str(result)
    return result.stdout.strip()


def _northwind(cli: Cli, folder: Path) -> dict:
    (book,) = [b for b in cli.export(folder)["deals"]
               if b["deal"]["name"] == "Northwind data platform"]
    return book


def _data(folder: Path) -> dict[str, bytes]:
    files = [folder / "portfolio.json", *sorted((folder / "deals").glob("*.json"))]
    return {path.name: path.read_bytes() for path in files}


def test_joining_from_an_empty_folder_gives_the_whole_portfolio(cli, team):
    assert _data(team["bob"][0]) == _data(team["ann"][0])
    again = _sync(cli, team["bob"])
    assert again.returncode == 0 and again.stderr == "", str(again)
    assert again.stdout.startswith("synced with ") and "nothing new" in again.stdout


def test_entries_logged_offline_by_two_people_in_one_deal_reach_both(cli, team):
    ann_entry = _log(cli, team["ann"], "--given", "net 45 days")
    bob_entry = _log(cli, team["bob"], "--received", "a second review round")
    for who in ("ann", "bob", "ann"):
        result = _sync(cli, team[who])
        assert result.returncode == 0, str(result)
    for who in ("ann", "bob"):
        held = {c["id"] for c in _northwind(cli, team[who][0])["concessions"]}
        assert {ann_entry, bob_entry} <= held


def test_the_same_term_changed_on_both_sides_is_reported_and_both_end_alike(cli, team):
    _log(cli, team["ann"], "--given", "shorter terms", "--term", "Payment", "--position", "40")
    _log(cli, team["bob"], "--given", "longer terms", "--term", "Payment", "--position", "60")
    assert _sync(cli, team["ann"]).returncode == 0
    clash = _sync(cli, team["bob"])
    assert clash.returncode == 1, str(clash)
    (line,) = [line for line in clash.stderr_lines if "conflict" in line]
    assert '"Payment terms"' in line and '"Northwind data platform"' in line
    assert "on_table" in line and '"40"' in line and '"60"' in line
    for who in ("ann", "bob"):
        again = _sync(cli, team[who])
        assert again.returncode == 0, str(again)
    assert _data(team["ann"][0]) == _data(team["bob"][0])
    entries = {c["what"] for c in _northwind(cli, team["ann"][0])["concessions"]}
    assert {"shorter terms", "longer terms"} <= entries
    seen = json.loads((team["bob"][0] / ".sync.json").read_text(encoding="utf-8"))
    assert [(c["record_name"], c["field"]) for c in seen["conflicts"]] == [
        ("Payment terms", "on_table")]


def test_a_missing_remote_fails_cleanly_and_changes_nothing_here(cli, team):
    folder, env = team["ann"]
    _log(cli, team["ann"], "--given", "net 45 days")
    team["remote"].rename(team["remote"].with_name("moved.git"))
    before = _data(folder)
    result = _sync(cli, team["ann"])
    assert result.returncode == 1
    assert len(result.stderr_lines) == 1 and "cannot fetch" in result.stderr, str(result)
    assert _data(folder) == before
    # What was logged is committed here, to go with the next sync.
    status = subprocess.run(["git", "-C", str(folder), "status", "--porcelain"],
                            capture_output=True, text=True, env=env, check=True)
    assert status.stdout == ""


def test_a_file_negtui_cannot_read_is_named_and_not_committed(cli, team):
    folder, env = team["ann"]
    broken = folder / "deals" / "zz-broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    result = _sync(cli, team["ann"])
    assert result.returncode == 1
    assert "zz-broken.json" in result.stderr and "nothing was committed" in result.stderr
    listed = subprocess.run(["git", "-C", str(folder), "ls-files"], capture_output=True,
                            text=True, env=env, check=True)
    assert "zz-broken.json" not in listed.stdout
    assert broken.read_text(encoding="utf-8") == "{ not json"


def test_without_a_git_identity_nothing_is_done(cli, demo_folder):
    env = dict(cli.env, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1")
    remote = cli.base / "team.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True, env=env)
    before = Cli.snapshot(demo_folder)
    result = cli.run("--data", str(demo_folder), "sync", "--remote", str(remote), env=env)
    assert result.returncode == 1
    assert len(result.stderr_lines) == 1 and "user.name" in result.stderr, str(result)
    assert Cli.snapshot(demo_folder) == before


def test_a_folder_never_shared_asks_for_the_remote(cli, demo_folder):
    result = cli.run("--data", str(demo_folder), "sync", env=person(cli, "Ann"))
    assert result.returncode == 1 and "--remote" in result.stderr, str(result)
    assert not (demo_folder / ".git").exists()


def test_logging_while_a_sync_runs_loses_nothing(cli, team):
    folder, env = team["ann"]
    for number in range(3):
        _log(cli, team["bob"], "--given", f"bob entry {number}")
    assert _sync(cli, team["bob"]).returncode == 0
    sync = subprocess.Popen([sys.executable, "-m", "negtui", "--data", str(folder), "sync"],
                            env=env, cwd=cli.base, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    logged = [_log(cli, team["ann"], "--given", f"ann entry {n}") for n in range(3)]
    _, err = sync.communicate(timeout=60)
    assert sync.returncode == 0, err
    for who in ("ann", "bob", "ann"):
        assert _sync(cli, team[who]).returncode == 0
    for who in ("ann", "bob"):
        held = {c["what"] for c in _northwind(cli, team[who][0])["concessions"]}
        assert {f"bob entry {n}" for n in range(3)} <= held
        assert {c["id"] for c in _northwind(cli, team[who][0])["concessions"]} >= set(logged)
