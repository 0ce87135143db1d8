"""``negtui keys``: every key of the app, with the id that remaps it."""

from __future__ import annotations

import json

from negtui.cli.common import Commands, Context, Parser, say


def register(commands: Commands, common: Parser) -> None:
    keys = commands.add_parser("keys", parents=[common], help="list every key and its id",
                               description="Every key of every screen, with the id to give "
                                           "it other keys in the [keys] table of the config "
                                           "file (`negtui config path`).")
    keys.add_argument("--json", action="store_true",
                      help="a JSON list of objects with id, keys, description, screen")
    keys.set_defaults(run=run_keys, own_folder=True)


def run_keys(ctx: Context) -> int:
    # The keys live on the screens: listing them loads the screens, and with them Textual.
    from negtui.locations import config_path
    from negtui.store.config import load_config
    from negtui.ui.keymap import catalogue, config_rules, normal

    remapped = load_config(config_path(), config_rules()).config.keys
    rows = [{"id": entry.id,
             "keys": ",".join(normal(remapped[entry.id])) if entry.id in remapped
             else entry.keys,
             "description": entry.description, "screen": entry.screen}
            for entry in catalogue()]
    if ctx.args.json:
        say(json.dumps(rows, indent=2, ensure_ascii=False), out=True)
        return 0
    widths = [max(len(row[name]) for row in rows) for name in ("id", "keys", "screen")]
    for row in rows:
        say(f"{row['id']:<{widths[0]}}  {row['keys']:<{widths[1]}}  "
            f"{row['screen']:<{widths[2]}}  {row['description']}".rstrip(), out=True)
    return 0
