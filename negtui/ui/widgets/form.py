"""A keyboard form in a dialog: messages at each field, and nothing saved until all is valid.

The caller gives the fields, the current values as text, and a ``submit`` function that
checks and saves. ``submit`` returns the problems by field name (empty when saved); the
form stays open, with the typed text intact, until it succeeds or the user backs out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, TextArea

from negtui.domain.words import counted
from negtui.store import StoreError
from negtui.ui.keyorder import typed_before
from negtui.ui.widgets.confirm import KEY_MARKS, ConfirmScreen, OnceModal, key_mark
from negtui.ui.widgets.footer import DialogFooter
from negtui.ui.widgets.shown import Static, plain
from negtui.ui.widgets.tick_box import TickBox

Kind = Literal["text", "choice", "bool", "lines"]
Values = dict[str, str]
FORM_ERROR = "_form"
NARROW_BELOW = 90
TWO_COLUMNS_FROM = 180
LONG_FORM = 10
"""A form with more fields than this takes two columns on a screen wide enough."""


@dataclass(frozen=True)
class FormField:
    name: str
    label: str
    kind: Kind = "text"
    choices: list[tuple[str, str]] = field(default_factory=list)
    """(label, value) pairs for a choice."""
    help: str = ""
    placeholder: str = ""
    preview: Callable[[str], str] | None = None
    """Shows back how typed text is understood (dates), updated on every key."""
    number: bool = False
    """A short number (a rating, minutes): tabbing in selects it, so what is typed replaces
    it (``9`` over ``5`` is 9, not 59)."""


class FormScreen(OnceModal[bool]):
    """Dismisses with True once ``submit`` saved, False when the user cancelled; saves at
    most once, however many Enters arrive."""

    SUBMIT = "save"
    """What ctrl+s does, in the key line under the fields."""

    # Below this width each label goes above its field; from the last, a long form's fields
    # stand in two columns.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide"),
                              (TWO_COLUMNS_FROM, "-double")]

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        # Priority, so tab moves to the next field whichever widget has the focus.
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True,
                id="form.next"),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True,
                id="form.previous"),
    ]

    def __init__(self, title: str, fields: list[FormField], values: Values,
                 submit: Callable[[Values], dict[str, str]], *,
                 unasked: bool = False) -> None:
        """``unasked``: the app opens the form itself (not the user with a key), so keys
        typed before it appeared were meant for the screen below and are set aside."""
        super().__init__()
        self.form_title = title
        self.fields = fields
        self.initial = dict(values)
        self.submit = submit
        self.unasked = unasked
        self._shown_at: float | None = None
        self._set_aside: list[str] = []

    def compose(self) -> ComposeResult:
        box = Vertical(id="form-box")
        box.border_title = plain(self.form_title, one_line=True)
        with box:
            yield Static("", id="form-error", classes="field-error")
            yield Static("", id="form-set-aside")
            with VerticalScroll(id="form-fields", can_focus=False):
                # Two halves, one under the other; a long form on a very wide screen sets
                # them side by side, and tab still walks down the first, then the second.
                half = (len(self.fields) + 1) // 2
                for column in (self.fields[:half], self.fields[half:]):
                    with Vertical(classes="form-column"):
                        for spec in column:
                            yield from self._field(spec)
        yield DialogFooter()

    @property
    def help_title(self) -> str:
        return plain(self.form_title, one_line=True).plain

    def footer_words(self) -> dict[str, str]:
        """The footer names saving with the form's own verb ("Write the file")."""
        return {"form.save": self.SUBMIT[:1].upper() + self.SUBMIT[1:]}

    def _field(self, spec: FormField) -> ComposeResult:
        with Horizontal(classes="field-row"):
            # A checkbox carries its own label, after the box.
            yield Label("" if spec.kind == "bool" else spec.label, classes="field-label")
            yield self._input_for(spec)
        if spec.help:
            yield Static(spec.help, classes="field-help")
        if spec.preview is not None:
            yield Static("", id=f"preview-{spec.name}", classes="field-preview")
        yield Static("", id=f"error-{spec.name}", classes="field-error")

    def _input_for(self, spec: FormField) -> Input | Select[str] | Checkbox | TextArea:
        value = self.initial.get(spec.name, "")
        widget_id = f"field-{spec.name}"
        if spec.kind == "choice":
            # Choices often name deals: shown literally, like every other text from the data.
            options = [(plain(label, one_line=True), choice) for label, choice in spec.choices]
            if value and value not in [choice for _, choice in spec.choices]:
                # Kept from an older file: shown as it is, so saving says what is wrong
                # with it rather than quietly putting the first choice in its place.
                options.append((plain(value, one_line=True), value))
            select: Select[str] = Select(options, id=widget_id, allow_blank=False,
                                         value=value or spec.choices[0][1])
            return select
        if spec.kind == "bool":
            return TickBox(spec.label, value=value == "true", id=widget_id)
        if spec.kind == "lines":
            area = TextArea(value, id=widget_id, classes="field-lines")
            area.cursor_blink = False
            return area
        # Tabbing into text puts the cursor at the end: typing adds to it, never replaces
        # it; a short number is selected instead (``FormField.number``).
        return Input(value, placeholder=spec.placeholder, id=widget_id,
                     select_on_focus=spec.number)

    @on(events.Mount)
    def _note_when_shown(self, event: events.Mount) -> None:
        # On the clock every key is stamped with when it arrives (see ConfirmScreen).
        self._shown_at = event.time

    def on_mount(self) -> None:
        # Textual sets these on a resize, which a screen pushed over a toast may not get.
        width = self.app.size.width
        self.set_class(width < NARROW_BELOW, "-narrow")
        self.set_class(NARROW_BELOW <= width < TWO_COLUMNS_FROM, "-wide")
        self.set_class(width >= TWO_COLUMNS_FROM, "-double")
        self.set_class(len(self.fields) > LONG_FORM, "-long")
        for spec in self.fields:
            if spec.preview is not None:
                self._update_preview(spec, self.initial.get(spec.name, ""))
        self.focus_first()
        self.call_after_refresh(self._fit_height)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_height)

    def sets_aside(self, event: events.Key) -> bool:
        """Whether ``event``, typed before this form (opened unasked) appeared, is kept
        out of it; the form then says which keys it did not take."""
        early = typed_before(event, self._shown_at)
        if not (self.unasked and early and (event.is_printable or event.key in KEY_MARKS)):
            return False
        self._set_aside.append(key_mark(event))
        note = self.query_one("#form-set-aside", Static)
        note.update(plain("Typed before this form appeared, not taken: "
                          + "".join(self._set_aside)))
        note.display = True
        return True

    def _fit_height(self) -> None:
        """Let the fields take every row the screen has beside the dialog's frame, its keys,
        its message and a one-row margin above and below; past that they scroll."""
        box = self.query_one("#form-box")
        around = box.styles.border.spacing.height + box.styles.padding.height + 2
        around += self.query_one(DialogFooter).outer_size.height or 1
        around += self.query_one("#form-error").outer_size.height
        self.query_one("#form-fields").styles.max_height = max(3, self.size.height - around)

    def focus_first(self) -> None:
        # At once, while the form mounts: a key waits for that, so the next one lands here.
        self.set_focus(self.query_one(f"#field-{self.fields[0].name}"), scroll_visible=False)

    def values(self) -> Values:
        current: Values = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, Input):
                current[spec.name] = widget.value
            elif isinstance(widget, Select):
                current[spec.name] = str(widget.value)
            elif isinstance(widget, Checkbox):
                current[spec.name] = "true" if widget.value else "false"
            elif isinstance(widget, TextArea):
                current[spec.name] = widget.text
        return current

    def _update_preview(self, spec: FormField, text: str) -> None:
        assert spec.preview is not None
        self.query_one(f"#preview-{spec.name}", Static).update(spec.preview(text))

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("field-")
        spec = next((s for s in self.fields if s.name == name), None)
        if spec is None:
            return
        error = self.query_one(f"#error-{spec.name}", Static)
        if error.has_class("shown"):
            # The message was about the text before this change: the field's preview, if
            # it has one, now says how the new text reads (or what is wrong with it).
            self._message(f"#error-{spec.name}", "")
            if spec.preview is not None:
                self.query_one(f"#preview-{spec.name}").display = True
        if spec.preview is not None:
            self._update_preview(spec, event.value)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def _message(self, selector: str, text: str) -> None:
        target = self.query_one(selector, Static)
        target.update(text)
        target.set_class(bool(text), "shown")

    def show_errors(self, errors: dict[str, str]) -> None:
        for spec in self.fields:
            self._message(f"#error-{spec.name}", errors.get(spec.name, ""))
            if spec.preview is not None:
                # The error says what is wrong; the preview would say it a second time.
                self.query_one(f"#preview-{spec.name}").display = spec.name not in errors
        unplaced = [f"{name}: {message}" for name, message in errors.items()
                    if name != FORM_ERROR and name not in {s.name for s in self.fields}]
        general = [errors[FORM_ERROR]] if FORM_ERROR in errors else []
        placed = len(errors) - len(general) - len(unplaced)
        summary = [f"Not saved: {counted(placed, 'field')} to fix, each says why below"] \
            if placed else []
        self._message("#form-error", "\n".join(general + unplaced + summary))
        self.call_after_refresh(self._fit_height)
        bad = next((s for s in self.fields if s.name in errors), None)
        if bad is not None:
            widget = self.query_one(f"#field-{bad.name}")
            widget.focus()
            widget.scroll_visible()
            # And the message under it, once it has been laid out: the field alone may be
            # the last line in sight, its message just below.
            message = self.query_one(f"#error-{bad.name}")
            self.call_after_refresh(self._fit_then_show, message)

    def _fit_then_show(self, message: Widget) -> None:
        # The messages changed the fields' height: scroll once that layout is done.
        self._fit_height()
        self.call_after_refresh(message.scroll_visible, animate=False)

    def action_save(self) -> None:
        if self.answered or not self.is_active:
            return
        try:
            errors = self.submit(self.values())
        except StoreError as error:
            errors = {FORM_ERROR: f"Not saved: {error}"}
        if errors:
            # Said at the fields and above them, not in a toast over the keys.
            self.show_errors(errors)
            return
        self.answer(True)

    def action_cancel(self) -> None:
        if self.values() == {spec.name: self._initial_text(spec) for spec in self.fields}:
            self.answer(False)
            return

        def decided(discard: bool | None) -> None:
            if discard:
                self.answer(False)

        self.app.push_screen(
            ConfirmScreen("Discard changes?", "What you typed in this form will be lost.",
                          yes="Discard", no="Keep editing"),
            decided,
        )

    def _initial_text(self, spec: FormField) -> str:
        value = self.initial.get(spec.name, "")
        if spec.kind == "choice":
            return value or spec.choices[0][1]
        if spec.kind == "bool":
            return "true" if value == "true" else "false"
        return value


async def open_form(app: App[object], form: FormScreen,
                    done: Callable[[bool | None], None] | None = None) -> None:
    """Show a form and wait until it is mounted, its first field focused."""
    await app.push_screen(form, done)
