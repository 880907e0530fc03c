"""Regenerate the typed Python client of the provider API from its OpenAPI document.

``uv run python clients/python/regenerate.py`` writes ``clients/python/openapi.json`` (the
provider app's own document) and the package ``clients/python/samspil_provider_client``
with openapi-python-client (locked in the workspace's dev group). A test regenerates into a
temporary directory and fails on any difference: commit both after changing the API.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = "samspil_provider_client"


def openapi_document() -> str:
    from provider.bootstrap import ProviderSettings, build  # noqa: PLC0415 (only here)

    # The deployment defaults, whatever this environment sets: the document is the API's.
    settings = ProviderSettings(
        env="test",
        database_url="sqlite+aiosqlite:///:memory:",
        webhook_retry_span_hours=72.0,
        webhook_retry_base_seconds=30.0,
        webhook_retry_max_delay_seconds=6 * 3600.0,
    )
    app = build(settings)
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def generate(into: Path) -> None:
    """The document and the package, into ``into`` (``into/openapi.json``, ``into/PACKAGE``)."""
    into.mkdir(parents=True, exist_ok=True)
    (into / "openapi.json").write_text(openapi_document(), encoding="utf-8")
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / PACKAGE
        command = [
            sys.executable, "-m", "openapi_python_client", "generate",
            "--path", str(into / "openapi.json"), "--config", str(HERE / "config.yml"),
            "--meta", "none", "--output-path", str(out), "--overwrite",
        ]  # fmt: skip
        subprocess.run(command, check=True, capture_output=True, text=True)
        shutil.rmtree(into / PACKAGE, ignore_errors=True)
        shutil.copytree(
            out, into / PACKAGE, ignore=shutil.ignore_patterns("__pycache__", ".ruff_cache")
        )


if __name__ == "__main__":
    generate(HERE)
