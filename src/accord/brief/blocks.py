"""The building blocks of a brief: numbers that know where they live, text, tables, charts.

A section is a list of blocks plus a ``data`` tree of plain numbers. Every number shown in a
block is a :class:`Num`, created by :meth:`Data.num`, which stores the value in the section's
data tree at a dotted path and remembers that path. Renderers print the number with its format
(and, in HTML, tag it with the path), so every number in the text is by construction a number
of the JSON output, and a test can check it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "Block",
    "Bullets",
    "Chart",
    "Data",
    "Fragment",
    "Link",
    "Num",
    "Paragraph",
    "Section",
    "T",
    "Table",
    "Text",
    "fmt",
    "plain",
    "text",
]

Kind = Literal["pct", "scale", "util", "signed", "int", "num"]


def fmt(value: float | None, kind: str) -> str:
    """Format a number the way the brief shows it (the test uses this same function).

    ``pct``: a probability as a whole percentage; ``scale``: a point on an issue's scale, no
    decimals; ``util``: a utility in [0, 1], two decimals; ``signed``: a change, two decimals
    with its sign; ``int``: a count; ``num``: three significant figures.
    """
    if value is None:
        return "–"
    if kind == "pct":
        return f"{100 * value:.0f}%"
    if kind == "scale":
        return f"{value:.0f}"
    if kind == "util":
        return f"{value:.2f}"
    if kind == "signed":
        return f"{value:+.2f}"
    if kind == "int":
        return f"{round(value):d}"
    return f"{value:.3g}"


@dataclass(frozen=True)
class Num:
    """A number shown in the brief, with its ``/``-separated path in the brief's JSON data.

    The path starts with the section id: ``issues/nuclear_arsenal/eum/forecast`` is
    ``to_dict()["data"]["issues"]["nuclear_arsenal"]["eum"]["forecast"]``.
    """

    value: float | None
    path: str
    kind: str = "num"

    def __str__(self) -> str:
        return fmt(self.value, self.kind)


@dataclass(frozen=True)
class Link:
    """A reference to another section (``§5``), for traceability."""

    section: str
    label: str

    def __str__(self) -> str:
        return self.label


Fragment = str | Num | Link
Text = tuple[Fragment, ...]


def text(*parts: Fragment | Iterable[Fragment]) -> Text:
    """Join strings, numbers and links (or sequences of them) into one :data:`Text`."""
    out: list[Fragment] = []
    for p in parts:
        if isinstance(p, str | Num | Link):
            out.append(p)
        else:
            out.extend(p)
    return tuple(out)


#: Short alias of :func:`text`, for section modules that write many sentences.
T = text


def plain(t: Text | str) -> str:
    """Return the text as a plain string (numbers formatted, links as their labels)."""
    return t if isinstance(t, str) else "".join(str(f) for f in t)


class Data:
    """The data tree of one section; :meth:`num` stores a value and returns its :class:`Num`."""

    def __init__(self, section: str) -> None:
        self.section = section
        self.tree: dict[str, Any] = {}

    def num(self, keys: Sequence[str], value: float | None, kind: str = "num") -> Num:
        """Store ``value`` at ``keys`` and return a :class:`Num` pointing at it."""
        self.put(keys, None if value is None else float(value))
        return Num(None if value is None else float(value), "/".join((self.section, *keys)), kind)

    def put(self, keys: Sequence[str], value: Any) -> None:
        """Store any JSON-able value at ``keys`` (creating the mappings on the way)."""
        node = self.tree
        for k in keys[:-1]:
            node = node.setdefault(k, {})
        node[keys[-1]] = value


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text."""

    text: Text
    kind: Literal["p", "lead", "head", "note", "unavailable"] = "p"


@dataclass(frozen=True)
class Bullets:
    """A list; each item a text."""

    items: tuple[Text, ...]
    title: str | None = None


@dataclass(frozen=True)
class Table:
    """A table of texts.

    ``lights`` optionally gives a traffic light per row (or ``None``); ``kind`` is a style
    (``"compact"``: small type for long reference tables).
    """

    header: tuple[str, ...]
    rows: tuple[tuple[Text, ...], ...]
    title: str | None = None
    lights: tuple[str | None, ...] = ()
    kind: str = ""


@dataclass(frozen=True)
class Chart:
    """An SVG chart (inline markup) with its caption and a text alternative."""

    svg: str
    caption: str
    alt: str


Block = Paragraph | Bullets | Table | Chart


@dataclass(frozen=True)
class Section:
    """One numbered section of the brief."""

    id: str
    number: int
    title: str
    blocks: tuple[Block, ...]
    data: dict[str, Any] = field(default_factory=dict)
    status: Literal["complete", "partial", "unavailable"] = "complete"
    waiting_on: tuple[str, ...] = ()
