"""qa._speed.parallel: files cut into consecutive shares of near-equal size, checked by the parent
and forked children, results in input order, and no file lost when a child fails."""
from __future__ import annotations

import os

import pytest

from qa._speed import parallel as shares
from qa._speed.parallel import FILE_OVERHEAD, check_in_shares, split

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork() here")


def test_split_cuts_consecutive_runs_of_near_equal_weight():
    assert split([100] * 6, 2) == [[0, 1, 2], [3, 4, 5]]
    assert split([100] * 7, 3) == [[0, 1], [2, 3, 4], [5, 6]]
    big = 50 * FILE_OVERHEAD
    assert split([big, 10, 10, 10, 10], 2) == [[0], [1, 2, 3, 4]]
    assert split([10, 10, big, 10], 2) == [[0, 1], [2, 3]]      # a file goes where its middle is
    assert split([5], 4) == [[], [0], [], []]
    assert split([], 3) == [[], [], []]
    assert split([1, 2, 3], 1) == [[0, 1, 2]]


@pytest.mark.parametrize("sizes,parts", [([7] * 40, 2), (list(range(1, 60)), 3),
                                         ([10 ** 6, 1, 1, 10 ** 6, 1], 2), ([3, 1], 8)])
def test_split_covers_every_file_once_in_order(sizes, parts):
    got = split(sizes, parts)
    assert len(got) == parts
    assert sum(got, []) == list(range(len(sizes)))
    weights = [sum(sizes[i] + FILE_OVERHEAD for i in share) for share in got]
    assert max(weights) - min(weights) <= max(sizes) + FILE_OVERHEAD


def _square(x):
    return (x, x * x, os.getpid())


@needs_fork
@pytest.mark.parametrize("jobs", [2, 3])
def test_results_come_back_in_input_order_from_several_processes(jobs):
    items = list(range(30))
    got = check_in_shares(_square, items, [1] * len(items), jobs)
    assert [g[:2] for g in got] == [(x, x * x) for x in items]
    assert len({g[2] for g in got}) == jobs          # the parent and jobs - 1 children
    assert os.getpid() in {g[2] for g in got}


@needs_fork
def test_progress_counts_every_file_once_and_ends_at_the_total():
    seen = []
    check_in_shares(_square, list(range(25)), [1] * 25, 2, lambda d, t: seen.append((d, t)),
                    offset=3)
    assert seen[-1] == (28, 28)
    assert all(t == 28 for _, t in seen) and [d for d, _ in seen] == sorted(d for d, _ in seen)


@needs_fork
@pytest.mark.parametrize("how", ["exit", "raise", "lost"])
def test_a_failing_child_loses_no_file(how, monkeypatch):
    parent = os.getpid()

    def check(x):
        if os.getpid() != parent and x == 25:
            if how == "exit":
                os._exit(3)                      # dies without a word
            raise RuntimeError("a bug that only bites in the child")
        return (x, os.getpid())

    if how == "lost":
        real = shares._unpickle
        monkeypatch.setattr(shares, "_unpickle",
                            lambda child, n: real(type(child)(child.pid, child.share, -1, -1), n))

        def check(x):                            # noqa: F811 - the child works, its payload is lost
            return (x, os.getpid())
    got = check_in_shares(check, list(range(30)), [1] * 30, 2)
    assert [g[0] for g in got] == list(range(30))
    assert got[25][1] == parent                    # the file the child failed on was checked here
    if how == "lost":                              # and every file whose result was lost
        assert all(g[1] == parent for g in got[15:])


@needs_fork
def test_an_error_in_the_parent_stops_the_children(tmp_path):
    marker = tmp_path / "child-finished"
    parent = os.getpid()

    def check(x):
        if os.getpid() == parent and x == 3:
            raise KeyboardInterrupt
        if os.getpid() != parent and x == 15:     # the child's first file
            import time
            time.sleep(5)
            marker.write_text("late")
        return x

    with pytest.raises(KeyboardInterrupt):
        check_in_shares(check, list(range(30)), [1] * 30, 2)
    import time
    time.sleep(0.2)
    assert not marker.exists()


@needs_fork
@pytest.mark.parametrize("slow", ["parent's share", "child's share"])
def test_a_process_done_early_takes_files_from_the_back_of_the_slower_share(slow):
    """Shares are cut by size, but a process whose share proves lighter does not sit idle at
    the end: it takes files from the back of the other share (the output order stays)."""
    import time
    parent = os.getpid()

    def check(x):
        if (x < 15) == (slow == "parent's share"):
            time.sleep(0.04)
        return (x, os.getpid())

    got = check_in_shares(check, list(range(30)), [1] * 30, 2)
    assert [g[0] for g in got] == list(range(30))
    if slow == "parent's share":
        assert any(g[1] != parent for g in got[:15])
        assert got[0][1] == parent and all(g[1] != parent for g in got[15:])
    else:
        assert any(g[1] == parent for g in got[15:])
        assert all(g[1] == parent for g in got[:15]) and got[15][1] != parent


def test_near_the_end_a_child_is_given_a_file_only_where_that_evens_the_load():
    """With a batch queued behind the one it checks, a child used to hold three files when the
    parent had one left, and the parent waited for them; now a file goes to the child only
    while that brings what it holds closer to what is left for the parent."""
    from types import SimpleNamespace

    from qa._speed.parallel import _Shares

    def plan():
        return _Shares(list("abcd"), [[0, 1], [2, 3]], [10, 10, 10, 10])
    holding = plan()
    holding.left[1].clear()
    holding.weight[1] = 0
    child = SimpleNamespace(share={2: "c", 3: "d"})        # it holds its whole share
    assert holding.batch(0, child) == []                   # the parent's two files stay its own
    assert [i for i, _ in holding.batch(0)] == [0]
    idle = plan()
    idle.left[1].clear()
    idle.weight[1] = 0
    assert idle.batch(0, SimpleNamespace(share={})) == [(1, "b")]   # one of two, from the back
    early = plan()                                          # plenty left: batches as before
    assert early.batch(0, SimpleNamespace(share={})) == [(2, "c")]
