"""The lifecycle steps that once needed the API, done from the case page (issue 22, item 1):
given a case in a state, when the form is posted, then the page shows the outcome; a refusal
stands next to its field in Danish, with what was typed kept; and a step the state forbids is
not offered (item 4)."""

from __future__ import annotations

import re
from uuid import uuid4

import pytest

from .conftest import Stack
from .flows import accepted_order, decided_case, running_measure
from .ui import DA, at_field, browser, text_of


async def test_an_amendment_waits_for_signatures_while_version_1_stays_in_force(
    stack: Stack,
) -> None:
    # Given a measure with its individual contract in force (version 1, 500 kr. an hour)
    run = await running_measure(stack)
    async with browser(stack, "cw-1") as (ui, token):
        page = f"/ui/cases/{run.case_id}"
        before = text_of(await ui.get(page))
        # When the caseworker amends the price from the case page
        posted = await ui.post(
            f"{page}/contracts/{run.contract_id}/amend",
            data={"csrf_token": token, "form": "amend", "price_kr": "612,50", "unit": "hour"},
        )
        after = text_of(await ui.get(page))
    # Then (post/redirect/get) the page shows version 1 in force and version 2 pending
    assert posted.status_code == 303, posted.text
    assert posted.headers["location"].endswith("#contracts")
    assert DA["contract.in_force_version"].format(v=1) in after
    assert DA["contract.pending"].format(v=2) in after
    assert DA["contract.terms_pending"].format(v=2) in after
    assert "612,50 kr." in after
    assert "500,00 kr." in after
    assert DA["contract.sign_version"].format(v=2) in after
    # And the measure, ordered and under contract, is not offered for ordering again
    assert DA["case.place_order"] not in before
    assert DA["order.withdraw"] not in before


async def test_an_amendment_that_changes_nothing_is_refused_at_the_price_with_input_kept(
    stack: Stack,
) -> None:
    # Given a contract in force at 500 kr. an hour
    run = await running_measure(stack)
    fid = f"amend-{run.contract_id}"
    async with browser(stack, "cw-1") as (ui, token):
        # When an amendment with the same price is posted
        refused = await ui.post(
            f"/ui/cases/{run.case_id}/contracts/{run.contract_id}/amend",
            data={"csrf_token": token, "form": fid, "price_kr": "500", "unit": "hour"},
        )
    # Then the Danish text of amendment_changes_nothing stands next to the price field,
    # the field is marked invalid and keeps what was typed; nothing became version 2
    html = text_of(refused)
    assert refused.status_code == 422
    assert at_field(html, fid, "price_kr") == DA["error.amendment_changes_nothing"]
    assert re.search(r'name="price_kr" [^>]*value="500"[^>]*aria-invalid="true"', html)
    assert DA["contract.pending"].format(v=2) not in html


async def test_the_follow_up_arrangement_is_set_from_the_case_page_within_1_to_24_months(
    stack: Stack,
) -> None:
    # Given a measure under a contract in force, followed up as the statute says
    run = await running_measure(stack)
    async with browser(stack, "cw-1") as (ui, token):
        page = f"/ui/cases/{run.case_id}"
        form = {"csrf_token": token, "form": "cadence", "contract_id": str(run.contract_id)}
        why = "Stabil anbringelse; barnet ønsker færre møder"
        # When a cadence of 30 months is posted, then it is refused next to the months
        refused = await ui.post(
            f"{page}/follow-up-cadence", data=form | {"months": "30", "justification": why}
        )
        # When 12 months are posted, it is recorded and shown
        saved = await ui.post(
            f"{page}/follow-up-cadence", data=form | {"months": "12", "justification": why}
        )
        after = text_of(await ui.get(page))
    html = text_of(refused)
    assert refused.status_code == 422
    assert at_field(html, "cadence", "months") == DA["error.cadence_out_of_range"]
    assert why in html  # the justification typed is kept
    assert saved.status_code == 303, saved.text
    assert DA["cadence.now"].format(months=12) in after


async def test_an_order_is_changed_and_then_withdrawn_from_the_case_page(stack: Stack) -> None:
    # Given an order the provider accepted, no contract yet
    case_id, order_id, _ = await accepted_order(stack, uuid4())
    async with browser(stack, "cw-1") as (ui, token):
        page = f"/ui/cases/{case_id}"
        offered = text_of(await ui.get(page))
        # When the caseworker changes its scope, then withdraws it
        change = {
            "csrf_token": token,
            "form": f"order-change-{order_id}",
            "hours": "9",
            "hours_per": "week",
            "times": "3",
            "times_per": "week",
            "start": "2030-01-07",
            "months": "4",
            "reason": "",
        }
        unexplained = await ui.post(f"{page}/orders/{order_id}/change", data=change)
        change["reason"] = "Familien ønsker flere timer"
        changed = await ui.post(f"{page}/orders/{order_id}/change", data=change)
        after_change = text_of(await ui.get(page))
        withdraw = {"csrf_token": token, "form": "w", "reason_code": "need_ceased"}
        withdrawn = await ui.post(f"{page}/orders/{order_id}/withdraw", data=withdraw)
        after = text_of(await ui.get(page))
        # And a second withdrawal (a stale page) is refused in Danish
        again = await ui.post(f"{page}/orders/{order_id}/withdraw", data=withdraw)
    assert DA["order.change"] in offered
    assert DA["order.withdraw"] in offered
    assert DA["case.place_order"] not in offered  # the measure is ordered already
    # (a change needs a reason: the refusal stands at that field, the scope typed is kept)
    assert unexplained.status_code == 422
    reason = at_field(unexplained.text, f"order-change-{order_id}", "reason")
    assert reason == DA["error.reason_required"]
    assert 'name="hours" type="number" min="1" max="744" value="9"' in unexplained.text
    assert changed.status_code == 303, changed.text
    assert "9 timer pr. uge" in after_change
    assert withdrawn.status_code == 303, withdrawn.text
    assert DA["order.withdrawn"] in after
    assert DA["order.withdraw"] not in after  # a closed order offers no more steps
    assert DA["case.place_order"] in after  # the measure can be ordered elsewhere now
    assert again.status_code == 422
    assert DA["error.order_closed"] in text_of(again)


async def test_a_team_leader_hands_the_case_to_another_caseworker(stack: Stack) -> None:
    # Given a decided case of cw-1
    case_id, _, _ = await decided_case(stack)
    async with browser(stack, "tl-9", "team_leader") as (ui, token):
        page = f"/ui/cases/{case_id}"
        form = {"csrf_token": token, "form": "reassign"}
        # When no caseworker is named, then the field says so; when one is, the case is theirs
        blank = await ui.post(f"{page}/caseworker", data=form | {"caseworker_id": " "})
        moved = await ui.post(f"{page}/caseworker", data=form | {"caseworker_id": "cw-new"})
        after = text_of(await ui.get(page))
    assert blank.status_code == 422
    assert DA["field.caseworker_id"] in at_field(blank.text, "reassign", "caseworker_id")
    assert moved.status_code == 303, moved.text
    assert re.search(r'id="caseworker">cw-new<', after)
    async with browser(stack, "cw-1") as (ui, _):
        assert DA["case.reassign"] not in text_of(await ui.get(f"/ui/cases/{case_id}"))


async def test_the_parties_told_of_a_decision_are_recorded_from_the_case_page(
    stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given an approved decision whose letters could not be sent (Digital Post was down: the
    # approval stands); the child (11) and the mother with custody are parties
    async def post_down(*_: object) -> None:
        raise ConnectionError("digital post unavailable")

    monkeypatch.setattr(stack.services.cases, "on_approved", post_down)
    case_id, decision_id, _ = await decided_case(stack)
    monkeypatch.undo()
    fid = f"told-{decision_id}"
    async with browser(stack, "cw-1") as (ui, token):
        page = f"/ui/cases/{case_id}"
        url = f"{page}/decisions/{decision_id}/communicated"
        form = {"csrf_token": token, "form": fid}
        # When only the mother is ticked, then the refusal names what is missing, at the field
        partial = await ui.post(url, data=form | {"recipients": "mother"})
        # When both are ticked, it is recorded
        told = await ui.post(url, data=form | {"recipients": ["mother", "child"]})
        after = text_of(await ui.get(page))
    assert partial.status_code == 422
    html = text_of(partial)
    assert at_field(html, fid, "recipients") == DA["error.recipients_incomplete"]
    assert re.search(r'value="mother" checked', html)  # the tick is kept
    assert told.status_code == 303, told.text
    assert DA["communicated.told"] in after
    assert DA["communicated.record"] not in after  # everyone is told: the form is gone
