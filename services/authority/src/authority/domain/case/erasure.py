"""Erasing a child's data (crypto-shredding) cannot be undone: four eyes.

One team leader requests it, with a reason; another approves it, and the child's data is
erased on the case and on the child's other cases. Both are events on the case, with who,
when and why: the audit of an erasure outlives the data.
"""

from authority.domain.audit import Role, require_role, stamp
from authority.domain.case.commands import EraseChildData, EraseWithChild, RequestErasure
from authority.domain.case.events import CaseEvent, ChildDataErased, ErasureRequested
from authority.domain.case.state import CaseState
from authority.domain.errors import require, require_text


def decide(
    command: RequestErasure | EraseChildData | EraseWithChild, case: CaseState
) -> list[CaseEvent]:
    match command:
        case RequestErasure():
            return _request(command, case)
        case EraseChildData():
            return _approve(command, case)
        case EraseWithChild():  # approved on another case of the child
            return [ChildDataErased(**stamp(command))]


def _request(command: RequestErasure, case: CaseState) -> list[CaseEvent]:
    require_role(command, Role.TEAM_LEADER)
    require_text(command.reason, "reason")
    require(
        case.erasure_requested_by is None,
        "erasure_already_requested",
        "the erasure is already requested and awaits another team leader's approval",
    )
    return [ErasureRequested(**stamp(command))]


def _approve(command: EraseChildData, case: CaseState) -> list[CaseEvent]:
    """Crypto-shredding cannot be undone: one team leader asks, another approves."""
    require_role(command, Role.TEAM_LEADER)
    require(
        case.erasure_requested_by is not None,
        "erasure_not_requested",
        "a team leader must first request the erasure, with a reason",
    )
    require(
        case.erasure_requested_by != command.actor.user_id,
        "erasure_four_eyes_required",
        "another team leader than the one who requested the erasure must approve it",
    )
    return [ChildDataErased(**stamp(command))]
