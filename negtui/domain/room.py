"""How the rows of a window are shared between panes stacked one over the other."""

from __future__ import annotations

from collections.abc import Sequence


def share_rows(total: int, wants: Sequence[int], floors: Sequence[int]) -> list[int]:
    """The rows each pane gets out of ``total``: first its floor, however little it
    holds; then the rows left go evenly to the panes that hold more than they have, none
    past what it holds (its want), the earlier panes first where the rows do not divide.
    Rows no pane wants are left over: the sum is under ``total`` only when every pane
    has all it wants, and over it only when the floors alone do not fit."""
    if len(wants) != len(floors):
        raise ValueError("one floor for each pane")
    shares = [max(0, floor) for floor in floors]
    wanted = [max(want, share) for want, share in zip(wants, shares, strict=True)]
    left = total - sum(shares)
    while left > 0:
        short = [index for index, share in enumerate(shares) if share < wanted[index]]
        if not short:
            break
        each = max(1, left // len(short))
        for index in short:
            given = min(each, wanted[index] - shares[index], left)
            shares[index] += given
            left -= given
            if left == 0:
                break
    return shares
