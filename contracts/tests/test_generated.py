"""The checked-in JSON Schemas and AsyncAPI document match the models."""

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from samspil_contracts import EVENT_TYPES, IntegrationEvent
from samspil_contracts.generate import COMMAND, DEFAULT_OUT, render, write_all
from samspil_contracts.schema_ids import schema_file
from samspil_contracts.testing import example_event

CONTRACTS = Path(__file__).resolve().parents[1]


def _tree(root: Path) -> dict[str, str]:
    files = [*root.glob("schemas/*.json"), root / "asyncapi.yaml"]
    return {str(p.relative_to(root)): p.read_text("utf-8") for p in files if p.exists()}


def test_checked_in_files_are_not_stale(tmp_path: Path) -> None:
    # Given a fresh generation
    write_all(tmp_path)

    # Then the checked-in files are the same, with none missing and none left over
    stale = sorted(
        name
        for name in _tree(tmp_path).keys() | _tree(CONTRACTS).keys()
        if _tree(tmp_path).get(name) != _tree(CONTRACTS).get(name)
    )
    assert not stale, f"stale generated files {stale}; run `{COMMAND}` and check them in"


def test_the_generator_writes_next_to_the_package() -> None:
    assert DEFAULT_OUT == CONTRACTS


def test_generation_removes_schemas_of_events_that_are_gone(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "dk.samspil.gone.v1.json").write_text("{}")

    write_all(tmp_path)

    assert not (tmp_path / "schemas" / "dk.samspil.gone.v1.json").exists()


def _asyncapi() -> dict[str, Any]:
    return yaml.safe_load(render()["asyncapi.yaml"])  # type: ignore[no-any-return]


def _resolve(doc: dict[str, Any], ref: str) -> Any:
    node: Any = doc
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def test_asyncapi_references_resolve() -> None:
    doc = _asyncapi()

    assert doc["asyncapi"] == "3.0.0"
    for operation in doc["operations"].values():
        assert operation["action"] in {"send", "receive"}
        channel = _resolve(doc, operation["channel"]["$ref"])
        for message in operation["messages"]:
            assert message["$ref"].startswith(operation["channel"]["$ref"] + "/messages/")
            _resolve(doc, message["$ref"])
        assert operation["messages"], channel["address"]
    for message in doc["components"]["messages"].values():
        _resolve(doc, message["headers"]["$ref"])
        assert (CONTRACTS / message["payload"]["$ref"]).is_file()


def test_asyncapi_operations_follow_the_topic_owners() -> None:
    operations = _asyncapi()["operations"]

    assert operations["authoritySendAuthorityOrders"]["action"] == "send"
    assert operations["providerReceiveAuthorityOrders"]["action"] == "receive"
    assert operations["schedulerSendSchedulerDeadlines"]["action"] == "send"
    assert operations["schedulerReceiveProviderDelivery"]["action"] == "receive"
    assert "providerSendAuthorityOrders" not in operations


@pytest.mark.parametrize("cls", EVENT_TYPES, ids=lambda c: c.__name__)
def test_examples_satisfy_the_published_json_schema(cls: type[IntegrationEvent]) -> None:
    jsonschema_rs = pytest.importorskip("jsonschema_rs")
    path = CONTRACTS / "schemas" / schema_file(cls.type_name, cls.schema_version)
    schema = json.loads(path.read_text("utf-8"))

    payload = json.loads(example_event(cls).model_dump_json())

    assert schema["$id"].endswith(path.name)
    jsonschema_rs.validator_for(schema).validate(payload)
    with pytest.raises(jsonschema_rs.ValidationError):
        jsonschema_rs.validator_for(schema).validate({**payload, "unexpected": 1})
