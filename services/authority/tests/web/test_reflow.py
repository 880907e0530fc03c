"""Reflow (WCAG 1.4.10) and short keyboard paths in Chromium: at 320 CSS px every main page
fits without scrolling sideways (wide tables scroll inside their own labelled, focusable
region), axe finds nothing serious or critical at 320 px and at 1366 px, and the second Tab
reaches a skip link to the page's main action. Screenshots of each page at both widths are
saved under test-artifacts/screenshots/."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import samspil_contracts as wire
from playwright.async_api import Browser, Page

from .conftest import AXE, SHOTS, Authority, eventually_has
from .test_casework_ui import AXE_RUN, publish_provider
from .test_dashboard_page import _deadline
from .test_deadlines_page import _case_of

K = wire.DeadlineKind
NARROW, WIDE = 320, 1366


async def _token(authority: Authority, user: str, roles: list[str]) -> str:
    async with httpx.AsyncClient(base_url=authority.url) as client:
        body = {"user_id": user, "roles": roles}
        return str((await client.post("/dev/token", json=body)).json()["access_token"])


async def _notification(authority: Authority) -> str:
    school = await _token(authority, "skole-reflow", ["reporter"])
    reporter = {"kind": "school", "name": "Lærer Invented", "organisation": "Invented Skole",
                "cvr": "12345678"}  # fmt: skip
    async with httpx.AsyncClient(base_url=authority.url) as client:
        sent = await client.post(
            "/notifications",
            json={
                "reporter": reporter,
                "child": {"name": "Invented Barn", "cpr": "0203134329"},
                "text": "Kommer ofte sulten i skole",
            },
            headers={"Authorization": f"Bearer {school}"},
        )
    assert sent.status_code == 201, sent.text
    return str(sent.json()["notification_id"])


async def _pages(authority: Authority) -> tuple[dict[str, str], str]:
    """The pages to check (name: path) on a case with deadlines of each state, a provider
    and a notification; the session token of a team leader who also does case work."""
    await publish_provider(authority)
    case_id, _ = await _case_of(authority, "sb-reflow")
    for due, closed in ((-timedelta(days=3), None), (timedelta(days=2), None),
                        (-timedelta(days=3), -timedelta(days=4))):  # fmt: skip
        await _deadline(authority, case_id, K.FOLLOW_UP_DUE, due, closed)
    notification = await _notification(authority)
    token = await _token(authority, "al-reflow", ["caseworker", "team_leader"])
    await eventually_has(f"{authority.url}/ui/", "Overskredet", {"samspil_session": token})
    return {
        "my-work": "/ui/",
        "case": f"/ui/cases/{case_id}",
        "new-case": "/ui/cases/new",
        "dashboard": "/ui/dashboard",
        "dashboard-cases": "/ui/dashboard/deadlines?kind=follow_up_due&state=overdue",
        "intake": "/ui/notifications",
        "notification": f"/ui/notifications/{notification}",
        "new-notification": "/ui/notifications/new",
        "providers": "/ui/providers",
        "access-log": "/ui/access-log",
    }, token


async def _audit(page: Page, name: str) -> list[dict[str, Any]]:
    await page.add_script_tag(path=str(AXE))
    violations: list[dict[str, Any]] = await page.evaluate(AXE_RUN)
    SHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    return [v for v in violations if v["impact"] in ("serious", "critical")]


async def test_every_page_fits_320_px_and_passes_axe_at_320_and_1366_px(
    authority: Authority, browser: Browser
) -> None:
    # Given the main pages, each with something in it
    pages, token = await _pages(authority)
    host = authority.url.split("//")[1].split(":")[0]
    wide, overflowing, bad = {}, {}, {}
    for width in (NARROW, WIDE):
        context = await browser.new_context(
            viewport={"width": width, "height": 800}, bypass_csp=True
        )
        await context.add_cookies([{"name": "samspil_session", "value": token,
                                    "domain": host, "path": "/"}])  # fmt: skip
        page = await context.new_page()
        for name, path in pages.items():
            # When each is opened at this width
            await page.goto(authority.url + path)
            scroll = await page.evaluate("document.documentElement.scrollWidth")
            if width == NARROW and scroll > NARROW:
                overflowing[name] = scroll
                wide[name] = await page.evaluate(WIDEST)
            found = await _audit(page, f"{name}-{width}px")
            if found:
                bad[f"{name} at {width}px"] = found
        await context.close()
    # Then none scrolls sideways at 320 px, and axe finds nothing serious at either width
    assert overflowing == {}, f"{overflowing} {wide}"
    assert bad == {}


WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > 321 && !e.closest('.scroll')
    && ![...e.children].some(c => c.getBoundingClientRect().right > 321))
  .slice(0, 6).map(e => e.tagName + '.' + e.className + '#' + e.id + ' '
    + Math.round(e.getBoundingClientRect().right))"""


async def test_the_second_tab_reaches_a_skip_link_to_the_main_action(
    authority: Authority, browser: Browser
) -> None:
    # Given a team leader's My work and dashboard
    pages, token = await _pages(authority)
    host = authority.url.split("//")[1].split(":")[0]
    context = await browser.new_context(viewport={"width": NARROW, "height": 800})
    await context.add_cookies([{"name": "samspil_session", "value": token,
                                "domain": host, "path": "/"}])  # fmt: skip
    page = await context.new_page()
    for name in ("my-work", "case", "dashboard", "intake"):
        await page.goto(authority.url + pages[name])
        # When the keyboard user presses Tab twice and then Enter
        await page.keyboard.press("Tab")
        await page.keyboard.press("Tab")
        focused = await page.evaluate("document.activeElement.className")
        target = await page.evaluate("document.activeElement.getAttribute('href')")
        await page.keyboard.press("Enter")
        # Then that was the skip link to the main action, and the focus is now on it
        assert "skip" in focused, name
        landed = await page.evaluate("'#' + document.activeElement.id")
        assert landed == target, (name, landed, target)
    await context.close()
