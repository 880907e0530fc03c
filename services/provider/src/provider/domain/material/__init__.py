"""Provider material (leverandørmateriale): prices, time horizons, method, competences, places."""

from provider.domain.material.aggregate import decide, evolve
from provider.domain.material.model import (
    Material,
    MaterialContent,
    MaterialPublished,
    MeasureOffer,
    PublishMaterial,
    TimeHorizon,
)

__all__ = [
    "Material",
    "MaterialContent",
    "MaterialPublished",
    "MeasureOffer",
    "PublishMaterial",
    "TimeHorizon",
    "decide",
    "evolve",
]
