"""The bot's own settings and housekeeping: getMe, commands, callback answers, close."""

import json
import re
from typing import Any

from fake_telegram.errors import QUERY_TOO_OLD, bad_request
from fake_telegram.state import Call

_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")


async def get_me(call: Call) -> Any:
    return call.bot.get_me()


async def answer_callback_query(call: Call) -> Any:
    """Each query can be answered once; after that Telegram calls it too old."""
    query_id = call.params.text("callback_query_id") or ""
    if query_id not in call.state.open_queries:
        raise bad_request(QUERY_TOO_OLD)
    call.state.open_queries.discard(query_id)
    return True


def _commands_key(call: Call) -> tuple[str, str]:
    scope = call.params.obj("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), call.params.text("language_code") or ""


def _check_command(command: dict[str, Any]) -> None:
    if not _COMMAND.match(str(command.get("command", ""))):
        raise bad_request("BOT_COMMAND_INVALID")
    if not 1 <= len(str(command.get("description", ""))) <= 256:
        raise bad_request("command description must be non-empty")


async def set_my_commands(call: Call) -> Any:
    commands = call.params.obj("commands")
    if not isinstance(commands, list):
        raise bad_request("commands must be an array")
    for command in commands:
        _check_command(command)
    call.state.commands[_commands_key(call)] = commands
    return True


async def get_my_commands(call: Call) -> Any:
    return call.state.commands.get(_commands_key(call), [])


async def delete_my_commands(call: Call) -> Any:
    call.state.commands.pop(_commands_key(call), None)
    return True


async def accept(call: Call) -> Any:
    """Unknown methods, close and logOut: recorded, and answered like a harmless success."""
    return True
