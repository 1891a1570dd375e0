"""Callback payloads a client could forge: near-valid ones for every ``CallbackData``
class, and anything at all. ``may_change_state`` names the ones a real button could carry.
"""

from typing import Any

from aiogram.filters.callback_data import CallbackData
from hypothesis import strategies as st

from bot import callbacks
from domain.leaderboard import BoardKind
from tests.fuzz.world import ADA
from tests.support.course import Course

CLASSES: tuple[type[CallbackData], ...] = tuple(
    value
    for value in vars(callbacks).values()
    if isinstance(value, type) and issubclass(value, CallbackData) and value is not CallbackData
)
HOSTILE_FIELDS = st.sampled_from(
    ["", "x", "-0", "1.5", "1e3", " 7", "+1", "1_000", "١", "٣", "0x10", "None", "true", "💥", "\0"]
)
"""Texts where a number or a name is expected: some of them ``int()`` accepts."""


def genuine(course: Course, name: str) -> st.SearchStrategy[str]:
    """Values a real button of some learner could carry in the field ``name``."""
    real: dict[str, list[object]] = {
        "module_id": [course.basics, course.advanced, course.draft],
        "lesson_id": [course.first_lesson, course.reading, course.advanced_lesson],
        "challenge_id": [course.single, course.text, course.multiple],
        "attempt": [1, 2],
        "review": [0, 1, 2],
        "option": [0, 1, 2],
        "mask": [1, 2, 5, 7],
        "page": [0, 1],
        "take": [1, 2],
        "screen": [screen.value for screen in callbacks.Screen],
        "code": ["en", "ru"],
        "kind": [kind.value for kind in BoardKind],
        "hidden": ["0", "1"],
        "hour": ["", "0", "9", "23"],
        "points": ["", "10", "20", "30", "50"],
    }
    return st.sampled_from(real[name]).map(str)


def hostile(course: Course) -> st.SearchStrategy[str]:
    """Hidden or unpublished ids, ids of the wrong kind, out-of-range numbers, odd text."""
    other = [course.draft, course.unpublished_lesson, course.hidden_lesson]
    other += [course.hidden_challenge, *vars(course).values()]
    edges = [-1, 3, 24, 10**6, 2**31 - 1, 2**31, 2**63, -(2**63) - 1, 10**40]
    numbers = st.one_of(st.sampled_from(other + edges), st.integers()).map(str)
    return st.one_of(numbers, HOSTILE_FIELDS, st.text(max_size=8))


@st.composite
def near_valid(draw: st.DrawFn, course: Course) -> str:
    """A genuine payload of some class with at least one field made hostile, sometimes a
    field too many or too few, sometimes padded past Telegram's 64 bytes."""
    cls = draw(st.sampled_from(CLASSES))
    names = list(cls.model_fields)
    parts = [draw(genuine(course, name)) for name in names]
    for index in draw(st.sets(st.sampled_from(range(len(names))), min_size=1)):
        parts[index] = draw(hostile(course))
    parts = parts[: draw(st.sampled_from([len(parts), len(parts), max(len(parts) - 1, 0)]))]
    parts += draw(st.lists(hostile(course), max_size=1))
    padding = draw(st.sampled_from(["", "", "0" * 70]))
    return ":".join([cls.__prefix__, *parts]) + padding


def payloads(course: Course) -> st.SearchStrategy[str]:
    return st.one_of(
        near_valid(course),
        st.text(max_size=80),
        st.binary(max_size=80).map(lambda raw: raw.decode("latin-1")),
    )


def unpacked(data: str) -> CallbackData | None:
    """What the bot's filters will see in ``data``: at most one class accepts a prefix."""
    for cls in CLASSES:
        try:
            return cls.unpack(data)
        except (TypeError, ValueError):
            continue
    return None


def may_change_state(data: str, user: dict[str, Any], course: Course) -> bool:
    """Whether a genuine button could carry ``data`` for ``user`` and write progress."""
    payload = unpacked(data)
    if payload is None:
        return False
    published = {course.first_lesson: (course.single, course.text), course.reading: ()}
    published[course.advanced_lesson] = (course.multiple,)
    match payload:
        case callbacks.Nav(screen=screen):
            return screen is callbacks.Screen.CONTINUE
        case callbacks.LessonCb(lesson_id=lesson) | callbacks.FinishCb(lesson_id=lesson):
            return lesson in published
        case (
            callbacks.ChallengeCb(lesson_id=lesson, challenge_id=challenge)
            | callbacks.ToggleCb(lesson_id=lesson, challenge_id=challenge)
        ):
            return challenge in published.get(lesson, ())
        case callbacks.PickCb(challenge_id=challenge, attempt=attempt, option=option):
            return _answers(course, user, challenge, attempt, {option})
        case callbacks.SubmitCb(challenge_id=challenge, attempt=attempt, mask=mask):
            selected = {b for b in range(mask.bit_length()) if mask >> b & 1}
            return _answers(course, user, challenge, attempt, selected)
        case callbacks.ReviewPickCb(challenge_id=challenge, review=review, option=option):
            return _reviews(course, user, challenge, review, {option})
        case callbacks.ReviewSubmitCb(challenge_id=challenge, review=review, mask=mask):
            selected = {b for b in range(mask.bit_length()) if mask >> b & 1}
            return _reviews(course, user, challenge, review, selected)
    return False


def _reviews(
    course: Course, user: dict[str, Any], challenge: int, review: int, selected: set[int]
) -> bool:
    """Ada's one card (her wrong answer), asked as its first review, once it is due."""
    fits = len(selected) == 1 and selected <= {0, 1, 2}
    return user is ADA and challenge == course.single and review == 1 and fits


def _answers(
    course: Course, user: dict[str, Any], challenge: int, attempt: int, selected: set[int]
) -> bool:
    """A new attempt (the next number) with a selection the challenge can take."""
    options = {course.single: 3, course.multiple: 3}
    if challenge not in options or not selected or not selected <= set(range(options[challenge])):
        return False
    if challenge == course.single and len(selected) != 1:
        return False
    next_attempt = 2 if (user is ADA and challenge == course.single) else 1
    return attempt == next_attempt
