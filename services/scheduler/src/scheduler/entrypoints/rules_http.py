"""The ops/admin API of each municipality's deadline rules: read, history, change."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from pydantic import BaseModel, Field
from servicekit.auth import Principal, require
from servicekit.problems import Problem

from scheduler.app.municipal_rules import (
    MUNICIPALITY_CODE,
    MunicipalRules,
    RuleSettings,
    RulesVersion,
)
from scheduler.domain import DomainError

READERS = require("caseworker", "team_leader", "ops", "admin", "coordinator")
ADMINS = require("ops", "admin")
Code = Annotated[str, Path(pattern=MUNICIPALITY_CODE)]


class RulesChange(BaseModel):
    based_on_version: int = Field(ge=0, description="The version this change was made from")
    settings: RuleSettings
    reason: str = Field(min_length=1, max_length=2000)


def _own(principal: Principal, municipality: str) -> None:
    """A principal bound to a municipality reads and changes only that one's rules."""
    if principal.municipality is not None and principal.municipality != municipality:
        raise Problem(403, "forbidden", "these are another municipality's rules")


def router() -> APIRouter:
    api = APIRouter(prefix="/municipalities/{municipality}/rules", tags=["rules"])

    @api.get("", response_model=RulesVersion)
    async def current(
        request: Request, municipality: Code, who: Annotated[Principal, Depends(READERS)]
    ) -> RulesVersion:
        _own(who, municipality)
        rules: MunicipalRules = request.app.state.rules
        async with request.app.state.store.unit_of_work() as tx:
            return await rules.current(tx, municipality)

    @api.get("/history", response_model=list[RulesVersion])
    async def history(
        request: Request, municipality: Code, who: Annotated[Principal, Depends(ADMINS)]
    ) -> list[RulesVersion]:
        _own(who, municipality)
        rules: MunicipalRules = request.app.state.rules
        async with request.app.state.store.unit_of_work() as tx:
            return await rules.history(tx, municipality)

    @api.put("", response_model=RulesVersion)
    async def change(
        request: Request,
        municipality: Code,
        body: RulesChange,
        who: Annotated[Principal, Depends(ADMINS)],
    ) -> RulesVersion:
        _own(who, municipality)
        rules: MunicipalRules = request.app.state.rules
        new = RulesVersion(
            municipality=municipality,
            version=body.based_on_version + 1,
            settings=body.settings,
            changed_by=who.user_id,
            changed_at=request.app.state.clock.now(),
            reason=body.reason,
        )
        try:
            async with request.app.state.store.unit_of_work() as tx:
                return await rules.change(tx, body.based_on_version, new)
        except DomainError as exc:
            if exc.code == "stale_rules_version":
                raise Problem(409, exc.code, exc.message) from exc
            raise

    return api
