"""sendPoll and stopPoll: a poll is a message of the chat, with its live state beside it."""

from typing import Any

from fake_telegram.content import read_inline_markup
from fake_telegram.errors import bad_request
from fake_telegram.messages import StoredMessage
from fake_telegram.methods_messages import chat_id_of, message_of, reply_with
from fake_telegram.polls import read_poll
from fake_telegram.state import Call


async def send_poll(call: Call) -> Any:
    chat_id = chat_id_of(call)
    poll = read_poll(call.params)
    call.state.polls[poll.poll_id] = poll
    message = StoredMessage(
        chat_id,
        call.state.chats.next_id(chat_id),
        poll.question,
        poll.question,
        reply_markup=read_inline_markup(call.params),
        poll=poll.to_json(),
    )
    return reply_with(call, message)


async def stop_poll(call: Call) -> Any:
    """Closes the poll for good; answers with the final Poll object."""
    message = message_of(call, "message with poll to stop not found")
    if message.poll is None:
        raise bad_request("message with poll to stop not found")
    poll = call.state.polls[message.poll["id"]]
    if poll.stopped:
        raise bad_request("poll has already been closed")
    poll.stopped = True
    call.state.chats.put(message.edited(poll=poll.to_json()))
    call.message = call.state.chats.get(message.chat_id, message.message_id)
    return poll.to_json()
