"""Changes to the portfolio as a whole: settings, lessons, checklist ticks."""

from __future__ import annotations

from negtui.actions.undo import Change
from negtui.domain.models import Lesson, Settings
from negtui.store import Store


def save_settings(store: Store, settings: Settings) -> None:
    store.save_settings(settings)


def save_lesson(store: Store, lesson: Lesson) -> None:
    store.put_lesson(lesson)


def tick(store: Store, deal_id: str, key: str, ticked: bool, label: str) -> Change:
    """Tick or untick one checklist item, keeping ticks made meanwhile elsewhere; the
    change returned sets it back."""
    store.set_ticked(deal_id, key, ticked)
    return Change(label, lambda undoing: undoing.set_ticked(deal_id, key, not ticked), deal_id)
