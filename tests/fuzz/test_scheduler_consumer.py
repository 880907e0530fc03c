"""The scheduler's consumer under fuzz: valid case events among spoilt ones and events its
handlers cannot compute (an investigation starting at the end of the calendar)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samspil_contracts import InvestigationStarted

from tests.fuzz.conftest import FUZZ
from tests.fuzz.genuine import DAYS, events
from tests.fuzz.records import Record, batches, poison_of
from tests.fuzz.run import Target, check, produce

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def scheduler(start_target: Callable[[str, str, str], Target]) -> Target:
    return start_target("scheduler", "scheduler", "scheduler")


def investigations(target: Target) -> st.SearchStrategy[Record]:
    prefix = target.process.env["KAFKA_TOPIC_PREFIX"]
    return events(InvestigationStarted, prefix, case_id=st.uuids(version=4),
                  investigation_id=st.uuids(version=4), started_on=DAYS)  # fmt: skip


def beyond_the_calendar(target: Target) -> st.SearchStrategy[Record]:
    """Decodes, but its deadline lies past year 9999: the handler fails every time.

    The § 20 clock counts from ``aware_on``, so that day is the late one (and the start with it).
    """
    prefix = target.process.env["KAFKA_TOPIC_PREFIX"]
    late = st.dates(min_value=date(9999, 9, 1), max_value=date(9999, 12, 31))
    made = events(InvestigationStarted, prefix, case_id=st.uuids(version=4),
                  started_on=late, aware_on=late)  # fmt: skip

    def poisoned(record: Record) -> Record:
        record.poison, record.event_id = "handler fails deterministically", None
        return record

    return made.map(poisoned)


def test_every_valid_record_is_applied_once_and_every_bad_one_dead_lettered_once(
    scheduler: Target,
) -> None:
    valid = investigations(scheduler)
    bad = st.one_of(poison_of(valid), beyond_the_calendar(scheduler))

    @FUZZ
    @given(records=batches(valid, bad))
    def run(records: list[Record]) -> None:
        produce(scheduler, records)
        check(scheduler, records)

    run()
