"""Management information at a glance: each deadline kind's share met on time in the period
with the open ones near or past their deadline (from the authority's own deadline list, fed by
the scheduler's events over the real broker), the verdict in words as well as colour, each
figure a link to its cases, the table as CSV and XLSX, and a reversed period refused."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import httpx
import samspil_contracts as wire
from openpyxl import load_workbook

from .conftest import Authority, eventually_has
from .test_deadlines_page import _case_of

K = wire.DeadlineKind


async def _deadline(
    authority: Authority, case_id: str, kind: K, due: timedelta, closed: timedelta | None = None
) -> None:
    """A deadline due ``due`` from now (warned a week before), met ``closed`` from now."""
    now, deadline_id = datetime.now(UTC), uuid4()
    await authority.produce(
        wire.DeadlineScheduled(
            deadline_id=deadline_id, kind=kind, subject=case_id, case_id=UUID(case_id),
            due_at=now + due, warn_at=now + due - timedelta(days=7),
        )
    )  # fmt: skip
    if closed is not None:
        await authority.produce(
            wire.DeadlineClosed(
                deadline_id=deadline_id, kind=kind, subject=case_id, case_id=UUID(case_id),
                outcome=wire.DeadlineOutcome.MET, reason="held", closed_at=now + closed,
            )
        )  # fmt: skip


async def _leader(authority: Authority) -> dict[str, str]:
    async with httpx.AsyncClient(base_url=authority.url) as client:
        body = {"user_id": "al-dash", "roles": ["team_leader"]}
        token = (await client.post("/dev/token", json=body)).json()["access_token"]
    return {"samspil_session": token}


async def test_each_deadline_kind_shows_on_time_and_open_figures_that_lead_to_the_cases(
    authority: Authority,
) -> None:
    # Given a case whose § 20 limit is 3 days past, § 91 plan due in 2 days (inside its
    # warning), and two § 95 follow-ups met this week: one a day early, one 2 days late
    case_id, _ = await _case_of(authority, "sb-dash")
    await _deadline(authority, case_id, K.INVESTIGATION_LIMIT, -timedelta(days=3))
    await _deadline(authority, case_id, K.ACTION_PLAN_DUE, timedelta(days=2))
    await _deadline(authority, case_id, K.FOLLOW_UP_DUE, -timedelta(days=3), -timedelta(days=4))
    await _deadline(authority, case_id, K.FOLLOW_UP_DUE, -timedelta(days=4), -timedelta(days=2))
    cookies = await _leader(authority)
    # When the team leader opens the dashboard
    await eventually_has(f"{authority.url}/ui/dashboard", "Over fristen", cookies)
    await eventually_has(f"{authority.url}/ui/dashboard", "50 %", cookies)
    async with httpx.AsyncClient(base_url=authority.url, cookies=cookies) as client:
        board = (await client.get("/ui/dashboard")).text
        rows = {k: _row_of(board, k.value) for k in (K.INVESTIGATION_LIMIT, K.ACTION_PLAN_DUE)}
        follow = _row_of(board, K.FOLLOW_UP_DUE.value)
        # Then the follow-ups say 50 % on time (1 of 2) and are flagged in words
        assert "<strong>50 %</strong>" in follow
        assert "Kritisk: frister overskredet" in follow
        # And the open limit counts as past the deadline, the plan as near it
        assert "verdict-alert" in rows[K.INVESTIGATION_LIMIT]
        assert "Kritisk: frister overskredet" in rows[K.INVESTIGATION_LIMIT]
        assert "verdict-watch" in rows[K.ACTION_PLAN_DUE]
        assert "Bør følges" in rows[K.ACTION_PLAN_DUE]
        # And the figure's link lists the case with its overdue deadline
        link = "/ui/dashboard/deadlines?kind=investigation_limit&state=overdue"
        assert link in board.replace("&amp;", "&")
        listed = (await client.get(link)).text
        assert f"/ui/cases/{case_id}#deadlines" in listed
        late = await client.get("/ui/dashboard/deadlines?kind=follow_up_due&state=late")
        assert late.text.count(f"/ui/cases/{case_id}#deadlines") == 1
        # And the statutory kinds without any deadline say so instead of "-"
        assert "Ingen indfriet i perioden" in _row_of(board, K.NOTIFICATION_RECEIPT_DUE.value)
        assert ">-<" not in board
        # And the investigations figure counts the open one past its limit, with its link
        inv = board[board.index('id="fig-inv"') :]
        assert "Igangværende: 1, heraf 0 tæt på fristen og 1 over fristen" in inv


def _row_of(page: str, kind: str) -> str:
    start = page.index(f'data-kind="{kind}"')
    return page[page.rindex("<tr", 0, start) : page.index("</tr>", start)]


async def test_the_deadline_table_downloads_as_csv_and_xlsx(authority: Authority) -> None:
    # Given a case with an overdue § 20 limit
    case_id, _ = await _case_of(authority, "sb-export")
    await _deadline(authority, case_id, K.INVESTIGATION_LIMIT, -timedelta(days=1))
    cookies = await _leader(authority)
    await eventually_has(f"{authority.url}/ui/dashboard", "Over fristen", cookies)
    async with httpx.AsyncClient(base_url=authority.url, cookies=cookies) as client:
        # When the team leader downloads it in both formats, in English
        csv = await client.get("/ui/dashboard/export.csv?lang=en")
        xlsx = await client.get("/ui/dashboard/export.xlsx?lang=en")
    # Then the CSV has the header and the limit's row, flagged, semicolon-separated
    assert csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv.headers["content-disposition"]
    text = csv.content.decode("utf-8-sig")
    assert "Deadline;Met in the period;On time;On time (share)" in text
    limit = next(line for line in text.splitlines() if "§ 20" in line)
    assert limit.endswith(";Critical: deadlines missed")
    # And the workbook holds the same rows
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    assert values[4][0] == "Deadline"
    assert any(r[0] and "§ 20" in str(r[0]) and r[-1] == "Critical: deadlines missed"
               for r in values)  # fmt: skip


async def test_a_reversed_period_is_refused_next_to_its_field(authority: Authority) -> None:
    cookies = await _leader(authority)
    async with httpx.AsyncClient(base_url=authority.url, cookies=cookies) as client:
        # When the To date is before the From date
        answer = await client.get("/ui/dashboard?start=2026-06-01&end=2026-01-01")
        english = await client.get("/ui/dashboard?start=2026-06-01&end=2026-01-01&lang=en")
        export = await client.get("/ui/dashboard/export.csv?start=2026-06-01&end=2026-01-01")
    # Then the page is refused with the error next to the To field, what was typed kept
    assert answer.status_code == 422
    assert 'aria-invalid="true" aria-describedby="error-end"' in answer.text
    assert "Til-datoen ligger før fra-datoen" in answer.text
    assert 'value="2026-06-01"' in answer.text
    assert 'value="2026-01-01"' in answer.text
    assert "The To date is before the From date" in english.text
    assert 'id="deadline-figures"' not in answer.text
    # And there is nothing to download for it
    assert export.status_code == 422


async def test_a_period_beyond_any_calendar_is_refused_not_a_server_error(
    authority: Authority,
) -> None:
    cookies = await _leader(authority)
    async with httpx.AsyncClient(base_url=authority.url, cookies=cookies) as client:
        # When a period reaches the calendar's very ends (a day either side overflows)
        answers = [
            await client.get(f"/ui/dashboard{path}?start=0001-01-01&end=9999-12-31")
            for path in ("", "/deadlines?kind=follow_up_due&state=overdue", "/export.xlsx")
        ]
    # Then the page and the export refuse it as the user's error; no such drill-down exists
    assert [a.status_code for a in answers] == [422, 404, 422]
    assert "Vælg en dato mellem 2000 og 2100." in answers[0].text


async def test_a_team_name_that_looks_like_a_formula_is_exported_as_text(
    authority: Authority,
) -> None:
    # Given a team whose name a spreadsheet would run as a formula
    team = '=HYPERLINK("http://example.invalid","x")'
    cookies = await _leader(authority)
    bearer = {"Authorization": f"Bearer {cookies['samspil_session']}"}
    async with httpx.AsyncClient(base_url=authority.url, cookies=cookies) as client:
        put = await client.put("/caseworkers/sb-formula/team", json={"team": team}, headers=bearer)
        assert put.status_code == 204, put.text
        # When the team's table is downloaded in both formats
        csv = await client.get("/ui/dashboard/export.csv", params={"team": team})
        xlsx = await client.get("/ui/dashboard/export.xlsx", params={"team": team})
    # Then the name is text in both (a leading apostrophe), never a formula
    assert "'=HYPERLINK" in csv.content.decode("utf-8-sig")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    assert sheet["B3"].value == "'" + team
    assert sheet["B3"].data_type == "s"
