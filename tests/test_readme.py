"""The README's table of diagnostic codes is the rules' registry (`hcmlc.rules`), with a meaning
for each."""

from __future__ import annotations

from pathlib import Path

from hcmlc.diagnostics import CODES

README = Path(__file__).resolve().parents[1] / "README.md"
HEADER = "| code | severity | rule | meaning |"


def test_the_readme_lists_every_diagnostic_code() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index(HEADER) + 2
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    listed = {code: (severity, rule.strip("`")) for code, severity, rule, _ in rows}
    assert listed == {code: (rule.severity.value, rule.name) for code, rule in CODES.items()}
    assert [code for code, *_ in rows] == list(CODES)
    assert all(meaning for *_, meaning in rows)


MAP_HEADER = "| folder | its role | its modules |"
PACKAGE = README.parent / "src" / "hcmlc"


def test_the_readme_maps_every_folder_and_module_of_the_package() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
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
