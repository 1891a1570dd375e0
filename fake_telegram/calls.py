"""The log of every Bot API call the bot made, and the faults a test asked the fake to inject."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fake_telegram.errors import ApiError, too_many_requests
from fake_telegram.messages import StoredMessage


@dataclass(frozen=True)
class RecordedCall:
    """One request and its outcome. `message` is the chat message it produced or changed."""

    index: int
    method: str
    params: dict[str, Any]
    ok: bool
    result: Any = None
    error: ApiError | None = None
    message: StoredMessage | None = None

    @property
    def description(self) -> str | None:
        return None if self.error is None else self.error.description


CallCheck = Callable[[RecordedCall], bool]


@dataclass
class CallLog:
    calls: list[RecordedCall] = field(default_factory=list)

    def record(
        self, method: str, params: dict[str, Any], outcome: Any, message: StoredMessage | None
    ) -> RecordedCall:
        error = outcome if isinstance(outcome, ApiError) else None
        result = None if error else outcome
        call = RecordedCall(len(self.calls), method, params, error is None, result, error, message)
        self.calls.append(call)
        return call

    def find(self, method: str | None, check: CallCheck | None, since: int) -> RecordedCall | None:
        for call in self.calls[since:]:
            if (method is None or call.method == method) and (check is None or check(call)):
                return call
        return None

    def of(self, method: str) -> list[RecordedCall]:
        return [call for call in self.calls if call.method == method]


@dataclass
class Throttle:
    """Answers the next `remaining` matching calls with 429 Too Many Requests.

    getUpdates is spared unless named, so a test can throttle the bot without starving polling.
    """

    remaining: int = 0
    retry_after: int = 1
    methods: frozenset[str] = frozenset()

    def arm(self, calls: int, retry_after: int, methods: frozenset[str]) -> None:
        self.remaining, self.retry_after, self.methods = calls, retry_after, methods

    def check(self, method: str) -> None:
        if self.remaining <= 0 or not self._applies(method):
            return
        self.remaining -= 1
        raise too_many_requests(self.retry_after)

    def _applies(self, method: str) -> bool:
        if self.methods:
            return method in self.methods
        return method != "getUpdates"
