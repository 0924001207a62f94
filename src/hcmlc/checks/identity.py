"""Rules of where a submission file sits and whose it is: its agency and cycle exist, the file
is named and placed after them, and the agency holds duties in the cycle (else who does, after a
reorganisation). A part of `submission._SubmissionChecker`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import PurePosixPath

from hcmlc.checks.data import unknown_id
from hcmlc.checks.file_rules import FileRules
from hcmlc.i18n import _
from hcmlc.models.registry import Cycle


class IdentityRules(FileRules):
    """The identity rules of the submission checker, which provides the state; they set
    `agency`, `cycle` and `identity` for the rules that follow."""

    agency: str | None
    cycle: Cycle | None
    identity: tuple[str, str] | None

    def _check_identity(self, agency: str | None, cycle: str | None) -> None:
        if agency is not None and agency not in self.catalog.agencies:
            self.problems.append(
                unknown_id(self.doc, ("agency",), "agency", agency, self.catalog.agencies)
            )
        if cycle is not None:
            self.cycle = self.catalog.cycles.get(cycle)
            if self.cycle is None:
                self.problems.append(
                    unknown_id(self.doc, ("cycle",), "cycle", cycle, self.catalog.cycles)
                )
        # An unknown agency or cycle is one fault, said above: not also a misnamed file.
        if agency in self.catalog.agencies and self.cycle is not None:
            assert agency is not None and cycle is not None
            if self._in_place(agency, cycle):
                self.identity = (agency, cycle)
            elif PurePosixPath(self.doc.path).parts[1:2] != (cycle,):
                self.cycle = None  # the folder says another cycle: judge years by neither
        # A cycle written but unreadable (`“2025”`) is one fault, said by the schema: who owes
        # what is not known without it, so no entry is judged against another cycle's duties.
        unreadable = (
            cycle is None and isinstance(self.doc.data, dict) and self.doc.data.get("cycle")
        )
        if (
            agency in self.catalog.agencies
            and not unreadable
            and (cycle is None or self.cycle is not None)
        ):
            self.agency = agency if self._active(agency) else None

    def _in_place(self, agency: str, cycle: str) -> bool:
        """Whether the file sits at submissions/<cycle>/<agency>.y*ml; say so when it does not."""
        parts = PurePosixPath(self.doc.path).parts
        expected = f"submissions/{cycle}/{agency}.yaml"
        if len(parts) != 3 or parts[0] != "submissions":
            self._add(
                ("agency",),
                "HCMLC-E028",
                _("a submission file must sit in its cycle's folder"),
                _("move it to {path}").format(path=expected),
            )
        elif PurePosixPath(parts[2]).stem != agency:
            self._add(
                ("agency",),
                "HCMLC-E026",
                _("the file is named `{name}` but says `agency: {agency}`").format(
                    name=parts[2], agency=agency
                ),
                _("rename the file to {path}, or correct `agency:`").format(path=expected),
            )
        elif parts[1] != cycle:
            self._add(
                ("cycle",),
                "HCMLC-E026",
                _("the file is in folder `{folder}` but says `cycle: {cycle}`").format(
                    folder=parts[1], cycle=cycle
                ),
                (
                    _("correct `cycle:` to {folder}; {path} exists already")
                    if (self.root / expected).exists()
                    else _("correct `cycle:` to {folder}, or move the file to {path}")
                ).format(folder=json.dumps(parts[1]), path=expected),
            )
        else:
            return True
        return False

    def _active(self, agency_id: str) -> bool:
        """Whether the agency exists in the cycle (not ended, not yet to come); say so if not."""
        if self.cycle is None:
            return True
        agency = self.catalog.agencies[agency_id]
        day = self.cycle.reference_date
        if agency.active_on(day):
            return True
        if agency.ended is not None and day >= agency.ended:
            message = _("`{agency}` ended on {day}, before cycle {cycle}")
        else:
            message = _("`{agency}` holds no duties before {day}")
        message = message.format(
            agency=agency.id, day=agency.ended or agency.started, cycle=self.cycle.id
        )
        self._add(("agency",), "HCMLC-E060", message, self._successor_hint(agency.id, day))
        return False

    def _successor_hint(self, agency_id: str, day: dt.date) -> str:
        """Who reports in the place of an agency that ended: its successor, the successor of
        each duty of a split agency, or the units that took over a district's territory."""
        assert self.cycle is not None
        cycle = self.cycle.id
        successors = self.catalog.succession.successors(agency_id, day)
        if len(successors) == 1:
            holder = next(iter(successors))
            return _("its duties in cycle {cycle} are `{holder}`'s: submit as {file}").format(
                cycle=cycle, holder=holder, file=f"submissions/{cycle}/{holder}.yaml"
            )
        if successors:
            parts = [
                _("{items}: `{holder}`").format(items=", ".join(items), holder=holder)
                if items
                else _("the rest: `{holder}`").format(holder=holder)
                for holder, items in successors.items()
            ]
            return _(
                "its duties in cycle {cycle} were split; each successor submits its part in "
                "its own file: {parts}"
            ).format(cycle=cycle, parts="; ".join(parts))
        units = self.catalog.territories.get(agency_id, [])
        if units:
            shown = ", ".join(f"`{u}`" for u in units[:5]) + (", …" if len(units) > 5 else "")
            return _(
                "its territory passed to {count} wards and communes ({units}): each submits "
                "its own file, e.g. submissions/{cycle}/{first}.yaml"
            ).format(count=len(units), units=shown, cycle=cycle, first=units[0])
        return _(
            "ask the coordinator which agency reports in its place "
            "(`successor:` in data/assignments.yaml)"
        )
