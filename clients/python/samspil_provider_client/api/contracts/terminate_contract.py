from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.terminate import Terminate
from ...models.terminate_contract_response_terminate_contract_contracts_contract_id_terminate_post import (
    TerminateContractResponseTerminateContractContractsContractIdTerminatePost,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    contract_id: UUID,
    *,
    body: Terminate,
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
        "url": "/contracts/{contract_id}/terminate".format(
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
    | TerminateContractResponseTerminateContractContractsContractIdTerminatePost
    | None
):
    if response.status_code == 200:
        response_200 = TerminateContractResponseTerminateContractContractsContractIdTerminatePost.from_dict(
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
    Problem | TerminateContractResponseTerminateContractContractsContractIdTerminatePost
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
    body: Terminate,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    Problem | TerminateContractResponseTerminateContractContractsContractIdTerminatePost
]:
    """Terminate Contract

     Give notice: the contract stays in force through ``last_day`` and then ends
    (``contract.terminated`` now, ``contract.ended`` then). 404 for a contract not yours;
    409 ``contract_already_terminated``; 422 ``contract_not_in_force``,
    ``notice_period_required``, ``termination_text_required``.

    Args:
        contract_id (UUID):
        if_match (None | str | Unset):
        idempotency_key (str | Unset):
        body (Terminate): Notice (opsigelse) for the provider: a coded reason and the notice
            period in days,
            counted from today in Copenhagen (0: at once, only for a serious breach).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TerminateContractResponseTerminateContractContractsContractIdTerminatePost]
    """

    kwargs = _get_kwargs(
        contract_id=contract_id,
        body=body,
        if_match=if_match,
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
    body: Terminate,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    Problem
    | TerminateContractResponseTerminateContractContractsContractIdTerminatePost
    | None
):
    """Terminate Contract

     Give notice: the contract stays in force through ``last_day`` and then ends
    (``contract.terminated`` now, ``contract.ended`` then). 404 for a contract not yours;
    409 ``contract_already_terminated``; 422 ``contract_not_in_force``,
    ``notice_period_required``, ``termination_text_required``.

    Args:
        contract_id (UUID):
        if_match (None | str | Unset):
        idempotency_key (str | Unset):
        body (Terminate): Notice (opsigelse) for the provider: a coded reason and the notice
            period in days,
            counted from today in Copenhagen (0: at once, only for a serious breach).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TerminateContractResponseTerminateContractContractsContractIdTerminatePost
    """

    return sync_detailed(
        contract_id=contract_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    contract_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Terminate,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    Problem | TerminateContractResponseTerminateContractContractsContractIdTerminatePost
]:
    """Terminate Contract

     Give notice: the contract stays in force through ``last_day`` and then ends
    (``contract.terminated`` now, ``contract.ended`` then). 404 for a contract not yours;
    409 ``contract_already_terminated``; 422 ``contract_not_in_force``,
    ``notice_period_required``, ``termination_text_required``.

    Args:
        contract_id (UUID):
        if_match (None | str | Unset):
        idempotency_key (str | Unset):
        body (Terminate): Notice (opsigelse) for the provider: a coded reason and the notice
            period in days,
            counted from today in Copenhagen (0: at once, only for a serious breach).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TerminateContractResponseTerminateContractContractsContractIdTerminatePost]
    """

    kwargs = _get_kwargs(
        contract_id=contract_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contract_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Terminate,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> (
    Problem
    | TerminateContractResponseTerminateContractContractsContractIdTerminatePost
    | None
):
    """Terminate Contract

     Give notice: the contract stays in force through ``last_day`` and then ends
    (``contract.terminated`` now, ``contract.ended`` then). 404 for a contract not yours;
    409 ``contract_already_terminated``; 422 ``contract_not_in_force``,
    ``notice_period_required``, ``termination_text_required``.

    Args:
        contract_id (UUID):
        if_match (None | str | Unset):
        idempotency_key (str | Unset):
        body (Terminate): Notice (opsigelse) for the provider: a coded reason and the notice
            period in days,
            counted from today in Copenhagen (0: at once, only for a serious breach).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TerminateContractResponseTerminateContractContractsContractIdTerminatePost
    """

    return (
        await asyncio_detailed(
            contract_id=contract_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
