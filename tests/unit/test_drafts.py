"""Half-typed capture lines on disk: one for each side of a deal."""

from __future__ import annotations

from negtui.store import Store
from negtui.store.drafts import Draft, drop_draft, keep_draft, read_draft


def test_each_side_keeps_its_own_draft(store: Store) -> None:
    keep_draft(store.root, "d-alpha", Draft("given", "half given"))
    keep_draft(store.root, "d-alpha", Draft("received", "half received"))
    assert read_draft(store.root, "d-alpha", "given") == Draft("given", "half given")
    assert read_draft(store.root, "d-alpha", "received") == Draft("received", "half received")
    drop_draft(store.root, "d-alpha", "given")
    assert read_draft(store.root, "d-alpha", "given") is None
    assert read_draft(store.root, "d-alpha") == Draft("received", "half received")
    drop_draft(store.root, "d-alpha")
    assert read_draft(store.root, "d-alpha") is None
