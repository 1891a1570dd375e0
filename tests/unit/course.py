"""A small course with every shape of content the services must handle, and its answers."""

from domain.achievements import Achievement, parse_criterion
from domain.catalogue import Challenge, Lesson, Module, Submission
from domain.enums import AchievementType, ChallengeKind

BASICS, LOOPS, HIDDEN = 1, 2, 3
VARIABLES, READING, DRAFT, FOR_LOOPS, SECRET = 11, 12, 13, 21, 31
PICK_ONE, PICK_MANY, TYPE_IT, DRAFT_QUIZ, LOOP_QUIZ, SECRET_QUIZ = 111, 112, 113, 131, 211, 311
FIRST_LESSON, BASICS_DONE, SOLVER, TWO_DAYS, FIFTY = 1, 2, 3, 4, 5

MODULES = (
    Module(LOOPS, "loops", "Loops", None, order=2),
    Module(BASICS, "basics", "Basics", "Start here", order=1),
    Module(HIDDEN, "hidden", "Hidden", None, order=3, is_published=False),
)
LESSONS = (
    Lesson(DRAFT, BASICS, "draft", "Draft", "soon", order=3, is_published=False),
    Lesson(READING, BASICS, "reading", "Reading code", "Read me.", order=2),
    Lesson(VARIABLES, BASICS, "variables", "Variables", "x = 1", order=1),
    Lesson(FOR_LOOPS, LOOPS, "for", "For loops", "for x in y", order=1),
    Lesson(SECRET, HIDDEN, "secret", "Secret", "psst", order=1),
)


def choice(
    challenge_id: int, lesson_id: int, order: int, options: str, correct: set[int], points: int
) -> Challenge:
    """A choice challenge: single choice when exactly one of the options is right."""
    kind = ChallengeKind.SINGLE_CHOICE if len(correct) == 1 else ChallengeKind.MULTIPLE_CHOICE
    return Challenge(
        challenge_id,
        lesson_id,
        f"c{challenge_id}",
        order,
        kind,
        f"Question {challenge_id}?",
        options=tuple(options.split("|")),
        correct_options=frozenset(correct),
        points=points,
    )


def typed(challenge_id: int, lesson_id: int, order: int, accepted: str, points: int) -> Challenge:
    return Challenge(
        challenge_id,
        lesson_id,
        f"c{challenge_id}",
        order,
        ChallengeKind.TEXT,
        f"Question {challenge_id}?",
        accepted_answers=tuple(accepted.split("|")),
        points=points,
    )


CHALLENGES = (
    typed(TYPE_IT, VARIABLES, 3, "print|print()", points=7),
    choice(PICK_MANY, VARIABLES, 2, "1|'1'|2.0|None", {0, 2}, points=5),
    choice(PICK_ONE, VARIABLES, 1, "x == 1|x = 1|x := 1", {1}, points=10),
    choice(DRAFT_QUIZ, DRAFT, 1, "a|b", {0}, points=10),
    choice(LOOP_QUIZ, FOR_LOOPS, 1, "once|per item", {1}, points=4),
    typed(SECRET_QUIZ, SECRET, 1, "yes", points=10),
)

RIGHT = {
    PICK_ONE: Submission(selected=frozenset({1})),
    PICK_MANY: Submission(selected=frozenset({0, 2})),
    TYPE_IT: Submission(text="  Print "),
    LOOP_QUIZ: Submission(selected=frozenset({1})),
    SECRET_QUIZ: Submission(text="yes"),
    DRAFT_QUIZ: Submission(selected=frozenset({0})),
}
WRONG = {
    PICK_ONE: Submission(selected=frozenset({0})),
    PICK_MANY: Submission(selected=frozenset({0})),
    TYPE_IT: Submission(text="echo"),
    LOOP_QUIZ: Submission(selected=frozenset({0})),
}


def achievement(
    achievement_id: int, kind: AchievementType, criteria: str, points: int
) -> Achievement:
    slug = f"{kind.lower()}-{achievement_id}"
    criterion = parse_criterion(criteria)
    return Achievement(achievement_id, slug, kind, slug, None, None, points, criterion)


ACHIEVEMENTS = (
    achievement(FIRST_LESSON, AchievementType.LESSON_COMPLETED, '{"lessons_completed": 1}', 5),
    achievement(BASICS_DONE, AchievementType.MODULE_COMPLETED, '{"module": "basics"}', 20),
    achievement(SOLVER, AchievementType.CHALLENGES_SOLVED, '{"challenges_solved": 3}', 5),
    achievement(TWO_DAYS, AchievementType.STREAK, '{"streak_days": 2}', 5),
    achievement(FIFTY, AchievementType.MILESTONE, '{"total_score": 50}', 10),
)
"""Finishing the basics perfectly scores 22 + 5 + 5 + 20 = 52: FIFTY needs BASICS_DONE's points."""
