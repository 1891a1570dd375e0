"""Answer buttons are routed ahead of every other feature, which changes nothing but the
cost: each button's payload is taken by one handler of the tree at most, whatever the
order, and a lesson answer's payload is parsed once per update."""

import inspect
from collections.abc import Iterator

import pytest
from aiogram import Router
from aiogram.dispatcher.event.handler import HandlerObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, User

from bot.callbacks import (
    ANSWER_PAYLOAD,
    BoardCb,
    ChallengeCb,
    FinishCb,
    GoalCb,
    HideCb,
    LanguageCb,
    LessonCb,
    ModuleCb,
    Nav,
    ParsedOnce,
    PickCb,
    ReminderCb,
    RetakeCb,
    ReviewPickCb,
    ReviewSubmitCb,
    ReviewToggleCb,
    Screen,
    SubmitCb,
    ToggleCb,
)
from bot.handlers import build_router, quiz, review
from domain.leaderboard import BoardKind

EVERY_BUTTON: tuple[CallbackData, ...] = (
    *(Nav(screen=screen) for screen in Screen),
    ModuleCb(module_id=1),
    LessonCb(lesson_id=1, page=2),
    FinishCb(lesson_id=1),
    RetakeCb(lesson_id=1, take=2),
    ChallengeCb(lesson_id=1, challenge_id=2),
    PickCb(challenge_id=2, attempt=1, option=0),
    ToggleCb(lesson_id=1, challenge_id=2, attempt=1, mask=3),
    SubmitCb(challenge_id=2, attempt=1, mask=3),
    ReviewPickCb(challenge_id=2, review=1, option=0),
    ReviewToggleCb(challenge_id=2, review=1, mask=3),
    ReviewSubmitCb(challenge_id=2, review=1, mask=3),
    LanguageCb(code="en"),
    *(BoardCb(kind=kind) for kind in BoardKind),
    HideCb(hidden=True),
    GoalCb(),
    GoalCb(points=20),
    ReminderCb(),
    ReminderCb(hour=8),
)


def callback_handlers(router: Router) -> Iterator[HandlerObject]:
    """In the order aiogram tries them: a router's own handlers, then its children's."""
    yield from router.callback_query.handlers
    for child in router.sub_routers:
        yield from callback_handlers(child)


def press(payload: str) -> CallbackQuery:
    learner = User(id=7, is_bot=False, first_name="Ada")
    return CallbackQuery(id="1", from_user=learner, chat_instance="7", data=payload)


def test_the_answer_buttons_are_tried_before_any_other_feature() -> None:
    tried = [handler.callback for handler in callback_handlers(build_router())]

    assert tried[:7] == [
        quiz.pick,
        quiz.submit,
        quiz.toggle,
        quiz.challenge,
        review.pick,
        review.submit,
        review.toggle,
    ]


@pytest.mark.parametrize("button", EVERY_BUTTON, ids=lambda button: button.pack())
async def test_a_button_is_taken_by_one_handler_so_the_order_decides_nothing(
    button: CallbackData,
) -> None:
    query = press(button.pack())
    filtered = [h for h in callback_handlers(build_router()) if h.filters]

    taken = [handler for handler in filtered if (await handler.check(query))[0]]

    assert len(taken) == 1


async def test_a_lesson_answer_takes_the_payload_the_learner_middleware_parsed() -> None:
    parsed = PickCb(challenge_id=2, attempt=1, option=0)

    assert await ParsedOnce(PickCb)(press(parsed.pack()), parsed) == {"callback_data": parsed}
    assert ANSWER_PAYLOAD in inspect.signature(ParsedOnce.__call__).parameters


@pytest.mark.parametrize(
    ("payload", "parsed"),
    [
        ("a:2:1:0", None),
        ("a:2:1:0", SubmitCb(challenge_id=2, attempt=1, mask=1)),
    ],
)
async def test_a_lesson_answer_without_a_parsed_payload_of_its_kind_is_parsed_here(
    payload: str, parsed: CallbackData | None
) -> None:
    assert await ParsedOnce(PickCb)(press(payload), parsed) == {
        "callback_data": PickCb(challenge_id=2, attempt=1, option=0)
    }


@pytest.mark.parametrize("payload", ["a:2147483648:1:0", "a:2:1", "s:2:1:1", "c:1:2"])
async def test_a_forged_or_other_payload_is_refused_as_before(payload: str) -> None:
    assert await ParsedOnce(PickCb)(press(payload)) is False
