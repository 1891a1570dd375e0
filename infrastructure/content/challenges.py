"""Challenge rules pydantic cannot express: answers that fit the kind and the options."""

from domain.content import ChallengeSpec
from domain.kinds import kind_of
from infrastructure.content.documents import Documents, Place
from infrastructure.content.polls import POLL_KEYS, poll_problems
from infrastructure.content.schema import ChallengeModel
from infrastructure.content.yaml_source import YamlDocument

ANSWER_KEYS = ("kind", "options", "answer", "answers")
"""What the answer rules read: a challenge with one of these wrong is not checked further."""


def to_challenges(documents: Documents, document: YamlDocument) -> tuple[ChallengeSpec, ...]:
    """The valid challenges under ``challenges``; every problem of the others is reported."""
    specs = []
    for item in documents.items(document, "challenges", ChallengeModel):
        challenge = item.readable(*ANSWER_KEYS)
        answers = None if challenge is None else _answers(item.place, challenge)
        fits_poll = _fits_poll(item.place, item.readable(*POLL_KEYS))
        if answers is not None and fits_poll and item.valid is not None:
            specs.append(_spec(item.valid, answers))
    return tuple(specs)


def _answers(place: Place, challenge: ChallengeModel) -> tuple[int | str, ...] | None:
    """Option indexes for choice challenges, accepted texts for text ones; None if wrong."""
    if challenge.answer is not None and challenge.answers is not None:
        place.report("answers", "give either 'answer' or 'answers', not both")
        return None
    given = [challenge.answer] if challenge.answer is not None else challenge.answers or []
    kind = kind_of(challenge.kind)
    said = kind.definition_problems(challenge.options, given)
    key = "answer" if challenge.answer is not None else "answers"
    for field, message in said:
        place.report(key if field == "answers" else field, message)
    return None if said else kind.stored(challenge.options, given)


def _fits_poll(place: Place, challenge: ChallengeModel | None) -> bool:
    """Whether Telegram would take the challenge as a quiz poll (or it is no poll)."""
    said = [] if challenge is None else poll_problems(challenge)
    for key, message in said:
        place.report(key, message)
    return not said


def _spec(challenge: ChallengeModel, answers: tuple[int | str, ...]) -> ChallengeSpec:
    return ChallengeSpec(
        slug=challenge.slug,
        kind=challenge.kind,
        prompt=challenge.prompt,
        options=tuple(challenge.options),
        answers=answers,
        explanation=challenge.explanation,
        points=challenge.points,
        form=challenge.form,
        open_period=challenge.open_period,
    )
