"""The steps of the business flows, each one check, against the tenant's sandbox."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from samspil_provider_client.api.sandbox import (
    accept_sandbox_order,
    countersign_sandbox_contract,
    decline_sandbox_order,
    get_sandbox_claim,
    sandbox_follow_ups,
    submit_sandbox_claim,
    submit_sandbox_status_report,
    trigger_sandbox_event,
)
from samspil_provider_client.models import (
    Accept,
    Answered,
    ClaimMade,
    ContactPerson,
    Countersign,
    Countersigned,
    Decline,
    DeclineReason,
    GoalStatusIn,
    Line,
    NewClaim,
    Progress,
    ReportMade,
    SandboxClaimView,
    StatusReport,
    Trigger,
    Triggered,
    TriggerType,
)

from samspil_provider_kit.sandbox_session import (
    FlowFailed,
    Sandbox,
    contract_now,
    expect,
    needs,
    order_now,
)


async def trigger_event(s: Sandbox) -> str:
    body = Trigger(type_=TriggerType.ORDER_PLACED)
    sent = await trigger_sandbox_event.asyncio_detailed(client=s.api, body=body)
    triggered = expect("trigger", sent, 202, Triggered)
    if triggered.data.to_dict().get("sandbox") is not True:
        raise FlowFailed("the triggered event is not flagged sandbox")
    return f"queued {triggered.type_} (event {triggered.event_id})"


async def accept(s: Sandbox) -> str:
    order_id = (await order_now(s)).order_id
    contact = ContactPerson(name="Conformance", email="conformance@example.invalid")
    body = Accept(contact=contact, expected_start=date.today() + timedelta(days=7))
    answer = await accept_sandbox_order.asyncio_detailed(order_id, client=s.api, body=body)
    expect("accept", answer, 200, Answered)
    seen = await order_now(s, order_id)
    if seen.status != "accepted" or not seen.contract_id:
        raise FlowFailed(f"accepted order: {seen.status}, contract {seen.contract_id}")
    s.found["contract_id"] = seen.contract_id
    return f"order {order_id} accepted; contract offered"


async def decline(s: Sandbox) -> str:
    order_id = (await order_now(s)).order_id
    body = Decline(reason=DeclineReason.NO_CAPACITY, text="conformance")
    answer = await decline_sandbox_order.asyncio_detailed(order_id, client=s.api, body=body)
    if expect("decline", answer, 200, Answered).status != "declined":
        raise FlowFailed("the declined order does not show declined")
    return f"order {order_id} declined"


async def countersign(s: Sandbox) -> str:
    contract_id = needs(s, "contract_id", "accept")
    contract = await contract_now(s, contract_id)
    body = Countersign(version=contract.version, terms_sha256=contract.offer.terms_sha256)
    signed = await countersign_sandbox_contract.asyncio_detailed(
        contract_id, client=s.api, body=body
    )
    expect("countersign", signed, 200, Countersigned)
    if not (await contract_now(s, contract_id)).in_force:
        raise FlowFailed("the countersigned contract is not in force")
    s.found["in_force"] = contract_id
    return f"contract {contract_id} v{contract.version} in force"


async def status_report(s: Sandbox) -> str:
    contract_id = needs(s, "in_force", "countersign")
    listed = await sandbox_follow_ups.asyncio_detailed(contract_id, client=s.api)
    [follow_up, *_] = expect("follow-ups", listed, 200, list)
    terms = (await contract_now(s, contract_id)).offer.terms.to_dict()
    per_goal = [
        GoalStatusIn(goal_id=UUID(goal["goal_id"]), progress=Progress.SOME_PROGRESS, text="-")
        for goal in terms["goals"]
    ]
    today = date.today()
    body = StatusReport(
        followup_ref=follow_up.followup_ref,
        narrative="Conformance check: nothing real happened.",
        per_goal=per_goal,
        period_start=today - timedelta(days=30),
        period_end=today,
    )
    made = await submit_sandbox_status_report.asyncio_detailed(contract_id, client=s.api, body=body)
    report = expect("status report", made, 201, ReportMade)
    return f"report {report.report_id} for {follow_up.followup_ref}"


async def claim(s: Sandbox) -> str:
    contract_id = needs(s, "in_force", "countersign")
    today = date.today()
    body = NewClaim(
        contract_id=contract_id,
        claim_number=f"CONF-{today:%Y%m%d}",
        period_start=today.replace(day=1),
        period_end=today,
        lines=[Line(description="Sessions", units=4, unit_price_oere=95_000)],
    )
    sent = await submit_sandbox_claim.asyncio_detailed(client=s.api, body=body)
    made = expect("claim", sent, 201, ClaimMade)
    read = await get_sandbox_claim.asyncio_detailed(made.claim_id, client=s.api)
    return f"claim {made.claim_id} {expect('read claim', read, 200, SandboxClaimView).status}"
