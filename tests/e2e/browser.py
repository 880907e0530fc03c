"""Debian's Chromium driven by Playwright (sync API), with the axe-core audit and screenshots
of each page a test visits."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / ".cache" / "axe" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "test-artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu"]
AXE_RUN = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"""


@contextmanager
def chromium() -> Iterator[Browser]:
    if not CHROMIUM.exists() or not AXE.exists():
        pytest.fail("run deploy/scripts/install-browser.sh first (Chromium and axe-core)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def audited(page: Page, name: str) -> None:
    """A screenshot for people to look at, and no serious or critical axe violations."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    page.add_script_tag(path=str(AXE))
    violations: list[dict[str, Any]] = page.evaluate(AXE_RUN)
    bad = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert bad == [], f"{name}: {bad}"
    # Nothing pushed out sideways (a term list once pushed a decision's values off the page)
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{name} scrolls"


def sign_in(page: Page, base: str, user: str, role: str, team: str = "", name: str = "") -> None:
    page.goto(f"{base}/ui/login")
    page.get_by_label("Bruger-id").fill(user)
    page.get_by_label("Navn (valgfrit)").fill(name)
    page.get_by_label("Team (valgfrit)").fill(team)
    page.locator(f"#role-{role}").check()
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("heading", level=1, name="Mit arbejde")).to_be_visible()


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Log ud").click()
    expect(page.get_by_role("heading", level=1, name="Log ind")).to_be_visible()


def reload_until(page: Page, selector: str, text: str | re.Pattern[str], tries: int = 60) -> None:
    """Facts from other services arrive over the broker: reload until the page shows one."""
    pattern = text if isinstance(text, re.Pattern) else re.compile(re.escape(text))
    for _ in range(tries):
        if pattern.search(page.locator(selector).inner_text()):
            return
        page.wait_for_timeout(500)
        page.reload()
    expect(page.locator(selector)).to_contain_text(text)
