"""Input formats and encodings: real files in tmp dirs, read with read_file and through `medkg ingest`."""

from __future__ import annotations

import codecs
import json
import random
import textwrap

import pytest

from medkg.graph.store import Store
from medkg.ingest import readers
from medkg.ingest.model import Article
from medkg.ingest.readers import Skip, read_file

BODY = ("On March 6, the Department of General Surgery of the First Hospital of Lanzhou University held a "
        "training course on digestive endoscopy. Professor Li Xun of West China Hospital gave a lecture.\n"
        "Doctors from Italy and Malaysia attended the course in Lanzhou.\n")


def read_all(path) -> list[Article | Skip]:
    return list(read_file(path))


def one_article(path) -> Article:
    items = read_all(path)
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def one_skip(path) -> Skip:
    items = read_all(path)
    assert len(items) == 1 and isinstance(items[0], Skip), items
    return items[0]


def stderr_lines(result) -> list[str]:
    return [ln for ln in result.stderr.splitlines() if ln.strip()]


# ---------------------------------------------------------------------------- encodings
@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "gb2312"])
def test_chinese_code_pages_are_detected(tmp_path, encoding):
    text = "Forum held at West China Hospital (华西医院)\n" + BODY + "Organizer: 四川大学华西医院胸外科\n"
    f = tmp_path / "cn.txt"
    f.write_bytes(text.encode(encoding))
    with pytest.raises(UnicodeDecodeError):
        f.read_bytes().decode("utf-8")        # really not UTF-8
    art = one_article(f)
    assert "华西医院" in art.text and "四川大学华西医院胸外科" in art.text
    assert art.title == "Forum held at West China Hospital (华西医院)"


def test_short_gbk_text_with_few_chinese_characters(tmp_path):
    f = tmp_path / "short.txt"
    f.write_bytes("Prof. Li Xun of West China Hospital (华西医院) attended the forum in Chengdu.".encode("gbk"))
    assert "(华西医院)" in one_article(f).text


@pytest.mark.parametrize("encoding,bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                          ("utf-8", codecs.BOM_UTF8), ("utf-32-le", codecs.BOM_UTF32_LE)])
def test_byte_order_marks(tmp_path, encoding, bom):
    f = tmp_path / "bom.txt"
    f.write_bytes(bom + ("Café Zürich meets 华西医院\n" + BODY).encode(encoding))
    art = one_article(f)
    assert art.text.startswith("Café Zürich meets 华西医院\nOn March 6")
    assert "\ufeff" not in art.text


def test_utf16_without_bom(tmp_path):
    f = tmp_path / "nobom.txt"
    f.write_bytes(("Visit of the delegation\n" + BODY).encode("utf-16-le"))
    assert one_article(f).text.startswith("Visit of the delegation\nOn March 6")


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_western_code_pages(tmp_path, encoding):
    line = "Dr. José Müller of the Universität Zürich and Ms. Françoise Dubois visited."
    if encoding == "cp1252":
        line += " They called it a “historic” step — worth 5€."
    f = tmp_path / "w.txt"
    f.write_bytes((BODY + line + "\n").encode(encoding))
    assert line in one_article(f).text


def test_utf8_is_kept_as_is(tmp_path):
    f = tmp_path / "u.txt"
    f.write_text("Seminar on ERCP\n" + BODY + "The “Belt and Road” course — 2024.\n", encoding="utf-8")
    art = one_article(f)
    assert "The “Belt and Road” course — 2024." in art.text
    assert art.stem == "u"


# ---------------------------------------------------------------------------- bad files
def test_empty_and_blank_files_are_skipped(tmp_path):
    for name, data in (("e.txt", b""), ("blank.md", b" \n\t\n"), ("e.html", b"")):
        f = tmp_path / name
        f.write_bytes(data)
        s = one_skip(f)
        assert s.source == str(f) and "empty" in s.reason and not s.error


def test_binary_files_are_skipped(tmp_path):
    rng = random.Random(42)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.getrandbits(8) for _ in range(4000))
    noise = bytes(rng.getrandbits(8) for _ in range(5000))
    for name, data in (("img.txt", png), ("noise.html", noise), ("noise.md", noise)):
        f = tmp_path / name
        f.write_bytes(data)
        s = one_skip(f)
        assert s.source == str(f) and "binary" in s.reason and not s.error


def test_html_without_text_is_skipped(tmp_path):
    f = tmp_path / "s.html"
    f.write_text("<html><head><script>alert(1)</script></head><body><nav>Home</nav></body></html>")
    assert "no text" in one_skip(f).reason


def test_text_too_long_for_one_article(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_text("word " * (readers.MAX_CHARS // 5 + 10))      # one huge line
    s = one_skip(f)
    assert "too long" in s.reason


def test_huge_line_within_limits_is_read(tmp_path):
    f = tmp_path / "long.txt"
    f.write_text("Title of a long article\n" + BODY.strip() * 2000 + "\n")   # ~400 kB on one line
    art = one_article(f)
    assert art.title == "Title of a long article" and len(art.text) > 400_000


def test_unsupported_and_missing_files(tmp_path):
    f = tmp_path / "doc.pdf"
    f.write_bytes(b"%PDF-1.4")
    s = one_skip(f)
    assert s.error and "unsupported" in s.reason
    missing = list(readers.find_files([tmp_path / "nope"]))
    assert len(missing) == 1 and missing[0].error and "no such file" in missing[0].reason


def test_control_characters_and_lone_surrogates_are_removed(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"id": "c1", "text": "Seminar\u0007 held \\ud800 in Chengdu\x1b.\n" + BODY}) + "\n"
                 + '{"id": "c2", "text": "Lone \\udc00 surrogate in Chengdu forum text."}\n')
    arts = read_all(f)
    assert [a.stem for a in arts] == ["c1", "c2"]
    for a in arts:
        a.text.encode("utf-8")                 # strict: no surrogates left
        assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in a.text)


# ---------------------------------------------------------------------------- HTML
PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>International ERCP Course opens - First Hospital of Lanzhou University</title>
<meta property="og:title" content="International ERCP Course opens">
<meta property="article:published_time" content="2024-03-08T19:42:00+08:00">
<script>alert(1)</script>
<style>body { color: red }</style>
</head><body>
<header><div class="logo">Hospital</div></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li>Please enter the keyword</li></ul></nav>
<div class="menu"><a href="/about">About us</a> <a href="/contact">Contact</a></div>
<article>
<h1>International ERCP Course opens</h1>
<p>On March 6, the Department of General Surgery of the First Hospital of Lanzhou University held the
International Training Course of Advanced Endoscopic Technology.</p>
<p>Professor Li Xun gave the opening speech. Trainees from Malaysia, Thailand and Iran attended.</p>
<p>The course covered ERCP and EUS, and the trainees practised on models under supervision.</p>
</article>
<aside>Related news: Another forum</aside>
<footer>Copyright 2024 First Hospital of Lanzhou University. All rights reserved.</footer>
<script type="text/javascript">document.write("tracking")</script>
</body></html>"""


def test_html_main_text_title_and_date(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    art = one_article(f)
    assert "Professor Li Xun gave the opening speech." in art.text
    assert "ERCP and EUS" in art.text
    for junk in ("alert(1)", "color: red", "Please enter the keyword", "About us", "Copyright",
                 "tracking", "Related news"):
        assert junk not in art.text
    assert art.title == "International ERCP Course opens"
    assert art.date == "2024-03-08"
    assert art.stem == "page"


def test_html_fallback_for_tiny_pages(tmp_path):
    f = tmp_path / "tiny.htm"
    f.write_text("<html><head><script>alert(1)</script></head><body><nav><a>Home</a> <a>News</a></nav>"
                 "<h1>ERCP workshop</h1><p>Held in Lanzhou.</p><footer>Copyright</footer></body></html>")
    art = one_article(f)
    assert "Held in Lanzhou." in art.text and "ERCP workshop" in art.text
    assert "alert" not in art.text and "Home" not in art.text and "Copyright" not in art.text


def test_html_declared_charset(tmp_path):
    f = tmp_path / "gb.html"
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            "<title>华西医院 forum</title></head><body><p>" + BODY + "</p><p>主办：四川大学华西医院</p></body></html>")
    f.write_bytes(html.encode("gbk"))
    art = one_article(f)
    assert "主办：四川大学华西医院" in art.text


def test_txt_holding_a_web_page_is_read_as_html(tmp_path):
    f = tmp_path / "saved.txt"
    f.write_text(PAGE)
    art = one_article(f)
    assert "alert(1)" not in art.text and "Professor Li Xun" in art.text


# ---------------------------------------------------------------------------- Markdown
def test_markdown_heading_and_markup(tmp_path):
    f = tmp_path / "post.md"
    f.write_text("# The *ERCP* Workshop opens\n\nHeld by [WCH](https://example.org) with **Li Xun**.\n\n"
                 "- trainees from Iran\n- trainees from Chile\n\n```\ncode block\n```\n")
    art = one_article(f)
    assert art.title == "The ERCP Workshop opens"
    assert "Held by WCH with Li Xun." in art.text
    assert "trainees from Iran\ntrainees from Chile" in art.text
    assert "**" not in art.text and "](" not in art.text


def test_markdown_front_matter(tmp_path):
    f = tmp_path / "fm.md"
    f.write_text("---\ntitle: \"Delegation visits WCH\"\ndate: 2023-11-02\n---\n\n" + BODY)
    art = one_article(f)
    assert art.title == "Delegation visits WCH" and art.date == "2023-11-02"
    assert not art.text.startswith("---") and "title:" not in art.text


# ---------------------------------------------------------------------------- titles and datelines
def test_site_junk_is_not_the_title_and_dateline_gives_the_date(tmp_path):
    f = tmp_path / "004_x.txt"
    f.write_text("Please enter the keyword\nThe International Training Course of Advanced Endoscopic\n"
                 "date:2024/3/8 19:42:00 hot:555\n" + BODY)
    art = one_article(f)
    assert art.title == "The International Training Course of Advanced Endoscopic"
    assert art.date == "2024-03-08"
    assert not art.text.startswith("Please enter")      # site chrome dropped from the text
    assert art.stem == "004_x"


@pytest.mark.parametrize("junk", ["Please enter the keyword", "Search", "Home > News > Hospital News",
                                  "Current location: Home > News", "Font size: A A A", "Share to:",
                                  "Source: Office of International Cooperation", "Views: 1024", "Print this page"])
def test_junk_lines_are_not_titles(tmp_path, junk):
    f = tmp_path / "j.txt"
    f.write_text(f"{junk}\nThoracic Tumor Center\n\n{BODY}")
    assert one_article(f).title == "Thoracic Tumor Center"


def test_no_title_when_the_text_starts_with_the_body(tmp_path):
    f = tmp_path / "body.txt"
    f.write_text(BODY + "Short line\n")
    assert one_article(f).title is None


@pytest.mark.parametrize("line,date", [
    ("date:2024/3/8 19:42:00 hot:555", "2024-03-08"),
    ("Date: 2023-12-01", "2023-12-01"),
    ("Published: March 8, 2024", "2024-03-08"),
    ("Posted on 8 March 2024", "2024-03-08"),
    ("Release time: 2024.03.08 10:00", "2024-03-08"),
    ("发布时间：2024年3月8日", "2024-03-08"),
    ("2024-03-08 19:42", "2024-03-08"),
    ("date:2024/2/31", None),            # no such day
    ("Source: Office of Foreign Affairs  Release time: 2024-03-08  Views: 88", "2024-03-08"),
    ("Author: Mira Holm | Published: 8 March 2024", "2024-03-08"),
    ("2024-10-18  Source: International Exchange Office  Views: 447", "2024-10-18"),
])
def test_datelines(tmp_path, line, date):
    f = tmp_path / "d.txt"
    f.write_text(f"Forum held in Chengdu\n{line}\n{BODY}")
    assert one_article(f).date == date


# ---------------------------------------------------------------------------- JSON Lines
def test_jsonl_fields_and_bad_lines(tmp_path):
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "wch-1", "url": "https://example.org/1", "title": "Forum in Chengdu",
                    "date": "2024-08-24T10:00:00", "text": BODY}),
        "{not json",
        json.dumps({"title": "no text here"}),
        "",
        json.dumps({"id": 17, "text": "Seminar held\ndate:2024/3/8\n" + BODY}),
        json.dumps(["a", "list"]),
        json.dumps({"text": BODY, "date": "March 30, 2023"}),
        json.dumps({"id": {"nested": 1}, "text": BODY}),
    ]
    f.write_text("\n".join(lines) + "\n")
    items = read_all(f)
    arts = [i for i in items if isinstance(i, Article)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert [a.stem for a in arts] == ["wch-1", "17", "batch-7"]
    a1 = arts[0]
    assert (a1.title, a1.date, a1.url, a1.source) == ("Forum in Chengdu", "2024-08-24", "https://example.org/1",
                                                       f"{f}:1")
    assert arts[1].date == "2024-03-08" and arts[1].title == "Seminar held"
    assert arts[2].date == "2023-03-30"
    assert [s.source for s in skips] == [f"{f}:2", f"{f}:3", f"{f}:6", f"{f}:8"]
    assert all(s.error for s in skips)
    assert "invalid JSON" in skips[0].reason and '"text"' in skips[1].reason


def test_jsonl_html_text(tmp_path):
    f = tmp_path / "h.jsonl"
    f.write_text(json.dumps({"id": "h1", "text": PAGE}) + "\n")
    art = one_article(f)
    assert "alert(1)" not in art.text and "Professor Li Xun" in art.text
    assert art.title == "International ERCP Course opens"


def test_jsonl_without_any_good_line_is_one_message(tmp_path):
    f = tmp_path / "notes.jsonl"
    f.write_text("this is\nnot json\nat all\n")
    s = one_skip(f)
    assert s.source == str(f) and s.error and "not JSON Lines" in s.reason


def test_jsonl_line_too_long(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 1000)
    f = tmp_path / "big.jsonl"
    f.write_text(json.dumps({"id": "big", "text": "x " * 5000}) + "\n" + json.dumps({"id": "ok", "text": BODY}) + "\n")
    items = read_all(f)
    assert isinstance(items[0], Skip) and items[0].source == f"{f}:1" and "longer than" in items[0].reason
    assert isinstance(items[1], Article) and items[1].stem == "ok"


def test_jsonl_in_utf16_and_gbk(tmp_path):
    f = tmp_path / "u16.jsonl"
    f.write_bytes(codecs.BOM_UTF16_LE + (json.dumps({"id": "a", "text": "华西医院 " + BODY}, ensure_ascii=False)
                                         + "\n").encode("utf-16-le"))
    assert one_article(f).text.startswith("华西医院")
    g = tmp_path / "gbk.jsonl"
    g.write_bytes((json.dumps({"id": "b", "text": "四川大学华西医院胸外科 " + BODY}, ensure_ascii=False) + "\n").encode("gbk"))
    assert one_article(g).text.startswith("四川大学华西医院胸外科")


# ---------------------------------------------------------------------------- through the CLI
@pytest.fixture
def mixed_dir(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    rng = random.Random(7)
    (d / "plain.txt").write_text("Regional Stroke Forum held\n" + BODY, encoding="utf-8")
    (d / "gbk.txt").write_bytes(("Forum at West China Hospital (华西医院)\n" + BODY).encode("gbk"))
    (d / "utf16.txt").write_bytes(("Delegation visit\n" + BODY).encode("utf-16"))
    (d / "page.html").write_text(PAGE, encoding="utf-8")
    (d / "notes.md").write_text("# Workshop report\n\n" + BODY)
    (d / "empty.txt").write_bytes(b"")
    (d / "random.txt").write_bytes(bytes(rng.getrandbits(8) for _ in range(4096)))
    (d / ".hidden.txt").write_text(BODY)                       # ignored in folders
    (d / "image.png").write_bytes(b"\x89PNG\r\n")              # ignored in folders (unknown suffix)
    return d


def test_cli_ingests_good_files_and_reports_each_bad_one_once(cli, mixed_dir, tmp_path):
    store = tmp_path / "store"
    r = cli("--store", store, "ingest", "-q", mixed_dir)
    assert r.exit_code == 0, r.output        # empty/binary files are notices, not errors
    lines = stderr_lines(r)
    assert len(lines) == 2, lines
    assert sum("empty.txt" in ln for ln in lines) == 1 and sum("random.txt" in ln for ln in lines) == 1
    assert "Traceback" not in r.output
    with Store(store, read_only=True) as st:
        assert st.articles() == ["gbk", "notes", "page", "plain", "utf16"]


def test_cli_bad_jsonl_line_is_an_error_naming_file_and_line(cli, tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text(json.dumps({"id": "g1", "text": BODY}) + "\n{oops\n" + json.dumps({"id": "g2", "text": BODY}) + "\n")
    store = tmp_path / "store"
    r = cli("--store", store, "ingest", "-q", f)
    assert r.exit_code == 1
    lines = stderr_lines(r)
    assert len(lines) == 1 and f"{f}:2" in lines[0] and "invalid JSON" in lines[0]
    with Store(store, read_only=True) as st:
        assert st.articles() == ["g1", "g2"]


def test_cli_explicit_bad_paths(cli, tmp_path):
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF")
    good = tmp_path / "good.txt"
    good.write_text("Forum held\n" + BODY)
    r = cli("--store", tmp_path / "s", "ingest", "-q", pdf, tmp_path / "missing.txt", good)
    assert r.exit_code == 1
    lines = stderr_lines(r)
    assert len(lines) == 2
    assert str(pdf) in lines[0] and str(tmp_path / "missing.txt") in lines[1]
    with Store(tmp_path / "s", read_only=True) as st:
        assert st.articles() == ["good"]


def test_html_copyright_year_is_not_a_publication_date(tmp_path):
    f = tmp_path / "c.html"
    f.write_text(f"<html><head><title>Forum</title></head><body><h1>Forum opens</h1><p>{BODY}</p>"
                 "<footer>Copyright 2024 West China Hospital</footer></body></html>")
    assert one_article(f).date is None
    f.write_text(f"<html><body><h1>Forum opens</h1><div>date:2024/3/8 19:42:00 hot:555</div><p>{BODY}</p></body></html>")
    assert one_article(f).date == "2024-03-08"


def test_utf8_with_a_few_stray_legacy_bytes_stays_utf8(tmp_path):
    f = tmp_path / "mixed.txt"
    f.write_bytes(("Forum at 四川大学华西医院\n" + BODY).encode("utf-8") + "Café\n".encode("cp1252"))
    art = one_article(f)
    assert "四川大学华西医院" in art.text and "Caf\ufffd" in art.text


def test_the_date_header_not_the_caps_dateline_is_the_page_date(tmp_path):
    f = tmp_path / "hdr.txt"
    f.write_text("Northgate Forum held in Kaunas\nEditor: Mira Holm   Date: 2023-11-21\n\n"
                 "KAUNAS, November 19, 2023 -- The 2nd Northgate Forum on Pediatric Urology was held from 17 to 18 "
                 "November in Kaunas. More than 90 urologists attended the forum.\n")
    assert one_article(f).date == "2023-11-21"


def test_full_width_punctuation_letters_and_digits_read_as_ascii():
    from medkg.ingest.readers import clean_line, normalize_text
    text = ("The Heart Centre（Qingshan），Harlow：Prof．Ann Oduya、Dr．Ben Kato。At 09：45 on 3，June，"
            "a 2．5 cm lesion．《Annals of Rare Surgery》【Update】Ｒｏｏｍ ２")
    assert normalize_text(text) == ("The Heart Centre (Qingshan), Harlow: Prof. Ann Oduya, Dr. Ben Kato. At 09:45 "
                                    "on 3, June, a 2.5 cm lesion. \u201cAnnals of Rare Surgery\u201d [Update] Room 2")
    assert normalize_text("plain (ASCII), text: unchanged; yes.") == "plain (ASCII), text: unchanged; yes."
    assert clean_line("Forum（2025）：Day １") == "Forum (2025): Day 1"
    # Chinese text keeps its own marks; beside English they are read as ASCII
    assert normalize_text("Host: 主办：华东医院（上海），Shanghai") == "Host: 主办：华东医院（上海）, Shanghai"


def test_hard_wrapped_paragraphs_are_joined_and_other_texts_kept():
    from medkg.ingest.readers import normalize_text
    para1 = ("On 4 May the Riverside Heart Institute welcomed a delegation from the Kandy Teaching Hospital "
             "of Sri Lanka, led by Dr. Nimal Perera, for a three-day visit to its catheterisation laboratory "
             "and the new hybrid operating theatre of the Department of Cardio-thoracic Surgery.")
    para2 = ("Both sides signed a memorandum of understanding on training, research and the exchange of "
             "nursing staff, witnessed by the Director of the Regional Health Bureau.")
    wrapped = "\n".join(["Riverside news", "", textwrap.fill(para1, 64), "", textwrap.fill(para2, 64)])
    assert "\n" in textwrap.fill(para1, 64)
    assert normalize_text(wrapped) == "\n".join(["Riverside news", "", para1, "", para2])
    # not wrapped: short lines of page chrome, and one paragraph per line, stay as they are
    chrome = "Home\nNews Centre\nHospital News\nSource: Publicity Office\nEditor: Wang\nViews: 12"
    assert normalize_text(chrome) == chrome
    lines = f"{para1}\n{para2}\nPrint | Close"
    assert normalize_text(lines) == lines


def test_spaces_lost_by_scraping_are_put_back():
    from medkg.ingest.readers import normalize_text
    assert normalize_text("Dr. Ines Varga(Hungary)and Prof. Omar Saleh(UAE),Dubai;Abu Dhabi. Editor:Chen") == \
        "Dr. Ines Varga (Hungary) and Prof. Omar Saleh (UAE), Dubai; Abu Dhabi. Editor: Chen"
    assert normalize_text("the clinic.The visitors") == "the clinic. The visitors"
    kept = "patient(s), Ph.D. holders, the U.S. team, 10.5 cm, 09:30, date:2024/3/8, www.example.org/News.Html"
    assert normalize_text(kept) == kept


def test_a_chinese_gloss_after_a_persons_name_is_dropped():
    from medkg.ingest.readers import normalize_text
    assert normalize_text("Prof. Gao Lin (高林), director of the Heart Centre, met Dr. Yu Hong（于红）.") == \
        "Prof. Gao Lin, director of the Heart Centre, met Dr. Yu Hong."
    kept = "the Heart Centre (UK), Eastern Lake Hospital (东湖医院), the 华东 (East China) team, 主办（上海）"
    assert normalize_text(kept) == kept


def test_utf8_read_as_windows_1252_is_repaired_and_other_text_kept():
    from medkg.ingest.readers import clean_line, normalize_text
    assert clean_line("Childrenâ€™s Hospital news") == "Children\u2019s Hospital news"     # titles too
    assert normalize_text("The Childrenâ€™s Hospital of SÃ£o Paulo hosted Dr. JosÃ© MÃ¼ller â€“ a â€œfirstâ€\x9d.") == \
        "The Children\u2019s Hospital of S\u00e3o Paulo hosted Dr. Jos\u00e9 M\u00fcller \u2013 a \u201cfirst\u201d."
    kept = "S\u00e3o Paulo, Z\u00fcrich, \u00c5rhus, cr\u00e8me \u2013 \u201cquoted\u201d, Ã la"
    assert normalize_text(kept) == kept
