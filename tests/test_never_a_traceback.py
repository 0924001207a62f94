"""Whatever a submission file holds, validation yields located problems, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hcmlc.checks.schema_errors import validate
from hcmlc.checks.submission import SubmissionFile, check_submissions
from hcmlc.core.catalog import Catalog
from hcmlc.models.submission import Submission
from hcmlc.repository.load import load
from hcmlc.yamlfiles.reader import parse_yaml

pytestmark = pytest.mark.usefixtures("frozen_heap")  # see tests/conftest.py
PROJECT = Path(__file__).resolve().parents[1]
CATALOG: Catalog = load(PROJECT).require_catalog()
SEED = (PROJECT / "submissions/2023/so-gddt.yaml").read_text(encoding="utf-8")
PATH = "submissions/2023/so-gddt.yaml"

TOKENS = [
    *"abcđ ơ\n\t:-[]{}&*!|>'\"#%@`,.0123456789~?<=",
    "  ",
    "\r\n",
    "no",
    "yes",
    "08",
    "\ufeff",
]
YAMLISH = st.lists(st.sampled_from(TOKENS), max_size=120).map("".join)


def check_text(text: str) -> None:
    doc = parse_yaml(text, PATH)
    problems = list(doc.problems)
    if isinstance(doc.data, dict):
        model, schema_problems = validate(Submission, doc.data, doc)
        problems += schema_problems
        problems += check_submissions(CATALOG, [SubmissionFile(doc, model)], PROJECT)[0]
    for p in problems:
        assert p.path == PATH and p.line >= 1 and p.column >= 1 and p.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAMLISH)
def test_arbitrary_text(text: str) -> None:
    check_text(text)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(SEED) - 1), st.integers(0, 40), YAMLISH)
def test_mutated_submission(start: int, length: int, insert: str) -> None:
    check_text(SEED[:start] + insert + SEED[start + length :])
