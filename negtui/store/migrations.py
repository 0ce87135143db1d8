"""Schema versions and the dict-to-dict steps that bring an old file up to date."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from negtui.store.errors import FileProblem, StoreError

SCHEMA_VERSION = 1
META_TABLE = "meta"

Raw = dict[str, Any]
Migration = Callable[[Raw], Raw]

# MIGRATIONS[kind][n] turns a file of version n + 1 into version n + 2.
MIGRATIONS: dict[str, list[Migration]] = {"deal": [], "portfolio": []}


def meta_doc(kind: str, version: int = SCHEMA_VERSION) -> dict[str, Any]:
    return {"kind": kind, "schema_version": version}


def version_of(raw: Raw, path: Path) -> int:
    meta = raw.get(META_TABLE)
    docs = list(meta.values()) if isinstance(meta, dict) else []
    if not docs or not isinstance(docs[0], dict):
        raise StoreError(FileProblem(path, "has no schema_version (meta table missing)", "meta"))
    version = docs[0].get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise StoreError(FileProblem(path, f"schema_version {version!r} is not valid", "meta"))
    return version


def set_version(raw: Raw, kind: str, version: int) -> None:
    raw[META_TABLE] = {"1": meta_doc(kind, version)}


def migrate(
    raw: Raw, kind: str, path: Path, steps: list[Migration] | None = None,
    current: int = SCHEMA_VERSION,
) -> tuple[Raw, int | None]:
    """Bring ``raw`` to ``current``; returns it and the version it started at, if changed."""
    steps = MIGRATIONS[kind] if steps is None else steps
    version = version_of(raw, path)
    if version > current:
        raise StoreError(
            FileProblem(
                path,
                f"was written by a newer negtui (schema {version}); this one reads up to "
                f"{current}. Upgrade negtui to open it",
                "meta.schema_version",
            )
        )
    if version == current:
        return raw, None
    started = version
    while version < current:
        raw = steps[version - 1](raw)
        version += 1
        set_version(raw, kind, version)
    return raw, started
