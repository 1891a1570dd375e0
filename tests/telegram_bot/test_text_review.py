"""A text card in /review as a learner meets it: the prompt, then their next typed message
is the answer, counted once however often Telegram delivers it; the text question put up
last takes the message, lesson or review. In English and in Russian."""

import itertools

import pytest

from bot.callbacks import ChallengeCb, FinishCb, PickCb, SubmitCb
from bot.config import BotConfig
from domain.learners import Learner
from domain.review import ReviewRules
from tests.telegram_bot.chat import Chat
from tests.unit.course import PICK_MANY, PICK_ONE, TYPE_IT, VARIABLES
from tests.unit.fakes import FakeScheduler

WORDS = {
    "en": {
        "type": "Type your answer",
        "right": "✅ Correct!",
        "later": "comes back in 1 day",
        "hint": "Use the buttons",
        "stale": "This question has moved on",
    },
    "ru": {
        "type": "Напишите ответ",
        "right": "✅ Верно!",
        "later": "вернётся через 1 день",
        "hint": "Пользуйтесь кнопками",
        "stale": "Этот вопрос уже неактуален",
    },
}


async def text_card_due(language: str) -> Chat:
    """The choice challenges answered right (due in a day), the text one wrong two minutes
    ago: its card is the one due."""
    config = BotConfig(review_scheduler=FakeScheduler(), review_rules=ReviewRules(points=1))
    chat = Chat(language, config)
    await chat.say("/start")
    await chat.press(FinishCb(lesson_id=VARIABLES))
    await chat.press(PickCb(challenge_id=PICK_ONE, attempt=1, option=1))
    await chat.press(SubmitCb(challenge_id=PICK_MANY, attempt=1, mask=0b101))
    await chat.press(ChallengeCb(lesson_id=VARIABLES, challenge_id=TYPE_IT))
    await chat.say("echo")
    chat.clock.advance(minutes=2)
    return chat


async def say_twice(chat: Chat, text: str) -> tuple[str, str]:
    """One message delivered twice by Telegram: the same update id."""
    update_id = 10_000 + next(_ids)
    said = []
    for _ in range(2):
        message = {"message_id": update_id, "date": 0, "from": chat.user, "text": text}
        update = {"update_id": update_id, "message": message | {"chat": chat._chat()}}
        chat.session.calls.clear()
        await chat.dispatcher.feed_raw_update(chat.bot, update)
        said.append("\n".join(getattr(call, "text", "") or "" for call in chat.session.calls))
    return said[0], said[1]


_ids = itertools.count()


def ada(chat: Chat) -> Learner:
    (learner,) = chat.uow.saved.learners.values()
    return learner


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_a_typed_review_answer_counts_once(language: str) -> None:
    """The lesson's text challenge was waiting too; the review card went up later."""
    words = WORDS[language]
    chat = await text_card_due(language)

    (asked,) = await chat.say("/review")
    feedback, replay = await say_twice(chat, " PRINT ")
    (after,) = await chat.say("print")

    assert "Question 113?" in asked
    assert words["type"] in asked
    assert words["right"] in feedback
    assert words["later"] in feedback
    assert replay == ""
    assert words["hint"] in after
    (log,) = chat.uow.saved.reviews.values()
    assert (log.challenge_id, log.review, log.is_correct) == (TYPE_IT, 1, True)
    assert chat.uow.saved.cards[ada(chat).id, TYPE_IT].reps == 2
    assert chat.uow.saved.review_waits == {}
    assert ada(chat).pending_challenge_id is None
    lesson = [a for a in chat.uow.saved.answers.values() if a.challenge_id == TYPE_IT]
    assert [a.is_correct for a in lesson] == [False]


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_the_lesson_screen_put_up_after_the_review_takes_the_message(
    language: str,
) -> None:
    chat = await text_card_due(language)
    await chat.say("/review")
    assert ada(chat).pending_challenge_id is None

    await chat.press(ChallengeCb(lesson_id=VARIABLES, challenge_id=TYPE_IT))
    (feedback,) = await chat.say("print")

    assert feedback.startswith("✅")
    assert WORDS[language]["later"] not in feedback
    assert chat.uow.saved.reviews == {}
    assert chat.uow.saved.review_waits == {}
    lesson = [a for a in chat.uow.saved.answers.values() if a.challenge_id == TYPE_IT]
    assert [a.is_correct for a in lesson] == [False, True]


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_a_wait_whose_card_moved_on_gets_the_stale_reply(language: str) -> None:
    chat = await text_card_due(language)
    await chat.say("/review")
    chat.clock.advance(minutes=-2)

    (stale,) = await chat.say("print")

    assert WORDS[language]["stale"] in stale
    assert chat.uow.saved.reviews == {}
    assert chat.uow.saved.cards[ada(chat).id, TYPE_IT].reps == 1
