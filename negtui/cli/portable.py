"""``negtui export json`` and ``negtui import json``: the whole portfolio as one document."""

from __future__ import annotations

import json
from pathlib import Path

from negtui.cli.common import (
    Commands,
    Context,
    Parser,
    UsageError,
    require_portfolio,
    say,
    write_text_output,
)
from negtui.domain.words import counted


def register(common: Parser, exports: Commands, imports: Commands) -> None:
    export = exports.add_parser("json", parents=[common], help="the whole portfolio",
                                description="The whole portfolio as one versioned JSON document.")
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    export.set_defaults(run=run_export)

    imp = imports.add_parser("json", parents=[common], help="a JSON export of negtui",
                             description="Import a JSON export; merges by id, and writes "
                                         "nothing if anything in it is invalid.")
    imp.add_argument("file", metavar="FILE")
    imp.set_defaults(run=run_import, writes=True)


def run_export(ctx: Context) -> int:
    from negtui.domain.text import escape_json_controls
    from negtui.store.exchange import export_document

    require_portfolio(ctx, "export")
    document = export_document(ctx.store)
    # Exact data, and nothing in it a terminal showing the file would act on.
    text = escape_json_controls(json.dumps(document, indent=2, sort_keys=True,
                                           ensure_ascii=False)) + "\n"
    write_text_output(ctx, ctx.args.output, text, "export")
    return 0


def run_import(ctx: Context) -> int:
    from negtui.store.errors import StoreError
    from negtui.store.exchange import import_document, parse_document
    from negtui.store.reading import parse_json_value

    source = Path(ctx.args.file)
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"negtui import: cannot read {source}: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise UsageError(f"negtui import: {source} is not UTF-8 text ({error})") from None
    try:
        document = parse_json_value(text, source)
    except StoreError as error:
        raise UsageError(f"negtui import: {error}") from None
    # Validate before opening the store: opening creates the folder.
    parse_document(document, source)
    books = import_document(ctx.store.open(), document, source)
    say(f"imported {counted(len(books), 'deal')} into {ctx.store.root}")
    return 0
