"""What goes in each section of the private dossier; the shared copy is built apart, from
an allow-list (``shared``, ``allow``)."""

from __future__ import annotations

from datetime import datetime

from negtui.domain.book import DealBook
from negtui.domain.calendar import milestone_entry, sort_key, term_entries
from negtui.domain.checklist import evaluate
from negtui.domain.field_labels import label
from negtui.domain.lessons import LessonEntry, related
from negtui.domain.models import RESEARCH_DIMENSIONS, Settings, Term
from negtui.domain.people import listing_order
from negtui.domain.positions import Verdict, verdict, with_unit
from negtui.domain.summary import money
from negtui.domain.terms import class_of
from negtui.domain.vocab import Direction, ScenarioKind, TermClass, TermStatus
from negtui.domain.words import counted
from negtui.export.dossier.document import Block, Bullets, Dossier, Fields, Para, Section, Table
from negtui.export.dossier.shared import SHARE_NOTE, SHARED_SECTIONS, shared_copy
from negtui.export.dossier.words import days, local_day
from negtui.export.dossier.words import local_time as _when
from negtui.export.dossier.words import or_dash as _or_dash

__all__ = ["PRIVATE_NOTE", "SECTIONS", "SHARED_SECTIONS", "SHARE_NOTE", "build_dossier",
           "rating_text"]

PREPARATION_PHASES = 7

PRIVATE_NOTE = "Private: holds walk-away points, the BATNA and fallbacks. Do not forward."

# Section titles, in order.
SECTIONS = [
    "Brief", "Objective and success measures", "Stakeholders", "Research",
    "Terms by priority", "BATNA and walk-away", "Scenarios", "Risks", "Value map",
    "Sensitive topics agenda", "Milestones", "Concessions so far", "Open questions",
]


def rating_text(term: Term) -> str:
    """How a term's two ratings are written in the private dossier."""
    return f"rated {term.impact_deal}/{term.impact_portfolio}"


def _none(what: str) -> Para:
    return Para(f"Nothing recorded yet: {what}.")


_CLASS_ORDER = [TermClass.NON_NEGOTIABLE, TermClass.FLEXIBLE, TermClass.TRADEABLE]


def _by_priority(terms: list[Term], threshold: int) -> list[Term]:
    return sorted(terms, key=lambda t: (_CLASS_ORDER.index(class_of(t, threshold)), -t.weight,
                                        -(t.impact_deal + t.impact_portfolio), t.name.casefold()))


def _brief(book: DealBook) -> Section:
    deal = book.deal
    pairs = [
        ("Counterparty", _or_dash(deal.counterparty)),
        ("Status", deal.status.value),
        ("Contract", f"{deal.contract_type.value}, {deal.relationship.value}"),
        ("Dates", days(deal.start, deal.end)),
        ("Expected value", money(deal.value, deal.currency)),
        ("Hours a week", f"{deal.hours_per_week:g}"),
        ("Strategy", f"{deal.strategy.value}; concessions {deal.concession_approach.value}"),
    ]
    if deal.invoicing_cycle:
        pairs.append(("Invoicing", deal.invoicing_cycle))
    if deal.reporting_format:
        pairs.append(("Reporting", deal.reporting_format))
    return Section("Brief", [Fields(pairs)])


def _objective(book: DealBook) -> Section:
    deal = book.deal
    blocks: list[Block] = [Para(deal.objective) if deal.objective else _none("objective")]
    blocks.append(Bullets(list(deal.success_measures)) if deal.success_measures
                  else _none("success measures"))
    return Section("Objective and success measures", blocks)


def _stakeholders(book: DealBook) -> Section:
    if not book.stakeholders:
        return Section("Stakeholders", [_none("stakeholders")])
    headers = ["Name", "Organisation", "Role", label("stakeholders", "influence"), "Style",
               label("stakeholders", "history")]
    rows = [[person.name, _or_dash(person.organisation), _or_dash(person.role),
             person.influence.value, _or_dash(person.style), _or_dash(person.history)]
            for person in sorted(book.stakeholders, key=listing_order)]
    return Section("Stakeholders", [Table(headers, rows)])


def _research(book: DealBook) -> Section:
    research = book.deal.research
    pairs = [(dimension.label, getattr(research, dimension.name))
             for dimension in RESEARCH_DIMENSIONS]
    written = [(label, text) for label, text in pairs if text]
    return Section("Research", [Fields(written)] if written else [_none("research notes")])


def _terms(book: DealBook, settings: Settings) -> Section:
    threshold = settings.high_threshold
    title = "Terms by priority"
    if not book.terms:
        return Section(title, [_none("terms")])
    ordered = _by_priority(book.terms, threshold)
    rows = []
    for t in ordered:
        standing = verdict(t)
        table_text = _or_dash(with_unit(t, t.on_table))
        if t.on_table and standing is not Verdict.UNKNOWN:
            table_text += f" ({standing.value})"
        rows.append([t.name, f"{class_of(t, threshold).value}, {rating_text(t)}",
                     _or_dash(with_unit(t, t.ideal)), _or_dash(with_unit(t, t.acceptable)),
                     _or_dash(with_unit(t, t.walk_away)),
                     table_text, t.status.value])
    blocks: list[Block] = [Table(["Term", "Class", "Ideal", "Acceptable", "Walk-away",
                                  "On the table", "Status"], rows)]
    fallbacks = [f"{t.name}: {with_unit(t, t.fallback.position) or '—'} — decide by "
                 f"{local_day(t.fallback.decide_by, settings.timezone)}"
                 for t in ordered if t.fallback.position or t.fallback.decide_by]
    blocks.append(Para("Fallbacks:"))
    blocks.append(Bullets(fallbacks) if fallbacks else _none("fallbacks"))
    reasons = [f"{t.name}: {t.rationale.rstrip('.')}."
               + (f" If violated: {t.consequence}" if t.consequence else "")
               for t in ordered if t.rationale]
    if reasons:
        blocks.append(Para("Why the hard lines are hard:"))
        blocks.append(Bullets(reasons))
    return Section(title, blocks)


def _batna(book: DealBook) -> Section:
    deal = book.deal
    return Section("BATNA and walk-away", [Fields([
        ("BATNA", deal.batna or "not written down yet"),
        ("Walk away if", deal.walk_away or "not written down yet"),
    ])])


def _scenarios(book: DealBook) -> Section:
    if not book.scenarios:
        return Section("Scenarios", [_none("scenarios")])
    order = list(ScenarioKind)
    rows = [[s.kind.value, _or_dash(s.outcome), _or_dash(s.actions), _or_dash(s.approvals),
             _or_dash(s.communication)]
            for s in sorted(book.scenarios, key=lambda s: order.index(s.kind))]
    return Section("Scenarios", [Table(["Case", "Outcome",
                                        label("scenarios", "actions"),
                                        label("scenarios", "approvals"),
                                        "Communication"], rows)])


def _risks(book: DealBook) -> Section:
    if not book.risks:
        return Section("Risks", [_none("risks")])
    risks = sorted(book.risks, key=lambda r: -(r.likelihood * r.impact))
    rows = [[r.risk, f"{r.likelihood}/5", f"{r.impact}/5", _or_dash(r.bearer),
             _or_dash(r.mitigation)] for r in risks]
    headers = ["Risk", "Likelihood", "Impact", label("risks", "bearer"), "Mitigation"]
    return Section("Risks", [Table(headers, rows)])


def _value_map(book: DealBook) -> Section:
    if not book.value_map:
        return Section("Value map", [_none("value map")])
    rows = [[_or_dash(v.benefit_us), _or_dash(v.benefit_them), _or_dash(v.obligation)]
            for v in book.value_map]
    return Section("Value map", [Table(["Benefit to us", "Benefit to them",
                                                   label("value_map", "obligation")],
                                       rows)])


def _agenda(book: DealBook) -> Section:
    if not book.agenda:
        return Section("Sensitive topics agenda", [_none("sensitive topics")])
    rows = [[a.topic, f"{a.minutes} min", _or_dash(a.framing), _or_dash(a.alternative),
             _or_dash(a.outcome)] for a in book.agenda]
    total = sum(a.minutes for a in book.agenda)
    return Section("Sensitive topics agenda", [
        Table(["Topic", "Time", "Our framing", "Other wording", "Outcome"], rows),
        Para(f"{counted(total, 'minute')} in all."),
    ])


def _milestones(book: DealBook, now: datetime, tz: str) -> Section:
    """The deal's milestones and the dates its terms carry (a fallback to decide on, an
    offer that expires), as the calendar shows them."""
    entries = [milestone_entry(book, m) for m in book.milestones]
    for term in book.terms:
        entries.extend(term_entries(book, term))
    if not entries:
        return Section("Milestones", [_none("milestones")])
    rows = []
    for entry in sorted(entries, key=sort_key):
        state = "done" if entry.done else ("overdue" if entry.start < now else "ahead")
        rows.append([_when(entry.start, tz), entry.kind, _or_dash(entry.title), state,
                     _or_dash(entry.note)])
    return Section("Milestones", [Table(["When", "Kind", "What", "State", "Note"], rows)])


def _concessions(book: DealBook, tz: str) -> Section:
    live = sorted(book.live_concessions(), key=lambda c: c.at)
    if not live:
        return Section("Concessions so far", [_none("concessions")])
    given = [c for c in live if c.direction is Direction.GIVEN]
    received = len(live) - len(given)
    names = {t.id: t.name for t in book.terms}
    value_us = sum(c.value_us or 0 for c in given)
    # Both sides of the sentence are our own valuation: cost to us, worth to us.
    worth_us = sum(c.value_us or 0 for c in live if c.direction is Direction.RECEIVED)
    summary = (f"{len(given)} given, {received} received. What we gave cost us {value_us}; "
               f"what we received is worth {worth_us}.")
    headers = ["When", "Direction", "What", "Term", "Value to us / them", "Note"]
    rows = [[_when(c.at, tz), c.direction.value, c.what, names.get(c.term_id or "", "—"),
             f"{c.value_us or '—'} / {c.value_them or '—'}", _or_dash(c.note)] for c in live]
    return Section("Concessions so far", [Para(summary), Table(headers, rows)])


def _open_questions(book: DealBook, settings: Settings,
                    hints: list[tuple[LessonEntry, str]]) -> Section:
    questions = []
    for term in book.terms:
        if term.status is TermStatus.OPEN:
            on_table = f" (on the table: {with_unit(term, term.on_table)})" if term.on_table else ""
            questions.append(f"{term.name} is still open{on_table}.")
    for topic in book.agenda:
        if not topic.outcome:
            questions.append(f"How will \"{topic.topic}\" land? No outcome yet.")
    # Gaps in the preparation phases; the later ones are not questions before a call.
    for phase in evaluate(book, settings)[:PREPARATION_PHASES]:
        for state in phase.items:
            if state.computed and not state.done:
                questions.append(f"Phase {phase.phase.number}: {state.item.text} — "
                                 f"{state.detail}.")
    for entry, reason in hints:
        lesson = entry.lesson
        text = lesson.did_not or lesson.worked
        questions.append(f"Lesson from {entry.source} ({reason}): {text}")
    return Section("Open questions", [Bullets(questions)] if questions
                   else [Para("No open questions.")])


def build_dossier(book: DealBook, settings: Settings, now: datetime, *, share: bool = False,
                  lessons: list[LessonEntry] | None = None) -> Dossier:
    """The dossier's sections, in order; ``share`` gives the shared copy instead, built
    from its allow-list alone."""
    if share:
        return shared_copy(book, settings, now).dossier
    hints = related(lessons or [], book.deal)
    sections = [_brief(book), _objective(book), _stakeholders(book), _research(book),
                _terms(book, settings), _batna(book), _scenarios(book), _risks(book),
                _value_map(book), _agenda(book), _milestones(book, now, settings.timezone),
                _concessions(book, settings.timezone), _open_questions(book, settings, hints)]
    prepared = f"Prepared {_when(now, settings.timezone)}."
    return Dossier(title=f"Dossier: {book.deal.name}", notes=[prepared, PRIVATE_NOTE],
                   sections=sections)
