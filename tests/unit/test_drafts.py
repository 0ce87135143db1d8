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


def _old_received_line(store: Store) -> None:
    """A received line as it was kept before each side had a file: under the deal's name."""
    folder = store.root / ".drafts"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "d-alpha.json").write_text(
        '{"direction": "received", "text": "old received"}\n', encoding="utf-8")


def test_a_received_line_kept_the_old_way_survives_a_given_line(store: Store) -> None:
    _old_received_line(store)
    keep_draft(store.root, "d-alpha", Draft("given", "new given"))
    assert read_draft(store.root, "d-alpha", "given") == Draft("given", "new given")
    assert read_draft(store.root, "d-alpha", "received") == Draft("received", "old received")


def test_forgetting_the_given_line_keeps_a_received_one_kept_the_old_way(store: Store) -> None:
    _old_received_line(store)
    drop_draft(store.root, "d-alpha", "given")
    assert read_draft(store.root, "d-alpha", "received") == Draft("received", "old received")
    drop_draft(store.root, "d-alpha", "received")
    assert read_draft(store.root, "d-alpha") is None


def test_lines_set_aside_come_back_newest_first_and_once(store: Store) -> None:
    from negtui.store.drafts import drop_newest_aside, newest_aside, set_aside

    set_aside(store.root, "d-alpha", "given", "first refused")
    set_aside(store.root, "d-alpha", "given", "second refused")
    set_aside(store.root, "d-alpha", "given", "   ")  # nothing to keep
    assert newest_aside(store.root, "d-alpha", "received") is None
    assert newest_aside(store.root, "d-alpha", "given") == "second refused"
    drop_newest_aside(store.root, "d-alpha", "given")
    assert newest_aside(store.root, "d-alpha", "given") == "first refused"
    drop_newest_aside(store.root, "d-alpha", "given")
    assert newest_aside(store.root, "d-alpha", "given") is None
    # The half-typed line of the side is another file, untouched.
    assert read_draft(store.root, "d-alpha") is None
