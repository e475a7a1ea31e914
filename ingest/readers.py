"""Read article files: .txt, .md, .html/.htm, .jsonl; detect encodings; skip bad files.

Each reader yields :class:`~medkg.ingest.model.Article` objects. Problems with a file
become :class:`Skip` records (one line: file and reason), never exceptions: a file
(or a jsonl line) that cannot be read is reported and the others are still read.

* Encodings: a byte-order mark wins (UTF-8/16/32); then strict UTF-8; then, for
  HTML, the declared ``<meta charset>``; then charset-normalizer restricted to the
  encodings news sites use (GB18030/GBK, Big5, Shift-JIS, EUC-KR, cp1252), with
  GB18030 preferred when it fits as well as another East Asian code page.
* Metadata: the title comes from HTML metadata, a Markdown front matter or first
  heading, jsonl ``title``, else the first header line of the text that is not site
  chrome ("Please enter the keyword", breadcrumbs, dates). The publication date
  comes from HTML metadata, front matter, jsonl ``date`` or a dateline such as
  ``date:2024/3/8 19:42:00``.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import hashlib
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from medkg.ingest.dates import WEEKDAY
from medkg.ingest.model import Article

SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}
#: txt/md/html files larger than this are skipped (jsonl files are streamed, any size)
MAX_BYTES = 50 * 1024 * 1024
#: one jsonl line longer than this is reported and skipped
MAX_LINE_BYTES = 50 * 1024 * 1024
#: an article longer than this (characters, after HTML/Markdown removal) is skipped:
#: it is not a news article, and spaCy refuses texts over 1,000,000 characters
MAX_CHARS = 1_000_000
#: per jsonl file, at most this many bad-line messages before the first good line are kept
_MAX_BUFFERED = 100


@dataclass
class Skip:
    """A file (or jsonl line) that was not ingested, and why."""
    source: str
    reason: str
    error: bool = False     # True: a real error (exit code), False: a notice (empty, binary)

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


# ---------------------------------------------------------------------------- files
def find_files(paths: Iterable[str | Path]) -> Iterator[Path | Skip]:
    """Expand files and folders (recursively) into article files, in a stable order.

    In folders only known suffixes are taken and hidden files/folders are ignored;
    a file named explicitly is always tried (an unknown suffix is then an error).
    """
    for p in paths:
        path = Path(p)
        try:
            if path.is_dir():
                try:
                    found = sorted(f for f in path.rglob("*") if f.suffix.lower() in SUFFIXES and f.is_file()
                                   and not any(part.startswith(".") for part in f.relative_to(path).parts))
                except OSError as exc:
                    yield Skip(str(path), f"cannot list directory ({exc.strerror or exc})", error=True)
                    continue
                yield from found
            elif path.is_file():
                yield path
            elif path.exists() or path.is_symlink():
                yield Skip(str(path), "not a regular file (or a broken link)", error=True)
            else:
                yield Skip(str(path), "no such file or directory", error=True)
        except OSError as exc:   # e.g. name too long, permission denied on a parent
            yield Skip(str(path), f"cannot access ({exc.strerror or exc})", error=True)


@dataclass(frozen=True)
class Deferred:
    """An HTML document left unread or unconverted (an ``.html`` file, or the HTML body of a
    JSON line): turning a page into text costs about as much as storing an article, so the
    ingest workers do it (:meth:`build`) instead of the one main process."""
    source: str
    stem: str
    size: int                               # bytes, for sizing the work
    html: str | None = None                 # the body of a JSON line (None: read the file)
    title: str | None = None
    date: str | None = None
    url: str | None = None

    def build(self) -> Article | Skip:
        if self.html is None:
            return next(iter(read_file(self.source)))
        body, htitle, hdate = html_to_text(self.html)
        return _line_article(self.stem, body, self.source, self.title or htitle, self.date or hdate, self.url)


def read_file(path: str | Path, defer_html: bool = False) -> Iterator[Article | Skip | Deferred]:
    """Articles in one file (one for txt/md/html, one per line for jsonl), or Skips.
    ``defer_html``: an ``.html`` file, or a JSON line whose body is HTML, comes as a
    :class:`Deferred` (converted by its ``build``)."""
    path = Path(path)
    src = str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        yield Skip(src, f"unsupported file type '{path.suffix or '(no suffix)'}' "
                        f"(use .txt, .md, .html or .jsonl)", error=True)
        return
    if kind == "html" and defer_html:
        try:
            size = path.stat().st_size
        except OSError:
            size = 0                         # (build reports why it cannot be read)
        yield Deferred(src, path.stem, size)
        return
    try:
        if kind == "jsonl":
            with open(path, "rb") as fh:
                yield from _read_jsonl(src, path.stem, fh, defer_html)
            return
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Skip(src, f"file too large ({size / 2**20:.0f} MiB > {MAX_BYTES // 2**20} MiB)")
            return
        data = path.read_bytes()
    except PermissionError:
        yield Skip(src, "permission denied", error=True)
        return
    except OSError as exc:
        yield Skip(src, f"cannot read ({exc.strerror or exc})", error=True)
        return
    yield from _read_document(src, path.stem, kind, data)


def read_bytes(data: bytes, name: str = "text.txt") -> list[Article | Skip]:
    """Read an in-memory document as if it were a file called ``name`` (its suffix picks the format)."""
    p = Path(name)
    kind = SUFFIXES.get(p.suffix.lower(), "text")
    if kind == "jsonl":
        import io
        return list(_read_jsonl(name, p.stem, io.BytesIO(data)))
    return list(_read_document(name, p.stem, kind, data))


def _read_document(src: str, stem: str, kind: str, data: bytes) -> Iterator[Article | Skip]:
    if not data.strip():
        yield Skip(src, "empty file")
        return
    text, enc = decode(data, html=(kind == "html"))
    if text is None:
        yield Skip(src, enc)
        return
    text = sanitize(text)
    if kind == "text" and _HTML_START.match(text):
        kind = "html"          # a saved web page with a .txt name
    title = date = None
    if kind == "html":
        text, title, date = html_to_text(text)
    elif kind == "markdown":
        text, title, date = markdown_to_text(text)
    art = make_article(stem, text, src, title=title, date=date)
    yield art


def make_article(stem: str, text: str, source: str, title: str | None = None, date: str | None = None,
                 url: str | None = None) -> Article | Skip:
    """Clean ``text``, fill missing title/date from its header lines, and build the Article."""
    text = normalize_text(text)
    if not text or not any(ch.isalpha() for ch in text[:100000]):
        return Skip(source, "no text content")
    if len(text) > MAX_CHARS:
        return Skip(source, f"text too long for one article ({len(text):,} characters > {MAX_CHARS:,})")
    text = strip_site_chrome(text)
    htitle, hdate = header_metadata(text)
    title = clean_line(title) if title else None
    if title and is_junk_line(title):
        title = None
    title = title or htitle
    date = parse_date(date) or hdate
    url = clean_line(url) if url else None
    return Article(stem=stem, text=text, source=source, title=title, date=date, url=url,
                   content_hash=content_hash(text, title, date, url))


# ---------------------------------------------------------------------------- encodings
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: encodings tried by detection (besides UTF-8/16/32), in the order of preference
_CANDIDATES = ["gb18030", "big5", "shift_jis", "euc_kr", "cp1252", "latin_1"]
_EAST_ASIAN = {"gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950", "shift_jis", "cp932", "euc_jp",
               "euc_kr", "cp949", "johab", "iso2022_jp", "iso2022_kr", "hz"}
#: aliases that browsers (WHATWG) treat as a superset
_SUPERSET = {"gbk": "gb18030", "gb2312": "gb18030", "gb_2312": "gb18030", "x-gbk": "gb18030", "euc-cn": "gb18030",
             "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "iso8859-1": "cp1252",
             "us-ascii": "cp1252", "ascii": "cp1252", "big5": "big5hkscs"}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)


def decode(data: bytes, html: bool = False) -> tuple[str | None, str]:
    """Decode bytes to text. Returns (text, encoding) or (None, reason)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                return None, f"invalid {enc.replace('-sig', '')} text despite its byte-order mark"
            return (None, "binary content") if _looks_binary(text) else (text, enc)
    if b"\x00" in data[:4096]:
        text, enc = _utf16_without_bom(data)
        if text is None:
            return None, "binary content"
        return (None, "binary content") if _looks_binary(text) else (text, enc)
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        text = None
        if exc.start > 0 and exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            text, enc = data.decode("utf-8", "replace"), "utf-8"      # truncated last character
    if text is None:
        text = _mostly_utf8(data)
        enc = "utf-8"
    if text is None and html:
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii").lower()
            enc = _SUPERSET.get(declared, declared)
            try:
                text = data.decode(enc)
            except (LookupError, UnicodeDecodeError):
                text = None
    if text is None:
        text, enc = _detect(data)
        if text is None:
            return None, "binary or undecodable content"
    if _looks_binary(text):
        return None, "binary content"
    return text, enc


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray bytes (pasted from another encoding): keep the UTF-8 reading.

    Text in a legacy code page rarely forms valid multi-byte UTF-8 sequences, so many
    valid sequences and few invalid bytes mean UTF-8; the stray bytes become U+FFFD.
    """
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad      # non-ASCII characters, C speed
    return text if good >= 2 and good >= 4 * bad else None


def _utf16_without_bom(data: bytes) -> tuple[str | None, str]:
    """UTF-16 text without a BOM has a NUL in every other byte (for Latin script)."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    for enc, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros > 0.3 * half:
            try:
                return data[: len(data) // 2 * 2].decode(enc), enc
            except UnicodeDecodeError:
                continue
    return None, "binary content"


_HIGH_RUN = re.compile(rb"[\x80-\xff]+")


def _looks_gb18030(data: bytes) -> str | None:
    """GB18030 text, if ``data`` reads as mostly-ASCII text with Chinese characters in it.

    Chinese characters in GBK/GB18030 are byte pairs, both >= 0x80, so the runs of high
    bytes have even lengths; accented letters in cp1252/Latin-1 are mostly single high
    bytes between ASCII letters. charset-normalizer only samples large files and cannot
    tell these apart when the non-ASCII bytes are rare; this check looks at all of them.
    """
    runs = _HIGH_RUN.findall(data)
    if not runs or sum(len(r) % 2 == 0 for r in runs) < 0.9 * len(runs):
        return None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    high = [ch for ch in text if ord(ch) > 0x7F]
    if not high or sum(ord(ch) >= 0x2000 for ch in high) < 0.9 * len(high):
        return None
    return text


def _detect(data: bytes) -> tuple[str | None, str]:
    from charset_normalizer import from_bytes
    _quiet_loggers()
    gb = _looks_gb18030(data)
    if gb is not None:
        return gb, "gb18030"
    results = list(from_bytes(data, cp_isolation=_CANDIDATES))
    if not results:
        best = from_bytes(data).best()
        if best is None:
            return None, "binary or undecodable content"
        return str(best), best.encoding
    best = results[0]
    # Mostly-ASCII English text with a few Chinese characters is ambiguous between the
    # East Asian code pages; medkg reads Chinese hospital news, so GB18030 wins ties.
    if best.encoding in _EAST_ASIAN:
        for r in results:
            if r.encoding == "gb18030" and r.chaos <= best.chaos + 0.01:
                best = r
                break
    return str(best), best.encoding


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f]")


def _looks_binary(text: str) -> bool:
    if "\x00" in text[:100000]:
        return True
    sample = text[:20000]
    if not sample:
        return False
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    return bad / len(sample) > 0.01


# ---------------------------------------------------------------------------- text cleanup
_STRIP = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff\u200b\u2060]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


#: UTF-8 text once decoded as Windows-1252 or Latin-1 ("Peopleâ€™s Hospital", "SÃ£o Paulo"), as pages
#: copied through a misconfigured system show it: a UTF-8 lead byte's glyph followed by a continuation
#: byte's. Only such text goes through ftfy's encoding repair (the rest is left as it is).
_MOJIBAKE = re.compile("[\u00c2\u00c3\u00c5\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                       "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def _repair_mojibake(text: str) -> str:
    if not _MOJIBAKE.search(text):
        return text
    import ftfy
    return ftfy.fix_encoding(text)


def sanitize(text: str) -> str:
    """Repair UTF-8 read as Windows-1252 (:func:`_repair_mojibake`); unify line ends; drop control
    characters, BOMs and lone surrogates (not allowed in XML/RDF)."""
    text = _repair_mojibake(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n").replace("\x85", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return _STRIP.sub("", text)


#: Full-width (CJK) punctuation, letters and digits, as pages translated from Chinese often keep them:
#: read as their ASCII forms ("（" "(", "，" ",", "Ａ" "A"; the ideographic "、" and "。" as "," and
#: ".", book-title marks as quotes), so names, lists and dates are read as in ASCII text.
_FULL_WIDTH = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_FULL_WIDTH.update({0x3001: ",", 0x3002: ".", 0x300A: "\u201c", 0x300B: "\u201d", 0x300C: "\u201c",
                    0x300D: "\u201d", 0x300E: "\u201c", 0x300F: "\u201d", 0x3010: "[", 0x3011: "]"})
_FULL_WIDTH_CHAR = re.compile(r"[\uff01-\uff5e\u3001\u3002\u300a-\u300f\u3010\u3011]")
#: Chinese characters, and full-width marks (not letters or digits)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff5e"
                  r"\u3001\u3002\u300a-\u300f\u3010\u3011]")
_SEPARATORS, _OPENING, _CLOSING = "，．：；！？、。", "（【「『《", "）】」』》"


def full_width_to_ascii(text: str) -> str:
    """Full-width punctuation, letters and digits as ASCII, spaced as ASCII text would be: a space
    after a separator (not inside a number, "10：30", "3．5"), outside a bracket. A mark between two
    Chinese characters (or marks) belongs to Chinese text, and stays."""
    if not _FULL_WIDTH_CHAR.search(text):
        return text
    end = len(text)

    def ascii_form(m: re.Match) -> str:
        c, i = m.group(0), m.start()
        prev, nxt = text[i - 1] if i else "", text[i + 1] if i + 1 < end else ""
        if (prev or nxt) and (not prev or _CJK.match(prev)) and (not nxt or _CJK.match(nxt)) and not c.isalnum():
            return c                 # (between Chinese characters, or one and the text's start or end)
        prev, nxt = prev or " ", nxt or " "
        a = c.translate(_FULL_WIDTH)
        if c in _SEPARATORS and not nxt.isspace() and not (c in "，．：" and prev.isdigit() and nxt.isdigit()):
            return a + " "
        if c in _OPENING and not prev.isspace() and prev not in "([“" + _OPENING:
            return " " + a
        if c in _CLOSING and not nxt.isspace() and nxt not in ")]”,.:;!?" + _CLOSING + _SEPARATORS:
            return a + " "
        return a
    return _FULL_WIDTH_CHAR.sub(ascii_form, text)


def unwrap_lines(text: str) -> str:
    """A hard-wrapped text (as ``fmt``, e-mail or ``lynx -dump`` write it: every paragraph broken into
    lines of at most a fixed width) with its paragraphs' lines joined again; other texts unchanged.

    A line was broken by the wrapping when the next line's first word would not have fitted on it
    (at the text's longest line); a text is taken as wrapped when there is such a break at least
    three times and at between half of its pairs of adjacent lines, and its longest line is 40-120
    characters. A word split at its hyphen ("High-" / "tech") is joined back without a space."""
    lines = text.split("\n")
    if len(lines) < 4:
        return text
    width = max(map(len, lines))
    if not 40 <= width <= 120:
        return text
    pairs = [i for i in range(len(lines) - 1) if lines[i] and lines[i + 1]]
    breaks = {i for i in pairs if len(lines[i]) + 1 + len(lines[i + 1].split(" ", 1)[0]) > width}
    if len(breaks) < 3 or 2 * len(breaks) < len(pairs):
        return text
    out = [lines[0]]
    for i in range(1, len(lines)):
        if i - 1 in breaks:
            prev = out[-1]
            glue = "" if len(prev) > 1 and prev[-1] == "-" and prev[-2].isalpha() and lines[i][:1].isalpha() else " "
            out[-1] = prev + glue + lines[i]
        else:
            out.append(lines[i])
    return "\n".join(out)


#: Spaces that scraped and translated pages often lose, put back where English always has one: before
#: a bracket opening on a capital ("Vodoleev(Russia)"; "patient(s)" stays) and after it closes on a
#: word; after a comma or semicolon between letters ("Hospital,Beijing"); after a colon before a
#: capital ("Editor:Wang"); after a sentence's full stop before a capitalised word ("hospital.The";
#: "Ph.D", "U.S." and "10.5" stay).
_MISSING_SPACE = re.compile(r"(?<=[A-Za-z])(?=\((?:[A-Z][a-z]|[A-Z]{2}))|(?<=[A-Za-z]\))(?=[A-Za-z])"
                            r"|(?<=[A-Za-z)][,;])(?=[A-Za-z])|(?<=[a-z]:)(?=[A-Z])")
_GLUED_SENTENCE = re.compile(r"(?<![\w./@:-])([A-Za-z]*[a-z]{2}\.)(?=[A-Z][a-z])")   # not in a web address


#: A person's name glossed in Chinese script right after it, "Prof. Wang Li (王立), director of ...", as
#: bilingual pages write it: the gloss is dropped, so the English sentence parses as it would without it.
#: A gloss after an institution or a place ("West China Hospital (华西医院)") stays.
_CJK_GLOSS = re.compile(r"\b((?:[A-Z][a-z'-]+ ){1,2}[A-Z][a-z'-]+) ?\((?: ?[\u3400-\u9fff\uf900-\ufaff\u00b7\u30fb]){1,12} ?\)")


def _drop_gloss(m: re.Match) -> str:
    """The name alone, unless its last word is the head of an institution's, place's or event's name."""
    from medkg.ingest import gazetteer as gz      # (only where a gloss is found: not at every start-up)
    last = m.group(1).rsplit(" ", 1)[-1].lower()
    return m.group(0) if last in gz.ORG_HEADS or last in gz.PLACE_SUFFIXES or last in gz.EVENT_HEADS else m.group(1)


def normalize_text(text: str) -> str:
    """Unify line ends and spaces (full-width punctuation read as ASCII, hard-wrapped paragraphs
    joined); drop control characters, BOMs and lone surrogates."""
    text = full_width_to_ascii(sanitize(text))
    text = _SPACES.sub(" ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = unwrap_lines(text)
    text = _GLUED_SENTENCE.sub(r"\1 ", _MISSING_SPACE.sub(" ", text))
    if _CJK.search(text):
        text = _CJK_GLOSS.sub(_drop_gloss, text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def clean_line(value) -> str | None:
    """A metadata value (title, url, id) as one clean line, or None."""
    if value is None:
        return None
    s = " ".join(full_width_to_ascii(sanitize(str(value))).split())
    return s[:1000] or None


def content_hash(*parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part or "").encode("utf-8", "replace"))
        h.update(b"\x1f")
    return h.hexdigest()


# ---------------------------------------------------------------------------- titles and dates
_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], 1) for m in names}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YMD = re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_MDY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)
_DMY_NUM = re.compile(r"(?<![\d/.-])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/.-])")
#: a place-and-date line in the header: "Mansoura, Sunday 12 May 2024", "LYON, 3 March 2024"
_PLACE_DATELINE = re.compile(rf"^\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}}\s*,\s*"
                             rf"(?:{WEEKDAY},?\s+)?(.{{6,30}})$", re.I)
#: date labels of pages in languages that write the day first ("Publicado: 02/06/2025", "Publié le 03/04/2025")
_DAY_FIRST_LABEL = (r"publicado(?:\s+(?:el|em))?|publié(?:\s+le)?|mis\s+en\s+ligne(?:\s+le)?|pubblicato(?:\s+il)?|"
                    r"veröffentlicht(?:\s+am)?|gepubliceerd(?:\s+op)?|diterbitkan(?:\s+pada)?|fecha")
_DATE_LABEL = (r"(?:date|dated|time|published(?:\s+on)?|posted(?:\s+on)?|updated|release\s+(?:time|date)|"
               r"publish(?:ing|ed)?\s+(?:time|date)|issued?(?:\s+on)?|发布时间|发布日期|日期|时间|"
               + _DAY_FIRST_LABEL + ")")
_DATELINE = re.compile(rf"^\s*{_DATE_LABEL}\s*[:：]?\s*(.{{6,40}})", re.I)
#: a labelled date after other header fields: "Source: Office of Cooperation | Release time: 2024-03-05"
_FIELD_LINE = re.compile(r"^\s*[^\W\d_][^:：]{0,30}[:：]")
_FIELD_DATE = re.compile(rf"(?:\s|\||｜|/|·){_DATE_LABEL}\s*[:：]\s*(.{{6,40}})", re.I)
_DATE_ONLY = re.compile(r"^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
#: a header line that starts with the page date and goes on with other fields: "2025-06-13 | Source: Office | Views: 5",
#: "2024-10-18  Source: Office  Views: 447"
_DATE_FIELDS = re.compile(r"^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
                          r"(?:\s*[|｜]\s*[^\W\d_][^:：|｜]{0,30}[:：]|"
                          r"\s+(?:source|author|editor|reporter|views?|clicks?|hits?|hot|visits?)\s*[:：])", re.I)

#: site chrome that is not a title (search boxes, navigation, counters, share buttons)
_JUNK = re.compile(r"""^(?:
      (?:please\s+)?(?:enter|input|type)\s+(?:the\s+|a\s+|your\s+)?(?:key\s*words?|search(?:\s+terms?)?|keywords?)\b.*
    | search(?:\s+(?:site|this\s+site|here))?|go|submit|home(?:\s*page)?|index|login|log\s+in|sign\s+in|register
    | menu|navigation|print(?:\s+this\s+(?:page|article))?|close(?:\s+window)?|share(?:\s+to)?\b.*|back(?:\s+to\s+top)?
    | top|more|next|previous|prev|english|中文|chinese|language|skip\s+to\s+(?:main\s+)?content
    | (?:font\s+size|text\s+size|current\s+(?:location|position)|you\s+are\s+here)\b.*
    | (?:location|position)\s*[:：].*
    | (?:source|author|editor|reporter|photographer|hits?|views?|clicks?|hot|visits?|reads?)\s*[:：].*
    | (?:copyright|©|all\s+rights\s+reserved)\b.*
    )$""", re.I | re.X)
_BREADCRUMB = re.compile(r"\s(?:>|>>|»|›|/|\|)\s")


def is_junk_line(line: str) -> bool:
    """True for site chrome: search prompts, menus, breadcrumbs, counters, datelines."""
    s = line.strip().strip("|").strip()
    if not s:
        return True
    if _JUNK.match(s) or _DATE_ONLY.match(s) or _DATE_FIELDS.match(s) or _DATELINE.match(s) and _first_date(s):
        return True
    if re.search(r"\b(?:hot|views?|hits|clicks)\s*[:：]\s*\d+", s, re.I):
        return True
    if len(_BREADCRUMB.findall(s)) >= 1 and len(s) < 120 and not re.search(r"[.!?]$", s):
        parts = re.split(_BREADCRUMB, s)
        if parts and parts[0].strip().lower() in ("home", "homepage", "index", "首页", "news", "current location:"):
            return True
    return False


def strip_site_chrome(text: str) -> str:
    """Drop site-chrome lines (search prompts, breadcrumbs...) from the top of a text."""
    lines = text.split("\n", 12)
    n = 0
    while n < len(lines) - 1 and n < 12 and lines[n].strip() and is_junk_line(lines[n]) \
            and not (_DATELINE.match(lines[n]) or _DATE_ONLY.match(lines[n])):
        n += 1
    return "\n".join(lines[n:]).lstrip("\n") if n else text


def header_metadata(text: str) -> tuple[str | None, str | None]:
    """A title (first header line that is not site chrome) and a dateline date, if any.

    The header is the lines before the first body paragraph (a long line or one
    ending like a sentence); a dateline is searched in the first lines.
    """
    title = None
    head = text[:5000].split("\n")[:15]
    for line in head:
        s = line.strip()
        if not s or is_junk_line(s):
            continue
        if len(s) > 250 or (s.endswith((".", "!", "?", ":", ";", "。")) and len(s) > 80):
            break                               # the body has started
        if s.endswith((".", "!", "?", ":", ";", ",")) or len(s.split()) < 2 and not re.search(r"[\u4e00-\u9fff]", s):
            continue
        if len(text) > len(s) + 20:             # a title heads something
            title = s
        break
    date = None
    for line in head[:12]:
        s = line.strip()
        if len(s) > 200:
            continue
        m = _DATELINE.match(s) or (_FIELD_LINE.match(s) and _FIELD_DATE.search(s))
        if not m and len(s) < 60:
            pm = _PLACE_DATELINE.match(s)
            m = pm if pm and _first_date(pm.group(1)) and re.fullmatch(r"[\w\s,./-]+", pm.group(1)) else None
        if m or _DATE_ONLY.match(s) or _DATE_FIELDS.match(s):
            date = _first_date(m.group(1) if m else s,
                               day_first=bool(m and re.match(rf"\s*(?:{_DAY_FIRST_LABEL})\b", s, re.I)))
            if date:
                break
    return title, date


def _valid(y: int, mo: int, d: int) -> str | None:
    try:
        if 1800 <= y <= 2200:
            return _dt.date(y, mo, d).isoformat()
    except ValueError:
        pass
    return None


def _first_date(s: str, day_first: bool = False) -> str | None:
    m = _YMD.search(s)
    if m:
        return _valid(*(int(x) for x in m.groups()))
    m = _MDY.search(s)
    if m:
        return _valid(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
    m = _DMY_NUM.search(s)
    if m and (int(m.group(1)) > 12 or "." in m.group() or day_first):
        # "21/10/2024": day first only when the day cannot be a month (05/06/2024 stays unread);
        # "05.06.2024": dots separate a day-first date (the European numeric form)
        return _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = _DMY.search(s)
    if m:
        return _valid(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    return None


def parse_date(value) -> str | None:
    """An ISO date (YYYY-MM-DD) from a metadata value: ISO, 2024/3/8, March 8, 2024, 8 March 2024..."""
    if not value or not isinstance(value, (str, _dt.date)):
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()[:10]
    return _first_date(value[:100])


# ---------------------------------------------------------------------------- HTML
_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_QUIETED = False


def _quiet_loggers() -> None:
    """trafilatura, htmldate and charset_normalizer log warnings about odd input: not ours to print."""
    global _QUIETED
    if not _QUIETED:
        for name in ("trafilatura", "htmldate", "courlan", "charset_normalizer", "justext"):
            logging.getLogger(name).setLevel(logging.CRITICAL + 1)
        _QUIETED = True


def html_to_text(html: str) -> tuple[str, str | None, str | None]:
    """Main text, title and date of an HTML page (scripts, styles, menus, nav, footers dropped).

    trafilatura finds the main content and the metadata; when it finds nothing
    (tiny or odd pages) an lxml pass keeps the text blocks outside the page chrome.
    """
    _quiet_loggers()
    html = _XML_DECL.sub("", sanitize(html), count=1)
    text = title = date = None
    try:
        import trafilatura
        text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True,
                                   deduplicate=False, with_metadata=False)
        meta = trafilatura.extract_metadata(html)
        if meta is not None:
            title = meta.title
    except Exception:     # trafilatura has its own failure modes on broken markup; lxml below is the fallback
        pass
    try:
        # only dates the page marks up (meta tags, <time>, JSON-LD, URL): htmldate's extensive
        # search (which trafilatura uses) guesses e.g. 2024-01-01 from a "Copyright 2024" footer
        from htmldate import find_date
        date = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:
        date = None
    plain = _fallback_html_text(html)      # the page without scripts, menus, nav, header, footer
    if not plain.strip():
        text = ""                          # nothing but page chrome
    elif not text or not text.strip():
        text = plain
    if not title:
        title = _html_title(html)
    return text or "", title, date


_CHROME_XPATH = ("//script|//style|//noscript|//template|//iframe|//object|//svg|//nav|//header|//footer|//aside"
                 "|//form|//button|//select|//*[@role='navigation' or @role='banner' or @role='contentinfo']"
                 "|//*[@aria-hidden='true']")
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "pre", "blockquote", "dd", "dt", "div",
           "section", "article", "br", "tr", "figcaption", "caption")


def _parse_html(html: str):
    import lxml.html
    try:
        return lxml.html.document_fromstring(html)
    except Exception:      # lxml: empty document, or a str with an encoding declaration
        return None


def _fallback_html_text(html: str) -> str:
    doc = _parse_html(html)
    if doc is None:
        return ""
    for bad in doc.xpath(_CHROME_XPATH):
        if bad.getparent() is not None:
            bad.drop_tree()
    for cls in doc.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' menu ') or "
                         "contains(concat(' ', normalize-space(@class), ' '), ' nav ') or "
                         "contains(concat(' ', normalize-space(@id), ' '), ' menu ') or "
                         "contains(concat(' ', normalize-space(@id), ' '), ' nav ')]"):
        if cls.getparent() is not None:
            cls.drop_tree()
    # line breaks around block elements, then the text
    for el in doc.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    body = doc.find("body")
    text = (body if body is not None else doc).text_content()
    return re.sub(r"[ \t]*\n\s*", "\n", text)          # one block, one line (as trafilatura does)


def _html_title(html: str) -> str | None:
    doc = _parse_html(html)
    if doc is None:
        return None
    for xp in ("//meta[@property='og:title']/@content", "//h1", "//title"):
        for v in doc.xpath(xp):
            s = clean_line(v if isinstance(v, str) else v.text_content())
            if s and not is_junk_line(s):
                return s
    return None


# ---------------------------------------------------------------------------- Markdown
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def markdown_to_text(md: str) -> tuple[str, str | None, str | None]:
    """Plain text, title and date of a Markdown document (front matter or first heading)."""
    title = date = None
    md = sanitize(md)
    m = _FRONT_MATTER.match(md)
    if m:
        md = md[m.end():]
        for line in m.group(1).split("\n"):
            k, _, v = line.partition(":")
            k, v = k.strip().lower(), v.strip().strip("'\"")
            if k == "title" and v:
                title = v
            elif k in ("date", "published", "pubdate") and v:
                date = v
    from markdown_it import MarkdownIt
    mdit = MarkdownIt("commonmark", {"html": True})
    tokens = mdit.parse(md)
    if title is None:
        for i, tok in enumerate(tokens):
            if tok.type == "heading_open" and i + 1 < len(tokens):
                title = tokens[i + 1].content.strip() or None
                if title:
                    title = _plain_inline(mdit, title)
                    break
    html = mdit.renderer.render(tokens, mdit.options, {})
    text = _fallback_html_text(f"<html><body>{html}</body></html>") if html.strip() else ""
    return text, title, date


def _plain_inline(mdit, s: str) -> str:
    doc = _parse_html(f"<p>{mdit.renderInline(s)}</p>")
    return clean_line(doc.text_content()) if doc is not None else s


# ---------------------------------------------------------------------------- JSON Lines
_UTF16_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _lines(fh: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; bytes is None for a line over MAX_LINE_BYTES."""
    no = 0
    while True:
        line = fh.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        no += 1
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while True:                      # drain the rest of the huge line
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield no, None
            continue
        yield no, line


def _read_jsonl(src: str, stem: str, fh: BinaryIO, defer_html: bool = False) -> Iterator[Article | Skip | Deferred]:
    """One article per JSON line. A bad line is one Skip naming ``file:line``; the
    others are still read. A file with no good line at all is one Skip for the file."""
    head = fh.read(4096)
    fh.seek(0)
    if not head.strip():
        yield Skip(src, "empty file")
        return
    if head.startswith(_UTF16_BOMS) or b"\x00" in head:
        data = fh.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            yield Skip(src, f"UTF-16/32 JSON Lines file too large (> {MAX_BYTES // 2**20} MiB)")
            return
        text, enc = decode(data)
        if text is None:
            yield Skip(src, enc)
            return
        lines: Iterable[tuple[int, bytes | None]] = ((i, ln.encode("utf-8")) for i, ln in
                                                     enumerate(text.split("\n"), 1))
    else:
        text, enc = decode(head[: max(head.rfind(b"\n"), 0) or len(head)])
        if text is None and enc.startswith("binary"):
            yield Skip(src, enc)
            return
        lines = _lines(fh)
    buffered: list[Skip] = []
    dropped = good = bad = 0
    for no, raw in lines:
        where = f"{src}:{no}"
        if raw is None:
            item: Article | Skip | Deferred = Skip(where, f"line longer than {MAX_LINE_BYTES // 2**20} MiB", error=True)
        else:
            if no == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
            if not raw.strip():
                continue
            item = _jsonl_article(where, f"{stem}-{no}", raw, defer_html)
        if not isinstance(item, Skip):
            good += 1
            if buffered or dropped:
                yield from buffered
                if dropped:
                    yield Skip(src, f"{dropped} more bad lines before line {no}", error=True)
                buffered, dropped = [], 0
            yield item
            continue
        bad += 1
        if good:
            yield item
        elif len(buffered) < _MAX_BUFFERED:
            buffered.append(item)
        else:
            dropped += 1
    if not good and bad:
        first = buffered[0]
        more = f"; {bad - 1} other bad line{'s' if bad > 2 else ''}" if bad > 1 else ""
        reason = first.reason.removesuffix("")
        yield Skip(src, f"not JSON Lines: no line holds an article (line {first.source.rsplit(':', 1)[1]}: "
                        f"{reason}{more})", error=True)
    elif not good:
        yield Skip(src, "empty file")


def _jsonl_article(where: str, fallback_stem: str, raw: bytes, defer_html: bool = False) -> Article | Skip | Deferred:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        line, enc = decode(raw)
        if line is None:
            return Skip(where, "not UTF-8 text", error=True)
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Skip(where, f"invalid JSON ({exc.msg} at column {exc.colno})", error=True)
    except RecursionError:
        return Skip(where, "invalid JSON (nested too deeply)", error=True)
    if not isinstance(obj, dict):
        return Skip(where, "not a JSON object with a \"text\" field", error=True)
    body = next((obj[k] for k in ("text", "content", "body") if k in obj), None)
    if not isinstance(body, str) or not body.strip():
        problem = "no \"text\" field" if body is None else "\"text\" is not a non-empty string"
        return Skip(where, f"{problem}", error=True)
    ident = obj.get("id")
    if ident is not None and not isinstance(ident, (str, int, float)) or isinstance(ident, bool):
        return Skip(where, "\"id\" must be a string or a number", error=True)
    stem = clean_line(ident) if ident is not None else None
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    date = obj.get("date") if isinstance(obj.get("date"), str) else None
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    body = sanitize(body)
    if obj.get("html") is True or _HTML_START.match(body) or re.match(r"\s*<(?:div|p|article|section)\b", body, re.I):
        page = Deferred(where, stem or fallback_stem, len(body), body, title, date, url)
        return page if defer_html else page.build()
    return _line_article(stem or fallback_stem, body, where, title, date, url)


def _line_article(stem: str, body: str, where: str, title: str | None, date: str | None,
                  url: str | None) -> Article | Skip:
    """The article of a JSON line's text (plain, or converted from its HTML body); a line
    without text is an error, reported as ``file:line``."""
    art = make_article(stem, body, where, title=title, date=date, url=url)
    if isinstance(art, Skip):
        art.error = True
    return art
