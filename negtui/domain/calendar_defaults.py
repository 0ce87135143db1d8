"""What a dated item of each kind means to a calendar when the item does not say itself:
how long it lasts, how far ahead it rings, and whether it takes up the user's time.

One table for every kind, so the calendar, its export and the review checkpoints agree.
An item's own duration or reminder always wins over the table.
"""

from __future__ import annotations

from dataclasses import dataclass

from negtui.domain.vocab import MilestoneKind

HOUR = 60
DAY = 24 * HOUR


@dataclass(frozen=True)
class KindDefaults:
    minutes: int
    """How long the item lasts when it has no duration of its own."""
    lead_minutes: int | None
    """How long before the item its reminder rings when it has none of its own; None for
    kinds that ring only when the user asks (meetings the user plans and sees coming)."""
    busy: bool
    """True when the item takes up the user's time; a deadline is a moment, not a meeting."""


# A deadline is a moment, but a calendar draws an event without length as a hairline or
# not at all, so it gets a short slot that starts at the deadline itself.
_MARK = 15

KIND_DEFAULTS: dict[str, KindDefaults] = {
    MilestoneKind.PREP_BLOCK: KindDefaults(minutes=HOUR, lead_minutes=None, busy=True),
    MilestoneKind.CALL: KindDefaults(minutes=HOUR, lead_minutes=None, busy=True),
    MilestoneKind.KICKOFF: KindDefaults(minutes=HOUR, lead_minutes=None, busy=True),
    MilestoneKind.REVIEW: KindDefaults(minutes=HOUR, lead_minutes=None, busy=True),
    MilestoneKind.FOLLOW_UP: KindDefaults(minutes=30, lead_minutes=None, busy=True),
    # A checkpoint is a short look at how the deal runs; a day ahead leaves time to gather
    # the figures for it.
    MilestoneKind.CHECKPOINT: KindDefaults(minutes=30, lead_minutes=DAY, busy=True),
    # A day to have the final text and the signatories ready.
    MilestoneKind.SIGNING: KindDefaults(minutes=30, lead_minutes=DAY, busy=True),
    # Two days: an answer to an offer usually needs someone else's say first.
    MilestoneKind.OFFER_EXPIRY: KindDefaults(minutes=_MARK, lead_minutes=2 * DAY, busy=False),
    MilestoneKind.DECISION_DEADLINE: KindDefaults(minutes=_MARK, lead_minutes=DAY, busy=False),
    MilestoneKind.FALLBACK_DEADLINE: KindDefaults(minutes=_MARK, lead_minutes=DAY, busy=False),
    # Notice periods are long and a notice must be drafted and sent: two weeks ahead.
    MilestoneKind.RENEWAL: KindDefaults(minutes=_MARK, lead_minutes=14 * DAY, busy=False),
}

# The kinds that ring even when the user set no reminder.
DEADLINE_KINDS: frozenset[str] = frozenset(
    kind for kind, defaults in KIND_DEFAULTS.items() if defaults.lead_minutes is not None)

_UNKNOWN = KindDefaults(minutes=HOUR, lead_minutes=None, busy=True)


def defaults_for(kind: str) -> KindDefaults:
    return KIND_DEFAULTS.get(kind, _UNKNOWN)


def planned_minutes(kind: str, own: int | None) -> int:
    """How long a timed item lasts: its own duration, else the one its kind usually takes."""
    return own if own is not None else defaults_for(kind).minutes


def lead_minutes(kind: str, own: int | None) -> int | None:
    """How long ahead the item rings: its own reminder, else its kind's; None: no alarm."""
    return own if own is not None else defaults_for(kind).lead_minutes


_UNITS = ((7 * DAY, "week"), (DAY, "day"), (HOUR, "hour"), (1, "minute"))


def lead_in_words(minutes: int) -> str:
    """A reminder's lead said the way an alarm would: "in 2 days", "in 30 minutes"."""
    if minutes == 0:
        return "now"
    size, unit = next((size, unit) for size, unit in _UNITS if minutes % size == 0)
    count = minutes // size
    return f"in {count} {unit}{'s' if count != 1 else ''}"
