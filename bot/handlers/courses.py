"""Courses: the module list, a module's lessons, reading a lesson page by page."""

from aiogram import F, Router
from aiogram.types import CallbackQuery
from aiogram.utils.callback_answer import CallbackAnswer

from bot.callbacks import FinishCb, LessonCb, ModuleCb, Nav, RetakeCb, Screen
from bot.handlers.quiz import ask
from bot.rendering.course import lesson_screen, module_screen, modules_screen
from bot.rendering.quiz import completion_lines, continue_keyboard
from bot.rendering.reply import View, show
from bot.services import Services
from domain.learners import Learner
from domain.services.commits import before_showing


async def courses(query: CallbackQuery, learner: Learner, services: Services) -> None:
    await show(query, modules_screen(await services.journey.modules(learner)))


async def module(
    query: CallbackQuery, callback_data: ModuleCb, learner: Learner, services: Services
) -> None:
    standing = await services.journey.module(learner, callback_data.module_id)
    await show(query, module_screen(standing))


async def lesson(
    query: CallbackQuery, callback_data: LessonCb, learner: Learner, services: Services
) -> None:
    await open_lesson(query, learner, services, callback_data.lesson_id, callback_data.page)


async def open_lesson(
    query: CallbackQuery, learner: Learner, services: Services, lesson_id: int, page: int
) -> None:
    content = await services.catalogue.lesson(lesson_id)
    progress = await services.progress.start_lesson(learner, lesson_id)
    retaking = await services.progress.retaking(learner, progress)
    await show(query, lesson_screen(content, progress, page, retaking=retaking))


async def finish(
    query: CallbackQuery, callback_data: FinishCb, learner: Learner, services: Services
) -> None:
    """The last page: a lesson without challenges is complete, others go to the quiz."""
    completion = await services.progress.finish_reading(learner, callback_data.lesson_id)
    if completion is None:
        await ask(query, learner, services, callback_data.lesson_id)
        return
    await before_showing(services.uow)
    score = completion.progress.score
    lines = completion_lines(
        score,
        completion.new_achievements,
        completion.streak,
        completion.level_reached,
        completion.goal_met,
        completion.freeze_earned,
        completion.level_name,
    )
    await show(query, View("\n".join(lines), continue_keyboard()))


async def retake(
    query: CallbackQuery,
    callback_data: RetakeCb,
    learner: Learner,
    services: Services,
    callback_answer: CallbackAnswer,
) -> None:
    await services.progress.retake_lesson(learner, callback_data.lesson_id, callback_data.take)
    callback_answer.text = "🔁"
    await ask(query, learner, services, callback_data.lesson_id)


def build_router() -> Router:
    router = Router(name=__name__)
    router.callback_query.register(courses, Nav.filter(F.screen == Screen.COURSES))
    router.callback_query.register(module, ModuleCb.filter())
    router.callback_query.register(lesson, LessonCb.filter())
    router.callback_query.register(finish, FinishCb.filter())
    router.callback_query.register(retake, RetakeCb.filter())
    return router
