from sqlalchemy.ext.asyncio import AsyncSession

from infrastructure.db.content_version import ContentVersion
from infrastructure.db.repositories.content_reader import SqlContentReader
from infrastructure.db.repositories.content_writer import SqlContentWriter


class SqlContentStore(SqlContentReader, SqlContentWriter):
    """The content port over one session: reads and writes share its transaction."""

    def __init__(self, session: AsyncSession, version: ContentVersion) -> None:
        SqlContentReader.__init__(self, session)
        SqlContentWriter.__init__(self, session, version)
