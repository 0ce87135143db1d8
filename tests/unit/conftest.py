"""Shared fixtures for the domain and storage tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from negtui.domain.clock import Clock, fixed_clock
from negtui.domain.models import Concession, Deal, Term
from negtui.store import Store

NOW = "2026-11-21T10:00:00+00:00"


@pytest.fixture
def clock() -> Clock:
    return fixed_clock(NOW)


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Store:
    return Store(tmp_path / "data", clock).open()


@pytest.fixture
def two_deals(store: Store, clock: Clock) -> Store:
    """A folder with deal ``d-alpha`` (a term and a concession) and deal ``d-beta``."""
    store.create_deal(Deal(id="d-alpha", name="Alpha rollout", counterparty="Alpha Ltd"))
    store.put("d-alpha", Term(id="t-rate", name="Day rate", impact_deal=5))
    store.put("d-alpha", Concession(
        id="c-first", direction="given", what="Moved the start date", at=clock().datetime))
    store.create_deal(Deal(id="d-beta", name="Beta audit"))
    return store


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _edit_json(path: Path, change: Callable[[Any], None]) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    change(raw)
    path.write_text(json.dumps(raw, indent=2), encoding="utf-8")


@pytest.fixture
def snapshot() -> Callable[[Path], dict[str, bytes]]:
    """Every file under a folder with its bytes, to prove nothing changed."""
    return _snapshot


@pytest.fixture
def edit_json() -> Callable[[Path, Callable[[Any], None]], None]:
    """Change a data file the way a person with a text editor would."""
    return _edit_json
