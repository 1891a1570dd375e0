"""A read packed whole (``mysql_rows.Packed(..., whole=True)``: every row in one JSON array)
gives the rows the plain read gives: the same values and types (dates, NULLs), none for an
empty result, and all of a long one (``JSON_ARRAYAGG`` is cut at ``group_concat_max_len``,
which the engine's connections raise). MySQL/MariaDB only: the others never pack."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from infrastructure.db.repositories.learner_facts import tagged_row
from infrastructure.db.repositories.mysql_rows import Packed
from infrastructure.db.repositories.mysql_script import compile_script, run_script
from tests.integration.conftest import UowFactory

FIRST = sa.literal(date(2026, 1, 1))
LONG = 40_000
"""Rows of some 40 bytes each in JSON: over 1.5 MB, past MariaDB's default cap of 1 MB."""


pytestmark = pytest.mark.parametrize("engine", ["mariadb"], indirect=True)


def facts_like(rows: int) -> sa.CompoundSelect[str, int, int, date]:
    numbers = sa.select(sa.literal_column("seq", sa.Integer).label("seq")).select_from(
        sa.text(f"seq_1_to_{rows}")
    )
    counted = numbers.subquery("numbers")
    return sa.union_all(
        tagged_row("recorded", sa.literal(1)),
        tagged_row("day", day=sa.cast(sa.func.adddate(FIRST, counted.c.seq), sa.Date)),
        tagged_row("lesson", counted.c.seq, sa.case((counted.c.seq > 2, counted.c.seq))),
    )


async def read(uow_factory: UowFactory, statement: object) -> list[tuple[object, ...]]:
    async with uow_factory() as uow:
        dialect = uow.session.get_bind().dialect
        script = compile_script([statement], dialect)  # type: ignore[list-item]
        [rows] = await run_script(uow.transaction, script, {})
        return rows


async def test_a_whole_packed_read_gives_the_plain_reads_rows(uow_factory: UowFactory) -> None:
    plain = await read(uow_factory, facts_like(3))
    packed = await read(uow_factory, Packed(facts_like(3), whole=True))
    assert sorted(packed, key=repr) == sorted(plain, key=repr)
    assert ("day", None, None, date(2026, 1, 2)) in packed
    assert ("lesson", 1, None, None) in packed


async def test_an_empty_result_packed_whole_is_no_rows(uow_factory: UowFactory) -> None:
    nothing = sa.union_all(tagged_row("recorded", sa.literal(1)).where(sa.false()))
    assert await read(uow_factory, Packed(nothing, whole=True)) == []


async def test_a_long_result_comes_back_whole(uow_factory: UowFactory) -> None:
    rows = await read(uow_factory, Packed(facts_like(LONG), whole=True))
    assert len(rows) == 1 + 2 * LONG
    assert ("lesson", LONG, LONG, None) in rows
    assert ("day", None, None, date(2026, 1, 1) + timedelta(days=LONG)) in rows
