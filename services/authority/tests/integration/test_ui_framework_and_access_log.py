"""Framework contracts drafted and signed from the provider registry, and a citizen's access
log exported by a team leader, in the UI (issue 22, item 1): no API call needed."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any
from uuid import UUID, uuid4

import samspil_contracts as wire

from .conftest import Stack, eventually
from .flows import CPR, countersign, decided_case, offer_of
from .ui import DA, at_field, browser, text_of

TERMS = {
    "ethics": "Respekt for familien",
    "payment": "Månedsvis bagud",
    "disputes_and_breach": "Forhandling, derefter domstolene",
    "sanctions_and_termination": "Tre måneders varsel",
    "purpose": "Støtte i hjemmet",
    "demands_on_authority": "Klare bestillinger med mål",
    "insurance": "Ansvarsforsikring",
    "follow_up": "Statusrapport før hver opfølgning",
    "price_regulation": "Årligt efter lønindeks",
    "opening_hours": "Hverdage 8-20",
    "training": "Socialpædagoger",
    "involvement": "Forældrene deltager",
    "confidentiality": "Tavshedspligt",
    "duty_to_notify": "Underret straks",
    "data_storage": "Krypteret, 5 år",
    "use_of_force": "Indberettes inden 24 timer",
}


async def published(stack: Stack) -> UUID:
    provider = uuid4()
    offer = wire.MeasureOffer(
        measure=wire.MeasureCode.SUPPORT_IN_HOME,
        price=wire.Price(amount_ore=52_000, per=wire.PriceUnit.HOUR),
        places=8,
    )
    await stack.produce(
        wire.ProviderMaterialPublished(
            provider_id=provider,
            version=1,
            name="Familiehuset Lyngby",
            kind=wire.ProviderKind.PRIVATE,
            offers=(offer,),
            method="Systemisk familiearbejde",
            parents_and_network="Forældre er partnere",
        )
    )
    cw = await stack.token("cw-1", "caseworker")

    async def listed() -> bool:
        rows = (await stack.client.get("/providers", headers=cw)).json()
        return any(r["provider_id"] == str(provider) for r in rows)

    assert await eventually(listed)
    return provider


def framework_form(provider: UUID, token: str, **changes: str) -> dict[str, Any]:
    return {
        "csrf_token": token,
        "form": f"std-form-{provider}",
        "provider_id": str(provider),
        "measure": "sel_52_3_2",
        "authority_contact_name": "Karen",
        "authority_contact_email": "karen@kommune.invalid",
        "provider_contact_name": "Per",
        "provider_contact_email": "per@familiehuset.invalid",
        "price_kr": "520",
        "unit": "hour",
        "places": "8",
        "start": str(date.today()),
        "duration_months": "24",
        "payment_terms_days": "30",
        **TERMS,
        **changes,
    }


async def test_a_framework_contract_is_drafted_signed_and_in_force_from_the_registry(
    stack: Stack,
) -> None:
    # Given a provider that published its offer
    provider = await published(stack)
    async with browser(stack, "cw-1") as (ui, token):
        # When the caseworker drafts a framework contract with a negative number of places
        refused = await ui.post(
            "/ui/standard-contracts", data=framework_form(provider, token, places="-1")
        )
        # Then the refusal stands at the places, and the terms typed are kept
        html = text_of(refused)
        assert refused.status_code == 422
        assert DA["field.places"] in at_field(html, f"std-form-{provider}", "places")
        assert TERMS["use_of_force"] in html
        # When it is drafted right and signed for the authority
        drafted = await ui.post("/ui/standard-contracts", data=framework_form(provider, token))
        assert drafted.status_code == 303, drafted.text
        assert drafted.headers["location"] == f"/ui/providers#std-{provider}"
        cw = await stack.token("cw-1", "caseworker")
        rows = (
            await stack.client.get(f"/standard-contracts?provider_id={provider}", headers=cw)
        ).json()
        standard_id = UUID(rows[0]["standard_contract_id"])
        registry = text_of(await ui.get("/ui/providers"))
        assert DA["standards.sign"] in registry
        signed = await ui.post(
            f"/ui/standard-contracts/{standard_id}/sign", data={"csrf_token": token}
        )
        assert signed.status_code == 303, signed.text
        # And the provider countersigns on its side
        await countersign(stack, await offer_of(stack, standard_id, 1))

        async def in_force() -> bool:
            return DA["contract.in_force"] + " (" in text_of(await ui.get("/ui/providers"))

        # Then the registry shows it in force, with no signing offered any more
        assert await eventually(in_force)
        assert DA["standards.sign"] not in text_of(await ui.get("/ui/providers"))


async def test_a_team_leader_exports_a_citizens_access_log_as_csv(stack: Stack) -> None:
    # Given a case on the citizen (CPR 120315-4321, invented), looked at by its caseworker
    case_id, _, _ = await decided_case(stack)
    async with browser(stack, "cw-1") as (ui, _):
        assert (await ui.get(f"/ui/cases/{case_id}")).status_code == 200
    async with browser(stack, "tl-1", "team_leader") as (ui, token):
        form = {"csrf_token": token, "form": "access", "reason": "Anmodning om indsigt"}
        # When a malformed number is posted, the refusal stands at the CPR field, reason kept
        bad = await ui.post("/ui/access-log", data=form | {"cpr": "123"})
        # When the citizen's number is posted, the log downloads as CSV
        good = await ui.post("/ui/access-log", data=form | {"cpr": CPR})
    assert bad.status_code == 422
    assert at_field(text_of(bad), "access", "cpr") == DA["error.invalid_cpr"]
    assert 'value="Anmodning om indsigt"' in text_of(bad)
    assert good.status_code == 200
    assert good.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(good.text)))
    assert {r["case_id"] for r in rows} == {case_id}
    assert {"cw-1"} <= {r["user_id"] for r in rows}
    async with browser(stack, "cw-1") as (ui, token):
        refused = await ui.post(
            "/ui/access-log", data={"csrf_token": token, "cpr": CPR, "reason": "x"}
        )
        menu = text_of(await ui.get("/ui/"))
    # And a caseworker is neither offered the export nor let through
    assert refused.status_code == 422
    assert DA["error.forbidden_role"] in text_of(refused)
    assert DA["nav.access_log"] not in menu
