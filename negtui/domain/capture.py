"""Reading the one line typed during a call into a concession.

The line is plain words plus a few marks, in any order:

    #term      the term it touched (a unique start of its name; spaces written as '-',
               or typed: the words after it that go on with the term's name are its name)
    us:N       its value to us, 1-10
    them:N     its value to them, 1-10
    =POSITION  where the term now stands: =690, =690 EUR, =45 days, =logistics only
               (after an amount, a currency code in capitals or a sign, a unit of time,
               a percent sign, or the term's own unit belongs to it; a position in words
               runs to the next mark or the end of the line; ="..." for words mid-line)
    @deal      another deal it was traded against (a unique start of its name)
    // note    everything after two slashes is a note

Whatever is left is what happened. ``parse_capture`` never raises: anything it cannot
use becomes a problem to show beside the line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from negtui.domain.currencies import ISO_4217, SIGNS
from negtui.domain.lookup import NoUniqueMatch, resolve, slug
from negtui.domain.models import Deal, Term
from negtui.domain.text import quoted

Named = TypeVar("Named", Term, Deal)

CAPTURE_HELP = "#term us:N them:N =position @deal // note   tab completes · enter saves"

CAPTURE_SYNTAX = (
    ("#term", "In the line: the term it touched"),
    ("us:N them:N", "In the line: its value to us, to them (1-10)"),
    ("=position", 'In the line: the term now at =690 or ="45 days"'),
    ("@deal", "In the line: another deal it was traded against"),
    ("// note", "In the line: a note, all after the slashes"),
)
"""The marks a capture line understands, as help lists them: each with what it says."""

NOTE_MARK = "//"
TERM_MARK = "#"
DEAL_MARK = "@"

# A currency after an amount: a code in capitals even where the rest ignores case.
_CURRENCY = "(?-i:" + "|".join([*sorted(ISO_4217), *map(re.escape, sorted(SIGNS))]) + ")"
# Units any term may be measured in, written after an amount.
_UNIT = r"(?:(?:business[ ]|working[ ])?(?:days?|weeks?|months?|years?|hours?)|%)"
_TOKEN = re.compile(
    r"""
    (?<!\S)(?:
        \#(?P<term>[^\s#@=]*)
      | @(?P<deal>[^\s#@=]*)
      | (?P<side>us|them):(?P<number>\S*)
      | =(?:"(?P<quoted>[^"]*)"?
           |(?P<amount>[-+]?\d[\d,.]*[kKmM]?)[ ]+(?P<currency>CURRENCY|UNIT)
           |(?P<bare>\S*))
    )(?=\s|$)
    """.replace("CURRENCY", _CURRENCY).replace("UNIT", _UNIT),
    re.VERBOSE | re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_AMOUNT = re.compile(r"[-+]?\d[\d,.]*[kKmM]?")
# The next word on the line, when it is not itself a mark.
_WORD_AFTER = re.compile(r"[ \t]+(?!#|@|=|(?i:us|them):)(\S+)")
# The plain words that follow, up to the next mark.
_WORDS_AFTER = re.compile(r"(?:[ \t]+(?!#|@|=|(?i:us|them):)\S+)+")
# How many words after a #term are compared with the rest of the term's name.
_NAME_WORDS = 6


@dataclass(frozen=True)
class Capture:
    """What one typed line says, before the names in it are looked up."""

    what: str = ""
    term: str | None = None
    value_us: int | None = None
    value_them: int | None = None
    position: str | None = None
    deal: str | None = None
    note: str = ""
    problems: tuple[str, ...] = ()
    # The word typed right after a bare amount (=45 EUR/day), and what happened without
    # it: that word belongs to the position when it is the term's own unit.
    word_after: str | None = None
    what_without_word: str = ""
    word_at: tuple[int, int] | None = None
    # The plain words right after #term (start, end, word), which belong to the term when
    # they go on with its name ("#Day rate"); the line they are in, before any note, with
    # what is not "what happened" already blanked out.
    term_tail: tuple[tuple[int, int, str], ...] = ()
    line: str = ""


def _value(side: str, number: str, problems: list[str]) -> int | None:
    if not number.isdigit() or not 1 <= int(number) <= 10:
        typed = f", not {quoted(number)}" if number else ""
        problems.append(f"{side}: takes a whole number from 1 to 10{typed}")
        return None
    return int(number)


def parse_capture(text: str) -> Capture:
    """Split a typed line into its parts; problems are listed, never raised."""
    line, mark, note = text.partition(NOTE_MARK)
    problems: list[str] = []
    found: dict[str, str | int | None] = {}

    def once(key: str, value: str | int | None, label: str) -> None:
        if key in found and found[key] != value:
            problems.append(f"{label} is given twice; keep one")
        else:
            found[key] = value

    after: re.Match[str] | None = None
    term_tail: tuple[tuple[int, int, str], ...] = ()
    # Words of a position in words: not part of what happened.
    taken: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(line):
        if match.group("term") is not None:
            reference = match.group("term")
            if reference:
                once("term", reference, "a term (#)")
                term_tail = _words_at(line, match.end())
            else:
                problems.append("name a term after #, or press tab to pick one")
        elif match.group("deal") is not None:
            reference = match.group("deal")
            if reference:
                once("deal", reference, "another deal (@)")
            else:
                problems.append("name a deal after @, or press tab to pick one")
        elif match.group("side") is not None:
            side = match.group("side").casefold()
            value = _value(side, match.group("number"), problems)
            if value is not None:
                once(side, value, f"{side}:")
        else:
            if match.group("quoted") is not None:
                position = match.group("quoted").strip()
            elif match.group("currency") is not None:
                position = f"{match.group('amount')} {match.group('currency')}"
            else:
                position = (match.group("bare") or "").strip()
                if _AMOUNT.fullmatch(position):
                    after = _WORD_AFTER.match(line, match.end())
                elif position and (more := _WORDS_AFTER.match(line, match.end())):
                    position = _SPACES.sub(" ", position + more.group(0))
                    taken.append(more.span())
            if position:
                once("position", position, "a new position (=)")
            else:
                problems.append('write the new position after =, e.g. =690 or ="45 days"')
    line = _blank(line, taken)
    what = _what_of(line)
    word_after, without, word_at = None, what, None
    if after is not None:
        word_after, word_at = after.group(1), after.span(1)
        without = _what_of(_blank(line, [word_at]))

    def text_of(key: str) -> str | None:
        value = found.get(key)
        return value if isinstance(value, str) else None

    def number_of(key: str) -> int | None:
        value = found.get(key)
        return value if isinstance(value, int) else None

    return Capture(
        what=what, term=text_of("term"), value_us=number_of("us"),
        value_them=number_of("them"), position=text_of("position"), deal=text_of("deal"),
        note=_SPACES.sub(" ", note).strip() if mark else "", problems=tuple(problems),
        word_after=word_after, what_without_word=without, word_at=word_at,
        term_tail=term_tail, line=line,
    )


def _words_at(line: str, start: int) -> tuple[tuple[int, int, str], ...]:
    """The plain words from ``start`` up to the next mark (at most a name's worth)."""
    found = _WORDS_AFTER.match(line, start)
    if found is None:
        return ()
    return tuple((word.start(), word.end(), word.group())
                 for word in re.finditer(r"\S+", line[:found.end()]) if word.start() >= start
                 )[:_NAME_WORDS]


def _blank(line: str, spans: Sequence[tuple[int, int]]) -> str:
    """``line`` with each span turned to spaces, every other character where it was."""
    for start, end in spans:
        line = line[:start] + " " * (end - start) + line[end:]
    return line


def _what_of(line: str) -> str:
    """What happened: the line without its marks, spaces made single."""
    return _SPACES.sub(" ", _TOKEN.sub(" ", line)).strip()


def _name_goes_on(reference: str, term: Term, tail: Sequence[tuple[int, int, str]]
                  ) -> list[tuple[int, int]]:
    """The words of ``tail`` that continue ``term``'s name after ``reference``, as spans:
    "#Day" then "rate" for the term "Day rate"."""
    name, typed = slug(term.name).split("-"), slug(reference).split("-")
    if name[:len(typed)] != typed:
        return []
    spans: list[tuple[int, int]] = []
    for offset, (start, end, word) in enumerate(tail):
        index = len(typed) + offset
        if index >= len(name) or slug(word) != name[index]:
            break
        spans.append((start, end))
    return spans


def _find(reference: str, items: Sequence[Named], what: str) -> tuple[Named | None, str | None]:
    try:
        return resolve(reference, items, id_of=lambda item: item.id,
                       name_of=lambda item: item.name, what=what), None
    except NoUniqueMatch as problem:
        return None, str(problem)


@dataclass(frozen=True)
class ResolvedCapture:
    """A capture with its names looked up in the deal, ready to become a concession."""

    capture: Capture
    what: str
    term: Term | None = None
    linked_deal: Deal | None = None
    problems: tuple[str, ...] = field(default=())


def resolve_capture(capture: Capture, terms: Sequence[Term], deals: Sequence[Deal],
                    own_deal_id: str) -> ResolvedCapture:
    """Look up #term among the deal's terms and @deal among the other deals."""
    problems = list(capture.problems)
    term: Term | None = None
    linked: Deal | None = None
    if capture.term is not None:
        term, problem = _find(capture.term, terms, "term")
        if problem:
            problems.append(problem)
    if capture.deal is not None:
        others = [deal for deal in deals if deal.id != own_deal_id]
        linked, problem = _find(capture.deal, others, "other deal")
        if problem:
            problems.append(problem)
    if capture.position is not None and capture.term is None:
        problems.append("a new position (=) needs the term it belongs to (#term)")
    if term is not None and capture.term is not None \
            and (spans := _name_goes_on(capture.term, term, capture.term_tail)):
        line = _blank(capture.line, spans)
        capture = replace(capture, line=line, what=_what_of(line), term_tail=(),
                          what_without_word=_what_of(_blank(
                              line, [capture.word_at] if capture.word_at else [])))
    what = capture.what
    if term is not None and capture.word_after is not None and term.unit \
            and capture.word_after.casefold() == term.unit.strip().casefold():
        capture = replace(capture, position=f"{capture.position} {capture.word_after}",
                          what=capture.what_without_word, word_after=None)
        what = capture.what
    if not what and term is not None:
        what = f"{term.name} to {capture.position}" if capture.position else term.name
    if not what and not problems:
        problems.append("say what happened, or name the term with #")
    return ResolvedCapture(capture, what, term, linked, tuple(problems))


@dataclass(frozen=True)
class Completing:
    """The #term or @deal word under the cursor."""

    mark: str
    start: int
    end: int
    prefix: str


def completing_at(text: str, cursor: int) -> Completing | None:
    """The # or @ word the cursor is in or just after, if any."""
    cursor = max(0, min(cursor, len(text)))
    if NOTE_MARK in text[:cursor]:
        return None
    start = cursor
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = cursor
    while end < len(text) and not text[end].isspace():
        end += 1
    word = text[start:end]
    if len(word) < 1 or word[0] not in (TERM_MARK, DEAL_MARK):
        return None
    prefix = text[start + 1:cursor]
    if any(mark in prefix for mark in (TERM_MARK, DEAL_MARK, "=")):
        return None
    return Completing(word[0], start, end, prefix)


def candidates(prefix: str, names: Sequence[str], limit: int = 8) -> list[str]:
    """Names for a typed start: those starting with it first, then those containing it."""
    wanted = slug(prefix)
    starting = [name for name in names if slug(name).startswith(wanted)]
    inside = [name for name in names if wanted and wanted in slug(name)
              and name not in starting]
    return (starting + inside)[:limit]


def complete(text: str, where: Completing, name: str) -> tuple[str, int]:
    """The line with the word replaced by the chosen name, and the new cursor position."""
    replacement = f"{where.mark}{slug(name)}"
    after = text[where.end:]
    if not after.startswith(" "):
        after = " " + after
    new_text = text[:where.start] + replacement + after
    return new_text, where.start + len(replacement) + 1
