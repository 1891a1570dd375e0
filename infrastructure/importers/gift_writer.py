"""A pack as GIFT: every challenge kind has a GIFT form, so challenges survive whole.

The slug is the question's ``::title::`` and the explanation its general feedback; a
multiple choice spreads 100% over the correct options and takes 100% off for a wrong one,
Moodle's nearest to all-or-nothing.
"""

from domain.content import ChallengeSpec, CoursePack
from domain.enums import ChallengeKind
from infrastructure.importers.gift_text import SPECIAL
from infrastructure.importers.written import Written, moodle_questions


def write_gift(pack: CoursePack) -> Written:
    written = Written()
    blocks: list[str] = [f"// {escape(pack.title)}"]
    for category, challenge in moodle_questions(pack, written):
        if category is not None:
            blocks.append(f"$CATEGORY: {category}")
        blocks.append(_question(challenge))
    written.text = "\n\n".join(blocks) + "\n"
    return written


def escape(text: str) -> str:
    for char in SPECIAL[::-1]:
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


def _question(challenge: ChallengeSpec) -> str:
    answers = " ".join(_answers(challenge))
    if challenge.explanation:
        answers += f" ####{escape(challenge.explanation)}"
    return f"::{challenge.slug}:: [markdown]{escape(challenge.prompt)} {{{answers}}}"


def _answers(challenge: ChallengeSpec) -> list[str]:
    if challenge.kind is ChallengeKind.TEXT:
        return [f"={escape(str(answer))}" for answer in challenge.answers]
    if challenge.kind is ChallengeKind.SINGLE_CHOICE:
        marks = [
            "=" if index in challenge.answers else "~" for index in range(len(challenge.options))
        ]
        return [
            f"{mark}{escape(option)}" for mark, option in zip(marks, challenge.options, strict=True)
        ]
    share = f"{100 / len(challenge.answers):.5g}"
    weights = [
        share if index in challenge.answers else "-100" for index in range(len(challenge.options))
    ]
    return [
        f"~%{weight}%{escape(option)}"
        for weight, option in zip(weights, challenge.options, strict=True)
    ]
