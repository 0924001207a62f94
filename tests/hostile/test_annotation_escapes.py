"""NUL, ESC, NEL, U+2028 and line breaks from input in GitHub annotations: each annotation
stays one workflow command on one line, with the characters shown, not obeyed."""

from __future__ import annotations

import pytest
from hostile_cases import GOOD, SUBMISSION

CHARACTERS = {
    "NUL": ("\\0", "\\x00"),
    "ESC": ("\\e", "\\x1b"),
    "NEL": ("\\N", "\\x85"),
    "LS": ("\\L", "\\u2028"),
    "PS": ("\\P", "\\u2029"),
    "LF": ("\\n", "\\x0a"),
    "CR": ("\\r", "\\x0d"),
    "RLO": ("\\u202e", "\\u202e"),
}
LINE_BREAKING = ("\n", "\r", "\x85", "\u2028", "\u2029", "\x00", "\x1b")


@pytest.mark.parametrize("name", sorted(CHARACTERS))
def test_a_key_holding_the_character(hcmlc, repo, name: str) -> None:
    written, shown = CHARACTERS[name]
    repo.write(SUBMISSION, GOOD + f'"a{written}::error file=x::forged": 1\n')
    code, out, err = hcmlc("validate", "--root", str(repo.root), "--format", "github")
    assert (code, err) == (1, "")
    lines = out.split("\n")
    assert lines == [
        f"::error file={SUBMISSION},line=9,col=1,title=HCMLC-E011 unknown-key::"
        f"unknown key `a{shown}::error file=x::forged` [HCMLC-E011]%0A"
        "hint: allowed keys: agency, cycle, prepared_by, submitted, received, indicators, answers",
        "1 error, 0 warnings in 6 files checked",
        "",
    ]
    assert not any(character in out for character in LINE_BREAKING[1:])


def test_a_file_name_holding_a_line_break_and_a_comma(hcmlc, repo) -> None:
    repo.write("submissions/2023/a\n::warning file=b,c.yaml", GOOD)
    code, out, _ = hcmlc("validate", "--root", str(repo.root), "--format", "github")
    assert code == 1
    first = out.split("\n")[0]
    assert first.startswith(
        "::error file=submissions/2023/a\\x0a%3A%3Awarning file=b%2Cc.yaml,line=1,col=9,"
    )
