"""Texts of the case list and its search (find and list), Danish and English."""

SEARCH_DA = {
    "work.search": "Søg: barnets navn, CPR-nummer, sagsnummer eller sagsbehandler",
    "search.hint": (
        "Navne findes på hele ord (fx fornavn). En søgning på CPR-nummer er et opslag i "
        "borgerens data: angiv en begrundelse; den logges som adgang til de sager, der findes."
    ),
    "search.reason": "Begrundelse (kræves ved CPR-nummer)",
    "search.filters": "Afgræns og sortér",
    "search.any": "Alle",
    "search.team": "Team",
    "search.overdue": "Kun sager med overskreden frist",
    "search.sort": "Sortér efter",
    "search.sort.next_deadline": "Næste frist",
    "search.sort.opened": "Oprettet (ældste først)",
    "search.sort.opened_desc": "Oprettet (nyeste først)",
    "search.sort.case_number": "Sagsnummer",
    "search.sort.status": "Status",
    "search.apply": "Vis",
    "search.results": "{n} sager fundet",
    "search.logged": "Søgningen på CPR-nummer er logget som adgang ({n} sager).",
    "col.case_number": "Sagsnr.",
    "col.age": "Alder i år",
    "col.opened": "Oprettet",
    "col.next_deadline": "Næste frist",
    "case.child_born": "{initials} (f. {year})",
    "error.cpr_search_reason_required": (
        "Angiv en begrundelse for at søge på et CPR-nummer (søgningen logges som adgang)."
    ),
}
SEARCH_EN = {
    "work.search": "Search: the child's name, CPR number, case number or caseworker",
    "search.hint": (
        "Names match whole words (a first name, say). A search by CPR number is a look at the "
        "citizen's data: give a reason; it is logged as an access to the cases found."
    ),
    "search.reason": "Reason (required for a CPR number)",
    "search.filters": "Filter and sort",
    "search.any": "Any",
    "search.team": "Team",
    "search.overdue": "Only cases with an overdue deadline",
    "search.sort": "Sort by",
    "search.sort.next_deadline": "Next deadline",
    "search.sort.opened": "Opened (oldest first)",
    "search.sort.opened_desc": "Opened (newest first)",
    "search.sort.case_number": "Case number",
    "search.sort.status": "Status",
    "search.apply": "Show",
    "search.results": "{n} cases found",
    "search.logged": "The search by CPR number is logged as an access ({n} cases).",
    "col.case_number": "Case no.",
    "col.age": "Age this year",
    "col.opened": "Opened",
    "col.next_deadline": "Next deadline",
    "case.child_born": "{initials} (b. {year})",
    "error.cpr_search_reason_required": (
        "Give a reason to search by CPR number (the search is logged as an access)."
    ),
}
