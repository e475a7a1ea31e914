"""Read article files: .txt, .md, .html/.htm, .jsonl; detect encodings; skip bad files.

Each reader yields :class:`~medkg.ingest.model.Article` objects. Problems with a file
become :class:`Skip` records (one line: file and reason), never exceptions.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from medkg.ingest.model import Article

SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}
MAX_BYTES = 50 * 1024 * 1024


@dataclass
class Skip:
    """A file (or jsonl line) that was not ingested, and why."""
    source: str
    reason: str
    error: bool = False     # True: a real error (exit code), False: a notice (empty, binary)

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def find_files(paths: Iterable[str | Path]) -> Iterator[Path | Skip]:
    """Expand files and folders (recursively) into article files, in a stable order."""
    for p in paths:
        path = Path(p)
        if not path.exists():
            yield Skip(str(path), "no such file or directory", error=True)
        elif path.is_dir():
            try:
                found = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                               and not any(part.startswith(".") for part in f.relative_to(path).parts))
            except OSError as exc:
                yield Skip(str(path), f"cannot list directory ({exc.strerror or exc})", error=True)
                continue
            yield from found
        elif path.is_file():
            yield path
        else:
            yield Skip(str(path), "not a regular file", error=True)


def decode(data: bytes) -> tuple[str | None, str]:
    """Decode bytes to text. Returns (text or None, encoding or reason)."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                     (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                return None, f"invalid {enc} despite its byte-order mark"
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes
        best = from_bytes(data).best()
        if best is None:
            return None, "binary or undecodable content"
        text, enc = str(best), best.encoding
    if _looks_binary(text):
        return None, "binary content"
    return text, enc


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:20000]
    if not sample:
        return False
    ctrl = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return ctrl / len(sample) > 0.01


def normalize_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\ufeff", "")
    text = re.sub(r"[ \t]+\n", "\n", text)
    return text.strip()


def content_hash(*parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part or "").encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


_DATELINE = re.compile(r"^\s*(?:date|published|posted|time)\s*[:：]\s*(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})", re.I | re.M)


def header_metadata(text: str) -> tuple[str | None, str | None]:
    """A title (first short line not ending like a sentence) and a dateline date, if any."""
    title = None
    for line in text.split("\n")[:5]:
        s = line.strip()
        if not s:
            continue
        if len(s) <= 200 and not s.endswith((".", "!", "?", ":")) and not _DATELINE.match(s):
            words = s.split()
            if len(words) >= 3:
                title = s
                break
    m = _DATELINE.search(text[:2000])
    date = None
    if m:
        y, mo, d = (int(x) for x in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            date = f"{y:04d}-{mo:02d}-{d:02d}"
    return title, date


def html_to_text(html: str) -> tuple[str, str | None, str | None]:
    """Main text, title and date of an HTML page (scripts, styles, menus dropped)."""
    import trafilatura
    text = trafilatura.extract(html, include_comments=False, include_tables=True,
                               favor_recall=True, deduplicate=False, with_metadata=False) or ""
    title = date = None
    try:
        meta = trafilatura.extract_metadata(html)
        if meta is not None:
            title, date = meta.title, meta.date
    except Exception:
        pass
    if not text.strip():
        text = _fallback_html_text(html)
    return text, title, date


def _fallback_html_text(html: str) -> str:
    import lxml.html
    try:
        doc = lxml.html.document_fromstring(html)
    except Exception:
        return ""
    for bad in doc.xpath("//script|//style|//nav|//header|//footer|//aside|//noscript|//form|//template"):
        bad.drop_tree()
    blocks = [" ".join(el.text_content().split()) for el in doc.xpath("//p|//h1|//h2|//h3|//h4|//li|//td")]
    blocks = [b for b in blocks if b]
    return "\n".join(blocks) if blocks else " ".join(doc.text_content().split())


def markdown_to_text(md: str) -> tuple[str, str | None]:
    """Plain text and the first heading of a Markdown document."""
    title = None
    lines = []
    in_code = False
    for line in md.split("\n"):
        if line.strip().startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        m = re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
        if m:
            line = m.group(1)
            if title is None and line:
                title = line
        line = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", line)     # images
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)      # links
        line = re.sub(r"(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1", r"\2", line)
        line = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line)
        line = re.sub(r"^\s*>\s?", "", line)
        lines.append(line)
    return "\n".join(lines), title


def read_file(path: Path) -> Iterator[Article | Skip]:
    """Articles in one file (one for txt/md/html, one per line for jsonl), or Skips."""
    src = str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        yield Skip(src, f"unsupported file type '{path.suffix or '(none)'}' (use .txt, .md, .html or .jsonl)", error=True)
        return
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Skip(src, f"file too large ({size // (1024 * 1024)} MiB > {MAX_BYTES // (1024 * 1024)} MiB)")
            return
        data = path.read_bytes()
    except PermissionError:
        yield Skip(src, "permission denied", error=True)
        return
    except OSError as exc:
        yield Skip(src, f"cannot read ({exc.strerror or exc})", error=True)
        return
    if not data.strip():
        yield Skip(src, "empty file, skipped")
        return
    text, enc = decode(data)
    if text is None:
        yield Skip(src, f"{enc}, skipped")
        return
    if kind == "jsonl":
        yield from _read_jsonl(path, text)
        return
    title = date = None
    if kind == "html":
        text, title, date = html_to_text(text)
    elif kind == "markdown":
        text, title = markdown_to_text(text)
    text = normalize_text(text)
    if not text:
        yield Skip(src, "no text content, skipped")
        return
    htitle, hdate = header_metadata(text)
    title = title or htitle
    date = _iso_date(date) or hdate
    yield Article(stem=path.stem, text=text, source=src, title=title, date=date,
                  content_hash=content_hash(text, title, date))


def _iso_date(value) -> str | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(value))
    return m.group(0) if m else None


def _read_jsonl(path: Path, text: str) -> Iterator[Article | Skip]:
    for no, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{no}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skip(where, f"invalid JSON ({exc.msg} at column {exc.colno})", error=True)
            continue
        if not isinstance(obj, dict):
            yield Skip(where, "a line must be a JSON object with a 'text' field", error=True)
            continue
        body = obj.get("text") or obj.get("content") or obj.get("body")
        if not isinstance(body, str) or not body.strip():
            yield Skip(where, "no 'text' field, skipped", error=True)
            continue
        if obj.get("html") or re.match(r"\s*<(?:!doctype|html|body|div|p)\b", body, re.I):
            body, _t, _d = html_to_text(body)
        body = normalize_text(body)
        stem = str(obj.get("id") or obj.get("doc") or f"{path.stem}-{no}")
        title = obj.get("title") if isinstance(obj.get("title"), str) else None
        htitle, hdate = header_metadata(body)
        date = _iso_date(obj.get("date")) or hdate
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        yield Article(stem=stem, text=body, source=where, title=title or htitle, date=date, url=url,
                      content_hash=content_hash(body, title, date, url))
