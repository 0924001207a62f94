"""Cross-reference errors in data/ that validate reports: fill-form and report stop with exit 1
and the located problem, instead of crashing on the unknown agency or indicator."""

from __future__ import annotations

import pytest

BREAKS = {
    "owner of a question": (
        '        owners: ["so-gddt"]\n',
        '        owners: ["so-nobody"]\n',
        "unknown agency `so-nobody`",
    ),
    "indicator of a question": (
        'indicator: "2.1.2.a"',
        'indicator: "9.9.9.z"',
        "unknown indicator `9.9.9.z`",
    ),
    "successor of an agency": (
        'successor: "so-noi-vu"',
        'successor: "so-nobody"',
        "unknown agency `so-nobody`",
    ),
}


@pytest.mark.parametrize("case", sorted(BREAKS))
@pytest.mark.parametrize(
    "command", [("fill-form", "--cycle", "2023"), ("report",), ("report", "--format", "md")]
)
def test_the_command_stops_with_the_problem(
    hcmlc, repo, tmp_path_factory, case: str, command: tuple[str, ...]
) -> None:
    bundled, tmp_path = repo.root, tmp_path_factory.mktemp("out")
    registry = bundled / "data/assignments.yaml"
    text = registry.read_text(encoding="utf-8")
    old, new, message = BREAKS[case]
    assert old in text
    registry.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, out, _ = hcmlc("validate", "--root", str(bundled))
    assert code == 1 and message in out
    [line] = [line for line in out.splitlines() if message in line]
    place = line.split(": error:")[0]  # data/assignments.yaml:LINE:COLUMN
    target = tmp_path / "out.file"
    code, out, err = hcmlc(*command, "--root", str(bundled), "--out", str(target))
    assert code == 1
    assert err.startswith(f"error: the data files have 1 error: {place}: {message}\n")
    hint = err.splitlines()[1]  # the one problem's own fix, as validate gives it
    assert hint.startswith("hint: see the ") and "ids " in hint and " data/" in hint
    assert not target.exists()
