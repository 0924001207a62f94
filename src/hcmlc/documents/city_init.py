"""`hcmlc init`: a new city's repository, from the frameworks, the form and the provinces' units
hcmlc ships, and what the coordinator says of the city (its name, province, plan, coordinating
agency, first cycle). Every file it writes is text the city then owns."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hcmlc import __version__
from hcmlc.checks.framework_use import SHIPPED as FRAMEWORKS
from hcmlc.checks.framework_use import USES
from hcmlc.core.provinces import Province, ascii_name, units_yaml
from hcmlc.errors import HcmlcError
from hcmlc.i18n import _
from hcmlc.models.framework import Framework
from hcmlc.yamlfiles.reader import parse_bytes

STARTER = Path(__file__).resolve().parents[1] / "starter"
USED = (("unesco", "2015"), ("learning-models", "2022"))
"""The frameworks a new city reports against, at the versions this hcmlc ships."""


@dataclass(frozen=True)
class NewCity:
    """What the coordinator says of the city."""

    city: str
    city_en: str
    province: Province
    plan: str
    """The plan's number and symbol, e.g. `1234/KH-UBND`."""
    plan_date: dt.date
    agency: str
    """The id of the coordinating agency among the starter's agencies, e.g. `so-gddt`."""
    cycle: str
    deadline: dt.date


def starter_agencies() -> dict[str, tuple[str, str]]:
    """Agency id → (Vietnamese name, short name) of the registry starter."""
    text = (STARTER / "agencies.yaml").read_text(encoding="utf-8")
    found = {}
    for block in text.split("  - id: ")[1:]:
        agency = block.split('"')[1]
        name = re.search(r'name: \{vi: "([^"]+)"', block)
        short = re.search(r'short: \{vi: "([^"]+)"', block)
        found[agency] = (name[1] if name else agency, short[1] if short else "")
    return found


def check_folder(folder: Path) -> None:
    """Refuse a folder that holds anything: `init` never mixes with what is there."""
    if folder.exists() and not folder.is_dir():
        raise HcmlcError(
            _("{path} is not a folder").format(path=folder),
            _("name a new or empty folder"),
        )
    present = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    if present:
        shown = ", ".join(present[:5]) + (
            _(" and {n} more").format(n=len(present) - 5) if len(present) > 5 else ""
        )
        raise HcmlcError(
            _("{path} is not empty: it holds {names}").format(path=folder, names=shown),
            _("name a new or empty folder; init never writes over what is there"),
        )


def files(new: NewCity) -> dict[str, str]:
    """Repository-relative path → text of every file of the new repository."""
    replace = _replacer(new)

    def starter(name: str) -> str:
        return replace((STARTER / name).read_text(encoding="utf-8"))

    found = {
        USES: _frameworks_yaml(new),
        "data/assignments.yaml": starter("assignments.yaml"),
        "data/units.yaml": units_yaml(new.province),
        "data/documents.yaml": starter("documents.yaml"),
        "submissions/.gitkeep": "",
        "README.md": starter("README.md"),
        ".pre-commit-config.yaml": starter("pre-commit-config.yaml"),
        ".gitignore": starter("gitignore"),
    }
    for workflow in sorted((STARTER / "workflows").glob("*.yml")):
        found[f".github/workflows/{workflow.name}"] = starter(f"workflows/{workflow.name}")
    return found


def _replacer(new: NewCity) -> Callable[[str], str]:
    agency = starter_agencies()[new.agency][0]
    province = new.province.name
    province_en = ascii_name(province.replace("Thành phố ", "").replace("Tỉnh ", ""))
    province_en += " City" if province.startswith("Thành phố") else " Province"
    day = new.plan_date
    form = (STARTER / "form.yaml").read_text(encoding="utf-8").split("\n")
    table = {  # the markers inside others first
        "<agencies>": (STARTER / "agencies.yaml").read_text(encoding="utf-8").rstrip("\n"),
        "<form>": "\n".join(line for line in form if not line.startswith("#")).strip("\n"),
        "<plan-vi>": f"Kế hoạch số {new.plan} ngày {day.day:02d} tháng {day.month} năm {day.year}",
        "<plan-en>": f"Plan No. {new.plan} of {day.day} {day.strftime('%B')} {day.year}",
        "<plan>": f"Kế hoạch số {new.plan} ngày {day.day:02d}/{day.month:02d}/{day.year}",
        "<city>": new.city,
        "<city-en>": new.city_en,
        "<province>": province,
        "<province-en>": province_en,
        "<agency>": agency,
        "<symbol>": symbol(new.agency),
        "<cycle>": new.cycle,
        "<deadline>": new.deadline.isoformat(),
        "<first-year>": str(new.deadline.year - 4),
        "<last-year>": str(new.deadline.year),
        "<version>": __version__,
    }

    def replace(text: str) -> str:
        for marker, value in table.items():
            text = text.replace(marker, value)
        return text

    return replace


def _frameworks_yaml(new: NewCity) -> str:
    lines = [
        f"# data/frameworks.yaml — the frameworks {new.city} reports against, as hcmlc ships",
        "# them (`uses:`, each at a version), and who supplies each of their indicators",
        "# (`assign:`: indicator id → agency or group ids of data/assignments.yaml and",
        '# data/units.yaml, e.g. "1.1.1.a": ["so-gddt"], or "mh.1.1.a": ["all-communes"]). Every',
        "# indicator is listed, assigned to no one yet: `hcmlc status` lists what is unassigned,",
        "# and `hcmlc assign` fills this from a spreadsheet.",
        "uses:",
    ]
    for framework, version in USED:
        lines += [f'  - framework: "{framework}"', f'    version: "{version}"']
    lines.append("assign:")
    for framework, version in USED:
        path = FRAMEWORKS / framework / f"{version}.yaml"
        model = Framework.model_validate(parse_bytes(path.read_bytes(), path.name).data)
        lines.append(f"  # {framework} {version}")
        lines += [f'  "{indicator.id}": []' for indicator in model.indicators()]
    return "\n".join(lines) + "\n"


def symbol(agency_id: str) -> str:
    """The issuer's abbreviation in a document symbol: `Sở GD&ĐT` → `SGDĐT`."""
    name, short = starter_agencies()[agency_id]
    if short.startswith("Sở "):
        letters = short.removeprefix("Sở ").replace("Đ", "\0")
        return "S" + re.sub(r"[^A-Z\0]", "", ascii_name(letters).upper()).replace("\0", "Đ")
    return "".join(word[0] for word in ascii_name(name).split() if word[0].isalpha()).upper()


def city_en(city: str) -> str:
    """The English name a city gets when none is given: `Hà Nội` → `Ha Noi`."""
    return ascii_name(city.replace("Thành phố ", "").replace("Tỉnh ", "")).strip()
