"""Every .docx and .xlsx that hcmlc writes during the tests is checked against the OOXML schema
(openxml-audit, the Open XML SDK's rules in pure Python): Word and Excel open what hcmlc makes
without a repair prompt. The writer all outputs go through is watched; each distinct file is
checked once, when the test that wrote it ends, and the test fails on any error."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hcmlc.files import atomic

OFFICE = (".docx", ".xlsx")


class Watcher:
    """The Office files written since the last check, and the digests already checked."""

    def __init__(self) -> None:
        self.written: list[tuple[str, bytes]] = []
        self.checked: set[str] = set()

    def wrap(self, write: Callable[[Path, bytes], Path]) -> Callable[[Path, bytes], Path]:
        def watched(path: Path, data: bytes) -> Path:
            if path.suffix.lower() in OFFICE and data.startswith(b"PK\x03\x04"):
                self.written.append((path.name, data))
            return write(path, data)

        return watched

    def errors(self) -> list[str]:
        """The schema errors of each file written since the last call, one line each."""
        from openxml_audit import OpenXmlValidator, ValidationSeverity

        found = []
        validator = OpenXmlValidator()
        for name, data in self.written:
            digest = hashlib.sha256(data).hexdigest()
            if digest in self.checked:
                continue
            self.checked.add(digest)
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / name
                path.write_bytes(data)
                result = validator.validate(path)
            found += [
                f"{name}: {e.description} at {e.path}"
                for e in result.errors
                if e.severity == ValidationSeverity.ERROR
            ]
        self.written.clear()
        return found


WATCHER = Watcher()


@pytest.fixture(autouse=True, scope="session")
def _watch_office_files() -> Iterator[None]:
    original = atomic._write_temporary
    atomic._write_temporary = WATCHER.wrap(original)  # type: ignore[assignment]
    yield
    atomic._write_temporary = original  # type: ignore[assignment]


@pytest.fixture(autouse=True)
def _office_files_are_valid() -> Iterator[None]:
    yield
    errors = WATCHER.errors()
    assert not errors, "an Office file hcmlc wrote breaks the OOXML schema:\n" + "\n".join(
        errors[:20]
    )
