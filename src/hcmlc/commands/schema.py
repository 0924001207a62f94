"""`hcmlc schema`: the JSON Schema of submission files, for editors and for CI's drift check."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from hcmlc.commands.generated import GeneratedOptions, publish
from hcmlc.documents.json_schema import SCHEMA_PATH, schema_text
from hcmlc.repository.load import load


def write_schema(console: Console, root: Path, options: GeneratedOptions) -> int:
    """Print the schema, write it to `out`, or check the committed one (`out` or the default)."""
    text = schema_text(load(root).require_catalog())
    check = options.check
    target = options.out or (root / SCHEMA_PATH if check else None)
    return publish(console, root, text, target, check, f"hcmlc schema --out {SCHEMA_PATH}")
