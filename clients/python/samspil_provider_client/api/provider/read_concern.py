from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.read_concern_response_read_concern_concerns_concern_id_get import (
    ReadConcernResponseReadConcernConcernsConcernIdGet,
)
from ...types import Response


def _get_kwargs(
    concern_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/concerns/{concern_id}".format(
            concern_id=quote(str(concern_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReadConcernResponseReadConcernConcernsConcernIdGet | None:
    if response.status_code == 200:
        response_200 = ReadConcernResponseReadConcernConcernsConcernIdGet.from_dict(
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
) -> Response[Problem | ReadConcernResponseReadConcernConcernsConcernIdGet]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    concern_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ReadConcernResponseReadConcernConcernsConcernIdGet]:
    """Read Concern

     A concern, or a use-of-force report by its incident id; details ``[erased]``
    once the child is erased.

    Args:
        concern_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReadConcernResponseReadConcernConcernsConcernIdGet]
    """

    kwargs = _get_kwargs(
        concern_id=concern_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    concern_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ReadConcernResponseReadConcernConcernsConcernIdGet | None:
    """Read Concern

     A concern, or a use-of-force report by its incident id; details ``[erased]``
    once the child is erased.

    Args:
        concern_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReadConcernResponseReadConcernConcernsConcernIdGet
    """

    return sync_detailed(
        concern_id=concern_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    concern_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ReadConcernResponseReadConcernConcernsConcernIdGet]:
    """Read Concern

     A concern, or a use-of-force report by its incident id; details ``[erased]``
    once the child is erased.

    Args:
        concern_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReadConcernResponseReadConcernConcernsConcernIdGet]
    """

    kwargs = _get_kwargs(
        concern_id=concern_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    concern_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ReadConcernResponseReadConcernConcernsConcernIdGet | None:
    """Read Concern

     A concern, or a use-of-force report by its incident id; details ``[erased]``
    once the child is erased.

    Args:
        concern_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReadConcernResponseReadConcernConcernsConcernIdGet
    """

    return (
        await asyncio_detailed(
            concern_id=concern_id,
            client=client,
        )
    ).parsed
