"""Translations bound to the Vietnamese they translate: recorded, verified, stale by themselves;
the English form marks what is not verified and `--final` refuses it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_fill_form import fill, highlighted_runs

from hcmlc.signoffs.digest import text_digest

VERIFIER = "@hcmc-learning-city/so-ngoai-vu"
COORDINATORS = "@hcmc-learning-city/so-gddt-dieu-phoi"
SO_GDDT = """
agency: so-gddt
cycle: "2023"
answers:
  slogan:
    vi: Học tập suốt đời cho mọi người
    en: Lifelong learning for all
  goals:
    vi: Xây dựng xã hội học tập
"""
UNVERIFIED = "English not yet verified (Department of Education and Training)"
STALE = "English not current: the Vietnamese changed since it was translated (Department of Education and Training)"


@pytest.fixture(autouse=True)
def replayed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HCMLC_TODAY", "2023-07-01")


@pytest.fixture
def answered(repo):
    repo.write("submissions/2023/so-gddt.yaml", SO_GDDT)
    return repo


def review(hcmlc, root: Path, *args: str) -> tuple[int, str, str]:
    return hcmlc("review", *args, "--root", str(root))


def english(hcmlc, root: Path) -> dict[str, str]:
    out = hcmlc("status", "--root", str(root), "--format", "json")[1]
    document = json.loads(out)
    if "translations" not in document:
        return {}
    return {a["item"]: a["state"] for a in document["translations"]["answers"]}


def edit(root: Path, old: str, new: str) -> None:
    path = root / "submissions/2023/so-gddt.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def notes(hcmlc, root: Path) -> list[str]:
    code, _, _, path = fill(hcmlc, root, "--lang", "en")
    assert code == 0
    return [n.strip("[]") for n in highlighted_runs(path) if n.startswith("[English ")]


def test_translate_verify_edit_retranslate_verify(hcmlc, answered) -> None:
    root = answered.root
    assert english(hcmlc, root) == {}
    code, out, _ = review(hcmlc, root, "translated", "--agency", "so-gddt")
    assert (code, out) == (
        0,
        "recorded the English of 1 answer of so-gddt as translations of their Vietnamese in "
        f"signoffs/translations/2023.yaml, signed by {COORDINATORS}: slogan\n",
    )
    text = (root / "signoffs/translations/2023.yaml").read_text(encoding="utf-8")
    assert f'    source: "{text_digest("Học tập suốt đời cho mọi người")}"\n' in text
    assert f'    target: "{text_digest("Lifelong learning for all")}"\n' in text
    assert english(hcmlc, root) == {"slogan": "translated", "goals": "untranslated"}
    assert notes(hcmlc, root) == [UNVERIFIED]

    assert review(hcmlc, root, "verify", "--agency", "so-gddt", "slogan")[0] == 0
    assert english(hcmlc, root)["slogan"] == "verified"
    assert notes(hcmlc, root) == []

    edit(root, "cho mọi người", "cho mọi người dân")
    assert english(hcmlc, root)["slogan"] == "verified-stale"
    assert notes(hcmlc, root) == [
        "English no longer verified: the text changed since it was verified "
        "(Department of Education and Training)"
    ]
    code, out, _ = hcmlc("status", "--root", str(root))
    assert "verified, then changed  slogan    so-gddt\n" in out

    edit(root, "Lifelong learning for all", "Lifelong learning for every citizen")
    assert review(hcmlc, root, "translated", "--agency", "so-gddt", "slogan")[0] == 0
    assert english(hcmlc, root)["slogan"] == "translated"
    assert review(hcmlc, root, "verify", "--agency", "so-gddt", "slogan")[0] == 0
    assert english(hcmlc, root)["slogan"] == "verified"
    assert hcmlc("validate", "--root", str(root))[0] == 0


def test_an_english_text_never_recorded_is_stale(hcmlc, answered) -> None:
    answered.write("signoffs/translations/2023.yaml", 'cycle: "2023"\ntranslations: []\n')
    assert english(hcmlc, answered.root) == {"slogan": "stale", "goals": "untranslated"}
    assert notes(hcmlc, answered.root) == [STALE]


def test_final_refuses_until_every_english_answer_is_verified(hcmlc, answered) -> None:
    root = answered.root
    code, _, err, path = fill(hcmlc, root, "--lang", "en", "--final")
    assert code == 1
    assert err.splitlines() == [
        "error: the English form is not final: 2 not verified as it stands: "
        "so-gddt/slogan (stale), so-gddt/goals (untranslated)",
        "hint: translate (`hcmlc review translated`) and have the verifier verify "
        "(`hcmlc review verify`) each; `hcmlc status` lists them",
    ]
    assert not path.exists()
    edit(
        root,
        "    vi: Xây dựng xã hội học tập\n",
        "    vi: Xây dựng xã hội học tập\n    en: Build a learning society\n",
    )
    review(hcmlc, root, "translated", "--agency", "so-gddt")
    review(hcmlc, root, "verify", "--agency", "so-gddt")
    code, _, err, path = fill(hcmlc, root, "--lang", "en", "--final")
    assert (code, err) == (0, "")
    assert path.exists()
    code, _, err, _ = fill(hcmlc, root, "--final")
    assert (code, err.splitlines()[0]) == (
        2,
        "error: --final is for the English form: the translation must be verified",
    )


def test_only_the_verifier_verifies(hcmlc, answered) -> None:
    review(hcmlc, answered.root, "translated", "--agency", "so-gddt")
    code, _, err = review(
        hcmlc, answered.root, "verify", "--agency", "so-gddt", "--by", COORDINATORS
    )
    assert code == 2
    assert err.splitlines()[0] == (
        f"error: `{COORDINATORS}` is not the translation verifier, the role that verifies "
        "translations (.github/CODEOWNERS)"
    )
    path = answered.root / "signoffs/translations/2023.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('verdict: "translated"', 'verdict: "verified"'),
        encoding="utf-8",
    )
    code, out, _ = hcmlc("validate", "--root", str(answered.root), "--format", "json")
    [problem] = json.loads(out)["problems"]
    assert (problem["path"], problem["line"], problem["code"]) == (
        "signoffs/translations/2023.yaml",
        13,
        "HCMLC-E102",
    )
    assert problem["message"] == (
        f"`{COORDINATORS}` verified a translation but is not the translation verifier, the role "
        "that verifies translations (no line for /signoffs/translations/ in .github/CODEOWNERS: "
        "run `hcmlc codeowners`)"
    )


def test_answers_without_english_cannot_be_recorded(hcmlc, answered) -> None:
    code, _, err = review(hcmlc, answered.root, "translated", "--agency", "so-gddt", "goals")
    assert (code, err.splitlines()[0]) == (2, "error: so-gddt's answer `goals` has no English yet")
