"""Messages the app broadcasts to its screens."""

from __future__ import annotations

from textual.message import Message


class PortfolioReloaded(Message):
    """The portfolio was read again from disk (a change here or in another process)."""


class DealFocused(Message):
    """Another deal became the one in focus (from the palette or another screen)."""
