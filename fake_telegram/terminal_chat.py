"""The offline chat loop: a learner at a terminal talking to a bot through the fake.

Input and output are injected (an async line reader returning None at end of input, and a
line writer), so the loop runs the same under `learnbot chat` and under a test.
"""

import asyncio
import contextlib
import os
import sys
from collections.abc import Awaitable, Callable

from fake_telegram.buttons import flat_buttons
from fake_telegram.fake import FakeTelegram
from fake_telegram.terminal import (
    NoSuchButton,
    Press,
    Quit,
    Send,
    choices,
    last_with_buttons,
    parse_line,
    render_call,
)
from fake_telegram.users import User

ReadLine = Callable[[str], Awaitable[str | None]]
WriteLine = Callable[[str], None]


class TerminalLines:
    """A `read_line` for a real terminal, read by the event loop itself: no thread sits in
    input(), which kept Ctrl-C waiting for Enter. None at end of input (Ctrl-D)."""

    def __init__(self, fd: int = 0, write: Callable[[str], object] | None = None) -> None:
        self._fd = fd
        self._write = write or _prompt_to_stdout
        self._buffer = b""
        self._ended = False
        self._pollable = True

    async def __call__(self, prompt: str) -> str | None:
        self._write(prompt)
        while b"\n" not in self._buffer and not self._ended:
            chunk = await self._chunk()
            self._ended = not chunk
            self._buffer += chunk
        if not self._buffer:
            return None
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line.decode(errors="replace")

    async def _chunk(self) -> bytes:
        """What the terminal or pipe has, once it has some. Files the loop cannot watch
        (``< script``, ``< /dev/null``) never keep a reader waiting: they are just read."""
        if self._pollable:
            try:
                await self._readable()
            except PermissionError:
                self._pollable = False
        return os.read(self._fd, 65536)

    async def _readable(self) -> None:
        loop = asyncio.get_running_loop()
        readable: asyncio.Future[None] = loop.create_future()

        def ready() -> None:
            if not readable.done():
                readable.set_result(None)

        loop.add_reader(self._fd, ready)
        try:
            await readable
        finally:
            loop.remove_reader(self._fd)


def _prompt_to_stdout(prompt: str) -> None:
    sys.stdout.write(prompt)
    sys.stdout.flush()


class _Screen:
    """Prints each visible call once, in the order the bot made them, as soon as it is made."""

    def __init__(self, fake: FakeTelegram, write: WriteLine, color: bool) -> None:
        self.fake, self.write, self.color = fake, write, color
        self.position = fake.mark()

    def flush(self) -> None:
        calls = self.fake.calls()
        for call in calls[self.position :]:
            if (text := render_call(call, color=self.color)) is not None:
                self.write(text)
        self.position = len(calls)

    async def follow(self) -> None:
        while True:
            await self.fake.wait_for_new_calls(self.position)
            self.flush()


async def _settle(fake: FakeTelegram, since: int, patience: float, pressed: bool) -> None:
    """Until the bot has visibly answered and gone quiet, so the prompt comes after its reply;
    a press also until its callback is answered, which the bot does once it has handled it
    (a poll it sent is then on record, ready for the vote)."""
    with contextlib.suppress(TimeoutError):
        await fake.wait_for_call(
            None, lambda c: render_call(c) is not None, timeout=patience, since=since
        )
        if pressed:
            await fake.wait_for_call("answerCallbackQuery", timeout=patience, since=since)
        await fake.wait_until_idle(timeout=patience)


def _act(
    fake: FakeTelegram, user: User, action: Press | Send | NoSuchButton, write: WriteLine
) -> bool:
    """Whether something reached the bot, so the loop waits for its answer."""
    if isinstance(action, Send):
        fake.send_text(user, action.text)
        return True
    if isinstance(action, NoSuchButton):
        write(action.note())
        return False
    target = last_with_buttons(fake.messages(user.id))
    if target is not None and target.poll is not None:
        return _vote(fake, user, target.message_id, action.number - 1, write)
    button = flat_buttons(target)[action.number - 1]
    if target is None or button.callback_data is None:
        write(f"({button.text} opens a link; nothing is sent to the bot)")
        return False
    fake.press(user, target.message_id, button.callback_data)
    return True


def _vote(fake: FakeTelegram, user: User, message_id: int, option: int, write: WriteLine) -> bool:
    try:
        fake.vote(user, message_id, [option])
    except ValueError as refused:
        write(f"({refused}; nothing is sent to the bot)")
        return False
    return True


async def run_terminal_chat(
    fake: FakeTelegram,
    user: User,
    read_line: ReadLine,
    write_line: WriteLine,
    *,
    color: bool = True,
    reply_timeout: float = 5.0,
    prompt: str = "> ",
) -> None:
    """Reads lines until end of input or "/quit": numbers press buttons, the rest is sent."""
    screen = _Screen(fake, write_line, color)
    follower = asyncio.create_task(screen.follow(), name="terminal-chat-screen")
    try:
        while (line := await read_line(prompt)) is not None:
            screen.flush()
            buttons = choices(last_with_buttons(fake.messages(user.id)))
            action = parse_line(line, buttons)
            if isinstance(action, Quit):
                break
            since = fake.mark()
            if action is not None and _act(fake, user, action, write_line):
                await _settle(fake, since, reply_timeout, isinstance(action, Press))
    finally:
        follower.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await follower
        screen.flush()
