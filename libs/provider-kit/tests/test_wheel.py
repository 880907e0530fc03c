"""The kit as a provider gets it: a wheel, installed into a fresh environment that has no
Samspil service or repository, runs against a good and a bad receiver and writes JUnit."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from samspil_provider_kit.local_server import serving
from samspil_provider_kit.reference_receiver import create_app

ROOT = Path(__file__).resolve().parents[3]
SECRET = "whsec_wheel_0123456789abcdefghij"
pytestmark = pytest.mark.skipif(shutil.which("uv") is None, reason="needs uv")


def uv(*args: str, cwd: Path = ROOT) -> str:
    done = subprocess.run(
        ["uv", *args], cwd=cwd, capture_output=True, text=True, timeout=240, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def install(args: list[str]) -> None:
    """Offline from uv's cache when it can, else from the index."""
    try:
        uv("pip", "install", "--offline", *args)
    except AssertionError:
        uv("pip", "install", *args)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Given the wheels of the kit, the client and the signing package, in a new virtualenv
    work = tmp_path_factory.mktemp("kit")
    for package in ("samspil-provider-kit", "samspil-provider-client", "samspil-webhook-signing"):
        uv("build", "--wheel", "--package", package, "-o", str(work / "dist"))
    wheels = sorted(str(wheel) for wheel in (work / "dist").glob("*.whl"))
    assert len(wheels) == 3
    uv("venv", "--quiet", str(work / "venv"))
    python = work / "venv" / "bin" / "python"
    install(["--python", str(python), *wheels])
    return work / "venv" / "bin"


def conform(bin_dir: Path, base_url: str, report: str, junit: Path) -> int:
    args = ["--receiver-url", f"{base_url}/webhooks", "--secret", SECRET]
    args += ["--report-url", f"{base_url}{report}", "--junit-xml", str(junit)]
    command = [str(bin_dir / "samspil-conformance"), *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    return done.returncode


def cases(junit: Path) -> dict[str, str]:
    """Each test case's outcome by name: pass, failure or skipped."""
    outcomes = {}
    for case in ET.parse(junit).getroot().iter("testcase"):  # noqa: S314 (the kit's own report)
        marks = [child.tag for child in case if child.tag in {"failure", "skipped"}]
        outcomes[case.get("name", "")] = marks[0] if marks else "pass"
    return outcomes


def test_the_installed_environment_has_no_samspil_service(installed: Path) -> None:
    probe = (
        "import importlib.util as u;"
        "print([u.find_spec(m) is None for m in ('provider', 'servicekit')])"
    )
    done = subprocess.run(
        [str(installed / "python"), "-c", probe], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[True, True]"


def test_the_installed_kit_passes_the_reference_receiver(installed: Path, tmp_path: Path) -> None:
    junit = tmp_path / "good.xml"
    with serving(create_app([SECRET])) as base_url:
        code = conform(installed, base_url, "/webhooks/report", junit)

    assert code == 0
    outcomes = cases(junit)
    assert len(outcomes) == 10
    assert set(outcomes.values()) == {"pass"}


def test_the_installed_kit_fails_a_receiver_accepting_unsigned_requests(
    installed: Path, tmp_path: Path, flawed: Any
) -> None:
    junit = tmp_path / "bad.xml"
    with serving(flawed("unsigned_accepted", [SECRET])) as base_url:
        code = conform(installed, base_url, "/report", junit)

    assert code == 1
    failed = [name for name, outcome in cases(junit).items() if outcome == "failure"]
    assert failed == ["unsigned request refused (4xx)"]
    suite = ET.parse(junit).getroot().find("testsuite")  # noqa: S314 (the kit's own report)
    assert suite is not None
    assert suite.get("failures") == "1"


def test_uvx_runs_the_wheel_without_installing_it(installed: Path) -> None:
    [kit] = installed.parent.parent.glob("dist/samspil_provider_kit-*.whl")
    [client] = installed.parent.parent.glob("dist/samspil_provider_client-*.whl")
    [signing] = installed.parent.parent.glob("dist/samspil_webhook_signing-*.whl")
    run = ["tool", "run", "--from", str(kit), "--with", str(client), "--with", str(signing)]
    run += ["samspil-conformance", "--help"]
    try:
        out = uv(*run[:2], "--offline", *run[2:])
    except AssertionError:
        out = uv(*run)
    assert "--junit-xml" in out
