"""Check every internal link of a built site: each href and src that stays inside the site
must name a file (or folder with index.html) of it, and each #anchor an id of its page.

    python tools/check_site_links.py build/docs

Exits 1 listing the broken links; external links (http:, mailto:) are not followed."""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name in ("href", "src") and not (tag == "link" and ("rel", "canonical") in attrs):
                self.links.append(value)


def _parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _target(site: Path, root: Path, page: Path, path: str) -> Path | None:
    """The file a link's path names, or None when there is none; `root`: the site resolved
    (once for all its links: resolving a path looks at each folder on the way)."""
    base = site if path.startswith("/") else page.parent
    found = (base / unquote(path).lstrip("/")).resolve()
    if found.is_dir():
        found = found / "index.html"
    return found if found.is_file() and found.is_relative_to(root) else None


def broken_links(site: Path) -> list[str]:
    """`page: link` for every internal link of the site that leads nowhere."""
    broken: list[str] = []
    parsed: dict[Path, _Links] = {}
    root = site.resolve()

    def parse(page: Path) -> _Links:
        """The page's links and ids, parsed once however many links lead to it."""
        if page not in parsed:
            parsed[page] = _parse(page)
        return parsed[page]

    for page in sorted(site.rglob("*.html")):
        links = parse(page.resolve())
        for link in links.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
                continue
            target = _target(site, root, page, parts.path) if parts.path else page.resolve()
            if target is None:
                broken.append(f"{page.relative_to(site)}: {link}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)}: {link}")
    return broken


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "build/docs")
    broken = broken_links(site)
    for line in broken:
        print(f"broken link: {line}", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
