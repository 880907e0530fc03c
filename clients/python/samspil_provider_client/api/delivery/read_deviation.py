import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.read_deviation_response_read_deviation_contracts_contract_id_deviation_get import (
    ReadDeviationResponseReadDeviationContractsContractIdDeviationGet,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    contract_id: UUID,
    *,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_start: None | str | Unset
    if isinstance(start, Unset):
        json_start = UNSET
    elif isinstance(start, datetime.date):
        json_start = start.isoformat()
    else:
        json_start = start
    params["start"] = json_start

    json_end: None | str | Unset
    if isinstance(end, Unset):
        json_end = UNSET
    elif isinstance(end, datetime.date):
        json_end = end.isoformat()
    else:
        json_end = end
    params["end"] = json_end

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contracts/{contract_id}/deviation".format(
            contract_id=quote(str(contract_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReadDeviationResponseReadDeviationContractsContractIdDeviationGet | None:
    if response.status_code == 200:
        response_200 = (
            ReadDeviationResponseReadDeviationContractsContractIdDeviationGet.from_dict(
                response.json()
            )
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
) -> Response[
    Problem | ReadDeviationResponseReadDeviationContractsContractIdDeviationGet
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
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
) -> Response[
    Problem | ReadDeviationResponseReadDeviationContractsContractIdDeviationGet
]:
    """Read Deviation

     Agreed against delivered minutes per week over ``start``..``end`` (by default
    from the contract's start until today).

    Args:
        contract_id (UUID):
        start (datetime.date | None | Unset):
        end (datetime.date | None | Unset): At most 366 days after start (default: today)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReadDeviationResponseReadDeviationContractsContractIdDeviationGet]
    """

    kwargs = _get_kwargs(
        contract_id=contract_id,
        start=start,
        end=end,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contract_id: UUID,
    *,
    client: AuthenticatedClient,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
) -> Problem | ReadDeviationResponseReadDeviationContractsContractIdDeviationGet | None:
    """Read Deviation

     Agreed against delivered minutes per week over ``start``..``end`` (by default
    from the contract's start until today).

    Args:
        contract_id (UUID):
        start (datetime.date | None | Unset):
        end (datetime.date | None | Unset): At most 366 days after start (default: today)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReadDeviationResponseReadDeviationContractsContractIdDeviationGet
    """

    return sync_detailed(
        contract_id=contract_id,
        client=client,
        start=start,
        end=end,
    ).parsed


async def asyncio_detailed(
    contract_id: UUID,
    *,
    client: AuthenticatedClient,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
) -> Response[
    Problem | ReadDeviationResponseReadDeviationContractsContractIdDeviationGet
]:
    """Read Deviation

     Agreed against delivered minutes per week over ``start``..``end`` (by default
    from the contract's start until today).

    Args:
        contract_id (UUID):
        start (datetime.date | None | Unset):
        end (datetime.date | None | Unset): At most 366 days after start (default: today)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReadDeviationResponseReadDeviationContractsContractIdDeviationGet]
    """

    kwargs = _get_kwargs(
        contract_id=contract_id,
        start=start,
        end=end,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contract_id: UUID,
    *,
    client: AuthenticatedClient,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
) -> Problem | ReadDeviationResponseReadDeviationContractsContractIdDeviationGet | None:
    """Read Deviation

     Agreed against delivered minutes per week over ``start``..``end`` (by default
    from the contract's start until today).

    Args:
        contract_id (UUID):
        start (datetime.date | None | Unset):
        end (datetime.date | None | Unset): At most 366 days after start (default: today)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReadDeviationResponseReadDeviationContractsContractIdDeviationGet
    """

    return (
        await asyncio_detailed(
            contract_id=contract_id,
            client=client,
            start=start,
            end=end,
        )
    ).parsed
