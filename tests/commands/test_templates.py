"""The templates ship with hcmlc; a city's templates/ overrides them; `hcmlc templates` copies
them into the repository to restyle (issue 27)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from hcmlc.documents import template_files

PROJECT = Path(__file__).resolve().parents[2]
AS_OF = "2025-12-20"


def text_of(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_every_document_is_written_with_the_shipped_templates(hcmlc, bundled) -> None:
    assert not any((bundled / "templates").glob("*.docx"))
    for args, out in [
        (["fill-form", "--cycle", "2023"], "form.docx"),
        (["report"], "report.docx"),
        (["report", "--format", "md"], "report.md"),
    ]:
        code, _, stderr = hcmlc(*args, "--root", str(bundled), "--out", str(bundled / out))
        assert (code, stderr) == (0, ""), args
    # one late agency's letter proves the shipped letter template is used (the city's every
    # letter is written in test_remind, test_fuzz and test_texts_every_writer)
    letters = bundled / "letters"
    code, _, stderr = hcmlc(
        "remind", "--agency", "so-noi-vu", "--root", str(bundled), "--as-of", AS_OF,
        "--out", str(letters),
    )  # fmt: skip
    assert code == 0
    assert "History cannot be read (this is not a git clone" in stderr  # a copy, said
    assert [p.name for p in letters.glob("*.docx")] == ["so-noi-vu.docx"]


def test_a_template_in_the_city_s_templates_folder_replaces_the_shipped_one(hcmlc, bundled) -> None:
    own = docx.Document()
    own.add_paragraph("Mẫu riêng của thành phố: {{ t.title }}")
    own.save(str(bundled / "templates/gnlc-form.docx"))
    out = bundled / "form.docx"
    code, _, _ = hcmlc("fill-form", "--cycle", "2023", "--root", str(bundled), "--out", str(out))
    assert code == 0
    assert text_of(out).startswith("Mẫu riêng của thành phố: ")


def test_templates_copies_them_then_finds_them_up_to_date(hcmlc, bundled) -> None:
    code, stdout, _ = hcmlc("templates", "--root", str(bundled))
    assert code == 0
    assert stdout.splitlines() == [f"Wrote templates/{name}." for name in template_files.NAMES]
    for name in template_files.NAMES:
        shipped = PROJECT / "src/hcmlc/templates" / name
        assert (bundled / "templates" / name).read_bytes() == shipped.read_bytes()
    code, stdout, _ = hcmlc("templates", "--root", str(bundled))
    assert code == 0
    assert stdout.splitlines() == [
        f"templates/{name} is up to date." for name in template_files.NAMES
    ]


def test_templates_never_replaces_a_restyled_one_without_force(hcmlc, bundled) -> None:
    restyled = bundled / "templates/reminder.md.j2"
    restyled.write_text("{{ agency }}\n", encoding="utf-8")
    code, stdout, stderr = hcmlc("templates", "--root", str(bundled))
    assert (code, stdout) == (2, "")
    assert stderr.splitlines() == [
        "error: templates/reminder.md.j2 differ from the templates hcmlc ships",
        "hint: pass --force to replace them (their history stays in Git)",
    ]
    assert not (bundled / "templates/gnlc-form.docx").exists()  # nothing written
    code, stdout, _ = hcmlc("templates", "--root", str(bundled), "--force")
    assert code == 0
    assert "Wrote templates/reminder.md.j2." in stdout.splitlines()
    assert restyled.read_bytes() == (PROJECT / "src/hcmlc/templates/reminder.md.j2").read_bytes()


def test_a_broken_template_of_the_city_names_the_command_that_puts_it_back(hcmlc, bundled) -> None:
    (bundled / "templates/gnlc-form.docx").write_bytes(b"not a Word document")
    out = bundled / "form.docx"
    code, _, stderr = hcmlc(
        "fill-form", "--cycle", "2023", "--root", str(bundled), "--out", str(out)
    )
    assert code == 2
    assert stderr.splitlines() == [
        f"error: the template {bundled}/templates/gnlc-form.docx is broken: it is not a Word "
        "document (.docx)",
        "hint: check the {{ }} and {% %} tags you changed in Word, or put back the template "
        "hcmlc ships with `hcmlc templates --force`",
    ]
    code, _, _ = hcmlc("templates", "--root", str(bundled), "--force")
    assert code == 0
    code, _, _ = hcmlc("fill-form", "--cycle", "2023", "--root", str(bundled), "--out", str(out))
    assert code == 0


def test_an_installation_without_its_templates_says_so(
    hcmlc, bundled, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(template_files, "SHIPPED", tmp_path / "nothing")
    code, _, stderr = hcmlc("report", "--root", str(bundled))
    assert code == 2
    assert stderr.splitlines() == [
        "error: the template progress-report.docx is missing from this installation of hcmlc",
        "hint: reinstall hcmlc, or put your own at templates/progress-report.docx (see `hcmlc "
        "templates --help`)",
    ]
