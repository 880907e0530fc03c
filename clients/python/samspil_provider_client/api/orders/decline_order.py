from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.answered import Answered
from ...models.decline import Decline
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    order_id: UUID,
    *,
    body: Decline,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/orders/{order_id}/decline".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Answered | Problem | None:
    if response.status_code == 200:
        response_200 = Answered.from_dict(response.json())

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
) -> Response[Answered | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Decline,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Answered | Problem]:
    """Decline Order

     Decline the order's current version with a coded reason. The same decline again
    (reason and text) gets the first answer (200), so a retry is safe; another answer to
    an order already answered is a 409 `order_already_answered`.

    Args:
        order_id (UUID):
        if_match (None | str | Unset):
        idempotency_key (str | Unset):
        body (Decline):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Answered | Problem]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Decline,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Answered | Problem | None:
    """Decline Order

     Decline the order's current version with a coded reason. The same decline again
    (reason and text) gets the first answer (200), so a retry is safe; another answer to
    an order already answered is a 409 `order_already_answered`.

    Args:
        order_id (UUID):
        if_match (None | str | Unset):
        idempotency_key (str | Unset):
        body (Decline):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Answered | Problem
    """

    return sync_detailed(
        order_id=order_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Decline,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Answered | Problem]:
    """Decline Order

     Decline the order's current version with a coded reason. The same decline again
    (reason and text) gets the first answer (200), so a retry is safe; another answer to
    an order already answered is a 409 `order_already_answered`.

    Args:
        order_id (UUID):
        if_match (None | str | Unset):
        idempotency_key (str | Unset):
        body (Decline):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Answered | Problem]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Decline,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Answered | Problem | None:
    """Decline Order

     Decline the order's current version with a coded reason. The same decline again
    (reason and text) gets the first answer (200), so a retry is safe; another answer to
    an order already answered is a 409 `order_already_answered`.

    Args:
        order_id (UUID):
        if_match (None | str | Unset):
        idempotency_key (str | Unset):
        body (Decline):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Answered | Problem
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
