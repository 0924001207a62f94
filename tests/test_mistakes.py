"""The hundred mistakes (tests/mistakes/cases.py): each is reported at the mistake, once, with
the message and the hint `expected.py` holds, in English and in Vietnamese."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mistakes.cases import CASES, Mistake
from mistakes.expected import EXPECTED
from mistakes.run import found

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("mistakes")
    shutil.copytree(PROJECT / "data", folder / "data")
    return folder


def test_every_case_has_its_expectation() -> None:
    assert [case.name for case in CASES] == list(EXPECTED)
    assert sum(bool(rows) for rows in EXPECTED.values()) >= 100  # a hundred real mistakes


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_each_mistake_is_located_and_fixed_in_both_languages(root: Path, case: Mistake) -> None:
    english, vietnamese = found(root, case, "en"), found(root, case, "vi")
    got = [(*en, vi[4], vi[5]) for en, vi in zip(english, vietnamese, strict=True)]
    assert [en[:4] for en in english] == [vi[:4] for vi in vietnamese]  # same place, both
    assert got == [tuple(row) for row in EXPECTED[case.name]]
