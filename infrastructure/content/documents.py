"""Reading one file of a pack into a model, turning every mistake into a problem."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from infrastructure.content.limits import read_text
from infrastructure.content.problems import Problem, field_path
from infrastructure.content.schema import Listed
from infrastructure.content.yaml_source import YamlDocument, parse_yaml

Model = TypeVar("Model", bound=BaseModel)
Entry = TypeVar("Entry", bound=Listed)


class Ordered(Protocol):
    @property
    def slug(self) -> str: ...

    @property
    def order(self) -> int: ...

    @property
    def published(self) -> bool: ...


_MESSAGES = {"missing": "required key is missing", "extra_forbidden": "unknown key"}


@dataclass(frozen=True, slots=True)
class Item(Generic[Entry]):
    """One entry of a list, read as far as it can be: ``broken`` names the keys reported as
    wrong (their defaults stand in), and ``model`` is None when a required key is wrong.
    Checks that need none of the broken keys still run, so a file's problems come at once."""

    place: "Place"
    model: Entry | None
    broken: frozenset[str]

    @property
    def valid(self) -> Entry | None:
        """The entry when nothing in it is wrong."""
        return None if self.broken else self.model

    def readable(self, *keys: str) -> Entry | None:
        """The entry when none of ``keys`` is wrong, for a check that reads only those."""
        return None if self.broken.intersection(keys) else self.model


class Documents:
    """Collects the problems of every file it reads for one pack."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def name(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def report(self, file: str, line: int | None, field: str, message: str) -> None:
        self.problems.append(Problem(file, line, field, message))

    def at(self, document: YamlDocument, location: Sequence[str | int], message: str) -> None:
        """A problem at ``location`` in a YAML document, such as a challenge's answer."""
        self.problems.append(document.problem(location, field_path(location), message))

    def items(self, document: YamlDocument, key: str, model: type[Entry]) -> Iterator[Item[Entry]]:
        """Each mapping in the list under ``key``, validated on its own; repeated slugs are
        reported. An entry that is not a mapping was reported with the enclosing model."""
        seen: set[str] = set()
        for index, data in enumerate(entries(document, key)):
            if not isinstance(data, dict):
                continue
            place = Place(self, document, key, index)
            item = Item(place, *self._salvage(document, (key, index), data, model))
            entry = item.readable("slug")
            if entry is not None:
                if entry.slug in seen:
                    place.report("slug", f"duplicate slug {entry.slug!r} in {key}")
                seen.add(entry.slug)
            yield item

    def _salvage(
        self,
        document: YamlDocument,
        prefix: tuple[str, int],
        data: dict[str, Any],
        model: type[Entry],
    ) -> tuple[Entry | None, frozenset[str]]:
        """Every mistake is reported, then the entry is read again without its wrong keys."""
        try:
            return model.model_validate(data), frozenset()
        except ValidationError as error:
            details = error.errors()
        for detail in details:
            self._pydantic(document, (*prefix, *detail["loc"]), detail["type"], detail["msg"])
        broken = frozenset(str(detail["loc"][0]) for detail in details if detail["loc"])
        try:
            return model.model_validate({k: v for k, v in data.items() if k not in broken}), broken
        except ValidationError:
            return None, broken

    def yaml(self, path: Path, text: str | None = None, first_line: int = 1) -> YamlDocument | None:
        if text is None:
            text = self.read(path)
        if text is None:
            return None
        parsed = parse_yaml(text, self.name(path), first_line)
        if isinstance(parsed, Problem):
            self.problems.append(parsed)
            return None
        return parsed

    def read(self, path: Path) -> str | None:
        """The file's text, or None with the reason reported (too big, not UTF-8)."""
        try:
            return read_text(path)
        except ValueError as error:
            self.report(self.name(path), None, "(file)", str(error))
            return None

    def model(self, document: YamlDocument, model: type[Model]) -> Model | None:
        if not isinstance(document.data, dict):
            self.report(document.file, document.first_line, "(document)", "expected a mapping")
            return None
        try:
            return model.model_validate(document.data)
        except ValidationError as error:
            for detail in error.errors():
                self._pydantic(document, detail["loc"], detail["type"], detail["msg"])
            return None

    def _pydantic(
        self, document: YamlDocument, location: Sequence[str | int], kind: str, message: str
    ) -> None:
        self.at(document, location, _MESSAGES.get(kind, message.lower()))

    def unique(self, items: Sequence[tuple[Ordered | None, Path]], what: str) -> None:
        """Slugs are identities and orders decide what learners see first: neither may
        repeat, except that unpublished content may share an order (export writes it so)."""
        for key in ("slug", "order"):
            seen: dict[object, Path] = {}
            for item, path in items:
                if item is None or (key == "order" and not item.published):
                    continue
                value = getattr(item, key)
                if value in seen:
                    self.report(
                        self.name(path),
                        _key_line(path, key),
                        key,
                        f"duplicate {what} {key} {value!r} (also in {self.name(seen[value])})",
                    )
                seen.setdefault(value, path)


def _key_line(path: Path, key: str) -> int | None:
    """The line of a top-level ``key:`` in a YAML or front-matter file."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return None


class Place:
    """One item of a list in a YAML document (``challenges[2]``), to report problems at."""

    def __init__(self, documents: Documents, document: YamlDocument, *prefix: str | int) -> None:
        self._documents = documents
        self._document = document
        self._prefix = prefix

    def report(self, key: str, message: str) -> None:
        self._documents.at(self._document, (*self._prefix, key), message)


def entries(document: YamlDocument, key: str) -> list[object]:
    """The list under a top-level ``key`` as written (empty when absent or not a list)."""
    value = document.data.get(key) if isinstance(document.data, dict) else None
    return value if isinstance(value, list) else []
