"""Lesson Markdown to Telegram HTML: only the tags Telegram accepts, everything else escaped."""

import re

import pytest

from bot.rendering.markdown import paginate, to_telegram_html

ALLOWED = {"b", "i", "u", "s", "code", "pre", "a", "blockquote"}


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("**bold** and *italic*", "<b>bold</b> and <i>italic</i>"),
        ("~~gone~~ `x < 1`", "<s>gone</s> <code>x &lt; 1</code>"),
        ("# Title\n\nText", "<b>Title</b>\n\nText"),
        ("[site](https://a.b/?x=1&y=2)", '<a href="https://a.b/?x=1&amp;y=2">site</a>'),
        ("- one\n- two\n  - deeper", "• one\n• two\n  • deeper"),
        ("3. three\n4. four", "3. three\n4. four"),
        ("> quoted\n> on", "<blockquote>quoted\non</blockquote>"),
        (
            "```python\nif a < b:\n    pass\n```",
            ('<pre><code class="language-python">if a &lt; b:\n    pass</code></pre>'),
        ),
        ("    indented code", "<pre>indented code</pre>"),
        ("<div>raw & html</div>", "&lt;div&gt;raw &amp; html&lt;/div&gt;"),
        ("a <span>b</span>", "a &lt;span&gt;b&lt;/span&gt;"),
        ("![a cat](cat.png)", '<a href="cat.png">a cat</a>'),
        ("---", "——————"),
    ],
)
def test_markdown_becomes_telegram_html(markdown: str, html: str) -> None:
    assert to_telegram_html(markdown) == html


@pytest.mark.parametrize(
    "markdown",
    [
        "# Hello, print()\n\nText",
        "## hello,   `print()`\n\nText",
        "Hello, print()\n===\n\nText",
    ],
)
def test_a_first_heading_that_repeats_the_title_is_left_out(markdown: str) -> None:
    assert to_telegram_html(markdown, title="Hello, print()") == "Text"


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("# Hello, world\n\nText", "<b>Hello, world</b>\n\nText"),
        ("Text\n\n# Hello, print()", "Text\n\n<b>Hello, print()</b>"),
        ("Hello, print()", "Hello, print()"),
    ],
)
def test_other_headings_and_a_title_in_running_text_stay(markdown: str, html: str) -> None:
    assert to_telegram_html(markdown, title="Hello, print()") == html


def test_tables_and_raw_html_become_plain_text() -> None:
    html = to_telegram_html("# H\n\n| a | b |\n|---|---|\n\n<table><tr><td>x</td></tr></table>")

    assert set(re.findall(r"</?([a-z]+)", html)) <= ALLOWED


def test_pages_break_between_blocks_and_respect_the_limit() -> None:
    html = to_telegram_html("\n\n".join(f"Paragraph {n} " + "word " * 30 for n in range(20)))

    pages = paginate(html, limit=500)

    assert len(pages) > 1
    assert all(len(page) <= 500 for page in pages)
    assert "\n\n".join(pages) == html


def test_a_code_block_with_blank_lines_is_never_cut() -> None:
    code = "```\n" + "\n\n".join(f"line_{n} = {n}" for n in range(40)) + "\n```"
    html = to_telegram_html(f"Intro\n\n{code}\n\nOutro")

    pages = paginate(html, limit=200)

    assert pages[0] == "Intro"
    assert (pages[1][:5], pages[1][-6:]) == ("<pre>", "</pre>")
    assert pages[2] == "Outro"


def test_empty_text_has_no_pages() -> None:
    assert paginate(to_telegram_html("   \n\n")) == []
