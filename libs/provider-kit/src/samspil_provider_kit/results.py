"""What a check found: passed, failed or skipped (with why), grouped by suite."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    PASSED = "pass"
    FAILED = "fail"
    SKIPPED = "skip"


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    passed: bool
    detail: str
    suite: str = "webhooks"
    skipped: bool = False
    seconds: float = 0.0

    @property
    def verdict(self) -> Verdict:
        if self.skipped:
            return Verdict.SKIPPED
        return Verdict.PASSED if self.passed else Verdict.FAILED


def skipped(name: str, why: str, suite: str = "webhooks") -> CheckResult:
    return CheckResult(name, True, why, suite=suite, skipped=True)
