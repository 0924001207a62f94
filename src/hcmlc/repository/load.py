"""Reading and checking a city's whole repository once: the data files and every submission,
into a `Repository`. Where its files lie is `layout`, one file read is `reading`, the optional
data files are `data_files`."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping, Sequence, Set
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from hcmlc.checks.confirmations import confirmed
from hcmlc.checks.data import check_data
from hcmlc.checks.framework_use import USES, Shipped, check_uses, compose
from hcmlc.checks.narrative import FOLDER as REPORTS
from hcmlc.checks.plausibility import check_changes
from hcmlc.checks.registry import check_frameworks, check_registry, check_units
from hcmlc.clock import today
from hcmlc.core.catalog import Catalog
from hcmlc.core.delivery import Deliveries, Delivery, FileKey
from hcmlc.core.facts import Facts
from hcmlc.core.figures import LocalFigure
from hcmlc.core.history import Snapshot
from hcmlc.core.readings import Readings
from hcmlc.core.receiving import ReceivedDates
from hcmlc.core.results import Entry, SubmissionFile, Supplied
from hcmlc.core.status import pick_cycle
from hcmlc.diagnostics import Diagnostic, Severity, cap_per_file
from hcmlc.errors import DataError
from hcmlc.files.filesystem import shown_name
from hcmlc.i18n import _, counted
from hcmlc.models.confirmations import Confirmations
from hcmlc.models.documents import Documents
from hcmlc.models.framework import Framework
from hcmlc.models.framework_use import FrameworkUses
from hcmlc.models.narrative import CoordinatorWords, Narrative
from hcmlc.models.registry import Assignments, Cycle
from hcmlc.models.targets import Targets
from hcmlc.models.units import Units
from hcmlc.repository.assembled import assembled
from hcmlc.repository.cache import Cache
from hcmlc.repository.contacts import (
    FOCAL_POINTS,
    Contacts,
)
from hcmlc.repository.data_files import (
    load_confirmations,
    load_focal_points,
    load_narratives,
    load_targets,
)
from hcmlc.repository.deliveries import Dated, check_dates, deliveries
from hcmlc.repository.layout import ASSIGNMENTS as ASSIGNMENTS  # cli/, commands/ import these here
from hcmlc.repository.layout import CRITERIA as CRITERIA
from hcmlc.repository.layout import DOCUMENTS as DOCUMENTS
from hcmlc.repository.layout import SUBMISSIONS as SUBMISSIONS
from hcmlc.repository.layout import TARGETS as TARGETS
from hcmlc.repository.layout import (
    UNITS,
    submission_files,
)
from hcmlc.repository.layout import find_root as find_root
from hcmlc.repository.layout import framework_paths as framework_paths
from hcmlc.repository.reading import checked_files, data_model, read_data, read_file
from hcmlc.yamlfiles.reader import Document
from hcmlc.yamlfiles.slips import extension_slip

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
    digests: dict[str, str] = field(default_factory=dict)
    """Submission path → the SHA-256 of the bytes read, when the results cache was used."""

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

    def facts(
        self,
        deliveries: Mapping[FileKey, Delivery] | None = None,
        submissions: Sequence[SubmissionFile] | None = None,
    ) -> Facts:
        """What the documents are computed from: the catalog, the files read (or
        `submissions`), what they supplied, and `deliveries` (else read now, from git)."""
        return Facts(
            self.root,
            self.require_catalog(),
            self.submissions if submissions is None else submissions,
            self.supplied,
            self.figures,
            self.targets,
            TARGETS in self.data_files and self.targets is None,
            self.deliveries() if deliveries is None else deliveries,
        )

    def coordinator_words(self, year: int) -> CoordinatorWords:
        """The coordinator's words for `year`'s report: none yet, or a sound file (else a
        data error, located at its first problem)."""
        path = self.narrative_files.get(year)
        if path is None:
            return CoordinatorWords(Narrative(), f"{REPORTS}/{year}.yaml")
        narrative = self.narratives.get(year)
        if narrative is not None:
            return CoordinatorWords(narrative, path)
        problem = self.problem_in(path)
        if problem is None:  # pragma: no cover - a file that is not sound has an error
            raise DataError(_("{file} has errors").format(file=path))
        raise DataError(
            f"{problem.path}:{problem.line}:{problem.column}: {problem.message}",
            problem.hint or _("fix {file}: the report places its words from it").format(file=path),
        )

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
        deep = found.kind == "commit"  # the snapshot read `rev` from history just now
        read = receipts(clone, rev, found.zone, found.now, holders, deep=deep)
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


def load(
    root: Path,
    *,
    cache: bool = False,
    keep: bool = True,
    submissions: bool = True,
    compare: bool = True,
) -> Repository:
    """Read and check everything; problems are collected, never raised.

    With `cache`, a submission whose result an earlier run kept, and which has not changed, is
    not read again (see cache.py); `submissions` then holds only the files read. Without
    `keep`, it holds none: validate and status need only the problems and entries, and at
    city scale the documents would take most of the memory. Without `submissions`, only data/
    is read: what `workbook` and `import` need besides the few files they touch. Without
    `compare`, no figure is compared with an earlier cycle's (plausibility.py): its warnings
    are validate's, and the views that show only errors (status, report, the page) would pay
    for every year of history (issue 29)."""
    with collector_paused():
        return _load(root, cache, keep, submissions, compare)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while reading (and while status computes from what was
    read): what is read lives until the command ends, and at city scale the collector would
    re-scan that growing heap a third of the time, more at ten times the data. What it read
    is then counted with the oldest objects (frozen and unfrozen: moved, not scanned), else the
    first allocation after would scan all of it as young (a tenth of a second at city scale);
    a cycle among it is still collected by the next full collection."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def data_setting(root: Path, relative: str, key: str) -> object:
    """One top-level value of a data file as written (None when absent or unreadable), read
    before the repository is, e.g. the city's time zone that says which state to read."""
    data = read_data(root, relative)[1].data
    return data.get(key) if isinstance(data, dict) else None


def _load(
    root: Path, use_cache: bool, keep: bool, submissions: bool = True, compare: bool = True
) -> Repository:
    repo = Repository(root, None, [])
    framework_files = framework_paths(root)
    uses_file = [USES] if (root / USES).exists() else []
    repo.data_files = [*uses_file, *framework_files, ASSIGNMENTS]
    if (root / UNITS).is_file():
        repo.data_files.append(UNITS)
    read = {path: read_data(root, path) for path in repo.data_files}
    docs = {path: doc for path, (_raw, doc) in read.items()}
    problems: list[Diagnostic] = []
    shipped: list[Shipped] = []
    uses = None
    if uses_file:
        uses, found = data_model(FrameworkUses, *read[USES])
        problems += found
        if uses is not None:
            shipped, found = compose(uses, docs[USES])
            problems += found
    framework_docs = [*(s.doc for s in shipped), *(docs[path] for path in framework_files)]
    frameworks: list[Framework | None] = [s.framework for s in shipped]
    for path in framework_files:
        framework, found = data_model(Framework, *read[path])
        frameworks.append(framework)
        problems += found
    if uses_file and (uses is None or len(shipped) < len(uses.uses)):
        frameworks.append(None)  # a framework the city names could not be read
    assignments, found = data_model(Assignments, *read[ASSIGNMENTS])
    problems += found
    units, found = data_model(Units, *read[UNITS]) if UNITS in docs else (None, [])
    problems += found
    sound = [fw for fw in frameworks if fw is not None]
    if len(sound) == len(frameworks) and assignments and (units or UNITS not in docs):
        hand_kept = len(assignments.agencies)
        contacts, found = load_focal_points(repo, assignments, units.units if units else [])
        problems += found
        repo.catalog = assembled(sound, assignments, units, contacts.file)
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
        problems += load_targets(repo)
    if (root / DOCUMENTS).is_file():
        repo.data_files.append(DOCUMENTS)
        repo.documents, found = data_model(Documents, *read_data(root, DOCUMENTS))
        problems += found
    problems += load_narratives(repo)
    store = None
    raws = [raw for raw, _doc in read.values()] + [s.raw for s in shipped]
    if use_cache and repo.catalog and all(raw is not None for raw in raws):
        store = Cache.open(root, [raw for raw in raws if raw is not None])
        store.readings = compare
    identities = []
    readings = Readings()  # every accepted figure, compactly, for check_changes
    supplied = Supplied()
    files = submission_files(root, repo.slips) if submissions else []
    for relative, check, kept in checked_files(root, repo.catalog, files, store, keep, problems):
        if kept is not None:
            repo.submissions.append(kept)
        problems += check.problems
        supplied.merge(check.accepted)
        repo.figures += check.figures
        if compare:  # only validate compares figures across cycles
            readings.add(check.readings)
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
            doc = parsed[path] = read_file(root, path)[1]
        return doc

    known = [identity for _path, identity in identities if identity is not None]
    if len(set(known)) < len(known):  # the rule's module is imported only when it has work
        from hcmlc.checks.submission import check_duplicates

        problems += check_duplicates(identities, doc_of)
    if repo.catalog is not None and readings and compare:
        problems += check_changes(repo.catalog, readings, doc_of)
    if repo.catalog is not None:
        dated = [(f.path, key[1], f.submitted) for key, f in repo.files.items() if f.submitted]
        problems += check_dates(repo.catalog, dated, today(), doc_of)
        problems += load_confirmations(repo)
    if store:
        store.save()
        repo.digests = store.shas
    repo.problems = cap_per_file(problems)  # sorted by file and place
    return repo


def read_document(root: Path, relative: str) -> tuple[bytes | None, Document]:
    """One file of the repository: its bytes (None when unreadable) and its document."""
    return read_file(root, relative)
