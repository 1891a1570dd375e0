"""A forged answer button through the real dispatcher: refused politely, nothing counted."""

from bot.callbacks import ChallengeCb, FinishCb, PickCb, SubmitCb
from tests.telegram_bot.chat import Chat
from tests.unit.course import LOOP_QUIZ, PICK_MANY, TYPE_IT, VARIABLES

MOVED_ON = "This question has moved on. Open it again to answer."


async def test_an_answer_in_a_lesson_never_opened_starts_nothing() -> None:
    chat = Chat("en")

    said = await chat.press(PickCb(challenge_id=LOOP_QUIZ, attempt=1, option=1))

    assert said == [MOVED_ON]
    assert not chat.uow.saved.progress
    assert not chat.uow.saved.answers
    assert not chat.uow.saved.activities


async def test_an_answer_to_a_question_never_shown_counts_nothing() -> None:
    chat = Chat("en")
    await chat.press(FinishCb(lesson_id=VARIABLES))
    before = chat.uow.saved.snapshot()

    skipped = await chat.press(SubmitCb(challenge_id=PICK_MANY, attempt=1, mask=0b101))
    peeked = await chat.press(ChallengeCb(lesson_id=VARIABLES, challenge_id=TYPE_IT))

    assert skipped == peeked == [MOVED_ON]
    assert chat.uow.saved == before
