"""What every subcommand shares: exit codes, one-line usage errors, argument types."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn

from negtui.domain.text import quoted, visible

if TYPE_CHECKING:  # `negtui --help` loads no models: they are imported where used
    from negtui.domain.clock import Clock
    from negtui.store import Store

if TYPE_CHECKING:
    from negtui.domain.models import Settings
    from negtui.store.errors import FileProblem

EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_REFUSED = 3


class UsageError(Exception):
    """Bad input from the command line: one line on stderr, exit 2, nothing written."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


Commands = argparse._SubParsersAction  # where subcommands register themselves


@dataclass(frozen=True)
class Context:
    """What a subcommand runs with: its arguments, the data folder's store, the clock."""

    args: argparse.Namespace
    store: Store
    clock: Clock


NO_TERMINAL = (
    "negtui: the app needs a terminal: it reads keys from standard input and draws on "
    "standard error, and here one of them is a file or a pipe; run it in a terminal, or use "
    "a command such as 'negtui log' or 'negtui alerts' from scripts"
)


def has_a_terminal() -> bool:
    """Whether the app can be drawn here: the streams Textual reads keys from and draws on
    (the process's own standard input and standard error) are a terminal, or a driver of
    another kind (the browser's, under ``negtui serve``) was chosen. Standard output may
    go elsewhere (``negtui > file``): the app does not draw there."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return True
    try:
        return bool(sys.__stdin__ and sys.__stdin__.isatty()
                    and sys.__stderr__ and sys.__stderr__.isatty())
    except (AttributeError, ValueError):  # closed or missing streams
        return False


def say(message: object, *, out: bool = False) -> None:
    """One message line on stderr (stdout with ``out``), any control character in the data
    it quotes shown as a mark: a name or a file name never drives the terminal."""
    print(visible(str(message), multiline=True), file=sys.stdout if out else sys.stderr)


def require_portfolio(ctx: Context, command: str) -> None:
    """Reading commands refuse a folder that does not exist rather than report it empty."""
    if not ctx.store.root.is_dir():
        raise UsageError(f"negtui {command}: {ctx.store.root} holds no portfolio yet")


def settings_of(store: Store) -> tuple[Settings, list[FileProblem]]:
    """The folder's settings without reading any deal; the user's defaults, and the
    problem, when ``portfolio.json`` cannot be read (as a whole load would give)."""
    from negtui.store.errors import StoreError

    try:
        return store.read_settings()[0], []
    except StoreError as error:
        return store.first_settings, list(error.problems)


@contextmanager
def output_errors(target: str | None, command: str) -> Iterator[None]:
    """What goes wrong writing ``-o FILE`` becomes a usage error naming it; a reader gone
    from stdout stays a ``BrokenPipeError``."""
    from negtui.store.files import InsideDataFolder

    try:
        yield
    except InsideDataFolder as refused:
        raise UsageError(f"negtui {command}: not written: {refused}") from None
    except BrokenPipeError:
        raise
    except OSError as error:
        raise UsageError(
            f"negtui {command}: cannot write {target}: {error.strerror or error}"
        ) from None


def write_text_output(ctx: Context, target: str | None, text: str, command: str) -> None:
    """``-o FILE`` atomically, or stdout; a file that cannot be written, or one of the data
    folder's own files, is a usage error."""
    from negtui.store.files import write_output

    with output_errors(target, command):
        write_output(target, text, ctx.store.root)


def text_arg(text: str) -> str:
    """Text that is written down must be text: bytes that are not UTF-8 arrive from the
    shell as lone surrogates, which no file can hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        typed = quoted(_as_typed(text))
        raise argparse.ArgumentTypeError(f"{typed} is not valid UTF-8 text") from None
    return text


def _as_typed(text: str) -> str:
    """The bytes the shell passed, with those that are not text shown as \\xNN."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("ascii", "backslashreplace").decode("ascii")
    return raw.decode("utf-8", "backslashreplace")


def rating_arg(text: str) -> int:
    from negtui.domain.fields import _rating

    text = text_arg(text)
    try:
        return _rating(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def folder_arg(text: str) -> str:
    # An empty value (often an unset shell variable) must not fall back to the real data.
    if not text.strip():
        raise argparse.ArgumentTypeError("the folder cannot be empty")
    return text


def data_option() -> Parser:
    """``--data`` is accepted before or after the subcommand; SUPPRESS keeps a later
    default from overwriting a value given earlier."""
    common = Parser(add_help=False)
    common.add_argument("--data", metavar="DIR", type=folder_arg, default=argparse.SUPPRESS,
                        help="data folder (default: $NEGTUI_DATA, else your user data folder)")
    return common
