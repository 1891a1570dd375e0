"""Course content: modules contain lessons, lessons contain challenges."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from domain.enums import ChallengeForm, ChallengeKind
from domain.kinds import kind_of


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
        """Put as a quiz poll only when its kind may be (the validator sees to it too)."""
        return self.form is ChallengeForm.POLL and self.form in kind_of(self.kind).forms

    def check(self, submission: Submission) -> bool:
        """Whether the submission is right; raises InvalidSubmission when it does not fit."""
        return kind_of(self.kind).check(self, submission)


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
