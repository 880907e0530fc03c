from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.log_session_response_log_session_contracts_contract_id_sessions_post import (
    LogSessionResponseLogSessionContractsContractIdSessionsPost,
)
from ...models.problem import Problem
from ...models.session import Session
from ...types import UNSET, Response, Unset


def _get_kwargs(
    contract_id: UUID,
    *,
    body: Session,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contracts/{contract_id}/sessions".format(
            contract_id=quote(str(contract_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LogSessionResponseLogSessionContractsContractIdSessionsPost | Problem | None:
    if response.status_code == 201:
        response_201 = (
            LogSessionResponseLogSessionContractsContractIdSessionsPost.from_dict(
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
) -> Response[LogSessionResponseLogSessionContractsContractIdSessionsPost | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    contract_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Session,
    idempotency_key: str | Unset = UNSET,
) -> Response[LogSessionResponseLogSessionContractsContractIdSessionsPost | Problem]:
    """Log Session

    Args:
        contract_id (UUID):
        idempotency_key (str | Unset):
        body (Session):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LogSessionResponseLogSessionContractsContractIdSessionsPost | Problem]
    """

    kwargs = _get_kwargs(
        contract_id=contract_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contract_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Session,
    idempotency_key: str | Unset = UNSET,
) -> LogSessionResponseLogSessionContractsContractIdSessionsPost | Problem | None:
    """Log Session

    Args:
        contract_id (UUID):
        idempotency_key (str | Unset):
        body (Session):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LogSessionResponseLogSessionContractsContractIdSessionsPost | Problem
    """

    return sync_detailed(
        contract_id=contract_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    contract_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Session,
    idempotency_key: str | Unset = UNSET,
) -> Response[LogSessionResponseLogSessionContractsContractIdSessionsPost | Problem]:
    """Log Session

    Args:
        contract_id (UUID):
        idempotency_key (str | Unset):
        body (Session):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LogSessionResponseLogSessionContractsContractIdSessionsPost | Problem]
    """

    kwargs = _get_kwargs(
        contract_id=contract_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contract_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Session,
    idempotency_key: str | Unset = UNSET,
) -> LogSessionResponseLogSessionContractsContractIdSessionsPost | Problem | None:
    """Log Session

    Args:
        contract_id (UUID):
        idempotency_key (str | Unset):
        body (Session):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LogSessionResponseLogSessionContractsContractIdSessionsPost | Problem
    """

    return (
        await asyncio_detailed(
            contract_id=contract_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
