"""A small Markdown article with its own numbered reference list, and the fixtures the CLI and pipeline tests
share: the article as a file, and a throwaway default cache with no Crossref settings from the environment.

conftest.py registers this module as a plugin, so ``article`` and ``throwaway_cache`` are fixtures everywhere;
a test module that wants the throwaway cache for every test says ``pytestmark =
pytest.mark.usefixtures("throwaway_cache")``."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTICLE = """\
# Cupping for back pain

Cupping reduces chronic low back pain [1]. It is completely safe and has no side effects.
Cupping works by drawing toxins out of the blood [2].

## References

1. Gattie, E., Cleland, J. A., & Snodgrass, S. (2017). The Effectiveness of Trigger Point Dry Needling for \
Musculoskeletal Conditions by Physical Therapists: A Systematic Review and Meta-analysis. The Journal of \
orthopaedic and sports physical therapy, 47(3), 133–149. https://doi.org/10.2519/jospt.2017.7096
2. Cagnie, B., Dewitte, V., Barbe, T., Timmermans, F., Delrue, N., & Meeus, M. (2013). Physiologic effects \
of dry needling. Current pain and headache reports, 17(8), 348. https://doi.org/10.1007/s11916-013-0348-5
"""


@pytest.fixture
def throwaway_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No Crossref settings leak in from the environment, and the default cache is a throwaway file."""
    for name in ("NEEDLING_EVIDENCE_CROSSREF_URL", "NEEDLING_EVIDENCE_MAILTO"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NEEDLING_EVIDENCE_CACHE", str(tmp_path / "default-cache.sqlite"))


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path
