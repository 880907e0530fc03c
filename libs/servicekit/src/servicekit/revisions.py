"""The revision a client read: ``If-Match: "7"`` or ``expected_revision`` in the body.

Stream versions are 32-bit integers in the event store, so a larger number (or digits that
are not ASCII, which ``str.isdigit`` accepts and ``int`` may not) is the client's mistake,
answered with 400 or 422, never a database error.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field
from samspil_contracts.common import MAX_REVISION

from servicekit.problems import Problem

Revision = Annotated[int, Field(ge=0, le=MAX_REVISION, description="Or the If-Match header")]
_DIGITS = re.compile(r"[0-9]{1,10}", re.ASCII)


def revision_from(if_match: str | None, body_revision: int | None = None) -> int | None:
    """The body's revision, else the one in ``If-Match`` (weak or strong, quoted or not)."""
    if body_revision is not None:
        return body_revision
    if if_match is None:
        return None
    text = if_match.strip().removeprefix("W/").strip('"')
    if not _DIGITS.fullmatch(text) or int(text) > MAX_REVISION:
        raise Problem(400, "invalid_if_match", 'If-Match must carry a revision, e.g. "7"')
    return int(text)
