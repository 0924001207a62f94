"""The models of data/ are built once per process for the same bytes and language
(repository/reading.py's `data_model`, checks/framework_use.py's `_owned`): a second load of the
same files is served them, and any change of a file's bytes, or of the language, is read anew."""

from __future__ import annotations

from pathlib import Path

from hcmlc.i18n import use_language
from hcmlc.repository.load import load


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_same_bytes_give_the_same_models_and_an_edit_is_read(bundled: Path) -> None:
    first = load(bundled, submissions=False)
    again = load(bundled, submissions=False)
    assert first.catalog is not None and again.catalog is not None
    assert again.catalog.framework is first.catalog.framework  # kept, not built again
    assert again.catalog.assignments.groups is first.catalog.assignments.groups
    assert again.problems == first.problems

    assignments = bundled / "data/assignments.yaml"
    _edit(assignments, 'current_cycle: "2025"', 'current_cycle: "2023"')
    edited = load(bundled, submissions=False)
    assert edited.catalog is not None
    assert edited.catalog.assignments.current_cycle == "2023"
    assert first.catalog.assignments.current_cycle == "2025"  # the first load's is untouched

    uses = bundled / "data/frameworks.yaml"
    assert first.catalog.indicator_owners["1.1.1.a"] == ["so-gddt"]
    _edit(uses, '"1.1.1.a": ["so-gddt"]', '"1.1.1.a": ["so-noi-vu"]')
    reassigned = load(bundled, submissions=False)
    assert reassigned.catalog is not None
    assert reassigned.catalog.indicator_owners["1.1.1.a"] == ["so-noi-vu"]
    assert first.catalog.indicator_owners["1.1.1.a"] == ["so-gddt"]


def test_a_broken_data_file_is_told_in_the_language_of_each_run(bundled: Path) -> None:
    _edit(bundled / "data/assignments.yaml", 'current_cycle: "2025"', "current_cycle: [2025]")
    try:
        use_language("en")
        english = load(bundled, submissions=False).problems
        use_language("vi")
        vietnamese = load(bundled, submissions=False).problems
    finally:
        use_language(None)
    assert [(p.path, p.line, p.code) for p in english] == [
        (p.path, p.line, p.code) for p in vietnamese
    ]
    assert english and english[0].path == "data/assignments.yaml"
    assert english[0].message != vietnamese[0].message
    english.clear()  # each load has a list of its own
    use_language("en")
    try:
        assert load(bundled, submissions=False).problems != []
    finally:
        use_language(None)


def test_the_catalog_is_kept_and_a_focal_point_edited_is_read(bundled: Path) -> None:
    """The catalog is assembled once for the same models (repository/assembled.py); a focal
    point added, then changed, in data/focal-points.yaml is in the next load's catalog."""
    first = load(bundled, submissions=False).catalog
    assert first is not None and load(bundled, submissions=False).catalog is first
    ward = "phuong-sai-gon"
    assert first.agencies[ward].focal_point is None

    points = bundled / "data/focal-points.yaml"
    points.write_text(
        f'focal_points:\n  {ward}: {{name: "Trần Thị Bích", email: "a@example.org"}}\n', "utf-8"
    )
    with_point = load(bundled, submissions=False).catalog
    assert with_point is not None and with_point is not first
    focal = with_point.agencies[ward].focal_point
    assert focal is not None and (focal.name, focal.email) == ("Trần Thị Bích", "a@example.org")
    _edit(points, "a@example.org", "b@example.org")
    changed = load(bundled, submissions=False).catalog
    assert changed is not None and changed.agencies[ward].focal_point.email == "b@example.org"
    points.unlink()
    assert load(bundled, submissions=False).catalog is first  # the same files again
