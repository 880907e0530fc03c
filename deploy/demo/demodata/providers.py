"""Provider organisations: each joins (ops), publishes its offer (material) from its own
system, and signs a framework contract (rammekontrakt, the standard contract) for its
measure, which the caseworker drafted and signed first."""

from __future__ import annotations

from datetime import date, timedelta

from demodata.api import Api, Tenant, wait

# name, kind, the measure it is contracted for, price per hour in øre, places
PROVIDERS = [
    ("Familiehuset Nord", "municipal", "sel_52_3_2", 62_500, 12),
    ("Støttecentret Syd", "private", "sel_52_3_3", 74_000, 8),
    ("Ungdomsrådgivningen Øst", "voluntary", "sel_52_3_6", 48_000, 20),
    ("Aflastningen Vest", "private", "sel_52_3_5", 58_000, 6),
]
CONTACT = {"name": "Karen Jensen", "email": "karen@kommune.example"}
TERM = "Som aftalt i rammeaftalen"
FRAMEWORK_START = date.today() - timedelta(days=548)  # 18 months ago
DEMANDS = [
    "opening_hours",
    "training",
    "involvement",
    "confidentiality",
    "duty_to_notify",
    "data_storage",
    "use_of_force",
]
GENERAL = ["ethics", "payment", "disputes_and_breach", "sanctions_and_termination"]


def provider_contact(tenant: Tenant) -> dict[str, str]:
    slug = tenant.name.split()[0].lower().replace("ø", "oe")
    return {"name": "Pia Holm", "email": f"pia@{slug}.example"}


def join(api: Api) -> list[Tenant]:
    """Every provider joins, publishes its offer and signs its framework contract."""
    tenants = []
    for name, kind, measure, price, places in PROVIDERS:
        made = api.as_("ops-demo", "POST", "/admin/tenants", json={"name": name, "kind": kind})
        tenant = Tenant(name, made["tenant_id"], made["api_key"], measure, price, places)
        publish(api, tenant)
        tenants.append(tenant)
    framework_ids = [draft_framework(api, t) for t in tenants]
    for tenant, framework_id in zip(tenants, framework_ids, strict=True):
        countersign(api, tenant, framework_id, 1)
    for framework_id in framework_ids:
        wait(
            lambda f=framework_id: api.cw("GET", f"/standard-contracts/{f}")["in_force"],
            "a framework contract in force",
        )
    return tenants


def publish(api: Api, tenant: Tenant) -> None:
    offer = {"measure": tenant.measure, "price_oere": tenant.price, "unit": "hour"}
    material = {
        "offers": [offer | {"places": tenant.places}],
        "time_horizons": [
            {"task_type": "Svar på bestilling", "days": 5},
            {"task_type": "Første besøg", "days": 14},
        ],
        "method": "Systemisk familiearbejde med faste mål og løbende opfølgning",
        "parents_and_network": "Forældrene deltager i møderne; netværksmøde hver måned",
    }
    api.provider(tenant, "PUT", "/material", json=material)


def draft_framework(api: Api, tenant: Tenant) -> str:
    body = {
        "provider_id": tenant.tenant_id,
        "measure": tenant.measure,
        "authority_contact": CONTACT,
        "provider_contact": provider_contact(tenant),
        "general": dict.fromkeys(GENERAL, TERM),
        "specific": {
            "purpose": "Støtte til børn og familier efter barnets lov",
            "demands_on_authority": TERM,
            "demands_on_provider": dict.fromkeys(DEMANDS, TERM),
            "places": tenant.places,
            "insurance": TERM,
            "follow_up": "Første gang efter 3 måneder, herefter hver 6. måned",
            "price_per_unit_oere": tenant.price,
            "unit": "hour",
            "price_regulation": "Nettoprisindeks",
            "start": str(FRAMEWORK_START),
            "duration_months": 48,
        },
    }
    framework_id = str(api.cw("POST", "/standard-contracts", json=body)["standard_contract_id"])
    api.cw("POST", f"/standard-contracts/{framework_id}/sign")
    return framework_id


def countersign(api: Api, tenant: Tenant, contract_id: str, version: int) -> None:
    """The provider signs what the authority signed, once it has arrived over Kafka."""

    def offered() -> bool:
        response = api.provider_get(tenant, f"/contracts/{contract_id}")
        return response.status_code == 200 and response.json()["version"] >= version

    wait(offered, f"contract v{version} offered to {tenant.name}")
    body = {"version": version}
    api.provider(tenant, "POST", f"/contracts/{contract_id}/countersign", json=body)
