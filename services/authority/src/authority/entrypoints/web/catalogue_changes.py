"""Texts of change requests (ændringsanmodninger) from providers, in Danish and English."""

CHANGES_DA: dict[str, str] = {
    "change.heading": "Ændringsanmodninger fra leverandøren",
    "deadline.change_request_answer_due": "Svar på leverandørens ændringsanmodning",
    "change.kind.extend": "Forlængelse",
    "change.kind.change_scope": "Ændret omfang/hyppighed",
    "change.kind.end_early": "Ophør før tid",
    "change.status.open": "Afventer dit svar",
    "change.status.granted": "Imødekommet",
    "change.status.refused": "Afslået",
    "change.new_end": "Ny slutdato: {d}",
    "change.duration": "Ny varighed: {m} måneder",
    "change.last_day": "Sidste dag: {d}",
    "change.scope": "Omfang: {hours} timer pr. {per}",
    "change.frequency": "Hyppighed: {times} gange pr. {per}",
    "change.reason": "Leverandørens begrundelse",
    "change.requested_at": "Modtaget {at}",
    "change.due": "Svarfrist: {d}",
    "change.amended_version": "Ny version {v} er sendt til leverandøren til underskrift.",
    "change.grant": "Imødekom",
    "change.grant_hint": (
        "En forlængelse eller et ændret omfang opretter og underskriver en ny version af "
        "kontrakten; den gældende version gælder, indtil leverandøren har underskrevet."
    ),
    "change.refuse": "Afslå",
    "field.refusal_text": "Begrundelse til leverandøren",
    "field.answer_text": "Besked til leverandøren (valgfri)",
    "refusal.not_in_childs_interest": "Ikke i barnets interesse",
    "refusal.goals_not_supported": "Målene taler ikke for det",
    "refusal.needs_new_decision": "Kræver en ny afgørelse",
    "refusal.budget": "Økonomi",
    "refusal.other": "Andet",
    "error.change_request_not_found": "Ændringsanmodningen findes ikke på kontrakten.",
    "error.change_request_answered": "Ændringsanmodningen er allerede besvaret.",
    "error.amendment_required": (
        "En forlængelse eller et ændret omfang imødekommes med en ny version af kontrakten."
    ),
    "error.refusal_text_required": "Skriv en begrundelse til leverandøren.",
    "error.invalid_change_request": "Anmodningen om ophør før tid angiver ingen sidste dag.",
    "event.ChangeRequestReceived": "Ændringsanmodning modtaget",
    "event.ChangeGranted": "Ændringsanmodning imødekommet",
    "event.ChangeRefused": "Ændringsanmodning afslået",
}

CHANGES_EN: dict[str, str] = {
    "change.heading": "Change requests from the provider",
    "deadline.change_request_answer_due": "Answer the provider's change request",
    "change.kind.extend": "Extension",
    "change.kind.change_scope": "Changed scope/frequency",
    "change.kind.end_early": "Early end",
    "change.status.open": "Awaiting your answer",
    "change.status.granted": "Granted",
    "change.status.refused": "Refused",
    "change.new_end": "New end: {d}",
    "change.duration": "New duration: {m} months",
    "change.last_day": "Last day: {d}",
    "change.scope": "Scope: {hours} hours per {per}",
    "change.frequency": "Frequency: {times} times per {per}",
    "change.reason": "The provider's reason",
    "change.requested_at": "Received {at}",
    "change.due": "Answer by: {d}",
    "change.amended_version": "New version {v} was sent to the provider to countersign.",
    "change.grant": "Grant",
    "change.grant_hint": (
        "An extension or a changed scope drafts and signs a new version of the contract; "
        "the version in force stays so until the provider countersigns."
    ),
    "change.refuse": "Refuse",
    "field.refusal_text": "Reason given to the provider",
    "field.answer_text": "A word to the provider (optional)",
    "refusal.not_in_childs_interest": "Not in the child's interest",
    "refusal.goals_not_supported": "The goals do not support it",
    "refusal.needs_new_decision": "Needs a new decision",
    "refusal.budget": "Budget",
    "refusal.other": "Other",
    "error.change_request_not_found": "The change request is not on this contract.",
    "error.change_request_answered": "The change request is already answered.",
    "error.amendment_required": (
        "An extension or a changed scope is granted with a new version of the contract."
    ),
    "error.refusal_text_required": "Write a reason for the provider.",
    "error.invalid_change_request": "The request to end early names no last day.",
    "event.ChangeRequestReceived": "Change request received",
    "event.ChangeGranted": "Change request granted",
    "event.ChangeRefused": "Change request refused",
}
