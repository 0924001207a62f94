"""data/focal-points.yaml: the coordinator's addresses of every agency, wards included, kept
apart from the generated data/units.yaml and checked like every data file."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import yaml

from built_workbooks import letters_only

AS_OF = "2025-12-20"
DONE_BY_THE_DEADLINE = ["thanh-doan", "toa-an", "cuc-thong-ke", "so-ngoai-vu"]
"""Departments whose one overdue item (3.2.2.a) a test supplies, leaving 191 agencies late."""
FROM_2025 = [
    *("van-phong-ubnd", "so-tu-phap", "thanh-tra", "so-attp", "so-du-lich", "so-dt-tg"),
    *("so-qh-kt", "uy-ban-mttq", "hoi-lhpn", "hoi-nong-dan", "hoi-ccb"),
]
"""The bodies the registry names from 2025, without a focal point in data/assignments.yaml."""


def units(root: Path) -> list[dict]:
    return yaml.safe_load((root / "data/units.yaml").read_text("utf-8"))["units"]


def write_focal_points(root: Path, agencies: list[str]) -> None:
    lines = ["focal_points:"]
    lines += [f'  {a}: {{name: "Văn thư {a}", email: "van-thu.{a}@example.org"}}' for a in agencies]
    (root / "data/focal-points.yaml").write_text("\n".join(lines) + "\n", "utf-8")


def test_addresses_for_every_unit_give_a_draft_to_each_of_191_late_agencies(hcmlc, bundled) -> None:
    for agency in DONE_BY_THE_DEADLINE:
        path = bundled / f"submissions/2025/{agency}.yaml"
        with path.open("a", encoding="utf-8") as file:
            file.write('  3.2.2.a:\n    value: "có"\n    year: 2025\n')
    wards = [u["id"] for u in units(bundled)]
    assert len(wards) == 168
    write_focal_points(bundled, [*wards, "ldld", "so-y-te", *FROM_2025])
    out = bundled / "drafts"
    args = ("--root", str(bundled), "--as-of", AS_OF, "--format", "eml", "--out", str(out))
    with letters_only():  # 191 drafts read for their addresses, not their 168 attachments
        code, stdout, stderr = hcmlc("remind", *args)
    assert code == 0
    # the wards' workbooks are sealed: the first run makes the key, and says where it is
    assert stderr.startswith("Made the key that signs workbooks, ")
    assert "Keep it" in " ".join(stderr.split())  # wrapped at the terminal's width
    assert stdout.startswith(f"191 reminders as of {AS_OF} in {out}/:\n")
    assert "No focal point" not in stdout
    drafts = sorted(out.glob("*.eml"))
    assert len(drafts) == 191
    message = email.message_from_bytes(
        (out / "phuong-sai-gon.eml").read_bytes(), policy=email.policy.default
    )
    [to] = message["To"].addresses
    assert (to.display_name, to.addr_spec) == (
        "Văn thư phuong-sai-gon",
        "van-thu.phuong-sai-gon@example.org",
    )
    # a department keeps the focal point of data/assignments.yaml (the older place)
    message = email.message_from_bytes(
        (out / "so-gddt.eml").read_bytes(), policy=email.policy.default
    )
    assert message["To"].addresses[0].addr_spec == "dau-moi.so-gddt@example.org"


def test_the_addresses_survive_regenerating_the_units(hcmlc, bundled) -> None:
    write_focal_points(bundled, ["phuong-sai-gon"])
    units_file = bundled / "data/units.yaml"
    units_file.write_text(units_file.read_text("utf-8") + "\n# regenerated\n", "utf-8")
    out = bundled / "drafts"
    args = ("--root", str(bundled), "--as-of", AS_OF, "--format", "eml", "--out", str(out))
    assert hcmlc("remind", *args, "--agency", "phuong-sai-gon")[0] == 0
    assert (out / "phuong-sai-gon.eml").is_file()


def test_the_hint_for_a_missing_focal_point_names_the_file(hcmlc, bundled) -> None:
    out = bundled / "drafts"
    code, stdout, _ = hcmlc(
        "remind", "--root", str(bundled), "--as-of", AS_OF, "--format", "eml", "--out", str(out)
    )
    assert code == 0
    assert (
        "hint: add each one under `focal_points:` in data/focal-points.yaml, as "
        "`agency-id: {name: …, email: …}`" in " ".join(stdout.split())
    )


def test_an_unknown_agency_is_located_with_a_suggestion(hcmlc, bundled) -> None:
    (bundled / "data/focal-points.yaml").write_text(
        "focal_points:\n"
        '  phuong-sai-gon: {name: "An", email: "an@example.org"}\n'
        '  phuong-sai-gonn: {name: "Bình", email: "binh@example.org"}\n'
        "channels:\n"
        "  all-commune: yaml\n",
        "utf-8",
    )
    code, out, _ = hcmlc("validate", "--root", str(bundled), str(bundled / "data"))
    assert code == 1
    assert (
        "data/focal-points.yaml:3:3: error: unknown agency `phuong-sai-gonn` [HCMLC-E020]\n"
        "    hint: did you mean `phuong-sai-gon`?" in out
    )
    assert (
        "data/focal-points.yaml:5:3: error: unknown agency `all-commune` [HCMLC-E020]\n"
        "    hint: did you mean `all-communes`?" in out
    )


def test_a_bad_address_and_an_unknown_channel_are_located(hcmlc, bundled) -> None:
    (bundled / "data/focal-points.yaml").write_text(
        "focal_points:\n"
        '  phuong-sai-gon: {name: "An", email: "An <an@example.org>"}\n'
        "channels:\n"
        "  so-gddt: excel\n",
        "utf-8",
    )
    code, out, _ = hcmlc("validate", "--root", str(bundled), str(bundled / "data"))
    assert code == 1
    assert (
        "data/focal-points.yaml:2:39: error: `An <an@example.org>` is not an e-mail address: "
        "write it as name@domain, without a person's name or angle brackets [HCMLC-E012]" in out
    )
    assert (
        "data/focal-points.yaml:4:12: error: `so-gddt` must be one of 'workbook' or 'yaml', "
        "not `excel` [HCMLC-E012]" in out
    )
