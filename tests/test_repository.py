"""Finding the submission files: the order and the links of `Path.rglob`, from one listing."""

from __future__ import annotations

import os
from pathlib import Path

from hcmlc.repository.layout import submission_paths
from hcmlc.repository.load import load


def test_the_walk_finds_what_rglob_finds_in_its_order(tmp_path: Path) -> None:
    folder = tmp_path / "submissions"
    for name in ("a/x.yaml", "a-b/x.yaml", "a/b/y.yml", "z.yaml", "a/.yaml", "a/..yaml", "n.txt"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("")
    (folder / "dir.yaml").mkdir()
    outside = tmp_path / "outside"
    (outside / "deep").mkdir(parents=True)
    (outside / "deep/w.yaml").write_text("")
    os.symlink(outside / "deep", folder / "linked")  # a linked folder is not entered
    os.symlink(outside / "deep/w.yaml", folder / "a/l.yaml")
    os.symlink(tmp_path / "nowhere", folder / "a/dangling.yaml")
    os.symlink("loop.yaml", folder / "a/loop.yaml")
    expected = sorted(
        p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and not p.is_dir()
    )
    assert submission_paths(tmp_path) == expected
    assert folder / "a/loop.yaml" in expected and folder / "a/l.yaml" in expected


def test_files_under_a_linked_submissions_folder_are_still_confined(repo) -> None:
    """submissions/ itself a link leading out: its files are found, and refused unread."""
    outside = repo.root.parent / "elsewhere"
    (outside / "2023").mkdir(parents=True)
    (outside / "2023/so-gddt.yaml").write_text('agency: so-gddt\ncycle: "2023"\n', "utf-8")
    (repo.root / "submissions").rmdir()
    os.symlink(outside, repo.root / "submissions")
    found = load(repo.root)
    assert found.paths == ["submissions/2023/so-gddt.yaml"]
    assert [p.code for p in found.problems if p.path == found.paths[0]] == ["HCMLC-E051"]
