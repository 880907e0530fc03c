"""Every statutory deadline is owned by the scheduler and shown to the person who must meet
it: a caseworker starts an investigation in the browser, the scheduler (a separate process,
over the real broker) sets the barnets lov § 20 limit, and the authority's My work and case
page show it with the days left, from its own read model of the scheduler's events, until
the investigation is concluded and the scheduler announces the limit met."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import audited, chromium, reload_until, sign_in
from tests.e2e.conftest import Stack

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(900)]  # a shared 2-core box can be slow

LIMIT = "Børnefaglig undersøgelse afsluttet (barnets lov § 20, 4 måneder)"
DAYS_LEFT = re.compile(r"\d+ dage tilbage")


def test_the_investigation_limit_the_scheduler_set_shows_on_my_work_and_the_case(
    stack: Stack,
) -> None:
    base = stack.url("authority")
    with chromium() as browser:
        page = browser.new_page(bypass_csp=True)  # the axe audit is injected inline
        # Given a caseworker who opens a case in the browser
        sign_in(page, base, "dorte", "caseworker")
        page.get_by_role("link", name="Opret sag").click()
        page.locator("#child_name").fill("Malte Jensen")
        page.locator("#child_cpr").fill("110915-1235")  # invented
        page.locator("#mother_name").fill("Rikke Jensen")
        page.locator("#mother_cpr").fill("030390-1236")  # invented
        page.get_by_label("Forældremyndighed").select_option("mother")
        page.get_by_label("Kontaktperson (sagsbehandler)").fill("Dorte Nielsen")
        page.get_by_role("button", name="Opret sagen").click()
        expect(page).to_have_url(re.compile(r"/ui/cases/[0-9a-f-]{36}$"))
        case_url = page.url
        expect(page.locator("#deadlines")).to_contain_text("Ingen åbne frister")
        # When she starts the child investigation (the scheduler counts its § 20 limit)
        page.get_by_role("button", name="Start undersøgelsen").click()

        # Then the case page shows the limit the scheduler set, with the days left
        page.goto(case_url)
        reload_until(page, "#deadlines", LIMIT)
        row = page.locator("#deadlines tr[data-kind=investigation_limit]")
        expect(row).to_contain_text(DAYS_LEFT)
        expect(row).not_to_contain_text("Overskredet")
        audited(page, "deadlines-01-case")

        # And My work lists it on her case, linked to the case's deadlines
        page.goto(f"{base}/ui/")
        reload_until(page, "#deadlines", LIMIT)
        mine = page.locator("#deadlines tr[data-kind=investigation_limit]")
        expect(mine).to_contain_text("M.J.")
        expect(mine).to_contain_text(DAYS_LEFT)
        expect(page.locator("#deadlines-h")).to_contain_text("Frister (1)")
        audited(page, "deadlines-02-my-work")
        mine.get_by_role("link", name="M.J.").click()
        expect(page).to_have_url(re.compile(r"/ui/cases/[0-9a-f-]{36}#deadlines$"))

        # When she concludes the investigation, Then the scheduler meets the limit and it
        # leaves the case page and My work
        page.get_by_label("Konklusion på undersøgelsen").fill("Behov for støtte i hjemmet")
        page.get_by_role("button", name="Afslut undersøgelsen").click()
        page.goto(case_url)
        reload_until(page, "#deadlines", "Ingen åbne frister")
        page.goto(f"{base}/ui/")
        expect(page.locator("#deadlines-h")).to_contain_text("Frister (0)")
