"""Sample portfolios: a realistic one to explore, and a large one to measure."""

from negtui.demo.large import large_portfolio
from negtui.demo.sample import demo_portfolio

__all__ = ["demo_portfolio", "large_portfolio"]
