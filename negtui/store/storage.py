"""A TinyDB storage that checks a file before use and never leaves it half-written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from negtui.store.batch import Staged
from negtui.store.durable import rotate_backups, serialize, write_atomically
from negtui.store.errors import FileProblem, StoreError
from negtui.store.migrations import migrate
from negtui.store.reading import read_raw


class DurableStorage(Storage):
    """Reads refuse files that are broken or too new; writes are atomic and durable.

    ``validate`` is called with the (migrated) tables on every read, so a file whose
    content does not check out raises before anyone can write over it. With ``staged``,
    a write only prepares the new version, to be put in place with the others of the batch.
    """

    def __init__(
        self, path: str, *, root: Path, kind: str, validate: Any = None,
        staged: Staged | None = None,
    ) -> None:
        self.path = Path(path)
        self.root = root
        self.kind = kind
        self.validate = validate
        self.staged = staged
        self.migrated_from: int | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        raw = read_raw(self.path)
        if raw is None:
            return None
        raw, self.migrated_from = migrate(raw, self.kind, self.path)
        if self.validate is not None:
            self.validate(raw, self.path)
        return raw

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        text = serialize(data)
        try:
            if self.staged is not None:
                self.staged.add(self.path, text, force_backup=self.migrated_from is not None)
            else:
                rotate_backups(self.root, self.path, force=self.migrated_from is not None)
                write_atomically(self.path, text)
        except OSError as error:
            reason = error.strerror or str(error)
            raise StoreError(
                FileProblem(self.path, f"could not be saved: {reason}; the file is unchanged")
            ) from error
        self.migrated_from = None

    def close(self) -> None:
        pass
