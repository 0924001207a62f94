"""Median wall time of hcmlc's commands on the bundled data, against a minimal Typer app.

Run with `make bench`. Prints one table; every figure of a run comes from the same run, so the
ratios are comparable even on a busy machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RUNS = 15

MINIMAL_TYPER = """
import typer
app = typer.Typer()
@app.command()
def hello(name: str = "world") -> None:
    print(name)
app()
"""


def median_seconds(command: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, cwd=PROJECT, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        minimal = Path(folder) / "minimal.py"
        minimal.write_text(MINIMAL_TYPER)
        cases = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "minimal Typer app --help": [sys.executable, str(minimal), "--help"],
            "hcmlc --help": [str(BIN / "hcmlc"), "--help"],
            "hcmlc validate": [str(BIN / "hcmlc"), "validate"],
            "hcmlc validate --format github": [
                str(BIN / "hcmlc"),
                "validate",
                "--format",
                "github",
            ],
            "hcmlc status": [str(BIN / "hcmlc"), "status", "--as-of", "2023-09-05"],
            "hcmlc fill-form": [
                str(BIN / "hcmlc"),
                "fill-form",
                "--out",
                str(Path(folder) / "f.docx"),
            ],
        }
        results = {name: median_seconds(command) for name, command in cases.items()}
    baseline = results["minimal Typer app --help"]
    print(f"median of {RUNS} runs each, bundled data")
    print(f"{'command':<34}{'median ms':>10}{'× minimal Typer':>18}")
    for name, seconds in results.items():
        print(f"{name:<34}{seconds * 1000:>10.0f}{seconds / baseline:>18.2f}")


if __name__ == "__main__":
    main()
