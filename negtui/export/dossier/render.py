"""Writing a dossier as Markdown, or as a self-contained, printable HTML page.

Every text from the data goes through ``visible`` here, once for all sections: a control
character in a name or a note shows as its mark and never reaches the reader's terminal,
editor or browser as it is.
"""

from __future__ import annotations

import html
import re
from typing import Literal

from negtui.domain.text import visible
from negtui.export.dossier.document import Block, Bullets, Dossier, Fields, Para

Format = Literal["md", "html"]


def _md_escape(text: str) -> str:
    """Text of several lines, shown as written."""
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", visible(text, multiline=True))


def _md_cell(text: str) -> str:
    """Text on one line (a table cell, a bullet, a heading): its lines joined by spaces."""
    return _md_escape(" ".join(visible(text, multiline=True).split()))


def _md_block(block: Block) -> str:
    if isinstance(block, Para):
        return _md_escape(block.text)
    if isinstance(block, Bullets):
        return "\n".join(f"- {_md_cell(item)}" for item in block.items)
    if isinstance(block, Fields):
        return "\n".join(f"- **{_md_cell(label)}:** {_md_cell(value)}"
                         for label, value in block.pairs)
    lines = ["| " + " | ".join(_md_cell(h) for h in block.headers) + " |",
             "|" + "|".join("---" for _ in block.headers) + "|"]
    lines += ["| " + " | ".join(_md_cell(cell) for cell in row) + " |" for row in block.rows]
    return "\n".join(lines)


def render_markdown(dossier: Dossier) -> str:
    parts = [f"# {_md_cell(dossier.title)}", "\n".join(f"_{_md_cell(n)}_  "
                                                       for n in dossier.notes)]
    for section in dossier.sections:
        parts.append(f"## {_md_cell(section.title)}")
        parts += [_md_block(block) for block in section.blocks]
    return "\n\n".join(parts) + "\n"


_STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; border-bottom: 1px solid #bbb; margin-top: 1.8rem; }
.note { color: #555; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #ccc; padding: .25rem .45rem; text-align: left;
         vertical-align: top; }
th { background: #f0f0f0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  table, dl, ul { break-inside: avoid; }
}
"""


def _esc(text: str) -> str:
    """Data as HTML text: markup characters escaped, control characters as marks."""
    return html.escape(visible(text, multiline=True))


def _html_block(block: Block) -> str:
    if isinstance(block, Para):
        return f"<p>{_esc(block.text)}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{_esc(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Fields):
        return "<dl>" + "".join(f"<dt>{_esc(label)}</dt><dd>{_esc(value)}</dd>"
                                for label, value in block.pairs) + "</dl>"
    head = "".join(f"<th>{_esc(h)}</th>" for h in block.headers)
    body = "".join("<tr>" + "".join(f"<td>{_esc(cell)}</td>" for cell in row) + "</tr>"
                   for row in block.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(dossier: Dossier) -> str:
    notes = "".join(f'<p class="note">{_esc(note)}</p>' for note in dossier.notes)
    sections = "".join(
        f"<section><h2>{_esc(s.title)}</h2>{''.join(_html_block(b) for b in s.blocks)}</section>"
        for s in dossier.sections)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{_esc(dossier.title)}</title><style>{_STYLE}</style></head>"
            f"<body><h1>{_esc(dossier.title)}</h1>{notes}{sections}</body></html>\n")


def render(dossier: Dossier, fmt: Format = "md") -> str:
    return render_html(dossier) if fmt == "html" else render_markdown(dossier)
