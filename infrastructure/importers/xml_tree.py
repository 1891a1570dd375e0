"""Reading untrusted XML: no DTDs, no entities, no external references, and line numbers.

defusedxml refuses the entity tricks ("billion laughs", external files) that the standard
library's parsers would expand; a tree builder records each element's line as it starts so
a report can name the question.
"""

from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from infrastructure.importers.questions import BankError

LINE = "_line"
"""The attribute holding an element's 1-based line; no Moodle element uses the name."""


class _LineBuilder(TreeBuilder):
    def __init__(self) -> None:
        super().__init__()
        self.parser: DefusedXMLParser | None = None

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        line = 0 if self.parser is None else self.parser.parser.CurrentLineNumber
        return super().start(tag, {**attrs, LINE: str(line)})


def parse_xml(text: str) -> Element:
    """The document's root; raises BankError when it is broken or uses DTDs or entities."""
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.parser = parser
    try:
        parser.feed(text)
        root: Element = parser.close()
    except DefusedXmlException as error:
        raise BankError(f"the XML declares a DTD or entities, which are refused: {error}") from None
    except ParseError as error:
        raise BankError(f"the XML is broken: {error}") from None
    return root


def line_of(element: Element) -> int:
    return int(element.get(LINE, "0"))
