"""The caseworker's whole job in Chromium against the running stack: three service processes
on the real broker. Caseworker and team leader act only through the browser; the provider
acts through its own API, as a provider's system would; the scheduler's clock is moved on
through its API to bring the statutory follow-up due."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e import lifecycle as life
from tests.e2e.browser import audited, chromium, reload_until, sign_in, sign_out
from tests.e2e.conftest import Stack, started_stack
from tests.e2e.flows import Tenant, new_tenant, ok
from tests.harness import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(900)]  # a shared 2-core box can be slow

PROVIDER = "Familiehuset Syd"
MATERIAL = {
    "offers": [{"measure": "sel_52_3_2", "price_oere": 62_500, "unit": "hour", "places": 8}],
    "time_horizons": [{"task_type": "Svar på bestilling", "days": 5}],
    "method": "Familiebehandling i hjemmet",
    "parents_and_network": "Netværksmøder hver måned",
}
TEAM = "Familieteam Nord"
GOALS = {"Skoleforhold": "Sofie møder i skole hver dag", "Familieforhold": "Faste rutiner"}


def provider_ready(stack: Stack) -> Tenant:
    """A provider that published its material and has a signed standard contract."""
    tenant = new_tenant(stack, PROVIDER)
    ok(tenant.client.put("/material", json=MATERIAL))
    with stack.client("authority", "caseworker", user="setup") as cw:
        wait_for(
            lambda: any(p["name"] == PROVIDER for p in ok(cw.get("/providers"))),
            what="the provider in the authority's registry",
        )
        life.framework_in_force(cw, tenant)
    return tenant


def only(tenant: Tenant, path: str) -> dict[str, Any]:
    """The provider's one order or individual contract, once it has arrived over the broker
    (the standard contract it signed beforehand is listed under /contracts too)."""

    def found() -> Any:
        rows = ok(tenant.client.get(path))
        items = rows["items"] if isinstance(rows, dict) else rows
        items = [i for i in items if i.get("kind", "individual") == "individual"]
        return items[0] if items else None

    item: dict[str, Any] = wait_for(found, what=f"{path} at the provider")
    return item


def open_and_decide(page: Page, base: str) -> str:
    """Caseworker: open the case, investigate, propose the decision. Returns the case URL."""
    sign_in(page, base, "karen", "caseworker", team=TEAM, name="Karen Sørensen")
    page.keyboard.press("Tab")  # the first stop is the skip link, for keyboard users
    expect(page.locator(".skip").first).to_be_focused()
    audited(page, "01-my-work-caseworker")
    page.get_by_role("link", name="Opret sag").click()
    page.locator("#child_name").fill("Sofie Larsen")
    page.locator("#child_cpr").fill("150316-1234")  # invented
    page.locator("#mother_name").fill("Lene Larsen")
    page.locator("#mother_cpr").fill("020285-1234")  # invented
    page.get_by_label("Forældremyndighed").select_option("mother")
    page.get_by_label("Kontaktperson (sagsbehandler)").fill("Karen Sørensen")
    audited(page, "02-new-case")
    page.get_by_role("button", name="Opret sagen").click()
    expect(page).to_have_url(re.compile(r"/ui/cases/[0-9a-f-]{36}$"))
    page.get_by_role("button", name="Start undersøgelsen").click()
    page.get_by_label("Konklusion på undersøgelsen").fill("Behov for støtte i hjemmet")
    page.get_by_role("button", name="Afslut undersøgelsen").click()
    page.get_by_label("Indsats").select_option("sel_52_3_2")
    page.get_by_label("Konkret, individuel vurdering").fill("Støtte i hjemmet 6 t/uge")
    # barnets lov § 32: purpose and expected duration (stk. 3), the mother's consent (stk. 2)
    page.get_by_label("Formål (§ 32, stk. 3)").fill("Faste rammer i hjemmet")
    page.get_by_label("Forventet varighed i måneder").fill("6")
    page.locator("input[name=consent_by][value=mother]").check()
    page.get_by_label("Samtykke givet den").fill(str(date.today() - timedelta(days=1)))
    page.locator("input[name=plan_made][value=yes]").check()  # barnets plan, § 91
    page.get_by_role("button", name="Indstil til godkendelse").click()
    expect(page.locator("#decision")).to_contain_text("Afventer afdelingslederens")
    case_url = page.url.split("#")[0]
    sign_out(page)
    return case_url


def approve(page: Page, base: str) -> None:
    """Team leader: the decision waits in My work; approve it (four eyes)."""
    sign_in(page, base, "lars", "team_leader", name="Lars Berg")
    expect(page.locator("#appr-h")).to_contain_text("(1)")
    audited(page, "03-my-work-team-leader")
    page.locator("section[aria-labelledby=appr-h]").get_by_role("link").first.click()
    page.get_by_role("button", name="Godkend").click()
    expect(page.locator("#decision")).to_contain_text("Godkendt")
    # People are named, not shown by their user id (the sign-in's name claim)
    expect(page.locator("#decision")).to_contain_text("Lars Berg")
    expect(page.locator("#caseworker")).to_contain_text("Karen Sørensen")
    sign_out(page)


def plan_and_order(page: Page, base: str, case_url: str) -> None:
    sign_in(page, base, "karen", "caseworker")
    page.goto(case_url)
    for area, text in GOALS.items():
        page.get_by_label(area).fill(text)
    # § 92: the goals are made with the child and the custody holder
    page.locator("input[name=participants][value=child]").check()
    page.locator("input[name=participants][value=mother]").check()
    page.get_by_role("button", name="Vedtag", exact=True).click()
    page.get_by_text("Bestil indsatsen hos en leverandør").click()
    page.get_by_label("Leverandør").select_option(label=f"{PROVIDER} (privat)")
    page.get_by_label("Startdato").fill(str(date.today()))
    page.get_by_role("button", name="Send bestilling").click()
    expect(page.locator("#orders")).to_contain_text("Afventer svar")
    page.goto(f"{base}/ui/")
    expect(page.locator("#ord-h")).to_contain_text("(1)")


def draft_and_sign(page: Page, case_url: str) -> None:
    page.goto(case_url)
    reload_until(page, "#orders", "Accepteret")
    page.get_by_text(f"Opret individuel kontrakt med {PROVIDER}").click()
    page.get_by_label("Pris pr. enhed (kr.)").fill("625,00")
    page.get_by_label("Kontaktperson hos myndigheden").fill("Karen Sørensen")
    page.locator("input[name=authority_contact_email]").fill("karen@kommune.example")
    page.get_by_label("Kontaktperson hos leverandøren").fill("Pia Holm")
    page.locator("input[name=provider_contact_email]").fill("pia@familiehuset.example")
    page.get_by_role("button", name="Opret kontraktudkast").click()
    expect(page.locator("#contracts")).to_contain_text("Myndighed: ikke underskrevet")
    page.get_by_role("button", name="Underskriv for myndigheden").click()
    expect(page.locator("#contracts")).to_contain_text("Myndighed: underskrevet")


def amend_in_browser(page: Page, tenant: Tenant, contract_id: str) -> None:
    """A new price as version 2: the page shows the version in force and the one pending."""
    contracts = page.locator("#contracts")
    expect(page.locator("#orders")).not_to_contain_text("Bestil indsatsen")  # ordered
    page.get_by_text("Ændr kontrakten (version 2)").click()
    page.locator(f"#amend-{contract_id}-price").fill("650,00")
    page.get_by_role("button", name="Opret ny version").click()
    expect(contracts).to_contain_text("Gældende (version 1)")
    expect(contracts).to_contain_text("Version 2 afventer underskrift")
    expect(contracts).to_contain_text("Ventende vilkår (version 2)")
    audited(page, "04b-case-amendment-pending")
    page.get_by_role("button", name="Underskriv version 2 for myndigheden").click()
    expect(contracts).to_contain_text("Myndighed: underskrevet")
    life.countersign(tenant, contract_id, 2)
    reload_until(page, "#contracts", "Gældende (version 2)")
    expect(contracts).to_contain_text("650,00 kr.")
    expect(contracts).not_to_contain_text("afventer underskrift")


def arrangement_refused_then_kept(page: Page) -> None:
    """An arrangement of 30 months is refused next to its field, in Danish, and what was
    typed stays; 12 months with a justification is then filled in for the outcome."""
    form = page.locator("#followups form[action$='/outcome']")
    months = form.locator("input[name=arrangement_months]")
    why = "Stabil indsats; familien ønsker færre møder"
    months.fill("30")
    months.evaluate("el => el.removeAttribute('max')")  # as an old browser would send it
    form.locator("textarea[name=arrangement_justification]").fill(why)
    form.locator("textarea[name=notes]").fill("Første forsøg")
    form.get_by_role("button", name="Registrér resultat").click()
    form = page.locator("#followups form[action$='/outcome']")
    months = form.locator("input[name=arrangement_months]")
    expect(form.locator(".field-error")).to_contain_text("1-24 måneder")
    expect(months).to_have_attribute("aria-invalid", "true")
    expect(months).to_be_focused()  # the first field in error
    expect(months).to_have_value("30")
    expect(form.locator("textarea[name=arrangement_justification]")).to_have_value(why)
    audited(page, "06b-case-arrangement-refused")
    months.fill("12")
    form.locator("textarea[name=notes]").fill("")


def report(tenant: Tenant, contract: dict[str, Any]) -> None:
    """The provider's status report, goal by goal against the contract's plan."""
    goals = contract["terms"]["goals"]
    levels = ["clear_progress", "some_progress"]
    ok(
        tenant.client.post(
            f"/contracts/{contract['contract_id']}/status-reports",
            json={
                # the follow-up's ref as the provider lists it (an invented one is refused)
                "followup_ref": life.provider_follow_ups(tenant, contract["contract_id"])[0][
                    "followup_ref"
                ],
                "period_start": str(date.today() - timedelta(days=90)),
                "period_end": str(date.today()),
                "narrative": "Sofie kommer i skole de fleste dage",
                "per_goal": [
                    {"goal_id": g["goal_id"], "progress": level, "text": "Fremgang"}
                    for g, level in zip(goals, levels, strict=False)
                ],
            },
        ),
        201,
    )


@pytest.fixture(scope="module")
def stack(kafka_bootstrap: str, new_database_url: Callable[[str], str]) -> Iterator[Stack]:
    """A stack of its own: other tests move the shared scheduler's clock months ahead, and
    My work lists follow-ups as they fall due on today's calendar."""
    with started_stack(kafka_bootstrap, new_database_url) as fresh:
        yield fresh


def test_a_caseworker_takes_a_case_from_opening_to_the_follow_up_outcome(stack: Stack) -> None:
    # Given a provider with published material and a signed standard contract
    tenant = provider_ready(stack)
    base = stack.url("authority")
    with chromium() as browser, stack.client("scheduler", "ops", user="ops-1") as ops:
        page = browser.new_page(bypass_csp=True)  # the axe audit is injected inline
        # When the caseworker opens and investigates a case, and the team leader approves
        case_url = open_and_decide(page, base)
        approve(page, base)
        # And the caseworker plans and orders; the provider accepts through its API
        plan_and_order(page, base, case_url)
        order = only(tenant, "/orders")
        ok(
            tenant.client.post(
                f"/orders/{order['order_id']}/accept",
                json={"expected_start": str(date.today()), "contact": life.PROVIDER_CONTACT},
            )
        )
        # And both sign: the caseworker in the browser, the provider through its API
        draft_and_sign(page, case_url)
        contract = only(tenant, "/contracts")
        life.countersign(tenant, contract["contract_id"], 1)
        reload_until(page, "#contracts", "Gældende")
        expect(page.locator("#contracts")).to_contain_text("Leverandør: underskrevet")
        audited(page, "04-case-contract-in-force")
        # And the caseworker amends the price in the browser: version 1 stays in force while
        # version 2 waits for both signatures, then version 2 is in force
        amend_in_browser(page, tenant, contract["contract_id"])

        # When the scheduler's clock passes the first follow-up (3 months)
        life.advance_to_next_follow_up(ops, contract["contract_id"], first=True)
        page.goto(f"{base}/ui/")
        reload_until(page, "section[aria-labelledby=due-h]", "Afventer statusrapport")
        audited(page, "05-my-work-follow-up-due")

        # And the provider reports: the report shows goal by goal against the plan
        report(tenant, contract)
        reload_until(page, "section[aria-labelledby=rep-h]", "S.L.")
        page.goto(case_url)
        table = page.locator("#followups table")
        for text in GOALS.values():
            expect(table).to_contain_text(text)
        expect(table).to_contain_text("God fremgang")
        expect(table).to_contain_text("Nogen fremgang")
        expect(page.locator("#followups")).to_contain_text("Sofie kommer i skole de fleste dage")
        audited(page, "06-case-status-report")

        # Then the caseworker records the outcome in the browser, deciding the case's
        # follow-up arrangement (barnets lov § 95); 30 months is refused at the field
        arrangement_refused_then_kept(page)
        # with the keyboard only
        page.get_by_label("Fortsæt").focus()
        page.keyboard.press("Space")
        page.get_by_label("Noter fra opfølgningsmødet").focus()
        page.keyboard.type("Indsatsen fortsætter uændret")
        page.keyboard.press("Tab")
        expect(page.get_by_role("button", name="Registrér resultat")).to_be_focused()
        page.keyboard.press("Enter")
        expect(page.locator("#followups")).to_contain_text("Fortsæt")
        expect(page.locator("#cadence-now")).to_contain_text("hver 12. måned")
        expect(page.locator("#timeline")).to_contain_text("Opfølgning registreret")
        audited(page, "07-case-outcome-recorded")

        # And the registry and management pages render and pass the audit
        page.get_by_role("link", name="Leverandører").click()
        expect(page.locator("main")).to_contain_text(PROVIDER)
        audited(page, "08-providers")
        page.get_by_role("link", name="Ledelsesinformation").click()
        page.get_by_label("Team", exact=True).select_option(TEAM)
        page.get_by_role("button", name="Vis", exact=True).click()
        expect(page.locator("#dash-scope")).to_contain_text(TEAM)
        expect(page.locator("section[aria-labelledby=fig-inv]")).to_contain_text("1 af 1")
        expect(page.locator("#chart-answers table")).to_contain_text(PROVIDER)
        expect(page.locator("svg.chart").first).to_be_visible()
        audited(page, "09-dashboard-team")
