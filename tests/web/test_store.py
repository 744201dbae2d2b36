"""The store on SQLite and PostgreSQL: migrations, revisions, history, restore, conflicts."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Engine, inspect

import accord
from accord.errors import AccordError
from accord.web.store import ConflictError, Revisions, content_hash, diff, schema_revision
from accord.web.store.cache import Cache

KOREA = accord.load("korea-2018")


def _edit(scenario: accord.Scenario, verification: str) -> accord.Scenario:
    data = scenario.to_dict()
    data["deals"][0]["clauses"][0]["verification"] = verification
    return accord.scenario.validate_data(data)


def test_migrations_create_every_table_from_empty(engine: Engine) -> None:
    assert schema_revision(engine) == "0001"
    tables = set(inspect(engine).get_table_names())
    assert {"scenarios", "revisions", "results", "jobs", "artifacts", "users", "audit"} <= tables


def test_save_history_and_content_hash(engine: Engine) -> None:
    revs = Revisions(engine)
    first, new = revs.save(KOREA, base=None, author="ana", message="import")
    assert new and first.number == 1 and first.author == "ana"
    assert first.content_hash == content_hash(KOREA.to_dict())
    same, new = revs.save(KOREA, base=1, author="ben")
    assert not new and same.number == 1  # unchanged inputs make no revision
    second, new = revs.save(_edit(KOREA, "none"), base=1, author="ben", message="no checks")
    assert new and second.number == 2 and second.parent == 1
    assert [r.number for r in revs.history("korea-2018")] == [2, 1]
    assert revs.get("korea-2018", 1).scenario_object() == KOREA


def test_second_save_on_the_same_base_is_refused(engine: Engine) -> None:
    revs = Revisions(engine)
    revs.save(KOREA, base=None, author="ana")
    revs.save(_edit(KOREA, "none"), base=1, author="ana", message="mine")
    with pytest.raises(ConflictError) as err:
        revs.save(_edit(KOREA, "ntm"), base=1, author="ben")
    assert err.value.head.number == 2 and "ana saved revision 2" in str(err.value)
    assert revs.head("korea-2018").number == 2  # nothing was overwritten


def test_racing_saves_one_wins_one_conflicts(engine: Engine) -> None:
    revs = Revisions(engine)
    revs.save(KOREA, base=None, author="ana")
    outcomes: list[str] = []
    barrier = threading.Barrier(4)

    def save(kind: str) -> None:
        barrier.wait()
        try:
            revs.save(_edit(KOREA, kind), base=1, author=kind)
            outcomes.append("saved")
        except ConflictError:
            outcomes.append("conflict")

    threads = [
        threading.Thread(target=save, args=(v,))
        for v in ("none", "ntm", "continuous", "data_exchange")
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["conflict"] * 3 + ["saved"]
    assert revs.count("korea-2018") == 2


def test_restore_makes_a_new_revision_with_old_inputs(engine: Engine) -> None:
    revs = Revisions(engine)
    revs.save(KOREA, base=None, author="ana")
    revs.save(_edit(KOREA, "none"), base=1, author="ben")
    back = revs.restore("korea-2018", 1, base=2, author="ana")
    assert back.number == 3 and back.content_hash == revs.get("korea-2018", 1).content_hash
    assert back.message == "restore revision 1"


def test_unknown_revision_and_bad_base_are_user_errors(engine: Engine) -> None:
    revs = Revisions(engine)
    with pytest.raises(AccordError, match="no saved scenario"):
        revs.save(KOREA, base=3, author="ana")
    revs.save(KOREA, base=None, author="ana")
    with pytest.raises(AccordError, match="no such revision"):
        revs.get("korea-2018", 9)


def test_input_diff_names_the_clause_field() -> None:
    changes = diff(KOREA.to_dict(), _edit(KOREA, "none").to_dict())
    assert [(c.path, c.before, c.after) for c in changes] == [
        ("deals.grand-bargain.clauses.gb-denuclearise.verification", "on_site", "none")
    ]


def test_input_diff_ignores_the_order_of_actors() -> None:
    data = KOREA.to_dict()
    data["actors"] = list(reversed(data["actors"]))
    assert diff(KOREA.to_dict(), data) == []


def test_cache_round_trip_and_code_version(engine: Engine) -> None:
    cache = Cache(engine, "v1")
    calls: list[int] = []

    def compute() -> dict[str, float]:
        calls.append(1)
        return {"x": 1.5}

    assert cache.through("h", "forecast", {"model": "eum"}, compute) == {"x": 1.5}
    assert cache.through("h", "forecast", {"model": "eum"}, compute) == {"x": 1.5}
    assert len(calls) == 1
    assert Cache(engine, "v2").get("h", "forecast", {"model": "eum"}) is None
    assert cache.get("h", "forecast", {"model": "nash"}) is None
