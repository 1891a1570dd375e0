"""A pack as Aiken: single choices whose text fits on one line; the rest is left out."""

from string import ascii_uppercase

from domain.content import ChallengeSpec, CoursePack
from domain.enums import ChallengeKind
from infrastructure.importers.written import Written, challenges


def write_aiken(pack: CoursePack) -> Written:
    written = Written()
    blocks = []
    for module, lesson, challenge in challenges(pack):
        if (why := _unfit(challenge)) is not None:
            written.leave_out(module, lesson, challenge.slug, why)
            continue
        blocks.append(_question(challenge))
    written.text = "\n\n".join(blocks) + "\n" if blocks else ""
    return written


def _question(challenge: ChallengeSpec) -> str:
    options = challenge.options
    lines = [challenge.prompt, *(f"{ascii_uppercase[i]}. {o}" for i, o in enumerate(options))]
    return "\n".join([*lines, f"ANSWER: {ascii_uppercase[int(challenge.answers[0])]}"])


def _unfit(challenge: ChallengeSpec) -> str | None:
    if challenge.kind is not ChallengeKind.SINGLE_CHOICE:
        return f"Aiken has no {challenge.kind.value} questions"
    texts = [challenge.prompt, *challenge.options]
    if any("\n" in text or text != text.strip() for text in texts):
        return "Aiken keeps a question and each option on one trimmed line"
    if len(challenge.options) > len(ascii_uppercase):
        return "Aiken letters its options A to Z"
    return None
