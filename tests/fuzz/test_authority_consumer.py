"""The authority's consumer under fuzz: providers' published material among spoilt records."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samspil_contracts import ProviderMaterialPublished

from tests.fuzz.conftest import FUZZ
from tests.fuzz.genuine import events
from tests.fuzz.records import Record, batches, poison_of
from tests.fuzz.run import Target, check, produce

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def authority(start_target: Callable[[str, str, str], Target]) -> Target:
    return start_target("authority", "authority", "authority")


def test_every_valid_record_is_applied_once_and_every_bad_one_dead_lettered_once(
    authority: Target,
) -> None:
    prefix = authority.process.env["KAFKA_TOPIC_PREFIX"]
    valid = events(ProviderMaterialPublished, prefix, provider_id=st.uuids(version=4))

    @FUZZ
    @given(records=batches(valid, poison_of(valid)))
    def run(records: list[Record]) -> None:
        produce(authority, records)
        check(authority, records)
        # and each material was recorded once in the provider's registry stream
        ids = [f"provider-{r.key.decode()}" for r in records if r.poison is None and r.key]
        rows = authority.query(
            "select stream_id, count(*) as n from events where stream_id = any($1::text[])"
            " group by stream_id",
            ids,
        )
        assert {row["stream_id"]: row["n"] for row in rows} == dict.fromkeys(ids, 1)

    run()
