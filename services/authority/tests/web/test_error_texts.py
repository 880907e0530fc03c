"""Every refusal the authority can give has a Danish and an English text for the UI (issue
22, item 5), and the two catalogues name the same things; found by reading the service's
own source for the codes it raises, so a new code without a text fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from authority.entrypoints.web.i18n import CATALOGUES

SOURCE = Path(__file__).resolve().parents[2] / "src" / "authority"
RAISED = re.compile(r"\b(?:require|DomainError)\(\s*(?:[^\"()]*?,\s*)?\"([a-z]+(?:_[a-z0-9]+)+)\"")
# require_text(value, "field") refuses as "<field>_required"
REQUIRED = re.compile(r"\brequire_text\([^\"]*?,\s*\"([a-z_]+)\"\)")


def raised_codes() -> set[str]:
    codes: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        codes |= set(RAISED.findall(source))
        codes |= {f"{field}_required" for field in REQUIRED.findall(source)}
    return codes


def test_the_source_scan_finds_the_codes_it_should() -> None:
    found = raised_codes()
    assert {"cadence_out_of_range", "order_closed", "caseworker_id_required"} <= found
    assert len(found) > 80


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_refusal_code_has_a_text(lang: str) -> None:
    missing = sorted(c for c in raised_codes() if f"error.{c}" not in CATALOGUES[lang])
    assert missing == []


def test_the_danish_and_english_catalogues_have_the_same_keys() -> None:
    assert set(CATALOGUES["da"]) ^ set(CATALOGUES["en"]) == set()
