"""``?``: every key of the screen underneath, with what it does.

The same list feeds the command palette (``commands``), so whatever help shows, the
palette finds and runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical
from textual.screen import ModalScreen

from negtui.ui.keys import APP_BINDINGS, SCREEN_PREFIX
from negtui.ui.widgets.footer import DialogFooter
from negtui.ui.widgets.shown import DataTable, Static

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode
    from textual.screen import Screen

    from negtui.ui.screens.base import HasSession

SPELLED_OUT = {
    "app.help": "Keys (this help)",
    "dialog.help": "Keys (this help)",
    "app.reload": "Reload from disk",
    "portfolio.new": "New deal",
    "terms.all": "All terms (every deal)",
    "concessions.all": "All concessions (every deal)",
    "concessions.give": "Log a concession given",
    "concessions.receive": "Log a concession received",
    "calendar.export": "Export calendar (.ics)",
    "calendar.add": "Add a milestone",
    "calendar.edit": "Edit the milestone chosen in the upcoming list",
    "calendar.done": "Mark the chosen milestone done, or not done again",
    "calendar.delete": "Delete the chosen milestone",
    "calendar.view": "Switch between the month and the upcoming list",
    "calendar.filter": "Show one deal or one kind of date",
    "calendar.checkpoints": "Plan review checkpoints until the deal ends",
}
"""What a key does, by binding id, where the footer's word is too short to be found by
someone who does not know it yet (help and the palette say this, the footer the word)."""


HINT = "escape closes · ctrl+p finds any command"
SIDE_MARGIN = 2
"""The least room left each side of help when it sets its keys in two pairs."""
PAIR_GAP = 2
"""Cells more between two pairs of columns than between a key and what it does."""


@dataclass(frozen=True)
class Key:
    """One thing the screen can do: its keys as shown, what it does, and how to run it."""

    keys: str
    says: str
    action: str
    node: DOMNode
    id: str | None


def says(binding: Binding) -> str:
    """What a binding does in sentence case ("Page left", not Textual's "Page Left")."""
    if binding.id in SPELLED_OUT:
        return SPELLED_OUT[binding.id]
    text = binding.description
    return text[:1] + text[1:].lower() if binding.id is None else text


def key_display(app: App[Any], binding: Binding) -> str:
    """Each key of ``binding`` as the footer shows it, once, the user's remap applied."""
    keys = app._keymap.get(binding.id, binding.key) if binding.id else binding.key
    shown: list[str] = []
    for key in keys.split(","):
        display = app.get_key_display(replace(binding, key=key.strip()))
        if display not in shown:
            shown.append(display)
    return " / ".join(shown)


def _resting(screen: Screen[Any], taken: Iterable[str]) -> list[ActiveBinding]:
    """Our keys that their screen holds back just now (undo with nothing to undo): help
    lists them too, since they work as soon as there is something for them to do."""
    free = set(taken)
    resting: list[ActiveBinding] = []
    for node, bindings in screen._modal_binding_chain:  # the chain active_bindings walks
        for key, binding in bindings:
            if key not in free and binding.id is not None:
                free.add(key)
                resting.append(ActiveBinding(node, binding, False, binding.tooltip))
    return resting


def screen_keys(app: App[Any], screen: Screen[Any], *, resting: bool = False
                ) -> list[Key]:
    """The keys at work on ``screen``, one row per thing they do: the screen's own first,
    then those that work everywhere, Textual's built-in keys (they carry no id) last.
    With ``resting``, also the keys held back until there is something for them to do."""
    found: dict[tuple[str, str], tuple[list[str], DOMNode, Binding]] = {}
    rank: dict[tuple[str, str], int] = {}
    active_now = screen.active_bindings
    extra = _resting(screen, active_now) if resting else []
    for active in [*active_now.values(), *extra]:
        binding: Binding = active.binding
        if not binding.description:
            continue
        entry = (binding.action, says(binding))
        keys, _, _ = found.setdefault(entry, ([], active.node, binding))
        display = app.get_key_display(binding)
        if display not in keys:  # "+" for both plus and equals is shown once
            keys.append(display)
        ours = binding.id is not None
        place = 0 if ours and active.node is screen else 1 if ours else 2
        rank[entry] = min(place, rank.get(entry, place))
    return [Key(" / ".join(found[entry][0]), entry[1], entry[0], found[entry][1],
                found[entry][2].id)
            for entry in sorted(found, key=lambda entry: rank[entry])]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", id="help.close"),
        # The five screens' keys, under their own ids (so a remap moves them here too):
        # help read over a main screen leads on to another, as those keys do everywhere.
        *(replace(binding, show=False) for binding in APP_BINDINGS
          if isinstance(binding, Binding) and (binding.id or "").startswith(SCREEN_PREFIX)),
    ]

    def __init__(self, title: str, keys: Iterable[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.keys = list(keys)
        self._pairs = 0
        """How many key/description pairs of columns stand side by side (none yet)."""

    def compose(self) -> ComposeResult:
        box = Vertical(id="help-box")
        box.border_title = "Help"
        with box:
            yield Static(self._title(), id="help-title")
            yield DataTable[str](id="help-keys", cursor_type="row", zebra_stripes=True)
            yield Static(HINT, id="help-hint")
        yield DialogFooter()

    def _title(self) -> str:
        return f"Keys — {self.title_text}"

    def _columns(self, pairs: int) -> list[list[tuple[str, str]]]:
        """The keys in ``pairs`` runs, each read down before the next: the left first."""
        rows = max(1, -(-len(self.keys) // pairs))
        return [self.keys[start:start + rows] for start in range(0, len(self.keys), rows)
                ] or [[]]

    def _widths(self, pairs: int) -> list[tuple[int, int]]:
        """The width of each pair's keys and of what they do. What the last does runs to
        the dialog's edge, so a scrollbar, when the list needs one, is at that edge rather
        than beside the text; the title and the hint fit above and below the whole."""
        columns = self._columns(pairs)
        # A pair before another ends in a gap, so the two read as two lists.
        widths = [(max([cell_len(key) for key, _ in column] + [3]),
                   max([cell_len(text) for _, text in column] + [12])
                   + (PAIR_GAP if index < len(columns) - 1 else 0))
                  for index, column in enumerate(columns)]
        padding = 2 * self.query_one("#help-keys", DataTable).cell_padding
        drawn = sum(keys + says + 2 * padding for keys, says in widths)
        keys, says = widths[-1]
        widths[-1] = (keys, says + max(0, cell_len(HINT) - drawn,
                                       cell_len(self._title()) - drawn))
        return widths

    def _box_width(self, pairs: int) -> int:
        box = self.query_one("#help-box")
        frame = box.styles.border.spacing.width + box.styles.padding.width
        padding = 2 * self.query_one("#help-keys", DataTable).cell_padding
        return frame + sum(keys + says + 2 * padding for keys, says in self._widths(pairs))

    def _fill(self, pairs: int) -> None:
        table: DataTable[str] = self.query_one("#help-keys", DataTable)
        table.clear(columns=True)
        # Everything in view needs no cursor to scroll it; a row would stand out for
        # nothing (and light two keys at once).
        table.cursor_type = "row" if pairs == 1 else "none"
        for pair, (keys, says) in enumerate(self._widths(pairs)):
            table.add_column("Key", width=keys, key=f"key-{pair}")
            table.add_column("What it does", width=says, key=f"says-{pair}")
        columns = self._columns(pairs)
        for row in range(len(columns[0])):
            cells: list[str] = []
            for column in columns:
                cells += column[row] if row < len(column) else ("", "")
            table.add_row(*cells)
        self._pairs = pairs

    def on_mount(self) -> None:
        self._arrange()

    def on_resize(self) -> None:
        self._arrange()

    def _arrange(self) -> None:
        """One pair of columns, or, where one would scroll and two side by side show the
        whole list with a margin each side, two; where even two would scroll, one (a
        long list is read down one column, rather than scrolled two rows at a time)."""
        rows = self._fit_height() - 1  # less the heading
        width = self.size.width or self.app.size.width
        pairs = 2 if (rows < len(self.keys) <= 2 * rows
                      and self._box_width(2) + 2 * SIDE_MARGIN <= width) else 1
        if pairs != self._pairs:
            self._fill(pairs)

    def _fit_height(self) -> int:
        """The list as tall as the screen leaves it: less the frame, the title, the hint,
        the footer and a row above and below the dialog; past that it scrolls."""
        box = self.query_one("#help-box")
        around = box.styles.border.spacing.height + box.styles.padding.height + 2
        around += sum(self.query_one(part).outer_size.height or 2
                      for part in ("#help-title", "#help-hint"))
        around += self.query_one(DialogFooter).outer_size.height or 1
        height = max(3, (self.size.height or self.app.size.height) - around)
        self.query_one("#help-keys").styles.max_height = height
        return height

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)

    def _over_a_dialog(self) -> bool:
        """Whether help was opened over a form or a question: there digits are typed, and
        going to another screen would leave what was typed."""
        stack = self.app.screen_stack
        below = stack[stack.index(self) - 1] if self in stack[1:] else None
        return isinstance(below, ModalScreen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_screen":
            return not self._over_a_dialog()
        return True

    def action_show_screen(self, mode: str) -> None:
        self.dismiss()
        cast("HasSession", self.app).show_screen(mode)
