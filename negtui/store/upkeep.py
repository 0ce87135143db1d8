"""Keeping a data folder in order each time it is opened: negtui's own folders private,
and nothing left lying about by a writer that was killed.

Inside the data folder, the folders with negtui's own names (deals, backups, drafts,
trash, summaries, exports) are negtui's, so each is tightened to 0700, also one made
before negtui created every folder 0700 (or checked out by git). The data folder itself
is the user's choice and keeps its mode, unless it is the place negtui picks by itself
(see ``negtui.locations``), which negtui made. A batch of files a writer was killed in
the middle of renaming is finished whole, or taken back whole (see ``batch``).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from negtui.store.batch import JOURNALS, finish_interrupted
from negtui.store.durable import BACKUP_DIR, remove_stale_temps, tighten_dir
from negtui.store.errors import StoreError


def own_folders(root: Path) -> list[Path]:
    """The folders under ``root`` that negtui made, the backups' own subfolders too."""
    from negtui.store.drafts import DRAFTS_DIR
    from negtui.store.files import EXPORTS_DIR
    from negtui.store.repository import DEALS_DIR, TRASH_DIR
    from negtui.store.summaries import SUMMARY_DIR

    found = [root / name for name in (DEALS_DIR, TRASH_DIR, DRAFTS_DIR, SUMMARY_DIR,
                                      EXPORTS_DIR, BACKUP_DIR)]
    backups = root / BACKUP_DIR
    if backups.is_dir() and not backups.is_symlink():
        for folder, subfolders, _ in os.walk(backups):
            found.extend(Path(folder) / name for name in subfolders)
    return found


def tighten_own_folders(root: Path) -> list[Path]:
    """Make each of negtui's folders under ``root`` private; returns those changed."""
    return [folder for folder in own_folders(root) if tighten_dir(folder)]


def writable(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def tidy(root: Path) -> None:
    """Make negtui's folders private, finish a batch of files a killed writer left half
    renamed (before its temp files could be taken for leftovers), and remove the temp
    files of writers that are gone; a folder this process may not write to, or that does
    not exist, is left alone."""
    from negtui.store.drafts import DRAFTS_DIR
    from negtui.store.repository import DEALS_DIR
    from negtui.store.summaries import SUMMARY_DIR

    if not writable(root):
        return
    tighten_own_folders(root)
    with contextlib.suppress(OSError, StoreError):  # left for the next open to finish
        finish_interrupted(root)
    if any(root.glob(JOURNALS)):
        return  # its temp files are the batch's new versions, not leftovers
    for folder in (root, root / DEALS_DIR, root / DRAFTS_DIR, root / SUMMARY_DIR):
        if writable(folder):
            remove_stale_temps(folder)
