"""Danish and English texts for refusals a coordinator must understand and act on (in
problem+json ``texts``); the ``detail`` keeps the specifics."""

ERROR_TEXTS: dict[str, dict[str, str]] = {
    "da": {
        "contract_not_in_force": "Kontrakten er ikke i kraft: begge parter skal have "
        "underskrevet en version af den, før den kan leveres på eller ændres.",
        "change_request_open": "Der er allerede en åben ændringsanmodning af samme slags på "
        "kontrakten. Vent på sagsbehandlerens svar (GET "
        "/contracts/{contract_id}/change-requests).",
        "invalid_dates": "Datoerne passer ikke med kontrakten: slutdatoen må ikke ligge før "
        "starten, og ophør før tid kræver en sidste dag før den nuværende slutdato.",
        "extension_not_later": "En forlængelse skal slutte senere end kontraktens nuværende "
        "slutdato.",
        "invalid_change_request": "Anmodningen angiver felter, der ikke hører til dens slags: "
        "extend (new_end eller expected_duration_months), change_scope (scope og/eller "
        "frequency), end_early (last_day).",
        "change_changes_nothing": "Omfang og hyppighed er de samme som i den gældende kontrakt.",
        "terms_hash_mismatch": "Hashen passer ikke med de vilkår, der er tilbudt for denne "
        "version. Intet er underskrevet: læs kontrakten igen, eller bed myndigheden om at "
        "tilbyde den på ny.",
        "terms_unreadable": "De tilbudte vilkår kan ikke åbnes (barnets nøgle mangler, eller "
        "barnets data er slettet). Vilkår, der ikke kan vises, kan ikke underskrives.",
        "order_already_answered": "Bestillingen er allerede besvaret med et andet svar. "
        "Det første svar gælder; samme svar igen giver det første svar.",
        "unknown_followup_ref": "Kontrakten har ingen opfølgning med den reference. Brug en "
        "followup_ref fra listen over kontraktens opfølgninger (GET "
        "/contracts/{contract_id}/follow-ups). Rapporten er ikke sendt.",
    },
    "en": {
        "contract_not_in_force": "The contract is not in force: both parties must sign a "
        "version of it before it is delivered on or changed.",
        "change_request_open": "A change request of the same kind is already open on the "
        "contract. Wait for the caseworker's answer (GET "
        "/contracts/{contract_id}/change-requests).",
        "invalid_dates": "The dates do not fit the contract: an end cannot be before the "
        "start, and ending early needs a last day before the current end.",
        "extension_not_later": "An extension must end later than the contract's current end.",
        "invalid_change_request": "The request names fields of another kind: extend (new_end "
        "or expected_duration_months), change_scope (scope and/or frequency), end_early "
        "(last_day).",
        "change_changes_nothing": "The scope and frequency are those of the contract in force.",
        "terms_hash_mismatch": "The hash does not match the terms offered for this version. "
        "Nothing is signed: read the contract again, or ask the authority to offer it anew.",
        "terms_unreadable": "The offered terms cannot be opened (the child's key is missing "
        "or the child's data was erased). Terms that cannot be shown cannot be signed.",
        "order_already_answered": "The order was already answered with another answer. The "
        "first answer stands; the same answer again gets the first answer.",
        "unknown_followup_ref": "The contract has no follow-up with that reference. Use a "
        "followup_ref from the contract's follow-ups (GET "
        "/contracts/{contract_id}/follow-ups). The report was not sent.",
    },
}
