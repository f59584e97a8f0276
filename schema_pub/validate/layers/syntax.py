"""Layer 1: strict RFC 8259 JSON, with line and column for every JSON path.

This layer is the one that turns bytes into :class:`Document` values; its entry
point is :func:`parse` (not ``check``): it decodes the input, parses it, reports
what is wrong with it, and returns the document with a lazy locator.

Two parsers share the work:

* the fast path is C code. First ``orjson.loads`` on the bytes themselves (it
  accepts only UTF-8 without a BOM, so decoding waits until a finding needs a
  line and column), then a proof that the exact paths would read the same thing:
  orjson writes the value back (``OPT_STRICT_INTEGER`` refuses integers beyond
  2^53, big floats show an ``e+``) and the text holds as many ``"`` as what it
  wrote, or is byte for byte what it wrote (a document orjson wrote, as the
  publisher's are); when that cannot tell, one walk over the value counts keys and
  strings (the count of ``"`` in the text shows that no key was dropped as a
  duplicate; integers beyond 2^53 and floats that may have been integers beyond
  64 bits decline). When orjson declines, the C scanner of the standard library
  runs with an ``object_pairs_hook`` that notices duplicate keys, run only when
  cheap tests on the raw text show that it will agree with RFC 8259 (no escaped
  surrogates, nesting within the limit). Measured on the 8 KB documents of
  ``benchmarks/bench_layers.py``: ``orjson.loads`` 35 us, the whole layer about
  85 us (the walk alone cost about 60), ``json.loads`` with the hooks 175 us;
* :class:`_Scanner`, our own iterative scanner, runs when the fast path fails or
  declines, and when a finding needs a location. It reports every problem it can
  recover from (trailing commas, NaN, comments, duplicate keys) and stops at the
  first it cannot, and it records the offset of every JSON path on request.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

import orjson

from schema_pub.validate.document import Document, Locator
from schema_pub.validate.findings import Finding, JsonPath, Rule, Severity

E, W = Severity.ERROR, Severity.WARNING
RFC = "https://www.rfc-editor.org/rfc/rfc8259"

INVALID_JSON = Rule("SP001", "invalid-json", E, "The input is not JSON (RFC 8259).", "syntax", RFC)
EMPTY_INPUT = Rule(
    "SP002", "empty-input", E, "The input holds no JSON value at all.", "syntax", RFC
)
TRAILING_COMMA = Rule(
    "SP003", "trailing-comma", E, "A comma before `]` or `}` is not JSON.", "syntax", RFC
)
NON_FINITE = Rule(
    "SP004", "non-finite-number", E, "NaN and Infinity are not JSON numbers.", "syntax", RFC
)
LONE_SURROGATE = Rule(
    "SP005",
    "lone-surrogate",
    E,
    "A `\\uD800`-`\\uDFFF` escape without its pair is not a character.",
    "syntax",
    RFC,
)
INVALID_UTF8 = Rule(
    "SP006", "invalid-utf8", E, "The bytes are not valid UTF-8.", "syntax", RFC + "#section-8.1"
)
NOT_UTF8 = Rule(
    "SP007",
    "not-utf8",
    E,
    "The input is UTF-16 or UTF-32; JSON exchanged between systems is UTF-8.",
    "syntax",
    RFC + "#section-8.1",
)
DUPLICATE_KEY = Rule(
    "SP008",
    "duplicate-key",
    W,
    "An object names the same key twice; readers keep only one of the values.",
    "syntax",
    RFC + "#section-4",
)
BYTE_ORDER_MARK = Rule(
    "SP009",
    "byte-order-mark",
    W,
    "The input starts with a byte order mark, which JSON text must not have.",
    "syntax",
    RFC + "#section-8.1",
)
NUMBER_OUT_OF_RANGE = Rule(
    "SP010",
    "number-out-of-range",
    E,
    "A number too large to be read (an integer of thousands of digits, or beyond a double).",
    "syntax",
    RFC + "#section-6",
)
IMPRECISE_INTEGER = Rule(
    "SP011",
    "imprecise-integer",
    W,
    "An integer beyond 2^53 loses precision in JavaScript and most JSON-LD processors.",
    "syntax",
    RFC + "#section-6",
)
TOO_DEEP_HINT = "Flatten the document, e.g. into an @graph of nodes linked by @id."
TOO_DEEP = Rule(
    "SP012",
    "nesting-too-deep",
    E,
    "Arrays and objects are nested deeper than the limit (default 256).",
    "syntax",
    RFC + "#section-9",
)
TOO_LARGE = Rule(
    "SP013",
    "input-too-large",
    E,
    "The input is larger than the size limit (default 10 MB).",
    "syntax",
    RFC + "#section-9",
)
COMMENT = Rule("SP014", "json-comment", E, "Comments are not part of JSON.", "syntax", RFC)

RULES: tuple[Rule, ...] = (
    INVALID_JSON,
    EMPTY_INPUT,
    TRAILING_COMMA,
    NON_FINITE,
    LONE_SURROGATE,
    INVALID_UTF8,
    NOT_UTF8,
    DUPLICATE_KEY,
    BYTE_ORDER_MARK,
    NUMBER_OUT_OF_RANGE,
    IMPRECISE_INTEGER,
    TOO_DEEP,
    TOO_LARGE,
    COMMENT,
)

DEFAULT_MAX_DEPTH = 256
DEFAULT_MAX_SIZE = 10 * 1024 * 1024

SCRIPT_HINT = (
    "In an HTML page a `</script` inside a string ends the block early: "
    "write it as `<\\/script` or `\\u003c/script`."
)

_scanstring = cast(
    "Callable[[str, int, bool], tuple[str, int]]",
    json.decoder.scanstring,  # type: ignore[attr-defined]
)
_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_WORD = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_NUMBER_TAIL = re.compile(r"[0-9A-Za-z_.+-]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_PAIRED = re.compile(
    r"\\u([dD][89abAB][0-9a-fA-F]{2})(\\u[dD][c-fC-F][0-9a-fA-F]{2})?|\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
_STRING_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_MAX_SAFE = 2**53
_INF = float("inf")
_ORJSON_INT_LIMIT = float(2**63)
_MAX_INT_DIGITS = sys.get_int_max_str_digits() or 4300

_UTF_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "UTF-32BE"),
    (b"\xff\xfe\x00\x00", "UTF-32LE"),
    (b"\xfe\xff", "UTF-16BE"),
    (b"\xff\xfe", "UTF-16LE"),
)


# --------------------------------------------------------------------------- positions


class LineIndex:
    """Turns a character offset in a text into a 1-based (line, column).

    ``origin`` is the (line, column) of the text's first character in its file:
    an HTML script block starts somewhere inside its page. Each question is
    answered by counting line breaks (in C), so nothing is built up front.
    """

    __slots__ = ("_text", "origin")

    def __init__(self, text: str, origin: tuple[int, int] = (1, 1)) -> None:
        self._text = text
        self.origin = origin

    def position(self, offset: int) -> tuple[int, int]:
        text = self._text
        breaks = text.count("\n", 0, offset)
        column = offset - text.rfind("\n", 0, offset)
        if breaks == 0:
            column += self.origin[1] - 1
        return self.origin[0] + breaks, column


# --------------------------------------------------------------------------- scanner


@dataclass
class _Problem:
    rule: Rule
    offset: int
    message: str
    hint: str | None = None
    path: JsonPath = ()


@dataclass
class ScanResult:
    """What the slow scanner found: the value (when it could read one), problems, offsets."""

    value: Any
    complete: bool
    problems: list[_Problem]
    offsets: dict[JsonPath, int] | None = None


# scanner states
_VALUE, _FIRST_ITEM, _ITEM_AFTER_COMMA, _FIRST_KEY, _KEY_AFTER_COMMA, _COLON, _AFTER, _END = range(
    8
)


class _Fatal(Exception):
    pass


class _Scanner:
    """An iterative, strict JSON scanner that keeps going where it safely can."""

    def __init__(self, text: str, *, max_depth: int, offsets: bool, in_html: bool) -> None:
        self.text = text
        self.n = len(text)
        self.max_depth = max_depth
        self.offsets: dict[JsonPath, int] | None = {} if offsets else None
        self.in_html = in_html
        self.problems: list[_Problem] = []

    # -- helpers
    def problem(
        self, rule: Rule, offset: int, message: str, hint: str | None = None, path: JsonPath = ()
    ) -> None:
        self.problems.append(_Problem(rule, offset, message, hint, path))

    def fatal(self, offset: int, message: str, hint: str | None = None) -> _Fatal:
        self.problem(INVALID_JSON, offset, message, hint)
        return _Fatal()

    def skip(self, i: int) -> int:
        """Skip whitespace, and comments (each reported)."""
        text, n = self.text, self.n
        while True:
            i = _WS.match(text, i).end()  # type: ignore[union-attr]
            if i + 1 < n and text[i] == "/" and text[i + 1] in "/*":
                if text[i + 1] == "/":
                    end = text.find("\n", i)
                    end = n if end < 0 else end
                else:
                    close = text.find("*/", i + 2)
                    if close < 0:
                        raise self.fatal(i, "unterminated /* comment")
                    end = close + 2
                self.problem(
                    COMMENT, i, "comment in JSON", "Remove the comment; JSON has no comments."
                )
                i = end
                continue
            return i

    def string(self, i: int) -> tuple[str, int]:
        """Read the string starting at ``text[i] == '"'``; return (value, end)."""
        text = self.text
        try:
            value, end = _scanstring(text, i + 1, True)
        except json.JSONDecodeError as exc:
            if exc.msg.startswith("Invalid control character"):
                char = text[exc.pos]
                self.problem(
                    INVALID_JSON,
                    exc.pos,
                    f"unescaped control character U+{ord(char):04X} in a string",
                    "Control characters in strings must be escaped (`\\n`, `\\t`, `\\u0000`).",
                )
                try:
                    value, end = _scanstring(text, i + 1, False)
                except json.JSONDecodeError as again:
                    raise self._string_fatal(again, i) from None
            else:
                raise self._string_fatal(exc, i) from None
        if _SURROGATE_ESCAPE.search(text, i, end):
            for char in value:
                if 0xD800 <= ord(char) <= 0xDFFF:
                    self.problem(
                        LONE_SURROGATE,
                        self._lone_surrogate_offset(i, end),
                        f"lone surrogate U+{ord(char):04X} in a string",
                        "Escape a character beyond U+FFFF as a high and low surrogate pair.",
                    )
                    value = value.encode("utf-8", "replace").decode("utf-8")
                    break
        return value, end

    def _lone_surrogate_offset(self, start: int, end: int) -> int:
        for match in _PAIRED.finditer(self.text, start, end):
            if match.group(1) is None or match.group(2) is None:
                return match.start()
        return start

    def _string_fatal(self, exc: json.JSONDecodeError, start: int) -> _Fatal:
        if exc.msg.startswith("Unterminated string"):
            return self.fatal(start, "unterminated string", SCRIPT_HINT if self.in_html else None)
        if exc.msg.startswith("Invalid \\u"):
            return self.fatal(exc.pos, "invalid \\u escape: four hex digits must follow")
        return self.fatal(
            exc.pos,
            "invalid escape in a string",
            'Only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are escapes in JSON.',
        )

    def number(self, i: int, path: JsonPath) -> tuple[Any, int]:
        text = self.text
        match = _NUMBER.match(text, i)
        if match is None:
            if text.startswith("-Infinity", i):
                self.problem(NON_FINITE, i, "-Infinity is not a JSON number", path=path)
                return float("-inf"), i + 9
            raise self.fatal(i, f"invalid number starting {text[i : i + 12]!r}")
        end = match.end()
        if end < self.n and _NUMBER_TAIL.match(text, end):
            raise self.fatal(
                i,
                f"invalid number {text[i : end + 1]!r}",
                "JSON numbers have no leading zeros, leading `+` or `.`, or trailing `.`.",
            )
        token = text[i:end]
        if match.group(1) is None and match.group(2) is None:
            digits = len(token) - (token[0] == "-")
            if digits > _MAX_INT_DIGITS:
                self.problem(
                    NUMBER_OUT_OF_RANGE,
                    i,
                    f"integer of {digits} digits is too long to be read",
                    path=path,
                )
                return None, end
            value = int(token)
            if abs(value) > _MAX_SAFE:
                self.problem(
                    IMPRECISE_INTEGER,
                    i,
                    f"integer {token if digits <= 40 else token[:20] + '...'} is beyond 2^53",
                    "Write large identifiers as strings.",
                    path=path,
                )
            return value, end
        number = float(token)
        if number in (float("inf"), float("-inf")):
            self.problem(
                NUMBER_OUT_OF_RANGE, i, f"number {token[:40]} overflows a double", path=path
            )
        return number, end

    def word(self, i: int, path: JsonPath) -> tuple[Any, int]:
        text = self.text
        match = _WORD.match(text, i)
        if match is None:
            char = text[i]
            hint = "JSON strings use double quotes." if char == "'" else None
            raise self.fatal(i, f"unexpected character {char!r}", hint)
        word = match.group()
        if word == "true":
            return True, match.end()
        if word == "false":
            return False, match.end()
        if word == "null":
            return None, match.end()
        if word in ("NaN", "Infinity"):
            self.problem(
                NON_FINITE,
                i,
                f"{word} is not a JSON number",
                "Leave the value out, or write it as null or a string.",
                path=path,
            )
            return float(word.lower().replace("infinity", "inf")), match.end()
        raise self.fatal(i, f"unexpected word {word[:40]!r}")

    # -- the scanner
    def run(self) -> ScanResult:
        try:
            value = self._run()
        except _Fatal:
            return ScanResult(None, False, self.problems, self.offsets)
        return ScanResult(value, True, self.problems, self.offsets)

    def _run(self) -> Any:
        text, n, offsets = self.text, self.n, self.offsets
        # each frame: [container, is_object, current key or index]
        stack: list[list[Any]] = []
        path: list[str | int] = []
        state = _VALUE
        root: Any = None
        value: Any = None
        key = ""
        comma = 0
        i = self.skip(0)
        if i >= n:
            self.problem(EMPTY_INPUT, 0, "no JSON value in the input")
            raise _Fatal
        while True:
            i = self.skip(i)
            if i >= n:
                if state == _END:
                    return root
                raise self.fatal(
                    n,
                    f"unexpected end of input ({len(stack)} unclosed array or object)"
                    if stack
                    else "unexpected end of input",
                    SCRIPT_HINT if self.in_html else None,
                )
            c = text[i]
            if state == _END:
                raise self.fatal(i, "extra data after the JSON value")
            if state == _AFTER:
                frame = stack[-1]
                if c == ",":
                    comma = i
                    if frame[1]:
                        state = _KEY_AFTER_COMMA
                    else:
                        frame[2] += 1
                        path[-1] = frame[2]
                        state = _ITEM_AFTER_COMMA
                    i += 1
                    continue
                if c == ("}" if frame[1] else "]"):
                    i += 1
                    stack.pop()
                    path.pop()
                    state = _AFTER if stack else _END
                    if not stack:
                        root = frame[0]
                    continue
                raise self.fatal(
                    i,
                    f"expected ',' or {'}' if frame[1] else ']'!r}, found {c!r}",
                    "A comma is missing between two members." if c in '"{[' else None,
                )
            if state in (_FIRST_KEY, _KEY_AFTER_COMMA):
                frame = stack[-1]
                if c == "}":
                    if state == _KEY_AFTER_COMMA:
                        self.problem(TRAILING_COMMA, comma, "trailing comma before '}'")
                    i += 1
                    stack.pop()
                    path.pop()
                    state = _AFTER if stack else _END
                    if not stack:
                        root = frame[0]
                    continue
                if c != '"':
                    hint = "Object keys are strings in double quotes." if c != "," else None
                    raise self.fatal(i, f"expected a key in double quotes, found {c!r}", hint)
                key_start = i
                key, i = self.string(i)
                path[-1] = key
                if key in frame[0]:
                    self.problem(
                        DUPLICATE_KEY,
                        key_start,
                        f"duplicate key {key!r}",
                        "Readers keep one of the values and drop the other; merge them.",
                        tuple(path),
                    )
                if offsets is not None:
                    offsets[tuple(path)] = key_start
                frame[2] = key
                state = _COLON
                continue
            if state == _COLON:
                if c != ":":
                    raise self.fatal(i, f"expected ':' after the key, found {c!r}")
                i += 1
                state = _VALUE
                continue
            # a value is expected (state _VALUE, _FIRST_ITEM or _ITEM_AFTER_COMMA)
            if c == "]" and stack and not stack[-1][1] and state != _VALUE:
                frame = stack[-1]
                if state == _ITEM_AFTER_COMMA:
                    self.problem(TRAILING_COMMA, comma, "trailing comma before ']'")
                i += 1
                stack.pop()
                path.pop()
                state = _AFTER if stack else _END
                if not stack:
                    root = frame[0]
                continue
            here = tuple(path)
            if offsets is not None and (not stack or not stack[-1][1]):
                offsets[here] = i
            if c == "{" or c == "[":
                if len(stack) >= self.max_depth:
                    self.problem(
                        TOO_DEEP,
                        i,
                        f"nesting deeper than {self.max_depth} levels",
                        TOO_DEEP_HINT,
                        here,
                    )
                    raise _Fatal
                container: Any = {} if c == "{" else []
                self._attach(stack, container, key)
                stack.append([container, c == "{", "" if c == "{" else 0])
                path.append("" if c == "{" else 0)
                state = _FIRST_KEY if c == "{" else _FIRST_ITEM
                i += 1
                if not stack[:-1]:
                    root = container
                continue
            if c == '"':
                value, i = self.string(i)
            elif c == "-" or "0" <= c <= "9":
                value, i = self.number(i, here)
            else:
                value, i = self.word(i, here)
            if not stack:
                root = value
                state = _END
            else:
                self._attach(stack, value, key)
                state = _AFTER

    @staticmethod
    def _attach(stack: list[list[Any]], value: Any, key: str) -> None:
        if not stack:
            return
        frame = stack[-1]
        if frame[1]:
            frame[0][key] = value
        else:
            frame[0].append(value)


def scan(
    text: str,
    *,
    max_depth: int = DEFAULT_MAX_DEPTH,
    offsets: bool = False,
    in_html: bool = False,
) -> ScanResult:
    """Scan ``text`` strictly; with ``offsets``, record the offset of every JSON path.

    For object members the offset is that of the key; for array items and the
    root, that of the value.
    """
    return _Scanner(text, max_depth=max_depth, offsets=offsets, in_html=in_html).run()


# --------------------------------------------------------------------------- locating


_LOCATION_TOKEN = re.compile(r'[{}\[\],]|"[^"\\]*(?:\\.[^"\\]*)*"(?:\s*:)?', re.DOTALL)


def path_offsets(text: str) -> dict[JsonPath, int]:
    """Where every JSON path of a document starts: one pass over its structure.

    For object members the offset is that of the key. For array items it is the
    offset just after the ``[`` or ``,`` before the item (the locator skips the
    whitespace that follows), so scalars need no token of their own: the
    regular expression steps over them. Tolerant of broken input.
    """
    offsets: dict[JsonPath, int] = {(): _WS.match(text).end()}  # type: ignore[union-attr]
    stack: list[list[Any]] = []  # open containers: [path, is_object, key or index]
    path: JsonPath = ()
    in_object = False
    index = 0
    key: Any = ""
    for match in _LOCATION_TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first == '"':
            if token[-1] != ":":
                continue  # a string value: its array slot was recorded at [ or ,
            token = token[: token.rindex('"') + 1]
            if "\\" in token:
                try:
                    key = json.loads(token)
                except ValueError:
                    key = token[1:-1]
            else:
                key = token[1:-1]
            member: JsonPath = (*path, key)
            offsets[member] = match.start()
        elif first == ",":
            if not in_object:
                index += 1
                item: JsonPath = (*path, index)
                offsets[item] = match.end()
        elif first == "{" or first == "[":
            if stack:
                if in_object:
                    stack[-1][2] = key
                    here: JsonPath = (*path, key)
                else:
                    stack[-1][2] = index
                    here = (*path, index)
            else:
                here = ()
            is_object = first == "{"
            stack.append([here, is_object, 0])
            path, in_object, index = here, is_object, 0
            if not is_object:
                first_item: JsonPath = (*here, 0)
                offsets[first_item] = match.end()
        else:
            if stack:
                stack.pop()
            if stack:
                path, in_object = stack[-1][0], stack[-1][1]
                if in_object:
                    key = stack[-1][2]
                else:
                    index = stack[-1][2]
            else:
                path, in_object = (), False
    return offsets


_STRING_AT = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.DOTALL)
_SCALAR_AT = re.compile(r"[^,\]}\s]++")
_MEMBER_AT = re.compile(r'("[^"\\]*+(?:\\.[^"\\]*+)*+")[ \t\n\r]*+:[ \t\n\r]*+', re.DOTALL)
#: The space after a value, and the comma and space before the next one if any.
_AFTER_VALUE = re.compile(r"[ \t\n\r]*+(,[ \t\n\r]*+)?")
#: Steps over everything but brackets (strings whole, brackets in them included) and
#: stops at the next bracket outside a string.
_NEXT_BRACKET = re.compile(
    r'[^"\[\]{}]*+(?:"[^"\\]*+(?:\\.[^"\\]*+)*+"[^"\[\]{}]*+)*+([\[\]{}])', re.DOTALL
)


def _value_end(text: str, start: int) -> int:
    """Where the JSON value that starts at ``start`` ends (the text is valid JSON)."""
    first = text[start]
    if first == '"':
        return _STRING_AT.match(text, start).end()  # type: ignore[union-attr]
    if first != "{" and first != "[":
        return _SCALAR_AT.match(text, start).end()  # type: ignore[union-attr]
    depth = 0
    position = start
    match = _NEXT_BRACKET.match
    while True:
        found = match(text, position)
        assert found is not None
        position = found.end()
        if found.group(1) in "[{":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return position


#: No value given (the seeker reads the text alone).
_UNKNOWN: Any = object()


def path_offset(text: str, path: JsonPath) -> int:
    """The offset :func:`path_offsets` gives the deepest prefix of ``path`` it holds.

    For a text known to be valid JSON without duplicate keys: only the members and
    items on the way are read, and the containers beside the path are stepped over
    bracket by bracket, so one location costs a fraction of the whole map.
    """
    return _Seeker(text).offset(path)


class _Seeker:
    """:func:`path_offset` with a memory: the members and items of each container are
    read once, as far as a lookup needed, and later lookups start from there."""

    __slots__ = ("arrays", "indented", "objects", "text", "value")

    def __init__(self, text: str, value: Any = _UNKNOWN, *, indented: bool = False) -> None:
        self.text = text
        #: The parsed value, given only when ``text`` is exactly what orjson writes for
        #: it (compact, or ``indented`` by two spaces): a container beside the path is
        #: then stepped over by the length of orjson's writing of it, in C, instead of
        #: bracket by bracket.
        self.value = value
        self.indented = indented
        #: "{" offset -> (key -> (key offset, value offset), where reading resumes
        #: (a key's quote) or None once the object is read to its end)
        self.objects: dict[int, tuple[dict[str, tuple[int, int]], list[int | None]]] = {}
        #: "[" offset -> ((slot, item offset) of each item read, where reading resumes
        #: as (slot, item offset) or None once the array is read to its end)
        self.arrays: dict[int, tuple[list[tuple[int, int]], list[tuple[int, int] | None]]] = {}

    def offset(self, path: JsonPath) -> int:
        text = self.text
        position = _WS.match(text).end()  # type: ignore[union-attr]
        best = position
        current = self.value  # the value at ``position`` (when known)
        for depth, step in enumerate(path):  # the container at ``position`` is at depth
            opening = text[position : position + 1]
            if opening == "{" and type(step) is str:
                found = self.member(position, step, current, depth)
                if found is not None and current is not _UNKNOWN:
                    current = current.get(step, _UNKNOWN)
            elif opening == "[" and type(step) is int and step >= 0:
                found = self.item(position, step, current, depth)
                if found is not None and found[1] < 0:
                    return found[0]  # an empty array still has the slot of its first item
                if found is not None and current is not _UNKNOWN:
                    current = current[step]
            else:
                return best
            if found is None:
                return best
            best, position = found
        return best

    def end_of(self, start: int, value: Any, depth: int) -> int:
        """Where the value that starts at ``start`` ends; ``value`` is its parsed value
        (or _UNKNOWN), ``depth`` its depth (the root's is 0)."""
        kind = type(value)
        if (kind is dict or kind is list) and value:
            if self.indented:
                written = orjson.dumps(value, option=orjson.OPT_INDENT_2)
                # orjson indents each line of a nested container by two more spaces
                # per level than when it writes the container alone
                extra = 2 * depth * written.count(b"\n")
            else:
                written = orjson.dumps(value)
                extra = 0
            size = len(written) if written.isascii() else len(written.decode("utf-8"))
            return start + size + extra
        return _value_end(self.text, start)

    def member(
        self, start: int, step: str, container: Any = _UNKNOWN, depth: int = 0
    ) -> tuple[int, int] | None:
        text = self.text
        ws = _WS.match
        table = self.objects.get(start)
        if table is None:
            at = ws(text, start + 1).end()  # type: ignore[union-attr]
            table = ({}, [at if text[at] != "}" else None])
            self.objects[start] = table
        entries, resume = table
        found = entries.get(step)
        if found is not None:
            return found
        at_or_none = resume[0]
        while at_or_none is not None:
            at = at_or_none
            token = _MEMBER_AT.match(text, at)  # the key, its colon, the space after
            assert token is not None
            raw_key = token.group(1)
            if "\\" in raw_key:
                try:
                    key = json.loads(raw_key)
                except ValueError:
                    key = raw_key[1:-1]
            else:
                key = raw_key[1:-1]
            value = token.end()
            entries[key] = (at, value)
            end = (
                _value_end(text, value)
                if container is _UNKNOWN
                else self.end_of(value, container.get(key, _UNKNOWN), depth + 1)
            )
            after = _AFTER_VALUE.match(text, end)
            assert after is not None
            at_or_none = after.end() if after.group(1) else None
            resume[0] = at_or_none
            if key == step:
                return at, value
        return None

    def item(
        self, start: int, step: int, container: Any = _UNKNOWN, depth: int = 0
    ) -> tuple[int, int] | None:
        """(slot, item offset) of item ``step``; (slot, -1) for the first slot of an
        empty array."""
        text = self.text
        ws = _WS.match
        table = self.arrays.get(start)
        if table is None:
            slot = start + 1  # just after the "[", then after each ","
            item = ws(text, slot).end()  # type: ignore[union-attr]
            if text[item] == "]":
                return (slot, -1) if step == 0 else None
            table = ([], [(slot, item)])
            self.arrays[start] = table
        slots, resume = table
        while len(slots) <= step and resume[0] is not None:
            slot, item = resume[0]
            end = (
                _value_end(text, item)
                if container is _UNKNOWN
                else self.end_of(item, container[len(slots)], depth + 1)
            )
            slots.append((slot, item))
            after = ws(text, end).end()  # type: ignore[union-attr]
            if text[after] == ",":
                resume[0] = (after + 1, ws(text, after + 1).end())  # type: ignore[union-attr]
            else:
                resume[0] = None
        return slots[step] if step < len(slots) else None


def _own_writing(raw: bytes, value: Any) -> bool | None:
    """Whether ``raw`` is what orjson writes for ``value``: compact (False), indented
    by two spaces (True), either with a final newline; None when it is not."""
    if value is _UNKNOWN:
        return None
    indented = raw[1:2] == b"\n"
    try:
        written = orjson.dumps(value, option=orjson.OPT_INDENT_2 if indented else 0)
    except orjson.JSONEncodeError:
        return None
    size = len(raw) - len(written)
    if (size == 0 or (size == 1 and raw[-1:] == b"\n")) and raw.startswith(written):
        return indented
    return None


class PathLocator:
    """Maps JSON paths to (line, column), building the map on first use.

    ``text`` may be given as UTF-8 bytes (known to decode), with ``origin`` instead
    of an index: a document that never needs a location is never decoded. With
    ``exact`` (the text is valid JSON without duplicate keys) each location is
    found on its own by :func:`path_offset` instead of mapping every path.
    """

    __slots__ = (
        "_exact",
        "_index",
        "_offsets",
        "_origin",
        "_raw",
        "_seeker",
        "_text",
        "_value",
    )

    def __init__(
        self,
        text: str | bytes,
        index: LineIndex | None = None,
        origin: tuple[int, int] = (1, 1),
        *,
        exact: bool = False,
        value: Any = _UNKNOWN,
    ) -> None:
        #: The parsed value of ``text`` (bytes), when known: if the text turns out to
        #: be orjson's own writing of it, the seeker steps over containers faster.
        self._value = value
        self._raw = text if isinstance(text, bytes) else None
        self._text = text if isinstance(text, str) else ""
        self._origin = origin
        self._index = index
        self._exact = exact
        self._seeker: _Seeker | None = None
        self._offsets: dict[JsonPath, int] | None = None

    def __call__(self, path: JsonPath) -> tuple[int, int] | None:
        raw = self._raw
        if raw is not None:
            self._text = raw.decode("utf-8")
            self._raw = None
        if self._index is None:
            self._index = LineIndex(self._text, self._origin)
        if self._exact:
            if self._seeker is None:
                indented = _own_writing(raw, self._value) if raw is not None else None
                if indented is None:
                    self._seeker = _Seeker(self._text)
                else:
                    self._seeker = _Seeker(self._text, self._value, indented=indented)
                self._value = _UNKNOWN
            start = self._seeker.offset(tuple(path))
            offset = _WS.match(self._text, start).end()  # type: ignore[union-attr]
            return self._index.position(offset)
        if self._offsets is None:
            self._offsets = path_offsets(self._text)
        offsets = self._offsets
        path = tuple(path)
        while True:
            offset = offsets.get(path)
            if offset is not None:
                offset = _WS.match(self._text, offset).end()  # type: ignore[union-attr]
                return self._index.position(offset)
            if not path:
                return None
            path = path[:-1]


# --------------------------------------------------------------------------- decoding


@dataclass
class Parsed:
    """The outcome of :func:`parse`: the document (``data`` None when not JSON) and findings."""

    document: Document
    findings: list[Finding] = field(default_factory=list)


def sniff_utf16_32(raw: bytes) -> str | None:
    """Name the UTF-16/32 encoding of ``raw`` (by BOM or by zero bytes), or None."""
    for bom, name in _UTF_BOMS:
        if raw.startswith(bom):
            return name
    head = raw[:4]
    if len(head) >= 4:
        zeros = tuple(b == 0 for b in head)
        if zeros == (True, True, True, False):
            return "UTF-32BE"
        if zeros == (False, True, True, True):
            return "UTF-32LE"
    if len(head) >= 2:
        if head[0] == 0 and head[1] != 0:
            return "UTF-16BE"
        if head[0] != 0 and head[1] == 0:
            return "UTF-16LE"
    return None


def decode(
    raw: bytes, *, index_origin: tuple[int, int] = (1, 1)
) -> tuple[str | None, list[Finding]]:
    """Decode JSON bytes as RFC 8259 requires: UTF-8, no BOM (a BOM is a warning)."""
    findings: list[Finding] = []
    other = sniff_utf16_32(raw)
    if other is not None:
        findings.append(
            NOT_UTF8(
                f"the input is encoded in {other}, not UTF-8",
                hint="Convert the file to UTF-8 without a byte order mark.",
            ).located(file=None, line=index_origin[0], column=index_origin[1])
        )
        return None, findings
    if raw.startswith(b"\xef\xbb\xbf"):
        findings.append(
            BYTE_ORDER_MARK(
                "UTF-8 byte order mark at the start of the input",
                hint="Save the file as UTF-8 without BOM.",
            ).located(file=None, line=index_origin[0], column=index_origin[1])
        )
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), findings
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8")
        line, column = LineIndex(prefix, index_origin).position(len(prefix))
        bom = 3 if findings else 0
        findings.append(
            INVALID_UTF8(
                f"invalid UTF-8 at byte offset {exc.start + bom}: {exc.reason}",
                hint="The file was probably saved in a legacy encoding; convert it to UTF-8.",
                byte_offset=exc.start + bom,
            ).located(file=None, line=line, column=column)
        )
        return None, findings


def _max_nesting(text: str) -> int:
    """Depth of brackets outside strings, without recursion."""
    brackets = _NOT_BRACKET.sub("", _STRING_TOKEN.sub("", text))
    depth = deepest = 0
    for char in brackets:
        if char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
        else:
            depth -= 1
    return deepest


def too_deep(value: Any, max_depth: int) -> JsonPath | None:
    """The path of the first array or object of ``value`` nested deeper than
    ``max_depth`` (the scanner's SP012, for a value already parsed), or None."""
    stack: list[tuple[Any, int, JsonPath]] = [(value, 1, ())]
    while stack:
        container, depth, path = stack.pop()
        if depth > max_depth:
            return path
        if isinstance(container, dict):
            items: Iterable[tuple[str | int, Any]] = container.items()
        else:
            items = enumerate(container)
        for key, item in items:
            if isinstance(item, (dict, list)):
                stack.append((item, depth + 1, (*path, key)))
    return None


def _safe_int(token: str) -> int:
    """An integer the fast path may keep: within 2^53 (longer ones go to the scanner)."""
    if len(token) > 17:
        raise ValueError(token)
    value = int(token)
    if value > _MAX_SAFE or value < -_MAX_SAFE:
        raise ValueError(token)
    return value


def _finite_float(token: str) -> float:
    value = float(token)
    if value in (_INF, -_INF):
        raise ValueError(token)
    return value


def _orjson_load(
    text: str,
    raw: bytes | None,
    max_depth: int,
    ids: set[str] | None,
    loaded: tuple[Any] | None = None,
) -> tuple[Any] | None:
    """Parse with orjson and prove the result is what the exact path would return.

    Returns the value in a 1-tuple (the value may be ``None``), or None to decline.
    orjson rejects what RFC 8259 rejects (NaN, trailing commas, lone surrogates,
    doubles that overflow, a BOM), but it keeps the last of duplicate keys
    silently, turns integers beyond 64 bits into floats and nests up to its own
    limit. The proof that none of this happened comes first from orjson itself
    (:func:`_proved_by_dumps`, all in C) and, when that cannot tell, from one walk
    over the value (:func:`_proved_by_walk`). When ``ids`` is given, the ``@id``
    of every object that declares a node is added to it. ``loaded`` is what
    ``orjson.loads`` already returned for the text, when the caller has it.
    """
    if loaded is not None:
        value = loaded[0]
    else:
        try:
            value = orjson.loads(text if raw is None else raw)
        except orjson.JSONDecodeError:
            return None
    if not _proved_by_dumps(text if raw is None else raw, value, max_depth) and not (
        _proved_by_walk(text, raw, value, max_depth)
    ):
        return None
    if ids is not None:
        ids.update(collect_ids(value))
    return (value,)


#: orjson.dumps writes at most this many nested arrays and objects.
_ORJSON_DUMPS_DEPTH = 254


def _proved_by_dumps(source: str | bytes, value: Any, max_depth: int) -> bool:
    """The quick proof: write the value back with orjson and compare counts.

    * ``orjson.dumps`` writes every key and string as one token whose inner ``"``
      are escaped as ``\\"``, so its output holds as many ``"`` as the text would
      if no key had been dropped and every inner quote were spelt ``\\"``: equal
      counts, with no ``\\u0022`` in the text, show that no key was dropped;
    * with ``OPT_STRICT_INTEGER`` it refuses integers beyond 53 bits, and it writes
      every float of 2^63 or more (it has 19 digits before the point) with an
      ``e+`` exponent, which a quick search finds (strings that hold ``e+`` merely
      send the document to the walk);
    * it refuses to nest deeper than :data:`_ORJSON_DUMPS_DEPTH`.

    A text that orjson itself wrote (compact, or indented by two spaces as the
    publisher writes, with or without a final newline) is the same bytes as what it
    writes again: one comparison then stands for the counts.

    False means "cannot tell here", never "wrong": the walk decides then.
    """
    if max_depth < _ORJSON_DUMPS_DEPTH:
        return False
    indented = source[1:2] in _NEWLINES
    try:
        written = orjson.dumps(
            value, option=_DUMPS_INDENTED if indented else orjson.OPT_STRICT_INTEGER
        )
    except orjson.JSONEncodeError:
        return False
    # "e+" found from its rarer "+" (timezones hold some); none starts the text
    plus = written.find(b"+", 1)
    while plus > 0:
        if written[plus - 1] == 101:  # "e"
            return False
        plus = written.find(b"+", plus + 1)
    if isinstance(source, bytes):
        size = len(source) - len(written)
        if (size == 0 or (size == 1 and source[-1:] == b"\n")) and source.startswith(written):
            return True
        return b"\\u0022" not in source and source.count(b'"') == written.count(b'"')
    return "\\u0022" not in source and source.count('"') == written.count(b'"')


_NEWLINES = ("\n", b"\n")
_DUMPS_INDENTED = orjson.OPT_STRICT_INTEGER | orjson.OPT_INDENT_2


def _proved_by_walk(text: str, raw: bytes | None, value: Any, max_depth: int) -> bool:
    """The exact proof, by one walk over the value.

    * counts the keys and string values it holds: every string token of the text
      has two quotes and each kept key or string is one token, so the text holds
      exactly twice as many ``"`` as there are keys and strings, plus the quotes
      escaped inside them, unless some key token was dropped as a duplicate
      (which adds at least two);
    * declines integers beyond 2^53 (SP011 needs the scanner) and floats of 2^63
      or more (an integer orjson could not hold, or a rare large double that the
      exact path reads the same way);
    * counts the arrays and objects: the nesting cannot be deeper than that.
    """
    keys = 0
    strings = 0
    containers = -1  # the wrapper below is not in the document
    stack: list[Any] = [[value]]
    push, take = stack.append, stack.pop
    while stack:
        container = take()
        containers += 1
        if container.__class__ is dict:
            keys += len(container)
            items = container.values()
        else:
            items = container
        for item in items:
            kind = item.__class__
            if kind is str:
                strings += 1
            elif kind is dict or kind is list:
                push(item)
            elif kind is int:
                if item > _MAX_SAFE or item < -_MAX_SAFE:
                    return False
            elif kind is float and not -_ORJSON_INT_LIMIT < item < _ORJSON_INT_LIMIT:
                return False
    if containers > max_depth and _max_nesting(text) > max_depth:
        return False
    quotes = text.count('"') if raw is None else raw.count(b'"')
    expected = 2 * (keys + strings)
    if quotes != expected:
        # a `"` inside a string is written `\"` (one more quote in the text) or
        # `\u0022` (none): count them only when the second spelling is absent
        if "\\u0022" in text:
            return False
        if quotes != expected + _escaped_quotes(value):
            return False
    return True


def _escaped_quotes(value: Any) -> int:
    """How many ``"`` the keys and strings of ``value`` hold (each escaped in the text)."""
    total = 0
    stack: list[Any] = [[value]]
    while stack:
        container = stack.pop()
        if container.__class__ is dict:
            for key in container:
                total += key.count('"')
            items = container.values()
        else:
            items = container
        for item in items:
            kind = item.__class__
            if kind is str:
                total += item.count('"')
            elif kind is dict or kind is list:
                stack.append(item)
    return total


def _ignore(_: str) -> None:
    return None


def _fast_load(
    text: str,
    max_depth: int,
    ids: set[str] | None,
    raw: bytes | None = None,
    loaded: tuple[Any] | None = None,
) -> tuple[Any, bool] | None:
    """Parse with C code when it will agree with RFC 8259; None to decline.

    Returns (value, has_duplicate_keys); adds every declared ``@id`` to ``ids`` when given.
    ``raw``, when given, is ``text`` encoded in UTF-8 (orjson reads it faster).
    orjson is tried first (:func:`_orjson_load`); when it declines, the C scanner
    of the standard library runs with hooks that see duplicate keys exactly.
    """
    quick = _orjson_load(text, raw, max_depth, ids, loaded)
    if quick is not None:
        return quick[0], False
    if _SURROGATE_ESCAPE.search(text):
        return None
    if text.count("[") + text.count("{") > max_depth and _max_nesting(text) > max_depth:
        return None
    return _json_load(text, ids)


def _json_load(text: str, ids: set[str] | None) -> tuple[Any, bool] | None:
    """The exact fast path: ``json.loads`` with hooks for duplicates, ``@id`` (when
    ``ids`` is given) and numbers."""
    duplicates = False
    add_id = ids.add if ids is not None else _ignore

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicates
        result = dict(pairs)
        if len(result) != len(pairs):
            duplicates = True
        node_id = result.get("@id")
        if node_id.__class__ is str and len(result) > 1:
            add_id(node_id)
        return result

    def no_constant(name: str) -> Any:
        raise ValueError(name)

    try:
        value = json.loads(
            text,
            object_pairs_hook=pairs_hook,
            parse_constant=no_constant,
            parse_int=_safe_int,
            parse_float=_finite_float,
        )
    except (ValueError, RecursionError):
        return None
    return value, duplicates


def parse(
    raw: bytes | str,
    *,
    file: str | None = None,
    block: int | None = None,
    origin: tuple[int, int] = (1, 1),
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_size: int = DEFAULT_MAX_SIZE,
    in_html: bool = False,
) -> Parsed:
    """Turn JSON bytes (or text already decoded, e.g. from an HTML page) into a Document.

    Findings carry their line and column (shifted by ``origin``, the position of
    the first character in ``file``). ``document.data`` is None when the input
    is not valid JSON; warnings (BOM, duplicate keys, imprecise integers) keep it.
    """
    size = len(raw)
    if size > max_size:
        finding = TOO_LARGE(
            f"{size} {'bytes' if isinstance(raw, bytes) else 'characters'} exceed the limit of "
            f"{max_size}",
            hint="Raise `max-size` in [tool.schema-pub] if such inputs are expected.",
        )
        return Parsed(
            Document(None, file=file, block=block),
            [finding.located(file=file, line=origin[0], column=origin[1])],
        )
    findings: list[Finding] = []
    loaded: tuple[Any] | None = None
    if isinstance(raw, bytes):
        # orjson reads the bytes first: when it accepts them they are UTF-8 without
        # a BOM (it rejects anything else), so decoding has nothing to report and
        # waits until a finding needs a line and column.
        try:
            loaded = (orjson.loads(raw),)
        except orjson.JSONDecodeError:
            loaded = None
        if loaded is not None and _proved_by_dumps(raw, loaded[0], max_depth):
            document = Document(
                loaded[0],
                file=file,
                block=block,
                locate=PathLocator(raw, None, origin, exact=True, value=loaded[0]),
                page_ids=None,
            )
            return Parsed(document, [])
        text, findings = decode(raw, index_origin=origin)
        if text is None:
            return Parsed(
                Document(None, file=file, block=block),
                [f.located(file=file, line=f.line, column=f.column) for f in findings],
            )
    else:
        text = raw
    index = LineIndex(text, origin)
    locator: Locator = PathLocator(text, index)
    body = None
    if isinstance(raw, bytes):
        body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    fast = _fast_load(text, max_depth, None, body, loaded) if text.strip() else None
    if fast is not None and not fast[1]:
        # valid JSON without duplicate keys: each location is looked up on its own
        locator = PathLocator(text, index, exact=True)
        # page_ids=None: the declared @ids are collected when first asked for
        document = Document(fast[0], file=file, block=block, locate=locator, page_ids=None)
        return Parsed(
            document,
            [f.located(file=file, line=f.line, column=f.column) for f in findings],
        )
    result = scan(text, max_depth=max_depth, in_html=in_html)
    for problem in result.problems:
        line, column = index.position(problem.offset)
        findings.append(
            problem.rule(problem.message, path=problem.path, hint=problem.hint).located(
                file=file, line=line, column=column
            )
        )
    findings = [f.located(file=file, line=f.line, column=f.column) for f in findings]
    failed = not result.complete or any(f.severity is Severity.ERROR for f in findings)
    data = None if failed else result.value
    document = Document(data, file=file, block=block, locate=locator, page_ids=None)
    return Parsed(document, findings)


def collect_ids(data: Any) -> set[str]:
    """Every ``@id`` declared anywhere in ``data``, without recursion.

    An object holding only ``@id`` refers to a node and declares nothing.
    """
    found: set[str] = set()
    stack = [data]
    while stack:
        value = stack.pop()
        kind = value.__class__
        if kind is dict:
            node_id = value.get("@id")
            if node_id.__class__ is str and len(value) > 1:
                found.add(node_id)
            stack.extend(v for v in value.values() if v.__class__ is dict or v.__class__ is list)
        elif kind is list:
            stack.extend(v for v in value if v.__class__ is dict or v.__class__ is list)
    return found


def check(doc: Document) -> Iterator[Finding]:
    """Syntax findings are produced by :func:`parse`; a parsed document has none left."""
    return iter(())
