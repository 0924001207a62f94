"""Every .docx and .xlsx that hcmlc writes during the tests is checked against the OOXML schema
(openxml-audit, the Open XML SDK's rules in pure Python): Word and Excel open what hcmlc makes
without a repair prompt. The writer all outputs go through is watched; each distinct file is
checked once, when the test that wrote it ends, and the test fails on any error.

Most of a file's parts are the same in every file made from one template (a letter's styles are
nine tenths of its elements), and the rest differ mostly in their words: a letter to each agency,
a sheet of each agency's items. So each part's findings are kept by what the check of that part
reads: its XML's elements and attributes in order (openxml-audit's schema and semantic rules of
a part never read a text), and for the semantic rules also the part's relationships and the
package's part names. A part met again, in any file, has the same findings without being read
again; a part that is not well-formed XML is keyed by its bytes. The spreadsheet's canonical-form
check (inline strings where the package has no shared strings) is kept the same way, per
worksheet, by its name and its XML without texts."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from hcmlc.files import atomic

OFFICE = (".docx", ".xlsx")


class PartFindings:
    """The findings of one check (schema or semantic) of each part, by what the check reads."""

    def __init__(self, check: Callable[[Any, Any], Any], key: Callable[[Any], tuple[Any, ...]]):
        self.check = check
        self.key = key
        self.found: dict[tuple[Any, ...], list[Any]] = {}

    def __call__(self, part: Any, context: Any) -> Any:
        key = self.key(part)
        if key in self.found:
            context.set_part(part)
            context.errors.extend(self.found[key])
            return context.errors
        before = len(context.errors)
        self.check(part, context)
        self.found[key] = context.errors[before:]
        return context.errors


def _digest(data: bytes | None) -> str:
    return hashlib.sha256(data or b"").hexdigest()


SHAPES: dict[str, str] = {}
"""The digest of each part's bytes → the digest of its XML without its texts."""


RECENT: OrderedDict[int, tuple[bytes, str]] = OrderedDict()
"""The shapes of the parts last asked about, by the identity of their bytes (each entry holds
its bytes, so that no other object takes their id): the schema, semantic and canonical-form keys
of a part ask for the shape of the same bytes object, which is then hashed once."""
KEPT_RECENT = 64


def _shape(data: bytes | None) -> str:
    """What the rules read of a part: its XML as openxml-audit parses it, every text and tail
    emptied (elements, attributes, namespaces and their order kept)."""
    if data is not None and (recent := RECENT.get(id(data))) and recent[0] is data:
        RECENT.move_to_end(id(data))
        return recent[1]
    shape = _shape_of(data)
    if data is not None:
        RECENT[id(data)] = data, shape
        if len(RECENT) > KEPT_RECENT:
            RECENT.popitem(last=False)
    return shape


def _shape_of(data: bytes | None) -> str:
    raw = _digest(data)
    if raw not in SHAPES:
        from lxml import etree

        try:
            root = etree.fromstring(data)  # as openxml-audit's package reads a part
        except (etree.XMLSyntaxError, ValueError):
            SHAPES[raw] = raw
        else:
            for node in root.iter():
                node.text = None
                node.tail = None
            SHAPES[raw] = "shape:" + _digest(etree.tostring(root))
    return SHAPES[raw]


def _schema_key(part: Any) -> tuple[Any, ...]:
    """The schema rules read the part's own XML and nothing else."""
    return part.uri, part.content_type, _shape(part.raw_content)


def _semantic_key(part: Any) -> tuple[Any, ...]:
    """The semantic rules of a part also follow its relationships to the package's parts."""
    from openxml_audit.relationships import get_rels_path

    package = part._package
    rels = package.get_part_content(get_rels_path(part.uri).lstrip("/"))
    return part.uri, _shape(part.raw_content), _digest(rels), tuple(package.list_parts())


class SheetFindings:
    """The findings of openxml-audit's Excel canonical-form check, kept per worksheet: where the
    package has no populated shared-strings table, the check counts each worksheet's inline-string
    cells (elements and attributes) and names the worksheet, so a worksheet's findings are kept by
    its name and shape; with a populated table it finds nothing."""

    def __init__(self, check: Callable[[Any, Any], None]) -> None:
        self.check = check
        self.found: dict[tuple[str, str | None], list[Any]] = {}

    def __call__(self, package: Any, context: Any) -> None:
        from openxml_audit.excel import canonical_form as form

        if form._shared_strings_table_is_populated(package):
            return
        for uri in form._list_worksheet_parts(package):
            try:
                content = package.get_part_content(uri)
            except Exception:  # the check cannot read it either, and skips it
                content = None
            key = (uri, None if content is None else _shape(content))
            if key not in self.found:
                before = len(context.errors)
                self.check(_OneSheet(package, uri), context)
                self.found[key] = context.errors[before:]
            else:
                context.errors.extend(self.found[key])


class _OneSheet:
    """A package as the canonical-form check sees it when it is asked about one worksheet."""

    def __init__(self, package: Any, uri: str) -> None:
        self.package = package
        self.uri = uri

    def list_parts(self) -> Iterator[str]:
        yield self.uri

    def get_part_xml(self, part_path: str) -> Any:
        return self.package.get_part_xml(part_path)


TREES: OrderedDict[str, Any] = OrderedDict()
"""The parsed XML of the parts last read, by the digest of their bytes: the checks across the
parts of a letter read its styles and numbering, the same in every letter."""
KEPT_TREES = 64


def _shared_part_xml(read: Callable[[Any, str], Any]) -> Callable[[Any, str], Any]:
    """A package's `get_part_xml` that parses a part's bytes once for all the packages that
    hold them (openxml-audit's checks only read the tree); one that does not parse is left to
    `read`, which reports it."""
    from lxml import etree

    def get_part_xml(package: Any, part_path: str) -> Any:
        if part_path in package._xml_cache:
            return package._xml_cache[part_path]
        content = package.get_part_content(part_path)
        if content is None:
            return None
        digest = _digest(content)
        root = TREES.get(digest)
        if root is None:
            try:
                root = etree.fromstring(content)  # as openxml-audit's package parses it
            except etree.XMLSyntaxError:
                return read(package, part_path)
            TREES[digest] = root
            if len(TREES) > KEPT_TREES:
                TREES.popitem(last=False)
        else:
            TREES.move_to_end(digest)
        package._xml_cache[part_path] = root
        return root

    return get_part_xml


SHEET_ML = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
WORD_ML = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REPEATED = frozenset({f"{SHEET_ML}row", f"{WORD_ML}p", f"{WORD_ML}tr"})
"""The elements a part repeats: a sheet's rows, a document's paragraphs and table rows."""
MARKUP_COMPATIBILITY = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def _subtree(node: Any) -> tuple[Any, ...] | None:
    """What the schema rules read of an element and all below it: tags and attributes, nested
    (openxml-audit's schema rules never read a text). None where a markup-compatibility
    construct resolves prefixes through the namespaces in scope, which this does not hold."""
    tag = node.tag
    if not isinstance(tag, str):
        return ("#",)  # a comment or processing instruction: the rules skip it
    if tag.startswith(MARKUP_COMPATIBILITY) or f"{MARKUP_COMPATIBILITY}Ignorable" in node.attrib:
        return None
    below = []
    for child in node:
        shape = _subtree(child)
        if shape is None:
            return None
        below.append(shape)
    return (tag, tuple(node.attrib.items()), *below)


def _clean_remembered(validate_element: Callable[..., None]) -> Callable[..., None]:
    """The schema validator's check of an element, remembering each repeated element (a row,
    a paragraph) found clean: one of the same tags and attributes below it, under parents of
    the same tags (openxml-audit picks an element's type by its parent and grandparent), is
    clean again. An element with any error is checked every time, so each error is reported
    where it is."""
    clean: set[tuple[Any, ...]] = set()

    def validate(element: Any, context: Any, ignorable: frozenset[str] = frozenset()) -> None:
        if element.tag not in REPEATED:
            return validate_element(element, context, ignorable)
        shape = _subtree(element)
        parent = element.getparent()
        grandparent = None if parent is None else parent.getparent()
        key = (
            shape,
            None if parent is None else parent.tag,
            None if grandparent is None else grandparent.tag,
            ignorable,
            context.file_format,
        )
        if shape is not None and key in clean:
            return None
        before = len(context.errors)
        validate_element(element, context, ignorable)
        if shape is not None and len(context.errors) == before and not context.should_stop:
            clean.add(key)
        return None

    return validate


@cache
def validator() -> Any:
    """One validator for the session, its per-part checks remembering their findings and its
    packages sharing the parsed XML of identical parts."""
    from openxml_audit import OpenXmlValidator
    from openxml_audit.core.package import ZipPackage

    ZipPackage.get_part_xml = _shared_part_xml(ZipPackage.get_part_xml)  # type: ignore[method-assign]
    made = OpenXmlValidator()
    schema = made._schema_validator
    schema._validate_element = _clean_remembered(schema._validate_element)
    schema.validate_part = PartFindings(schema.validate_part, _schema_key)
    for name in ("_semantic_validator_word", "_semantic_validator_spreadsheet"):
        semantic = getattr(made, name)
        semantic.validate_part = PartFindings(semantic.validate_part, _semantic_key)
    canonical = made._excel_canonical_form_validator
    canonical._check_inline_strings_without_shared_table = SheetFindings(
        canonical._check_inline_strings_without_shared_table
    )
    return made


class Watcher:
    """The Office files written since the last check, and the digests already checked."""

    def __init__(self) -> None:
        self.written: list[tuple[str, bytes]] = []
        self.checked: set[str] = set()
        self.folder: Path | None = None
        """Where each file is put for openxml-audit (which reads a path) while it is checked:
        one folder for the session, not a temporary folder made and removed for each file."""

    def wrap(self, write: Callable[..., Path]) -> Callable[..., Path]:
        def watched(path: Path, data: bytes, *args: Any) -> Path:
            if path.suffix.lower() in OFFICE and data.startswith(b"PK\x03\x04"):
                self.written.append((path.name, data))
            return write(path, data, *args)

        return watched

    def errors(self) -> list[str]:
        """The schema errors of each file written since the last call, one line each."""
        from openxml_audit import ValidationSeverity

        found = []
        for name, data in self.written:
            digest = hashlib.sha256(data).hexdigest()
            if digest in self.checked:
                continue
            self.checked.add(digest)
            if self.folder is None:
                self.folder = Path(tempfile.mkdtemp(prefix="office-validity-"))
            path = self.folder / name
            path.write_bytes(data)
            try:
                result = validator().validate(path)
            finally:
                path.unlink()
            found += [
                f"{name}: {e.description} at {e.path}"
                for e in result.errors
                if e.severity == ValidationSeverity.ERROR
            ]
        self.written.clear()
        return found

    def close(self) -> None:
        """Remove the folder of the files checked."""
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


WATCHER = Watcher()


@pytest.fixture(autouse=True, scope="session")
def _watch_office_files() -> Iterator[None]:
    original = atomic._write_temporary
    atomic._write_temporary = WATCHER.wrap(original)  # type: ignore[assignment]
    yield
    atomic._write_temporary = original  # type: ignore[assignment]
    WATCHER.close()


@pytest.fixture(autouse=True)
def _office_files_are_valid() -> Iterator[None]:
    yield
    errors = WATCHER.errors()
    assert not errors, "an Office file hcmlc wrote breaks the OOXML schema:\n" + "\n".join(
        errors[:20]
    )
