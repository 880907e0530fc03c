"""The end-to-end stage breakdown splits an order's time at the rows it left behind."""

from __future__ import annotations

import pytest

from bench.e2e_stages import STAGES, Marks, figures


def test_the_stages_add_up_to_the_whole_and_keep_their_order() -> None:
    # Given an order that passed each point at known times
    marks = Marks(placed=10.0, written=10.01, handed=10.015, received=10.02, seen=10.05)
    # When it is split into stages
    stages = marks.stages()
    # Then each stage is the gap to the next point, in order, and they sum to the total
    assert stages == pytest.approx((0.01, 0.005, 0.005, 0.03))
    assert sum(stages) == pytest.approx(marks.seen - marks.placed)


def test_each_stage_gets_its_p50_with_its_p99_beside_it() -> None:
    # Given fifty orders where only the last one was slow to be relayed
    fast = [Marks(0.0, 0.001, 0.002, 0.003, 0.004)] * 49
    slow = Marks(0.0, 0.001, 0.5, 0.501, 0.502)
    # When the figures are made
    made = figures([*fast, slow], "20/s")
    # Then there is one per stage, and the slow relay shows in its p99 only
    assert [f.name for f in made] == [f"20/s stage {s} p50" for s in STAGES]
    relay = made[1]
    assert relay.value == pytest.approx(1.0)
    assert relay.note == "p99 499.0 ms"
    assert figures([], "x") == []
