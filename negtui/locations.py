"""Where negtui keeps its data unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "negtui"
DATA_ENV = "NEGTUI_DATA"
CONFIG_ENV = "NEGTUI_CONFIG"
CONFIG_NAME = "config.toml"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_path() -> Path:
    """``$NEGTUI_CONFIG``, else ``config.toml`` in the platform's user config folder."""
    from_env = os.environ.get(CONFIG_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / CONFIG_NAME


def data_dir(explicit: str | None = None, configured: str | None = None) -> Path:
    """``--data`` first, then ``$NEGTUI_DATA``, then ``data`` from the config file, then
    the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_ENV)
    if from_env:
        return Path(from_env).expanduser()
    if configured:
        return Path(configured).expanduser()
    return own_places()[1]


def demo_dir(explicit: str | None = None) -> Path:
    """The demo never lands in the user's own data unless a folder is named."""
    return Path(explicit).expanduser() if explicit else own_places()[2]


def own_places() -> list[Path]:
    """The folders negtui picks and makes by itself, with no folder named: its platform
    folder and the portfolio and demo folders in it. Unlike a folder the user names (with
    ``--data``, ``$NEGTUI_DATA`` or the config file), these are negtui's to keep private."""
    base = user_data_dir()
    return [base, base / "portfolio", base / "demo"]


def tighten_own_places() -> None:
    """Make negtui's own places 0700 where an older negtui made them 0755."""
    from negtui.store.durable import tighten_dir

    for place in own_places():
        tighten_dir(place)
