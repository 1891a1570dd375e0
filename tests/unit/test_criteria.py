"""Criteria JSON: one known rule, or a refusal that says what is wrong."""

import pytest

from domain.achievements import Criterion, LearnerTotals, parse_criterion
from domain.errors import InvalidCriterion


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('{"lessons_completed": 10}', Criterion("lessons_completed", threshold=10)),
        ('{"challenges_solved": 1}', Criterion("challenges_solved", threshold=1)),
        ('{"streak_days": 7}', Criterion("streak_days", threshold=7)),
        ('{"total_score": 500}', Criterion("total_score", threshold=500)),
        (' {"module": "basics"} ', Criterion("module", module="basics")),
        (None, None),
        ("   ", None),
    ],
)
def test_valid_criteria(raw: str | None, expected: Criterion | None) -> None:
    criterion = parse_criterion(raw)

    assert criterion == expected
    if criterion is not None:
        assert parse_criterion(criterion.to_json()) == criterion


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{lessons_completed: 1}", "criteria is not JSON"),
        ("[1]", "exactly one rule"),
        ("{}", "exactly one rule"),
        ('{"lessons_completed": 1, "streak_days": 2}', "exactly one rule"),
        ('{"module": ""}', "'module' needs a module slug"),
        ('{"module": 3}', "'module' needs a module slug"),
        ('{"logins": 3}', "unknown criterion 'logins'"),
        ('{"streak_days": 0}', "'streak_days' needs a positive whole number"),
        ('{"streak_days": -1}', "'streak_days' needs a positive whole number"),
        ('{"total_score": 1.5}', "'total_score' needs a positive whole number"),
        ('{"total_score": "10"}', "'total_score' needs a positive whole number"),
        ('{"lessons_completed": true}', "'lessons_completed' needs a positive whole number"),
    ],
)
def test_invalid_criteria(raw: str, message: str) -> None:
    with pytest.raises(InvalidCriterion, match=message):
        parse_criterion(raw)


@pytest.mark.parametrize(
    ("criterion", "met"),
    [
        (Criterion("total_score", threshold=30), True),
        (Criterion("total_score", threshold=31), False),
        (Criterion("module", module="basics"), True),
        (Criterion("module", module="loops"), False),
        (Criterion("streak_days", threshold=3), True),
    ],
)
def test_criterion_is_met_against_totals(criterion: Criterion, met: bool) -> None:
    totals = LearnerTotals(
        lesson_score=20,
        achievement_points=10,
        completed_modules=frozenset({"basics"}),
        current_streak=3,
    )

    assert criterion.is_met(totals) is met
