"""Every screen draws data through the widgets that show it literally (widgets/shown.py).

A screen that took Textual's own Static, DataTable or OptionList would read a deal name
as markup and pass its escape sequences on; this keeps new screens from doing so.
"""

from __future__ import annotations

import ast
from pathlib import Path

import negtui.ui

UI = Path(negtui.ui.__file__).parent
DRAWS_DATA = {"Static", "DataTable", "OptionList"}


def test_no_screen_or_widget_takes_textuals_own_text_widgets() -> None:
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "shown.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "textual.widgets":
                taken = DRAWS_DATA & {alias.name for alias in node.names}
                offenders += [f"{path.relative_to(UI)}: {name}" for name in sorted(taken)]
    assert offenders == []
