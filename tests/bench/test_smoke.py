"""The benchmark harness works end to end at tiny sizes: every benchmark produces figures.

Deliberately no assertion on speed: timings on shared machines are noise, and the goals are
judged by ``python -m bench`` against baselines measured in the same run.
"""

from __future__ import annotations

import json
import math

import pytest

from bench import __main__ as cli
from bench import consume_cpu, payload
from bench.core import Sizes

pytestmark = pytest.mark.integration

TINY = Sizes(
    "tiny",
    append_events=40,
    replay_events=2_000,
    rebuild_events=1_000,
    kafka_seconds=2.0,
    kafka_rate=50,
    deadlines=2_000,
    fire_seconds=3.0,
    catchup_deadlines=200,
    e2e_seconds=1.0,
    e2e_rate=20,
)


def test_event_bodies_are_about_300_bytes() -> None:
    assert 250 <= len(payload.body_bytes(123_456)) <= 350


@pytest.mark.parametrize("name", sorted(cli.BENCHMARKS))
async def test_each_benchmark_produces_positive_figures(name: str) -> None:
    # Given the real broker and database (devstack), when one benchmark runs at a tiny size
    outcome = await cli.BENCHMARKS[name](TINY)

    # then it reports figures, each a positive finite number, beside a baseline where it has one
    assert outcome.figures, name
    for figure in outcome.figures:
        if " lost" in figure.name:  # counts of losses: zero is the goal
            assert figure.value >= 0
            continue
        assert math.isfinite(figure.value), figure
        assert figure.value > 0, figure
        if figure.baseline is not None:
            assert figure.baseline > 0, figure


def test_the_command_line_writes_json_beside_the_table(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Given a results folder and a tiny run of one benchmark
    monkeypatch.setattr("bench.report.OUT_DIR", tmp_path)
    monkeypatch.setattr(cli, "QUICK", TINY)

    # when the command runs
    assert cli.main(["--quick", "--only", "append"]) == 0

    # then a JSON file holds the figures with their baselines, ratios and verdicts
    (written,) = tmp_path.glob("results-*.json")
    document = json.loads(written.read_text())
    assert document["run"] == "tiny"
    assert {f["bench"] for f in document["figures"]} == {"append"}
    assert all(f["ratio"] > 0 and f["passed"] in (True, False) for f in document["figures"])


@pytest.mark.parametrize("service", sorted(consume_cpu.SERVICES))
async def test_the_consumers_cpu_bench_handles_every_order(service: str) -> None:
    # When a few orders go through the service's pipeline (it raises on any not handled)
    ms_per_order = await consume_cpu.measure(service, 3)
    # Then it reports a figure
    assert ms_per_order > 0
