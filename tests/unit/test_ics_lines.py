"""Short calendar lines are written without icalendar's fold; every line must still come
out byte for byte as icalendar writes it, folded where it is long."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar.parser import Contentline

from negtui.export.ics import _line_bytes

# Lines around the fold (75 octets), with characters of one to four octets in UTF-8.
TEXT = st.text(alphabet=st.sampled_from(["a", ";", "\\", "^", ",", "é", "€", "𝄞", " "]),
               max_size=160)


@given(TEXT)
def test_a_line_is_written_as_icalendar_writes_it(text: str) -> None:
    line = Contentline(f"DESCRIPTION:{text}")
    assert _line_bytes(line) == line.to_ical()


@pytest.mark.parametrize("octets", [73, 74, 75, 76, 77])
@pytest.mark.parametrize("last", ["a", "é", "€"])
def test_lines_at_the_fold_are_written_as_icalendar_writes_them(octets: int, last: str) -> None:
    head = "SUMMARY:"
    filler = "x" * (octets - len(head) - len(last.encode()))
    line = Contentline(head + filler + last)
    assert len(str(line).encode()) == octets
    assert _line_bytes(line) == line.to_ical()


def test_a_long_line_is_folded() -> None:
    line = Contentline("SUMMARY:" + "é" * 60)
    assert b"\r\n " in _line_bytes(line)
