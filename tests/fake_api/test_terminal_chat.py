"""The offline chat loop against the echo bot: typed text, numbered presses, /quit."""

import os
from collections.abc import Sequence
from pathlib import Path

from fake_telegram import FakeTelegram
from fake_telegram.terminal_chat import ReadLine, TerminalLines, run_terminal_chat
from tests.fake_api.conftest import ADA


def scripted(fake: FakeTelegram, steps: Sequence[tuple[str, str | None]]) -> ReadLine:
    """Hands out each line once the bot has made the call the previous line should cause."""
    lines = iter(steps)

    async def read_line(prompt: str) -> str | None:
        step = next(lines, None)
        if step is None:
            return None
        line, awaited = step
        if awaited is not None:
            await fake.wait_for_call(awaited)
        return line

    return read_line


async def test_a_learner_chats_presses_and_quits(polling: FakeTelegram) -> None:
    screen: list[str] = []
    steps = [
        ("/menu", None),
        ("2", "sendMessage"),
        ("3", "answerCallbackQuery"),
        ("hello", None),
        ("/quit", "sendMessage"),
        ("never read", None),
    ]
    await run_terminal_chat(polling, ADA, scripted(polling, steps), screen.append, color=False)
    assert screen == [
        "Pick a fruit\n[1] Apples  [2] Pears\n[3] Docs (https://example.org/docs)",
        "(edited) You picked pears\n[1] Apples  [2] Pears\n[3] Docs (https://example.org/docs)",
        "» pears!",
        "(Docs opens a link; nothing is sent to the bot)",
        "echo hello",
    ]


async def test_a_button_that_is_not_there_is_named_not_sent(polling: FakeTelegram) -> None:
    screen: list[str] = []
    steps = [("/menu", None), ("99", "sendMessage"), ("/ping", None)]
    await run_terminal_chat(polling, ADA, scripted(polling, steps), screen.append, color=False)
    assert screen[1:] == [
        "(There is no button 99: type 1 to 3 to press one, or \\99 to send 99 as text)",
        "pong",
    ]
    typed = [message.text for message in polling.messages(ADA.id) if not message.from_bot]
    assert typed == ["/menu", "/ping"]


async def test_end_of_input_ends_the_chat(polling: FakeTelegram) -> None:
    screen: list[str] = []
    steps = [("/ping", None)]
    await run_terminal_chat(polling, ADA, scripted(polling, steps), screen.append, color=False)
    assert screen == ["pong"]


async def test_terminal_lines_come_from_a_pipe_as_they_are_typed() -> None:
    """Read on the loop, not by input() in a thread, so nothing blocks Ctrl-C."""
    reading, typing = os.pipe()
    prompts: list[str] = []
    lines = TerminalLines(reading, prompts.append)
    try:
        os.write(typing, b"/start\nh\xc3")
        assert await lines("> ") == "/start"
        os.write(typing, b"\xa9llo\nlast")
        assert await lines("> ") == "héllo"
        os.close(typing)
        assert await lines("> ") == "last"
        assert await lines("> ") is None
    finally:
        os.close(reading)
    assert prompts == ["> "] * 4


async def test_terminal_lines_read_files_the_loop_cannot_watch(tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    script.write_text("/start\n2\n")
    for path, expected in ((script, ["/start", "2", None]), (Path(os.devnull), [None])):
        descriptor = os.open(path, os.O_RDONLY)
        try:
            lines = TerminalLines(descriptor, lambda prompt: None)
            assert [await lines("") for _ in expected] == expected
        finally:
            os.close(descriptor)
