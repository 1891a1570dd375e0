"""The learner inbox: asking, replying, resolving, clearing and exporting."""

import json
from uuid import uuid4

import pytest

from domain.enums import InboxKind, InboxStatus
from domain.errors import ContentUnavailable, InvalidMessage, LearnerNotFound, MessageNotFound
from domain.inbox import MAX_TEXT_LENGTH
from domain.learners import Learner
from domain.services import InboxService, LearnerService, deliver
from tests.support.use_cases import committed

from .conftest import START
from .course import DRAFT, LOOP_QUIZ, SECRET, SECRET_QUIZ, VARIABLES
from .fakes import FakeClock, FakeNotifier, FakeUnitOfWork

CHAT = 555


@pytest.fixture
def service(uow: FakeUnitOfWork, clock: FakeClock) -> InboxService:
    return committed(InboxService(uow, clock))


async def test_a_question_about_a_challenge_is_stored_with_its_lesson(
    service: InboxService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    message = await service.ask(
        learner, CHAT, InboxKind.QUESTION, "  Why is b right?  ", challenge_id=LOOP_QUIZ
    )

    assert list(uow.saved.inbox.values()) == [message]
    assert (message.text, message.status, message.created_at) == ("Why is b right?", "new", START)
    assert (message.lesson_id, message.challenge_id, message.chat_id) == (21, LOOP_QUIZ, CHAT)


@pytest.mark.parametrize(
    ("text", "reason"),
    [("", "empty"), ("   \n", "empty"), ("x" * (MAX_TEXT_LENGTH + 1), "longer"), ("a\x00b", "NUL")],
)
async def test_empty_oversized_or_unstorable_text_is_refused(
    service: InboxService, uow: FakeUnitOfWork, learner: Learner, text: str, reason: str
) -> None:
    with pytest.raises(InvalidMessage, match=reason):
        await service.ask(learner, CHAT, InboxKind.PROBLEM, text)

    assert uow.saved.inbox == {}


async def test_text_of_exactly_the_limit_is_accepted(
    service: InboxService, learner: Learner
) -> None:
    message = await service.ask(learner, CHAT, InboxKind.PROBLEM, "x" * MAX_TEXT_LENGTH)

    assert len(message.text) == MAX_TEXT_LENGTH


@pytest.mark.parametrize(
    "subject",
    [
        {"lesson_id": DRAFT},
        {"lesson_id": SECRET},
        {"challenge_id": SECRET_QUIZ},
        {"challenge_id": 999},
        {"lesson_id": VARIABLES, "challenge_id": LOOP_QUIZ},
    ],
)
async def test_only_published_content_can_be_asked_about(
    service: InboxService, uow: FakeUnitOfWork, learner: Learner, subject: dict[str, int]
) -> None:
    with pytest.raises(ContentUnavailable):
        await service.ask(learner, CHAT, InboxKind.QUESTION, "Hm?", **subject)

    assert uow.saved.inbox == {}


async def test_a_reply_is_stored_and_addressed_to_the_learner(
    service: InboxService, uow: FakeUnitOfWork, learner: Learner, clock: FakeClock
) -> None:
    asked = await service.ask(learner, CHAT, InboxKind.QUESTION, "What is x?")
    clock.advance(minutes=5)

    reply = await service.reply(asked.id, " x is a name. ")

    stored = uow.saved.inbox[asked.id]
    assert (stored.status, stored.reply, stored.replied_at) == (
        "replied",
        "x is a name.",
        clock.now(),
    )
    assert reply.telegram_id == learner.telegram_id
    assert "What is x?" in reply.text
    assert reply.text.endswith("x is a name.")


async def test_a_reply_is_kept_when_it_cannot_be_delivered(
    service: InboxService, uow: FakeUnitOfWork, learner: Learner
) -> None:
    asked = await service.ask(learner, CHAT, InboxKind.QUESTION, "What is x?")
    reply = await service.reply(asked.id, "A name.")

    assert await deliver(reply, FakeNotifier(reachable=False)) is False
    assert uow.saved.inbox[asked.id].reply == "A name."
    notifier = FakeNotifier()
    assert await deliver(reply, notifier) is True
    assert notifier.sent == [(learner.telegram_id, reply.text)]


async def test_an_empty_reply_or_an_unknown_message_is_refused(
    service: InboxService, learner: Learner
) -> None:
    asked = await service.ask(learner, CHAT, InboxKind.QUESTION, "What is x?")

    with pytest.raises(InvalidMessage):
        await service.reply(asked.id, " ")
    with pytest.raises(MessageNotFound):
        await service.reply(uuid4(), "An answer.")
    with pytest.raises(MessageNotFound):
        await service.resolve(uuid4())


async def test_new_messages_are_listed_oldest_first_and_resolved_ones_drop_out(
    service: InboxService, learner: Learner, clock: FakeClock
) -> None:
    first = await service.ask(learner, CHAT, InboxKind.QUESTION, "First?")
    clock.advance(seconds=1)
    second = await service.ask(learner, CHAT, InboxKind.PROBLEM, "Broken.")

    await service.resolve(first.id)

    assert [message.id for message in await service.listed()] == [second.id]
    everything = await service.listed(None)
    assert [(message.id, message.status) for message in everything] == [
        (first.id, InboxStatus.RESOLVED),
        (second.id, InboxStatus.NEW),
    ]


async def test_a_learner_clears_their_history_and_the_export_still_tells_all(
    service: InboxService, uow: FakeUnitOfWork, learner: Learner, make_learner
) -> None:
    other = await make_learner(telegram_id=2000)
    mine = await service.ask(learner, CHAT, InboxKind.QUESTION, "Mine?")
    theirs = await service.ask(other, CHAT, InboxKind.QUESTION, "Theirs?")

    assert await service.forget(learner.id) == 1

    assert [message.id for message in await service.listed()] == [theirs.id]
    with pytest.raises(MessageNotFound):
        await service.show(mine.id)
    exported = json.loads(json.dumps(await service.export(learner.id)))
    assert exported["learner"] == {"id": learner.id, "telegram_id": learner.telegram_id}
    assert [(m["id"], m["is_active"]) for m in exported["messages"]] == [(str(mine.id), False)]
    with pytest.raises(LearnerNotFound):
        await service.export(999)


async def test_deleting_the_learner_deletes_their_messages(
    service: InboxService, uow: FakeUnitOfWork, learner: Learner, clock: FakeClock
) -> None:
    await service.ask(learner, CHAT, InboxKind.QUESTION, "Mine?")

    await committed(LearnerService(uow, clock)).delete(learner.id)

    assert uow.saved.inbox == {}
