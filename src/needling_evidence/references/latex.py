"""LaTeX → Unicode for BibTeX field values: fast, table-driven, and the same text pylatexenc gives.

BibTeX values carry accents and symbols as LaTeX (``Fern{\\'a}ndez``, ``\\"{u}``, ``{\\v{S}}``, ``\\&``,
``--``). pylatexenc's ``LatexNodes2Text`` decodes them faithfully but builds a node tree for every value,
which makes reading a 20,000-entry file take ~20 s (issue 2, item 10). This decoder is one regular-expression
tokenizer and a small recursive reader over its tokens, with an LRU cache per distinct value; values without
any LaTeX markup are returned untouched without tokenizing.

Its output equals ``pylatexenc.latex2text.LatexNodes2Text().latex_to_text(value)`` for the markup found in
bibliographies — accents (with or without braces, on ``\\i``/``\\j``), the letter macros (``\\ss``, ``\\o``,
``\\aa``, ``\\l`` …), escaped specials, dashes and quotes, ``~``, Greek letters and math delimiters,
formatting macros (``\\textit{…}``, ``{\\em …}``) and brace groups — which the test suite and the benchmark
check against pylatexenc itself. It deliberately differs where pylatexenc would lose what the user wrote in a
bibliography:

- a bare ``%`` is a percent sign, not a comment that swallows the rest of the line;
- a bare ``&`` stays ``&`` (pylatexenc turns it into spaces, as a table cell separator);
- ``\\url{…}`` gives the URL alone, ``\\href{url}{text}`` the text;
- ``\\copyright``, ``\\S``, ``\\P``, ``\\pounds``, ``\\euro``, ``\\ddag``, ``\\textless``, ``\\textgreater``,
  ``\\textbar``, ``\\textunderscore``, ``\\SS``, ``\\LaTeX``/``\\TeX`` give their symbols or names (pylatexenc
  gives nothing);
- ``\\cite``/``\\ref``/``\\label`` keep their argument text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["latex_to_text", "needs_decoding"]

# Combining marks for the accent commands (LaTeX's own table, The LaTeX Companion §7.6).
_ACCENTS: dict[str, str] = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "d": "\u0323",
    "r": "\u030a",
    "b": "\u0331",
}
# Accent commands written as letters (``\v{S}``, ``\c c``): the rest are single symbols (``\'e``).
_LETTER_ACCENTS = frozenset("uvHckdrb")

# Control symbols: a backslash and one non-letter.
_SYMBOLS: dict[str, str] = {
    "&": "&",
    "%": "%",
    "$": "$",
    "#": "#",
    "_": "_",
    "{": "{",
    "}": "}",
    " ": " ",
    "\n": " ",
    "\t": " ",
    ",": " ",  # thin space
    ";": " ",
    ":": " ",
    "!": "",  # negative thin space
    "-": "\u00ad",  # discretionary hyphen
    "/": "",  # italic correction
    "@": "",  # spacing hint
    "\\": "\n",
}

# Macros without arguments that stand for a character or a word. Unknown macros give nothing and leave their
# arguments as plain groups (``\textit{x}`` → ``x``), as in pylatexenc.
_WORDS: dict[str, str] = {
    "ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ",
    "OE": "Œ",
    "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "ij": "ĳ", "IJ": "Ĳ", "NG": "Ŋ", "ng": "ŋ", "th": "þ", "TH": "Þ",
    "dh": "ð", "DH": "Ð", "dj": "đ", "DJ": "Đ",
    "textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "textellipsis": "…",
    "textregistered": "®", "texttrademark": "™", "dag": "†", "ddag": "‡", "textdegree": "°",
    "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "ˆ", "textunderscore": "_",
    "textquoteright": "’", "textquoteleft": "‘", "textquotedblleft": "“", "textquotedblright": "”",
    "guillemotleft": "«", "guillemotright": "»", "textbullet": "•", "textperiodcentered": "˙",
    "textless": "<", "textgreater": ">", "textbar": "|", "textdollar": "$", "textsection": "§",
    "copyright": "©", "S": "§", "P": "¶", "pounds": "£", "textsterling": "£", "texteuro": "€", "euro": "€",
    "LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX",
    "quad": "  ", "qquad": "    ",
    # Greek and the few math symbols health titles use ($\beta$-blockers, $\kappa$B, p $\leq$ 0.05)
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
    "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ",
    "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
    "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    "pm": "±", "times": "×", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "approx": "≈", "sim": "∼",
    "neq": "≠", "cdot": "·", "infty": "∞", "rightarrow": "→", "to": "→", "leftarrow": "←", "prime": "'",
}  # fmt: skip

# Macros whose argument is dropped or rewritten are listed by how many leading groups they consume.
_DROP_FIRST_ARGUMENT = frozenset({"href"})  # \href{url}{text} → text

_TOKEN = re.compile(
    r"""
      \\(?P<word>[A-Za-z]+)[ \t]*(?:\n[ \t]*)?   # a macro word eats the spaces after it (and one newline)
    | \\(?P<symbol>.)                           # a control symbol
    | (?P<open>\{) | (?P<close>\})
    | (?P<special>---|--|``|''|[?!]`|~|\$)
    | (?P<text>[^\\{}~\-`'?!$]+|.)
    """,
    re.VERBOSE | re.DOTALL,
)

_SPECIALS = {"---": "—", "--": "–", "``": "“", "''": "”", "?`": "¿", "!`": "¡", "~": "\u00a0", "$": ""}

# Accents in their usual spellings and escaped characters, which decode the same wherever they stand (never
# right after a backslash: "\\\\'e" is a line break, then text).
_COMMON = re.compile(
    r"""(?<!\\)(?:
        \{\\[uvHckdrb]\ [A-Za-z]\}                                  # {\v S}
      | \{\\(?:[uvHckdrb]|['`^"~=.])\{(?:[A-Za-z]|\\[ij])\}\}         # {\v{S}}  {\'{e}}  {\'{\i}}
      | \\(?:[uvHckdrb]|['`^"~=.])\{(?:[A-Za-z]|\\[ij])\}             # \v{S}  \'{e}  \"{\i}
      | \{\\['`^"~=.](?:[A-Za-z]|\\[ij])\}                           # {\'e}  {\"\i}
      | \\['`^"~=.][A-Za-z]                                          # \'e
      | \{\\[&%$\#_]\} | \\[&%$\#_]                                  # {\&}  \&
      | \{\\(?:ss|o|O|aa|AA|ae|AE|oe|OE|l|L|i)\}                     # {\ss}  {\o}
    )""",
    re.VERBOSE,
)

# The LRU bound keeps memory flat on huge files; in a bibliography most decoded strings (journal names,
# author names) repeat, so 2**16 distinct values hold the working set of the 20,000-entry benchmark.
_CACHE_SIZE = 2**16

_DOTLESS = {"ı": "i", "ȷ": "j"}  # an accent on \i or \j puts it on a plain i or j


def needs_decoding(value: str) -> bool:
    """True when ``value`` may contain LaTeX markup that :func:`latex_to_text` would change."""
    # Plain substring tests: several times faster than one regular expression with alternatives, and this
    # runs on every field value of a file.
    return (
        "\\" in value
        or "{" in value
        or "}" in value
        or "~" in value
        or "$" in value
        or "--" in value
        or "`" in value
        or "''" in value
    )


def latex_to_text(value: str) -> str:
    """``value`` with LaTeX markup decoded to Unicode text; whitespace is kept as written."""
    if not needs_decoding(value):
        return value
    # Most values hold only accents in their usual spellings, escaped specials, brace groups, dashes and ties.
    # Each such spelling decodes the same wherever it stands, so it is replaced by its own (cached) decoding;
    # anything left over — other macros, math, quotes — sends the original value to the tokenizer.
    simple = _COMMON.sub(_common_replacement, value) if "\\" in value else value
    if not ("\\" in simple or "$" in simple or "`" in simple or "''" in simple):
        # Dashes before braces, so that braces between hyphens keep them apart ("-{}-" is two hyphens).
        return (
            simple.replace("---", "—")
            .replace("--", "–")
            .replace("~", "\u00a0")
            .replace("{", "")
            .replace("}", "")
        )
    return _decode_cached(value)


def _common_replacement(match: re.Match[str]) -> str:
    return _decode_cached(match.group(0))  # each distinct spelling is tokenized once, then cached


def _accented(text: str, accent: str) -> str:
    mark = _ACCENTS[accent]
    return "".join(unicodedata.normalize("NFC", _DOTLESS.get(ch, ch) + mark) for ch in text)


@lru_cache(maxsize=_CACHE_SIZE)
def _decode_cached(value: str) -> str:
    return _read(_Tokens(value), inside_group=False)


class _Tokens:
    """The tokens of a value, read one at a time (a 10 MB field never becomes a list of millions of tokens),
    with one token of push-back for an accent that takes only the first letter of a run of text."""

    __slots__ = ("_matches", "_pushed")

    def __init__(self, value: str):
        self._matches = _TOKEN.finditer(value)
        self._pushed: tuple[str, str] | None = None

    def next(self) -> tuple[str, str] | None:
        if self._pushed is not None:
            token, self._pushed = self._pushed, None
            return token
        match = next(self._matches, None)
        if match is None:
            return None
        kind = match.lastgroup or "text"
        return kind, match.group(kind)

    def push(self, token: tuple[str, str]) -> None:
        self._pushed = token


def _read(tokens: _Tokens, *, inside_group: bool) -> str:
    """Decode tokens up to the closing brace of the current group (or the end)."""
    out: list[str] = []
    while (token := tokens.next()) is not None:
        kind, value = token
        if kind == "text":
            out.append(value)
        elif kind == "open":
            out.append(_read(tokens, inside_group=True))
        elif kind == "close":
            if inside_group:
                break
            # a stray closing brace is dropped, as LaTeX (and pylatexenc) would
        elif kind == "special":
            out.append(_SPECIALS[value])
        elif kind == "symbol":
            if value in _ACCENTS and value not in _LETTER_ACCENTS:
                out.append(_accented(_argument(tokens, skip_space=True), value))
            else:
                out.append(_SYMBOLS.get(value, value))
        elif value in _LETTER_ACCENTS:  # a macro word from here on
            out.append(_accented(_argument(tokens, skip_space=False), value))
        elif value in _DROP_FIRST_ARGUMENT:
            following = tokens.next()
            if following is not None and following[0] == "open":
                _read(tokens, inside_group=True)
            elif following is not None:
                tokens.push(following)
        else:
            out.append(_WORDS.get(value, ""))
    return "".join(out)


def _argument(tokens: _Tokens, *, skip_space: bool) -> str:
    """The argument of an accent: a group, a letter macro (``\\i``), or the next single character."""
    while (token := tokens.next()) is not None:
        kind, value = token
        if kind == "open":
            return _read(tokens, inside_group=True)
        if kind == "word":
            return _WORDS.get(value, "")
        if kind == "text":
            stripped = value.lstrip() if skip_space else value
            if not stripped:
                continue
            if len(stripped) > 1:
                tokens.push(("text", stripped[1:]))  # the rest is read as ordinary text
            return stripped[0]
        tokens.push(token)  # anything else: the accent has no argument
        return ""
    return ""
