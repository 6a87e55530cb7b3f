"""deploy/k8s/: every manifest validates offline, and what the manifests say agrees with the code.

Core kinds are checked against the Kubernetes schemas ``kubernetes-validate`` bundles, the
Strimzi, KEDA and prometheus-operator kinds against their published CRD schemas (vendored in
deploy/k8s/schemas/), both strictly: an unknown field is an error, as the API server's strict
field validation (kubectl's default) makes it. The agreement tests read the code, not copies of
it: the topics of ``topics.py``, the variables of ``settings.py``, the commands of the CLI, the
routes the worker and the desk serve.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import yaml

import streams.app
from streams import k8s
from streams.admin import replication
from streams.cli import build_parser
from streams.desk.server import DeskState, make_app
from streams.settings import VARIABLES, Settings, from_env
from streams.topics import ALL_TOPICS, DEADLETTER, EVENTS
from tests.support import ROOT

SCHEMAS = k8s.K8S_DIR / "schemas"
MANIFESTS = sorted(p for p in k8s.K8S_DIR.glob("*.yaml") if p.name != "kustomization.yaml")
DOCS = [(path.name, doc) for path in MANIFESTS for doc in yaml.safe_load_all(path.read_text()) if doc]
#: the oldest Kubernetes the manifests are meant for, and the newest kubernetes-validate knows
KUBERNETES_VERSIONS = ("1.30", kubernetes_validate.utils.latest_version())


def _docs(kind: str) -> list[dict]:
    return [doc for _, doc in DOCS if doc["kind"] == kind]


def _one(kind: str) -> dict:
    (doc,) = _docs(kind)
    return doc


# --- validation ---------------------------------------------------------------------------------

def _strict(node):
    """A CRD schema in which objects refuse fields they do not list, as the API server does,
    except where the CRD keeps unknown fields (``x-kubernetes-preserve-unknown-fields``)."""
    if isinstance(node, list):
        return [_strict(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {key: _strict(value) for key, value in node.items()}
    if (node.get("type") == "object" and "properties" in node and "additionalProperties" not in node
            and not node.get("x-kubernetes-preserve-unknown-fields")):
        node["additionalProperties"] = False
    return node


def _is_custom(doc: dict) -> bool:
    """A custom resource: its API group is a domain outside Kubernetes' own (``*.k8s.io``)."""
    group = doc["apiVersion"].rpartition("/")[0]
    return "." in group and not group.endswith(".k8s.io")


def _crd_schema_file(doc: dict) -> Path:
    group, version = doc["apiVersion"].split("/")
    return SCHEMAS / f"{doc['kind'].lower()}-{group}-{version}.json"


def validate(doc: dict) -> None:
    """Raise jsonschema.ValidationError (or SchemaNotFoundError: a kind nothing here knows)."""
    if _is_custom(doc):
        schema = _strict(json.loads(_crd_schema_file(doc).read_text()))
        jsonschema.Draft202012Validator(schema).validate(doc)
        # a CRD leaves metadata to the API server: check it as the ObjectMeta of a core kind
        doc = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": doc["metadata"]}
    for version in KUBERNETES_VERSIONS:
        kubernetes_validate.validate(doc, version, strict=True)


@pytest.mark.parametrize("doc", [doc for _, doc in DOCS],
                         ids=[f"{name}:{doc['kind']}/{doc['metadata']['name']}" for name, doc in DOCS])
def test_every_manifest_validates(doc):
    validate(doc)


def test_each_custom_kind_has_its_vendored_crd_schema_and_no_schema_is_unused():
    custom = [doc for _, doc in DOCS if _is_custom(doc)]
    assert {doc["kind"] for doc in custom} == {"Kafka", "KafkaNodePool", "KafkaTopic", "ScaledObject", "ServiceMonitor"}
    assert all(_crd_schema_file(doc).exists() for doc in custom)
    assert {p.name for p in SCHEMAS.glob("*.json")} == {_crd_schema_file(doc).name for doc in custom}
    sources = (SCHEMAS / "SOURCE.md").read_text()
    assert all(f"`{p.name}`" in sources for p in SCHEMAS.glob("*.json")), "SOURCE.md names where each file comes from"


def _set(doc: dict, path: list, value) -> dict:
    broken = copy.deepcopy(doc)
    node = broken
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return broken


@pytest.mark.parametrize("kind, path, value", [
    ("StatefulSet", ["spec", "template", "spec", "containers", 0, "readinessprobe"], {}),  # misspelt
    ("StatefulSet", ["spec", "replicas"], "one"),
    ("Service", ["spec", "ports", 0, "port"], "web"),
    ("KafkaTopic", ["spec", "partitions"], 0),
    ("KafkaTopic", ["spec", "partition"], 4),
    ("Kafka", ["spec", "kafka", "listeners", 0, "type"], "private"),
    ("KafkaNodePool", ["spec", "roles"], ["leader"]),
    ("ScaledObject", ["spec", "triggers", 0, "metadata", "lagThreshold"], 2000),  # KEDA takes strings
    ("ScaledObject", ["spec", "maxReplicas"], 4),
    ("ServiceMonitor", ["spec", "endpoints", 0, "paths"], ["/metrics"]),
    ("ServiceMonitor", ["metadata", "label"], {}),
])
def test_a_broken_manifest_does_not_validate(kind, path, value):
    doc = next(doc for _, doc in DOCS if doc["kind"] == kind)
    with pytest.raises(jsonschema.ValidationError):
        validate(_set(doc, path, value))


def test_kustomization_applies_every_manifest():
    kustomization = yaml.safe_load((k8s.K8S_DIR / "kustomization.yaml").read_text())
    assert sorted(kustomization["resources"]) == [p.name for p in MANIFESTS]


# --- topics ---------------------------------------------------------------------------------------

def test_topics_yaml_is_what_kabar_k8s_write_writes():
    assert not k8s.drift(), "run `kabar k8s write` and commit the result"


def test_the_kafka_topics_are_the_topics_of_topics_py_on_the_node_pool():
    partitions = _worker_settings().partitions
    replicas, min_isr = replication(_one("KafkaNodePool")["spec"]["replicas"])
    assert (replicas, min_isr) == (3, 2)
    topics = {doc["metadata"]["name"]: doc["spec"] for doc in _docs("KafkaTopic")}
    assert list(topics) == [spec.name for spec in ALL_TOPICS]
    for spec in ALL_TOPICS:
        assert topics[spec.name]["partitions"] == (spec.partitions or partitions)
        assert topics[spec.name]["replicas"] == replicas
        assert topics[spec.name]["config"] == {**spec.config(), "min.insync.replicas": str(min_isr)}
    assert topics[EVENTS.name]["config"]["cleanup.policy"] == "compact"
    assert topics[DEADLETTER.name]["partitions"] == 1


def test_the_topics_and_the_node_pool_belong_to_the_kafka_cluster_and_all_to_one_namespace():
    kafka = _one("Kafka")["metadata"]["name"]
    assert kafka == k8s.KAFKA_CLUSTER
    for doc in _docs("KafkaTopic") + _docs("KafkaNodePool"):
        assert doc["metadata"]["labels"]["strimzi.io/cluster"] == kafka
    assert _one("Namespace")["metadata"]["name"] == k8s.NAMESPACE
    assert {doc["metadata"].get("namespace") for _, doc in DOCS if doc["kind"] != "Namespace"} == {k8s.NAMESPACE}
    assert _one("KafkaNodePool")["spec"]["replicas"] == k8s.CLUSTER_NODES


# --- the processes ----------------------------------------------------------------------------------

def _workloads() -> list[dict]:
    return _docs("StatefulSet") + _docs("Deployment")


def _containers() -> list[dict]:
    return [c for w in _workloads() for c in w["spec"]["template"]["spec"]["containers"]]


def _env(container: dict) -> dict[str, str]:
    """The container's environment: its ConfigMaps' data, then its own variables."""
    maps = {doc["metadata"]["name"]: doc["data"] for doc in _docs("ConfigMap")}
    env = {}
    for source in container.get("envFrom", []):
        env.update(maps[source["configMapRef"]["name"]])
    env.update({var["name"]: var["value"] for var in container.get("env", [])})
    return env


def _command(container: dict):
    """The container's arguments as `kabar` parses them (the image's entry point is `kabar`)."""
    return build_parser().parse_args(container["args"])


def _container(command: str) -> dict:
    (container,) = [c for c in _containers() if c["args"][0] == command]
    return container


def _worker_settings() -> Settings:
    return from_env(_env(_container("worker")))


def test_the_image_runs_kabar_and_every_container_runs_a_kabar_command():
    assert re.search(r'^ENTRYPOINT \["kabar"\]$', (ROOT / "Dockerfile").read_text(), re.M)
    assert sorted(c["args"][0] for c in _containers()) == ["desk", "ingest", "worker"]
    assert len({c["image"] for c in _containers()}) == 1
    for container in _containers():
        assert _command(container).command == container["args"][0]


def test_every_variable_the_manifests_set_is_one_settings_py_accepts():
    for container in _containers():
        env = _env(container)
        assert set(env) <= set(VARIABLES), f"{container['name']}: not in streams/settings.py"
        from_env(env)  # SettingsError on a value it refuses


def test_the_processes_and_keda_reach_the_brokers_on_the_plain_listener():
    kafka = _one("Kafka")
    (listener,) = kafka["spec"]["kafka"]["listeners"]
    assert listener["tls"] is False and "authentication" not in listener  # Kabar connects without SASL there
    address = f"{kafka['metadata']['name']}-kafka-bootstrap.{k8s.NAMESPACE}.svc:{listener['port']}"
    for container in _containers():
        settings = from_env(_env(container))
        assert settings.bootstrap_servers == address
        assert settings.sasl_username is None and not settings.local_broker
    (trigger,) = _one("ScaledObject")["spec"]["triggers"]
    assert trigger["metadata"]["bootstrapServers"] == address


def test_keda_scales_the_worker_on_its_consumer_group_up_to_the_partition_count():
    scaled, workers = _one("ScaledObject")["spec"], _one("StatefulSet")
    settings = _worker_settings()
    assert scaled["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "StatefulSet",
                                        "name": workers["metadata"]["name"]}
    assert scaled["maxReplicaCount"] == settings.partitions
    assert {doc["spec"]["partitions"] for doc in _docs("KafkaTopic") if doc["metadata"]["name"] != DEADLETTER.name} \
        == {settings.partitions}
    assert 1 <= scaled["minReplicaCount"] <= scaled["maxReplicaCount"]
    (trigger,) = scaled["triggers"]
    assert trigger["type"] == "kafka" and "topic" not in trigger["metadata"]
    assert trigger["metadata"]["consumerGroup"] == settings.group_id
    assert trigger["metadata"]["offsetResetPolicy"] == streams.app.app.conf.consumer_auto_offset_reset


def _port(container: dict, name_or_number) -> int:
    """A probe's or Service's port: a container port's name, or a number."""
    if isinstance(name_or_number, int):
        return name_or_number
    (port,) = [p["containerPort"] for p in container["ports"] if p["name"] == name_or_number]
    return port


def _probes(container: dict) -> dict[str, tuple[str, int]]:
    return {kind: (probe["httpGet"]["path"], _port(container, probe["httpGet"]["port"]))
            for kind in ("startupProbe", "livenessProbe", "readinessProbe")
            if (probe := container.get(kind))}


def test_the_worker_probes_are_its_health_pages_on_its_web_port():
    container = _container("worker")
    port = _worker_settings().web_port
    assert _probes(container) == {"startupProbe": ("/healthz", port), "livenessProbe": ("/healthz", port),
                                  "readinessProbe": ("/readyz", port)}
    served = set(streams.app.app.web.views)
    assert {"/healthz", "/readyz", "/metrics"} <= served
    assert streams.app.app.conf.web_bind == "0.0.0.0"  # the kubelet and Prometheus come from outside the pod


def test_the_desk_probes_are_its_health_pages_on_the_port_it_listens_on():
    container, args = _container("desk"), _command(_container("desk"))
    assert args.host == "0.0.0.0"
    assert _probes(container) == {"livenessProbe": ("/healthz", args.port), "readinessProbe": ("/readyz", args.port)}
    served = {route.resource.canonical for route in make_app(DeskState()).router.routes()}
    assert {"/healthz", "/readyz"} <= served


def test_the_poller_probe_is_its_metrics_server():
    container, args = _container("ingest"), _command(_container("ingest"))
    assert args.metrics_host == "0.0.0.0"
    assert _probes(container) == {"livenessProbe": ("/metrics", args.metrics_port)}


def test_the_worker_and_the_poller_keep_kabar_home_on_a_volume():
    statefulset = _one("StatefulSet")["spec"]
    claims = {t["metadata"]["name"] for t in statefulset["volumeClaimTemplates"]}
    pvcs = {doc["metadata"]["name"] for doc in _docs("PersistentVolumeClaim")}
    for workload in _workloads():
        pod = workload["spec"]["template"]["spec"]
        (container,) = pod["containers"]
        if container["args"][0] == "desk":
            continue  # in memory: it reads its topics from the beginning
        volumes = claims | {v["name"] for v in pod.get("volumes", [])
                            if v.get("persistentVolumeClaim", {}).get("claimName") in pvcs}
        mounts = {Path(m["mountPath"]) for m in container["volumeMounts"] if m["name"] in volumes}
        assert from_env(_env(container)).home in mounts, container["name"]


def _selects(selector: dict, labels: dict) -> bool:
    if not all(labels.get(k) == v for k, v in selector.get("matchLabels", {}).items()):
        return False
    for expression in selector.get("matchExpressions", []):
        assert expression["operator"] == "In", "only In is read here"
        if labels.get(expression["key"]) not in expression["values"]:
            return False
    return True


def _pods_of(selector: dict) -> list[dict]:
    return [w["spec"]["template"] for w in _workloads() if _selects(selector, w["spec"]["template"]["metadata"]["labels"])]


def test_services_and_the_budget_select_pods_and_name_their_ports():
    for service in _docs("Service"):
        (pod,) = _pods_of({"matchLabels": service["spec"]["selector"]})
        (container,) = pod["spec"]["containers"]
        for port in service["spec"]["ports"]:
            _port(container, port["targetPort"])
    for workload in _workloads():
        assert _selects(workload["spec"]["selector"], workload["spec"]["template"]["metadata"]["labels"])
    (worker,) = _pods_of(_one("PodDisruptionBudget")["spec"]["selector"])
    assert worker["spec"]["containers"][0]["args"] == ["worker"]
    headless = [s for s in _docs("Service") if s["metadata"]["name"] == _one("StatefulSet")["spec"]["serviceName"]]
    assert headless and headless[0]["spec"]["clusterIP"] == "None"


def test_the_service_monitor_scrapes_the_worker_and_the_poller_metrics():
    monitor = _one("ServiceMonitor")["spec"]
    services = [s for s in _docs("Service") if _selects(monitor["selector"], s["metadata"]["labels"])]
    scraped = {}
    for endpoint in monitor["endpoints"]:
        for service in services:
            if endpoint["port"] in {p["name"] for p in service["spec"]["ports"]}:
                (pod,) = _pods_of({"matchLabels": service["spec"]["selector"]})
                scraped[pod["spec"]["containers"][0]["args"][0]] = endpoint["path"]
    assert scraped == {"worker": "/metrics", "ingest": "/metrics"}
