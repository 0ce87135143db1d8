"""Where negtui keeps its data unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "negtui"
DATA_ENV = "NEGTUI_DATA"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def data_dir(explicit: str | None = None) -> Path:
    """``--data`` first, then ``$NEGTUI_DATA``, then the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return user_data_dir() / "portfolio"


def demo_dir(explicit: str | None = None) -> Path:
    """The demo never lands in the user's own data unless a folder is named."""
    return Path(explicit).expanduser() if explicit else user_data_dir() / "demo"
