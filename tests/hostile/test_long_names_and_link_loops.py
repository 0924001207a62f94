"""Paths the system itself refuses: a name longer than the file system allows, a loop of
links. Each is a located problem, never an OSError or a RuntimeError out of pathlib."""

from __future__ import annotations

import pytest
from hostile_cases import SUBMISSION, located

PHOTO = (
    'agency: so-tttt\ncycle: "2023"\nanswers:\n  photos:\n'
    "  - path: {path}\n    caption: {{vi: Ảnh}}\n    copyright: Sở\n"
)


@pytest.mark.parametrize("cache", [True, False])
def test_a_photo_name_too_long_for_the_file_system(repo, validate_json, cache) -> None:
    repo.write("submissions/2023/so-tttt.yaml", PHOTO.format(path="photos/2023/" + "a" * 300))
    code, problems = validate_json(repo.root, *([] if cache else ["--no-cache"]))
    assert code == 1
    errors = [p for p in problems if p["severity"] == "error"]
    assert located(errors) == [("submissions/2023/so-tttt.yaml", 5, 11, "HCMLC-E034")]


def test_a_loop_of_links(repo, validate_json) -> None:
    (repo.root / "photos").mkdir()
    (repo.root / "photos/loop").symlink_to(repo.root / "photos/loop")
    (repo.root / "submissions/2023").mkdir(parents=True)
    (repo.root / SUBMISSION).symlink_to(repo.root / SUBMISSION)
    evidence = (
        "indicators:\n  2.4.2.b:\n    value: 50\n    year: 2023\n    evidence: photos/loop/x.pdf\n"
    )
    repo.write("submissions/2023/so-tttt.yaml", PHOTO.format(path="photos/loop/anh.jpg") + evidence)
    code, problems = validate_json(repo.root)
    assert code == 1
    errors = [p for p in problems if p["severity"] == "error"]
    assert located(errors) == [
        (SUBMISSION, 1, 1, "HCMLC-E051"),  # a loop is no file inside the repository
        ("submissions/2023/so-tttt.yaml", 5, 11, "HCMLC-E034"),
        ("submissions/2023/so-tttt.yaml", 12, 15, "HCMLC-E052"),
    ]
    assert errors[2]["message"] == (
        "evidence path `photos/loop/x.pdf` leads outside the repository (through a link)"
    )
