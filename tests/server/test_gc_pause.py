"""The collector held off during push batches comes back on, also when batches overlap or fail."""

from __future__ import annotations

import gc
import threading

import pytest

from kkmp_pos.server.gc_pause import gc_paused


@pytest.fixture(autouse=True)
def _collector_on():
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_and_back_on_after_even_on_an_error():
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("refused batch")
    assert gc.isenabled()


def test_overlapping_batches_turn_it_back_on_only_when_the_last_ends():
    first_in, second_done, release = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def long_batch():
        with gc_paused():
            first_in.set()
            release.wait(10)
            seen.append(gc.isenabled())

    t = threading.Thread(target=long_batch)
    t.start()
    first_in.wait(10)
    with gc_paused():
        pass
    second_done.set()
    assert not gc.isenabled()  # the long batch is still running
    release.set()
    t.join(10)
    assert seen == [False]
    assert gc.isenabled()


def test_left_off_when_it_was_off_before():
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()
