"""Article structure (issue 9): Markdown read with markdown-it-py and HTML with html.parser into blocks that
keep their kind; only prose becomes drafted claims; each block and sentence points at its line in its file."""

from __future__ import annotations

from pathlib import Path

import pytest

import needling_evidence as ne
from needling_evidence.model import PROSE_KINDS, Article

# From "Low Back Pain" (Grindrod, Kielly, Marra; pharmacists' monograph, revised 2018) as converted to
# Markdown in PharmaGuideInc/openai-chatkit-starter-app, markdown_for_vectorstore/low_back_pain_minor.md:
# front matter, a table under a bold caption, its "[a]" notes, an abbreviation list written as a definition
# list, a figure caption with citations, a figure note, a list, and prose. Rows trimmed; words as published.
MONOGRAPH = """\
---
title: Low Back Pain
source: low_back_pain_minor.html
---

## Low Back Pain

### Nonpharmacologic Therapy

The combination of education and exercise may offer some short-term benefit.[[1]](#refitem-1242128-4D5641D4)

**Table 1:** Conservative Treatments for Low Back Pain

| Category | Treatment | Acute (<4 wk) | Subacute or Chronic (>4 wk) |
| --- | --- | --- | --- |
| Pharmacologic Therapy | NSAIDs | ■ | ■ |
|  | Spinal manipulation [a] | ■ | ■ |

[a] Low-quality evidence; recommendations are based on lack of harms and small to moderate effect on either \
pain and/or function.

[b] Recommendation for mindfulness-based stress reduction is based on moderate-quality evidence suggesting \
improvement in pain and function.

Massage therapy may provide a small benefit in acute or subacute low back \
pain.[[2]](#refitem-1242132-4D5681E9)

**Abbreviations:**

ADL
:   activities of daily living

BP
:   blood pressure

### Algorithms

**Figure 1:** Assessment of Patients with Low Back Pain[[1]](#psc1047n1001)

![](images/lowbackpainpsc_asspatlowbacpai.gif)

[[a]](#fnsrc_figfnad414342e1366) Cauda equina syndrome: a rare clinical syndrome characterized by dull \
pain in the lower back and upper buttock region.

### Goals of Therapy

- Relieve symptoms
- Maintain or improve mobility and quality of life

### References

1. Parreira P, Heymans MW, van Tulder MW et al. Back schools for chronic non-specific low back pain. \
*Cochrane Database Syst Rev* 2017;8;CD011674.
2. Furlan AD, Giraldo M, Baskwill M et al. Massage for low-back pain. *Cochrane Database Syst Rev* \
2015;9;CD001929.
"""


def kinds(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, article.text[b.start : b.end]) for b in article.blocks]


def line_of(article: Article, words: str) -> int:
    return next(i for i, line in enumerate(article.text.split("\n"), start=1) if words in line)


def test_monograph_blocks_keep_their_kind_and_line() -> None:
    article = ne.load_article(MONOGRAPH)
    blocks = kinds(article)
    assert blocks[0][0] == "front_matter" and blocks[0][1].startswith("---\ntitle: Low Back Pain")
    assert article.metadata["title"] == "Low Back Pain"
    expected = [
        ("heading", "Low Back Pain"),
        ("heading", "Nonpharmacologic Therapy"),
        ("caption", "**Table 1:** Conservative Treatments for Low Back Pain"),
        ("table_cell", "Category"),
        ("table_cell", "Spinal manipulation [a]"),
        ("footnote", "[a] Low-quality evidence; recommendations are based on lack of harms and small to "
         "moderate effect on either pain and/or function."),
        ("footnote", "[b] Recommendation for mindfulness-based stress reduction is based on moderate-quality "
         "evidence suggesting improvement in pain and function."),
        ("definition", "**Abbreviations:**"),
        ("definition", "ADL"),
        ("definition", "activities of daily living"),
        ("caption", "**Figure 1:** Assessment of Patients with Low Back Pain[[1]](#psc1047n1001)"),
        ("footnote", "[[a]](#fnsrc_figfnad414342e1366) Cauda equina syndrome: a rare clinical syndrome "
         "characterized by dull pain in the lower back and upper buttock region."),
        ("list_item", "Relieve symptoms"),
        ("list_item", "Maintain or improve mobility and quality of life"),
    ]  # fmt: skip
    for block in expected:
        assert block in blocks, block
    # The header row, a full row and a row whose first cell is empty (an empty cell is no block).
    assert sum(1 for kind, _ in blocks if kind == "table_cell") == 4 + 4 + 3
    for block in article.blocks:  # every block's line is the line of the user's file its text is on
        assert (
            article.text[block.start : block.end].split("\n")[0] in article.text.split("\n")[block.line - 1]
        )
    for sentence in article.sentences:
        assert sentence.text == article.text[sentence.start : sentence.end]
        assert sentence.block is not None and article.blocks[sentence.block].kind in (
            sentence.kind,
            "paragraph",
        )
    # The caption's citation is read (the figure cites reference 1); the table's cells are searched too.
    caption_citation = next(c for c in article.citations if c.marker == "[[1]](#psc1047n1001)")
    sentence = article.sentence(caption_citation.sentence_id)
    assert sentence is not None and sentence.kind == "caption"
    assert caption_citation.line == line_of(article, "**Figure 1:**")
    assert len(article.references) == 2 and article.problems == ()


def test_table_rows_captions_definitions_and_notes_never_become_claims() -> None:
    article = ne.load_article(MONOGRAPH)
    claims = ne.draft_claims(article)
    quoted = {c.sentence_id for c in claims}
    for sentence in article.sentences:
        if sentence.kind not in PROSE_KINDS:
            assert sentence.id not in quoted, sentence
    texts = [c.quote for c in claims]
    assert any(t and t.startswith("Massage therapy may provide a small benefit") for t in texts)
    assert not any(t and ("NSAIDs" in t or "Cauda equina" in t or "Low-quality evidence" in t) for t in texts)


# kramdown's inline attribute lists, as written in gummesson/ellengummesson notes/kramdown.md ("This is a
# paragraph.\n{: .print--lead .print--brand }") and LeoNiedermeier.github.io _docs/misc/github_pages.md
# ('{: .info title="My Title"}\nSome text'), and the Minimal Mistakes notice class named in issue 9.
@pytest.mark.parametrize(
    "markdown",
    [
        "Dry needling is safe and effective for neck pain.\n{: .notice--info}\n",
        '{: .info title="My Title"}\nDry needling is safe and effective for neck pain.\n',
        "Dry needling is safe and effective for neck pain.\n\n{: .print--lead .print--brand }\n",
    ],
)
def test_kramdown_attribute_lines_are_not_text(markdown: str) -> None:
    article = ne.load_article("# Needling\n\n" + markdown)
    texts = [s.text for s in article.sentences if s.kind != "heading"]
    assert texts == ["Dry needling is safe and effective for neck pain."]
    claims = ne.draft_claims(article)
    assert claims and all("{:" not in c.text and "{:" not in (c.quote or "") for c in claims)


def test_list_items_carry_their_lead_in() -> None:
    # The lead-ins issue 9 quotes from a chiropractic page and a cupping blog.
    article = ne.load_article(
        "# Care\n\nRoutine chiropractic care can improve the following:\n\n- Posture\n- Sleep quality\n"
        "  - Deep sleep\n\nEffects of cupping according to research:\n\n1. Less neck pain\n\n"
        "A list without a lead.\n\n- Call us\n"
    )
    blocks = article.blocks

    def lead_of(words: str) -> str | None:
        block = next(b for b in blocks if article.text[b.start : b.end] == words)
        if block.lead_in is None:
            return None
        lead = blocks[block.lead_in]
        return article.text[lead.start : lead.end]

    assert lead_of("Posture") == "Routine chiropractic care can improve the following:"
    assert lead_of("Sleep quality") == "Routine chiropractic care can improve the following:"
    assert lead_of("Deep sleep") == "Sleep quality"  # a nested list hangs from its item
    assert lead_of("Less neck pain") == "Effects of cupping according to research:"
    assert lead_of("Call us") is None
    numbered = next(b for b in blocks if article.text[b.start : b.end] == "Less neck pain")
    assert numbered.label == "1"


def test_quotes_are_prose_and_keep_their_lines() -> None:
    article = ne.load_article("# Q\n\n> Massage lowered my pain.\n> I slept better.\n\nAfter.\n")
    quotes = [(s.text, s.line) for s in article.sentences if s.kind == "quote"]
    assert quotes == [("Massage lowered my pain.", 3), ("I slept better.", 4)]
    assert "quote" in PROSE_KINDS


def test_acronym_lines_are_definitions_but_other_colon_lines_are_prose() -> None:
    article = ne.load_article(
        "# T\n\nCNS: central nervous system\n\nNSAIDs: non-steroidal anti-inflammatory drugs\n\n"
        "Note: dry needling can cause bruising.\n"
    )
    assert [(s.kind, s.text) for s in article.sentences if s.kind != "heading"] == [
        ("definition", "CNS: central nervous system"),
        ("definition", "NSAIDs: non-steroidal anti-inflammatory drugs"),
        ("sentence", "Note: dry needling can cause bruising."),
    ]


def test_plain_text_paragraphs_with_bullets_still_split_inside_markdown() -> None:
    # Text pasted from a web page: "•" bullets are not CommonMark list markers, but they were always list
    # items.
    article = ne.load_article("# T\n\nBenefits include:\n• Less pain\n• Better sleep\n")
    assert [(s.kind, s.text) for s in article.sentences] == [
        ("heading", "T"),
        ("sentence", "Benefits include:"),
        ("list_item", "Less pain"),
        ("list_item", "Better sleep"),
    ]


def test_bundled_plain_text_article_is_read_as_before() -> None:
    article = ne.load_article(ne.datasets.dry_needling_path("article.txt"))
    assert {b.kind for b in article.blocks} <= {"heading", "paragraph", "list_item"}
    assert len(article.sentences) == 77  # as 0.1.0 read it (the bundled report is unchanged byte for byte)


# --- HTML
# -----------------------------------------------------------------------------------------------------

# The markup Wikipedia writes for a citation (public copies found with find_string 'class="reference"><a
# href="#cite_note-'), around the opening words of Wikipedia's "Dry needling" (as copied on Scribd, "Dry
# Needling - Wiki"): "Dry needling, also known as trigger point dry needling and intramuscular
# stimulation,[1][2] is a pseudoscientific technique used by various healthcare practitioners …[3]"
WIKI_PAGE = """\
<!DOCTYPE html>
<html><head><title>Dry needling - Wikipedia</title>
<style>p { margin: 0 }</style><script>var x = "<p>not text</p>";</script></head>
<body>
<nav><a href="/">Main page</a></nav>
<h1>Dry needling</h1>
<p><b>Dry needling</b>, also known as trigger point dry needling and intramuscular \
stimulation,<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">&#91;1&#93;</a></sup> is a \
technique used by various healthcare practitioners, including physical
therapists.<sup>2</sup> There is no clear evidence to support the effectiveness of dry \
needling.<sup>1,2</sup></p>
<p>Practitioners say it can improve the following:</p>
<ul><li>Shoulder pain <a href="https://pubmed.ncbi.nlm.nih.gov/28192789/">(Qaseem 2017)</a></li><li>Neck \
pain</li></ul>
<table><caption>Table 1. Outcomes</caption><tr><th>Outcome</th><td>Pain fell by \
20%<sup>2</sup></td></tr></table>
<figure><img src="x.png" alt=""><figcaption>Figure 1: Needles in the trapezius.</figcaption></figure>
<blockquote><p>It helps me sleep.</p></blockquote>
<dl><dt>MTrP</dt><dd>myofascial trigger point</dd></dl>
<div class="footnotes"><ol><li id="fn1"><p>Seen in clinic &amp; at home.</p></li></ol></div>
<h2>References</h2>
<ol>
<li>Gattie E, Cleland JA, Snodgrass S. The effectiveness of trigger point dry needling for musculoskeletal \
conditions by physical therapists: a systematic review and meta-analysis. J Orthop Sports Phys Ther. \
2017;47(3):133-149.</li><li>Cagnie B, Dewitte V, Barbe T, Timmermans F, Delrue N, Meeus M. Physiologic \
effects of dry needling. Curr Pain Headache Rep. 2013;17(8):348.</li>
</ol>
</body></html>
"""


@pytest.fixture
def wiki(tmp_path: Path) -> Article:
    path = tmp_path / "dry-needling.html"
    path.write_text(WIKI_PAGE, encoding="utf-8")
    return ne.load_article(path)


def test_html_text_keeps_the_files_lines(wiki: Article) -> None:
    assert wiki.text.count("\n") == WIKI_PAGE.count("\n")
    source_lines = WIKI_PAGE.split("\n")
    for sentence in wiki.sentences:
        first_words = sentence.text.split()[0].strip("“\"'")
        assert sentence.line is not None and first_words in source_lines[sentence.line - 1], sentence
    assert "not text" not in wiki.text and "Main page" not in wiki.text and "margin" not in wiki.text
    assert wiki.title == "Dry needling"


def test_html_block_kinds(wiki: Article) -> None:
    by_kind = {(s.kind, s.text) for s in wiki.sentences}
    assert ("heading", "Dry needling") in by_kind
    assert ("caption", "Figure 1: Needles in the trapezius.") in by_kind
    assert ("table_cell", "Pain fell by 20%²") in by_kind
    assert ("quote", "It helps me sleep.") in by_kind
    assert ("definition", "myofascial trigger point") in by_kind
    assert ("footnote", "Seen in clinic & at home.") in by_kind
    items = [b for b in wiki.blocks if b.kind == "list_item" and b.role == "body"]
    lead = wiki.blocks[items[0].lead_in] if items[0].lead_in is not None else None
    assert (
        lead is not None
        and wiki.text[lead.start : lead.end] == "Practitioners say it can improve the following:"
    )


def test_html_citations_sup_and_links(wiki: Article) -> None:
    gattie, cagnie, pmid = (ref.key for ref in wiki.references)
    assert (gattie, cagnie) == ("gattie2017", "cagnie2013")
    assert [ref.line for ref in wiki.references[:2]] == [line_of(wiki, "Gattie E"), line_of(wiki, "Cagnie B")]
    assert [(c.marker, c.keys) for c in wiki.citations] == [
        ("[1]", (gattie,)),
        ("²", (cagnie,)),
        ("¹,²", (gattie, cagnie)),
        ("https://pubmed.ncbi.nlm.nih.gov/28192789/", (pmid,)),
        ("²", (cagnie,)),
    ]
    # "<sup>2</sup> There is …": the superscript after the full stop ends the first sentence.
    first = wiki.sentence(wiki.citations[1].sentence_id)
    assert first is not None and first.text.endswith("therapists.²")
    assert wiki.problems == ()  # "(Qaseem 2017)" is the link's words: the link says which work it is


def test_html_text_is_recognised_without_a_suffix() -> None:
    article = ne.load_article("<p>Heat eases pain.</p>\n<p>Ice numbs.</p>\n")
    assert [(s.text, s.line) for s in article.sentences] == [("Heat eases pain.", 1), ("Ice numbs.", 2)]


def test_html_blocks_inside_markdown_are_read_in_place(tmp_path: Path) -> None:
    # CMS exports mix raw HTML into Markdown; CommonMark passes it through as an HTML block. Its paragraphs,
    # cells and captions are read where they stand in the Markdown text, inline tags kept as written.
    text = (
        "# Mixed\n\nProse before.\n\n"
        "<p>Dry needling <strong>eases</strong> neck pain.<sup>1</sup> It is safe.</p>\n"
        "<table>\n  <tr><td>Pain fell [1]</td><td>Neck</td></tr>\n</table>\n\n<!-- a comment -->\n\n"
        '<figure><img src="a.png"><figcaption>Figure 2: Needle depth.</figcaption></figure>\n\n'
        "## References\n\n1. Gattie E, Cleland JA, Snodgrass S. The effectiveness of trigger point dry "
        "needling. J Orthop Sports Phys Ther. 2017;47(3):133-149.\n"
    )
    article = ne.load_article(text)
    assert [(s.kind, s.text, s.line) for s in article.sentences if s.kind != "heading"] == [
        ("sentence", "Prose before.", 3),
        ("sentence", "Dry needling <strong>eases</strong> neck pain.<sup>1</sup>", 5),
        ("sentence", "It is safe.", 5),
        ("table_cell", "Pain fell [1]", 7),
        ("table_cell", "Neck", 7),
        ("caption", "Figure 2: Needle depth.", 12),
    ]
    assert [(c.marker, c.line) for c in article.citations] == [("<sup>1</sup>", 5), ("[1]", 7)]
    assert "a comment" not in {s.text for s in article.sentences}


def test_htm_files_are_html(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text("<html><body><h1>Heat</h1>\n<p>Heat eases pain &amp; stiffness.</p></body></html>\n")
    article = ne.load_article(path)
    assert [(s.kind, s.text, s.line) for s in article.sentences] == [
        ("heading", "Heat", 1),
        ("sentence", "Heat eases pain & stiffness.", 2),
    ]


def test_wikipedia_reference_items_lose_their_back_links(tmp_path: Path) -> None:
    # Wikipedia's reference list starts each item with back-links to where it is cited ("^ a b").
    path = tmp_path / "wiki.html"
    path.write_text(
        "<h1>Dry needling</h1>\n<p>Needling is studied.<sup>[1]</sup></p>\n<h2>References</h2>\n"
        '<ol class="references">\n<li id="cite_note-1"><span class="mw-cite-backlink">^ <a href="#r">a</a> '
        '<a href="#s">b</a></span> Cagnie B, Dewitte V, Barbe T, Timmermans F, Delrue N, Meeus M. '
        "Physiologic effects of dry needling. Curr Pain Headache Rep. 2013;17(8):348.</li>\n</ol>\n",
        encoding="utf-8",
    )
    article = ne.load_article(path)
    (reference,) = article.references
    assert reference.first_author_family == "Cagnie" and reference.year == 2013 and reference.line == 5
    assert [(c.marker, c.keys) for c in article.citations] == [("[1]", (reference.key,))]


def test_indented_text_is_text_not_code_but_fenced_code_is_not_text() -> None:
    article = ne.load_article(
        "# T\n\nIntro.\n\n    Dry needling eases neck pain. It is safe.\n    It works fast.\n\n"
        "```\nprint('not an article sentence')\n```\n"
    )
    assert [(s.kind, s.text, s.line) for s in article.sentences if s.kind != "heading"] == [
        ("sentence", "Intro.", 3),
        ("sentence", "Dry needling eases neck pain.", 5),
        ("sentence", "It is safe.", 5),
        ("sentence", "It works fast.", 6),
    ]


def test_page_furniture_around_an_html_article_is_not_text(tmp_path: Path) -> None:
    # A clinic page: menus, a sidebar of related posts and a site footer with contact details around the
    # article; a note in an <aside> inside the article stays.
    path = tmp_path / "clinic.html"
    path.write_text(
        '<html><body><header role="banner"><p>Best Physio Clinic. Call 555 0100.</p></header>\n'
        '<div role="navigation"><p>Home</p></div>\n<main><article><h1>Dry needling</h1>\n'
        "<p>Dry needling eases neck pain.</p>\n<aside><p>Needles are single use.</p></aside>"
        "</article></main>\n"
        "<aside><p>Related posts: cupping cures everything.</p></aside>\n"
        "<footer><p>Open Monday to Friday. Parking is free.</p></footer></body></html>\n",
        encoding="utf-8",
    )
    article = ne.load_article(path)
    assert [(s.text, s.line) for s in article.sentences] == [
        ("Dry needling", 3),
        ("Dry needling eases neck pain.", 4),
        ("Needles are single use.", 5),
    ]


def test_markdown_text_opening_with_a_div_stays_markdown() -> None:
    article = ne.load_article('<div align="center">Logo</div>\n\n# Heat\n\n- Heat eases pain [1].\n')
    assert [(s.kind, s.text) for s in article.sentences] == [
        ("sentence", "Logo"),
        ("heading", "Heat"),
        ("list_item", "Heat eases pain [1]."),
    ]
