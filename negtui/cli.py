"""The ``negtui`` command: opens the app, or works on the data from scripts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from negtui import __version__
from negtui.domain.clock import Clock, system_clock
from negtui.domain.fields import _rating
from negtui.domain.lookup import NoUniqueMatch
from negtui.domain.vocab import Direction
from negtui.locations import data_dir, demo_dir
from negtui.store import Store, StoreError

EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad input from the command line: one line on stderr, exit 2, nothing written."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def _rating_arg(text: str) -> int:
    try:
        return _rating(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _folder_arg(text: str) -> str:
    # An empty value (often an unset shell variable) must not fall back to the real data.
    if not text.strip():
        raise argparse.ArgumentTypeError("the folder cannot be empty")
    return text


def _parser() -> argparse.ArgumentParser:
    # --data is accepted before or after the subcommand; SUPPRESS keeps a later default
    # from overwriting a value given earlier.
    common = _Parser(add_help=False)
    common.add_argument("--data", metavar="DIR", type=_folder_arg, default=argparse.SUPPRESS,
                        help="data folder (default: $NEGTUI_DATA, else your user data folder)")
    parser = _Parser(prog="negtui", parents=[common],
                     description="A keyboard-driven workspace for negotiating several "
                                 "contracts at once. Run without a command to open the app.")
    parser.add_argument("--version", action="version", version=f"negtui {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser("demo", parents=[common], help="write a demo portfolio and open it",
                               description="Write a realistic demo portfolio (default folder: "
                                           "'demo' under your user data folder) and open it.")
    demo.add_argument("--no-open", action="store_true", help="write the data, do not open the app")
    demo.add_argument("--large", action="store_true",
                      help="the benchmark portfolio: 200 deals, 50,000 concessions")

    log = commands.add_parser("log", parents=[common], help="log a concession",
                              description="Log a concession given or received in a deal; "
                                          "prints the new concession's id.")
    log.add_argument("deal", metavar="DEAL", help="deal id or a unique start of its name")
    side = log.add_mutually_exclusive_group(required=True)
    side.add_argument("--given", metavar="TEXT", help="what we gave")
    side.add_argument("--received", metavar="TEXT", help="what we received")
    log.add_argument("--term", metavar="TERM", help="term id or a unique start of its name")
    log.add_argument("--us", type=_rating_arg, metavar="N", help="value to us, 1-10")
    log.add_argument("--them", type=_rating_arg, metavar="N", help="value to them, 1-10")
    log.add_argument("--note", default="", metavar="TEXT", help="a note")

    export = commands.add_parser("export", parents=[common], help="export data",
                                 description="Export the portfolio.")
    export.add_argument("format", choices=["json"], help="json: the whole portfolio")
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")

    imp = commands.add_parser("import", parents=[common], help="import data",
                              description="Import a JSON export; merges by id, and writes "
                                          "nothing if anything in it is invalid.")
    imp.add_argument("format", choices=["json"])
    imp.add_argument("file", metavar="FILE")

    commands.add_parser("check", parents=[common], help="check every data file",
                        description="Exit 0 when every file is valid, 1 with the problems.")
    return parser


def _open_app(folder: Path, clock: Clock) -> int:
    from negtui.ui.app import run_app

    return run_app(folder, clock)


def _demo(args: argparse.Namespace, clock: Clock) -> int:
    from negtui.demo import demo_portfolio, large_portfolio

    folder = demo_dir(getattr(args, "data", None))
    store = Store(folder, clock).open()
    settings, books = (large_portfolio if args.large else demo_portfolio)(clock)
    strangers = {p.stem for p in store.deal_files()} - {book.id for book in books}
    if strangers:
        raise UsageError(
            f"negtui demo: {folder} already holds other deals; choose an empty folder with --data"
        )
    store.save_settings(settings)
    for number, book in enumerate(books, start=1):
        store.write_book(book)
        if args.large and (number % 20 == 0 or number == len(books)):
            print(f"writing deals: {number}/{len(books)}", file=sys.stderr)
    print(f"demo portfolio with {len(books)} deals written to {folder}", file=sys.stderr)
    if args.no_open:
        return 0
    return _open_app(folder, clock)


def _log(args: argparse.Namespace, store: Store) -> int:
    from negtui.actions import ConcessionRequest, log_concession

    direction = Direction.GIVEN if args.given is not None else Direction.RECEIVED
    text = args.given if args.given is not None else args.received
    if not text.strip():
        raise UsageError("negtui log: the concession text cannot be empty")
    if not store.deals_dir.is_dir():
        raise UsageError(f"negtui log: {store.root} holds no portfolio yet")
    request = ConcessionRequest(deal=args.deal, direction=direction, what=text, term=args.term,
                                value_us=args.us, value_them=args.them, note=args.note)
    concession = log_concession(store, request)
    print(concession.id)
    return 0


def _export(args: argparse.Namespace, store: Store) -> int:
    from negtui.store.durable import write_atomically
    from negtui.store.exchange import export_document

    if not store.root.is_dir():
        raise UsageError(f"negtui export: {store.root} holds no portfolio yet")
    text = json.dumps(export_document(store), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if args.output:
        target = Path(args.output).resolve()
        try:
            write_atomically(target, text)
        except OSError as error:
            raise UsageError(
                f"negtui export: cannot write {target}: {error.strerror or error}"
            ) from None
    else:
        sys.stdout.write(text)
    return 0


def _import(args: argparse.Namespace, store: Store) -> int:
    from negtui.store.exchange import import_document, parse_document

    source = Path(args.file)
    try:
        document = json.loads(source.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"negtui import: cannot read {source}: {error.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"negtui import: {source} is not valid JSON ({error})") from None
    # Validate before opening the store: opening creates the folder.
    parse_document(document, source)
    books = import_document(store.open(), document, source)
    print(f"imported {len(books)} deals into {store.root}", file=sys.stderr)
    return 0


def _check(store: Store) -> int:
    if not store.root.is_dir():
        print(f"{store.root}: no such data folder", file=sys.stderr)
        return EXIT_PROBLEMS
    problems = store.check()
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"all files valid in {store.root}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None, clock: Clock = system_clock) -> int:
    try:
        args = _parser().parse_args(argv)
        if args.command == "demo":
            return _demo(args, clock)
        store = Store(data_dir(getattr(args, "data", None)), clock)
        handlers: dict[str | None, Callable[[], int]] = {
            None: lambda: _open_app(store.root, clock),
            "log": lambda: _log(args, store),
            "export": lambda: _export(args, store),
            "import": lambda: _import(args, store),
            "check": lambda: _check(store),
        }
        return handlers[args.command]()
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    except NoUniqueMatch as error:
        print(f"negtui: {error}", file=sys.stderr)
        return EXIT_USAGE
    except StoreError as error:
        for problem in error.problems:
            print(f"negtui: {problem}", file=sys.stderr)
        return EXIT_USAGE if args.command in ("log", "import") else EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
