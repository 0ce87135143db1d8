"""What a sync does with whole files: a deal the team deleted, a copy negtui cannot read."""

from __future__ import annotations

import subprocess

import pytest

from negtui.actions.sync import SyncFailed, sync
from tests.unit.test_sync_push import _entries, _log, _shared

pytestmark = pytest.mark.skipif(
    subprocess.run(["git", "--version"], capture_output=True, check=False).returncode != 0,
    reason="git is needed to share a folder")


@pytest.fixture(autouse=True)
def someone(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in {"GIT_AUTHOR_NAME": "Ann", "GIT_AUTHOR_EMAIL": "ann@example.org",
                       "GIT_COMMITTER_NAME": "Ann", "GIT_COMMITTER_EMAIL": "ann@example.org",
                       "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}.items():
        monkeypatch.setenv(key, value)


def test_a_deal_the_team_deleted_goes_to_the_trash_here(tmp_path):
    ann, bob, _ = _shared(tmp_path)
    gone = sorted(p.stem for p in bob.deal_files())[0]
    bob.delete_deal(gone)
    sync(bob)
    report = sync(ann)
    assert f"deals/{gone}.json" in report.taken
    assert not ann.deal_path(gone).exists()
    assert [p.name.split(".")[0] for p in (ann.root / ".trash").iterdir()] == [gone]


def test_a_copy_from_the_team_negtui_cannot_read_is_not_taken(tmp_path):
    ann, bob, _ = _shared(tmp_path)
    deal = sorted(p.stem for p in bob.deal_files())[0]
    # Someone edits the file by hand and pushes with git itself.
    bob.deal_path(deal).write_text("{ broken", encoding="utf-8")
    git = ["git", "-C", str(bob.root)]
    subprocess.run([*git, "commit", "-qam", "by hand"], check=True)
    subprocess.run([*git, "push", "-q", "origin", "HEAD:main"], check=True)
    before = ann.deal_path(deal).read_bytes()
    _log(ann, "Ann's entry")
    with pytest.raises(SyncFailed) as failure:
        sync(ann)
    assert any("the team's copy of" in line and f"{deal}.json" in line
               for line in failure.value.lines)
    assert "Ann's entry" in _entries(ann)
    assert ann.deal_path(deal).read_bytes() != b"{ broken"
    assert len(ann.deal_path(deal).read_bytes()) >= len(before)
