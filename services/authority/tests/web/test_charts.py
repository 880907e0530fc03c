"""The dashboard's server-drawn bar charts keep every label and value inside the drawing."""

from __future__ import annotations

import re

from authority.entrypoints.web.charts import LABEL_CHARS, bar_chart

MEASURE = "Praktisk, pædagogisk eller anden støtte i hjemmet (§ 32, stk. 1, nr. 2)"


def test_a_long_label_is_cut_to_fit_and_kept_whole_as_a_tooltip() -> None:
    # Given a measure name longer than the room left of the bars
    # When it is charted
    svg = str(bar_chart("Udgift", [(MEASURE, 283_125.0, "283 125,00 kr.")]))
    # Then the visible label is cut with an ellipsis, and the whole name is its title
    shown = re.search(r"</title>([^<]*)</text>", svg)
    assert shown is not None
    assert shown.group(1).endswith("…")
    assert len(shown.group(1)) <= LABEL_CHARS
    assert f"<title>{MEASURE}</title>" in svg


def test_a_short_label_is_shown_as_it_is() -> None:
    svg = str(bar_chart("Mål", [("Mål nået", 8.0, "8")]))
    assert ">Mål nået</text>" in svg
    assert svg.count("<title>") == 1  # the chart's own title only
