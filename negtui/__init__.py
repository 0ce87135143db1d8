"""negtui: a keyboard-driven workspace for people negotiating several contracts at once."""

__version__ = "0.1.0"
