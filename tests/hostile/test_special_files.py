"""FIFOs and dangling links where files should be: reported, never read, never a hang.

Reading a FIFO waits for a writer that never comes; hcmlc reads only regular files.
"""

from __future__ import annotations

import os

import pytest
from hostile_cases import GOOD, SUBMISSION, located

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")

FIFO_MESSAGE = "the file is a FIFO (named pipe), not a regular file; hcmlc does not read it"
PHOTOS = """\
agency: so-tttt
cycle: "2023"
answers:
  photos:
  - path: photos/2023/pipe.jpg
    caption: {vi: Thư viện}
    copyright: Sở TT&TT
"""


def test_a_fifo_as_a_submission(repo, validate_json) -> None:
    (repo.root / "submissions/2023").mkdir(parents=True)
    os.mkfifo(repo.root / SUBMISSION)
    code, problems = validate_json(repo.root)
    assert code == 1
    assert located(problems) == [(SUBMISSION, 1, 1, "HCMLC-E006")]
    assert problems[0]["message"] == FIFO_MESSAGE


@pytest.mark.parametrize("name", ["data/frameworks.yaml", "data/targets.yaml"])
def test_a_fifo_as_a_data_file(repo, validate_json, name: str) -> None:
    (repo.root / name).unlink()
    os.mkfifo(repo.root / name)
    code, problems = validate_json(repo.root)
    assert code == 1
    assert located(problems) == [(name, 1, 1, "HCMLC-E006")]
    assert problems[0]["message"] == FIFO_MESSAGE


def test_a_dangling_link_as_a_submission(repo, validate_json) -> None:
    (repo.root / "submissions/2023").mkdir(parents=True)
    (repo.root / SUBMISSION).symlink_to(repo.root / "submissions/2023/nowhere.yaml")
    code, problems = validate_json(repo.root)
    assert code == 1
    assert located(problems) == [(SUBMISSION, 1, 1, "HCMLC-E006")]
    assert problems[0]["message"] == "cannot read the file: No such file or directory"


@pytest.mark.parametrize("cache", [True, False])
def test_a_fifo_as_a_photo(repo, validate_json, cache: bool) -> None:
    (repo.root / "photos/2023").mkdir(parents=True)
    os.mkfifo(repo.root / "photos/2023/pipe.jpg")
    repo.write("submissions/2023/so-tttt.yaml", PHOTOS)
    code, problems = validate_json(repo.root, *([] if cache else ["--no-cache"]))
    assert code == 1
    errors = [p for p in problems if p["severity"] == "error"]
    assert located(errors) == [("submissions/2023/so-tttt.yaml", 5, 11, "HCMLC-E035")]
    assert errors[0]["message"] == "`photos/2023/pipe.jpg` is a FIFO (named pipe), not a photo file"


@pytest.mark.parametrize("cache", [True, False])
def test_a_fifo_as_evidence(repo, validate_json, cache: bool) -> None:
    """Evidence is not read, but the cache fingerprints what a path names: by kind, unread."""
    os.mkfifo(repo.root / "pipe.pdf")
    repo.write(SUBMISSION, GOOD + "    evidence: pipe.pdf\n")
    for _ in range(2):  # cold, then warm
        assert validate_json(repo.root, *([] if cache else ["--no-cache"])) == (0, [])


def test_fill_form_with_a_fifo_as_a_photo(repo, hcmlc, tmp_path) -> None:
    (repo.root / "photos/2023").mkdir(parents=True)
    os.mkfifo(repo.root / "photos/2023/pipe.jpg")
    repo.write("submissions/2023/so-tttt.yaml", PHOTOS)
    out = tmp_path / "form.docx"
    code, stdout, err = hcmlc("fill-form", "--root", str(repo.root), "--out", str(out))
    assert (code, err) == (0, "")
    assert "photos/2023/pipe.jpg" in stdout and out.is_file()
