"""Fixtures every database test shares."""

from collections.abc import AsyncIterator

import pytest

from tests.support.databases import ScratchDatabases


@pytest.fixture(scope="session")
async def scratch_databases(
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[ScratchDatabases]:
    databases = ScratchDatabases(tmp_path_factory.mktemp("sqlite"))
    try:
        yield databases
    finally:
        await databases.drop_all()
