"""Changes to the portfolio as a whole: settings, lessons, checklist ticks."""

from __future__ import annotations

from negtui.domain.models import Checklist, Lesson, Settings
from negtui.store import Store


def save_settings(store: Store, settings: Settings) -> None:
    store.save_settings(settings)


def save_lesson(store: Store, lesson: Lesson) -> None:
    store.put_lesson(lesson)


def tick(store: Store, deal_id: str, key: str, ticked: bool) -> Checklist:
    """Tick or untick one checklist item, keeping ticks made meanwhile elsewhere."""
    return store.set_ticked(deal_id, key, ticked)
