"""The law in force is barnets lov (since 1 January 2024): no page and no catalogue text may
cite a repealed Serviceloven paragraph (§ 50 børnefaglig undersøgelse, § 52 foranstaltninger,
§ 140 handleplan, § 76 efterværn, §§ 153-155 underretning, ...)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from authority.entrypoints import web
from authority.entrypoints.web.i18n import CATALOGUES
from samspil_contracts import FOLLOW_UP_CADENCE_MONTHS

from .conftest import Authority

# The Act's name and the children's paragraphs of Serviceloven that barnets lov replaced whose
# numbers barnets lov does not cite here (its § 46 is placement, so § 46 is not on the list).
REPEALED = re.compile(
    r"servicelov|\bSEL\b|§§?\s*(?:50|52|57|58|68|69|70|76|140|146|153|154|155)\b",
    re.IGNORECASE,
)
TEMPLATES = Path(web.__file__).parent / "templates"


def repealed_in(text: str) -> list[str]:
    return [m.group(0) for m in REPEALED.finditer(text)]


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
def test_no_catalogue_text_cites_a_repealed_serviceloven_paragraph(lang: str) -> None:
    # Given the caseworker UI's catalogue in one language
    catalogue = CATALOGUES[lang]
    # When every text is read, then none cites the repealed Act
    found = {key: repealed_in(text) for key, text in catalogue.items() if repealed_in(text)}
    assert found == {}


def test_no_template_text_cites_a_repealed_serviceloven_paragraph() -> None:
    # Given the text written straight into the page templates; then none cites the repealed Act
    texts = {f.name: f.read_text(encoding="utf-8") for f in TEMPLATES.glob("*.html")}
    found = {name: repealed_in(text) for name, text in texts.items() if repealed_in(text)}
    assert found == {}


def test_the_measures_are_named_by_barnets_lov_section_32() -> None:
    # Given the Danish catalogue; then support in the home is § 32, stk. 1, nr. 2 and the old
    # name of the child's plan (handleplan) is kept as a secondary label beside § 91
    da = CATALOGUES["da"]
    assert "§ 32, stk. 1, nr. 2" in da["measure.sel_52_3_2"]
    assert "§ 91" in da["case.plan"]
    assert "handleplan" in da["case.plan"]
    assert "§ 20" in da["case.investigation"]


@pytest.mark.parametrize(
    "code",
    [
        "purpose_required",
        "expected_duration_required",
        "custody_consent_missing",
        "consent_in_future",
        "parallel_justification_required",
        "investigation_not_concluded",
    ],
)
def test_every_section_32_refusal_has_a_danish_and_an_english_text(code: str) -> None:
    assert "§ 32" in CATALOGUES["da"][f"error.{code}"] or code == "consent_in_future"
    assert f"error.{code}" in CATALOGUES["en"]


async def token(client: httpx.AsyncClient, user: str, role: str) -> str:
    issued = await client.post("/dev/token", json={"user_id": user, "roles": [role]})
    return str(issued.json()["access_token"])


async def test_no_rendered_page_cites_a_repealed_serviceloven_paragraph(
    authority: Authority,
) -> None:
    async with httpx.AsyncClient(base_url=authority.url) as client:
        cw = {"Authorization": f"Bearer {await token(client, 'sb-law', 'caseworker')}"}
        # Given a case whose investigation is concluded, so the decision form lists the measures
        opened = await client.post(
            "/cases",
            json={
                "child": {"name": "Alma Hansen", "cpr": "120315-4321"},
                "parents": [{"name": "Mette Hansen", "cpr": "010180-2222"}],
                "custody": {"kind": "mother"},
                "contact_person": "Karen Sørensen",
            },
            headers=cw,
        )
        assert opened.status_code == 201, opened.text
        case = f"/ui/cases/{opened.json()['case_id']}"
        case_id = opened.json()["case_id"]
        await client.post(f"/cases/{case_id}/investigation/start", headers=cw)
        concluded = await client.post(
            f"/cases/{case_id}/investigation/conclude", json={"summary": "Behov"}, headers=cw
        )
        assert concluded.status_code == 200, concluded.text
        # And a proposal written, as a caseworker might, citing the repealed Act
        proposal = {
            "measure": "sel_52_3_2",
            "legal_basis": "Serviceloven § 52, stk. 3, nr. 2",
            "assessment": "Konkret vurdering",
            "purpose": "Faste rammer",
            "expected_duration_months": 6,
            "consent": {"given_by": ["mother"], "given_on": str(date.today() - timedelta(1))},
            "plan_made": True,
        }
        proposed = await client.post(f"/cases/{case_id}/decisions", json=proposal, headers=cw)
        assert proposed.status_code == 201, proposed.text
        client.cookies.set("samspil_session", await token(client, "sb-law", "caseworker"))
        pages = ["/ui/", "/ui/cases/new", case, "/ui/notifications", "/ui/notifications/new"]
        pages += ["/ui/providers", "/ui/dashboard", "/ui/login"]
        found: dict[str, list[str]] = {}
        # When each main page is rendered in Danish and in English
        for lang in ("da", "en"):
            for path in pages:
                resp = await client.get(path, params={"lang": lang})
                assert resp.status_code == 200, (path, resp.status_code)
                if repealed_in(resp.text):
                    found[f"{lang} {path}"] = repealed_in(resp.text)
        shown = (await client.get(case, params={"lang": "da"})).text
    # Then none cites the repealed Act, and the decision cites barnets lov § 32
    assert found == {}
    assert "Barnets lov § 32, stk. 1, nr. 2" in shown


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_cadence_refusals_name_the_bound_the_scheduler_honours(lang: str) -> None:
    # Given the one bound of the event contract on a follow-up cadence (barnets lov § 95)
    bound = f"{FOLLOW_UP_CADENCE_MONTHS.start}-{FOLLOW_UP_CADENCE_MONTHS.stop - 1}"
    # Then its refusal has a text in each language that states that bound and the paragraph
    text = CATALOGUES[lang]["error.cadence_out_of_range"]
    assert bound in text
    assert "§ 95" in text
    assert "error.invalid_cadence" in CATALOGUES[lang]
