"""The cycle collector paused for a stage (a build, or resolution called on its own), then left as
it was found: on, off, or after an error."""

from __future__ import annotations

import gc

import pytest

from kgraph.collector import collector_paused


@pytest.fixture(autouse=True)
def _restore_collector():
    was_enabled = gc.isenabled()
    yield
    (gc.enable if was_enabled else gc.disable)()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_off_inside_and_as_it_was_after(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested (resolution inside a build): the outer one turns it back on
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled() is enabled


def test_an_error_inside_leaves_the_collector_as_it_was() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a failed stage")
    assert gc.isenabled()
