"""Same seed, same numbers: on any executor, any number of workers, any grouping of blocks."""

from __future__ import annotations

import json

import numpy as np
import pytest
from tests.dynamics.dyn_helpers import deal

from accord.dynamics import simulate_inputs
from accord.dynamics.executors import BLOCK
from accord.errors import AccordError

RUNS = 2 * BLOCK + 777  # three blocks, the last one short
HORIZON = 6


def sim(**kw):
    x = [deal([0.6, 0.7, 0.4], name="a", band=0.2), deal([0.9], name="b")]
    kw.setdefault("runs", RUNS)
    return simulate_inputs(x, horizon=HORIZON, seed=2024, **kw)


def dump(r):
    return json.dumps(r.to_dict(), sort_keys=True)


@pytest.fixture(scope="module")
def serial():
    return dump(sim())


def test_same_seed_same_bytes_and_another_seed_differs(serial):
    assert dump(sim()) == serial
    assert (
        dump(
            simulate_inputs(
                [deal([0.6, 0.7, 0.4], name="a", band=0.2), deal([0.9], name="b")],
                horizon=HORIZON,
                seed=2025,
                runs=RUNS,
            )
        )
        != serial
    )


def test_grouping_of_blocks_does_not_matter(serial):
    assert dump(sim(group=1)) == serial
    assert dump(sim(group=3)) == serial


def test_seed_sequence_is_accepted():
    a = simulate_inputs([deal([0.5])], runs=100, horizon=3, seed=np.random.SeedSequence(5))
    b = simulate_inputs([deal([0.5])], runs=100, horizon=3, seed=np.random.SeedSequence(5))
    assert a.to_dict() == b.to_dict()


def test_process_pool_gives_the_same_numbers(serial):
    assert dump(sim(workers=2)) == serial


def test_dask_local_cluster_gives_the_same_numbers(serial):
    pytest.importorskip("distributed")
    assert dump(sim(executor="dask", workers=2, processes=False)) == serial


def test_a_deal_gives_the_same_numbers_whichever_deals_run_beside_it(serial):
    a, b = deal([0.6, 0.7, 0.4], name="a", band=0.2), deal([0.9], name="b")
    both = json.loads(serial)
    for inputs in ([b], [b, a]):  # a dropped, or run second: b and no deal must not move
        alone = simulate_inputs(inputs, horizon=HORIZON, seed=2024, runs=RUNS).to_dict()
        assert json.dumps(alone["deals"]["b"], sort_keys=True) == json.dumps(
            both["deals"]["b"], sort_keys=True
        )
        assert json.dumps(alone["no_deal"], sort_keys=True) == json.dumps(
            both["no_deal"], sort_keys=True
        )


def test_duplicate_deal_ids_are_a_user_error():
    with pytest.raises(AccordError, match="unique"):
        simulate_inputs([deal([0.5], name="a"), deal([0.7], name="a")], runs=10, horizon=2)


def test_bad_sizes_and_executor_are_user_errors():
    with pytest.raises(AccordError, match="runs"):
        sim(runs=0)
    with pytest.raises(AccordError, match="executor"):
        sim(executor="mpi")


def test_progress_reports_every_run():
    seen = []
    sim(progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (3 * RUNS, 3 * RUNS)  # two deals and no deal
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
