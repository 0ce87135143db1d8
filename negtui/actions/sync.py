"""Sharing one data folder through git: commit what changed here, fetch the team's
commits, merge them record by record, push the result.

The store's locks are held while the folder is read, merged and committed, never while
git talks to the remote: a concession logged during a slow fetch waits for nothing, and
is committed by the next step or the next sync.

A field both sides changed takes the later change. "Later" is decided per file by the
time of the newest commit on each side that touched that file since the two last agreed
(a record carries no time of its own edits); on equal times the team's version, already
shared, is kept. The other value stays in git history and in the report.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field

from negtui.domain.merge import MISSING
from negtui.domain.words import counted
from negtui.store import Store
from negtui.store.durable import make_private_dirs, write_atomically
from negtui.store.errors import StoreError
from negtui.store.git import (
    BRANCH,
    IGNORE_FILE,
    IGNORED,
    REMOTE,
    Git,
    GitFailed,
    git_version,
    last_line,
)
from negtui.store.reading import read_regular
from negtui.store.sharing import (
    Outcome,
    checked,
    describe_change,
    holding,
    is_shared,
    merge_file,
    put_in_place,
)
from negtui.store.sync_state import Conflict, SyncState, update_state

PUSH_TRIES = 3

Progress = Callable[[str], None]


class SyncFailed(Exception):
    """The sync stopped; the folder's data is as it was, committed locally if it could be.
    ``lines`` says why, one problem a line."""

    def __init__(self, *lines: str) -> None:
        self.lines = list(lines)
        self.conflicts: list[Conflict] = []
        super().__init__("; ".join(lines))


@dataclass
class SyncReport:
    remote: str
    started: bool = False
    """The folder was shared (or joined) by this sync."""
    committed: bool = False
    taken: list[str] = field(default_factory=list)
    """The files the team's changes altered here."""
    pushed: bool = False
    conflicts: list[Conflict] = field(default_factory=list)


def _quiet(_: str) -> None:
    pass


def sync(store: Store, remote: str | None = None, progress: Progress = _quiet) -> SyncReport:
    """Raises ``SyncFailed``; its ``conflicts`` are those of a merge made before the sync
    stopped (already remembered for the app)."""
    git = Git(store.root)
    report = SyncReport(remote=remote or "")
    try:
        try:
            return _sync(store, git, remote, progress, report)
        except GitFailed as failure:
            raise SyncFailed(str(failure)) from None
        except StoreError as error:
            raise SyncFailed(*(str(problem) for problem in error.problems)) from None
    except SyncFailed as failure:
        failure.conflicts = report.conflicts
        raise


def _sync(store: Store, git: Git, remote: str | None, progress: Progress,
          report: SyncReport) -> SyncReport:
    if git_version() is None:
        raise SyncFailed("git is not installed; install it to share the folder")
    if store.read_only:
        raise SyncFailed(f"{store.root} is read-only; a sync cannot change it")
    progress("checking the folder")
    before = git.config(f"remote.{REMOTE}.url") if git.is_repository() else ""
    url = _prepare(store, git, remote, report)
    report.remote = url
    _check_identity(git, store)
    report.committed = _commit_here(store, git)
    for _ in range(PUSH_TRIES):
        progress(f"fetching from {url}")
        try:
            git.run("fetch", "-q", REMOTE)
        except GitFailed as failure:
            kept = ("; your changes are committed here and will go with the next sync"
                    if git.revision("HEAD") else "")
            _give_up(store, git, report, before)
            raise SyncFailed(f"cannot fetch from {url}: {failure}{kept}") from None
        progress("merging the team's changes")
        _merge(store, git, report)
        if git.revision("HEAD") is None:
            break
        if git.revision("HEAD") == git.revision(f"refs/remotes/{REMOTE}/{BRANCH}"):
            break
        progress(f"pushing to {url}")
        pushed = git.run("push", "-q", REMOTE, f"HEAD:refs/heads/{BRANCH}", check=False)
        if pushed.returncode == 0:
            report.pushed = True
            break
        complaint = pushed.stderr.decode("utf-8", "replace")
        if "fetch first" not in complaint and "non-fast-forward" not in complaint:
            # Refused for another reason (a hook, permissions): trying again cannot help.
            raise SyncFailed(f"cannot push to {url}: {last_line(pushed.stderr)}; your "
                             f"changes are committed here and will go with the next sync")
    else:
        raise SyncFailed(f"{url} kept changing while this sync pushed; run negtui sync again")
    _remember(store, report)
    return report


def _give_up(store: Store, git: Git, report: SyncReport, before: str) -> None:
    """A remote that cannot be reached is not kept: the folder goes back to the remote it
    had, and a repository this sync made for a folder with nothing in it is removed."""
    if report.started and git.revision("HEAD") is None:
        shutil.rmtree(git.git_dir, ignore_errors=True)
        for folder in (store.deals_dir, store.root):
            with contextlib.suppress(OSError):
                folder.rmdir()
    elif before and before != report.remote:
        git.run("remote", "set-url", REMOTE, before, check=False)


def _prepare(store: Store, git: Git, remote: str | None, report: SyncReport) -> str:
    """The folder as a repository with its remote; returns the remote's address."""
    if not git.is_repository():
        if remote is None:
            raise SyncFailed(f"{store.root} is not shared yet; run negtui sync --remote URL "
                             f"once (URL: the team's git repository)")
        _check_identity(git, store)
        make_private_dirs(store.root)
        git.run("init", "-q", "-b", BRANCH)
        report.started = True
    busy = git.busy()
    if busy:
        raise SyncFailed(f"{store.root} is in the middle of {busy} begun with git; finish "
                         f"or abort it first")
    current = git.config(f"remote.{REMOTE}.url")
    if remote is not None and remote != current:
        git.run("remote", "add" if not current else "set-url", REMOTE, remote)
        current = remote
    if not current:
        raise SyncFailed(f"{store.root} has no remote to sync with; run negtui sync "
                         f"--remote URL once")
    return current


def _check_identity(git: Git, store: Store) -> None:
    env = git.env()
    name = env.get("GIT_AUTHOR_NAME") or (git.config("user.name") if git.is_repository()
                                          else _global("user.name"))
    email = env.get("GIT_AUTHOR_EMAIL") or env.get("EMAIL") or (
        git.config("user.email") if git.is_repository() else _global("user.email"))
    if not name or not email:
        raise SyncFailed(
            f"git does not know who you are; set it once with: git -C {store.root} config "
            f'user.name "Your Name" && git -C {store.root} config user.email you@example.org')


def _global(key: str) -> str:
    found = subprocess.run(["git", "config", "--get", key], capture_output=True, check=False)
    return found.stdout.decode("utf-8", "replace").strip()


def _pending(git: Git) -> list[str]:
    """The shared files that differ from the last commit (new, changed or gone)."""
    out = git.run("status", "--porcelain", "-z", "--untracked-files=all").stdout
    names = [entry[3:] for entry in out.decode("utf-8").split("\0") if len(entry) > 3]
    return sorted({name for name in names if is_shared(name)} | (
        {IGNORE_FILE} if IGNORE_FILE in names else set()))


def _commit_here(store: Store, git: Git) -> bool:
    """Commit the folder's own changes, holding the locks of the files that changed."""
    pending = _pending(git)
    with holding(store, [name for name in pending if is_shared(name)]):
        return _commit_held(store, git, pending)


def _commit_held(store: Store, git: Git, pending: list[str]) -> bool:
    """Commit ``pending`` (the caller holds their locks). A file negtui cannot read is
    never committed, and stops the sync with its name. A file written after the look
    at the folder waits for the next commit."""
    if not pending:
        return False
    if not (store.root / IGNORE_FILE).exists():
        # What is not the portfolio's (backups, trash, locks) is never shared.
        write_atomically(store.root / IGNORE_FILE, IGNORED)
        pending = [*pending, IGNORE_FILE]
    problems = []
    for name in pending:
        data = read_regular(store.root / name) if name != IGNORE_FILE else None
        if data is None:
            continue
        try:
            checked(store.root, name, data)
        except StoreError as error:
            problems.extend(error.problems)
    if problems:
        raise SyncFailed(*(f"{p}; not synced, nothing was committed" for p in problems))
    git.run("add", "-A", "--", *pending)
    if git.ok("diff", "--cached", "--quiet"):
        return False
    git.run("commit", "-q", "--no-verify", "-m", _summary(store, git, pending))
    return True


def _summary(store: Store, git: Git, names: list[str]) -> str:
    """The commit's subject: what changed in each file, as a person would say it."""
    shared = [name for name in names if is_shared(name)]
    if git.revision("HEAD") is None:
        deals = sum(name.startswith("deals/") for name in shared)
        return f"Start sharing the portfolio ({counted(deals, 'deal')})"
    before = git.blobs("HEAD", shared)
    lines = []
    for name in shared:
        with contextlib.suppress(StoreError):
            lines.append(describe_change(store.root, name, before[name],
                                         read_regular(store.root / name)))
    shown = "; ".join(lines[:3]) or "Sharing settings"
    return f"{shown}; and {len(lines) - 3} more" if len(lines) > 3 else shown


def _merge(store: Store, git: Git, report: SyncReport) -> None:
    theirs = git.revision(f"refs/remotes/{REMOTE}/{BRANCH}")
    if theirs is None:
        return
    ours = git.revision("HEAD")
    base = git.text("merge-base", ours, theirs) if ours and git.ok(
        "merge-base", ours, theirs) else None
    if base == theirs:
        return
    changed_there = git.changed(base, theirs)
    incoming = {name for name in changed_there if is_shared(name)}
    held = {*incoming, *(name for name in _pending(git) if is_shared(name))}
    with holding(store, held):
        # Look again now that the locks are held: a file written after the first look
        # (its writer held the lock then) would otherwise be merged from its committed
        # copy, and the merged file would replace what was just written.
        pending = [name for name in _pending(git) if name in held or not is_shared(name)]
        report.committed = _commit_held(store, git, pending) or report.committed
        ours = git.revision("HEAD")
        mine = {name for name in git.changed(base, ours) if is_shared(name)} if ours else set()
        names = sorted(incoming)
        at_base = git.blobs(base, names)
        here = git.blobs(ours, names)
        there = git.blobs(theirs, names)
        outcome = Outcome()
        if IGNORE_FILE in changed_there and (ours is None or IGNORE_FILE not in git.changed(
                base, ours)):
            kept = git.blobs(theirs, [IGNORE_FILE])[IGNORE_FILE]
            if kept is not None:
                outcome.writes[IGNORE_FILE] = kept.decode("utf-8", "replace")
        for name in names:
            later = ours is not None and name in mine and (git.last_change(base, ours, name) >
                                      git.last_change(base, theirs, name))
            merge_file(store.root, name, at_base[name], here[name], there[name], later, outcome)
        put_in_place(store, outcome)
        report.taken.extend(n for n in outcome.touched
                            if n not in report.taken and n != IGNORE_FILE)
        found = _conflicts(store, outcome)
        report.conflicts.extend(found)
        if found:
            update_state(store.root, lambda state: state.conflicts.extend(found),
                         store.lock_timeout)
        _record_merge(git, ours, theirs, base, outcome.touched)


def _record_merge(git: Git, ours: str | None, theirs: str, base: str | None,
                  touched: list[str]) -> None:
    """Commit the merged files with both sides as parents; when this side had nothing
    of its own, it simply moves on to the team's commit. Only the files the merge wrote
    are added: one written here meanwhile goes with the next commit."""
    if ours is None or ours == base:
        git.run("reset", "-q", theirs)
        if not touched or git.ok("diff", "--quiet", "--", *touched):
            return
        ours = theirs
    if touched:
        git.run("add", "-A", "--", *touched)
    tree = git.text("write-tree")
    parents = ["-p", ours or theirs] + (["-p", theirs] if ours and ours != theirs else [])
    commit = git.text("commit-tree", tree, *parents, "-m", "Merge the team's changes")
    git.run("update-ref", "HEAD", commit)


def _conflicts(store: Store, outcome: Outcome) -> list[Conflict]:
    moment = store.clock().isoformat()
    return [Conflict(deal_id=found.deal_id, deal_name=found.deal_name, table=clash.table,
                     record_id=clash.record_id, record_name=clash.record_name,
                     field=clash.field, ours=_shown(clash.ours),
                     theirs=_shown(clash.theirs), kept=_shown(clash.kept), at=moment)
            for found in outcome.clashes for clash in found.clashes]


def _shown(value: object) -> object:
    return None if value is MISSING else value


def _remember(store: Store, report: SyncReport) -> None:
    def change(state: SyncState) -> None:
        state.last_synced = store.clock().isoformat()
        state.remote = report.remote

    update_state(store.root, change, store.lock_timeout)
