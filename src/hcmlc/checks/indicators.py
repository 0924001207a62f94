"""Rules of a submission's `indicators:` entries: each entry a block, its unit the
indicator's, its value or parts read as people write figures, its year in the cycle, its
evidence inside the repository; an accepted figure is kept for the city's totals and the check
of changes across cycles (a part of `submission._SubmissionChecker`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hcmlc.checks.duties import DutyRules
from hcmlc.checks.schema_errors import mapping_hint, read_fields
from hcmlc.core.figures import EntryProblem, LocalFigure, Written, WrittenFigures, read_figures
from hcmlc.core.results import Observed
from hcmlc.core.values import ValueProblem
from hcmlc.diagnostics import excerpt
from hcmlc.files.confine import Escape, escape
from hcmlc.i18n import N_, _
from hcmlc.models.submission import IndicatorValue

if TYPE_CHECKING:
    from hcmlc.core.results import Consulted
    from hcmlc.yamlfiles.reader import Loc

_EVIDENCE_ESCAPES: dict[Escape, str] = {
    "control": N_("evidence path `{path}` holds a control character"),
    "absolute": N_("evidence path `{path}` is absolute"),
    "climbs": N_("evidence path `{path}` climbs out with `..`"),
    "link": N_("evidence path `{path}` leads outside the repository (through a link)"),
}


class IndicatorRules(DutyRules):
    """The indicator rules of the submission checker, which provides the state."""

    consulted: list[tuple[Consulted, str]]
    figures: list[LocalFigure]
    readings: list[Observed]

    def _check_indicator(
        self, indicator_id: str, entry: Any, fields: dict[str, Any] | None = None
    ) -> None:
        """One entry of `indicators:`; `fields` when the entry is known to fit the schema."""
        loc: Loc = ("indicators", indicator_id)
        indicator = self.catalog.indicators.get(indicator_id)
        if indicator is None:
            self._misfiled_or_unknown("indicator", indicator_id, loc)
            return
        before = len(self.problems)
        owed = self._admit("indicator", indicator_id, loc)
        if fields is None:
            if not isinstance(entry, dict):
                hint = _("write the figure after `value:`, and `year:` below it")
                self._not_a_block(loc, entry, hint)
                return
            read, problems = read_fields(IndicatorValue, entry, self.doc, loc)
            self.problems += problems
            fields = read or {}
            written: Written | None = None
        else:
            written = entry  # the model itself: its value and parts as written
        unit = fields.get("unit")
        if unit is not None and unit != indicator.unit:  # a StrEnum equals its text
            expected_unit = indicator.unit.value if indicator.unit else None
            if expected_unit:
                message = _("indicator {id} is measured in `unit: {expected}`, not `{unit}`")
                hint = _("write `unit: {expected}` or leave `unit` out")
            else:
                message = _(
                    "indicator {id} is measured in no unit (it is qualitative), not `{unit}`"
                )
                hint = _("delete `unit`")
            self._add(
                loc + ("unit",),
                "HCMLC-E022",
                message.format(id=indicator_id, expected=expected_unit, unit=excerpt(str(unit))),
                hint.format(expected=expected_unit),
            )
        if "value" in fields or "parts" in fields:
            if written is None:
                written = WrittenFigures(fields.get("value"), fields.get("parts") or {})
            try:
                value, parts = read_figures(written, indicator)
            except EntryProblem as problem:
                value = None
                where = loc + problem.where
                old = written.parts.get(str(where[-1])) if where[-2:-1] == ("parts",) else None
                fix = _fix(old, problem.replacement)
                self._add(where, problem.code, str(problem), problem.hint, key=problem.key, fix=fix)
            except ValueProblem as problem:
                value = None
                self._add(
                    loc + ("value",),
                    "HCMLC-E022",
                    _("indicator {id}: {problem}").format(id=indicator_id, problem=problem),
                    problem.hint,
                    fix=_fix(written.value, problem.replacement),
                )
        else:
            value = None
        if "year" in fields:
            self._check_year(loc, fields["year"])
        if fields.get("evidence") is not None:
            self._check_evidence(loc, fields["evidence"])
        if owed and self._passed(before):
            self._accept("indicator", indicator_id)
            if isinstance(value, float) and self.cycle:
                assert self.agency is not None
                self.readings.append(
                    Observed(
                        self.cycle.id,
                        self.agency,
                        indicator_id,
                        fields["year"],
                        value,
                        bool(fields.get("note")),
                        self.doc.path,
                        loc + ("value" if "value" in fields else "parts",),
                    )
                )
            if indicator.aggregate is not None and value is not None:
                assert isinstance(value, float) and self.agency and self.cycle
                self.figures.append(
                    LocalFigure(
                        self.cycle.id,
                        self.agency,
                        indicator_id,
                        fields["year"],
                        value,
                        parts,
                        bool(fields.get("illustrative")),
                    )
                )

    def _not_a_block(self, loc: Loc, entry: Any, hint: str) -> None:
        """An entry that is a single value where its `key: value` lines were meant."""
        shown = f"`{entry}`" if isinstance(entry, str) else _("a list")
        self._add(
            loc,
            "HCMLC-E012",
            _("`{name}` must be a mapping of `key: value` lines, not {value}").format(
                name=loc[-1], value=_("an empty value") if entry is None else shown
            ),
            mapping_hint(entry) or hint,
        )

    def _check_evidence(self, loc: Loc, evidence: str) -> None:
        self.consulted.append(("evidence", evidence))
        way = escape(self.root, evidence)
        if way is None:
            return
        self._add(
            loc + ("evidence",),
            "HCMLC-E052",
            _(_EVIDENCE_ESCAPES[way]).format(path=evidence),
            _(
                "give a web link (https://…), a document's reference, or a path from the "
                "repository's top folder, e.g. evidence/2023/bao-cao.pdf"
            ),
        )


def _fix(old: Any, new: str | None) -> tuple[str, str] | None:
    """The certain replacement of a value written as the text `old`, for `validate --fix`."""
    return (old, new) if isinstance(old, str) and new is not None and old != new else None
