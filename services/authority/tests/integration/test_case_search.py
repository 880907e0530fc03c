"""Finding a case through the real PostgreSQL: by the child's name (whole words, Danish
letters folded), by CPR number with a reason (logged as an access, refused without one), by
case number and by caseworker; the blind index holds no name or number and is rebuilt from
the log with the case list."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from .conftest import Stack

pytestmark = pytest.mark.integration
CHILDREN = {  # invented names and numbers
    "alma": ("Alma Hansen", "120315-4321"),
    "soeren": ("Søren Ødegård", "030612-1113"),
    "alma2": ("Alma Jensen", "250418-2224"),
}


async def sql(stack: Stack, statement: str, **params: Any) -> list[Any]:
    engine = create_async_engine(stack.db_url)
    try:
        async with engine.begin() as conn:
            result = await conn.execute(sa.text(statement), params)
            return list(result.all()) if result.returns_rows else []
    finally:
        await engine.dispose()


async def open_child(stack: Stack, name: str, cpr: str, headers: dict[str, str]) -> str:
    body = {
        "child": {"name": name, "cpr": cpr},
        "parents": [{"name": "Mette Hansen", "cpr": "010180-2222"}],
        "custody": {"kind": "mother"},
        "contact_person": "Karen Caseworker",
    }
    resp = await stack.client.post("/cases", json=body, headers=headers)
    assert resp.status_code == 201, resp.text
    return str(resp.json()["case_id"])


@pytest.fixture(scope="module")
async def opened(stack: Stack) -> dict[str, str]:
    cw = await stack.token("sb-find", "caseworker")
    other = await stack.token("sb-other", "caseworker")
    ids = {}
    for key, (name, cpr) in CHILDREN.items():
        ids[key] = await open_child(stack, name, cpr, other if key == "alma2" else cw)
    return ids


async def search(stack: Stack, user: str = "sb-find", **body: Any) -> Any:
    headers = await stack.token(user, "caseworker")
    return await stack.client.post("/cases/search", json=body, headers=headers)


def ids_of(answer: Any) -> set[str]:
    return {r["case_id"] for r in answer.json()["rows"]}


async def test_a_child_is_found_by_whole_name_words(stack: Stack, opened: dict[str, str]) -> None:
    # When a caseworker searches by a first name, a full name, or a name typed without æ/ø/å
    first = await search(stack, query="alma")
    full = await search(stack, query="Alma Hansen")
    folded = await search(stack, query="soeren oedegaard")
    nobody = await search(stack, query="Hansen Jensen")
    # Then the cases of those children, each row unambiguous (initials, birth year, number)
    assert ids_of(first) == {opened["alma"], opened["alma2"]}
    assert ids_of(full) == {opened["alma"]}
    assert ids_of(folded) == {opened["soeren"]}
    assert ids_of(nobody) == set()
    row = full.json()["rows"][0]
    assert (row["child_initials"], row["birth_year"]) == ("A.H.", 2015)
    assert row["case_number"] == opened["alma"].replace("-", "")[:8].upper()
    assert row["opened_at"] is not None


async def test_by_case_number_and_by_caseworker(stack: Stack, opened: dict[str, str]) -> None:
    number = opened["soeren"].replace("-", "")[:8].upper()
    by_number = await search(stack, query=f"{number[:4]}-{number[4:]}")
    by_worker = await search(stack, query="sb-other")
    only_mine = await search(stack, query="alma", caseworker="sb-find")
    assert opened["soeren"] in ids_of(by_number)
    assert ids_of(by_worker) == {opened["alma2"]}
    assert ids_of(only_mine) == {opened["alma"]}


async def test_a_cpr_search_needs_a_reason_and_is_logged(
    stack: Stack,
    opened: dict[str, str],
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    case_id = opened["alma"]
    log_sql = "select user_id, reason, what from access_log where case_id = :c"
    # When a caseworker searches by CPR number without a reason, then with one
    refused = await search(stack, query="120315-4321")
    logged_after_refusal = await sql(stack, log_sql, c=case_id)
    found = await search(stack, query="1203154321", reason="Underretning om barnet")
    # Then the first is refused on the reason field (Danish and English), nothing logged
    assert refused.status_code == 422
    assert refused.headers["content-type"].startswith("application/problem+json")
    problem = refused.json()
    assert problem["type"].endswith("/cpr_search_reason_required")
    assert problem["errors"][0]["loc"] == ["body", "reason"]
    assert "begrundelse" in problem["texts"]["da"]
    assert "reason" in problem["texts"]["en"]
    assert logged_after_refusal == []
    # And the second finds the child and is in the access log with its reason
    assert ids_of(found) == {case_id}
    logged = await sql(stack, log_sql, c=case_id)
    assert [tuple(r) for r in logged] == [("sb-find", "Underretning om barnet", "cpr_search")]
    # And neither the number nor the name is in a log line or the blind index
    out = capsys.readouterr()
    for secret in ("1203154321", "120315-4321"):
        assert secret not in caplog.text + out.out + out.err
    stored = " ".join(str(r) for r in await sql(stack, "select * from case_search"))
    assert "1203154321" not in stored
    assert "alma" not in stored.lower()


async def test_the_index_is_rebuilt_from_the_log(stack: Stack, opened: dict[str, str]) -> None:
    # Given the case list and its blind index wiped
    await sql(stack, "delete from case_search")
    await sql(stack, "delete from view_cases")
    assert ids_of(await search(stack, query="alma")) == set()
    # When the operator rebuilds the case list from the log
    env = {**os.environ, "DATABASE_URL": stack.db_url, "SAMSPIL_ENV": "test"}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "authority", "rebuild", "cases",
        env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    _, err = await proc.communicate()
    assert proc.returncode == 0, err.decode()
    # Then the children are found again, by name and by CPR number
    assert ids_of(await search(stack, query="alma")) == {opened["alma"], opened["alma2"]}
    by_cpr = await search(stack, query="250418-2224", reason="Tjek af sag")
    assert ids_of(by_cpr) == {opened["alma2"]}


async def test_an_erased_child_is_no_longer_found(stack: Stack, opened: dict[str, str]) -> None:
    # Given a child found by name and CPR number
    assert opened["soeren"] in ids_of(await search(stack, query="Søren"))
    # When the child's data is erased (four eyes)
    erased = await stack.erase(opened["soeren"])
    assert erased.status_code == 200, erased.text
    # Then neither the name nor the number finds the case, and its index entries are gone
    assert ids_of(await search(stack, query="Søren")) == set()
    by_cpr = await search(stack, query="030612-1113", reason="Tjek efter sletning")
    assert ids_of(by_cpr) == set()
    left = await sql(
        stack, "select count(*) from case_search where case_id = :c", c=opened["soeren"]
    )
    assert left[0][0] == 0
