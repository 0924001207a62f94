"""`hcmlc migrate`: HCMC's framework files become references to the frameworks hcmlc ships, and
every view gives the same output before and after (the bundled repository is the migration's
output); a city's use of the shipped frameworks is checked (issue 27)."""

from __future__ import annotations

import hashlib
import io
import json
import posixpath
import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import docx
import openpyxl
import pytest

PROJECT = Path(__file__).resolve().parents[2]
BEFORE = PROJECT / "tests/fixtures/hcmc-before-migration"
AS_OF = "2025-12-20"


def views(hcmlc, root: Path, out: Path) -> dict[str, object]:
    """The output of every view of the repository at `root`, as text."""
    from built_workbooks import sharing_workbooks  # here: the workbook modules, for this test

    out.mkdir()
    seen: dict[str, object] = {}

    def run(name: str, *args: str) -> str:
        code, stdout, stderr = hcmlc(*args, "--root", str(root))
        assert code == 0, f"{name}: {stderr}"
        return stdout

    seen["validate"] = json.dumps(
        json.loads(run("validate", "validate", "--format", "json"))["problems"]
    )
    seen["status"] = run("status", "status", "--as-of", AS_OF)
    seen["status json"] = run("status json", "status", "--as-of", AS_OF, "--format", "json")
    seen["status agency"] = run("agency", "status", "--as-of", AS_OF, "--agency", "so-gddt")
    seen["schema"] = run("schema", "schema")
    seen["codeowners"] = run("codeowners", "codeowners")
    run("form", "fill-form", "--cycle", "2023", "--out", str(out / "form.docx"))
    seen["form"] = "\n".join(p.text for p in docx.Document(str(out / "form.docx")).paragraphs)
    run("report", "report", "--format", "md", "--out", str(out / "report.md"))
    seen["report"] = _without_stamp((out / "report.md").read_text(encoding="utf-8"))
    with sharing_workbooks(across_data=True):  # the agencies' workbooks: see the test below
        run("remind", "remind", "--as-of", AS_OF, "--format", "md", "--out", str(out / "letters"))
    for letter in sorted((out / "letters").iterdir()):  # letters, and workbooks to attach
        seen[f"remind {letter.name}"] = (
            _without_stamp(letter.read_text(encoding="utf-8"))
            if letter.suffix == ".md"
            else _Cells(letter)
        )
    run("dashboard", "dashboard", "--as-of", AS_OF, "--out", str(out / "site"))
    page = (out / "site/index.html").read_text(encoding="utf-8")
    seen["dashboard"] = re.sub(r'<meta name="hcmlc-data" content="[0-9a-f]+">', "", page)
    run("workbook", "workbook", "--agency", "so-gddt", "--out", str(out / "so-gddt.xlsx"))
    seen["workbook"] = _Cells(out / "so-gddt.xlsx")
    return seen


class _Cells:
    """The values of a workbook's visible sheets (the hidden one is sealed anew each time),
    compared as `_holding_values` allows: two workbooks whose parts holding the values are the
    same bytes hold the same values, and are equal without being read; others are read (once
    for all the workbooks of the same parts) and their values compared."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.key = _holding_values(path)

    def values(self) -> str:
        if self.key not in _CELLS:
            book = openpyxl.load_workbook(self.path)
            rows = [
                [c.value for c in row] for sheet in book.worksheets[:2] for row in sheet.iter_rows()
            ]
            _CELLS[self.key] = json.dumps(rows, default=str)
        return _CELLS[self.key]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Cells):
            return NotImplemented
        return self.key == other.key or self.values() == other.values()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:  # what a failed comparison shows: the values
        return self.values()


_CELLS: dict[str, str] = {}
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _holding_values(path: Path) -> str:
    """A digest of every part of the workbook that `_Cells` reads: all but its properties
    (docProps/, the time it was made) and the worksheets after the first two; worked out once
    for the same bytes (a workbook served again to another tree: see the test)."""
    data = path.read_bytes()
    whole = hashlib.sha256(data).digest()
    if whole not in _HOLDING:
        _HOLDING[whole] = _parts_digest(data)
    return _HOLDING[whole]


_HOLDING: dict[bytes, str] = {}
"""sha256 of a workbook's bytes → `_parts_digest` of them."""


def _parts_digest(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        book = ElementTree.fromstring(package.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(package.read("xl/_rels/workbook.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
        sheets = [targets[sheet.get(_RELATIONSHIP)] for sheet in book.iter(f"{_MAIN}sheet")]
        later = {_part(target) for target in sheets[2:]}
        digest = hashlib.sha256()
        for name in sorted(package.namelist()):
            if not name.startswith("docProps/") and name not in later:
                part = package.read(name)
                digest.update(f"{name}\0{len(part)}\0".encode() + part)
    return digest.hexdigest()


def _part(target: str) -> str:
    """The name in the package of a part the workbook's relationships point at."""
    return posixpath.normpath(posixpath.join("xl", target)).lstrip("/")


def _without_stamp(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if "hcmlc:" not in line)


def _body(text: str) -> str:
    """A data/frameworks.yaml from `uses:` on (the bundled one adds a few lines on its source)."""
    return text[text.index("\nuses:\n") :]


# it compares the views, not the drawing; the workbooks' values, not their issues (each plan's
# built once in the process: tests/built_workbooks.py). The workbooks `remind` writes (some
# 170 per tree, a ward's or a department's each) are built for the first tree only, and served
# again to a tree whose plan of the agency differs only in data/'s fingerprints (`across_data`),
# which the hidden sheet alone holds: the `workbook` view, built for each tree, proves that (`_differing_parts`). A plan
# differing in anything else is built afresh, and its values compared.
@pytest.mark.usefixtures("shared_workbooks")
def test_every_view_is_the_same_after_the_migration(hcmlc, before_migration, tmp_path) -> None:
    bundled = before_migration
    committed = tmp_path / "committed"
    for name in ("data", "submissions", "photos", "templates", "reports"):
        shutil.copytree(PROJECT / name, committed / name)
    before = views(hcmlc, bundled, tmp_path / "before")
    code, stdout, stderr = hcmlc("migrate", "--root", str(bundled))
    assert (code, stderr) == (0, "")
    assert stdout.splitlines() == [
        "Wrote data/frameworks.yaml: unesco 2015, learning-models 2022; 68 indicators assigned.",
        "Removed data/criteria.yaml: hcmlc ships it as unesco 2015.",
        "Removed data/frameworks/learning-models.yaml: hcmlc ships it as learning-models 2022.",
        "Check with `hcmlc validate`, then commit.",
    ]
    assert not (bundled / "data/criteria.yaml").exists()
    assert not (bundled / "data/frameworks").exists()
    written = (bundled / "data/frameworks.yaml").read_text(encoding="utf-8")
    assert _body(written) == _body((PROJECT / "data/frameworks.yaml").read_text(encoding="utf-8"))
    after = views(hcmlc, bundled, tmp_path / "after")
    assert list(after) == list(before)
    for name in before:
        assert after[name] == before[name], name
    as_committed = views(hcmlc, committed, tmp_path / "as-committed")
    for name in before:
        assert as_committed[name] == before[name], name
    for tree in ("after", "as-committed"):  # built from data/ files of other bytes
        differing = _differing_parts(tmp_path / "before/so-gddt.xlsx", tmp_path / tree)
        assert list(differing.values()) == ["hidden"], (tree, differing)


def _differing_parts(path: Path, folder: Path) -> dict[str, str | None]:
    """The parts of the workbook at `path` whose bytes differ from those of its namesake in
    `folder`, but its properties (the moment it was made), each with the state of its sheet
    (None: not a sheet)."""
    with zipfile.ZipFile(path) as one, zipfile.ZipFile(folder / path.name) as other:
        mine, theirs = set(one.namelist()), set(other.namelist())
        book = ElementTree.fromstring(one.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(one.read("xl/_rels/workbook.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
        states = {
            _part(targets[sheet.get(_RELATIONSHIP)]): sheet.get("state", "visible")
            for sheet in book.iter(f"{_MAIN}sheet")
        }
        return {
            name: states.get(name)
            for name in sorted(mine | theirs)
            if not name.startswith("docProps/")
            and (name not in mine & theirs or one.read(name) != other.read(name))
        }


def test_the_migration_keeps_the_comments_on_who_supplies_what(hcmlc, before_migration) -> None:
    bundled = before_migration
    assert hcmlc("migrate", "--root", str(bundled))[0] == 0
    text = (bundled / "data/frameworks.yaml").read_text(encoding="utf-8")
    assert (
        "  # agency read from the figure column, where the extraction shifted it\n"
        '  # ("Sở Giao thông vận tải"); kept as printed\n'
        '  "1.3.2.a": ["so-gtvt"]\n'
    ) in text
    assert '  "1.1.3.b": {agencies: ["so-gddt"], obtained_from: ["ban-to-chuc-thanh-uy"]}\n' in text
    code, stdout, stderr = hcmlc("migrate", "--root", str(bundled))
    assert (code, stdout) == (2, "")
    assert stderr.splitlines() == [
        "error: data/frameworks.yaml exists already: this repository uses the frameworks hcmlc ships",
        "hint: nothing to migrate; `hcmlc validate` checks it",
    ]


def test_a_framework_of_the_city_s_own_is_kept(hcmlc, before_migration) -> None:
    own = before_migration / "data/frameworks/learning-models.yaml"
    own.write_text(
        own.read_text(encoding="utf-8").replace(
            'vi: "Gia đình học tập"', 'vi: "Gia đình học tập (của tỉnh)"'
        ),
        encoding="utf-8",
    )
    code, stdout, _ = hcmlc("migrate", "--root", str(before_migration))
    assert code == 0
    assert "Kept data/frameworks/learning-models.yaml: a framework of the city's own." in stdout
    assert own.exists()
    code, stdout, _ = hcmlc("validate", "--root", str(before_migration))
    assert (code, stdout.splitlines()[-1])[0] == 0


@pytest.fixture
def migrated(repo):
    """The bundled repository, which `hcmlc migrate` wrote."""
    assert (repo.root / "data/frameworks.yaml").is_file()
    return repo


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_version_hcmlc_does_not_ship(hcmlc, migrated) -> None:
    uses = migrated.root / "data/frameworks.yaml"
    edit(uses, 'version: "2015"', 'version: "2030"')
    code, stdout, _ = hcmlc("validate", "--root", str(migrated.root))
    assert code == 1
    assert stdout.splitlines()[:2] == [
        "data/frameworks.yaml:14:14: error: hcmlc 0.1.0 ships framework `unesco` in version 2015, not 2030 [HCMLC-E040]",
        "    hint: name one of those versions, or upgrade hcmlc to a release that ships version 2030 (`pip install --upgrade hcmlc`, or `pipx upgrade hcmlc`)",
    ]


def test_a_framework_hcmlc_does_not_ship(hcmlc, migrated) -> None:
    edit(migrated.root / "data/frameworks.yaml", 'framework: "unesco"', 'framework: "unesko"')
    code, stdout, _ = hcmlc("validate", "--root", str(migrated.root))
    assert code == 1
    assert stdout.splitlines()[:2] == [
        "data/frameworks.yaml:13:16: error: hcmlc 0.1.0 ships no framework `unesko` [HCMLC-E040]",
        "    hint: it ships learning-models (2022), unesco (2015); a framework of the city's own is a file of data/frameworks/",
    ]


def test_an_assignment_of_an_indicator_no_framework_has(hcmlc, migrated) -> None:
    edit(migrated.root / "data/frameworks.yaml", '"1.1.1.a": ["so-gddt"]', '"1.1.1.z": ["so-gddt"]')
    code, stdout, _ = hcmlc("validate", "--root", str(migrated.root))
    assert code == 1
    lines = stdout.splitlines()
    assert lines[:2] == [
        "data/frameworks.yaml:17:1: warning: 1 indicator is assigned to no agency yet: 1.1.1.a [HCMLC-W041]",
        "    hint: name the agencies that supply them under `assign:` in data/frameworks.yaml",
    ]
    assert lines[2:4] == [
        "data/frameworks.yaml:18:3: error: unknown indicator `1.1.1.z` [HCMLC-E020]",
        "    hint: did you mean `1.1.1.a`?",
    ]


def test_an_unknown_agency_in_an_assignment(hcmlc, migrated) -> None:
    edit(migrated.root / "data/frameworks.yaml", '"1.1.1.a": ["so-gddt"]', '"1.1.1.a": ["so-gdt"]')
    code, stdout, _ = hcmlc("validate", "--root", str(migrated.root))
    assert code == 1
    assert stdout.splitlines()[0].startswith(
        "data/frameworks.yaml:18:15: error: unknown agency `so-gdt`"
    )


def test_a_framework_of_the_city_clashing_with_a_shipped_one(hcmlc, migrated) -> None:
    own = migrated.root / "data/frameworks/son-la.yaml"
    own.parent.mkdir(exist_ok=True)
    shutil.copy(BEFORE / "learning-models.yaml", own)
    edit(own, 'id: "learning-models"', 'id: "son-la"')
    code, stdout, _ = hcmlc("validate", "--root", str(migrated.root))
    assert code == 1
    assert (
        "data/frameworks/son-la.yaml:35:9: error: id `mh` is already used in "
        "hcmlc:frameworks/learning-models/2022.yaml [HCMLC-E030]"
    ) in stdout.splitlines()


def test_the_shipped_frameworks_are_in_the_wheel_data() -> None:
    shipped = PROJECT / "src/hcmlc/frameworks"
    assert sorted(p.relative_to(shipped).as_posix() for p in shipped.rglob("*.yaml")) == [
        "learning-models/2022.yaml",
        "unesco/2015.yaml",
    ]
    assert "agencies:" not in (shipped / "unesco/2015.yaml").read_text(encoding="utf-8")
