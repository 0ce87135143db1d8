"""Counts written as a person would say them."""

from __future__ import annotations

import pytest

from negtui.domain.words import counted


@pytest.mark.parametrize(("count", "noun", "plural", "text"), [
    (1, "review checkpoint", None, "1 review checkpoint"),
    (0, "review checkpoint", None, "0 review checkpoints"),
    (2, "term", None, "2 terms"),
    (1, "person", "people", "1 person"),
    (3, "person", "people", "3 people"),
    (50000, "concession", None, "50,000 concessions"),
])
def test_counted(count: int, noun: str, plural: str | None, text: str) -> None:
    assert counted(count, noun, plural) == text
