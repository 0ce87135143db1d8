"""Performance checks for negtui, run with ``python -m bench`` (see bench/README.md)."""
