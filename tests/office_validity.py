"""Every .docx and .xlsx that hcmlc writes during the tests is checked against the OOXML schema
(openxml-audit, the Open XML SDK's rules in pure Python): Word and Excel open what hcmlc makes
without a repair prompt. The writer all outputs go through is watched; each distinct file is
checked once, when the test that wrote it ends, and the test fails on any error.

Most of a file's parts are the same in every file made from one template (a letter's styles are
nine tenths of its elements), and the rest differ mostly in their words: a letter to each agency,
a sheet of each agency's items. So each part's findings are kept by what the check of that part
reads: its XML's elements and attributes in order (openxml-audit's schema and semantic rules of
a part never read a text), and for the semantic rules also the part's relationships and, where
it holds an attribute a cross-part rule reads (a footnote's id), the parts that rule reads (the
counts and values those rules keep by the id of a package are forgotten before each file, so
that no file is checked against another's). A part met again, in any file, has the same
findings without being read again; a part that is not well-formed XML is keyed by its bytes;
a repeated element (a row, a paragraph, a style) found clean is clean again: for the schema
check under parents of the same tags, for the semantic rules where they read nothing beyond it.
The spreadsheet's canonical-form check (inline strings where the package has no
shared strings) is kept the same way, per worksheet, by its name and its XML without texts;
its check across parts (each cell's shared string in the table) by the main part, where every
index is known in range from the facts read in the same parse as the shape. The per-part memos
are in tests/office_parts.py, those of elements in tests/office_elements.py."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from hcmlc.files import atomic
from office_elements import clean_read_alone, clean_remembered, watch_beyond
from office_parts import (
    PartFindings,
    facts,
    forget_crossings,
    remember_paths,
    schema_key,
    semantic_key,
    shape,
    shared_part_xml,
    watch_crossings,
)

OFFICE = (".docx", ".xlsx")


class SheetFindings:
    """The findings of openxml-audit's Excel canonical-form check, kept per worksheet: where the
    package has no populated shared-strings table, the check counts each worksheet's inline-string
    cells (elements and attributes) and names the worksheet, so a worksheet's findings are kept by
    its name and shape; with a populated table (an `si` child of the table's root, known from the
    table's facts: a table missing or not well-formed is none) it finds nothing."""

    def __init__(self, check: Callable[[Any, Any], None]) -> None:
        self.check = check
        self.found: dict[tuple[str, str | None], list[Any]] = {}

    def __call__(self, package: Any, context: Any) -> None:
        from openxml_audit.excel import canonical_form as form

        shared = package.get_part_content(form._SHARED_STRINGS_PART)
        if shared is not None and facts(shared).populated:
            return  # the check's reading of the table, from the facts of its one parse
        for uri in form._list_worksheet_parts(package):
            try:
                content = package.get_part_content(uri)
            except Exception:  # the check cannot read it either, and skips it
                content = None
            key = (uri, None if content is None else shape(content))
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


class SheetsFindings:
    """The findings of openxml-audit's spreadsheet check across parts, kept by what it reads.
    It reads the main part's name and content type and the file's extension (the content type
    expected), the shared-strings part's count of strings, each worksheet's shared-string
    indexes, and where any cell names a shared string, the main part's relationship types. A
    worksheet names an error only by an index below 0 or past the count, or by any index where
    the package has no shared strings: where no worksheet does (known from its facts, the same
    parse as its shape), the findings are those of the main part alone, kept by its name,
    content type, extension, relationship types and whether any cell names a shared string.
    Anything else (an index out of range, a part not well-formed) is checked every time."""

    def __init__(self, check: Callable[[Any, Any], None]) -> None:
        self.check = check
        self.found: dict[tuple[Any, ...], list[Any]] = {}

    def __call__(self, package: Any, context: Any) -> None:
        key = self.key(package)
        if key is None:
            self.check(package, context)
        elif key in self.found:
            context.errors.extend(self.found[key])
        else:
            before = len(context.errors)
            self.check(package, context)
            self.found[key] = context.errors[before:]

    @staticmethod
    def key(package: Any) -> tuple[Any, ...] | None:
        """None where a worksheet may name an error."""
        from openxml_audit.parts import OpenXmlPart

        main = package.get_main_document_uri()
        if main is None:
            return (None,)  # the check reads nothing more
        count = None
        if (shared := package.get_part_content("/xl/sharedStrings.xml")) is not None:
            count = facts(shared).strings
            if count is None:
                return None
        named = False
        for uri in package.list_parts():
            if not uri.startswith("/xl/worksheets/"):
                continue
            if "xml" not in (package.content_types.get_content_type(uri) or ""):
                continue
            if (content := package.get_part_content(uri)) is None:
                continue
            refs = facts(content).refs
            if refs is None:
                return None
            many, least, most = refs
            if many and (count is None or least < 0 or most >= count):
                return None
            named = named or many > 0
        types = sorted({rel.type for rel in OpenXmlPart(package, main).relationships})
        kind = package.content_types.get_content_type(main)
        return main, kind, package.path.suffix.lower(), named, tuple(types)


@cache
def validator() -> Any:
    """One validator for the session, its per-part checks remembering their findings and its
    packages sharing the parsed XML of identical parts."""
    from openxml_audit import OpenXmlValidator
    from openxml_audit.core.package import ZipPackage

    ZipPackage.get_part_xml = shared_part_xml(ZipPackage.get_part_xml)  # type: ignore[method-assign]
    remember_paths()
    made = OpenXmlValidator()
    schema = made._schema_validator
    schema._validate_element = clean_remembered(schema._validate_element)
    schema.validate_part = PartFindings(schema.validate_part, schema_key)
    semantics = made._semantic_validator_word, made._semantic_validator_spreadsheet
    watch_crossings(*semantics)
    watch_beyond(*semantics)
    for semantic in semantics:
        semantic.validate_part = PartFindings(semantic.validate_part, semantic_key)
        semantic._validate_element = clean_read_alone(semantic._validate_element)
    validate = made.validate_with_timings

    def validate_with_timings(*args: Any, **kwargs: Any) -> Any:
        forget_crossings()
        return validate(*args, **kwargs)

    made.validate_with_timings = validate_with_timings
    made._validate_spreadsheet_cross_part = SheetsFindings(made._validate_spreadsheet_cross_part)
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
