"""Exactly-once, checked row by row: every answer once, with its attempt and its activity.

Each check compares two records that one transaction writes together (an answer, the
progress attempt it adds, its activity rows; a completion and its log row; an award and
its log row). A half-written update, or one counted twice, shows up as a difference.
"""

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from domain.achievements import Achievement, LearnerTotals
from domain.enums import ActivityType, ProgressStatus
from tests.e2e.replicas.ledger_rows import AnswerKey, Rows, read_rows

ATTEMPTED, SOLVED = ActivityType.CHALLENGE_ATTEMPTED, ActivityType.CHALLENGE_SOLVED
STARTED, COMPLETED = ActivityType.LESSON_STARTED, ActivityType.LESSON_COMPLETED
EARNED = ActivityType.ACHIEVEMENT_EARNED


@dataclass
class Ledger:
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def expect(self, what: str, found: Counter[Any], wanted: Counter[Any]) -> None:
        if found != wanted:
            extra, missing = found - wanted, wanted - found
            self.problems.append(
                f"{what}: extra {list(extra.items())[:5]}, missing {list(missing.items())[:5]}"
            )


async def audit(database_url: str, answers_by_learner: dict[int, int]) -> Ledger:
    """`answers_by_learner`: telegram id to the number of answers the learner gave."""
    rows = await read_rows(database_url)
    ledger = Ledger()
    answers = Counter(key for key, _ in rows.answers)
    correct = Counter(key for key, right in rows.answers if right)
    activity = rows.activity
    ledger.expect(
        "answers counted more than once",
        +Counter({k: n - 1 for k, n in answers.items()}),
        Counter(),
    )
    ledger.expect("answers per learner", _per_learner(rows), Counter(answers_by_learner))
    ledger.expect(
        "progress attempts vs answers", _attempts(rows), _answers_per_lesson(rows, answers)
    )
    ledger.expect("CHALLENGE_ATTEMPTED vs answers", activity[ATTEMPTED], answers)
    ledger.expect("CHALLENGE_SOLVED vs correct answers", activity[SOLVED], correct)
    ledger.expect(
        "LESSON_STARTED vs progress rows", activity[STARTED], Counter(rows.progress.keys())
    )
    completions = _completions(rows)
    ledger.expect("LESSON_COMPLETED vs completed takes", activity[COMPLETED], completions)
    ledger.expect(
        "COMPLETED status vs completions",
        _completed_lessons(rows),
        Counter({(user, lesson) for user, lesson, _ in completions}),
    )
    ledger.expect(
        "review card reps vs answers",
        rows.card_reps,
        Counter((user, challenge) for (user, challenge, _, _), _ in rows.answers),
    )
    ledger.expect("ACHIEVEMENT_EARNED vs awards", activity[EARNED], rows.earned)
    ledger.expect("awards vs what was earned", rows.earned, _deserved(rows, completions, correct))
    ledger.counts = {
        "answers": len(rows.answers),
        "correct answers": len(correct),
        "progress rows": len(rows.progress),
        "achievements awarded": sum(rows.earned.values()),
    } | {
        str(kind): sum(activity[kind].values())
        for kind in (ATTEMPTED, SOLVED, STARTED, COMPLETED, EARNED)
    }
    return ledger


def _per_learner(rows: Rows) -> Counter[int]:
    return Counter(rows.telegram_of[user] for (user, _, _, _), _ in rows.answers)


def _attempts(rows: Rows) -> Counter[tuple[int, int]]:
    return Counter({key: attempts for key, (attempts, _) in rows.progress.items() if attempts})


def _answers_per_lesson(rows: Rows, answers: Counter[AnswerKey]) -> Counter[tuple[int, int]]:
    return Counter(
        (user, rows.lesson_of[challenge]) for user, challenge, _, _ in answers.elements()
    )


def _completions(rows: Rows) -> Counter[tuple[int, int, int]]:
    """(user, lesson, take) for every take in which every challenge of the lesson was solved."""
    solved: dict[tuple[int, int, int], set[int]] = {}
    for (user, challenge, take, _), right in rows.answers:
        if right:
            solved.setdefault((user, rows.lesson_of[challenge], take), set()).add(challenge)
    size = Counter(rows.lesson_of.values())
    return Counter({key: 1 for key, ids in solved.items() if len(ids) == size[key[1]]})


def _completed_lessons(rows: Rows) -> Counter[tuple[int, int]]:
    done = ProgressStatus.COMPLETED
    return Counter({key for key, (_, status) in rows.progress.items() if status.endswith(done)})


def _deserved(
    rows: Rows, completions: Counter[tuple[int, int, int]], correct: Counter[AnswerKey]
) -> Counter[tuple[int, int]]:
    """What each learner qualifies for by the course's own rules, from the rows alone, on
    their first day of study; awards add points, so it loops as the bot does."""
    deserved: Counter[tuple[int, int]] = Counter()
    for user, totals in _totals(rows, completions, correct).items():
        earned: list[Achievement] = []
        while due := [a for a in rows.achievements if a not in earned and a.is_earned_by(totals)]:
            earned += due
            points = totals.achievement_points + sum(a.points for a in due)
            totals = replace(totals, achievement_points=points)
        deserved.update((user, achievement.id) for achievement in earned)
    return deserved


def _totals(
    rows: Rows, completions: Counter[tuple[int, int, int]], correct: Counter[AnswerKey]
) -> dict[int, LearnerTotals]:
    lessons: dict[int, set[int]] = {}
    for user, lesson, _ in completions:
        lessons.setdefault(user, set()).add(lesson)
    solved: dict[int, set[int]] = {}
    for user, challenge, _, _ in correct:
        solved.setdefault(user, set()).add(challenge)
    return {
        user: LearnerTotals(
            lessons_completed=len(done),
            challenges_solved=len(solved.get(user, ())),
            lesson_score=sum(rows.scores.get((user, lesson), 0) for lesson in done),
            completed_modules=frozenset(
                slug for slug, ids in rows.lessons_in_module.items() if ids <= done
            ),
            current_streak=1,
        )
        for user, done in lessons.items()
    }
