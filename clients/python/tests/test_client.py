"""The checked-in client is what the generator makes of the provider's OpenAPI document
today, and it works: a change of the API without regenerating fails here."""

from __future__ import annotations

import filecmp
import importlib
import importlib.util
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("regenerate", HERE / "regenerate.py")
assert spec is not None
assert spec.loader is not None
regenerate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(regenerate)


def differences(left: Path, right: Path) -> list[str]:
    compared = filecmp.dircmp(left, right, ignore=["__pycache__", ".ruff_cache"])
    found = [f"{left.name}/{name}" for name in compared.diff_files + compared.left_only]
    found += [f"{right.name}/{name} (new)" for name in compared.right_only]
    for sub in compared.common_dirs:
        found += differences(left / sub, right / sub)
    return found


def test_the_checked_in_client_is_regenerated_unchanged(tmp_path: Path) -> None:
    # When the client is generated afresh from the provider app's document
    regenerate.generate(tmp_path)
    # Then the document and every file of the package are as checked in
    assert (tmp_path / "openapi.json").read_text() == (HERE / "openapi.json").read_text(), (
        "the provider API changed: run uv run python clients/python/regenerate.py"
    )
    stale = differences(HERE / regenerate.PACKAGE, tmp_path / regenerate.PACKAGE)
    assert stale == [], "regenerate the client (clients/python/regenerate.py)"


def test_the_client_builds_typed_requests_and_reads_problems() -> None:
    from samspil_provider_client.api.sandbox import accept_sandbox_order  # noqa: PLC0415
    from samspil_provider_client.models import Accept, ContactPerson, Problem  # noqa: PLC0415

    body = Accept(contact=ContactPerson(name="C", email="c@x.invalid"), expected_start=_day())
    sent = accept_sandbox_order._get_kwargs("0b7e4a52-63f1-4f0e-9d2a-51c6f3b0e9d4", body=body)  # type: ignore[arg-type]
    assert sent["url"].startswith("/sandbox/orders/0b7e4a52")
    assert sent["json"]["contact"] == {"name": "C", "email": "c@x.invalid"}
    problem = Problem.from_dict(
        {
            "type": "x/problems/not_found",
            "title": "t",
            "status": 404,
            "detail": "d",
            "instance": "/",
        }
    )
    assert problem.type_.endswith("/not_found")


def _day():  # type: ignore[no-untyped-def]
    import datetime  # noqa: PLC0415

    return datetime.date(2027, 1, 4)


@pytest.mark.parametrize(
    "module", ["orders.accept_order", "claims.submit_claim", "sandbox.open_sandbox_order"]
)
def test_every_business_operation_has_a_typed_async_call(module: str) -> None:
    found = importlib.import_module(f"samspil_provider_client.api.{module}")
    assert callable(found.asyncio_detailed)
