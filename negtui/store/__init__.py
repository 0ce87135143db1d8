"""Durable TinyDB files: one per deal plus one for the portfolio."""

from negtui.store.errors import FileProblem, StoreError
from negtui.store.portfolio import Portfolio
from negtui.store.repository import Store

__all__ = ["FileProblem", "Portfolio", "Store", "StoreError"]
