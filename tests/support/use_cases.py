"""Services run as the driving adapters run them, for tests that call a service directly.

A service never commits: the unit-of-work middleware, a scheduler job or a CLI command
commits once the whole use case has returned, and rolls back when it raised. ``committed``
does the same around each call, so a test can still assert on what was committed.
"""

import inspect
from collections.abc import Callable
from typing import Any, TypeVar, cast

S = TypeVar("S")


class _Committed:
    def __init__(self, service: Any) -> None:
        self._service = service

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._service, name)
        if not inspect.iscoroutinefunction(attribute):
            return attribute
        return self._run(attribute)

    def _run(self, call: Callable[..., Any]) -> Callable[..., Any]:
        uow = self._service._uow

        async def run(*args: Any, **kwargs: Any) -> Any:
            try:
                result = await call(*args, **kwargs)
            except BaseException:
                await uow.rollback()
                raise
            await uow.commit()
            return result

        return run


def committed(service: S) -> S:
    """``service`` whose every call is one use case: committed on return, else rolled back."""
    return cast(S, _Committed(service))
