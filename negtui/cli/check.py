"""``negtui check``: is every file in the data folder readable and valid?"""

from __future__ import annotations

from typing import TYPE_CHECKING

from negtui.cli.common import EXIT_PROBLEMS, Commands, Context, Parser, say
from negtui.domain.words import counted
from negtui.store.errors import FileProblem

if TYPE_CHECKING:
    from negtui.store import Store


def register(commands: Commands,
             common: Parser) -> None:
    check = commands.add_parser("check", parents=[common], help="check every data file",
                                description="Exit 0 when every file is valid, 1 with the "
                                            "problems, one a line.")
    check.set_defaults(run=run)


def _broken_references(store: Store) -> list[FileProblem]:
    """Records of a readable deal file that point at nothing or share an id."""
    from negtui.domain import integrity

    return [FileProblem(store.deal_path(book.id), problem)
            for book in store.load().books.values() for problem in integrity.problems(book)]


def run(ctx: Context) -> int:
    store = ctx.store
    if not store.root.is_dir():
        say(f"{store.root}: no such data folder")
        return EXIT_PROBLEMS
    problems = [*store.check(), *_broken_references(store)]
    for problem in problems:
        say(problem, out=True)
    if problems:
        say(f"{counted(len(problems), 'problem')} found")
        return EXIT_PROBLEMS
    say(f"all files valid in {store.root}")
    return 0
