"""The quote index's offsets (issue 13: held as two arrays of word starts, not a Python int per piece) map
every normalised character back to the same original character as the plain piece-by-piece mapping they
replaced, which this file keeps as the reference: one piece per word and one per collapsed white-space run."""

from __future__ import annotations

import bisect
import re

from hypothesis import given
from hypothesis import strategies as st

from needling_evidence.claims import _QUOTE_TABLE, _normalise, _normalised_text

_SPACE_RUN = re.compile(r"\s+")


class _PieceOffsets:
    """The mapping as it was first written: a list entry per word and per space."""

    def __init__(self, text: str) -> None:
        unified = text.translate(_QUOTE_TABLE)
        self.starts: list[int] = []
        self.origins: list[int] = []
        self.length = 0
        pieces: list[str] = []
        copied_from = 0
        runs = [(run.start(), run.end()) for run in _SPACE_RUN.finditer(unified)]
        for run_start, run_end in [*runs, (len(unified), len(unified))]:
            if run_start > copied_from:
                if pieces:
                    pieces.append(" ")
                    self._add(copied_from - 1, 1)
                pieces.append(unified[copied_from:run_start])
                self._add(copied_from, run_start - copied_from)
            copied_from = run_end
        self.text = "".join(pieces)

    def _add(self, origin: int, length: int) -> None:
        self.starts.append(self.length)
        self.origins.append(origin)
        self.length += length

    def at(self, index: int) -> int:
        piece = bisect.bisect_right(self.starts, index) - 1
        return self.origins[piece] + (index - self.starts[piece])

    def normalised(self, origin: int) -> int:
        piece = bisect.bisect_right(self.origins, origin) - 1
        if piece < 0:
            return 0
        end = self.starts[piece + 1] if piece + 1 < len(self.starts) else self.length
        inside = origin - self.origins[piece]
        return self.starts[piece] + inside if self.starts[piece] + inside < end else end


# words, quote marks and dashes the index unifies, and white space of every kind str.isspace knows
_PARTS = st.sampled_from(
    [
        *("a", "word", "needling", "\u201cq\u201d", "\u2019", "x\u2013y", "-", "\u00e9t\u00e9", "[1]", "."),
        *(" ", "  ", "\n", "\t", "\r\n", "\u00a0", "\u2028", "\u3000", "\x1c", "\x85", " \n\n  "),
    ]
)


@given(st.lists(_PARTS, max_size=40).map("".join) | st.text(max_size=60))
def test_offsets_agree_with_the_piece_by_piece_mapping(text: str) -> None:
    normalised, offsets = _normalise(text)
    reference = _PieceOffsets(text)
    assert normalised == reference.text == _normalised_text(text)
    assert len(offsets) == reference.length
    for index in range(len(offsets)):
        assert offsets[index] == reference.at(index), index
    for origin in range(-1, len(text) + 2):
        assert offsets.normalised(origin) == reference.normalised(origin), origin
    if len(offsets):
        assert offsets[-1] == reference.at(len(offsets) - 1)
        assert offsets[0 : len(offsets)] == [reference.at(i) for i in range(len(offsets))]


def test_offsets_of_a_spaced_sentence() -> None:
    text = "  Dry \u201cneedling\u201d\n\n  eases\u00a0pain.  "
    normalised, offsets = _normalise(text)
    assert normalised == 'Dry "needling" eases pain.'
    unified = text.translate(_QUOTE_TABLE)
    for index, char in enumerate(normalised):
        assert unified[offsets[index]] == char if char != " " else unified[offsets[index]].isspace()
    assert offsets[3] == 5  # the space after "Dry" stands at the last white-space character before "needling"
    assert offsets[normalised.index("eases") - 1] == text.index("eases") - 1
    assert offsets.normalised(text.index("pain")) == normalised.index("pain")
    assert offsets.normalised(len(text)) == len(normalised)
