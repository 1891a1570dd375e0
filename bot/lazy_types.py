"""aiogram's Bot API types built on first use instead of all at import.

aiogram declares every type with pydantic's ``defer_build`` and then, at the end of
``aiogram.types``, calls ``model_rebuild`` on all ~440 of them to resolve their forward
references. That loop is most of the bot's memory and start-up: 160 MB and 2.3 s of the
process (``python -X importtime``; docs/performance.md). The bot validates a handful of
them (``Update`` and what it holds, the replies of the methods it calls).

``defer_model_builds`` must run before ``aiogram`` is first imported (``bot/__init__``
calls it). It turns that loop's calls into "remember the namespace" and hands the
namespace to the lazy build pydantic runs when a type is first validated, so every type
still resolves the same forward references, only later and only when used. Models
outside aiogram are untouched. ``build_models`` builds chosen types ahead (at start-up),
so the first learner does not wait for them.
"""

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

_AIOGRAM = "aiogram."
_namespace: dict[str, Any] = {}
_eager_rebuild = BaseModel.model_rebuild.__func__  # type: ignore[attr-defined]


def _model_rebuild(
    cls: type[BaseModel],
    *,
    force: bool = False,
    raise_errors: bool = True,
    _parent_namespace_depth: int = 2,
    _types_namespace: dict[str, Any] | None = None,
) -> bool | None:
    if cls.__module__.startswith(_AIOGRAM):
        if _types_namespace is not None and not force:
            _namespace.update(_types_namespace)
            return None
        if _types_namespace is None and _namespace:
            _types_namespace = _namespace
    result: bool | None = _eager_rebuild(
        cls,
        force=force,
        raise_errors=raise_errors,
        _parent_namespace_depth=_parent_namespace_depth + 1,
        _types_namespace=_types_namespace,
    )
    return result


def defer_model_builds() -> None:
    """Make aiogram's import-time ``model_rebuild`` loop lazy; a no-op once aiogram is in."""
    if BaseModel.model_rebuild.__func__ is _model_rebuild:  # type: ignore[attr-defined]
        return
    BaseModel.model_rebuild = classmethod(_model_rebuild)  # type: ignore[assignment,method-assign]


def is_deferred(model: type[BaseModel]) -> bool:
    """True while ``model`` has not been built (its validator is still pydantic's stand-in)."""
    return not model.__pydantic_complete__


def build_models(models: Iterable[type[BaseModel]]) -> None:
    """Build ``models`` now (each once), raising if one cannot resolve its references."""
    for model in models:
        if is_deferred(model):
            model.model_rebuild(raise_errors=True)
