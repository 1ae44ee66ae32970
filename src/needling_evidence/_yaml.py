"""YAML read safely and with lines: the one loader for the claims registry and an article's front matter.

The text is composed into nodes by PyYAML's *safe* loader (libyaml's when PyYAML has it) and converted by
hand, so every value keeps its line and nothing is ever constructed from a tag (``!!python/object`` is a
problem, not run). Aliases are counted while converting, and the values a document expands to are capped by
its size, so a "billion laughs" document is refused before it can expand; nesting too deep is refused too.
Every fault — a syntax error, a control character, an impossible date, a duplicate key, a refused tag, a
bomb — is a :class:`~needling_evidence.model.Problem` with the file and line; nothing raises.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .model import Problem

__all__ = ["MAX_YAML_ALIASES", "MAX_YAML_NODES", "YamlValue", "parse_yaml", "plain"]

# Anchors and aliases are legal YAML and handy for a shared reviewer block, but a registry has no use for
# many: the "billion laughs" document needs only ~10 aliases per level, so we cap the reuse count and,
# separately, the number of nodes the document would expand to.
MAX_YAML_ALIASES = 1_000
# 10,000 claims × ~25 nodes each (claim fields plus a few evidence links) — far above any real registry, far
# below what would exhaust memory. The cap grows with the text (see _Converter).
MAX_YAML_NODES = 250_000

# Tags a document may use: YAML's core schema. Anything else (``!!python/object:…``, a custom ``!tag``) is
# refused.
_SAFE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)


@dataclass
class YamlValue:
    """A YAML value with the (1-based) line it starts on. Maps hold ``{key: YamlValue}``; sequences
    ``[YamlValue]``; ``raw`` is the document's text of a map or sequence."""

    value: Any
    line: int
    raw: str | None = None


class _Refused(Exception):
    def __init__(self, code: str, message: str, line: int):
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line


class _Converter:
    """Turns a composed node graph into :class:`YamlValue` values, counting what aliases would expand to."""

    def __init__(
        self,
        loader: Any,
        file: str | None,
        problems: list[Problem],
        text: str,
        code: Callable[[str], str],
        limits: tuple[int, int],
        dates_as_text: bool,
    ):
        self.loader = loader
        self.file = file
        self.problems = problems
        self.text = text
        self.code = code
        self.lines = text.splitlines()
        max_nodes, self.max_aliases = limits
        # Without aliases a document cannot hold more values than it has characters: the cap grows with the
        # file, so a large honest registry is read while a small document that expands a millionfold is not.
        self.max_nodes = max_nodes + len(text)
        self.dates_as_text = dates_as_text
        self.nodes = 0
        self.aliases = 0
        self.seen: set[int] = set()
        self.stack: set[int] = set()

    def raw(self, node: Any) -> str:
        start, end = node.start_mark.line, max(node.end_mark.line, node.start_mark.line)
        return "\n".join(self.lines[start : end + 1])

    def problem(self, code: str, message: str, line: int, **more: Any) -> None:
        self.problems.append(Problem(self.code(code), message, file=self.file, line=line, **more))

    def convert(self, node: Any) -> YamlValue:
        import yaml

        line = node.start_mark.line + 1
        self.nodes += 1
        if self.nodes > self.max_nodes:
            raise _Refused(
                "yaml_bomb",
                f"the YAML expands to more than {self.max_nodes:,} values, far more than its "
                f"{len(self.text):,} characters hold without aliases (aliases reused too often?); refused",
                line,
            )
        if id(node) in self.stack:
            raise _Refused("yaml_bomb", "a YAML alias refers to itself (recursive structure); refused", line)
        if id(node) in self.seen and not isinstance(node, yaml.ScalarNode):
            self.aliases += 1
            if self.aliases > self.max_aliases:
                raise _Refused(
                    "yaml_bomb",
                    f"more than {self.max_aliases:,} alias uses (a 'billion laughs' document?); refused",
                    line,
                )
        self.seen.add(id(node))
        if node.tag not in _SAFE_TAGS:
            self.problem(
                "yaml_unsafe_tag",
                f"the YAML tag {node.tag!r} is not allowed (only plain YAML values are read; nothing is "
                "constructed from tags); the value is ignored",
                line,
                raw=self.raw(node),
            )
            return YamlValue(None, line, self.raw(node))
        if isinstance(node, yaml.ScalarNode):
            try:
                value = self.loader.construct_object(node, deep=True)
            except ValueError:
                # A timestamp that is no real date (2024-02-30): keep what the user wrote, say so.
                self.problem(
                    "bad_date", f"{node.value!r} is not a real date (YYYY-MM-DD); it is kept as text", line
                )
                return YamlValue(str(node.value), line)
            if self.dates_as_text and isinstance(value, (_dt.date, _dt.datetime)):
                value = value.isoformat()
            return YamlValue(value, line)
        self.stack.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return YamlValue([self.convert(item) for item in node.value], line, self.raw(node))
            mapping: dict[str, YamlValue] = {}
            for key_node, value_node in node.value:
                key = self.convert(key_node)
                name = str(key.value)
                if name in mapping:
                    self.problem(
                        "yaml_duplicate_key",
                        f"the key {name!r} appears twice in one mapping (first on line "
                        f"{mapping[name].line}); the later value is used",
                        key.line,
                        field=name,
                    )
                mapping[name] = self.convert(value_node)
                mapping[name].line = key.line
            return YamlValue(mapping, line, self.raw(node))
        finally:
            self.stack.discard(id(node))


# What a hand edit most often did wrong, by the words of PyYAML's message.
_YAML_HINTS = (
    (
        "mapping values are not allowed",
        "; a value that contains ': ' must be in quotes, and '- ' needs its space",
    ),
    ("'\\t'", "; YAML indents with spaces, not tabs"),
    ("expected <block end>", "; check the indentation: each field lines up with the one above it"),
    ("could not find expected ':'", "; each field is 'name: value', indented like its neighbours"),
    ("quoted scalar", "; a quote was opened and not closed"),
)


def parse_yaml(
    text: str,
    file: str | None,
    problems: list[Problem],
    *,
    code: Callable[[str], str] = lambda name: name,
    max_nodes: int = MAX_YAML_NODES,
    max_aliases: int = MAX_YAML_ALIASES,
    dates_as_text: bool = True,
) -> YamlValue | None:
    """The YAML document in ``text`` as :class:`YamlValue` values, or ``None`` when it is empty or cannot be
    read; every fault is appended to ``problems``. ``code(name)`` makes each problem's code from its kind
    (``yaml_syntax``, ``yaml_bomb``, ``yaml_unsafe_tag``, ``yaml_duplicate_key``, ``bad_date``).
    ``max_nodes`` (plus one per character of ``text``) and ``max_aliases`` are the bomb guards."""
    import yaml

    limits = (max_nodes, max_aliases)
    # libyaml's parser when PyYAML has it: four times faster on a large registry, same nodes and marks. Its
    # syntax-error messages are terser than PyYAML's own, which the hints read, so a document it refuses is
    # parsed again by the pure-Python loader to say why (errors are rare; only they pay for it).
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return _compose(fast, text, file, problems, code, limits, dates_as_text)
        except (yaml.MarkedYAMLError, yaml.reader.ReaderError):
            pass
        except (_Refused, RecursionError) as exc:
            problems.append(_refusal(exc, file, code))
            return None
    try:
        return _compose(yaml.SafeLoader, text, file, problems, code, limits, dates_as_text)
    except yaml.reader.ReaderError as exc:
        # YAML forbids control characters anywhere, comments included; PyYAML says where only as an offset.
        problems.append(
            Problem(
                code("yaml_syntax"),
                f"the file holds the control character U+{exc.character:04X}, which YAML does not allow "
                "anywhere (not even in a comment); delete it",
                file=file,
                line=text.count("\n", 0, max(exc.position, 0)) + 1,
            )
        )
    except yaml.MarkedYAMLError as exc:
        problems.append(_syntax_problem(exc, file, code))
    except yaml.YAMLError as exc:
        problems.append(Problem(code("yaml_syntax"), f"YAML error: {exc}", file=file))
    except (_Refused, RecursionError) as exc:
        problems.append(_refusal(exc, file, code))
    return None


def plain(value: YamlValue | None) -> Any:
    """``value`` as plain Python values (dicts, lists, scalars), without lines. An alias becomes a copy; the
    guards of :func:`parse_yaml` have already bounded how many values that makes."""
    if value is None:
        return None
    inner = value.value
    if isinstance(inner, dict):
        return {name: plain(item) for name, item in inner.items()}
    if isinstance(inner, list):
        return [plain(item) for item in inner]
    return inner


def _compose(
    loader_class: Any,
    text: str,
    file: str | None,
    problems: list[Problem],
    code: Callable[[str], str],
    limits: tuple[int, int],
    dates_as_text: bool,
) -> YamlValue | None:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return _Converter(loader, file, problems, text, code, limits, dates_as_text).convert(node)
    finally:
        loader.dispose()


def _refusal(exc: _Refused | RecursionError, file: str | None, code: Callable[[str], str]) -> Problem:
    if isinstance(exc, _Refused):
        return Problem(code(exc.code), exc.message, file=file, line=exc.line)
    return Problem(code("yaml_bomb"), "the YAML is nested too deeply; refused", file=file)


def _syntax_problem(exc: Any, file: str | None, code: Callable[[str], str]) -> Problem:
    """A YAML syntax error as a problem on the line to fix, with a hint for the usual hand-edit slips."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    what = " ".join(p for p in (exc.context, exc.problem) if p)
    if exc.context and exc.context_mark is not None and exc.context_mark.line + 1 != line:
        started = exc.context_mark.line + 1
        if "end of stream" in (exc.problem or ""):
            # "while scanning a quoted scalar … found unexpected end of stream": the line where the
            # quote was opened is the one to fix, not the end of the file.
            what, line = f"{what} (at the end of the file)", started
        else:
            what += f" (it started on line {started})"
    hint = next((h for pattern, h in _YAML_HINTS if pattern in what), "")
    return Problem(code("yaml_syntax"), f"YAML syntax error: {what}{hint}", file=file, line=line)
