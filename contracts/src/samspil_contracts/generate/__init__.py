"""Generate the JSON Schemas and the AsyncAPI document that are checked in.

Run ``uv run python -m samspil_contracts.generate``; a test fails when the files are stale.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from samspil_contracts.generate.asyncapi import document
from samspil_contracts.generate.schemas import all_schemas

COMMAND = "uv run python -m samspil_contracts.generate"
# src/samspil_contracts/generate/__init__.py -> the contracts/ folder
DEFAULT_OUT = Path(__file__).resolve().parents[3]


def render() -> dict[str, str]:
    """Relative path -> file text, everything the generator owns."""
    files = {
        f"schemas/{name}": json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        for name, schema in sorted(all_schemas().items())
    }
    files["asyncapi.yaml"] = yaml.safe_dump(
        document(), sort_keys=False, allow_unicode=True, width=100
    )
    return files


def write_all(out: Path = DEFAULT_OUT) -> list[Path]:
    """Write every file, removing schemas no event has any more."""
    files = render()
    schema_dir = out / "schemas"
    schema_dir.mkdir(parents=True, exist_ok=True)
    for old in schema_dir.glob("*.json"):
        if f"schemas/{old.name}" not in files:
            old.unlink()
    written = []
    for rel, text in files.items():
        path = out / rel
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
