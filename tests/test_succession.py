"""Who holds a duty after the 2025 reorganisation: per duty for a split department, along a
chain of successors with their dates, the wards and communes in the districts' place; and the
registry mistakes of succession, each located with its fix."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from hcmlc.models.registry import Cycle
from hcmlc.repository.load import load


@pytest.fixture
def catalog(repo):
    return load(repo.root).require_catalog()


def on(day: str) -> Cycle:
    """A progress cycle whose work falls to the agencies of `day`."""
    year = int(day[:4])
    return Cycle.model_validate(
        {
            "id": f"c-{day}",
            "kind": "progress",
            "title": {"vi": day},
            "first_year": year,
            "last_year": year,
            "deadlines": {"indicators": day},
        }
    )


def test_1_1_4_b_is_owed_by_so_y_te_in_2025_and_by_so_ldtbxh_in_2024(catalog) -> None:
    """Social protection went to Sở Y tế on 1 March 2025, not to Sở Nội vụ."""
    assert catalog.owners("indicator", catalog.cycles["2024"])["1.1.4.b"] == ["so-ldtbxh"]
    assert catalog.owners("indicator", catalog.cycles["2025"])["1.1.4.b"] == ["so-y-te"]
    owners = catalog.owners("indicator", catalog.cycles["2025"])
    # 2.1.4.a: also poverty reduction's and ethnic minorities' departments from 2025
    assert [owners[i] for i in ("2.1.4.a", "2.1.4.b")] == [
        ["so-y-te", "so-nn-mt", "so-dt-tg"],
        ["so-y-te"],
    ]
    assert owners["1.2.2.a"] == ["so-noi-vu"]  # labour and employment: the default successor
    assert owners["2.3.2.a"] == ["so-gddt"]  # vocational education, once, not twice
    assert owners["3.3.3.a"][0] == "so-y-te"


def test_3_3_4_a_has_owners_in_2025_the_168_units(catalog) -> None:
    units = [a.id for a in catalog.agencies.values() if a.code is not None]
    assert catalog.owners("indicator", catalog.cycles["2025"])["3.3.4.a"] == units
    assert len(units) == 168
    assert len(catalog.owners("indicator", catalog.cycles["2023"])["3.3.4.a"]) == 22


def test_the_districts_part_of_3_2_2_a_goes_to_the_units(catalog) -> None:
    owners = catalog.owners("indicator", catalog.cycles["2025"])["3.2.2.a"]
    assert "quan-1" not in owners and "phuong-sai-gon" in owners and "so-gddt" in owners


@pytest.mark.parametrize(
    ("day", "holder"),
    [
        ("2025-02-28", "so-gtvt"),
        ("2025-03-01", "so-gtcc"),  # Sở Giao thông Công chánh from 1 March 2025
        ("2025-04-30", "so-gtcc"),
        ("2025-05-01", "so-xay-dung"),  # merged into Construction on 1 May 2025
    ],
)
def test_transport_passes_through_public_works_to_construction(catalog, day, holder) -> None:
    assert catalog.owners("indicator", on(day))["1.3.2.a"] == [holder]


@pytest.mark.parametrize(("day", "holder"), [("2025-04-30", "so-tnmt"), ("2025-05-01", "so-nn-mt")])
def test_environment_is_renamed_on_1_may_2025(catalog, day, holder) -> None:
    assert catalog.owners("indicator", on(day))["1.3.1.a"] == [holder]


def test_new_submission_follows_the_split(hcmlc, repo) -> None:
    code, _, _ = hcmlc(
        "new-submission", "--root", str(repo.root), "--agency", "so-y-te", "--cycle", "2025"
    )
    assert code == 0
    text = (repo.root / "submissions/2025/so-y-te.yaml").read_text(encoding="utf-8")
    for item in ("1.1.4.b", "2.1.4.a", "2.1.4.b", "3.3.3.a"):
        assert f"  # {item}:" in text
    hcmlc("new-submission", "--root", str(repo.root), "--agency", "so-noi-vu", "--cycle", "2025")
    text = (repo.root / "submissions/2025/so-noi-vu.yaml").read_text(encoding="utf-8")
    assert "  # 1.2.2.a:" in text and "  # 1.1.4.b:" not in text


def test_status_names_where_each_duty_of_a_split_agency_went(hcmlc, repo) -> None:
    code, out, _ = hcmlc(
        "status", "--root", str(repo.root), "--cycle", "2025", "--agency", "so-ldtbxh",
        "--format", "json",
    )  # fmt: skip
    assert code == 0
    split = json.loads(out)["standing"]["split"]
    assert split["so-noi-vu"] == []
    assert split["so-y-te"][:4] == ["1.1.4.b", "2.1.4.a", "2.1.4.b", "3.3.3.a"]
    assert split["so-gddt"] == ["2.3.2.a", "access-policies"]
    _, out, _ = hcmlc("status", "--root", str(repo.root), "--cycle", "2025", "--format", "json")
    y_te = next(o for o in json.loads(out)["obligations"] if o["item"] == "1.1.4.b")
    assert (y_te["agency"], y_te["formerly"]) == ("so-y-te", ["so-ldtbxh"])


def registry_problems(hcmlc, repo, old: str, new: str) -> list[dict]:
    path = repo.root / "data/assignments.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    _, out, _ = hcmlc("validate", "--root", str(repo.root), "--format", "json")
    return json.loads(out)["problems"]


def line_of(repo, needle: str) -> int:
    text = (repo.root / "data/assignments.yaml").read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def test_an_unknown_successor_of_a_duty_is_located(hcmlc, repo) -> None:
    [p] = registry_problems(hcmlc, repo, '- successor: "so-y-te"', '- successor: "so-yte"')
    assert (p["code"], p["message"], p["hint"]) == (
        "HCMLC-E020",
        "unknown agency `so-yte`",
        "did you mean `so-y-te`?",
    )
    assert p["line"] == line_of(repo, '- successor: "so-yte"')


def test_an_unknown_duty_is_located(hcmlc, repo) -> None:
    [p] = registry_problems(hcmlc, repo, '["2.3.2.a", "access-policies"]', '["2.3.2.z"]')
    assert (p["code"], p["message"]) == ("HCMLC-E020", "unknown indicator or question `2.3.2.z`")
    assert p["hint"] == "did you mean `2.3.2.a`?"


def test_two_successors_claiming_one_duty_is_located(hcmlc, repo) -> None:
    [p] = registry_problems(
        hcmlc, repo, 'items: ["2.3.2.a", "access-policies"]', 'items: ["2.3.2.a", "1.1.4.b"]'
    )
    assert (p["code"], p["message"], p["hint"]) == (
        "HCMLC-E063",
        "`1.1.4.b` of `so-ldtbxh` is claimed by two successors; `so-y-te` claims it first",
        "name each duty under one successor only",
    )
    assert p["line"] == line_of(repo, 'items: ["2.3.2.a", "1.1.4.b"]')


def test_a_succession_loop_is_located(hcmlc, repo) -> None:
    """Sở Xây dựng said to end on 1 June 2025 and hand its duties back to Sở GTVT: a chain of
    dates that comes back to where it started."""
    found = registry_problems(
        hcmlc,
        repo,
        '    reviewers: ["@hcmc-learning-city/so-xay-dung"]\n'
        '    focal_point: {name: "Hồ Thị Ngọc", email: "dau-moi.so-xay-dung@example.org", phone: "028 0000 0013"}\n'
        "    started: 2025-05-01\n",
        '    reviewers: ["@hcmc-learning-city/so-xay-dung"]\n'
        '    focal_point: {name: "Hồ Thị Ngọc", email: "dau-moi.so-xay-dung@example.org", phone: "028 0000 0013"}\n'
        "    started: 2025-05-01\n"
        '    ended: 2025-06-01\n    successor: "so-gtvt"\n',
    )
    assert {p["code"] for p in found} == {"HCMLC-E062"}
    chains = sorted(p["message"] for p in found)
    assert chains[0] == (
        "the successors of `so-gtcc` come back to it: so-gtcc → so-xay-dung → so-gtvt → so-gtcc"
    )
    assert len(found) == 3  # each agency of the loop: so-gtvt, so-gtcc, so-xay-dung
    assert all(p["hint"].startswith("an agency's duties pass forward in time") for p in found)


def test_the_holder_of_a_loop_is_nobody_never_a_hang(repo) -> None:
    path = repo.root / "data/assignments.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        '    started: 2025-05-01\n  - id: "so-nn-mt"',
        '    started: 2025-05-01\n    ended: 2025-06-01\n    successor: "so-gtvt"\n  - id: "so-nn-mt"',
    )
    path.write_text(text, encoding="utf-8")
    catalog = load(repo.root).require_catalog()
    assert catalog.succession.holder("so-gtvt", dt.date(2025, 7, 1)) is None


def test_new_submission_of_a_district_in_2025_names_the_units_of_its_territory(hcmlc, repo) -> None:
    code, _, err = hcmlc(
        "--lang", "en", "new-submission", "--root", str(repo.root), "--agency", "quan-1",
        "--cycle", "2025",
    )  # fmt: skip
    assert code == 2
    assert err.splitlines()[-1] == (
        "hint: `quan-1` ended on 2025-07-01: its territory passed to 4 wards and communes, each "
        "with its own file (e.g. `--agency phuong-tan-dinh`)"
    )
