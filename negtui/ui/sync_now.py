"""``ctrl+p`` → "Sync now": the sync runs in a thread, says each step, and then what it
did; the header says when the folder last synced."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from negtui.store import StoreError
from negtui.store.sync_state import read_state

if TYPE_CHECKING:
    from negtui.actions.sync import SyncReport
    from negtui.ui.app import NegtuiApp


def synced_label(root: Path) -> str:
    """" · synced 2026-12-01 18:16" (local time) once the folder has synced, else ""."""
    try:
        last = read_state(root).last_synced
        moment = datetime.fromisoformat(last) if last else None
    except (StoreError, ValueError):
        return ""
    return f" · synced {moment.astimezone().strftime('%Y-%m-%d %H:%M')}" if moment else ""


def start_sync(app: NegtuiApp) -> None:
    app.notify("Syncing with the team's remote…", timeout=3)
    app.run_worker(partial(_run, app), thread=True, exclusive=True, group="sync",
                   exit_on_error=False)


def _run(app: NegtuiApp) -> None:
    from negtui.actions.sync import SyncFailed, sync

    def progress(step: str) -> None:
        app.call_from_thread(app.notify, f"Sync: {step}…", timeout=3)

    try:
        report = sync(app.session.store, progress=progress)
    except SyncFailed as failure:
        app.call_from_thread(app.notify, "\n".join(failure.lines[:3]), title="Not synced",
                             severity="error", timeout=12)
        return
    app.call_from_thread(_done, app, report)


def _done(app: NegtuiApp, report: SyncReport) -> None:
    from negtui.ui.screens.base import NegtuiScreen

    app.session.forget_signatures()
    app.session.reload()
    old = app.sub_title
    app.sub_title = old.split(" · synced ")[0] + synced_label(app.session.store.root)
    for screen in app.screen_stack:
        if isinstance(screen, NegtuiScreen):
            screen.retitle(old, app.sub_title)
    taken = len(report.taken)
    said = (f"{taken} file{'s' if taken != 1 else ''} updated from the team" if taken
            else "nothing new from the team") + (", pushed" if report.pushed else "")
    if not report.conflicts:
        app.notify(f"Synced: {said}", timeout=5)
        return
    lines = [f"{c.deal_name}: {c.record_name}: {c.field or 'the whole record'}"
             for c in report.conflicts[:4]]
    more = len(report.conflicts) - len(lines)
    app.notify("\n".join([*lines, *([f"and {more} more"] if more > 0 else []),
                          "Changed on both sides; the later change was kept. "
                          "w on the record shows both values."]),
               title=f"Synced: {said}", severity="warning", timeout=20)
