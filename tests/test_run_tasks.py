"""`run_tasks`: results in task order, and each batch's results let go once handed out (held to the
end of a stage, every episode's nodes and shares stayed in memory until the last was stored)."""

from __future__ import annotations

import gc
import weakref

from kgraph.build.workers import InlineExecutor, run_tasks


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
