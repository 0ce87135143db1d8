"""Small ways of writing values that every dossier section shares."""

from __future__ import annotations

from datetime import datetime

import arrow


def local_time(moment: datetime, tz: str) -> str:
    """In the user's time zone; the stored offset when the zone is unknown."""
    try:
        local = arrow.get(moment).to(tz)
    except (arrow.parser.ParserError, ValueError):
        local = arrow.get(moment)
    return local.format("YYYY-MM-DD HH:mm")


def or_dash(text: str) -> str:
    return text if text else "—"
