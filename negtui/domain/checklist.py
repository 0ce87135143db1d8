"""The ten preparation phases a deal walks through, and which of their items are done.

Some items can be proven from the deal's own data ("a BATNA is written down"): the app
checks those itself and they cannot be ticked by hand. The rest are ticked by the user.
The item list depends on the deal: first-time or renewal, fixed price or time and
materials.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from negtui.domain.book import DealBook
from negtui.domain.models import Settings, Term
from negtui.domain.positions import Verdict, verdict
from negtui.domain.terms import class_of, term_problems
from negtui.domain.vocab import (
    ContractType,
    Direction,
    Influence,
    MilestoneKind,
    Relationship,
    ScenarioKind,
    TermCategory,
    TermClass,
    TermStatus,
)

# What a computed item answers: is it true, and a few words on why (or what is missing).
Proof = tuple[bool, str]
Check = Callable[[DealBook, Settings], Proof]


@dataclass(frozen=True)
class Item:
    key: str
    """Stable across releases: ticks are stored by this key."""
    text: str
    opens: str
    """Where the work is done: a screen mode ("terms"), "record:<table>", "deal:<group>",
    "lessons" or "dossier"."""
    check: Check | None = None

    @property
    def computed(self) -> bool:
        return self.check is not None


@dataclass(frozen=True)
class Phase:
    number: int
    title: str
    short: str
    purpose: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class ItemState:
    item: Item
    done: bool
    detail: str = ""

    @property
    def computed(self) -> bool:
        return self.item.computed


@dataclass(frozen=True)
class PhaseState:
    phase: Phase
    items: tuple[ItemState, ...]

    @property
    def done(self) -> int:
        return sum(state.done for state in self.items)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def complete(self) -> bool:
        return self.done == self.total


class TickRefused(ValueError):
    """The item is proven by the data, or does not belong to this deal's checklist."""


# Checks that read the deal's data

def _count(done: int, total: int, what: str) -> str:
    return f"{done} of {total} {what}"


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
    return True, f"{deal.hours_per_week:g} h a week, {deal.start} to {deal.end}"


def research_notes(book: DealBook, _: Settings) -> Proof:
    research = book.deal.research
    labels = {"contract_terms": "contract terms", "market": "market",
              "culture": "culture", "decision_maker": "decision-maker",
              "industry_trends": "industry trends", "personal_fit": "personal fit"}
    missing = [label for name, label in labels.items() if not getattr(research, name)]
    if missing:
        return False, f"{_count(6 - len(missing), 6, 'dimensions')}; missing " + ", ".join(missing)
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
    return len(described) == len(people), _count(len(described), len(people), "have a style noted")


def objective_written(book: DealBook, _: Settings) -> Proof:
    if not book.deal.objective:
        return False, "no objective yet"
    return True, book.deal.objective


def success_measures(book: DealBook, _: Settings) -> Proof:
    count = len(book.deal.success_measures)
    return count > 0, f"{count} measure{'s' if count != 1 else ''}" if count else "none yet"


def terms_rated(book: DealBook, settings: Settings) -> Proof:
    count = len(book.terms)
    if count < 3:
        return False, f"{count} term{'s' if count != 1 else ''} listed; list at least three"
    classes = [class_of(t, settings.high_threshold) for t in book.terms]
    summary = ", ".join(f"{classes.count(c)} {c.value}" for c in TermClass if c in classes)
    return True, f"{count} terms: {summary}"


def rationale_for_non_negotiables(book: DealBook, settings: Settings) -> Proof:
    if not book.terms:
        return False, "no terms yet"
    hard = _non_negotiables(book, settings)
    if not hard:
        return True, "no non-negotiables"
    missing = [t.name for t in hard if term_problems(t, settings.high_threshold)]
    if missing:
        return False, "missing rationale or consequence: " + ", ".join(missing)
    return True, _count(len(hard), len(hard), "non-negotiables carry their reason")


def positions_set(book: DealBook, settings: Settings) -> Proof:
    important = _important(book, settings)
    if not important:
        return (bool(book.terms), "no important terms" if book.terms else "no terms yet")
    missing = [t.name for t in important if not (t.ideal and t.acceptable and t.walk_away)]
    if missing:
        return False, "ideal, acceptable or walk-away missing: " + ", ".join(missing)
    return True, _count(len(important), len(important), "important terms have all three")


def fallbacks_dated(book: DealBook, settings: Settings) -> Proof:
    if not book.terms:
        return False, "no terms yet"
    critical = _non_negotiables(book, settings)
    if not critical:
        return True, "no critical terms"
    missing = [t.name for t in critical if not (t.fallback.position and t.fallback.decide_by)]
    if missing:
        return False, "no dated fallback: " + ", ".join(missing)
    return True, _count(len(critical), len(critical), "critical terms have a dated fallback")


def batna_written(book: DealBook, _: Settings) -> Proof:
    return bool(book.deal.batna), "written down" if book.deal.batna else "not written down yet"


def walk_away_written(book: DealBook, _: Settings) -> Proof:
    return (bool(book.deal.walk_away),
            "written down" if book.deal.walk_away else "not written down yet")


def _has_milestone(book: DealBook, kinds: Iterable[MilestoneKind], what: str) -> Proof:
    wanted = set(kinds)
    found = [m for m in book.milestones if m.kind in wanted]
    if not found:
        return False, f"no {what} in the calendar"
    first = min(found, key=lambda m: m.due)
    return True, f"{first.title or first.kind.value}, {first.due:%Y-%m-%d}"


def decision_deadline(book: DealBook, _: Settings) -> Proof:
    return _has_milestone(book, (MilestoneKind.DECISION_DEADLINE,
                                 MilestoneKind.FALLBACK_DEADLINE), "decision deadline")


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
    return len(covered) == len(risks), _count(len(covered), len(risks), "risks have a mitigation")


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
    return len(both) == len(items), _count(len(both), len(items), "name a benefit for each side")


def value_map_paired(book: DealBook, _: Settings) -> Proof:
    items = book.value_map
    if not items:
        return False, "the value map is empty"
    paired = [v for v in items if v.obligation]
    return len(paired) == len(items), _count(len(paired), len(items), "paired with an obligation")


def agenda_timed(book: DealBook, _: Settings) -> Proof:
    agenda = book.agenda
    if not agenda:
        return False, "no sensitive topics on the agenda"
    minutes = sum(a.minutes for a in agenda)
    timed = [a for a in agenda if a.minutes > 0]
    if len(timed) != len(agenda):
        return False, _count(len(timed), len(agenda), "topics have time allotted")
    return True, f"{len(agenda)} topics, {minutes} minutes"


def agenda_framed(book: DealBook, _: Settings) -> Proof:
    agenda = book.agenda
    if not agenda:
        return False, "no sensitive topics on the agenda"
    framed = [a for a in agenda if a.framing and a.alternative]
    return (len(framed) == len(agenda),
            _count(len(framed), len(agenda), "have our framing and another wording"))


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
            _count(len(planned), len(book.scenarios), "have actions, approvals and communication"))


def calls_logged(book: DealBook, _: Settings) -> Proof:
    count = len(book.calls)
    return count > 0, f"{count} call{'s' if count != 1 else ''} logged" if count else "no calls yet"


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
    return True, _count(len(book.terms), len(book.terms), "terms settled")


def offer_expiry(book: DealBook, _: Settings) -> Proof:
    return _has_milestone(book, (MilestoneKind.OFFER_EXPIRY,), "offer expiry")


def renewal_planned(book: DealBook, _: Settings) -> Proof:
    found = _has_milestone(book, (MilestoneKind.RENEWAL,), "renewal date")
    if found[0]:
        return found
    return _has_category(book, (TermCategory.RENEWAL,), "renewal")


def signing_planned(book: DealBook, _: Settings) -> Proof:
    return _has_milestone(book, (MilestoneKind.SIGNING,), "signing date")


def kickoff_planned(book: DealBook, _: Settings) -> Proof:
    return _has_milestone(book, (MilestoneKind.KICKOFF,), "kickoff")


def kickoff_objectives(book: DealBook, _: Settings) -> Proof:
    written = [w for w in book.onboarding if w.kickoff_objective]
    if not written:
        return False, "no kickoff objectives yet"
    return True, _count(len(written), len(book.onboarding), "workstreams have one")


def owners_named(book: DealBook, _: Settings) -> Proof:
    streams = book.onboarding
    if not streams:
        return False, "no workstreams yet"
    owned = [w for w in streams if w.owner]
    return len(owned) == len(streams), _count(len(owned), len(streams), "workstreams have an owner")


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


# The templates

def _item(key: str, text: str, opens: str, check: Check | None = None) -> Item:
    return Item(key=key, text=text, opens=opens, check=check)


def _is_first_time(book: DealBook) -> bool:
    return book.deal.relationship is Relationship.FIRST_TIME


def _phase_items(book: DealBook) -> list[list[Item]]:
    first = _is_first_time(book)
    kind = book.deal.contract_type
    fixed = kind is ContractType.FIXED_PRICE
    hourly = kind is ContractType.TIME_AND_MATERIALS

    audit = [
        _item("audit.hours", "Hours a week and the date range are set for this deal",
              "deal:plan", hours_and_dates),
        _item("audit.capacity", "Capacity checked against every deal already committed",
              "portfolio"),
        _item("audit.boundaries", "Personal boundaries for this deal noted (hours, travel, "
              "on-call)", "deal:plan"),
        _item("audit.clashes", "No clash with other deals: exclusivity, dates, the same people",
              "portfolio"),
    ]
    if not first:
        audit.append(_item("audit.last-term", "Time actually spent in the last term compared "
                           "with what was agreed", "deal:plan"))

    research = [
        _item("research.dimensions", "Notes on all six research dimensions", "deal:research",
              research_notes),
        _item("research.stakeholders", "Stakeholders listed, including who decides",
              "record:stakeholders", stakeholders_listed),
        _item("research.styles", "Each stakeholder's style noted", "record:stakeholders",
              stakeholder_styles),
    ]
    if first:
        research += [
            _item("research.track-record", "Their track record checked: references, payment "
                  "habits, reviews", "deal:research"),
            _item("research.paper", "Their standard contract read before they send it",
                  "deal:research"),
        ]
    else:
        research += [
            _item("research.lessons", "Lessons from earlier work with them re-read", "lessons"),
            _item("research.changes", "What changed on their side since the last contract",
                  "deal:research"),
        ]

    objectives = [
        _item("objectives.objective", "The objective is written in one sentence",
              "deal:objective", objective_written),
        _item("objectives.measures", "Success measures are listed", "deal:objective",
              success_measures),
        _item("objectives.rated", "At least three terms listed and rated on both scales",
              "terms", terms_rated),
        _item("objectives.strategy", "Strategy and concession approach chosen on purpose",
              "deal:strategy"),
    ]
    if not first:
        objectives.append(_item("objectives.uplift", "The case for an uplift or better terms "
                                "is ready", "deal:objective"))

    positions = [
        _item("positions.rationale", "Every non-negotiable has its reason and consequence",
              "terms", rationale_for_non_negotiables),
        _item("positions.bank", "Every important term has ideal, acceptable and walk-away",
              "terms", positions_set),
        _item("positions.fallbacks", "Every critical term has a fallback with a date",
              "terms", fallbacks_dated),
        _item("positions.batna", "A BATNA is written down", "deal:batna", batna_written),
        _item("positions.walk-away", "Walk-away criteria for the whole deal are written down",
              "deal:batna", walk_away_written),
        _item("positions.deadline", "A decision deadline is in the calendar", "calendar",
              decision_deadline),
    ]

    framework = [
        _item("framework.scope", "Scope or deliverables are terms of their own", "terms",
              scope_terms),
        _item("framework.milestones", "Milestones ahead are in the calendar", "calendar",
              milestones_planned),
        _item("framework.payment", "The payment schedule is a term", "terms", payment_terms),
        _item("framework.exit", "How either side can leave is a term", "terms", exit_terms),
        _item("framework.governance", "Reporting and governance are settled",
              "deal:framework", governance_set),
        _item("framework.risks", "The risk register is filled and every risk is mitigated",
              "record:risks", risks_mitigated),
    ]
    if fixed:
        framework += [
            _item("framework.acceptance", "Deliverables have acceptance criteria in writing",
                  "terms"),
            _item("framework.change", "Change requests are priced, not free", "terms"),
            _item("framework.contingency", "The price carries a contingency for risks we bear",
                  "record:risks"),
        ]
    if hourly:
        framework += [
            _item("framework.rate", "The rate has ideal, acceptable and walk-away",
                  "terms", rate_banked),
            _item("framework.invoicing", "Invoicing cycle and timesheet format are set",
                  "deal:framework", invoicing_set),
            _item("framework.overrun", "Hours estimate agreed, with approval before going over",
                  "terms"),
        ]

    value = [
        _item("value.balanced", "The value map names a benefit for each side",
              "record:value_map", value_map_balanced),
        _item("value.paired", "Each benefit is paired with the obligation it costs",
              "record:value_map", value_map_paired),
        _item("value.agenda", "Sensitive topics are on the agenda with time allotted",
              "record:agenda", agenda_timed),
        _item("value.framing", "Our framing and another wording are ready for each topic",
              "record:agenda", agenda_framed),
        _item("value.cheap-gives", "Cheap concessions that matter to them are picked out",
              "terms"),
    ]

    scenarios = [
        _item("scenarios.written", "Best, expected and worst outcomes are written",
              "record:scenarios", scenarios_written),
        _item("scenarios.planned", "Each scenario has actions, approvals and communication",
              "record:scenarios", scenarios_planned),
        _item("scenarios.dossier", "The dossier is exported and read before the call",
              "dossier"),
        _item("scenarios.prep", "A preparation block is booked before the next call",
              "calendar"),
    ]

    live = [
        _item("live.calls", "Calls are logged with who attended", "concessions", calls_logged),
        _item("live.concessions", "Every concession is logged as it happens", "concessions",
              concessions_logged),
        _item("live.balanced", "Nothing is given without something received back",
              "concessions", concessions_balanced),
        _item("live.walk-away", "No offer on the table is past a walk-away point", "terms",
              nothing_past_walk_away),
        _item("live.recap", "A written recap goes out after each call", "concessions"),
    ]

    finalize = [
        _item("finalize.settled", "Every term is agreed, conceded or parked", "terms",
              terms_settled),
        _item("finalize.expiry", "The offer's expiry date is in the calendar", "calendar",
              offer_expiry),
        _item("finalize.renewal", "Renewal or notice dates are set", "calendar",
              renewal_planned),
        _item("finalize.escalation", "An escalation path is agreed for disputes", "terms"),
        _item("finalize.integrate", "No clash with the other contracts once signed",
              "portfolio"),
        _item("finalize.signing", "The signing date is in the calendar", "calendar",
              signing_planned),
    ]
    if not first:
        finalize.append(_item("finalize.carried", "What changed from the last contract is "
                              "written into the new one", "terms"))

    onboard = [
        _item("onboard.kickoff", "The kickoff is in the calendar", "calendar", kickoff_planned),
        _item("onboard.objectives", "Kickoff objectives are written", "record:onboarding",
              kickoff_objectives),
        _item("onboard.owners", "Every workstream has an owner", "record:onboarding",
              owners_named),
        _item("onboard.cadence", "A review cadence is agreed and the next review is planned",
              "record:onboarding", review_cadence),
        _item("onboard.lessons", "Lessons learned are written after the close",
              "record:lessons", lessons_written),
    ]
    return [audit, research, objectives, positions, framework, value, scenarios, live,
            finalize, onboard]


# (title, short title for narrow lists, what the phase is for)
PHASE_HEADINGS: list[tuple[str, str, str]] = [
    ("Portfolio audit", "Portfolio audit", "What you already committed to, your capacity and "
     "boundaries, and clashes with other deals."),
    ("Research", "Research", "The six dimensions worth knowing, and the people on their side."),
    ("Objectives and priorities", "Objectives", "What you want, how you will know, and which "
     "terms matter."),
    ("Non-negotiables, positions and fallbacks", "Positions", "Why the hard lines are hard, "
     "the concession bank, your BATNA and the dates you must decide by."),
    ("Framework and risk", "Framework, risk", "Scope, milestones, payment, exit, governance "
     "and the risk register."),
    ("Mutual value and sensitive topics", "Value, topics", "What each side gains, what it "
     "costs, and how to raise the difficult subjects."),
    ("Scenarios and dossier", "Scenarios", "Best, expected and worst outcomes, and "
     "the document you read before the call."),
    ("Live negotiation", "Live negotiation", "Calls and every concession, given or received."),
    ("Finalize and integrate", "Finalize", "Every term settled, guardrails in place, no clash "
     "with the other contracts."),
    ("Onboard and review", "Onboard, review", "Kickoff, owners, review cadence and what you "
     "learned."),
]


def phases_for(book: DealBook) -> list[Phase]:
    """The ten phases with the items that fit this deal."""
    return [
        Phase(number=index + 1, title=title, short=short, purpose=purpose, items=tuple(items))
        for index, ((title, short, purpose), items) in enumerate(
            zip(PHASE_HEADINGS, _phase_items(book), strict=True))
    ]


def evaluate(book: DealBook, settings: Settings) -> list[PhaseState]:
    """Every phase with each item's state: computed items from the data, the rest from ticks."""
    ticked = set(book.checklist.ticked)
    states = []
    for phase in phases_for(book):
        items = []
        for item in phase.items:
            if item.check is not None:
                done, detail = item.check(book, settings)
                items.append(ItemState(item, done, detail))
            else:
                done = item.key in ticked
                items.append(ItemState(item, done, "ticked" if done else ""))
        states.append(PhaseState(phase, tuple(items)))
    return states


def checklist_progress(book: DealBook, settings: Settings) -> tuple[int, int]:
    """Items done and items in all, over the ten phases."""
    phases = evaluate(book, settings)
    return sum(p.done for p in phases), sum(p.total for p in phases)


def find_item(book: DealBook, key: str) -> Item | None:
    for phase in phases_for(book):
        for item in phase.items:
            if item.key == key:
                return item
    return None


def toggled(book: DealBook, settings: Settings, key: str) -> tuple[bool, str]:
    """Whether a hand tick on ``key`` would now be on, or why it cannot be changed by hand.

    Returns (ticked after the change, the key). Raises ``TickRefused`` for an item the app
    proves from the data, or one that is not part of this deal's checklist.
    """
    item = find_item(book, key)
    if item is None:
        raise TickRefused(f"{key!r} is not an item of this deal's checklist")
    if item.check is not None:
        done, detail = item.check(book, settings)
        state = "done" if done else "not done yet"
        raise TickRefused(f"Checked from the deal's data ({state}: {detail}). "
                          "Press enter to work on it.")
    return key not in book.checklist.ticked, key
