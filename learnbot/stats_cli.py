"""``learnbot stats``: the platform's numbers, as tables or as JSON for scripts."""

import json
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, TypeVar

import typer
from rich.table import Table

from domain.admin import Stats
from domain.enums import ActivityType, InboxStatus
from domain.services import StatsService
from learnbot.app import Application
from learnbot.console import console, module_table, run_in_app

E = TypeVar("E", bound=StrEnum)


def stats(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
    top: Annotated[int, typer.Option(min=1, help="How many most completed lessons.")] = 5,
) -> None:
    """Learners, completions, the module funnel, achievements, activity and the inbox."""

    async def use(learnbot: Application) -> Stats:
        async with learnbot.unit_of_work() as uow:
            service = StatsService(uow, learnbot.clock, learnbot.settings.default_timezone)
            return await service.collect(top)

    collected = run_in_app(use)
    if as_json:
        typer.echo(json.dumps(collected.as_json(), indent=2, ensure_ascii=False))
    else:
        render(collected)


def render(collected: Stats) -> None:
    learners = collected.learners
    console.print(
        f"[bold]Learners[/]: {learners.total} ({learners.active} active), "
        f"seen today {learners.seen_today}, in 7 days {learners.seen_week}\n"
        f"[bold]Lessons completed[/]: {collected.lessons_completed} "
        f"(today {collected.lessons_completed_today})   "
        f"[bold]Achievements earned[/]: {collected.achievements_earned}"
    )
    console.print(module_table("Module funnel (learners)", collected.funnel))
    console.print(_pairs("Activity, last 7 days", collected.activity_week, ActivityType))
    console.print(_pairs("Inbox", collected.inbox, InboxStatus))
    top = Table("Lesson", "Module", "Completions", title="Most completed lessons")
    for lesson in collected.top_lessons:
        top.add_row(lesson.title, lesson.module, str(lesson.completions))
    console.print(top)


def _pairs(title: str, counts: Mapping[E, int], every: type[E]) -> Table:
    """Every member of the vocabulary, zero when nothing was counted."""
    table = Table("What", "How many", title=title)
    for member in every:
        table.add_row(member.value, str(counts.get(member, 0)))
    return table
