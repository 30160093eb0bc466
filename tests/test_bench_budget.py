"""`bench/bench_instructions.py --budget`: which checkouts this one's extraction outgrows by more
than the budget (the counting itself runs valgrind, so it is not run here)."""

from pathlib import Path

import pytest

from tests.conftest import bench_module


@pytest.fixture(scope="module")
def over_budget():
    return bench_module("bench_instructions").over_budget


def test_growth_within_the_budget_passes(over_budget):
    assert over_budget(102, [(Path("before"), 100)], 0.02) == []
    assert over_budget(90, [(Path("before"), 100)], 0.02) == []  # cheaper: never over


def test_growth_beyond_the_budget_names_the_checkout_and_the_growth(over_budget):
    over = over_budget(103, [(Path("before"), 100), (Path("older"), 110)], 0.02)
    assert [checkout for checkout, _ in over] == [Path("before")]
    assert over[0][1] == pytest.approx(0.03)


def test_a_zero_budget_allows_no_growth(over_budget):
    assert over_budget(101, [(Path("before"), 100)], 0.0) != []
    assert over_budget(100, [(Path("before"), 100)], 0.0) == []
