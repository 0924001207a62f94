"""Write data/units.yaml: Ho Chi Minh City's 168 commune-level units since 1 July 2025.

The source is the PyPI package `vietnam-provinces` (from 2026.1.0 on it carries the official
codes and names of the National Statistics Office, danhmuchanhchinh.nso.gov.vn, and the table
converting the wards of before 1 July 2025 into the new ones). It is read here, at development
time only: hcmlc never imports it. Version 2026.x needs Python 3.12 or later, so run this tool
in an environment of its own:

    python3.12 -m venv /tmp/units-env
    /tmp/units-env/bin/pip install vietnam-provinces==2026.9.0
    /tmp/units-env/bin/python tools/units_from_vietnam_provinces.py            # writes the file
    /tmp/units-env/bin/python tools/units_from_vietnam_provinces.py --check    # exit 1 if stale

What it writes, per unit: a stable id (the package's codename with hyphens; where two units
share one, each gets its code appended), the official five-digit code, the People's Committee's
name in Vietnamese and English, the kind (ward, commune, special zone) and `started:
2025-07-01` (Resolution 1685/NQ-UBTVQH15 of 16 June 2025). Per former district of the city
(the 22 of data/assignments.yaml): the new units its territory passed to, wholly or in part.
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from pathlib import Path

import vietnam_provinces
from generated_file import write_or_check  # tools/, beside this script
from vietnam_provinces import ProvinceCode, Ward
from vietnam_provinces._ward_conversion_2025 import OLD_TO_NEW
from vietnam_provinces.legacy import Ward as LegacyWard

PROJECT = Path(__file__).resolve().parents[1]
OUT = PROJECT / "data/units.yaml"
HCMC = 79
STARTED = "2025-07-01"

KINDS = {"phường": "ward", "xã": "commune", "đặc khu": "special_zone"}
TITLES = {
    "ward": ("phường", "Ward"),
    "commune": ("xã", "Commune"),
    "special_zone": ("đặc khu", "Special Zone"),
}

DISTRICTS = {
    760: "quan-1",
    761: "quan-12",
    764: "go-vap",
    765: "binh-thanh",
    766: "tan-binh",
    767: "tan-phu",
    768: "phu-nhuan",
    769: "thu-duc",
    770: "quan-3",
    771: "quan-10",
    772: "quan-11",
    773: "quan-4",
    774: "quan-5",
    775: "quan-6",
    776: "quan-8",
    777: "binh-tan",
    778: "quan-7",
    783: "huyen-cu-chi",
    784: "huyen-hoc-mon",
    785: "huyen-binh-chanh",
    786: "huyen-nha-be",
    787: "huyen-can-gio",
}
"""The statistics office's codes of the city's 22 districts before 1 July 2025 → their ids in
data/assignments.yaml."""


def ascii_name(text: str) -> str:
    """`Sài Gòn` → `Sai Gon`: the English names drop the diacritics, as English texts do."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def units() -> list[dict[str, str]]:
    """Every unit of the city, by code."""
    wards = sorted(Ward.iter_by_province(ProvinceCode(HCMC)), key=lambda w: int(w.code))
    clashes = Counter(w.codename for w in wards)
    found = []
    for ward in wards:
        kind = KINDS[ward.division_type.value]
        prefix_vi, word_en = TITLES[kind]
        name = " ".join(ward.name.split())  # the source has a few doubled spaces
        bare = name.split(" ", 1)[1] if kind != "special_zone" else name.split(" ", 2)[2]
        code = f"{int(ward.code):05d}"
        unit_id = ward.codename.replace("_", "-")
        if clashes[ward.codename] > 1:
            unit_id = f"{unit_id}-{code}"
        found.append(
            {
                "id": unit_id,
                "code": code,
                "vi": f"Ủy ban nhân dân {prefix_vi} {bare}",
                "en": f"{ascii_name(bare)} {word_en} People's Committee",
                "short_vi": name,
                "short_en": f"{ascii_name(bare)} {word_en}",
                "kind": kind,
            }
        )
    # Names that differ only by their diacritics (Xã Thanh An, Xã Thạnh An) would be one name in
    # English: each of those keeps its code, as its id does.
    english = Counter(unit["short_en"] for unit in found)
    for unit in found:
        if english[unit["short_en"]] > 1:
            unit["short_en"] = f"{unit['short_en']} ({unit['code']})"
            unit["en"] = f"{unit['short_en']} People's Committee"
    return found


def territories(by_code: dict[int, str]) -> dict[str, list[str]]:
    """District id → the ids of the new units that took over (part of) its territory."""
    district_of = {int(w.code): int(w.district_code) for w in LegacyWard.iter_all()}
    taken: dict[str, set[int]] = {district: set() for district in DISTRICTS.values()}
    for old_code, entry in OLD_TO_NEW.items():
        district = DISTRICTS.get(district_of.get(old_code, -1))
        if district is None:
            continue
        for new in entry.new_wards:
            if new.code not in by_code:
                raise SystemExit(f"old ward {old_code} passed to {new.code}, not a city unit")
            taken[district].add(new.code)
    return {d: [by_code[c] for c in sorted(codes)] for d, codes in taken.items()}


def render() -> str:
    found = units()
    by_code = {int(u["code"]): u["id"] for u in found}
    counts = Counter(u["kind"] for u in found)
    version = vietnam_provinces.__version__
    data_version = vietnam_provinces.__data_version__
    lines = [
        "# data/units.yaml — Ho Chi Minh City's commune-level units from 1 July 2025.",
        "#",
        "# GENERATED by tools/units_from_vietnam_provinces.py: do not edit by hand; run the tool",
        "# again (its docstring says how) when the source changes.",
        f"# Source: the PyPI package vietnam-provinces {version} (data of {data_version}), which",
        "# carries the National Statistics Office's codes and names (danhmuchanhchinh.nso.gov.vn)",
        "# and its table converting the wards of before 1 July 2025 into the new units.",
        "# Resolution 1685/NQ-UBTVQH15 (16 June 2025) arranged the city, merged with Bình Dương",
        f"# and Bà Rịa–Vũng Tàu, into {len(found)} units: {counts['ward']} wards (phường),",
        f"# {counts['commune']} communes (xã) and {counts['special_zone']} special zone (đặc khu).",
        "# Each unit is an agency of the registry (its People's Committee reports), in the",
        "# group `all-communes` of data/assignments.yaml through its kind.",
        "#",
        "# `territories`: for each district of data/assignments.yaml (all ended on 1 July 2025),",
        "# the units that took over its territory, wholly or in part.",
        f'source: "vietnam-provinces {version} (data {data_version}); '
        'National Statistics Office, danhmuchanhchinh.nso.gov.vn"',
        "units:",
    ]
    for u in found:
        lines += [
            f'  - id: "{u["id"]}"',
            f'    code: "{u["code"]}"',
            f'    name: {{vi: "{u["vi"]}", en: "{u["en"]}"}}',
            f'    short: {{vi: "{u["short_vi"]}", en: "{u["short_en"]}"}}',
            f'    kind: "{u["kind"]}"',
            f"    started: {STARTED}",
        ]
    lines.append("territories:")
    for district, taken in territories(by_code).items():
        quoted = ", ".join(f'"{t}"' for t in taken)
        lines.append(f'  "{district}": [{quoted}]')
    return unicodedata.normalize("NFC", "\n".join(lines) + "\n")


def main() -> int:
    return write_or_check(__doc__.splitlines()[0], OUT, render, _units_written)


def _units_written(text: str) -> str:
    return f": {text.count(chr(10) + '  - id:')} units"


if __name__ == "__main__":
    sys.exit(main())
