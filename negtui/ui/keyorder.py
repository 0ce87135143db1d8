"""Typed keys handled one after another, each against the state the previous key left.

A terminal delivers a burst (fast typing, a paste, a slow SSH link) as many keys at once,
and Textual hands each key to the focused widget's own queue without waiting for the one
before to be handled. The keys after an Enter would then land in the capture bar or form
that Enter is about to close, or run as commands on a screen that is about to change.
Here a key is passed on only once the app has settled after the previous one: no node
has a message left to handle or a callback left to run, no screen is still mounting or
being removed; a form or dialog that was shown has focused its first field by then,
since that happens while it mounts. Like a terminal's line discipline, keys wait; none is
dropped, reordered or handled twice.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Iterator
from time import monotonic
from typing import Any, Protocol, runtime_checkable

from textual import events
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.message_pump import MessagePump
from textual.screen import Screen

# Longest a key waits for the app to settle: ample for a slow form on a loaded machine,
# yet a handler that never finishes cannot freeze the keyboard.
SETTLE_LIMIT_S = 5.0
# How soon to look again while the app is still busy: well under a frame.
RECHECK_S = 0.001

Typed = events.Key | events.Paste


@runtime_checkable
class SetsAsideEarlyKeys(Protocol):
    """A screen the app shows unasked, which keeps out keys typed before it appeared."""

    def sets_aside(self, event: events.Key) -> bool: ...


def typed_before(event: events.Key, moment: float | None) -> bool:
    """Whether the key was typed before ``moment``, a time on the clock Textual stamps each
    key with as it arrives (an event's ``time``), however long it then waited in line; a
    moment not yet stamped is still to come."""
    return moment is None or event.time < moment


def _busy(node: MessagePump, handling: bool = False) -> bool:
    """Whether the node has work left: a message queued or being handled, a callback due,
    or its message loop not yet started. ``handling``: the node is handling the key being
    decided on, and only what comes after it counts.

    Textual offers no public way to ask this. A node's message loop, once it has nothing
    to do, parks on its queue's event; this one function reads that and the callback
    lists, so nothing else here depends on Textual's insides.
    """
    if node._closing or node._closed:
        return False
    if node.message_queue_size or node._next_callbacks:
        return True
    if isinstance(node, Screen) and node._callbacks:  # due once the screen is redrawn
        return True
    return not handling and not getattr(node._message_queue.ready_event, "_waiters", None)


class KeyOrder:
    """Decides, for every key the terminal sends, whether it goes now or waits its turn."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._waiting: deque[Typed] = deque()
        self._released: Typed | None = None
        self._leaving: list[AwaitComplete] = []
        self._feeder: asyncio.Task[None] | None = None

    def holds(self, event: events.Event) -> bool:
        """True if the event is kept back; it comes to the app again when its turn comes.

        Called from the app's own handler, for every event it receives.
        """
        if not isinstance(event, Typed) or event.is_forwarded:
            return False
        if event is self._released:
            self._released = None
            return False
        if not self._waiting and self._released is None and self._settled(handling=True):
            return False
        self._waiting.append(event)
        if self._feeder is None:
            self._feeder = asyncio.create_task(self._feed(), name="negtui key order")
        return True

    def sets_aside(self, event: events.Event) -> bool:
        """True if the screen on top, shown unasked, keeps out this key typed before it
        appeared (``SetsAsideEarlyKeys``); called once the key's turn has come."""
        if not isinstance(event, events.Key) or event.is_forwarded \
                or not self.app.screen_stack:
            return False
        screen = self.app.screen
        return isinstance(screen, SetsAsideEarlyKeys) and screen.sets_aside(event)

    def again(self, key: events.Key) -> None:
        """Pass ``key`` on once more, before every key still waiting: a widget that
        declined it hands it back, to be handled against the state it then leaves."""
        again = events.Key(key.key, key.character)
        # Stamped as when it was first typed: widgets that tell keys typed before they
        # appeared from those typed after (``typed_before``) judge it as typed.
        again.time = key.time
        self._waiting.appendleft(again)
        if self._feeder is None:
            self._feeder = asyncio.create_task(self._feed(), name="negtui key order")

    def leaving(self, removal: AwaitComplete) -> AwaitComplete:
        """Keys wait until a screen taken off the stack has been removed."""
        self._leaving.append(removal)
        return removal

    @property
    def holding(self) -> bool:
        """Whether some key is still waiting its turn or on its way to the app."""
        return bool(self._waiting) or self._released is not None

    async def drained(self) -> None:
        """Return once every key received so far has been passed on."""
        while self.holding and (self._feeder is not None or self._released is not None):
            await asyncio.sleep(RECHECK_S)

    def stop(self) -> None:
        """The app is closing: keys not yet handled are dropped with it."""
        self._waiting.clear()
        self._released = None
        if self._feeder is not None:
            self._feeder.cancel()
            self._feeder = None

    # Waiting for the app to settle

    def _nodes(self) -> Iterator[MessagePump]:
        yield self.app
        with contextlib.suppress(KeyError):  # no screen yet while the app starts
            # Top first: that is where a key's work usually is, so a busy node shows soon.
            for screen in reversed(self.app.screen_stack):
                yield from screen.walk_children(with_self=True)

    def _settled(self, handling: bool = False) -> bool:
        """``handling``: asked from the app's handler, about the key it has in hand."""
        self._leaving = [removal for removal in self._leaving if not removal.is_done]
        if self._leaving:
            return False
        app = self.app
        return not any(_busy(node, handling and node is app) for node in self._nodes())

    async def _settle(self) -> None:
        deadline = monotonic() + SETTLE_LIMIT_S
        while not self._settled() and monotonic() < deadline:
            await asyncio.sleep(RECHECK_S)

    async def _feed(self) -> None:
        try:
            while self._waiting:
                await self._settle()
                event = self._waiting.popleft()
                self._released = event
                if not self.app.post_message(event):  # the app no longer takes messages
                    self._waiting.clear()
                    self._released = None
        finally:
            self._feeder = None
