"""Course content: modules contain lessons, lessons contain challenges."""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from domain.enums import ChallengeForm, ChallengeKind
from domain.errors import InvalidSubmission, NothingChosen


@dataclass(frozen=True, slots=True)
class Module:
    id: int
    slug: str
    title: str
    description: str | None
    order: int
    is_published: bool = True


@dataclass(frozen=True, slots=True)
class Lesson:
    id: int
    module_id: int
    slug: str
    title: str
    content: str | None
    order: int
    estimated_duration: int | None = None
    is_published: bool = True


@dataclass(frozen=True, slots=True)
class ModuleOutline:
    """A module and its lessons without their texts: enough to draw menus and bars."""

    module: Module
    lessons: Sequence[Lesson]


@dataclass(frozen=True, slots=True)
class Submission:
    """A learner's answer: chosen option indexes for choice challenges, text otherwise."""

    selected: frozenset[int] = frozenset()
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Challenge:
    id: int
    lesson_id: int
    slug: str
    order: int
    kind: ChallengeKind
    prompt: str
    options: tuple[str, ...] = ()
    correct_options: frozenset[int] = frozenset()
    accepted_answers: tuple[str, ...] = ()
    explanation: str | None = None
    points: int = 10
    form: ChallengeForm = ChallengeForm.BUTTONS
    open_period: int | None = None
    """Seconds a quiz poll stays open; None leaves it open."""

    @property
    def is_poll(self) -> bool:
        """Only a single-choice challenge is put as a quiz poll (the validator sees to it)."""
        return self.form is ChallengeForm.POLL and self.kind is ChallengeKind.SINGLE_CHOICE

    def check(self, submission: Submission) -> bool:
        """Whether the submission is right; raises InvalidSubmission when it does not fit."""
        if self.kind is ChallengeKind.TEXT:
            if submission.text is None:
                raise InvalidSubmission("this challenge expects a typed answer")
            accepted = {normalise_answer(answer) for answer in self.accepted_answers}
            return normalise_answer(submission.text) in accepted
        if submission.text is not None:
            raise InvalidSubmission("this challenge expects chosen options")
        if self.kind is ChallengeKind.MULTIPLE_CHOICE and not submission.selected:
            raise NothingChosen("no option was ticked")
        if not submission.selected <= frozenset(range(len(self.options))):
            raise InvalidSubmission("an option that this challenge does not have")
        if self.kind is ChallengeKind.SINGLE_CHOICE and len(submission.selected) != 1:
            raise InvalidSubmission("this challenge takes exactly one option")
        return submission.selected == self.correct_options


@dataclass(frozen=True, slots=True)
class LessonContent:
    """A lesson as a learner sees it: its text and its challenges in order."""

    lesson: Lesson
    module: Module
    challenges: Sequence[Challenge] = field(default_factory=tuple)

    def challenge_after(self, challenge_id: int) -> Challenge | None:
        ids = [challenge.id for challenge in self.challenges]
        position = ids.index(challenge_id) + 1
        return self.challenges[position] if position < len(ids) else None


_WHITESPACE = re.compile(r"\s+")


def normalise_answer(text: str) -> str:
    """Case and whitespace do not make a typed answer wrong."""
    return _WHITESPACE.sub(" ", text).strip().casefold()
