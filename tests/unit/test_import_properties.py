"""Importing a JSON document never crashes and never writes half of it, whatever it holds."""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negtui.demo import demo_portfolio
from negtui.domain.clock import fixed_clock
from negtui.store import Store, StoreError
from negtui.store.exchange import export_document, import_document

CLOCK = fixed_clock("2026-11-21T10:00:00+00:00")
SOURCE = Path("incoming.json")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=3),
    max_leaves=8,
)


def _demo_document() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(folder, CLOCK).open()
        settings_, books = demo_portfolio(CLOCK)
        store.save_settings(settings_)
        for book in books[:2]:
            store.write_book(book)
        return export_document(store)


DOCUMENT = _demo_document()


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


PATHS = _paths(DOCUMENT)[1:]


def _replace(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = copy.deepcopy(document)
    target = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


def _folder_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock")}


def _try_import(document: Any) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        store = Store(folder, CLOCK).open()
        store.write_book(demo_portfolio(CLOCK)[1][0])
        before = _folder_bytes(folder)
        try:
            import_document(store, document, SOURCE)
        except StoreError as error:
            assert error.problems, "a refusal says why"
            assert _folder_bytes(folder) == before, "a refused import wrote something"
        else:
            assert store.check() == [], "an accepted import left a file that does not check"
    finally:
        shutil.rmtree(folder)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(PATHS), value=json_values)
def test_a_document_with_any_one_value_changed_imports_whole_or_not_at_all(
    path: tuple[Any, ...], value: Any
) -> None:
    _try_import(_replace(DOCUMENT, path, value))


@settings(max_examples=40, deadline=None)
@given(document=json_values)
def test_any_json_at_all_is_refused_cleanly_or_imported(document: Any) -> None:
    # What json.loads could hand over for a file that is not an export at all.
    _try_import(json.loads(json.dumps(document)))
