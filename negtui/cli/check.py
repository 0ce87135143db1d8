"""``negtui check``: is every file in the data folder readable and valid?"""

from __future__ import annotations

import sys

from negtui.cli.common import EXIT_PROBLEMS, Commands, Context, Parser
from negtui.domain import integrity
from negtui.domain.words import counted
from negtui.store import Store
from negtui.store.errors import FileProblem


def register(commands: Commands,
             common: Parser) -> None:
    check = commands.add_parser("check", parents=[common], help="check every data file",
                                description="Exit 0 when every file is valid, 1 with the "
                                            "problems, one a line.")
    check.set_defaults(run=run)


def _broken_references(store: Store) -> list[FileProblem]:
    """Records of a readable deal file that point at nothing or share an id."""
    return [FileProblem(store.deal_path(book.id), problem)
            for book in store.load().books.values() for problem in integrity.problems(book)]


def run(ctx: Context) -> int:
    store = ctx.store
    if not store.root.is_dir():
        print(f"{store.root}: no such data folder", file=sys.stderr)
        return EXIT_PROBLEMS
    problems = [*store.check(), *_broken_references(store)]
    for problem in problems:
        print(problem)
    if problems:
        print(f"{counted(len(problems), 'problem')} found", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"all files valid in {store.root}", file=sys.stderr)
    return 0
