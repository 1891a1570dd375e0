"""What one update costs in SQL statements: an answer, a menu, a board. No N+1 anywhere.

The figures are printed (``pytest -s``) and bounded; the README quotes them.
"""

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from bench.answers.counting import RoundTrips
from bot.services import Services
from domain.catalogue import Submission
from domain.learners import TelegramProfile
from infrastructure.review import FsrsScheduler
from tests.integration.conftest import UowFactory
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.statements import counted

PROFILE = TelegramProfile(4242, "lin", "Lin", None, "en")


async def test_an_answer_and_the_menus_cost_a_bounded_number_of_statements(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    async with uow_factory() as uow:
        services = Services(uow, clock, "UTC", review_scheduler=FsrsScheduler())
        learner = await services.learners.register(PROFILE)
        await services.progress.open_challenge(learner, course.first_lesson)
        with counted(engine) as contact:
            learner = await services.learners.register(PROFILE)
        with counted(engine) as wrong:
            await services.progress.answer(learner, course.single, Submission({0}), 1)
        with counted(engine) as right:
            await services.progress.answer(learner, course.single, Submission({1}), 2)
        with counted(engine) as completing:
            await services.progress.answer(learner, course.text, Submission(text="print"), 1)
        with counted(engine) as modules:
            await services.journey.modules(learner)
        with counted(engine) as board:
            await services.leaderboard.board(learner.id)

    figures = {
        "contact": len(contact),
        "wrong answer": len(wrong),
        "right answer": len(right),
        "completing answer": len(completing),
        "courses menu": len(modules),
        "board": len(board),
    }
    print(f"\n{engine.dialect.name}: {figures}")
    assert len(contact) == 1
    assert len(modules) == 1
    assert len(board) == 1
    # PostgreSQL writes an answer in one statement, MariaDB in one multi-statement script;
    # SQLite, in process, in steps. Each answer also reviews its challenge's card: read
    # with the take, written inside the one write (SQLite: one statement of its own).
    one_write = engine.dialect.name != "sqlite"
    card = int(not one_write)
    assert len(wrong) <= (2 if one_write else 4 + card)
    assert len(right) <= (2 if one_write else 6 + card)
    assert len(completing) <= (6 if one_write else 11 + card)


async def test_a_button_answer_costs_four_round_trips_on_postgresql_and_three_on_mariadb(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    """A whole update's unit of work, checkout to COMMIT, as the bot runs it: the learner
    middleware names the challenge the button answers. PostgreSQL: BEGIN (sent at
    checkout: it is the connection's check, no ping), the learner read with the take (the
    read-ahead), the one write, COMMIT. MariaDB: no BEGIN and no ping for a connection in
    use, the learner and the take in one script (its read-ahead), the one write, COMMIT.
    SQLite's statements are calls into the process, bounded above."""
    async with uow_factory() as uow:
        learner = await Services(uow, clock, "UTC").learners.register(PROFILE)
        await Services(uow, clock, "UTC").progress.open_challenge(learner, course.first_lesson)
        await uow.commit()
    trips = RoundTrips(engine)
    with trips.counting():
        async with uow_factory() as uow:
            services = Services(uow, clock, "UTC")
            learner = await services.learners.register(PROFILE, answering=course.single)
            outcome = await services.progress.answer(learner, course.single, Submission({0}), 1)
            await uow.commit()
    counted_trips = sum(trips.round_trips.values())
    print(f"\n{engine.dialect.name}: {counted_trips} round trips for a wrong button answer")
    assert (outcome.is_correct, outcome.attempt, outcome.replayed) == (False, 1, False)
    assert counted_trips <= {"postgresql": 4, "mysql": 3}.get(engine.dialect.name, 6)


async def test_a_streak_freeze_costs_a_statement_only_when_it_is_spent(
    engine: AsyncEngine, uow_factory: UowFactory, clock: FixedClock, course: Course
) -> None:
    """Two learners with a freeze held give the same first right answer of the day: the
    one who missed yesterday spends it (one insert more); the other, freeze rows and all,
    costs what any right answer costs."""
    counts = []
    for telegram_id, last_studied in ((1, 1), (2, 2)):
        async with uow_factory() as uow:
            services = Services(uow, clock, "UTC")
            learner = await services.learners.register(TelegramProfile(telegram_id, "x"))
            day = clock.now().date() - timedelta(days=last_studied)
            await uow.calendar.mark(learner.id, day)
            await uow.freezes.earn(learner.id, day)
            await uow.commit()
            await services.progress.open_challenge(learner, course.first_lesson)
            with counted(engine) as answer:
                await services.progress.answer(learner, course.single, Submission({1}), 1)
            counts.append(len(answer))
            spent = (await uow.freezes.ledger(learner.id)).spent

    print(f"\n{engine.dialect.name}: kept {counts[0]}, spending {counts[1]}")
    assert spent == {clock.now().date() - timedelta(days=1)}
    assert counts[1] == counts[0] + 1
