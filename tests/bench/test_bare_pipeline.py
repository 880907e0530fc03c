"""The bare pipeline carries orders through the real broker and cluster, and its figures say
whether the goal is within the architecture's reach."""

from __future__ import annotations

import pytest

from bench.bare_pairs import Turn, verdict
from bench.bare_pipeline import bare_runs
from bench.e2e_figures import Run, bare_figures
from bench.infra import kafka


def _run(latencies_ms: list[float]) -> Run:
    run = Run()
    for n, ms in enumerate(latencies_ms):
        run.placed[str(n)], run.seen[str(n)] = 0.0, ms / 1000
    return run


@pytest.mark.integration
async def test_every_order_posted_to_the_bare_authority_reaches_the_provider_table() -> None:
    # Given the bare pipeline's three processes on the devstack broker and cluster
    # When 30 orders are posted at 30/s
    (run,) = await bare_runs(kafka(), [(30, 30)])
    # Then every POST was accepted and every order showed in the provider's table
    assert run.failed == 0
    assert len(run.placed) == 30
    assert set(run.seen) == set(run.placed)
    assert all(latency > 0 for latency in run.latencies())


def test_a_bare_p99_over_five_times_the_raw_hop_puts_the_goal_beyond_reach() -> None:
    # Given a raw hop of 4 ms at p99, a bare pipeline at 40 ms and the stack at 80 ms
    raw, bare, stack = (2e-3, 4e-3, 0), _run([40.0] * 100), _run([80.0] * 100)
    # When the figures are made
    reach, added = bare_figures(bare, stack, raw, 100)
    # Then the bare pipeline is 10x the raw hop, beyond reach, and the stack 2x the bare one
    assert reach.ratio == pytest.approx(10.0)
    assert "beyond the architecture's own reach" in (reach.note or "")
    assert added.ratio == pytest.approx(2.0)
    # and a bare pipeline within 5x would say so
    (near, _) = bare_figures(_run([15.0] * 100), stack, raw, 100)
    assert "within the architecture's own reach" in (near.note or "")


def test_the_goal_is_within_reach_only_if_the_bare_pipeline_meets_it_in_most_turns() -> None:
    # Given three turns whose bare p99 is 4x, 6x and 10x their own raw p99
    turns = [Turn(2.0, 5.0, 8.0, 0), Turn(4.0, 9.0, 24.0, 0), Turn(1.0, 4.0, 10.0, 0)]
    # When the verdict is made
    line = verdict(turns)
    # Then the ratios are in order, the median is 6x, and one turn in three is not most
    assert "4.0x, 6.0x, 10.0x; median 6.0x; 1 of 3 within 5x" in line
    assert line.endswith("the goal is beyond the architecture's reach on this machine")
    # and with two turns in three within 5x it would be within reach
    near = verdict([*turns[:2], Turn(4.0, 9.0, 12.0, 0)])
    assert near.endswith("the goal is within the architecture's reach on this machine")
