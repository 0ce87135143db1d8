"""Two people's versions of one deal file merge record by record, then field by field."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from negtui.domain.merge import WHOLE_RECORD, merge_tables, records_by_id


def _file(*terms: dict[str, Any], concessions: tuple[dict[str, Any], ...] = ()
          ) -> dict[str, Any]:
    return {
        "_meta": {"1": {"version": 3}},
        "deal": {"1": {"id": "d1", "name": "Northwind"}},
        "terms": {str(n): t for n, t in enumerate(terms, start=1)},
        "concessions": {str(n): c for n, c in enumerate(concessions, start=1)},
    }


RATE = {"id": "t1", "name": "Rate", "on_table": "650", "ideal": "700"}
SCOPE = {"id": "t2", "name": "Scope", "on_table": "", "ideal": "two teams"}


def _edited(doc: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {**doc, **fields}


def test_entries_logged_on_both_sides_are_all_kept():
    base = _file(RATE)
    ours = _file(RATE, concessions=({"id": "c1", "what": "net 45"},))
    theirs = _file(RATE, concessions=({"id": "c2", "what": "two reviews"},))
    merged = merge_tables(base, ours, theirs, ours_later=True)
    assert merged is not None and merged.clashes == []
    held = {doc["id"] for doc in merged.tables["concessions"].values()}
    assert held == {"c1", "c2"}
    # The arrival could not keep key "1": ours holds it.
    assert set(merged.tables["concessions"]) == {"1", "2"}


def test_fields_changed_on_one_side_each_merge_without_a_clash():
    base = _file(RATE)
    ours = _file(_edited(RATE, on_table="680"))
    theirs = _file(_edited(RATE, ideal="720"))
    merged = merge_tables(base, ours, theirs, ours_later=False)
    assert merged is not None and merged.clashes == []
    assert merged.tables["terms"]["1"] == _edited(RATE, on_table="680", ideal="720")


def test_a_field_changed_on_both_sides_takes_the_later_and_reports_both_values():
    base = _file(RATE)
    ours = _file(_edited(RATE, on_table="680"))
    theirs = _file(_edited(RATE, on_table="690"))
    for ours_later, kept in ((True, "680"), (False, "690")):
        merged = merge_tables(base, ours, theirs, ours_later=ours_later)
        assert merged is not None
        (clash,) = merged.clashes
        assert (clash.table, clash.record_name, clash.field) == ("terms", "Rate", "on_table")
        assert (clash.ours, clash.theirs, clash.kept) == ("680", "690", kept)
        assert merged.tables["terms"]["1"]["on_table"] == kept


def test_removed_on_one_side_and_untouched_on_the_other_goes():
    base = _file(RATE, SCOPE)
    ours = _file(RATE)
    theirs = _file(RATE, SCOPE)
    merged = merge_tables(base, ours, theirs, ours_later=False)
    assert merged is not None and merged.clashes == []
    assert [t["id"] for t in merged.tables["terms"].values()] == ["t1"]


def test_removed_on_one_side_and_changed_on_the_other_is_kept_and_reported():
    base = _file(RATE, SCOPE)
    ours = _file(RATE)
    theirs = _file(RATE, _edited(SCOPE, ideal="one team"))
    merged = merge_tables(base, ours, theirs, ours_later=True)
    assert merged is not None
    (clash,) = merged.clashes
    assert clash.field == WHOLE_RECORD and clash.record_name == "Scope"
    assert {t["id"] for t in merged.tables["terms"].values()} == {"t1", "t2"}


def test_a_file_removed_on_one_side_and_untouched_on_the_other_goes():
    assert merge_tables(_file(RATE), None, _file(RATE), ours_later=True) is None


def test_two_files_with_no_common_past_merge_as_if_from_nothing():
    merged = merge_tables(None, _file(RATE), _file(SCOPE), ours_later=True)
    assert merged is not None and merged.clashes == []
    assert {t["id"] for t in merged.tables["terms"].values()} == {"t1", "t2"}


# Properties over arbitrary small files.

IDS = st.sampled_from(["a", "b", "c", "d"])
VALUES = st.one_of(st.integers(0, 3), st.sampled_from(["", "x", "y"]), st.none())
DOCS = st.dictionaries(st.sampled_from(["name", "on_table", "note"]), VALUES, max_size=3)


@st.composite
def files(draw: st.DrawFn) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for table in draw(st.lists(st.sampled_from(["terms", "concessions"]), unique=True)):
        ids = draw(st.lists(IDS, unique=True, max_size=4))
        tables[table] = {str(n): {**draw(DOCS), "id": ident}
                         for n, ident in enumerate(ids, start=1)}
    return tables


@st.composite
def edited(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """``base`` with some records edited, removed or added."""
    result = copy.deepcopy(base)
    for table in list(result):
        for key in list(result[table]):
            action = draw(st.sampled_from(["keep", "keep", "edit", "drop"]))
            if action == "drop":
                del result[table][key]
            elif action == "edit":
                result[table][key].update(draw(DOCS))
        for ident in draw(st.lists(st.sampled_from(["e", "f", "g"]), unique=True, max_size=2)):
            result[table][str(len(result[table]) + 10)] = {**draw(DOCS), "id": ident}
    return result


@given(files(), files(), st.booleans())
def test_merging_two_identical_sides_gives_that_side(base, side, ours_later):
    merged = merge_tables(base, side, copy.deepcopy(side), ours_later)
    assert merged is not None and merged.tables == side and merged.clashes == []


@given(files(), files(), st.booleans())
def test_a_side_that_did_not_change_takes_the_other_whole(base, other, ours_later):
    for merged in (merge_tables(base, base, other, ours_later),
                   merge_tables(base, other, base, ours_later)):
        assert merged is not None and merged.clashes == []
        assert records_by_id(merged.tables) == records_by_id(other)


@given(st.data())
def test_a_record_added_on_one_side_survives(data):
    base = data.draw(files())
    ours = data.draw(edited(base))
    theirs = data.draw(edited(base))
    merged = merge_tables(base, ours, theirs, data.draw(st.booleans()))
    assert merged is not None
    held = records_by_id(merged.tables)
    before = records_by_id(base)
    for side in (ours, theirs):
        for place in records_by_id(side).keys() - before.keys():
            assert place in held


@given(st.data())
def test_without_a_clash_the_merge_does_not_depend_on_whose_side_is_whose(data):
    base = data.draw(files())
    ours = data.draw(edited(base))
    theirs = data.draw(edited(base))
    one = merge_tables(base, ours, theirs, True)
    other = merge_tables(base, theirs, ours, False)
    assert one is not None and other is not None
    if not one.clashes:
        assert records_by_id(one.tables) == records_by_id(other.tables)
    assert len(one.clashes) == len(other.clashes)


@given(st.data())
def test_every_value_lost_from_a_side_is_in_a_clash(data):
    """Nothing silently lost: a field one side changed is either in the merge or reported."""
    base = data.draw(files())
    ours = data.draw(edited(base))
    theirs = data.draw(edited(base))
    merged = merge_tables(base, ours, theirs, data.draw(st.booleans()))
    assert merged is not None
    held, before = records_by_id(merged.tables), records_by_id(base)
    reported = {(c.table, c.record_id) for c in merged.clashes}
    for side in (ours, theirs):
        for place, doc in records_by_id(side).items():
            if doc == before.get(place) or place in reported:
                continue
            assert place in held
            for field, value in doc.items():
                if value != before.get(place, {}).get(field, object()):
                    assert held[place].get(field) == value


def test_what_changed_between_two_versions_is_counted_by_list():
    from negtui.domain.merge import changed_records

    before = _file(RATE, SCOPE, concessions=({"id": "c1", "what": "net 45"},))
    after = _file(_edited(RATE, on_table="700"),
                  concessions=({"id": "c1", "what": "net 45"}, {"id": "c2", "what": "x"}))
    assert changed_records(before, after) == {"concessions": (1, 0, 0), "terms": (0, 1, 1)}
    assert changed_records(after, after) == {}
