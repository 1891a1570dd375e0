"""The session's connection, asked for once per transaction by the answer path's own runners
(on SQLite, and on PostgreSQL and MariaDB once a unit of work has made its session: before
that, they run on the transaction's bare connection, ``transaction``).

``AsyncSession.connection()`` runs a greenlet and walks the session's transaction and proxy
registry each time it is called, even when the connection is the one it handed out a moment
ago: by the profile, some 60 µs of a PostgreSQL answer's CPU for its three calls (checkout,
read ahead, write). The connection a transaction holds cannot change while that
transaction is open, so it is kept in ``session.info`` beside the transaction it belongs
to, and handed out again only while that very transaction is still active and the
connection neither closed nor invalidated (an outage invalidates it). A commit or rollback
ends the transaction, so the next call asks the session again, as before. The transaction
is held by a weak reference: a strong one would tie the session into a reference cycle
that only the collector frees.
"""

import weakref
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

HELD = "learnbot.held_connection"


async def held_connection(session: AsyncSession) -> AsyncConnection:
    transaction = session.sync_session.get_transaction()
    held = session.info.get(HELD)
    if held is not None and transaction is not None and held[0]() is transaction:
        connection: AsyncConnection = held[1]
        sync = connection.sync_connection
        if transaction.is_active and sync is not None and not (sync.invalidated or sync.closed):
            return connection
    connection = await session.connection()
    begun = session.sync_session.get_transaction()
    if begun is not None:
        session.info[HELD] = (weakref.ref(begun), connection)
    return connection


async def held_driver(session: AsyncSession) -> tuple[AsyncConnection, Any]:
    """The held connection and its driver's own connection (asyncpg's, aiomysql's,
    aiosqlite's), taken from the checked-out connection as is: ``get_raw_connection`` runs
    a greenlet to read the same attribute."""
    connection = await held_connection(session)
    sync = connection.sync_connection
    if sync is None or sync.invalidated:
        return connection, (await connection.get_raw_connection()).driver_connection
    return connection, sync.connection.driver_connection
