"""decide / evolve for status reports. A submitted report is final; a correction is a new one."""

from __future__ import annotations

from collections import Counter

from provider.domain.common import (
    Role,
    not_foreign,
    own_contract,
    refuse,
    require_role,
    require_text,
    stamp,
)
from provider.domain.report.model import StatusReport, StatusReportSubmitted, SubmitStatusReport


def decide(command: SubmitStatusReport, state: StatusReport | None) -> list[StatusReportSubmitted]:
    not_foreign(state, command, "status report")
    own_contract(command.contract, command, command.contract.contract_id)
    require_role(command, Role.COORDINATOR, Role.STAFF)
    if state is not None:
        refuse("already_submitted", "This status report is already submitted.")
    require_text(command.followup_ref, "followup_ref")
    _covers_every_goal_once(command)
    return [
        StatusReportSubmitted(
            **stamp(command),
            report_id=command.report_id,
            contract_id=command.contract.contract_id,
            followup_ref=command.followup_ref,
            per_goal=command.per_goal,
        )
    ]


def _covers_every_goal_once(command: SubmitStatusReport) -> None:
    # The authority judges the measure goal by goal; a silent goal would hide a problem.
    counts = Counter(status.goal_id for status in command.per_goal)
    expected = command.contract.goal_ids
    if duplicates := sorted(str(g) for g, n in counts.items() if n > 1):
        refuse("duplicate_goal", f"Goals reported more than once: {', '.join(duplicates)}.")
    if unknown := sorted(str(g) for g in counts.keys() - expected):
        refuse("unknown_goal", f"Not goals of the contract: {', '.join(unknown)}.")
    if missing := sorted(str(g) for g in expected - counts.keys()):
        refuse("missing_goal", f"Goals without a status: {', '.join(missing)}.")
    for status in command.per_goal:
        require_text(status.text, "text")


def evolve(state: StatusReport | None, event: StatusReportSubmitted) -> StatusReport:
    return StatusReport(
        tenant_id=event.tenant_id,
        report_id=event.report_id,
        contract_id=event.contract_id,
        followup_ref=event.followup_ref,
        per_goal=event.per_goal,
    )
