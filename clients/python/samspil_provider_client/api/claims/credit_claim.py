from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credit_claim_response_credit_claim_claims_claim_id_credit_notes_post import (
    CreditClaimResponseCreditClaimClaimsClaimIdCreditNotesPost,
)
from ...models.credit_note import CreditNote
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    claim_id: UUID,
    *,
    body: CreditNote,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/claims/{claim_id}/credit-notes".format(
            claim_id=quote(str(claim_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreditClaimResponseCreditClaimClaimsClaimIdCreditNotesPost | Problem | None:
    if response.status_code == 201:
        response_201 = (
            CreditClaimResponseCreditClaimClaimsClaimIdCreditNotesPost.from_dict(
                response.json()
            )
        )

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreditClaimResponseCreditClaimClaimsClaimIdCreditNotesPost | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    claim_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreditNote,
    idempotency_key: str | Unset = UNSET,
) -> Response[CreditClaimResponseCreditClaimClaimsClaimIdCreditNotesPost | Problem]:
    """Credit Claim

    Args:
        claim_id (UUID):
        idempotency_key (str | Unset):
        body (CreditNote):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditClaimResponseCreditClaimClaimsClaimIdCreditNotesPost | Problem]
    """

    kwargs = _get_kwargs(
        claim_id=claim_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    claim_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreditNote,
    idempotency_key: str | Unset = UNSET,
) -> CreditClaimResponseCreditClaimClaimsClaimIdCreditNotesPost | Problem | None:
    """Credit Claim

    Args:
        claim_id (UUID):
        idempotency_key (str | Unset):
        body (CreditNote):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditClaimResponseCreditClaimClaimsClaimIdCreditNotesPost | Problem
    """

    return sync_detailed(
        claim_id=claim_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    claim_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreditNote,
    idempotency_key: str | Unset = UNSET,
) -> Response[CreditClaimResponseCreditClaimClaimsClaimIdCreditNotesPost | Problem]:
    """Credit Claim

    Args:
        claim_id (UUID):
        idempotency_key (str | Unset):
        body (CreditNote):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreditClaimResponseCreditClaimClaimsClaimIdCreditNotesPost | Problem]
    """

    kwargs = _get_kwargs(
        claim_id=claim_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    claim_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreditNote,
    idempotency_key: str | Unset = UNSET,
) -> CreditClaimResponseCreditClaimClaimsClaimIdCreditNotesPost | Problem | None:
    """Credit Claim

    Args:
        claim_id (UUID):
        idempotency_key (str | Unset):
        body (CreditNote):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreditClaimResponseCreditClaimClaimsClaimIdCreditNotesPost | Problem
    """

    return (
        await asyncio_detailed(
            claim_id=claim_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
