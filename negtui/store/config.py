"""Reading the user's config file, and keeping the theme chosen in the app in it."""

from __future__ import annotations

import contextlib
import os
import re
import tomllib
from pathlib import Path

from negtui.domain.config import ConfigProblem, ConfigRead, ConfigRules, UserConfig, read_config
from negtui.domain.dates import zone_problem
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
    """The settings a new portfolio starts with: the user's currency, and no time zone of
    its own, so it follows the user's (the config file's, else the system's)."""
    chosen: dict[str, object] = {"zone_chosen": False, "timezone": default_zone(config)}
    if config.currency:
        chosen["default_currency"] = config.currency
    return Settings.model_validate(chosen)


def default_zone(config: UserConfig) -> str:
    """The zone of a portfolio that sets none: the config file's, else the system's."""
    return config.timezone or system_zone()


_ZONEINFO = re.compile(r"/zoneinfo/(.+)$")


def system_zone() -> str:
    """The system's time zone by name ($TZ, else /etc/localtime, else /etc/timezone);
    UTC when none of them names one negtui knows."""
    found = [os.environ.get("TZ", "").removeprefix(":")]
    with contextlib.suppress(OSError):
        link = _ZONEINFO.search(os.path.realpath("/etc/localtime"))
        found.append(link.group(1) if link else "")
    with contextlib.suppress(OSError, UnicodeDecodeError):
        found.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for name in found:
        if name and zone_problem(name) is None:
            return "UTC" if name in _UTC_ALIASES else name
    return "UTC"


# Names the system may give plain UTC; the app shows it by its short name.
_UTC_ALIASES = frozenset({"Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT",
                          "Universal", "Zulu", "Etc/GMT", "GMT"})


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
