"""The shared dossier: what can go to a colleague or to the other side, and nothing else.

Its sections read only what ``allow.cut`` lets through, and the preview's account of what
was left out comes from that same cut, so the two cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from negtui.domain.book import DealBook
from negtui.domain.models import Settings
from negtui.domain.positions import unit_added
from negtui.domain.vocab import ContractType, MilestoneKind, TermCategory, TermStatus
from negtui.domain.words import counted
from negtui.export.dossier.allow import Cut, Shown, cut
from negtui.export.dossier.document import Dossier, Fields, Para, Section, Table
from negtui.export.dossier.words import days, local_time, or_dash

SHARE_NOTE = ("A shared copy, for both sides of the table: the deal, where each term "
              "stands and the dates ahead.")

# Section titles in the order they come; the last two only when something was marked share.
SHARED_SECTIONS = ["The deal", "Terms", "Milestones", "Agenda", "Value exchange"]


@dataclass(frozen=True)
class SharedCopy:
    dossier: Dossier
    written: list[tuple[str, str]]
    """Each section and how much it holds: ("Terms", "6 terms")."""
    left_out: list[str]
    """What the cut set aside, counted by kind."""


def _deal(deal: Shown) -> Section:
    contract: ContractType = deal["contract_type"]
    return Section("The deal", [Fields([
        ("Counterparty", or_dash(deal["counterparty"])),
        ("Contract", contract.value),
        ("Dates", days(deal["start"], deal["end"])),
    ])])


def _terms(terms: list[Shown]) -> Section:
    if not terms:
        return Section("Terms", [Para("No terms yet.")])

    def order(term: Shown) -> tuple[str, str]:
        category: TermCategory = term["category"]
        return category.value.casefold(), term["name"].casefold()

    rows = []
    for term in sorted(terms, key=order):
        status: TermStatus = term["status"]
        offer = unit_added(term["on_table"], term["unit"])
        rows.append([term["name"], term["category"].value, or_dash(offer), status.value])
    return Section("Terms", [Table(["Term", "Category", "On the table (or agreed)", "Status"],
                                   rows)])


def _milestones(milestones: list[Shown], tz: str) -> Section:
    if not milestones:
        return Section("Milestones", [Para("No dates set yet.")])
    rows = []
    for m in sorted(milestones, key=lambda m: m["due"]):
        kind: MilestoneKind = m["kind"]
        rows.append([local_time(m["due"], tz), or_dash(m["title"]), kind.value,
                     "done" if m["done"] else "planned"])
    return Section("Milestones", [Table([f"When ({tz})", "What", "Kind", "State"], rows)])


def _agenda(topics: list[Shown]) -> Section:
    rows = [[t["topic"], f"{t['minutes']} min"] for t in topics]
    total = sum(t["minutes"] for t in topics)
    return Section("Agenda", [Table(["Topic", "Time"], rows),
                              Para(f"{counted(total, 'minute')} in all.")])


def _value_exchange(items: list[Shown], counterparty: str) -> Section:
    rows = [[or_dash(v["benefit_them"]), or_dash(v["obligation"])] for v in items]
    return Section("Value exchange", [Table([f"For {counterparty or 'the other side'}",
                                             "In return"], rows)])


def _sections(shown: Cut, tz: str) -> list[tuple[Section, str]]:
    records = shown.records
    terms, dates = records["terms"], records["milestones"]
    parts = [
        (_deal(shown.deal), "counterparty, contract type and dates"),
        (_terms(terms), counted(len(terms), "term")),
        (_milestones(dates, tz), counted(len(dates), "milestone")),
    ]
    if records["agenda"]:
        parts.append((_agenda(records["agenda"]),
                      counted(len(records["agenda"]), "topic")))
    if records["value_map"]:
        parts.append((_value_exchange(records["value_map"], shown.deal["counterparty"]),
                      counted(len(records["value_map"]), "line")))
    return parts


def shared_copy(book: DealBook, settings: Settings, now: datetime) -> SharedCopy:
    """The shared dossier of ``book``, with what it holds and what it left out."""
    shown = cut(book)
    parts = _sections(shown, settings.timezone)
    dossier = Dossier(title=f"Shared summary: {shown.deal['name']}",
                      notes=[f"Prepared {local_time(now, settings.timezone)}.", SHARE_NOTE],
                      sections=[section for section, _ in parts])
    return SharedCopy(dossier, [(section.title, size) for section, size in parts],
                      shown.left_out)
