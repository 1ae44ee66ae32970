"""Drafting: candidate atomic claims found in an article, for an editor to review.

:func:`draft_claims` reads the prose of an :class:`~needling_evidence.model.Article` (sentences, list items
and quotes; headings, table cells, captions, footnotes and definitions are skipped) and returns a
:class:`~needling_evidence.model.ClaimRegistry` of candidate claims, with no evidence links (linking a claim
to a source is a reviewer's decision, never a guess). Recall comes first: an editor deletes a candidate in a
second, while a missed claim is a gap the report hides. For each sentence:

1. **Check-worthy?** (:func:`is_checkworthy`) — not a heading, question, instruction, call to action or text
   about the article; and either it cites a source, reports a finding, or carries a cue of
   :data:`KIND_CUES`. Definitions, principles and histories of a treatment ("… involves the placement of …",
   "Originating in China more than 2,000 years ago"), advice (also after a fronted condition or purpose, or
   put as a statement: "understanding … is crucial"), the clinic describing its own service ("We can take a
   break"), beliefs the author reports ("You might think …", "a widely held belief"), a concession that
   names nothing and "studies have been conducted" are not claims; in a sentence of several clauses only that
   clause is dropped ("You might think …, but research suggests …"), and a clause with no cue of its own
   beside a cued one is a description of it. **Recall first:** a declarative sentence with no cue (four words
   or more, ending in a full stop, none of the above, no advice with "should"/"must", not the clinic's or the
   reader's own doings) is still drafted, with :data:`UNCUED_NOTE` as its note, and so is an item under a
   lead-in that is no claim: on pages no rule was written for, cue words missed most claims (on the seven
   round-3/4 development pages, before any tuning on them, recall 0.38 → 0.51 at precision 0.51 → 0.50).
   :func:`~needling_evidence.link.unregistered` leaves these out beside a reviewed registry.
2. **Lists under a lead-in** — a sentence ending in ":" (or a short bold line) right above list items is
   their lead-in, found from ``Article.sentences`` alone. Each item becomes a claim carrying the lead's
   subject and verb ("Routine chiropractic care can improve" + "posture"); a lead that only names benefits or
   effects ("Effects of cupping therapy according to research:", "**How It Helps:**", "**Best For:**")
   gives its subject (or the section's title) to items that bring their own verb ("Can help in migraines");
   an item that leads a list of its own ("Reduce pain in:") gives its verb to the items under it.
3. **Atomic claims** — a sentence is cut into clauses (", but …", "; …", ", which …", ", leading to …",
   ", after which …", a full stop a reader left inside a citation run or before bare citation numbers
   ("… to worsen.3 However, …": each part judged as a sentence of its own); a proportion with a verb after
   "and" ("… and 25% report …"); a clause with a subject and finite
   verb of its own after ", and", ", so", ", while" or a spaced dash ("…, and the bone thickens"; "… – this
   causes …"), and what a finding is taken to mean (", suggesting …"); a participle of effect ", reducing
   fear"; a purpose of effect "… knots in muscles to alleviate …"; a second predicate with its own modal
   ", and can be …"; a new subject with its own verb ", water resistance strengthens …", ", and any junk …
   is …") and each clause at a coordination of distinct outcomes, conditions or predicates ("pain, anxiety,
   and depression"; "reduce pain, increase range of motion, and accelerate healing"; "walking, standing,
   lifting or carrying have been associated with …"; predicate adjectives "safe and effective"; three or
   more short phrases parted by commas, whatever their heads; a parenthesis is set aside, its commas
   parting no items). A shared head naming one thing is not cut
   ("neck and back pain", "biochemical and mechanical changes"), nor words parted by commas alone before one
   noun ("mild, temporary soreness"), nor verbs sharing one object ("maintain or
   improve physical function"), nor a fronted "whether … or …" phrase or subordinate clause, which every part
   carries instead.
4. **Kind** (:func:`claim_kind`) — the kind whose cues score highest. Effect verbs are read with their
   direction ("reduce pain" is a benefit, "increase pain" a harm or a cause) and with their object (acting on
   a symptom or a function is ``efficacy``, on a tissue or a physiological process ``mechanism``); who acts
   decides the rest: a causal or risk cue whose agent (named before it; after a passive "caused by") is no
   intervention is about a condition's causes (``etiology``), with a treatment as agent it is a harm
   (``safety``) or, for less risk, a benefit; an improvement over time with no treatment named is the
   condition's course; what is felt after a treatment or for days is an after-effect (``safety``). The
   title's words count as a treatment only when the title names one, and never a condition's name.
   Prevalence, prognosis, costs, training, popularity and guideline recommendations are ``other``, and so
   are a condition's presentation and signs ("may present with", "the onset is gradual", "is likely if")
   and a condition causing its own symptoms ("Rheumatoid arthritis causes painful joints"); a substance's
   pharmacological property and a load acting on a body structure are ``mechanism``; a good process slowed
   ("slow down healing") is the harmful direction of an effect.

A source named beside a claim (", according to …", ", says a scientist who …", "Dr Tong said: '…'") is no part
of its text. Each claim's ``quote`` is always a verbatim substring of ``Article.text``, within its own
sentence: the whole sentence when it is one claim; for a cut, the span of that part (the first part keeps the
sentence's beginning, the others only their own words). Its ``text`` is the claim as an editor would write it:
the part's words with the clause's subject and verb carried over from the same sentence (or from the lead-in
of its list), never text joined from two sentences; a leading "It" is replaced only by the subject named in
the sentence right before. The spans are found on a *mask* of the sentence — the same length as its text, with
citation markers and markup blanked — so every split point is an offset into the article's own words. A
claim's id is ``draft-<sentence id>-<n>``, stable for the same text. Everything here is string matching over
small tables (stdlib only): it proposes, an editor decides.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .model import PROSE_KINDS, Article, Claim, ClaimRegistry, Sentence

__all__ = ["KIND_CUES", "UNCUED_NOTE", "claim_kind", "draft_claims", "is_checkworthy", "split_claim"]

# --- cue tables ---------------------------------------------------------------------------------------------
# Each kind's cues are (pattern, weight). Weight 2 for words that name the kind outright ("side effects",
# "effective", "endorphins"), 1 for words that only lean towards it. The words come from the vocabulary of
# patient-facing musculoskeletal articles and of the CEBM question types (therapy, harm, aetiology).

# Cues that something makes matters worse: a higher risk, a worse symptom, damage. Who does it decides the
# kind: a condition or an exposure ("Women are more prone to developing back pain", "Asthma can increase the
# likelihood of developing pain") gives an etiology claim, a treatment ("Dry needling without proper training
# can lead to nerve damage") a harm, a safety claim; claim_kind moves their score to safety when the sentence
# names an intervention.
# Conditions named by their own medical form ("fibromyalgia", "sciatica", "tendinopathy", "dysmenorrhoea") or
# by a generic noun: what a treatment relieves or an exposure worsens, whatever the article's topic.
_CONDITION_NAMES = (
    r"\w+(?:itis|algia|pathy|dynia|rrh(?:o)?ea)|\w+(?<!diagn)(?<!progn)osis|sciatica|conditions?|disorders?|"
    r"syndromes?|diseases?|cramps?|nausea|flare[- ]?ups?"
)

_WORSENING_CUES: tuple[tuple[str, int], ...] = (
    (r"\b(?:increas\w*|rais\w*|higher|greater|more|elevated|doubles?|doubled|twice the)\b(?: \w+){0,2}? "
     r"(?:risk|likelihood|chances?|odds)\b|"
     # ("more likely to develop", not "a full recovery is the most likely outcome")
     r"\b(?:more|most) (?:likely|prone|susceptible|vulnerable)\b(?= (?:to|than|if|when|in|among)\b)|"
     r"(?<!less )\bprone to\b|\bpredispos\w*|"
     r"\b(?:twice|\w+ times|\d+(?:\.\d+)?[- ]?(?:fold|times)) (?:as|more) likely\b", 2),
    # what makes a symptom or condition worse: the harmful direction of the efficacy effect cue
    # ("prevent further aggravation of pain" is a benefit: the verb after "prevent" or "avoid" is not counted)
    (r"(?<!prevent )(?<!prevent further )(?<!avoid )(?<!avoid further )"
     # (the verb nearest the object decides its direction: "The increased blood flow reduces muscle tension")
     # ("Alcohol in the first couple of days after a sprain adds to the swelling")
     r"\b(?:(?:increas|worsen|aggravat|exacerbat|intensif)\w*|add(?:s|ed|ing)? to)\b"
     r"(?:(?!\brisk|\breduc|\brelie|\balleviat|\bdecreas|\beas(?:e|es|ing)\b)[^.;]){0,40}"
     r"\b(?:pain|soreness|swelling|"
     r"stiffness|headaches?|migraines?|symptoms?|injur(?:y|ies)|inflammation|disability|tension|spasms?|"
     rf"{_CONDITION_NAMES})\b(?! threshold| tolerance| relief)", 2),
    # less of a good thing ("Tight or painful muscles limit a joint's range of motion"); the words between
    # may not hold another verb's object ("reduces pain and improves function" is a benefit). Physical
    # function only: what a condition does to quality of life is its burden (``other``), not a cause.
    # A verb, not a participle naming a condition ("individuals suffering from restricted movement").
    (r"\b(?:limit(?:s|ing)?|restrict(?:s|ing)?|reduc(?:e|es|ing)|decreas(?:e|es|ing)|impair(?:s|ing)?|"
     r"declines? in|"
     r"weaken(?:s|ing)?|los(?:e|es|ing))\b(?:(?!\band\b|\bimprov|\bincreas)[^.;,]){0,30}"
     r"\b(?:function|range of motion|flexibility|strength|mobility|movement)\b", 2),
    (r"\bdamag(?:e|es|ed|ing)\b", 2),
    # a verb of worsening is a worsening whatever it acts on ("Tomato may aggravate acidity"): weaker than one
    # with a symptom or a condition named (above), which it adds to. A verb only: "progressively worsening
    # stiffness" and "aggravating activities" describe.
    (r"(?<!prevent )(?<!avoid )\b(?:aggravat(?:e|es|ed)|exacerbat(?:e|es|ed)|worsen(?:s|ed)?)\b", 1),
    # a good process of the body slowed or stopped ("Ibuprofen taken in the first 48 hours may slow down
    # healing", "Smoking delays bone repair"): the harmful direction of "speeds recovery"
    (r"\b(?:slow(?:s|ed|ing)?(?: down)?|delay(?:s|ed|ing)?|impair(?:s|ed|ing)?|hinder(?:s|ed|ing)?|"
     r"inhibit(?:s|ed|ing)?|interfer(?:e|es|ed|ing) with) (?:the |your |its |their )?(?:[\w-]+ )?"
     r"(?:healing|recovery|repair)\b", 2),
    # worse outcomes ("these injections … may lead to worse long-term outcomes")
    (r"\b(?:worse|poorer|negative|adverse) (?:[\w-]+ ){0,2}?(?:outcomes?|results?|prognosis)\b", 2),
)  # fmt: skip

_AFTER_EFFECT = (
    r"sore\w*|stiff\w*|tired\w*|tiredness|fatigue\w*|dizz\w*|nause\w*|worse|worsening|bruis\w*|headaches?|"
    r"achy|tender\w*|faint\w*|syncope|light-?headed\w*"
)
_AFTER = (
    # ("after any medical procedure, including vaccination")
    r"\bafter (?:a |an |the |each |your |every |any )?(?:medical |surgical |dental )?"
    r"(?:treatments?|sessions?|needling|massages?|manipulations?|procedures?|appointments?|visits?|vaccinations?|injections?|"
    r"surgery|operations?)\b|\bfor (?:a few|a couple of|several|\d+(?:[-–]\d+)?|one|two|three) "
    r"(?:hours|days)\b|\blasts? (?:for )?(?:up to )?\d|\btemporary\b"  # not "temporarily reduce fatigue"
    # the morning after ("feeling some degree of soreness afterwards", "soreness the following day")
    # (spelled out without an optional start: the after-effect cue keeps literal starts to be indexed by)
    r"|\bafterwards?\b|\b(?:the next|the following|next|following) (?:day|morning)\b"
    # where the treatment was given ("slight tenderness at the site of the adjustment")
    r"|\bat the (?:site|area|point) of (?:the |your )?(?:adjustments?|treatments?|injections?|needl\w*|"
    r"manipulations?)\b|\b(?:treated|treatment) (?:area|site)\b"
)
_NOT_A_GROUP = r"(?! (?:infants|babies|children|patients|people|adults|women|men|groups?|populations?))"

# The other way round: less risk. A protective factor of a condition (etiology) when no treatment is named, a
# benefit (efficacy) when one is ("sports massage can make your body less prone to injury").
_PROTECTIVE_CUES: tuple[tuple[str, int], ...] = (
    (r"\bless (?:likely|prone|susceptible|vulnerable)\b|"
     r"\b(?:lower|reduced|decreased) (?:risk|likelihood|odds)\b"
     r"(?! of (?:side[- ]effects?|adverse|complications?|harm))", 2),
)  # fmt: skip

# The body's structures and substances, as a class (anatomy and physiology, not one page's words), and the
# changes a structure or a substance undergoes: what a mechanism claim says happens inside the body, with no
# symptom or condition as its end ("Peppermint may cause the muscles ... to relax", "Holding the knee flexed
# causes the bones of the lower leg to rotate inwards").
_BODY = (
    r"muscles?|tendons?|ligaments?|bones?|joints?|nerves?|discs?|vertebrae|spine|cartilage|fascia|tissues?|"
    # (blood pressure and blood sugar are clinical measures, the outcomes a treatment or a cause acts on)
    r"cells?|fib(?:re|er)s?|blood(?! pressure| sugar| glucose)(?: vessels?)?|vessels?|body|arter(?:y|ies)|"
    r"veins?|heart|brain|stomach|"
    r"o?esophagus|intestines?|bowels?|gut|colon|liver|kidneys?|lungs?|ears?|glands?|hormones?|enzymes?|"
    r"acid|saliva|fluids?|lymph|receptors?|neurons?|(?:neuro)?transmitters?|flexors?|extensors?|pelvis|"
    r"calf|calves|airways?|mucus|bladder|uterus|cortex|immune system|nervous system|metabolism"
)
_BODY_CHANGE = (
    r"relax|tighten|contract|shorten|lengthen|rotat|tilt|flex|extend|ris(?:e|es|ing)\b|drop|empt|dilat|"
    r"constrict|narrow|widen|thicken|stiffen|weaken|loosen|releas|produc|secret|absorb|buffer|neutrali[sz]|"
    r"block|bind|fire|send|signal|transmit|compensat|adapt|shift|stretch|sensitiv|overuse|overwork|"
    r"work harder|beat|pump|flow|retain|excret|convert|metaboli[sz]|regulat|filter"
)
# A causative verb with a body structure as its object and a change of it as its complement ("causes the
# spinal muscles to be overused", "makes the esophagus more sensitive to acid"), or the body made to do
# something ("makes you produce more saliva"): how something acts in the body.
_BODY_PROCESS = (
    r"\b(?:caus|mak|forc|allow|trigger)(?:e|es|ed|ing|s)?\b (?:the |your |their |a |an |more |less )?"
    rf"(?:[\w()-]+ ){{0,3}}?(?:{_BODY})\b[^.;:]{{0,80}}?\b(?:to (?:be )?|(?:more|less) )?(?:\w+ly )?"
    rf"(?:{_BODY_CHANGE})|"
    rf"\b(?:makes?|made|causes?|caused|forces?|forced) (?:you|the body|your body) (?:to )?(?:{_BODY_CHANGE})"
    rf"\w* (?:more |less )?(?:{_BODY})\b|"
    # a cause whose end is a physiological process named as a noun ("Activation of the trigeminovascular
    # system causes a cascade of inflammatory neuropeptides", "contribute to pain transmission")
    r"\b(?:caus|lead|contribut|result|trigger)\w*(?: to| in)? (?:an? |the )?(?:[\w-]+ ){0,3}?"
    r"(?:transmission|signall?ing|activation|cascade|secretion|perfusion|hyperperfusion|hypoperfusion|"
    r"conduction|depolari[sz]ation|sensiti[sz]ation|vasodilation|vasoconstriction|uptake|absorption|"
    r"firing|discharge)\b"
)
# A verb of change acting on a body structure ("Smoking can weaken the muscle that prevents ...", "Milk may
# temporarily buffer stomach acid", "compensates by extending the thoracic spine"): an intermediate effect.
# (Verbs the tissue-effect cue below does not already read. A body structure as the subject of such a verb,
# "our muscles will contract", was tried: one more label right on the development set, two more drafted
# claims, so it is left out.)
_ACTS_ON_BODY = (
    r"\b(?:weaken|compromis|shorten|lengthen|rotat|extend|flex|load|buffer|neutrali[sz]|block|inhibit|"
    r"sensiti[sz]|narrow|thicken|stiffen|dampen|modulat|suppress|overwork|compress|empt|dehydrat)\w* "
    rf"(?:the |your |their |its |a |an )?(?:[\w-]+ ){{0,3}}?(?:{_BODY})\b"
    r"(?! (?:pain|aches?|soreness|strength|function|performance|injur))"
)
# What a patient feels or shows: a condition's symptoms, as a class ("feeling tired or weak", "trouble
# sleeping", "nausea", "itching", "sensitivity to light").
_SYMPTOMS = (
    r"pain\w*|swollen|swelling|stiff\w*|tender\w*|aches?|achy|numbness|tingling|fatigue|symptoms?|redness|"
    r"weakness|feel(?:s|ing)?|tired\w*|nausea|vomit\w*|itch\w*|dizz\w*|trouble|difficult\w*|sensitiv\w*|"
    r"disruption|fever|cough\w*|rash\w*|bloat\w*|diarrh\w*|constipation|cramp\w*|shortness of breath|"
    r"breathless\w*|insomnia|confus\w*|headaches?|debilitating"
)
# a symptom or a condition named as the end of a chain: then the chain is about a condition's cause
_NAMED_OUTCOME = re.compile(
    # (pain as the name of a process is no outcome: "pain transmission", "pain signals")
    r"\b(?:pain(?!\w| (?:transmission|signals?|signalling|pathways?|perception|processing))|pain\w+|aches?|"
    r"soreness|swelling|stiffness|headaches?|migraines?|symptoms?|injur(?:y|ies)|"
    rf"inflammation|spasms?|blisters?|cramps?|damage|disabilit\w*|{_CONDITION_NAMES})\b"
)

KIND_CUES: dict[str, tuple[tuple[str, int], ...]] = {
    "safety": (
        # (after a possessive, "safe" only describes a thing inside a noun phrase: "Balance work in water's
        # safe environment improves land balance" is a benefit; "Water provides a safe environment" is safety)
        (r"(?<!['’]s )\bsafe(?:ly|ty|st|r)?\b", 2),
        # harm denied or named in other words ("one of the least toxic of 33 potential treatments", "Very hot
        # water can be bad for both the heart and the skin")
        (r"\bleast (?:toxic|harmful|risky)\b|\bnon[- ]?toxic\b|\bharmless\b|\bbad for\b", 2),
        (r"\bside[- ]effects?\b", 2),
        (r"\badverse\b", 2),
        (r"\bcontraindicat\w*", 2),
        (r"\bminimal(?:ly)? (?:risk|damage|invasive)\b", 2),
        # ("low-risk" before a group names the group: "massage in these low-risk infants")
        (r"\b(?:lower|minimal|low)[- ]risk\b" + _NOT_A_GROUP, 1),
        (r"\bsterile\b", 1),
        (r"\bburns?\b", 2),
        (r"\bbruis\w*", 1),
        (r"\b(?:cause|causes|causing) (?:an? |any )?injur\w*", 2),
        (r"\binfections?\b", 1),
        (r"\bbleeding\b", 1),
        # soreness is a weak harm cue on its own: soreness after a treatment is an after-effect (safety) by
        # the after-effect rule above, soreness relieved is a benefit, a condition's soreness its course
        (r"\bsore(?:ness)?\b", 1),
        (r"\bharm(?:s|ful)?\b", 2),
        (r"\b(?:few|low|minimal|little|no|rare)[- ]risks?\b" + _NOT_A_GROUP, 2),
        # the risk of a treatment's harm, whoever runs it ("People with diabetes ... are at higher risk of
        # burns"): a safety claim, though a group's risk of a condition is etiology (see _WORSENING_CUES)
        # an after-effect: what is felt after the treatment or for days is a harm, not an experience of it
        # ("You might feel sore or stiff for a few days after treatment", "might feel unusually tired after a
        # session", "a temporary worsening of symptoms")
        (rf"\b(?:{_AFTER_EFFECT})\b[^.;]{{0,60}}(?:{_AFTER})|"
         rf"(?:{_AFTER})[^.;]{{0,60}}\b(?:{_AFTER_EFFECT})\b", 4),
        # who should not have it ("may not be suitable for individuals with severe osteoporosis")
        (r"\bnot (?:be )?suitable for\b|\bunsuitable for\b", 2),
        (r"\b(?:not|poorly|well)(?: be)? tolerated\b", 2),
        (r"\b(?:risk|likelihood|chances?) of (?:\w+ ){0,2}?(?:burns?|bruis\w*|infections?|bleeding|"
         r"side[- ]effects?|complications?|adverse|pneumothorax)\b", 3),
        # harms ranked by how often they occur: the harms, not a prevalence ("the most common side effects")
        (r"\bmost (?:common|frequent) (?:side[- ]effects?|adverse|complications?|harms?|risks?)\b", 2),
        # a contraindication stated as a rule ("The tape should not be applied over broken skin")
        (r"\bshould(?:n['’]t| not) be (?:used|applied|performed|given|done|placed|inserted)\b|"
         r"\b(?:should|must) avoid (?:using|having|receiving|getting)\b", 2),
        # a harm to the skin ("creating burning or irritability on the skin"); a burning pain described as a
        # symptom names no skin
        (r"\b(?:burn\w*|irritat\w*|redness|rash\w*|itch\w*|blister\w*)\b[^.;]{0,30}\bskin\b|"
         r"\bskin (?:irritation|reactions?|rash\w*|redness|burns?)\b", 2),
        # (drying is a harm to the skin too: "Chlorine dries skin")
        (r"\bdr(?:y|ies|ying) (?:out )?(?:the |your )?skin\b|\bdry skin\b", 2),
        (r"\bprecautions?\b", 2),
        # harms denied by naming what the treatment spares ("Non-invasive and surgery free treatment", "No
        # scarring")
        # ("a non-invasive way to reduce pain" is a claim about the effect)
        (r"\bnon[- ]?invasive\b(?! (?:way|means|method|option) to\b)|\bsurgery[- ]free\b|"
         r"\b(?:no|without|minimal|little) scar(?:ring|s)?\b", 2),
        # harms weighed against benefits ("the stress may outweigh benefits"): a safety claim, though it names
        # benefits
        (r"\boutweighs? (?:the |any |its |their )?(?:potential )?benefits?\b", 3),
        # words that name a danger outright ("Dry needling by physical therapists can be dangerous")
        (r"\b(?:dangerous|danger|unsafe|risky|hazard\w*|complications?|pneumothorax|punctur\w*)\b", 2),
        # reports of harm are the safety literature's own genre: they outweigh a risk named in the same
        # sentence ("reported cases have involved patients who might be at increased risk of injury")
        (r"\b(?:reported cases|case reports?)\b", 3),
        # harms named without "risk" or "side effect" ("many accidents occur", "you can become dehydrated",
        # "some people react to chlorinated pools"); hazards and complications are named above
        (r"\b(?:accidents?|dehydrat\w*|allerg\w*|irritat\w*)\b", 2),
        (r"\breact(?:s|ion|ions)? to\b", 2),
        # a condition that rules a treatment out is a contraindication ("open wounds may preclude pool use")
        (r"\bprecludes?\b", 2),
        # who should not have a treatment ("some individuals should not receive shockwave therapy"; "… may not
        # be for you"): a contraindication
        (r"\b(?:should|must) not (?:receive|have|undergo|use|get|be given)\b"
         r"|\bnot (?:be )?(?:suitable|recommended|advised) for\b|\bmay not be (?:for|suitable)\b", 2),
        (r"\b(?:can|may|could) (?:\w+ )?(?:or )?hurt\b", 1),
    ),
    "experience": (
        (r"\bpainless(?:ly)?\b", 2),
        (r"\bdiscomfort\b", 1),
        (r"\b(?:un)?comfortable\b", 1),  # "may be uncomfortable for gentler activity"
        (r"\b(?:you|patients?|people|many|some|they|runners)\b[^.;:]{0,40}"
         r"\b(?:feel|feels|felt|report|notice)\b", 2),
        (r"\bfeels? (?:a|an|sore|better|worse|\w+er)\b", 1),
        (r"\bsensations?\b", 1),
        (r"\bperceived\b", 1),
        (r"\bstiff(?:ness|er)?\b", 1),
        (r"\b(?:is|are|be|was|were|as|feel|feels|seem|seems|isn['’]t|aren['’]t|not)\s+(?:\w+\s+)?"
         r"painful\b", 2),
        # how the treatment feels to the one who has it ("Most people find this satisfying", "feels slightly
        # more stressful than regular massage")
        # what is heard during a treatment ("you might hear a popping noise from your joints"): outweighs the
        # cause of the noise named after it ("…, resulting from gas … shifting")
        (r"\bhear[sd]?\b (?:a |an |some )?(?:[\w-]+ ){0,2}?(?:noises?|sounds?|pops?|clicks?|cracks?)\b|"
         r"\b(?:popping|cracking|clicking) (?:noises?|sounds?)\b", 3),
        (r"\b(?:pleasant|unpleasant|relaxing|soothing|calming|comfortable|uncomfortable|painless|enjoyable) "
         r"experience\b", 2),
        (r"\b(?:find|found|finds) (?:it|this|that|them|the \w+) (?:to be )?(?:a |an )?(?:\w+ )?"
         r"(?:satisfying|relaxing|comfortable|"
         r"uncomfortable|painful|pleasant|unpleasant|soothing|calming)\b|"
         r"\bfeels? (?:\w+ )?(?:more|less) (?:stressful|relaxing|comfortable|uncomfortable|painful|"
         r"intense)\b", 2),
        (r"\b(?:don['’]t|doesn['’]t|do not|does not|won['’]t|not) (?:cause|hurt)\b", 2),
        (r"\btwitch\b", 2),
        # little pain caused by the treatment is what it feels like, not a harm ("Night splints cause minimal
        # pain and inconvenience", "The injection produces only mild discomfort")
        (r"\b(?:causes?|causing|produces?|involves?) (?:only |very )?(?:minimal|little|no|mild|slight|minor) "
         r"(?:pain|discomfort)\b", 3),
        # pain or discomfort denied during treatment ("you should not experience any pain"), not pain relief
        # experienced ("you'll gradually experience pain relief")
        (r"\b(?:not|never|n['’]t|rarely|hardly)\s+(?:\w+\s+)?(?:experience|feel)\s+(?:any\s+|much\s+)?"
         r"(?:pain|discomfort)\b(?! relief)", 2),
        (r"\bdescribed as\b", 1),
        # a sensation word after "feel": what the patient feels, whoever the subject ("a twitch response which
        # can feel very strange to the patient")
        (r"\bfeel(?:s|ing)? (?:(?:very|a bit|a little|quite|slightly|rather|somewhat) )?(?:strange|odd|weird|"
         r"intense|uncomfortable|unpleasant|tingl\w*|heavy|dull|achy|warm|numb|like)\b", 2),
    ),
    "mechanism": (
        # a body structure made to change, with no symptom named (see _BODY_PROCESS; claim_kind reads it
        # before the causal cue it shares its verb with)
        (_BODY_PROCESS, 3),
        (_ACTS_ON_BODY, 2),
        # a body part put or held in a position ("places the feet in a downwards-pointing position", "the knee
        # is often held slightly flexed"): what a load or a posture does to a structure
        (r"\b(?:places?|puts?|holds?|keeps?|forces?|cram\w*|push\w*|pull\w*|tips?|tilts?)\b (?:\w+ ){0,4}?"
         r"(?:in|into) (?:an? |the )?(?:[\w-]+ ){0,2}?(?:position|posture|angle)\b|"
         r"\b(?:is|are) (?:\w+ )?(?:held|kept|placed|put) (?:\w+ )?(?:flexed|bent|extended|rotated|tilted|"
         r"straight|forwards?|backwards?|pointed|pointing)\b", 2),
        (r"\bblood (?:vessels?|flow|circulation|supply)\b", 2),
        (r"\bcirculat(?:ion|es?|ing)\b", 1),
        (r"\boxygen\b", 1),
        # (a body system named as the place of a function is the function's, an outcome: "improving nervous
        # system function" is a benefit, as "muscle strength" is; see the tissue cue below)
        (r"\bnerv(?:e|es|ous)\b(?! (?:system )?function)", 1),
        (r"\bnervous system\b(?! function)", 2),
        (r"\b(?:pain |mechano)?receptors?\b", 2),
        (r"\bendorphins?\b", 2),
        (r"\brelease of\b", 1),
        (r"\breleas(?:e|es|ing) (?:\w+ )?(?:tension|knots?|trigger points?|tight\w*|muscles?|fascia)\b", 2),
        (r"\btwitch response\b", 2),
        # "the body's natural response", "decrease the inflammatory process within the plantar fascia"
        (r"\b(?:inflammatory|immune|natural|healing|stress) (?:response|process(?:es)?|cascade)\b", 2),
        (r"\bmuscle (?:tension|relaxation|fibers|fibres)\b", 1),
        (r"\brelax(?:es|ation|ed)?\b", 1),
        (r"\bhealing\b", 1),
        (r"\brepair\b", 1),
        (r"\bwaste products\b", 2),
        (r"\bfascia\b", 1),
        (r"\bscar tissue\b", 1),
        (r"\bcreatine kinase\b", 2),
        (r"\bis thought to\b", 1),
        # verbs only: after a determiner or an adjective "function" is a noun ("support the body's natural
        # function by improving joint mobility" names the means of a benefit, not how it works)
        # (the lookahead first: the lookbehinds are tried only where the words are)
        (r"\b(?=(?:works?|functions?|operates?) by\b)"
         r"(?<!natural )(?<!normal )(?<!['’]s )(?<!the )(?<!its )(?<!their )(?<!your )(?<!proper )"
         r"(?:works?|functions?|operates?) by\b", 2),
        # what a treatment clears from the tissues ("helps to eliminate lactic acid from your muscles")
        (r"\blactic acid\b|\bmetabolic waste\b|\bmetabolites\b", 2),
        # the load a structure bears ("Buoyancy reduces loading across joints affected by pain")
        (r"\bload(?:ing)? (?:on|across|through|of) (?:the |your )?"
         r"(?:joints?|spine|tendons?|discs?|knees?|hips?)\b|"
         # ("lateral wedge insoles reduce knee load", "bracing lowers spinal loading")
         r"\b(?:knee|joint|spinal|hip|tendon|disc|patellofemoral|plantar) (?:load(?:ing|s)?|forces?)\b|"
         r"\bpressure (?:on|in|off) (?:the |your )?(?:[\w-]+ )?"
         r"(?:spine|joints?|nerves?|discs?|vertebrae)\b", 2),
        # the load the body bears, in other words ("Buoyancy reduces weight-bearing stress on painful joints",
        # "with reduced gravity stress", "provides even more joint protection")
        (r"\bweight[- ]bearing\b|\bbuoyan\w*|\b(?:reduced|less|low) gravity\b|\bjoint protection\b|"
         r"\bprotect(?:s|ing)? (?:the |your )?(?:joints?|spine|discs?)\b", 2),
        (r"\bstimulat\w*", 1),
        (r"\bconduction\b", 2),
        (r"\bbiochemical\b", 2),
        (r"\bneuromuscular\b", 2),
        (r"\breflex\b", 2),
        (r"\bpain (?:cycle|message|signal|pathway|gate)", 3),
        # weaker: less pain perceived is a benefit ("Warm therapy pools reduce pain perception")
        (r"\bpain perception\b", 1),
        # nerve signalling ("the brain will get fewer impulses"); a "signal to stop" is no nerve's
        (r"\b(?:nerve|electrical|neural) (?:signals?|impulses?)\b|\bimpulses?\b|\bbrain\b", 1),
        # what a treatment's effects are due to ("acupuncture's effects are mainly due to placebo")
        (r"\b(?:effects?|benefits?|results?|improvements?) (?:\w+ ){0,2}(?:are|is|were|was|may be|might be) "
         r"(?:\w+ )?(?:due to|caused by|explained by|attributable to|the result of)\b", 3),
        # the theory's own structures ("any consistent anatomical structure ... for acupuncture points or
        # meridians")
        (r"\b(?:meridians?|acupoints?|acupuncture points?|qi)\b", 2),
        # the body's own painkillers ("helps produce natural painkillers")
        (r"\bnatural (?:painkill\w*|pain[- ]?relievers?)\b|\bpainkilling chemicals?\b", 2),
        # the means, a change in the body ("may help prevent chronic pain by strengthening the muscles")
        (r"\bby (?:\w+ing) (?:the |your |their )?(?:[\w-]+ ){0,2}?(?:muscles?|tissues?|nerves?|blood|"
         r"circulation|endorphins?|signals?|fascia|tendons?|cells?|lymph\w*)\b", 2),
        (r"\bability to heal\b|\bheal(?:s|ing)? (?:it|them)sel(?:f|ves)\b", 2),
        # what something is part of, or explained by ("it's part of the process of manipulating the muscles",
        # "One explanation is the muscles are not used to it")
        (r"\bpart of (?:the |your |its |a )?(?:[\w'’-]+ ){0,2}?(?:process|response)\b|"
         r"\bexplanation (?:is|may be|might be|could be)\b", 2),
        # the position of the body's structures ("put the vertebrae back into correct alignment", "by
        # realigning vertebrae")
        # (each branch spelled out, so that the cue has literal starts to be indexed by)
        (r"\balign(?:ment|ments|ing|s|ed)?\b|\brealign\w*|\bmisalign\w*", 2),
        # a change in a structure, named as a noun ("the result is a change in the position and motion of
        # spinal bones")
        (r"\b(?:changes?|alterations?|shifts?) in (?:the )?(?:[\w-]+ ){0,5}?(?:bones?|joints?|vertebrae|"
         r"spine|muscles?|tissues?|fascia|nerves?|blood flow|circulation|hormones?)\b", 2),
        (r"\bspinal alignment\b", 2),
        (r"\bnerve irritation\b", 2),
        (r"\bimmune\b", 2),
        (r"\blymph\w*", 1),
        (r"\btoxins?\b", 2),
        (r"\bmovement of\b", 1),
        # names the kind outright: outweighs an effect cue in the same sentence ("the mechanism by which
        # massage therapy might increase weight gain is not well understood")
        (r"\bmechanisms?\b", 3),
        (r"\bhow (?:it|they|\w+) works?\b|"
         r"\b(?:not (?:yet |well |fully )?|poorly |beginning to be )understood\b", 2),
        # the body's own processes ("Inflammation is the body's natural response to fight infection")
        (r"\bbody['’]s (?:own |natural )?(?:response|defen[cs]es?|ability|healing|processes?)\b", 2),
        # a treatment acting on a tissue or a physiological process rather than on a symptom or a function:
        # an intermediate effect ("improves circulation", "stimulates lymph nodes", "increases the production
        # of lymph cells", "releases tension", "will tighten the muscle"). A tissue named as the place of a
        # symptom or a function ("muscle pain", "muscle strength") is not one, nor is a participle after a
        # determiner, which names the subject ("The increased blood flow reduces inflammation" is a benefit).
        (r"(?<!\bthe )(?<!\ban )(?<!\ba )"
         r"\b(?:stimulat|promot|increas|improv|releas|relax|tighten|loosen|contract|"
         r"activat|restor|boost|enhanc|"
         r"affect(?!ed)|alter|chang|dilat|constrict|hold|keep|stretch|support|align|position|elevat|rais)\w* "
         r"(?:the |your |their |a |an )?(?:[\w-]+ ){0,2}?"
         r"(?:circulation|blood (?:flow|supply)|lymph\w*|production of|secretion|release of|levels? of|"
         r"hormones?|cells?|tissues?|fluids?|oxygen|nerves?|muscles?|fib(?:re|er)s?|fascia|knots?|"
         r"trigger points?|tension(?!-type)|foot|feet|joints?|tendons?|ligaments?|spine|vertebrae|bones?|"
         r"endorphins?|(?:blood )?vessels?|cortisol|serotonin|dopamine|oxytocin|melatonin|adrenaline)\b"
         r"(?! (?:pain|aches?|soreness|strength|function|performance|spasms?|injur))", 2),
        (r"\bsupports? (?:your|the) spine\b", 2),
        # a property of a tissue ("increases the elasticity of the muscles"), not its strength or function
        (r"\b(?:elasticity|pliability|extensibility|length|tone|viscosity|hydration|stiffness|tension) of "
         r"(?:the |your |their )?(?:[\w-]+ )?(?:muscles?|tissues?|fascia|tendons?|ligaments?|"
         r"fib(?:re|er)s?)\b", 2),
        # a substance the body releases, named by its chemical form ("Cupping therapy releases relaxin",
        # "produces serotonin", "secretes more cortisol", "the release of histamine")
        (r"\b(?:releas|secret|produc)(?:e|es|ed|ing)\b (?:more |less )?(?:[\w-]+ )?"
         r"[\w-]+(?:in|ine|one|ol|ase|ide)s?\b", 2),
        # what a treatment's effects are owed to ("factors ... may play important roles in the beneficial
        # effects of acupuncture"): how it works, though it names a benefit
        (r"\broles? in (?:the )?(?:\w+ )?(?:effects?|benefits?)\b", 4),
        # a treatment addressing or targeting the cause rather than a symptom: its approach, how it works
        # ("Acupuncture addresses the underlying cause of a problem rather than fixing a symptom"); one that
        # "treats the root cause" claims a benefit (efficacy)
        (r"\b(?:address|target)(?:es|s|ing)? (?:the )?(?:root |underlying )?causes?\b", 2),
        # the body's own processes ("Treatment facilitates these natural processes")
        (r"\bnatural (?:healing )?(?:processes|mechanisms)\b", 2),
        # a substance's pharmacological property ("Curcumin has significant anti-inflammatory properties",
        # "Cortisone injections carry potent anti-inflammatory action"): how it works, an intermediate effect
        # (an "anti-inflammatory effect" is read as a benefit: tests/test_drafting_kinds.py)
        (r"\b(?:anti-?[a-z]+|antioxidant|antiseptic|antibacterial|antimicrobial|antispasmodic)"
         r" (?:properties|property|actions?|activity)\b", 3),
        # what a load or a posture does to a body structure's length, position or load ("In high heels the
        # calf muscles are shortened", "Wearing high heels puts the knee under more compression", "places a
        # lot of pressure on the forefoot")
        (r"\b(?:muscles?|tendons?|ligaments?|flexors?|extensors?|fascia|joints?|knees?|spine|pelvis|bones?)"
         r" (?:are|is|become|becomes|get|gets) (?:\w+ )?(?:shortened|lengthened|compressed|tightened|"
         r"overstretched|rotated|flexed|extended|loaded|tilted)\b|"
         r"\b(?:places?|puts?|placing|putting) (?:\w+ ){0,3}?(?:pressure|load|strain|stress|force) on\b|"
         r"\bunder (?:more |less |extra |greater )?(?:compression|load|pressure|strain)\b", 2),
    ),
    "efficacy": (
        # ("effectively" only before an effect: "treatments that can be effectively delivered by a
        # physiotherapist" says how they are delivered)
        (r"\beffective(?:ness)?\b|\befficacy\b|\beffectively (?:\w+ )?(?:treat|reduc|reliev|manag|improv|eas|"
         r"alleviat|prevent|control|lower|decreas|restor|heal|used|support|help)\w*", 2),
        (r"\buseful\b", 2),
        # ("Success rates for shockwave therapy range from 68% to 91%")
        (r"\bsuccess(?:ful)? rates?\b|\bresponse rates?\b", 2),
        (r"\bevidence\b", 1),
        (r"\ballows? (?:us|you|the body|for)\b", 1),
        # movement made possible is a benefit to function ("This reduction in weight-bearing allows movement")
        (r"\b(?:allows?|enables?|permits?) (?:\w+ )?(?:movement|motion|exercise)\b", 2),
        # (a purpose is no effect: "retain chiropractors on staff for the benefit of their employees")
        (r"(?<!for the )\bbenefits?\b", 2),
        (r"\b(?:pain )?relie(?:f|ve|ves|ved)\b", 2),
        (r"\balleviat\w*", 2),
        # An effect verb and what it acts on, in the direction of a benefit: less of a bad thing ("reduce
        # pain") or more of a good one ("improve range of motion"). The same words the other way round
        # ("increase the likelihood of developing pain") are a harm or a cause: see _WORSENING.
        # ("can control their symptoms", "manage the symptoms of CKD")
        (r"\b(?:reduc|improv|decreas|lower(?!\s+back)|eas|reliev|alleviat|shorten|minimi[sz]|speed|lessen|"
         r"eliminat|"
         # (verbs only: "for the management of neuromuscular pain" describes what a treatment is for)
         r"control(?!s? group)|manag(?=e\b|es\b|ed\b|ing\b))\w*\b"
         # (discomfort relieved is a symptom relieved, not a sensation of the treatment: "applying a heating
         # pad ... may reduce discomfort")
         r"[^.;]{0,40}\b(?:pain|discomfort|soreness|swelling|stiffness|headaches?|migraines?|symptoms?|"
         r"injur(?:y|ies)|"
         # (mechanical stress is a load, not the stress a patient feels: "reduced gravity stress")
         r"inflammation|anxiety|fear|eye ?strain|(?<!bearing )(?<!gravity )(?<!mechanical )stress|fatigue|"
         r"depression|"
         r"disability|blood pressure|cortisol|tension|"
         r"spasms?|"
         rf"recovery time|risks?|likelihood|chances?|severity|intensity|{_CONDITION_NAMES})\b"
         r"(?! threshold| tolerance)", 2),
        (r"\b(?:improv|restor|rebuild|increas|boost|promot|speed|accelerat|enhanc|optimi[sz])\w*\b[^.;]{0,40}"
         r"\b(?:function(?:ality|ing)?|range of motion|flexibility|strength|recovery|performance|posture|"
         r"mobility|sleep|quality of life|relaxation|mood|movement|weight gain|weight|balance|"
         r"pain (?:threshold|tolerance))\b", 2),
        # "can be managed by over the counter medications", "may be treated adequately by pain-killers",
        # "Healing can be achieved by needling these obstructed points"
        (r"\b(?:be|are|is) (?:\w+ )?(?:managed|treated|controlled|relieved|prevented|helped|achieved) "
         r"(?:\w+ )?(?:by|with)\b", 2),
        # an effect or its absence stated outright ("has a cumulative effect", "did not have an effect on
        # sleep"); "no side effects" is a safety claim
        (r"\b(?:has|have|had|having|show\w*|no|little)\b(?: not)?(?: an?| any| no| little| some)?"
         r"(?: (?!side\b)[\w-]+)? effects?\b", 2),
        # trial language: groups given the treatment or a sham ("participants receiving true acupuncture")
        (r"\b(?:participants|patients|people|subjects|adults|children)\b (?:who )?(?:receiv\w*|given|treated|"
         r"allocated|randomi[sz]ed)\b", 2),
        # the active arm of a trial ("the effect of true acupuncture"); a trial's design alone ("acupuncture
        # was compared with 'fake' acupuncture in six trials") states no result: neither "trial" nor "fake" is
        # a cue
        (r"\b(?:true|real|verum|active) (?:\w+ )?(?:acupuncture|treatment|needling|massage|therapy|"
         r"intervention)\b", 1),
        # one group better off than another ("people who sat upright reported feeling more confident than
        # those who slouched"); a cause of a condition outweighs it (without a treatment named, etiology is
        # read first)
        (r"\b(?:than|compared (?:with|to)) (?:those|people|participants|patients|"
         r"the (?:control|sham|placebo) group)\b (?:who|that|in|receiving|given|without)\b", 2),
        # an improvement felt is an outcome, not a sensation of the treatment ("they felt improvement")
        (r"\bf(?:eel|eels|elt|eeling) (?:an? |some )?(?:\w+ )?(?:improvement|better|relief)\b", 3),
        (r"\bdisease[- ]modifying\b", 2),
        # what slows a condition down ("Taping did not slow the progression of joint damage"): outweighs the
        # damage it names
        # ("delayed onset muscle soreness" names a condition: a verb only, "delay" not "delayed")
        (r"\b(?:slow|halt|stop|delay|revers|prevent)(?:s|ing)? (?:the )?(?:progression|onset|decline|"
         r"deterioration)\b", 3),
        # outcomes named as such ("can achieve good outcomes for patients with osteoarthritis")
        (r"\b(?:good|better|positive|improved|successful|favou?rable|excellent|great|promising|encouraging|"
         r"impressive|remarkable) (?:outcomes?|results?)\b", 2),
        # a reduction by a stated amount ("Soy can reduce hot flushes by more than half", "cut migraine days
        # by 30%")
        (r"\b(?:reduc|lower|decreas|cut|halv)\w* (?:[\w-]+ ){0,4}?by (?:more than |up to |about |almost |"
         r"nearly |over |around |at least )?"
         # (a stated size of effect outweighs a description inside the sentence: "Soy, the most common plant
         # containing oestrogen, can reduce hot flushes by more than half")
         r"(?:half|a third|a quarter|two[- ]thirds|\d+(?:\.\d+)? ?(?:%|per ?cent))", 4),
        # a treatment no longer needed ("patients eventually won't need treatments any longer")
        (r"\b(?:no longer|won['’]t|will not) need\b|\breduc\w* (?:the )?need for\b", 2),
        # Verbs a patient reads as a promise whatever they act on ("prevents injuries", "cures arthritis").
        # (not "prevent a patient from standing": that hinders)
        # ("prevent bursitis from repetitive tasks" names the cause of what is prevented: a benefit)
        (r"\b(?:prevent(?:s|ed|ing)?|cur(?:e|es|ed))\b(?!(?: \w+){1,2} from \w+ing\b)|\bprevention of\b", 2),
        (r"\b(?:useful|effective|successful) treatment\b", 2),
        # "effective in managing delayed onset muscle soreness": the condition treated is not a harm
        (r"\b(?:effective|useful|helpful|beneficial) (?:in|for) "
         r"(?:managing|treating|reducing|relieving)\b", 2),
        (r"\btreatment (?:option |method )?for\b", 1),
        # a benefit in everyday words ("The treatment is very good for hypertension"); "bad for" is a harm
        (r"\b(?:good|great|excellent|ideal) for\b", 2),
        # treating the cause is a benefit, not a cause ("Shockwave therapy treats the root cause of plantar
        # fasciitis")
        (r"\btreat(?:s|ing)? (?:the )?(?:root |underlying )?causes?\b", 2),
        # a claim of proof ("Dry needling has been proven to promote healing")
        (r"\b(?:proven|shown) to\b|\bclinically proven\b", 2),
        # freer movement ("move more freely in water", "a greater sense of ease in motion")
        (r"\bmoves? (?:more )?freely\b|\bfreedom of movement\b|\bease (?:in|of) (?:motion|movement)\b", 2),
        # an outcome the patient gets or sees ("provides relaxation", "may experience immediate results",
        # "you can expect to see a significant reduction in symptoms"): outweighs "results from" as a cause
        (r"\bprovides? (?:\w+ )?(?:relaxation|relief|comfort)\b", 2),
        (r"\b(?:see|experience|notice|expect|get|achieve)\w* (?:\w+ ){0,2}?"
         r"(?:results?|improvements?|relief|reductions?)\b", 3),
        # a use is a claim of effect ("cupping therapy is used to treat migraines"); "a technique used to
        # treat ..." defines the technique
        (r"\b(?:is|are|was|were|been|be) (?:\w+ )?used to (?:treat|relieve|manage|reduce|ease)\b", 2),
        # ("lower back pain" is a place, not less pain)
        (r"\b(?:less|fewer|reduced|lower(?! back)) (?:[\w-]+ ){0,2}?(?:pain|discomfort|soreness|stiffness|"
         r"symptoms?|fatigue|swelling|headaches?|migraines?|anxiety|disability)\b", 2),
        # ("Hydrotherapy also works well for those with back pain")
        # (any degree: "The HPV vaccine works extremely well"; and its denial: "Painkillers barely work for
        # osteoarthritis", "does not work")
        (r"\bworks? (?:(?:very|so|really|\w+ly) )?well\b|\b(?:do|does|did)(?: not|n['’]t) work\b|"
         r"\b(?:barely|hardly|rarely|seldom) works?\b", 2),
        # an effect's presence or absence named by "influence" or "impact" ("Sublingual ginger and feverfew
        # had no influence on vomiting")
        (r"\b(?:no|little|any|an?|some|significant|positive|beneficial) (?:\w+ )?"
         r"(?:influence|impact) on\b", 2),
        # the outcome as the subject of a passive effect verb ("mortality is reduced if polyps are removed",
        # "symptoms were relieved in most patients")
        (r"\b(?:mortality|deaths?|death rates?|symptoms?|pain|risk|incidence|relapses?|recurrences?|"
         r"disability|swelling|stiffness|fatigue|nausea|vomiting)\b(?: of(?: [\w-]+){1,4}?)? "
         r"(?:is|are|was|were|has been|have been|"
         r"can be|may be) (?:\w+ )?(?:reduced|lowered|decreased|improved|relieved|eased|prevented|halved|"
         r"alleviated|controlled)\b", 2),
        (r"\bbring down\b", 1),
        (r"\bplacebo|sham\b", 2),
        (r"\brecovery\b", 1),
        (r"\bperformance\b", 1),
        (r"\brange of motion\b", 1),
        (r"\bflexibility\b", 1),
        (r"\bhelp(?:s|ful)?\b", 1),
        (r"\bbeneficial\b", 2),
        (r"\b(?:management|treatment) of\b", 1),
        (r"\bimprovement\b", 1),
        # a benefit counted in treatments is the treatment's ("most notice improvement within three to five
        # treatments"); without one, "improvement occurs within 6 weeks" is prognosis
        (r"\b(?:improvement|results?)\b[^.;]{0,40}\b(?:treatments|sessions|visits)\b", 2),
        # strengthening and building a capacity are promised benefits whatever they act on ("strengthens hip
        # muscles", "builds confidence that can transfer to land activities")
        (r"\bstrengthen(?:s|ed|ing)?\b"
         r"|\bbuilds? (?:\w+ )?(?:strength|confidence|endurance|awareness|muscle)", 2),
        (r"\b(?:better|improved|greater|more|increased) (?:\w+ )?"
         r"(?:patterns?|function|balance|sleep|breath\w*|energy|mood)\b", 2),
        (r"\bbest for\b", 2),
        # a trial's result in counts ("Headache frequency halved in 52 of 100 participants …")
        (r"\b\d+ (?:of|out of) \d+ (?:participants|patients|people|subjects)\b", 2),
        # the state of the evidence put as what it still needs ("requires further study", "further
        # investigation is needed", "more research is warranted"): a claim about the evidence for a benefit
        # (and as what researchers call for: "They called for much larger trials to definitively assess …")
        (r"\b(?:requires?|needs?|warrants?|merits?|deserves?|call(?:s|ed|ing)? for)\b (?:\w+ )?"
         r"(?:further|more|additional|larger|bigger|longer|better|well-designed|high-quality|rigorous) "
         r"(?:study|studies|research|investigation|trials|evaluation)\b|"
         # ("Much larger trials are needed to definitively assess …")
         r"\b(?:further|more|additional|larger|bigger|longer|better|well-designed|high-quality|rigorous) "
         r"(?:\w+ )?(?:study|studies|research|investigation|trials|evaluation) "
         r"(?:is|are) (?:\w+ )?(?:needed|required|warranted|necessary)\b", 2),
        # a use or a place in care ("may have some utility in the treatment of dysmenorrhea", "has a role in
        # the management of chronic pain"): a benefit, which outweighs the causal "plays a role"
        # a difference made, a place beside another treatment, a lasting result: benefits in other words
        # ("can make a difference for your daily and long-term health", "a great supplement to massage", "The
        # results of ESWT last long-term", "long-lasting results")
        # (a place beside another treatment is the weaker: what the sentence goes on to say of it decides)
        (r"\b(?:great|good|useful|valuable|excellent|helpful|effective) (?:supplement|complement|addition|"
         r"adjunct) to\b", 1),
        (r"\bmakes? (?:a|an|all the) (?:\w+ )?difference\b|"
         r"\b(?:effects?|results?|benefits?|relief|improvements?)\b(?: of [\w-]+)? (?:\w+ )?(?:lasts?|lasted|"
         r"persist(?:s|ed)?|(?:is|are|was|were) (?:sustained|maintained))\b|"
         r"\blong[- ](?:lasting|term) (?:results?|effects?|relief|benefits?|improvements?)\b", 2),
        # ("play an important role in managing patients with knee osteoarthritis")
        (r"\b(?:role|place)\b (?:\w+ ){0,2}?in (?:managing|treating|preventing|relieving|caring for|"
         r"the care of)\b", 3),
        # a use put in doubt ("The use of adjunct therapies … is questionable"): the evidence for a benefit
        (r"\b(?:use of|value of|benefits? of|usefulness of|role of)\b[^.;]{0,80}\b(?:is|are|remains?) "
         r"(?:\w+ )?"
         r"(?:questionable|doubtful|unproven|unclear|controversial|debated|equivocal)\b", 3),
        (r"\b(?:utility|value|role|place)\b (?:\w+ ){0,2}?(?:in|for) (?:the )?(?:treatment|management|"
         r"prevention|care|therapy|relief) of\b", 3),
        (r"\b(?:evidence|research|studies|trials|results)\b[^.;]{0,80}\b(?:uncertain|lacking|limited|"
         r"preliminary|conflicting|promising|inconsistent|definitive|not enough|strong|small|few|weak|"
         r"insufficient|scarce|sparse|low[- ]quality|mixed|inconclusive)\b", 2),
        # "did not have an effect on sleep disturbance", "can take time to have an effect"
        (r"\b(?:have|has|had|take|takes|show|shows|showed)\s+(?:an?\s+|no\s+|any\s+)?(?:\w+\s+)?"
         r"effects?\b", 2),
    ),
    "etiology": (
        (r"(?<!root )(?<!the )\bcaus(?:e|es|ed|ing)\b(?! of)", 2),
        (r"\b(?:lead|leads|leading) to\b", 1),
        # leading to a named condition is a cause outright ("Which can in turn lead to plantar fasciitis
        # (trust me that is painful!)", "Weak glutes can lead to patellar tendinopathy")
        (rf"\b(?:lead|leads|leading|led) to (?:[\w-]+ ){{0,3}}?(?:{_CONDITION_NAMES})\b", 2),
        (r"\bresult(?:s|ed)? in\b", 1),
        (r"\b(?:may|can|will|could) result\b", 2),  # "When the Qi is obstructed, pain or disease may result."
        # where a condition comes from ("Whiplash may result from rear-end collisions")
        (r"\b(?:results?|resulted|resulting|stems?|stemming|arises?) from\b", 2),
        # an injury named by what it does to a structure ("may rupture the anterior longitudinal ligament");
        # a participle right before the structure only names where it is hurt ("to the injured tendon")
        (r"\b(?:ruptur|tear|injur|strain|sprain|overstretch|compress|irritat)\w*"
         r"(?: (?:the |a |an |your |some )|(?<!ed) )"
         r"(?:[\w-]+ ){0,3}?(?:ligaments?|discs?|tendons?|nerves?|cartilage|bones?|vertebrae)\b", 2),
        (r"\bcontribut\w* to\b", 1),
        (r"\brisk (?:for|of)\b", 1),
        (r"\bvicious cycle\b", 2),
        (r"\baccumulation\b", 1),
        (r"\brisk factors?\b|\bfactors\b[^.;]{0,40}\b(?:risk|associated)\b|"
         r"\b(?:associated|contributing|predisposing|causal|causative) factors?\b", 3),
        (r"\bassociated with\b", 1),
        # risk in words ("Women are more prone to developing back pain") is read by _WORSENING_CUES below,
        # with its direction ("less prone to injury" after a treatment is a benefit)
        (r"\bchances? (?:of|to) (?:develop|get|suffer)", 2),
        # a condition a group or an exposure will probably bring ("If you listen to very loud music, you will
        # probably have tinnitus", "Most people who served in the military likely have tinnitus")
        (r"\b(?:likely|probably) (?:to )?(?:have|get|develop|suffer from)\b", 2),
        (r"\b(?:has|have) been associated with\b", 2),
        (r"\bcausative\b", 2),
        (r"\bplays? an? (?:\w+ )?role\b", 2),
        # more or less risk for a group ("Women are more prone to developing back pain", "individuals ≥35
        # years have significantly more risk"), what worsens a condition, damage: a harm when a treatment is
        # named (see _WORSENING_CUES)
        *_WORSENING_CUES,
        *_PROTECTIVE_CUES,
        (r"\b(?:likelihood|risk|chances?) of developing\b", 2),
        (r"\b(?:poor|bad|slouch\w*) postures?\b", 2),
        # causes named plainly ("Doctors aren't sure of the causes of fibromyalgia"); finding or treating the
        # cause of a patient's pain is what a clinic does, not a claim about causes
        (r"(?<!find the )(?<!identify the )(?<!address the )(?<!treat the )(?<!treating the )(?<!treats the )"
         r"(?<!root )(?<!underlying )"
         r"\bcauses? of\b", 2),
        # heredity ("Fibromyalgia tends to run in families", "a person's genetic makeup")
        # (a genetic test is a fact of diagnosis: "Hypermobile Ehlers Danlos has no genetic test available")
        (r"\bruns? in (?:the )?families\b|\bgenetic\w*(?! test)|\bhereditary\b|\binherit\w*|\bgenes?\b", 2),
        # how a condition came about ("The heel spur has developed in response to the chronic irritation",
        # "Tennis elbow develops from repeated gripping", "Her pain developed after a fall")
        # ("Sometimes individuals develop tinnitus as the result of a head injury", "... through the use of")
        (r"\bdevelop(?:s|ed)? (?:\w+ )?(?:in response to|from|after|because of|as (?:a|the) result of|"
         r"through)\b", 3),
        # a group in whom a condition is more common is a group at risk ("CKD is more common in older adults",
        # "IBS is more common among women"); with a treatment named, a harm (see claim_kind)
        (r"\b(?:is|are|was|were|be|becomes?) (?:\w+ )?more (?:common|frequent|prevalent|likely) "
         r"(?:in|among)\b", 3),
        # the share of cases a cause accounts for ("By far the most common cause, accounting for 95% of all
        # cases, is abnormal, repetitive stresses"; "Disc herniation accounts for 90% of sciatica cases")
        (r"\baccount(?:s|ed|ing)? for (?:about |around |over |nearly |almost |up to )?\d+ ?(?:%|per ?cent) "
         r"of (?:all )?(?:[\w-]+ )?cases\b", 4),
        # what sets a condition off ("Some illnesses appear to trigger fibromyalgia"), not a trigger point
        # (a verb only: "nausea triggers" are things, and a trigger point is no trigger)
        (r"\b(?:can|may|might|could|will|to|often|also|which|that|and|or) trigger(?:s|ed)?\b(?![- ]points?)|"
         r"\btriggered by\b", 2),
        # (an explanation, not a reason: "the reasons for the underuse of shockwave therapy" are no cause)
        (r"\b(?:possible |likely |one )?explanations? (?:for|why)\b", 2),
        # a named cause of a condition ("plantar fasciitis is the most common cause of heel pain", "another
        # less-common cause of plantar fasciitis"); outweighs "most common". A cause of a burden ("one of the
        # leading causes of disability worldwide") is ``other``.
        # (finding the cause of a patient's problem is what a clinic does: "find the root cause of your
        # musculoskeletal problem")
        (r"(?<!treats the )(?<!treat the )(?<!treating the )(?<!addresses the )(?<!address the )"
         r"(?<!find the )(?<!identify the )(?<!finds the )(?<!identifies the )"
         r"\b(?:common|main|leading|primary|major|usual|frequent|possible|likely|known|less[- ]common|rare|"
         r"other|underlying|root) causes? of\b"
         r"(?! (?:\w+ ){0,2}(?:disability|death|mortality|absence|absenteeism|sick leave|visits?|years))", 4),
        # how a condition comes about ("Plantar fasciitis occurs when the thick band of tissue ... is
        # overstretched", "may occur due to an overuse injury"); "This happens because ..." explains anything
        (r"\b(?:occurs?|occurring|develops?|arises?)\b (?:\w+ )?(?:when|if|because|due to|as a result)\b|"
         r"\bhappens? (?:\w+ )?(?:when|if)\b", 2),
        (r"\bdue to\b|\bover(?:use|used|stretch\w*|load\w*|train\w*)\b", 1),
        # an association with the start of a condition ("a strong association exists between an increased
        # body mass index and the development of plantar fasciitis")
        # ("in association with gold-standard treatments" is "together with")
        (r"(?<!\bin )\bassociations? (?:between|with)\b|\blink(?:ed)? (?:between|to|with)\b", 1),
        (r"\b(?:development|onset) of\b", 1),
        # what happens to the body's structures over time ("the discs start to lose their hydration")
        (r"\b(?:discs?|joints?|cartilage|vertebrae|ligaments?|tendons?|bones?|muscles?|spine|tissues?|fascia)\b"
         r"[^.;]{0,40}"
         r"\b(?:lose|loses|losing|degenerat\w*|weaken\w*|shrink\w*|wears? (?:down|out)|dry out|dries out|"
         r"stiffen\w*|tighten\w*|compress\w*|tears?|tearing|ruptur\w*)\b", 2),
        # the word itself, and causes in the plural ("the patho-etiology ... is multifactorial and can be
        # attributed to ... environmental factors")
        (r"\b(?:a)?etiolog\w*|\bmultifactorial\b", 3),
        # a condition developing ("Toes crammed together can over time develop conditions like hammer-toe",
        # "Runners may develop shin splints"), not a capacity built ("develop strength")
        (r"\b(?:can|may|might|could|will|often|likely to) (?:[\w-]+ ){0,2}?develop\b"
         r"(?! (?:\w+ )?(?:strength|muscles?|skills?|confidence|endurance|awareness|balance|"
         r"flexibility))", 2),
        # a tissue turned into a condition's state ("the area of greatest strain becomes inflamed")
        (r"\b(?:becomes?|became|gets?|got) (?:\w+ )?(?:inflamed|irritated|swollen|damaged|degenerated|"
         r"torn|thickened|scarred)\b", 3),
        (r"\battribut(?:ed|able) to\b", 1),
    ),
    # Other checkable health facts: how common, how it goes, what it costs, who may do what.
    "other": (
        (r"\d\s*%\s+of\b|\bper ?cent of\b", 3),  # a share of people or cases ("80% of adults")
        (r"\bprevalen(?:ce|t)\b|\bincidence\b|\bprognosis\b|\blifetime\b", 3),
        # what a condition is like ("The condition is characterised by progressively worsening stiffness")
        (r"\bcharacteri[sz]ed by\b", 3),
        # a treatment's place in the order of care ("Surgery is typically a last resort for …", "the
        # first-line treatment approach"): what guidelines set, not a benefit
        (r"\b(?:last resort|first[- ]line|second[- ]line|gold[- ]standard|standard of care|mainstay)\b", 3),
        # (how often something is a cause is still a cause: "The forefoot pressure most commonly causes pain")
        (r"\bleading causes?\b|\bmost common(?:ly)?\b(?! (?:caus|lead|result|trigger|contribut))", 3),
        # how a condition shows itself: its presentation, onset and signs ("Patients with hEDS may present
        # with easy bruising", "The onset is usually gradual", "A sprain is likely if the area is swollen",
        # "Terms such as a stone bruise are used to describe the discomfort")
        (r"\bpresents? with\b|\bpresenting (?:with|symptoms?|complaints?)\b|"
         r"\bonset (?:of (?:[\w'’-]+ ){1,4}?)?(?:is|was|may be|can be) (?:\w+ )?(?:gradual|sudden|slow|rapid|"
         r"insidious)\b|"
         r"\b(?:is|are|it['’]s|it is) (?:more |most )?likely (?:to be (?:[\w-]+ ){1,4}?)?if\b|"
         r"\bused to describe (?:the |this |that |their |your )?(?:[\w-]+ )?(?:discomfort|pain|sensations?|"
         r"symptoms?|ache)\b", 3),
        # a condition causing its own symptoms names the symptoms, not a cause ("Rheumatoid arthritis causes
        # painful joints", "Fibromyalgia can cause widespread pain")
        # ("Migraines cause sensitivity to light and sound"; a condition named by its initials, "CKD may cause
        # nausea", is read in claim_kind)
        (rf"\b(?:{_CONDITION_NAMES}|migraines?|headaches?)\b (?:\w+ )?(?:causes?|cause|produces?|leads? to|"
         rf"results? in)\b (?:[\w-]+ ){{0,2}}?(?:{_SYMPTOMS})\b", 5),
        # who regulates or pays: "The FDA requires …", "often covered by insurance"
        # what a condition is like across people: "a common type of headache", "occurs frequently",
        # "significantly impairs their quality of life"; how widely a treatment is used
        (r"\b(?:is|are) (?:a |an )?(?:very |fairly |relatively )?(?:common|uncommon)\b", 3),
        # "rare" weighs less: a harm that is rare ("Serious adverse effects are rare") is a safety claim
        (r"\b(?:is|are) (?:very |fairly |relatively |extremely )?rare\b", 2),
        (r"\boccurs? (?:frequently|often|rarely|commonly)\b", 2),
        # a condition's burden: "significantly impairs their quality of life", "can severely affect your
        # quality of life", "can negatively impact your mobility"
        (r"\b(?:impair|affect|impact|limit|interfere with)s?\s+(?:\w+\s+){0,2}?"
         r"(?:quality of life|daily (?:life|activities)|mobility|ability to)\b", 2),
        (r"\b(?:widely|commonly|increasingly|now) used\b|\bused (?:in|by) (?:many|most|millions)\b", 2),
        # a treatment or a profession taken up by institutions ("Chiropractors are commonly established in
        # hospitals", "organisations ... retain Chiropractors on staff", "offered in most pain clinics")
        (r"\b(?:hospitals|clinics|organi[sz]ations|companies|employers|insurers|health (?:systems|services)|"
         r"sports teams|teams)\b[^.;]{0,40}\b(?:retain|employ|offer|fund|integrat|establish)\w*|"
         r"\b(?:established|available|offered|employed|integrated|provided|practi[cs]ed|used) (?:\w+ )?"
         r"(?:in|by|across) (?:[\w-]+ ){0,3}?(?:hospitals|clinics|countries|organi[sz]ations|"
         r"health (?:systems|services))\b|\bon staff\b|\bon the staff\b", 2),
        # who may practise: "it's legal for Physical Therapists to practice dry needling", licences, exams
        (r"\b(?:il)?legal(?:ly)?\b|\blicen[cs]ed?\b|\blicensure\b|\bboard exams?\b", 2),
        (r"\b(?:able|allowed|permitted|qualified|certified|trained) to practi[cs]e\b", 2),
        # how practitioners are trained ("chiropractors have been taught how to assess nerve function")
        (r"\b(?:trained|taught|educated) (?:to|in|how|at|for|by)\b|"
         r"\bduring (?:their|his|her) (?:training|education|studies)\b|"
         r"\byears of (?:training|study|school|schooling|education)\b", 3),
        (r"\bfda\b|(?<!auto )(?<!-)\bregulat(?:ed|ion|ions|ory|ors?)\b|\binsurance\b|\breimburs\w*", 2),
        (r"\bcosts?\b", 2),
        # no cure exists: the course of a condition, not a treatment's effect ("There is no cure for CKD",
        # "While subjective tinnitus cannot be cured")
        (r"\b(?:there is|there['’]s|has|have) no (?:known )?cure\b|\b(?:cannot|can['’]t|can not) be cured\b|"
         r"\bincurable\b", 3),
        # a share of people ("Approximately 1 in 10 people have ... carpal tunnel syndrome")
        (r"\b\d+ in (?:\d+|ten|a hundred|a thousand) "
         r"(?:people|adults|children|women|men|patients|persons|of)\b", 3),
        # value for money, not a benefit ("Pressure wristbands may be more cost effective")
        (r"\bcost[- ]effective\w*|\b(?:in)?expensive\b|\baffordable\b", 3),
        # the course of a symptom ("Soreness ... peaks at 24-48 h, and abates within 5-7 days")
        (r"\b(?:peaks?|abates?|subsides?|resolves?|resolution)\b", 2),
        (r"\brelapses?\b|\brate of improvement\b", 2),
        (r"\bapproved\b|\bscope of practice\b|\bguidelines?\b|\brecommendations?\b", 3),
        (r"\bmore disability than\b", 2),
        # a comparison is checkable, whatever it compares ("Many arthritic women move more freely in water
        # than anywhere else"): the weakest cue, so any other kind named outweighs it
        (r"\b(?:more|less|better|worse|faster|earlier|easier|greater|fewer)\b[^.;]{0,40}"
         r"(?<!rather )\bthan\b", 1),
        # what a guideline or its body recommends ("NICE recommends ...", "draft guidance"); the writer's own
        # advice ("After your treatment, I always recommend heat") is no guideline
        # advice ("After your treatment, I always recommend heat") nor a clinician's plan ("the treatments
        # recommended by your provider") is no guideline
        (r"(?<!\bi )(?<!\bwe )(?<!always )(?<!would )(?<!usually )\brecommend(?:s|ed|ing)?\b(?! by your\b)|"
         r"\bguidance\b", 3),
        # what a treatment spares the patient, not a benefit or a harm ("Requires no medication", "No
        # downtime", "may need many weeks of recovery", "require you to stay off your feet")
        (r"\bdowntime\b|\brequires? no\b|\bno \w+ (?:is )?(?:required|needed|necessary)\b|"
         r"\b(?:days|weeks|months) of (?:recovery|rest)\b|\bstay off (?:your|their) feet\b|"
         r"\bcontinue with (?:your|their) (?:day|daily|normal|usual)\b", 2),
        # a condition's burden ("the pain may be debilitating")
        (r"\bdebilitat\w*|\bdisabling\b", 2),
        # how most cases go ("a full recovery is the most likely outcome", "most cases improve without
        # surgery")
        (r"\bfull recovery\b|\brecover(?:s|ed)? fully\b|\b(?:most|many) (?:people|patients|cases|episodes) "
         r"(?:will )?(?:recover|improve|get better|resolve|heal)\b|"
         # ("Most tennis elbows heal with the right therapy")
         r"\b(?:most|many) (?:[\w-]+ )?[\w-]+s (?:will )?(?:heal|resolve|recover|get better) (?:on their own|"
         r"with|within|without)\b", 2),
        # how many people a condition affects ("affects about two million people a year"); not the people a
        # treatment reaches ("despite the millions of people treated each year")
        # (the number before "million" need not be read: the cue starts at the word)
        (r"\b(?:million|billion|thousand|millions of|thousands of) "
         r"(?:people|adults|americans|patients|individuals|cases|women|men|children)\b"
         r"(?! (?:are |were )?(?:treated|receiv|given|us))", 3),
        # what a condition does to everyday life ("can make everyday tasks challenging")
        (r"\bmakes? (?:\w+ ){0,2}?(?:tasks|activities|life|living|work|chores) (?:more )?(?:difficult|"
         r"challenging|hard|painful|impossible)\b", 2),
        # what a condition's symptoms are ("Symptoms include pain in the outer part of the elbow")
        (r"\bsymptoms? (?:may |can |often |usually )?(?:include|are)\b", 2),
        # how a condition goes and what it costs the health system ("these symptoms persist for years and
        # lead to frequent health care use")
        (r"\bpersist\w* for (?:\w+ )?(?:days|weeks|months|years)\b|\blifelong\b", 2),
        (r"\bhealth ?care (?:use|utili[sz]ation|costs?|visits?)\b", 2),
        # what a symptom signals ("it may be a sign that the tendon has been damaged")
        (r"\b(?:a|the) (?:sign|warning sign|indicat\w*) (?:that|of)\b", 3),
        # how widely a treatment is used ("an increasingly popular treatment method for people with pain")
        (r"\bpopular(?:ity)?\b(?! (?:belief|opinion|myth|notion|wisdom))|"
         r"\b(?:widely|commonly|frequently) used\b", 3),
        # how common a condition is ("Osteoarthritis is a common condition with associated pain")
        (r"\b(?:a|an) (?:very |fairly |relatively )?(?:common|uncommon|rare) (?:condition|disease|disorder|"
         r"problem|complaint|illness|syndrome|form)\b", 3),
        # a burden compared with all others ("causes more disability than any other disease")
        (r"\bthan any other\b", 2),
        # who may do what, and their training ("A licensed acupuncturist has spent 3,000 hours ...")
        (r"\b(?:licen[sc]ed|certified|accredited|registered|regulated|regulatory)\b", 2),
        # (hours spent training, not "resolve within 24 to 48 hours")
        (r"\bspent (?:over |more than |about )?\d[\d,]* hours\b|"
         r"\b\d[\d,]* hours of (?:training|study|education)\b", 1),
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
    "stretch|acupunct|taping|injection|medication|intervention|manipulation|pain-?killer|analgesic|drug|"
    "\\w+therap|"
    # professions and sessions name a treatment too ("The benefits of physiotherapy", "within 6-8 sessions")
    "physio|chiropract|osteopath|acupress|cupping|adjustment|session|splint|brace|orthotic|insole|"
    # drugs by their class or their family's ending ("Ibuprofen taken in the first 48 hours may slow down
    # healing", "NSAIDs can irritate the stomach", "Opioids carry a risk of dependence")
    "\\w+profen|nsaid|aspirin|paracetamol|acetaminophen|opioid|\\w*steroid|cortisone|painkiller|pills?\\b|"
    "tablets?\\b|supplement|herbal|remed"
)
# More treatments by their form, read only for the agent of a cause in claim_kind (the drafting stages keep
# _INTERVENTION_WORDS): medicines named by their international nonproprietary name's stem ("-statin",
# "-prazole", "-mab", "-cillin" ...), drug classes named "anti-..." as nouns ("antihistamines", "antacids"),
# vaccines, surgery and hormone therapy. A harm these cause is a safety claim, not a condition's cause ("HRT
# is linked to blood clots").
_TREATMENT_FORMS = re.compile(
    r"\bstatins?\b|\b\w{3,}(?:statins?|prazoles?|sartans?|prils?|olols?|mabs?|cillins?|mycins?|cyclines?|floxacins?|"
    r"triptans?|azepams?|zolams?|dipines?|gliptins?|gliflozins?|xabans?|tidines?|setrons?|lukasts?|"
    r"tinibs?)\b|"
    r"\b(?:antihistamines?|antibiotics?|antidepressants?|antacids?|anticoagulants?|antivirals?|"
    r"antipsychotics?|anticonvulsants?|antihypertensives?|vaccin\w*|immuni[sz]ations?|surger(?:y|ies)|"
    r"surgical|operations?|medicines?|contraceptives?|hormone (?:replacement )?therap\w*|hrt)\b"
)
_TITLE_STOPWORDS = frozenset(
    {
        "a", "an", "and", "the", "of", "for", "to", "in", "on", "or", "is", "are", "what", "why", "how",
        "does", "do", "your", "you", "with", "vs", "versus", "at", "by", "from", "about", "helps", "help",
        "doesn't", "not", "pain", "physio", "therapy", "physical", "guide",
        # a title's condition and body words name no intervention ("Low Back Pain", "Posture Correction")
        "low", "lower", "back", "neck", "knee", "shoulder", "hip", "spine", "spinal", "chronic", "acute",
        "relief", "science", "impacts", "hidden", "cause", "causes", "things", "know", "health", "purposes",
        # ("Tennis Elbow: Causes, Symptoms and Treatment" names a condition; its "treatment" names none)
        "treatment",
        "evidence-based", "treatments", "actually", "work", "alignment", "posture", "overview", "that",
        # more body parts ("Shockwave Therapy for Heel Spurs & Plantar Fasciitis": "heel" names no treatment)
        "heel", "heels", "foot", "feet", "ankle", "wrist", "elbow", "hand", "arm", "leg", "legs", "jaw",
        "head",
    }
)  # fmt: skip

# Sentences that are not claims whatever words they use.
_IMPERATIVE_START = re.compile(
    r"^(?:discuss|speak|ask|call|contact|book|try|keep|see|stop|place|roll|use|never|don['’]t|do not|avoid|"
    r"make|take|let|consult|click|read|learn|find out|schedule|visit|apply|put|remember|check|follow|join|"
    r"subscribe|share|start|sign up|download|talk|get in touch|"
    # instructions of patient pages ("Begin with shorter sessions …", "Drink water before and after pool
    # sessions.", "Work with instructors on proper form.", "…, focus on exercises that …"); no verb of effect,
    # which starts a benefit list's items ("Reduce pain")
    r"begin|focus|seek|drink|eat|wear|rest|ensure|consider|choose|stay|practi[cs]e|perform|sit|stand|lift|"
    r"bend|breathe|moisturi[sz]e|feel free|work with|do not|be sure|go|"
    # a verb of perception with a question word after it is an instruction ("Feel what good posture feels
    # like …"), not a benefit item ("Feel less pain")
    r"(?:feel|notice|imagine|picture|see) (?:what|how|the difference))\b",
    re.IGNORECASE,
)
# An instruction after a fronted condition or purpose ("If you …, book …"; "To address back pain while working
# with a physiotherapist, focus on exercises …"; "When …, avoid …").
_CONDITIONAL_IMPERATIVE = re.compile(
    r"^(?:if|when|whenever|before|after|while|once|to|for best results)\b[^.]*?,\s*(?:"
    + _IMPERATIVE_START.pattern[4:],
    re.IGNORECASE,
)
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
    r"contrary to popular belief|in short|in summary|importantly|indeed|of course|"
    # a reassurance before the claim ("Don't worry, it's part of the process …")
    r"(?:don['’]t|do not) worry|rest assured|not to worry|don['’]t be alarmed),\s*",
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
    rf"^It (?:(?:also|often|even|really|usually|only|still) )?(?:{_SUBJECT_VERBS}|(?:{_EFFECT_VERBS})s?"
    # any verb in the third person: "It provides …", "It uses …" say the same of their subject
    r"|[a-z]{2,}(?<![su])s)\b"
)


# --- the stages ---------------------------------------------------------------------------------------------


_BLANKED_ESCAPE = re.compile(r"(?<=\w) (?=['’](?:t|s|re|ve|ll|d|m)\b)")
_INLINE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def _plain(text: str) -> str:
    """Inline Markdown as plain text (escapes, emphasis, links), white space collapsed."""
    # Each substitution runs only when the characters it needs are present (the same result, sooner): a
    # sentence, its clauses and its claim text are made plain many times over.
    if "'" in text or "’" in text:
        text = _BLANKED_ESCAPE.sub("", text)  # "don\\'t", its escape blanked
    if "](" in text:
        text = _INLINE_LINK.sub(r"\1", text)
    if "\\" in text:
        text = _ESCAPED.sub(r"\1", text)
    if "*" in text or "_" in text or "`" in text:
        text = _EMPHASIS.sub(r"\2", text)
    return _SPACES.sub(" ", text).strip()


_START_CHARS = 12  # the bench article: fewest searches and start checks together (tried 6, 8, 10, 12, 16)


def _literal_starts(pattern: str) -> tuple[str, ...]:
    """Strings one of which every match of ``pattern`` holds, or ``()`` when none can be read off the pattern:
    a cue whose strings are all absent from a text cannot match there, so it is not searched (the scores stay
    the same; most cues are absent from most clauses). They are the strings a match begins with (after its
    zero-width assertions) where those can be read; else, branch by branch, those of the first part of the
    branch that can be read (``\\d+ out of``: `` out of``), which every match of the branch holds too."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    def starts(items: Any) -> tuple[set[str], bool]:
        found, complete = {""}, True
        for op, av in items:
            if op in (c.AT, c.ASSERT_NOT, c.ASSERT):
                continue  # zero-width: the match's text begins after it
            if op is c.LITERAL:
                found = {f + chr(av) for f in found}
            elif op is c.IN and all(o is c.LITERAL for o, _ in av):
                found = {f + chr(a) for f in found for _, a in av}
            elif op is c.BRANCH or (op is c.SUBPATTERN and not av[1] and not av[2]):  # no inline flags
                branches = [av[3]] if op is c.SUBPATTERN else av[1]
                parts = [starts(branch) for branch in branches]
                found = {f + p for f in found for part, _ in parts for p in part}
                if not all(done for _, done in parts):
                    return found, False
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[:2] == (0, 1):
                # an optional part ("(?:un)?comfortable", "receptors?"): with it or without it
                part, done = starts(av[2])
                if not done:
                    return found, False
                found = {f + p for f in found for p in (*part, "")}
            else:
                return found, False
            if len(found) > 64:
                return found, False
        return found, complete

    def held(items: list[Any]) -> set[str] | None:
        while items and items[0][0] in (c.AT, c.ASSERT_NOT, c.ASSERT):
            items = items[1:]  # zero-width ("\\b" before every branch is taken out of them by the parser)
        if len(items) == 1 and items[0][0] is c.BRANCH:
            union: set[str] = set()
            for branch in items[0][1][1]:
                part = held(list(branch))
                if part is None:
                    return None
                union |= part
            return union
        for first in range(len(items)):  # a tail of the sequence: its match lies inside the whole match
            found, _ = starts(items[first:])
            if "" not in found and min(map(len, found)) >= 2:
                return found
        return None

    parsed = _parser.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return ()
    found = held(list(parsed))
    # cut to their first characters: optional parts multiply the starts (hundreds for one cue), and a start's
    # first dozen characters say nearly as well whether it is there
    return () if not found else tuple(sorted({start[:_START_CHARS] for start in found}))


_COMPILED_CUES = {
    kind: tuple((re.compile(pattern), weight, _literal_starts(pattern)) for pattern, weight in cues)
    for kind, cues in KIND_CUES.items()
}
_BODY_PROCESS_RE = re.compile(_BODY_PROCESS)
_COMPILED_WORSENING = tuple((re.compile(pattern), weight) for pattern, weight in _WORSENING_CUES)
_COMPILED_PROTECTIVE = tuple((re.compile(pattern), weight) for pattern, weight in _PROTECTIVE_CUES)
_INTERVENTION = re.compile(rf"\b(?:{_INTERVENTION_WORDS})")
# A verb of effect in any form ("reduces", "lowered", "prevents"): with an intervention named, a claim about
# its effect on whatever follows ("ginger reduces nausea"), which the efficacy cues' objects cannot foresee.
_ANY_EFFECT = re.compile(
    r"\b(?:reduc|lower|improv|reliev|eas|boost|increas|decreas|prevent|speed|shorten|treat)(?:es|s|ed)\b"
    # the base form after a modal or "help" ("can significantly reduce spinal pressure"): "lower" alone
    # would also be the "lower" of "lower back"
    r"|\b(?:can|may|might|will|could|helps?(?: to)?)\b (?:\w+ )?(?:reduce|lower|improve|relieve|ease|boost|"
    r"increase|decrease|prevent|speed|shorten|treat)\b"
)


def _effect_of_intervention(text: str, topic: Sequence[str]) -> bool:
    return bool(_ANY_EFFECT.search(text.lower())) and _names_intervention(text, topic)


def _scores(text: str) -> dict[str, int]:
    return dict(_cached_scores(text.lower()))


# Which cues a text can match, found without a loop over every cue: each cue's literal starts
# (_literal_starts) are indexed by their first three characters; the three-character runs present in a text
# pick the starts to look for, and only the cues with a start present (and the few with none to read off) are
# searched. The same scores as searching every cue (tests/test_drafting_kinds.py checks it); with ~220 cues a
# loop over all of them was a large part of drafting a long article.
_CUE_TABLE = tuple(
    (kind, pattern, weight) for kind, cues in _COMPILED_CUES.items() for pattern, weight, _ in cues
)
_CUE_STARTS = tuple(starts for cues in _COMPILED_CUES.values() for _, _, starts in cues)
_CUES_WITHOUT_STARTS = frozenset(i for i, starts in enumerate(_CUE_STARTS) if not starts)
_CUES_BY_START: dict[str, tuple[int, ...]] = {}
for _i, _starts in enumerate(_CUE_STARTS):
    for _start in _starts:
        _CUES_BY_START[_start] = (*_CUES_BY_START.get(_start, ()), _i)
if any(len(_start) < 2 for _start in _CUES_BY_START):  # pragma: no cover - guards the index's assumption
    raise AssertionError("a cue's literal start is shorter than two characters")
# starts of two characters are looked for one by one; longer ones by their first three characters
_SHORT_STARTS = tuple(_start for _start in _CUES_BY_START if len(_start) == 2)
_STARTS_BY_TRIPLE: dict[str, tuple[str, ...]] = {}
for _start in _CUES_BY_START:
    if len(_start) > 2:
        _STARTS_BY_TRIPLE[_start[:3]] = (*_STARTS_BY_TRIPLE.get(_start[:3], ()), _start)
_START_TRIPLES = frozenset(_STARTS_BY_TRIPLE)
_CAUSAL_INDICES = tuple(i for i, (kind, _, _) in enumerate(_CUE_TABLE) if kind == "etiology")


# (small: a text is asked for by the scores and the causal-agent search one right after the other)
@functools.lru_cache(maxsize=256)
def _candidate_cues(lowered: str) -> frozenset[int]:
    found = set(_CUES_WITHOUT_STARTS)
    for start in _SHORT_STARTS:
        if start in lowered:
            found.update(_CUES_BY_START[start])
    # the text's three-character runs made by C-level iterators (a slice per position was a Python loop)
    present = _START_TRIPLES.intersection(map("".join, zip(lowered, lowered[1:], lowered[2:], strict=False)))
    for triple in present:
        for start in _STARTS_BY_TRIPLE[triple]:
            if len(start) == 3 or start in lowered:
                found.update(_CUES_BY_START[start])
    return frozenset(found)


@functools.lru_cache(maxsize=8192)
def _cached_scores(lowered: str) -> tuple[tuple[str, int], ...]:
    # the same clause is scored for check-worthiness, kind and description: read it once
    totals = dict.fromkeys(_COMPILED_CUES, 0)
    for index in _candidate_cues(lowered):
        kind, pattern, weight = _CUE_TABLE[index]
        if pattern.search(lowered):
            totals[kind] += weight
    return tuple(totals.items())


@functools.lru_cache(maxsize=8192)
def _worsening_score(lowered: str) -> int:
    return sum(weight for pattern, weight in _COMPILED_WORSENING if pattern.search(lowered))


@functools.lru_cache(maxsize=8192)
def _protective_score(lowered: str) -> int:
    return sum(weight for pattern, weight in _COMPILED_PROTECTIVE if pattern.search(lowered))


@functools.lru_cache(maxsize=8192)
def _agent_end(lowered: str) -> int | None:
    """Where the first causal cue begins (its agent is named before it), or None when there is none or it is
    passive: a passive cause names its agent after it ("The biochemical changes caused by inserting a
    needle")."""
    first: re.Match[str] | None = None
    candidates = _candidate_cues(lowered)  # the same literal pre-check as the scores
    for index in _CAUSAL_INDICES:
        if index not in candidates:
            continue
        m = _CUE_TABLE[index][1].search(lowered)
        if m and (first is None or m.start() < first.start()):
            first = m
    if first is None or first.group().endswith(" by") or lowered[first.end() :].startswith(" by"):
        return None
    return first.start()


# The natural course of a condition ("Most episodes of acute low back pain get better within six weeks",
# "After 6 weeks the rate of improvement in low back pain is slower"): with no treatment named, an improvement
# over time is prognosis (``other``), not a benefit of anything.
_TIME_COURSE = re.compile(
    # ("pain that lasts for a couple of months" is how long the pain lasts, not how it goes: no "for")
    r"\b(?:within|after|over|by) (?:the first |the next |about |around |up to )?(?:\d+|a few|a couple of|"
    r"several|one|two|three|four|six|twelve)(?:[-–]\d+)? (?:days?|weeks?|months?|years?)\b|"
    r"\bon (?:its|their) own\b|\bspontaneous\w*|\bnatural (?:course|history)\b|\bresolv\w*|"
    # (a recurrence prevented is a benefit: "Arch supports can help prevent recurrence of plantar fasciitis")
    r"(?<!prevent )(?<!prevents )(?<!preventing )(?<!reduce )(?<!reduces )(?<!reducing )\brecur\w*"
)


def _names_intervention(text: str, topic: Sequence[str] = ()) -> bool:
    lowered = text.lower()
    if _INTERVENTION.search(lowered):
        return True
    # The title's words name a treatment only when the title names one ("Trigger Point Dry Needling": then
    # "trigger point" alone is the treatment too); a title that names only a condition ("Rotator Cuff
    # Tendinopathy") or a topic ("What Are the Causes of Fibromyalgia?") names none.
    # Only the treatment's own name counts: the title's words up to its last treatment word ("How Can Sports
    # Massage Aid Muscle Recovery" names "sports massage"; "muscle" and "recovery" are what it acts on).
    named = [i for i, word in enumerate(topic) if _INTERVENTION.search(word)]
    if not named:
        return False
    return any(
        re.search(rf"\b{re.escape(word)}\b", lowered)
        for word in topic[: named[-1] + 1]
        if not _CONDITION_WORD.search(word)
    )


# Ties go to the kind an editor must check most carefully: harms first, then benefits.
_KIND_PRIORITY = ("safety", "efficacy", "mechanism", "etiology", "experience", "other")


# "A 2022 study in The Journal of Orthopaedic and Sports Physical Therapy found …": a named source's words say
# nothing about the claim's kind.
_NAMED_SOURCE = re.compile(
    r"\b(study|review|trial|paper|article|survey|analysis|report)\s+(?:published\s+)?(?:in|from|by)\s+"
    r"(?:the\s+)?[A-Z][\w&’'-]*(?:\s+(?:[A-Z][\w&’'-]*|and|of|for|in|&))*"
)


# a restrictive relative pronoun (and up to two auxiliaries) right before a causal cue: the cue describes a
# noun ("the exact spot that is causing you pain"). Not "that" before a subject ("studies show that poor
# posture causes …"), nor ", which …", a clause of its own.
_RELATIVE_CAUSE = re.compile(
    r"(?<![,;])\s+that\s+(?:(?:is|are|was|were|can|may|might|could|will|often|also|be|been|usually)\s+){0,2}"
    r"(?P<verb>(?:caus|lead|result|trigger|contribut|provok)\w*)"
)


# one treatment put above or below another, or level with it
_TREATMENT_COMPARED = re.compile(
    r"\b(?:is|are|was|were|be|proved|seems?) (?:\w+ )?(?:better|superior|inferior|worse|no better|"
    r"as good|as effective|comparable|similar|equivalent|non-inferior) (?:than|to|as|with)\b"
)


# a sentence whose subject is a name in initials ("CKD", "IBS") that causes a symptom; claim_kind makes sure
# the initials name no treatment ("HRT may cause nausea" is a harm)
_INITIALS_CAUSE_SYMPTOM = re.compile(
    r"^([A-Z]{2,5})s?\b(?i: (?:\w+ )?(?:causes?|produces?|leads? to|results? in)\b "
    rf"(?:[\w-]+ ){{0,2}}?(?:{_SYMPTOMS})\b)"
)


def claim_kind(text: str, topic: Sequence[str] = ()) -> str:
    """The claim kind (``efficacy``, ``mechanism``, ``safety``, ``etiology``, ``experience`` or ``other``)
    whose cues in :data:`KIND_CUES` score highest. Causal cues count as ``etiology`` only when the sentence
    names no intervention; a treatment that "can cause" something, with no other cue, is a ``safety`` claim
    (a harm of the treatment)."""
    return _claim_kind(text, tuple(topic))


# (drafting asks for the kind of the same text more than once: a piece, its clause, its sentence)
@functools.lru_cache(maxsize=4096)
def _claim_kind(text: str, topic: tuple[str, ...]) -> str:
    text = _NAMED_SOURCE.sub(r"\1", text)
    scores = _scores(text)
    named = ("safety", "efficacy", "mechanism", "experience")
    # The agent of a cause, a raised risk or a worsening is named before it: a treatment named after it is
    # what it is associated with or what is risked ("DOMS is frequently associated with ballistic stretching",
    # "... were associated with increased risk of rotator cuff tendinopathy"), not who acts.
    lowered = text.lower()
    cut = _agent_end(lowered)
    agent = text if cut is None else text[:cut]
    if _names_intervention(agent, topic) or _TREATMENT_FORMS.search(agent.lower()):
        protective = _protective_score(lowered)
        if scores["etiology"] > protective and not any(scores[k] for k in named):
            # What a treatment "can cause", with no benefit or mechanism named, is a harm ("immersion in
            # cold water can cause cardiac arrhythmia"): a safety claim, read first.
            scores["safety"] = scores["etiology"] - protective
            scores["efficacy"] += protective
        else:
            # a treatment that raises a risk or worsens a symptom: a harm, whatever else the sentence says;
            # one that lowers a risk, a benefit
            scores["safety"] += _worsening_score(lowered)
            scores["efficacy"] += protective
        scores["etiology"] = 0
        if not any(scores[k] for k in named) and _effect_of_intervention(text, topic):
            # the weakest cue, and only when nothing else is named: any mechanism, harm or sensation named
            # outweighs it ("Massage therapy improves circulation" is how massage works)
            scores["efficacy"] = 1
        if not any(scores[k] for k in named) and _TREATMENT_COMPARED.search(lowered):
            # a treatment compared with another, with no harm or mechanism named ("A combination of
            # pharmacotherapy and behavioural support is better than brief advice"): a claim of its effect,
            # which outweighs the bare comparison of KIND_CUES["other"]
            scores["efficacy"] = 2
    elif (
        cut is not None
        and any(scores[k] for k in named)
        and any(m.start("verb") == cut for m in _RELATIVE_CAUSE.finditer(lowered))
    ):
        # the cause sits in a relative clause that names what the main verb acts on ("we are able to
        # stimulate the exact spot that is causing you pain"): the main predicate decides, not the cause
        scores["etiology"] = 0
    elif scores["etiology"] and _BODY_PROCESS_RE.search(lowered) and not _NAMED_OUTCOME.search(lowered):
        # a cause whose end is a change in the body and no symptom or condition ("Peppermint may cause the
        # muscles that ... to relax"): how something acts, an intermediate effect
        scores["etiology"] = 0
    elif scores["etiology"] and scores["etiology"] >= scores["efficacy"]:
        # A causal sentence that names no treatment ("tight muscles can limit your range of motion") is about
        # a condition's causes: not a benefit of the treatment, nor how the treatment works. A weak causal
        # word in a stronger statement of benefit ("beneficial effect on other symptoms associated with a
        # number of conditions") does not make it one.
        scores["efficacy"] = scores["mechanism"] = 0
    elif scores["efficacy"] and _TIME_COURSE.search(text.lower()):
        scores["other"] += scores["efficacy"] + 1  # a condition's course over time, no treatment named
    own = _INITIALS_CAUSE_SYMPTOM.match(text)
    if own and not (
        _names_intervention(own.group(1), topic) or _TREATMENT_FORMS.search(own.group(1).lower())
    ):
        # a condition named by its initials causing its own symptoms ("CKD may cause nausea"), as the
        # condition's-own-symptoms cue of KIND_CUES["other"] reads a condition named in words
        scores["other"] += 5
    best = max(_KIND_PRIORITY, key=lambda kind: (scores[kind], -_KIND_PRIORITY.index(kind)))
    return best if scores[best] > 0 else "other"  # "other" also when only its own cues score


@functools.lru_cache(maxsize=4096)
def _excluded(text: str) -> bool:
    plain = _plain(text)
    # (the verb after an opener: "However, call us today" is an instruction; "Don't worry, it's part of
    # the process" is not)
    body = _DISCOURSE_OPENERS.sub("", plain)
    return bool(
        plain.endswith("?")
        or _IMPERATIVE_START.match(body)
        or _CONDITIONAL_IMPERATIVE.match(body)
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
    return (
        any(_scores(plain).values())
        or _effect_of_intervention(plain, topic)
        or bool(_RECOVERY.search(plain))
        or _uncued_claim(plain)
    )


# What recovery from a treatment is like ("patients can leave and return to their daily activities without
# the need for any downtime"; "You can expect to return to your daily activities immediately following
# treatment"): a checkable promise about the treatment with no cue of KIND_CUES (its kind is then "other").
# The same for what a patient will or will not experience ("However, you should not experience any pain.").
_RECOVERY = re.compile(
    r"\b(?:downtime|recovery time|return to (?:your|their|his|her|normal|daily|usual|work)\b)"
    r"|\b(?:you|patients?|people)\s+(?:should|will|may|might|can|would)\s+(?:not\s+|never\s+)?experience\b",
    re.IGNORECASE,
)


# A claim with no cue word ("Chlorine dries skin."; "Water allows stretching that's difficult in air.";
# "Treatment facilitates these natural processes by removing barriers."): recall first, so a declarative
# sentence is a candidate when its subject names the treatment, the body, a condition or the setting of a
# treatment, and its verb says what that subject does (a present-tense verb, or a modal or negated one), not
# what it is ("is a", "involves", "uses": descriptions). Questions, instructions, headings, definitions, the
# clinic's own voice, beliefs and history are excluded before and after (is_checkworthy, _not_a_claim).
_UNCUED_SUBJECT_WORDS = (
    r"water|pools?|chlorine|buoyancy|warmth|heat|cold|ice|muscles?|joints?|bones?|skin|spine|discs?|nerves?|"
    r"blood|body|brain|heart|tissues?|fascia|tendons?|ligaments?|pain|injur(?:y|ies)|conditions?|symptoms?|"
    r"exercises?|treatments?|therap(?:y|ies)|sessions?|needles?|needling|acupuncture|massage|cupping|"
    r"stretching|swimming|walking|movement|posture|inflammation|qi"
)
_UNCUED_CLAIM = re.compile(
    # (a pronoun only as the whole subject: "This provides even more joint protection …")
    # (a named place after the subject's noun: "… treatment at LaSara Medical Group does not require …")
    rf"^(?:(?:[\w’'-]+\s+){{0,5}}?(?:{_UNCUED_SUBJECT_WORDS})"
    r"(?:\s+(?:at|in|of|from)\s+(?:(?-i:[A-Z])[\w’'-]*\s+){0,3}?(?-i:[A-Z])[\w’'-]*)?|it|this)\s+"
    r"(?:(?:often|usually|also|even|still|generally|typically|then|only)\s+)?"
    r"(?:(?:can|may|might|will|could|does not|doesn['’]t|do not|don['’]t|cannot|can['’]t|won['’]t)\s+"
    # (a passive of a lexical verb too: "Most cases of back pain can be managed by …")
    r"(?:not\s+)?(?:be\s+[a-z]{3,}ed|(?!be\b)[a-z]{3,})|(?P<verb>[a-z]{3,}(?<![su]s)s|[a-z]+(?:ss|sh|ch|x)es))\b",
    re.IGNORECASE,
)
# an instruction that begins with a verb of perception ("Feel what good posture feels like …")
_UNCUED_IMPERATIVE = re.compile(
    r"(?:feel|imagine|notice|think|enjoy|note|picture|watch|look|listen|breathe|relax|expect|allow|let)\b"
    # what the reader does, as a gerund subject ("Getting in and out of pools requires attention."): advice
    r"|(?:getting|going|coming|finding|choosing|keeping|making|taking|having|learning|knowing|remembering)\b",
    re.IGNORECASE,
)
_DESCRIPTION_VERBS = frozenset(
    {
        "involves", "uses", "consists", "refers", "means", "includes", "contains", "comes", "takes", "lasts",
        "describes", "stands", "looks", "sounds", "seems", "appears", "needs", "depends", "varies", "begins",
        "starts", "happens", "occurs", "was", "has", "does", "goes", "gets", "focuses", "targets",
        # what something spans ("Group exercise classes in pools range from gentle to vigorous")
        "ranges", "range", "spans", "differs", "differ",
    }
)  # fmt: skip


def _uncued_claim(plain: str) -> bool:
    if not plain.endswith((".", "!")) or len(plain.split()) < 3 or len(plain.split()) > 40:
        return False
    body = _DISCOURSE_OPENERS.sub("", plain)
    body = re.sub(r"^(?:in|on|at|during|after|with)\s+[\w’'-]+(?:\s+[\w’'-]+)?\s*,\s*", "", body, flags=re.I)
    match = _UNCUED_CLAIM.match(body)
    if match is None or _UNCUED_IMPERATIVE.match(body):
        return False
    verb = match.group("verb")
    if verb and verb.lower() in _DESCRIPTION_VERBS:
        return False
    last = match.group().split()[-1].lower()
    if not verb and (last + "s" in _DESCRIPTION_VERBS or last in ("begin", "start", "include", "last")):
        return False  # "Your treatment will begin with a detailed assessment": what a visit consists of
    subject = body[: match.start("verb")] if verb else body[: match.end()]
    # the clinic's own voice or the reader's own treatment ("Your treatment will …") describes a service
    return not re.search(rf"\b(?:{_OWN_VOICE})\b", subject, re.IGNORECASE)


# The clinic's or the reader's own voice, as a subject: what they do describes a service, it claims nothing.
_OWN_VOICE = "we|our|i|my|you|your"


_LEFT_COMMAS = re.compile(r"(?:\s*,)+\s*(?=[.!?;:]|$)")
_EMPTY_BRACKETS = re.compile(r"\(\s*[;,\s]*\)|\[\s*\]")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?])")


def _clean(text: str, cuts: Sequence[tuple[int, int]] = ()) -> str:
    """Claim text from sentence text: citation markers (``cuts``, offsets into ``text``) and discourse openers
    dropped, Markdown undone."""
    if cuts:
        for start, end in sorted(cuts, reverse=True):
            before, marker, after = text[:start], text[start:end], text[end:]
            if before.endswith("(") and after.startswith(")"):  # a whole "(Gattie et al., 2017)"
                before, after = before[:-1], after[1:]
            if marker.endswith(")") and marker[:1].isalpha():
                # A narrative citation is the sentence's subject: keep "Nakamura and Ferris", drop "(2019)".
                # (Not a linked number such as "[[3]](#ref3)", which ends with ")" too and is all marker.)
                text = before + marker[: marker.rindex("(")].rstrip() + after
            else:
                text = before.rstrip() + after
        text = re.sub(r"\(\s*[;,\s]*\)", "", text)  # what is left of "(A, 2016; B 2018)"
    if "," in text:  # (each substitution only where it can apply: the same text, sooner)
        text = _LEFT_COMMAS.sub("", text)  # what is left of "[7],[8]"
    if "(" in text or "[" in text:
        text = _EMPTY_BRACKETS.sub("", text)
    text = _plain(text)
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
    text = _DISCOURSE_OPENERS.sub("", text)
    text = text[:1].upper() + text[1:]
    text = text.rstrip(" ,;:")
    # (a quotation closed after its full stop ends the sentence: "… their symptoms.'")
    return text if text.endswith((".", "!", "?")) or _CLOSED_QUOTE.search(text) else text + "."


_CLOSED_QUOTE = re.compile(r"[.!?]['\"’”]$")


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
    return tuple(
        w
        for w in re.findall(r"[a-z][a-z'-]+", title)
        if w not in _TITLE_STOPWORDS and len(w) > 2 and not _CONDITION_WORD.fullmatch(w)
    )


# A title's condition words ("fasciitis", "arthrosis", "fibromyalgia") name no intervention: they are the
# article's topic, not a treatment (read by _topic_words and _names_intervention).
_CONDITION_WORD = re.compile(r"\w+(?:itis|osis|algia|pathy)|spurs?|plantar")


# --- atomic pieces: clauses and conjuncts, each a span of the sentence -----------------------------------
# Drafting works on a *mask* of the sentence: the same length as its text, with citation markers, Markdown
# emphasis and escapes, HTML tags and kramdown attribute lists blanked out, so that every split point found in
# the mask is an offset into the article's own words and every quote is a verbatim slice of them.

# Only prose holds claims (the article reader may also give table cells, captions, footnotes, definitions).
_PROSE_KINDS = PROSE_KINDS
_BLANKS = re.compile(
    r"\{:[^}\n]*\}"  # kramdown attribute list "{: .notice--info}"
    r"|<[^>\n]+>"  # an HTML tag
    r"|\(#[^)\s]*\)"  # the in-page target of a citation link, "[[1]](#ref1)", its marker already blank
    r"|\[ +\]"  # the brackets left around a blanked marker "[[1]]"
    r"|\*\*|__|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])"  # emphasis
    r"|\\(?=[\\`*_{}\[\]()#+\-.!'\"])"  # a Markdown escape
    r"|^\s*>\s?"  # a quote line's marker
    # bare citation numbers run into the words after a full stop, where a page's superscripts were flattened
    # ("… to worsen.3 However, …", "… of acidity.2,16,18 It might …", "… directly.2."): no words of a claim
    r"|(?<=[a-z)%][.!?])\d{1,3}(?:[,–-]\d{1,3})*(?=\s+[A-Z\"“‘']|\s*$)"
)
# A full stop, citation markers (blanked), a capital: two sentences a reader did not part ("… lower
# extremities.[[1]](#a)[[2]](#b) With an estimated prevalence …"; bare numbers, also blanked: "… the
# world.3 However")
_FULL_STOP = r"(?<=[a-z0-9)%][.!?])\s{2,}(?=[A-Z])"
_FULL_STOP_BREAK = re.compile(_FULL_STOP)
# Where one claim of a sentence ends and the next begins: "…, but …", "…; …", "…, which aid in …", "…,
# leading to …", "…, after which …", "…, and a 2017 study … suggested …".
_CLAUSE_BREAK = re.compile(
    r";\s+"
    rf"|{_FULL_STOP}"
    r"|,\s+(?=(?:but|whereas|yet)\s)"
    r"|(?<=\S)\s+(?=but\s+(?:did|does|do|is|are|was|were|has|have|had|may|can|not|no)\b)"
    r"|,\s+(?=and\s+(?:(?:up to|about|around|nearly|over|more than|less than|only)\s+)?\d)"
    r"|(?<=\S)\s+(?=which\s+(?:ultimately|then|in turn|also|further)\b)"
    # (not "…, which showed that …": a study and what it found are one claim)
    r"|,\s+(?=which\s+(?!is\b|are\b|was\b|were\b|means?\b|includes?\b|showed\b|found\b|suggested\b|"
    r"reported\b|demonstrated\b|concluded\b))"
    r"|,\s+(?=(?:leading to|making (?:it|them|this)|resulting in|after which|causing)\b)"
    r"|,\s+(?=and\s+(?:(?:a|an|the|another|one)\s+)?(?:\d{4}\s+)?(?:study|review|trial|evaluation|survey|analysis)\b)",
    re.IGNORECASE,
)
# A clause or phrase that only sets the scene before the claim: a concession or contrast fronted before the
# clause that asserts ("Even if the insertion might seem painful, …"; "Though most people come in for
# problems such as pain, we support …"; "Rather than focusing on treating specific diseases or conditions,
# chiropractic aims to …"). One that makes a claim of its own is cut off before (see
# :func:`_fronted_phrase_break`); what is left is not part of the claim, and no list in it is split.
_SCENE_SETTING = re.compile(
    r"^\s*(?:even if|even though|although|though|while|whereas|rather than|instead of|unlike|apart from|"
    r"aside from|besides|despite|in spite of|regardless of|based on)\b[^,;]{3,160},\s+"
    r"|^\s*there are times when\s+",
    re.IGNORECASE,
)
# (a hypothetical sets the scene whatever it names: "Even if the insertion … might seem painful, …")
# (nor does the source a claim is based on: "Based on pioneering studies by …, we know that …")
_HYPOTHETICAL = re.compile(r"\s*(?:even if|even though|there are times when|based on)\b", re.IGNORECASE)
MIN_SCENE_CLAUSE_WORDS = 3  # the clause after a scene-setting front, for the front to be one


def _scene_end(masked: str, start: int, end: int) -> int:
    """Where the claim of the clause ``masked[start:end]`` starts: after a scene-setting front with no cue
    of its own (see :data:`_SCENE_SETTING`), else at ``start``."""
    scene = _SCENE_SETTING.match(masked[start:end])
    if scene is None or len(masked[start + scene.end() : end].split()) < MIN_SCENE_CLAUSE_WORDS:
        return start
    front = masked[start : start + scene.end()]
    if not _HYPOTHETICAL.match(front) and any(_scores(_plain(front)).values()):
        return start  # "Although massage is generally safe, …": asserted, a claim, not a scene
    return start + scene.end()


# Separators of a coordination: ", ", ", and ", ", or ", " and ", " or ".
# (Each alternative starts at a fixed character or after one, so a long run of blanks is read once.)
# (a slash with spaces joins like "or": "very good for hypertension / muscle tension"; "strains/sprains"
# names one thing)
_SEPARATOR = re.compile(
    r",\s*(?:(?:and|or)\s+)?(?:also\s+)?|(?<=\S)\s+(?:and|or)\s+(?:also\s+)?|(?<=\S)\s+/\s+(?=\S)",
    re.IGNORECASE,
)
# Head words of outcomes, symptoms and conditions: a coordination whose items end in one of these names
# distinct outcomes or conditions and is split ("pain, anxiety, and depression"); one whose first item is a
# bare modifier ("neck and back pain", "acute and chronic pain") names one thing and is not.
_OUTCOME_HEAD = re.compile(
    r"(?:pains?|aches?|anxiety|depression|stress|fatigue|disability|function|mobility|spasms?|\w*tension|insomnia|"
    r"sleep|mood|relaxation|healing|headaches?|migraines?|symptoms?|injur(?:y|ies)|swelling|pressure|"
    r"circulation|flow|flexibility|strength|stiffness|inflammation|recovery|performance|posture|motion|movement|"
    r"life|diseases?|illness(?:es)?|disorders?|syndromes?|conditions?|cancers?|fibromyalgia|sciatica|"
    r"\w+itis|\w+osis|\w+algia|\w+pathy|clots?|fractures?|bleeding|bruising|infections?|soreness|obesity|"
    r"smoking|height|gain|reduction|relief|management|recurrence|medications?|ointments?|creams?|drugs?|injections?|painkillers?|analgesics?|rates?|weight|balance|energy|"
    r"confidence|fasciitis|cellulitis|tears?|sprains?|strains?|elbow|dysfunction|restrictions?|problems?|issues?|"
    r"complaints?|complications?|spurs?)",
    re.IGNORECASE,
)
# Verbs that head a coordinated predicate ("reduce pain, increase range of motion, and accelerate healing").
_PREDICATE_VERB = re.compile(
    r"(?:to\s+)?(?:"
    r"(?:alleviat|improv|reduc|reliev|restor|rebuild|increas|decreas|optimi[sz]|promot|stimulat|releas|remov|"
    r"lower|eas|speed|strengthen|prevent|chang|alter|cur|accelerat|boost|enhanc|help|assist|support|manag|"
    r"treat|lessen|allow|provid|relax)(?:e|es|ed|ing|s)?"
    r"|have|has|are|is|did|does|can|may|will|might)\b",
    re.IGNORECASE,
)
_MODAL = re.compile(r"(?:can|may|might|will|would|should|must)\b", re.IGNORECASE)
_LIST_STARTERS = re.compile(r"^(?:such as|including|like|e\.g\.|for example|especially)\b", re.IGNORECASE)
_CLAUSE_WORDS = re.compile(r"\b(?:that|which|who|because|if|when|while|although)\b", re.IGNORECASE)
_VERB_FORM = re.compile(r"\b(?:\w+ed|is|are|was|were|can|may|will|has|have|had)\b", re.IGNORECASE)
MAX_CONJUNCT_WORDS = 7
_FRONTED_PREPOSITION = re.compile(
    r"\s*(?:after|before|during|following|for|in|with|without|unlike)\s+", re.IGNORECASE
)
_FRONTED = re.compile(
    r"\s*(?:whether\b[^,;]*|(?:when|whenever|if|unless|although|though|while|because|since|once)\s+[^,;]*?"
    r"\b(?:\w+ed|is|are|was|were|has|have|had|can|may|will|does|do)\b[^,;]*),",
    re.IGNORECASE,
)
# A clause that opens with a subordinator and has its own verb before the first comma.
_SUBORDINATE = re.compile(
    r"\s*(?:when|whenever|if|unless|although|though|while|because|since|once|after|before|as)\s+[^,;]*?"
    r"\b(?:\w+ed|is|are|was|were|has|have|had|can|may|will|does|do)\b[^,;]*$",
    re.IGNORECASE,
)
# A "sentence" longer than this is a misread block (a pasted list, a run of names), not prose to split.
MAX_SPLIT_CHARS = 3000


def _mask(text: str, cuts: Sequence[tuple[int, int]] = ()) -> str:
    chars = list(text)
    for start, end in cuts:
        marker = text[start:end]
        if marker.endswith(")") and marker[:1].isalpha() and "(" in marker:
            # a narrative citation is the sentence's subject: keep "Nakamura and Ferris", blank "(2019)"
            # (not a linked number such as "[[3]](#ref3)", which is all marker)
            start += marker.rindex("(")
        elif text[start - 1 : start] == "(" and text[end : end + 1] == ")":
            start, end = start - 1, end + 1  # a whole "(Gattie et al., 2017)"
        chars[start:end] = " " * (end - start)
    masked = "".join(chars)
    masked = _BLANKS.sub(lambda m: " " * len(m.group()), masked)
    if "," in masked:
        masked = _PARENTHETICAL.sub(lambda m: " " + m.group(1) + " ", masked)
    return masked


# An adverbial set off by commas inside a clause ("… to the area which, in turn, reduces muscle tension"):
# its commas part no list items and no clauses, so they are blanked like markup (the words stay).
_PARENTHETICAL = re.compile(
    r",(\s*(?:in turn|in fact|of course|therefore|thus|as a result|in addition|for example|for instance|"
    r"in particular|over time|eventually|ultimately|in some cases|in most cases|"
    r"with or without [\w’' -]{1,40}?)\s*),",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Piece:
    """One atomic claim of a sentence: ``span`` of its own words in the sentence, and the ``prefix`` span
    (the clause's beginning: subject and verb) its rewrite carries over when the span lacks them; for a
    coordinated subject ("walking, standing, lifting or carrying have been associated with …"), the
    ``suffix`` span of the predicate they share."""

    start: int
    end: int
    prefix: tuple[int, int] | None = None
    suffix: tuple[int, int] | None = None  # the shared predicate after a coordinated subject
    clause: tuple[int, int] | None = (
        None  # the clause it belongs to (for its kind when its own words name none)
    )
    subject: tuple[int, int] | None = None  # a subject from the clause before ("…, and can be …")
    appositive: bool = False  # a fronted noun phrase that says what ``subject`` is ("<subject> is <span>")
    agree: bool = False  # one of two subjects: the shared ``suffix`` predicate's verb agrees with it


def _trim(masked: str, start: int, end: int) -> tuple[int, int]:
    """The span without blanked markup, white space and dangling punctuation at either end."""
    while start < end and (masked[start].isspace() or masked[start] in ",;:"):
        start += 1
    while end > start and (masked[end - 1].isspace() or masked[end - 1] in ",;:"):
        end -= 1
    return start, end


# A participle clause after a whole clause states a consequence, a claim of its own ("Falls in water don't
# cause injury, reducing fear and allowing more confident movement practice"; "…, speeding overall
# recovery"; "…, promoting healing"). Only participles of effect verbs: ", stretching, strengthening
# exercises" is a list.
_PARTICIPLE_STEMS = (
    "reduc|increas|improv|promot|speed|creat|allow|enabl|provid|boost|lower|eas|reliev|prevent|accelerat|"
    "restor|decreas|enhanc|giv|bring|mak|caus|lead|result"
)
_PARTICIPLE = re.compile(
    rf",\s+(?=(?:thereby\s+|thus\s+|so\s+)?(?:{_PARTICIPLE_STEMS})ing\s+\w)", re.IGNORECASE
)
_PARTICIPLE_WORD = re.compile(rf"\b(?:{_PARTICIPLE_STEMS})ing\b", re.IGNORECASE)
# A predicate joined with its own modal ("…, and can be equally effective"; "…, and therefore can take time
# to have an effect") or a trailing concession ("…, although it may vary …") is a claim apart.
_PREDICATE_BREAK = re.compile(
    # (a modal after "and", with or without the comma, is one of :data:`_AND_PREDICATE`'s auxiliaries)
    r",\s+(?=and\s+(?:therefore\s+|thus\s+|so\s+|also\s+)?(?:often|usually)\s)"
    r"|,\s+(?=(?:although|though|even though)\s)"
    # a consequence addressed to the reader ("…, so it's very important that you communicate …"): advice
    r"|,\s+(?=so\s+(?:it['’]s|it is|you|we|make sure|please)\b)"
    r"|,\s+(?=and\s+you\s+(?:can|should|may|will|need|might)\b)",  # "…, and you can build from there"
    # ("and" before a new subject with its own verb is :data:`_JOINED_CLAUSE`'s)
    re.IGNORECASE,
)


# Clauses with subjects of their own joined by commas ("Buoyancy reduces weight-bearing stress on painful
# joints, water resistance strengthens muscles gently, and warmth relaxes tight tissues"): a comma (and
# "and") before a short noun phrase and a verb of effect in the third person, after a clause with such a verb.
_EFFECT_VERB_S = (
    r"(?:alleviat|improv|reduc|reliev|restor|rebuild|increas|decreas|promot|stimulat|releas|remov|lower|eas|"
    r"speed|strengthen|prevent|accelerat|boost|enhanc|help|support|treat|lessen|allow|provid|relax|caus|lead|"
    r"build|requir|protect|trigger|limit)(?:es|s)"
)
_NEXT_CLAUSE = re.compile(
    rf",\s+(?:and\s+)?(?=(?!(?:and|or|but|which|that|who|such|including|especially)\b)"
    # the verb has an object ("…, lumbar supports and heat" is a list of nouns)
    rf"(?:[a-z][\w’'-]*\s+){{1,3}}{_EFFECT_VERB_S}\s+(?!and\b|or\b)\w)",
    re.IGNORECASE,
)
_CLAUSE_VERB = re.compile(rf"\b(?:{_EFFECT_VERB_S}|can|may|will|is|are)\b", re.IGNORECASE)


# A purpose of effect after what a treatment does ("This technique releases tension and knots in muscles to
# alleviate musculoskeletal pain"): how it works and what it achieves are two claims. Not after a verb that
# takes the infinitive ("used to alleviate", "helps to reduce", "is thought to promote").
_PURPOSE_VERBS = (
    "alleviate|relieve|reduce|improve|ease|treat|prevent|promote|restore|increase|decrease|boost|speed|"
    "enhance|stimulate|release|relax|strengthen|heal|lessen"
)
_PURPOSE = re.compile(rf"(?<=[a-z])\s+(?=(?:in order\s+)?to\s+(?:{_PURPOSE_VERBS})\b)", re.IGNORECASE)
_PURPOSE_START = re.compile(rf"(?:in order\s+)?to\s+(?:{_PURPOSE_VERBS})\b", re.IGNORECASE)
_TAKES_INFINITIVE = frozenset(
    {
        "used", "use", "uses", "help", "helps", "helped", "helping", "able", "thought", "designed", "shown",
        "appear", "appears", "seem", "seems", "known", "likely", "aim", "aims", "want", "wants", "need",
        "needs", "try", "tries", "way", "ways", "how", "going", "order", "is", "are", "was", "were", "be",
        "been", "proven", "believed", "said", "claimed", "meant", "intended", "expected", "found",
        "reported", "has", "have", "had", "tend", "tends", "continue", "continues", "goal", "aimed", "work",
        "works", "act", "acts", "serve", "serves", "required", "recommended", "prescribed", "attempt",
        "attempts", "ability",
    }
)  # fmt: skip


# A fronted phrase that makes a claim of its own before the clause it sets ("Using a thin, painless filament
# needle to penetrate the skin, we are able to stimulate …"; "Utilizing safe and gentle techniques, it
# supports …"; "With an estimated prevalence of 15–30%, between 50% and 80% of people will …"): it ends at
# the first comma followed by a clause with a verb of its own, and is cut off only when it carries a cue.
_FRONTED_PHRASE = re.compile(r"\s*(?:using|utili[sz]ing|with)\b", re.IGNORECASE)
_COMMA = re.compile(r",\s+")


# A fronted concession or reason is asserted, unlike a condition ("When …", "If …"): "Although extracorporeal
# shockwave therapy is considered safe for most people, some individuals should not receive …"; "Because ESWT
# activates the body's natural healing process, it lasts longer …"; "While some people may experience
# immediate results, most notice improvement …". With a cue of its own it is a claim apart.
_ASSERTED_FRONT = re.compile(
    r"\s*(?:although|though|even though|while|whereas|because|since)\s+[^,;]*?"
    r"\b(?:\w+ed|is|are|was|were|has|have|had|can|may|might|will|does|do|[a-z]+[^s\W]s)\b[^,;]*(?P<comma>,\s+)",
    re.IGNORECASE,
)


def _fronted_phrase_break(masked: str) -> list[re.Match[str]]:
    asserted = _ASSERTED_FRONT.match(masked)
    if asserted and any(_scores(_plain(masked[: asserted.start("comma")])).values()):
        comma = _COMMA.match(masked, asserted.start("comma"))
        return [comma] if comma else []
    if not _FRONTED_PHRASE.match(masked):
        return []
    for comma in _COMMA.finditer(masked):
        following = re.split(r"[,;]", masked[comma.end() :], maxsplit=1)[0]
        if (
            _FINITE.search(following)
            or _CLAUSE_VERB.search(following)
            or re.match(r"(?:it|we|they|you|he|she|i|this|these)\s", following, re.IGNORECASE)
        ):
            phrase = _plain(masked[: comma.start()])
            return [comma] if any(_scores(phrase).values()) else []
    return []


# A second predicate of the same subject joined by "and" ("… tension-type headache occurs frequently and
# significantly impairs their quality of life"; "It originated in China and is now used in many countries";
# "Qi circulates along these meridians and enables …"), after a clause that has a verb of its own: a copula
# or auxiliary right after "and" (nothing between could be a subject of its own), or a verb in the third
# person followed by a word a verb takes and a plural noun does not (not a preposition, a conjunction or a
# verb: "relieves knots and spasms in the neck" is one predicate).
_AND_PREDICATE = re.compile(
    r"(?:,\s+|(?<=\w)\s+)(?=and\s+(?:(?:therefore|thus|so|then|now|also|still|often|always|never|[a-z]+ly)\s+){0,2}"
    r"(?P<verb>[a-z]+)(?:\s+(?P<next>[\w’'-]+)(?:\s+(?P<third>[\w’'-]+))?)?)",
    re.IGNORECASE,
)
_AUXILIARY = frozenset({"is", "are", "was", "were", "has", "have", "had", "does", "do", "did"})
# (a modal too: "… to debilitating and can severely affect your quality of life")
_AND_AUXILIARY = _AUXILIARY | {"can", "may", "might", "could", "will"}
_AFTER_NOUN = frozenset(
    {
        # prepositions
        "about", "above", "across", "after", "against", "along", "among", "around", "at", "before", "behind",
        "below", "beneath", "beside", "between", "beyond", "by", "during", "except", "for", "from", "in",
        "inside", "into", "near", "of", "off", "on", "onto", "outside", "over", "past", "through",
        "throughout", "to", "toward", "towards", "under", "underneath", "until", "upon", "with", "within",
        "without", "like",
        # conjunctions, relative words, list words, finite verbs
        "and", "or", "but", "nor", "that", "which", "who", "whose", "as", "than", "such", "including", "is",
        "are", "was", "were", "can", "may", "might", "will", "would", "could", "should", "have", "has", "had",
        "do", "does", "did",
    }
)  # fmt: skip
# a verb of its own before the "and": a finite form, or a verb in the third person or past
_OWN_VERB = re.compile(r"\b(?:\w+ed|\w+[^s\W]s|is|are|was|were|can|may|might|will|do|does|did|has|have)\b")
# a complementiser or relative word: the "and" may belong to the clause it opens ("shows that massage and …")
_COMPLEMENTISER = re.compile(r"\b(?:that|which|who|whether|because|if|when|while|where)\b", re.IGNORECASE)


_AND = re.compile(r"(?<=[\w,])\s+and\s", re.IGNORECASE)


def _and_predicate_matches(masked: str) -> list[re.Match[str]]:
    """:data:`_AND_PREDICATE` tried only where an "and" is (a search from every character costs more)."""
    found = []
    for conjunction in _AND.finditer(masked):
        start = conjunction.start() - 1 if masked[conjunction.start() - 1] == "," else conjunction.start()
        match = _AND_PREDICATE.match(masked, start)
        if match is not None:
            found.append(match)
    return found


def _and_predicates(masked: str) -> list[re.Match[str]]:
    """The breaks of :data:`_AND_PREDICATE`: before a second predicate of the clause's subject."""
    found: list[re.Match[str]] = []
    if "and " not in masked:
        return found
    for match in _and_predicate_matches(masked):
        # (what follows the "and" first: it rules out most, and costs least)
        verb = match.group("verb").lower()
        following = (match.group("next") or "").lower()
        auxiliary = verb in _AND_AUXILIARY
        if not auxiliary:
            if not re.fullmatch(_S_VERB, verb) or _is_outcome(verb) or verb in _DETERMINERS:
                continue
            # "comes with no risk", "leads to …": a verb whatever the preposition after it
            takes = following in ("with", "to") and (match.group("third") or "").lower() in ("no", "a", "an")
            if not following[:1].isalpha() or re.fullmatch(_S_VERB, following):
                continue
            if _PREDICATE_VERB.fullmatch(following):
                continue  # a plural noun and its verb ("feel the muscles and joints relax")
            if following in _AFTER_NOUN and not takes:
                continue
        before = masked[: match.start()].rsplit(";", 1)[-1]
        opened = list(_COMPLEMENTISER.finditer(before))
        inner = before[opened[-1].end() :] if opened else before
        if len(before.split()) < 2 or not _OWN_VERB.search(inner):
            continue  # "Studies show that massage and exercise are …": the "and" joins the subjects
        if not auxiliary:
            # the last of a list of predicates ("increases …, pulls …, and releases …") is one run of them
            start = match.start() - len(before)
            subject = _clause_subject(masked, start, match.start())
            if "," in masked[subject[1] if subject else start : match.start()]:
                continue
        found.append(match)
    return found


# A relative clause on the noun a copula names its subject by ("Chiropractic is a safe and effective
# affordable approach to treatment that utilises the body's innate ability to heal itself"; "It is a great
# supplement to massage which increases the elasticity of the muscles, …"): what the noun does, the subject
# does ("X is a Y that Zs" says "X Zs"), a claim of its own carrying that subject.
_PREDICATE_RELATIVE = re.compile(
    r"\s+(?:that|which)\s+(?=(?:(?:also|often|usually|then|[a-z]+ly)\s+)?[a-z]{3,}(?<![su]s)s\s+\w)",
    re.IGNORECASE,
)
_COPULA_NOUN = re.compile(
    r"\b(?:is|are)\s+(?:(?:also|often|usually|generally|considered|perhaps)\s+)?(?:a|an|one of the)\s+"
    r"[^,;]*$",
    re.IGNORECASE,
)
# a clause that starts with the verb of such a relative clause takes the subject of the clause before
_RELATIVE_PREDICATE_START = re.compile(
    # (not a pronoun or adverb that only looks like a verb: "this can pull …", "thus …")
    r"(?:(?:also|often|usually|then|[a-z]+ly)\s+)?(?!(?:this|thus|whereas|perhaps|unless|always)\s)"
    r"[a-z]{3,}(?<![su])s\s",
    re.IGNORECASE,
)


def _predicate_relatives(masked: str) -> list[re.Match[str]]:
    """The breaks of :data:`_PREDICATE_RELATIVE`, after an evaluation ("a safe and effective … approach",
    "a great supplement", "one of the safest forms"); not after a definition, which the relative clause
    completes ("Cupping is a physical treatment which utilizes a glass or a bamboo cup …": what it is)."""
    found: list[re.Match[str]] = []
    if ("that " not in masked and "which " not in masked) or not re.search(r"\b(?:is|are)\b", masked):
        return found
    for match in _PREDICATE_RELATIVE.finditer(masked):
        before = masked[: match.start()].rsplit(";", 1)[-1]
        copula = _COPULA_NOUN.search(before)
        if copula is None:
            continue
        plain = _plain(before)
        if _DEFINITION.match(plain) and not re.search(
            rf"\b(?:{_PREDICATE_ADJECTIVE}|\w{{2,}}est|most|best|great)\b", copula.group(), re.IGNORECASE
        ):
            continue
        found.append(match)
    return found


# Two clauses joined by "and" without a comma, each with its own subject and finite verb ("Painkillers like
# paracetamol will ease the pain and ibuprofen will bring down swelling"; "Hypermobility syndromes are common
# and terminology is confusing"): a short noun phrase and a finite verb after "and", after a clause with a
# finite verb of its own and no complementiser ("Research has shown that massage and exercise are …" is one).
# "and" before a fronted subordinate clause ("… lead to heart disease and osteoporosis and while many drugs
# are available, a number of … are preferred"): a new sentence, not a list item
_AND_SUBORDINATE = re.compile(
    r"(?<=\w)\s+and\s+(?=(?:while|although|though|whereas|since|because|unless|once)\s[^,;]{3,160},)",
    re.IGNORECASE,
)
_SUBORDINATORS = frozenset(
    {
        "while",
        "although",
        "though",
        "since",
        "as",
        "once",
        "unless",
        "until",
        "whereas",
        "because",
        "if",
        "when",
    }
)
_AND_CLAUSE = re.compile(
    r"(?<=\w)\s+and\s+(?=(?P<np>(?:[a-z][\w’'-]*\s+){1,3}?)(?:is|are|was|were|will|can|may|might|could|would)\s)",
    re.IGNORECASE,
)


# A clause whose subject is a proportion, joined by "and" with no comma ("many do not fully recover and 25%
# report chronic instability"; "… and 5% of them stay abstinent"): the proportion, an "of" phrase, then a
# lower-case word that is no preposition, conjunction, unit or participle — its verb.
_AND_PROPORTION = re.compile(
    r"(?<=[a-z])\s+and\s+(?=\d+(?:\.\d+)?\s*(?:%|per\s?cent\b)\s+(?:of\s+(?:(?![a-z]+ing\b)[\w’'-]+\s+){1,3}?)?"
    r"(?!(?:of|in|at|to|for|with|by|from|on|and|or|than|the|a|an|more|less|after|before|during|within|"
    r"higher|lower|reduction|increase|decrease)\b)(?![a-z]+ing\b)[a-z]{3,}\b)",  # (a participle: no clause)
    re.IGNORECASE,
)


def _proportion_clauses(masked: str) -> list[re.Match[str]]:
    """The breaks of :data:`_AND_PROPORTION` after a clause with a verb of its own (not a range: "between 10%
    and 20% of …")."""
    found = []
    for match in _AND_PROPORTION.finditer(masked) if "%" in masked or "cent" in masked else ():
        before = re.split(r"[;,]", masked[: match.start()])[-1]
        if _OWN_VERB.search(before) and not re.search(r"\b(?:between|from)\b", before, re.IGNORECASE):
            found.append(match)
    return found


def _and_clauses(masked: str) -> list[re.Match[str]]:
    """The breaks of :data:`_AND_CLAUSE` and :func:`_proportion_clauses`."""
    found = _proportion_clauses(masked)
    for match in _AND_CLAUSE.finditer(masked):
        before = re.split(r"[;,]", masked[: match.start()])[-1]
        words = {w.lower() for w in _words(match.group("np"))}
        if words & (
            _CLAUSE_AUXILIARY | _NOT_IN_SUBJECT | _FOCUS | _SUBORDINATORS | {"not", "also", "then", "so"}
        ):
            continue
        if _FINITE.search(before) and not _COMPLEMENTISER.search(before):
            found.append(match)
    return found


# A clause with a subject of its own after a clause with a verb of its own, joined by ", and", ", so",
# ", while" or a spaced dash ("Cartilage … gradually thins over time, and the bone thickens"; "… are not
# regulated in many countries, and therefore the contents of a given product may vary …"; "… the knee is held
# slightly flexed – this causes the bones of the lower leg to rotate inwards"): a claim apart, whatever its
# verb; so is what a finding is taken to mean (", suggesting the impact was on …", ", meaning that one side
# of the knee is …"), which is the claim without its "suggesting". The subject is a short noun phrase (a
# determiner, a name or a noun first; "of" and other prepositions inside it; no relative word) or a pronoun,
# and its verb is finite: an auxiliary or modal, a past form, or a third-person form that is no outcome noun
# ("pains") and is not followed by another such form or "of". The conjunction (and a connective adverb after
# it) is no part of either claim.
_JOINED_CLAUSE = re.compile(
    r"(?:(?:,|\s[-–—])\s+(?:suggesting|meaning|implying)(?:\s+that)?|,\s+(?:and|so|while)\b"
    r"|\s[-–—]\s+(?:and\s+)?)\s*"
    r"(?:(?:therefore|thus|then|also|now|as a result|consequently|in turn)\s*,?\s+)?(?=[\w’'])",
    re.IGNORECASE,
)
_SUBJECT_PRONOUNS = frozenset({"it", "this", "that", "they", "these", "those", "he", "she", "there"})
# what a subject noun phrase may start with for its nouns to be read past a preposition ("the contents of a
# given product may vary"); a bare noun phrase is read up to its first preposition
_SUBJECT_DETERMINERS = frozenset(
    {"a", "an", "some", "any", "their", "your", "its", "his", "her", "our", "more", "the", "this", "these",
     "those", "that", "many", "most", "much", "each", "every", "all", "both", "no", "several", "few", "other",
     "another", "such", "one", "two", "three"}
)  # fmt: skip
_NOT_SUBJECT_START = (_AFTER_NOUN - {"like"}) | _SUBORDINATORS | frozenset(
    {"not", "so", "then", "also", "even", "just", "only", "if", "where", "when", "whether", "how", "what",
     "often", "oftentimes", "sometimes", "usually", "always", "never", "still", "again",
     # the clinic's or the reader's own doings are no claim (see :data:`_OWN_VOICE`)
     "we", "our", "i", "my", "you", "your", "us"}
)  # fmt: skip
MAX_JOINED_SUBJECT_WORDS = 7
_QUANTIFIER_SUBJECTS = frozenset({"many", "most", "some", "few", "all", "both", "several", "others", "one"})


def _finite_at(words: Sequence[str], index: int, *, last: bool = True) -> bool:
    """Whether ``words[index]`` is a finite verb after a subject (see :data:`_JOINED_CLAUSE`); ``last``: a
    third-person form may end the clause ("and the bone thickens")."""
    low = words[index].lower()
    after = words[index + 1].lower() if index + 1 < len(words) else ""
    before = words[index - 1].lower() if index else ""
    if (
        index == 1
        and before in ("this", "that")
        and (low in _CLAUSE_AUXILIARY or re.fullmatch(_S_VERB, low) or low.endswith("ed"))
    ):
        return True  # a demonstrative pronoun and its verb ("this causes …"; "this pressure" is read on)
    if low in _CLAUSE_AUXILIARY:
        # (a quantifier alone is a subject: "…, and many do not know it")
        return before not in _SUBJECT_DETERMINERS or (index == 1 and before in _QUANTIFIER_SUBJECTS)
    if before in _AFTER_NOUN or before in _SUBJECT_DETERMINERS:
        return False  # "of falls", "the bone": nouns
    if low.endswith("ed") and len(low) > 4:
        return bool(after) or last
    if before.endswith("ly") and index > 1 and low.isalpha() and not _is_outcome(low) and after:
        return low not in _AFTER_NOUN  # "gradually thin over time": a verb after its adverb
    if re.fullmatch(_S_VERB, low) and not _is_outcome(low):
        if not after:
            return last
        return (
            after not in ("of", "and", "or")
            and not re.fullmatch(_S_VERB, after)
            and (after not in _CLAUSE_AUXILIARY)
        )
    return False


def _starts_clause(following: str, *, participle: bool = True) -> bool:
    """Whether ``following`` (up to the next comma or semicolon) starts with a subject and its finite verb
    (``participle=False``: a form in "-ed" is no finite verb: "other symptoms associated with …")."""
    words = _words(re.split(r"[,;:()]", following, maxsplit=1)[0])
    if len(words) < 2:
        return False
    first = words[0].lower()
    if first in _NOT_SUBJECT_START or first.endswith(("ly", "ed")) or first in _CLAUSE_AUXILIARY:
        return False
    if first in _QUANTIFIER_SUBJECTS and words[1].lower() in _BASE_VERBS | _CLAUSE_AUXILIARY:
        return True  # "…, and some need no further treatment"
    if first in _SUBJECT_PRONOUNS:
        # a pronoun subject ("this causes …", "they feel …"); "this pressure can …" is read on
        low = words[1].lower()
        verb = low in _CLAUSE_AUXILIARY or low.endswith("ed") or bool(re.fullmatch(_S_VERB, low))
        demonstrative = first in ("this", "that", "these", "those")
        # (after a personal pronoun any word but a preposition or conjunction is its verb: "they stretch …")
        if verb or (not demonstrative and low not in _AFTER_NOUN and low.isalpha()):
            return True
    determined = first in _SUBJECT_DETERMINERS or words[0][:1].isupper()
    for index in range(1, min(len(words), MAX_JOINED_SUBJECT_WORDS + 1)):
        low = words[index].lower()
        if low in _NOT_IN_SUBJECT | _SUBORDINATORS | {"and", "or", "but"}:
            return False
        if low in _AFTER_NOUN and low not in _CLAUSE_AUXILIARY and not determined:
            return False  # "present in everything from …": no subject
        if _finite_at(words, index):
            return participle or not low.endswith("ed")
    return False


def _has_verb(text: str) -> bool:
    """Whether a clause has a finite verb of its own (a third-person form followed by a word, not a comma:
    "open wounds, certain skin conditions" has none)."""
    if _FINITE.search(text):
        return True
    for part in re.split(r"[,;:()]", text):
        words = _words(part)
        if any(_finite_at(words, i, last=False) or _plural_and_verb(words, i) for i in range(1, len(words))):
            return True
    return False


def _plural_and_verb(words: Sequence[str], index: int) -> bool:
    """A plural noun and a known verb in its base form ("Most patients improve", "Emollients soften …
    and reduce …")."""
    low, before = words[index].lower(), words[index - 1].lower()
    known = low in _BASE_VERBS or (
        _PREDICATE_VERB.fullmatch(low) is not None and not low.endswith(("s", "ed"))
    )
    return known and before.endswith("s") and before not in _CLAUSE_AUXILIARY and len(before) > 3


def _joined_clauses(masked: str) -> list[re.Match[str]]:
    """The breaks of :data:`_JOINED_CLAUSE`: before a clause with a subject of its own, after a clause with a
    verb of its own (not after a complementiser that the conjunction may belong to)."""
    found: list[re.Match[str]] = []
    for match in _JOINED_CLAUSE.finditer(masked):
        before = re.split(r"[;]|\s[-–—]\s", masked[: match.start()])[-1]
        opened = list(_COMPLEMENTISER.finditer(before))
        inner = before[opened[-1].end() :] if opened else before
        if not _has_verb(inner):
            continue
        # after the items of a list ("reduce pain, fatigue, and other symptoms associated with …") a form in
        # "-ed" is a noun's modifier, not a clause's verb
        items = before.rsplit(",", 1)
        listed = len(items) == 2 and len(items[1].split()) <= MAX_CONJUNCT_WORDS // 2 + 1
        if _starts_clause(masked[match.end() :], participle=not listed):
            found.append(match)
    return found


# "Not only … but also …": two claims, the second a predicate (or a clause) of its own ("Exercise not only
# reduces pain but also improves sleep" → "Exercise reduces pain", "Exercise improves sleep").
_BUT_ALSO = re.compile(r",?\s+(?=but\s+also\s)", re.IGNORECASE)
_NOT_ONLY = re.compile(r"\bnot\s+only\b", re.IGNORECASE)
# its focus words inside a claim's text, before a verb or an adjective (not before an inverted auxiliary:
# "Not only does ginger ease nausea" keeps its words)
_NOT_ONLY_FOCUS = re.compile(
    r"\bnot\s+only\s+(?!(?:does|do|did|is|are|was|were|can|will|has|have|may)\b)", re.IGNORECASE
)


def _not_only_breaks(masked: str) -> list[re.Match[str]]:
    """The breaks of :data:`_BUT_ALSO` after a "not only" of the same clause."""
    return [
        m for m in _BUT_ALSO.finditer(masked) if _NOT_ONLY.search(re.split(r"[;]", masked[: m.start()])[-1])
    ]


def _more_breaks(masked: str) -> list[re.Match[str]]:
    """The breaks of :data:`_PREDICATE_BREAK` and :data:`_AND_PREDICATE`; those of :data:`_NEXT_CLAUSE`
    after a clause with a verb of its own; and those of :data:`_PARTICIPLE` that follow a clause with a verb
    of its own and do not continue a list of participles begun before them ("Benefits include reducing pain,
    improving sleep")."""
    # (each pattern only where its words can be: most sentences have no comma, "to" or "and")
    comma = "," in masked
    found = [
        *(_not_only_breaks(masked) if "not only" in masked.lower() else ()),
        *(_PREDICATE_BREAK.finditer(masked) if comma or "and " in masked else ()),
        *_and_predicates(masked),
        *(_and_clauses(masked) if " and " in masked else ()),
        *(_joined_clauses(masked) if comma or " - " in masked or "–" in masked or "—" in masked else ()),
        *(_AND_SUBORDINATE.finditer(masked) if comma and " and " in masked else ()),
        *_predicate_relatives(masked),
        *(_fronted_phrase_break(masked) if comma else ()),
    ]
    if not comma and "to " not in masked:
        return found
    for match in _PURPOSE.finditer(masked) if "to " in masked else ():
        before = masked[: match.start()].rsplit(",", 1)[-1]
        previous = before.split()[-1].lower() if before.split() else ""
        if previous in _TAKES_INFINITIVE or previous.endswith("ed"):
            continue
        if re.search(rf"\b(?:{_EFFECT_VERB_S}|releases|uses|creates|targets|works)\b", before, re.IGNORECASE):
            found.append(match)
    if not comma:
        return found
    for match in _NEXT_CLAUSE.finditer(masked):
        before = masked[: match.start()].rsplit(";", 1)[-1]
        # the noun phrase after the comma holds no verb of its own ("…, muscles relax and …" is fine; a
        # clause like "pain relief helps" needs its subject's words to be nouns, not verbs)
        phrase = masked[match.end() :].split()[:3]
        if _CLAUSE_VERB.search(before) and not any(_CLAUSE_VERB.fullmatch(w) for w in phrase[:1]):
            found.append(match)
    for match in _PARTICIPLE.finditer(masked):
        before = masked[: match.start()].rsplit(";", 1)[-1]
        if not re.search(r"\b(?:\w+ed|\w+[^s\W]s|is|are|was|were|can|may|will|do|does|did)\b", before):
            continue
        if _PARTICIPLE_WORD.search(before):
            continue
        found.append(match)
    return found


def _clauses(masked: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    breaks = sorted(
        [*_CLAUSE_BREAK.finditer(masked), *_more_breaks(masked)], key=lambda m: (m.start(), -m.end())
    )
    for match in breaks:
        if match.start() < start:
            continue  # the same break found twice
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(masked)))
    out = []
    for start, end in spans:
        start, end = _trim(masked, start, end)
        start = _scene_end(masked, start, end)
        if masked[start:end].strip():
            out.append((start, end))
    return out


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'/-]+", text)


def _head(text: str) -> str:
    """The last word of a conjunct, a trailing parenthesis left out ("age (most common …)" → "age")."""
    text = re.sub(r"\([^()]*\)\s*$", "", text.strip()).strip()
    words = _words(text)
    return words[-1] if words else ""


def _is_outcome(word: str) -> bool:
    return bool(_OUTCOME_HEAD.fullmatch(word.strip("’'-/")))


# An item that names a change is an outcome whatever its noun ("a healthier pregnancy, easier delivery").
_CHANGE_WORD = re.compile(
    r"(?:better|less|more|fewer|improved|reduced|increased|decreased|lower|higher|greater|faster|"
    r"quicker|\w{3,}ier)",
    re.IGNORECASE,
)


def _names_change(text: str) -> bool:
    words = [w for w in _words(text) if w.lower() not in _DETERMINERS]
    return bool(words) and bool(_CHANGE_WORD.fullmatch(words[0]))


def _gerund_head(words: Sequence[str]) -> bool:
    """Whether a short phrase's head, before any preposition, is an "-ing" word ("gentle stretching of the
    fascia")."""
    phrase = list(itertools.takewhile(lambda w: w.lower() not in _BOUNDARY_WORDS, words))
    return 0 < len(phrase) <= 3 and _gerund(phrase[-1])


def _gerund(text: str) -> bool:
    words = _words(text)
    return bool(words) and words[-1].lower().endswith("ing") and len(words[-1]) > 5


_BOUNDARY_WORDS = frozenset(
    {
        "for", "of", "in", "on", "with", "from", "to", "as", "like", "including", "that", "which", "than",
        "among", "by", "about", "toward", "towards", "into", "after", "before", "during", "against",
        "include",
        "includes", "especially", "particularly",
    }
)  # fmt: skip
_LIST_WORDS = frozenset(
    {"include", "includes", "including", "such", "as", "like", "especially", "particularly"}
)
_DETERMINERS = frozenset(
    {"a", "an", "the", "some", "any", "their", "your", "its", "his", "her", "our", "more"}
)
_FINITE = re.compile(
    r"\b(?:can|may|might|will|would|should|must|is|are|was|were|has|have|does|do|did)\b", re.IGNORECASE
)
MAX_RUN = 12  # items in one coordination; a longer run of commas is a list of names, not of outcomes


def _np_start(masked: str, start: int, end: int, *, whole: bool = False) -> int:
    """Where the last noun phrase of ``masked[start:end]`` begins: after the last preposition, verb or
    "such as" ("… improved pain" → "pain"; "… such as low-back pain" → "low-back pain"). ``whole``: the
    phrase may hold prepositions of its own, so cut only after a verb or a list word ("can include
    reduction or elimination of pain" → "reduction or elimination of pain")."""
    offset = _np_offset(masked[start:end], whole)
    return end if offset is None else start + offset


@functools.lru_cache(maxsize=4096)
def _np_offset(text: str, whole: bool) -> int | None:
    """:func:`_np_start` within ``text`` (``None``: at its end); cached, as a clause's spans are read again
    for each coordination it may hold."""
    words = list(re.finditer(r"[\w’'/-]+", text))
    cut = 0
    for index, word in enumerate(words):
        low = word.group().lower()
        boundary = low in _LIST_WORDS if whole else low in _BOUNDARY_WORDS
        if (
            index
            and not low.endswith("ed")
            and _CHANGE_WORD.fullmatch(low)
            and words[index - 1].group().lower() in _AUXILIARY
        ):
            continue  # a comparative after "have" or "is" is an adjective ("have lower blood pressure")
        if boundary or _VERB_FORM.fullmatch(low) or _PREDICATE_VERB.fullmatch(low):
            cut = index + 1
        elif (
            index + 1 < len(words)
            and re.fullmatch(r"[a-z]{3,}(?<![su]s)s", low)
            and _CHANGE_WORD.fullmatch(words[index + 1].group())
        ):
            cut = index + 1  # a verb before a change ("brings greater flexibility", "offers better sleep")
    if cut >= len(words):
        return None
    return words[cut].start()


def _verb_form(word: str) -> str:
    low = word.lower()
    if low.endswith("ing"):
        return "ing"
    if low.endswith("ed"):
        return "ed"
    if low.endswith("s") and not low.endswith("ss") and low not in {"has", "is", "was", "does"}:
        return "s"
    return "base"


# a verb before a list, which makes its "-ed" items adjectives ("reported less fatigue, improved mood, …")
_VERB_BEFORE = re.compile(
    r"\b(?:can|may|might|will|would|should|must|is|are|was|were|has|have|does|do|did|include|includes|"
    r"including|\w{3,}ed|[a-z]{3,}(?<![su]s)s)\b",
    re.IGNORECASE,
)


def _list_after_verb(masked: str, start: int, stop: int) -> bool:
    """Whether the list ending before ``stop`` follows a verb: a finite form or "include" in the clause, or a
    verb right before its first item ("reported less fatigue, improved mood, …"; "brings greater
    flexibility, improved posture, …"), which makes its "-ed" items adjectives."""
    before = masked[start:stop]
    if _FINITE.search(before) or re.search(r"\b(?:include|includes|including)\b", before, re.IGNORECASE):
        return True
    first = before.split(",", 1)[0]
    verbs = list(_VERB_BEFORE.finditer(first))
    if not verbs:
        return False
    item = first[verbs[-1].end() :]
    return 0 < len(_words(item)) <= MAX_CONJUNCT_WORDS and (_names_change(item) or _is_outcome(_head(item)))


_LIST_TAIL = re.compile(
    r",?\s+(?:amongst others|among others|amongst other things|among other things|and others|"
    r"and (?:many |much )?more|and so on|and the like|etc\.?|"
    r"to name (?:a|but a) few)\s*[.!]?\s*$",
    re.IGNORECASE,
)


def _conjuncts(masked: str, start: int, end: int, *, item: bool = False) -> list[_Piece]:
    """Split the clause ``masked[start:end]`` at a coordination of distinct outcomes, conditions or
    predicates; one piece (the whole clause) when there is none. ``item``: the clause is a list item, whose
    first words may be the coordination itself ("Shoulder pain, Neck pain, Low back pain")."""
    fronted = _FRONTED.match(masked, start, end)
    if fronted and fronted.end() < end:
        # a fronted clause or "whether … or …" phrase is the setting of what follows, not a list of it
        # ("Whether for rehabilitation after injury or ongoing fitness maintenance, aquatic therapy offers
        # …"): split after it, and let every later part carry it
        inner = _conjuncts(masked, fronted.end(), end, item=item)
        setting = (start, fronted.end())
        return [
            dataclasses.replace(
                p,
                start=start if n == 0 else p.start,
                prefix=(start, p.prefix[1]) if p.prefix else (setting if n else None),
            )
            for n, p in enumerate(inner)
        ]
    # a tail that says the list goes on ("…, amongst others", "…, etc.") is no item of it
    whole_end = end
    tail = _LIST_TAIL.search(masked, start, end)
    if tail is not None:
        end = tail.start()
    seps = [m for m in _SEPARATOR.finditer(masked, start, end) if m.end() < end]
    if not seps or len(seps) > 4 * MAX_RUN:
        return [_Piece(start, whole_end)]
    commas = [m for m in seps if m.group().startswith(",")]
    if len(commas) >= 2:
        # In a list of three or more parted by commas, an "and" or "or" without a comma inside an item
        # belongs to the item ("reduction or elimination of pain, …, deeper and fuller breath and improved
        # sleep"): only the last one after the last comma joins the list.
        after = [m for m in seps if not m.group().startswith(",") and m.start() > commas[-1].start()]
        seps = [m for m in seps if m.group().startswith(",") or (after and m is after[-1])]
    runs: list[list[re.Match[str]]] = []
    predicates: dict[int, int] = {}  # run (by its first separator's start) -> where a shared predicate starts
    used: set[int] = set()
    for index in range(len(seps) - 1, -1, -1):
        sep = seps[index]
        if index in used:
            continue
        joined = bool(re.search(r"\b(?:and|or)\b|/", sep.group(), re.IGNORECASE))
        last = masked[sep.end() : seps[index + 1].start() if index + 1 < len(seps) else end]
        generic = _generic_predicate(last, masked[start : sep.start()])
        verb_mode = bool(_PREDICATE_VERB.match(last.strip())) or generic is not None
        if verb_mode and re.match(r"\w+ed\b", last.strip()) and index > 0:
            # "…, deeper and fuller breath and improved sleep": an "-ed" word after nouns is an adjective
            # ("improved sleep"), a verb only after another verb ("reduced pain and improved sleep")
            # — and after another verb only when no verb of the clause comes before those ("The benefits you
            # can experience … include more energy, improved balance, …, increased concentration and reduced
            # stiffness": adjectives)
            before = masked[seps[index - 1].end() : sep.start()].strip()
            ahead = masked[start : seps[index - 1].start()]
            verb_mode = bool(_PREDICATE_VERB.match(before)) and not (
                _FINITE.search(ahead) or re.search(r"\b(?:include|includes|including|such as)\b", ahead, re.I)
            )
        run = [sep]
        j = index - 1
        while j >= 0 and j not in used and len(run) < MAX_RUN:
            middle = masked[seps[j].end() : run[0].start()]
            words = _words(middle)
            # a predicate with its object is longer than a noun ("require you to stay off your feet after
            # the surgery")
            limit = 2 * MAX_CONJUNCT_WORDS if verb_mode else MAX_CONJUNCT_WORDS
            if not words or len(words) > limit or _LIST_STARTERS.match(middle.strip()):
                break
            if re.search(r"\b(?:and|or)\b", seps[j].group(), re.IGNORECASE):
                break
            if verb_mode:
                if not (
                    _PREDICATE_VERB.match(middle.strip())
                    or _generic_predicate(middle, masked[start : seps[j].start()])
                ):
                    break
            elif (
                # "improved energy levels" is a noun phrase when the clause has its verb before the list
                # ("can include …"); with none ("massage therapy, if continued …, improved pain") it is
                # the clause's verb
                (
                    _VERB_FORM.search(middle)
                    and not (_names_change(middle) and _list_after_verb(masked, start, seps[j].start()))
                )
                or _CLAUSE_WORDS.search(middle)
                or len(words) > 6
            ):
                break
            run.insert(0, seps[j])
            j -= 1
        if len(run) > 1 and _SUBORDINATE.match(masked[start : run[0].start()]):
            # a fronted subordinate clause ends at a comma that is not a list's ("When the Qi is obstructed,
            # pain or disease may result"): the list begins after it
            run = run[1:]
        if not joined and len(run) < 2:
            continue
        first = masked[start : run[0].start()]
        items = [masked[a.end() : b.start()] for a, b in itertools.pairwise(run)]
        last_words = _words(last)
        # "seeking to maintain or improve physical function": verbs sharing one object are one claim
        shared_object = bool(re.search(r"\bto\s+[\w-]+\s*$", first)) or bool(
            _PREDICATE_VERB.fullmatch((_words(first) or [""])[-1])
        )
        has_verb = bool(_PREDICATE_VERB.search(first)) or (
            generic is not None and _first_verb(first) is not None
        )
        ok = verb_mode and joined and has_verb and not shared_object
        if not ok:
            finite = _FINITE.search(last)
            own_last = _words(last[: finite.start()]) if finite else last_words
            last_ok = (
                any(_is_outcome(w) for w in own_last[:5])
                or _names_change(" ".join(own_last))
                or (bool(own_last) and own_last[0].lower() == "other")
                or (bool(own_last) and _gerund(own_last[0]))
                # an activity named by its "-ing" head ("relaxation and gentle stretching")
                or _gerund_head(own_last)
            )
            first_ok = _is_outcome(_head(first)) or (_gerund(_head(first)) and len(run) > 1)
            first_ok = first_ok or _names_change(
                masked[_np_start(masked, start, run[0].start()) : run[0].start()]
            )
            ok = last_ok and (first_ok or any(_is_outcome(_head(i)) or _names_change(i) for i in items))
            first_np = masked[_np_start(masked, start, run[0].start()) : run[0].start()]
            comma_list = False
            # the list's first item starts right after a fronted preposition ("After hip, knee, or …")
            preposition = _FRONTED_PREPOSITION.match(masked, start, run[0].start())
            fronted_list = bool(preposition) and _np_start(masked, start, run[0].start()) <= (
                preposition.end() if preposition else start
            )
            if not ok and joined and len(run) >= 2 and all(m.group().startswith(",") for m in run):
                # three or more short phrases parted by commas, the last by ", and"/", or", name distinct
                # things whatever their head words ("nerve damage, severe bruising, or punctured organs";
                # "Some heart conditions, open wounds, …, and incontinence may preclude pool use"): a
                # compound naming one thing ("neck and back pain") has no commas, and a comma after a fronted
                # phrase ("By inserting a needle into trigger points, favorable …") is followed by no second
                # comma. Not a range of alternatives ("You may feel nothing at all, a slight pinch, or …").
                # (not a list in a fronted phrase: "After hip, knee, or other surgeries, water exercise …")
                ok = comma_list = (
                    not fronted_list
                    and all(0 < len(_words(x)) <= 4 for x in [first_np, *items, " ".join(own_last)])
                    and not re.search(r"\b(?:nothing|something|anything|everything|none)\b", first_np, re.I)
                )
            if finite:
                # a coordinated subject ("walking, standing, lifting or carrying have been associated
                # with …"): each item takes the predicate they share
                ok = ok and 0 < len(own_last) <= 4 and own_last[0].lower() not in _SUBORDINATORS
                ok = ok and (comma_list or _np_start(masked, start, run[0].start()) > start)
                if ok:
                    predicates[run[0].start()] = sep.end() + finite.start()
            elif not item and _np_start(masked, start, run[0].start()) <= start:
                ok = False  # the coordination is the subject of a predicate this clause does not show
            if not joined:
                ok = ok and all(len(_words(i)) <= 4 for i in items) and len(_words(first)) <= 4
        if not ok:
            continue
        used.update(range(j + 1, index + 1))
        runs.append(run)
    if not runs:
        return [_Piece(start, whole_end)]
    runs.sort(key=lambda r: r[0].start())
    pieces: list[_Piece] = []
    cursor = start
    previous: tuple[int, int] | None = None  # the prefix of the run before, when it ran into this one
    previous_predicates = False  # whether the run before was a coordination of predicates
    for number, run in enumerate(runs):
        run_end = runs[number + 1][0].start() if number + 1 < len(runs) else end
        first_end = run[0].start()
        second = masked[run[0].end() : run[1].start() if len(run) > 1 else run_end].strip()
        # items that each name a change ("greater sense of ease in motion, improved energy levels") are
        # whole phrases: the first one's own prepositions stay with it
        prefix_end = _np_start(masked, cursor, first_end, whole=_names_change(second))
        finite = _FINITE.search(masked, cursor, first_end)
        if _MODAL.match(second) and finite:
            prefix_end = finite.start()  # "Physiotherapy can …, and may utilize …": the subject
        elif not _PREDICATE_VERB.match(second) and _generic_predicate(second, masked[cursor:first_end]):
            # a coordinated predicate of verbs outside the list: the rewrite carries what comes before the
            # first item's verb, or only the subject when a later item brings its own auxiliary ("…, and
            # oftentimes do not eliminate the pain")
            verb = _first_verb(masked[cursor:first_end])
            later = [masked[a.end() : b.start()] for a, b in itertools.pairwise(run)]
            later.append(masked[run[-1].end() : run_end])
            own_aux = any(_AUX_START.match(_strip_adverbs(x)) for x in later)
            if verb is not None:
                prefix_end = cursor + (
                    verb.start("modal") if own_aux and verb.group("modal") else verb.start("verb")
                )
        elif _PREDICATE_VERB.match(second):
            # a coordinated predicate: the rewrite carries what comes before the first item's verb
            form = _verb_form(re.sub(r"^to\s+", "", second).split(" ", 1)[0])
            verbs = [
                m
                for m in re.finditer(r"[\w’'-]+", masked[cursor:first_end])
                if _PREDICATE_VERB.fullmatch(m.group()) and _verb_form(m.group()) == form
            ]
            if verbs:
                prefix_end = cursor + verbs[-1].start()
                # verbs sharing the first item's object ("Shockwave eradicates or reduces the pain …, and
                # allows …"): the rewrite carries the subject, not "eradicates or"
                while chained := re.search(r"\b([a-z]+)\s+(?:or|and)\s+$", masked[cursor:prefix_end]):
                    if _verb_form(chained.group(1)) != form or chained.group(1).lower() in _DETERMINERS:
                        break
                    prefix_end = cursor + chained.start(1)
            if previous is not None and pieces and pieces[-1].start == cursor and previous_predicates:
                # "are older, or are in poor general health, have more stress …": one list in two runs
                prefix_end = previous[1]
            elif not verbs:
                # a predicate after a list of nouns ("which in turn reduces muscle tension and inflammation,
                # and promotes healing"): the verb is before that list, not in it
                earlier = [
                    m
                    for m in re.finditer(r"[\w’'-]+", masked[start:first_end])
                    if _PREDICATE_VERB.fullmatch(m.group()) and _verb_form(m.group()) == form
                ]
                if earlier:
                    prefix_end = start + earlier[-1].start()
        prefix = (start, prefix_end) if prefix_end > start else None
        previous = prefix
        previous_predicates = bool(_PREDICATE_VERB.match(second))
        if pieces:
            pieces[-1] = _Piece(pieces[-1].start, first_end, pieces[-1].prefix)
        else:
            pieces.append(_Piece(start, first_end))
        bounds = [m.end() for m in run]
        ends = [m.start() for m in run[1:]] + [run_end]
        shared = predicates.get(run[0].start())
        if shared is not None:
            ends[-1] = shared
            suffix = (shared, run_end)
            pieces[-1] = _Piece(pieces[-1].start, pieces[-1].end, pieces[-1].prefix, suffix)
            prefix = (start, prefix_end) if prefix_end > start else None
            for a, b in zip(bounds, ends, strict=True):
                pieces.append(_Piece(a, b, prefix, suffix))
            cursor = run_end
            continue
        for a, b in zip(bounds, ends, strict=True):
            pieces.append(_Piece(a, b, prefix))
        cursor = run[-1].end()
    return [p for p in pieces if masked[p.start : p.end].strip()]


# The object of a verb of cause or effect ("can cause", "lead to", "result in", "contribute to", "reduce",
# "relieve", "is associated with", "include", "such as") or the subject before a shared predicate, when it is
# a list, names distinct effects, conditions, exposures or agents whatever their head nouns ("can cause an
# increase in hot flushes, vaginal dryness, sexual dysfunction … as well as sleep and mood disturbance"; "can
# also lead to bunions and neuromas in the foot"; "soy, red clover and black cohosh, can also be very
# effective …"): the list is cut by its form, not by a vocabulary of outcomes. "as well as" joins two parts of
# the list; a pair whose first item is one bare word before a longer second names one thing with a shared head
# ("neck and back pain", "sleep and mood disturbance") and is not cut.
_OBJECT_VERB = re.compile(
    r"\b(?:caus(?:e|es|ed|ing)|lead(?:s|ing)?\s+to|led\s+to|result(?:s|ed|ing)?\s+in|"
    r"contribut(?:e|es|ed|ing)\s+to|(?:associated|linked|connected)\s+(?:with|to)|"
    # (not the "-ed" forms of verbs of change: "at increased risk of injury" is a noun phrase)
    r"increas(?:e|es|ing)|reduc(?:e|es|ing)|reliev(?:e|es|ing)|eas(?:e|es|ing)|improv(?:e|es|ing)|"
    r"prevent(?:s|ing)?|treat(?:s|ing)?|alleviat(?:e|es|ing)|lower(?:s|ing)?|trigger(?:s|ing)?|"
    r"worsen(?:s|ing)?|aggravat(?:e|es|ing)|includ(?:e|es|ing)|such\s+as"
    # a chance of distinct outcomes ("a higher risk of heart attack and stroke")
    r"|(?P<chance>(?:risks?|chances?|likelihood|odds|incidence)\s+of))\s+",
    re.IGNORECASE,
)
_AS_WELL_AS = re.compile(r",?\s+as well as\s+", re.IGNORECASE)
_LIST_AND = re.compile(r"\s+(?:and|or)\s+", re.IGNORECASE)
# what no item of such a list starts with: a clause, a source, a purpose ("…, according to …")
_NOT_ITEM_START = frozenset(
    {*_BOUNDARY_WORDS, "that", "which", "who", "whom", "where", "when", "whether", "if", "because",
     "according", "but", "so", "although", "though", "while", "since", "thus", "thereby", "then", "not",
     "and", "or", "such", "despite", "by", "unlike", "given", "using",
     # a pronoun first is an indirect object ("causing you pain and impairment"), no item
     "you", "them", "him", "her", "us", "me", "it"}
)  # fmt: skip
_NOT_IN_ITEM = re.compile(r"[–—:;()]|\s-\s|\bto\s+[a-z]", re.IGNORECASE)
_ADJECTIVE_FORM = re.compile(
    r"\w+(?:al|ive|ous|ary|ful|less|ed|ing|ile|ent|ant)|chronic|acute|mild|severe|low|high|upper|lower|"
    r"left|right|deep|superficial",
    re.IGNORECASE,
)


def _shared_head(first: str, second: str, *, in_list: bool = False) -> bool:
    """Whether "<first> and <second>" names one thing with a shared head (see :data:`_OBJECT_VERB`);
    ``in_list``: the pair ends a list parted by commas, where only a modifier before a compound is one
    ("stretchy skin, hypermobile or unstable joints", not "ginger, garlic and green tea")."""
    own, other = _words(first), [w for w in _words(second) if w.lower() not in _DETERMINERS]
    if len(own) != 1 or len(other) < 2 or re.search(r"(?<![su])s$", own[0]):
        return False  # "bunions and neuromas in the foot": plural, two things
    if _gerund(other[0]) or _PREDICATE_VERB.fullmatch(other[0]) or other[0].lower() in _BASE_VERBS:
        return False  # "fear and allowing more confident movement": no compound noun
    word = own[0]
    if _ADJECTIVE_FORM.fullmatch(word) or not (in_list or _is_outcome(word)):
        return True  # "acute and chronic back pain", "neck and back pain"
    # an outcome before a compound: "sleep and mood disturbance" (both modify the head), not "stress and
    # muscle tension" or "pain and poor sleep" (a modifier of its own)
    return len(other) == 2 and _is_outcome(other[0])


def _modifier(phrase: str) -> bool:
    """Whether ``phrase`` is one word that may describe a noun after it: no outcome or condition named by
    itself ("pain, stiffness"), no gerund ("walking, swimming")."""
    words = _words(phrase)
    return len(words) == 1 and not _is_outcome(words[0]) and not _gerund(words[0])


def _list_items(
    masked: str, start: int, end: int, *, after_comma: bool = False
) -> list[tuple[int, int]] | None:
    """The items of the list ``masked[start:end]`` (an object or a subject), each a span; ``None`` when it is
    not a list of short noun phrases. ``after_comma``: the list's first item is before ``start`` (so a pair
    here is the end of a longer list, not a compound)."""
    spans: list[tuple[int, int]] = []
    compound: bool | None = None  # whether the list is one compound with a shared head (one item)
    groups, at = [], start
    for match in _AS_WELL_AS.finditer(masked, start, end):
        groups.append((at, match.start()))
        at = match.end()
    groups.append((at, end))
    for g_start, g_end in groups:
        parts, at = [], g_start
        for match in _COMMA.finditer(masked, g_start, g_end):
            parts.append((at, match.start()))
            at = match.end()
        parts.append((at, g_end))
        a, b = parts[-1]
        joined = re.match(r"(?:and|or)\s+", masked[a:b], re.IGNORECASE)
        if joined and len(parts) > 1:
            parts[-1] = (a + joined.end(), b)
        else:
            ands = list(_LIST_AND.finditer(masked, a, b))
            if len(ands) > 1:
                return None
            pair = len(parts) == 1 and not after_comma and len(groups) == 1
            if ands and pair:
                before, after = masked[a : ands[0].start()], masked[ands[0].end() : b]
                if (
                    ands[0].group().strip().lower() == "or"  # alternatives ("wellbeing or health")
                    # (not when the second has a determiner of its own: "the severity of eczema and the risk
                    # of skin infection" are two things)
                    or (
                        set(w.lower() for w in _words(before)) & (_BOUNDARY_WORDS | {"both", "either"})
                        and (_words(after)[:1] or [""])[0].lower() not in _SUBJECT_DETERMINERS
                    )
                    or (compound := _shared_head(before, after))
                ):
                    ands = []  # "blood flow in both deep and superficial veins": inside a phrase
            elif ands and _shared_head(masked[a : ands[0].start()], masked[ands[0].end() : b], in_list=True):
                ands = []
            if ands:
                parts[-1:] = [(a, ands[0].start()), (ands[0].end(), b)]
        spans.extend(_trim(masked, x, y) for x, y in parts)
    if not (2 if compound is None else 1) <= len(spans) <= MAX_RUN:
        return None
    if len(groups) == 1 and not re.search(r"\s(?:and|or)\s", masked[start:end], re.IGNORECASE):
        # words parted by commas alone before one noun describe it together ("mild, temporary soreness";
        # "small, frequent meals"): one thing, no list
        *modifiers, (a, b) = spans
        if len(_words(masked[a:b])) >= 2 and all(_modifier(masked[x:y]) for x, y in modifiers):
            return None
    for a, b in spans:
        words = _words(masked[a:b])
        if not 0 < len(words) <= MAX_CONJUNCT_WORDS or words[0].lower() in _NOT_ITEM_START:
            return None
        head = words[0].lower()
        if _PREDICATE_VERB.fullmatch(head) or _AUX_START.match(masked[a:b] + " "):
            return None  # "reduce stress and improve sleep": predicates, cut by :func:`_conjuncts`
        if any(w.lower() in _BASE_VERBS for w in words):
            return None  # a clause ("…, favorable … changes take place")
        if (
            _FINITE.search(masked, a, b)
            or re.search(r"\b(?:had|could)\b", masked[a:b], re.IGNORECASE)  # "stretching had the best …"
            or _CLAUSE_WORDS.search(masked, a, b)
            or _NOT_IN_ITEM.search(masked, a, b)
        ):
            return None
    return spans


def _object_list(masked: str, start: int, end: int) -> list[_Piece]:
    """The items of a list that is the object of a verb of cause or effect (see :data:`_OBJECT_VERB`), each a
    piece carrying the clause up to the verb; ``[]`` when the clause has none."""
    tail = _LIST_TAIL.search(masked, start, end)
    stop = _trim(masked, start, tail.start() if tail else end)[1]
    for verb in _OBJECT_VERB.finditer(masked, start, stop):
        before = _words(masked[start : verb.start()])
        noun = _BOUNDARY_WORDS | _DETERMINERS | {"the", "this", "these", "that"}
        if before and before[-1].lower() in noun and not verb.group("chance"):
            continue  # a noun ("into trigger points", "an increase in"), not a verb
        if before and before[-1].lower() in _AUXILIARY and _CHANGE_WORD.fullmatch(verb.group().strip()):
            continue  # an adjective ("have lower blood pressure"), not a verb
        items = _list_items(masked, verb.end(), stop)
        if items is None:
            continue
        lead = (start, verb.end())
        pieces = [_Piece(start, items[0][1])]
        pieces += [_Piece(a, b, prefix=_trim(masked, *lead)) for a, b in items[1:]]
        return pieces
    return []


MAX_LEAD_WORDS = 6  # words before a subject list's first comma ("Dr Tong says soy")


def _subject_list(masked: str, start: int, end: int) -> list[_Piece]:
    """The items of a list of three or more short noun phrases that is the subject of a predicate they share
    ("Dr Tong says soy, red clover and black cohosh, can also be very effective …"), each a piece with that
    predicate; ``[]`` when the clause has none."""
    finite = _FINITE.search(masked, start, end)
    if finite is None or "," not in masked[start : finite.start()]:
        return []
    before = _trim(masked, start, finite.start())
    adverb = re.search(r"(?:\s+(?:also|often|all|both|usually|[a-z]+ly))+$", masked[before[0] : before[1]])
    list_end = _trim(masked, before[0], before[0] + adverb.start())[1] if adverb else before[1]
    first_comma = masked.find(",", start, list_end)
    if first_comma < 0:  # the only comma sat in what was cut off ("Pain, also …"): no list before the verb
        return []
    items = _list_items(masked, first_comma + 1, list_end, after_comma=True)
    lead = _words(masked[start:first_comma])
    if items is None or len(items) < 2 or not lead or len(lead) > MAX_LEAD_WORDS:
        return []
    fronted = lead[0].lower() in _BOUNDARY_WORDS | {"despite", "by", "unlike", "given", "using", "although"}
    if fronted or lead[-1].lower() in _NOT_ITEM_START or _TOGETHER.search(masked, finite.start(), end):
        return []  # (a fronted phrase: "Despite the high prevalence of disease, the incidence and …")
    predicate = _trim(masked, list_end, end)  # with its adverb ("… often have …")
    pieces = [_Piece(start, first_comma, suffix=predicate, agree=True)]
    pieces += [_Piece(a, b, suffix=predicate, agree=True) for a, b in items]
    return pieces


# A predicate that starts with a verb outside _PREDICATE_VERB ("… may need many weeks of recovery, require
# you to stay off your feet after the surgery, and oftentimes do not eliminate the pain"; "… which increases
# the elasticity of the muscles, pulls toxins out of the connective tissue and releases relaxin"): known by
# its form, agreeing with a verb of the first conjunct (a third-person verb after "which"/"that"/"it", or a
# bare verb after a modal), and by what follows it (an object, not a list of nouns: "stress, and anxiety").
_ADVERBS = re.compile(
    r"(?:(?:often|oftentimes|usually|also|then|even|sometimes|typically|always|never|[a-z]+ly)\s+)*", re.I
)
_AUX_START = re.compile(
    r"(?:do|does|did|don['’]t|doesn['’]t|can|cannot|can['’]t|may|might|will|won['’]t|could|should)\s", re.I
)
_OBJECT_START = re.compile(
    r"(?:you|your|the|a|an|them|it|its|their|his|her|us|our|me|my|this|these|those|no|any|some|more|less|"
    r"many|much|up|out|down|off|away)$",
    re.IGNORECASE,
)
_S_VERB = r"[a-z]{3,}(?<![su])s"  # not "-ss" or "-us" ("discuss", "nervous", "various")
_FIRST_VERB = re.compile(
    # (or at the start of a clause that is a relative clause's predicate, in lower case: "increases …")
    rf"(?:(?:\b(?:which|that|who|it)\s+|^\s*(?=(?-i:[a-z])))(?:[a-z]+ly\s+|also\s+|often\s+)?(?P<s>{_S_VERB})"
    r"|\b(?P<modal>can|may|might|will|could|should|would|must)\s+(?:not\s+)?(?:[a-z]+ly\s+|also\s+|often\s+)?"
    r"(?P<base>[a-z]{3,}))\b",
    re.IGNORECASE,
)


def _strip_adverbs(text: str) -> str:
    text = text.strip()
    match = _ADVERBS.match(text)
    return text[match.end() :] if match else text


def _first_verb(first: str) -> re.Match[str] | None:
    """The last verb in ``first`` a coordinated predicate may agree with (see :func:`_generic_predicate`);
    group ``verb`` is where it starts."""
    found = list(_FIRST_VERB.finditer(first))
    if not found:
        # the verb right after the clause's subject, in the third person ("Exercise builds bone density, …")
        subject = _clause_subject(first, 0, len(first))
        verb = _S_VERB_AFTER.match(first, subject[1]) if subject else None
        after = _words(first[verb.end() :])[:1] if verb else []
        if verb is None or (after and after[0].lower() in _AFTER_NOUN and after[0].lower() != "to"):
            return None  # (a plural noun before a preposition: "Refer to genetics patients with …")
        return _VERB_AT.match(first, verb.start("s"))
    last = found[-1]
    return _VERB_AT.match(first, last.start("s") if last.group("s") else last.start("modal"))


_S_VERB_AFTER = re.compile(rf"\s+(?:[a-z]+ly\s+|also\s+|often\s+)?(?P<s>{_S_VERB})\b")
_VERB_AT = re.compile(
    r"(?:(?P<modal>can|may|might|will|could|should|would|must)\s+(?:not\s+)?"
    r"(?:[a-z]+ly\s+|also\s+|often\s+)?)?(?P<verb>[a-z]+)",
    re.IGNORECASE,
)


def _generic_predicate(item: str, first: str) -> str | None:
    """``"s"``, ``"base"`` or ``"aux"`` when ``item`` starts a predicate agreeing with a verb of ``first``."""
    verb = _first_verb(first)
    if verb is None:
        return None
    rest = _strip_adverbs(item)
    words = rest.split()
    if len(words) < 2:
        return None
    if _AUX_START.match(rest):
        return "aux"
    head = words[0].lower()
    if head in _DETERMINERS or _is_outcome(head) or head in _BOUNDARY_WORDS or head in _SUBORDINATORS:
        return None  # (a subordinator opens a clause, no predicate: "… and while many drugs are …")
    if verb.group("modal"):
        if re.fullmatch(r"[a-z][a-z-]{2,}", head) and not head.endswith(("ing", "ed", "s")):  # "re-create"
            # (or "to" after a known verb: "may affect the nervous system and contribute to improved overall
            # health"; not a noun, "and ability to stay active")
            known = _PREDICATE_VERB.fullmatch(head) is not None or head in _BASE_VERBS
            return "base" if _OBJECT_START.match(words[1].lower()) or (known and words[1] == "to") else None
        return None
    # (a plural noun before a preposition or a verb is no verb: "knots in muscles", "dips is …")
    after = words[1].lower()
    if (
        re.fullmatch(_S_VERB, head)
        and after not in ("and", "or", "of")
        and (after not in _AFTER_NOUN or after in ("to", "with", "from"))
    ):
        return "s"
    return None


# A participle of effect that opens a clause of its own (", reducing the risk of falls"): what the subject of
# the clause before does, written "<subject> reduces the risk of falls" (a shown rewrite of the sentence).
_PARTICIPLE_START = re.compile(
    rf"(?:thereby\s+|thus\s+)?(?P<stem>{_PARTICIPLE_STEMS})ing\s+\w", re.IGNORECASE
)
# the stems of :data:`_PARTICIPLE_STEMS` whose base form has no final "e" ("speed", not "reduce")
_STEMS_WITHOUT_E = frozenset({"speed", "allow", "boost", "lower", "prevent", "bring", "lead", "result"})


# A relative clause cut off after a comma ("Massage increases serotonin, which improves mood"): it says what
# its antecedent, the noun phrase that ends the clause before, does.
_WHICH_START = re.compile(r"which\s+(?=[a-z])", re.IGNORECASE)
MAX_ANTECEDENT_WORDS = 6


def _antecedent(masked: str, clause: tuple[int, int]) -> tuple[int, int] | None:
    """The noun phrase that ends ``clause`` (after its last verb or list word), if short and a noun's."""
    start = _np_start(masked, clause[0], clause[1], whole=True)
    span = _trim(masked, start, clause[1])
    words = _words(masked[span[0] : span[1]])
    if not 0 < len(words) <= MAX_ANTECEDENT_WORDS or span[0] <= clause[0]:
        return None
    if words[0].lower() in _NOT_ITEM_START or _FINITE.search(masked, span[0], span[1]):
        return None
    # the object of a verb of effect ("increases serotonin"), not what ends an event ("changes take place")
    # the object of the clause's own verb of effect, right after its subject ("Massage increases serotonin"),
    # not what ends an event ("… changes take place") or a phrase ("… of our lower back")
    subject = _clause_subject(masked, clause[0], clause[1])
    verb = _words(masked[subject[1] : span[0]]) if subject else []
    if len(verb) != 1 or not (
        _PREDICATE_VERB.fullmatch(verb[0]) or re.fullmatch(_EFFECT_VERB_S, verb[0], re.I)
    ):
        return None
    return span


def _naming_subject(masked: str, naming: tuple[int, int]) -> tuple[int, int] | None:
    """The subject a second predicate, purpose or participle takes from the clause that named one: the
    subject of the clause reported after its last "that" when it has one ("Studies show that yoga reduces
    anxiety and improves sleep": "yoga"), else the clause's own."""
    reports = list(re.finditer(r"\bthat\s+", masked[naming[0] : naming[1]], re.IGNORECASE))
    if reports:
        reported = reports[-1]
        inner = _clause_subject(masked, naming[0] + reported.end(), naming[1])
        if inner is not None:
            return inner
    return _clause_subject(masked, *naming)


def _pieces(masked: str, *, item: bool = False, drop: Callable[[str], bool] | None = None) -> list[_Piece]:
    """The atomic claims of a sentence: its clauses, each split at a coordination; a clause ``drop`` says is
    not a claim (a belief, a definition, advice) is left out with its items."""
    if len(masked) > MAX_SPLIT_CHARS:
        return [_Piece(*_trim(masked, 0, len(masked)))]
    out: list[_Piece] = []
    naming: tuple[int, int] | None = None  # the last clause with a subject of its own
    previous: tuple[int, int] | None = None  # the clause before
    named: tuple[int, int] | None = None  # the subject of ``naming`` when it is a relative's antecedent
    for start, end in _clauses(masked):
        opener = _DISCOURSE_OPENERS.match(masked[start:end])
        begin = start + (opener.end() if opener else 0)
        shared = _SHARED_SUBJECT_PREDICATE.match(masked, begin, end)
        # (the predicate of a relative clause cut off by :data:`_PREDICATE_RELATIVE` starts with its verb)
        relative = shared is None and begin > 0 and _RELATIVE_PREDICATE_START.match(masked, begin, end)
        purpose = _PURPOSE_START.match(masked, begin, end)
        # a second predicate takes the subject of the clause that named one ("X occurs … and impairs …, and
        # can …": both take "X"), a clause with a subject of its own names the next one's
        # (read only when needed: most clauses have no second predicate)
        participle = _PARTICIPLE_START.match(masked, begin, end) if begin > 0 else None
        takes_subject = bool(shared or relative or purpose or participle)
        subject = (named or _naming_subject(masked, naming)) if takes_subject and naming else None
        which = _WHICH_START.match(masked, begin, end) if previous and not takes_subject else None
        antecedent = _antecedent(masked, previous) if which and previous else None
        previous = (start, end)
        if which and antecedent:
            # ", which improves mood": what the noun before it does ("Serotonin improves mood"), and what
            # a second predicate of the relative clause is about
            begin, subject, naming, named = which.end(), antecedent, (start, end), antecedent
        elif not takes_subject:
            naming, named = (start, end), None
        if drop is not None and drop(_plain(masked[start:end])):
            continue
        if shared:
            begin = shared.end()  # "and therefore can take time …": the rewrite says "<subject> can take …"
        appositive = _appositive(masked, begin, end) if not (shared or relative or purpose) else None
        if appositive is not None:
            # "The third largest healthcare profession in the world, Chiropractic is …": what the phrase
            # says of the subject is a claim of its own; the clause's claims start at its subject
            phrase, named = appositive
            out.append(_Piece(*phrase, subject=named, clause=(start, end), appositive=True))
            begin = named[0]
        pieces = (
            _condition_list(masked, begin, end)
            or _adjective_pieces(masked, begin, end)
            or (_subject_pair(masked, begin, end) if not (shared or relative or purpose or item) else [])
            or _list_pieces(
                masked, begin, end, subject=not (shared or relative or purpose or item), item=item
            )
        )
        if subject is not None:
            pieces = [dataclasses.replace(p, subject=subject) for p in pieces]
        out.extend(dataclasses.replace(p, clause=(start, end)) for p in pieces)
    return out


# A parenthesis inside a clause ("cytokines (e.g., bradykinin, histamine)", "(individual or group)"): an aside
# on the word before it, whose commas and conjunctions part no items of the clause's list.
_PARENTHESIS = re.compile(r"\([^()]*\)")


def _list_pieces(masked: str, start: int, end: int, *, subject: bool, item: bool) -> list[_Piece]:
    """The clause's coordination, found with its parentheses set aside (see :data:`_PARENTHESIS`); an item
    keeps a parenthesis that closes it."""
    if "(" not in masked[start:end]:
        return _clause_list(masked, start, end, subject=subject, item=item)
    view = masked[:start] + _PARENTHESIS.sub(lambda m: " " * len(m.group()), masked[start:end]) + masked[end:]
    pieces = _clause_list(view, start, end, subject=subject, item=item)
    out = []
    for piece in pieces:
        gap = len(masked[piece.end : end]) - len(masked[piece.end : end].lstrip())
        aside = _PARENTHESIS.match(masked, piece.end + gap, end)
        out.append(dataclasses.replace(piece, end=aside.end()) if aside else piece)
    return out


def _clause_list(masked: str, start: int, end: int, *, subject: bool, item: bool) -> list[_Piece]:
    """The clause's coordination cut by :func:`_conjuncts`, or by the form of a list (an object of a verb of
    effect, a subject before a shared predicate) when that form parts more items."""
    pieces = _conjuncts(masked, start, end, item=item)
    text = masked[start:end]
    if "," not in text and " and " not in text and " or " not in text and " as well as " not in text:
        return pieces  # (no list; the common case, read without a regular expression)
    by_form = _object_list(masked, start, end) or (_subject_list(masked, start, end) if subject else [])
    # (the form decides, not the vocabulary: "may improve sleep and mood disturbance" is one compound)
    return by_form or pieces


# Two subjects of one predicate ("Even modified strokes and slow swimming help"; "The relative safety and the
# overall health benefits of exercise make it …"; "Massage and acupuncture can reduce …"): each with the
# predicate is a claim when the second has a determiner of its own, or when both are short noun phrases
# (not "-ing" clauses: "Holding the pool edge and lifting legs … strengthens …" is one exercise) that do not
# name one thing with a shared head ("neck and back pain", "heat and cold therapy": one word before the
# conjunction, more after it) — and not when the predicate relates them ("together", "compared").
_TOGETHER = re.compile(
    r"\b(?:together|combined|both|each other|one another|similar|differ|differs|compared|interact|versus|"
    r"between|alike|same)\b",
    re.IGNORECASE,
)
_FOCUS = frozenset({"even", "both", "either", "only", "also"})
_PAIR_JOIN = re.compile(r"\s(?:and|or)\s", re.IGNORECASE)
_NOT_IN_SUBJECT = frozenset({"that", "which", "who", "whom", "where", "when", "whether", "if", "because"})
MAX_PAIR_WORDS = 3  # words of each subject of a pair without determiners


def _subject_pair(masked: str, start: int, end: int) -> list[_Piece]:
    """The two claims of a clause with two subjects (see :data:`_TOGETHER`); ``[]`` when it has no such."""
    # (the conjunction must come within the subject's first words: read no further clauses than that)
    join = _PAIR_JOIN.search(masked, start, min(end, start + 120))
    if join is None or len(masked[start : join.start()].split()) > MAX_CLAUSE_SUBJECT_WORDS:
        return []
    subject = _clause_subject(masked, start, end)
    if subject is None or subject[0] != _trim(masked, start, end)[0]:
        return []
    joins = list(re.finditer(r"\s+(?:and|or)\s+", masked[subject[0] : subject[1]], re.IGNORECASE))
    if len(joins) != 1 or "," in masked[subject[0] : subject[1]]:
        return []
    join = joins[0]
    first = _words(masked[subject[0] : subject[0] + join.start()])
    second = _words(masked[subject[0] + join.end() : subject[1]])
    own = [w for w in first if w.lower() not in _FOCUS]
    words = [w.lower() for w in [*own, *second]]
    if not own or not second or _NOT_IN_SUBJECT.intersection(words):
        return []
    if {own[0].lower(), own[-1].lower(), second[0].lower()} & _AFTER_NOUN:
        return []  # a conjunction inside a phrase ("walking with or without poles")
    if second[0].lower() not in _DETERMINERS:
        short = len(own) <= MAX_PAIR_WORDS and len(second) <= MAX_PAIR_WORDS
        gerund = any(re.fullmatch(r"[a-z]{3,}ing", w[0].lower()) for w in (own, second))
        content = [
            w for w in own if w.lower() not in _DETERMINERS
        ]  # "The mechanical and neuromuscular effect"
        # ("Neck and back pain", "acute and chronic pain", "heat and cold therapy", "mechanical and
        # neuromuscular effect"; not "Yoga and tai chi")
        shared_head = (
            len(content) == 1
            and len(second) > 1
            and bool(
                re.fullmatch(r"\w+(?:al|ic|ive|ous|ar|ary|ful|less|ed|ing|ile|ent|ant)", content[0], re.I)
                or _is_outcome(second[-1])
                or _INTERVENTION.match(second[-1].lower())
            )
        )
        if not short or gerund or shared_head or _PREDICATE_VERB.fullmatch(own[0]):
            return []
    predicate = _trim(masked, subject[1], end)
    if _TOGETHER.search(masked, subject[0], end) or len(_conjuncts(masked, *predicate)) > 1:
        return []
    return [
        _Piece(subject[0], subject[0] + join.start(), suffix=predicate, agree=True),
        _Piece(subject[0] + join.end(), subject[1], suffix=predicate, agree=True),
    ]


_PLURAL_VERBS = {"are": "is", "have": "has", "were": "was", "do": "does"}


def _agree(subject: str, predicate: str) -> str:
    """``predicate`` (said of two subjects together) said of one: "slow swimming" + "help" → "helps"; "the
    relative safety" + "make it …" → "makes it …". A plural subject keeps the verb as printed."""
    phrase = re.split(r"\s+(?:of|in|with|for|from|on|at)\s+", subject, maxsplit=1)[0]
    head = _head(phrase).lower()
    verb, _, rest = predicate.partition(" ")
    stop = verb[len(verb.rstrip(".!?,;:")) :]
    verb = verb[: len(verb) - len(stop)]
    low = verb.lower()
    if re.search(r"(?<![siu])s$", head) or not low.isalpha():
        return predicate
    if low in _PLURAL_VERBS:
        verb = _PLURAL_VERBS[low]
    elif _PREDICATE_VERB.fullmatch(low) or low in _BASE_VERBS:
        if low.endswith(("s", "ed", "ing")) or low in _CLAUSE_AUXILIARY:
            return predicate
        verb = _third_person(low)
    else:
        return predicate
    return f"{verb} {rest}" if rest else verb + stop


# A noun phrase fronted before the subject it describes ("The third largest healthcare profession in the
# world, Chiropractic is …"; "One of the most common causes of heel pain, plantar fasciitis affects …"; "A
# leading cause of disability worldwide, low back pain costs …"): a ranking (a superlative, an ordinal,
# "one of", "a leading") with no verb of its own.
_APPOSITIVE = re.compile(
    r"\s*(?P<phrase>(?:one of the|the|a|an)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:\w+est|most|least|leading|main|major|primary|first|second|third|fourth|fifth|number one)\b[^,;:]*?)"
    r",\s+(?=\S)",
    re.IGNORECASE,
)
_APPOSITIVE_NOT = re.compile(
    r"\b(?:day|days|week|weeks|month|months|year|years|time|times|night|morning|evening|session|sessions|"
    r"visit|visits|step|thing)\b|"
    r"\b(?:is|are|was|were|can|may|will|has|have|had|do|does|did)\b",
    re.IGNORECASE,
)
MAX_APPOSITIVE_WORDS = 12


def _appositive(masked: str, start: int, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The spans of a fronted appositive (see :data:`_APPOSITIVE`) and of the subject it describes."""
    match = _APPOSITIVE.match(masked, start, end)
    if match is None:
        return None
    phrase = match.group("phrase")
    if len(phrase.split()) > MAX_APPOSITIVE_WORDS or _APPOSITIVE_NOT.search(phrase):
        return None
    subject = _clause_subject(masked, match.end(), end)
    if subject is None or subject[0] != match.end():
        return None
    return (match.start("phrase"), match.end("phrase")), subject


# A conditional with no main clause lists who a treatment is not for ("For example, if you are under 18,
# have skin infections on your feet, hemophilia, heart condition."): each condition is a contraindication of
# its own. A part that starts with a verb takes "if you" before it; a bare noun also the verb of the part
# before it ("If you have hemophilia").
_CONDITION_LIST = re.compile(
    r"\s*(?:(?:for example|for instance|e\.g\.)\s*,?\s*)?"
    r"(?P<lead>if|unless)\s+(?P<you>you|they|patients?|people)\s+",
    re.IGNORECASE,
)
_CONDITION_VERB = re.compile(
    r"(?:are|is|have|has|had|were|take|takes|suffer|suffers|use|uses|experience|experiences|live|lives)\b",
    re.IGNORECASE,
)


def _condition_list(masked: str, start: int, end: int) -> list[_Piece]:
    """The conditions of a conditional that lists three or more (see :data:`_CONDITION_LIST`), each a piece;
    the main clause after them, if any ("…, shockwave therapy may not be for you"), is carried by each."""
    opening = _CONDITION_LIST.match(masked, start, end)
    if opening is None:
        return []
    offset = opening.end()
    spans = [
        _trim(masked, offset + p.start(), offset + p.end()) for p in re.finditer(r"[^,]+", masked[offset:end])
    ]
    spans = [(a, b) for a, b in spans if b > a]
    main: tuple[int, int] | None = None
    for n, (a, b) in enumerate(spans[1:], start=1):
        part = re.sub(r"^(?:and|or)\s+", "", masked[a:b], flags=re.IGNORECASE)
        if not _CONDITION_VERB.match(part) and _FINITE.search(part):
            main, spans = (a, end), spans[:n]
            break
    if len(spans) < 3 or not _CONDITION_VERB.match(masked[spans[0][0] : spans[0][1]]):
        return []
    subject = (opening.start("lead"), opening.end("you"))
    pieces = [_Piece(start, spans[0][1], suffix=main)]
    verb: tuple[int, int] | None = None
    for a, b in spans[1:]:
        words = masked[a:b]
        joined = re.match(r"(?:and|or)\s+", words, re.IGNORECASE)
        own = _CONDITION_VERB.match(words, joined.end() if joined else 0)
        if own:
            verb = (a + own.start(), a + own.end())
            pieces.append(_Piece(a + own.start(), b, subject=subject, suffix=main))
        else:
            pieces.append(_Piece(a, b, prefix=verb, subject=subject, suffix=main))
    return pieces


# A second predicate of the clause before, with its own modal ("…, and can be equally effective"): it takes
# that clause's subject (its words before its verb, :func:`_clause_subject`: "It uses …" → "It").
# (and the predicates :data:`_AND_PREDICATE` parts: "… and significantly impairs …", "… and is now used …")
_SHARED_SUBJECT_PREDICATE = re.compile(
    r"(?:and|but(?=\s+also\s))\s+(?:(?:therefore|thus|so|also)\s+)?(?=(?:can|may|might|could|will|often|usually)\s"
    rf"|(?:(?:then|now|still|[a-z]+ly)\s+){{0,2}}(?:{'|'.join(sorted(_AUXILIARY))}|{_S_VERB})\s)",
    re.IGNORECASE,
)
_SUBJECT_WORD = re.compile(r"[\w’'-]+|[^\w\s’'-]")
_CLAUSE_AUXILIARY = frozenset(
    {*_AUXILIARY, "can", "may", "might", "will", "could", "should", "would", "must"}
)
MAX_CLAUSE_SUBJECT_WORDS = 10
# common verbs in the base form (a plural subject's), besides the verbs of effect
_BASE_VERBS = frozenset(
    {
        "make", "cause", "lead", "work", "need", "take", "give", "keep", "seem", "tend", "remain", "appear",
        "become", "affect", "contribute", "occur", "offer", "provide", "require", "show", "suggest",
        "protect", "trigger", "limit", "last",
    }
)  # fmt: skip


_NEGATED_AUXILIARY = frozenset(
    {"don't", "doesn't", "didn't", "can't", "cannot", "won't", "isn't", "aren't", "wasn't", "weren't"}
)
_TAKES_BARE_VERB = frozenset({"helps", "makes", "lets"})


def _known_s_verb(word: str) -> bool:
    """Whether the "-s" form ``word`` is a verb this module knows (of effect, or a common base verb's)."""
    return (
        _PREDICATE_VERB.fullmatch(word) is not None
        or word[:-1] in _BASE_VERBS
        or (word.endswith("es") and word[:-2] in _BASE_VERBS)
    )


def _clause_subject(masked: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the clause's subject: its words before its first verb, at its start or after one of its
    first commas (a fronted phrase: "In some individuals, however, tension-type headache occurs …"). A verb
    is an auxiliary; a past form after the first word followed by what a verb takes, not by a noun ("It
    originated in China", not "Even modified strokes"); a third-person form followed by a word (not by a
    comma or another such form: "individuals, however", "nerve pathways requires"); or the base form of a
    verb of effect not followed by such a form ("… slow swimming help.", not "Lumbar support reduces")."""
    tokens = list(_SUBJECT_WORD.finditer(masked, start, end))
    first = 0  # where the subject being read starts
    for index, token in enumerate(tokens):
        word = token.group()
        if word in "≥≤<>%~+±":
            continue  # a number's sign ("Individuals ≥35 years are …")
        if not (word[0].isalnum() or word[0] == "_"):
            if word == "," and index - first <= MAX_CLAUSE_SUBJECT_WORDS:
                first = index + 1  # a fronted phrase ended: the subject starts after it
                continue
            return None
        if index - first > MAX_CLAUSE_SUBJECT_WORDS:
            return None
        if index == first:
            continue
        low = word.lower()
        following = tokens[index + 1].group() if index + 1 < len(tokens) else ""
        after = following.lower()
        verb = (
            low in _CLAUSE_AUXILIARY
            or low.replace("’", "'") in _NEGATED_AUXILIARY
            or (
                low.endswith("ed")
                and len(low) > 4
                and (
                    not after[:1].isalnum()
                    or after in _AFTER_NOUN
                    or after in _DETERMINERS
                    or after.endswith("ly")
                    or _CHANGE_WORD.fullmatch(after) is not None
                )
            )
            or (
                re.fullmatch(_S_VERB, low) is not None
                and following[:1].isalnum()
                # (before another "-s" word only when it is a verb this module knows and that word none:
                # "Arthritis affects millions", not "Ehlers Danlos has" or "nerve pathways requires")
                and not (re.fullmatch(_S_VERB, after) and (_known_s_verb(after) or not _known_s_verb(low)))
                # a plural noun before its verb ("Warm compresses relax …"), not "helps reduce"
                and (
                    low in _TAKES_BARE_VERB or not (_PREDICATE_VERB.fullmatch(after) or after in _BASE_VERBS)
                )
                and after not in _CLAUSE_AUXILIARY
                and after not in ("of", "and", "or")  # "benefits of exercise", "strokes and"
            )
            or (
                (_PREDICATE_VERB.fullmatch(low) is not None or low in _BASE_VERBS)
                and not low.endswith(("s", "ed", "ing"))
                # (an "-s" word after it is the verb only when it is one: "Lumbar support reduces …"; a plural
                # noun is its object: "Migraines affect millions worldwide")
                and not (re.fullmatch(_S_VERB, after) and _known_s_verb(after))
            )
        )
        if verb:
            return tokens[first].start(), tokens[index - 1].end()
    return None


# Evaluative adjectives a writer coordinates after "is" or "feel" ("safe and effective", "relaxed and alert"):
# each names a different claim (a harm, a benefit, a feeling), so each is a claim of its own.
_PREDICATE_ADJECTIVE = (
    r"(?:safe|effective|gentle|painless|non-?invasive|drug-free|natural|relaxed|relaxing|alert|calm|comfortable|"
    r"beneficial|helpful|useful|well[- ]tolerated|cost-effective|cost-efficient|affordable|efficient|quick|"
    r"holistic|mild|temporary|rare|common|reliable|proven|[a-z]+-free)"
)
_DEGREE = (
    r"(?:(?:both|generally|very|extremely|also|often|usually|highly|considered|quite|relatively|completely|"
    r"totally|entirely|an?)\s+)*"
)
_ADJECTIVE_COORDINATION = re.compile(
    # after a copula or "feel", or an article after "offers"/"provides" ("offers a safe and effective way")
    rf"(?:\b(?:is|are|be|feel|feels|felt|seem|seems|remain|remains|was|were)\s+"
    rf"|\b(?:offers?|provides?)\s+(?:a|an)\s+){_DEGREE}"
    rf"(?P<first>{_PREDICATE_ADJECTIVE})(?P<middle>(?:\s*,\s*{_DEGREE}{_PREDICATE_ADJECTIVE})*)\s*,?\s+"
    rf"(?:and|or)\s+(?P<last>{_DEGREE}(?:{_PREDICATE_ADJECTIVE}\b|without\b))",
    re.IGNORECASE,
)
# After "feel" any adjectives are predicates: what a person feels ("reported feeling more confident and alert
# than those who slouched"; "you will be made to feel comfortable and pain-free"). One word each, not a
# noun's ("feel the muscles and joints": a determiner is no adjective).
_FEELING = r"(?!(?:the|a|an|your|their|his|her|its|our|my|like|that|it|them|better|worse)\b)[a-z][a-z-]+"
_FEEL_COORDINATION = re.compile(
    rf"\b(?:feel|feels|felt|feeling)\s+(?:(?:more|less|much|so)\s+)?{_DEGREE}"
    rf"(?P<first>{_FEELING})(?P<middle>(?:\s*,\s*{_DEGREE}{_FEELING})*)\s*,?\s+"
    rf"(?:and|or)\s+(?P<last>{_DEGREE}{_FEELING}\b)",
    re.IGNORECASE,
)


# Three or more one-word predicates after a copula, parted by commas, name distinct claims whatever the words
# ("Walking is safe, cheap and widely available"; "The main signs are pain, swelling and stiffness"): the
# form decides, not a vocabulary of adjectives (two of them are read by :data:`_ADJECTIVE_COORDINATION`).
_ONE_WORD = (
    r"(?!(?:the|a|an|your|their|his|her|its|our|my|not|no|that|this|it|them|to|in|of|for|with)\b)[a-z][a-z-]+"
)
_PREDICATE_LIST = re.compile(
    rf"\b(?:is|are|be|remain|remains|seem|seems|was|were)\s+{_DEGREE}"
    rf"(?P<first>{_ONE_WORD})(?P<middle>(?:\s*,\s*{_DEGREE}{_ONE_WORD})+)\s*,?\s+"
    # (not a list that is the subject of a verb after it: "When the Qi is obstructed, pain, or disease may …")
    rf"(?:and|or)\s+(?P<last>{_DEGREE}{_ONE_WORD}\b)(?!\s+(?:of|to|can|may|might|will|would|must|is|are|was|were|has|have)\b)",
    re.IGNORECASE,
)


# "Shockwave therapy is a safe" (the first of "a safe and non-invasive way …"): the article belongs to the
# noun the last adjective keeps, so the rewrite of the first drops it.
_LONE_ARTICLE = re.compile(rf"\b(is|are) an? ({_PREDICATE_ADJECTIVE})$", re.IGNORECASE)


_LONE_OFFER = re.compile(rf"\b(offers?|provides?) an? ({_PREDICATE_ADJECTIVE})$", re.IGNORECASE)


def _adjective_pieces(masked: str, start: int, end: int) -> list[_Piece]:
    """ "Acupuncture is safe and without any serious side effects" → "Acupuncture is safe" + "without any
    serious side effects" (carrying "Acupuncture is"): coordinated predicate adjectives after a copula or
    "feel", the last one keeping the rest of the clause ("effective for neck pain"). ``[]`` when there are
    none."""
    match = (
        _ADJECTIVE_COORDINATION.search(masked, start, end)
        or _FEEL_COORDINATION.search(masked, start, end)
        or _PREDICATE_LIST.search(masked, start, end)
    )
    if match is None:
        return []
    prefix = (start, match.start("first"))
    pieces = [_Piece(start, match.end("first"))]
    offset = match.start("middle")
    for middle in re.finditer(r"[^,]+", masked[offset : match.end("middle")]):
        if middle.group().strip():
            pieces.append(_Piece(offset + middle.start(), offset + middle.end(), prefix))
    # the last adjective keeps the rest of the clause, itself split at a coordination ("non-invasive way to
    # restore mobility and reduce pain in your heel"), each part carrying the clause's subject
    for n, inner in enumerate(_conjuncts(masked, match.start("last"), end)):
        if n == 0 or inner.prefix is None:
            pieces.append(dataclasses.replace(inner, prefix=prefix))
        else:
            pieces.append(dataclasses.replace(inner, subject=prefix))
    return pieces


# every branch of _DEFINITION needs " is ", " are " or one of these
_DEFINITION_WORDS = (" be ", "involves", "consists of", "refers to")
_DEFINITION = re.compile(
    # (the noun is the phrase's head: "It is a great supplement to massage" names what it adds to, not what
    # it is)
    r"^(?:[\w()’'/-]+\s+){1,7}?(?:is|are)\s+(?:perhaps\s+)?(?:a|an|one of the)\s+"
    r"(?:(?!(?:to|for|with|in|on|by)\b)[\w-]+\s+){0,4}?"
    r"(?:form|type|kind|technique|treatment|method|therapy|intervention|practice|procedure|approach|modality|"
    r"term|massage|traditions?|system|discipline|profession|tool)s?\b"
    # a classification ("The treatment of tennis elbow can be divided into conservative and operative …")
    r"|^(?:[\w()’'/-]+\s+){1,8}?(?:can be |may be |is |are )"
    r"(?:divided|classified|grouped|categori[sz]ed|split) into\b"
    # what a condition is ("Plantar fasciitis is an inflammation of tissue called the plantar fascia"); its
    # cause or how common it is, said in the same sentence, is a claim (see _description)
    r"|^(?:[\w()’'/-]+\s+){1,5}?(?:is|are)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:inflammation|irritation|"
    r"swelling|thickening|degeneration|condition|disorder|disease|injury|tear)\s+(?:of|in|that affects|"
    r"affecting|where|in which)\b"
    r"|^(?:[\w()’'/-]+\s+){1,7}?(?:is|are) (?:defined as|described as|the term for)\b"
    # what a treatment consists of ("… acupuncture involves the placement of hair-thin needles …")
    r"|^(?:[\w()’'/,-]+\s+){1,12}?"
    r"(?:involves|consists of|refers to|is based on the (?:premise|idea|belief))\b",
    re.IGNORECASE,
)
# A name given ("The first is called relief care, which is when we focus on relieving your pain") or the
# character of a practice's approach, not an effect of it ("This approach is patient-centred and
# evidence-informed, focusing on overall wellbeing …", "Our care is holistic and tailored to you").
_NAMING = re.compile(
    r"^(?:[\w()’'/-]+\s+){1,7}?(?:is|are) (?:also |often |sometimes )?"
    r"(?:called|known as|termed|referred to as)\b"
    r"|^(?:[\w()’'/-]+\s+){1,7}?(?:is|are) (?:the|a) (?:word|term|name)s? (?:used )?"
    r"(?:for|to describe|given to)\b"
    r"|^(?:this|that|our|the|their|its) (?:[\w-]+ )?"
    r"(?:approach|care|practice|method|philosophy|style|model)\b[^.;]{0,30}?\b(?:is|are)\b (?:\w+ )?"
    r"(?:patient[- ]cent(?:red|ered)|client[- ]cent(?:red|ered)|holistic|individuali[sz]ed|personali[sz]ed|"
    r"tailored|evidence[- ](?:informed|based)|whole[- ]person|integrative)\b",
    re.IGNORECASE,
)
# A principle of a practice is its creed, not an effect, whatever verbs it uses ("A fundamental principle of
# acupuncture is to treat the whole person … and to relieve the root cause of disease"). (An aim is kept:
# "Its aim is to release toxins" says what the treatment does, and lucifit_cupping's labels count it.)
_PRINCIPLE = re.compile(
    r"^(?:[\w’'-]+\s+){0,3}?(?:principles?|philosophy|premise)\s+of\b[^.;]*?\b(?:is|are)\s+(?:to|that)\b",
    re.IGNORECASE,
)
_HISTORY = re.compile(
    r"\b(?:ancient|oldest|centuries|history|historical|historically|Hippocrates|originat(?:ed|ing) in|"
    r"dates? back)\b"
    r"|\b\d[\d,]* years ago\b",
    re.IGNORECASE,
)
_BELIEF = re.compile(
    r"^(?:you (?:might|may|probably) (?:think|believe|wonder)|many (?:people )?(?:believe|think)|"
    r"some (?:people )?(?:say|believe|think))\b",
    re.IGNORECASE,
)
_ADVICE = re.compile(
    # (not what the reader should feel: "However, you should not experience any pain" says what to expect)
    r"^(?:you|we) (?:should(?! (?:not |never )?(?:experience|feel|notice|expect)\b)|must|need to|"
    r"can (?:also )?(?:try|ask|book))\b"
    # advice put as a statement: "understanding effective treatment options is crucial for recovery"
    r"|^(?:[^,]*,\s*)?(?:understanding|knowing|getting|seeking|finding|choosing|having|learning)\b[^.]{0,80}?"
    r"\b(?:is|are) (?:crucial|essential|vital|key|important)\b"
    # a suggestion with no one named who suggests it ("Examples of exercises that may be suggested include:",
    # "Stretches that might be tried include …"): advice; a guideline's "is recommended" is not matched
    r"|^(?:some |other )?examples? of\b[^.;]{0,80}\binclude\b"
    r"|^it(?: is|['’]s) (?:usually |often |always )?(?:best|better|wise|advisable|a good idea) to\b"
    r"|\bit(?: is|['’]s) (?:very |really |so |especially )?(?:important|essential|vital|crucial) "
    r"(?:that|to)\b|\bit is of (?:\w+ )?importance\b",
    re.IGNORECASE,
)
# (the two forms below are searched only when the clause holds " be" / " been": most clauses do not)
_SUGGESTED = re.compile(
    r"\b(?:that|which) (?:may|might|can|could) be (?:suggested|tried|considered|prescribed|advised)\b",
    re.IGNORECASE,
)
# that something has been studied, with no result ("Behavioural interventions such as … have been studied;
# however, good-quality trials are lacking": the result is the next clause's)
_STUDIED = re.compile(
    r"\b(?:have|has) been (?:\w+ )?(?:studied|investigated|evaluated|examined|tested|researched|explored|"
    r"trial(?:l)?ed)\s*(?:[.;:]|$)",
    re.IGNORECASE,
)
_RESEARCH_EXISTS = re.compile(
    r"\b(?:studies|research|trials)\b[^.]{0,80}\bhave been (?:conducted|carried out|done|performed)\b"
    # a review's method ("We found randomised controlled trials to evaluate whether …")
    r"|^we (?:found|searched|identified|included|reviewed|looked (?:at|for))\b[^.]{0,60}\b(?:trials|studies|"
    r"reviews|articles)\b(?! (?:showed|found|suggest))",
    re.IGNORECASE,
)
_HELPS = re.compile(r"\bhelps?\b|\bused to (?:alleviate|relieve|reduce|improve)\b", re.IGNORECASE)
# A bold label before the claim ("**Expected Timeline**: Most people see …"): not part of the claim.
_LABEL_PREFIX = re.compile(r"^\s*(?:\*\*[^*\n]{1,60}\*\*\s*:|\*\*[^*\n]{1,60}:\*\*)\s*")


def _description(plain: str) -> bool:
    """A definition or history of a treatment ("Cupping is a physical treatment which utilizes …"), unless it
    also promises a benefit or a harm ("… used to alleviate musculoskeletal pain")."""
    if _PRINCIPLE.match(plain):
        return True
    # (both forms need one of these words: most clauses hold none, and are not matched against them)
    copula = " is " in plain or " are " in plain
    if copula and _NAMING.match(plain):
        # a name or a character: a description whatever its words, unless a verb states an effect or a harm
        return not (_ANY_EFFECT.search(plain.lower()) or _scores(plain)["safety"])
    defines = copula or any(word in plain for word in _DEFINITION_WORDS)
    if not ((defines and _DEFINITION.match(plain)) or _HISTORY.search(plain)):
        return False
    scores = _scores(plain)
    # … unless it also states a checkable fact of its own ("one of the oldest, most commonly used medical
    # procedures in the world": how common it is)
    return not (
        scores["efficacy"] >= 2
        or scores["safety"] >= 2
        or scores["other"] >= 3
        or scores["etiology"] >= 2
        or _HELPS.search(plain)
    )


# A trailing concession that names nothing to check ("…, although it may vary depending on the specific
# treatment") hedges the clause before it; it is not a claim of its own.
_CONCESSION = re.compile(r"^(?:although|though|even though)\b", re.IGNORECASE)
# A relative clause cut from its noun ("…, which runs from the heel bone and through the foot's arch") that
# names nothing to check describes that noun.
_RELATIVE_CLAUSE = re.compile(r"^(?:which|who|whom|whose|where)\b", re.IGNORECASE)


# A belief reported as a belief, anywhere in the clause ("Historically, there has been a widely held belief
# that up to 90% of cases … will resolve"): the writer does not assert it.
_REPORTED_BELIEF = re.compile(
    r"(?<!contrary to )(?<!contrary to a )\b(?:widely[- ]held|common(?:ly held)?|popular) "
    r"(?:belief|myth|misconception)\b"
    # a belief of the past (not the hedge "It is thought to work by …", which asserts a mechanism)
    r"|\bit was (?:once |long |commonly |widely )?(?:believed|thought)\b",
    re.IGNORECASE,
)


# The clinic speaking of what it does ("We can take a break."; "We change up the needling technique to make
# the experience more comfortable.") describes a service; it is a claim only when it also names an effect,
# a harm or a mechanism outright, or a finding ("we know that inserting a needle … causes …").
_CLINIC_VOICE = re.compile(
    r"^(?:we|i|our (?:team|clinic|therapists?|physiotherapists?|practitioners?|staff|practice))\b"
    r"(?! (?:now )?know\b| (?:have )?(?:found|seen|shown)\b)",
    re.IGNORECASE,
)


# What practitioners do, told as their work ("Chiropractors assess and address areas of the spine …", "Our
# Chiropractor focuses on your nervous system", "Your … provider will assess your particular injury",
# "osteopathic manual therapists use a refined sense of touch to identify and treat …"): a description of the
# practice, whatever body words it names. A verb of attention, assessment or choice, not of effect.
_PRACTITIONERS = (
    r"chiropractors?|practitioners?|therapists?|physiotherapists?|osteopaths?|acupuncturists?|providers?|"
    r"clinicians?|doctors?|physicians?|specialists?|massage therapists?|masseu(?:r|se)s?|staff|team|"
    r"he or she|she or he"
)
_PRACTICE = re.compile(
    # (after a fronted phrase: "With an extensive knowledge of anatomy, …", "In general, …")
    r"^(?:(?:with|in|during|at|after|before|as|for|using|through|while|although|though)\b[^.;]{0,100}?,\s*)?"
    r"(?:(?:the|our|your|a|an|most|many|some|all|these)\s+)?(?:[\w’'-]+\s+){0,4}?"
    rf"(?:{_PRACTITIONERS})\s+"
    r"(?:(?:will|may|can|might|often|also|usually|then|typically|generally|first|carefully|commonly|"
    r"always|and)\s+)*"
    # verbs of speech: what is said is reported, not asserted ("the doctor will explain exactly how
    # subluxations occur and how chiropractic care can be used to correct them")
    r"(?:(?P<speech>discuss|ask|explain|talk|answer|tell|describe|want to know)|"
    r"assess|address|examin|evaluat|diagnos|focus|use|work on|identif|tailor|design|review|look|check|"
    r"consider|determin|develop|palpat|observ|listen|spend|offer)\w*\b",
    re.IGNORECASE,
)


# an effect verb as the verb of a purpose ("… to help restore movement", "… to release trigger points")
_EFFECT_PURPOSE = re.compile(rf"\b(?:to|helps?)\s+(?:[\w-]+\s+){{0,5}}?(?:{_EFFECT_VERBS})\b", re.IGNORECASE)


def _clinic_voice(plain: str) -> bool:
    practice = _PRACTICE.match(plain)
    # (a finding reported is a claim in either voice; looked for only once a voice is matched)
    if practice:
        if _FINDING.search(plain):
            return False
        if practice.group("speech"):
            return True
        # … unless the work is done for an effect it names ("Chiropractors use manual techniques … to help
        # restore movement in the spine") or names a harm
        return not (
            _ANY_EFFECT.search(plain.lower()) or _EFFECT_PURPOSE.search(plain) or _scores(plain)["safety"]
        )
    if not _CLINIC_VOICE.match(plain) or _FINDING.search(plain):
        return False
    scores = _scores(plain)
    # "we are able to stimulate the exact spot that is causing you pain" names a mechanism: a claim
    return scores["efficacy"] < 2 and not (scores["safety"] or scores["mechanism"])


@functools.lru_cache(maxsize=4096)
def _not_a_claim(plain: str) -> bool:
    return bool(
        ((_CONCESSION.match(plain) or _RELATIVE_CLAUSE.match(plain)) and not any(_scores(plain).values()))
        or _clinic_voice(plain)
        or _REPORTED_BELIEF.search(plain)
        or _excluded(plain)
        or _BELIEF.match(plain)
        or _ADVICE.search(plain)
        or (" be " in plain and _SUGGESTED.search(plain))
        or _RESEARCH_EXISTS.search(plain)
        or (" been " in plain and _STUDIED.search(plain))
        or _description(plain)
    )


# --- lead-ins ---------------------------------------------------------------------------------------------
_LEAD_NOUN = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,2}?(?P<noun>benefits?|effects?|advantages?)"
    r"(?:\s+of\s+(?P<subject>.+?))?(?:\s+according to\b.*?)?(?:\s+(?P<verb>include|includes|are))?$",
    re.IGNORECASE,
)
_LEAD_HOW = re.compile(r"^how (?:it|they|this|\w+(?: \w+)?) (?:helps?|works?)$", re.IGNORECASE)
_LEAD_FOR = re.compile(r"^(?:best|good|ideal|useful|great|helpful) for$", re.IGNORECASE)
_LEAD_FOLLOWING = re.compile(r"\s+(?:the following|as follows|these(?: conditions| areas)?|following)$", re.I)
_EFFECT_LEAD = re.compile(
    r"\b(?:improv|reduc|reliev|eas|help|alleviat|prevent|treat(?=s?\b|ed\b|ing\b)|benefit|boost|enhanc|increas|decreas|lower|"
    r"promot|support|manag|restor|strengthen|speed|accelerat|allow)\w*",
    re.IGNORECASE,
)
_FOLLOWING_SUBJECT = re.compile(
    r"^(?:the\s+)?following\s+(?:[\w-]+\s+){1,4}?"
    r"(?P<predicate>(?:are|is|can|may|might|could|will|have|has)\b.*)$",
    re.IGNORECASE,
)
_META_LEAD = re.compile(r"^(?:here are|here's|here is|below are|these are|try these)\b", re.IGNORECASE)
_ADJECTIVE_START = re.compile(r"^(?:helpful|useful|beneficial|effective|good|safe|great|ideal|best)\b", re.I)


@dataclass(frozen=True)
class _Lead:
    stem: str | None  # words every item completes ("Routine chiropractic care can improve")
    subject: str | None  # a subject for items that bring their own verb ("Cupping therapy")
    kind_text: str  # the lead's words, for the kind of its items
    predicate: str | None = None  # what every item is said to be or do ("are also associated with back pain")


def _section_subject(article: Article, section_id: str | None) -> str | None:
    for section in article.sections:
        if section.id == section_id:
            title = re.sub(r"^\s*\d+[.)]\s*", "", _plain(section.title)).strip()
            if title and not title.endswith("?") and len(title.split()) <= 4:
                return _sentence_case(title)
    title = _plain(article.title or "")
    return _sentence_case(title) if title and len(title.split()) <= 4 else None


def _sentence_case(title: str) -> str:
    """ "Chiropractic Care" → "Chiropractic care" (a title's capitals are not a name's); acronyms stay."""
    first, *rest = title.split(" ")
    return " ".join([first, *(w if w.isupper() and len(w) > 1 else w.lower() for w in rest)])


def _third_person(verb: str) -> str:
    """ "reduce" → "reduces", "ease" → "eases", "relieve" → "relieves": a sub-lead's verb after a subject."""
    if re.search(r"(?:s|sh|ch|x|z)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


def _lead(plain: str, section_subject: str | None) -> _Lead:
    text = plain.rstrip(": ").strip()
    text = _DISCOURSE_OPENERS.sub("", text)
    if match := _LEAD_NOUN.match(text):
        subject = match.group("subject") or section_subject
        if subject and match.group("verb"):
            return _Lead(
                f"The {match.group('noun').lower()} of {subject[:1].lower() + subject[1:]} include",
                None,
                text,
            )
        return _Lead(None, subject, text)
    if _LEAD_HOW.match(text):
        return _Lead(None, section_subject, text)
    if _LEAD_FOR.match(text) and section_subject:
        return _Lead(f"{section_subject} is {text.lower()}", None, text)
    if following := _FOLLOWING_SUBJECT.match(text):
        # "The following lifestyle factors are also associated with back pain:": each item is the subject
        # ("Smoking are also associated with back pain" — the verb as printed: a rewrite adds no words)
        return _Lead(None, None, text, following.group("predicate"))
    stem = _LEAD_FOLLOWING.sub("", text)
    if len(stem.split()) <= 3 and not _PREDICATE_VERB.search(stem):
        return _Lead(None, section_subject, text)  # "Mechanisms of action", "Treatment Components"
    return _Lead(_item_stem(stem), None, text)


def _compose(lead: _Lead, phrase: str) -> str:
    if lead.predicate:
        predicate = lead.predicate
        if not _head(phrase).lower().endswith("s"):  # "Smoking is …", "Poor sleep quality is …"
            predicate = re.sub(r"^are\b", "is", re.sub(r"^have\b", "has", predicate))
        return f"{phrase} {predicate}"
    lowered = _lower_first(phrase)
    if lead.stem:
        return f"{lead.stem} {lowered}"
    if lead.subject:
        subject = lead.subject[:1].upper() + lead.subject[1:]
        if _ADJECTIVE_START.match(phrase):
            return f"{subject} is {lowered}"
        first = phrase.split(" ", 1)[0]
        if _PREDICATE_VERB.fullmatch(first) or re.fullmatch(r"[A-Z][a-z]+(?:es|s)", first):
            return f"{subject} {lowered}"
    return phrase


def _lower_first(phrase: str) -> str:
    first = phrase.split(" ", 1)[0]
    if (len(first) == 1 or first[1:].islower()) and first not in _PROPER_FIRST_WORDS:
        return phrase[:1].lower() + phrase[1:]
    return phrase


def _is_lead(sentence: Sentence, masked: str) -> bool:
    plain = _plain(masked)
    if plain.endswith(":"):
        return True
    # a short line in bold with no colon, right above a list ("**Mechanisms of action**")
    raw = sentence.text.strip()
    return raw.startswith(("**", "__")) and raw.endswith(("**", "__")) and len(plain.split()) <= 6


# --- drafting ---------------------------------------------------------------------------------------------


@dataclass
class _Subject:
    text: str | None = None
    fresh: bool = False  # named or carried by the sentence just drafted


_SUBORDINATOR = re.compile(
    r"^(?:although|though|even though|while|whereas|because|since|if|when|once|unless)\s+", re.IGNORECASE
)


def _name_subject(text: str, subject: _Subject, topic: Sequence[str]) -> None:
    match = _SUBJECT.match(text)
    pronouns = ("it", "this", "they", "these", "that")
    if match and match.group("subject").lower().split()[0] not in pronouns:
        # "Several trials found that acupressure improves …": the subject follows the reporting clause;
        # "Although massage is …": the subordinator is no part of it
        named = _SUBORDINATOR.sub("", _REPORTING_CLAUSE.sub("", match.group("subject")))
        if len(named.split()) <= MAX_SUBJECT_WORDS and _names_intervention(named, topic):
            subject.text, subject.fresh = named, True


def _replace_it(text: str, subject: _Subject) -> str:
    """A leading "It" becomes the subject named in the sentence right before (or carried through a run of
    sentences that each begin "It …"); with any other sentence between, the antecedent is not certain and
    the pronoun stays."""
    if subject.text and _LEADING_IT.match(text):
        subject.fresh = True
        return subject.text[:1].upper() + subject.text[1:] + text[2:]
    return text


def _resolve_it(text: str, subject: _Subject, topic: Sequence[str]) -> str:
    _name_subject(text, subject, topic)
    return _replace_it(text, subject)


def draft_claims(article: Article) -> ClaimRegistry:
    """Candidate atomic claims in ``article``, in text order, for an editor to review (no evidence links).

    See the module docstring for the rules. ``ClaimRegistry.source`` is the article's path.
    """
    topic = _topic_words(article)
    cuts: dict[str, list[tuple[int, int]]] = {}  # sentence id -> its citation markers, as offsets in it
    starts = {s.id: s.start for s in article.sentences}
    for c in article.citations:
        if c.sentence_id in starts:
            cuts.setdefault(c.sentence_id, []).append(
                (c.start - starts[c.sentence_id], c.end - starts[c.sentence_id])
            )
    cited = set(cuts)
    by_position = {s.id: i for i, s in enumerate(article.sentences)}
    claims: list[Claim] = []
    subject = _Subject()
    current_section: str | None = None
    consumed: set[str] = set()  # list items drafted through their lead sentence

    for sentence in article.sentences:
        if sentence.kind not in _PROSE_KINDS:
            continue
        if sentence.section_id != current_section:
            current_section, subject.text = sentence.section_id, None
        if not subject.fresh:
            subject.text = None
        subject.fresh = False
        if sentence.id in consumed:
            continue
        sentence_cuts = cuts.get(sentence.id, ())
        masked = _mask(sentence.text, sentence_cuts)
        items = _following_items(article, by_position[sentence.id]) if _is_lead(sentence, masked) else []
        if items:
            consumed.update(i.id for i in items)
            claims.extend(_draft_list(article, sentence, masked, items, cuts, subject, topic))
            continue
        claims.extend(_draft_sentence(sentence, masked, sentence.id in cited, subject, topic))
    return ClaimRegistry(claims, (), source=article.path)


def _draft_sentence(
    sentence: Sentence, masked: str, cited: bool, subject: _Subject, topic: Sequence[str]
) -> list[Claim]:
    label = _LABEL_PREFIX.match(sentence.text)
    if label:
        masked = " " * label.end() + masked[label.end() :]
    plain = _plain(masked)
    _name_subject(_clean(plain), subject, topic)
    # a sentence whose front only sets the scene is judged by the clause that asserts ("Although it doesn't
    # seem like these small adjustments mean anything, it can make a difference for your … health")
    scene = _scene_end(masked, 0, len(masked))
    judged = _plain(masked[scene:]) if scene else plain
    # Recall first (issue 9): a declarative sentence of prose with no claim cue is still a candidate, marked
    # as such, since cue words miss most claims on pages no rule was written for (the note tells the editor).
    has_cue = is_checkworthy(judged, cited=cited, topic=topic)
    if not has_cue and not _declarative(judged):
        return []
    # a belief, definition or advice is dropped; with another clause ("…, but research suggests …") only its
    # own clause is
    masked = _without_aside(_without_attribution(masked))
    pieces = _pieces(masked, drop=_not_a_claim)
    # In a sentence of several clauses, a clause with no cue and no citation of its own, beside one that has
    # a cue, describes rather than claims ("It uses the same principles as acupuncture but without needles,
    # and can be equally effective"): the cued clause carries the sentence's claim.
    clauses = {p.clause for p in pieces if p.clause is not None}
    if len(clauses) > 1:  # (a single clause is kept whatever its cues: not scored again)
        cued = {c for c in clauses if _clause_is_cued(masked, c, sentence_cuts=cited, topic=topic)}
        # a contrast ("…, but the amount of research … is small") qualifies the claim before it: a claim too
        cued |= {c for c in clauses if _CONTRAST.match(masked, c[0], c[1])}
        # and the claim a contrast or a trailing concession qualifies is one ("Salt raises blood pressure …,
        # but potassium lowers it"; "Splints protect the teeth …, although they do not cure bruxism")
        ordered = sorted(clauses)
        cued |= {
            before
            for before, after in itertools.pairwise(ordered)
            if _QUALIFYING.match(masked, after[0], after[1]) and (after in cued or before in cued)
        }
        # the main clause after a fronted reason or concession cut off as a claim of its own is what the
        # sentence asserts ("Because ESWT activates the body's natural healing process, it lasts longer than
        # treatments like medications"): not a description beside it
        front = _fronted_phrase_break(masked) if cued and "," in masked else []
        cued |= {c for c in clauses if front and _trim(masked, front[0].end(), c[1])[0] == c[0]}
        # a clause with a subject of its own joined to the one before (see :data:`_JOINED_CLAUSE`, and a
        # proportion's, :data:`_AND_PROPORTION`) asserts
        # as a sentence would, cue or none; so does the clause it is joined to
        if cued and len(cued) < len(clauses):
            joints = _joined_clauses(masked) if "," in masked or "-" in masked or "—" in masked else []
            for joint in [*joints, *(_proportion_clauses(masked) if " and " in masked else ())]:
                cued |= {c for c in clauses if c[0] == _trim(masked, joint.end(), len(masked))[0]}
                cued |= {c for c in clauses if c[1] == _trim(masked, 0, joint.start())[1]}
        # two sentences a reader did not part (see :data:`_FULL_STOP`) are judged each on its own: one with no
        # cued clause is kept whole when it states something, as a sentence of its own would be
        stops = [m.end() for m in _FULL_STOP_BREAK.finditer(masked)] if cued else []
        if stops:
            bounds = [0, *stops, len(masked)]
            for low, high in itertools.pairwise(bounds):
                group = {c for c in clauses if low <= c[0] < high}
                if group and not group & cued and _declarative(_plain(masked[low:high]).strip()):
                    cued |= group
        if cued:
            pieces = [p for p in pieces if p.clause in cued]
    made: list[Claim] = []
    not_only = "not only" in masked.lower() and bool(_not_only_breaks(masked))
    for piece in pieces:
        own = _plain(masked[piece.start : piece.end])
        if not own:
            continue
        # a later item carries the clause's beginning (its subject and verb), from the same sentence only
        carried = _plain(masked[piece.prefix[0] : piece.prefix[1]]) if piece.prefix else ""
        if own.lower().startswith("to ") and carried.lower().endswith(" to"):
            carried = carried[:-3]
        carried = re.sub(r"\s+both$", "", carried)  # "people often feel both" + "alert"
        if piece.prefix is None:
            own = _LONE_ARTICLE.sub(r"\1 \2", own)  # "is a safe" → "is safe"
            # "… offers a safe" (the first of "a safe and effective way to …"): what it offers is safe
            own = _LONE_OFFER.sub(lambda m: ("is " if m.group(1).endswith("s") else "are ") + m.group(2), own)
        if re.search(r"\ba$", carried) and re.match(r"[aeiou]", own, re.IGNORECASE):
            carried = carried[:-1] + "an"  # "offers a" + "effective way …" → "offers an effective way …"
        text = f"{carried} {own}" if carried else own
        if piece.appositive and piece.subject:
            named = _plain(masked[piece.subject[0] : piece.subject[1]])
            plural = re.search(r"(?<![siu])s$", named) is not None
            text = f"{named} {'are' if plural else 'is'} {_lower_first(own)}"
        elif piece.subject:
            text = _with_subject(_plain(masked[piece.subject[0] : piece.subject[1]]), text)
        if piece.suffix:
            # a main clause after a conditional keeps its comma ("If you have hemophilia, shockwave …")
            # (not a subject list's: "soy, red clover and black cohosh, can …" → "Red clover can …")
            comma = "," if masked[: piece.suffix[0]].rstrip().endswith(",") and not piece.agree else ""
            predicate = _plain(masked[piece.suffix[0] : piece.suffix[1]])
            text += comma + " " + (_agree(own, predicate) if piece.agree else predicate)
        # an item of a coordination whose clause is a claim is an item of that claim: its own words may lack
        # the cue its clause has ("… treatment for various health conditions such as pain relief, sport
        # recovery and skin conditions" is no definition in its last item either)
        listed = (
            piece.prefix is not None
            and piece.clause is not None
            and piece.start > piece.clause[0]
            and not _not_a_claim(_plain(masked[piece.clause[0] : piece.clause[1]]))
        )
        if len(pieces) > 1 and not listed and _not_a_claim(text):
            continue
        # a later clause's conjunction is no word of its claim when a subject follows it ("But evidence about
        # its value … is uncertain"; "And the bone thickens"), only of its quote
        conjunction = _CLAUSE_CONJUNCTION.match(text) if made else None
        if conjunction and _starts_clause(text[conjunction.end() :]):
            text = text[conjunction.end() :]
        if not_only:
            # "Exercise not only reduces pain" (before "but also …"): the claim is that it reduces pain
            text = _NOT_ONLY_FOCUS.sub("", text)
        text = _replace_it(_clean(text), subject)
        kind = claim_kind(text, topic)
        uncued = kind == "other" and not any(_scores(_NAMED_SOURCE.sub(r"\1", text)).values())
        if uncued and piece.clause:
            kind = claim_kind(_clean(_plain(masked[piece.clause[0] : piece.clause[1]])), topic)
        if uncued and kind == "other":
            kind = claim_kind(_clean(plain), topic)  # the sentence's kind, read only when needed
        start, end = _trim(masked, piece.start, piece.end)
        whole = len(pieces) == 1 and (start, end) == _trim(masked, 0, len(masked))
        quote = sentence.text if whole else sentence.text[start:end]
        claim = _claim(sentence, len(made) + 1, text, kind, quote, _condition(text))
        made.append(claim if has_cue else dataclasses.replace(claim, note=UNCUED_NOTE))
    return made


# Who says a claim, when the sentence names them after it (", according to Versus Arthritis."; ", says a
# scientist who carried out a review."; ", Dr Tong said.") or before a quotation it introduces with a colon
# ("Dr Iris Tong, of Brown University, who led the review, said: 'Up to 75 per cent of women use …'"): the
# source of the claim, not part of it, so no piece of the claim holds it. A sentence that is one claim still
# quotes the whole sentence.
_SPEECH_VERBS = (
    r"says?|said|writes?|wrote|reports?|reported|explains?|explained|adds?|added|notes?|noted|warns?|warned|"
    r"concludes?|concluded|claims?|claimed|argues?|argued|told\s+[^,;:]{1,40}?"
)
_TRAILING_ATTRIBUTION = re.compile(
    rf",\s+(?:according to\s+[^,;:]{{2,80}}?|(?:{_SPEECH_VERBS})\s+[^,;:]{{2,80}}?"
    rf"|(?:(?-i:[A-Z])|(?:the|a|an)\s)[^,;:]{{1,60}}?\s+(?:{_SPEECH_VERBS}))\s*[.!]?\s*$",
    re.IGNORECASE,
)
_SPEECH_COLON = re.compile(rf"^[^:;]{{3,200}}?\b(?:{_SPEECH_VERBS})\s*:\s+(?=\S)", re.IGNORECASE)
MIN_ATTRIBUTED_WORDS = 4  # words left for the claim, for a source named beside it to be cut off


# An aside between commas after the sentence's subject, before its verb ("Acupuncture, which originated in
# China, can relieve …"; "Ibuprofen, a common painkiller, can irritate …"; "Exercise, particularly walking,
# lowers …"): it says something of the subject (or narrows it), not what the sentence claims of it, and its
# commas are no clause's or list's. It is left out of the claim's text (the quote keeps it); cut at its first
# comma, the subject would lose its predicate.
_ASIDE = re.compile(
    r"^(?P<subject>\s*[^\s,;:][^,;:]{0,60}?)(?P<aside>,\s*(?:which|who|whose|a|an|the|one|particularly|"
    r"especially|notably|mainly|mostly|primarily|including|such as|like|found|known|also known|called|"
    r"often called|sometimes called|used)\b[^,;:()]{1,80}(?:\([^()]*\)[^,;:()]{0,40})?,)(?=\s+(?:"
    r"(?:also|often|usually|generally|can|cannot|may|might|will|could|should|does|do|did|is|are|was|were|has|"
    r"have)\b|(?!(?:and|or|but|which|that)\b)[a-z]+(?<![su])s\b))",
    re.IGNORECASE,
)
MAX_ASIDE_SUBJECT_WORDS = 6


def _without_aside(masked: str) -> str:
    """The mask with an aside after the subject blanked (see :data:`_ASIDE`)."""
    if masked.count(",") < 2:
        return masked
    aside = _ASIDE.match(masked)
    if aside is None:
        return masked
    subject = aside.group("subject")
    first = subject.split()[0].lower() if subject.split() else ""
    if first in _SUBORDINATORS | _BOUNDARY_WORDS | {"when", "if", "after", "before", "whenever", "where"}:
        return masked  # a fronted clause or phrase ("When the pain eases, …"), no subject
    if subject.split()[-1].lower().endswith("ly") or _DISCOURSE_OPENERS.match(subject.strip() + ", "):
        return masked  # a fronted adverb ("Similarly, a Cochrane review …, suggests …"), no subject
    if len(subject.split()) > MAX_ASIDE_SUBJECT_WORDS or _FINITE.search(subject) or _has_verb(subject):
        return masked  # a clause before the comma, no subject
    return masked[: aside.start("aside")] + " " * len(aside.group("aside")) + masked[aside.end("aside") :]


def _without_attribution(masked: str) -> str:
    """The mask with a source named after the claim, or a speaker before a quotation, blanked (see
    :data:`_TRAILING_ATTRIBUTION`)."""
    after = _TRAILING_ATTRIBUTION.search(masked) if "," in masked else None
    if after and len(masked[: after.start()].split()) >= MIN_ATTRIBUTED_WORDS:
        masked = masked[: after.start()] + " " * (len(masked) - after.start())
    before = _SPEECH_COLON.match(masked) if ":" in masked else None
    if before and len(masked[before.end() :].split()) >= MIN_ATTRIBUTED_WORDS:
        masked = " " * before.end() + masked[before.end() :]
        # the quotation marks around what is said are no words of the claim
        # (or the opening one alone, when the quotation runs on past the sentence)
        said = masked[before.end() :]
        quoted = re.match(r"\s*(['\"‘“])(?:.*[.!?](['\"’”])\s*$|[^'\"‘“’”]*$)", said, re.DOTALL)
        if quoted:
            chars = list(masked)
            for group in (1, 2):
                if quoted.start(group) >= 0:
                    chars[before.end() + quoted.start(group)] = " "
            masked = "".join(chars)
    return masked


# The note a candidate drafted without any claim cue carries (recall first: the editor keeps or deletes it).
UNCUED_NOTE = "drafted without a claim cue, so that no claim goes unchecked: delete it if it asserts nothing"


def _declarative(plain: str) -> bool:
    """A sentence that states something: it ends with a full stop, has four words or more, and is no
    question, instruction, lead-in or text about the article (:func:`_excluded`), nor an instruction that
    starts with a verb of perception or a gerund of what the reader does."""
    if not plain.endswith((".", "!")) or len(plain.split()) < 4 or _not_a_claim(plain):
        return False
    body = _DISCOURSE_OPENERS.sub("", plain)
    # advice put as a statement ("Even confident swimmers should use pools with lifeguards"), and the clinic's
    # or the reader's own doings ("we can take a break", "your session starts with …")
    if _UNCUED_IMPERATIVE.match(body) or _UNCUED_ADVICE.search(body):
        return False
    # what a thing consists of or features ("Water exercise often involves …", "These classes emphasize …")
    if any(word in _UNCUED_DESCRIBING for word in body.lower().split()[:7]):
        return False
    return not _UNCUED_PERSON.match(body)


_UNCUED_DESCRIBING = (_DESCRIPTION_VERBS - {"was", "has", "does", "goes", "gets", "happens", "occurs"}) | {
    "emphasize", "emphasizes", "emphasise", "emphasises", "feature", "features", "combine", "combines",
    "incorporate", "incorporates", "cover", "covers", "blend", "blends", "involve", "use", "include",
}  # fmt: skip


_UNCUED_ADVICE = re.compile(r"\b(?:should|must|ought to|need to|needs to|have to|has to)\b", re.IGNORECASE)
_UNCUED_PERSON = re.compile(rf"(?:[\w’'-]+,?\s+){{0,5}}?(?:{_OWN_VOICE}|us)\b", re.IGNORECASE)


_CLAUSE_CONJUNCTION = re.compile(r"(?:but|and|so|yet)\s+(?=\w)", re.IGNORECASE)
_CONTRAST = re.compile(r"(?:but|whereas|yet|however)\b", re.IGNORECASE)
_QUALIFYING = re.compile(r"(?:but|whereas|yet|however|although|though|even though)\b", re.IGNORECASE)


def _with_subject(subject: str, predicate: str) -> str:
    """ "It" + "can be equally effective"; "This technique" + "to alleviate musculoskeletal pain" → "This
    technique alleviates musculoskeletal pain" (a purpose made a predicate of the clause's subject)."""
    participle = _PARTICIPLE_START.match(predicate)
    if participle:
        stem = participle.group("stem")
        verb = stem if stem.lower() in _STEMS_WITHOUT_E else stem + "e"
        # (the subject's head is its last word before a preposition: "Falls in water" is plural)
        head = re.split(r"\s+(?:of|in|on|at|with|for|from|to|by|after|during)\s+", subject, maxsplit=1)[0]
        # (not a singular noun in "-is", "-us" or "-ss": "Arthritis", "Asthma's stimulus", "Stress")
        plural = re.search(r"(?<![siu])s$", head.split()[-1].lower()) is not None and head.lower() not in (
            "it",
            "this",
            "its",
        )
        predicate = (verb if plural else _third_person(verb)) + predicate[participle.end("stem") + 3 :]
        return f"{subject} {predicate}"
    purpose = _PURPOSE_START.match(predicate)
    if purpose:
        verb = purpose.group().split()[-1]
        plural = subject.split()[-1].lower().endswith("s") and subject.lower() not in ("it", "this")
        predicate = (verb if plural else _third_person(verb)) + predicate[purpose.end() :]
    return f"{subject} {predicate}"


def _clause_is_cued(
    masked: str, clause: tuple[int, int], *, sentence_cuts: bool, topic: Sequence[str]
) -> bool:
    text = _plain(masked[clause[0] : clause[1]])
    if _FINDING.search(text) or any(_scores(text).values()) or _effect_of_intervention(text, topic):
        return True
    # a citation marker inside the clause (blanked in the mask: a run of spaces) keeps it
    return sentence_cuts and bool(re.search(r"\S {3,}(?:\S|$)", masked[clause[0] : clause[1]].rstrip()))


def _whole_sentence(item: str) -> bool:
    """Whether a list item is a sentence with its own subject and verb, not a phrase completing its lead."""
    words = item.split()
    finite = _FINITE.search(" ".join(words[2:]))
    return len(words) >= 6 and finite is not None and item[:1].isupper()


def _draft_list(
    article: Article,
    sentence: Sentence,
    masked: str,
    items: Sequence[Sentence],
    cuts: dict[str, list[tuple[int, int]]],
    subject: _Subject,
    topic: Sequence[str],
) -> list[Claim]:
    """One claim per item (and per outcome of an item) of the list ``sentence`` leads into, carrying the
    lead's subject and verb; the lead itself when it is a claim on its own ("… effective for a wide range
    of conditions, including:")."""
    plain = _plain(masked)
    made: list[Claim] = []
    one_word_lead = len(plain.split()) < 2  # "Effects:" leads as well as a sentence does
    if (_excluded(plain) and not one_word_lead) or _ADVICE.search(plain) or _META_LEAD.match(plain):
        # "Here are 3 steps you can take today:": the items are claims only on their own
        for item in items:
            made.extend(
                _draft_sentence(
                    item, _mask(item.text, cuts.get(item.id, ())), item.id in cuts, subject, topic
                )
            )
        return made
    benefits = _BENEFITS_TAIL.search(masked)
    head_subject = _BENEFITS_SUBJECT.match(masked[: benefits.start()]) if benefits else None
    if benefits and head_subject:
        # "X is an effective and safe treatment with the following benefits:": the words before the tail
        # are a claim of their own (drafted as a sentence), and each item brings its own verb for X
        # ("Eliminates or reduces pain", "Requires no medication")
        head = masked[: benefits.start()] + " " * (len(masked) - benefits.start())
        made.extend(_draft_sentence(sentence, head, sentence.id in cuts, subject, topic))
        plain = _plain(head)
        lead_match = None
        lead = _Lead(None, _plain(head_subject.group("subject")), plain)
    else:
        lead_match = _LIST_LEAD.match(plain)
        lead = _lead(
            lead_match.group("claim") if lead_match else plain, _section_subject(article, sentence.section_id)
        )
    kind = claim_kind(plain, topic)
    if lead_match:
        lead_claim = lead_match.group("claim")
        lead_text = _resolve_it(_clean(lead_claim), subject, topic)
        if is_checkworthy(lead_claim, cited=sentence.id in cuts, topic=topic, list_lead=True):
            made.append(_claim(sentence, 1, lead_text, kind, sentence.text, _condition(lead_text)))
        lead = _Lead(_item_stem(lead_text.rstrip(".")), None, lead.kind_text)
    elif lead.stem:
        lead = _Lead(_replace_it(lead.stem, subject), None, lead.kind_text)
    lead_is_claim = (
        kind != "other"
        or sentence.id in cuts
        or bool(_FINDING.search(plain) or _EFFECT_LEAD.search(plain))
        or bool(_LEAD_NOUN.match(_DISCOURSE_OPENERS.sub("", plain.rstrip(": "))))
    )
    light = _LIGHT_VERB_STEM.match(lead.stem) if lead.stem else None
    if light and _verb_items(items) and not re.search(r"\b(?:you|we|i)\b", light.group("stem"), re.I):
        # "Focusing and correcting your posture can initiate the following:" over "Reduce headaches",
        # "Create more energy": each item is what the subject can do, its verb in place of the lead's
        lead = _Lead(light.group("stem"), None, lead.kind_text)
        lead_is_claim = True
    outer = lead
    for position, item in enumerate(items):
        item_masked = _mask(item.text, cuts.get(item.id, ()))
        item_plain = _plain(item_masked)
        if _repeated_heading(item_plain, items[position + 1 :]) or _item_label(
            item_plain, items[position + 1 :]
        ):
            continue
        if item_plain.endswith(":") and outer.subject and (verb := re.match(r"[a-z]+", item_plain, re.I)):
            # an item that leads a list of its own ("Reduce pain in:"): its items take the outer subject
            # and this verb ("Dry needling therapy reduces pain in …")
            sub = item_plain.rstrip(": ")
            subject_text = outer.subject[:1].upper() + outer.subject[1:]
            rest = sub[verb.end() :]
            lead = _Lead(f"{subject_text} {_third_person(verb.group().lower())}{rest}", None, sub)
            continue
        if not item_plain or item_plain.endswith(("?", ":")):
            continue
        # recall first: an item under a lead that is no claim is still a candidate unless it is a question,
        # an instruction or text about the article; with no cue of its own it carries UNCUED_NOTE
        item_cued = lead_is_claim or is_checkworthy(item_plain, cited=item.id in cuts, topic=topic)
        if not item_cued and _excluded(item_plain):
            continue
        if _whole_sentence(item_plain):
            # an item that is a sentence of its own ("Lymphatic drainage is mainly used …") is drafted as one
            made.extend(_draft_sentence(item, item_masked, item.id in cuts, subject, topic))
            continue
        pieces = _pieces(item_masked, item=True)
        n = 0
        for piece in pieces:
            own = _plain(item_masked[piece.start : piece.end]).rstrip(".;,")
            if not own:
                continue
            if piece.prefix:
                prefix = _plain(item_masked[piece.prefix[0] : piece.prefix[1]])
                own = f"{prefix} {own}" if prefix else own
            text = _clean(_compose(lead, _item_phrase(own) if lead.stem else own))
            item_kind = claim_kind(text, topic)
            # (an item whose own cues say "other" keeps it: "Requires no medication" under a list of benefits)
            uncued = item_kind == "other" and not any(_scores(text).values())
            if uncued:
                item_kind = claim_kind(f"{lead.kind_text} {own}", topic)
            if (
                uncued
                and item_kind == "other"
                and (lead_is_claim or _is_outcome(_head(own)) or _CONDITION.search(own))
            ):
                item_kind = kind if kind not in ("other", "etiology") else "efficacy"
            start, end = _trim(item_masked, piece.start, piece.end)
            quote = item.text if len(pieces) == 1 else item.text[start:end]
            n += 1
            condition = _lower_first(own) if item_kind == "efficacy" and lead.stem else _condition(text)
            claim = _claim(item, n, text, item_kind, quote, condition)
            made.append(claim if item_cued else dataclasses.replace(claim, note=UNCUED_NOTE))
    return made


# A lead that names its subject's benefits in a tail ("… is an effective and safe treatment with the following
# benefits:", "… offers these advantages:"): what comes before the tail is a claim, the items are predicates.
_BENEFITS_TAIL = re.compile(
    r"\s*,?\s+(?:with|and (?:has|offers|provides|brings)|has|have|offers?|provides?|brings?)\s+"
    r"(?:the following|these|many|several|numerous|a number of)\s+(?:[\w-]+\s+)?(?:benefits|advantages)"
    r"\s*:\s*$",
    re.IGNORECASE,
)
# its subject: the words before its first verb ("Shockwave treatment for plantar fasciitis and heel spurs")
_BENEFITS_SUBJECT = re.compile(
    r"\s*(?P<subject>[A-Z][^,;:]*?)\s+(?:is|are|has|have|offers|provides|brings|can|may|will)\b"
)


# A lead whose last verb, after a modal, only announces the items ("can initiate", "may bring about", "will
# do"): not a verb that takes another verb after it ("can help (you)", "may allow you to").
_LIGHT_VERB_STEM = re.compile(
    r"(?P<stem>.*\b(?:can|may|might|will|could|would|should|must))\s+"
    r"(?!(?:help|helps|allow|allows|enable|enables|let|lets|make|makes|teach|teaches)\b)[a-z]+(?:\s+about)?"
    r"(?:\s+(?:the following|these|those|several|many)(?:\s+[a-z]+)?)?$",
    re.IGNORECASE,
)
_ITEM_VERB = re.compile(rf"(?:{_EFFECT_VERBS})\b", re.IGNORECASE)


def _verb_items(items: Sequence[Sentence]) -> bool:
    """Whether a list's items are predicates: most of them (two at least) start with a verb of effect in
    the base form ("Reduce headaches", "Prevent bursitis …"), so the others do too ("Create more energy")."""
    verbs = sum(
        bool(_PREDICATE_VERB.fullmatch(first) and not first.lower().endswith(("s", "ed", "ing")))
        for item in items
        if (first := (_plain(item.text).split() or [""])[0])
    )
    return verbs >= max(2, (len(items) + 1) // 2)


MAX_LABEL_WORDS = 3


def _item_label(item: str, later: Sequence[Sentence]) -> bool:
    """A short item with no verb right before an item that is a whole sentence labels that sentence ("Age"
    over "Individuals ≥35 years are found to have significantly more risk …", onemg_back_pain): a heading
    of what follows, not an item the lead's words complete."""
    words = item.rstrip(".").split()
    if not later or not 0 < len(words) <= MAX_LABEL_WORDS or item.endswith((".", ";", ",")):
        return False
    if _FINITE.search(item) or _PREDICATE_VERB.match(item):
        return False
    following = _plain(later[0].text)
    return (
        following[:1].isupper()
        and following.endswith((".", "!", ":"))
        and len(following.split()) >= MIN_SCENE_CLAUSE_WORDS + 2
        and _clause_subject(following, 0, len(following)) is not None  # a subject and its verb
    )


def _repeated_heading(item: str, later: Sequence[Sentence]) -> bool:
    """An item in capitals that the next item repeats in ordinary case is a heading a scraper printed twice
    ("1. AGE" / "1. Age Individuals ≥35 years are found to have …", onemg_back_pain): not an item of the
    list (a lone acronym, "TENS", is not repeated so)."""
    if not later or not item.isupper():
        return False
    return _plain(later[0].text).lower().startswith(item.lower().rstrip("."))


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
