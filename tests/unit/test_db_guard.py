"""The session guard hook of casereview.db: run before every unit of work and every database
opened, may refuse by raising, and is removed (or restored) by set_session_guard."""

from __future__ import annotations

from pathlib import Path

import pytest

from casereview.db import open_database, set_session_guard


class Refused(Exception):
    pass


def test_the_guard_sees_every_open_and_session_and_may_refuse(tmp_path: Path) -> None:
    seen: list[str] = []
    previous = set_session_guard(seen.append)
    try:
        with open_database(f"sqlite:///{tmp_path / 'g.db'}") as database:
            with database.session_scope(readonly=True):
                pass
            with database.session_scope():
                pass
            assert seen == ["open", "session", "session"]

            def refuse(what: str) -> None:
                raise Refused(what)

            assert set_session_guard(refuse) == seen.append  # the previous guard comes back
            with pytest.raises(Refused, match="session"), database.session_scope():
                pytest.fail("the unit of work must not start")
            set_session_guard(None)
            with database.session_scope(readonly=True):  # no guard: nothing is checked
                pass
    finally:
        set_session_guard(previous)
    assert seen == ["open", "session", "session"]
