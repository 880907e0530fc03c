"""Danish and English texts for refusals a coordinator must understand and act on (in
problem+json ``texts``); the ``detail`` keeps the specifics."""

ERROR_TEXTS: dict[str, dict[str, str]] = {
    "da": {
        "last_api_key": "Det er organisationens sidste aktive API-nøgle. Udsted en ny nøgle "
        "og tag den i brug, før denne tilbagekaldes.",
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
        "contract_already_terminated": "Kontrakten er allerede opsagt (af jer eller "
        "myndigheden). Se opsigelsen under notice i GET /contracts/{contract_id}.",
        "contract_not_in_force": "Kontrakten er ikke gældende (ikke underskrevet af begge "
        "parter, eller den er ophørt).",
        "notice_period_required": "Kun væsentlig misligholdelse (serious_breach) giver "
        "opsigelse uden varsel; angiv notice_days.",
        "termination_text_required": "Skriv hvorfor (text), når årsagen er 'other'.",
        "invalid_termination_reason": "Den årsag kan kun myndigheden give.",
        "sandbox_not_enabled": "Organisationens sandkasse er ikke slået til. Bed Samspils "
        "drift om at slå den til (den er slået fra, indtil den slås til for jer).",
    },
    "en": {
        "last_api_key": "This is the organisation's last active API key. Issue a new key and "
        "start using it before you revoke this one.",
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
        "contract_already_terminated": "Notice of the contract was already given (by you or "
        "the authority). See it under notice in GET /contracts/{contract_id}.",
        "contract_not_in_force": "The contract is not in force (not signed by both parties, "
        "or it has ended).",
        "notice_period_required": "Only a serious breach (serious_breach) ends a contract "
        "without notice; give notice_days.",
        "termination_text_required": "Say why (text) when the reason is 'other'.",
        "invalid_termination_reason": "Only the authority gives that reason.",
        "sandbox_not_enabled": "The organisation's sandbox is not enabled. Ask Samspil's "
        "operations to enable it (it is off until enabled for you).",
    },
}
