"""The history escape walks back through: most recent first, never the place one is on,
never a place whose deal is gone, and bounded."""

from __future__ import annotations

from negtui.ui.places import HISTORY_LIMIT, History, Place


def _always(place: Place) -> bool:
    return True


def test_back_returns_the_places_left_most_recent_first() -> None:
    history = History()
    for mode in ("portfolio", "terms", "calendar"):
        history.left(Place(mode))
    assert history.back(Place("checklist"), _always) == Place("calendar")
    assert history.back(Place("calendar"), _always) == Place("terms")


def test_back_skips_the_place_one_is_on_and_places_whose_deal_is_gone() -> None:
    history = History()
    history.left(Place("portfolio"))
    history.left(Place("portfolio", "records:risks", deal_id="gone"))
    history.left(Place("terms"))
    back = history.back(Place("terms"), lambda place: place.deal_id != "gone")
    assert back == Place("portfolio")
    assert history.back(Place("portfolio"), _always) is None


def test_the_same_list_of_another_deal_is_another_place() -> None:
    history = History()
    history.left(Place("portfolio", "workspace", deal_id="a"))
    back = history.back(Place("portfolio", "workspace", deal_id="b"), _always)
    assert back is not None and back.deal_id == "a"


def test_only_the_most_recent_places_are_kept() -> None:
    history = History()
    for index in range(HISTORY_LIMIT + 10):
        history.left(Place("portfolio", f"records:{index}"))
    assert len(history) == HISTORY_LIMIT
    walked = []
    while (place := history.back(Place("terms"), _always)) is not None:
        walked.append(place.key)
    assert walked[0] == f"records:{HISTORY_LIMIT + 9}"
    assert walked[-1] == "records:10"
