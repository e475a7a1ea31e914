"""The named SPARQL query library (``queries/*.rq``) and safe parameter binding.

Each ``.rq`` file starts with a header of ``#`` comment lines::

    # title: People by country
    # description: Persons with the country they come from (schema:nationality).
    # param: country string = "" -- country name or ISO code; "" for every country

A parameter line is ``NAME TYPE [= DEFAULT] -- description``; DEFAULT is JSON
(``""``, ``0``, ``"China"``); a parameter without a default is required. In the
query body parameter NAME is the variable ``$_NAME`` (variables starting with an
underscore are reserved for parameters, so a parameter never clashes with a column).

Binding never formats values into the query text as text: every value is turned
into ONE RDF term by a strict serializer (:func:`sparql_term`, which escapes
everything that could end a string or an IRI) and the terms are joined to the
query as ``VALUES ($a $b) { (term term) }`` placed at the start of the outer
``WHERE`` group, a position found by a SPARQL-aware scanner on the (trusted)
template only. The same bound text runs locally and on any SPARQL 1.1 endpoint.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from medkg.errors import MedkgError
from medkg.ontology.namespaces import PREFIXES

#: exit code for bad usage / bad query / bad parameter (documented)
EXIT_USAGE = 2

PARAM_TYPES = ("string", "integer", "decimal", "boolean", "iri", "entity", "year", "date")
_PARAM_RE = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>[a-z]+)"
                       r"(?:\s*=\s*(?P<default>.*?))?\s*(?:--\s*(?P<doc>.*))?$")
XSD = "http://www.w3.org/2001/XMLSchema#"
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG_RE = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
_PNAME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9_.-]*):([A-Za-z0-9_][^\s]*)$")


class QueryError(MedkgError):
    """A bad query, unknown query name or bad parameter (exit code 2)."""

    def __init__(self, message: str):
        super().__init__(message, exit_code=EXIT_USAGE)


@dataclass
class Param:
    name: str
    type: str
    default: object = None
    required: bool = False
    doc: str = ""

    def describe(self) -> str:
        d = "required" if self.required else f"default {json.dumps(self.default)}"
        return f"{self.name} ({self.type}, {d})"


@dataclass
class NamedQuery:
    name: str
    text: str
    title: str = ""
    description: str = ""
    params: list[Param] = field(default_factory=list)
    path: Path | None = None
    #: the query's own SPARQL 1.1 form (``queries/sparql11/NAME.rq``), where the automatic
    #: rewrite of its LATERAL joins is not enough for some servers; None: the rewrite is used
    text11: str | None = None

    @property
    def form(self) -> str:
        """SELECT, CONSTRUCT, ASK or DESCRIBE."""
        return query_form(self.text)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"query '{self.name}': no parameter '{name}' (parameters: {known})")

    def bind(self, values: dict[str, object] | None = None, sparql11: bool = False) -> str:
        """The query text with every parameter bound (given value or default). ``sparql11``:
        its SPARQL 1.1 form, for endpoints without LATERAL (:func:`sparql11` of the query, or
        of its own SPARQL 1.1 text when it ships one)."""
        if sparql11:
            template = self.text11 if self.text11 is not None else self.text
            return _sparql11_form(NamedQuery(self.name, template, params=self.params).bind(values))
        values = dict(values or {})
        for k in values:
            self.param(k)
        terms, paging = {}, {}
        for p in self.params:
            if p.name in values:
                raw = values[p.name]
            elif p.required:
                raise QueryError(f"query '{self.name}': parameter '{p.name}' is required "
                                 f"(--param {p.name}=VALUE)")
            else:
                raw = p.default
            if p.name in PAGING:
                paging[p.name] = to_count(raw, p.name)
            else:
                terms[p.name] = to_term(raw, p.type, p.name)
                if p.type in ("string", "entity"):
                    terms.update(derived_keys(self.text, p.name, terms[p.name]))
        text = bind_paging(self.text, paging) if paging else self.text
        return bind_values(text, terms) if terms else text

    @property
    def paged(self) -> bool:
        """True when the query takes ``limit``/``offset`` (a page of the ranked results)."""
        return any(p.name == "limit" for p in self.params)

    def columns(self) -> list[str]:
        """The result variables (SELECT) — found by running on an empty store."""
        if self.form != "SELECT":
            return []
        res = ox.Store().query(self.bind({p.name: _sample_value(p) for p in self.params if p.required}),
                               prefixes=PREFIXES)
        return [v.value for v in res.variables]


def _sample_value(p: Param):
    return {"integer": 0, "decimal": 0, "boolean": False, "iri": "http://example.org/x",
            "year": 2000, "date": "2000-01-01"}.get(p.type, "x")


# ---------------------------------------------------------------------- header parsing
def parse_header(name: str, text: str, path: Path | None = None) -> NamedQuery:
    q = NamedQuery(name=name, text=text, path=path)
    where = path or name
    for line in text.splitlines():
        s = line.strip()
        if not s:
            continue
        if not s.startswith("#"):
            break
        body = s.lstrip("#").strip()
        key, sep, value = body.partition(":")
        if not sep:
            continue
        key, value = key.strip().lower(), value.strip()
        if key == "title":
            q.title = value
        elif key == "description":
            q.description = (q.description + " " + value).strip()
        elif key == "param":
            m = _PARAM_RE.match(value)
            if not m or m["type"] not in PARAM_TYPES:
                raise MedkgError(f"{where}: bad param line '{value}' (NAME TYPE [= DEFAULT] -- doc; "
                                 f"types: {', '.join(PARAM_TYPES)})")
            default, required = None, m["default"] is None
            if not required:
                try:
                    default = json.loads(m["default"])
                except ValueError:
                    raise MedkgError(f"{where}: default of parameter '{m['name']}' is not JSON: {m['default']}") from None
            q.params.append(Param(m["name"], m["type"], default, required, (m["doc"] or "").strip()))
    if not q.title:
        q.title = name.replace("_", " ")
    return q


def library_dir() -> Path:
    return Path(str(resources.files("medkg.queries")))


#: where a named query's own SPARQL 1.1 form lives (same file name)
SPARQL11_DIR = "sparql11"


def load_library() -> dict[str, NamedQuery]:
    """All named queries shipped with medkg, by name (file stem), each with its own SPARQL 1.1
    form when ``sparql11/`` has a file of that name (its parameters are the query's)."""
    out = {}
    for path in sorted(library_dir().glob("*.rq")):
        q = out[path.stem] = parse_header(path.stem, path.read_text(encoding="utf-8"), path)
        alt = path.parent / SPARQL11_DIR / path.name
        if alt.is_file():
            q.text11 = alt.read_text(encoding="utf-8")
    return out


def get_query(name: str) -> NamedQuery:
    lib = load_library()
    if name not in lib:
        import difflib
        close = difflib.get_close_matches(name, lib, n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else " (see 'medkg queries')"
        raise QueryError(f"no named query '{name}'{hint}")
    return lib[name]


# ---------------------------------------------------------------------- values -> terms
def escape_string(value: str) -> str:
    """A SPARQL string literal body that is safe even for parsers that pre-process \\u escapes."""
    out = []
    prev_backslash = False
    for ch in value:
        o = ord(ch)
        if 0xD800 <= o <= 0xDFFF:
            raise QueryError("parameter value: not valid Unicode (lone surrogate)")
        if prev_backslash and ch in "uU":
            out.append("\\u0075" if ch == "u" else "\\u0055")
        elif ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or o == 0x7F:
            out.append(f"\\u{o:04X}")
        else:
            out.append(ch)
        prev_backslash = ch == "\\"
    return "".join(out)


def check_iri(value: str) -> str:
    if not value or _IRI_BAD.search(value) or not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value):
        raise QueryError(f"not an absolute IRI: {value[:80]!r}")
    try:
        ox.NamedNode(value)
    except ValueError as exc:
        raise QueryError(f"not an absolute IRI: {value[:80]!r} ({exc})") from None
    return value


def sparql_term(term) -> str:
    """Serialize a pyoxigraph term as SPARQL text (strict: always exactly one term token)."""
    if isinstance(term, ox.NamedNode):
        return f"<{check_iri(term.value)}>"
    if isinstance(term, ox.Literal):
        body = f'"{escape_string(term.value)}"'
        if term.language:
            if not _LANG_RE.match(term.language):
                raise QueryError(f"bad language tag: {term.language!r}")
            return f"{body}@{term.language}"
        dt = term.datatype.value
        if dt == XSD + "string":
            return body
        return f"{body}^^<{check_iri(dt)}>"
    raise QueryError(f"cannot bind {type(term).__name__} as a parameter")


def expand_iri(value: str) -> str | None:
    """``<iri>``, an absolute IRI, or ``prefix:local`` with a medkg prefix -> IRI; else None."""
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        return check_iri(v[1:-1])
    m = _PNAME_RE.match(v)
    if m and m.group(1) in PREFIXES:
        return check_iri(PREFIXES[m.group(1)] + m.group(2))
    if re.match(r"^(https?|urn|mailto|ftp|file|tag):\S+$", v):
        return check_iri(v)
    return None


def to_term(raw, ptype: str, pname: str = "value"):
    """A parameter value (str from the CLI, or a Python value) -> a pyoxigraph term of ``ptype``."""
    def bad(why):
        return QueryError(f"parameter '{pname}': {why}")
    if isinstance(raw, (ox.NamedNode, ox.Literal)):
        return raw
    if raw is None:
        raw = ""
    if ptype == "string":
        return ox.Literal(str(raw))
    if ptype in ("integer", "year"):
        if isinstance(raw, bool):
            raise bad(f"not an integer: {raw!r}")
        try:
            n = int(str(raw).strip())
        except ValueError:
            raise bad(f"not an integer: {str(raw)[:40]!r}") from None
        return ox.Literal(str(n), datatype=ox.NamedNode(XSD + "integer"))
    if ptype == "decimal":
        from decimal import Decimal, InvalidOperation
        try:
            d = Decimal(str(raw).strip())
        except InvalidOperation:
            raise bad(f"not a number: {str(raw)[:40]!r}") from None
        if not d.is_finite():
            raise bad(f"not a finite number: {raw!r}")
        return ox.Literal(format(d, "f"), datatype=ox.NamedNode(XSD + "decimal"))
    if ptype == "boolean":
        s = str(raw).strip().lower()
        if s in ("1", "true", "yes", "on"):
            return ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean"))
        if s in ("0", "false", "no", "off", ""):
            return ox.Literal("false", datatype=ox.NamedNode(XSD + "boolean"))
        raise bad(f"not a boolean: {s[:40]!r}")
    if ptype == "date":
        s = str(raw).strip()
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", s):
            raise bad(f"not a date YYYY-MM-DD: {s[:40]!r}")
        return ox.Literal(s, datatype=ox.NamedNode(XSD + "date"))
    if ptype == "iri":
        iri = expand_iri(str(raw))
        if iri is None:
            raise bad(f"not an IRI: {str(raw)[:80]!r} (use <...>, http(s)://... or a medkg prefix like id:...)")
        return ox.NamedNode(iri)
    if ptype == "entity":   # an IRI when it looks like one, else a name (string)
        iri = expand_iri(str(raw)) if str(raw).strip() else None
        return ox.NamedNode(iri) if iri else ox.Literal(str(raw).strip())
    raise bad(f"unknown parameter type {ptype!r}")


def derived_keys(text: str, pname: str, term) -> dict:
    """Look-up keys of a string parameter, bound only when the query uses them:
    ``$_<p>_key`` (the value case-folded, spaces collapsed: matches ``mkg:nameKey``) and
    ``$_<p>_word`` (its first word case-folded: matches ``mkg:nameToken``; "" if none).
    Computed here, not with BIND in SPARQL, so the engine sees constants and does index
    look-ups (a BIND-computed key is joined after a scan)."""
    from medkg.graph.counts import name_key, name_words   # the store's own key functions
    out = {}
    value = term.value if isinstance(term, ox.Literal) else ""
    if re.search(rf"\$_{pname}_key\b", text):
        out[f"{pname}_key"] = ox.Literal(name_key(value))
    if re.search(rf"\$_{pname}_word\b", text):
        words = name_words(value)
        out[f"{pname}_word"] = ox.Literal(words[0] if words else "")
    return out


# ---------------------------------------------------------------------- paging
#: parameters bound as the integers of ``LIMIT $_limit`` / ``OFFSET $_offset`` (SPARQL
#: allows no variable there). A value is validated to a non-negative int before it is
#: written, so only digits ever reach the query text; ``limit 0`` = no limit.
PAGING = ("limit", "offset")
_PAGING_RE = re.compile(r"\b(LIMIT|OFFSET)\s+\$_(limit|offset)\b", re.IGNORECASE)


def to_count(raw, pname: str) -> int:
    if isinstance(raw, bool):
        raise QueryError(f"parameter '{pname}': not a non-negative integer: {raw!r}")
    try:
        n = int(str(raw).strip())
    except ValueError:
        raise QueryError(f"parameter '{pname}': not a non-negative integer: {str(raw)[:40]!r}") from None
    if n < 0:
        raise QueryError(f"parameter '{pname}': must be >= 0, got {n}")
    return n


_RANKS_RE = re.compile(r"VALUES\s+\?(\w+)\s*\{\s*\$_(ranks|rank_span)\s*\}", re.IGNORECASE)


def bind_paging(text: str, values: dict[str, int]) -> str:
    """Write the ``limit``/``offset`` integers into ``LIMIT $_limit`` / ``OFFSET $_offset``,
    and the ranks of the page into ``VALUES ?rank { $_ranks }`` (offset+1 .. offset+limit;
    a range filter for limit 0, every rank, or very long pages), or ``VALUES ?rank { $_rank_span }``
    (1 .. offset+limit): a page of a ranking (``mkg:rank``) is then found by index lookups
    instead of sorting every entity."""
    def sub(m):
        n = values.get(m.group(2).lower(), 0)
        return "" if n == 0 else f"{m.group(1)} {n}"
    limit, offset = values.get("limit", 0), values.get("offset", 0)

    def ranks(m):
        # $_ranks: the ranks of the page; $_rank_span: every rank up to the page's end (for pages
        # of rows where each ranked entity gives one row or more)
        var, first = m.group(1), offset + 1 if m.group(2).lower() == "ranks" else 1
        if limit and offset + limit - first < 10_000:
            return f"VALUES ?{var} {{ {' '.join(str(i) for i in range(first, offset + limit + 1))} }}"
        upper = f" && ?{var} <= {offset + limit}" if limit else ""
        return f"FILTER(?{var} >= {first}{upper})"
    return _PAGING_RE.sub(sub, _RANKS_RE.sub(ranks, text))


# ---------------------------------------------------------------------- scanning the template
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")


def _tokens(text: str):
    """Yield (kind, value, start, end) for the structural tokens of a SPARQL text.

    Strings, IRIs and comments are skipped as units, so braces inside them never count.
    """
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if c in "\"'":
            long = text.startswith(c * 3, i)
            q = c * 3 if long else c
            j = i + len(q)
            while j < n:
                if text[j] == "\\":
                    j += 2
                    continue
                if text.startswith(q, j):
                    break
                if not long and text[j] in "\r\n":
                    raise QueryError("SPARQL syntax error: unterminated string")
                j += 1
            else:
                raise QueryError("SPARQL syntax error: unterminated string")
            i = j + len(q)
            continue
        if c == "<":
            m = _IRIREF.match(text, i)
            if m:
                i = m.end()
                continue
        if c in "?$":
            m = _WORD.match(text, i + 1)
            if m:
                yield ("var", m.group(0), i, m.end())
                i = m.end()
                continue
        if c.isalpha() or c == "_":
            m = re.compile(r"[A-Za-z_][A-Za-z0-9_\-.]*(:[^\s{}();,]*)?").match(text, i)
            yield ("word", m.group(0), i, m.end())
            i = m.end()
            continue
        if c in "{}()":
            yield ("punct", c, i, i + 1)
        i += 1


def query_form(text: str) -> str:
    for kind, value, _, _ in _tokens(text):
        if kind == "word" and value.upper() in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE"):
            return value.upper()
        if kind == "word" and value.upper() in ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE",
                                                "ADD", "MOVE", "COPY", "WITH"):
            return "UPDATE"
    return "UNKNOWN"


def where_brace(text: str) -> int:
    """Index just after the ``{`` that opens the outer WHERE group of a query."""
    form, depth_b, depth_p, after_where = None, 0, 0, False
    for kind, value, start, end in _tokens(text):
        if kind == "word" and depth_b == 0 and depth_p == 0:
            up = value.upper()
            if form is None and up in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE"):
                form = up
            elif up == "WHERE":
                after_where = True
        elif kind == "punct":
            if value == "(":
                depth_p += 1
            elif value == ")":
                depth_p -= 1
            elif value == "{":
                if depth_b == 0 and depth_p == 0 and form and (after_where or form in ("SELECT", "ASK", "DESCRIBE")):
                    return end
                depth_b += 1
            elif value == "}":
                depth_b -= 1
    raise QueryError("cannot bind parameters: the query has no WHERE clause")


def bind_values(text: str, terms: dict[str, object]) -> str:
    """Insert ``VALUES ($_a ...) { (t ...) }`` at the start of the outer WHERE group of ``text``.

    ``terms`` maps parameter names (without the ``_``) to pyoxigraph terms."""
    names = list(terms)
    for n in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n):
            raise QueryError(f"bad parameter name {n!r}")
    sterms = {n: sparql_term(terms[n]) for n in names}
    # the outer WHERE group and the WHERE group of every sub-select using a parameter (a
    # sub-select does not see the outer group's variables, so it gets its own VALUES)
    inserts = [(where_brace(text), names)]
    for start, end in _subselect_groups(text):
        used = {v for kind, v, a, b in _tokens(text[start:end]) if kind == "var"}
        inner = [n for n in names if "_" + n in used]
        if inner:
            inserts.append((start, inner))
    for pos, ns in sorted(inserts, reverse=True):
        row = " ".join(sterms[n] for n in ns)
        block = f" VALUES ({' '.join('$_' + n for n in ns)}) {{ ({row}) }} "
        text = text[:pos] + block + text[pos:]
    return text


def _subselect_groups(text: str) -> list[tuple[int, int]]:
    """(start, end) of the WHERE group body of every nested SELECT (start: just after its ``{``)."""
    out, stack, pending, depth_p = [], [], [], 0
    for kind, value, start, end in _tokens(text):
        if kind == "word" and value.upper() == "SELECT" and stack:
            pending.append(len(stack))          # the next '{' at this depth opens its WHERE group
        elif kind == "punct":
            if value == "(":
                depth_p += 1
            elif value == ")":
                depth_p -= 1
            elif value == "{":
                opens = bool(pending) and pending[-1] == len(stack) and depth_p == 0
                if opens:
                    pending.pop()
                stack.append((end, opens))
            elif value == "}" and stack:
                body_start, opens = stack.pop()
                if opens:
                    out.append((body_start, start))
    return out


def parse_params(pairs) -> dict[str, str]:
    """``["k=v", ...]`` (from --param) -> dict; the value may contain '='.

    A name may carry a type for ad-hoc queries: ``n:integer=5`` -> key ``n:integer``."""
    out = {}
    for item in pairs or ():
        k, sep, v = item.partition("=")
        k = k.strip()
        if not sep or not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*(:[a-z]+)?", k):
            raise QueryError(f"--param {item[:60]!r}: expected NAME=VALUE (NAME: letters, digits, _)")
        out[k] = v
    return out


def bind_adhoc(text: str, values: dict[str, str]) -> str:
    """Bind ``--param`` values into an ad-hoc query: ``name[:type]=value`` binds ``$_name``."""
    terms = {}
    for key, raw in values.items():
        name, _, ptype = key.partition(":")
        ptype = ptype or "string"
        if ptype not in PARAM_TYPES:
            raise QueryError(f"--param {key}: unknown type '{ptype}' (types: {', '.join(PARAM_TYPES)})")
        terms[name] = to_term(raw, ptype, name)
    return bind_values(text, terms) if terms else text


# ---------------------------------------------------------------------- SPARQL 1.1 form
def sparql11(sparql: str) -> str:
    """The SPARQL 1.1 form of a (bound) named query, for engines without ``LATERAL`` (rdflib,
    GraphDB, Virtuoso, QLever; ``medkg query --sparql11``).

    ``LATERAL { X }`` becomes the plain join ``{ X }``, and ``LATERAL { OPTIONAL { X } }`` the
    left join ``OPTIONAL { X }``: the same rows wherever X only reads the outer row's
    variables. A list cut per row inside X (``LIMIT n`` without ``OFFSET``, e.g. the first ten
    organizers of each event) would cut the whole join instead, so that ``LIMIT`` is dropped:
    the rows are the same, their lists are not cut. A page inside X (``LIMIT .. OFFSET ..``, one
    page per outer row: ``international_partners``) has no SPARQL 1.1 form and stays one page
    overall. Braces are found by the SPARQL-aware scanner (never inside strings or IRIs).
    """
    toks = list(_tokens(sparql))
    close, stack = {}, []
    for kind, value, a, b in toks:
        if kind == "punct" and value == "{":
            stack.append(a)
        elif kind == "punct" and value == "}" and stack:
            close[stack.pop()] = a
    return _sparql11(sparql, 0, len(sparql), toks, close)


_sparql11_form = sparql11      # (for NamedQuery.bind, whose flag has the same name)


def _sparql11(text: str, lo: int, hi: int, toks, close: dict, inside: bool = False) -> str:
    """``text[lo:hi]`` in its SPARQL 1.1 form; ``inside``: within a LATERAL block (row caps dropped).
    ``close`` maps the offset of each ``{`` to that of its ``}``."""
    seg = _strip_row_caps if inside else (lambda s: s)
    out, i = [], lo
    for k, (kind, value, a, b) in enumerate(toks):
        if a < i or a >= hi or kind != "word" or value.upper() != "LATERAL":
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is None or nxt[:2] != ("punct", "{"):
            continue
        open_, end = nxt[2], close.get(nxt[2], hi - 1)
        inner = _sparql11(text, open_ + 1, end, toks, close, inside=True)
        # LATERAL { OPTIONAL { X } }: the block's first tokens are OPTIONAL and a group whose
        # closing brace is the block's last one
        t1, t2 = (toks[k + 2], toks[k + 3]) if k + 3 < len(toks) else (None, None)
        only_optional = (t1 is not None and t1[:2] == ("word", "OPTIONAL") and t2[:2] == ("punct", "{")
                         and text[close.get(t2[2], end) + 1:end].strip() == "")
        if only_optional:
            out += [seg(text[i:a]), inner.strip(), " "]      # -> OPTIONAL { X }
        else:
            out += [seg(text[i:a]), "{", inner, "}"]
        i = end + 1
    out.append(seg(text[i:hi]))
    return "".join(out)


_ROW_CAP = re.compile(r"\s+\d+(?!\s*OFFSET)(?!\d)", re.I)


def _strip_row_caps(text: str) -> str:
    """``text`` without its ``LIMIT n`` clauses that have no ``OFFSET`` (token-aware: a string
    saying "LIMIT 3" stays)."""
    cuts = []
    for kind, value, a, b in _tokens(text):
        if kind == "word" and value.upper() == "LIMIT":
            m = _ROW_CAP.match(text, b)
            if m:
                cuts.append((a, m.end()))
    for a, b in reversed(cuts):
        text = text[:a] + text[b:]
    return text
