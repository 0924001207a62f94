"""Finding and reading a city's repository: the data files and every submission."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Set
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from pydantic import ValidationError

from hcmlc.checks.confirmations import check_confirmations, confirmed
from hcmlc.checks.data import check_data, check_targets
from hcmlc.checks.framework_use import USES, Shipped, check_uses, compose
from hcmlc.checks.narrative import FOLDER as REPORTS
from hcmlc.checks.narrative import check_name, check_narrative, year_of
from hcmlc.checks.plausibility import check_changes
from hcmlc.checks.registry import check_frameworks, check_registry, check_units
from hcmlc.checks.schema_errors import validate
from hcmlc.clock import today
from hcmlc.core.catalog import Catalog, assemble
from hcmlc.core.delivery import Deliveries, FileKey
from hcmlc.core.figures import LocalFigure
from hcmlc.core.history import Snapshot
from hcmlc.core.receiving import ReceivedDates
from hcmlc.core.results import Entry, FileCheck, Observed, SubmissionFile, Supplied
from hcmlc.core.status import pick_cycle
from hcmlc.diagnostics import Diagnostic, Severity, cap_per_file
from hcmlc.errors import DataError, RepositoryNotFound
from hcmlc.files.confine import is_inside
from hcmlc.files.filesystem import is_utf8_name, shown_name
from hcmlc.i18n import _, counted, current_language
from hcmlc.models.confirmations import Confirmations
from hcmlc.models.contacts import FocalPoints
from hcmlc.models.documents import Documents
from hcmlc.models.framework import Framework
from hcmlc.models.framework_use import FrameworkUses
from hcmlc.models.narrative import Narrative
from hcmlc.models.registry import Agency, Assignments, Cycle
from hcmlc.models.submission import IndicatorValue, Submission
from hcmlc.models.targets import Targets
from hcmlc.models.units import Units
from hcmlc.repository.cache import Cache
from hcmlc.repository.contacts import (
    FOCAL_POINTS,
    Contacts,
    check_focal_points,
    with_focal_points,
)
from hcmlc.repository.deliveries import Dated, check_dates, deliveries
from hcmlc.yamlfiles.reader import Document, parse_bytes, read_raw
from hcmlc.yamlfiles.slips import extension_slip, renamed

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

CRITERIA = "data/criteria.yaml"
ASSIGNMENTS = "data/assignments.yaml"
TARGETS = "data/targets.yaml"
DOCUMENTS = "data/documents.yaml"
CONFIRMATIONS = "data/confirmations.yaml"
UNITS = "data/units.yaml"
FRAMEWORKS = "data/frameworks"
"""Further frameworks, one file each, read in the order of their names."""
SUBMISSIONS = "submissions"
NO_CURRENT_CYCLE = "HCMLC-E091"


@dataclass
class Repository:
    """A repository read and checked: its catalog (when the data files are sound) and problems."""

    root: Path
    catalog: Catalog | None
    submissions: list[SubmissionFile]
    """The submission files parsed in this run: all of them, unless results came from a cache."""
    problems: list[Diagnostic] = field(default_factory=list)
    supplied: Set[Entry] = field(default_factory=Supplied)
    """The entries that passed validation, of every file (grouped per file: results.py)."""
    figures: list[LocalFigure] = field(default_factory=list)
    """The units' accepted figures of indicators with a city figure formed from them."""
    paths: list[str] = field(default_factory=list)
    """Every submission file's repository-relative path."""
    slips: list[str] = field(default_factory=list)
    """Files of submissions/ not read because their extension is a slip (`so-gddt.yaml.txt`)."""
    consulted: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Submission path → the photo and evidence paths it names, as written."""
    targets: Targets | None = None
    """data/targets.yaml when present and sound; a city without one has no targets yet."""
    data_files: list[str] = field(default_factory=lambda: [CRITERIA, ASSIGNMENTS])
    """The files of data/ that were read."""
    files: dict[FileKey, Dated] = field(default_factory=dict)
    """(agency, cycle) → the first submission file that passed the schema for it."""
    documents: Documents | None = None
    """data/documents.yaml when present and sound: the issuer, signer and recipients of the
    official documents."""
    narrative_files: dict[int, str] = field(default_factory=dict)
    """Year → its reports/<year>.yaml, sound or not."""
    report_paths: list[str] = field(default_factory=list)
    """Every file of reports/ that was read."""
    narratives: dict[int, Narrative] = field(default_factory=dict)
    """Year → the coordinator's words for that year's report, from a sound file."""
    contacts: Contacts | None = None
    """The channel of each agency (data/focal-points.yaml and the defaults), with the catalog."""
    snapshot: Snapshot | None = None
    """Which state of the repository was read, when a view as of a day asked (past.py)."""
    clone: Path | None = None
    """The folder git is asked in, when `root` is a copy of a past commit (past.py)."""
    confirmations: Confirmations | None = None
    """data/confirmations.yaml when present and sound: the delivery dates the coordinator
    confirms (receiving.py)."""

    def problem_in(self, path: str) -> Diagnostic | None:
        """The first error of `path`, to stop a command that needs the file sound."""
        return next(
            (p for p in self.problems if p.path == path and p.severity is Severity.ERROR), None
        )

    def cycle(self, cycle_id: str | None) -> Cycle:
        """The cycle asked for, else the current one; a located data error when
        `current_cycle` names no cycle, a usage error for an unknown id."""
        catalog = self.require_catalog()
        if cycle_id is None and catalog.assignments.current_cycle not in catalog.cycles:
            problem = next((p for p in self.problems if p.code == NO_CURRENT_CYCLE), None)
            if problem is not None:
                raise DataError(
                    f"{problem.path}:{problem.line}:{problem.column}: {problem.message}",
                    problem.hint,
                )
        return pick_cycle(catalog, cycle_id)

    def deliveries(self) -> Deliveries:
        """When each agency delivered its file of each cycle (deliveries.py) and, where history
        can tell, each entry (receiving.py)."""
        commit = self.snapshot.commit if self.snapshot else None
        rev = commit.id if commit else "HEAD"
        clone = self.clone or self.root
        dates = self._received(clone, rev)
        known = dates.receipts.added if dates is not None else None
        return Deliveries(deliveries(clone, self.files, rev, known), dates)

    def _received(self, clone: Path, rev: str) -> ReceivedDates | None:
        """Each entry's date from the receiving side; None where history cannot tell."""
        found = self.snapshot
        if found is None or found.kind not in ("commit", "working-tree"):
            return None
        from hcmlc.repository.received import accepted_in, receipts, uncommitted  # only when asked

        holders = {key: file.path for key, file in self.files.items()}
        read = receipts(clone, rev, found.zone, found.now, holders)
        if read is None:
            return None
        return ReceivedDates(
            read,
            found.today or found.as_of,
            pending=uncommitted(clone) if found.changed else {},
            claims={key: f.submitted for key, f in self.files.items() if f.submitted},
            confirmed=confirmed(self.confirmations),
            accepted=accepted_in(clone, self.catalog) if self.catalog else None,
        )

    def require_catalog(self) -> Catalog:
        """The catalog, or a DataError when data/ is too broken to use."""
        if self.catalog is None:
            raise DataError(
                _("the data files are broken"), _("run `hcmlc validate` and fix data/ first")
            )
        return self.catalog

    def require_sound_data(self) -> Catalog:
        """The catalog, or a DataError naming the problems when a framework, the registry or
        its units have errors: a form or a report built on an unknown agency or indicator
        would be wrong, or fail half-way (targets and documents are judged by their users)."""
        catalog = self.require_catalog()
        judged_by_users = (TARGETS, DOCUMENTS, FOCAL_POINTS)
        registry = {f for f in self.data_files if f not in judged_by_users}
        broken = [p for p in self.problems if p.path in registry and p.severity is Severity.ERROR]
        if broken:
            shown = "; ".join(f"{p.path}:{p.line}:{p.column}: {p.message}" for p in broken[:3])
            more = len(broken) - 3
            raise DataError(
                _("the data files have {errors}: {problems}").format(
                    errors=counted(len(broken), "{n} error", "{n} errors"),
                    problems=shown + (f" (+{more})" if more > 0 else ""),
                ),
                broken[0].hint
                if len(broken) == 1 and broken[0].hint
                else _("fix data/ first: `hcmlc validate data` lists every problem"),
            )
        return catalog

    @property
    def error_count(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)


def find_root(start: Path) -> Path:
    """The nearest directory at or above `start` holding data/assignments.yaml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ASSIGNMENTS).is_file():
            return folder
    raise RepositoryNotFound(
        _("no hcmlc repository at or above {folder}").format(folder=start),
        _("run hcmlc inside a city's repository (one with {file}), or pass --root").format(
            file=ASSIGNMENTS
        ),
    )


def submission_paths(root: Path) -> list[Path]:
    """Every submission file, in a stable order: whatever is named `*.yaml` or `*.yml` and is
    not a folder, so that a FIFO or a dangling link in its place is reported, not skipped."""
    return [root / relative for relative, _linked in _submission_files(root)]


def _submission_files(root: Path, slips: list[str] | None = None) -> list[tuple[str, bool]]:
    """`submission_paths` as repository-relative POSIX paths, each with whether a link lies on
    its way (then it must be resolved to be known inside): the walk learns which entries are
    links from the folder listing itself, without a system call per file. Folders reached
    through a link are not entered (as `Path.rglob` does not), unreadable ones skipped. The
    files whose extension is a slip (`.yaml.txt`, `.YAML`) are added to `slips`."""
    folder = root / SUBMISSIONS
    if not folder.is_dir():
        return []
    found: list[tuple[str, bool]] = []
    pending = [(SUBMISSIONS, folder.is_symlink())]
    while pending:
        relative, linked = pending.pop()
        try:
            with os.scandir(root / relative) as listing:
                entries = list(listing)
        except PermissionError:
            continue
        for entry in entries:
            path = f"{relative}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                pending.append((path, linked))
            elif PurePosixPath(entry.name).suffix in (".yaml", ".yml") and not _is_folder(entry):
                found.append((path, linked or entry.is_symlink()))
            elif slips is not None and renamed(entry.name) and not _is_folder(entry):
                slips.append(path)
    return sorted(found, key=lambda file: file[0].split("/"))


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """Whether `entry`, its link followed, is a folder; a loop of links is not one."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def load(
    root: Path, *, cache: bool = False, keep: bool = True, submissions: bool = True
) -> Repository:
    """Read and check everything; problems are collected, never raised.

    With `cache`, a submission whose result an earlier run kept, and which has not changed, is
    not read again (see cache.py); `submissions` then holds only the files read. Without
    `keep`, it holds none: validate and status need only the problems and entries, and at
    city scale the documents would take most of the memory. Without `submissions`, only data/
    is read: what `workbook` and `import` need besides the few files they touch."""
    with collector_paused():
        return _load(root, cache, keep, submissions)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while reading (and while status computes from what was
    read): what is read lives until the command ends, and at city scale the collector would
    re-scan that growing heap a third of the time, more at ten times the data."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def data_setting(root: Path, relative: str, key: str) -> object:
    """One top-level value of a data file as written (None when absent or unreadable), read
    before the repository is, e.g. the city's time zone that says which state to read."""
    data = _read_data(root, relative)[1].data
    return data.get(key) if isinstance(data, dict) else None


def framework_paths(root: Path) -> list[str]:
    """The city's own framework files: data/criteria.yaml (always, unless data/frameworks.yaml
    names frameworks hcmlc ships), then every file of data/frameworks/ by name."""
    folder = root / FRAMEWORKS
    extra = sorted(p for p in folder.glob("*.y*ml") if p.is_file()) if folder.is_dir() else []
    own = [] if (root / USES).exists() and not (root / CRITERIA).exists() else [CRITERIA]
    return [*own, *(p.relative_to(root).as_posix() for p in extra)]


def _load(root: Path, use_cache: bool, keep: bool, submissions: bool = True) -> Repository:
    repo = Repository(root, None, [])
    framework_files = framework_paths(root)
    uses_file = [USES] if (root / USES).exists() else []
    repo.data_files = [*uses_file, *framework_files, ASSIGNMENTS]
    if (root / UNITS).is_file():
        repo.data_files.append(UNITS)
    read = {path: _read_data(root, path) for path in repo.data_files}
    docs = {path: doc for path, (_raw, doc) in read.items()}
    problems: list[Diagnostic] = []
    shipped: list[Shipped] = []
    uses = None
    if uses_file:
        uses, found = _model(FrameworkUses, docs[USES])
        problems += found
        if uses is not None:
            shipped, found = compose(uses, docs[USES])
            problems += found
    framework_docs = [*(s.doc for s in shipped), *(docs[path] for path in framework_files)]
    frameworks: list[Framework | None] = [s.framework for s in shipped]
    for path in framework_files:
        framework, found = _model(Framework, docs[path])
        frameworks.append(framework)
        problems += found
    if uses_file and (uses is None or len(shipped) < len(uses.uses)):
        frameworks.append(None)  # a framework the city names could not be read
    assignments, found = _model(Assignments, docs[ASSIGNMENTS])
    problems += found
    units, found = _model(Units, docs[UNITS]) if UNITS in docs else (None, [])
    problems += found
    sound = [fw for fw in frameworks if fw is not None]
    if len(sound) == len(frameworks) and assignments and (units or UNITS not in docs):
        hand_kept = len(assignments.agencies)
        contacts, found = _load_focal_points(repo, assignments, units.units if units else [])
        problems += found
        focal = contacts.file
        assignments = assignments.model_copy(
            update={"agencies": with_focal_points(assignments.agencies, focal)}
        )
        repo.catalog = (
            assemble(sound, assignments, with_focal_points(units.units, focal), units.territories)
            if units is not None
            else assemble(sound, assignments)
        )
        repo.contacts = replace(contacts, assignments=repo.catalog.assignments)
        problems += check_data(repo.catalog, framework_docs[0], docs[ASSIGNMENTS], hand_kept)
        problems += check_frameworks(repo.catalog, framework_docs)
        if uses is not None:
            problems += check_uses(repo.catalog, uses, docs[USES])
        problems += check_registry(repo.catalog, docs[ASSIGNMENTS], hand_kept)
        if units is not None:
            problems += check_units(repo.catalog, docs[UNITS], units, hand_kept)
    if (root / TARGETS).exists():  # a FIFO in its place is reported, not skipped
        repo.data_files.append(TARGETS)
        problems += _load_targets(repo)
    if (root / DOCUMENTS).is_file():
        repo.data_files.append(DOCUMENTS)
        repo.documents, found = _model(Documents, _read_data(root, DOCUMENTS)[1])
        problems += found
    problems += _load_narratives(repo)
    store = None
    raws = [raw for raw, _doc in read.values()] + [s.raw for s in shipped]
    if use_cache and repo.catalog and all(raw is not None for raw in raws):
        store = Cache.open(root, [raw for raw in raws if raw is not None])
    identities = []
    readings: list[Observed] = []
    supplied = Supplied()
    for relative, linked in _submission_files(root, repo.slips) if submissions else []:
        if not is_utf8_name(relative):
            problems.append(_misnamed(relative))
            continue
        check = _submission(repo, relative, store, keep, linked)
        problems += check.problems
        supplied.merge(check.accepted)
        repo.figures += check.figures
        readings += check.readings
        repo.paths.append(relative)
        repo.consulted[relative] = tuple(path for _kind, path in check.consulted)
        identities.append((relative, check.identity))
        if check.identity is not None and check.identity not in repo.files:
            repo.files[check.identity] = Dated(relative, check.submitted)
    repo.slips.sort()
    problems += [extension_slip(shown_name(relative)) for relative in repo.slips]
    repo.supplied = supplied
    parsed = {file.doc.path: file.doc for file in repo.submissions}

    def doc_of(path: str) -> Document:
        """The file's document, read once however many of its figures a rule places."""
        doc = parsed.get(path)
        if doc is None:
            doc = parsed[path] = _read(root, path)[1]
        return doc

    known = [identity for _path, identity in identities if identity is not None]
    if len(set(known)) < len(known):  # the rule's module is imported only when it has work
        from hcmlc.checks.submission import check_duplicates

        problems += check_duplicates(identities, doc_of)
    if repo.catalog is not None and readings:
        problems += check_changes(repo.catalog, readings, doc_of)
    if repo.catalog is not None:
        dated = [(f.path, key[1], f.submitted) for key, f in repo.files.items() if f.submitted]
        problems += check_dates(repo.catalog, dated, today(), doc_of)
        problems += _load_confirmations(repo)
    if store:
        store.save()
    repo.problems = cap_per_file(problems)  # sorted by file and place
    return repo


def _load_focal_points(
    repo: Repository, assignments: Assignments, units: list[Agency]
) -> tuple[Contacts, list[Diagnostic]]:
    """data/focal-points.yaml when present: its model (empty when broken) and its problems."""
    if not (repo.root / FOCAL_POINTS).exists():
        return Contacts(assignments), []
    repo.data_files.append(FOCAL_POINTS)
    doc = _read_data(repo.root, FOCAL_POINTS)[1]
    file, problems = _model(FocalPoints, doc)
    if file is None:
        return Contacts(assignments), problems
    agencies = [a.id for a in (*assignments.agencies, *units)]
    problems += check_focal_points(doc, file, agencies, [g.id for g in assignments.groups])
    return Contacts(assignments, file), problems


def _load_confirmations(repo: Repository) -> list[Diagnostic]:
    """Read data/confirmations.yaml, when present, into `repo.confirmations` if sound."""
    if not (repo.root / CONFIRMATIONS).is_file() or repo.catalog is None:
        return []
    repo.data_files.append(CONFIRMATIONS)
    doc = _read_data(repo.root, CONFIRMATIONS)[1]
    model, problems = _model(Confirmations, doc)
    if model is not None:
        problems += check_confirmations(repo.catalog, doc, model, repo.files)
        repo.confirmations = None if problems else model
    return problems


def _misnamed(relative: str) -> Diagnostic:
    """A submission whose name is not UTF-8: it is not read, and its name is shown escaped."""
    return Diagnostic(
        shown_name(relative),
        1,
        1,
        "HCMLC-E006",
        _("the file's name is not UTF-8 text, so hcmlc does not read it"),
        _("rename it after the agency's id, e.g. submissions/2023/so-gddt.yaml"),
    )


def _load_targets(repo: Repository) -> list[Diagnostic]:
    """Read data/targets.yaml into `repo.targets` when it is sound; its problems."""
    doc = _read_data(repo.root, TARGETS)[1]
    targets, problems = _model(Targets, doc)
    if targets is not None and repo.catalog is not None:
        problems += check_targets(repo.catalog, doc, targets)
        repo.targets = None if problems else targets
    return problems


def narrative_paths(root: Path) -> list[Path]:
    """Every file of reports/ (the coordinator's words in the progress reports)."""
    folder = root / REPORTS
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def _load_narratives(repo: Repository) -> list[Diagnostic]:
    """Read reports/<year>.yaml into `repo.narratives` when sound; their problems."""
    problems: list[Diagnostic] = []
    for path in narrative_paths(repo.root):
        relative = path.relative_to(repo.root).as_posix()
        repo.report_paths.append(relative)
        doc = _read(repo.root, relative)[1]
        year = year_of(relative)
        if year is None or year in repo.narrative_files:
            problems += check_name(doc, repo.narrative_files.get(year or 0))
            continue
        repo.narrative_files[year] = relative
        narrative, found = _model(Narrative, doc)
        if narrative is not None and repo.catalog is not None:
            found += check_narrative(repo.catalog, doc, narrative)
            if not found:
                repo.narratives[year] = narrative
        problems += found
    return problems


def _submission(
    repo: Repository, relative: str, store: Cache | None, keep: bool, linked: bool = True
) -> FileCheck:
    """One submission file's problems and entries: from `store` if unchanged, else checked.
    Only a file with a link on its way (`linked`) needs resolving to be known inside."""
    raw, doc = _read(repo.root, relative, parse=store is None, confined=not linked)
    if raw is not None and store is not None:
        kept = store.get(relative, raw)
        if kept is not None:
            return kept
        doc = parse_bytes(raw, relative)
    checkable = repo.catalog is not None and isinstance(doc.data, dict)
    # The whole model is for the views that keep the files; the checker reads the file entry by
    # entry, its schema included, so that no fault hides another.
    model, model_problems = _model(Submission, doc) if keep or not checkable else (None, [])
    if model is None and keep and checkable:
        model = _salvaged(doc.data)
    file = SubmissionFile(doc, model)
    if keep:
        repo.submissions.append(file)
    if repo.catalog is not None and checkable:
        from hcmlc.checks.submission import (
            check_submission,  # the rules, only when a file needs them
        )

        found = check_submission(repo.catalog, file, repo.root)
        check = replace(found, problems=(*doc.problems, *doc.warnings, *found.problems))
    else:
        check = FileCheck(tuple(model_problems))
    if raw is not None and store is not None:
        store.put(relative, raw, check)
    return check


def _salvaged(data: dict[str, Any]) -> Submission | None:
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
    _raw, doc = _read(root, relative)
    model, _problems = _model(Submission, doc)
    if model is None and isinstance(doc.data, dict):
        model = _salvaged(doc.data)
    return SubmissionFile(doc, model)


def read_document(root: Path, relative: str) -> tuple[bytes | None, Document]:
    """One file of the repository: its bytes (None when unreadable) and its document."""
    return _read(root, relative)


def _read(
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


def _read_data(root: Path, relative: str) -> tuple[bytes | None, Document]:
    """A file of data/, read every time and parsed once per process for the same bytes and
    language (a command that loads the repository twice, and the test suite, which loads the
    same data/ hundreds of times); each caller gets its own list of the parse's problems."""
    raw, unparsed = _read(root, relative, parse=False)
    if raw is None:
        return raw, unparsed
    key = (relative, current_language(), raw)
    doc = _PARSED.get(key)
    if doc is None:
        doc = parse_bytes(raw, relative)
        if len(_PARSED) >= _PARSED_KEPT:
            del _PARSED[next(iter(_PARSED))]  # the oldest
        _PARSED[key] = doc
    return raw, replace(doc, problems=list(doc.problems))


_PARSED: dict[tuple[str, str, bytes], Document] = {}
_PARSED_KEPT = 32  # the data files of a repository (eight or so), in both languages


def _model(model: type[M], doc: Document) -> tuple[M | None, list[Diagnostic]]:
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
