"""Control characters and Rich markup from input reach the terminal as visible text: an ESC in
a key cannot clear the screen or print a fake "no problems", `[/]` in a name cannot crash it."""

from __future__ import annotations

from hostile_cases import GOOD, SUBMISSION

FAKE = "\\e[2J\\e[HNo problems found.\\e[8m"
"""As a YAML double-quoted key writes it: clear the screen, home, fake, hide the rest."""
SHOWN = "\\x1b[2J\\x1b[HNo problems found.\\x1b[8m"


def raw_controls(text: str) -> set[str]:
    return {c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F}


def test_an_escape_sequence_in_a_key(hcmlc, repo) -> None:
    repo.write(SUBMISSION, GOOD + f'"{FAKE}": 1\n')
    code, out, err = hcmlc("validate", "--root", str(repo.root))
    assert (code, err) == (1, "")
    assert raw_controls(out) == set()
    assert out.splitlines()[0] == (f"{SUBMISSION}:9:1: error: unknown key `{SHOWN}` [HCMLC-E011]")


def test_a_line_break_in_a_key_cannot_forge_a_second_problem(hcmlc, repo) -> None:
    forged = f"x\\n{SUBMISSION}:1:1: warning: ok"  # a message quotes 60 characters at most
    repo.write(SUBMISSION, GOOD + f'"{forged}": 1\n')
    code, out, _ = hcmlc("validate", "--root", str(repo.root))
    assert code == 1
    assert out.splitlines()[0] == (
        f"{SUBMISSION}:9:1: error: unknown key `x\\x0a{SUBMISSION}:1:1: warning: ok` [HCMLC-E011]"
    )
    assert len(out.splitlines()) == 3  # the problem, its hint, the summary


def test_escapes_and_markup_in_a_file_name(hcmlc, repo) -> None:
    name = "submissions/2023/so-gddt\x1b[2J[bold]x[/].yaml"
    repo.write(name, GOOD)
    code, out, err = hcmlc("validate", "--root", str(repo.root))
    assert (code, err) == (1, "")
    assert raw_controls(out) == set()
    assert out.startswith("submissions/2023/so-gddt\\x1b[2J[bold]x[/].yaml:1:9: error: ")


def test_escapes_and_markup_in_names_from_data_in_every_table(hcmlc, repo, tmp_path) -> None:
    registry = repo.root / "data/assignments.yaml"
    text = registry.read_text(encoding="utf-8")
    old = 'vi: "Sở Giáo dục và Đào tạo"'
    assert old in text
    registry.write_text(text.replace(old, 'vi: "Sở [/]\\e[2J\\u202eGD"', 1), "utf-8")
    # The ESC is refused by validate (HCMLC-E008): status says the data has an error, and
    # fill-form refuses data/ with errors; either shows the name, never obeys it.
    for args in (
        ("--lang", "vi", "status", "--as-of", "2023-09-05"),
        ("--lang", "vi", "status", "--agency", "so-gddt", "--as-of", "2023-09-05"),
        ("fill-form", "--out", str(tmp_path / "form.docx")),
    ):
        code, out, err = hcmlc(*args, "--root", str(repo.root))
        assert code == 1, args
        assert raw_controls(out + err) == set() and "\u202e" not in out + err, args
        if args[0] == "--lang":
            assert "Sở [/]\\x1b[2J\\u202eGD" in out


def test_an_error_message_quoting_input(hcmlc, repo) -> None:
    code, _, err = hcmlc("status", "--root", str(repo.root), "--agency", "so-\x1b[2Jgddt")
    assert code == 2
    assert raw_controls(err) == set() and "so-\\x1b[2Jgddt" in err
