"""A batch of renames cut short by a kill is finished whole on the next open, or taken
back whole when another writer has changed one of its files since."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from negtui.store import batch
from negtui.store.batch import JOURNALS, Staged, finish_interrupted
from negtui.store.durable import write_atomically


class Killed(BaseException):
    """Stands for the end of the process: nothing after it runs."""


def dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    return int(child.stdout)


def left(root: Path) -> list[str]:
    """The files in ``root`` but locks and backups: no journal, temp or second name."""
    return sorted(p.name for p in root.iterdir()
                  if not p.name.endswith(".lock") and p.name != ".backups")


def killed_after_first_rename(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Two files, old versions on disk; the batch replacing both dies after the first."""
    first, second = root / "a.json", root / "b.json"
    write_atomically(first, "old a\n")
    write_atomically(second, "old b\n")
    staged = Staged(root)
    staged.add(first, "new a\n")
    staged.add(second, "new b\n")
    calls = 0
    replace = os.replace

    def dying(source: object, target: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:  # the journal, the first file, then the kill
            raise Killed
        replace(source, target)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(batch.os, "replace", dying)
        patch.setattr(Staged, "_put_back", lambda self: [])  # a killed process undoes nothing
        patch.setattr(batch, "_remove", lambda path: None)
        with pytest.raises(Killed):
            staged.commit()
    (journal,) = root.glob(JOURNALS)
    document = json.loads(journal.read_text())
    journal.write_text(json.dumps({**document, "pid": dead_pid()}))
    assert (first.read_text(), second.read_text()) == ("new a\n", "old b\n")
    return first, second


def test_a_batch_cut_short_is_finished_on_the_next_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = killed_after_first_rename(tmp_path, monkeypatch)
    assert finish_interrupted(tmp_path) == ["finished writing a.json, b.json"]
    assert (first.read_text(), second.read_text()) == ("new a\n", "new b\n")
    assert left(tmp_path) == ["a.json", "b.json"]
    assert finish_interrupted(tmp_path) == []


def test_a_file_changed_since_the_kill_takes_the_batch_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = killed_after_first_rename(tmp_path, monkeypatch)
    write_atomically(second, "b from another window\n")
    assert finish_interrupted(tmp_path) == ["took back a.json, b.json"]
    assert (first.read_text(), second.read_text()) == ("old a\n", "b from another window\n")
    assert left(tmp_path) == ["a.json", "b.json"]


def test_a_batch_still_being_written_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = killed_after_first_rename(tmp_path, monkeypatch)
    (journal,) = tmp_path.glob(JOURNALS)
    journal.write_text(json.dumps({**json.loads(journal.read_text()), "pid": os.getpid()}))
    assert finish_interrupted(tmp_path) == []
    assert (first.read_text(), second.read_text()) == ("new a\n", "old b\n")
