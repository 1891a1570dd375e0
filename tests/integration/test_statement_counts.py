"""What one update costs in SQL statements: an answer, a menu, a board. No N+1 anywhere.

The figures are printed (``pytest -s``) and bounded; the README quotes them.
"""

from sqlalchemy.ext.asyncio import AsyncEngine

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
    one_write = engine.dialect.name == "postgresql"
    # Each answer also reviews its challenge's card: PostgreSQL and MariaDB read it with
    # the take and write it inside the answer's one write; SQLite, in process, upserts it
    # in a step of its own (one statement, no network round trip).
    card = int(engine.dialect.name == "sqlite")
    assert len(wrong) <= (2 if one_write else 4 + card)
    assert len(right) <= (2 if one_write else 6 + card)
    assert len(completing) <= (6 if one_write else 11 + card)
