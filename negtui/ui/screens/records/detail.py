"""The detail of a record written out field by field, under its list or a deal's people."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text

from negtui.domain.messages import short_label
from negtui.domain.words import counted
from negtui.ui.widgets.deal_facts import Piece
from negtui.ui.widgets.shown import plain

if TYPE_CHECKING:
    from negtui.ui.screens.records.spec import RecordSpec

DETAIL_LABELS = 24
"""The widest label column of a record's detail; a longer label leads its own line."""

UNWRITTEN = "— not written yet"


def _indent(labels: Iterable[str]) -> int:
    """The column values start in: past the longest label that is not too long."""
    return max((len(label) + 1 for label in labels if len(label) < DETAIL_LABELS),
               default=DETAIL_LABELS)


def record_pieces(spec: RecordSpec, record: Any, unwritten: bool = False,
                  indent: int | None = None,
                  before: Sequence[tuple[str, list[str]]] = ()) -> list[Piece]:
    """Each field of ``record`` with something in it, its label beside it; with
    ``unwritten``, also those left empty, said so, to show what is still to write.
    ``before`` comes first: a label with its lines, one under the other.
    Values start in column ``indent``, by default past the longest label shown."""
    values = spec.to_values(record)
    shown: list[tuple[str, Text]] = []
    for label, lines in before:
        for number, line in enumerate(lines):
            shown.append((f"{label}:" if number == 0 else "", plain(line)))
    for field in spec.fields:
        text = " ".join(values.get(field.name, "").split())
        if field.kind == "bool":
            text = "yes" if text == "true" else ("no" if unwritten else "")
        if text and field.name in spec.scales:
            text = f"{text}/{spec.scales[field.name]}"
        if text:
            shown.append((f"{short_label(field.label)}:", plain(text)))
        elif unwritten:
            shown.append((f"{short_label(field.label)}:", Text(UNWRITTEN, "dim italic")))
    # Each value starts in one column and wraps back to it, not under the labels; a
    # label too long for that column stands on a line of its own above its value.
    if indent is None:
        indent = _indent(label for label, _ in shown)
    pieces: list[Piece] = []
    for label, value in shown:
        if len(label) >= indent:
            pieces.append(Text(label, "bold"))
            label = ""
        pieces.append((label, value, indent))
    return pieces


def spelled_out(spec: RecordSpec, record: Any, others: Sequence[Any],
                before: Sequence[tuple[str, list[str]]] = (),
                before_other: Callable[[Any], Sequence[tuple[str, list[str]]]] | None = None,
                ) -> list[Piece]:
    """``record`` in full, its empty fields too, then each of ``others``, after its own
    ``before_other`` lines (a call's time and what moved in it): what a tall window has
    the rows for."""
    # One column for the values of every record, so they read as one list.
    indent = _indent([*(f"{short_label(field.label)}:" for field in spec.fields),
                      *(f"{label}:" for label, _ in before)])
    pieces = record_pieces(spec, record, unwritten=True, indent=indent, before=before)
    if not others:
        return pieces
    noun = spec.noun
    pieces.append(Text(""))
    pieces.append(Text("The other " + (noun if len(others) == 1 else
                                       counted(len(others), noun)), "bold dim"))
    for other in others:
        label = spec.label(other)
        named = label == spec.to_values(other).get(spec.fields[0].name)
        pieces += [Text(""), *([] if named else [Text(label, "bold")]),
                   *record_pieces(spec, other, indent=indent,
                                  before=before_other(other) if before_other else ())]
    return pieces


def _others_heading(piece: Piece) -> bool:
    return isinstance(piece, Text) and piece.plain.startswith("The other ")


def left_out(pieces: Sequence[Piece], noun: str, edit_key: str,
             whole: Sequence[Piece] = ()) -> Text:
    """The last line of a detail with no room for ``pieces`` (after one it cuts short):
    how many fields of the record in focus are not shown, and the key that shows them.
    ``whole`` is every piece of the detail, ``pieces`` its end: once the other records
    have begun, what is left out is theirs, not the fields of the one in focus."""
    if any(_others_heading(piece) for piece in whole[:len(whole) - len(pieces)]):
        return Text(f"… more {noun}s below: ↑↓ shows each in full", "dim")
    fields, others = 0, False
    for piece in pieces:
        if _others_heading(piece):
            others = True
            break
        # A field's label, or a label standing on the line above its value.
        fields += bool(piece.plain if isinstance(piece, Text) else piece[0])
    if fields:
        them = "it" if fields == 1 else "them all"
        return Text(f"… {counted(fields, 'more field')}: {edit_key} shows {them} in the form",
                    "dim")
    if others:
        return Text(f"… more {noun}s below: ↑↓ shows each in full", "dim")
    return Text(f"… {edit_key} shows the rest in the form", "dim")
