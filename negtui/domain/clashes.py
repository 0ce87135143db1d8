"""Where an exclusivity or non-compete term reaches into another deal, read from its words.

A restriction covers what its wording names: the words of the term's name and of the
position on the table (the agreed wording, once agreed), leaving out small words ("in",
"the"), durations ("12 months", "2 years") and the words that only say it is a restriction
("exclusivity", "non-compete", "named competitors"). When nothing is left, the restriction
is taken to cover its own deal's markets.

It clashes with another deal under way when either

- every word it covers is found in what that deal is about: its markets, name,
  counterparty and market research note; or
- every word of one of that deal's markets is among the words it covers.

Two words match when they are the same, the same but for a plural "s", or when one starts
with the other and the shorter has at least five letters ("health", "healthcare").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from negtui.domain.book import DealBook
from negtui.domain.models import Deal, Term
from negtui.domain.vocab import BUSY_STATUSES, TermCategory, TermStatus

RESTRICTIVE = frozenset({TermCategory.EXCLUSIVITY, TermCategory.NON_COMPETE})
PREFIX_LETTERS = 5


def _listed(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS = _listed("""
    a an the and or nor of in on at to for from by with within without into onto over under
    across outside inside per as is are be been than then this that these those it its their
    our my your we us you they them any all each every no not none only other others same
    such after before during until till up out off also both either neither whole
""")
DURATION_WORDS = _listed("""
    day week month year quarter hour fortnight mo yr yrs wk wks
    one two three four five six seven eight nine ten eleven twelve eighteen twenty
    thirty forty fifty sixty half
""")
RESTRICTION_WORDS = _listed("""
    exclusivity exclusive exclusively non compete noncompete competing competition competitor
    named clause restriction restricted restrict lock market sector field industry area space
    work working client customer party
""")
_WORD = re.compile(r"[^\W\d_]+")


def _folded(word: str) -> str:
    word = word.casefold()
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def significant(text: str) -> dict[str, str]:
    """The words of ``text`` that say what something is about: folded form -> as written
    (in lower case)."""
    found: dict[str, str] = {}
    for word in _WORD.findall(text):
        folded = _folded(word)
        if (len(folded) > 1 and folded not in STOP_WORDS and folded not in DURATION_WORDS
                and folded not in RESTRICTION_WORDS):
            found.setdefault(folded, word.casefold())
    return found


def significant_words(text: str) -> frozenset[str]:
    return frozenset(significant(text))


def words_match(one: str, other: str) -> bool:
    if one == other:
        return True
    short, long = sorted((one, other), key=len)
    return len(short) >= PREFIX_LETTERS and long.startswith(short)


def _match(word: str, words: frozenset[str]) -> str | None:
    if word in words:
        return word
    return next((candidate for candidate in words if words_match(word, candidate)), None)


def covered_words(book: DealBook, term: Term) -> frozenset[str]:
    """What a restriction covers, by the rule above."""
    words = significant_words(f"{term.name} {term.on_table}")
    if words:
        return words
    return frozenset().union(*(significant_words(m) for m in book.deal.markets))


def deal_words(deal: Deal) -> dict[str, str]:
    """What a deal is about: its markets, name, counterparty and market research."""
    return significant(" ".join([*deal.markets, deal.name, deal.counterparty,
                                 deal.research.market]))


@dataclass(frozen=True)
class About:
    """What a deal is about, worked out once to compare with every restriction."""

    words: dict[str, str]
    """``deal_words`` of the deal."""
    markets: list[tuple[str, frozenset[str]]]
    """Each market as typed, with its significant words."""
    starts: dict[str, str]
    """Each start of at least ``PREFIX_LETTERS`` letters of a word -> that word."""

    @classmethod
    def of(cls, deal: Deal) -> About:
        words = deal_words(deal)
        starts = {word[:end]: word for word in words
                  for end in range(PREFIX_LETTERS, len(word) + 1)}
        return cls(words, [(m, significant_words(m)) for m in deal.markets], starts)

    def match(self, word: str) -> str | None:
        """The deal's word that ``word`` matches (see ``words_match``), as written."""
        if word in self.words:
            return self.words[word]
        if word in self.starts:  # the deal's word starts with this one
            return self.words[self.starts[word]]
        for end in range(len(word) - 1, PREFIX_LETTERS - 1, -1):  # or the other way round
            if word[:end] in self.words:
                return self.words[word[:end]]
        return None


def reach(covered: frozenset[str], other: Deal, about: About | None = None) -> list[str] | None:
    """The words (as the other deal writes them) by which a restriction reaches ``other``,
    or None when it does not. ``about`` is ``About.of(other)`` when worked out already."""
    if not covered:
        return None
    about = About.of(other) if about is None else about
    found = []
    for word in sorted(covered):
        match = about.match(word)
        if match is None:
            break
        found.append(match)
    else:
        return sorted(set(found))
    for market, words in about.markets:
        if words and all(_match(word, covered) for word in words):
            return [market]
    return None


Clash = tuple[DealBook, Term, list[tuple[Deal, list[str]]]]


def _busy(books: Iterable[DealBook]) -> list[DealBook]:
    return [b for b in books if not b.deal.archived and b.deal.status in BUSY_STATUSES]


class _Index:
    """Which deals have a word that a given word could match (see ``words_match``):
    every deal a restriction can reach is among those of one of the words it covers, so
    only they are compared with it, not every deal under way."""

    def __init__(self, busy: list[DealBook], about: dict[str, About]) -> None:
        self._by_key: dict[str, set[int]] = {}
        for place, book in enumerate(busy):
            found = about[book.id]
            keys = {*found.words, *found.starts}
            for _, words in found.markets:
                keys.update(words)
                keys.update(word[:end] for word in words
                            for end in range(PREFIX_LETTERS, len(word) + 1))
            for key in keys:
                self._by_key.setdefault(key, set()).add(place)

    def candidates(self, covered: frozenset[str]) -> list[int]:
        """The places in ``busy`` of the deals a restriction covering ``covered`` may
        reach, in order: each has a word equal to, or starting, one covered word, or one
        that starts with it (the shorter of at least ``PREFIX_LETTERS`` letters)."""
        places: set[int] = set()
        for word in covered:
            for end in (len(word), *range(PREFIX_LETTERS, len(word))):
                places.update(self._by_key.get(word[:end], ()))
        return sorted(places)


def restrictive_clashes(books: Iterable[DealBook]) -> list[Clash]:
    """Exclusivity or non-compete terms, on the table or agreed in a deal under way, with
    every other deal under way they reach (and the words they reach it by)."""
    busy = _busy(books)
    about = {b.id: About.of(b.deal) for b in busy}
    index: _Index | None = None
    found: list[Clash] = []
    for book in busy:
        for term in book.terms:
            if term.category not in RESTRICTIVE or term.status not in (TermStatus.OPEN,
                                                                       TermStatus.AGREED):
                continue
            index = index or _Index(busy, about)
            covered = covered_words(book, term)
            others: list[tuple[Deal, list[str]]] = []
            for place in index.candidates(covered):
                other = busy[place]
                if other.id == book.id:
                    continue
                words = reach(covered, other.deal, about[other.id])
                if words is not None:
                    others.append((other.deal, words))
            if others:
                found.append((book, term, others))
    return found
