"""aiogram's Bot API types built on first use instead of all at import.

aiogram declares every type with pydantic's ``defer_build`` and then, at the end of
``aiogram.types``, calls ``model_rebuild`` on all ~440 of them to resolve their forward
references. That loop is most of the bot's memory and start-up: 160 MB and 2.3 s of the
process (``python -X importtime``; docs/performance.md). The bot validates a handful of
them (``Update`` and what it holds, the replies of the methods it calls).

``defer_model_builds`` must run before ``aiogram`` is first imported (``bot/__init__``
calls it). It turns that loop's calls into "remember the namespace" and hands the
namespace to the lazy build pydantic runs when a type is first validated, so every type
still resolves the same forward references, only later and only when used. The API
methods (``SendMessage`` and ~170 others) are not declared ``defer_build``, so pydantic
builds them as their classes are created: the same hook sets ``defer_build`` on their
base, ``TelegramMethod``, as soon as ``aiogram.methods.base`` has run, and they too are
built when first called. Models outside aiogram are untouched. ``build_models`` builds
chosen types ahead, for a caller that wants them ready before the first update.
"""

import importlib.machinery
import sys
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import Any

from pydantic import BaseModel

_AIOGRAM = "aiogram."
_METHODS_BASE = "aiogram.methods.base"
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


class _DeferMethodBuilds:
    """Finds ``aiogram.methods.base`` as usual and marks its ``TelegramMethod`` deferred.

    The subclasses are created right after, in ``aiogram/methods/*.py``; pydantic merges
    their configuration from the base, so each of them is created unbuilt. (A meta path
    finder needs only ``find_spec``; ``importlib.abc`` would import 20 modules more.)
    """

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != _METHODS_BASE:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is None or not isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            return spec
        spec.loader = _DeferringLoader(spec.loader.name, spec.loader.path)
        return spec


class _DeferringLoader(importlib.machinery.SourceFileLoader):
    def exec_module(self, module: ModuleType) -> None:
        super().exec_module(module)
        module.TelegramMethod.model_config["defer_build"] = True


def defer_model_builds() -> None:
    """Make aiogram's types and methods build on first use; a no-op once aiogram is in."""
    if BaseModel.model_rebuild.__func__ is _model_rebuild:  # type: ignore[attr-defined]
        return
    BaseModel.model_rebuild = classmethod(_model_rebuild)  # type: ignore[assignment,method-assign]
    if _METHODS_BASE not in sys.modules:
        sys.meta_path.insert(0, _DeferMethodBuilds())


def is_deferred(model: type[BaseModel]) -> bool:
    """True while ``model`` has not been built (its validator is still pydantic's stand-in)."""
    return not model.__pydantic_complete__


def build_models(models: Iterable[type[BaseModel]]) -> None:
    """Build ``models`` now (each once), raising if one cannot resolve its references."""
    for model in models:
        if is_deferred(model):
            model.model_rebuild(raise_errors=True)
