"""A deal at a glance: how much of the week it takes and how many of each record it has,
in words, for the room a large window has beside the people of a deal."""

from __future__ import annotations

from negtui.domain.book import DealBook
from negtui.domain.vocab import Direction, Influence, TermStatus
from negtui.domain.words import counted


def share_of_week(hours: float | None, capacity: float) -> str:
    """'16 of 40 h a week (40%)'; 'not set' without hours, no share without capacity."""
    if not hours:
        return "not set"
    if capacity <= 0:
        return f"{hours:g} h a week"
    return f"{hours:g} of {capacity:g} h a week ({round(hours / capacity * 100)}%)"


def record_counts(book: DealBook) -> list[tuple[str, str]]:
    """Each kind of record of the deal with how many it has, and what matters of them:
    ('Terms', '7 terms, 6 open'), ('Concessions', '4 given, 1 received') ..."""
    terms = book.terms
    still_open = sum(term.status is TermStatus.OPEN for term in terms)
    live = book.live_concessions()
    given = sum(c.direction is Direction.GIVEN for c in live)
    done = sum(m.done for m in book.milestones)
    deciders = sum(p.influence is Influence.DECIDES for p in book.stakeholders)
    return [
        ("Terms", f"{counted(len(terms), 'term')}, {still_open} open" if terms
         else "none yet"),
        ("Concessions", f"{given} given, {len(live) - given} received" if live
         else "none yet"),
        ("Calls", counted(len(book.calls), "call")),
        ("Milestones", f"{counted(len(book.milestones), 'milestone')}, {done} done"
         if book.milestones else "none yet"),
        ("People", f"{counted(len(book.stakeholders), 'stakeholder')}, {deciders} "
         f"{'decides' if deciders == 1 else 'decide'}" if book.stakeholders else "none yet"),
        ("Risks", counted(len(book.risks), "risk")),
        ("Scenarios", counted(len(book.scenarios), "scenario")),
        ("Value map", counted(len(book.value_map), "item")),
        ("Agenda", counted(len(book.agenda), "topic")),
        ("Lessons", counted(len(book.lessons), "lesson")),
        ("Onboarding", counted(len(book.onboarding), "workstream")),
    ]
