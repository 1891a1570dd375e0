"""``learnbot inbox`` on every backend: list, show, reply (delivered or not), resolve, export."""

import json
from collections.abc import AsyncIterator
from pathlib import Path
from uuid import uuid4

import pytest
from click.testing import Result
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.enums import InboxKind, InboxStatus
from domain.inbox import InboxMessage
from domain.learners import TelegramProfile
from domain.services import InboxService, LearnerService
from infrastructure.db.models import InboxRow
from tests.integration.conftest import UowFactory
from tests.support.bot_api import FakeBotApi, fake_bot_api
from tests.support.cli import learnbot, ok
from tests.support.clock import FixedClock
from tests.support.course import Course
from tests.support.queries import count_rows
from tests.support.use_cases import committed

TOKEN = "4242:fake-token-for-tests"
TELEGRAM_ID = 2**40 + 3


@pytest.fixture
async def question(uow_factory: UowFactory, clock: FixedClock, course: Course) -> InboxMessage:
    async with uow_factory() as uow:
        ada = await committed(LearnerService(uow, clock)).register(
            TelegramProfile(TELEGRAM_ID, "ada")
        )
        inbox = committed(InboxService(uow, clock))
        return await inbox.ask(
            ada, TELEGRAM_ID, InboxKind.QUESTION, "Why is *b* right? 🤔", challenge_id=course.single
        )


@pytest.fixture
async def bot_api() -> AsyncIterator[FakeBotApi]:
    async with fake_bot_api() as api:
        yield api


async def stored(uow_factory: UowFactory, question: InboxMessage) -> InboxMessage:
    async with uow_factory() as uow:
        return (await uow.inbox.of_learner(question.user_id))[0]


async def reply_through(engine: AsyncEngine, question: InboxMessage, bot_api: FakeBotApi) -> Result:
    environment = {"BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": bot_api.base_url}
    return await learnbot(engine, "inbox", "reply", str(question.id), "Because b.", **environment)


async def test_list_and_show(engine: AsyncEngine, question: InboxMessage, course: Course) -> None:
    listed = ok(await learnbot(engine, "inbox", "list"))
    assert str(question.id) in listed
    assert f"challenge {course.single}" in listed

    shown = ok(await learnbot(engine, "inbox", "show", str(question.id)))
    assert "Why is *b* right? 🤔" in shown
    assert "new" in shown

    missing = await learnbot(engine, "inbox", "show", str(uuid4()))
    assert missing.exit_code == 1
    assert "no message" in missing.output
    assert (await learnbot(engine, "inbox", "show", "not-a-uuid")).exit_code == 2


async def test_a_reply_without_a_bot_is_stored_but_not_delivered(
    engine: AsyncEngine, uow_factory: UowFactory, question: InboxMessage
) -> None:
    result = ok(await learnbot(engine, "inbox", "reply", str(question.id), "Because b."))

    assert "NOT delivered" in result
    after = await stored(uow_factory, question)
    assert (after.status, after.reply) == (InboxStatus.REPLIED, "Because b.")


async def test_a_reply_reaches_the_learner_through_the_bot_api(
    engine: AsyncEngine, uow_factory: UowFactory, question: InboxMessage, bot_api: FakeBotApi
) -> None:
    result = await reply_through(engine, question, bot_api)

    assert f"Reply sent to Telegram user {TELEGRAM_ID}" in ok(result)
    [sent] = bot_api.sent
    assert (sent["path"], int(sent["chat_id"])) == (f"/bot{TOKEN}/sendMessage", TELEGRAM_ID)
    assert "Why is *b* right?" in sent["text"]
    assert sent["text"].endswith("Because b.")
    assert "parse_mode" not in sent, "learners' text is sent as it is, never as markup"


async def test_a_blocked_bot_leaves_the_reply_stored_and_says_so(
    engine: AsyncEngine, uow_factory: UowFactory, question: InboxMessage, bot_api: FakeBotApi
) -> None:
    bot_api.blocked = True

    result = await reply_through(engine, question, bot_api)

    assert "NOT delivered" in ok(result)
    assert TOKEN not in result.output
    assert (await stored(uow_factory, question)).reply == "Because b."


async def test_an_oversized_reply_is_refused(
    engine: AsyncEngine, uow_factory: UowFactory, question: InboxMessage
) -> None:
    result = await learnbot(engine, "inbox", "reply", str(question.id), "x" * 2001)

    assert result.exit_code == 1
    assert "longer than 2000" in result.output
    assert (await stored(uow_factory, question)).reply is None


async def test_resolve_takes_the_message_off_the_new_list(
    engine: AsyncEngine, uow_factory: UowFactory, question: InboxMessage
) -> None:
    ok(await learnbot(engine, "inbox", "resolve", str(question.id)))

    assert str(question.id) not in ok(await learnbot(engine, "inbox", "list"))
    assert str(question.id) in ok(await learnbot(engine, "inbox", "list", "--all"))
    assert (await stored(uow_factory, question)).status is InboxStatus.RESOLVED


async def test_export_writes_every_message_even_cleared_ones(
    engine: AsyncEngine,
    uow_factory: UowFactory,
    clock: FixedClock,
    question: InboxMessage,
    tmp_path: Path,
) -> None:
    async with uow_factory() as uow:
        assert await committed(InboxService(uow, clock)).forget(question.user_id) == 1
    target = tmp_path / "ada.json"

    ok(await learnbot(engine, "inbox", "export", str(question.user_id), "-o", str(target)))

    exported = json.loads(target.read_text("utf-8"))
    [message] = exported["messages"]
    assert (message["id"], message["is_active"]) == (str(question.id), False)
    assert message["text"] == "Why is *b* right? 🤔"
    assert exported == json.loads(
        ok(await learnbot(engine, "inbox", "export", str(question.user_id)))
    )
    telegram_id = str(exported["learner"]["telegram_id"])
    assert exported == json.loads(
        ok(await learnbot(engine, "inbox", "export", "--telegram", telegram_id))
    )
    assert await count_rows(engine, InboxRow, InboxRow.is_active) == 0
    assert str(question.id) not in ok(await learnbot(engine, "inbox", "list", "--all"))
