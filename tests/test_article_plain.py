"""article._plain (issue 13: a paragraph is made plain several times while a long article's blocks are
classified) runs each substitution only when the characters it needs are there and collapses white space with
str.split: the text must be what the four substitutions always made."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from needling_evidence.article import _plain


def _four_substitutions(markdown: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!>~|])", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    return re.sub(r"\s+", " ", text).strip()


_PIECES = st.sampled_from(
    [
        *("word", "Dry needling", "[a link](https://x.org/a)", "![img](p.png)", "](", "[", "]", "(", ")"),
        *("\\", "\\*", "*", "**", "_", "__", "`", "**bold**", "_it_", "`code`", ":"),
        *(" ", "\n", "\t", "\u00a0", "\u2028", "\x1c"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join) | st.text(max_size=80))
def test_plain_is_what_the_four_substitutions_make(markdown: str) -> None:
    assert _plain(markdown) == _four_substitutions(markdown)
