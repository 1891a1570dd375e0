"""Replicas behind one webhook: round robin, concurrent delivery, retries on the next replica."""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from aiogram import Bot
from aiohttp import web

from fake_telegram import FakeTelegram
from tests.fake_api.conftest import ADA
from tests.fake_api.test_webhook import SECRET, serve

Route = Callable[[web.Request], Awaitable[web.Response]]


@asynccontextmanager
async def replica(fake: FakeTelegram, route: Route) -> AsyncIterator[str]:
    app = web.Application()
    app.router.add_post("/hook", route)
    async for base in serve(app):
        fake.add_webhook_replica(f"{base}/hook")
        yield f"{base}/hook"


def recorder(seen: list[tuple[int, str | None]], status: int = 200) -> Route:
    async def route(request: web.Request) -> web.Response:
        update = await request.json()
        seen.append((update["update_id"], request.headers.get("X-Telegram-Bot-Api-Secret-Token")))
        return web.Response(status=status)

    return route


async def test_updates_alternate_between_replicas_with_the_secret(
    fake: FakeTelegram, bot: Bot
) -> None:
    first: list[tuple[int, str | None]] = []
    second: list[tuple[int, str | None]] = []
    async with replica(fake, recorder(first)) as one, replica(fake, recorder(second)) as two:
        await bot.set_webhook(one, secret_token=SECRET)
        ids = [fake.send_text(ADA, f"hello {n}") for n in range(6)]
        for update_id in ids:
            await fake.wait_until_delivered(update_id)
    assert sorted(first + second) == [(update_id, SECRET) for update_id in ids]
    assert len(first) == len(second) == 3
    assert [url for _, url in sorted(fake.deliveries())] == [one, two] * 3


async def test_replicas_receive_updates_concurrently(fake: FakeTelegram, bot: Bot) -> None:
    """Each replica holds its request until both have one: one-at-a-time delivery would hang."""
    both_arrived = asyncio.Event()
    waiting: list[int] = []

    async def rendezvous(request: web.Request) -> web.Response:
        waiting.append((await request.json())["update_id"])
        if len(waiting) == 2:
            both_arrived.set()
        await both_arrived.wait()
        return web.Response()

    async with replica(fake, rendezvous) as one, replica(fake, rendezvous):
        await bot.set_webhook(one, secret_token=SECRET)
        ids = [fake.send_text(ADA, "tap"), fake.send_text(ADA, "tap")]
        await fake.wait_until_idle()
    assert sorted(waiting) == ids


async def test_a_failing_replica_is_skipped_on_retry(fake: FakeTelegram, bot: Bot) -> None:
    failing: list[tuple[int, str | None]] = []
    healthy: list[tuple[int, str | None]] = []
    async with replica(fake, recorder(failing, 503)) as down, replica(fake, recorder(healthy)):
        await bot.set_webhook(down, secret_token=SECRET)
        ids = [fake.send_text(ADA, f"n{n}") for n in range(4)]
        await fake.wait_until_idle()
        info = await bot.get_webhook_info()
    assert sorted(update_id for update_id, _ in healthy) == ids
    assert info.last_error_message == "Wrong response from the webhook: 503 Service Unavailable"


async def test_a_replay_is_waited_for_with_its_original(fake: FakeTelegram, bot: Bot) -> None:
    seen: list[tuple[int, str | None]] = []
    async with replica(fake, recorder(seen)) as one, replica(fake, recorder(seen)):
        await bot.set_webhook(one, secret_token=SECRET)
        update_id = fake.send_text(ADA, "twice")
        fake.replay(update_id)
        await fake.wait_until_delivered(update_id)
        assert seen == [(update_id, SECRET)] * 2


async def test_a_request_held_by_a_replica_counts_as_posting(fake: FakeTelegram, bot: Bot) -> None:
    release = asyncio.Event()

    async def hold(request: web.Request) -> web.Response:
        await release.wait()
        return web.Response()

    async with replica(fake, hold) as one:
        await bot.set_webhook(one, secret_token=SECRET)
        update_id = fake.send_text(ADA, "hold on")
        await fake.wait_until_posting(one)
        release.set()
        await fake.wait_until_delivered(update_id)
    assert fake.state.posting[one] == 0


async def test_no_more_requests_than_max_connections_per_replica(
    fake: FakeTelegram, bot: Bot
) -> None:
    release = asyncio.Event()
    held: list[int] = []

    async def hold(request: web.Request) -> web.Response:
        held.append((await request.json())["update_id"])
        await release.wait()
        return web.Response()

    async with replica(fake, hold) as one, replica(fake, hold) as two:
        await bot.set_webhook(one, secret_token=SECRET, max_connections=1)
        ids = [fake.send_text(ADA, f"n{n}") for n in range(4)]
        await fake.wait_until_posting(one)
        await fake.wait_until_posting(two)
        taken = [item.delivered for item in fake.state.queue.pending]
        release.set()
        await fake.wait_until_idle()
    assert taken == [True, True, False, False]
    assert sorted(held) == ids
