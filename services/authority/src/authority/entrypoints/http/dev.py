"""The development token issuer: mints any role. Not routed (nor in the OpenAPI) in
production, where tokens come from the municipality's OIDC provider."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from samspil_contracts.common import ShortText


class TokenIn(BaseModel):
    user_id: ShortText
    roles: list[ShortText] = Field(max_length=10)
    # The identity provider's display claims: the UI's directory of users shows them.
    name: ShortText | None = None
    title: ShortText | None = None


def router() -> APIRouter:
    api = APIRouter(tags=["development"])

    @api.post("/dev/token")
    async def dev_token(body: TokenIn, request: Request) -> dict[str, str]:
        issuer = request.app.state.dev_issuer
        token = issuer.issue(body.user_id, body.roles, name=body.name, title=body.title)
        return {"access_token": token, "token_type": "bearer"}

    return api
