"""Whatever a newer negtui adds to a record, an older one writes it back unchanged."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from negtui.domain.models import Concession, Deal, Fallback, Term
from negtui.domain.vocab import (
    ContractType,
    DealStatus,
    Direction,
    TermCategory,
    TermStatus,
)

ZONES = st.sampled_from([
    UTC,
    timezone(timedelta(hours=1)),
    timezone(timedelta(hours=-5)),
    timezone(timedelta(hours=5, minutes=30)),
    timezone(timedelta(hours=13, minutes=45)),
])
MOMENTS = st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2200, 1, 1),
                       timezones=ZONES)
RATINGS = st.integers(min_value=1, max_value=10)
TEXT = st.text(max_size=30)
REQUIRED = st.text(min_size=1, max_size=30).filter(lambda text: text.strip() != "")
IDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=20)
FLOATS = st.floats(min_value=0, max_value=100, allow_nan=False)

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=12,
)


def extras_for(model: type[BaseModel]) -> st.SearchStrategy[dict[str, Any]]:
    known = set(model.model_fields)
    keys = st.text(max_size=20).filter(lambda key: key not in known)
    return st.dictionaries(keys, JSON_VALUES, max_size=5)


CONCESSIONS = st.builds(
    dict,
    id=IDS, direction=st.sampled_from(list(Direction)), what=REQUIRED,
    term_id=st.none() | IDS, value_us=st.none() | RATINGS, value_them=st.none() | RATINGS,
    at=MOMENTS, note=TEXT, deleted=st.booleans(),
)
TERMS = st.builds(
    dict,
    id=IDS, name=REQUIRED, category=st.sampled_from(list(TermCategory)),
    impact_deal=RATINGS, impact_portfolio=RATINGS, must_have=st.booleans(), rationale=TEXT,
    consequence=TEXT, ideal=TEXT, status=st.sampled_from(list(TermStatus)), weight=FLOATS,
    fallback=st.builds(Fallback, position=TEXT, decide_by=st.none() | MOMENTS),
)
DEALS = st.builds(
    dict,
    id=IDS, name=REQUIRED, counterparty=TEXT, status=st.sampled_from(list(DealStatus)),
    contract_type=st.sampled_from(list(ContractType)),
    value=st.none() | st.floats(min_value=0, max_value=1e12, allow_nan=False),
    currency=st.sampled_from(["EUR", "usd", "Gbp"]), hours_per_week=FLOATS,
    start=st.none() | st.dates(), success_measures=st.lists(TEXT, max_size=3),
    notes=TEXT, archived=st.booleans(),
)


def check_round_trip(model: type[BaseModel], fields: dict[str, Any],
                     extras: dict[str, Any]) -> None:
    original = model.model_validate({**fields, **extras})
    text = json.dumps(original.model_dump(mode="json"))
    again = model.model_validate(json.loads(text))
    assert again.model_extra == extras
    assert again == original
    for name in model.model_fields:
        assert getattr(again, name) == getattr(original, name)
    # A second trip changes nothing at all.
    assert json.dumps(again.model_dump(mode="json")) == text


SETTINGS = settings(max_examples=60, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(fields=CONCESSIONS, extras=extras_for(Concession))
def test_concession_keeps_unknown_keys_through_json(fields: dict[str, Any],
                                                    extras: dict[str, Any]) -> None:
    check_round_trip(Concession, fields, extras)


@SETTINGS
@given(fields=TERMS, extras=extras_for(Term))
def test_term_keeps_unknown_keys_through_json(fields: dict[str, Any],
                                              extras: dict[str, Any]) -> None:
    check_round_trip(Term, fields, extras)


@SETTINGS
@given(fields=DEALS, extras=extras_for(Deal))
def test_deal_keeps_unknown_keys_through_json(fields: dict[str, Any],
                                              extras: dict[str, Any]) -> None:
    check_round_trip(Deal, fields, extras)
