"""The provinces of Vietnam and their commune-level units from 1 July 2025, as hcmlc ships them
(src/hcmlc/provinces/units-2025.json, written by tools/provinces_from_vietnam_provinces.py from
the statistics office's list), and a new city's data/units.yaml made from them."""

from __future__ import annotations

import difflib
import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hcmlc import __version__
from hcmlc.errors import HcmlcError
from hcmlc.i18n import _

DATA = Path(__file__).resolve().parents[1] / "provinces" / "units-2025.json"
KIND_WORDS = {
    "ward": ("phường", "Ward"),
    "commune": ("xã", "Commune"),
    "special_zone": ("đặc khu", "Special Zone"),
}


@dataclass(frozen=True)
class Unit:
    id: str
    code: str
    name: str
    """As the statistics office writes it: `Phường Ba Đình`."""
    kind: str


@dataclass(frozen=True)
class Province:
    code: str
    name: str
    units: tuple[Unit, ...]


@dataclass(frozen=True)
class Provinces:
    source: str
    started: str
    provinces: dict[str, Province]


@cache
def shipped() -> Provinces:
    """Every province of the data hcmlc ships, by two-digit code."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    provinces = {
        p["code"]: Province(p["code"], p["name"], tuple(Unit(*unit) for unit in p["units"]))
        for p in data["provinces"]
    }
    return Provinces(data["source"], data["started"], provinces)


def fold(text: str) -> str:
    """`Thành phố Hà Nội` → `ha noi`: a name without its kind, diacritics or case."""
    text = text.replace("Đ", "D").replace("đ", "d")
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    bare = " ".join(bare.lower().replace("-", " ").split())
    for kind in ("thanh pho ", "tinh ", "tp. ", "tp "):
        bare = bare.removeprefix(kind)
    return bare


def find(code: str) -> Province:
    """The province of `code` (`1` or `01`), or an error listing the valid ones, with a guess
    when `code` is a province's name, written with or without its diacritics."""
    data = shipped()
    wanted = code.strip().zfill(2) if code.strip().isdigit() else code.strip()
    province = data.provinces.get(wanted)
    if province is None:
        raise HcmlcError(
            _("unknown province code `{code}`").format(code=code),
            _guess(code, data) + _("the codes are: {codes}").format(codes=_listing(data)),
        )
    if not province.units:
        raise HcmlcError(
            _("hcmlc {version} has no units for province {code} ({name})").format(
                version=__version__, code=province.code, name=province.name
            ),
            _(
                "its data ({source}) lists none; a later hcmlc may have them "
                "(`pip install --upgrade hcmlc`)"
            ).format(source=data.source),
        )
    return province


def _guess(code: str, data: Provinces) -> str:
    names = {fold(p.name): p for p in data.provinces.values()}
    matches = difflib.get_close_matches(fold(code), list(names), n=1, cutoff=0.6)
    if not matches:
        return ""
    province = names[matches[0]]
    return _("did you mean {code} ({name})? ").format(code=province.code, name=province.name)


def _listing(data: Provinces) -> str:
    return ", ".join(f"{p.code} {p.name}" for p in data.provinces.values())


def ascii_name(text: str) -> str:
    """`Sài Gòn` → `Sai Gon`: English names drop the diacritics, as English texts do."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def units_yaml(province: Province) -> str:
    """A city's data/units.yaml: each unit of `province` an agency, with its source named."""
    data = shipped()
    lines = [
        f"# data/units.yaml — the commune-level units of {province.name} from 1 July 2025.",
        "#",
        f"# Written by `hcmlc init` (hcmlc {__version__}) from the data hcmlc ships:",
        f"# {data.source}.",
        "# Each unit is an agency of the registry (its People's Committee reports), in the group",
        "# `all-communes` of data/assignments.yaml through its kind.",
        f'source: "{data.source}"',
        "units:",
    ]
    english = [_english(unit) for unit in province.units]
    repeated = {name for name in english if english.count(name) > 1}
    for unit, name_en in zip(province.units, english, strict=True):
        prefix = KIND_WORDS[unit.kind][0]
        bare = unit.name.split(" ", 2 if unit.kind == "special_zone" else 1)[-1]
        if name_en in repeated:  # `Thạnh An` and `Thanh An` are both `Thanh An` in English
            name_en = f"{name_en} ({unit.code})"
        lines += [
            f'  - id: "{unit.id}"',
            f'    code: "{unit.code}"',
            f'    name: {{vi: "Ủy ban nhân dân {prefix} {bare}",',
            f'           en: "{name_en} People\'s Committee"}}',
            f'    short: {{vi: "{unit.name}", en: "{name_en}"}}',
            f'    kind: "{unit.kind}"',
            f"    started: {data.started}",
        ]
    return "\n".join(lines) + "\n"


def _english(unit: Unit) -> str:
    _prefix, word_en = KIND_WORDS[unit.kind]
    bare = unit.name.split(" ", 2 if unit.kind == "special_zone" else 1)[-1]
    return f"{ascii_name(bare)} {word_en}"
