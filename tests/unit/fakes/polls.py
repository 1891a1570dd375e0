from domain.polls import SentPoll

from .tables import Tables


class FakePollStore:
    def __init__(self, tables: Tables) -> None:
        self._tables = tables

    async def add(self, poll: SentPoll) -> None:
        if poll.poll_id in self._tables.polls:
            raise AssertionError(f"poll {poll.poll_id} is already stored: ids are unique")
        self._tables.polls[poll.poll_id] = poll

    async def get(self, poll_id: str) -> SentPoll | None:
        return self._tables.polls.get(poll_id)
