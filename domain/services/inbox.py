"""The learner inbox: learners ask and report, admins reply and resolve."""

from uuid import UUID, uuid4

from domain.enums import InboxKind, InboxStatus
from domain.errors import ContentUnavailable, LearnerNotFound, MessageNotFound
from domain.inbox import InboxMessage, Reply, clean_text
from domain.learners import Learner
from domain.ports import Clock, InboxPorts, Notifier

QUOTE_LENGTH = 100
"""How much of the question a reply quotes, so the learner knows which one it answers."""


class InboxService:
    def __init__(self, uow: InboxPorts, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def ask(
        self,
        learner: Learner,
        chat_id: int,
        kind: InboxKind,
        text: str,
        *,
        lesson_id: int | None = None,
        challenge_id: int | None = None,
    ) -> InboxMessage:
        """Store a question or a problem report; a challenge implies its lesson."""
        cleaned = clean_text(text)
        lesson_id = await self._subject(lesson_id, challenge_id)
        message = InboxMessage(
            uuid4(),
            learner.id,
            chat_id,
            kind,
            cleaned,
            InboxStatus.NEW,
            self._clock.now(),
            lesson_id=lesson_id,
            challenge_id=challenge_id,
        )
        await self._uow.inbox.add(message)
        return message

    async def listed(
        self, status: InboxStatus | None = InboxStatus.NEW, limit: int = 20
    ) -> list[InboxMessage]:
        return await self._uow.inbox.listed(status, limit)

    async def show(self, message_id: UUID) -> InboxMessage:
        message = await self._uow.inbox.get(message_id)
        if message is None:
            raise MessageNotFound(f"no message {message_id}")
        return message

    async def reply(self, message_id: UUID, text: str) -> Reply:
        """Store the answer first: it is kept even when delivering it fails later."""
        answer = clean_text(text)
        message = (await self.show(message_id)).replied(answer, self._clock.now())
        learner = await self._uow.learners.get(message.user_id)
        if learner is None:
            raise LearnerNotFound(f"no learner with id {message.user_id}")
        await self._uow.inbox.save(message)
        return Reply(message, learner.telegram_id, reply_text(message, answer))

    async def resolve(self, message_id: UUID) -> InboxMessage:
        message = (await self.show(message_id)).resolved()
        await self._uow.inbox.save(message)
        return message

    async def forget(self, learner_id: int) -> int:
        """The learner clears their own history: hidden from everyone, kept only as a flag."""
        return await self._uow.inbox.clear(learner_id)

    async def export(self, learner_id: int) -> dict[str, object]:
        """Everything stored for the learner, cleared messages included, as JSON data."""
        learner = await self._uow.learners.get(learner_id)
        if learner is None:
            raise LearnerNotFound(f"no learner with id {learner_id}")
        messages = await self._uow.inbox.of_learner(learner_id)
        return {
            "learner": {"id": learner.id, "telegram_id": learner.telegram_id},
            "messages": [message.as_json() for message in messages],
        }

    async def _subject(self, lesson_id: int | None, challenge_id: int | None) -> int | None:
        """The lesson a message is about; only published content can be asked about."""
        catalogue = self._uow.catalogue
        if challenge_id is not None:
            challenge = await catalogue.published_challenge(challenge_id)
            if challenge is None or lesson_id not in {None, challenge.lesson_id}:
                raise ContentUnavailable(f"challenge {challenge_id} is not published")
            return challenge.lesson_id
        if lesson_id is None:
            return None
        lesson = await catalogue.published_lesson(lesson_id)
        if lesson is None or await catalogue.published_module(lesson.module_id) is None:
            raise ContentUnavailable(f"lesson {lesson_id} is not published")
        return lesson_id


async def deliver(reply: Reply, notifier: Notifier) -> bool:
    """Send a stored reply; False tells the admin it did not reach the learner."""
    return await notifier.send(reply.telegram_id, reply.text)


def reply_text(message: InboxMessage, answer: str) -> str:
    quoted = message.text[:QUOTE_LENGTH] + ("…" if len(message.text) > QUOTE_LENGTH else "")
    return f"Answer to your {message.kind.value}:\n“{quoted}”\n\n{answer}"
