"""``negtui config [show|check|path]``: the user's own settings file."""

from __future__ import annotations

import os

from negtui.cli.common import EXIT_PROBLEMS, Commands, Context, Parser, say


def register(commands: Commands, common: Parser) -> None:
    config = commands.add_parser(
        "config", parents=[common], help="show or check your config file",
        description="show: the settings in effect and where each came from; check: every "
                    "mistake in the config file as FILE:LINE: message (exit 1 if any); "
                    "path: where the config file is.")
    config.add_argument("action", nargs="?", choices=["show", "check", "path"], default="show")
    config.set_defaults(run=run_config, own_folder=True)


def run_config(ctx: Context) -> int:
    from negtui.locations import config_path

    path = config_path()
    if ctx.args.action == "path":
        say(path, out=True)
        return 0
    # Binding ids and theme names come from the screens: checking them loads Textual.
    from negtui.store.config import load_config
    from negtui.ui.keymap import config_rules

    read = load_config(path, config_rules())
    if ctx.args.action == "check":
        for problem in read.problems:
            say(f"{path}:{problem.line}: {problem.message}", out=True)
        if read.problems:
            return EXIT_PROBLEMS
        say(f"{path}: {'no problems' if path.is_file() else 'no such file; defaults used'}",
            out=True)
        return 0
    _show(ctx, path, read)
    return 0


def _show(ctx: Context, path: object, read: object) -> None:
    from negtui.domain.config import ConfigRead
    from negtui.locations import DATA_ENV

    assert isinstance(read, ConfigRead)
    config = read.config
    in_file = f"from {path}"
    rows: list[tuple[str, str, str]] = [
        ("config file", str(path), "found" if os.path.isfile(str(path)) else "not found"),
        ("theme", config.theme or "textual-dark",
         in_file if config.theme else "default (ansi-dark on a 16-colour terminal)"),
    ]
    if getattr(ctx.args, "data", None):
        data_from = "--data"
    elif os.environ.get(DATA_ENV):
        data_from = f"${DATA_ENV}"
    else:
        data_from = in_file if config.data else "default"
    rows.append(("data", str(ctx.store.root), data_from))
    first = ctx.store.first_settings
    rows.append(("timezone", first.timezone,
                 in_file if config.timezone else "the system's, for portfolios that set none"))
    rows.append(("currency", first.default_currency,
                 in_file if config.currency else "default for new portfolios"))
    for binding_id, keys in sorted(config.keys.items()):
        rows.append((f"keys.{binding_id}", keys, in_file))
    if not config.keys:
        rows.append(("keys", "as shipped", "`negtui keys` lists them"))
    for problem in read.problems:
        rows.append(("left out", f"line {problem.line}: {problem.message}",
                     "`negtui config check`"))
    width = max(len(row[0]) for row in rows)
    value_width = max(len(row[1]) for row in rows if row[0] != "left out")
    for name, value, source in rows:
        say(f"{name:<{width}}  {value:<{value_width}}  {source}", out=True)
