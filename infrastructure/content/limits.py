"""Limits that keep a hostile or mistaken pack from exhausting memory or time.

A pack comes from an author's folder, not from a trusted build: it is read before anything
is published, so every limit here is a clear problem in the report, never a crash or a hang.
"""

from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import yaml

MAX_FILE_BYTES = 1024 * 1024
"""One file, YAML or Markdown: a lesson is read on a phone, a megabyte is far beyond that."""
MAX_FILES = 2000
"""Files in the whole pack folder, counted before any is read."""
MAX_YAML_DEPTH = 20
"""Nested mappings and lists; real packs need five (achievements, criteria)."""


def too_many_files(root: Path) -> str | None:
    """Counts the files the loader looks at (the pack's top level and its visible module
    folders, not ``.git`` or ``_drafts``), and no further than one past the limit."""
    if sum(1 for _ in islice(_pack_files(root), MAX_FILES + 1)) > MAX_FILES:
        return f"the pack has more than {MAX_FILES} files"
    return None


def _pack_files(root: Path) -> Iterator[Path]:
    for path in root.iterdir():
        if path.is_file():
            yield path
        elif path.is_dir() and visible(path):
            yield from (child for child in path.iterdir() if child.is_file())


def visible(path: Path) -> bool:
    """Folders starting with ``.`` or ``_`` are not modules: the loader skips them."""
    return not path.name.startswith((".", "_"))


def read_text(path: Path) -> str:
    """The file as UTF-8 text; raises ValueError with the reason it cannot be a pack file."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ValueError(f"the file is {size} bytes, more than the {MAX_FILE_BYTES} allowed")
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"the file is not UTF-8 text (byte {error.start})") from None


def yaml_shape(text: str, loader: Any) -> tuple[int, str] | None:
    """The 0-based line and reason when the YAML uses aliases or nests too deeply.

    Checked on the event stream, before any node is built: an alias bomb ("billion
    laughs") expands only when composed, and deep nesting only recurses when composed.
    Broken YAML is left to the full parse, which names its line.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return _line(event), "anchors and aliases (& and *) are not allowed"
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    return _line(event), f"nested deeper than {MAX_YAML_DEPTH} levels"
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def _line(event: yaml.Event) -> int:
    return 0 if event.start_mark is None else event.start_mark.line
