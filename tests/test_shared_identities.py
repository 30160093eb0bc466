"""The identities reach local worker processes once per build, through a file of the coordinator,
not inside every episode batch; other executors get the pickle itself."""

from __future__ import annotations

import os
import pickle
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

import pytest

from kgraph.build import workers
from kgraph.build.workers import InlineExecutor, share_identities
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.identities import Identities


def _identities() -> Identities:
    return Identities([], "https://example.org/", AliasRules())


def _pickled_in_worker(name: str, value: object) -> tuple[bytes, int]:
    """What a worker unpickles from `value`, pickled again, and how many builds it holds."""
    identities = workers._shared_identities(name, value)  # type: ignore[arg-type]
    return pickle.dumps(identities, protocol=pickle.HIGHEST_PROTOCOL), len(workers._identities)


@pytest.mark.slow  # worker processes
def test_local_workers_read_the_identities_from_a_file_not_from_each_batch():
    identities = _identities()
    expected = pickle.dumps(identities, protocol=pickle.HIGHEST_PROTOCOL)
    with ProcessPoolExecutor(max_workers=1) as pool, share_identities(identities, pool) as shared:
        name, value = shared
        assert isinstance(value, str) and os.path.exists(value)
        assert len(pickle.dumps(shared)) < 200  # what each batch carries: a name and a path
        for _ in range(3):  # read once, then kept by name
            assert pool.submit(_pickled_in_worker, name, value).result() == (expected, 1)
    assert not os.path.exists(value)  # closed with the stage: nothing left behind


@pytest.mark.parametrize("executor", [ThreadPoolExecutor(max_workers=1), InlineExecutor()])
def test_other_executors_get_the_pickle_or_the_object(executor: Executor):
    identities = _identities()
    with share_identities(identities, executor) as (name, value):
        if isinstance(executor, InlineExecutor):
            assert value is identities
        else:
            assert value == pickle.dumps(identities, protocol=pickle.HIGHEST_PROTOCOL)
            assert _pickled_in_worker(name, value)[0] == value


def test_a_new_build_s_identities_replace_the_old_ones():
    first, second = _identities(), Identities([], "https://example.com/", AliasRules())
    for identities in (first, second):
        data = pickle.dumps(identities, protocol=pickle.HIGHEST_PROTOCOL)
        shared = workers._shared_identities(identities.base, data)
        assert shared.base == identities.base
        assert list(workers._identities) == [identities.base]
