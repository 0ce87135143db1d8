"""The footer: as many of the screen's keys as fit whole on one line, ``? Keys`` always.

Textual's footer lays every key in a row and lets the line end mid-word. This one takes
the keys in order of importance (the focused widget's, then the screen's in the order the
screen declares them, then undo, the five screens and quit) and leaves out any that would
not fit whole; ``? Keys`` keeps its place at the right end, and help lists every key. The
five screen keys show as one ``1-5 Screens`` when their names do not fit. Keys declared in
one ``Binding.Group`` share an entry (``+/- Deal impact``).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from negtui.ui.keys import APP_BINDINGS, SCREEN_PREFIX

HELP_ID = "app.help"
HELP_ACTION = "app.help"
"""What a dialog's own help key runs (help over the dialog)."""
PALETTE_ID = "app.palette"
APP_IDS = {binding.id for binding in APP_BINDINGS if isinstance(binding, Binding)}
# The app's own keys after the screen's, in this order; any other app key comes last.
APP_ORDER = {"app.undo": 0, "screen": 1, "app.quit": 2}


@dataclass(frozen=True)
class Entry:
    """One label of the footer: a key (or a few, joined by ``/``) and what it does."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool = True
    tooltip: str = ""

    @property
    def width(self) -> int:
        # A key drawn with one cell of padding each side, then its description and a cell.
        return cell_len(self.display) + 2 + cell_len(self.description) + 1

    def widget(self, classes: str = "") -> FooterKey:
        key = FooterKey(self.key, self.display, self.description, self.action,
                        disabled=not self.enabled, tooltip=self.tooltip, classes=classes)
        # The footer is never compact. Set before mounting, so the key is styled once
        # rather than made compact and then not (each a restyle).
        key.set_reactive(FooterKey.compact, False)
        return key


def fitting(units: list[list[Entry]], room: int) -> list[list[Entry]]:
    """The units (each shown whole or not at all) that fit in ``room`` cells, in order:
    one too wide is left out and the next ones still get their chance."""
    chosen: list[list[Entry]] = []
    used = 0
    for unit in units:
        width = sum(entry.width for entry in unit)
        if used + width <= room:
            chosen.append(unit)
            used += width
    return chosen


def _with_extra(units: list[list[Entry]], chosen: list[list[Entry]],
                extra: list[tuple[int, Entry]], room: int) -> tuple[list[Entry], int, int]:
    """The entries of ``chosen`` with those of ``extra`` that fit the room left, each at
    its place among the units; the cells they take, and how many of ``extra`` fit."""
    used = sum(entry.width for unit in chosen for entry in unit)
    added: list[tuple[int, Entry]] = []
    for place, entry in extra:
        if used + entry.width <= room:
            added.append((place, entry))
            used += entry.width
    picked = {id(unit) for unit in chosen}
    shown = [entry for unit in chosen for entry in unit]
    for place, entry in reversed(added):
        shown.insert(sum(len(unit) for unit in units[:place] if id(unit) in picked), entry)
    return shown, used, len(added)


class KeyFooter(Footer):
    """A footer whose every label is whole at any width."""

    DEFAULT_CSS = """
    KeyFooter FooterKey.-help {
        dock: right;
    }
    """

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)
        self._drawn_width = 0
        self._drawn_plan: tuple[tuple[Entry, str], ...] | None = None
        self._coming_plan: tuple[tuple[Entry, str], ...] | None = None

    def _entries(self) -> tuple[list[list[Entry]], Entry | None, Entry | None]:
        """The units in order of importance, the help key and the command palette key."""
        units, help_entry, palette, _ = self._all_entries()
        return units, help_entry, palette

    def _all_entries(self) -> tuple[list[list[Entry]], Entry | None, Entry | None,
                                    list[tuple[int, Entry]]]:
        """As ``_entries``, and the keys the screen shows only where there is room (its
        ``ROOMY_FOOTER``, in that order), each with the place among the units it goes.
        A footer of other keys (a dialog's, the palette's) gives its own here."""
        screen = self.screen
        roomy_ids: tuple[str, ...] = getattr(screen, "ROOMY_FOOTER", ())
        roomy: dict[str, tuple[Binding, bool, str]] = {}
        ranked: list[tuple[tuple[int, int], Binding, bool, str]] = []
        help_entry: Entry | None = None
        palette: Entry | None = None
        app = self.app
        seen: set[tuple[str, str]] = set()
        # The app may keep a key out of the footer while it has nothing to do (undo).
        offered = getattr(app, "in_footer", lambda action: True)
        for active in screen.active_bindings.values():
            binding = active.binding
            entry = Entry(binding.key, app.get_key_display(binding), binding.description,
                          binding.action, active.enabled, active.tooltip)
            if binding.id == HELP_ID and (help_entry is None or binding.key == "question_mark"):
                help_entry = entry  # ``?`` where it is a key, else the one left (F1)
            elif binding.id == PALETTE_ID:
                palette = entry
            if (not binding.show and binding.id in roomy_ids and active.node is screen
                    and binding.id not in roomy):
                roomy[binding.id] = (binding, active.enabled, active.tooltip)
            if not binding.show or binding.id in (HELP_ID, PALETTE_ID):
                continue
            if active.node is app and not offered(binding.action):
                continue
            if (binding.action, binding.description) in seen:
                continue  # "d,delete": one label for both keys
            seen.add((binding.action, binding.description))
            node = active.node
            order = [b for _, b in getattr(node, "_bindings", [])]
            place = order.index(binding) if binding in order else len(order)
            if node is app:
                kind = "screen" if (binding.id or "").startswith(SCREEN_PREFIX) else binding.id
                rank = (2, APP_ORDER.get(kind or "", len(APP_ORDER)) * 100 + place)
            else:
                rank = (1 if node is screen else 0, place)
            ranked.append((rank, binding, active.enabled, active.tooltip))
        ranked.sort(key=lambda item: item[0])

        units: list[list[Entry]] = []
        groups: dict[int, list[Entry]] = {}
        screens: list[Entry] = []
        for _, binding, enabled, tooltip in ranked:
            entry = Entry(binding.key, app.get_key_display(binding), binding.description,
                          binding.action, enabled, tooltip)
            if binding.action.startswith("show_screen("):
                if not screens:
                    units.append(screens)
                screens.append(entry)
            elif binding.group is not None:
                group = groups.get(id(binding.group))
                if group is None:
                    group = groups[id(binding.group)] = []
                    units.append(group)
                    group.append(Entry(entry.key, entry.display, binding.group.description,
                                       entry.action, enabled, tooltip))
                else:
                    # The group's keys share its one label: "+/- Deal impact".
                    head = group[0]
                    group[0] = Entry(head.key, f"{head.display}/{entry.display}",
                                     head.description, head.action, head.enabled,
                                     head.tooltip)
            else:
                units.append([entry])
        # After the screen's own keys, before the app's.
        at = next((index for index, unit in enumerate(units)
                   if unit and unit[0].action.startswith("show_screen(")), len(units))
        extra = [(at, Entry(binding.key, app.get_key_display(binding), binding.description,
                            binding.action, enabled, tooltip))
                 for key_id in roomy_ids if key_id in roomy
                 for binding, enabled, tooltip in [roomy[key_id]]]
        return units, help_entry, palette, extra

    HELP_IF_ROOM = False
    """Whether the help key gives way to the other keys (a dialog's own come first)."""

    def _plan(self) -> tuple[tuple[Entry, str], ...]:
        """What the footer shows at its width now: each entry with its classes."""
        width = self.size.width or self.app.size.width
        units, help_entry, palette, extra = self._all_entries()
        room = width - (help_entry.width if help_entry and not self.HELP_IF_ROOM else 0)
        screens = next((u for u in units if u and u[0].action.startswith("show_screen(")),
                       None)
        short_units = units
        if screens is not None:
            first = screens[0]
            short = Entry(first.key, f"{first.display}-{screens[-1].display}", "Screens",
                          first.action)
            short_units = [[short] if unit is screens else unit for unit in units]
        chosen = fitting(units, room)
        if screens is not None and screens not in chosen:
            # The five names do not fit: one label stands for them.
            units = short_units
            chosen = fitting(units, room)
        shown, used, added = _with_extra(units, chosen, extra, room)
        if units is not short_units and added < len(extra):
            # The screen's own keys go before the names of the five screens.
            short_chosen = fitting(short_units, room)
            short_shown, short_used, short_added = _with_extra(short_units, short_chosen,
                                                               extra, room)
            if short_added > added:
                shown, used = short_shown, short_used
        plan = [(entry, "") for entry in shown]
        # Whatever room is left shows the command palette's key, if it fits whole.
        if palette is not None and used + palette.width + 1 <= room:
            plan.append((palette, "-palette"))
        if help_entry is not None and (not self.HELP_IF_ROOM
                                       or used + help_entry.width <= room):
            plan.append((help_entry, "-help"))
        return tuple(plan)

    def compose(self) -> ComposeResult:
        # Textual's footer waits for the screen's first frame before it shows any key,
        # then lays the screen out again; these keys are in the first layout already, and
        # made again only if the bindings turn out to differ (``bindings_changed``).
        self._drawn_width = self.size.width or self.app.size.width
        self._drawn_plan = self._plan()
        self._coming_plan = None
        for entry, classes in self._drawn_plan:
            yield entry.widget(classes=classes)

    def bindings_changed(self, screen: Screen[object]) -> None:
        # The screen's keys are looked at again after every key and on every return to
        # the screen; building the labels again is the costly part, so only when they
        # would differ from those shown.
        if self._drawn_plan is not None and self.is_attached and screen is self.screen:
            plan = self._plan()
            # Several changes before the footer is made again need it made once.
            if plan == (self._coming_plan or self._drawn_plan):
                self._bindings_ready = True
                return
            if screen.app.app_focus:  # else Textual's footer leaves it for later
                self._coming_plan = plan
        super().bindings_changed(screen)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._drawn_width and self._drawn_plan is not None:
            self.call_after_refresh(self.recompose)



def dialog_entries(screen: Screen[object]) -> list[Entry]:
    """The keys a dialog binds itself, in the order it declares them: one entry per thing
    they do, its keys joined (``n/esc No``). Keys of the screen under it, of the app and
    of Textual's own (they carry no id) do nothing in the dialog, or are not its own; the
    app's keys a dialog lets through (help's 1-5) are the app's, so not listed either."""
    app = screen.app
    # A dialog may word a key its own way, by the binding's id (``footer_words``).
    worded: dict[str, str] = getattr(screen, "footer_words", dict)()
    found: dict[tuple[str, str], list[Binding]] = {}
    for _, binding in screen._bindings:
        if binding.id is None or not binding.description or binding.id in APP_IDS:
            continue
        description = worded.get(binding.id, binding.description)
        found.setdefault((binding.action, description), []).append(binding)
    # In the order the dialog declares them (the map holds them by key, the first key
    # bound anywhere up its classes first).
    declared = [binding.id for cls in reversed(type(screen).__mro__)
                for binding in cls.__dict__.get("BINDINGS", [])
                if isinstance(binding, Binding) and binding.id is not None]
    entries = []
    for (action, description), bindings in sorted(
            found.items(), key=lambda item: declared.index(item[1][0].id)
            if item[1][0].id in declared else len(declared)):
        shown: list[str] = []
        for binding in bindings:
            display = app.get_key_display(binding)
            if display not in shown:
                shown.append(display)
        entries.append(Entry(bindings[0].key, "/".join(shown), description, action))
    return entries


class DialogFooter(KeyFooter):
    """A dialog's own footer line: only the keys that work in it, each label whole. Docked
    at the bottom of the dialog's screen, it covers the footer of the screen under it.
    Its help key (F1) is at the right end, as on every screen, where the room is left."""

    HELP_IF_ROOM = True

    def _all_entries(self) -> tuple[list[list[Entry]], Entry | None, Entry | None,
                                    list[tuple[int, Entry]]]:
        entries = dialog_entries(self.screen)
        help_entry = next((entry for entry in entries if entry.action == HELP_ACTION), None)
        return [[entry] for entry in entries if entry is not help_entry], help_entry, None, []


# The keys of Textual's command palette, each in a word; keys with the same word share a
# label. Enter, which runs the highlighted command, is the search field's, not a binding.
PALETTE_WORDS = {
    "cursor_down": "Move",
    "command_list('cursor_up')": "Move",
    "command_list('page_down')": "Page",
    "command_list('page_up')": "Page",
    "command_list('first')": "Last/first",
    "command_list('last')": "Last/first",
    "escape": "Close",
}


def palette_entries(screen: Screen[object]) -> list[Entry]:
    """The command palette's own keys: enter to run, then each word of ``PALETTE_WORDS``
    with the first key of each binding that does it (``↓/↑ Move``)."""
    app = screen.app
    entries = [Entry("enter", app.get_key_display(Binding("enter", "")), "Run", "")]
    shown: dict[str, list[str]] = {}
    actions: dict[str, str] = {}
    done: set[str] = set()
    for _, binding in screen._bindings:
        word = PALETTE_WORDS.get(binding.action)
        if word is None or binding.action in done:
            continue  # "ctrl+end, shift+end": the first key stands for both
        done.add(binding.action)
        shown.setdefault(word, []).append(app.get_key_display(binding))
        actions.setdefault(word, binding.key)
    for word in dict.fromkeys(PALETTE_WORDS.values()):
        if word in shown:
            entries.append(Entry(actions[word], "/".join(shown[word]), word, ""))
    return entries


class PaletteFooter(KeyFooter):
    """The command palette's footer line: its own keys only."""

    def _all_entries(self) -> tuple[list[list[Entry]], Entry | None, Entry | None,
                                    list[tuple[int, Entry]]]:
        return [[entry] for entry in palette_entries(self.screen)], None, None, []
