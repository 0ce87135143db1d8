"""Typing at the app the way a terminal delivers keys: a whole burst at once, or paced.

``Pilot.press`` waits for the app to go idle after every key, so it never shows what a
burst does. ``burst`` queues every key before the app has handled the first one, which
is what a fast typist, a paste or a slow SSH link produce.
"""

from __future__ import annotations

import asyncio
import unicodedata
from collections.abc import Callable, Iterable
from time import monotonic
from typing import Any

from textual import events
from textual.pilot import Pilot

from negtui.store import Store
from negtui.ui.app import NegtuiApp

# Generous, so a loaded machine passes; a condition that holds returns at once.
LIMIT_S = 90.0  # only how long a failing test takes to say so; a busy machine is slow
CHARACTERS = {"enter": "\r", "tab": "\t", "escape": "\x1b", "space": " ",
              "backspace": "\x7f"}


def key_event(key: str) -> events.Key:
    """The event a terminal's bytes become: a key name as Pilot spells it, or one character."""
    if len(key) == 1:
        name = key if key.isalnum() else unicodedata.name(key).lower().replace(" ", "_")
        return events.Key(name.replace("-", "_"), key)
    if key.startswith("ctrl+") and len(key) == len("ctrl+") + 1:
        return events.Key(key, chr(ord(key[-1]) - ord("a") + 1))
    return events.Key(key, CHARACTERS.get(key))


def typed(*parts: str) -> list[str]:
    """Keys for the parts: a key name ('enter', 'tab', 'down') as is, other text by letter."""
    keys: list[str] = []
    for part in parts:
        if part in CHARACTERS or part in ("up", "down", "left", "right", "shift+tab") or (
                part.startswith("ctrl+")):
            keys.append(part)
        else:
            keys.extend(part)
    return keys


def burst(pilot: Pilot[Any], keys: Iterable[str]) -> None:
    """Queue every key at once; nothing waits between them."""
    for key in keys:
        pilot.app.post_message(key_event(key))


async def paced(pilot: Pilot[Any], keys: Iterable[str], every: float,
                after_enter: float) -> None:
    """Type as a person does: a key every ``every`` seconds, a longer gap after Enter.

    The gaps are the typist's pace, not a wait for the app: it may still be busy."""
    for key in keys:
        pilot.app.post_message(key_event(key))
        await asyncio.sleep(after_enter if key == "enter" else every)


async def wait_until(pilot: Pilot[Any], condition: Callable[[], bool], what: str,
                     limit: float = LIMIT_S) -> None:
    """Let the app work until ``condition`` holds; fail, naming ``what``, past ``limit``."""
    deadline = monotonic() + limit
    while not condition():
        if monotonic() > deadline:
            raise AssertionError(f"still waiting, after {limit:.0f} s, for {what}")
        await pilot.pause()


def record_saves(app: NegtuiApp) -> list[str]:
    """From now on, every write the app runs, by the deal file it names, in order."""
    saves: list[str] = []
    run = app.session.run

    def counted(use_case: Callable[[Store], Any], deal_id: str | None = None) -> Any:
        saves.append(deal_id or "portfolio")
        return run(use_case, deal_id)

    app.session.run = counted  # type: ignore[method-assign]
    return saves
