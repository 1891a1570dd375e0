"""Who commits: services never do; the few rules that need an early commit name it."""

import ast
from pathlib import Path

import domain.services

SERVICES = Path(domain.services.__file__).parent


def commit_calls(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "commit"
    ]


def test_no_service_commits_but_at_a_named_point() -> None:
    found = {
        path.name: lines
        for path in sorted(SERVICES.glob("*.py"))
        if path.name != "commits.py" and (lines := commit_calls(path))
    }

    assert found == {}
