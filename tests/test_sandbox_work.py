"""The sandbox bounds work, not only steps (issue 24): a filter or a print costs what it reads,
a list of lists is as large as all it holds, and a render runs under a clock of processor time
and a memory ceiling (render/budget.py)."""

from __future__ import annotations

import resource
import signal
import time

import pytest

from hcmlc.render import budget
from hcmlc.render.sandbox import Sandbox
from hcmlc.render.sandbox_limits import MAX_SIZE, TooCostly, deep_size


def test_a_list_is_as_large_as_all_it_holds() -> None:
    inner = list(range(1000))
    assert deep_size([inner] * 3) == 3 + 3 * 1000
    assert deep_size({"a": ["xy", "z"]}) == 1 + 1 + 2 + 2 + 1
    assert deep_size([inner] * 100_000) > MAX_SIZE  # stops counting once past the limit


def test_texts_and_containers_among_numbers_are_counted() -> None:
    """A list of numbers alone is not read item by item; one holding a text (of a subclass
    too), a tuple or a mapping among numbers is."""

    class Name(str):
        pass

    assert deep_size([1, 2.5, None, True]) == 4
    assert deep_size([1, Name("abc"), (2, "de"), [None, {"k": "vv"}]]) == 4 + 3 + 4 + 6
    assert deep_size((0, ("x" * 10,))) == 2 + 1 + 10


def test_min_and_max_pick_what_jinjas_own_pick() -> None:
    """The sandbox's `min` and `max` (a list of numbers taken in C) pick the very item Jinja's
    filters pick: the first of equals, NaN where Jinja's finds it; anything else is Jinja's."""
    from jinja2 import Environment, Undefined
    from jinja2.filters import FILTERS

    from hcmlc.render.sandbox_aggregates import AGGREGATES

    environment = Environment()
    nan = float("nan")
    lists = [[3, 1.5, 3.0, -2], [0.0, -0.0], [-0.0, 0.0], [nan, 1], [1, nan, 2], (2, 10**30, 7)]
    lists += [[True, 2], ["b", "A", "a"], [], [None]]
    for value in lists:
        for name in ("min", "max"):
            for case_sensitive in (False, True):
                ours = AGGREGATES[name](environment, value, case_sensitive)
                jinjas = FILTERS[name](environment, value, case_sensitive)
                if isinstance(jinjas, Undefined):  # an empty list
                    assert isinstance(ours, Undefined)
                else:
                    assert ours is jinjas, (value, name, case_sensitive)
    rows = [{"n": 2}, {"n": 9}]
    assert AGGREGATES["max"](environment, rows, attribute="n") is rows[1]
    assert render("{{ [1, 7, 3]|max }} {{ [4.5, 2]|min }} {{ ['b', 'A']|max }}") == "7 2 b"


def test_a_long_list_is_counted_once_per_render() -> None:
    known: dict = {}
    big = list(range(100_000))
    assert deep_size(big, known=known) == 100_000
    assert known[id(big)] == (big, 100_000)
    assert deep_size([big, big], known=known) == 200_002


def render(source: str, seconds: float | None = None) -> str:
    sandbox = Sandbox(autoescape=False)
    with budget.bounded(seconds):
        return sandbox.from_string(source).render()


def test_a_filter_costs_what_it_reads() -> None:
    started = time.process_time()
    with pytest.raises(TooCostly, match=r"more than 1,000,000 steps|did not finish"):
        render(
            "{% set big = range(100000)|list %}"
            "{% for i in range(100000) %}{{ big|max }}{% endfor %}"
        )
    assert time.process_time() - started < 5


def test_work_the_steps_do_not_see_is_stopped_by_the_clock() -> None:
    """The same clock as a command's, set to a fraction of its 3 seconds so as not to wait."""
    started = time.process_time()
    with pytest.raises(budget.OutOfTime, match=r"did not finish within 0\.3 seconds of work"):
        render(
            "{% set big = range(100000)|list %}"
            "{% for i in range(100000) %}{% if i * 7 in big %}x{% endif %}{% endfor %}",
            seconds=0.3,
        )
    assert time.process_time() - started < 5


def test_a_commands_clock_runs_out_after_3_seconds_of_work() -> None:
    """The clock a command renders under, its 3 seconds run out (the timer's signal sent)."""
    assert budget.MAX_SECONDS == 3
    sandbox = Sandbox(autoescape=False)
    out_of_time = pytest.raises(budget.OutOfTime, match="did not finish within 3 seconds of work")
    with out_of_time, budget.bounded():
        assert signal.getitimer(signal.ITIMER_PROF)[0] > 2.9  # set to 3 seconds
        sandbox.from_string("{{ 1 + 1 }}").render()
        signal.raise_signal(signal.SIGPROF)
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_the_bounds_are_lifted_after_the_render() -> None:
    before = resource.getrlimit(resource.RLIMIT_AS)
    assert render("{{ 1 + 1 }}") == "2"
    assert resource.getrlimit(resource.RLIMIT_AS) == before
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_memory_past_the_ceiling_is_a_memory_error_inside_the_render() -> None:
    with pytest.raises(MemoryError), budget.bounded():
        bytearray(budget.MAX_MEMORY + (256 << 20))
    assert bytearray(budget.MAX_MEMORY // 4)  # lifted again
