"""A small report in the ``CoverageReport.to_dict()`` shape for the renderer tests (no test_ prefix)."""

from __future__ import annotations

from typing import Any

EVIL_TITLE = "<script>document.title='pwned'</script>"


def sample_report() -> dict[str, Any]:
    return {
        "schema_version": "1.0",
        "summary": {"claims": 3, "supported": 1, "weak": 1, "contradicted": 0, "unsupported": 1},
        "claims": [
            {
                "claim_id": "pain-relief",
                "text": "Dry needling relieves pain | short term",
                "kind": "efficacy",
                "status": "supported",
                "reason": "direct support from a systematic review",
            },
            {
                "claim_id": "endorphins",
                "text": "It releases endorphins & <b>more</b>",
                "kind": "mechanism",
                "status": "weak",
                "reason": "cited, not reviewed",
            },
            {
                "claim_id": "sciatica",
                "text": "It treats sciatica",
                "kind": "efficacy",
                "status": "unsupported",
                "reason": "no source",
            },
        ],
        "links": [
            {
                "claim_id": "pain-relief",
                "source_key": "gattie2017",
                "stance": "supports",
                "directness": "direct",
                "origin": "registry",
            },
            {
                "claim_id": "endorphins",
                "source_key": "evil2020",
                "stance": "mentions",
                "directness": "direct",
                "origin": "citation",
            },
            {
                "claim_id": "sciatica",
                "source_key": "chys2023",
                "stance": "mentions",
                "directness": "indirect",
                "origin": "suggestion",
                "score": 0.42,
            },
        ],
        "references": [
            {
                "key": "gattie2017",
                "status": "verified",
                "doi": "10.2519/jospt.2017.7096",
                "title": "Effectiveness",
                "year": 2017,
                "design": "systematic review",
                "level": 1,
                "mismatches": {},
                "notices": [],
                "provenance": {
                    "kind": "snapshot",
                    "fetched": None,
                    "note": "written from the published record",
                },
            },
            {
                "key": "evil2020",
                "status": "mismatch",
                "doi": "10.1000/xyz",
                "title": EVIL_TITLE,
                "year": 2020,
                "design": "other",
                "level": None,
                "mismatches": {"title": ["<i>ours</i>", 'theirs" onmouseover="x']},
                "notices": [
                    {
                        "kind": "retraction",
                        "doi": "10.1000/notice",
                        "date": "2021-01-01",
                        "source": "publisher",
                    }
                ],
                "provenance": {"kind": "live", "fetched": "2026-11-27T10:00:00Z", "note": None},
            },
        ],
        "gaps": [
            {
                "gap": "unsupported",
                "claim_id": "sciatica",
                "source_key": None,
                "message": "nothing supports it",
            },
            {
                "gap": "retracted",
                "claim_id": None,
                "source_key": "evil2020",
                "message": f"retracted: {EVIL_TITLE}",
            },
            {"gap": "unregistered", "claim_id": "d1", "source_key": None, "message": "It cures everything."},
        ],
        # every to_dict() has these tables; the suggestion and the unregistered sentence match the link and
        # the gap above
        "suggestions": [
            {
                "claim_id": "sciatica",
                "rank": 1,
                "source_key": "chys2023",
                "score": 0.42,
                "title": "Dry needling for sciatica",
                "shared_terms": "sciatica",
                "origin": "suggestion",
            }
        ],
        "unregistered": [{"claim_id": "d1", "sentence_id": "s9", "text": "It cures everything."}],
    }
