"""What the term and milestone forms turn typed text into."""

from __future__ import annotations

import arrow

from negtui.domain.milestone_input import milestone_from_values
from negtui.domain.models import Milestone, Term
from negtui.domain.term_input import form_values, term_from_values
from negtui.domain.vocab import MilestoneKind

NOW = arrow.get("2026-11-23T09:30:00+00:00")


def _term_values(**changes: str) -> dict[str, str]:
    blank = {name: "" for name in ("name", "rationale", "consequence", "unit", "options",
                                   "ideal", "acceptable", "walk_away", "on_table", "batna",
                                   "fallback", "decide_by", "indicator")}
    return {**blank, **form_values(None, NOW, "UTC"), "must_have": "false", **changes}


def test_a_typed_term_keeps_its_id_and_reads_the_fallback_date() -> None:
    existing = Term(id="t-rate", name="Day rate")
    values = _term_values(name="Day rate", ideal="800", walk_away="700",
                          decide_by="next friday 17:00", direction="more")
    term, errors = term_from_values(values, existing, NOW, "UTC")
    assert errors == {}
    assert term is not None and term.id == "t-rate"
    assert term.fallback.decide_by is not None
    assert arrow.get(term.fallback.decide_by).format("YYYY-MM-DD HH:mm") == "2026-11-27 17:00"


def test_a_term_form_with_bad_fields_names_each_field() -> None:
    term, errors = term_from_values(_term_values(name="", decide_by="someday soonish",
                                                 impact_deal="12"), None, NOW, "UTC")
    assert term is None
    assert {"name", "decide_by", "impact_deal"} <= set(errors)


def test_a_term_shown_in_the_form_comes_back_unchanged() -> None:
    term = Term(id="t-1", name="Payment terms", ideal="30 days", walk_away="60 days",
                more_is_better=False, options=["45 days", "net 30"])
    again, errors = term_from_values(form_values(term, NOW, "UTC"), term, NOW, "UTC")
    assert errors == {} and again == term


def test_a_typed_milestone_in_its_own_time_zone() -> None:
    typed = {"kind": MilestoneKind.CALL.value, "title": "Pricing call",
             "when": "tomorrow 15:00", "zone": "Europe/Berlin", "duration": "45m",
             "reminder": "1h", "note": ""}
    milestone, errors = milestone_from_values(typed, None, NOW.datetime, "UTC")
    assert errors == {}
    assert isinstance(milestone, Milestone)
    assert arrow.get(milestone.due).to("UTC").format("YYYY-MM-DD HH:mm") == "2026-11-24 14:00"
    assert (milestone.duration_minutes, milestone.reminder_minutes) == (45, 60)


def test_a_milestone_form_with_bad_fields_names_each_field() -> None:
    typed = {"kind": MilestoneKind.CHECKPOINT.value, "when": "whenever", "zone": "Mars/Base",
             "duration": "forever", "reminder": ""}
    milestone, errors = milestone_from_values(typed, None, NOW.datetime, "UTC")
    assert milestone is None
    assert {"zone", "duration"} <= set(errors)


def test_editing_a_milestone_keeps_its_id_and_done_state() -> None:
    existing = Milestone(id="m-1", kind=MilestoneKind.SIGNING, due=NOW.datetime, done=True)
    typed = {"kind": MilestoneKind.SIGNING.value, "when": "2026-12-01 10:00", "zone": ""}
    milestone, errors = milestone_from_values(typed, existing, NOW.datetime, "UTC")
    assert errors == {} and milestone is not None
    assert (milestone.id, milestone.done) == ("m-1", True)


def test_a_milestone_marked_share_and_edited_without_the_box() -> None:
    typed = {"kind": MilestoneKind.PREP_BLOCK.value, "when": "2026-12-01 10:00", "zone": "",
             "share": "true"}
    milestone, errors = milestone_from_values(typed, None, NOW.datetime, "UTC")
    assert errors == {} and milestone is not None and milestone.share
    typed.pop("share")
    again, _ = milestone_from_values(typed, milestone, NOW.datetime, "UTC")
    assert again is not None and again.share
    fresh, _ = milestone_from_values(typed, None, NOW.datetime, "UTC")
    assert fresh is not None and not fresh.share
    typed["share"] = "false"
    unshared, _ = milestone_from_values(typed, milestone, NOW.datetime, "UTC")
    assert unshared is not None and not unshared.share


def test_a_bad_zone_does_not_hide_a_bad_date_or_a_good_one() -> None:
    typed = {"kind": "signing", "title": "Sign", "when": "tomorrow 25:00",
             "zone": "Nowhere/Land", "duration": "forever", "reminder": "", "note": ""}
    milestone, errors = milestone_from_values(typed, None, NOW.datetime, "UTC")
    assert milestone is None
    assert sorted(errors) == ["duration", "when", "zone"]
    assert "25:00 is not a time of day" in errors["when"]
    _, errors = milestone_from_values({**typed, "when": "tomorrow 14:00", "duration": ""},
                                      None, NOW.datetime, "UTC")
    assert sorted(errors) == ["zone"]
