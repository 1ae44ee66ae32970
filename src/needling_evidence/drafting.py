"""Drafting: candidate atomic claims found in an article, for an editor to review.

:func:`draft_claims` reads the sentences and list items of an :class:`~needling_evidence.model.Article`
and returns a :class:`~needling_evidence.model.ClaimRegistry` of candidate claims, with no evidence links
(linking a claim to a source is a reviewer's decision, never a guess). The pipeline, for each sentence:

1. **Check-worthy?** (:func:`is_checkworthy`) — not a heading, question, instruction, call to action, lead-in
   without its list, or text about the article itself; and either it cites a source, reports a finding
   ("found that", "reported"), or carries a cue from the tables below.
2. **Kind** (:func:`claim_kind`) — the claim kind whose cues score highest (:data:`KIND_CUES`); a causal
   cue in a sentence that does not name an intervention is about a condition's causes (``etiology``).
3. **Atomic claims** (:func:`split_claim`) — a lead sentence ending "…, including:" followed by list items
   becomes one claim per item ("Dry needling physical therapy has been found to be an effective treatment for
   sciatica"), anchored to the item; "can restore X and rebuild Y" becomes one claim per effect verb.

Each claim's ``quote`` is an exact substring of ``Article.text`` (the sentence, or the list item), its
``sentence_id`` the sentence it came from, and its id ``draft-<sentence id>-<n>``, stable for the same text.
Everything here is plain string matching over small tables (stdlib only): it proposes, an editor decides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .model import PROSE_KINDS, Article, Claim, ClaimRegistry, Sentence

__all__ = ["KIND_CUES", "claim_kind", "draft_claims", "is_checkworthy", "split_claim"]

# --- cue tables ---------------------------------------------------------------------------------------------
# Each kind's cues are (pattern, weight). Weight 2 for words that name the kind outright ("side effects",
# "effective", "endorphins"), 1 for words that only lean towards it. The words come from the vocabulary of
# patient-facing musculoskeletal articles and of the CEBM question types (therapy, harm, aetiology).

KIND_CUES: dict[str, tuple[tuple[str, int], ...]] = {
    "safety": (
        (r"\bsafe(?:ly|ty)?\b", 2),
        (r"\bside[- ]effects?\b", 2),
        (r"\badverse\b", 2),
        (r"\bcontraindicat\w*", 2),
        (r"\bminimal(?:ly)? (?:risk|damage|invasive)\b", 2),
        (r"\b(?:higher|increased|lower|minimal|low) risk\b", 1),
        (r"\bsterile\b", 1),
        (r"\bburns?\b", 2),
        (r"\bbruis\w*", 1),
        (r"\bcan cause (?:an? )?injur\w*", 2),
        (r"\binfections?\b", 1),
        (r"\bbleeding\b", 1),
        (r"\bsore(?:ness)?\b", 1),
        (r"\bharm(?:s|ful)?\b", 2),
    ),
    "experience": (
        (r"\bpainless\b", 2),
        (r"\bdiscomfort\b", 1),
        (r"\b(?:you|patients?|people|many|some|they|runners)\b[^.;:]{0,40}"
         r"\b(?:feel|feels|felt|report|notice)\b", 2),
        (r"\bfeels? (?:a|an|sore|better|worse|\w+er)\b", 1),
        (r"\bsensations?\b", 1),
        (r"\bperceived\b", 1),
        (r"\bstiff(?:ness|er)?\b", 1),
        (r"\bsoreness you feel\b", 1),
    ),
    "mechanism": (
        (r"\bblood (?:vessels?|flow|circulation|supply)\b", 2),
        (r"\bcirculation\b", 1),
        (r"\boxygen\b", 1),
        (r"\bnerv(?:e|es|ous)\b", 1),
        (r"\bnervous system\b", 2),
        (r"\b(?:pain |mechano)?receptors?\b", 2),
        (r"\bendorphins?\b", 2),
        (r"\brelease of\b", 1),
        (r"\btwitch response\b", 2),
        (r"\binflammatory response\b", 2),
        (r"\bmuscle (?:tension|relaxation|fibers|fibres)\b", 1),
        (r"\brelax(?:es|ation|ed)?\b", 1),
        (r"\bhealing\b", 1),
        (r"\brepair\b", 1),
        (r"\bwaste products\b", 2),
        (r"\bfascia\b", 1),
        (r"\bscar tissue\b", 1),
        (r"\bcreatine kinase\b", 2),
        (r"\bis thought to\b", 1),
        (r"\bworks? by\b", 2),
        (r"\bstimulat\w*", 1),
        (r"\bdilat\w*", 1),
        (r"\bconduction\b", 2),
    ),
    "efficacy": (
        (r"\beffective(?:ness)?\b", 2),
        (r"\bbenefits?\b", 2),
        (r"\b(?:pain )?relie(?:f|ve|ves|ved)\b", 2),
        (r"\balleviat\w*", 2),
        (r"\b(?:reduc|improv|restor|rebuild|increas|decreas|lower|eas|speed|boost|shorten)\w*\b[^.;]{0,40}"
         r"\b(?:pain|function|range of motion|flexibility|strength|soreness|recovery|performance|posture|"
         r"swelling|mobility|stiffness|headaches?|migraines?|symptoms?|injur(?:y|ies)|inflammation|anxiety|"
         r"stress|sleep|fatigue|depression|disability|quality of life|blood pressure|cortisol)\b", 2),
        # Verbs a patient reads as a promise whatever they act on ("prevents injuries", "cures arthritis").
        (r"\b(?:prevent(?:s|ed|ing)?|cur(?:e|es|ed))\b", 2),
        (r"\b(?:useful|effective|successful) treatment\b", 2),
        (r"\btreatment (?:option |method )?for\b", 1),
        (r"\b(?:less|reduced|lower) pain\b", 2),
        (r"\bbring down\b", 1),
        (r"\bplacebo|sham\b", 2),
        (r"\brecovery\b", 1),
        (r"\bperformance\b", 1),
        (r"\brange of motion\b", 1),
        (r"\bflexibility\b", 1),
    ),
    "etiology": (
        (r"(?<!root )(?<!the )\bcaus(?:e|es|ed|ing)\b(?! of)", 2),
        (r"\b(?:lead|leads|leading) to\b", 1),
        (r"\bresult(?:s|ed)? in\b", 1),
        (r"\bcontribut\w* to\b", 1),
        (r"\brisk (?:for|of)\b", 1),
        (r"\bcan (?:also )?(?:limit|alter|place|trigger)\b", 2),
        (r"\bvicious cycle\b", 2),
        (r"\baccumulation\b", 1),
    ),
}  # fmt: skip

# Verbs of effect that may be conjoined in one sentence ("restore your flexibility and rebuild your
# strength"); two of them joined by "and" or a comma make two claims.
_EFFECT_VERBS = (
    "alleviate|improve|reduce|relieve|restore|rebuild|increase|decrease|optimize|optimise|promote|stimulate|"
    "release|releases|remove|lower|ease|speed|strengthen|prevent|change|alter|cure"
)
# Words that name an intervention (a thing done to the patient). A causal sentence that names none of these is
# about a condition's causes (etiology); the article's title adds its own words (see _topic_words).
_INTERVENTION_WORDS = (
    "needl|therapy|treatment|technique|procedure|inser|rolling|roller|massage|heat|warmth|ice|cold|wrap|"
    "stretch|acupunct|taping|injection|medication|intervention|manipulation"
)
_TITLE_STOPWORDS = frozenset(
    {
        "a", "an", "and", "the", "of", "for", "to", "in", "on", "or", "is", "are", "what", "why", "how",
        "does", "do", "your", "you", "with", "vs", "versus", "at", "by", "from", "about", "helps", "help",
        "doesn't", "not", "pain", "physio", "therapy", "physical", "guide",
    }
)  # fmt: skip

# Sentences that are not claims whatever words they use.
_IMPERATIVE_START = re.compile(
    r"^(?:discuss|speak|ask|call|contact|book|try|keep|see|stop|place|roll|use|never|don['’]t|do not|avoid|"
    r"make|take|let|consult|click|read|learn|find out|schedule|visit|apply|put|remember|check|follow|join|"
    r"subscribe|share|start|sign up|download|talk|get in touch)\b",
    re.IGNORECASE,
)
_CONDITIONAL_IMPERATIVE = re.compile(r"^if\b[^.]*?,\s*(?:" + _IMPERATIVE_START.pattern[4:], re.IGNORECASE)
_META = re.compile(
    r"\b(?:this|our|the following) (?:article|post|guide|blog|page)\b|\bwe will (?:discuss|explain|look)\b|"
    r"\bread on\b",
    re.IGNORECASE,
)
_FINDING = re.compile(
    r"\b(?:found|finds? that|reported|showed|shown|demonstrated|concluded|suggest(?:s|ed)? that|observed)\b",
    re.IGNORECASE,
)
_DISCOURSE_OPENERS = re.compile(
    r"^(?:in fact|in addition|additionally|also|however|moreover|furthermore|typically|still|overall|"
    r"contrary to popular belief|in short|in summary|importantly|indeed|of course),\s*",
    re.IGNORECASE,
)
_LIST_LEAD = re.compile(
    r"^(?P<claim>.*?)(?:,\s*|\s+)(?:including|such as|like|e\.g\.|for example)\s*:\s*$", re.I
)
_LIST_LEAD_FOR = re.compile(
    r"\b(?P<head>.*?\b(?:for|in|against|on))\s+(?:a |an |the )?(?:wide )?"
    r"(?:range|variety|number|host|list|lot|many|several)\b.*$",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"\b(?:for|with|from|in)\s+(?:(?:those|people|individuals|patients|adults|runners) "
    r"(?:who (?:suffer|are suffering) from|suffering from|with)\s+)?"
    r"(?P<condition>(?:[\w’'-]+\s+){0,4}?(?:pain|aches?|\w+itis|injur(?:y|ies)|sciatica|headaches?|migraines?|"
    r"spasms?|soreness|stiffness|conditions?|disorders?|syndromes?))\b",
    re.IGNORECASE,
)
# A pronoun subject "It" is replaced by the last named subject only when that subject is this short: a long
# noun phrase is more likely a misparse than a subject.
MAX_SUBJECT_WORDS = 6
# One verb list for both ends: the words before one of these verbs are taken as the sentence's subject, and a
# leading "It" before one of them stands for that subject. ("It works by …" once kept its "It" because the
# second list was a shorter copy of the first.)
_SUBJECT_VERBS = (
    "is|are|can|may|has|have|involves|uses|helps|allows|was|were|will|does|reduces|increases|improves|works"
)
_SUBJECT = re.compile(rf"^(?P<subject>[A-Z][\w’'-]*(?:\s+[\w’'-]+){{0,5}}?)\s+(?:{_SUBJECT_VERBS})\b")
_REPORTING_CLAUSE = re.compile(r"^.*\b(?:that|whether)\s+", re.IGNORECASE)
# "It also speeds recovery …": an adverb may stand between the pronoun and its verb, and any effect verb
# ("speeds", "lowers") says the sentence is about the same subject.
_LEADING_IT = re.compile(
    rf"^It (?:(?:also|often|even|really|usually|only|still) )?(?:{_SUBJECT_VERBS}|(?:{_EFFECT_VERBS})s?)\b"
)


# --- the stages ---------------------------------------------------------------------------------------------


def _plain(text: str) -> str:
    """Inline Markdown as plain text (escapes, emphasis, links), white space collapsed."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!>~|])", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    return re.sub(r"\s+", " ", text).strip()


_COMPILED_CUES = {
    kind: tuple((re.compile(pattern), weight) for pattern, weight in cues) for kind, cues in KIND_CUES.items()
}
_INTERVENTION = re.compile(rf"\b(?:{_INTERVENTION_WORDS})")
# A verb of effect in any form ("reduces", "lowered", "prevents"): with an intervention named, a claim about
# its effect on whatever follows ("ginger reduces nausea"), which the efficacy cues' objects cannot foresee.
_ANY_EFFECT = re.compile(
    r"\b(?:reduc|lower|improv|reliev|eas|boost|increas|decreas|prevent|speed|shorten|treat)(?:es|s|ed)\b"
)


def _effect_of_intervention(text: str, topic: Sequence[str]) -> bool:
    return bool(_ANY_EFFECT.search(text.lower())) and _names_intervention(text, topic)


def _scores(text: str) -> dict[str, int]:
    lowered = text.lower()
    return {kind: sum(w for p, w in cues if p.search(lowered)) for kind, cues in _COMPILED_CUES.items()}


def _names_intervention(text: str, topic: Sequence[str] = ()) -> bool:
    lowered = text.lower()
    if _INTERVENTION.search(lowered):
        return True
    return any(re.search(rf"\b{re.escape(word)}\b", lowered) for word in topic)


# Ties go to the kind an editor must check most carefully: harms first, then benefits.
_KIND_PRIORITY = ("safety", "efficacy", "mechanism", "etiology", "experience")


def claim_kind(text: str, topic: Sequence[str] = ()) -> str:
    """The claim kind (``efficacy``, ``mechanism``, ``safety``, ``etiology``, ``experience`` or ``other``)
    whose cues in :data:`KIND_CUES` score highest. Causal cues count as ``etiology`` only when the sentence
    names no intervention; a treatment that "can cause" something, with no other cue, is a ``safety`` claim
    (a harm of the treatment)."""
    scores = _scores(text)
    if _names_intervention(text, topic):
        if scores["etiology"] and not any(scores[kind] for kind in _KIND_PRIORITY if kind != "etiology"):
            # What a treatment "can cause", with no benefit or mechanism named, is a harm ("immersion in
            # cold water can cause cardiac arrhythmia"): a safety claim, read first.
            scores["safety"] = scores["etiology"]
        scores["etiology"] = 0
        if not scores["efficacy"] and _effect_of_intervention(text, topic):
            scores["efficacy"] = 1  # the weakest cue: any named mechanism or harm outweighs it
    elif scores["etiology"]:
        # A causal sentence that names no treatment ("tight muscles can limit your range of motion") is about
        # a condition's causes: not a benefit of the treatment, nor how the treatment works.
        scores["efficacy"] = scores["mechanism"] = 0
    best = max(_KIND_PRIORITY, key=lambda kind: (scores[kind], -_KIND_PRIORITY.index(kind)))
    return best if scores[best] > 0 else "other"


def _excluded(text: str) -> bool:
    plain = _plain(text)
    return bool(
        plain.endswith("?")
        or _IMPERATIVE_START.match(plain)
        or _CONDITIONAL_IMPERATIVE.match(plain)
        or _META.search(plain)
        or len(plain.split()) < 2
    )


def is_checkworthy(
    sentence: Sentence | str, *, cited: bool = False, topic: Sequence[str] = (), list_lead: bool = False
) -> bool:
    """Whether a sentence asserts something a source could support or contradict.

    Not check-worthy: headings, questions, instructions and calls to action ("Speak to your physiotherapist…",
    "If you …, book …"), text about the article itself, and a lead-in ending in ":" (its list items carry
    the claims; ``list_lead=True`` says the sentence is such a lead that is a claim on its own, "… effective
    for a wide range of conditions, including:"). Otherwise check-worthy when it ``cited`` a source, reports
    a finding, or carries a claim cue (:data:`KIND_CUES`).
    """
    if isinstance(sentence, Sentence):
        if sentence.kind not in PROSE_KINDS:  # headings; table cells, captions, footnotes, definitions
            return False
        text = sentence.text
    else:
        text = sentence
    plain = _plain(text)
    if _excluded(plain):
        return False
    if plain.endswith(":") and not list_lead:
        return False
    if cited or _FINDING.search(plain):
        return True
    return any(_scores(plain).values()) or _effect_of_intervention(plain, topic)


def _clean(text: str, cuts: Sequence[tuple[int, int]] = ()) -> str:
    """Claim text from sentence text: citation markers (``cuts``, offsets into ``text``) and discourse openers
    dropped, Markdown undone."""
    if cuts:
        for start, end in sorted(cuts, reverse=True):
            before, marker, after = text[:start], text[start:end], text[end:]
            if before.endswith("(") and after.startswith(")"):  # a whole "(Gattie et al., 2017)"
                before, after = before[:-1], after[1:]
            if marker.endswith(")") and not marker.startswith("("):
                # A narrative citation is the sentence's subject: keep "Nakamura and Ferris", drop "(2019)".
                text = before + marker[: marker.rindex("(")].rstrip() + after
            else:
                text = before.rstrip() + after
        text = re.sub(r"\(\s*[;,\s]*\)", "", text)  # what is left of "(A, 2016; B 2018)"
        text = re.sub(r"(?:\s*,)+\s*(?=[.!?;:]|$)", "", text)  # what is left of "[7],[8]"
    text = _plain(text)
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    text = _DISCOURSE_OPENERS.sub("", text)
    text = text[:1].upper() + text[1:]
    text = text.rstrip(" ,;:")
    return text if text.endswith((".", "!", "?")) else text + "."


def split_claim(text: str) -> list[str]:
    """Split a claim that joins distinct effects with "and" or commas into atomic claims.

    Only verbs of effect are split ("can restore your flexibility and rebuild your muscle strength" → two
    claims); nouns are not ("neck and back pain" stays one), since splitting a noun phrase safely needs a
    parser. The shared beginning (subject, modal) is repeated in each part.
    """
    body = text.rstrip(".!")
    verb = rf"(?:{_EFFECT_VERBS})"
    first = re.search(rf"\b{verb}\b", body, re.IGNORECASE)
    if not first:
        return [text]
    prefix, rest = body[: first.start()], body[first.start() :]
    parts = re.split(rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?={verb}\b)", rest, flags=re.IGNORECASE)
    if len(parts) < 2 or any(len(p.split()) < 2 for p in parts):
        return [text]
    return [f"{prefix}{part.strip()}." for part in parts]


def _condition(text: str) -> str | None:
    for match in _CONDITION.finditer(text):
        words = match.group("condition").split()
        # A verb inside the phrase ("for eight hours reported less pain") means the match ran past the
        # condition: not a condition phrase.
        if not any(w.lower().endswith("ed") or w.lower() in _NOT_CONDITION_WORDS for w in words[:-1]):
            return " ".join(words).lower()
    return None


_NOT_CONDITION_WORDS = frozenset(
    {"is", "are", "was", "were", "be", "and", "or", "the", "who", "that", "hours"}
)


def _item_phrase(item: str) -> str:
    phrase = _plain(item).rstrip(".;,")
    # Lower-case the first word unless it is an acronym or a name ("ACL tears", "Achilles tendinopathy").
    first = phrase.split(" ", 1)[0]
    if (len(first) == 1 or first[1:].islower()) and first not in _PROPER_FIRST_WORDS:
        phrase = phrase[:1].lower() + phrase[1:]
    return phrase


# Eponymous conditions keep their capital.
_PROPER_FIRST_WORDS = frozenset({"Achilles", "Bell's", "Bell’s", "Osgood-Schlatter", "Sever's", "Morton's"})


def _topic_words(article: Article) -> tuple[str, ...]:
    title = _plain(article.title or "").lower()
    return tuple(w for w in re.findall(r"[a-z][a-z'-]+", title) if w not in _TITLE_STOPWORDS and len(w) > 2)


@dataclass
class _Subject:
    text: str | None = None


def _resolve_it(text: str, subject: _Subject, topic: Sequence[str]) -> str:
    """Replace a leading "It" by the subject named earlier in the section ("Dry needling …")."""
    match = _SUBJECT.match(text)
    pronouns = ("it", "this", "they", "these", "that")
    if match and match.group("subject").lower().split()[0] not in pronouns:
        # "Several trials found that acupressure improves …": the subject follows the reporting clause.
        named = _REPORTING_CLAUSE.sub("", match.group("subject"))
        if len(named.split()) <= MAX_SUBJECT_WORDS and _names_intervention(named, topic):
            subject.text = named
    if subject.text and _LEADING_IT.match(text):
        return subject.text[:1].upper() + subject.text[1:] + text[2:]
    return text


def draft_claims(article: Article) -> ClaimRegistry:
    """Candidate atomic claims in ``article``, in text order, for an editor to review (no evidence links).

    See the module docstring for the rules. ``ClaimRegistry.source`` is the article's path.
    """
    topic = _topic_words(article)
    cuts: dict[str, list[tuple[int, int]]] = {}  # sentence id -> its citation markers, as offsets in it
    starts = {s.id: s.start for s in article.sentences}
    for c in article.citations:
        cuts.setdefault(c.sentence_id, []).append(
            (c.start - starts[c.sentence_id], c.end - starts[c.sentence_id])
        )
    cited = set(cuts)
    # Only prose holds claims: table cells, captions, footnotes and definitions are read for citations only.
    sentences = [s for s in article.sentences if s.kind in PROSE_KINDS]
    by_position = {s.id: i for i, s in enumerate(article.sentences)}
    claims: list[Claim] = []
    subject = _Subject()
    current_section: str | None = None
    consumed: set[str] = set()  # list items drafted through their lead sentence

    for sentence in sentences:
        if sentence.section_id != current_section:
            current_section, subject.text = sentence.section_id, None
        if sentence.id in consumed:
            continue
        plain = _plain(sentence.text)
        items = _following_items(article, by_position[sentence.id]) if plain.endswith(":") else []
        lead = _LIST_LEAD.match(plain) if items else None
        made: list[Claim] = []

        if items and not _excluded(plain):
            consumed.update(i.id for i in items)
            kind = claim_kind(plain, topic)
            lead_claim = lead.group("claim") if lead else plain.rstrip(":")
            lead_text = _resolve_it(_clean(lead_claim), subject, topic)
            if lead and is_checkworthy(lead_claim, cited=sentence.id in cited, topic=topic, list_lead=True):
                made.append(_claim(sentence, 1, lead_text, kind, sentence.text, _condition(lead_text)))
            if kind != "other" or sentence.id in cited or _FINDING.search(plain):
                stem = _item_stem(lead_text.rstrip("."))
                for item in items:
                    phrase = _item_phrase(item.text)
                    text = f"{stem} {phrase}."
                    condition = phrase.lower() if kind == "efficacy" else None
                    made.append(Claim(f"draft-{item.id}-1", text, kind, item.text, item.id, condition))
        elif is_checkworthy(sentence, cited=sentence.id in cited, topic=topic):
            text = _resolve_it(_clean(sentence.text, cuts.get(sentence.id, ())), subject, topic)
            kind = claim_kind(text, topic)
            parts = split_claim(text) if kind in ("efficacy", "mechanism") else [text]
            for n, part in enumerate(parts, start=1):
                made.append(_claim(sentence, n, part, kind, sentence.text, _condition(part)))
        else:
            _resolve_it(_clean(sentence.text), subject, topic)  # still remember its subject
        claims.extend(made)
    return ClaimRegistry(claims, (), source=article.path)


def _claim(sentence: Sentence, n: int, text: str, kind: str, quote: str, condition: str | None) -> Claim:
    return Claim(
        id=f"draft-{sentence.id}-{n}",
        text=text,
        kind=kind,
        quote=quote,
        sentence_id=sentence.id,
        condition=condition if kind == "efficacy" else None,
    )


def _item_stem(lead: str) -> str:
    """The part of a lead claim an item completes: "X is an effective treatment for a wide range of
    conditions" → "X is an effective treatment for"; a lead with no such phrase is used whole ("Runners …
    tend to report")."""
    match = _LIST_LEAD_FOR.match(lead)
    return match.group("head") if match else lead


def _following_items(article: Article, position: int) -> list[Sentence]:
    """The list items right after sentence ``position`` (one sentence per item: the item's first sentence)."""
    items: list[Sentence] = []
    lines_seen: set[int | None] = set()
    for later in article.sentences[position + 1 :]:
        if later.kind != "list_item" or later.section_id != article.sentences[position].section_id:
            break
        if later.line in lines_seen:
            continue  # a second sentence of the same item
        lines_seen.add(later.line)
        items.append(later)
    return items
