"""The fake delivers updates to aiogram's webhook handler, with the secret, retrying failures."""

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramConflictError
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from fake_telegram import FakeTelegram
from tests.fake_api.conftest import ADA
from tests.fake_api.echo import build_dispatcher

SECRET = "s3cret-token"


async def serve(app: web.Application) -> AsyncIterator[str]:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    yield f"http://{host}:{port}"
    await runner.cleanup()


def echo_app(bot: Bot, seen: list[int], *, background: bool) -> web.Application:
    dispatcher = build_dispatcher(seen)
    app = web.Application()
    handler = SimpleRequestHandler(
        dispatcher, bot, secret_token=SECRET, handle_in_background=background
    )
    handler.register(app, path="/webhook")
    setup_application(app, dispatcher, bot=bot)
    return app


@pytest.fixture(params=[True, False], ids=["background", "reply-with-method"])
async def webhook(
    request: pytest.FixtureRequest, fake: FakeTelegram, bot: Bot, seen: list[int]
) -> AsyncIterator[FakeTelegram]:
    """aiogram's own webhook server; in the foreground it answers with a method call."""
    async for base in serve(echo_app(bot, seen, background=request.param)):
        await bot.set_webhook(f"{base}/webhook", secret_token=SECRET)
        yield fake


async def test_updates_reach_the_webhook_and_replies_are_recorded(
    webhook: FakeTelegram, seen: list[int]
) -> None:
    update_id = webhook.send_text(ADA, "hi there")
    reply = await webhook.wait_for_call("sendMessage")
    assert reply.message is not None
    assert reply.message.plain == "echo hi there"
    await webhook.wait_until_idle()
    assert seen == [update_id]


async def test_a_returned_method_is_executed(webhook: FakeTelegram) -> None:
    webhook.send_text(ADA, "/ping")
    reply = await webhook.wait_for_call("sendMessage")
    assert (reply.ok, reply.params["text"]) == (True, "pong")


async def test_a_press_is_answered_through_the_webhook(webhook: FakeTelegram) -> None:
    webhook.send_text(ADA, "/menu")
    menu = (await webhook.wait_for_call("sendMessage")).message
    assert menu is not None
    webhook.press(ADA, menu.message_id, "pick:apples")
    assert (await webhook.wait_for_call("answerCallbackQuery")).ok


async def test_a_replayed_update_reaches_the_webhook_twice(
    webhook: FakeTelegram, seen: list[int]
) -> None:
    update_id = webhook.send_text(ADA, "again")
    await webhook.wait_for_call("sendMessage")
    webhook.replay(update_id)
    await webhook.wait_for_call("sendMessage")
    assert seen == [update_id, update_id]


async def test_polling_is_refused_while_a_webhook_is_set(webhook: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(TelegramConflictError, match="webhook is active"):
        await bot.get_updates()
    info = await bot.get_webhook_info()
    assert info.url.endswith("/webhook")
    assert info.pending_update_count == 0


async def test_failed_deliveries_are_retried_and_reported(fake: FakeTelegram, bot: Bot) -> None:
    received: list[tuple[int, str | None]] = []

    async def flaky(request: web.Request) -> web.Response:
        update = await request.json()
        received.append(
            (update["update_id"], request.headers.get("X-Telegram-Bot-Api-Secret-Token"))
        )
        return web.Response(status=500 if len(received) < 3 else 200)

    app = web.Application()
    app.router.add_post("/hook", flaky)
    async for base in serve(app):
        await bot.set_webhook(f"{base}/hook", secret_token=SECRET)
        update_id = fake.send_text(ADA, "hello?")
        await fake.wait_until_idle()
        info = await bot.get_webhook_info()
    assert received == [(update_id, SECRET)] * 3
    assert info.last_error_message == "Wrong response from the webhook: 500 Internal Server Error"
    assert info.pending_update_count == 0


async def test_deleting_the_webhook_returns_to_polling(fake: FakeTelegram, bot: Bot) -> None:
    await bot.set_webhook("http://127.0.0.1:9/never")
    fake.send_text(ADA, "queued")
    await bot.delete_webhook(drop_pending_updates=True)
    assert await bot.get_updates(timeout=0) == []
    assert (await bot.get_webhook_info()).url == ""
