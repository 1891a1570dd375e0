"""Weekly leagues: who is in which league each week, the tier each learner plays in next,
the weeks closed, and the tier names a course pack gives."""

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from infrastructure.db.models.base import TABLE_OPTIONS, Base, flag, user_fk


class LeagueMemberRow(Base):
    """A learner in one league of one week (``week`` is its Monday in DEFAULT_TIMEZONE).

    ``score``, ``place`` and ``outcome`` (-1, 0, +1 tiers) are written when the week is
    closed; ``told`` once the learner has been sent the result.
    """

    __tablename__ = "league_members"
    __table_args__ = (sa.Index(None, "week", "tier", "league"), TABLE_OPTIONS)

    week: Mapped[date] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(user_fk(), primary_key=True, autoincrement=False)
    tier: Mapped[int] = mapped_column(sa.SmallInteger)
    league: Mapped[int]
    score: Mapped[int | None]
    place: Mapped[int | None]
    outcome: Mapped[int | None] = mapped_column(sa.SmallInteger)
    told: Mapped[bool] = flag(False)


class LeagueLadderRow(Base):
    """The tier a learner enters their next league in; absent means the bottom tier."""

    __tablename__ = "league_ladder"

    user_id: Mapped[int] = mapped_column(user_fk(), primary_key=True, autoincrement=False)
    tier: Mapped[int] = mapped_column(sa.SmallInteger)


class LeagueWeekRow(Base):
    """A closed week: written in the same transaction as its moves, so a rollover run
    again (after a crash, or on another replica) never closes it twice."""

    __tablename__ = "league_weeks"

    week: Mapped[date] = mapped_column(primary_key=True)
    closed_at: Mapped[datetime]
    placed: Mapped[int] = mapped_column(comment="learners in the next week's leagues")


class LeagueTierNameRow(Base):
    """A tier's name from the published course pack; the bot's own names otherwise."""

    __tablename__ = "league_tier_names"

    tier: Mapped[int] = mapped_column(sa.SmallInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(sa.String(50))
