"""The HTTP face of the fake: `/bot{token}/{method}` routes answering in Telegram's JSON shapes."""

import re
from typing import Any

from aiohttp import web

from fake_telegram.calls import RecordedCall
from fake_telegram.errors import ApiError, not_found, unauthorized
from fake_telegram.methods import canonical_name, handler_for
from fake_telegram.params import Params, read_params
from fake_telegram.state import Call, FakeState

_TOKEN = re.compile(r"^\d+:[A-Za-z0-9_-]+$")
STATE_KEY = web.AppKey("state", FakeState)


async def execute(state: FakeState, token: str, method: str, raw: dict[str, Any]) -> RecordedCall:
    """Run one method and log it; shared by HTTP requests and methods in webhook replies."""
    method = canonical_name(method)
    call = Call(state, Params(raw), token, state.bot(token))
    outcome: Any
    try:
        state.throttle.check(method)
        outcome = await handler_for(method)(call)
    except ApiError as error:
        outcome = error
    recorded = state.log.record(method, raw, outcome, call.message)
    state.changes.pulse()
    return recorded


def _respond(call: RecordedCall) -> web.Response:
    if call.error is not None:
        return _error(call.error)
    return web.json_response({"ok": True, "result": call.result})


def _error(error: ApiError) -> web.Response:
    return web.json_response(error.to_json(), status=error.code)


async def _method_route(request: web.Request) -> web.Response:
    """Requests other than long polls count as in flight until their call is logged."""
    state = request.app[STATE_KEY]
    token, method = request.match_info["token"], request.match_info["method"]
    if not _TOKEN.match(token):
        return _error(unauthorized())
    tracked = canonical_name(method) != "getUpdates"
    state.in_flight += tracked
    try:
        return _respond(await execute(state, token, method, await read_params(request)))
    except ApiError as error:
        return _error(error)
    finally:
        state.in_flight -= tracked
        state.changes.pulse()


async def _unknown_route(request: web.Request) -> web.Response:
    return _error(not_found())


def build_app(state: FakeState) -> web.Application:
    app = web.Application()
    app[STATE_KEY] = state
    app.router.add_route("*", "/bot{token}/{method}", _method_route)
    app.router.add_route("*", "/{tail:.*}", _unknown_route)
    return app
