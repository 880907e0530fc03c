"""The caseworker UI in Chromium: sign in, take a case from opening to an order, with the
team leader's approval in between; look back with the as-of picker; switch language; and
check each main page with axe-core."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import httpx
import samspil_contracts as wire
from playwright.async_api import Browser, Page, expect
from samspil_contracts.testing import example_event

from .conftest import AXE, SHOTS, Authority, eventually_has

PROVIDER_NAME = "Example Family Support"
AXE_RUN = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"""


async def axe_clean(page: Page, name: str) -> None:
    """No serious or critical accessibility violations; a screenshot for people to look at."""
    await page.add_script_tag(path=str(AXE))
    violations: list[dict[str, Any]] = await page.evaluate(AXE_RUN)
    bad = [v for v in violations if v["impact"] in ("serious", "critical")]
    SHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    assert bad == [], f"{name}: {bad}"


async def fill_section_32(page: Page) -> None:
    """Purpose and expected duration (barnets lov § 32, stk. 3), the mother's consent (stk. 2)."""
    await page.get_by_label("Formål (§ 32, stk. 3)").fill("Faste rammer i hjemmet")
    await page.get_by_label("Forventet varighed i måneder").fill("6")
    await page.locator("input[name=consent_by][value=mother]").check()
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    await page.get_by_label("Samtykke givet den").fill(yesterday)
    # Barnets lov § 91: whether the child's plan is made
    await page.get_by_label("Ja, planen udarbejdes senest 3 måneder efter afgørelsen").check()


async def sign_in(page: Page, base: str, user: str, role: str) -> None:
    await page.goto(f"{base}/ui/login")
    await page.get_by_label("Bruger-id").fill(user)
    await page.locator(f"#role-{role}").check()
    await page.get_by_role("button", name="Log ind").click()
    await expect(page.get_by_role("heading", level=1, name="Mit arbejde")).to_be_visible()


async def sign_out(page: Page) -> None:
    await page.get_by_role("button", name="Log ud").click()
    await expect(page.get_by_role("heading", level=1, name="Log ind")).to_be_visible()


async def publish_provider(authority: Authority) -> None:
    await authority.produce(example_event(wire.ProviderMaterialPublished))
    async with httpx.AsyncClient(base_url=authority.url) as client:
        token = (
            await client.post("/dev/token", json={"user_id": "t", "roles": ["caseworker"]})
        ).json()["access_token"]
    await eventually_has(f"{authority.url}/ui/providers", PROVIDER_NAME, {"samspil_session": token})


async def test_a_case_goes_from_opening_to_an_order_in_the_browser(
    authority: Authority, browser: Browser
) -> None:
    # Given a provider in the registry and nobody signed in
    await publish_provider(authority)
    base = authority.url
    page = await browser.new_page(bypass_csp=True)  # the axe audit is injected inline

    # When a caseworker visits, they are sent to sign in, in Danish
    await page.goto(f"{base}/ui/")
    await expect(page).to_have_url(re.compile(r"/ui/login"))
    await expect(page.locator("html")).to_have_attribute("lang", "da")
    await axe_clean(page, "login")
    await sign_in(page, base, "sb-1", "caseworker")
    await axe_clean(page, "my-work")

    # And they open a case: the CPR number is masked on the case page
    await page.get_by_role("link", name="Opret sag").click()
    await page.locator("#child_name").fill("Alma Hansen")
    await page.locator("#child_cpr").fill("120315-4321")
    await page.locator("#mother_name").fill("Mette Hansen")
    await page.locator("#mother_cpr").fill("010180-2222")
    await page.get_by_label("Forældremyndighed").select_option("mother")
    await page.get_by_label("Kontaktperson (sagsbehandler)").fill("Karen Sørensen")
    await page.get_by_role("button", name="Opret sagen").click()
    await expect(page).to_have_url(re.compile(r"/ui/cases/[0-9a-f-]{36}$"))
    case_url = page.url
    await expect(page.locator("#people")).to_contain_text("******-****")
    await expect(page.locator("#people")).not_to_contain_text("120315-4321")

    # A refusal by the domain shows on the form, not as a server error
    await page.locator("#reveal-reason").evaluate("el => el.removeAttribute('required')")
    await page.get_by_role("button", name="Vis personoplysninger").click()
    await expect(page.locator("#error-reveal")).to_have_text("Angiv en begrundelse.")

    # Then: investigation started and concluded, a decision proposed
    await page.get_by_role("button", name="Start undersøgelsen").click()
    await page.get_by_label("Konklusion på undersøgelsen").fill("Behov for støtte i hjemmet")
    await page.get_by_role("button", name="Afslut undersøgelsen").click()
    await expect(page.locator("#investigation")).to_contain_text("Behov for støtte i hjemmet")
    await page.get_by_label("Indsats").select_option("sel_52_3_2")
    await page.get_by_label("Konkret, individuel vurdering").fill("Familien profiterer af støtte")
    await fill_section_32(page)
    await page.get_by_role("button", name="Indstil til godkendelse").click()
    await expect(page.locator("#decision")).to_contain_text("Afventer afdelingslederens")
    await sign_out(page)

    # When the team leader approves it (four eyes)
    await sign_in(page, base, "al-1", "team_leader")
    await expect(page.locator("#appr-h")).to_contain_text("(1)")
    await page.goto(case_url)
    await page.get_by_role("button", name="Godkend").click()
    await expect(page.locator("#decision")).to_contain_text("Godkendt")
    await sign_out(page)

    # Then the caseworker adopts the action plan and orders the measure
    await sign_in(page, base, "sb-1", "caseworker")
    await page.goto(case_url)
    await expect(page.locator("#decision .plan-choice")).to_have_text(
        "Barnets plan udarbejdes (§ 91)"
    )
    await page.get_by_label("Skoleforhold").fill("Alma går i skole hver dag")
    # A plan without the people who made its goals (§ 92) is refused, in Danish
    await page.get_by_role("button", name="Vedtag", exact=True).click()
    await expect(page.locator("#error-plan")).to_contain_text("barnets lov § 92")
    await page.get_by_label("Skoleforhold").fill("Alma går i skole hver dag")
    await page.locator("input[name=participants][value=child]").check()
    await page.locator("input[name=participants][value=mother]").check()
    await page.get_by_role("button", name="Vedtag", exact=True).click()
    await expect(page.locator("#plan-goals")).to_contain_text("Alma går i skole hver dag")
    await expect(page.locator("#plan-participants")).to_contain_text("Barnet eller den unge, Mor")
    await page.get_by_text("Bestil indsatsen hos en leverandør").click()
    await page.get_by_label("Leverandør").select_option(label=f"{PROVIDER_NAME} (privat)")
    await page.get_by_label("Startdato").fill("2030-01-06")
    await page.get_by_role("button", name="Send bestilling").click()
    await expect(page.locator("#orders")).to_contain_text("Afventer svar")
    await expect(page.locator("#timeline")).to_contain_text("Bestilling sendt")
    await axe_clean(page, "case")

    # The as-of picker shows the case as it stood when the decision was proposed
    await page.locator("#timeline li", has_text="Afgørelse indstillet").get_by_role("link").click()
    await expect(page.locator("#as-of-notice")).to_be_visible()
    await expect(page.locator("#no-plan")).to_be_visible()
    await expect(page.locator("#orders")).to_contain_text("Ingen bestillinger.")
    await expect(page.get_by_role("button", name="Godkend")).to_have_count(0)
    await axe_clean(page, "case-as-of")

    # Revealing with a reason shows the persons in clear
    await page.goto(case_url)
    await page.locator("#reveal-reason").fill("Telefonsamtale med mor")
    await page.get_by_role("button", name="Vis personoplysninger").click()
    await expect(page.locator("#people")).to_contain_text("120315-4321")

    # English after the toggle, kept on the next page
    await page.locator("#lang-toggle").click()
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    await expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    await page.get_by_role("link", name="Providers").click()
    await expect(page.get_by_role("heading", level=1, name="Providers")).to_be_visible()
    await expect(page.locator("main")).to_contain_text(PROVIDER_NAME)
    await axe_clean(page, "providers")
    await page.get_by_role("link", name="Management information").click()
    await expect(page.locator("#deadline-figures table")).to_be_visible()
    await axe_clean(page, "dashboard")
    await page.close()
