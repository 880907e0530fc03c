"""The case list on My work: filters and order from the query string or the search form,
the search itself only ever from a POSTed form (a CPR number must not reach a URL)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi import Request

from authority.app.case_search import SORTS, STATUSES, CaseFilter, CaseSearch
from authority.app.readmodels import Page, Scope
from authority.app.search_terms import parse
from authority.domain import DomainError, MeasureCode
from authority.entrypoints.http.common import acting
from authority.entrypoints.web.forms import FieldMissing, actor
from authority.entrypoints.web.i18n import error_text, language, translator
from authority.entrypoints.web.session import User

MEASURES = tuple(m.value for m in MeasureCode)


@dataclass(frozen=True)
class Listed:
    """One page of the list, or the refusal to show it (``error``: the reason field's)."""

    cases: Page
    filters: CaseFilter
    error: str | None = None
    logged: bool = False  # a CPR search, logged as an access to the cases found


def _choice(value: Any, allowed: tuple[str, ...]) -> str | None:
    found = str(value or "")
    return found if found in allowed else None


def filters_from(values: Mapping[str, Any]) -> CaseFilter:
    """What the form or the query string asks for; anything unknown is ignored."""
    team = str(values.get("team") or "").strip()[:200] or None
    return CaseFilter(
        status=_choice(values.get("status"), STATUSES),
        measure=_choice(values.get("measure"), MEASURES),
        team=team,
        overdue=str(values.get("overdue") or "") in ("1", "on", "true"),
        sort=_choice(values.get("sort"), SORTS) or SORTS[0],
    )


def query_string(filters: CaseFilter) -> str:
    """The filters as the pager's links carry them (never the search words)."""
    pairs = {
        "status": filters.status,
        "measure": filters.measure,
        "team": filters.team,
        "overdue": "1" if filters.overdue else None,
        "sort": filters.sort,
    }
    return "&" + urlencode({k: v for k, v in pairs.items() if v})


def searcher(request: Request) -> CaseSearch:
    found: CaseSearch = request.app.state.search
    return found


async def listed(
    request: Request,
    user: User,
    whose: Scope,
    values: Mapping[str, Any],
    q: str = "",
    page: int = 1,
) -> Listed:
    """``values``: the form (a search) or the query string (a plain list)."""
    filters = filters_from(values)
    t = translator(language(request))
    try:
        who = actor(user, await request.form()) if q else acting(user)
        found = await searcher(request).find(who, q, whose, filters, page)
    except DomainError as refused:
        return Listed(Page([], 0), filters, error_text(t, refused.code, refused.message))
    except FieldMissing as bad:
        return Listed(Page([], 0), filters, t(bad.message_key, field=t(f"field.{bad.name}")))
    return Listed(found, filters, logged=parse(q).cpr is not None)
