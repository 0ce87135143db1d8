"""A change to records made from a key (a rating, a status, the usual terms) can be taken
back, and is not taken back over someone else's change."""

from __future__ import annotations

import pytest

from negtui.actions.records import change_records
from negtui.domain.models import Term
from negtui.store import Store
from negtui.store.errors import ChangedMeanwhile


def _terms(store: Store) -> dict[str, Term]:
    return {t.id: t for t in store.load().books["d-alpha"].terms}


def test_undoing_an_edit_puts_the_term_back_as_it_was(two_deals: Store) -> None:
    before = _terms(two_deals)["t-rate"]
    change = change_records(two_deals, "d-alpha", before.model_copy(update={"impact_deal": 9}),
                            before=[before], label="Day rate: deal 9")
    assert _terms(two_deals)["t-rate"].impact_deal == 9
    change.revert(two_deals)
    assert _terms(two_deals)["t-rate"] == before
    assert change.deal_id == "d-alpha"


def test_undoing_added_terms_removes_them_and_keeps_the_rest(two_deals: Store) -> None:
    added = [Term(id="t-travel", name="Travel"), Term(id="t-ip", name="IP")]
    change = change_records(two_deals, "d-alpha", *added, before=(), label="Added 2 terms")
    assert set(_terms(two_deals)) == {"t-rate", "t-travel", "t-ip"}
    change.revert(two_deals)
    assert set(_terms(two_deals)) == {"t-rate"}


def test_an_undo_after_another_change_meanwhile_is_refused(two_deals: Store) -> None:
    before = _terms(two_deals)["t-rate"]
    change = change_records(two_deals, "d-alpha", before.model_copy(update={"impact_deal": 9}),
                            before=[before], label="Day rate: deal 9")
    # Another window changes it again.
    two_deals.put("d-alpha", before.model_copy(update={"impact_deal": 3}))
    with pytest.raises(ChangedMeanwhile):
        change.revert(two_deals)
    assert _terms(two_deals)["t-rate"].impact_deal == 3
