"""The one name of each record field a person reads, used alike by its form, the column
of its table, its detail and the dossier: a field is never called two things."""

from __future__ import annotations

LABELS: dict[tuple[str, str], str] = {
    ("risks", "bearer"): "Borne by",
    ("value_map", "obligation"): "Paired obligation",
    ("stakeholders", "history"): "History with you",
    ("stakeholders", "influence"): "Part",
    ("agenda", "share"): "Share",
    ("value_map", "share"): "Share",
    ("scenarios", "actions"): "Actions",
    ("scenarios", "approvals"): "Approvals",
    ("lessons", "worked"): "What worked",
    ("lessons", "did_not"): "What did not",
    ("onboarding", "review_cadence"): "Review cadence",
}
"""A field of the same name in two tables (whether it is shared) is one field: one name."""


def label(table: str, field: str) -> str:
    """The name of ``field`` of the records in ``table`` ('Borne by')."""
    return LABELS[(table, field)]
