"""JSON written piece by piece (render/json_stream.py) is byte for byte what `json.dumps` of
the whole document wrote (issue 29: status of a city ×10 as JSON no longer held in memory at
once), for status on the bundled data and on a small generated city."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from hcmlc.render import json_stream, status_json
from hcmlc.render.escape import json_text
from hcmlc.render.json_stream import Streamed, write_streamed

PROJECT = Path(__file__).resolve().parents[1]


def made(value: Any) -> Any:
    """`value` with every streamed list made a list, as the document was before streaming."""
    if isinstance(value, Streamed):
        return [made(value.convert(item)) for item in value.items]
    if isinstance(value, dict):
        return {key: made(v) for key, v in value.items()}
    if isinstance(value, list):
        return [made(v) for v in value]
    return value


def streamed_text(document: Any, indent: int | None) -> str:
    written: list[str] = []
    write_streamed(written.append, document, indent)
    return "".join(written)


def whole_text(document: Any, indent: int | None) -> str:
    """What `write_json` wrote before: `json.dumps` of the whole document, escaped."""
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(made(document), ensure_ascii=False, indent=indent, separators=separators)
    return json_text(text) + "\n"


def _row(n: int) -> dict[str, Any]:
    return {"id": f"ô-{n}", "n": n, "share": n / 7, "none": None, "empty": [], "also": {}}


DOCUMENTS = {
    "plain": {"a": 1, "b": [1, 2], "c": {}},
    "a streamed list across chunks": {
        "rows": Streamed(list(range(2 * json_stream.CHUNK + 3)), _row),
        "after": "x",
    },
    "an empty streamed list": {"rows": Streamed([], _row), "then": [{}, []]},
    "streamed lists inside streamed elements": {
        "cycles": Streamed(
            [3, 0, json_stream.CHUNK + 1],
            lambda n: {"cycle": n, "rows": Streamed(list(range(n)), _row), "tail": [n]},
            nested=True,
        )
    },
    "streamed lists inside a list and at the top": [
        {"rows": Streamed([1, 2], _row)},
        Streamed([5], _row),
        [],
    ],
    "characters escaped": {
        "rows": Streamed(["\u2028", "\x85", "\u202e", "\x1b", '"\\', "Phường Bến Nghé"], str),
    },
}


@pytest.mark.parametrize("indent", [None, 0, 2, 4])
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_streamed_json_is_what_json_dumps_wrote(name: str, indent: int | None) -> None:
    document = DOCUMENTS[name]
    assert streamed_text(document, indent) == whole_text(document, indent)


def test_a_streamed_document_with_a_key_not_text_is_refused() -> None:
    with pytest.raises(TypeError):
        streamed_text({1: Streamed([1], str)}, None)


def _outputs(hcmlc, root: Path, agency: str, monkeypatch) -> list[tuple[str, str]]:
    """What each of four `status --format json` runs printed, streamed as ever, beside what
    `write_json` wrote before for the very document of that run (`json.dumps` of the whole,
    made after the streaming: `Streamed` lists are made again from their items). Each run
    computes its document once, for both (the two writers of one document compared, where a
    run for each writer computed every document twice)."""
    wholes: list[str] = []

    def both(write: Any, document: Any, indent: int | None) -> None:
        write_streamed(write, document, indent)
        wholes.append(whole_text(document, indent))

    monkeypatch.setattr(status_json, "write_streamed", both)
    status = ("status", "--root", str(root), "--as-of", "2030-01-01", "--format", "json")
    runs = [
        hcmlc(*status, "--no-cache"),
        hcmlc(*status, "--indent", "2", "--no-cache"),
        hcmlc(*status, "--agency", agency, "--no-cache"),
        hcmlc(*status, "--cycle", "2023", "--indent", "3", "--no-cache"),
    ]
    assert all(code in (0, 1) and out for code, out, _err in runs)
    assert len(wholes) == len(runs)  # one document written by each run
    return [(out, whole) for (_code, out, _err), whole in zip(runs, wholes, strict=True)]


def test_status_json_is_byte_for_byte_as_before_on_the_bundled_data(
    hcmlc, bundled, monkeypatch
) -> None:
    for streamed, whole in _outputs(hcmlc, bundled, "so-gddt", monkeypatch):
        assert streamed == whole


def test_status_json_is_byte_for_byte_as_before_on_a_generated_city(
    hcmlc, tmp_path, monkeypatch
) -> None:
    sys.path.insert(0, str(PROJECT / "bench"))
    try:
        import citygen
    finally:
        sys.path.remove(str(PROJECT / "bench"))
    root = tmp_path / "city"
    assert citygen.build(root, wards=40, years=3) == 120
    outputs = _outputs(hcmlc, root, "phuong-00007", monkeypatch)
    for streamed, whole in outputs:
        assert streamed == whole
    document = json.loads(outputs[0][0])
    assert len(document["obligations"]) > json_stream.CHUNK  # more than one chunk written
    assert document["earlier_cycles"][0]["obligations"]  # and the nested streamed lists
