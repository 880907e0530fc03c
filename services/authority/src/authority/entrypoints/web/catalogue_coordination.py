"""Texts of the family coordinator (familiekoordinator, seed 002): the measure, its
the form and its refusals (its deadline kinds are named with the others, in DA and EN)."""

COORDINATION_DA: dict[str, str] = {
    "measure.family_coordinator": "Familiekoordinator (§ 32, stk. 1, nr. 8)",
    "event.CoordinationMeetingHeld": "Møde holdt (familiekoordinator)",
    "event.FamilyContactRecorded": "Kontakt med familien (familiekoordinator)",
    "event.CoordinationEnded": "Familiekoordinatorens arbejde afsluttet",
    "error.coordination_ended": "Familiekoordinatorens arbejde med denne afgørelse er afsluttet.",
    "coordination.title": "Familiekoordinator",
    "coordination.hint": (
        "Opstartsmøde inden for 2 måneder, opfølgningsmøder ca. hver 8. uge og kontakt med "
        "familien ca. en gang om ugen. Fristerne ses under frister."
    ),
    "coordination.start_meeting_on": "Opstartsmøde holdt",
    "coordination.last_meeting_on": "Seneste møde",
    "coordination.last_contact_on": "Seneste kontakt",
    "coordination.ended_on": "Afsluttet",
    "coordination.end": "Afslut familiekoordinatorens arbejde",
    "field.ended_on": "Afsluttet den",
    "field.because": "Begrundelse (bliver på sagen)",
    "coordination.meeting": "Registrér møde",
    "coordination.contact": "Registrér kontakt",
    "field.meeting": "Møde",
    "field.held_on": "Holdt den",
    "field.contacted_on": "Kontakt den",
    "meeting.start": "Opstartsmøde",
    "meeting.follow_up": "Opfølgningsmøde",
    "error.measure_not_ordered": (
        "Familiekoordinatoren er kommunens egen indsats og bestilles ikke hos en leverandør."
    ),
    "error.not_family_coordinator": "Møder og kontakter registreres på en familiekoordinator.",
    "error.coordinator_not_decided": "Afgørelsen om familiekoordinator skal være godkendt først.",
    "error.start_meeting_already_held": "Opstartsmødet er allerede registreret.",
    "error.start_meeting_not_held": "Registrér opstartsmødet først; opfølgningsmøderne følger.",
    "error.held_before_previous": "Mødet skal ligge efter det foregående møde.",
    "error.contact_before_previous": "Kontakten ligger før den senest registrerede.",
    "error.held_in_future": "Et møde eller en kontakt registreres, når det har fundet sted.",
    "error.meeting_required": "Vælg hvilket møde.",
    "error.held_on_required": "Angiv datoen.",
    "error.contacted_on_required": "Angiv datoen.",
}

COORDINATION_EN: dict[str, str] = {
    "measure.family_coordinator": "Family coordinator (§ 32(1)(8))",
    "event.CoordinationMeetingHeld": "Meeting held (family coordinator)",
    "event.FamilyContactRecorded": "Contact with the family (family coordinator)",
    "event.CoordinationEnded": "Family coordinator's work ended",
    "error.coordination_ended": "The family coordinator's work on this decision has ended.",
    "coordination.title": "Family coordinator",
    "coordination.hint": (
        "Start meeting within 2 months, follow-up meetings about every 8 weeks and contact "
        "with the family about once a week. The deadlines are listed under deadlines."
    ),
    "coordination.start_meeting_on": "Start meeting held",
    "coordination.last_meeting_on": "Latest meeting",
    "coordination.last_contact_on": "Latest contact",
    "coordination.ended_on": "Ended",
    "coordination.end": "End the family coordinator's work",
    "field.ended_on": "Ended on",
    "field.because": "Reason (kept on the case)",
    "coordination.meeting": "Record meeting",
    "coordination.contact": "Record contact",
    "field.meeting": "Meeting",
    "field.held_on": "Held on",
    "field.contacted_on": "Contact on",
    "meeting.start": "Start meeting",
    "meeting.follow_up": "Follow-up meeting",
    "error.measure_not_ordered": (
        "The family coordinator is the municipality's own measure; it is not ordered from a "
        "provider."
    ),
    "error.not_family_coordinator": "Meetings and contacts are recorded on a family coordinator.",
    "error.coordinator_not_decided": "The family coordinator decision must be approved first.",
    "error.start_meeting_already_held": "The start meeting is already recorded.",
    "error.start_meeting_not_held": "Record the start meeting first; the follow-ups come after.",
    "error.held_before_previous": "The meeting must come after the previous meeting.",
    "error.contact_before_previous": "The contact is before the latest one recorded.",
    "error.held_in_future": "A meeting or contact is recorded once it has happened.",
    "error.meeting_required": "Choose which meeting.",
    "error.held_on_required": "Give the date.",
    "error.contacted_on_required": "Give the date.",
}
