"""The README fits on a screen or two and points to the documentation site; the long sections
live in docs/manual/, whose map of the package is checked against the tree, and whose list of
codes is the page generated from the rules' registry."""

from __future__ import annotations

import re
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
README = PROJECT / "README.md"
MANUAL = PROJECT / "docs" / "manual"
PACKAGE = PROJECT / "src" / "hcmlc"


def test_the_readme_fits_on_a_screen_or_two() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 120
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert headings[0] == "Quick start" and "Development" in headings
    assert "make status" in text and "make test" in text and "make docs" in text


def test_the_readme_links_to_pages_that_exist() -> None:
    text = README.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)#]+)\)", text)
    assert links and all((PROJECT / link).is_file() for link in links if "://" not in link)
    for guide in ("coordinator", "agency", "translator", "leadership"):
        assert f"docs/guides/{guide}.md" in text


def test_the_codes_are_listed_from_the_registry_not_by_hand() -> None:
    commands = (MANUAL / "commands.md").read_text(encoding="utf-8")
    assert "| code | severity | rule | meaning |" not in commands
    assert "(../codes/index.md)" in commands
    for page in [README, *MANUAL.glob("*.md")]:
        assert not re.search(r"^\| HCMLC-[EW]\d{3} \|", page.read_text(encoding="utf-8"), re.M)


MAP_HEADER = "| folder | its role | its modules |"


def test_the_manual_maps_every_folder_and_module_of_the_package() -> None:
    lines = (MANUAL / "development.md").read_text(encoding="utf-8").splitlines()
    start = lines.index(MAP_HEADER) + 2
    mapped: dict[str, set[str]] = {}
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        folder, _role, modules = (cell.strip() for cell in line.strip("|").split(" | "))
        mapped[folder.strip("`")] = {m.strip().strip("`") for m in modules.split(",")}
    tree = {
        f"{p.name}/": {m.stem for m in p.glob("*.py") if m.stem != "__init__"}
        for p in PACKAGE.iterdir()
        if (p / "__init__.py").exists()
    }
    tree["(ground)"] = {
        m.stem for m in PACKAGE.glob("*.py") if m.stem not in {"__init__", "__main__"}
    }
    assert mapped == tree
