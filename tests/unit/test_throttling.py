"""The per-learner action budget: a sliding window, one polite refusal per burst."""

from datetime import UTC, datetime, timedelta

import pytest

from domain.throttling import ActionBudget, Verdict

START = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
WINDOW = timedelta(seconds=10)


def taps(budget: ActionBudget, learner: int, count: int, every: timedelta) -> list[Verdict]:
    return [budget.spend(learner, START + every * n) for n in range(count)]


def test_twenty_actions_in_ten_seconds_pass_and_the_next_is_refused_once() -> None:
    budget = ActionBudget(20, WINDOW)

    verdicts = taps(budget, 1, 23, timedelta(milliseconds=100))

    assert verdicts[:20] == [Verdict.ALLOWED] * 20
    assert verdicts[20:] == [Verdict.REFUSED, Verdict.DROPPED, Verdict.DROPPED]


def test_the_window_slides_so_room_comes_back_as_old_actions_age() -> None:
    budget = ActionBudget(3, WINDOW)
    taps(budget, 1, 3, timedelta(seconds=1))

    assert budget.spend(1, START + timedelta(seconds=9)) is Verdict.REFUSED
    assert budget.spend(1, START + timedelta(seconds=10)) is Verdict.ALLOWED
    assert budget.spend(1, START + timedelta(seconds=10, milliseconds=500)) is Verdict.REFUSED


def test_a_person_reading_at_human_speed_is_never_refused() -> None:
    budget = ActionBudget(20, WINDOW)

    assert set(taps(budget, 1, 500, timedelta(seconds=1))) == {Verdict.ALLOWED}


def test_learners_have_budgets_of_their_own() -> None:
    budget = ActionBudget(2, WINDOW)
    taps(budget, 1, 3, timedelta(0))

    assert budget.spend(2, START) is Verdict.ALLOWED
    assert budget.spend(1, START) is Verdict.DROPPED


def test_memory_stays_bounded_by_forgetting_the_least_recently_active() -> None:
    budget = ActionBudget(1, WINDOW, max_learners=2)
    budget.spend(1, START)
    budget.spend(2, START)
    budget.spend(3, START)

    assert budget.spend(1, START) is Verdict.ALLOWED
    assert budget.spend(3, START) is Verdict.REFUSED


@pytest.mark.parametrize(("limit", "window"), [(0, WINDOW), (5, timedelta(0))])
def test_an_empty_budget_is_a_configuration_error(limit: int, window: timedelta) -> None:
    with pytest.raises(ValueError, match="positive"):
        ActionBudget(limit, window)
