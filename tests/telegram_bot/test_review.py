"""Review as a learner meets it: the menu's button when cards are due, /review asking them
one at a time on the challenge screens, in English and in Russian."""

import pytest

from bot.callbacks import (
    FinishCb,
    Nav,
    PickCb,
    ReviewPickCb,
    ReviewSubmitCb,
    ReviewToggleCb,
    Screen,
    SubmitCb,
)
from bot.config import BotConfig
from domain.review import ReviewRules
from tests.telegram_bot.chat import Chat
from tests.unit.course import PICK_MANY, PICK_ONE, VARIABLES
from tests.unit.fakes import FakeScheduler

WORDS = {
    "en": {
        "button": "🧠 Review (1 due)",
        "head": "🧠 Review: 1 card due",
        "nothing": "Nothing to review right now",
        "right": "✅ Correct!",
        "later": "comes back in 1 day",
        "goal": "Daily goal met!",
    },
    "ru": {
        "button": "🧠 Повторить (1)",
        "head": "🧠 Повторение: 1 вопрос",
        "nothing": "Сейчас повторять нечего",
        "right": "✅ Верно!",
        "later": "вернётся через 1 день",
        "goal": "Дневная цель выполнена!",
    },
}


def reviewing(language: str, points: int = 1) -> Chat:
    config = BotConfig(review_scheduler=FakeScheduler(), review_rules=ReviewRules(points=points))
    return Chat(language, config)


def buttons(chat: Chat) -> list[str]:
    call = next(c for c in reversed(chat.session.calls) if getattr(c, "reply_markup", None))
    markup = call.reply_markup
    return [button.text for row in markup.inline_keyboard for button in row]


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_the_menu_offers_review_only_when_cards_are_due(language: str) -> None:
    words = WORDS[language]
    chat = reviewing(language)
    await chat.say("/start")
    assert words["button"] not in buttons(chat)
    await chat.press(FinishCb(lesson_id=VARIABLES))
    await chat.press(PickCb(challenge_id=PICK_ONE, attempt=1, option=0))

    chat.clock.advance(minutes=2)
    await chat.press(Nav(screen=Screen.MENU))

    assert words["button"] in buttons(chat)
    assert buttons(chat)[0] == words["button"]


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_review_asks_the_due_card_and_counts_the_answer_once(language: str) -> None:
    words = WORDS[language]
    chat = reviewing(language)
    await chat.say("/start")
    (nothing,) = await chat.say("/review")
    await chat.press(FinishCb(lesson_id=VARIABLES))
    await chat.press(PickCb(challenge_id=PICK_ONE, attempt=1, option=0))
    chat.clock.advance(minutes=2)

    (asked,) = await chat.say("/review")
    feedback = "\n".join(await chat.press(ReviewPickCb(challenge_id=PICK_ONE, review=1, option=1)))
    again = "\n".join(await chat.press(ReviewPickCb(challenge_id=PICK_ONE, review=1, option=1)))

    assert words["nothing"] in nothing
    assert words["head"] in asked
    assert "Question 111?" in asked
    assert words["right"] in feedback
    assert words["later"] in feedback
    assert words["right"] not in again
    (log,) = chat.uow.saved.reviews.values()
    assert (log.review, log.is_correct) == (1, True)
    (card,) = chat.uow.saved.cards.values()
    assert card.reps == 2


async def test_a_multiple_choice_review_is_ticked_then_checked_and_can_meet_the_goal() -> None:
    chat = reviewing("en", points=20)
    await chat.say("/start")
    await chat.press(FinishCb(lesson_id=VARIABLES))
    await chat.press(PickCb(challenge_id=PICK_ONE, attempt=1, option=1))  # right: due in days
    await chat.press(SubmitCb(challenge_id=PICK_MANY, attempt=1, mask=0b1))
    chat.clock.advance(minutes=2)

    await chat.say("/review")
    await chat.press(ReviewToggleCb(challenge_id=PICK_MANY, review=1, mask=0b100))
    ticked = buttons(chat)
    checked = "\n".join(
        await chat.press(ReviewSubmitCb(challenge_id=PICK_MANY, review=1, mask=0b101))
    )

    assert sum(label.startswith("☑") for label in ticked) == 1
    assert WORDS["en"]["right"] in checked
    assert WORDS["en"]["goal"] in checked
