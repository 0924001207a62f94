"""Hostile or careless input: each defence of hcmlc, one test (or a few) each.

Submissions arrive by pull request from anyone. hcmlc must never crash, never lose data, never
read outside the repository, and say what is wrong where. Defences tested elsewhere too:
photo paths (tests/commands/test_validate_answers.py), the sandboxed template and a broken
template (tests/commands/test_fill_form.py), atomic writes (tests/test_atomic.py).
"""

from __future__ import annotations

import codecs
import json
import tracemalloc
import unicodedata
from pathlib import Path

import docx
import pytest

from hcmlc.files import atomic
from hcmlc.yamlfiles.reader import MAX_BYTES, parse_yaml, read_yaml

SUBMISSION = "submissions/2023/so-gddt.yaml"
GOOD = """\
agency: so-gddt
cycle: "2023"
indicators:
  1.1.1.a:
    value: 99.1
    unit: percent
    year: 2022
    source: Báo cáo tổng kết năm học 2022-2023
answers:
  slogan:
    vi: Học tập suốt đời cho mọi người
"""


def validate(hcmlc, root: Path) -> tuple[int, list[dict], str]:
    code, out, err = hcmlc("validate", "--root", str(root), "--format", "json")
    return code, json.loads(out)["problems"] if out else [], err


def codes(found: list[dict]) -> list[tuple[int, int, str]]:
    return [(p["line"], p["column"], p["code"]) for p in found]


# --- YAML that would make PyYAML do too much -------------------------------------------------


def billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels + 1):
        refs = ", ".join(f"*a{n - 1}" for _ in range(9))
        lines.append(f"a{n}: &a{n} [{refs}]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_in_bounded_memory() -> None:
    text = billion_laughs()  # 9**10 strings if expanded
    tracemalloc.start()
    try:
        doc = parse_yaml(text, SUBMISSION)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000
    assert {p.code for p in doc.problems} == {"HCMLC-E005"}
    assert doc.problems[0].message == "anchors and aliases (&name, *name) are not supported"


def test_alias_bomb_in_a_submission_is_a_located_error(hcmlc, repo) -> None:
    bomb = "".join(f"  {line}\n" for line in billion_laughs().splitlines())
    repo.write(SUBMISSION, GOOD + "prepared_by:\n" + bomb)
    code, found, err = validate(hcmlc, repo.root)
    assert code == 1 and "Traceback" not in err
    assert {p["code"] for p in found} >= {"HCMLC-E005"}


def test_recursive_alias_is_refused() -> None:
    doc = parse_yaml("a: &a [1, *a]\n", SUBMISSION)
    assert [p.code for p in doc.problems] == ["HCMLC-E005"]


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/name:os.system",
        "!!binary aGVsbG8=",
        "!custom value",
        "!<tag:example.org,2024:thing> value",
    ],
)
def test_python_object_and_unknown_tags_are_refused(hcmlc, repo, tmp_path, tagged: str) -> None:
    marker = tmp_path / "pwned"
    repo.write(SUBMISSION, GOOD + f"prepared_by: {tagged.format(marker=marker)}\n")
    code, found, _ = validate(hcmlc, repo.root)
    assert code == 1
    assert codes(found) == [(12, 14, "HCMLC-E005")]
    assert found[0]["message"].startswith("the YAML tag `")
    assert not marker.exists()


def test_file_over_the_size_limit_is_refused_unread(hcmlc, repo) -> None:
    repo.write(SUBMISSION, GOOD + "prepared_by: " + "x" * MAX_BYTES + "\n")
    code, found, _ = validate(hcmlc, repo.root)
    assert code == 1
    [problem] = found
    assert (problem["path"], problem["code"]) == (SUBMISSION, "HCMLC-E050")
    assert "over the limit of 1,000,000" in problem["message"]


# --- encodings -------------------------------------------------------------------------------


def test_utf8_bom_is_accepted(hcmlc, repo) -> None:
    repo.write_bytes(SUBMISSION, codecs.BOM_UTF8 + GOOD.replace("\n", "\r\n").encode())
    assert validate(hcmlc, repo.root)[:2] == (0, [])


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_named_with_or_without_bom(hcmlc, repo, encoding: str) -> None:
    repo.write_bytes(SUBMISSION, GOOD.encode(encoding))
    code, found, _ = validate(hcmlc, repo.root)
    assert code == 1
    assert [(p["code"], p["message"]) for p in found] == [
        ("HCMLC-E002", "the file is encoded as UTF-16, not UTF-8")
    ]
    assert "Save with Encoding → UTF-8" in found[0]["hint"]


def test_windows_1258_is_named(hcmlc, repo) -> None:
    repo.write_bytes(SUBMISSION, GOOD.encode("cp1258", errors="replace"))
    code, found, _ = validate(hcmlc, repo.root)
    assert code == 1
    [problem] = found
    assert (problem["line"], problem["code"]) == (8, "HCMLC-E002")
    assert "Windows-1258" in problem["message"]


def test_nfd_text_is_normalised_to_nfc(tmp_path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(unicodedata.normalize("NFD", GOOD).encode())
    doc = read_yaml(path, SUBMISSION)
    assert doc.problems == []
    assert doc.data["answers"]["slogan"]["vi"] == "Học tập suốt đời cho mọi người"
    assert unicodedata.is_normalized("NFC", doc.data["answers"]["slogan"]["vi"])


def test_nfd_submission_validates_like_nfc(hcmlc, repo) -> None:
    repo.write_bytes(SUBMISSION, unicodedata.normalize("NFD", GOOD).encode())
    assert validate(hcmlc, repo.root)[:2] == (0, [])


# --- paths: nothing outside the repository is read -------------------------------------------


def test_submission_linking_outside_the_repository_is_not_read(hcmlc, repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.yaml"
    outside.write_text("agency: the secret of another project\n", encoding="utf-8")
    (repo.root / "submissions/2023").mkdir(parents=True)
    (repo.root / SUBMISSION).symlink_to(outside)
    code, found, _ = validate(hcmlc, repo.root)
    assert code == 1
    assert [(p["path"], p["code"]) for p in found] == [(SUBMISSION, "HCMLC-E051")]
    assert "secret" not in json.dumps(found)


@pytest.mark.parametrize(
    ("evidence", "message"),
    [
        ("/etc/passwd", "evidence path `/etc/passwd` is absolute"),
        ("C:\\\\Users\\\\bao-cao.pdf", "evidence path `C:\\Users\\bao-cao.pdf` is absolute"),
        ("../../bao-cao.pdf", "evidence path `../../bao-cao.pdf` climbs out with `..`"),
        ("evidence/../../x.pdf", "evidence path `evidence/../../x.pdf` climbs out with `..`"),
        (
            "link/bao-cao.pdf",
            "evidence path `link/bao-cao.pdf` leads outside the repository (through a link)",
        ),
    ],
)
def test_evidence_paths_stay_inside_the_repository(
    hcmlc, repo, tmp_path_factory, evidence: str, message: str
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (repo.root / "link").symlink_to(outside, target_is_directory=True)
    repo.write(SUBMISSION, GOOD.replace("    source:", f'    evidence: "{evidence}"\n    source:'))
    code, found, _ = validate(hcmlc, repo.root)
    assert code == 1
    assert [(p["line"], p["code"], p["message"]) for p in found] == [(8, "HCMLC-E052", message)]


@pytest.mark.parametrize(
    "evidence",
    [
        "https://hcm.edu.vn/bao-cao-2023.pdf",
        "Báo cáo số 45/BC-UBND ngày 12/5/2023",
        "evidence/2023/bao-cao.pdf",
    ],
)
def test_links_references_and_inside_paths_are_fine_as_evidence(hcmlc, repo, evidence) -> None:
    repo.write(SUBMISSION, GOOD.replace("    source:", f'    evidence: "{evidence}"\n    source:'))
    assert validate(hcmlc, repo.root)[:2] == (0, [])


def test_photo_path_outside_the_repository_is_refused(hcmlc, repo) -> None:
    repo.write(
        "submissions/2023/so-tttt.yaml",
        'agency: so-tttt\ncycle: "2023"\nanswers:\n  photos:\n  - path: /etc/passwd\n',
    )
    _, found, _ = validate(hcmlc, repo.root)
    assert ("HCMLC-E033", "photo path `/etc/passwd` is absolute") in {
        (p["code"], p["message"]) for p in found
    }


# --- templates and outputs -------------------------------------------------------------------


def test_template_cannot_run_code(hcmlc, repo, tmp_path) -> None:
    marker = tmp_path / "pwned"
    hostile = tmp_path / "hostile.docx"
    document = docx.Document()
    document.add_paragraph(
        "{{ cycler.__init__.__globals__.os.system('touch " + str(marker) + "') }}"
    )
    document.save(str(hostile))
    out = tmp_path / "form.docx"
    code, _, err = hcmlc(
        "fill-form", "--root", str(repo.root), "--template", str(hostile), "--out", str(out)
    )
    assert code == 2 and "is broken" in err and "Traceback" not in err
    assert not marker.exists() and not out.exists()


def test_interrupted_output_leaves_the_previous_file(hcmlc, bundled, monkeypatch) -> None:
    out = bundled / "form.docx"
    out.write_bytes(b"the form of yesterday")

    def power_cut(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "fsync", power_cut)
    hcmlc("fill-form", "--root", str(bundled), "--out", str(out))
    assert out.read_bytes() == b"the form of yesterday"
    assert [p.name for p in bundled.glob("*.tmp")] + [p.name for p in bundled.glob(".form*")] == []
