"""GIFT's escapes and layout: questions are blocks of lines between blank lines.

Escaped characters are swapped for private-use code points before anything is split, as
Moodle's own parser does, so ``\\{`` or ``\\=`` never reads as syntax; ``restore`` turns them
back into the characters they stand for.
"""

from collections.abc import Iterator

SPECIAL = "~=#{}:\\"
"""The characters GIFT lets an author escape with a backslash."""
_BASE = 0xE000
_NEWLINE = chr(_BASE + len(SPECIAL))
_RESTORE = {_BASE + index: char for index, char in enumerate(SPECIAL)} | {ord(_NEWLINE): "\n"}


def protect(text: str) -> str:
    """``\\n`` is a line break inside a question; a backslash before anything else stays."""
    out: list[str] = []
    index = 0
    while index < len(text):
        char, following = text[index], text[index + 1 : index + 2]
        if char == "\\" and following and following in SPECIAL + "n":
            out.append(_NEWLINE if following == "n" else chr(_BASE + SPECIAL.index(following)))
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


def restore(text: str) -> str:
    return text.translate(_RESTORE)


def blocks(text: str) -> Iterator[tuple[int, list[str]]]:
    """(1-based first line, lines) of each block; ``//`` comment lines are left out.

    A blank line inside an open ``{…}`` does not end the question: the answers go on.
    """
    block: list[str] = []
    start = depth = 0
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("//"):
            continue
        if not line.strip() and depth <= 0:
            if block:
                yield start, block
            block, depth = [], 0
            continue
        if not block:
            start = number
        block.append(line)
        depth += line.count("{") - line.count("}")
    if block:
        yield start, block
