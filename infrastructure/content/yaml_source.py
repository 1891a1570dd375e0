"""YAML that remembers where each value came from, so problems can name a line."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from infrastructure.content.limits import yaml_shape
from infrastructure.content.problems import Problem


@dataclass(frozen=True, slots=True)
class YamlDocument:
    file: str
    data: Any
    root: yaml.Node | None
    first_line: int

    def line(self, location: Sequence[str | int]) -> int | None:
        """The line of the deepest node along ``location`` that exists (1-based)."""
        node = self.root
        if node is None:
            return self.first_line
        for part in location:
            child = _child(node, part)
            if child is None:
                break
            node = child
        return node.start_mark.line + self.first_line

    def problem(self, location: Sequence[str | int], field: str, message: str) -> Problem:
        return Problem(self.file, self.line(location), field, message)


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                found: yaml.Node = value
                return found
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        child: yaml.Node = node.value[part]
        return child
    return None


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml when PyYAML was built with it: composed once, nodes keep their lines either way."""


def parse_yaml(text: str, file: str, first_line: int = 1) -> YamlDocument | Problem:
    """``first_line`` is where the text starts in its file (front matter starts on line 2)."""
    refused = yaml_shape(text, _Loader)
    if refused is not None:
        return Problem(file, refused[0] + first_line, "(yaml)", refused[1])
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        data = None if root is None else loader.construct_document(root)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = None if mark is None else mark.line + first_line
        reason = getattr(error, "problem", None) or str(error)
        context, start = getattr(error, "context", None), getattr(error, "context_mark", None)
        if context and start is not None:
            reason += f" ({context.removeprefix('while parsing ')} that starts on line "
            reason += f"{start.line + first_line})"
        return Problem(file, line, "(yaml)", f"broken YAML: {reason}")
    finally:
        loader.dispose()
    return YamlDocument(file, data, root, first_line)
