"""Closed vocabularies shared by the domain and every adapter."""

from enum import StrEnum


class ProgressStatus(StrEnum):
    NOT_STARTED = "NOT_STARTED"
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETED = "COMPLETED"


class AchievementType(StrEnum):
    LESSON_COMPLETED = "LESSON_COMPLETED"
    MODULE_COMPLETED = "MODULE_COMPLETED"
    STREAK = "STREAK"
    CHALLENGES_SOLVED = "CHALLENGES_SOLVED"
    MILESTONE = "MILESTONE"


class ActivityType(StrEnum):
    LESSON_STARTED = "LESSON_STARTED"
    LESSON_COMPLETED = "LESSON_COMPLETED"
    CHALLENGE_ATTEMPTED = "CHALLENGE_ATTEMPTED"
    CHALLENGE_SOLVED = "CHALLENGE_SOLVED"
    ACHIEVEMENT_EARNED = "ACHIEVEMENT_EARNED"
    LOGIN = "LOGIN"
    REVIEW_ANSWERED = "REVIEW_ANSWERED"


class ChallengeKind(StrEnum):
    """Each kind's rules are its row in ``domain.kinds.KINDS``; stored as a plain VARCHAR."""

    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    TEXT = "text"


class ChallengeForm(StrEnum):
    """How a challenge is put: inline buttons (or a typed answer), or a Telegram quiz poll."""

    BUTTONS = "buttons"
    POLL = "poll"


class InboxKind(StrEnum):
    QUESTION = "question"
    PROBLEM = "problem"


class InboxStatus(StrEnum):
    NEW = "new"
    REPLIED = "replied"
    RESOLVED = "resolved"


class Delivery(StrEnum):
    """What became of a message sent outside an update; BLOCKED means stop writing to them."""

    SENT = "sent"
    BLOCKED = "blocked"
    FAILED = "failed"
