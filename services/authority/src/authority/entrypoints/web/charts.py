"""Bar charts as inline SVG, drawn on the server: no script, readable without colour alone
(each bar carries its value as text) and described for screen readers by a title; the
page shows the same figures in a table beside each chart."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

BAR, GAP, LABEL_WIDTH, WIDTH = 22, 8, 200, 560
VALUE_ROOM = 110  # the widest value text ("283 125,00 kr.") after the longest bar
LABEL_CHARS = 28  # what fits in LABEL_WIDTH at 13 px; longer labels are cut, whole in a title
Bar = tuple[str, float, str]  # label, value, value as text


def _label(text: str) -> str:
    """The label as it fits left of the bars; cut with an ellipsis, the whole text as a
    tooltip (and in the table beside the chart) - a long measure name ran off the chart."""
    if len(text) <= LABEL_CHARS:
        return escape(text)
    return f"<title>{escape(text)}</title>{escape(text[: LABEL_CHARS - 1].rstrip())}…"


def bar_chart(title: str, bars: Sequence[Bar], maximum: float | None = None) -> Markup:
    """``bars``: (label, value, value as text). Bars scale to ``maximum`` (default: largest)."""
    top = maximum or max((value for _, value, _ in bars), default=0) or 1
    height = max(1, len(bars)) * (BAR + GAP) + GAP
    span = WIDTH - LABEL_WIDTH - VALUE_ROOM
    rows = [] if bars else ['<text x="8" y="20">-</text>']
    for i, (label, value, shown) in enumerate(bars):
        y = GAP + i * (BAR + GAP)
        length = max(0.0, value) / top * span
        rows.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end">{_label(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR}" class="bar"/>'
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{y + 16}">{escape(shown)}</text>'
        )
    return Markup(  # noqa: S704 - every text above is escaped
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" aria-label="{escape(title)}"><title>{escape(title)}</title>'
        f"{''.join(rows)}</svg>"
    )
