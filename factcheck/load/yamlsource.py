"""Every YAML the tool reads goes through here: rule files, pattern files, config files, source files
and the front matter of drafts (``yaml.safe_load`` semantics; the line/column of every key and value
where a caller needs them).

All of it is semi-trusted (in CI the config file and the drafts come from pull requests), so:
- files are read with :func:`read_bounded`: only regular files (a FIFO, ``/dev/zero`` or a directory is
  refused before anything is read), at most ``max_bytes`` read, never the whole of an endless file;
- only the safe constructors run (``!!python/object`` and friends are errors);
- anchors and aliases are refused before anything is built (no "billion laughs");
- nesting is bounded (``max_depth``) before PyYAML recurses into it (no ``RecursionError``), and deep
  flow nesting is refused before PyYAML's scanner, which is quadratic in it, sees it.

Every problem is a :class:`RuleFileError` (``file:line:col: reason``); callers turn it into their own
error type (a config error, a load error) keeping the position.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path as FsPath

import yaml

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
# libyaml's C parser when PyYAML has it (the wheels do): ten times faster, same results.
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path = tuple[str | int, ...]


class RuleFileError(Exception):
    """A problem in a YAML source (rule, pattern, config file). ``str()`` is ``file:line:col: reason``."""

    def __init__(self, path: str, line: int, column: int, reason: str):
        self.path, self.line, self.column, self.reason = path, line, column, reason
        super().__init__(f"{path}:{line}:{column}: {reason}")


YamlSourceError = RuleFileError


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


def read_bounded(path: str | os.PathLike[str], *, what: str, max_bytes: int = MAX_BYTES) -> str:
    """The UTF-8 text of a regular file of at most ``max_bytes`` bytes; anything else is an error.

    The file is opened without blocking (a FIFO would block ``open``) and checked with ``fstat`` on the
    open descriptor (no race with a swapped file); at most ``max_bytes + 1`` bytes are ever read.
    """
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise RuleFileError(name, 1, 1, f"cannot read {what}: {exc.strerror or exc}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise RuleFileError(name, 1, 1, f"cannot read {what}: not a regular file")
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            chunk = os.read(fd, min(max_bytes + 1 - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise RuleFileError(name, 1, 1, f"cannot read {what}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if size > max_bytes:
        raise RuleFileError(name, 1, 1, f"{what} is larger than {max_bytes} bytes (the limit)")
    data = b"".join(chunks)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise RuleFileError(name, line, col, f"cannot read {what}: not valid UTF-8") from None


def check_yaml_shape(
    text: str, path: str, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH, line_offset: int = 0,
    what: str = "file", fast: bool = True,
) -> None:
    """Refuse what would make PyYAML blow up, before it builds anything: size, aliases, nesting.

    Runs on the event stream only (no values are built), so a billion-laughs document of nine levels of
    nine aliases is refused at its first anchor, and 10,000 levels of nesting at level ``max_depth``.
    """
    if len(text) > max_bytes or len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise RuleFileError(path, 1 + line_offset, 1, f"{what} is larger than {max_bytes} bytes (the limit)")
    _check_flow_depth(text, path, max_depth, line_offset)
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FAST if fast else yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                m = event.start_mark
                raise RuleFileError(path, m.line + 1 + line_offset, m.column + 1, "YAML anchors and aliases are not allowed")
            if isinstance(event, yaml.CollectionStartEvent):  # before PyYAML recurses (RecursionError)
                depth += 1
                if depth > max_depth:
                    m = event.start_mark
                    raise RuleFileError(path, m.line + 1 + line_offset, m.column + 1,
                                        f"nesting deeper than {max_depth} levels")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        raise _invalid(exc, path, line_offset) from None


def safe_load(
    text: str, path: str, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH, line_offset: int = 0,
    what: str = "file",
) -> object:
    """``yaml.safe_load`` behind :func:`check_yaml_shape` (no positions kept; libyaml when available).

    ``line_offset`` is added to every line reported (front matter starts on the line after ``---``).
    """
    check_yaml_shape(text, path, max_bytes=max_bytes, max_depth=max_depth, line_offset=line_offset, what=what)
    try:
        return yaml.load(text, Loader=_FAST)
    except yaml.YAMLError as exc:
        raise _invalid(exc, path, line_offset) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # e.g. `published: 2025-13-45` (a timestamp that is no date), a 5,000-digit integer
        raise RuleFileError(path, 1 + line_offset, 1, f"invalid YAML: {type(exc).__name__}: {str(exc)[:200]}") from None


def load_file(path: str | os.PathLike[str], *, what: str, max_bytes: int = MAX_BYTES) -> object:
    """A whole YAML file, read with :func:`read_bounded` and parsed with :func:`safe_load`."""
    return safe_load(read_bounded(path, what=what, max_bytes=max_bytes), str(path), max_bytes=max_bytes, what=what)


def _invalid(exc: yaml.YAMLError, path: str, line_offset: int) -> RuleFileError:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
        reason = exc.problem or exc.context or "invalid YAML"
        return RuleFileError(path, line, col, f"invalid YAML: {reason}")
    return RuleFileError(path, 1 + line_offset, 1, f"invalid YAML: {exc}")


def load_yaml(text: str, path: str, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH,
              what: str = "rule file") -> Positioned:
    """Parse one YAML document safely, keeping positions. Raises :class:`RuleFileError`."""
    check_yaml_shape(text, path, max_bytes=max_bytes, max_depth=max_depth, what=what)
    try:
        loader = _FAST(text)  # LibYAML when PyYAML has it: positions and events are the same, ten times faster
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise _invalid(exc, path, 0) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise RuleFileError(path, 1, 1, f"invalid YAML: {type(exc).__name__}: {str(exc)[:200]}") from None
    result = Positioned(path=path, data=data)
    if node is not None:
        _collect(node, (), result.marks, 0, path, max_depth)
    return result


def _check_flow_depth(text: str, path: str, max_depth: int, line_offset: int) -> None:
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
                    if deepest > 2 * max_depth:
                        raise RuleFileError(path, line_no + line_offset, col, f"nesting deeper than {max_depth} levels")
            elif ch in "]}":
                depth = max(depth - 1, 0)


def _collect(node: yaml.Node, loc: Path, marks: dict[Path, tuple[int, int]], depth: int, path: str,
             max_depth: int) -> None:
    if depth > max_depth:
        m = node.start_mark
        raise RuleFileError(path, m.line + 1, m.column + 1, f"nesting deeper than {max_depth} levels")
    marks[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
            _collect(value_node, (*loc, key), marks, depth + 1, path, max_depth)
            # A key's own position is more useful than its value's for "unknown key" errors.
            marks[(*loc, key, "__key__")] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _collect(item, (*loc, i), marks, depth + 1, path, max_depth)


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
            text = read_bounded(path, what=f"{what} file")
        except RuleFileError as exc:
            problems.append(exc)
            continue
        try:
            doc = load_yaml(text, str(path))
        except RuleFileError as exc:
            problems.append(exc)
            continue
        items = doc.data if isinstance(doc.data, list) else [doc.data]
        for i, item in enumerate(items):
            yield Entry(doc, text, (i,) if isinstance(doc.data, list) else (), item)
