"""Fixtures for the offline checks of the deploy artefacts.

The tools come from deploy/scripts/install-tools.sh (.cache/deploy-tools). Without them the
tests that need them skip, naming the installer; DEPLOY_TOOLS_REQUIRED=1 turns that skip into
a failure, for CI runs that must not pass on a machine where the installer broke.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
TOOLS = REPO / ".cache" / "deploy-tools"
K8S = REPO / "deploy" / "k8s"
OVERLAYS = ("dev", "production")
Manifest = dict[str, Any]


def tool_missing(what: str) -> NoReturn:
    reason = f"{what} not available: run deploy/scripts/install-tools.sh"
    if os.environ.get("DEPLOY_TOOLS_REQUIRED") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def _kustomize_command() -> list[str] | None:
    """The pinned build first; an installed kustomize or kubectl's built-in one otherwise."""
    pinned = TOOLS / "bin" / "kustomize"
    if pinned.exists():
        return [str(pinned), "build"]
    if found := shutil.which("kustomize"):
        return [found, "build"]
    if found := shutil.which("kubectl"):
        return [found, "kustomize"]
    return None


@pytest.fixture(scope="session")
def rendered() -> dict[str, list[Manifest]]:
    """Every overlay, rendered once per session: overlay name -> its objects."""
    command = _kustomize_command()
    if command is None:
        tool_missing("kustomize")
    renders = {}
    for overlay in OVERLAYS:
        out = subprocess.run(
            [*command, str(K8S / "overlays" / overlay)], capture_output=True, text=True, check=True
        ).stdout
        renders[overlay] = [doc for doc in yaml.safe_load_all(out) if doc]
    return renders


@pytest.fixture(scope="session")
def schema_check() -> Callable[..., Any]:
    """Runs schema_check.py in the tools' interpreter and returns its JSON report."""
    python = TOOLS / "venv" / "bin" / "python"
    if not python.exists():
        tool_missing("kubernetes-validate (the tools' Python)")
    script = Path(__file__).with_name("schema_check.py")

    def run(*args: str) -> Any:
        out = subprocess.run(
            [str(python), str(script), *args], capture_output=True, text=True, check=True
        ).stdout
        return json.loads(out)

    return run


@pytest.fixture(scope="session")
def compose_schema() -> Path:
    path = TOOLS / "compose-spec.json"
    if not path.exists():
        tool_missing("the compose-spec JSON schema")
    return path


def find(objects: list[Manifest], kind: str, name: str | None = None) -> list[Manifest]:
    return [
        o for o in objects if o["kind"] == kind and (name is None or o["metadata"]["name"] == name)
    ]


@pytest.fixture(scope="session")
def pick() -> Callable[..., list[Manifest]]:
    """`pick(objects, kind, name=None)`: the objects of one kind (and name)."""
    return find
