"""``learnbot users``: find, inspect, deactivate and delete learners."""

from typing import Annotated

import typer
from rich.table import Table

from domain.admin import LearnerProfile, LearnerSummary
from domain.services import AdminService, LearnerService
from learnbot.app import Application
from learnbot.console import console, counted, module_table, run_in_app, when

users = typer.Typer(no_args_is_help=True, help="Look after learners.")
LearnerId = Annotated[int, typer.Argument(help="The learner's id (see `users list`).")]


@users.command("list")
def list_users(
    active: Annotated[bool, typer.Option("--active", help="Active learners only.")] = False,
    search: Annotated[str | None, typer.Option(help="Part of a name or Telegram id.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
) -> None:
    """Learners, newest first."""

    async def use(learnbot: Application) -> list[LearnerSummary]:
        async with learnbot.unit_of_work() as uow:
            service = AdminService(uow, learnbot.clock, learnbot.settings.default_timezone)
            return await service.learners(search, active, limit)

    table = Table("ID", "Telegram", "Name", "Active", "Last seen", "Lessons", title="Learners")
    for row in run_in_app(use):
        learner = row.learner
        table.add_row(
            str(learner.id),
            str(learner.telegram_id),
            learner.display_name,
            "yes" if learner.is_active else "no",
            when(learner.last_contact_at),
            str(row.lessons_completed),
        )
    console.print(table)


@users.command("show")
def show(learner_id: LearnerId) -> None:
    """Profile, progress per module, achievements, streak and rank."""

    async def use(learnbot: Application) -> LearnerProfile:
        async with learnbot.unit_of_work() as uow:
            service = AdminService(uow, learnbot.clock, learnbot.settings.default_timezone)
            return await service.profile(learner_id)

    render_profile(run_in_app(use))


def render_profile(profile: LearnerProfile) -> None:
    learner, totals, streak = profile.learner, profile.totals, profile.streak
    rank = f"#{profile.standing.rank}" if profile.standing else "not ranked yet"
    console.print(
        f"[bold]{learner.display_name}[/] (id {learner.id}, Telegram {learner.telegram_id})\n"
        f"Active: {'yes' if learner.is_active else 'no'}   Time zone: {learner.timezone or '—'}"
        f"   First seen: {when(learner.first_contact_at)}"
        f"   Last seen: {when(learner.last_contact_at)}\n"
        f"Score: {totals.total_score}   Rank: {rank}   Lessons completed: "
        f"{totals.lessons_completed}   Challenges solved: {totals.challenges_solved}\n"
        f"Streak: {counted(streak.current, 'day')} (longest {streak.longest})"
    )
    console.print(module_table("Lessons per module", profile.modules))
    earned = Table("Achievement", "Points", "Earned", title="Achievements")
    for item in profile.achievements:
        earned.add_row(item.achievement.title, str(item.achievement.points), when(item.earned_at))
    console.print(earned)


@users.command()
def deactivate(learner_id: LearnerId) -> None:
    """Leave the learner out of the leaderboard until they come back."""

    async def use(learnbot: Application) -> None:
        async with learnbot.unit_of_work() as uow:
            await LearnerService(uow, learnbot.clock).deactivate(learner_id)

    run_in_app(use)
    console.print(f"Learner {learner_id} is deactivated.")


@users.command()
def delete(
    learner_id: LearnerId,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete the learner and every row they left behind, in one transaction."""
    if not yes:
        typer.confirm(f"Delete learner {learner_id} and all of their data?", abort=True)

    async def use(learnbot: Application) -> None:
        async with learnbot.unit_of_work() as uow:
            await LearnerService(uow, learnbot.clock).delete(learner_id)

    run_in_app(use)
    console.print(f"Learner {learner_id} and all of their data are deleted.")
