"""Every key of the app by its id, and which remaps the app refuses.

The ids are those on each ``Binding`` (``screen.terms``, ``terms.add``...). A user gives
new keys to an id in the ``[keys]`` table of the config file; Textual's keymap puts them
in place of the keys written here.
"""

from __future__ import annotations

import difflib
import importlib
import inspect
import pkgutil
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import REPLACED_KEYS, Keys, _character_to_key, key_to_character
from textual.theme import BUILTIN_THEMES

from negtui.domain.config import ConfigRules
from negtui.domain.text import quoted

ESSENTIAL = {"app.quit": "quit", "app.help": "open help"}
"""Ids that must keep a key of their own: without them a user is stuck."""

YIELDING = frozenset({"app.how_to_quit"})
"""Ids whose key steps aside when the user gives it to anything else (``q``, which only
says how to quit, may become the key that quits)."""

EVERYWHERE = "everywhere"


@dataclass(frozen=True)
class KeyEntry:
    id: str
    keys: str
    description: str
    screen: str


def normal(keys: str) -> list[str]:
    """Keys as Textual names them: ``?`` and ``question_mark`` are one key."""
    return [_character_to_key(key) if len(key) == 1 else key
            for key in (part.strip() for part in keys.split(",")) if key]


def _bindings(node: type[DOMNode]) -> Iterator[Binding]:
    for item in node.__dict__.get("BINDINGS", []):
        yield item if isinstance(item, Binding) else Binding(*item)


def _where(node: type[DOMNode]) -> str:
    title = node.__dict__.get("KEYS_WHERE") or getattr(node, "SCREEN_TITLE", "")
    if title:
        return str(title)
    name = node.__name__.removesuffix("Screen") or node.__name__
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).capitalize()


def _classes() -> Iterator[type[DOMNode]]:
    from negtui.ui import screens, widgets
    from negtui.ui.app import NegtuiApp

    yield NegtuiApp
    for package in (screens, widgets):
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            module = importlib.import_module(info.name)
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if (issubclass(cls, DOMNode) and cls.__module__ == module.__name__
                        and "BINDINGS" in cls.__dict__):
                    yield cls


@cache
def catalogue() -> tuple[KeyEntry, ...]:
    """Every binding that has an id, the app's first, then screen by screen."""
    from negtui.ui.app import NegtuiApp

    entries: list[KeyEntry] = []
    seen: set[tuple[str, str]] = set()
    everywhere: set[str] = set()
    for cls in _classes():
        screen = EVERYWHERE if cls is NegtuiApp else _where(cls)
        for binding in _bindings(cls):
            if binding.id is None or (binding.id, screen) in seen:
                continue
            if cls is NegtuiApp:
                everywhere.add(binding.id)
            elif binding.id in everywhere:
                continue  # an app key a dialog lets through (1-5 in help): listed once
            seen.add((binding.id, screen))
            entries.append(KeyEntry(binding.id, binding.key, binding.description, screen))
    return tuple(entries)


def refused(keymap: Mapping[str, str]) -> list[tuple[str, str]]:
    """The remaps that would leave no way to quit or to open help, each with why."""
    if not keymap:
        # The app's own keys leave both; looking (which imports every screen) can wait.
        return []
    defaults: dict[str, list[str]] = {}
    what: dict[str, str] = {}
    for entry in catalogue():
        if entry.id in YIELDING and entry.id not in keymap:
            continue
        defaults.setdefault(entry.id, []).extend(normal(entry.keys))
        what.setdefault(entry.id, f"{entry.description or entry.id} ({entry.screen})")
    keys = {binding_id: normal(given) for binding_id, given in keymap.items()}
    problems: list[tuple[str, str]] = []
    for essential, purpose in ESSENTIAL.items():
        own = keys.get(essential, defaults.get(essential, []))
        if not own:
            problems.append((essential, f"{essential}: no key would be left to {purpose}"))
            continue
        used: dict[str, str] = {}
        for other in sorted(set(defaults) - {essential}):
            for key in set(own) & set(keys.get(other, defaults[other])):
                if other in keys:
                    problems.append((other, f"{other}: {key} is the key to {purpose}; "
                                            "give it another key"))
                used.setdefault(key, what[other])
        if essential in keys and all(key in used for key in own):
            key = own[0]
            problems.append((essential, f"{essential}: {key} already means {used[key]}; "
                                        f"no key would be left to {purpose}"))
    first: dict[str, str] = {}
    for binding_id, message in problems:
        first.setdefault(binding_id, message)
    return list(first.items())


MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")


@cache
def named_keys() -> frozenset[str]:
    """The keys Textual calls by a name (up, f13, pageup, enter), without modifiers."""
    return frozenset(key.value.rpartition("+")[2] for key in Keys
                     if not key.value.startswith("<"))


def _known(key: str) -> bool:
    *modifiers, base = key.split("+")
    if any(m not in MODIFIERS for m in modifiers) or len(set(modifiers)) < len(modifiers):
        return False
    return len(base) == 1 or base in named_keys() or base in REPLACED_KEYS or (
        bool(base) and key_to_character(base) is not None)


def unknown_key(key: str) -> str | None:
    """Why no key press is ever called ``key`` (a misspelling such as ``ctlr+s`` or
    ``F13x``), with the nearest key Textual knows; None for a key it knows."""
    if _known(key):
        return None
    guess = key.lower() if _known(key.lower()) else None
    if guess is None:
        *modifiers, base = key.lower().split("+")
        fixed = [next(iter(difflib.get_close_matches(m, MODIFIERS, 1)), m) for m in modifiers]
        bases = [base] if _known(base) else difflib.get_close_matches(
            base, sorted(named_keys()), 1)
        candidate = "+".join([*fixed, *bases[:1]])
        guess = candidate if bases and _known(candidate) else None
    hint = f"did you mean {quoted(guess)}?" if guess else "written as in `negtui keys`: f6, ctrl+s"
    return f"{quoted(key)} is not a key Textual knows ({hint}); left out"


class _BindingIds(Collection[str]):
    """The id of every binding, worked out when first asked: that imports every screen
    and widget, which the app's start need not wait for when the config file names no
    key (the usual case)."""

    def _ids(self) -> set[str]:
        return {entry.id for entry in catalogue()}

    def __contains__(self, item: object) -> bool:
        return item in self._ids()

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids())

    def __len__(self) -> int:
        return len(self._ids())


def config_rules() -> ConfigRules:
    """What the config file is checked against: these ids, these themes, these refusals,
    these key names."""
    return ConfigRules(binding_ids=_BindingIds(),
                       themes=set(BUILTIN_THEMES), keymap_rule=refused, key_rule=unknown_key)
