"""The rows of a tall window shared between stacked panes: each gets its floor, then
what it holds, the rows left going to those that hold more."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negtui.domain.room import share_rows


def test_panes_that_all_fit_get_what_they_hold() -> None:
    assert share_rows(40, [10, 5, 12], [3, 3, 3]) == [10, 5, 12]


def test_the_rows_left_after_a_short_pane_go_to_the_long_ones() -> None:
    # The table holds 6 rows; the brief and the detail share the rest evenly.
    assert share_rows(36, [30, 6, 40], [3, 3, 3]) == [15, 6, 15]


def test_rows_that_do_not_divide_go_to_the_earlier_panes() -> None:
    assert share_rows(11, [20, 20], [0, 0]) == [6, 5]


def test_a_pane_gets_its_floor_even_when_it_holds_less() -> None:
    assert share_rows(20, [1, 30], [3, 0]) == [3, 17]


def test_floors_too_tall_for_the_window_are_kept() -> None:
    assert share_rows(5, [10, 10], [4, 4]) == [4, 4]


def test_a_floor_for_each_pane() -> None:
    with pytest.raises(ValueError):
        share_rows(10, [1, 2], [1])


panes = st.lists(st.tuples(st.integers(0, 80), st.integers(0, 12)), min_size=1, max_size=6)


@given(st.integers(0, 200), panes)
def test_shares_keep_to_the_floors_the_wants_and_the_window(
        total: int, sizes: list[tuple[int, int]]) -> None:
    wants = [want for want, _ in sizes]
    floors = [floor for _, floor in sizes]
    shares = share_rows(total, wants, floors)
    assert len(shares) == len(sizes)
    assert all(share >= floor for share, floor in zip(shares, floors, strict=True))
    # None past what it holds, unless its floor is more.
    assert all(share <= max(want, floor) for share, want, floor in zip(shares, wants, floors,
                                                                        strict=True))
    if sum(floors) <= total:
        assert sum(shares) <= total
        # Rows are left over only when every pane has all it holds.
        if sum(shares) < total:
            assert all(share >= want for share, want in zip(shares, wants, strict=True))
    else:
        assert shares == floors


@given(st.integers(0, 200), panes)
def test_no_pane_is_kept_short_while_another_gets_more_than_its_share(
        total: int, sizes: list[tuple[int, int]]) -> None:
    wants = [want for want, _ in sizes]
    floors = [floor for _, floor in sizes]
    shares = share_rows(total, wants, floors)
    # A pane still short of what it holds has, beyond its floor, at most one row less
    # than any other pane has beyond its floor.
    extra = [share - floor for share, floor in zip(shares, floors, strict=True)]
    for index, share in enumerate(shares):
        if share < max(wants[index], floors[index]):
            assert all(extra[index] + 1 >= other for other in extra)
