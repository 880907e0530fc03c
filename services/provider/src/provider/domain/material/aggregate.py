"""decide / evolve for the provider material."""

from __future__ import annotations

from provider.domain.common import Role, not_foreign, refuse, require_role, require_text, stamp
from provider.domain.material.model import (
    Material,
    MaterialContent,
    MaterialPublished,
    PublishMaterial,
)


def decide(command: PublishMaterial, state: Material | None) -> list[MaterialPublished]:
    not_foreign(state, command, "provider material")
    require_role(command, Role.COORDINATOR)
    _validate(command.content)
    version = 1 if state is None else state.version + 1
    return [MaterialPublished(**stamp(command), version=version, content=command.content)]


def evolve(state: Material | None, event: MaterialPublished) -> Material:
    return Material(tenant_id=event.tenant_id, version=event.version, content=event.content)


def _validate(content: MaterialContent) -> None:
    if not content.offers:
        refuse("invalid_material", "The material must offer at least one measure.")
    codes = [offer.measure_code for offer in content.offers]
    if len(set(codes)) != len(codes):
        refuse("invalid_material", "Each measure code may be offered only once.")
    for offer in content.offers:
        require_text(offer.measure_code, "measure_code")
        if offer.price_oere < 0 or offer.places < 0:
            refuse("invalid_material", "Prices and places must not be negative.")
    tasks = [horizon.task_type for horizon in content.time_horizons]
    if len(set(tasks)) != len(tasks):
        refuse("invalid_material", "Each task type may have only one time horizon.")
    for horizon in content.time_horizons:
        require_text(horizon.task_type, "task_type")
        if horizon.days < 0:
            refuse("invalid_material", "A time horizon must not be negative.")
    require_text(content.method, "method")
    require_text(content.parents_and_network, "parents_and_network")
