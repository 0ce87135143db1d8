"""What the last ``Store.put`` wrote, so a reader of the same process can apply it to the
copy it holds instead of reading back the file it just wrote."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from negtui.domain.models import Record
from negtui.store.portfolio import Signature


@dataclass(frozen=True)
class Written:
    """One ``put`` that reached the disk. Both signatures are taken while the file's lock
    is held: ``before`` is the file the records were merged into, ``after`` the result.
    A reader that holds the file as it was at ``before`` gets exactly the file at ``after``
    by putting ``records`` into its copy (each replaces the record of its id, or is added
    after the others of its kind)."""

    path: Path
    before: Signature | None
    after: Signature | None
    records: tuple[Record, ...]
