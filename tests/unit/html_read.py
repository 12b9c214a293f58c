"""Read HTML back the way a browser would (html.parser), for the export tests."""

from __future__ import annotations

from html.parser import HTMLParser


class PageReader(HTMLParser):
    """Collects every tag with its attributes, the tables (rows of cell texts, ``<br>`` as a
    newline) and the text of headings and list items."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.tables: list[list[list[str]]] = []
        self.headings: list[tuple[str, str]] = []
        self.items: list[str] = []
        self.text: list[str] = []
        self._cell: list[str] | None = None
        self._heading: tuple[str, list[str]] | None = None
        self._item: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br":
            for sink in (self._cell, self._item):
                if sink is not None:
                    sink.append("\n")
        elif tag in ("h1", "h2", "h3", "h4"):
            self._heading = (tag, [])
        elif tag == "li":
            self._item = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None
        elif tag in ("h1", "h2", "h3", "h4") and self._heading is not None:
            self.headings.append((self._heading[0], "".join(self._heading[1])))
            self._heading = None
        elif tag == "li" and self._item is not None:
            self.items.append("".join(self._item))
            self._item = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for sink in (self._cell, self._item, self._heading[1] if self._heading else None):
            if sink is not None:
                sink.append(data)


def read_page(page: str) -> PageReader:
    reader = PageReader()
    reader.feed(page)
    reader.close()
    return reader


def assert_self_contained(reader: PageReader) -> None:
    """No script element and nothing loaded from or linking outside the page."""
    names = [tag for tag, _ in reader.tags]
    assert "script" not in names
    assert "iframe" not in names and "object" not in names and "img" not in names
    for tag, attrs in reader.tags:
        assert "src" not in attrs, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        href = attrs.get("href")
        assert href is None or href.startswith("#"), (tag, href)
    assert "link" not in names
