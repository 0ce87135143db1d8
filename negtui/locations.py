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
    return user_data_dir() / "portfolio"


def demo_dir(explicit: str | None = None) -> Path:
    """The demo never lands in the user's own data unless a folder is named."""
    return Path(explicit).expanduser() if explicit else user_data_dir() / "demo"
