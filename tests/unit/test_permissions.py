"""Deals are private: what negtui creates is readable by the user only, and a file it
rewrites keeps the permissions it had."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from negtui.actions.exports import export_dossier
from negtui.domain.clock import Clock
from negtui.domain.models import Concession, Deal, Settings
from negtui.store import Store
from negtui.store.drafts import Draft, keep_draft
from negtui.store.durable import backup_path, rotate_backups, write_atomically
from negtui.store.exchange import export_document, import_document


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most systems start with, which lets everyone read a new file."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_a_rewritten_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "deal.json"
    target.write_text("first\n")
    for kept in (0o600, 0o640, 0o644):
        target.chmod(kept)
        write_atomically(target, "again\n")
        assert mode(target) == kept
        assert target.read_text() == "again\n"


def test_a_new_file_is_readable_by_the_user_only(tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    write_atomically(target, "{}\n")
    assert mode(target) == 0o600


def test_a_private_deal_file_stays_private_through_every_write(two_deals: Store,
                                                               clock: Clock) -> None:
    path = two_deals.deal_path("d-alpha")
    path.chmod(0o600)
    two_deals.put("d-alpha", Concession(id="c-2", direction="given", what="x",
                                        at=clock().datetime))
    two_deals.save_deal(Deal(id="d-alpha", name="Alpha renamed"))
    two_deals.set_ticked("d-alpha", "k", True)
    assert mode(path) == 0o600


def test_a_deal_file_shared_on_purpose_stays_shared(two_deals: Store, clock: Clock) -> None:
    path = two_deals.deal_path("d-beta")
    path.chmod(0o644)
    two_deals.put("d-beta", Concession(id="c-2", direction="given", what="x",
                                       at=clock().datetime))
    assert mode(path) == 0o644


def test_a_new_data_folder_and_everything_in_it_is_private(tmp_path: Path,
                                                          clock: Clock) -> None:
    store = Store(tmp_path / "new" / "data", clock).open()
    store.save_settings(Settings())
    store.create_deal(Deal(id="d-one", name="One"))
    store.put("d-one", Concession(id="c-1", direction="given", what="x", at=clock().datetime))
    rotate_backups(store.root, store.deal_path("d-one"), force=True)
    keep_draft(store.root, "d-one", Draft("given", "half typed"))
    trashed = store.delete_deal("d-one")

    folders = [store.root, store.deals_dir, store.root / ".backups",
               store.root / ".backups" / "deals", store.root / ".drafts", trashed.parent]
    assert {str(folder): oct(mode(folder)) for folder in folders} == {
        str(folder): oct(0o700) for folder in folders}
    files = [store.portfolio_path, trashed, store.root / ".drafts" / "d-one.json",
             backup_path(store.root, store.deal_path("d-one"), 1),
             Path(f"{store.portfolio_path}.lock"), Path(f"{store.deal_path('d-one')}.lock")]
    assert {str(file): oct(mode(file)) for file in files} == {
        str(file): oct(0o600) for file in files}


def test_a_backup_copied_where_links_fail_is_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "d-1.json"
    write_atomically(target, "one\n")

    def no_links(source: object, destination: object, **kwargs: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    rotate_backups(tmp_path, target, force=True)
    assert backup_path(tmp_path, target, 1).read_text() == "one\n"
    assert mode(backup_path(tmp_path, target, 1)) == 0o600


def test_imported_deals_and_app_exports_are_private(two_deals: Store, tmp_path: Path,
                                                   clock: Clock) -> None:
    document = export_document(two_deals)
    fresh = Store(tmp_path / "fresh", clock).open()
    import_document(fresh, document, Path("export.json"))
    assert {mode(path) for path in fresh.deal_files()} == {0o600}
    portfolio = fresh.load()
    written = export_dossier(fresh.root, portfolio, portfolio.books["d-alpha"],
                             clock().datetime, share=False)
    assert mode(written) == 0o600
    assert mode(written.parent) == 0o700


def test_folders_an_older_negtui_made_open_are_made_private(tmp_path: Path,
                                                           clock: Clock) -> None:
    """Folders were once made 0755: opening the data folder takes that back for every
    folder negtui made, but not for the data folder, which the user chose."""
    root = tmp_path / "mine"
    store = Store(root, clock).open()
    store.create_deal(Deal(id="d-one", name="One"))
    rotate_backups(store.root, store.deal_path("d-one"), force=True)
    keep_draft(store.root, "d-one", Draft("given", "half typed"))
    store.delete_deal("d-one")
    own = [store.deals_dir, root / ".backups", root / ".backups" / "deals", root / ".drafts",
           root / ".trash", root / "exports"]
    (root / "exports").mkdir()
    for folder in (root, *own):
        folder.chmod(0o755)
    Store(root, clock).open()
    assert {str(f): oct(mode(f)) for f in own} == {str(f): oct(0o700) for f in own}
    assert mode(root) == 0o755


def test_a_linked_folder_and_its_target_keep_their_mode(tmp_path: Path, clock: Clock) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    documents.chmod(0o755)
    root = tmp_path / "data"
    Store(root, clock).open()
    (root / "exports").symlink_to(documents)
    Store(root, clock).open()
    assert mode(documents) == 0o755
