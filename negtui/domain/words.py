"""Small helpers for writing counts the way a person would say them."""

from __future__ import annotations


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """'1 term', '2 terms', '0 terms', '1,200 concessions'; ``plural`` for nouns that do not
    just take an 's' ('person', 'people')."""
    noun = singular if count == 1 else (plural or f"{singular}s")
    return f"{count:,} {noun}"


def with_article(word: str) -> str:
    """'a prospect', 'an agreed', 'an active': the article the word's first sound takes."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"
