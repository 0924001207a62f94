"""A synthetic city-scale repository for the benchmark: every ward reports every year.

The frameworks and registry are the real ones (UNESCO's and the national learning models,
kept as files of the city's own as HCMC's were before `hcmlc migrate`), with synthetic wards
(kind `ward`, so the `all-communes` group takes them in, in place of the 168 of
data/units.yaml) made owners of every indicator and of five text
questions, and one cycle a year that asks for both frameworks' indicators and for answers.
Every ward supplies 50 of UNESCO's indicators and every learning model (each as its two
counts), so status and the report form city figures from thousands of units. Every submission
is valid, written as a person would write it, so the benchmark measures the valid path: each
ward's figure of an indicator drifts by at most 5% a year from a base of its own, so no figure
is implausible beside the year before (checks/plausibility.py warns of larger moves).

    python bench/citygen.py OUT_DIR [--wards N] [--years N]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
OWN = PROJECT / "tests/fixtures/hcmc-before-migration"
FIRST_YEAR = 2023
ANSWERED = ("context", "goals", "resources", "events", "monitoring")
"""Text questions every ward answers (each with a limit of at least 200 words)."""
INDICATORS_PER_FILE = 50
"""Of UNESCO's 63 indicators a ward owes, each file supplies 50 (which ones varies); it
supplies every indicator of the learning models."""
GROUP = "all-communes"

UNIT_RANGES = {
    "percent": (0.0, 100.0),
    "count": (0, 50_000),
    "per_100k": (0.0, 2_000.0),
    "usd": (100.0, 20_000.0),
    "years": (5.0, 15.0),
    "hours_per_week": (0.0, 20.0),
    "tonnes_per_capita": (0.1, 10.0),
    "kg_per_capita": (50.0, 800.0),
}
STATES = {"existence": ["có", "không"], "level": ["cao", "trung bình", "thấp", "không có"]}
TEXT_VI = (
    "thành phố học tập suốt đời người dân cộng đồng phường trung tâm thư viện lớp học kỹ năng "
    "số hóa văn hóa sức khỏe môi trường thanh niên phụ nữ người cao tuổi chương trình hoạt động"
)
TEXT_EN = (
    "learning city lifelong residents community ward centre library class skills digital "
    "culture health environment youth women elders programme activity"
)
SOURCES = [
    "Báo cáo tổng kết năm học",
    "Niên giám thống kê phường",
    "Khảo sát hộ gia đình",
    "Báo cáo của Ủy ban nhân dân phường",
]


def build(out: Path, wards: int, years: int, seed: int = 1256) -> int:
    """Write the repository under `out`; returns the number of submission files."""
    rng = random.Random(seed)
    ward_ids = [f"phuong-{n:05d}" for n in range(1, wards + 1)]
    cycles = [str(FIRST_YEAR + k) for k in range(years)]
    (out / "data").mkdir(parents=True, exist_ok=True)
    shutil.copytree(PROJECT / "templates", out / "templates", dirs_exist_ok=True)
    # The frameworks as files of the city's own (HCMC's before `hcmlc migrate`), whose agencies
    # the wards are added to.
    (out / "data/frameworks").mkdir(exist_ok=True)
    shutil.copy(OWN / "learning-models.yaml", out / "data/frameworks")
    criteria = (OWN / "criteria.yaml").read_text(encoding="utf-8")
    (out / "data/criteria.yaml").write_text(_owned_by_wards(criteria), encoding="utf-8")
    registry = (PROJECT / "data/assignments.yaml").read_text(encoding="utf-8")
    registry = _with_wards(registry, ward_ids)
    registry = _with_cycles(registry, cycles)
    registry = _wards_answer(registry)
    (out / "data/assignments.yaml").write_text(registry, encoding="utf-8")
    indicators = _indicators(criteria)
    models = [
        _indicators(path.read_text(encoding="utf-8"))
        for path in sorted((out / "data/frameworks").glob("*.yaml"))
    ]
    indicators = {**indicators, "models": [i for found in models for i in found["all"]]}
    count = 0
    for cycle in cycles:
        folder = out / "submissions" / cycle
        folder.mkdir(parents=True, exist_ok=True)
        for ward in ward_ids:
            text = _submission(rng, ward, cycle, indicators)
            (folder / f"{ward}.yaml").write_text(text, encoding="utf-8")
            count += 1
    return count


def _owned_by_wards(criteria: str) -> str:
    def add(match: re.Match[str]) -> str:
        owners = match.group(2)
        return match.group(0) if GROUP in owners else f'{match.group(1)}{owners}, "{GROUP}"]'

    return re.sub(r"^(\s+agencies: \[)(.*)\]$", add, criteria, flags=re.MULTILINE)


def _with_wards(registry: str, ward_ids: list[str]) -> str:
    entries = "".join(
        f'  - id: "{ward}"\n'
        f"    name:\n"
        f'      vi: "Ủy ban nhân dân phường {ward[7:]}"\n'
        f'      en: "People\'s Committee of ward {ward[7:]}"\n'
        f'    kind: "ward"\n'
        for ward in ward_ids
    )
    return registry.replace("\ngroups:\n", f"\n{entries}\ngroups:\n", 1)


def _with_cycles(registry: str, cycles: list[str]) -> str:
    blocks = []
    for cycle in cycles:
        year = int(cycle)
        first = year - 4 if year == FIRST_YEAR else year
        blocks.append(
            f'  - id: "{cycle}"\n'
            f'    kind: "{"application" if year == FIRST_YEAR else "progress"}"\n'
            f"    title:\n"
            f'      vi: "Chu kỳ {cycle}"\n'
            f'      en: "Cycle {cycle}"\n'
            f"    first_year: {first}\n"
            f"    last_year: {year}\n"
            f"    deadlines:\n"
            f"      indicators: {year}-08-31\n"
            f"      answers: {year}-09-30\n"
            f'    frameworks: ["unesco", "learning-models"]\n'
        )
    start = registry.index("\ncycles:\n")
    end = registry.index("\n# The membership application form")
    return registry[:start] + "\ncycles:\n" + "".join(blocks) + registry[end:]


def _wards_answer(registry: str) -> str:
    lines = registry.splitlines(keepends=True)
    current = None
    for n, line in enumerate(lines):
        found = re.match(r'\s+- id: "([^"]+)"', line)
        if found:
            current = found.group(1)
        if current in ANSWERED and line.lstrip().startswith("owners: [") and GROUP not in line:
            lines[n] = line.rstrip().removesuffix("]") + f', "{GROUP}"]\n'
    return "".join(lines)


Measure = tuple[str, str, str, list[str], bool]
"""(id, "unit" or "scale", its name, its part ids, whether a ratio) of one indicator."""


def _indicators(framework: str) -> dict[str, list[Measure]]:
    """The indicators of a framework's text: "plain" (one value) and "all"."""
    found: list[Measure] = []
    for block in re.split(r"\n\s+- id: (?=\"[a-z0-9.]+\.[a-z]\"\n)", framework):
        id_match = re.match(r'"([a-z0-9.]+\.[a-z])"', block)
        measure = re.search(r'\n\s+(unit|scale): "([a-z_0-9]+)"', block)
        if id_match and measure:
            listed = re.search(r"\n\s+parts:\n(.*?)\n\s+(aggregate|agencies):", block, re.S)
            parts = re.findall(r'- id: "([a-z0-9-]+)"', listed.group(1)) if listed else []
            ratio = 'aggregate: "ratio"' in block
            found.append((id_match.group(1), measure.group(1), measure.group(2), parts, ratio))
    return {"plain": [m for m in found if not m[3]], "all": found}


def _submission(
    rng: random.Random, ward: str, cycle: str, indicators: dict[str, list[Measure]]
) -> str:
    lines = [
        f"# Ủy ban nhân dân phường {ward[7:]} — chu kỳ {cycle}. Synthetic benchmark data.",
        f"agency: {ward}",
        f'cycle: "{cycle}"',
        f"prepared_by: Văn phòng Ủy ban nhân dân phường {ward[7:]}",
        "indicators:",
    ]
    chosen = sorted(rng.sample(indicators["all"], INDICATORS_PER_FILE)) + indicators["models"]
    for indicator_id, kind, name, parts, ratio in chosen:
        lines.append(f"  {indicator_id}:")
        key = f"{ward} {indicator_id}"
        if ratio:
            total = round(_drifting(key, cycle, 50, 20_000))
            counted = round(total * _drifting(f"{key} share", cycle, 0.0, 0.95))
            lines += ["    parts:", f"      {parts[0]}: {counted}", f"      {parts[1]}: {total}"]
        elif parts:
            lines.append("    parts:")
            lines += [f"      {part}: {_figure(f'{key} {part}', cycle, name)}" for part in parts]
        elif kind == "unit":
            lines += [f"    value: {_figure(key, cycle, name)}", f"    unit: {name}"]
        else:
            lines.append(f"    value: {rng.choice(STATES[name])}")
        lines += [f"    year: {cycle}", f"    source: {rng.choice(SOURCES)} {cycle}"]
        if rng.random() < 0.2:
            lines.append(f"    note: Số liệu ước tính của phường {ward[7:]}")
    lines.append("answers:")
    for question in ANSWERED:
        lines += [
            f"  {question}:",
            "    vi: |",
            f"      {_sentence(rng, TEXT_VI, 60)}",
            "",
            f"      {_sentence(rng, TEXT_VI, 40)}",
            f"    en: {_sentence(rng, TEXT_EN, 80)}",
        ]
    return "\n".join(lines) + "\n"


def _figure(key: str, cycle: str, unit: str) -> float | int:
    """A ward's figure of one indicator (or part) in `cycle`, within its unit's range."""
    low, high = UNIT_RANGES[unit]
    value = _drifting(key, cycle, low, high)
    return round(value) if unit == "count" else round(value, 1)


def _drifting(key: str, cycle: str, low: float, high: float) -> float:
    """A base between `low` and `high` of its own for `key`, moved by at most 5% in `cycle`."""
    base = low + (high - low) * _fraction(key)
    return min(high, base * (0.95 + 0.1 * _fraction(f"{key} {cycle}")))


def _fraction(key: str) -> float:
    """A number in [0, 1) fixed by `key`."""
    digest = hashlib.blake2b(key.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def _sentence(rng: random.Random, vocabulary: str, n: int) -> str:
    words = vocabulary.split()
    text = " ".join(rng.choice(words) for _ in range(n))
    return text[:1].upper() + text[1:] + "."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--wards", type=int, default=200)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    print(f"{build(args.out, args.wards, args.years)} submission files in {args.out}")


if __name__ == "__main__":
    main()
