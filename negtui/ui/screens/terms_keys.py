"""The Terms screen's one-key changes: a rating up or down, the next status, must-have or
not, each saved at once (``u`` undoes it); a rating that would make a term non-negotiable
without its reasons opens the form instead."""

from __future__ import annotations

from typing import TYPE_CHECKING

from negtui.actions.records import change_records
from negtui.domain.terms import class_of, term_problems
from negtui.domain.vocab import TermStatus
from negtui.ui.screens.base import NegtuiScreen

if TYPE_CHECKING:
    from negtui.domain.book import DealBook
    from negtui.domain.models import Term

RATING_NAMES = {"impact_deal": "impact on the deal", "impact_portfolio": "impact on the portfolio"}
STATUS_CYCLE = list(TermStatus)


class TermKeys(NegtuiScreen):
    """The changes one key makes to the focused term; the screen holds the deal, the term
    in focus and the form (``_open_form``)."""

    focused_id: str | None

    if TYPE_CHECKING:
        @property
        def threshold(self) -> int: ...

        def book(self) -> DealBook | None: ...

        def focused_term(self) -> Term | None: ...

        def _open_form(self, term: Term | None, problems: dict[str, str],
                       existing: Term | None = None) -> None: ...

    def _save_term(self, term: Term, done: str) -> bool:
        book = self.book()
        if book is None:
            return False
        self.focused_id = term.id
        started = [t for t in book.terms if t.id == term.id]
        return self.save(lambda store: change_records(store, book.id, term, before=started,
                                                      label=done),
                         f"{done} (u undoes)", deal_id=book.id)

    def action_rate(self, field: str, step: int) -> None:
        term = self.focused_term()
        if term is None:
            return
        current: int = getattr(term, field)
        value = current + step
        if not 1 <= value <= 10:
            self.notify(f"{RATING_NAMES[field].capitalize()} is already {current}", timeout=2)
            return
        updated = term.model_copy(update={field: value})
        before, after = class_of(term, self.threshold), class_of(updated, self.threshold)
        problems = term_problems(updated, self.threshold)
        if problems:
            self.notify(f"{term.name} would become non-negotiable: say why, and what happens "
                        "if it is violated, then ctrl+s", title="Not saved yet",
                        severity="warning", timeout=6)
            self._open_form(updated, problems, existing=term)
            return
        moved = f" — now {after.value}" if after is not before else ""
        self._save_term(updated, f"{term.name}: deal {updated.impact_deal}, "
                                 f"portfolio {updated.impact_portfolio}{moved}")

    def action_cycle_status(self) -> None:
        term = self.focused_term()
        if term is not None:
            status = STATUS_CYCLE[(STATUS_CYCLE.index(term.status) + 1) % len(STATUS_CYCLE)]
            self._save_term(term.model_copy(update={"status": status}),
                            f"{term.name}: {status.value}")

    def action_toggle_must(self) -> None:
        term = self.focused_term()
        if term is not None:
            must = not term.must_have
            self._save_term(term.model_copy(update={"must_have": must}),
                            f"{term.name}: {'must-have' if must else 'nice-to-have'}")
