"""A pack as the documented CSV layout: one row a challenge, nothing about it lost."""

import csv
import io

from domain.content import ChallengeSpec, CoursePack
from domain.kinds import kind_of
from infrastructure.importers.csv_bank import COLUMNS
from infrastructure.importers.written import (
    Written,
    challenges,
    correct_options,
    note_all,
    trimmed,
    unpolled,
)


def write_csv(pack: CoursePack) -> Written:
    written, out = Written(), io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for module, lesson, challenge in challenges(pack):
        lesson_title = "" if lesson.title == module.title else lesson.title
        answers = _answers(challenge)
        options = "|".join(_bar(option) for option in challenge.options)
        explanation, points = challenge.explanation or "", str(challenge.points)
        row = [module.title, lesson_title, challenge.slug, challenge.kind.value, challenge.prompt]
        writer.writerow([*row, options, answers, explanation, points])
        notes = trimmed(challenge) + unpolled(challenge)
        note_all(written, module, lesson, challenge.slug, notes)
    written.text = out.getvalue()
    return written


def _answers(challenge: ChallengeSpec) -> str:
    if kind_of(challenge.kind).typed:
        return "|".join(_bar(str(answer)) for answer in challenge.answers)
    return "|".join(_bar(option) for option in correct_options(challenge))


def _bar(text: str) -> str:
    return text.replace("|", "\\|")
