"""Schemathesis hooks for the API fuzz test (loaded with ``SCHEMATHESIS_HOOKS``)."""

from __future__ import annotations

from typing import Any

import schemathesis


@schemathesis.check
def problem_json_errors(ctx: Any, response: Any, case: Any) -> None:
    """Every error answer is ``application/problem+json`` (clients switch on its ``type``)."""
    if response.status_code < 400:
        return
    content_type = (response.headers.get("content-type") or [""])[0]
    if not content_type.startswith("application/problem+json"):
        raise AssertionError(f"{response.status_code} answered as {content_type!r}")
