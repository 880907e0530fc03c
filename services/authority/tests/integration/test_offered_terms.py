"""Issue 19, defect 1 at the authority: the offer carries every term the provider is asked to
countersign, sealed with the child's key, and the hash offered is of their canonical form."""

from __future__ import annotations

from uuid import UUID

import pytest
import samspil_contracts as wire

from .conftest import Stack
from .flows import offer_of, running_measure

pytestmark = pytest.mark.integration


async def test_the_offer_carries_the_terms_sealed_for_the_child_and_hashed_as_shown(
    stack: Stack,
) -> None:
    # Given a contract the authority signed and offered
    m = await running_measure(stack)

    # When its offer is read off the broker and opened with the child's key
    offer = await offer_of(stack, UUID(str(m.contract_id)), 1)
    assert offer.individual_terms is not None
    assert offer.individual_terms.kid.startswith("child:")
    key = await stack.services.kit.keyring.key_for(UUID(m.case_id))
    box = offer.individual_terms.model_dump()
    shown = wire.IndividualTerms.model_validate(key.open_json(box, str(offer.contract_id)))

    # Then they are this contract's terms, the plan's goals among them, and the hash offered
    # is the hash of exactly those terms (the one the provider recomputes)
    assert (shown.contract_id, shown.version, shown.case_id) == (
        offer.contract_id,
        1,
        UUID(m.case_id),
    )
    assert shown.goals
    assert shown.follow_up_wanted
    assert shown.framework.standard_contract_id == offer.standard_contract_id
    assert wire.terms_sha256(shown) == offer.terms_sha256
