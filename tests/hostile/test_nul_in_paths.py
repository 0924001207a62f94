"""NUL and other control characters in photo and evidence paths: refused before any system
call (NUL would end the path inside it, and Python raises instead)."""

from __future__ import annotations

import pytest
from hostile_cases import GOOD, SUBMISSION, located


@pytest.mark.parametrize(("escaped", "shown"), [("\\0", "\x00"), ("\\e", "\x1b"), ("\\n", "\n")])
@pytest.mark.parametrize("cache", [True, False])
def test_evidence_path_with_a_control_character(
    repo, validate_json, escaped: str, shown: str, cache: bool
) -> None:
    repo.write(SUBMISSION, GOOD + f'    evidence: "bao-cao{escaped}.pdf"\n')
    code, problems = validate_json(repo.root, *([] if cache else ["--no-cache"]))
    assert code == 1
    assert located(problems) == [(SUBMISSION, 9, 15, "HCMLC-E052")]
    assert problems[0]["message"] == f"evidence path `bao-cao{shown}.pdf` holds a control character"


@pytest.mark.parametrize("cache", [True, False])
def test_photo_path_with_nul(repo, validate_json, cache: bool) -> None:
    repo.write(
        "submissions/2023/so-tttt.yaml",
        'agency: so-tttt\ncycle: "2023"\nanswers:\n  photos:\n'
        '  - path: "photos/2023/a\\0.jpg"\n    caption: {vi: Ảnh}\n    copyright: Sở\n',
    )
    code, problems = validate_json(repo.root, *([] if cache else ["--no-cache"]))
    assert code == 1
    errors = [p for p in problems if p["severity"] == "error"]
    assert located(errors) == [("submissions/2023/so-tttt.yaml", 5, 11, "HCMLC-E033")]
    assert errors[0]["message"] == "photo path `photos/2023/a\x00.jpg` holds a control character"


def test_fill_form_with_a_nul_photo_path(repo, hcmlc, tmp_path) -> None:
    repo.write(
        "submissions/2023/so-tttt.yaml",
        'agency: so-tttt\ncycle: "2023"\nanswers:\n  photos:\n  - path: "a\\0.jpg"\n',
    )
    out = tmp_path / "form.docx"
    code, _, err = hcmlc("fill-form", "--root", str(repo.root), "--out", str(out))
    assert (code, err) == (0, "") and out.is_file()
