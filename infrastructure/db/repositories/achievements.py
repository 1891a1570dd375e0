from datetime import datetime

import sqlalchemy as sa

from domain.achievements import Achievement, EarnedAchievement, LearnerFacts, LearnerTotals
from infrastructure.db.models import AchievementRow, EarnedRow, table
from infrastructure.db.repositories.achievement_rows import to_achievement
from infrastructure.db.repositories.catalogue import SqlCatalogue
from infrastructure.db.repositories.learner_facts import read_facts
from infrastructure.db.repositories.totals import mark_changed
from infrastructure.db.transaction import OnTransaction, Transaction
from infrastructure.db.upsert import insert_if_absent


class SqlAchievements(OnTransaction):
    """Definitions come with the cached catalogue; a learner's awards from the database."""

    def __init__(self, transaction: Transaction, catalogue: SqlCatalogue) -> None:
        super().__init__(transaction)
        self._catalogue = catalogue

    async def definitions(self) -> list[Achievement]:
        return list((await self._catalogue.snapshot()).achievements)

    async def earned(self, user_id: int) -> list[EarnedAchievement]:
        statement = (
            sa.select(AchievementRow, EarnedRow.earned_at)
            .join(EarnedRow, EarnedRow.achievement_id == AchievementRow.id)
            .where(EarnedRow.user_id == user_id)
            .order_by(EarnedRow.earned_at, AchievementRow.id)
        )
        rows = await self._session.execute(statement)
        return [EarnedAchievement(to_achievement(row), earned_at) for row, earned_at in rows]

    async def award(self, user_id: int, achievement_id: int, now: datetime) -> bool:
        values = {"user_id": user_id, "achievement_id": achievement_id, "earned_at": now}
        key = ["user_id", "achievement_id"]
        awarded = await insert_if_absent(self._session, table(EarnedRow), values, key)
        if awarded:
            await mark_changed(self._session, user_id)
        return awarded


class SqlTotals(OnTransaction):
    def __init__(self, transaction: Transaction, catalogue: SqlCatalogue) -> None:
        super().__init__(transaction)
        self._catalogue = catalogue

    async def facts(self, user_id: int, since: datetime | None = None) -> LearnerFacts:
        catalogue = await self._catalogue.snapshot()
        return await read_facts(self._session, user_id, catalogue, since)

    async def points_since(self, user_id: int, since: datetime) -> int:
        """The points of the facts read (one round trip over the learner's own rows):
        lessons, achievements and right reviews."""
        return (await self.facts(user_id, since)).points_today

    async def totals(self, user_id: int) -> LearnerTotals:
        """Counted by domain.totals from the facts read's facts (one round trip)."""
        return (await self.facts(user_id)).totals
