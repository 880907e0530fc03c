from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.change_request_in import ChangeRequestIn
from ...models.problem import Problem
from ...models.request_change_response_request_change_contracts_contract_id_change_requests_post import (
    RequestChangeResponseRequestChangeContractsContractIdChangeRequestsPost,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    contract_id: UUID,
    *,
    body: ChangeRequestIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contracts/{contract_id}/change-requests".format(
            contract_id=quote(str(contract_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    Problem
    | RequestChangeResponseRequestChangeContractsContractIdChangeRequestsPost
    | None
):
    if response.status_code == 201:
        response_201 = RequestChangeResponseRequestChangeContractsContractIdChangeRequestsPost.from_dict(
            response.json()
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
) -> Response[
    Problem | RequestChangeResponseRequestChangeContractsContractIdChangeRequestsPost
]:
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
    body: ChangeRequestIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    Problem | RequestChangeResponseRequestChangeContractsContractIdChangeRequestsPost
]:
    """Request Change

     Ask the authority to change a contract in force. Refused (422) when the contract
    is not in force (`contract_not_in_force`), a request of the same kind is open
    (`change_request_open`), the dates are invalid (`invalid_dates`,
    `extension_not_later`), or the request names fields of another kind
    (`invalid_change_request`); 404 for a contract the tenant does not hold.

    Args:
        contract_id (UUID):
        idempotency_key (str | Unset):
        body (ChangeRequestIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequestChangeResponseRequestChangeContractsContractIdChangeRequestsPost]
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
    body: ChangeRequestIn,
    idempotency_key: str | Unset = UNSET,
) -> (
    Problem
    | RequestChangeResponseRequestChangeContractsContractIdChangeRequestsPost
    | None
):
    """Request Change

     Ask the authority to change a contract in force. Refused (422) when the contract
    is not in force (`contract_not_in_force`), a request of the same kind is open
    (`change_request_open`), the dates are invalid (`invalid_dates`,
    `extension_not_later`), or the request names fields of another kind
    (`invalid_change_request`); 404 for a contract the tenant does not hold.

    Args:
        contract_id (UUID):
        idempotency_key (str | Unset):
        body (ChangeRequestIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RequestChangeResponseRequestChangeContractsContractIdChangeRequestsPost
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
    body: ChangeRequestIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    Problem | RequestChangeResponseRequestChangeContractsContractIdChangeRequestsPost
]:
    """Request Change

     Ask the authority to change a contract in force. Refused (422) when the contract
    is not in force (`contract_not_in_force`), a request of the same kind is open
    (`change_request_open`), the dates are invalid (`invalid_dates`,
    `extension_not_later`), or the request names fields of another kind
    (`invalid_change_request`); 404 for a contract the tenant does not hold.

    Args:
        contract_id (UUID):
        idempotency_key (str | Unset):
        body (ChangeRequestIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequestChangeResponseRequestChangeContractsContractIdChangeRequestsPost]
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
    body: ChangeRequestIn,
    idempotency_key: str | Unset = UNSET,
) -> (
    Problem
    | RequestChangeResponseRequestChangeContractsContractIdChangeRequestsPost
    | None
):
    """Request Change

     Ask the authority to change a contract in force. Refused (422) when the contract
    is not in force (`contract_not_in_force`), a request of the same kind is open
    (`change_request_open`), the dates are invalid (`invalid_dates`,
    `extension_not_later`), or the request names fields of another kind
    (`invalid_change_request`); 404 for a contract the tenant does not hold.

    Args:
        contract_id (UUID):
        idempotency_key (str | Unset):
        body (ChangeRequestIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RequestChangeResponseRequestChangeContractsContractIdChangeRequestsPost
    """

    return (
        await asyncio_detailed(
            contract_id=contract_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
