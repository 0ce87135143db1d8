"""The score band under the terms: the offer on the table against the BATNA, what pulls it
down, and packages to offer instead."""

from __future__ import annotations

from rich.text import Text

from negtui.domain.models import Term
from negtui.domain.scoring import (
    alternatives,
    batna_score,
    offer_score,
    package_worth,
    why_not_scored,
)
from negtui.ui.palette import Role, style
from negtui.ui.widgets.shown import Static


class ScoreBand(Static):
    """Redrawn from the deal's terms by ``show``."""

    def show(self, terms: list[Term], threshold: int) -> None:
        self.update(score_text(terms, threshold))


def score_text(terms: list[Term], threshold: int) -> Text:
    offer = offer_score(terms)
    batna = batna_score(terms)
    line: list[str | tuple[str, str]] = ["Offer score "]
    if offer.value is None:
        line.append((f"— {why_not_scored(terms)}", "dim"))
    else:
        value = round(offer.value)
        role = Role.ALARM if value < 34 else Role.WARNING if value < 67 else Role.GOOD
        shade = f"bold {style(role)}"
        line += [(f"{value}/100", shade), " ", (_bar(offer.value), shade)]
    if batna is not None and batna.value is not None:
        line += ["  ·  BATNA ", (f"{round(batna.value)}", "bold")]
        if offer.value is not None and batna.value > offer.value:
            line.append((" (better than this offer)", style(Role.ALARM)))
    elif offer.value is not None:
        line.append(("  ·  BATNA not scored", "dim"))
    lines = [Text.assemble(*line, no_wrap=True, overflow="ellipsis")]
    drags = offer.drags()
    if drags:
        parts: list[str | tuple[str, str]] = ["Pulling it down: "]
        for index, item in enumerate(drags):
            if index:
                parts.append(" · ")
            parts += [item.term.name, (f" -{round(item.points_lost)}", style(Role.ALARM))]
        if offer.unscored:
            parts.append((f"   ({len(offer.unscored)} not comparable)", "dim"))
        lines.append(Text.assemble(*parts, no_wrap=True, overflow="ellipsis"))
    packages = alternatives(terms, threshold)
    if packages:
        names = {t.id: t.name for t in terms}
        lines.append(Text(f"Packages worth {package_worth(packages)} to us, to offer together:",
                          style="bold"))
        for letter, package in zip("ABC", packages, strict=False):
            moves = " · ".join(f"{names[term_id]} {text}"
                               for term_id, text in package.positions.items())
            lines.append(Text.assemble((f" {letter} {round(package.score):>3}  ", "bold"),
                                       moves, no_wrap=True, overflow="ellipsis"))
    elif offer.value is not None:
        lines.append(Text("Alternative packages need two open tradeable or flexible terms "
                          "with ideal and walk-away set.", style="dim", no_wrap=True,
                          overflow="ellipsis"))
    return Text("\n").join(lines)


def _bar(value: float, width: int = 10) -> str:
    filled = round(value / 100 * width)
    return "█" * filled + "░" * (width - filled)
