"""The user's own settings file: what it may hold, and every problem in it with its line.

The file is TOML. A problem never stops anything: the entry at fault is left out, the
rest is used, and each problem names the line it is on, so ``FILE:LINE: message`` leads
the user straight to it.
"""

from __future__ import annotations

import re
import tomllib
import zoneinfo
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from negtui.domain.fields import Currency
from negtui.domain.text import quoted

KEYS_TABLE = "keys"


def _zone(name: str | None) -> str | None:
    if name is None:
        return None
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{quoted(name)} is not a time zone I know (e.g. Europe/Berlin)") from None
    return name


class UserConfig(BaseModel):
    """What the user set once for every portfolio; None where the file says nothing."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    theme: str | None = None
    """A theme by name; it wins over the colours negtui picks for the terminal."""
    data: str | None = None
    """The data folder when neither ``--data`` nor ``$NEGTUI_DATA`` names one."""
    timezone: str | None = None
    """The time zone a new portfolio starts with."""
    currency: Currency | None = None
    """The currency a new portfolio starts with."""
    keys: dict[str, str] = Field(default_factory=dict)
    """Binding id to keys, comma-separated, as in ``"screen.terms" = "f6"``."""

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        return _zone(value)

    @field_validator("data", "theme")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("cannot be empty")
        return value


@dataclass(frozen=True)
class ConfigProblem:
    line: int
    message: str


KeymapRule = Callable[[Mapping[str, str]], list[tuple[str, str]]]
"""Given the remapped keys, the (binding id, message) of each remap that cannot be."""


KeyRule = Callable[[str], str | None]
"""Given one key as written (``ctrl+s``), why no key press is ever called that, or None."""


@dataclass(frozen=True)
class ConfigRules:
    """What only the app knows: its binding ids, its themes, which remaps it refuses and
    which key names it knows. An empty collection means "not checked"."""

    binding_ids: Collection[str] = ()
    themes: Collection[str] = ()
    keymap_rule: KeymapRule | None = None
    key_rule: KeyRule | None = None


@dataclass(frozen=True)
class ConfigRead:
    config: UserConfig
    problems: list[ConfigProblem] = field(default_factory=list)
    present: frozenset[str] = frozenset()
    """The top-level names the file sets (for saying where a value came from)."""


_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")


def read_config(text: str, rules: ConfigRules | None = None) -> ConfigRead:
    """The settings ``text`` describes, with every problem found, each with its line."""
    rules = rules or ConfigRules()
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _AT_LINE.search(message)
        line = int(found.group(1)) if found and found.group(1) else max(1, text.count("\n"))
        return ConfigRead(UserConfig(), [ConfigProblem(line, _AT_LINE.sub("", message))])
    finder = _Lines(text)
    problems: list[ConfigProblem] = []
    data: dict[str, Any] = dict(raw)
    config = _validated(data, finder, problems)
    keys = dict(config.keys)
    for binding_id in list(keys):
        if rules.binding_ids and binding_id not in rules.binding_ids:
            problems.append(ConfigProblem(finder.key(binding_id),
                                          f"no key has the id {quoted(binding_id)} "
                                          "(`negtui keys` lists them)"))
            del keys[binding_id]
        elif not [part for part in keys[binding_id].split(",") if part.strip()]:
            problems.append(ConfigProblem(finder.key(binding_id),
                                          f"{binding_id}: give at least one key"))
            del keys[binding_id]
        elif rules.key_rule is not None:
            _known_keys_only(keys, binding_id, rules.key_rule, finder, problems)
    if rules.keymap_rule is not None:
        refused = rules.keymap_rule(keys)
        for binding_id, message in refused:
            problems.append(ConfigProblem(finder.key(binding_id), message))
            keys.pop(binding_id, None)
    theme = config.theme
    if theme is not None and rules.themes and theme not in rules.themes:
        problems.append(ConfigProblem(finder.top("theme"),
                                      f"theme: no theme is called {quoted(theme)}"))
        theme = None
    config = config.model_copy(update={"keys": keys, "theme": theme})
    problems.sort(key=lambda problem: problem.line)
    return ConfigRead(config, problems, frozenset(raw))


def _known_keys_only(keys: dict[str, str], binding_id: str, rule: KeyRule, finder: _Lines,
                     problems: list[ConfigProblem]) -> None:
    """A key name no key press has (``ctlr+s``) is reported and left out; the other keys
    of the same remap are used, and with none left the shipped keys stay."""
    kept = []
    for key in (part.strip() for part in keys[binding_id].split(",")):
        if not key:
            continue
        why = rule(key)
        if why is None:
            kept.append(key)
        else:
            problems.append(ConfigProblem(finder.key(binding_id), f"{binding_id}: {why}"))
    if kept:
        keys[binding_id] = ",".join(kept)
    else:
        del keys[binding_id]


def _validated(data: dict[str, Any], finder: _Lines,
               problems: list[ConfigProblem]) -> UserConfig:
    """The model from ``data``, leaving out each entry pydantic refuses."""
    while True:
        try:
            return UserConfig.model_validate(data)
        except ValidationError as error:
            for issue in error.errors():
                loc = [str(part) for part in issue["loc"]]
                name = loc[0] if loc else ""
                if issue["type"] == "extra_forbidden":
                    message = f"unknown setting {quoted(name)}"
                else:
                    text = str(issue["msg"]).removeprefix("Value error, ")
                    message = f"{'.'.join(loc)}: {text}"
                if name == KEYS_TABLE and len(loc) > 1 and isinstance(data.get(name), dict):
                    problems.append(ConfigProblem(finder.key(loc[1]), message))
                    data[name] = {k: v for k, v in data[name].items() if k != loc[1]}
                else:
                    problems.append(ConfigProblem(finder.top(name), message))
                    data.pop(name, None)


class _Lines:
    """Where a name is set in the text: tomllib keeps no positions, so look for it."""

    _HEADER = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def _assigns(self, line: str, name: str) -> bool:
        quoted = "|".join(re.escape(form) for form in (name, f'"{name}"', f"'{name}'"))
        return re.match(rf"^\s*(?:{quoted})\s*=", line) is not None

    def top(self, name: str) -> int:
        for number, line in enumerate(self.lines, 1):
            header = self._HEADER.match(line)
            if header:
                if header.group(1).strip("\"'") == name:
                    return number
                break
            if self._assigns(line, name):
                return number
        return 1

    def key(self, binding_id: str) -> int:
        inside = False
        for number, line in enumerate(self.lines, 1):
            header = self._HEADER.match(line)
            if header:
                inside = header.group(1).strip("\"'") == KEYS_TABLE
                continue
            if inside and self._assigns(line, binding_id):
                return number
            if not inside and (f'"{binding_id}"' in line or f"keys.{binding_id}" in line):
                return number
        return self.top(KEYS_TABLE)
