"""Reading one file of a city's repository: its bytes kept inside the repository, its
document (a data file parsed once per process for the same bytes), its model, and a submission
checked, or its result taken from the cache."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import groupby
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from hcmlc.checks.schema_errors import validate
from hcmlc.core.catalog import Catalog
from hcmlc.core.results import FileCheck, SubmissionFile
from hcmlc.diagnostics import Diagnostic
from hcmlc.files.confine import is_inside
from hcmlc.files.filesystem import is_utf8_name
from hcmlc.i18n import _, current_language
from hcmlc.kept import Kept
from hcmlc.models.confirmations import Confirmations
from hcmlc.models.contacts import FocalPoints
from hcmlc.models.documents import Documents
from hcmlc.models.framework import Framework
from hcmlc.models.framework_use import FrameworkUses
from hcmlc.models.narrative import Narrative
from hcmlc.models.registry import Assignments
from hcmlc.models.submission import IndicatorValue, Submission
from hcmlc.models.targets import Targets
from hcmlc.models.units import Units
from hcmlc.repository.cache import Cache
from hcmlc.repository.layout import misnamed
from hcmlc.yamlfiles.reader import Document, parse_bytes, read_raw

M = TypeVar(
    "M",
    Framework,
    FrameworkUses,
    Assignments,
    Submission,
    Targets,
    Documents,
    Narrative,
    Units,
    Confirmations,
    FocalPoints,
)


def check_file(
    root: Path,
    catalog: Catalog | None,
    relative: str,
    store: Cache | None,
    keep: bool,
    linked: bool = True,
) -> tuple[FileCheck, SubmissionFile | None]:
    """One submission file's problems and entries: from `store` if unchanged, else checked;
    with `keep`, the file read with its model too. Only a file with a link on its way
    (`linked`) needs resolving to be known inside."""
    if store is not None and (not linked or is_inside(root, root / relative)):
        kept = store.get_unread(relative)  # read already by this run, unchanged since
        if kept is not None:
            return kept, None
    raw, doc = read_file(root, relative, parse=store is None, confined=not linked)
    if raw is not None and store is not None:
        kept = store.get(relative, raw)
        if kept is not None:
            return kept, None
        doc = parse_bytes(raw, relative)
    checkable = catalog is not None and isinstance(doc.data, dict)
    # The whole model is for the views that keep the files; the checker reads the file entry by
    # entry, its schema included, so that no fault hides another.
    model, model_problems = read_model(Submission, doc) if keep or not checkable else (None, [])
    if model is None and keep and checkable:
        model = salvaged(doc.data)
    file = SubmissionFile(doc, model)
    if catalog is not None and checkable:
        from hcmlc.checks.submission import (
            check_submission,  # the rules, only when a file needs them
        )

        found = check_submission(catalog, file, root)
        check = replace(found, problems=(*doc.problems, *doc.warnings, *found.problems))
    else:
        check = FileCheck(tuple(model_problems))
    if raw is not None and store is not None:
        store.put(relative, raw, check)
    return check, file if keep else None


def checked_files(
    root: Path,
    catalog: Catalog | None,
    files: list[tuple[str, bool]],
    store: Cache | None,
    keep: bool,
    problems: list[Diagnostic],
) -> Iterator[tuple[str, FileCheck, SubmissionFile | None]]:
    """Each of the submission `files` (path, whether a link lies on its way) with its result and
    the file if kept (`check_file`), folder by folder: a folder's results from the cache's
    record of it when it holds (cache_folders.py). A name not UTF-8 is a problem, not read."""
    for folder, group in groupby(files, key=lambda file: file[0].rpartition("/")[0]):
        found = list(group)
        names = [relative for relative, _linked in found]
        sound = all(not linked and is_utf8_name(relative) for relative, linked in found)
        served = store.folder(folder, names) if store is not None and sound else None
        if served is not None:
            for relative, check in zip(names, served, strict=True):
                yield relative, check, None
            continue
        for relative, linked in found:
            if not is_utf8_name(relative):
                problems.append(misnamed(relative))
                continue
            yield relative, *check_file(root, catalog, relative, store, keep, linked)
        if store is not None:
            store.keep_folder(folder, names)


def salvaged(data: dict[str, Any]) -> Submission | None:
    """The parts of a submission that read on their own, for the views that keep the files: the
    checker accepts an entry whatever else is wrong in its file, and the views must see the
    entries it accepted (they keep only those, by `Repository.supplied`)."""
    head = {key: data[key] for key in ("agency", "cycle", "submitted") if key in data}
    indicators = data.get("indicators")
    readable = {}
    for item, entry in (indicators if isinstance(indicators, dict) else {}).items():
        try:
            IndicatorValue.model_validate(entry)
        except ValidationError:
            continue
        readable[item] = entry
    answers = data.get("answers")
    for attempt in (head, {k: v for k, v in head.items() if k != "submitted"}):
        try:
            return Submission.model_validate(
                {
                    **attempt,
                    "indicators": readable,
                    "answers": answers if isinstance(answers, dict) else {},
                }
            )
        except ValidationError:
            continue
    return None


def read_submission(root: Path, relative: str) -> SubmissionFile:
    """One submission file read afresh with its model (salvaged when the file has errors), as
    `load` keeps it: for a view that needs a few files of a repository loaded without them."""
    _raw, doc = read_file(root, relative)
    model, _problems = read_model(Submission, doc)
    if model is None and isinstance(doc.data, dict):
        model = salvaged(doc.data)
    return SubmissionFile(doc, model)


def read_file(
    root: Path, relative: str, *, parse: bool = True, confined: bool = False
) -> tuple[bytes | None, Document]:
    """The file's bytes (None when unreadable) and, if `parse`, its document; a file not known
    to be `confined` (no link on its way) is first checked to lead nowhere outside."""
    path = root / relative
    if not confined and not is_inside(root, path):
        problem = Diagnostic(
            relative,
            1,
            1,
            "HCMLC-E051",
            _("the file is a link leading outside the repository; hcmlc does not read it"),
            _("replace the link with the file itself"),
        )
        return None, Document(relative, None, None, [problem])
    raw = read_raw(path, relative)
    if isinstance(raw, Diagnostic):
        return None, Document(relative, None, None, [raw])
    return raw, parse_bytes(raw, relative) if parse else Document(relative, None, None)


def read_data(root: Path, relative: str) -> tuple[bytes | None, Document]:
    """A file of data/, read every time and parsed once per process for the same bytes and
    language (a command that loads the repository twice, and the test suite, which loads the
    same data/ hundreds of times); each caller gets its own list of the parse's problems."""
    raw, unparsed = read_file(root, relative, parse=False)
    if raw is None:
        return raw, unparsed
    doc = _PARSED.made((relative, current_language(), raw), lambda: parse_bytes(raw, relative))
    return raw, replace(doc, problems=list(doc.problems))


_PARSED: Kept[tuple[str, str, bytes], Document] = Kept(32)
"""The data files of a repository (eight or so), in both languages."""


def data_model(
    model: type[M], raw: bytes | None, doc: Document
) -> tuple[M | None, list[Diagnostic]]:
    """The model of a file of data/ (`raw` and `doc` as `read_data` gave them), built once per
    process for the same bytes and language, like its parse: models are frozen, and a command
    that loads the repository twice, or a view as of several days, reads the same registry and
    frameworks (as does the test suite, hundreds of times). Each caller gets its own list."""
    if raw is None:
        return read_model(model, doc)
    key = (model, doc.path, current_language(), raw)
    instance, problems = _MODELS.made(key, lambda: read_model(model, doc))
    return instance, list(problems)


_MODELS: Kept[tuple[type, str, str, bytes], tuple[Any, list[Diagnostic]]] = Kept(32)


def read_model(model: type[M], doc: Document) -> tuple[M | None, list[Diagnostic]]:
    """The file's model; a duplicate key is reported but does not hide the rest of the file."""
    if doc.data is None:
        return None, doc.problems
    if not isinstance(doc.data, dict):
        problem = doc.problem(
            (), "HCMLC-E012", _("the file must be a mapping of `key: value` lines")
        )
        return None, [*doc.problems, problem]
    instance, problems = validate(model, doc.data, doc)
    return instance, doc.problems + doc.warnings + problems
