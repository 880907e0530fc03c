"""The management information's texts: the deadline table, its verdicts, the drill-down
lists, the downloads and the period's refusals; and the layout's texts for every page (the
scrolling table's region, the skip links to each page's main action)."""

from __future__ import annotations

DASHBOARD_DA: dict[str, str] = {
    "dash.reversed": "Til-datoen ligger før fra-datoen. Vælg en slutdato efter startdatoen.",
    "dash.bad_date": "Skriv datoen som åååå-mm-dd.",
    "dash.out_of_range": "Vælg en dato mellem 2000 og 2100.",
    "dash.fix_period": "Perioden kan ikke vises. Ret feltet, der er markeret.",
    "dash.period_shown": "Periode: {start} til {end}.",
    "dash.download": "Hent frist-tabellen",
    "dash.download_csv": "CSV (regneark, semikolon)",
    "dash.download_xlsx": "Excel (XLSX)",
    "dash.no_followups": "Ingen opfølgninger havde frist i perioden.",
    "dash.no_investigations": "Ingen undersøgelser er afsluttet eller over 4 måneder i perioden.",
    "dash.open_investigations": (
        "Igangværende: {open}, heraf {at_risk} tæt på fristen og {overdue} over fristen"
    ),
    "dash.no_open_investigations": "Ingen igangværende undersøgelser med en frist.",
    "dash.empty.answers": "Ingen leverandør har svaret på en bestilling i perioden.",
    "dash.empty.progress": "Ingen statusrapporter med mål i perioden.",
    "dash.empty.costs": "Ingen godkendte regninger i perioden.",
    "dash.deadlines": "Lovbestemte frister og øvrige frister",
    "dash.deadlines_hint": (
        "Overholdt: frister indfriet i perioden, og hvor mange af dem til tiden. "
        "Tæt på og over fristen: åbne frister i dag. Tryk på et tal for at se sagerne."
    ),
    "dash.col.kind": "Frist",
    "dash.col.met": "Indfriet i perioden",
    "dash.col.on_time": "Til tiden",
    "dash.col.on_time_share": "Til tiden (andel)",
    "dash.col.late": "For sent",
    "dash.col.open": "Åbne",
    "dash.col.at_risk": "Tæt på fristen",
    "dash.col.overdue": "Over fristen",
    "dash.col.verdict": "Vurdering",
    "dash.col.closed_at": "Indfriet",
    "dash.verdict.alert": "Kritisk: frister overskredet",
    "dash.verdict.watch": "Bør følges",
    "dash.verdict.ok": "I orden",
    "dash.verdict.none": "Ingen frister",
    "dash.none_met": "Ingen indfriet i perioden",
    "dash.cases_of": "{n} sager: {what}, {kind}",
    "dash.cases_title": "Sager: {what}",
    "dash.back": "Tilbage til ledelsesinformationen",
    "dash.cases_count": "{n} frister.",
    "dash.cases_pages": "Sider med frister",
    "dash.no_case": "(ingen sag endnu)",
    "dash.still_open": "Åben",
    "dash.no_cases": "Ingen frister passer på dette tal.",
    "dash.unnamed_provider": "Leverandør uden offentliggjort materiale (ref. {ref})",
    "dash.same_day": "Samme dag",
    # Every page: a table wider than a phone scrolls inside its own region (WCAG 1.4.10).
    "table.region": "Tabel (kan rulles vandret)",
    # The second skip link: straight to the page's main action.
    "skip.deadlines": "Spring til dine frister",
    "skip.case_next": "Spring til det, der skal gøres",
    "skip.dashboard": "Spring til fristerne",
    "skip.intake": "Spring til underretningerne",
}

DASHBOARD_EN: dict[str, str] = {
    "dash.reversed": "The To date is before the From date. Choose an end date after the start.",
    "dash.bad_date": "Write the date as yyyy-mm-dd.",
    "dash.out_of_range": "Choose a date between 2000 and 2100.",
    "dash.fix_period": "The period cannot be shown. Correct the marked field.",
    "dash.period_shown": "Period: {start} to {end}.",
    "dash.download": "Download the deadline table",
    "dash.download_csv": "CSV (spreadsheet, semicolons)",
    "dash.download_xlsx": "Excel (XLSX)",
    "dash.no_followups": "No follow-up was due in the period.",
    "dash.no_investigations": "No investigation concluded or passed 4 months in the period.",
    "dash.open_investigations": (
        "Ongoing: {open}, of which {at_risk} near the deadline and {overdue} past it"
    ),
    "dash.no_open_investigations": "No ongoing investigation with a deadline.",
    "dash.empty.answers": "No provider answered an order in the period.",
    "dash.empty.progress": "No status reports with goals in the period.",
    "dash.empty.costs": "No approved claims in the period.",
    "dash.deadlines": "Statutory and other deadlines",
    "dash.deadlines_hint": (
        "On time: deadlines met in the period, and how many of them on time. "
        "Near and past the deadline: open deadlines today. Select a number to see the cases."
    ),
    "dash.col.kind": "Deadline",
    "dash.col.met": "Met in the period",
    "dash.col.on_time": "On time",
    "dash.col.on_time_share": "On time (share)",
    "dash.col.late": "Late",
    "dash.col.open": "Open",
    "dash.col.at_risk": "Near the deadline",
    "dash.col.overdue": "Past the deadline",
    "dash.col.verdict": "Assessment",
    "dash.col.closed_at": "Met",
    "dash.verdict.alert": "Critical: deadlines missed",
    "dash.verdict.watch": "Keep an eye on",
    "dash.verdict.ok": "In order",
    "dash.verdict.none": "No deadlines",
    "dash.none_met": "None met in the period",
    "dash.cases_of": "{n} cases: {what}, {kind}",
    "dash.cases_title": "Cases: {what}",
    "dash.back": "Back to management information",
    "dash.cases_count": "{n} deadlines.",
    "dash.cases_pages": "Pages of deadlines",
    "dash.no_case": "(no case yet)",
    "dash.still_open": "Open",
    "dash.no_cases": "No deadlines match this figure.",
    "dash.unnamed_provider": "Provider with no published material (ref. {ref})",
    "dash.same_day": "Same day",
    "table.region": "Table (scrolls sideways)",
    "skip.deadlines": "Skip to your deadlines",
    "skip.case_next": "Skip to what is due",
    "skip.dashboard": "Skip to the deadlines",
    "skip.intake": "Skip to the notifications",
}
