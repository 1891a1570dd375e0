"""``learnbot users``: find, inspect, deactivate and delete learners."""

from typing import Annotated

import typer
from rich.table import Table

from domain.admin import LearnerProfile, LearnerSummary
from domain.leagues import LeagueView
from domain.learners import Learner, LearnerKey
from domain.levels import Level
from domain.services import AdminService, LeagueService, LearnerService
from infrastructure.db.models.learners import MAX_LEARNER_ID, MAX_TELEGRAM_ID
from learnbot.app import Application
from learnbot.console import console, counted, module_table, run_in_app, when

users = typer.Typer(no_args_is_help=True, help="Look after learners.")
LearnerNumber = Annotated[
    int,
    typer.Argument(
        metavar="LEARNER",
        min=1,
        max=MAX_TELEGRAM_ID,
        help="The learner's id (see `users list`), or with --telegram their Telegram id.",
    ),
]
ByTelegram = Annotated[
    bool,
    typer.Option(
        "--telegram",
        help="LEARNER is a Telegram id. A number too large for a learner's id is one anyway.",
    ),
]


def learner_key(number: int, telegram: bool) -> LearnerKey:
    """Operators copy Telegram ids from Telegram; those beyond learnbot's ids are recognised."""
    return LearnerKey(number, telegram or number > MAX_LEARNER_ID)


def find(key: LearnerKey) -> Learner:
    """The learner, or "no learner with ..." and exit status 1."""

    async def use(learnbot: Application) -> Learner:
        async with learnbot.unit_of_work() as uow:
            return await LearnerService(uow, learnbot.clock).find(key)

    return run_in_app(use)


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
def show(learner: LearnerNumber, telegram: ByTelegram = False) -> None:
    """Profile, progress per module, achievements, streak and rank."""
    key = learner_key(learner, telegram)

    async def use(learnbot: Application) -> tuple[LearnerProfile, str]:
        settings = learnbot.settings
        async with learnbot.unit_of_work() as uow:
            found = await LearnerService(uow, learnbot.clock).find(key)
            zone, freezes, levels = settings.default_timezone, settings.freezes(), settings.levels()
            service = AdminService(uow, learnbot.clock, zone, freezes, levels)
            profile = await service.profile(found.id)
            leagues = LeagueService(uow, learnbot.clock, zone, settings.leagues())
            league = _league_text(await leagues.view(found.id), await leagues.tier_of(found.id))
        return profile, league

    render_profile(*run_in_app(use))


def _level_text(level: Level | None) -> str:
    if level is None:
        return "—"
    number = level.number if level.name is None else f"{level.number} “{level.name}”"
    if level.is_top:
        return f"{number} (the top)"
    return f"{number} ({counted(level.to_next, 'point')} to level {level.number + 1})"


def _league_text(view: LeagueView | None, next_tier: int) -> str:
    """Tiers count from 1 here, Bronze being tier 1; a pack's name follows in brackets."""
    if view is None:
        return f"none this week (the next in tier {next_tier + 1})"
    name = f" ({view.tier_name})" if view.tier_name else ""
    days = counted(view.days_left, "day")
    return f"tier {view.tier + 1}{name}, place {view.me.place} of {view.members}, {days} left"


def render_profile(profile: LearnerProfile, league: str) -> None:
    learner, totals, streak = profile.learner, profile.totals, profile.streak
    rank = f"#{profile.board_entry.rank}" if profile.board_entry else "not ranked yet"
    console.print(
        f"[bold]{learner.display_name}[/] (id {learner.id}, Telegram {learner.telegram_id})\n"
        f"Active: {'yes' if learner.is_active else 'no'}   Time zone: {learner.timezone or '—'}"
        f"   Daily goal: {counted(learner.daily_goal, 'point')}"
        f"   First seen: {when(learner.first_contact_at)}"
        f"   Last seen: {when(learner.last_contact_at)}\n"
        f"Score: {totals.total_score}   Level: {_level_text(profile.level)}   Rank: {rank}\n"
        "Lessons completed: "
        f"{totals.lessons_completed}   Challenges solved: {totals.challenges_solved}\n"
        f"Streak: {counted(streak.current, 'day')} (longest {streak.longest})"
        f"   Streak freezes: {profile.freezes.held}/{profile.freezes.cap}\n"
        f"League: {league}"
    )
    console.print(module_table("Lessons per module", profile.modules))
    earned = Table("Achievement", "Points", "Earned", title="Achievements")
    for item in profile.achievements:
        earned.add_row(item.achievement.title, str(item.achievement.points), when(item.earned_at))
    console.print(earned)


@users.command()
def deactivate(learner: LearnerNumber, telegram: ByTelegram = False) -> None:
    """Leave the learner out of the leaderboard until they come back."""
    found = find(learner_key(learner, telegram))

    async def use(learnbot: Application) -> None:
        async with learnbot.unit_of_work() as uow:
            await LearnerService(uow, learnbot.clock).deactivate(found.id)
            await uow.commit()

    run_in_app(use)
    console.print(f"Learner {_who(found)} is deactivated.")


@users.command()
def delete(
    learner: LearnerNumber,
    telegram: ByTelegram = False,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete the learner and every row they left behind, in one transaction."""
    found = find(learner_key(learner, telegram))
    if not yes:
        typer.confirm(f"Delete learner {_who(found)} and all of their data?", abort=True)

    async def use(learnbot: Application) -> None:
        async with learnbot.unit_of_work() as uow:
            await LearnerService(uow, learnbot.clock).delete(found.id)
            await uow.commit()

    run_in_app(use)
    console.print(f"Learner {_who(found)} and all of their data are deleted.")


def _who(learner: Learner) -> str:
    return f"{learner.display_name} (id {learner.id}, Telegram {learner.telegram_id})"
