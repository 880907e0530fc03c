"""Finance settles a claim from the case page: each line approved or rejected with a coded
reason, then the approved claim marked paid. The same use cases as the JSON API."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from starlette.datastructures import FormData

from authority.app.services import Services
from authority.domain import Role
from authority.domain.settlement import LineOutcome, LineRejection
from authority.entrypoints.web.forms import FieldInvalid, actor, day, number, text
from authority.entrypoints.web.session import User

APPROVE = "approve"


def line_outcome(f: FormData, line: int) -> LineOutcome:
    """``line-N``: ``approve`` or a rejection code; ``text-N`` beside it (for ``other``)."""
    choice = text(f, f"line-{line}")
    note = text(f, f"text-{line}", required=False) or None
    if choice == APPROVE:
        return LineOutcome(line, True)
    if choice not in set(LineRejection):
        raise FieldInvalid(f"line-{line}")
    return LineOutcome(line, False, LineRejection(choice), note)


async def decide_lines(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    count = number(f, "line_count", low=1, high=100)
    outcomes = tuple(line_outcome(f, n) for n in range(1, count + 1))
    await s.claims.decide_lines(UUID(p["item_id"]), outcomes, actor(user, f, Role.FINANCE))


async def paid(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    paid_on = day(f, "paid_on")
    assert isinstance(paid_on, date)  # required above
    await s.claims.paid(UUID(p["item_id"]), paid_on, actor(user, f, Role.FINANCE))


ROUTES = {
    "claims/{item_id}/lines": ("claims", decide_lines),
    "claims/{item_id}/paid": ("claims", paid),
}
