"""Publishing the provider's material: a new complete version, and the places it offers."""

from __future__ import annotations

from samspil_contracts import MeasureCode, Price, ProviderKind, ProviderMaterialPublished
from samspil_contracts import MeasureOffer as WireOffer
from samspil_contracts import PriceUnit as WireUnit
from samspil_contracts import TimeHorizon as WireHorizon

from provider.app import aggregates as agg
from provider.app.recording import Acting
from provider.app.service import Service
from provider.domain import capacity, material


class Materials(Service):
    async def publish_material(
        self, acting: Acting, name: str, kind: ProviderKind, content: material.MaterialContent
    ) -> int:
        command = material.PublishMaterial(**acting.stamp, content=content)
        async with self.store.unit_of_work() as uow:
            events, loaded = await self.recorder.execute(
                uow, agg.MATERIALS, acting.tenant_id, command, acting
            )
            published: material.MaterialPublished = events[0]
            for offer in content.offers:
                key = agg.capacity_id(acting.tenant_id, offer.measure_code)
                places = capacity.SetPlaces(
                    **acting.stamp, measure_code=offer.measure_code, places=offer.places
                )
                await self.recorder.execute(uow, agg.CAPACITY, key, places, acting)
            event = ProviderMaterialPublished(
                provider_id=acting.tenant_id,
                version=published.version,
                name=name,
                kind=kind,
                offers=tuple(
                    WireOffer(
                        measure=MeasureCode(o.measure_code),
                        price=Price(amount_ore=o.price_oere, per=WireUnit(o.unit.value)),
                        places=o.places,
                    )
                    for o in content.offers
                ),
                time_horizons=tuple(
                    WireHorizon(task=h.task_type, days=h.days) for h in content.time_horizons
                ),
                method=content.method,
                parents_and_network=content.parents_and_network,
                staff_qualifications=content.competences,
            )
            await self.publish(uow, acting, event, acting.tenant_id, loaded.revision)
        return published.version
