"""Fuzzing every reader and command: whatever the input, only located problems come out.

11,667 cases here and 120 of returned workbooks in tests/test_fuzz_workbooks.py (the sum of the
`fuzz(N)` bounds, each set by what a case costs, so that the suite stays fast; tests/conftest.py
counts the cases run): arbitrary bytes, bytes and text of real
files mutated, arbitrary YAML structures through the models and every rule, YAML nested
far deeper than any reader should follow, photo and evidence paths holding NUL, control
characters, `..` and the like, file names that are not UTF-8 and FIFOs among the
submissions, mutated data/ files (targets through the assessment too, documents through the
letterhead), mutated reports/ files, the commands themselves run on mutated submissions,
and hostile texts (control characters, non-characters, line breaks, encoded words, markup,
formulas) in every text field through every writer (issue 24). Derandomized, so CI is steady;
set HCMLC_FUZZ_SCALE=10 for a longer, random hunt.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from hcmlc.checks.data import check_data, check_targets
from hcmlc.checks.schema_errors import validate
from hcmlc.checks.submission import SubmissionFile, check_submissions
from hcmlc.cli.app import app
from hcmlc.core.catalog import Catalog
from hcmlc.core.progress import Status, assess, city_series
from hcmlc.diagnostics import CODES, Diagnostic
from hcmlc.models.framework import Framework
from hcmlc.models.registry import Assignments
from hcmlc.models.submission import Submission
from hcmlc.models.targets import Targets
from hcmlc.repository.load import load
from hcmlc.yamlfiles.reader import Document, parse_bytes, parse_yaml, read_yaml
from trees import trees

PROJECT = Path(__file__).resolve().parents[1]
BUNDLED = load(PROJECT)
CATALOG: Catalog = BUNDLED.require_catalog()
SERIES = city_series(CATALOG, BUNDLED.submissions, BUNDLED.supplied)
PATH = "submissions/2023/so-gddt.yaml"
SEEDS = sorted((PROJECT / "submissions").rglob("*.yaml"))
SEED_BYTES = [p.read_bytes() for p in SEEDS]
SEED_TEXT = 'agency: so-gddt\ncycle: "2023"\n'
# a framework file of the city's own, with its agencies: HCMC's before `hcmlc migrate`
CRITERIA = (PROJECT / "tests/fixtures/hcmc-before-migration/criteria.yaml").read_bytes()
ASSIGNMENTS = (PROJECT / "data/assignments.yaml").read_bytes()
TARGETS = (PROJECT / "data/targets.yaml").read_bytes()
DOCUMENTS = (PROJECT / "data/documents.yaml").read_bytes()
NARRATIVE = (PROJECT / "reports/2025.yaml").read_bytes()

pytestmark = pytest.mark.usefixtures("frozen_heap")  # see tests/conftest.py
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's: the same data, sooner
SCALE = int(os.environ.get("HCMLC_FUZZ_SCALE", "1"))
RANDOM = SCALE > 1


def fuzz(examples: int) -> Callable[[Any], Any]:
    """At most `examples` cases (× HCMLC_FUZZ_SCALE); each case run is counted in the test's
    `fuzz_cases`, which tests/conftest.py adds up and prints at the end of the run."""
    bound = settings(
        max_examples=examples * SCALE,
        deadline=None,
        derandomize=not RANDOM,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )

    def counted(test: Any) -> Any:
        inner = test.hypothesis.inner_test

        @functools.wraps(inner)
        def case(*args: Any, **kwargs: Any) -> None:
            test.fuzz_cases += 1
            inner(*args, **kwargs)

        test.fuzz_cases = 0
        test.hypothesis.inner_test = case
        return bound(test)

    return counted


LINE_BREAKS = [b"\n", b"\r", "\x85".encode(), "\u2028".encode(), "\u2029".encode()]


def located(problems: list[Diagnostic], path: str, source: str | bytes) -> None:
    """Every problem names the file, a real line and column, a known code and a message."""
    raw = source.encode(errors="replace") if isinstance(source, str) else source
    lines = sum(raw.count(mark) for mark in LINE_BREAKS) + 2
    for p in problems:
        assert p.path == path and p.code in CODES and p.message, p
        assert 1 <= p.line <= lines and p.column >= 1, p


def check_document(doc: Document, source: str | bytes) -> None:
    """The model and every rule of one submission, as validate runs them."""
    problems = list(doc.problems)
    if isinstance(doc.data, dict):
        model, schema_problems = validate(Submission, doc.data, doc)
        problems += schema_problems
        problems += check_submissions(CATALOG, [SubmissionFile(doc, model)], PROJECT)[0]
    located(problems, doc.path, source)


# --- bytes -----------------------------------------------------------------------------------

BYTE_TOKENS = [
    b"\x00",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xef\xbb\xbf",
    b"\xd2",
    b"\xc3",
    b"\r",
    b"\n",
    b"\t",
    b": ",
    b"- ",
    b"&a ",
    b"*a",
    b"!!python/object:os.system ",
    b"%YAML 1.1\n",
    b"---\n",
    b"...\n",
    "Sở".encode(),
    "ờ".encode(),
]


# Strategies are built once, here, not in each draw: building one (and hypothesis's check of
# it) costs more than drawing from it.
SEED_CHOICE = st.sampled_from(SEED_BYTES)
EDIT_COUNT = st.integers(1, 4)
CUT_LENGTH = st.integers(0, 30)
INSERT = st.one_of(st.binary(max_size=8), st.sampled_from(BYTE_TOKENS))


@st.composite
def mutated_bytes(draw: st.DrawFn) -> bytes:
    seed = draw(SEED_CHOICE)
    for _ in range(draw(EDIT_COUNT)):
        start = draw(st.integers(0, len(seed)))
        length = draw(CUT_LENGTH)
        insert = draw(INSERT)
        seed = seed[:start] + insert + seed[start + length :]
    return seed


@fuzz(6000)
@given(st.binary(max_size=300))
def test_arbitrary_bytes(raw: bytes) -> None:
    located(parse_bytes(raw, PATH).problems, PATH, raw)


@fuzz(1500)
@given(mutated_bytes())
def test_mutated_bytes_of_real_submissions(raw: bytes) -> None:
    check_document(parse_bytes(raw, PATH), raw)


# --- text and structures ---------------------------------------------------------------------

SCALARS = st.one_of(
    st.none(),
    st.sampled_from(["có", "không", "98.9", "80%", "2022", "1.1.1.a", "so-gddt", "", "no"]),
    st.text(max_size=20),
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
KEYS = st.sampled_from(
    [
        "agency",
        "cycle",
        "indicators",
        "answers",
        "value",
        "unit",
        "year",
        "source",
        "evidence",
        "vi",
        "en",
        "choice",
        "path",
        "caption",
        "1.1.1.a",
        "2.6.2.a",
        "slogan",
        "photos",
        "city-info",
        "population",
        "mayor-quote",
    ]
) | st.text(max_size=8)
TREES = trees(SCALARS, KEYS, max_leaves=25, items=(0, 4), entries=(0, 5))  # see tests/trees.py
# The value under one indicator or answer of a submission-shaped tree: smaller, since a tree
# holds several, and generating them is most of a case's cost (the rules see any shape either
# way: a scalar, a list, a mapping with the right or wrong keys, nested a few levels).
VALUES = trees(SCALARS, KEYS, max_leaves=8, items=(0, 3), entries=(0, 4))


AGENCIES = st.sampled_from(["so-gddt", "so-tttt", "quan-1", "nobody", "SO GDDT"])
CYCLES = st.sampled_from(["2023", "2024", "1999"])
INDICATORS = st.dictionaries(st.sampled_from(sorted(CATALOG.indicators)), VALUES, max_size=6)
ANSWERS = st.dictionaries(st.sampled_from(sorted(CATALOG.questions)), VALUES, max_size=4)
OTHER_KEYS = st.dictionaries(KEYS, VALUES, max_size=2)


@st.composite
def submissions(draw: st.DrawFn) -> dict[str, Any]:
    """A submission-shaped tree: mostly the right keys, anything underneath."""
    tree: dict[str, Any] = {"agency": draw(AGENCIES), "cycle": draw(CYCLES)}
    indicators = draw(INDICATORS)
    answers = draw(ANSWERS)
    tree.update(draw(OTHER_KEYS))
    tree["indicators"], tree["answers"] = indicators, answers
    return tree


@fuzz(250)
@given(submissions())
def test_arbitrary_structures_through_every_rule(tree: dict[str, Any]) -> None:
    text = yaml.dump(tree, Dumper=DUMPER, allow_unicode=True, sort_keys=False)
    check_document(parse_yaml(text, PATH), text)


@fuzz(400)
@given(TREES)
def test_arbitrary_yaml_documents(tree: Any) -> None:
    text = yaml.dump(tree, Dumper=DUMPER, allow_unicode=True, default_flow_style=None)
    check_document(parse_yaml(text, PATH), text)


# --- nesting, paths and names -----------------------------------------------------------------

OPENERS = st.sampled_from(["[", "{a: ", "- ", "k: ", "? "])
PATTERNS = st.lists(st.sampled_from(["[", "{a: ", "k:", "- k:", "-"]), min_size=1, max_size=6)
FLOW_DEPTHS, BLOCK_DEPTHS = st.integers(1, 1200), st.integers(1, 300)
INNERMOST = st.sampled_from(["", "x", "1"])


@st.composite
def deep_nesting(draw: st.DrawFn) -> str:
    """A real submission with a value nested up to 1,200 levels in flow style, or 300 in block
    style (past libyaml's limit, and far past hcmlc's), with a pattern of mappings and lists."""
    pattern = draw(PATTERNS)
    if draw(st.booleans()):  # flow: [[{a: [ … ]}]]
        opened = [o if o in ("[", "{a: ") else "[" for o in pattern]
        depth = draw(FLOW_DEPTHS)
        levels = [opened[k % len(opened)] for k in range(depth)]
        closing = "".join("]" if o == "[" else "}" for o in reversed(levels))
        value = "".join(levels) + draw(INNERMOST) + closing
        return SEED_TEXT + "prepared_by: " + value + "\n"
    block = [o if o in ("k:", "- k:", "-") else "k:" for o in pattern]
    depth = draw(BLOCK_DEPTHS)
    lines = ["prepared_by:"]
    lines += ["  " * (k + 1) + block[k % len(block)] for k in range(depth)]
    return SEED_TEXT + "\n".join(lines) + " x\n"


@fuzz(200)
@given(deep_nesting())
def test_deep_nesting(text: str) -> None:
    check_document(parse_yaml(text, PATH), text)


PATH_CHARACTERS = st.sampled_from(
    [
        "\x00",
        "\x1b",
        "\n",
        "\r",
        "\t",
        "\x85",
        "\u2028",
        "\u202e",
        "/",
        "\\",
        ".",
        "..",
        ":",
        "~",
        " ",
        "%",
        "photos",
        "2023",
        "thu-vien.jpg",
        "https://",
        "C:",
        "?",
        "*",
        "ờ",
    ]
)
HOSTILE_PATHS = st.one_of(
    st.lists(PATH_CHARACTERS, max_size=12).map("".join),
    st.text(max_size=30),
    st.sampled_from(
        [
            "/etc/passwd",
            "../../x",
            "photos/2023/../../../etc",
            "photos\\2023\\thu-vien.jpg",
            "photos/2023/thu-vien.jpg\x00.png",
            "https://example.org/a.jpg",
            "//server/share",
            "photos/2023/" + "a" * 300,
            "\\\\?\\C:\\x",
            "photos/2023/",
            ".",
            "",
        ]
    ),
)


@fuzz(400)
@given(st.lists(HOSTILE_PATHS, min_size=1, max_size=4), HOSTILE_PATHS)
def test_hostile_photo_and_evidence_paths(photos: list[str], evidence: str) -> None:
    """Paths with NUL, controls, `..`, drives and the like reach no system call unchecked."""
    tree = {
        "agency": "so-tttt",
        "cycle": "2023",
        "indicators": {"2.4.2.b": {"value": "50", "year": "2023", "evidence": evidence}},
        "answers": {
            "photos": [{"path": p, "caption": {"vi": "Ảnh"}, "copyright": "Sở"} for p in photos]
        },
    }
    text = yaml.dump(tree, Dumper=DUMPER, allow_unicode=True, sort_keys=False)
    check_document(parse_yaml(text, PATH), text)


NAME_BYTES = st.binary(min_size=1, max_size=12).filter(lambda b: b"/" not in b and b"\0" not in b)
FUZZ_ROOT = Path(tempfile.mkdtemp(prefix="hcmlc-fuzz-names-"))
atexit.register(shutil.rmtree, FUZZ_ROOT, ignore_errors=True)
for _folder in ("data", "templates"):
    shutil.copytree(PROJECT / _folder, FUZZ_ROOT / _folder)


@fuzz(30)
@given(st.lists(st.tuples(NAME_BYTES, st.sampled_from(["file", "fifo", "folder"])), max_size=4))
def test_file_names_that_are_not_utf8_and_special_files(names: list[tuple[bytes, str]]) -> None:
    """Whatever the submissions are called and whatever they are, every problem names its file
    in text that can be printed, located."""
    folder = FUZZ_ROOT / "submissions/2023"
    shutil.rmtree(FUZZ_ROOT / "submissions", ignore_errors=True)
    folder.mkdir(parents=True)
    for raw, kind in names:
        path = folder / os.fsdecode(raw + b".yaml")
        if path.exists():
            continue
        if kind == "fifo" and hasattr(os, "mkfifo"):
            os.mkfifo(path)
        elif kind == "folder":
            path.mkdir()
        else:
            path.write_bytes(SEED_BYTES[0])
    repository = load(FUZZ_ROOT)
    for problem in repository.problems:
        problem.path.encode("utf-8")  # printable: no surrogate from a name left in it
        assert problem.code in CODES and problem.line >= 1 and problem.message, problem


# --- data files ------------------------------------------------------------------------------


def edits(inserts: st.SearchStrategy[bytes]) -> st.SearchStrategy[tuple[int, int, bytes]]:
    """Where to cut into a file, how much, and what to put there."""
    return st.tuples(st.integers(0, 10**6), st.integers(0, 40), inserts)


TOKEN_EDITS = edits(st.one_of(st.binary(max_size=10), st.sampled_from(BYTE_TOKENS)))


def spliced(seed: bytes, edit: tuple[int, int, bytes]) -> bytes:
    at, length, insert = edit
    at %= len(seed)
    return seed[:at] + insert + seed[at + length :]


def modelled(raw: bytes, path: str, model: type[Any]) -> tuple[Document, Any, list[Diagnostic]]:
    """The file's document, its model (None unless the schema holds) and its problems so far."""
    doc = parse_bytes(raw, path)
    problems = list(doc.problems)
    instance = None
    if isinstance(doc.data, dict):
        instance, found = validate(model, doc.data, doc)
        problems += found
    return doc, instance, problems


@functools.cache
def unmutated(criteria: bool) -> Document:
    """The other file of the pair, as bundled: read once, not in each case (a quarter of a
    case's work; the checks only read it)."""
    return parse_bytes(ASSIGNMENTS if criteria else CRITERIA, "other.yaml")


@fuzz(150)
@given(st.booleans(), edits(st.binary(max_size=10)))
def test_mutated_data_files(criteria: bool, edit: tuple[int, int, bytes]) -> None:
    raw = spliced(CRITERIA if criteria else ASSIGNMENTS, edit)
    path = "data/criteria.yaml" if criteria else "data/assignments.yaml"
    doc, model, problems = modelled(raw, path, Framework if criteria else Assignments)
    if model is not None:
        framework = model if isinstance(model, Framework) else CATALOG.framework
        registry = model if isinstance(model, Assignments) else CATALOG.assignments
        ok = unmutated(criteria)
        docs = (doc, ok) if criteria else (ok, doc)
        problems += [p for p in check_data(Catalog(framework, registry), *docs) if p.path == path]
    located(problems, path, raw)


@fuzz(1500)
@given(TOKEN_EDITS)
def test_mutated_targets_and_the_assessment(edit: tuple[int, int, bytes]) -> None:
    """A broken targets file gives located problems; a sound one, an assessment of every
    criterion."""
    raw = spliced(TARGETS, edit)
    path = "data/targets.yaml"
    doc, model, problems = modelled(raw, path, Targets)
    if model is not None:
        problems += check_targets(CATALOG, doc, model)
        if not problems:
            criteria = assess(CATALOG, SERIES, model.targets, 2025)
            assert len(criteria) == 47 and all(c.status in Status for c in criteria)
    located(problems, path, raw)


@fuzz(600)
@given(TOKEN_EDITS)
def test_mutated_documents_and_the_letterhead(edit: tuple[int, int, bytes]) -> None:
    """A broken data/documents.yaml gives located problems; a sound one, every part of the
    documents in both languages."""
    from hcmlc.documents.official import heading, signature
    from hcmlc.models.documents import Documents

    raw = spliced(DOCUMENTS, edit)
    path = "data/documents.yaml"
    _doc, model, problems = modelled(raw, path, Documents)
    if model is not None:
        for lang in ("vi", "en"):
            for kind in (model.report, model.reminder):
                head = heading(
                    model,
                    kind,
                    lang,
                    kind="x",
                    subject="y",
                    to=["z"],
                    number=None,
                    day=None,
                    year=2025,
                )
                assert head.number.endswith(kind.symbol)
                assert signature(model, kind, lang, addressed=True).recipients
    located(problems, path, raw)


@fuzz(600)
@given(TOKEN_EDITS)
def test_mutated_report_words(edit: tuple[int, int, bytes]) -> None:
    """A broken reports/<year>.yaml gives located problems; a sound one, paragraphs."""
    from hcmlc.checks.narrative import check_narrative
    from hcmlc.models.narrative import Narrative
    from hcmlc.text.paragraphs import joined_paragraphs as paragraphs

    raw = spliced(NARRATIVE, edit)
    path = "reports/2025.yaml"
    doc, model, problems = modelled(raw, path, Narrative)
    if model is not None:
        problems += check_narrative(CATALOG, doc, model)
        for text in model.analysis.values():
            assert all(p.strip() for p in paragraphs(text.vi))
    located(problems, path, raw)


# --- the commands ----------------------------------------------------------------------------

RUNNER = CliRunner()


COMMANDS_ROOT = Path(tempfile.mkdtemp(prefix="hcmlc-fuzz-commands-"))
atexit.register(shutil.rmtree, COMMANDS_ROOT, ignore_errors=True)
COMMANDS = [
    ["validate", "--format", "json"],
    ["validate"],
    ["status", "--as-of", "2023-09-05"],
    ["status", "--agency", "so-gddt", "--format", "json"],
    ["fill-form", "--out", str(COMMANDS_ROOT / "form.docx")],
]
for _folder in ("data", "templates", "photos"):
    shutil.copytree(PROJECT / _folder, COMMANDS_ROOT / _folder)
(COMMANDS_ROOT / "submissions/2023").mkdir(parents=True)


@fuzz(25)
@given(mutated_bytes(), st.sampled_from(COMMANDS))
def test_commands_on_mutated_submissions(raw: bytes, args: list[str]) -> None:
    """Each case runs one command (a command costs a whole repository's loading, ten times a
    case of the readers above), with no cache, on the bundled data and one mutated submission."""
    root = COMMANDS_ROOT
    (root / PATH).write_bytes(raw)
    with tempfile.TemporaryDirectory() as cache:
        result = RUNNER.invoke(app, [*args, "--root", str(root)], env={"XDG_CACHE_HOME": cache})
    assert result.exit_code in (0, 1), (args, result.stderr)
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    read_yaml(root / PATH, PATH)


# --- hostile texts through every writer (issue 24) -------------------------------------------

WRITERS_ROOT = Path(tempfile.mkdtemp(prefix="hcmlc-fuzz-writers-"))
atexit.register(shutil.rmtree, WRITERS_ROOT, ignore_errors=True)
for _folder in ("data", "templates", "photos", "submissions", "reports"):
    shutil.copytree(PROJECT / _folder, WRITERS_ROOT / _folder)
WRITER_FILES = {
    relative: (WRITERS_ROOT / relative).read_bytes()
    for relative in (
        "submissions/2025/so-gddt.yaml",
        "submissions/2023/so-gddt.yaml",
        "data/assignments.yaml",
    )
}
# Every hostile text goes into so-gddt's files or so-gddt's entry of the registry (TEXT_FIELDS),
# and only so-gddt's letter and workbook show them: the letters and workbooks of remind's docx
# and md are written for so-gddt alone (the city's 181 letters and the wards' workbooks cost
# about 2 s of CPU a case; so-gddt's, the same code path, 0.3 s). The e-mail drafts, only those of
# the agencies with a focal point, are written for the whole city: each is checked for its
# recipients. `workbook --all` builds the 2023 cycle's 41 workbooks (the path that goes on
# when one agency's workbook cannot be built).
REMIND = ["remind", "--as-of", "2025-12-20"]
WRITERS = [
    ["validate"],
    ["workbook", "--agency", "so-gddt", "--out", str(WRITERS_ROOT / "out/w.xlsx")],
    ["workbook", "--all", "--cycle", "2023", "--out", str(WRITERS_ROOT / "out/workbooks")],
    [*REMIND, "--format", "eml", "--out", str(WRITERS_ROOT / "out/e")],
    [*REMIND, "--format", "docx", "--agency", "so-gddt", "--out", str(WRITERS_ROOT / "out/d")],
    [*REMIND, "--format", "md", "--agency", "so-gddt", "--out", str(WRITERS_ROOT / "out/m")],
    ["fill-form", "--cycle", "2023", "--out", str(WRITERS_ROOT / "out/form.docx")],
    ["status", "--agency", "so-gddt", "--as-of", "2025-12-20"],
]
HOSTILE_CHARACTERS = [
    *(chr(c) for c in range(0x20) if c not in (0x09, 0x0A)),
    *(chr(c) for c in range(0x7F, 0xA0)),
    "\n",
    "\t",
    "\ufffe",
    "\uffff",
    "\ufdd0",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u200b",
    "\u00a0",
    "&",
    "<",
    ">",
    "=?utf-8?q?Hoa_<spy@evil.example>,?=",
    "Bcc: spy@evil.example",
    "{{ x }}",
    "=1+1",
    "::error file=x::forged",
]
TEXT_FIELDS = [
    ("submissions/2025/so-gddt.yaml", ("prepared_by",)),
    ("submissions/2025/so-gddt.yaml", ("indicators", "1.1.1.a", "note")),
    ("submissions/2025/so-gddt.yaml", ("indicators", "1.1.1.a", "source")),
    ("submissions/2023/so-gddt.yaml", ("prepared_by",)),
    ("submissions/2023/so-gddt.yaml", ("answers", "slogan", "vi")),
    ("submissions/2023/so-gddt.yaml", ("indicators", "1.1.1.a", "note")),
    ("data/assignments.yaml", ("focal_point", "name")),
    ("data/assignments.yaml", ("name", "vi")),
]


def _with_text(relative: str, where: tuple[str, ...], text: str) -> bytes:
    """The bundled file with `text` in the field `where`, written as a YAML double-quoted
    escape (the only way a control character gets into YAML); the registry's so-gddt."""
    raw = WRITER_FILES[relative]
    quoted = yaml.dump(text, Dumper=DUMPER, default_style='"', width=1_000_000).strip()
    quoted = quoted.removesuffix("\n...").strip()
    if relative == "data/assignments.yaml":
        old = '"Lê Thị Hoa"' if where[0] == "focal_point" else 'vi: "Sở Giáo dục và Đào tạo"'
        new = quoted if where[0] == "focal_point" else f"vi: {quoted}"
        assert old.encode() in raw
        return raw.replace(old.encode(), new.encode(), 1)
    data = yaml.load(raw, Loader=LOADER)
    node = data
    for key in where[:-1]:
        node = node.setdefault(key, {})
    node[where[-1]] = text
    return yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False).encode("utf-8")


@fuzz(12)
@given(
    st.lists(st.sampled_from(HOSTILE_CHARACTERS), min_size=1, max_size=6).map("Hoa ".join),
    st.sampled_from(TEXT_FIELDS),
    st.sampled_from(WRITERS),
)
def test_hostile_texts_through_every_writer(
    text: str, field: tuple[str, tuple[str, ...]], args: list[str]
) -> None:
    """A control character, a non-character, a line break, an encoded word, markup or a
    formula in any text field, through a writer: refused or written, never exit 3 (one case
    costs a command on the whole bundled repository, so the default run is short; the long
    hunt, HCMLC_FUZZ_SCALE=10, tries ten times as many)."""
    relative, where = field
    for name, raw in WRITER_FILES.items():
        (WRITERS_ROOT / name).write_bytes(raw)
    (WRITERS_ROOT / relative).write_bytes(_with_text(relative, where, text))
    shutil.rmtree(WRITERS_ROOT / "out", ignore_errors=True)
    with tempfile.TemporaryDirectory() as cache:
        result = RUNNER.invoke(
            app, [*args, "--root", str(WRITERS_ROOT)], env={"XDG_CACHE_HOME": cache}
        )
    assert result.exit_code in (0, 1), (args, text, relative, where, result.stderr)
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    for draft in (WRITERS_ROOT / "out/e").glob("*.eml"):
        import email
        import email.policy

        message = email.message_from_bytes(draft.read_bytes(), policy=email.policy.default)
        assert len(message["To"].addresses) == 1, (text, draft)
