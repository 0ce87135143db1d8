"""The one name of each record field a person reads, used alike by its form, the column
of its table, its detail and the dossier: a field is never called two things."""

from __future__ import annotations

LABELS: dict[tuple[str, str], str] = {
    ("risks", "bearer"): "Borne by",
    ("value_map", "obligation"): "Paired obligation",
    ("stakeholders", "history"): "History with you",
}


def label(table: str, field: str) -> str:
    """The name of ``field`` of the records in ``table`` ('Borne by')."""
    return LABELS[(table, field)]
