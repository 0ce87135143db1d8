"""Text from the data, made safe to show: characters a terminal would act on become marks.

A deal name, a note or a concession typed in a script may hold characters a terminal obeys
instead of printing: ESC starts a sequence that can clear the screen or retitle the
window, BEL rings, a carriage return or backspace writes over what came before, and the
bidi overrides and isolates reorder the text after them so it reads as something else.
Wherever such text is shown (the app, a dossier, a calendar file, a line on stderr) it
first goes through ``visible``, which gives each of them a mark of its own:

- C0 controls, U+0000 to U+001F: the Unicode control pictures U+2400 to U+241F
  (ESC shows as ␛, BEL as ␇, NUL as ␀, CR as ␍); DEL, U+007F, shows as ␡;
- C1 controls, U+0080 to U+009F, and the bidi embeddings, overrides and isolates,
  U+202A to U+202E and U+2066 to U+2069: their code point in angle brackets,
  as in <U+202E>.

Multi-line text (notes, research, objectives) keeps its newlines and tabs, and a carriage
return just before a newline is dropped. In a one-line field (a name, a table cell) a tab
becomes a space and a newline shows as ␊. What is stored is never changed: only what is
shown.
"""

from __future__ import annotations

import re

# Every character `visible` replaces, newline and tab included.
CONTROL_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Those a JSON writer leaves as they are (it escapes U+0000 to U+001F itself).
_JSON_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _mark(code: int) -> str:
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


_ONE_LINE = {code: _mark(code) for code in
             [*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
_ONE_LINE[ord("\t")] = " "
_MULTI_LINE = {code: mark for code, mark in _ONE_LINE.items() if chr(code) not in "\n\t"}


def mark_of(char: str) -> str:
    """The mark ``visible`` shows for one control character (in multi-line text)."""
    return _MULTI_LINE.get(ord(char), char)


def visible(text: str, *, multiline: bool = False) -> str:
    """``text`` with every control character replaced by a visible mark (see above)."""
    if not CONTROL_CHARS.search(text):
        return text
    if multiline:
        return text.replace("\r\n", "\n").translate(_MULTI_LINE)
    return text.translate(_ONE_LINE)


def escape_json_controls(document: str) -> str:
    """A JSON text with DEL, the C1 controls and the bidi controls written as ``\\uXXXX``.

    JSON writers escape U+0000 to U+001F but leave these raw, and a terminal showing the
    file may act on them. They can stand only inside strings, where the escape reads back
    as the very same character, so the document means exactly what it meant.
    """
    return _JSON_RAW.sub(lambda found: f"\\u{ord(found.group()):04x}", document)


def quoted(text: str) -> str:
    """What a person typed, quoted back to them in a message: “15/12/2026”. Control
    characters show as their marks, as everywhere else text is shown."""
    return f"\u201c{visible(text)}\u201d"
