"""The access log per citizen (a data subject's right of access): every look at a case the
citizen is on, who, when and why, as JSON or CSV. Team leaders only; the CPR number goes in
the body (never a URL, which proxies log), and the export itself is logged on each case."""

from __future__ import annotations

import csv
import io
from typing import Any, Literal

from fastapi import APIRouter, Response
from pydantic import Field

from authority.domain import Role
from authority.domain.case import Cpr
from authority.entrypoints.http.common import Leader, Mutation, Svc, acting

COLUMNS = ("at", "case_id", "relation", "what", "user_id", "role", "reason")
# A spreadsheet runs a cell starting with one of these as a formula (=HYPERLINK(...) would
# send the data elsewhere): such a cell is written as text, with a leading apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_START) else value


class CitizenIn(Mutation):
    cpr: str = Field(min_length=10, max_length=11, description="The citizen's CPR number")
    format: Literal["json", "csv"] = "json"


def _csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def router() -> APIRouter:
    api = APIRouter(tags=["access log"])

    @api.post("/citizens/access-log", response_model=None)
    async def export(body: CitizenIn, who: Leader, s: Svc) -> list[dict[str, Any]] | Response:
        a = acting(who, body, prefer=Role.TEAM_LEADER)
        rows = [dict(r) for r in await s.citizens.access_log(Cpr(body.cpr).digits)]
        for case_id in dict.fromkeys(r["case_id"] for r in rows):
            await s.cases.record_access(case_id, a, "export")
        for row in rows:
            row["at"] = row["at"].isoformat()
            row.pop("id", None)
        if body.format == "csv":
            headers = {"content-disposition": 'attachment; filename="access-log.csv"'}
            return Response(_csv(rows), media_type="text/csv", headers=headers)
        return rows

    return api
