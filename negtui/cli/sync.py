"""``negtui sync``: share the data folder with a team through a git remote.

Exit 0: in step with the remote. Exit 1: the sync stopped (one line says why, the data
is as it was), or both sides changed the same field (each such field is listed; the
later change was kept and the merge is shared).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from negtui.cli.common import EXIT_PROBLEMS, Commands, Context, Parser, UsageError, say, text_arg
from negtui.domain.words import counted


def register(commands: Commands, common: Parser) -> None:
    sync = commands.add_parser(
        "sync", parents=[common], help="share the folder with a team through git",
        description="Commit this folder's changes, fetch the team's, merge them record by "
                    "record, and push. The first time, give the team's git repository "
                    "with --remote: a folder with data starts sharing it, an empty or "
                    "missing one joins it.")
    sync.add_argument("--remote", metavar="URL", type=text_arg,
                      help="the team's git repository (needed once)")
    sync.set_defaults(run=run, own_folder=True)


def describe(conflict_value: object) -> str:
    if conflict_value is None:
        return "(none)"
    if isinstance(conflict_value, dict):
        return "(the whole record)"
    return json.dumps(conflict_value, ensure_ascii=False)


def conflict_line(conflict) -> str:  # type: ignore[no-untyped-def]
    kind = conflict.table[:-1] if conflict.table.endswith("s") else conflict.table
    where = f'deal "{conflict.deal_name}", {kind} "{conflict.record_name}"'
    if not conflict.field:
        return (f"negtui sync: conflict in {where}: removed on one side, changed on the "
                f"other; the changed record was kept")
    return (f"negtui sync: conflict in {where}, field {conflict.field}: yours "
            f"{describe(conflict.ours)}, the team's {describe(conflict.theirs)}; kept "
            f"{describe(conflict.kept)} (the later change)")


def run(ctx: Context) -> int:
    from negtui.actions.sync import SyncFailed, sync

    remote = ctx.args.remote
    if remote is not None and not remote.strip():
        raise UsageError("negtui sync: --remote cannot be empty")
    if remote is not None and os.path.isdir(remote):
        # A folder is named from where the command was typed, not from the data folder.
        remote = str(Path(remote).resolve())
    try:
        report = sync(ctx.store, remote)
    except SyncFailed as failure:
        for conflict in failure.conflicts:
            say(conflict_line(conflict))
        for line in failure.lines:
            say(f"negtui sync: {line}")
        return EXIT_PROBLEMS
    for conflict in report.conflicts:
        say(conflict_line(conflict))
    taken = len(report.taken)
    parts = [f"{counted(taken, 'file')} updated from the team" if taken else "nothing new "
             "from the team", "pushed" if report.pushed else "nothing to push"]
    say(f"synced with {report.remote}: " + ", ".join(parts), out=True)
    return EXIT_PROBLEMS if report.conflicts else 0
