"""The course screens: modules with bars, a module's lessons with marks, a lesson's pages."""

from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import FinishCb, LessonCb, ModuleCb, Nav, RetakeCb, Screen
from bot.rendering.bars import progress_bar
from bot.rendering.common import add_menu_button, escape
from bot.rendering.markdown import paginate, to_telegram_html
from bot.rendering.reply import View
from domain.catalogue import LessonContent
from domain.enums import ProgressStatus
from domain.journey import ModuleStanding
from domain.progress import Progress

MARKS = {
    ProgressStatus.COMPLETED: "✅",
    ProgressStatus.IN_PROGRESS: "🟡",
    ProgressStatus.NOT_STARTED: "⚪",
}


def modules_screen(modules: list[ModuleStanding]) -> View:
    builder = InlineKeyboardBuilder()
    lines = [_("<b>Courses</b>"), ""]
    for item in modules:
        bar = progress_bar(item.completed, item.total)
        lines.append(f"<b>{escape(item.module.title)}</b>\n{bar}")
        builder.button(text=item.module.title, callback_data=ModuleCb(module_id=item.module.id))
    if not modules:
        lines.append(_("No courses are published yet. Come back soon!"))
    add_menu_button(builder)
    builder.adjust(1)
    return View("\n".join(lines), builder.as_markup())


def module_screen(item: ModuleStanding) -> View:
    builder = InlineKeyboardBuilder()
    lines = [f"<b>{escape(item.module.title)}</b>", progress_bar(item.completed, item.total)]
    if item.module.description:
        lines += ["", escape(item.module.description)]
    for standing in item.lessons:
        label = f"{MARKS[standing.status]} {standing.lesson.title}"
        builder.button(text=label, callback_data=LessonCb(lesson_id=standing.lesson.id))
    builder.button(text=_("⬅ Courses"), callback_data=Nav(screen=Screen.COURSES))
    builder.adjust(1)
    return View("\n".join(lines), builder.as_markup())


def lesson_pages(content: LessonContent) -> list[str]:
    """The lesson's Markdown as Telegram HTML, cut into pages that fit one message."""
    header = f"<b>{escape(content.lesson.title)}</b>"
    if content.lesson.estimated_duration:
        minutes = content.lesson.estimated_duration
        header += "\n" + _("⏱ about {minutes} min").format(minutes=minutes)
    body = to_telegram_html(content.lesson.content or "", title=content.lesson.title)
    return paginate(f"{header}\n\n{body}" if body else header, limit=3900)


def lesson_screen(
    content: LessonContent, progress: Progress, page: int, *, retaking: bool = False
) -> View:
    """A page of the lesson; the last one leads to the quiz, or offers a retake when done."""
    pages = lesson_pages(content)
    page = max(0, min(page, len(pages) - 1))
    lesson_id = content.lesson.id
    builder = InlineKeyboardBuilder()
    if page > 0:
        builder.button(text=_("◀ Back"), callback_data=LessonCb(lesson_id=lesson_id, page=page - 1))
    if page < len(pages) - 1:
        builder.button(text=_("Next ▶"), callback_data=LessonCb(lesson_id=lesson_id, page=page + 1))
    elif progress.is_completed and not retaking:
        builder.button(
            text=_("🔁 Retake"), callback_data=RetakeCb(lesson_id=lesson_id, take=progress.take)
        )
    else:
        label = _("Start the quiz ▶") if content.challenges else _("✅ Finish lesson")
        builder.button(text=label, callback_data=FinishCb(lesson_id=lesson_id))
    builder.button(text=_("⬅ Lessons"), callback_data=ModuleCb(module_id=content.module.id))
    builder.adjust(2, 1)
    footer = f"\n\n<i>{page + 1}/{len(pages)}</i>" if len(pages) > 1 else ""
    return View(pages[page] + footer, builder.as_markup())
