"""The ``negtui`` command line: one module per subcommand."""

from negtui.cli.main import main

__all__ = ["main"]
