"""Challenge rules pydantic cannot express: answers that fit the kind and the options."""

from domain.content import ChallengeSpec
from domain.enums import ChallengeKind
from infrastructure.content.documents import Documents, Place
from infrastructure.content.polls import POLL_KEYS, poll_problems
from infrastructure.content.schema import ChallengeModel
from infrastructure.content.yaml_source import YamlDocument

ANSWER_KEYS = ("kind", "options", "answer", "answers")
"""What the answer rules read: a challenge with one of these wrong is not checked further."""
Said = list[tuple[str, str]]
"""Problems as (key, message), reported together once every rule has had its say."""


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
    text = challenge.kind is ChallengeKind.TEXT
    said = _text_problems(challenge, given) if text else _choice_problems(challenge, given)
    for key, message in said:
        place.report(key, message)
    if said:
        return None
    return tuple(given) if text else tuple(sorted({challenge.options.index(a) for a in given}))


def _fits_poll(place: Place, challenge: ChallengeModel | None) -> bool:
    """Whether Telegram would take the challenge as a quiz poll (or it is no poll)."""
    said = [] if challenge is None else poll_problems(challenge)
    for key, message in said:
        place.report(key, message)
    return not said


def _text_problems(challenge: ChallengeModel, given: list[str]) -> Said:
    said = [("options", "a text challenge has no options")] if challenge.options else []
    if not given:
        said.append(("answer", "a text challenge needs at least one accepted answer"))
    return said


def _choice_problems(challenge: ChallengeModel, given: list[str]) -> Said:
    """The options' problems and the answers' together: fixing one never reveals another."""
    options = challenge.options
    said: Said = []
    if len(options) < 2:
        said.append(("options", "a choice challenge needs at least two options"))
    elif len(set(options)) != len(options):
        said.append(("options", "two options have the same text"))
    key = "answer" if challenge.answer is not None else "answers"
    missing = [answer for answer in dict.fromkeys(given) if answer not in options]
    said += [(key, f"{answer!r} is not among the options") for answer in missing]
    correct = len(set(given))
    if challenge.kind is ChallengeKind.SINGLE_CHOICE and correct != 1:
        said.append(
            (key, f"a single-choice challenge needs exactly one correct option, got {correct}")
        )
    elif not given:
        said.append(("answers", "a multiple-choice challenge needs at least one correct option"))
    return said


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
