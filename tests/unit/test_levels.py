"""Levels: the curve's rule, and a level announced by the one answer that reaches it."""

import pytest

from domain.levels import DEFAULT_CURVE, CurveKind, LevelCurve, level_reached

LINEAR = LevelCurve(CurveKind.LINEAR, base=10, levels=5)


def test_a_linear_curve_costs_the_same_per_level() -> None:
    assert LINEAR.thresholds() == (0, 10, 20, 30, 40)


def test_an_exponential_curve_grows_each_level_by_the_factor() -> None:
    curve = LevelCurve(CurveKind.EXPONENTIAL, base=100, growth=1.5, levels=4)

    assert curve.thresholds() == (0, 100, 250, 475)


def test_the_default_curve_gives_level_two_after_a_lesson_or_two() -> None:
    """A lesson of python-basics is three 10-point challenges, plus 5 for the first one."""
    assert DEFAULT_CURVE.level_of(29).number == 1
    assert DEFAULT_CURVE.level_of(35).number == 2
    assert DEFAULT_CURVE.thresholds()[:4] == (0, 30, 69, 120)


@pytest.mark.parametrize(
    ("points", "number", "to_next", "gained", "span"),
    [(0, 1, 10, 0, 10), (9, 1, 1, 9, 10), (10, 2, 10, 0, 10), (27, 3, 3, 7, 10)],
)
def test_a_level_knows_its_bar_and_what_is_left(
    points: int, number: int, to_next: int, gained: int, span: int
) -> None:
    level = LINEAR.level_of(points)

    assert (level.number, level.to_next, level.gained, level.span) == (
        number,
        to_next,
        gained,
        span,
    )
    assert not level.is_top


def test_the_top_level_is_the_cap_however_many_points() -> None:
    level = LINEAR.level_of(10_000)

    assert (level.number, level.is_top, level.to_next, level.span) == (5, True, 0, 0)


def test_negative_points_are_level_one() -> None:
    assert LINEAR.level_of(-5).number == 1


@pytest.mark.parametrize(
    ("before", "after", "reached"),
    [(0, 9, None), (0, 10, 2), (5, 35, 4), (30, 30, None), (35, 25, None), (40, 90, None)],
)
def test_a_level_is_reached_only_by_crossing_its_threshold(
    before: int, after: int, reached: int | None
) -> None:
    assert level_reached(LINEAR, before, after) == reached


@pytest.mark.parametrize(
    "settings",
    [{"base": 0}, {"growth": 0.9}, {"levels": 1}, {"levels": 101}],
)
def test_a_curve_that_makes_no_sense_is_refused(settings: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"level|point|growth"):
        LevelCurve(**settings)  # type: ignore[arg-type]
