"""The Markdown template of the report renders in the same sandbox as the Word templates: it
gets plain data, cannot reach into it, include a file or loop without bound, and each refusal
names its line (exit 2), with nothing written or read outside the output."""

from __future__ import annotations

import time

import pytest
from hostile_cases import GOOD, SUBMISSION, snapshot

from hcmlc.render import budget

CASES = {
    "a text's class": (
        "# {{ title }}\n{{ title.__class__.__mro__[1].__subclasses__() }}\n",
        2,
        "the template reaches for `__class__` of a text, which is unsafe: a template may print "
        "the values it is given, not reach into them",
    ),
    "a row's method": (
        "{% for row in summary %}\n{{ row.cell('met') }}\n{% endfor %}\n",
        2,
        "'dict object' has no attribute 'cell'",  # a row is a mapping now: `row[status]`
    ),
    "a mapping's method": (
        "{{ l.clear() }}\n",
        1,
        "the template reaches for `clear` of a mapping, which is unsafe: a template may print "
        "the values it is given, not reach into them",
    ),
    "an include": (
        "# {{ title }}\n\n{% include '/etc/passwd' %}\n",
        3,
        "`{% include %}` is not allowed: a template cannot read other files",
    ),
    "nested loops": (
        "{% for a in range(100000) %}\n{% for b in range(100000) %}{% endfor %}{% endfor %}\n",
        2,
        "the template does more than 1,000,000 steps of work (loops, calls, filters): it would "
        "not finish",
    ),
    "a text times a billion": (
        "{{ title * 1000000000 }}\n",
        1,
        "the template builds a text or list of",
    ),
    # Issue 24: steps that hide their work, refused by what they read or by the clock.
    "the largest of a long list, in a loop": (
        "{% set big = range(100000)|list %}\n"
        "{% for i in range(100000) %}{{ big|max }}{% endfor %}\n",
        2,
        "the template",
    ),
    "a long list in a list, ten thousand times": (
        "{% set l = range(100000)|list %}\n{{ [l] * 10000 }}\n",
        2,
        "the template builds a text or list of 1,000,010,000 items, over the limit of 10,000,000",
    ),
    "a search of a long list, in a loop": (
        "{% set big = range(100000)|list %}\n"
        "{% for i in range(100000) %}{% if i * 7 in big %}x{% endif %}{% endfor %}\n",
        None,  # wherever the clock found it: in the template's code or in Jinja's
        "the template did not finish within 0.3 seconds of work: it would not finish",
    ),
    "a long list written out through `~`": (
        "{% set l = range(100000)|list %}\n{{ 'a' ~ [" + ",".join(["l"] * 101) + "] }}\n",
        2,
        "the template builds a text or list of 10,000,101 items, over the limit of 10,000,000",
    ),
}
CLOCK = {"a search of a long list, in a loop": 0.3}
"""The cases stopped by the clock, under a tenth of a command's 3 seconds so as not to wait
(tests/test_sandbox_work.py proves a command's clock runs out after 3 seconds)."""


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_markdown_template_is_refused(
    hcmlc, repo, tmp_path_factory, monkeypatch, case: str
) -> None:
    """(One value, so no chart to draw: the template is what takes the time.)"""
    repo.write(SUBMISSION, GOOD)
    bundled = repo.root
    source, line, detail = CASES[case]
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    template = tmp_path_factory.mktemp("pr") / "report.md.j2"
    template.write_text(source, encoding="utf-8")
    folder = tmp_path_factory.mktemp("out")
    if case in CLOCK:
        monkeypatch.setattr(budget, "MAX_SECONDS", CLOCK[case])
    before = snapshot(home, bundled)
    started = time.process_time()
    code, out, err = hcmlc(
        "report",
        "--root",
        str(bundled),
        "--format",
        "md",
        "--template",
        str(template),
        "--out",
        str(folder / "report.md"),
    )
    assert time.process_time() - started < 5  # the work done, whatever the machine's load
    assert snapshot(home, bundled) == before
    assert (code, out) == (2, "")
    where = f" at line {line}" if line else ""
    if line is None:  # the clock stops the template wherever it is
        where = " at line 2" if " at line 2: " in err else ""
    assert err.startswith(f"error: the template {template} is broken{where}: {detail}")
    assert "report.md" not in [p.name for p in folder.iterdir()]
