"""Rules about terms: their class follows from two ratings and the user's threshold."""

from __future__ import annotations

from negtui.domain.models import Term
from negtui.domain.vocab import TermClass


def term_class(impact_deal: int, impact_portfolio: int, threshold: int) -> TermClass:
    """Both ratings high: non-negotiable; one high: flexible; none: tradeable."""
    highs = (impact_deal >= threshold) + (impact_portfolio >= threshold)
    if highs == 2:
        return TermClass.NON_NEGOTIABLE
    if highs == 1:
        return TermClass.FLEXIBLE
    return TermClass.TRADEABLE


def class_of(term: Term, threshold: int) -> TermClass:
    return term_class(term.impact_deal, term.impact_portfolio, threshold)


def term_problems(term: Term, threshold: int) -> dict[str, str]:
    """What stops a term from being saved, by field.

    Checked when saving rather than when loading, since the threshold can change after
    the term was written and an old file must still open.
    """
    problems: dict[str, str] = {}
    if class_of(term, threshold) is TermClass.NON_NEGOTIABLE:
        if not term.rationale:
            problems["rationale"] = "a non-negotiable needs the reason it is one"
        if not term.consequence:
            problems["consequence"] = "a non-negotiable needs the consequence if it is violated"
    return problems
