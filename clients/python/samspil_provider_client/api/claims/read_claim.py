from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.read_claim_response_read_claim_claims_claim_id_get import (
    ReadClaimResponseReadClaimClaimsClaimIdGet,
)
from ...types import Response


def _get_kwargs(
    claim_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/claims/{claim_id}".format(
            claim_id=quote(str(claim_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReadClaimResponseReadClaimClaimsClaimIdGet | None:
    if response.status_code == 200:
        response_200 = ReadClaimResponseReadClaimClaimsClaimIdGet.from_dict(
            response.json()
        )

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ReadClaimResponseReadClaimClaimsClaimIdGet]:
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
) -> Response[Problem | ReadClaimResponseReadClaimClaimsClaimIdGet]:
    """Read Claim

     The claim with each line's outcome (``lines``: ``outcome`` approved or rejected,
    ``reason_code``), ``approved_total_oere`` (less credit notes), ``payment_due_on``
    (the contract's payment terms from the claim) and ``paid_on``.

    Args:
        claim_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReadClaimResponseReadClaimClaimsClaimIdGet]
    """

    kwargs = _get_kwargs(
        claim_id=claim_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    claim_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ReadClaimResponseReadClaimClaimsClaimIdGet | None:
    """Read Claim

     The claim with each line's outcome (``lines``: ``outcome`` approved or rejected,
    ``reason_code``), ``approved_total_oere`` (less credit notes), ``payment_due_on``
    (the contract's payment terms from the claim) and ``paid_on``.

    Args:
        claim_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReadClaimResponseReadClaimClaimsClaimIdGet
    """

    return sync_detailed(
        claim_id=claim_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    claim_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ReadClaimResponseReadClaimClaimsClaimIdGet]:
    """Read Claim

     The claim with each line's outcome (``lines``: ``outcome`` approved or rejected,
    ``reason_code``), ``approved_total_oere`` (less credit notes), ``payment_due_on``
    (the contract's payment terms from the claim) and ``paid_on``.

    Args:
        claim_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReadClaimResponseReadClaimClaimsClaimIdGet]
    """

    kwargs = _get_kwargs(
        claim_id=claim_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    claim_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ReadClaimResponseReadClaimClaimsClaimIdGet | None:
    """Read Claim

     The claim with each line's outcome (``lines``: ``outcome`` approved or rejected,
    ``reason_code``), ``approved_total_oere`` (less credit notes), ``payment_due_on``
    (the contract's payment terms from the claim) and ``paid_on``.

    Args:
        claim_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReadClaimResponseReadClaimClaimsClaimIdGet
    """

    return (
        await asyncio_detailed(
            claim_id=claim_id,
            client=client,
        )
    ).parsed
