"""The Kafka broker's jars, resolved from Maven Central by deploy/kafka/pom.xml."""

from __future__ import annotations

import hashlib
import shutil
import subprocess

from rich.console import Console

from devstack._paths import cache_dir, deploy_file
from devstack._proc import DevstackError, apt_install, file_lock

_STAMP = ".resolved-from"


def _pom_digest() -> str:
    return hashlib.sha256(deploy_file("kafka", "pom.xml").read_bytes()).hexdigest()


def ensure_jars() -> str:
    """Return the java classpath; download only when the pom changed since the last resolve."""
    target = cache_dir("kafka-libs")
    stamp = target / _STAMP
    with file_lock("kafka-jars"):
        if stamp.exists() and stamp.read_text() == _pom_digest():
            return f"{target}/*"
        _require_tools()
        # Resolve into a fresh directory and swap it in, so an interrupted download is retried.
        staging = cache_dir("kafka-libs.partial")
        shutil.rmtree(staging, ignore_errors=True)
        _copy_dependencies(str(staging))
        shutil.rmtree(target, ignore_errors=True)
        staging.rename(target)
        stamp.write_text(_pom_digest())
    return f"{target}/*"


def _require_tools() -> None:
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        apt_install("default-jre-headless", "maven")


def _copy_dependencies(output: str) -> None:
    args = [
        "mvn",
        "-q",
        "-B",
        "-f",
        str(deploy_file("kafka", "pom.xml")),
        "dependency:copy-dependencies",
        f"-DoutputDirectory={output}",
    ]
    with Console(stderr=True).status("Downloading Kafka jars from Maven Central..."):
        done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise DevstackError(f"maven could not resolve the Kafka jars:\n{done.stdout[-3000:]}")
