"""Course packs wired together: the loader, the Telegram check and the publishing service.

The loader lives in ``infrastructure`` and the renderer in ``bot``; neither may import the
other, so the check that a lesson can be sent to Telegram is injected here.
"""

from collections.abc import Callable
from pathlib import Path

from bot.rendering.markdown import TELEGRAM_LIMIT, paginate, to_telegram_html
from domain.content import ContentDiff, CoursePack
from domain.ports import Clock, ContentPorts
from domain.services import PublishingService
from infrastructure.content import LessonCheck, load_pack
from learnbot.app import Application


def fits_telegram(markdown: str) -> str | None:
    """Telegram refuses empty messages and messages over 4096 characters."""
    html = to_telegram_html(markdown)
    if not html.strip():
        return "the lesson renders to an empty message"
    for page in paginate(html):
        if len(page) > TELEGRAM_LIMIT:
            return (
                f"a block renders to {len(page)} characters, more than one Telegram message "
                f"holds ({TELEGRAM_LIMIT}); split it with a blank line"
            )
    return None


LESSON_CHECKS: tuple[LessonCheck, ...] = (fits_telegram,)


def read_pack(path: Path) -> CoursePack:
    """The pack at ``path``, checked as the bot will show it; raises InvalidPack."""
    return load_pack(path, LESSON_CHECKS)


async def publish(
    ports: ContentPorts,
    clock: Clock,
    pack: CoursePack,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ContentDiff:
    """The publish command's one use case: committed once, when the whole pack is written
    and changed something; a dry run or a pack that changes nothing commits nothing."""
    diff = await PublishingService(ports, clock).publish(pack, dry_run=dry_run, progress=progress)
    if diff and not dry_run:
        await ports.commit()
    return diff


async def current_pack(app: Application, title: str) -> CoursePack:
    async with app.unit_of_work() as uow:
        pack = await uow.content.current()
    return CoursePack(title, pack.description, pack.modules, pack.achievements)
