"""The ten preparation phases a deal walks through, and which of their items are done.

Some items can be proven from the deal's own data ("a BATNA is written down"): the app
checks those itself and they cannot be ticked by hand. The rest are ticked by the user.
The item list depends on the deal: first-time or renewal, fixed price or time and
materials.
"""

from __future__ import annotations

from dataclasses import dataclass

from negtui.domain import checklist_proofs as proof
from negtui.domain.book import DealBook
from negtui.domain.checklist_proofs import Check
from negtui.domain.models import Settings
from negtui.domain.vocab import (
    ContractType,
    Relationship,
)


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
              "deal:plan", proof.hours_and_dates),
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
              proof.research_notes),
        _item("research.stakeholders", "Stakeholders listed, including who decides",
              "record:stakeholders", proof.stakeholders_listed),
        _item("research.styles", "Each stakeholder's style noted", "record:stakeholders",
              proof.stakeholder_styles),
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
              "deal:objective", proof.objective_written),
        _item("objectives.measures", "Success measures are listed", "deal:objective",
              proof.success_measures),
        _item("objectives.rated", "At least three terms listed and rated on both scales",
              "terms", proof.terms_rated),
        _item("objectives.strategy", "Strategy and concession approach chosen on purpose",
              "deal:strategy"),
    ]
    if not first:
        objectives.append(_item("objectives.uplift", "The case for an uplift or better terms "
                                "is ready", "deal:objective"))

    positions = [
        _item("positions.rationale", "Every non-negotiable has its reason and consequence",
              "terms", proof.rationale_for_non_negotiables),
        _item("positions.bank", "Every important term has ideal, acceptable and walk-away",
              "terms", proof.positions_set),
        _item("positions.fallbacks", "Every critical term has a fallback with a date",
              "terms", proof.fallbacks_dated),
        _item("positions.batna", "A BATNA is written down", "deal:batna", proof.batna_written),
        _item("positions.walk-away", "Walk-away criteria for the whole deal are written down",
              "deal:batna", proof.walk_away_written),
        _item("positions.deadline", "A decision deadline is in the calendar", "calendar",
              proof.decision_deadline),
    ]

    framework = [
        _item("framework.scope", "Scope or deliverables are terms of their own", "terms",
              proof.scope_terms),
        _item("framework.milestones", "Milestones ahead are in the calendar", "calendar",
              proof.milestones_planned),
        _item("framework.payment", "The payment schedule is a term", "terms", proof.payment_terms),
        _item("framework.exit", "How either side can leave is a term", "terms", proof.exit_terms),
        _item("framework.governance", "Reporting and governance are settled",
              "deal:framework", proof.governance_set),
        _item("framework.risks", "The risk register is filled and every risk is mitigated",
              "record:risks", proof.risks_mitigated),
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
                  "terms", proof.rate_banked),
            _item("framework.invoicing", "Invoicing cycle and timesheet format are set",
                  "deal:framework", proof.invoicing_set),
            _item("framework.overrun", "Hours estimate agreed, with approval before going over",
                  "terms"),
        ]

    value = [
        _item("value.balanced", "The value map names a benefit for each side",
              "record:value_map", proof.value_map_balanced),
        _item("value.paired", "Each benefit is paired with the obligation it costs",
              "record:value_map", proof.value_map_paired),
        _item("value.agenda", "Sensitive topics are on the agenda with time allotted",
              "record:agenda", proof.agenda_timed),
        _item("value.framing", "Our framing and another wording are ready for each topic",
              "record:agenda", proof.agenda_framed),
        _item("value.cheap-gives", "Cheap concessions that matter to them are picked out",
              "terms"),
    ]

    scenarios = [
        _item("scenarios.written", "Best, expected and worst outcomes are written",
              "record:scenarios", proof.scenarios_written),
        _item("scenarios.planned", "Each scenario has actions, approvals and communication",
              "record:scenarios", proof.scenarios_planned),
        _item("scenarios.dossier", "The dossier is exported and read before the call",
              "dossier"),
        _item("scenarios.prep", "A preparation block is booked before the next call",
              "calendar"),
    ]

    live = [
        _item("live.calls", "Calls are logged with who attended", "record:calls",
              proof.calls_logged),
        _item("live.concessions", "Every concession is logged as it happens", "concessions",
              proof.concessions_logged),
        _item("live.balanced", "Nothing is given without something received back",
              "concessions", proof.concessions_balanced),
        _item("live.walk-away", "No offer on the table is past a walk-away point", "terms",
              proof.nothing_past_walk_away),
        _item("live.recap", "A written recap goes out after each call", "concessions"),
    ]

    finalize = [
        _item("finalize.settled", "Every term is agreed, conceded or parked", "terms",
              proof.terms_settled),
        _item("finalize.expiry", "The offer's expiry date is in the calendar", "calendar",
              proof.offer_expiry),
        _item("finalize.renewal", "Renewal or notice dates are set", "calendar",
              proof.renewal_planned),
        _item("finalize.escalation", "An escalation path is agreed for disputes", "terms"),
        _item("finalize.integrate", "No clash with the other contracts once signed",
              "portfolio"),
        _item("finalize.signing", "The signing date is in the calendar", "calendar",
              proof.signing_planned),
    ]
    if not first:
        finalize.append(_item("finalize.carried", "What changed from the last contract is "
                              "written into the new one", "terms"))

    onboard = [
        _item("onboard.kickoff", "The kickoff is in the calendar", "calendar",
              proof.kickoff_planned),
        _item("onboard.objectives", "Kickoff objectives are written", "record:onboarding",
              proof.kickoff_objectives),
        _item("onboard.owners", "Every workstream has an owner", "record:onboarding",
              proof.owners_named),
        _item("onboard.cadence", "A review cadence is agreed and the next review is planned",
              "record:onboarding", proof.review_cadence),
        _item("onboard.lessons", "Lessons learned are written after the close",
              "record:lessons", proof.lessons_written),
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
