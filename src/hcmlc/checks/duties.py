"""What an agency owes in a cycle, as the submission checker judges each entry: whether the
entry is owed (else why not), an id filed in the other section or nobody's, a year outside the
cycle, and an entry accepted once its rules pass (a part of `submission._SubmissionChecker`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from hcmlc.checks.data import unknown_id
from hcmlc.checks.file_rules import FileRules
from hcmlc.diagnostics import Severity
from hcmlc.i18n import N_, _

if TYPE_CHECKING:
    from hcmlc.core.results import ItemKind
    from hcmlc.models.registry import Cycle
    from hcmlc.yamlfiles.reader import Loc

INCOMPLETE = "HCMLC-W092"
"""An answer that lacks some of its parts: worth a warning, and not supplied until complete."""


@dataclass(frozen=True)
class _ItemRule:
    """The messages about one kind of item (indicator or answer), marked for translation."""

    noun: str
    not_assigned: str
    not_assigned_hint: str
    not_asked: str
    move: str

    def show(self, item_id: str) -> str:
        return item_id if self.noun == "indicator" else f"`{item_id}`"


_ITEM_RULES: dict[ItemKind, _ItemRule] = {
    "indicator": _ItemRule(
        "indicator",
        N_("`{agency}` is not assigned indicator {item}; it is supplied by {owners}"),
        N_(
            "remove this entry, or ask the coordinator to assign it in data/frameworks.yaml",
        ),
        N_("cycle {cycle} does not ask for indicator values"),
        N_("move the value to a cycle that asks for indicators"),
    ),
    "answer": _ItemRule(
        "question",
        N_("`{agency}` is not assigned question {item}; it is answered by {owners}"),
        N_(
            "remove this answer, or ask the coordinator to assign it in data/assignments.yaml",
        ),
        N_("cycle {cycle} does not ask for form answers"),
        N_("move the answer to the application cycle's file"),
    ),
}


_Duties = tuple[dict[str, list[str]], dict[tuple[str, str], frozenset[str]], bool]
"""Who owes each item of a kind in a cycle, as lists (`Catalog.owners`) and as sets
(`Catalog.owner_sets`), and whether the cycle asks for that kind."""


class DutyRules(FileRules):
    """The duty rules of the submission checker, which provides the state; `agency` and
    `cycle` are set by the identity rules before any entry."""

    accepted: dict[ItemKind, set[str]]
    """Kind → the ids of the items accepted, all of the file's agency and cycle."""
    agency: str | None
    cycle: Cycle | None
    _duties: dict[ItemKind, _Duties]
    """Kind → its `_Duties` in the file's cycle: the checker starts it empty, `_admit` fills
    it once the identity rules have set the agency and cycle."""

    def _admit(self, kind: ItemKind, item_id: str, loc: Loc) -> bool:
        """Whether this agency owes the item (known only when the agency and cycle are); warn
        when the cycle does not ask for it."""
        agency = self.agency
        if agency is None:
            return False
        duties = self._duties.get(kind)
        if duties is None:  # the same for every entry of the file: looked up once
            cycle = self.cycle
            duties = self._duties[kind] = (
                self.catalog.owners(kind, cycle),
                self.catalog.owner_sets(cycle),
                cycle is not None and cycle.deadlines.of(kind) is not None,
            )
        all_owners, owner_sets, asked = duties
        owing = owner_sets.get((kind, item_id))
        if owing is not None and agency in owing and asked:  # as most entries are
            return True
        rules = _ITEM_RULES[kind]
        if item_id not in all_owners:  # an indicator of a framework the cycle does not ask for
            assert self.cycle is not None
            self._add(
                loc,
                "HCMLC-W031",
                _("cycle {cycle} does not ask for the indicators of `{framework}`").format(
                    cycle=self.cycle.id, framework=self.catalog.framework_of[item_id].id
                ),
                _("move the value to a cycle that asks for them (`frameworks:` of its cycle)"),
                key=True,
            )
            return False
        owners = all_owners[item_id]
        if owing is None or agency not in owing:
            self._add(
                loc,
                "HCMLC-E021",
                _(rules.not_assigned).format(
                    agency=agency,
                    item=rules.show(item_id),
                    owners=", ".join(owners) or _("nobody"),
                ),
                _(rules.not_assigned_hint),
                key=True,
            )
            return False
        if self.cycle is not None and not asked:
            self._add(
                loc,
                "HCMLC-W031",
                _(rules.not_asked).format(cycle=self.cycle.id),
                _(rules.move),
                key=True,
            )
        return self.cycle is not None

    def _misfiled_or_unknown(self, kind: ItemKind, item_id: str, loc: Loc) -> None:
        """An id that is not of its section's kind: the other section's, or nobody's."""
        if kind == "indicator" and item_id in self.catalog.questions:
            message = _("`{id}` is a question of the form, not an indicator")
            hint = _("move `{id}:` and its lines under `answers:`")
        elif kind == "answer" and item_id in self.catalog.indicators:
            message = _("{id} is an indicator, not a question of the form")
            hint = _("move `{id}:` and its lines under `indicators:`")
        else:
            noun, pool = (
                ("indicator", self.catalog.indicators)
                if kind == "indicator"
                else ("question", self.catalog.questions)
            )
            self.problems.append(unknown_id(self.doc, loc, noun, item_id, pool, key=True))
            return
        self._add(loc, "HCMLC-E020", message.format(id=item_id), hint.format(id=item_id), key=True)

    def _check_year(self, loc: Loc, year: int) -> None:
        cycle = self.cycle
        if cycle is None or cycle.first_year <= year <= cycle.last_year:
            return
        span = (
            f"{cycle.first_year}–{cycle.last_year}"
            if cycle.first_year != cycle.last_year
            else str(cycle.first_year)
        )
        self._add(
            loc + ("year",),
            "HCMLC-E023",
            _("year {year} is outside cycle {cycle}, which covers {span}").format(
                year=year, cycle=cycle.id, span=span
            ),
            _("give the year the figure describes; older figures belong to an earlier cycle"),
        )

    def _passed(self, before: int) -> bool:
        """Whether the problems found since `before` leave the entry supplied: none, or only
        warnings (an incomplete answer is a warning, but not supplied)."""
        found = len(self.problems) - before
        return found == 0 or found == sum(
            p.severity is Severity.WARNING and p.code != INCOMPLETE for p in self.problems[before:]
        )

    def _accept(self, kind: ItemKind, item_id: str) -> None:
        assert self.agency is not None and self.cycle is not None
        self.accepted.setdefault(kind, set()).add(item_id)
