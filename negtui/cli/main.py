"""Builds the parser from the subcommand modules and runs the one asked for."""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from negtui import __version__
from negtui.cli import (
    alerts,
    calendar_export,
    check,
    config,
    demo,
    dossier,
    keys,
    log,
    portable,
    serve,
    spreadsheet,
    sync,
)
from negtui.cli.common import (
    EXIT_PROBLEMS,
    EXIT_USAGE,
    NO_TERMINAL,
    Context,
    Parser,
    UsageError,
    data_option,
    has_a_terminal,
    say,
)
from negtui.domain.lookup import NoUniqueMatch
from negtui.locations import config_path, data_dir, tighten_own_places
from negtui.store.errors import StoreError

if TYPE_CHECKING:
    from negtui.domain.clock import Clock

# How a shell reports a command stopped by a closed pipe (128 + SIGPIPE).
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE


def build_parser() -> argparse.ArgumentParser:
    common = data_option()
    parser = Parser(prog="negtui", parents=[common],
                    description="A keyboard-driven workspace for negotiating several contracts "
                                "at once. Run without a command to open the app.")
    parser.add_argument("--version", action="version", version=f"negtui {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    export = commands.add_parser("export", parents=[common], help="export data",
                                 description="Export the portfolio or part of it.")
    exports = export.add_subparsers(dest="format", metavar="FORMAT", required=True,
                                    parser_class=Parser)
    imp = commands.add_parser("import", parents=[common], help="import data",
                              description="Import a JSON export (negtui import json FILE) or "
                                          "a spreadsheet saved as CSV (negtui import csv "
                                          "terms|deals FILE); nothing is written if anything "
                                          "in the file is invalid.")
    imports = imp.add_subparsers(dest="format", metavar="FORMAT", required=True,
                                 parser_class=Parser)
    demo.register(commands, common)
    log.register(commands, common)
    portable.register(common, exports, imports)
    spreadsheet.register(common, exports, imports)
    calendar_export.register(commands, common, exports)
    dossier.register(commands, common, exports)
    check.register(commands, common)
    alerts.register(commands, common)
    serve.register(commands, common)
    keys.register(commands, common)
    config.register(commands, common)
    sync.register(commands, common)
    return parser


def _drop_stdout() -> None:
    """Point stdout at nothing, so the flush at exit finds no pipe to complain about."""
    if sys.stdout is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        sys.stdout = None


def _open_app(ctx: Context) -> int:
    if not has_a_terminal():
        # Without a terminal Textual would wait for keys that never come, busy, for ever.
        say(NO_TERMINAL)
        return EXIT_USAGE
    # The app turns the cyclic collector back on once its first screen is painted; the
    # modules loaded until then (most of the start) make only objects that last.
    gc.disable()
    try:
        from negtui.ui.app import run_app

        return run_app(ctx.store.root, ctx.clock)
    finally:
        gc.enable()


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    args = argparse.Namespace()
    try:
        args = build_parser().parse_args(argv)
        # Only now, once the arguments are sound: `--help`, `--version` and a usage error
        # answer without loading the store and the models.
        from negtui.domain.clock import system_clock
        from negtui.store import Store
        from negtui.store.config import first_settings, load_config

        clock = clock or system_clock
        # The user's defaults; what is wrong in the file is left out (`config check`).
        config = load_config(config_path()).config
        tighten_own_places()
        store = Store(data_dir(getattr(args, "data", None), config.data), clock)
        store.first_settings = first_settings(config)
        run = getattr(args, "run", _open_app)
        if run is not _open_app and not getattr(args, "own_folder", False):
            # The app clears these when it opens; a folder used only from scripts must not
            # gather the temp files of writers that were killed.
            store.sweep_temps()
        code = int(run(Context(args=args, store=store, clock=clock)))
        if sys.stdout is not None:
            sys.stdout.flush()
        return code
    except BrokenPipeError:
        # Whoever read the output has gone (`| head`): stop without a word, as other tools do.
        _drop_stdout()
        return EXIT_BROKEN_PIPE
    except UsageError as error:
        say(error)
        return EXIT_USAGE
    except NoUniqueMatch as error:
        say(f"negtui: {error}")
        return EXIT_USAGE
    except StoreError as error:
        for problem in error.problems:
            say(f"negtui: {problem}")
        writes = getattr(args, "command", None) in ("log", "import")
        return EXIT_USAGE if writes else EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
