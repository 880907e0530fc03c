from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.stop import Stop
from ...models.stop_delivery_response_stop_delivery_contracts_contract_id_delivery_stop_post import (
    StopDeliveryResponseStopDeliveryContractsContractIdDeliveryStopPost,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    contract_id: UUID,
    *,
    body: Stop,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contracts/{contract_id}/delivery/stop".format(
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
    Problem | StopDeliveryResponseStopDeliveryContractsContractIdDeliveryStopPost | None
):
    if response.status_code == 200:
        response_200 = StopDeliveryResponseStopDeliveryContractsContractIdDeliveryStopPost.from_dict(
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
    Problem | StopDeliveryResponseStopDeliveryContractsContractIdDeliveryStopPost
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
    body: Stop,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    Problem | StopDeliveryResponseStopDeliveryContractsContractIdDeliveryStopPost
]:
    """Stop Delivery

    Args:
        contract_id (UUID):
        idempotency_key (str | Unset):
        body (Stop):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StopDeliveryResponseStopDeliveryContractsContractIdDeliveryStopPost]
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
    body: Stop,
    idempotency_key: str | Unset = UNSET,
) -> (
    Problem | StopDeliveryResponseStopDeliveryContractsContractIdDeliveryStopPost | None
):
    """Stop Delivery

    Args:
        contract_id (UUID):
        idempotency_key (str | Unset):
        body (Stop):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StopDeliveryResponseStopDeliveryContractsContractIdDeliveryStopPost
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
    body: Stop,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    Problem | StopDeliveryResponseStopDeliveryContractsContractIdDeliveryStopPost
]:
    """Stop Delivery

    Args:
        contract_id (UUID):
        idempotency_key (str | Unset):
        body (Stop):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StopDeliveryResponseStopDeliveryContractsContractIdDeliveryStopPost]
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
    body: Stop,
    idempotency_key: str | Unset = UNSET,
) -> (
    Problem | StopDeliveryResponseStopDeliveryContractsContractIdDeliveryStopPost | None
):
    """Stop Delivery

    Args:
        contract_id (UUID):
        idempotency_key (str | Unset):
        body (Stop):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StopDeliveryResponseStopDeliveryContractsContractIdDeliveryStopPost
    """

    return (
        await asyncio_detailed(
            contract_id=contract_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
