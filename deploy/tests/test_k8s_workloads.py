"""What ops rely on in each Deployment, Service, PodDisruptionBudget and autoscaler.

These are the properties a schema cannot see: hardening, probes on the right endpoints, the
migration before start, references that resolve, and replica floors a node drain can live with.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Objects = dict[str, list[dict[str, Any]]]
Pick = Callable[..., list[dict[str, Any]]]
OVERLAYS = ("dev", "production")
SERVICES = ("authority", "provider", "scheduler")
AUTOSCALED = ("authority", "provider")
APP_USER = 10001  # the numeric USER of services/*/Dockerfile
HTTP_PORT = 8000


def pod_spec(rendered: Objects, pick: Pick, overlay: str, service: str) -> dict[str, Any]:
    (deployment,) = pick(rendered[overlay], "Deployment", service)
    spec: dict[str, Any] = deployment["spec"]["template"]["spec"]
    return spec


def all_containers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [*spec.get("initContainers", []), *spec["containers"]]


cases = pytest.mark.parametrize(
    ("overlay", "service"), [(o, s) for o in OVERLAYS for s in SERVICES]
)


@cases
def test_pods_run_unprivileged_on_a_read_only_filesystem(
    rendered: Objects, pick: Pick, overlay: str, service: str
) -> None:
    spec = pod_spec(rendered, pick, overlay, service)

    assert spec["securityContext"]["runAsNonRoot"] is True
    assert spec["securityContext"]["runAsUser"] == APP_USER
    assert spec["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    assert spec["automountServiceAccountToken"] is False
    for container in all_containers(spec):
        context = container["securityContext"]
        assert context["readOnlyRootFilesystem"] is True, container["name"]
        assert context["allowPrivilegeEscalation"] is False, container["name"]
        assert context["capabilities"] == {"drop": ["ALL"]}, container["name"]
        # Python still needs a writable scratch directory.
        assert {"name": "tmp", "mountPath": "/tmp"} in container["volumeMounts"]


@cases
def test_every_container_has_requests_and_limits(
    rendered: Objects, pick: Pick, overlay: str, service: str
) -> None:
    for container in all_containers(pod_spec(rendered, pick, overlay, service)):
        for bound in ("requests", "limits"):
            assert set(container["resources"][bound]) == {"cpu", "memory"}, container["name"]


@cases
def test_probes_use_the_health_endpoints_on_the_http_port(
    rendered: Objects, pick: Pick, overlay: str, service: str
) -> None:
    (app,) = pod_spec(rendered, pick, overlay, service)["containers"]

    assert app["ports"] == [{"name": "http", "containerPort": HTTP_PORT, "protocol": "TCP"}]
    assert app["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
    assert app["startupProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
    assert app["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}


@cases
def test_the_schema_is_migrated_by_the_same_image_before_the_service_starts(
    rendered: Objects, pick: Pick, overlay: str, service: str
) -> None:
    spec = pod_spec(rendered, pick, overlay, service)
    (migrate,) = spec["initContainers"]
    (app,) = spec["containers"]

    assert migrate["command"] == ["python", "-m", service, "migrate"]
    assert migrate["image"] == app["image"]
    # Same configuration, or the migration could run against another database.
    assert migrate["envFrom"] == app["envFrom"]


@cases
def test_configuration_comes_from_the_shared_and_own_config_maps_and_own_secret(
    rendered: Objects, pick: Pick, overlay: str, service: str
) -> None:
    (app,) = pod_spec(rendered, pick, overlay, service)["containers"]
    config_maps = {o["metadata"]["name"] for o in pick(rendered[overlay], "ConfigMap")}

    refs = app["envFrom"]
    map_refs = [r["configMapRef"]["name"] for r in refs if "configMapRef" in r]
    # Generated names carry a content hash, so a config change rolls the pods.
    assert [n.rsplit("-", 1)[0] for n in map_refs] == ["samspil-config", f"{service}-config"]
    assert set(map_refs) <= config_maps
    assert [r["secretRef"]["name"] for r in refs if "secretRef" in r] == [f"{service}-secrets"]


@cases
def test_prometheus_is_told_where_to_scrape(
    rendered: Objects, pick: Pick, overlay: str, service: str
) -> None:
    (deployment,) = pick(rendered[overlay], "Deployment", service)
    annotations = deployment["spec"]["template"]["metadata"]["annotations"]

    assert annotations == {
        "prometheus.io/scrape": "true",
        "prometheus.io/port": str(HTTP_PORT),
        "prometheus.io/path": "/metrics",
    }


@cases
def test_the_service_routes_to_the_pods_http_port(
    rendered: Objects, pick: Pick, overlay: str, service: str
) -> None:
    (svc,) = pick(rendered[overlay], "Service", service)
    (deployment,) = pick(rendered[overlay], "Deployment", service)
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]

    assert svc["spec"]["selector"].items() <= pod_labels.items()
    assert svc["spec"]["ports"] == [
        {"name": "http", "port": HTTP_PORT, "targetPort": "http", "protocol": "TCP"}
    ]


@cases
def test_a_drain_always_leaves_one_pod_and_can_proceed(
    rendered: Objects, pick: Pick, overlay: str, service: str
) -> None:
    (pdb,) = pick(rendered[overlay], "PodDisruptionBudget", service)
    (deployment,) = pick(rendered[overlay], "Deployment", service)
    hpas = pick(rendered[overlay], "HorizontalPodAutoscaler", service)
    floor = hpas[0]["spec"]["minReplicas"] if hpas else deployment["spec"]["replicas"]

    assert pdb["spec"]["minAvailable"] == 1
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert pdb["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    # With one replica, minAvailable 1 would block every node drain.
    assert floor >= 2


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_authority_and_provider_autoscale_and_the_scheduler_runs_two(
    rendered: Objects, pick: Pick, overlay: str
) -> None:
    hpas = pick(rendered[overlay], "HorizontalPodAutoscaler")

    assert sorted(h["spec"]["scaleTargetRef"]["name"] for h in hpas) == list(AUTOSCALED)
    for service in AUTOSCALED:
        (deployment,) = pick(rendered[overlay], "Deployment", service)
        # A fixed count would fight the autoscaler on every apply.
        assert "replicas" not in deployment["spec"]
    (scheduler,) = pick(rendered[overlay], "Deployment", "scheduler")
    assert scheduler["spec"]["replicas"] == 2


def test_production_images_come_from_a_registry_with_a_pinned_tag(
    rendered: Objects, pick: Pick
) -> None:
    for deployment in pick(rendered["production"], "Deployment"):
        for container in all_containers(deployment["spec"]["template"]["spec"]):
            image = container["image"]
            name, _, tag = image.rpartition(":")
            assert "/" in name.split("/", 1)[1], image  # registry host + path
            assert tag not in {"", "latest", "dev"}, image
