"""Schema validation, run by the deploy-tools interpreter (.cache/deploy-tools/venv).

It lives outside the uv workspace so kubernetes-validate and its jsonschema pin never enter the
product's lock file; the tests call it as a subprocess and read one JSON report from stdout.

    python schema_check.py k8s VERSION FILE     # multi-document Kubernetes YAML, strict schemas
    python schema_check.py json SCHEMA FILE     # one YAML/JSON document against a JSON Schema
    python schema_check.py crd CRDS_DIR FILE    # custom resources against their operators' CRDs
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from kubernetes_validate import utils as kv


def check_kubernetes(version: str, path: Path) -> list[dict[str, str]]:
    """One verdict per object: valid, invalid (with the error) or no-schema (custom kinds)."""
    report = []
    for doc in yaml.safe_load_all(path.read_text()):
        if not doc:
            continue
        name = f"{doc.get('kind')}/{doc.get('metadata', {}).get('name')}"
        try:
            kv.validate(doc, version, strict=True)
            report.append({"object": name, "status": "valid", "error": ""})
        except kv.SchemaNotFoundError as e:
            report.append({"object": name, "status": "no-schema", "error": e.message})
        except kv.ValidationError as e:
            where = "/".join(str(p) for p in e.absolute_path)
            report.append({"object": name, "status": "invalid", "error": f"{where}: {e.message}"})
    return report


def check_json_schema(schema_path: Path, path: Path) -> list[str]:
    """Every violation, not just the first, so one run shows the whole damage."""
    schema: dict[str, Any] = json.loads(schema_path.read_text())
    validator_cls = jsonschema.validators.validator_for(schema)
    validator = validator_cls(schema, format_checker=validator_cls.FORMAT_CHECKER)
    document = yaml.safe_load(path.read_text())
    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(document)
    ]


def strict(schema: Any) -> Any:
    """A CRD's structural schema with unknown fields refused, as the API server's strict
    field validation does (kubectl's default): a misspelt field fails instead of vanishing."""
    if isinstance(schema, dict):
        out = {k: strict(v) for k, v in schema.items()}
        if (
            "properties" in out
            and "additionalProperties" not in out
            and not out.get("x-kubernetes-preserve-unknown-fields")
        ):
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [strict(v) for v in schema]
    return schema


def check_custom_resources(crds: Path, path: Path) -> list[dict[str, str]]:
    """One verdict per object against the CRD of its group, kind and version."""
    schemas: dict[tuple[str, str, str], Any] = {}
    for crd_file in crds.glob("*.yaml"):
        crd = yaml.safe_load(crd_file.read_text())
        for version in crd["spec"]["versions"]:
            key = (crd["spec"]["group"], crd["spec"]["names"]["kind"], version["name"])
            schemas[key] = strict(version["schema"]["openAPIV3Schema"])
    report = []
    for doc in yaml.safe_load_all(path.read_text()):
        group, _, version = doc["apiVersion"].rpartition("/")
        name = f"{doc['kind']}/{doc['metadata']['name']}"
        schema = schemas.get((group, doc["kind"], version))
        if schema is None:
            report.append({"object": name, "status": "no-schema", "error": ""})
            continue
        errors = [
            f"{'/'.join(str(p) for p in e.absolute_path)}: {e.message}"
            for e in jsonschema.Draft7Validator(schema).iter_errors(doc)
        ]
        report.append(
            {"object": name, "status": "invalid" if errors else "valid", "error": "; ".join(errors)}
        )
    return report


def main(argv: list[str]) -> None:
    mode, first, second = argv
    if mode == "k8s":
        result: object = check_kubernetes(first, Path(second))
    elif mode == "json":
        result = check_json_schema(Path(first), Path(second))
    elif mode == "crd":
        result = check_custom_resources(Path(first), Path(second))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
