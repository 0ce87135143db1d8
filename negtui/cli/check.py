"""``negtui check``: is every file in the data folder readable and valid?"""

from __future__ import annotations

import sys

from negtui.cli.common import EXIT_PROBLEMS, Commands, Context, Parser
from negtui.domain.words import counted


def register(commands: Commands,
             common: Parser) -> None:
    check = commands.add_parser("check", parents=[common], help="check every data file",
                                description="Exit 0 when every file is valid, 1 with the "
                                            "problems, one a line.")
    check.set_defaults(run=run)


def run(ctx: Context) -> int:
    store = ctx.store
    if not store.root.is_dir():
        print(f"{store.root}: no such data folder", file=sys.stderr)
        return EXIT_PROBLEMS
    problems = store.check()
    for problem in problems:
        print(problem)
    if problems:
        print(f"{counted(len(problems), 'problem')} found", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"all files valid in {store.root}", file=sys.stderr)
    return 0
