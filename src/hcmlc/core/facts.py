"""What a repository holds once read and checked (repository/load.py computes it): the facts
the documents are computed from. Plain values: reading them touches no disk and no git, so
that a document (the form, the report, the page's targets) says only what it was given."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from pathlib import Path

from hcmlc.core.catalog import Catalog
from hcmlc.core.delivery import Delivery, FileKey
from hcmlc.core.figures import LocalFigure
from hcmlc.core.results import Entries, Entry, SubmissionFile
from hcmlc.models.targets import Targets


@dataclass(frozen=True)
class Facts:
    """The catalog, the files read, what they supplied, and when each arrived."""

    root: Path
    """The repository's top folder, where the paths of photos start."""
    catalog: Catalog
    submissions: Sequence[SubmissionFile]
    """The submission files read (all, or those a view needs)."""
    supplied: Set[Entry]
    """The entries that passed validation, of every file."""
    figures: Sequence[LocalFigure]
    """The units' accepted figures of indicators with a city figure formed from them."""
    targets: Targets | None
    """data/targets.yaml when present and sound."""
    targets_broken: bool
    """Whether data/targets.yaml exists and has errors (no target can then be read)."""
    deliveries: Mapping[FileKey, Delivery]
    """When each agency's file of each cycle was delivered, and each entry where known."""

    def known_on(self, as_of: dt.date) -> Facts:
        """These facts as known on `as_of`: without the entries and units' figures of the files
        not arrived by then (a file of unknown date counts, as status counts it); a view as of
        that day knows nothing of them."""
        late = {key for key, delivery in self.deliveries.items() if not delivery.by(as_of)}
        if not late:
            return self
        grouped = self.supplied if isinstance(self.supplied, Entries) else Entries.of(self.supplied)
        supplied = Entries(
            {group: items for group, items in grouped.groups() if (group[1], group[0]) not in late}
        )
        figures = [f for f in self.figures if (f.agency, f.cycle) not in late]
        return dataclasses.replace(self, supplied=supplied, figures=figures)
