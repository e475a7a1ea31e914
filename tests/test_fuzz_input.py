"""Bad-input fuzzing: random bytes, huge lines, mixed encodings, HTML with scripts, empty files, broken jsonl.

Property: ingest never crashes; every bad file is reported in exactly one line naming
it (a bad jsonl line: one line naming file:line); every good file is ingested.
The fast variant runs by default (fixed examples, a few seconds); the slow one
explores more and bigger inputs (bounded well under a minute).
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medkg.graph.store import Store
from medkg.ingest import readers
from medkg.ingest.pipeline import ingest_paths

WORDS = ("hospital forum surgery delegation professor training course thoracic visit university chengdu "
         "lanzhou italy seminar workshop endoscopic department exchange cooperation experts").split()
LATIN = "éèüöäßçñåø"          # in cp1252 and latin-1
CJK = "华西医院四川大学胸外科学术会议"


@dataclass
class Case:
    """One generated file: its name, bytes, and what ingest must do with it."""
    name: str
    data: bytes
    expect: str                                          # "article", "reported" or "either"
    good_lines: list[str] = field(default_factory=list)  # jsonl: ids that must be ingested
    bad_lines: list[int] = field(default_factory=list)   # jsonl: line numbers that must be reported


@st.composite
def sentences(draw, extra: str = "") -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=40))
    if extra:
        words += draw(st.lists(st.text(alphabet=extra, min_size=1, max_size=4), max_size=4))
        draw(st.randoms()).shuffle(words)
    return " ".join(words).capitalize() + "."


@st.composite
def good_text(draw) -> tuple[bytes, str]:
    enc = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gbk", "gb18030", "cp1252", "latin-1"]))
    extra = CJK if enc.startswith(("gb", "utf")) else LATIN
    lines = draw(st.lists(sentences(extra), min_size=1, max_size=6))
    title = draw(st.sampled_from(["", "Please enter the keyword\n", "Forum held in Chengdu\n",
                                  "Home > News\nSeminar report\ndate:2024/3/8 19:42:00 hot:555\n"]))
    return (title + "\n".join(lines) + "\n").encode(enc), enc


@st.composite
def cases(draw, big: bool) -> list[Case]:
    out: list[Case] = []
    kinds = ["text", "html", "markdown", "empty", "binary", "random", "mixed", "huge", "jsonl", "unicode"]
    for i, kind in enumerate(draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=6 if big else 4))):
        stem = f"f{i}_{kind}"
        if kind == "text":
            data, _ = draw(good_text())
            out.append(Case(f"{stem}.txt", data, "article"))
        elif kind == "markdown":
            body = "\n\n".join(draw(st.lists(sentences(), min_size=1, max_size=4)))
            out.append(Case(f"{stem}.md", f"# Workshop *report*\n\n{body}\n\n- item one\n".encode(), "article"))
        elif kind == "html":
            paras = "".join(f"<p>{s}</p>" for s in draw(st.lists(sentences(CJK), min_size=1, max_size=4)))
            charset = draw(st.sampled_from(["utf-8", "gbk"]))
            page = (f'<html><head><meta charset="{charset}"><title>Forum</title><script>alert(1)</script>'
                    f"<style>p{{color:red}}</style></head><body><nav><a>Home</a><a>Please enter the keyword</a>"
                    f"</nav><article>{paras}</article><footer>Copyright</footer>"
                    f"<script>document.write('x')</script></body></html>")
            out.append(Case(f"{stem}.html", page.encode(charset), "article"))
        elif kind == "empty":
            out.append(Case(f"{stem}.{draw(st.sampled_from(['txt', 'md', 'html', 'jsonl']))}",
                            draw(st.sampled_from([b"", b"\n", b"  \r\n\t\n"])), "reported"))
        elif kind == "binary":
            blob = draw(st.binary(min_size=64, max_size=4096 if big else 512))
            out.append(Case(f"{stem}.{draw(st.sampled_from(['txt', 'md', 'html', 'jsonl']))}",
                            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x00\x00" + blob, "reported"))
        elif kind == "random":
            out.append(Case(f"{stem}.{draw(st.sampled_from(['txt', 'md', 'html']))}",
                            draw(st.binary(max_size=2048 if big else 256)), "either"))
        elif kind == "mixed":       # one file, paragraphs in different encodings
            parts = [draw(sentences(CJK)).encode("utf-8"), draw(sentences(CJK)).encode("gbk"),
                     draw(sentences(LATIN)).encode("cp1252")]
            draw(st.randoms()).shuffle(parts)
            out.append(Case(f"{stem}.txt", b"\n".join(parts), "either"))
        elif kind == "unicode":     # any characters at all, through the extractor
            text = draw(st.text(min_size=1, max_size=600 if big else 200))
            out.append(Case(f"{stem}.txt", text.encode("utf-8", "surrogatepass"), "either"))
        elif kind == "huge":
            n = readers.MAX_CHARS + draw(st.integers(1, 50_000))
            out.append(Case(f"{stem}.txt", b"Title line\n" + b"x" * n, "reported"))   # one line over the limit
        elif kind == "jsonl":
            lines, good, bad = [], [], []
            for j in range(draw(st.integers(1, 5))):
                what = draw(st.sampled_from(["good", "good", "garbage", "no_text", "not_object", "blank"]))
                if what == "good":
                    ident = f"{stem}_{j}"
                    lines.append(json.dumps({"id": ident, "text": draw(sentences(CJK)), "title": "T",
                                             "date": "2024-03-08"}, ensure_ascii=draw(st.booleans())))
                    good.append(ident)
                elif what == "blank":
                    lines.append("")
                else:
                    lines.append({"garbage": "{\"id\": 1, \"text\": ", "no_text": '{"title": "x"}',
                                  "not_object": "[1, 2, 3]"}[what])
                    bad.append(j + 1)
            data = ("\n".join(lines) + "\n").encode("utf-8")
            if good:
                out.append(Case(f"{stem}.jsonl", data, "article", good, bad))
            else:
                out.append(Case(f"{stem}.jsonl", data, "reported"))
    return out


def check(cases: list[Case], make_store) -> None:
    d = Path(tempfile.mkdtemp(prefix="medkg-fuzz-"))
    try:
        for c in cases:
            (d / c.name).write_bytes(c.data)
        store = make_store(d)
        messages: list[str] = []
        report = ingest_paths(store, [d], workers=1, on_event=lambda kind, msg: messages.append(msg)
                              if kind in ("error", "skip") else None)
        assert all("\n" not in m for m in messages)
        sources = [s.source for s in report.skipped]
        articles = set(store.articles())
        for c in cases:
            path = str(d / c.name)
            stem = Path(c.name).stem
            whole = sources.count(path)
            if c.name.endswith(".jsonl") and c.expect == "article":
                assert set(c.good_lines) <= articles, c
                assert sorted(int(s.rsplit(":", 1)[1]) for s in sources if s.startswith(path + ":")) == c.bad_lines
                assert whole == 0
            elif c.expect == "article":
                assert stem in articles and whole == 0, (c, sources)
            elif c.expect == "reported":
                assert stem not in articles and whole == 1, (c, sources)
            else:
                assert (stem in articles) != (whole == 1), (c, sources)
            if c.name.endswith(".html") and stem in articles:
                text = next(a for a in readers.read_file(d / c.name)).text
                assert "alert(" not in text and "document.write" not in text and "color:red" not in text
        store.close()
    finally:
        shutil.rmtree(d, ignore_errors=True)


COMMON = dict(deadline=None, database=None, print_blob=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])


@settings(max_examples=8, derandomize=True, **COMMON)
@given(cases(big=False))
def test_fuzz_ingest_fast(files):
    check(files, lambda d: Store())


@pytest.mark.slow
@settings(max_examples=30, **COMMON)
@given(cases(big=True))
def test_fuzz_ingest_slow(files):
    check(files, lambda d: Store(d / ".store"))     # a real on-disk store (hidden dir: not read as input)


@settings(max_examples=8, derandomize=True, **COMMON)
@given(st.lists(st.tuples(st.sampled_from(["txt", "html", "jsonl", "md"]), st.binary(max_size=300)),
                min_size=1, max_size=4))
def test_fuzz_cli_one_line_per_bad_file(files):
    """Through `medkg ingest`: exit code 0 or 1, no traceback, each stderr line names one input."""
    from click.testing import CliRunner
    from medkg.cli import main
    d = Path(tempfile.mkdtemp(prefix="medkg-fuzzcli-"))
    try:
        names = []
        for i, (ext, data) in enumerate(files):
            names.append(d / f"r{i}.{ext}")
            names[-1].write_bytes(data)
        r = CliRunner().invoke(main, ["--store", str(d / "store"), "ingest", "-q", str(d)], catch_exceptions=False)
        assert r.exit_code in (0, 1)
        assert "Traceback" not in r.output
        lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
        for ln in lines:
            assert ln.startswith(("medkg: error: ", "medkg: skipped: ")), ln
            source = ln.split(": ", 2)[2].split(": ", 1)[0]          # path, or path:line for jsonl
            assert any(source == str(n) or source.startswith(f"{n}:") for n in names), ln
        for n in names:
            if n.suffix != ".jsonl":
                assert sum(ln.split(": ", 2)[2].startswith(f"{n}: ") for ln in lines) <= 1
    finally:
        shutil.rmtree(d, ignore_errors=True)


def test_random_bytes_never_raise():
    """Quick non-hypothesis smoke: many random blobs straight through the reader."""
    rng = random.Random(1234)
    for i in range(200):
        data = bytes(rng.getrandbits(8) for _ in range(rng.choice([0, 1, 3, 17, 200, 3000])))
        for name in ("a.txt", "a.html", "a.md", "a.jsonl"):
            items = readers.read_bytes(data, name)
            if not name.endswith(".jsonl"):
                assert len(items) == 1


_XML_UNSAFE = [chr(c) for c in range(32) if chr(c) not in "\n\t"] + ["\ufffe", "\uffff"]


@settings(max_examples=300, derandomize=True, **COMMON)
@given(st.text(max_size=400), st.sampled_from(["utf-8", "utf-16", "gb18030", "cp1252"]),
       st.sampled_from(["a.txt", "a.md", "a.html", "a.jsonl"]), st.booleans())
def test_reader_output_is_clean(text, enc, name, as_json):
    """Whatever the text, the reader yields Skips or Articles whose text and metadata are
    clean Unicode: no surrogates or control characters (they break RDF/XML and N-Triples)."""
    if name.endswith(".jsonl") and as_json:
        text = json.dumps({"id": text[:20], "title": text[:30], "date": text[:12], "url": text[:9], "text": text})
    data = text.encode(enc, "replace")
    for item in readers.read_bytes(data, name):
        if isinstance(item, readers.Skip):
            assert "\n" not in str(item)
            continue
        for value in (item.text, item.title, item.url, item.stem):
            if value is None:
                continue
            value.encode("utf-8")                              # no lone surrogates
            assert not any(ch in value for ch in _XML_UNSAFE), repr(value)
        assert item.stem and (item.title is None or "\n" not in item.title)
        assert item.date is None or len(item.date) == 10
