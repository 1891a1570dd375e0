"""The kind table is the one place a challenge kind's rules live: the rest asks it."""

from dataclasses import replace

import pytest

from domain.catalogue import Challenge
from domain.enums import ChallengeForm, ChallengeKind
from domain.errors import InvalidSubmission
from domain.kinds import KINDS, MANY, kind_of
from domain.learners import Learner
from domain.services import ProgressService

from .course import CHALLENGES, PICK_MANY, PICK_ONE, RIGHT, VARIABLES, WRONG


def challenge_of(challenge_id: int) -> Challenge:
    return next(challenge for challenge in CHALLENGES if challenge.id == challenge_id)


PICK_TWO = replace(KINDS[ChallengeKind.MULTIPLE_CHOICE], picks=range(2, MANY))


def test_every_kind_of_the_enum_has_its_rules_in_the_table() -> None:
    assert set(KINDS) == set(ChallengeKind)


@pytest.mark.parametrize(
    ("kind", "options", "answers", "said"),
    [
        (ChallengeKind.SINGLE_CHOICE, ["a", "b"], ["a", "b"], "exactly one correct option, got 2"),
        (ChallengeKind.MULTIPLE_CHOICE, ["a", "b"], [], "at least one correct option"),
        (ChallengeKind.TEXT, [], [], "at least one accepted answer"),
    ],
)
def test_a_definition_that_does_not_fit_its_kind_is_refused(
    kind: ChallengeKind, options: list[str], answers: list[str], said: str
) -> None:
    problems = kind_of(kind).definition_problems(options, answers)

    assert [message for _, message in problems] == [
        f"a {kind_of(kind).name} challenge needs {said}"
    ]


def test_a_kind_whose_rules_change_in_the_table_definitions_follow() -> None:
    assert PICK_TWO.definition_problems(["a", "b", "c"], ["a"]) == [
        ("answers", "a multiple-choice challenge needs at least 2 correct options")
    ]
    assert PICK_TWO.definition_problems(["a", "b", "c"], ["a", "c"]) == []


async def test_a_kind_whose_rules_change_in_the_table_is_answered_by_them(
    monkeypatch: pytest.MonkeyPatch,
    progress_service: ProgressService,
    learner: Learner,
) -> None:
    monkeypatch.setitem(KINDS, ChallengeKind.MULTIPLE_CHOICE, PICK_TWO)
    await progress_service.start_lesson(learner, VARIABLES)
    await progress_service.answer(learner, PICK_ONE, RIGHT[PICK_ONE])

    with pytest.raises(InvalidSubmission, match="at least 2 options"):
        await progress_service.answer(learner, PICK_MANY, WRONG[PICK_MANY])
    outcome = await progress_service.answer(learner, PICK_MANY, RIGHT[PICK_MANY])

    assert outcome.is_correct
    assert outcome.attempt == 1


def test_the_forms_a_kind_may_take_come_from_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    challenge = replace(challenge_of(PICK_MANY), form=ChallengeForm.POLL)
    assert not challenge.is_poll

    polled = replace(PICK_TWO, forms=frozenset(ChallengeForm))
    monkeypatch.setitem(KINDS, ChallengeKind.MULTIPLE_CHOICE, polled)

    assert challenge.is_poll
