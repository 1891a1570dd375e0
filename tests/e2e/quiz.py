"""Answering the question on screen, right or wrong, the way a learner would."""

from bot.callbacks import SubmitCb
from fake_telegram import flat_buttons
from tests.e2e.answers import AnswerKey, choice_of, submit_of, toggle_of
from tests.e2e.player import Player

WRONG_TEXT = "surely not the answer"


async def answer(player: Player, key: AnswerKey, *, right: bool = True) -> str:
    """Answer the question on screen; returns the text of the bot's feedback."""
    datas = [button.callback_data for button in flat_buttons(player.screen)]
    picks = [choice for data in datas if (choice := choice_of(data)) is not None]
    if picks:
        await _pick(player, key, picks, right)
    elif any(toggle_of(data) for data in datas):
        await _toggle(player, key, right)
    else:
        await _type(player, key, right)
    return player.screen.plain


async def _pick(player: Player, key: AnswerKey, picks: list[tuple[int, int]], right: bool) -> None:
    challenge_id = picks[0][0]
    correct = set(await key.correct(challenge_id))
    wanted = next(option for _, option in picks if (option in correct) == right)
    data = next(
        button.callback_data
        for button in flat_buttons(player.screen)
        if choice_of(button.callback_data) == (challenge_id, wanted)
    )
    await player.press_data(data)


async def _toggle(player: Player, key: AnswerKey, right: bool) -> None:
    """Tap each wanted option (each tap redraws the keyboard), then press Check."""
    first = next(t for b in flat_buttons(player.screen) if (t := toggle_of(b.callback_data)))
    correct = set(await key.correct(first.challenge_id))
    wanted = correct if right else {min(set(range(8)) - correct)}
    for option in sorted(wanted):
        toggles = [toggle_of(b.callback_data) for b in flat_buttons(player.screen)]
        data = next(
            t.pack() for t in toggles if t is not None and t.mask ^ _mask(player) == 1 << option
        )
        await player.press_data(data)
    submit = next(
        b.callback_data for b in flat_buttons(player.screen) if submit_of(b.callback_data)
    )
    await player.press_data(submit)


def _mask(player: Player) -> int:
    return _submit(player).mask


def _submit(player: Player) -> SubmitCb:
    return next(s for b in flat_buttons(player.screen) if (s := submit_of(b.callback_data)))


async def _type(player: Player, key: AnswerKey, right: bool) -> None:
    pending = await key.pending(player.user.id)
    assert pending is not None, f"no question waits for a typed answer: {player.screen.plain}"
    accepted = await key.correct(pending)
    await player.send(str(accepted[0]) if right else WRONG_TEXT)
