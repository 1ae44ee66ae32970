"""Blocks that a page's author or a scraper ran together (issue 9): list items written with ``<il>`` for
``<li>``, and scraped text whose headings and list items stand one per line with no punctuation."""

from __future__ import annotations

import needling_evidence as ne

# d_lasara_shockwave_heel.html (LaSara Medical Group, "Shockwave Therapy for Heel Spurs & Plantar Fasciitis"),
# lines 105-118 as published: the template writes every item of its benefit list with <il>.
LASARA = """\
<html><body><p>
                Shockwave treatment for plantar fasciitis and heel spurs is an
                effective and safe treatment with the following benefits:
              </p>
              <ul class="list-check-grad mb-5 mb-md-0">
                <il>Eliminates or reduces pain</il>
                <il>Eliminates or reduces inflammation</il>
                <il>Safe and risk free</il>
              </ul>
<p>After the list.</p></body></html>
"""


def test_il_inside_a_list_is_a_list_item_under_its_lead() -> None:
    article = ne.load_article(LASARA)
    items = [s for s in article.sentences if s.kind == "list_item"]
    assert [s.text for s in items] == [
        "Eliminates or reduces pain",
        "Eliminates or reduces inflammation",
        "Safe and risk free",
    ]
    lead = article.blocks[0]
    assert lead.kind == "paragraph"
    assert all(article.blocks[s.block].lead_in == 0 for s in items if s.block is not None)
    claims = [c.text for c in ne.draft_claims(article)]
    assert "Shockwave treatment for plantar fasciitis and heel spurs eliminates or reduces pain." in claims


def test_il_outside_a_list_is_not_an_item() -> None:
    article = ne.load_article("<html><body>\n<p>One <il>two</il> three.</p></body></html>\n")
    assert [s.kind for s in article.sentences] == ["sentence"]


# onemg_back_pain.md (Tata 1mg "Back Pain", a third party's scrape of the page to text), lines 3-7 and 38-49
# as stored: headings printed twice, each on a line of its own, and a list with no markers under its lead.
ONEMG = """\
BACK PAIN
Back painAlso Known as Lumbago, Sciatica, Backache, Back trouble, and Slipped disk
OVERVIEW
Overview
Back pain is one of the most common pain complaints that almost everyone has had at some point in their \
lives. This pain is felt in the back of the body, stretching from the shoulders to the hips.

4. LIFESTYLE FACTORS
4. Lifestyle factors
The following lifestyle factors are also associated with back pain:


Lack of exercise leading to overweight/obesity
Smoking
Poor sleep quality
"""


def test_scraped_headings_on_their_own_lines_are_not_part_of_the_next_sentence() -> None:
    article = ne.load_article(ONEMG)
    texts = [s.text for s in article.sentences]
    assert "OVERVIEW" in texts and "Overview" in texts
    assert texts[texts.index("Overview") + 1].startswith("Back pain is one of the most common")


def test_short_lines_under_a_lead_in_are_its_list_items() -> None:
    article = ne.load_article(ONEMG)
    items = [s.text for s in article.sentences if s.kind == "list_item" and "Lifestyle" not in s.text]
    assert items[-3:] == ["Lack of exercise leading to overweight/obesity", "Smoking", "Poor sleep quality"]
    claims = [c.text for c in ne.draft_claims(article)]
    # each item is the subject of the lead's predicate (the verb agreeing with it)
    assert "Smoking is also associated with back pain." in claims
    assert "Lack of exercise leading to overweight/obesity is also associated with back pain." in claims


def test_wrapped_prose_is_not_cut_at_its_line_ends() -> None:
    # lucifit_dry_needling.md, as pandoc wrapped it: long lines, a capital after a line end inside a sentence
    text = (
        "# Dry Needling\n\nDry needling is a technique used by physiotherapists, in which a thin needle is\n"
        "inserted into the skin and muscle at the trigger point (TrP), the Medical\n"
        "Acupuncture Society says.\n"
    )
    article = ne.load_article(text)
    assert len([s for s in article.sentences if s.kind == "sentence"]) == 1
    assert (
        ne.load_article("# T\n\nDr Smith of\nLondon says so.\n").sentences[-1].text.startswith("Dr Smith of")
    )
