"""Reading the user's config file, and keeping the theme chosen in the app in it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from negtui.domain.config import ConfigProblem, ConfigRead, ConfigRules, UserConfig, read_config
from negtui.domain.models import Settings
from negtui.store.durable import make_private_dirs, write_atomically


class ConfigNotKept(Exception):
    """The file could not be changed; the message says why, naming it."""


def load_config(path: Path, rules: ConfigRules | None = None) -> ConfigRead:
    """What the file at ``path`` sets; a missing file sets nothing and is no problem."""
    text, problem = _read(path)
    if problem is not None:
        return ConfigRead(UserConfig(), [problem])
    return read_config(text or "", rules or ConfigRules())


def _read(path: Path) -> tuple[str | None, ConfigProblem | None]:
    try:
        return path.read_text(encoding="utf-8-sig"), None
    except FileNotFoundError:
        return None, None
    except OSError as error:
        return None, ConfigProblem(1, f"cannot read it: {error.strerror or error}")
    except UnicodeDecodeError:
        return None, ConfigProblem(1, "it is not UTF-8 text")


def first_settings(config: UserConfig) -> Settings:
    """The settings a new portfolio starts with: the user's time zone and currency."""
    chosen = {"timezone": config.timezone, "default_currency": config.currency}
    return Settings.model_validate({name: value for name, value in chosen.items() if value})


_THEME_LINE = re.compile(r"""^\s*(?:theme|"theme"|'theme')\s*=.*$""", re.MULTILINE)
_FIRST_TABLE = re.compile(r"^\s*\[", re.MULTILINE)


def keep_theme(path: Path, theme: str) -> None:
    """Set ``theme`` in the file, leaving every other line as it was. A file that is not
    valid TOML is never rewritten: what the user wrote in it would be at stake."""
    text, problem = _read(path)
    if problem is not None:
        raise ConfigNotKept(f"{path}: {problem.message}")
    text = text or ""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raise ConfigNotKept(f"{path} has a mistake in it (`negtui config check`)") from None
    line = f"theme = {_toml_string(theme)}"
    header = _FIRST_TABLE.search(text)
    top = text[:header.start()] if header else text
    if _THEME_LINE.search(top):
        top = _THEME_LINE.sub(lambda _: line, top, count=1)
    else:
        top = f"{line}\n{top}"
    changed = top + (text[header.start():] if header else "")
    try:
        tomllib.loads(changed)
        if not path.parent.is_dir():
            make_private_dirs(path.parent)
        write_atomically(path, changed)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigNotKept(f"{path}: cannot write it: "
                            f"{getattr(error, 'strerror', None) or error}") from None


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
