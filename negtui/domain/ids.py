"""Stable string ids, independent of TinyDB's document numbers."""

from __future__ import annotations

import random
import secrets
import string

_ALPHABET = string.ascii_lowercase + string.digits


def new_id(prefix: str, rng: random.Random | None = None) -> str:
    """A short id such as ``c-k3v9x2qa``; pass a seeded ``rng`` for reproducible data."""
    if rng is None:
        body = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    else:
        body = "".join(rng.choice(_ALPHABET) for _ in range(8))
    return f"{prefix}-{body}"
