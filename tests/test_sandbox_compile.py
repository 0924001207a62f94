"""The sandbox compiles a template once per source (remind renders one letter per agency from
the same parts), while every environment keeps its own budget of work."""

from __future__ import annotations

import pytest
from jinja2 import TemplateAssertionError

from hcmlc.render import sandbox_bounds
from hcmlc.render.sandbox import Sandbox
from hcmlc.render.sandbox_limits import TooCostly

BUDGET = 10_000
"""A document's budget of steps in these tests, a hundredth of the real one (the same counting,
in a hundredth of the time: tests/test_sandbox_work.py meets the real one)."""
# Six tenths of the budget: one rendering fits, two in one environment do not.
LOOP = "{% for i in range(600) %}{% for j in range(10) %}{% endfor %}{% endfor %}done"


@pytest.fixture(autouse=True)
def small_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox_bounds, "MAX_STEPS", BUDGET)


def test_the_same_source_is_compiled_once() -> None:
    first, second = Sandbox(autoescape=True), Sandbox(autoescape=True)
    assert first.compile(LOOP) is second.compile(LOOP)
    assert first.compile(LOOP) is not Sandbox(autoescape=False).compile(LOOP)  # other settings


def test_each_environment_has_its_own_budget() -> None:
    for _ in range(3):
        sandbox = Sandbox(autoescape=True)
        assert sandbox.from_string(LOOP).render() == "done"
        assert BUDGET / 2 < sandbox.steps <= BUDGET
    sandbox = Sandbox(autoescape=True)
    sandbox.from_string(LOOP).render()
    with pytest.raises(TooCostly):
        sandbox.from_string(LOOP).render()


def test_an_environment_with_another_filter_compiles_its_own() -> None:
    plain, extended = Sandbox(autoescape=False), Sandbox(autoescape=False)
    extended.add_filter("shout", str.upper)
    source = "{{ 'a'|shout }}"
    assert extended.from_string(source).render() == "A"
    with pytest.raises(TemplateAssertionError, match="No filter named 'shout'"):
        plain.from_string(source)  # refused when compiled, as without the cache
