"""Control characters in the data are shown as marks, never passed on as they are."""

from __future__ import annotations

import json
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from negtui.domain.text import CONTROL_CHARS, escape_json_controls, visible

ATTACK = "CLR\x1b[2J\x1b]0;pwned\x07END"
CONTROLS = [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F),
                             *range(0x2066, 0x206A)]]
# Any text, with the characters that matter mixed in often.
texts = st.text(st.sampled_from(CONTROLS) | st.characters(), max_size=40)


def _unsafe(text: str, allowed: str = "") -> list[str]:
    return [ch for ch in text if ch not in allowed and (
        unicodedata.category(ch) == "Cc" or "\u202a" <= ch <= "\u202e"
        or "\u2066" <= ch <= "\u2069")]


def test_an_escape_sequence_shows_as_pictures() -> None:
    assert visible(ATTACK) == "CLR␛[2J␛]0;pwned␇END"


def test_del_c1_and_bidi_controls_have_marks() -> None:
    assert visible("a\x7fb") == "a␡b"
    assert visible("\x9b31m") == "<U+009B>31m"
    assert visible("invoice\u202egpj.exe") == "invoice<U+202E>gpj.exe"
    assert visible("\u2066x\u2069") == "<U+2066>x<U+2069>"


def test_one_line_fields_show_newlines_and_turn_tabs_into_spaces() -> None:
    assert visible("Acme\nLtd\tUK") == "Acme␊Ltd UK"


def test_multi_line_text_keeps_its_lines_and_tabs() -> None:
    assert visible("first\r\nsecond\tcol\r\x1b", multiline=True) == "first\nsecond\tcol␍␛"


def test_ordinary_text_comes_back_unchanged() -> None:
    text = "Northwind — day rate €690 [bold] ✓ 日本"
    assert visible(text) is text


@given(texts)
def test_one_line_output_holds_no_control_at_all(text: str) -> None:
    assert _unsafe(visible(text)) == []


@given(texts)
def test_multi_line_output_holds_only_newlines_and_tabs(text: str) -> None:
    shown = visible(text, multiline=True)
    assert _unsafe(shown, allowed="\n\t") == []
    assert shown.count("\n") == text.replace("\r\n", "\n").count("\n")


@given(texts)
def test_text_without_controls_is_left_alone(text: str) -> None:
    if not CONTROL_CHARS.search(text):
        assert visible(text) == text == visible(text, multiline=True)


@given(st.dictionaries(texts, texts, max_size=4))
def test_json_stays_exact_and_carries_no_raw_control(document: dict[str, str]) -> None:
    written = escape_json_controls(json.dumps(document, ensure_ascii=False, indent=2))
    assert json.loads(written) == document
    assert _unsafe(written, allowed="\n") == []
