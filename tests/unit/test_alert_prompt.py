"""An alert in the alerts box is drawn as a two-column grid draws it: the kind, then the
message, whose wrapped lines go on under the message."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from negtui.domain.audit import Alert, AlertKind
from negtui.ui.widgets.portfolio_band import alert_prompt

WORDS = ["kickoff", "200d", "ago", "in", "Quartz", "Group", "contract", "106:", "(Alpha",
         "2,", "Beta", "1)", "日本語のテキスト", "ünïcødé", "a" * 60, "", " "]


def grid(alert: Alert) -> Table:
    """What the alerts box showed before: a grid, the kind in a column of its own."""
    table = Table.grid(padding=(0, 1, 0, 0))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    table.add_row(Text(f"{alert.kind}:", style="bold"), Text(alert.message))
    return table


def drawn(renderable: object, width: int) -> tuple[str, Measurement]:
    console = Console(width=width, file=io.StringIO(), color_system="truecolor",
                      force_terminal=True)
    console.print(renderable)
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue(), Measurement.get(console, console.options, renderable)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(list(AlertKind)), st.lists(st.sampled_from(WORDS), max_size=40),
       st.integers(1, 130))
def test_an_alert_is_drawn_and_measured_as_the_grid_draws_it(
        kind: AlertKind, words: list[str], width: int) -> None:
    alert = Alert(kind, " ".join(words), ("d-1",))
    assert drawn(alert_prompt(alert), width) == drawn(grid(alert), width)


def test_a_long_message_goes_on_under_itself_not_under_the_kind() -> None:
    alert = Alert(AlertKind.OVERDUE, "kickoff 200d ago in Quartz Group contract 106: "
                  "Milestone 25, not done", ("d-1",))
    text, _ = drawn(alert_prompt(alert), 40)
    lines = text.replace("\x1b[1m", "").replace("\x1b[0m", "").splitlines()
    assert lines[0].startswith("overdue: kickoff")
    assert len(lines) > 1
    assert all(line.startswith(" " * len("overdue: ")) for line in lines[1:])


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(list(AlertKind)), st.lists(st.sampled_from(WORDS), max_size=40),
       st.integers(1, 130))
def test_an_alert_on_one_line_is_the_whole_alert_or_its_start_and_an_ellipsis(
        kind: AlertKind, words: list[str], width: int) -> None:
    alert = Alert(kind, " ".join(words), ("d-1",))
    text, _ = drawn(alert_prompt(alert, whole=False), width)
    plain = text.replace("\x1b[1m", "").replace("\x1b[0m", "")
    (line,) = plain.splitlines()
    full = f"{kind}: {alert.message}"
    shown = line.rstrip()
    if cell_len(full) <= width:
        assert shown == full.rstrip()
    else:
        assert shown.endswith("…") and not shown.endswith(" …")
        assert full.startswith(shown[:-1])
