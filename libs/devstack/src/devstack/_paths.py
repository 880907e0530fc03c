"""Where devstack keeps its state: everything lives under the repository root.

`var/` holds data, logs and pid files; `.cache/` holds downloaded jars. Both are gitignored, so a
fresh clone starts cold and a reused work tree starts warm.
"""

from __future__ import annotations

import os
import subprocess
from functools import cache
from pathlib import Path

_MARKER = Path("deploy") / "kafka" / "pom.xml"


@cache
def repo_root() -> Path:
    """The checkout this package belongs to (editable install) or, failing that, the cwd's repo."""
    override = os.environ.get("SAMSPIL_ROOT")
    if override:
        return Path(override).resolve()
    here = Path(__file__).resolve()
    for candidate in here.parents:
        if (candidate / _MARKER).is_file():
            return candidate
    top = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True
    )
    return Path(top.stdout.strip())


def var_dir(*parts: str) -> Path:
    path = repo_root().joinpath("var", *parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file(name: str) -> Path:
    return var_dir("log") / name


def cache_dir(*parts: str) -> Path:
    return repo_root().joinpath(".cache", *parts)


def deploy_file(*parts: str) -> Path:
    return repo_root().joinpath("deploy", *parts)
