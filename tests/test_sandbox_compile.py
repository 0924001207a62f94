"""The sandbox compiles a template once per source (remind renders one letter per agency from
the same parts), while every environment keeps its own budget of work."""

from __future__ import annotations

import pytest
from jinja2 import TemplateAssertionError

from hcmlc.render.sandbox import Sandbox
from hcmlc.render.sandbox_limits import MAX_STEPS, TooCostly

# Six tenths of a document's budget: one rendering fits, two in one environment do not.
LOOP = "{% for i in range(60000) %}{% for j in range(10) %}{% endfor %}{% endfor %}done"


def test_the_same_source_is_compiled_once() -> None:
    first, second = Sandbox(autoescape=True), Sandbox(autoescape=True)
    assert first.compile(LOOP) is second.compile(LOOP)
    assert first.compile(LOOP) is not Sandbox(autoescape=False).compile(LOOP)  # other settings


def test_each_environment_has_its_own_budget() -> None:
    for _ in range(3):
        sandbox = Sandbox(autoescape=True)
        assert sandbox.from_string(LOOP).render() == "done"
        assert MAX_STEPS / 2 < sandbox.steps <= MAX_STEPS
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
