"""Durable TinyDB files: one per deal plus one for the portfolio.

The names below are loaded when first used, so that importing a light module of the
package (``negtui.store.errors``, say) does not load the repository and the models.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from negtui.store.errors import FileProblem, StoreError
    from negtui.store.portfolio import Portfolio
    from negtui.store.repository import Store

__all__ = ["FileProblem", "Portfolio", "Store", "StoreError"]

_HOMES = {"FileProblem": "errors", "StoreError": "errors", "Portfolio": "portfolio",
          "Store": "repository"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
