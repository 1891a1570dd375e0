"""Building Bot API objects, which leave out a field rather than send it as null."""

from typing import Any


def present(**fields: Any) -> dict[str, Any]:
    """The fields that have a value; Telegram omits the others."""
    return {key: value for key, value in fields.items() if value is not None}
