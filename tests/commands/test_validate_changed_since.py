"""`hcmlc validate --changed-since REF`: only the files a change touched, and what they break."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from test_validate import GOOD

import histories

# Already broken before the change under review: must not be reported by --changed-since.
OLD_PROBLEM = """
agency: cuc-thong-ke
cycle: "2023"
indicators:
  1.2.1.a:
    value: nhiều
    unit: usd
    year: 2022
"""

ANNOTATION = (
    "::error file=submissions/2023/so-gddt.yaml,line=5,col=12,title=HCMLC-E022 value-unit"
    "::indicator 1.1.1.a: `80%25` is not a number [HCMLC-E022]%0A"
    "hint: write the number without the %25 sign: 80"
)


def changed_since(hcmlc, repo, ref: str, *args: str) -> tuple[int, str, str]:
    return hcmlc("validate", "--root", str(repo.root), "--changed-since", ref, *args)


@pytest.fixture(scope="session")
def committed(tmp_path_factory) -> Path:
    """The history of `history`, committed once per session (tests/histories.py)."""

    def build(root: Path) -> None:
        histories.write(root, "submissions/2023/so-gddt.yaml", GOOD)
        histories.write(root, "submissions/2023/cuc-thong-ke.yaml", OLD_PROBLEM)
        histories.commit(root, "Submissions of so-gddt and cuc-thong-ke")
        histories.write(root, "submissions/2023/so-gddt.yaml", GOOD.replace("99.1", "80%"))
        histories.commit(root, "so-gddt: literacy rate")

    return histories.committed(tmp_path_factory, "changed-since", build)


@pytest.fixture
def history(repo, git, committed):
    """Commit 1: data/ and two submissions (one already broken); commit 2 breaks so-gddt's.
    A copy of `committed`, run with `git` as the tests' git is (no user configuration)."""
    histories.copy_into(committed, repo.root)
    return repo


def test_only_the_changed_line_is_annotated(hcmlc, history) -> None:
    code, out, _ = changed_since(hcmlc, history, "HEAD~1", "--format", "github")
    assert code == 1
    assert out.splitlines() == [ANNOTATION, "1 error, 0 warnings in 1 file checked"]


def test_without_the_option_the_old_problem_is_there(hcmlc, history) -> None:
    code, out, _ = hcmlc("validate", "--root", str(history.root), "--format", "github")
    assert code == 1
    assert [line.split(",")[0] for line in out.splitlines()[:-1]] == [
        "::error file=submissions/2023/cuc-thong-ke.yaml",
        "::error file=submissions/2023/so-gddt.yaml",
    ]


def test_nothing_changed_since_head(hcmlc, history) -> None:
    code, out, _ = changed_since(hcmlc, history, "HEAD")
    assert (code, out) == (0, "No problems found in 0 files.\n")


def test_uncommitted_and_untracked_files_count_as_changed(hcmlc, history) -> None:
    history.write("submissions/2023/so-y-te.yaml", "agency: so-y-te\ncycle: '2023'\nprepared: x\n")
    code, out, _ = changed_since(hcmlc, history, "HEAD", "--format", "json")
    document = json.loads(out)
    assert code == 1
    assert [(p["path"], p["code"]) for p in document["problems"]] == [
        ("submissions/2023/so-y-te.yaml", "HCMLC-E011")
    ]
    assert document["summary"]["files"] == 1


def test_a_deleted_file_is_not_reported(hcmlc, history, git) -> None:
    git(history.root, "rm", "--quiet", "submissions/2023/so-gddt.yaml")
    code, out, _ = changed_since(hcmlc, history, "HEAD~1")
    assert (code, out) == (0, "No problems found in 0 files.\n")


def test_a_change_to_data_reports_everything(hcmlc, history) -> None:
    path = history.root / "data/assignments.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    code, out, _ = changed_since(hcmlc, history, "HEAD", "--format", "json")
    assert code == 1
    assert {p["path"] for p in json.loads(out)["problems"]} == {
        "submissions/2023/so-gddt.yaml",
        "submissions/2023/cuc-thong-ke.yaml",
    }


def test_broken_data_is_reported_even_if_unchanged(hcmlc, history, git) -> None:
    (history.root / "data/criteria.yaml").write_text("areas: []\n", encoding="utf-8")
    git.commit(history.root, "Break data/")
    history.write("submissions/2023/so-gddt.yaml", GOOD)
    code, out, _ = changed_since(hcmlc, history, "HEAD", "--format", "json")
    assert code == 1
    assert {p["path"] for p in json.loads(out)["problems"]} == {"data/criteria.yaml"}


def test_a_duplicate_submission_is_reported_when_either_file_changed(hcmlc, repo, git) -> None:
    repo.write("submissions/2023/so-gddt.yml", GOOD)
    git.init(repo.root)
    git.commit(repo.root, "so-gddt, as .yml")
    repo.write("submissions/2023/so-gddt.yaml", GOOD)  # sorts first: E027 is on the .yml file
    code, out, _ = changed_since(hcmlc, repo, "HEAD", "--format", "json")
    assert code == 1
    [problem] = json.loads(out)["problems"]
    assert (problem["path"], problem["code"]) == ("submissions/2023/so-gddt.yml", "HCMLC-E027")


def test_paths_and_changed_since_together(hcmlc, history) -> None:
    history.write("submissions/2023/so-y-te.yaml", "agency: so-y-te\ncycle: '2023'\nprepared: x\n")
    code, out, _ = changed_since(
        hcmlc,
        history,
        "HEAD~1",
        str(history.root / "submissions/2023/so-y-te.yaml"),
        str(history.root / "submissions/2023/cuc-thong-ke.yaml"),
    )
    assert code == 1
    assert out.splitlines()[0].startswith("submissions/2023/so-y-te.yaml:3:1: error")
    assert "cuc-thong-ke" not in out and "so-gddt" not in out


def test_the_hcmlc_root_may_be_a_folder_of_the_clone(hcmlc, repo, git, tmp_path_factory) -> None:
    outer = tmp_path_factory.mktemp("clone")
    city = outer / "city"
    repo.write("submissions/2023/so-gddt.yaml", GOOD)
    repo.root.rename(city)
    git.init(outer)
    git.commit(outer, "A city's data in a folder of a larger repository")
    (city / "submissions/2023/so-gddt.yaml").write_text(GOOD.lstrip().replace("99.1", "80%"))
    (outer / "data").mkdir()  # outside the hcmlc root: no reason to report everything
    (outer / "data/notes.yaml").write_text("a: 1\n")
    code, out, _ = hcmlc("validate", "--root", str(city), "--changed-since", "HEAD")
    assert code == 1
    assert out.splitlines()[0].startswith("submissions/2023/so-gddt.yaml:5:12: error")
    assert out.splitlines()[-1] == "1 error, 0 warnings in 1 file checked"


def test_not_a_git_repository(hcmlc, repo) -> None:
    code, _, err = changed_since(hcmlc, repo, "HEAD~1")
    assert code == 2
    assert err.startswith(f"error: git cannot compare files in {repo.root}: fatal: not a git")
    assert "hint: --changed-since needs a git clone" in err


def test_unknown_ref(hcmlc, history) -> None:
    code, _, err = changed_since(hcmlc, history, "origin/main")
    assert code == 2
    assert err.splitlines() == [
        "error: no commit `origin/main` in this repository",
        "hint: check the name with `git log --oneline`, or fetch it: "
        "`git fetch --depth=1 origin main`",
    ]


def test_an_option_is_no_ref(hcmlc, history) -> None:
    code, _, err = hcmlc("validate", "--root", str(history.root), "--changed-since=--output=/tmp/x")
    assert code == 2 and "`--output=/tmp/x` is not a git commit" in err


def test_shallow_clone_says_how_to_fetch(hcmlc, history, tmp_path_factory) -> None:
    clone = tmp_path_factory.mktemp("shallow") / "clone"
    subprocess.run(
        ["git", "clone", "--quiet", "--depth", "1", f"file://{history.root}", str(clone)],
        check=True,
        capture_output=True,
    )
    code, _, err = hcmlc("validate", "--root", str(clone), "--changed-since", "HEAD~1")
    assert code == 2
    assert err.splitlines() == [
        "error: `HEAD~1` is not in this shallow clone",
        "hint: fetch it with `git fetch --depth=<n> origin <branch>`, or the whole history with "
        "`git fetch --unshallow`; in GitHub Actions, give actions/checkout `fetch-depth: 0`",
    ]
    code, _, err = hcmlc("validate", "--root", str(clone), "--changed-since", "origin/main")
    assert code == 0, err  # the clone has origin/main itself


def test_a_changed_photo_reports_on_the_submission_that_names_it(hcmlc, bundled, git) -> None:
    """A pull request touching only photos/ is still checked: the photo is read again."""
    git.init(bundled)
    git.commit(bundled, "The city's repository")
    (bundled / "photos/2023/thu-vien.jpg").write_bytes(b"not a picture")
    code, out, _ = hcmlc("validate", "--root", str(bundled), "--changed-since", "HEAD")
    assert code == 1
    assert out.splitlines()[0].startswith("submissions/2023/so-tttt.yaml:19:13: error: ")
    assert out.splitlines()[-1] == "1 error, 0 warnings in 1 file checked"
