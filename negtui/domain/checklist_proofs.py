"""The checks behind the checklist items the app proves from a deal's own data.

Each answers one question about a deal and says, in a few words, why or what is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from negtui.domain.book import DealBook
from negtui.domain.dates import day_text, moment_in
from negtui.domain.models import RESEARCH_DIMENSIONS, Settings, Term
from negtui.domain.positions import Verdict, verdict
from negtui.domain.terms import class_of, term_problems
from negtui.domain.vocab import (
    Direction,
    Influence,
    MilestoneKind,
    ScenarioKind,
    TermCategory,
    TermClass,
    TermStatus,
)
from negtui.domain.words import counted

# What a computed item answers: is it true, and a few words on why (or what is missing).
Proof = tuple[bool, str]
Check = Callable[[DealBook, Settings], Proof]


def _count(done: int, total: int, one: str, many: str) -> str:
    """'2 of 3 risks have a mitigation'; ``one`` when there is just one ('1 of 1 risk has')."""
    return f"{done} of {total} {one if total == 1 else many}"


def _important(book: DealBook, settings: Settings) -> list[Term]:
    threshold = settings.high_threshold
    return [t for t in book.terms if class_of(t, threshold) is not TermClass.TRADEABLE]


def _non_negotiables(book: DealBook, settings: Settings) -> list[Term]:
    threshold = settings.high_threshold
    return [t for t in book.terms if class_of(t, threshold) is TermClass.NON_NEGOTIABLE]


def hours_and_dates(book: DealBook, _: Settings) -> Proof:
    deal = book.deal
    missing = [name for name, ok in (("hours a week", deal.hours_per_week > 0),
                                     ("start date", deal.start is not None),
                                     ("end date", deal.end is not None)) if not ok]
    if missing:
        return False, "missing: " + ", ".join(missing)
    return True, (f"{deal.hours_per_week:g} h a week, {day_text(deal.start)} to "
                  f"{day_text(deal.end)}")


def research_notes(book: DealBook, _: Settings) -> Proof:
    research = book.deal.research
    missing = [dimension.label.casefold() for dimension in RESEARCH_DIMENSIONS
               if not getattr(research, dimension.name)]
    if missing:
        done = _count(6 - len(missing), 6, "dimension", "dimensions")
        return False, f"{done}; missing " + ", ".join(missing)
    return True, "all six dimensions have notes"


def stakeholders_listed(book: DealBook, _: Settings) -> Proof:
    people = book.stakeholders
    if not people:
        return False, "nobody listed yet"
    deciders = [p for p in people if p.influence is Influence.DECIDES]
    if not deciders:
        return False, f"{len(people)} listed, but nobody who decides"
    return True, f"{len(people)} listed; {deciders[0].name} decides"


def stakeholder_styles(book: DealBook, _: Settings) -> Proof:
    people = book.stakeholders
    described = [p for p in people if p.style]
    if not people:
        return False, "nobody listed yet"
    return len(described) == len(people), _count(len(described), len(people),
                                                 "has a style noted", "have a style noted")


def objective_written(book: DealBook, _: Settings) -> Proof:
    if not book.deal.objective:
        return False, "no objective yet"
    return True, book.deal.objective


def success_measures(book: DealBook, _: Settings) -> Proof:
    count = len(book.deal.success_measures)
    return count > 0, counted(count, "measure") if count else "none yet"


def terms_rated(book: DealBook, settings: Settings) -> Proof:
    count = len(book.terms)
    if count < 3:
        return False, f"{counted(count, 'term')} listed; list at least three"
    classes = [class_of(t, settings.high_threshold) for t in book.terms]
    summary = ", ".join(f"{classes.count(c)} {c.value}" for c in TermClass if c in classes)
    return True, f"{counted(count, 'term')}: {summary}"


def rationale_for_non_negotiables(book: DealBook, settings: Settings) -> Proof:
    if not book.terms:
        return False, "no terms yet"
    hard = _non_negotiables(book, settings)
    if not hard:
        return True, "no non-negotiables"
    missing = [t.name for t in hard if term_problems(t, settings.high_threshold)]
    if missing:
        return False, "missing rationale or consequence: " + ", ".join(missing)
    return True, _count(len(hard), len(hard), "non-negotiable carries its reason",
                     "non-negotiables carry their reason")


def positions_set(book: DealBook, settings: Settings) -> Proof:
    important = _important(book, settings)
    if not important:
        return (bool(book.terms), "no important terms" if book.terms else "no terms yet")
    missing = [t.name for t in important if not (t.ideal and t.acceptable and t.walk_away)]
    if missing:
        return False, "ideal, acceptable or walk-away missing: " + ", ".join(missing)
    return True, _count(len(important), len(important), "important term has all three",
                     "important terms have all three")


def fallbacks_dated(book: DealBook, settings: Settings) -> Proof:
    if not book.terms:
        return False, "no terms yet"
    critical = _non_negotiables(book, settings)
    if not critical:
        return True, "no critical terms"
    missing = [t.name for t in critical if not (t.fallback.position and t.fallback.decide_by)]
    if missing:
        return False, "no dated fallback: " + ", ".join(missing)
    return True, _count(len(critical), len(critical), "critical term has a dated fallback",
                     "critical terms have a dated fallback")


def batna_written(book: DealBook, _: Settings) -> Proof:
    return bool(book.deal.batna), "written down" if book.deal.batna else "not written down yet"


def walk_away_written(book: DealBook, _: Settings) -> Proof:
    return (bool(book.deal.walk_away),
            "written down" if book.deal.walk_away else "not written down yet")


def _has_milestone(book: DealBook, kinds: Iterable[MilestoneKind], what: str,
                   zone: str = "UTC") -> Proof:
    wanted = set(kinds)
    found = [m for m in book.milestones if m.kind in wanted]
    if not found:
        return False, f"no {what} in the calendar"
    first = min(found, key=lambda m: m.due)
    return True, f"{first.title or first.kind.value}, {day_text(moment_in(first.due, zone))}"


def decision_deadline(book: DealBook, settings: Settings) -> Proof:
    return _has_milestone(book, (MilestoneKind.DECISION_DEADLINE,
                                 MilestoneKind.FALLBACK_DEADLINE), "decision deadline",
                          settings.timezone)


def _has_category(book: DealBook, categories: Iterable[TermCategory], what: str) -> Proof:
    wanted = set(categories)
    found = [t.name for t in book.terms if t.category in wanted]
    return (bool(found), ", ".join(found) if found else f"no {what} term yet")


def scope_terms(book: DealBook, _: Settings) -> Proof:
    return _has_category(book, (TermCategory.SCOPE, TermCategory.DELIVERABLES),
                         "scope or deliverables")


def payment_terms(book: DealBook, _: Settings) -> Proof:
    return _has_category(book, (TermCategory.PAYMENT_SCHEDULE,), "payment schedule")


def exit_terms(book: DealBook, _: Settings) -> Proof:
    return _has_category(book, (TermCategory.TERMINATION,), "termination")


def milestones_planned(book: DealBook, _: Settings) -> Proof:
    open_ones = [m for m in book.milestones if not m.done]
    return bool(open_ones), (f"{len(open_ones)} still ahead" if open_ones
                             else "nothing ahead in the calendar")


def governance_set(book: DealBook, _: Settings) -> Proof:
    if book.deal.reporting_format:
        return True, book.deal.reporting_format
    return _has_category(book, (TermCategory.GOVERNANCE,), "governance or reporting")


def risks_mitigated(book: DealBook, _: Settings) -> Proof:
    risks = book.risks
    if not risks:
        return False, "the risk register is empty"
    covered = [r for r in risks if r.mitigation]
    return len(covered) == len(risks), _count(len(covered), len(risks), "risk has a mitigation",
                                           "risks have a mitigation")


def rate_banked(book: DealBook, _: Settings) -> Proof:
    rates = [t for t in book.terms if t.category is TermCategory.RATE]
    if not rates:
        return False, "no rate term yet"
    ready = [t for t in rates if t.ideal and t.acceptable and t.walk_away]
    return bool(ready), (", ".join(t.name for t in ready) if ready
                         else "the rate has no ideal, acceptable and walk-away yet")


def invoicing_set(book: DealBook, _: Settings) -> Proof:
    cycle = book.deal.invoicing_cycle
    return bool(cycle), cycle or "no invoicing cycle set"


def value_map_balanced(book: DealBook, _: Settings) -> Proof:
    items = book.value_map
    if not items:
        return False, "the value map is empty"
    both = [v for v in items if v.benefit_us and v.benefit_them]
    return len(both) == len(items), _count(len(both), len(items), "names a benefit for each side",
                                          "name a benefit for each side")


def value_map_paired(book: DealBook, _: Settings) -> Proof:
    items = book.value_map
    if not items:
        return False, "the value map is empty"
    paired = [v for v in items if v.obligation]
    return len(paired) == len(items), _count(len(paired), len(items), "paired with an obligation",
                                            "paired with an obligation")


def agenda_timed(book: DealBook, _: Settings) -> Proof:
    agenda = book.agenda
    if not agenda:
        return False, "no sensitive topics on the agenda"
    minutes = sum(a.minutes for a in agenda)
    timed = [a for a in agenda if a.minutes > 0]
    if len(timed) != len(agenda):
        return False, _count(len(timed), len(agenda), "topic has time allotted",
                             "topics have time allotted")
    return True, f"{counted(len(agenda), 'topic')}, {counted(minutes, 'minute')}"


def agenda_framed(book: DealBook, _: Settings) -> Proof:
    agenda = book.agenda
    if not agenda:
        return False, "no sensitive topics on the agenda"
    framed = [a for a in agenda if a.framing and a.alternative]
    return (len(framed) == len(agenda),
            _count(len(framed), len(agenda), "has our framing and another wording",
                    "have our framing and another wording"))


def scenarios_written(book: DealBook, _: Settings) -> Proof:
    written = {s.kind for s in book.scenarios if s.outcome}
    missing = [k.value for k in ScenarioKind if k not in written]
    if missing:
        return False, "missing: " + ", ".join(missing)
    return True, "best, expected and worst written"


def scenarios_planned(book: DealBook, _: Settings) -> Proof:
    if not book.scenarios:
        return False, "no scenarios yet"
    planned = [s for s in book.scenarios if s.actions and s.approvals and s.communication]
    return (len(planned) == len(book.scenarios),
            _count(len(planned), len(book.scenarios), "has actions, approvals and communication",
                    "have actions, approvals and communication"))


def calls_logged(book: DealBook, _: Settings) -> Proof:
    """Done once there are calls and every ended one names who attended."""
    count = len(book.calls)
    if not count:
        return False, "no calls yet"
    unnamed = sum(1 for call in book.calls if call.ended is not None and not call.attendees)
    if unnamed:
        return False, f"{counted(unnamed, 'call')} of {count} without who attended"
    return True, f"{counted(count, 'call')} logged"


def concessions_logged(book: DealBook, _: Settings) -> Proof:
    count = len(book.live_concessions())
    return count > 0, f"{count} logged" if count else "nothing logged yet"


def concessions_balanced(book: DealBook, _: Settings) -> Proof:
    live = book.live_concessions()
    given = sum(c.direction is Direction.GIVEN for c in live)
    received = len(live) - given
    if not live:
        return False, "nothing logged yet"
    return received >= given, f"{given} given, {received} received"


def nothing_past_walk_away(book: DealBook, _: Settings) -> Proof:
    if not book.terms:
        return False, "no terms yet"
    past = [t.name for t in book.terms if verdict(t) is Verdict.PAST_WALK_AWAY]
    if past:
        return False, "past walk-away: " + ", ".join(past)
    return True, "no offer on the table is past a walk-away point"


def terms_settled(book: DealBook, _: Settings) -> Proof:
    if not book.terms:
        return False, "no terms yet"
    still_open = [t.name for t in book.terms if t.status is TermStatus.OPEN]
    if still_open:
        return False, "still open: " + ", ".join(still_open)
    return True, _count(len(book.terms), len(book.terms), "term settled", "terms settled")


def _first_dated(terms: Iterable[Term], zone: str) -> Proof | None:
    """The earliest date the terms carry (an offer's expiry, else a fallback's decide-by
    date), said as a proof; None when none has a date."""
    dated = sorted((date, t.name) for t in terms
                   if (date := t.offer_expires or t.fallback.decide_by) is not None)
    if not dated:
        return None
    date, name = dated[0]
    return True, f"{name}, {day_text(moment_in(date, zone))}"


def offer_expiry(book: DealBook, settings: Settings) -> Proof:
    """Done by an offer-expiry milestone or by a term whose offer has an expiry: either
    stands in the calendar."""
    found = _has_milestone(book, (MilestoneKind.OFFER_EXPIRY,), "offer expiry", settings.timezone)
    if found[0]:
        return found
    expiring = [t for t in book.terms if t.offer_expires is not None]
    return _first_dated(expiring, settings.timezone) or found


def renewal_planned(book: DealBook, settings: Settings) -> Proof:
    """Done by a renewal milestone, or a renewal term with a date of its own: a renewal
    clause with no date sets no date."""
    found = _has_milestone(book, (MilestoneKind.RENEWAL,), "renewal date", settings.timezone)
    if found[0]:
        return found
    renewal = [t for t in book.terms if t.category is TermCategory.RENEWAL]
    if not renewal:
        return found
    names = ", ".join(t.name for t in renewal)
    return _first_dated(renewal, settings.timezone) or (
        False, f"{names}: no date yet (add a renewal milestone, or give the term a "
               "decide-by or offer-expiry date)")


def signing_planned(book: DealBook, settings: Settings) -> Proof:
    return _has_milestone(book, (MilestoneKind.SIGNING,), "signing date", settings.timezone)


def kickoff_planned(book: DealBook, settings: Settings) -> Proof:
    return _has_milestone(book, (MilestoneKind.KICKOFF,), "kickoff", settings.timezone)


def kickoff_objectives(book: DealBook, _: Settings) -> Proof:
    written = [w for w in book.onboarding if w.kickoff_objective]
    if not written:
        return False, "no kickoff objectives yet"
    return True, _count(len(written), len(book.onboarding), "workstream has one",
                   "workstreams have one")


def owners_named(book: DealBook, _: Settings) -> Proof:
    streams = book.onboarding
    if not streams:
        return False, "no workstreams yet"
    owned = [w for w in streams if w.owner]
    return len(owned) == len(streams), _count(len(owned), len(streams), "workstream has an owner",
                                             "workstreams have an owner")


def review_cadence(book: DealBook, _: Settings) -> Proof:
    cadences = sorted({w.review_cadence for w in book.onboarding if w.review_cadence})
    if not cadences:
        return False, "no review cadence agreed"
    planned = any(m.kind is MilestoneKind.REVIEW and not m.done for m in book.milestones)
    if not planned:
        return False, f"{', '.join(cadences)}; but no review in the calendar"
    return True, ", ".join(cadences)


def lessons_written(book: DealBook, _: Settings) -> Proof:
    count = len(book.lessons)
    return count > 0, f"{count} written" if count else "none written yet"
