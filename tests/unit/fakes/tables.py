"""The in-memory database that every fake repository reads and writes."""

import copy
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from uuid import UUID

from domain.activity import Activity
from domain.inbox import InboxMessage
from domain.leaderboard import LeaderboardEntry
from domain.learners import Learner
from domain.polls import SentPoll
from domain.progress import AnswerRecord, Progress
from domain.review import ReviewCard, ReviewRecord, ReviewWait


@dataclass
class FakeMembership:
    """A ``league_members`` row."""

    tier: int
    league: int
    score: int = 0
    place: int | None = None
    outcome: int | None = None
    told: bool = False


@dataclass
class Tables:
    """Rows keyed like the real unique constraints, so duplicates cannot sneak in."""

    learners: dict[int, Learner] = field(default_factory=dict)
    progress: dict[tuple[int, int], Progress] = field(default_factory=dict)
    answers: dict[tuple[int, int, int, int], AnswerRecord] = field(default_factory=dict)
    study_days: set[tuple[int, date]] = field(default_factory=set)
    freezes: dict[tuple[int, date, str], bool] = field(default_factory=dict)
    """Streak freeze facts, (learner, day, "earned", "spent" or "award:<id>"), with whether
    told."""
    earned: dict[tuple[int, int], datetime] = field(default_factory=dict)
    activities: list[Activity] = field(default_factory=list)
    board: dict[int, LeaderboardEntry] = field(default_factory=dict)
    updates: dict[int, datetime] = field(default_factory=dict)
    inbox: dict[UUID, InboxMessage] = field(default_factory=dict)
    hidden: set[int] = field(default_factory=set)
    reminder_hours: dict[int, int] = field(default_factory=dict)
    reminded_on: dict[int, date] = field(default_factory=dict)
    polls: dict[str, SentPoll] = field(default_factory=dict)
    week_points: dict[tuple[int, date], int] = field(default_factory=dict)
    """Points a learner earned in the week of that Monday: what the rows would sum to."""
    league_members: dict[tuple[date, int], "FakeMembership"] = field(default_factory=dict)
    league_ladder: dict[int, int] = field(default_factory=dict)
    league_closed: set[date] = field(default_factory=set)
    cards: dict[tuple[int, int], ReviewCard] = field(default_factory=dict)
    reviews: dict[tuple[int, int, int], ReviewRecord] = field(default_factory=dict)
    review_waits: dict[int, ReviewWait] = field(default_factory=dict)
    last_learner_id: int = 0

    def snapshot(self) -> "Tables":
        return copy.deepcopy(self)

    def restore(self, snapshot: "Tables") -> None:
        """Refill these tables in place: repositories keep a reference to this object."""
        for column in fields(self):
            setattr(self, column.name, copy.deepcopy(getattr(snapshot, column.name)))

    def forget_learner(self, user_id: int) -> None:
        """What the foreign keys' ON DELETE CASCADE does for one learner."""
        self.learners.pop(user_id)
        self.progress = {key: row for key, row in self.progress.items() if key[0] != user_id}
        self.answers = {key: row for key, row in self.answers.items() if key[0] != user_id}
        self.study_days = {row for row in self.study_days if row[0] != user_id}
        self.freezes = {key: told for key, told in self.freezes.items() if key[0] != user_id}
        self.earned = {key: at for key, at in self.earned.items() if key[0] != user_id}
        self.activities = [row for row in self.activities if row.user_id != user_id]
        self.board.pop(user_id, None)
        self.inbox = {key: row for key, row in self.inbox.items() if row.user_id != user_id}
        self.hidden.discard(user_id)
        self.reminder_hours.pop(user_id, None)
        self.reminded_on.pop(user_id, None)
        self.polls = {key: row for key, row in self.polls.items() if row.user_id != user_id}
        self.league_members = {k: m for k, m in self.league_members.items() if k[1] != user_id}
        self.league_ladder.pop(user_id, None)
        self.cards = {key: row for key, row in self.cards.items() if key[0] != user_id}
        self.reviews = {key: row for key, row in self.reviews.items() if key[0] != user_id}
        self.review_waits.pop(user_id, None)
