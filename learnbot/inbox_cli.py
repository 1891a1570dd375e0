"""``learnbot inbox``: read learners' questions and problem reports, reply, resolve, export."""

import json
from pathlib import Path
from typing import Annotated
from uuid import UUID

import typer
from rich.table import Table

from domain.enums import InboxStatus
from domain.inbox import InboxMessage, Reply
from domain.services import InboxService, LearnerService, deliver
from learnbot.app import Application
from learnbot.console import console, run_in_app, when
from learnbot.notifier import notifier
from learnbot.users_cli import ByTelegram, LearnerNumber, learner_key

inbox = typer.Typer(no_args_is_help=True, help="Learners' questions and problem reports.")
MessageId = Annotated[UUID, typer.Argument(help="The message id (see `inbox list`).")]


@inbox.command("list")
def list_messages(
    status: Annotated[InboxStatus | None, typer.Option(help="Default: new.")] = InboxStatus.NEW,
    every: Annotated[bool, typer.Option("--all", help="Every status.")] = False,
    limit: Annotated[int, typer.Option(min=1)] = 20,
) -> None:
    """Messages waiting for an answer, oldest first."""

    async def use(learnbot: Application) -> list[InboxMessage]:
        async with learnbot.unit_of_work() as uow:
            return await InboxService(uow, learnbot.clock).listed(None if every else status, limit)

    table = Table("ID", "Learner", "Kind", "Status", "About", "Sent", "Text", title="Inbox")
    for message in run_in_app(use):
        table.add_row(
            str(message.id),
            str(message.user_id),
            message.kind.value,
            message.status.value,
            _about(message),
            when(message.created_at),
            message.text[:60],
        )
    console.print(table)


@inbox.command()
def show(message_id: MessageId) -> None:
    """One message in full, with the reply if there is one."""

    async def use(learnbot: Application) -> InboxMessage:
        async with learnbot.unit_of_work() as uow:
            return await InboxService(uow, learnbot.clock).show(message_id)

    message = run_in_app(use)
    console.print(
        f"[bold]{message.kind.value.title()}[/] {message.id} from learner {message.user_id}, "
        f"{_about(message)}, sent {when(message.created_at)}, status {message.status.value}"
    )
    console.print(message.text, markup=False)
    if message.reply is not None:
        console.print(f"\n[bold]Reply[/] ({when(message.replied_at)}):")
        console.print(message.reply, markup=False)


@inbox.command()
def reply(message_id: MessageId, text: Annotated[str, typer.Argument(help="The answer.")]) -> None:
    """Store the answer and send it to the learner through the bot."""

    async def use(learnbot: Application) -> tuple[Reply, bool]:
        async with learnbot.unit_of_work() as uow:
            answer = await InboxService(uow, learnbot.clock).reply(message_id, text)
            await uow.commit()
        async with notifier(learnbot.settings) as sender:
            return answer, await deliver(answer, sender)

    answer, delivered = run_in_app(use)
    if delivered:
        console.print(f"Reply sent to Telegram user {answer.telegram_id}.")
    else:
        console.print(f"[yellow]Reply stored but NOT delivered to {answer.telegram_id}.[/]")


@inbox.command()
def resolve(message_id: MessageId) -> None:
    """Mark the message as dealt with."""

    async def use(learnbot: Application) -> InboxMessage:
        async with learnbot.unit_of_work() as uow:
            resolved = await InboxService(uow, learnbot.clock).resolve(message_id)
            await uow.commit()
            return resolved

    console.print(f"Message {run_in_app(use).id} is resolved.")


@inbox.command()
def export(
    learner: LearnerNumber,
    telegram: ByTelegram = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Default: stdout.")] = None,
) -> None:
    """Write every message of a learner, cleared ones included, as JSON."""
    key = learner_key(learner, telegram)

    async def use(learnbot: Application) -> dict[str, object]:
        async with learnbot.unit_of_work() as uow:
            found = await LearnerService(uow, learnbot.clock).find(key)
            return await InboxService(uow, learnbot.clock).export(found.id)

    text = json.dumps(run_in_app(use), indent=2, ensure_ascii=False)
    if output is None:
        typer.echo(text)
    else:
        output.write_text(text + "\n", encoding="utf-8")
        console.print(f"Written to {output}.")


def _about(message: InboxMessage) -> str:
    if message.challenge_id is not None:
        return f"challenge {message.challenge_id}"
    return "—" if message.lesson_id is None else f"lesson {message.lesson_id}"
