"""YAML with positions: ``yaml.safe_load`` semantics, plus the line/column of every key and value.

Every semi-trusted YAML the tool reads with positions (rule files, pattern files) goes through here.

Rule files are semi-trusted input. Only the safe constructors run (``!!python/object`` and friends are
errors), anchors and aliases are refused (no "billion laughs"), and size and nesting are bounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path as FsPath

import yaml

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32

Path = tuple[str | int, ...]


class RuleFileError(Exception):
    """A problem in a rule file. ``str()`` is ``file:line:col: reason``."""

    def __init__(self, path: str, line: int, column: int, reason: str):
        self.path, self.line, self.column, self.reason = path, line, column, reason
        super().__init__(f"{path}:{line}:{column}: {reason}")


@dataclass
class Positioned:
    """A loaded YAML document and the 1-based (line, column) of every path in it."""

    path: str
    data: object
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def where(self, loc: Path) -> tuple[int, int]:
        """Position of ``loc``, or of its nearest ancestor that has one."""
        while loc not in self.marks and loc:
            loc = loc[:-1]
        return self.marks.get(loc, (1, 1))

    def error(self, loc: Path, reason: str) -> RuleFileError:
        line, col = self.where(loc)
        return RuleFileError(self.path, line, col, reason)


# LibYAML's parser when PyYAML was built with it (positions and events are the same, ten times faster)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str, path: str) -> Positioned:
    """Parse one YAML document safely, keeping positions. Raises :class:`RuleFileError`."""
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise RuleFileError(path, 1, 1, f"file is larger than {MAX_BYTES} bytes (limit for rule files)")
    _check_flow_depth(text, path)
    try:
        depth = 0
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                m = event.start_mark
                raise RuleFileError(path, m.line + 1, m.column + 1, "YAML anchors and aliases are not allowed")
            if isinstance(event, yaml.CollectionStartEvent):  # before PyYAML recurses (RecursionError)
                depth += 1
                if depth > MAX_DEPTH:
                    m = event.start_mark
                    raise RuleFileError(path, m.line + 1, m.column + 1, f"nesting deeper than {MAX_DEPTH} levels")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        loader = _LOADER(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = exc.problem or exc.context or "invalid YAML"
        raise RuleFileError(path, line, col, f"invalid YAML: {reason}") from None
    except yaml.YAMLError as exc:
        raise RuleFileError(path, 1, 1, f"invalid YAML: {exc}") from None
    result = Positioned(path=path, data=data)
    if node is not None:
        _collect(node, (), result.marks, 0, path)
    return result


def _check_flow_depth(text: str, path: str) -> None:
    """Refuse deep flow nesting (``[[[[...``) before PyYAML sees it: its scanner is quadratic in the
    depth (10,000 levels took 90 s) and its composer recursive (RecursionError). Brackets are counted
    naively, quoted ones too, so the bound is twice the real limit."""
    depth = deepest = 0
    for line_no, line in enumerate(text.split("\n"), start=1):
        if "[" not in line and "{" not in line and depth == 0:
            continue
        for col, ch in enumerate(line, start=1):
            if ch in "[{":
                depth += 1
                if depth > deepest:
                    deepest = depth
                    if deepest > 2 * MAX_DEPTH:
                        raise RuleFileError(path, line_no, col, f"nesting deeper than {MAX_DEPTH} levels")
            elif ch in "]}":
                depth = max(depth - 1, 0)


def _collect(node: yaml.Node, loc: Path, marks: dict[Path, tuple[int, int]], depth: int, path: str) -> None:
    if depth > MAX_DEPTH:
        m = node.start_mark
        raise RuleFileError(path, m.line + 1, m.column + 1, f"nesting deeper than {MAX_DEPTH} levels")
    marks[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
            _collect(value_node, (*loc, key), marks, depth + 1, path)
            # A key's own position is more useful than its value's for "unknown key" errors.
            marks[(*loc, key, "__key__")] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _collect(item, (*loc, i), marks, depth + 1, path)


def yaml_files(paths: Iterable[str | FsPath]) -> list[FsPath]:
    """The files named, and every ``*.yaml``/``*.yml`` below the folders named (sorted)."""
    files: list[FsPath] = []
    for p in map(FsPath, paths):
        if p.is_dir():
            files.extend(sorted(x for x in p.rglob("*") if x.suffix in (".yaml", ".yml") and x.is_file()))
        else:
            files.append(p)
    return files


@dataclass
class Entry:
    """One item of a YAML file holding a mapping or a list of them: ``loc`` is its path in ``doc``."""

    doc: Positioned
    text: str
    loc: Path
    item: object


def read_entries(files: Iterable[FsPath], what: str, problems: list[RuleFileError]) -> Iterator[Entry]:
    """Each item of each file, read safely: only regular files, at most ``MAX_BYTES`` read, positions
    kept. A file that cannot be read or parsed adds its problem to ``problems`` and yields nothing."""
    for path in files:
        try:
            if not path.is_file():
                raise OSError(f"not a regular file: {path}" if path.exists() else f"no such file: {path}")
            with path.open("rb") as fh:
                text = fh.read(MAX_BYTES + 1).decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(RuleFileError(str(path), 1, 1, f"cannot read {what} file: {exc}"))
            continue
        try:
            doc = load_yaml(text, str(path))
        except RuleFileError as exc:
            problems.append(exc)
            continue
        items = doc.data if isinstance(doc.data, list) else [doc.data]
        for i, item in enumerate(items):
            yield Entry(doc, text, (i,) if isinstance(doc.data, list) else (), item)
