"""Progress: starting lessons, answering challenges, completing and retaking lessons.

Idempotency is a rule here, not an adapter detail: every answer carries its attempt
number, the store accepts each (learner, challenge, take, attempt) once, and a replayed
answer returns the recorded outcome instead of counting again.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from domain.achievements import Achievement, LearnerFacts
from domain.activity import Activity
from domain.catalogue import Challenge, Lesson, Submission
from domain.enums import ActivityType
from domain.errors import ContentUnavailable, InvalidSubmission, StaleAnswer
from domain.freezes import DEFAULT_FREEZES, FreezeRules, Freezes
from domain.goals import day_start, goal_met
from domain.learners import Learner
from domain.levels import DEFAULT_CURVE, LevelCurve, level_reached
from domain.ports import Clock, ProgressPorts, ReviewScheduler
from domain.progress import (
    AnswerRecord,
    CountedAnswer,
    Progress,
    Take,
    shown_ids,
    solved_ids,
    take_score,
)
from domain.review import DEFAULT_RULES as DEFAULT_REVIEW
from domain.review import ReviewCard, ReviewRules, elapsed_since, rating_for
from domain.services.achievements import AchievementService
from domain.services.freezes import FreezeService
from domain.services.streaks import StreakService
from domain.streaks import Streak


@dataclass(frozen=True, slots=True)
class AnswerOutcome:
    """What the learner is told after an answer. ``replayed`` marks a repeated delivery."""

    challenge: Challenge
    is_correct: bool
    attempt: int
    progress: Progress
    replayed: bool = False
    next_challenge: Challenge | None = None
    lesson_completed: bool = False
    take_score: int | None = None
    new_achievements: Sequence[Achievement] = field(default_factory=tuple)
    streak: Streak | None = None
    level_reached: int | None = None
    """The level this answer's points reached; a replay never reaches one."""
    goal_met: bool = False
    """This answer's points met today's goal; a replay never meets it."""
    freeze_earned: Freezes | None = None
    """The freezes held after this answer earned one; a replay never earns one."""
    level_name: str | None = None
    """The course pack's name for ``level_reached``, if it names it."""


@dataclass(frozen=True, slots=True)
class Completion:
    """A lesson completed by reading it to the end (it has no challenges)."""

    progress: Progress
    new_achievements: Sequence[Achievement]
    streak: Streak
    level_reached: int | None = None
    goal_met: bool = False
    freeze_earned: Freezes | None = None
    level_name: str | None = None


@dataclass(frozen=True, slots=True)
class ChallengeStep:
    """A challenge as it is put to the learner: the attempt their answer will carry."""

    challenge: Challenge
    attempt: int
    position: int
    count: int
    solved: bool
    take: int = 1


class ProgressService:
    def __init__(
        self,
        uow: ProgressPorts,
        clock: Clock,
        default_timezone: str,
        levels: LevelCurve = DEFAULT_CURVE,
        freezes: FreezeRules = DEFAULT_FREEZES,
        scheduler: ReviewScheduler | None = None,
        review_rules: ReviewRules = DEFAULT_REVIEW,
    ) -> None:
        """With a ``scheduler``, every counted answer is also a review of the challenge's
        card, written with the answer."""
        self._uow = uow
        self._clock = clock
        self._levels = levels
        self._scheduler = scheduler
        self._review_rules = review_rules
        self._streaks = StreakService(uow.calendar, default_timezone)
        self._achievements = AchievementService(uow)
        self._freeze_rules = freezes

    async def start_lesson(self, learner: Learner, lesson_id: int) -> Progress:
        """IN_PROGRESS from the first visit; a later visit changes nothing."""
        lesson = await self._published_lesson(lesson_id)
        await self._ensure_started(learner.id, lesson, self._clock.now())
        return await self._progress(learner.id, lesson_id, lock=False)

    async def retaking(self, learner: Learner, progress: Progress) -> bool:
        """Whether a completed lesson's current take has challenges still to solve.

        The first take ends with the lesson's completion; a later one ends when every
        challenge of the lesson is solved in it again.
        """
        if not progress.is_completed or progress.take == 1:
            return False
        challenges = await self._uow.catalogue.challenges(progress.lesson_id)
        answers = await self._uow.answers.for_take(learner.id, progress.lesson_id, progress.take)
        return not {c.id for c in challenges} <= solved_ids(answers)

    async def retake_lesson(self, learner: Learner, lesson_id: int, from_take: int) -> Progress:
        """Begin another take of a completed lesson; a repeated request begins only one."""
        await self._published_lesson(lesson_id)
        progress = await self._uow.progress.get(learner.id, lesson_id, lock=True)
        if progress is None or not progress.is_completed:
            raise InvalidSubmission("only a completed lesson can be retaken")
        if progress.take == from_take:
            progress = progress.retaken()
            await self._uow.progress.save(progress)
        return progress

    async def finish_reading(self, learner: Learner, lesson_id: int) -> Completion | None:
        """Completes a lesson that has no challenges; returns None for any other lesson."""
        lesson = await self._published_lesson(lesson_id)
        if await self._uow.catalogue.challenges(lesson_id):
            return None
        now = self._clock.now()
        await self._ensure_started(learner.id, lesson, now)
        progress = await self._progress(learner.id, lesson_id)
        if progress.is_completed:
            return None
        return await self._complete(learner, progress, now)

    async def open_challenge(
        self, learner: Learner, lesson_id: int, challenge_id: int | None = None
    ) -> ChallengeStep | None:
        """The challenge to show: the one asked for, or the first unsolved (None: all solved).

        Starts the lesson if needed, so the take, and with it the attempt number, is known.
        One asked for must be one the take has put (``shown_ids``): the buttons only ever
        ask for those, so any other comes from a forged button and is refused.
        """
        lesson = await self._published_lesson(lesson_id)
        challenges = await self._uow.catalogue.challenges(lesson_id)
        if challenge_id is not None and challenge_id not in {c.id for c in challenges}:
            raise ContentUnavailable(f"challenge {challenge_id} is not in lesson {lesson_id}")
        now = self._clock.now()
        await self._ensure_started(learner.id, lesson, now)
        progress = await self._progress(learner.id, lesson_id, lock=False)
        answers = await self._uow.answers.for_take(learner.id, lesson_id, progress.take)
        if challenge_id is not None and not _was_shown(learner, challenge_id, challenges, answers):
            raise StaleAnswer(f"challenge {challenge_id} is not the one this take puts next")
        solved = solved_ids(answers)
        wanted = [
            c
            for c in challenges
            if c.id == challenge_id or (challenge_id is None and c.id not in solved)
        ]
        if not wanted:
            return None
        challenge = wanted[0]
        tries = sum(1 for answer in answers if answer.challenge_id == challenge.id)
        position = challenges.index(challenge) + 1
        is_solved = challenge.id in solved
        return ChallengeStep(
            challenge, tries + 1, position, len(challenges), is_solved, progress.take
        )

    async def answer(
        self,
        learner: Learner,
        challenge_id: int,
        submission: Submission,
        attempt: int | None = None,
        take_number: int | None = None,
        shown_at: datetime | None = None,
    ) -> AnswerOutcome:
        """Record one attempt. ``attempt`` (1, 2, ...) makes a replayed delivery harmless;
        ``take_number``, when the answer names one (a quiz poll does), must be the current take;
        ``shown_at``, when the question was put up, tells a fast answer for its review.

        One read (the take) and one write (the counted answer) whatever the outcome; a
        solving answer also reads the learner's facts for the streak and achievements.
        Only a challenge the open take has shown counts (``shown_ids``): a forged button for
        a lesson never opened, or for a challenge never put, is refused and changes nothing.
        """
        challenge = await self._uow.catalogue.published_challenge(challenge_id)
        if challenge is None:
            raise ContentUnavailable(f"challenge {challenge_id} is not published")
        lesson = await self._uow.catalogue.published_lesson(challenge.lesson_id)
        if lesson is None:
            raise ContentUnavailable(f"lesson {challenge.lesson_id} is not published")
        now = self._clock.now()
        card_of = challenge_id if self._scheduler is not None else None
        take = await self._uow.progress.take(learner.id, lesson.id, card_of)
        if take is None:
            raise StaleAnswer(f"lesson {lesson.id} was never opened")
        if take_number is not None and take_number != take.progress.take:
            raise StaleAnswer(f"take {take_number} is over (now {take.progress.take})")
        mine = [answer for answer in take.answers if answer.challenge_id == challenge_id]
        replay = _replayed(mine, attempt)
        if replay is not None:
            await self._uow.rollback()
            return AnswerOutcome(challenge, replay.is_correct, replay.attempt, take.progress, True)
        number = len(mine) + 1
        if attempt is not None and attempt != number:
            raise StaleAnswer(f"attempt {attempt} is not the next one ({number})")
        is_correct = challenge.check(submission)
        challenges = await self._uow.catalogue.challenges(lesson.id)
        if not _was_shown(learner, challenge_id, challenges, take.answers):
            raise StaleAnswer(f"challenge {challenge_id} was never shown in this take")
        record = AnswerRecord(
            learner.id,
            challenge_id,
            take.progress.take,
            number,
            is_correct,
            submission,
            now,
        )
        card = self._reviewed(take.card, record, elapsed_since(shown_at, now))
        return await self._counted(learner, challenges, take, record, card)

    def _reviewed(
        self, card: ReviewCard | None, record: AnswerRecord, elapsed: timedelta | None
    ) -> ReviewCard | None:
        """The challenge's card after this answer as a review (first answered: a new card)."""
        if self._scheduler is None:
            return None
        now = record.answered_at
        card = card or ReviewCard.new(record.user_id, record.challenge_id, now)
        rating = rating_for(record.is_correct, record.attempt, elapsed, self._review_rules.fast)
        return card.reviewed(self._scheduler.schedule(card, rating, now), rating, now)

    async def _counted(
        self,
        learner: Learner,
        challenges: Sequence[Challenge],
        take: Take,
        record: AnswerRecord,
        card: ReviewCard | None = None,
    ) -> AnswerOutcome:
        now = record.answered_at
        challenge = next(c for c in challenges if c.id == record.challenge_id)
        answers = [*take.answers, record]
        unsolved = {c.id for c in challenges} - solved_ids(answers)
        progress = take.progress.with_attempt()
        activities = [_attempt_activity(kind, record) for kind in _kinds(record)]
        score = None
        if not unsolved:
            score = take_score(challenges, answers)
            progress, completed = _completion(progress, score, now)
            activities.append(completed)
        day = midnight = None
        if record.is_correct:
            day = self._streaks.today(learner.timezone, now)
            midnight = day_start(now, self._streaks.timezone(learner.timezone))
        ends_wait = record.is_correct and learner.pending_challenge_id == challenge.id
        counted = CountedAnswer(record, progress, tuple(activities), day, ends_wait, midnight, card)
        recorded = await self._uow.progress.record_answer(take, counted)
        if recorded is None:
            await self._uow.rollback()
            return AnswerOutcome(challenge, record.is_correct, record.attempt, take.progress, True)
        studied, streak, level, met = _Studied(), None, None, False
        if recorded.facts is not None and midnight is not None:
            studied = await self._studied(learner, recorded.facts, now)
            streak = studied.streak
            achievements = studied.achievements
            gained = _lesson_points(progress) - _lesson_points(take.progress)
            level = studied.level_reached(recorded.facts, gained)
            today = gained if _completed_since(progress, midnight) else 0
            met = _goal_met(learner, recorded.facts, today, achievements)
        return AnswerOutcome(
            challenge,
            record.is_correct,
            record.attempt,
            progress,
            next_challenge=next_unsolved(challenges, challenge, unsolved),
            lesson_completed=not unsolved,
            take_score=score,
            new_achievements=studied.achievements,
            streak=streak,
            level_reached=level,
            goal_met=met,
            freeze_earned=studied.freeze,
            level_name=studied.curve.name_of(level) if level else None,
        )

    async def _complete(self, learner: Learner, progress: Progress, now: datetime) -> Completion:
        """A read lesson scores nothing itself: only the achievements it earns add points."""
        progress, completed = _completion(progress, 0, now)
        await self._uow.progress.save(progress)
        await self._uow.activity.add(completed)
        await self._streaks.record_study(learner.id, learner.timezone, now)
        midnight = day_start(now, self._streaks.timezone(learner.timezone))
        facts = await self._uow.totals.facts(learner.id, midnight)
        studied = await self._studied(learner, facts, now)
        level = studied.level_reached(facts, 0)
        met = _goal_met(learner, facts, 0, studied.achievements)
        name = studied.curve.name_of(level) if level else None
        return Completion(
            progress, studied.achievements, studied.streak, level, met, studied.freeze, name
        )

    async def _studied(self, learner: Learner, facts: LearnerFacts, now: datetime) -> "_Studied":
        """Freezes first: a missed day they cover keeps the streak the achievements see.
        Each costs a write only when it changes something (a missed day to cover, a
        freeze earned), so a plain solving answer adds no round trip; the pack's rules
        and level names come from the cached catalogue the answer has already read."""
        course = await self._uow.catalogue.course_settings()
        freezes = FreezeService(self._uow.freezes, course.freezes(self._freeze_rules))
        today = self._streaks.today(learner.timezone, now)
        streak, ledger, earned = await freezes.studied(
            learner.id, facts.study_days, facts.freezes, today
        )
        awarded = await self._achievements.evaluate(learner.id, facts, streak.current, now)
        ledger, rewarded = await freezes.rewarded(learner.id, ledger, awarded, today)
        freeze = freezes.shown(ledger) if earned or rewarded else None
        return _Studied(awarded, streak, freeze, course.levels(self._levels))

    async def _ensure_started(self, user_id: int, lesson: Lesson, now: datetime) -> None:
        """Insert IN_PROGRESS unless a row exists; only the inserting call logs the start."""
        if await self._uow.progress.add(Progress.begin(user_id, lesson.id, now)):
            await self._uow.activity.add(
                Activity(
                    user_id,
                    ActivityType.LESSON_STARTED,
                    now,
                    "lesson",
                    lesson.id,
                    {"title": lesson.title},
                )
            )

    async def _progress(self, user_id: int, lesson_id: int, lock: bool = True) -> Progress:
        """The row ``_ensure_started`` guarantees; locked so concurrent answers queue up.

        ``published_challenge`` already vouches for the lesson's module, so answering does
        not ask for the module again.
        """
        progress = await self._uow.progress.get(user_id, lesson_id, lock=lock)
        if progress is None:
            raise ContentUnavailable(f"no progress on lesson {lesson_id}")
        return progress

    async def _published_lesson(self, lesson_id: int) -> Lesson:
        lesson = await self._uow.catalogue.published_lesson(lesson_id)
        if lesson is None or await self._uow.catalogue.published_module(lesson.module_id) is None:
            raise ContentUnavailable(f"lesson {lesson_id} is not published")
        return lesson


def _was_shown(
    learner: Learner,
    challenge_id: int,
    challenges: Sequence[Challenge],
    answers: Sequence[AnswerRecord],
) -> bool:
    """The take put this challenge to the learner, or it is the text one they were shown."""
    waiting = learner.pending_challenge_id == challenge_id
    return waiting or challenge_id in shown_ids(challenges, answers)


NO_STREAK = Streak(0, 0, False)


@dataclass(frozen=True, slots=True)
class _Studied:
    """What a solving answer or a read lesson earned, and the curve (with the pack's names)
    its level is measured on."""

    achievements: Sequence[Achievement] = ()
    streak: Streak = NO_STREAK
    freeze: Freezes | None = None
    curve: LevelCurve = DEFAULT_CURVE

    def level_reached(self, facts: LearnerFacts, lesson_points: int) -> int | None:
        """Pure arithmetic on the facts already read: ``lesson_points`` is what the
        counted answer added to it, the achievements what comes on top."""
        total = facts.totals.total_score
        after = total + sum(achievement.points for achievement in self.achievements)
        return level_reached(self.curve, total - lesson_points, after)


def _kinds(record: AnswerRecord) -> list[ActivityType]:
    solved = [ActivityType.CHALLENGE_SOLVED] if record.is_correct else []
    return [ActivityType.CHALLENGE_ATTEMPTED, *solved]


def _attempt_activity(kind: ActivityType, record: AnswerRecord) -> Activity:
    details = {"attempt": record.attempt, "take": record.take, "correct": record.is_correct}
    return Activity(
        record.user_id, kind, record.answered_at, "challenge", record.challenge_id, details
    )


def _completed_since(progress: Progress, midnight: datetime) -> bool:
    """The lesson was first completed today, so its points count among today's."""
    return progress.completed_at is not None and progress.completed_at >= midnight


def _goal_met(
    learner: Learner, facts: LearnerFacts, today_points: int, awarded: Sequence[Achievement]
) -> bool:
    """``today_points``: what the counted answer added to the facts' points of today;
    ``awarded``: what comes on top."""
    after = facts.points_today + sum(achievement.points for achievement in awarded)
    return goal_met(learner.daily_goal, facts.points_today - today_points, after)


def _lesson_points(progress: Progress) -> int:
    """What a lesson's progress adds to the learner's total: its best score once completed."""
    return (progress.score or 0) if progress.is_completed else 0


def _completion(progress: Progress, score: int, now: datetime) -> tuple[Progress, Activity]:
    """The completed progress and its LESSON_COMPLETED entry (a retake keeps the best)."""
    retake = progress.is_completed
    progress = progress.completed(score, now)
    details = {"score": score, "take": progress.take, "best_score": progress.score}
    return progress, Activity(
        progress.user_id,
        ActivityType.LESSON_COMPLETED,
        now,
        "lesson",
        progress.lesson_id,
        details | {"retake": retake},
    )


def _replayed(mine: list[AnswerRecord], attempt: int | None) -> AnswerRecord | None:
    """The recorded answer a delivery repeats, or the solving one once a challenge is solved."""
    if attempt is not None:
        recorded = next((answer for answer in mine if answer.attempt == attempt), None)
        if recorded is not None:
            return recorded
    return next((answer for answer in mine if answer.is_correct), None)


def next_unsolved(
    challenges: Sequence[Challenge], current: Challenge, unsolved: set[int]
) -> Challenge | None:
    """The next challenge still to solve, after the current one and wrapping round."""
    ids = [challenge.id for challenge in challenges]
    start = ids.index(current.id) if current.id in ids else -1
    rotated = [*challenges[start + 1 :], *challenges[: start + 1]]
    return next((challenge for challenge in rotated if challenge.id in unsolved), None)
