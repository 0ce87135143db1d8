"""Exporting the calendar again: a changed event gets a higher SEQUENCE, the others keep theirs,
whatever way the change was made; a ledger that cannot be read stops the export."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from negtui.actions.exports import export_ics
from negtui.actions.records import save_records
from negtui.domain.models import Deal, Fallback, Milestone, Term
from negtui.domain.vocab import MilestoneKind, TermStatus
from negtui.store import Store, StoreError
from negtui.store.calendar_ledger import LEDGER_FILE, Revision, read_ledger, revise

FIRST = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)
LATER = FIRST + timedelta(days=1)
CALL = "milestone-d-north-m-call@negtui"
SIGN = "milestone-d-north-m-sign@negtui"
OFFER = "offer-d-north-t-rate@negtui"


@pytest.fixture
def north(store: Store) -> Store:
    store.create_deal(Deal(id="d-north", name="Northwind", start=date(2026, 12, 1)))
    store.put("d-north",
              Milestone(id="m-call", kind=MilestoneKind.CALL, title="Call",
                        due=datetime(2026, 11, 24, 14, tzinfo=UTC)),
              Milestone(id="m-sign", kind=MilestoneKind.SIGNING, title="Signature",
                        due=datetime(2026, 11, 30, 14, tzinfo=UTC)),
              Term(id="t-rate", name="Day rate", status=TermStatus.OPEN,
                   offer_expires=datetime(2026, 11, 27, 17, tzinfo=UTC),
                   fallback=Fallback(position="780")))
    return store


def _export(store: Store, now: datetime, target: Path) -> dict[str, Any]:
    books = list(store.load().books.values())
    export_ics(store.root, str(target), books, UTC, now, None)
    events = Calendar.from_ical(target.read_text(encoding="utf-8")).walk("VEVENT")
    return {str(event["UID"]): event for event in events}


def _versions(events: dict[str, Any]) -> dict[str, tuple[int, datetime]]:
    return {uid: (event.decoded("SEQUENCE"), event.decoded("LAST-MODIFIED"))
            for uid, event in events.items()}


def test_moving_a_milestone_raises_its_sequence_and_no_other(north: Store, tmp_path: Path):
    target = tmp_path / "cal.ics"
    first = _versions(_export(north, FIRST, target))
    assert set(first.values()) == {(0, FIRST)}

    call = north.load().books["d-north"].milestones[0]
    save_records(north, "d-north", call.model_copy(update={"due": call.due + timedelta(days=1)}))
    second = _export(north, LATER, target)
    assert second[CALL].decoded("SEQUENCE") > first[CALL][0]
    assert second[CALL].decoded("LAST-MODIFIED") == LATER
    assert second[CALL].decoded("DTSTAMP") == LATER
    unchanged = {uid: v for uid, v in _versions(second).items() if uid != CALL}
    assert unchanged == {uid: v for uid, v in first.items() if uid != CALL}

    # Exporting again with nothing changed moves nothing, not even the ledger file (a
    # rewrite would replace it, so it would be another inode).
    ledger = north.root / LEDGER_FILE
    before = ledger.stat().st_ino, ledger.read_bytes()
    assert _versions(_export(north, LATER + timedelta(hours=3), target)) == _versions(second)
    assert (ledger.stat().st_ino, ledger.read_bytes()) == before


def test_a_date_read_from_a_term_counts_its_changes_too(north: Store, tmp_path: Path):
    target = tmp_path / "cal.ics"
    _export(north, FIRST, target)
    term = north.load().books["d-north"].terms[0]
    assert term.offer_expires is not None
    save_records(north, "d-north", term.model_copy(
        update={"offer_expires": term.offer_expires + timedelta(days=2)}))
    second = _export(north, LATER, target)
    assert second[OFFER].decoded("SEQUENCE") == 1
    assert second[SIGN].decoded("SEQUENCE") == 0


def test_going_back_to_an_earlier_version_still_counts_up(north: Store, tmp_path: Path):
    target = tmp_path / "cal.ics"
    _export(north, FIRST, target)
    sign = north.load().books["d-north"].milestones[1]
    save_records(north, "d-north", sign.model_copy(update={"done": True}))
    assert _export(north, LATER, target)[SIGN].decoded("SEQUENCE") == 1
    # As an undo would: the record as it was before, yet the number never goes back.
    save_records(north, "d-north", sign)
    again = _export(north, LATER + timedelta(days=1), target)
    assert again[SIGN].decoded("SEQUENCE") == 2
    assert again[SIGN].walk("VALARM")


def test_one_deals_export_keeps_the_count_of_the_others() -> None:
    earlier = {"a@negtui": Revision("x", 3, FIRST), "b@negtui": Revision("y", 1, FIRST)}
    revised = revise(earlier, {"a@negtui": "x2", "c@negtui": "z"}, LATER)
    assert revised == {"a@negtui": Revision("x2", 4, LATER), "b@negtui": Revision("y", 1, FIRST),
                       "c@negtui": Revision("z", 0, LATER)}


@pytest.mark.parametrize("content, says", [
    ("{not json", "is not valid JSON"),
    ('{"format": "something else"}', "is not a calendar ledger"),
    ('{"format": "negtui-calendar-ledger", "version": 99, "events": {}}', "newer negtui"),
    ('{"format": "negtui-calendar-ledger", "version": 1, '
     '"events": {"a@negtui": {"digest": "x", "sequence": -1, "modified": "2026-01-01"}}}',
     "events.a@negtui"),
])
def test_a_ledger_that_cannot_be_read_stops_the_export_and_is_kept(
        north: Store, tmp_path: Path, content: str, says: str) -> None:
    ledger = north.root / LEDGER_FILE
    ledger.write_text(content, encoding="utf-8")
    target = tmp_path / "cal.ics"
    with pytest.raises(StoreError) as refused:
        export_ics(north.root, str(target), list(north.load().books.values()), UTC, FIRST, None)
    assert str(ledger) in str(refused.value)
    assert says in str(refused.value)
    assert ledger.read_text(encoding="utf-8") == content
    assert not target.exists()


def test_the_ledger_reads_back_what_it_wrote(north: Store, tmp_path: Path) -> None:
    _export(north, FIRST, tmp_path / "cal.ics")
    ledger = read_ledger(north.root / LEDGER_FILE)
    assert set(ledger) == {CALL, SIGN, OFFER, "deal-start-d-north@negtui"}
    assert {(r.sequence, r.modified) for r in ledger.values()} == {(0, FIRST)}
