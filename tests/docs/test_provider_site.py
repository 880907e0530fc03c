"""The provider documentation site (docs/providers): it builds with mkdocs in strict mode
(a broken link or anchor fails the build), every link of the built site resolves, and the
generated pages (catalogue, errors) are those of the code today."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "docs" / "providers.mkdocs.yml"
PAGES = (
    "getting-started",
    "authentication",
    "webhooks",
    "kafka",
    "catalogue",
    "errors",
    "sandbox",
    "versioning",
    "changelog",
)


def build(config: Path, into: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    command += ["-d", str(into)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))


def parsed(page: Path) -> Links:
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    return links


def broken_links(site: Path) -> list[str]:
    """Every in-site link whose page or anchor does not exist (external ones are not
    fetched: the site is built offline)."""
    pages = {page: parsed(page) for page in site.rglob("*.html")}
    broken = []
    for page, links in pages.items():
        for href in links.hrefs:
            if urlsplit(href).scheme or href.startswith("mailto:"):
                continue
            path, anchor = urldefrag(href)
            base = site if path.startswith("/") else page.parent  # 404.html links from the root
            target = (base / path.lstrip("/")).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.name}: {href}")
            elif anchor and target.suffix == ".html" and anchor not in pages[target].ids:
                broken.append(f"{page.name}: {href} (no #{anchor})")
    return broken


def test_the_site_builds_strictly_and_every_link_resolves(tmp_path: Path) -> None:
    # When the site is built
    built = build(CONFIG, tmp_path / "site")
    # Then strict mode found nothing, every page is there, and no link is broken
    assert built.returncode == 0, built.stdout + built.stderr
    for page in ("index", *PAGES):
        assert (tmp_path / "site" / f"{page}.html").exists(), page
    assert broken_links(tmp_path / "site") == []


def test_a_broken_link_or_anchor_fails_the_build(tmp_path: Path) -> None:
    # Given a copy of the site with one broken link, and one with a broken anchor
    for n, broken in enumerate(["[gone](no-such-page.md)", "[gone](webhooks.md#no-such-part)"]):
        copy = tmp_path / f"copy{n}"
        shutil.copytree(CONFIG.parent / "providers", copy / "providers")
        shutil.copy(CONFIG, copy / CONFIG.name)
        page = copy / "providers" / "kafka.md"
        page.write_text(page.read_text() + f"\n{broken}\n")
        # When it is built, then the build fails and names the link
        built = build(copy / CONFIG.name, copy / "site")
        assert built.returncode != 0, broken
        assert re.search(r"no-such", built.stdout + built.stderr), built.stderr


def test_the_generated_pages_are_current() -> None:
    generator = ROOT / "docs" / "generate_provider_pages.py"
    spec = importlib.util.spec_from_file_location("pages", generator)
    assert spec is not None
    assert spec.loader is not None
    pages = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pages)
    for name, page in pages.GENERATED.items():
        written = (ROOT / "docs" / "providers" / name).read_text(encoding="utf-8")
        assert written == page(), f"run: uv run python docs/generate_provider_pages.py ({name})"
