"""Challenge rules pydantic cannot express: answers that fit the kind and the options."""

from collections.abc import Sequence

from domain.content import ChallengeSpec
from domain.enums import ChallengeKind
from infrastructure.content.documents import Documents, Place
from infrastructure.content.schema import ChallengeModel
from infrastructure.content.yaml_source import YamlDocument


def to_challenges(
    documents: Documents, document: YamlDocument, challenges: Sequence[ChallengeModel]
) -> tuple[ChallengeSpec, ...]:
    specs = []
    for place, challenge in documents.items(document, "challenges", challenges):
        answers = _answers(place, challenge)
        if answers is not None:
            specs.append(_spec(challenge, answers))
    return tuple(specs)


def _answers(place: Place, challenge: ChallengeModel) -> tuple[int | str, ...] | None:
    """Option indexes for choice challenges, accepted texts for text ones; None if wrong."""
    if challenge.answer is not None and challenge.answers is not None:
        place.report("answers", "give either 'answer' or 'answers', not both")
        return None
    given = [challenge.answer] if challenge.answer is not None else challenge.answers or []
    if challenge.kind is ChallengeKind.TEXT:
        return _text_answers(place, challenge, given)
    return _choice_answers(place, challenge, given)


def _text_answers(
    place: Place, challenge: ChallengeModel, given: list[str]
) -> tuple[int | str, ...] | None:
    if challenge.options:
        place.report("options", "a text challenge has no options")
        return None
    if not given:
        place.report("answer", "a text challenge needs at least one accepted answer")
        return None
    return tuple(given)


def _choice_answers(
    place: Place, challenge: ChallengeModel, given: list[str]
) -> tuple[int | str, ...] | None:
    if len(challenge.options) < 2:
        place.report("options", "a choice challenge needs at least two options")
        return None
    if len(set(challenge.options)) != len(challenge.options):
        place.report("options", "two options have the same text")
        return None
    key = "answer" if challenge.answer is not None else "answers"
    missing = [answer for answer in given if answer not in challenge.options]
    if missing:
        place.report(key, f"{missing[0]!r} is not among the options")
        return None
    if challenge.kind is ChallengeKind.SINGLE_CHOICE and len(set(given)) != 1:
        place.report(
            key,
            f"a single-choice challenge needs exactly one correct option, got {len(set(given))}",
        )
        return None
    if not given:
        place.report("answers", "a multiple-choice challenge needs at least one correct option")
        return None
    return tuple(sorted({challenge.options.index(answer) for answer in given}))


def _spec(challenge: ChallengeModel, answers: tuple[int | str, ...]) -> ChallengeSpec:
    return ChallengeSpec(
        slug=challenge.slug,
        kind=challenge.kind,
        prompt=challenge.prompt,
        options=tuple(challenge.options),
        answers=answers,
        explanation=challenge.explanation,
        points=challenge.points,
    )
