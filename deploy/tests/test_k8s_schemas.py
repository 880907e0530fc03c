"""Every rendered manifest is valid Kubernetes, checked offline against the official schemas.

kubernetes-validate ships the JSON schemas generated from each Kubernetes release's OpenAPI
document. Strict mode rejects unknown fields, so a typo such as `readinessProbes` fails here
instead of being silently dropped by the API server.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

# The oldest release we support (the preStop `sleep` action is on by default from 1.30) and
# the newest the schema package knows.
KUBERNETES_VERSIONS = ("1.30", "1.37")
# Custom resources whose schema ships with their operator, not with Kubernetes; their shape is
# checked in test_k8s_secrets.py.
CUSTOM_KINDS = {"ExternalSecret", "PrometheusRule", "ServiceMonitor"}  # see test_platform.py


def _write(tmp_path: Path, objects: list[dict[str, Any]]) -> Path:
    path = tmp_path / "rendered.yaml"
    path.write_text(yaml.safe_dump_all(objects))
    return path


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
@pytest.mark.parametrize("overlay", ["dev", "production"])
def test_every_rendered_object_matches_the_kubernetes_schema(
    rendered: dict[str, list[dict[str, Any]]],
    schema_check: Callable[..., Any],
    tmp_path: Path,
    overlay: str,
    version: str,
) -> None:
    # Given the rendered overlay
    path = _write(tmp_path, rendered[overlay])

    # When each object is validated against that release's strict schema
    report = schema_check("k8s", version, str(path))

    # Then all are valid, and only known custom kinds lack a schema
    assert len(report) == len(rendered[overlay])
    invalid = [r for r in report if r["status"] == "invalid"]
    assert invalid == []
    unknown = {r["object"].split("/")[0] for r in report if r["status"] == "no-schema"}
    assert unknown <= CUSTOM_KINDS


def test_the_schema_check_rejects_a_misspelt_field(
    rendered: dict[str, list[dict[str, Any]]], schema_check: Callable[..., Any], tmp_path: Path
) -> None:
    # Given a Deployment whose probe name has a typo (a control: the check is not a no-op)
    original = next(o for o in rendered["dev"] if o["kind"] == "Deployment")
    deployment = copy.deepcopy(original)  # the render is shared by the whole session
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    container["readinessProbes"] = container.pop("readinessProbe")
    path = _write(tmp_path, [deployment])

    # When it is validated
    report = schema_check("k8s", KUBERNETES_VERSIONS[0], str(path))

    # Then it is reported invalid
    assert [r["status"] for r in report] == ["invalid"]
    assert "readinessProbes" in report[0]["error"]
