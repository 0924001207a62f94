"""hcmlc from its built wheel, run in a city repository outside the source tree: the templates
and the translations come from the package, not from a checkout of hcmlc (issue 27).

Builds the wheel and installs it with the pinned dependencies into a fresh venv (from pip's cache
where it can); about a minute."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hcmlc import __version__
from hcmlc.core.provinces import find
from hcmlc.documents import template_files

PROJECT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.install  # minutes of pip and builds: `make test-install`, in .ci/run


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("PIP_", "PYTHON"))
    }
    env |= {"PIP_DISABLE_PIP_VERSION_CHECK": "1", "HCMLC_LANG": "en"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """hcmlc's wheel, built from a copy of the source (the checkout stays clean)."""
    if not (PROJECT / ".git").exists():
        pytest.skip("not a git clone")
    source = tmp_path_factory.mktemp("source")
    listed = subprocess.run(
        ["git", "-C", str(PROJECT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    for relative in filter(None, listed.split("\0")):
        if (PROJECT / relative).is_file():
            (source / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PROJECT / relative, source / relative)
    out = tmp_path_factory.mktemp("dist")
    built = run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            ".",
        ],
        source,
    )
    assert built.returncode == 0, built.stderr
    (found,) = out.glob("hcmlc-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh venv holding the wheel and the pinned dependencies."""
    venv = tmp_path_factory.mktemp("venv")
    base = Path(getattr(sys, "_base_executable", sys.executable))
    for step in (
        [str(base), "-m", "venv", str(venv)],
        [
            str(venv / "bin/pip"),
            "install",
            "--require-hashes",
            "-r",
            str(PROJECT / "requirements/run.txt"),
        ],
        [str(venv / "bin/pip"), "install", "--no-deps", str(wheel)],
    ):
        done = run(step, venv)
        assert done.returncode == 0, done.stdout + done.stderr
    return venv / "bin"


def test_the_wheel_holds_the_templates_and_the_licence(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"hcmlc/templates/{name}" for name in template_files.NAMES} <= names
    assert f"hcmlc-{__version__}.dist-info/licenses/LICENSE" in names
    assert "hcmlc/locale/vi/LC_MESSAGES/hcmlc.mo" in names
    assert {
        "hcmlc/frameworks/unesco/2015.yaml",
        "hcmlc/frameworks/learning-models/2022.yaml",
    } <= names


def test_a_city_repository_outside_the_source_tree_writes_every_document(
    installed: Path, tmp_path: Path
) -> None:
    city = tmp_path / "city"
    for name in ("data", "submissions", "photos", "reports"):
        shutil.copytree(PROJECT / name, city / name)
    assert not (city / "templates").exists()
    hcmlc = str(installed / "hcmlc")
    for args in (
        ["fill-form", "--cycle", "2023", "--out", "form.docx"],
        ["report", "--out", "report.docx"],
        ["report", "--format", "md", "--out", "report.md"],
        ["remind", "--as-of", "2025-12-20", "--out", "letters"],
        ["remind", "--as-of", "2025-12-20", "--format", "eml", "--out", "mail"],
    ):
        done = run([hcmlc, *args], city)
        assert done.returncode == 0, f"{args}: {done.stderr}"
    assert (city / "form.docx").stat().st_size > 10_000
    assert any((city / "letters").glob("*.docx"))
    done = run([hcmlc, "templates"], city)
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in (city / "templates").iterdir()) == sorted(
        template_files.NAMES
    )


SHEET_ROWS = [
    ("Chỉ số", "Cơ quan phụ trách"),
    ("1.1.1.a", "Sở Giáo dục và Đào tạo"),
    ("3.3.4.a", "all-communes"),
    ("mh.1.1.a", "all-communes"),
    ("population", "so-gddt"),
]
HCMC = ("Hồ Chí Minh City", "Ho Chi Minh City", "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "TPHCM")


def _sheet(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    for row in SHEET_ROWS:
        book.active.append(row)
    book.save(path)
    return path


def _texts(folder: Path) -> str:
    """Every text the outputs hold: documents' XML, pages, letters, workbooks' cells."""
    found = []
    for path in folder.rglob("*"):
        if path.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(path) as archive:
                found += [
                    archive.read(n).decode("utf-8", "replace")
                    for n in archive.namelist()
                    if n.endswith(".xml")
                ]
        elif path.suffix in (".html", ".md", ".eml", ".txt"):
            found.append(path.read_text(encoding="utf-8"))
    return "\n".join(found)


@pytest.mark.parametrize(
    ("province", "city", "units", "commune"),
    [("01", "Thành phố Hà Nội", 126, "phuong-ba-dinh"), ("14", "Tỉnh Sơn La", 75, None)],
)
def test_init_a_new_city_then_every_command(
    installed: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    province: str,
    city: str,
    units: int,
    commune: str | None,
) -> None:
    hcmlc = str(installed / "hcmlc")
    for name in ("GIT_AUTHOR", "GIT_COMMITTER"):
        monkeypatch.setenv(f"{name}_NAME", "Điều phối")
        monkeypatch.setenv(f"{name}_EMAIL", "dieuphoi@example.org")
    done = run(
        [
            hcmlc,
            "init",
            "city",
            "--city",
            city,
            "--province",
            province,
            "--plan",
            "45/KH-UBND",
            "--plan-date",
            "2025-03-10",
            "--deadline",
            "2026-06-30",
        ],
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    root = tmp_path / "city"
    assert f": {units} wards and communes." in done.stdout
    assert run(["git", "log", "--oneline"], root).stdout.count("\n") == 1
    done = run([hcmlc, "validate"], root)
    assert done.returncode == 0, done.stdout
    assert "0 errors, 1 warning" in done.stdout
    done = run([hcmlc, "status"], root)
    assert (
        done.returncode == 0
        and "Not assigned to any agency yet in cycle 2026: 68 indicators, 31 questions."
        in done.stdout
    )
    done = run([hcmlc, "assign", str(_sheet(tmp_path / "phan-cong.xlsx"))], root)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Assigned 3 indicators and 1 question;")
    commune = commune or find(province).units[0].id
    (root / "submissions/2026").mkdir(parents=True)
    (root / f"submissions/2026/{commune}.yaml").write_text(
        f'agency: {commune}\ncycle: "2026"\nsubmitted: 2026-05-02\nindicators:\n'
        "  mh.1.1.a:\n    parts: {learning-families: 800, families: 1000}\n    year: 2025\n",
        encoding="utf-8",
    )
    for args in (["add", "--all"], ["commit", "--quiet", "-m", "Submissions"]):
        assert run(["git", *args], root).returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    for args in (
        ["validate"],
        ["status", "--as-of", "2026-07-01"],
        ["status", "--agency", "so-gddt", "--as-of", "2026-07-01"],
        ["workbook", "--agency", "so-gddt", "--out", str(out / "so-gddt.xlsx")],
        ["import", "--check", str(out / "so-gddt.xlsx")],
        ["fill-form", "--out", str(out / "form.docx")],
        ["report", "--year", "2025", "--out", str(out / "report.docx")],
        ["report", "--year", "2025", "--format", "md", "--out", str(out / "report.md")],
        ["remind", "--as-of", "2026-07-01", "--out", str(out / "letters")],
        ["dashboard", "--as-of", "2026-07-01", "--out", str(out / "site")],
    ):
        done = run([hcmlc, *args], root)
        assert done.returncode == 0, f"{args}: {done.stdout[-2000:]} {done.stderr}"
        assert not any(name in done.stdout + done.stderr for name in HCMC), args
    written = _texts(out)
    assert city in written
    assert [name for name in HCMC if name in written] == []
