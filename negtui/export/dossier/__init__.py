"""The dossier: one document with everything prepared for a deal, to read before the call.

Built once as sections of simple blocks (``sections``, ``document``), then written as
Markdown or as a self-contained, printable HTML page (``render``). The shared copy leaves
out everything private, so it can be handed to a colleague or to the counterparty.
"""

from __future__ import annotations

import re
from datetime import datetime

from negtui.domain.book import DealBook
from negtui.domain.lessons import LessonEntry
from negtui.domain.models import Deal, Settings
from negtui.export.dossier.document import Block, Bullets, Dossier, Fields, Para, Section, Table
from negtui.export.dossier.render import Format, render, render_html, render_markdown
from negtui.export.dossier.sections import (
    PRIVATE_NOTE,
    SECTIONS,
    SHARE_NOTE,
    SHARED_SECTIONS,
    build_dossier,
    rating_text,
)

__all__ = [
    "PRIVATE_NOTE", "SECTIONS", "SHARED_SECTIONS", "SHARE_NOTE", "Block", "Bullets", "Dossier",
    "Fields", "Format", "Para", "Section", "Table", "build_dossier", "dossier_filename",
    "dossier_text", "rating_text", "render_html", "render_markdown",
]


def dossier_text(book: DealBook, settings: Settings, now: datetime, *, fmt: Format = "md",
                 share: bool = False, lessons: list[LessonEntry] | None = None) -> str:
    dossier = build_dossier(book, settings, now, share=share, lessons=lessons)
    return render(dossier, fmt)


def dossier_filename(deal: Deal, fmt: Format = "md", share: bool = False) -> str:
    """'northwind-data-platform-dossier.md', or '...-dossier-shared.html' for a shared copy."""
    slug = re.sub(r"[^a-z0-9]+", "-", deal.name.casefold()).strip("-") or deal.id
    return f"{slug}-dossier{'-shared' if share else ''}.{fmt}"
