"""The cache of validate and status: the same output as without it, and never a stale result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hcmlc.repository import cache as cache_module
from hcmlc.repository.load import load

PATH = "submissions/2023/so-gddt.yaml"


def run(hcmlc, root: Path, *args: str) -> tuple[int, str, str]:
    return hcmlc(*args, "--root", str(root))


def outputs(hcmlc, root: Path, *extra: str) -> list[tuple[int, str, str]]:
    return [
        run(hcmlc, root, "validate", "--format", "json", *extra),
        run(hcmlc, root, "validate", *extra),
        run(hcmlc, root, "status", "--as-of", "2023-09-05", "--format", "json", *extra),
        run(hcmlc, root, "status", "--as-of", "2023-09-05", "--agency", "so-tttt", *extra),
    ]


def cache_file(private_cache: Path) -> Path:
    [path] = private_cache.glob("*.json")
    return path


def test_cached_results_equal_fresh_ones(hcmlc, bundled, private_cache) -> None:
    (bundled / "submissions/2023/quan-1.yaml").write_text(
        'agency: quan-1\ncycle: "2023"\nindicators:\n  2.6.2.a:\n    value: 87%\n    year: 2023\n',
        encoding="utf-8",
    )
    fresh = outputs(hcmlc, bundled, "--no-cache")
    assert not private_cache.exists()  # --no-cache neither reads nor writes
    cold = outputs(hcmlc, bundled)
    warm = outputs(hcmlc, bundled)
    assert fresh == cold == warm
    assert fresh[0][0] == 1 and "HCMLC-E022" in fresh[0][1]


def test_messages_follow_the_language_of_each_run(hcmlc, bundled, private_cache) -> None:
    """A result holds worded messages: each interface language has its own."""
    path = bundled / PATH
    path.write_text(path.read_text(encoding="utf-8").replace("value: 98.9", "value: 98,9"))
    for _ in range(2):  # cold, then warm
        english = run(hcmlc, bundled, "--lang", "en", "validate")[1]
        vietnamese = run(hcmlc, bundled, "--lang", "vi", "validate")[1]
        assert "`98,9` is not a number [HCMLC-E022]" in english
        assert "`98,9` không phải là một số [HCMLC-E022]" in vietnamese
    assert len(list(private_cache.glob("*.json"))) == 2


def test_warm_run_reads_no_unchanged_submission(bundled) -> None:
    cold = load(bundled, cache=True)
    warm = load(bundled, cache=True)
    assert cold.submissions and not warm.submissions  # nothing parsed the second time
    assert (warm.problems, warm.supplied, warm.paths) == (cold.problems, cold.supplied, cold.paths)


def test_an_edited_file_is_checked_again(hcmlc, bundled) -> None:
    assert run(hcmlc, bundled, "validate")[0] == 0
    path = bundled / PATH
    path.write_text(path.read_text(encoding="utf-8").replace("value: 98.9", "value: 98,9"))
    code, out, _ = run(hcmlc, bundled, "validate")
    assert code == 1 and "`98,9` is not a number [HCMLC-E022]" in out
    path.write_text(path.read_text(encoding="utf-8").replace("value: 98,9", "value: 98.9"))
    assert run(hcmlc, bundled, "validate")[0] == 0


def test_a_change_to_data_invalidates_everything(hcmlc, bundled) -> None:
    assert run(hcmlc, bundled, "validate")[0] == 0
    registry = bundled / "data/assignments.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace('  - id: "quan-1"\n', '  - id: "quan-mot"\n'), "utf-8")
    code, out, _ = run(hcmlc, bundled, "validate")
    assert code == 1 and "unknown agency `quan-1`" in out


def test_a_new_hcmlc_invalidates_everything(hcmlc, bundled, monkeypatch) -> None:
    assert run(hcmlc, bundled, "validate")[0] == 0
    # "hcmlc changed": now every answer is over its word limit
    monkeypatch.setattr("hcmlc.checks.answers.count_words", lambda text: 10_000)
    assert run(hcmlc, bundled, "validate")[0] == 0  # the same code fingerprint: served cached
    monkeypatch.setattr(cache_module, "_code_fingerprint", lambda: "hcmlc, changed")
    code, out, _ = run(hcmlc, bundled, "validate")
    assert code == 1 and "HCMLC-E024" in out


def test_a_replaced_photo_is_checked_again(hcmlc, bundled) -> None:
    from PIL import Image

    assert run(hcmlc, bundled, "validate")[0] == 0
    Image.new("RGB", (1000, 1500)).save(bundled / "photos/2023/thu-vien.jpg", "JPEG")
    code, out, _ = run(hcmlc, bundled, "validate", "--strict")
    assert code == 1 and "HCMLC-W036" in out


def test_a_corrupt_cache_is_ignored(hcmlc, bundled, private_cache) -> None:
    expected = run(hcmlc, bundled, "validate", "--format", "json")
    path = cache_file(private_cache)
    for damage in (b"{not json", b"[]", b'{"format": 1, "context": 3, "files": []}', b"\xff\xfe"):
        path.write_bytes(damage)
        assert run(hcmlc, bundled, "validate", "--format", "json") == expected
    stored = json.loads(path.read_text(encoding="utf-8"))
    for entry in stored["files"].values():
        entry["problems"] = [["one", None, "HCMLC-E999", 1, 2]]
        entry["indicator"] = 7
    path.write_text(json.dumps(stored), encoding="utf-8")
    assert run(hcmlc, bundled, "validate", "--format", "json") == expected


def test_an_unwritable_cache_is_not_fatal(hcmlc, bundled, private_cache) -> None:
    private_cache.parent.mkdir(parents=True, exist_ok=True)
    private_cache.write_text("a file where the folder should be", encoding="utf-8")
    assert run(hcmlc, bundled, "validate")[0] == 0


@pytest.mark.parametrize("home", ["xdg", "home"])
def test_the_cache_lives_outside_the_repository(
    bundled, monkeypatch, tmp_path_factory, home
) -> None:
    user = tmp_path_factory.mktemp("home")
    if home == "home":
        monkeypatch.delenv("XDG_CACHE_HOME")
        monkeypatch.setenv("HOME", str(user))
    load(bundled, cache=True)
    folder = cache_module.cache_dir()
    assert list(folder.glob("*.json")) and not folder.is_relative_to(bundled)
    assert home == "xdg" or folder == user / ".cache/hcmlc"


def test_plausibility_warnings_are_the_same_warm(hcmlc, bundled, private_cache) -> None:
    """A figure far from the year before is warned of (W094) on every run: the cache keeps
    each file's accepted figures, which the check across cycles compares."""
    path = bundled / "submissions/2024/so-gddt.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("value: 98.95", "value: 20.5", 1),
        encoding="utf-8",
    )
    fresh = outputs(hcmlc, bundled, "--no-cache")
    cold = outputs(hcmlc, bundled)
    warm = outputs(hcmlc, bundled)
    assert fresh == cold == warm
    assert "submissions/2024/so-gddt.yaml:8:12: " in fresh[1][1] and "HCMLC-W094" in fresh[1][1]


def test_damaged_figures_across_cycles_are_never_trusted(hcmlc, bundled, private_cache) -> None:
    """Each entry keeps the figures that validate compares across cycles as one JSON text,
    read only by the run that compares them: damaged, the file is checked again and its
    entry replaced; the views that do not compare never read it."""
    path = bundled / "submissions/2024/so-gddt.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("value: 98.95", "value: 20.5", 1),
        encoding="utf-8",
    )
    expected = outputs(hcmlc, bundled, "--no-cache")
    assert "HCMLC-W094" in expected[1][1]
    outputs(hcmlc, bundled)  # fills the cache
    cache = cache_file(private_cache)
    kept = json.loads(cache.read_text(encoding="utf-8"))
    written = kept["files"]["submissions/2024/so-gddt.yaml"]["readings"]
    assert json.loads(written)[0] == ["1.1.1.a", 2024, 20.5, False, "value"]
    for damage in ("not json", "[" * 100_000, '[["1.1.1.a", 2024, "20.5", false, "value"]]', "{}"):
        for entry in kept["files"].values():
            entry["readings"] = damage
        cache.write_text(json.dumps(kept), encoding="utf-8")
        assert outputs(hcmlc, bundled) == expected
        again = json.loads(cache.read_text(encoding="utf-8"))["files"]
        assert again["submissions/2024/so-gddt.yaml"]["readings"] == written
