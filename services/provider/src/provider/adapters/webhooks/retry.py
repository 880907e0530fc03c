"""When to try a failed webhook again, and when to give up.

The schedule spans a real outage (a receiver down over a weekend, a redeploy gone wrong):
delays double from ``base_delay`` up to ``max_delay`` and the delivery is given up (dead)
only once the delays add up to ``span`` (3 days by default, as Stripe does), not after a
fixed handful of attempts.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

Jitter = Callable[[timedelta], timedelta]
SPAN = timedelta(hours=72)
BASE_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(hours=6)


def spread(delay: timedelta) -> timedelta:
    """Default jitter: 90-110 % of the delay, so failing tenants do not retry in lockstep
    (and the whole schedule still spans about ``span``)."""
    return delay * random.uniform(0.9, 1.1)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    span: timedelta = SPAN
    base_delay: timedelta = BASE_DELAY
    max_delay: timedelta = MAX_DELAY
    jitter: Jitter = spread

    @property
    def max_attempts(self) -> int:
        """Attempts until the (unjittered) delays between them add up to ``span``."""
        waited, attempts = timedelta(0), 1
        while waited < self.span:
            waited += self.nominal_delay(attempts)
            attempts += 1
        return attempts

    def gives_up_after(self, attempts: int) -> bool:
        return attempts >= self.max_attempts

    def nominal_delay(self, failed_attempts: int) -> timedelta:
        """Delay after the n-th failure (n from 1): base, 2 x base, 4 x base ... capped."""
        doubled: timedelta = self.base_delay * 2 ** min(failed_attempts - 1, 32)
        return min(self.max_delay, doubled)

    def delay_after(self, failed_attempts: int) -> timedelta:
        return self.jitter(self.nominal_delay(failed_attempts))

    def describe(self) -> str:
        """The schedule in words, for the API's documentation."""
        return (
            f"exponential backoff from {_shown(self.base_delay)}, doubling up to "
            f"{_shown(self.max_delay)} apart, for {_shown(self.span)} "
            f"({self.max_attempts} attempts in all)"
        )


def _shown(delay: timedelta) -> str:
    seconds = int(delay.total_seconds())
    for unit, size in (("h", 3600), ("min", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds // size} {unit}"
    return f"{seconds} s"
