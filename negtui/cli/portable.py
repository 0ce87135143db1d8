"""``negtui export json`` and ``negtui import json``: the whole portfolio as one document."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from negtui.cli.common import (
    Commands,
    Context,
    Parser,
    UsageError,
    require_portfolio,
    write_text_output,
)
from negtui.domain.words import counted


def register(commands: Commands,
             common: Parser,
             exports: Commands) -> None:
    export = exports.add_parser("json", parents=[common], help="the whole portfolio",
                                description="The whole portfolio as one versioned JSON document.")
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    export.set_defaults(run=run_export)

    imp = commands.add_parser("import", parents=[common], help="import a JSON export",
                              description="Import a JSON export; merges by id, and writes "
                                          "nothing if anything in it is invalid.")
    imp.add_argument("format", choices=["json"])
    imp.add_argument("file", metavar="FILE")
    imp.set_defaults(run=run_import, writes=True)


def run_export(ctx: Context) -> int:
    from negtui.store.exchange import export_document

    require_portfolio(ctx, "export")
    document = export_document(ctx.store)
    text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    write_text_output(ctx.args.output, text, "export")
    return 0


def run_import(ctx: Context) -> int:
    from negtui.store.exchange import import_document, parse_document

    source = Path(ctx.args.file)
    try:
        document = json.loads(source.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"negtui import: cannot read {source}: {error.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"negtui import: {source} is not valid JSON ({error})") from None
    # Validate before opening the store: opening creates the folder.
    parse_document(document, source)
    books = import_document(ctx.store.open(), document, source)
    print(f"imported {counted(len(books), 'deal')} into {ctx.store.root}", file=sys.stderr)
    return 0
