"""A contract under notice ended (its `contract_ends` deadline fired): close its set.

The firing batch appends and publishes without loading aggregates, so closing goes through
the command handler afterwards, one subject per transaction. Closing is idempotent
(`Cancel` of a closed set decides nothing), so a retry after a crash does no harm.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import structlog
from eventkit import Store
from servicekit.acting import Acting, SystemActor

from scheduler.app.deadlines import Deadlines
from scheduler.app.ports import DuePhase
from scheduler.domain import Cancel, DeadlineKind, DomainError

log = structlog.get_logger(__name__)
SCHEDULER = SystemActor("scheduler")


class Ending:
    def __init__(self, store: Store, deadlines: Deadlines) -> None:
        self.store, self.deadlines = store, deadlines

    async def close_ended(self, fired: Sequence[DuePhase], now: datetime) -> None:
        subjects = {p.subject for p in fired if p.kind is DeadlineKind.CONTRACT_ENDS}
        for subject in subjects:
            command = Cancel(subject=subject, reason="contract ended", at=now)
            try:
                async with self.store.unit_of_work() as tx:
                    await self.deadlines.execute(tx, command, Acting(SCHEDULER, now))
            except DomainError as exc:
                log.warning("contract_end_not_closed", code=exc.code)
