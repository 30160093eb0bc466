"""`run_tasks`: results in task order, and each batch's results let go once handed out (held to the
end of a stage, every episode's nodes and shares stayed in memory until the last was stored).
`Batches`: tasks handed in one at a time go out in batches as they fill."""

from __future__ import annotations

import contextlib
import gc
import threading
import weakref
from concurrent.futures import Executor, ThreadPoolExecutor

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgraph.build.workers import MIN_PARALLEL_TASKS, Batches, InlineExecutor, run_tasks


class Result:
    """A result that can be watched (lists and tuples cannot be weakly referenced)."""

    def __init__(self, task: int):
        self.task = task


def work(tasks: list[int]) -> list[Result]:
    return [Result(task) for task in tasks]


def test_results_come_in_task_order() -> None:
    tasks = list(range(100))
    assert [result.task for result in run_tasks(InlineExecutor(), work, tasks, batches=7)] == tasks


def test_a_batchs_results_are_let_go_once_handed_out() -> None:
    tasks = list(range(64))  # 4 batches of 16
    results = run_tasks(InlineExecutor(), work, tasks, batches=4)
    first = weakref.ref(next(results))
    for _ in range(15):  # the rest of the first batch
        next(results)
    next(results)  # the second batch's first: the first batch is behind
    gc.collect()
    assert first() is None
    assert sum(1 for _ in results) == 64 - 17


# -- tasks handed in one at a time (`Batches`) ----------------------------------------------------


class Noting(Executor):
    """Runs each batch at once in this process, noting the batch (as a pool would be handed it)."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []

    def submit(self, fn, /, *args, **kwargs):
        self.batches.append(list(args[0]))
        return InlineExecutor().submit(fn, *args, **kwargs)


def _old_batches(tasks: list[int], batches: int) -> list[list[int]]:
    """How `run_tasks` split its tasks before `Batches` (the oracle)."""
    if len(tasks) < MIN_PARALLEL_TASKS:
        return []  # run in this process
    size = max(1, min(32, -(-len(tasks) // batches)))
    return [tasks[start : start + size] for start in range(0, len(tasks), size)]


@given(st.integers(0, 300), st.integers(1, 40))
def test_run_tasks_splits_its_tasks_as_before(count: int, batches: int) -> None:
    executor, tasks = Noting(), list(range(count))
    assert [result.task for result in run_tasks(executor, work, tasks, batches)] == tasks
    assert executor.batches == _old_batches(tasks, batches)


def test_batches_go_out_as_they_fill_from_the_first_parallel_task_on() -> None:
    executor = Noting()
    submitted: Batches[int, Result] = Batches(lambda: executor, work, batches=4, expected=100)  # 25 a batch
    for task in range(MIN_PARALLEL_TASKS - 1):
        submitted.add(task)
    assert executor.batches == []  # too few yet to be worth a worker
    for task in range(MIN_PARALLEL_TASKS - 1, 60):
        submitted.add(task)
    assert executor.batches == [list(range(25)), list(range(25, 50))]
    assert [result.task for result in submitted.results()] == list(range(60))
    # what was left when the tasks ran out is split by how many there were: 60 in 4 batches
    assert executor.batches[2:] == [list(range(50, 60))]

    executor = Noting()
    small: Batches[int, Result] = Batches(lambda: executor, work, batches=20, expected=100)  # 5 a batch
    for task in range(MIN_PARALLEL_TASKS):
        small.add(task)
    assert executor.batches == [list(range(start, start + 5)) for start in range(0, 15, 5)]


def test_what_is_left_is_split_as_if_it_were_all() -> None:
    executor = Noting()
    submitted: Batches[int, Result] = Batches(lambda: executor, work, batches=4, expected=1000)  # 32 a batch
    for task in range(20):
        submitted.add(task)
    assert executor.batches == []
    assert [result.task for result in submitted.results()] == list(range(20))
    assert executor.batches == [list(range(start, start + 5)) for start in range(0, 20, 5)]


def test_few_tasks_and_an_inline_executor_run_only_when_results_are_asked_for() -> None:
    def no_executor() -> Executor:
        raise AssertionError("few tasks need no executor")

    few: Batches[int, Result] = Batches(no_executor, work, batches=4, expected=100)
    for task in range(MIN_PARALLEL_TASKS - 1):
        few.add(task)
    assert [result.task for result in few.results()] == list(range(MIN_PARALLEL_TASKS - 1))

    ran: list[int] = []

    def noting_work(tasks: list[int]) -> list[Result]:
        ran.extend(tasks)
        return work(tasks)

    inline: Batches[int, Result] = Batches(InlineExecutor, noting_work, batches=4, expected=100)
    for task in range(50):
        inline.add(task)
    assert ran == []
    assert [result.task for result in inline.results()] == list(range(50)) == ran


@pytest.mark.parametrize("how", ["cancel", "an error in the block"])
def test_cancelled_tasks_that_did_not_start_never_run(how: str) -> None:
    ran: list[int] = []

    def noting_work(tasks: list[int]) -> list[Result]:
        ran.extend(tasks)
        return work(tasks)

    with ThreadPoolExecutor(1) as pool:
        started, release = threading.Event(), threading.Event()
        pool.submit(lambda: started.set() or release.wait(5))  # the only worker is busy
        started.wait(5)
        with contextlib.suppress(KeyboardInterrupt), Batches(lambda: pool, noting_work, 4, 40) as submitted:
            for task in range(40):
                submitted.add(task)
            if how == "cancel":
                submitted.cancel()
            else:
                raise KeyboardInterrupt
        release.set()
    assert ran == [] and list(submitted.results()) == []
