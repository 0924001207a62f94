"""The fast reader of plain YAML (yamlfiles/plain_reader.py) reads exactly what PyYAML reads.

Every document is read both ways, through `parse_yaml` (the fast reader first) and through
`parse_full` (PyYAML alone): the data (values, types, key order), the problems, the warnings
and the place of every value and key must be identical; `plain_data` (the quick read of a
file's past versions) must read as PyYAML's loader. The documents: every YAML file of the
project, the files of the hundred mistakes, every text written in the test modules (the
hostile cases among them), and hypothesis's documents, both PyYAML's block dumps and lines
written as people write them, with the slips they make (tabs, CR, ` #`, duplicate keys,
shifted indents, quotes, blocks, null words, anchors, flow style).
"""

from __future__ import annotations

import ast
import functools
import os
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hcmlc.yamlfiles.plain_reader import read_plain
from hcmlc.yamlfiles.reader import Document, Loader, parse_full, parse_yaml, plain_data
from mistakes.cases import CASES
from trees import trees

pytestmark = pytest.mark.usefixtures("frozen_heap")  # see tests/conftest.py
PROJECT = Path(__file__).resolve().parents[1]
PATH = "submissions/2023/so-gddt.yaml"


def same(text: str) -> bool:
    """Assert both ways read `text` alike; whether the fast reader took it (not unsure)."""
    fast = parse_yaml(text, PATH)
    full = parse_full(unicodedata.normalize("NFC", text), PATH)
    assert repr(fast.data) == repr(full.data)
    assert fast.problems == full.problems
    assert fast.warnings == full.warnings
    for loc in _places(full.data):
        assert fast.at(loc) == full.at(loc), loc
        assert fast.at(loc, key=True) == full.at(loc, key=True), loc
    taken = read_plain(unicodedata.normalize("NFC", text)) is not None
    _same_plain_data(text)
    return taken


def _same_plain_data(text: str) -> None:
    """`plain_data` (the history's quick read, without NFC) reads as PyYAML's loader does."""
    raw = text.encode("utf-8", errors="surrogatepass")
    try:
        expected = yaml.load(raw.decode("utf-8-sig"), Loader=Loader)
    except (yaml.YAMLError, RecursionError, UnicodeDecodeError):
        expected = None
    if "&" in text:  # an anchor: plain_data goes the guarded way, which refuses aliases
        return
    assert repr(plain_data(raw)) == repr(expected)


def _places(data: Any, loc: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [loc]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _places(value, (*loc, index))
    return found


@functools.cache
def _project_yaml() -> list[Path]:
    """Every YAML file of the project, not looking into the virtual environment, git's own
    folder or node's packages (a walk through them costs more than the rest)."""
    skip = {".venv", ".git", "node_modules"}
    found = []
    for folder, folders, files in os.walk(PROJECT):
        folders[:] = [name for name in folders if name not in skip]
        found += [Path(folder, name) for name in files if name.endswith((".yaml", ".yml"))]
    return sorted(found)


def _texts_of_tests() -> list[str]:
    """Every text constant of the test modules holding a line of YAML (`key:` or `- `)."""
    found: set[str] = set()
    for module in sorted((PROJECT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str | bytes):
                value = node.value
                if isinstance(value, bytes):
                    value = value.decode("utf-8", errors="replace")
                if ":" in value or "- " in value:
                    found.add(value)
    return sorted(found)


def test_every_yaml_file_of_the_project_reads_alike() -> None:
    paths = _project_yaml()
    taken = [path for path in paths if same(path.read_bytes().decode("utf-8-sig"))]
    assert len(paths) > 40
    # every bundled submission without flow style (`{vi: …, en: …}`) is read the fast way
    submissions = [p for p in paths if p.relative_to(PROJECT).parts[0] == "submissions"]
    plain = [p for p in submissions if ": {" not in p.read_text(encoding="utf-8")]
    assert len(plain) >= 5 and set(plain) <= set(taken)


def test_the_hundred_mistakes_read_alike() -> None:
    texts = [
        raw.decode("utf-8-sig")
        for case in CASES
        for raw in case.files.values()
        if _utf8(raw) and raw[:2] not in (b"\xff\xfe", b"\xfe\xff")
    ]
    taken = [text for text in texts if same(text)]
    assert len(texts) > 100 and len(taken) > 50


def test_every_text_of_the_test_modules_reads_alike() -> None:
    texts = _texts_of_tests()
    taken = [text for text in texts if same(text)]
    assert len(texts) > 1000 and len(taken) > 200


def _utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("a: 1\nb: yes\nc: 08\nd: 1e3\ne: .5\nf: 2024-01-01\n", None),
        ("a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: 'null'\ng: \"~\"\n", None),
        ("a: 12  # ước tính\nb: Sở VH&TT\nc: R & D\n", None),
        ("a:\n- x\n- y: 1\n  z: 2\n-\nb: c\n", None),
        ("a: |\n  một\n\n  hai\n\nb: |-\n  ba\nc: |\n  bốn", None),
        ("a: |\n\n  sau dòng trống\n", None),
        ("a: >-\n  gấp\n  dòng\n\n  đoạn\n\n\n  ba\nb: >\n  x\n\nc: >\n  cuối", None),
        ("a: |\nb: x\n", None),
        ('# chỉ chú thích\nagency: so-gddt\n\n\n  # lùi vào\ncycle: "2023"\n', None),
    ],
)
def test_plain_documents_are_read_fast_and_alike(text: str, data: object) -> None:
    assert same(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate: E004, located
        "a: x #y\n",  # a text cut by ` #`: W007
        "a: [1, 2]\n",
        "a: {b: c}\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: >\n  gấp\n    thụt\n  dòng\n",
        "a: |+\n  giữ\n\n",
        "a: |2\n   thụt\n",
        'a: "C:\\\\Users"\n',
        "a: 'it''s'\n",
        'a: "mở\n  tiếp"\n',
        "a: một\n  dòng tiếp\n",
        "a:\tb\n",
        "a: b\r\nc: d\r\n",
        "\ufeffa: b\n",
        "a: b\u2028c: d\n",
        "---\na: b\n",
        "a: b\n...\n",
        "%YAML 1.1\n---\na: b\n",
        "a: b: c\n",
        "a: b:\n",
        "? a\n: b\n",
        '"a": b\n',
        "null: b\n",
        "a:\n  b: 1\n c: 2\n",
        "a: |\n  x\n   \n  y\n",
        "- a\n- b\n",
        "a\n",
        "",
        "# chỉ chú thích\n",
    ],
)
def test_anything_else_goes_to_the_full_parser(text: str) -> None:
    assert not same(text)


# --- hypothesis ------------------------------------------------------------------------------

SCALE = int(os.environ.get("HCMLC_FUZZ_SCALE", "1"))


def cases(examples: int) -> Any:
    """At most `examples` cases (× HCMLC_FUZZ_SCALE, as tests/test_fuzz.py); derandomized."""
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        derandomize=SCALE == 1,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


WORDS = [
    "có",
    "không",
    "yes",
    "no",
    "on",
    "off",
    "~",
    "null",
    "Null",
    "NULL",
    "08",
    "0o17",
    "1e3",
    ".5",
    "1_000",
    "9.389.720",
    "3,5",
    "2024-01-01",
    "12:30",
    "Sở VH&TT",
    "R & D",
    "a#b",
    "x # chú thích",
    "x #cắt",
    "http://a.vn/b?c=d",
    "Hồ Chí Minh",
    "-1",
    "- a",
    "a: b",
    "a:",
    "[1, 2]",
    "{a: b}",
    "&x 1",
    "*x",
    "!!str 1",
    "'trích'",
    "'it''s'",
    '"trích"',
    '"C:\\\\x"',
    '"mở',
    "|",
    "|-",
    "|+",
    ">",
    "",
    " ",
    "\t",
    "ờ",
    "%",
    "@",
    "`",
]
KEYS = [
    "agency",
    "cycle",
    "indicators",
    "1.1.1.a",
    "mh.2.1.a",
    "value",
    "vi",
    "en",
    "a_b",
    "null",
    "~",
    "-",
    "?",
    '"q"',
    "khóa",
]


# The strategies the composites below draw from, built once, not in each draw: building one
# (and hypothesis's check of it) costs more than drawing from it.
LINE_COUNT = st.integers(1, 14)
INDENTS = st.sampled_from([0, 0, 0, 2, 2, 4, 4, 6, 1, 3])
LINE_KIND = st.integers(0, 9)
A_KEY, A_WORD = st.sampled_from(KEYS), st.sampled_from(WORDS)
OTHER_LINE = st.sampled_from(["", "# chú thích", "  # lùi", "   ", "---"])
BLOCK_HEADER = st.sampled_from(["|", "|-", ">"])
LINE_END = st.sampled_from(["\n", "", "\r\n", "\n\n"])
LINE_BREAK = st.sampled_from(["\n", "\r\n"])


@st.composite
def lines_as_written(draw: st.DrawFn) -> str:
    """Lines as people write them: keys, items and texts at some indent, with slips."""
    lines = []
    for _ in range(draw(LINE_COUNT)):
        indent = " " * draw(INDENTS)
        kind = draw(LINE_KIND)
        key, word = draw(A_KEY), draw(A_WORD)
        if kind <= 3:
            lines.append(f"{indent}{key}: {word}")
        elif kind == 4:
            lines.append(f"{indent}{key}:")
        elif kind == 5:
            lines.append(f"{indent}- {word}")
        elif kind == 6:
            lines.append(f"{indent}- {key}: {word}")
        elif kind == 7:
            lines.append(f"{indent}{word}")  # a block's line, or a stray text
        elif kind == 8:
            lines.append(draw(OTHER_LINE))
        else:
            lines.append(f"{indent}{key}: {draw(BLOCK_HEADER)}")
    end = draw(LINE_END)
    return draw(LINE_BREAK).join(lines) + end


@cases(200)
@given(lines_as_written())
def test_lines_as_people_write_them_read_alike(text: str) -> None:
    same(text)


PLAIN_WORDS = [
    w for w in WORDS if w and w[0] not in "-[{&*!'\"|>%@` \t" and ":" not in w and "#" not in w
]
PLAIN_KEYS = [k for k in KEYS if k[0].isalnum() and k != "null"]
PEOPLES_TREES = trees(  # see tests/trees.py
    st.none() | st.sampled_from(PLAIN_WORDS) | st.text("aờ Sở.,-'\"\n", min_size=1, max_size=12),
    st.sampled_from(PLAIN_KEYS),
    max_leaves=16,
    items=(1, 3),
    entries=(1, 4),
)
WIDTHS = st.sampled_from([2, 4])
NULLS = st.sampled_from(["", " ~", " null"])
STYLES = st.integers(0, 4)
BLOCK_HEADERS = st.sampled_from(["|", "|-", ">", ">-"])
COMMENTS = st.sampled_from(["", "", "  # ghi chú"])
COMMENT_ODDS = st.integers(0, 6)
COMMENT_LINES = st.sampled_from(["", "# chú thích", "# lùi"])  # the last at its key's indent
PEOPLES_DOCUMENTS = st.dictionaries(st.sampled_from(PLAIN_KEYS), PEOPLES_TREES, min_size=1)
DOCUMENT_END = st.sampled_from(["\n", "", "\n\n"])


@st.composite
def written_by_people(draw: st.DrawFn) -> str:
    """A tree written out as people write YAML: indents of two or four, items at their key's
    indent or below it, texts plain, quoted or as `|`/`>` blocks, comments and blank lines."""
    width = draw(WIDTHS)
    indentless = draw(st.booleans())
    out: list[str] = []

    def scalar(value: Any, indent: int) -> str:
        if value is None:
            return draw(NULLS)
        style = draw(STYLES)
        if "\n" in value or style == 4:
            header = draw(BLOCK_HEADERS)
            body = [" " * (indent + width) + line if line else "" for line in value.split("\n")]
            return " " + header + "\n" + "\n".join(body)
        if style == 3 and '"' not in value:
            return f' "{value}"'
        if style == 2 and "'" not in value:
            return f" '{value}'"
        comment = draw(COMMENTS)
        return f" {value}{comment}"

    def node(value: Any, indent: int) -> None:
        for key, item in value.items() if isinstance(value, dict) else enumerate(value):
            if draw(COMMENT_ODDS) == 0:
                comment = draw(COMMENT_LINES)
                out.append(comment if comment != "# lùi" else " " * indent + comment)
            head = " " * indent + (f"{key}:" if isinstance(value, dict) else "-")
            if isinstance(item, dict | list) and item:
                out.append(head)
                inner = indent if isinstance(item, list) and indentless else indent + width
                if isinstance(value, list):
                    inner = indent + width
                node(item, inner)
            else:
                out.append(head + scalar(item if item not in ({}, []) else None, indent))

    node(draw(PEOPLES_DOCUMENTS), 0)
    return "\n".join(out) + draw(DOCUMENT_END)


@cases(100)
@given(written_by_people())
def test_yaml_as_people_write_it_reads_alike(text: str) -> None:
    same(text)


@cases(100)
@given(written_by_people(), st.integers(0, 10_000), st.sampled_from(WORDS + ["\n", " ", "  "]))
def test_yaml_as_people_write_it_with_a_slip_reads_alike(text: str, at: int, slip: str) -> None:
    at %= len(text) + 1
    same(text[:at] + slip + text[at:])


TREES = trees(
    st.none() | st.sampled_from(WORDS) | st.text(max_size=12),
    st.sampled_from(KEYS) | st.text(max_size=6),
    max_leaves=20,
    items=(0, 3),
    entries=(0, 4),
)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@cases(200)
@given(st.dictionaries(st.sampled_from(KEYS), TREES, min_size=1, max_size=5), st.booleans())
def test_documents_pyyaml_writes_read_alike(tree: dict[str, Any], indentless: bool) -> None:
    text = yaml.dump(tree, Dumper=DUMPER, allow_unicode=True, default_flow_style=False)
    if indentless:  # items at their key's indent, as some editors write them
        text = text.replace("\n  - ", "\n- ")
    same(text)


SUBMISSIONS = [p for p in _project_yaml() if p.relative_to(PROJECT).parts[0] == "submissions"]
# each submission's text read once, not in each case (the same draw picks the same file)
SUBMISSION_TEXTS = [path.read_text(encoding="utf-8-sig") for path in SUBMISSIONS]


@cases(100)
@given(st.sampled_from(SUBMISSION_TEXTS), st.integers(0, 10_000), st.sampled_from(WORDS))
def test_submissions_with_a_slip_read_alike(text: str, at: int, slip: str) -> None:
    at %= len(text) + 1
    same(text[:at] + slip + text[at:])


def test_a_document_is_read_once() -> None:
    """The fast path keeps the text, and composes its nodes only when a place is asked."""
    doc = parse_yaml("agency: so-gddt\ncycle: '2023'\n", PATH)
    assert isinstance(doc, Document) and "root" not in doc.__dict__
    assert doc.at(("cycle",)) == (2, 8) and "root" in doc.__dict__
