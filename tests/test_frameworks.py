"""More than one framework: the national learning models beside UNESCO's, a third added by a
file, ids unique across them, a cycle asking for the frameworks it names, and a repository
without data/frameworks/ working as before."""

from __future__ import annotations

import json
import shutil

from hcmlc.repository.load import load

THIRD = """
id: "district-survey"
title: {vi: "Khảo sát riêng"}
areas:
  - id: "ks"
    title: {vi: "Khảo sát"}
    standards:
      - id: "ks.1"
        title: {vi: "Thư viện"}
        criteria:
          - id: "ks.1.1"
            title: {vi: "Thư viện cộng đồng"}
            indicators:
              - id: "ks.1.1.a"
                text: {vi: "Số thư viện cộng đồng"}
                kind: "quantitative"
                unit: "count"
                aggregate: "sum"
                agencies: ["all-communes"]
"""


def add_to_2025(repo, framework: str) -> None:
    path = repo.root / "data/assignments.yaml"
    text = path.read_text(encoding="utf-8")
    old = 'frameworks: ["unesco", "learning-models"]'
    path.write_text(text.replace(old, f'frameworks: ["unesco", "learning-models", "{framework}"]'))


def test_the_learning_models_are_a_second_framework(repo) -> None:
    catalog = load(repo.root).require_catalog()
    assert [fw.id for fw in catalog.frameworks] == ["unesco", "learning-models"]
    models = catalog.frameworks[1]
    assert [i.id for i in models.indicators()] == [
        "mh.1.1.a",
        "mh.1.2.a",
        "mh.1.3.a",
        "mh.2.1.a",
        "mh.3.1.a",
    ]
    assert all(i.aggregate == "ratio" and len(i.parts) == 2 for i in models.indicators())
    assert catalog.criterion_of["mh.1.1.a"].id == "mh.1.1"
    assert catalog.standard_of["mh.1.1"].id == "mh.1"
    # the 2025 cycle asks for both; the 2024 cycle (no `frameworks:`) for UNESCO's only
    assert "mh.1.1.a" in catalog.owners("indicator", catalog.cycles["2025"])
    assert "mh.1.1.a" not in catalog.owners("indicator", catalog.cycles["2024"])
    targets = load(repo.root).targets
    assert targets is not None
    assert {k: t.target.value for k, t in targets.targets.items() if k.startswith("mh.")} == {
        "mh.1.1.a": 70,
        "mh.1.2.a": 65,
        "mh.1.3.a": 65,
        "mh.2.1.a": 80,
    }


def test_a_third_framework_is_a_file(hcmlc, repo) -> None:
    repo.write("data/frameworks/survey.yaml", THIRD)
    add_to_2025(repo, "district-survey")
    for k, unit in enumerate(("phuong-sai-gon", "phuong-ben-thanh")):
        repo.write(
            f"submissions/2025/{unit}.yaml",
            f'agency: {unit}\ncycle: "2025"\nindicators:\n  ks.1.1.a: {{value: {3 + k}, year: 2025}}\n',
        )
    code, out, _ = hcmlc("status", "--root", str(repo.root), "--cycle", "2025", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert "ks.1.1" in [c["id"] for c in document["criteria"]]
    [survey] = [f for f in document["city_figures"] if f["indicator"] == "ks.1.1.a"]
    assert (survey["value"], survey["supplied"], survey["owed"]) == (7, 2, 168)
    code, out, _ = hcmlc(
        "new-submission", "--root", str(repo.root), "--agency", "phuong-tan-dinh", "--cycle", "2025"
    )
    assert code == 0
    text = (repo.root / "submissions/2025/phuong-tan-dinh.yaml").read_text(encoding="utf-8")
    assert "  # ks.1.1.a:" in text and "  # mh.1.1.a:" in text


def test_ids_clashing_across_frameworks_are_located(hcmlc, repo) -> None:
    repo.write("data/frameworks/survey.yaml", THIRD.replace('"ks.1.1.a"', '"mh.1.1.a"'))
    _, out, _ = hcmlc("validate", "--root", str(repo.root), "--format", "json")
    [p] = json.loads(out)["problems"]
    assert (p["path"], p["line"], p["code"]) == ("data/frameworks/survey.yaml", 13, "HCMLC-E030")
    assert p["message"] == (
        "id `mh.1.1.a` is already used in hcmlc:frameworks/learning-models/2022.yaml"
    )
    assert p["hint"] == "ids are unique across every framework: give this one an id of its own"


def test_a_framework_id_used_twice_is_located(hcmlc, repo) -> None:
    repo.write("data/frameworks/survey.yaml", THIRD.replace('"district-survey"', '"unesco"'))
    _, out, _ = hcmlc("validate", "--root", str(repo.root), "--format", "json")
    [p] = json.loads(out)["problems"]
    assert (p["path"], p["line"], p["code"]) == ("data/frameworks/survey.yaml", 1, "HCMLC-E030")
    assert p["message"] == "id `unesco` is already used in hcmlc:frameworks/unesco/2015.yaml"


def test_a_cycle_naming_an_unknown_framework_is_located(hcmlc, repo) -> None:
    add_to_2025(repo, "learning-modles")
    _, out, _ = hcmlc("validate", "--root", str(repo.root), "--format", "json")
    [p] = json.loads(out)["problems"]
    assert (p["code"], p["message"], p["hint"]) == (
        "HCMLC-E020",
        "unknown framework `learning-modles`",
        "did you mean `learning-models`?",
    )


def test_an_aggregate_beside_a_lead_agency_is_located(hcmlc, repo) -> None:
    path = repo.root / "data/frameworks.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"mh.1.1.a": ["all-communes"]', '"mh.1.1.a": ["so-gddt"]', 1))
    _, out, _ = hcmlc("validate", "--root", str(repo.root), "--format", "json")
    [p] = json.loads(out)["problems"]
    assert (p["path"], p["code"]) == ("data/frameworks.yaml", "HCMLC-E065")
    assert p["message"].startswith("indicator mh.1.1.a takes its city figure from `so-gddt`")


def test_a_value_of_a_framework_the_cycle_does_not_ask_for_is_a_warning(hcmlc, repo) -> None:
    repo.write(
        "submissions/2024/so-gddt.yaml",
        'agency: so-gddt\ncycle: "2024"\nindicators:\n'
        "  mh.1.1.a: {parts: {learning-families: 7, families: 10}, year: 2024}\n",
    )
    _, out, _ = hcmlc("validate", "--root", str(repo.root), "--format", "json")
    [p] = json.loads(out)["problems"]
    assert (p["code"], p["message"]) == (
        "HCMLC-W031",
        "cycle 2024 does not ask for the indicators of `learning-models`",
    )


def test_a_repository_without_the_new_files_works_unchanged(hcmlc, repo) -> None:
    """A city's repository of before: data/criteria.yaml without `id`, no data/frameworks/, no
    data/units.yaml, no data/documents.yaml, cycles without `frameworks:`: nothing to migrate."""
    repo.own_frameworks()
    shutil.rmtree(repo.root / "data/frameworks")
    (repo.root / "data/units.yaml").unlink()
    (repo.root / "data/documents.yaml").unlink()
    for name, old, new in (
        ("criteria.yaml", 'id: "unesco"\n', ""),
        ("criteria.yaml", ', "all-communes"]', "]"),
        ("assignments.yaml", '    frameworks: ["unesco", "learning-models"]\n', ""),
        ("assignments.yaml", ', "all-communes"]', "]"),
        ("targets.yaml", '  "mh.1.1.a":', '  "zz":'),
    ):
        path = repo.root / "data" / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(old, new), encoding="utf-8")
    path = repo.root / "data/targets.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("  # The national learning models")], encoding="utf-8")
    code, out, _ = hcmlc("validate", "--root", str(repo.root))
    assert (code, out) == (0, "No problems found in 3 files.\n")
    catalog = load(repo.root).require_catalog()
    assert [fw.id for fw in catalog.frameworks] == ["unesco"]
    assert len(catalog.owners("indicator", catalog.cycles["2025"])) == 63
