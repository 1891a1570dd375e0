"""A pack written as a question bank: the file's text and what the format could not take."""

from collections.abc import Iterator
from dataclasses import dataclass, field

from domain.content import ChallengeSpec, CoursePack, LessonSpec, ModuleSpec
from domain.enums import ChallengeForm


@dataclass(slots=True)
class Written:
    text: str = ""
    notes: list[str] = field(default_factory=list)
    left_out: int = 0

    def leave_out(self, module: ModuleSpec, lesson: LessonSpec, slug: str, why: str) -> None:
        self.left_out += 1
        note_all(self, module, lesson, slug, [f"{why}; left out"])


def challenges(pack: CoursePack) -> Iterator[tuple[ModuleSpec, LessonSpec, ChallengeSpec]]:
    """Every challenge with the module and lesson it belongs to, in the pack's order."""
    for module in pack.modules:
        for lesson in module.lessons:
            for challenge in lesson.challenges:
                yield module, lesson, challenge


def correct_options(challenge: ChallengeSpec) -> list[str]:
    return [challenge.options[int(index)] for index in challenge.answers]


def moodle_category(module: ModuleSpec, lesson: LessonSpec) -> str:
    """The path the importers read back as this module and lesson (``/`` doubled)."""
    names = [module.title] if lesson.title == module.title else [module.title, lesson.title]
    return "$course$/top/" + "/".join(name.replace("/", "//") for name in names)


def lossy(challenge: ChallengeSpec) -> list[str]:
    """What a Moodle bank keeps differently: it has no points of its own, and trims answers."""
    points = [f"points {challenge.points} become 10 on import"] if challenge.points != 10 else []
    return points + trimmed(challenge) + unpolled(challenge)


def unpolled(challenge: ChallengeSpec) -> list[str]:
    """No bank format has quiz polls: the question comes back with buttons."""
    return ["a quiz poll becomes buttons on import"] if challenge.form is ChallengeForm.POLL else []


def trimmed(challenge: ChallengeSpec) -> list[str]:
    texts = [*challenge.options, *map(str, challenge.answers)]
    return [f"{text!r} loses its outer spaces" for text in texts if text != text.strip()]


def note_all(
    written: Written, module: ModuleSpec, lesson: LessonSpec, slug: str, said: list[str]
) -> None:
    written.notes += [f"{module.slug}/{lesson.slug}/{slug}: {note}" for note in said]


def moodle_questions(
    pack: CoursePack, written: Written
) -> Iterator[tuple[str | None, ChallengeSpec]]:
    """Each challenge with the category path it starts (None within one), for GIFT and
    Moodle XML alike; what such a bank changes about it is noted in ``written``."""
    category = None
    for module, lesson, challenge in challenges(pack):
        path = moodle_category(module, lesson)
        yield (None if path == category else path), challenge
        category = path
        note_all(written, module, lesson, challenge.slug, lossy(challenge))
