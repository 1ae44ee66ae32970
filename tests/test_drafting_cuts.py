"""How draft_claims cuts a sentence into atomic claims (issue 9, item 3), rule by form of language.

Each rule is tested on the real snippet it came from (copied verbatim from a development article of
tests/data/devset, named beside it) and on at least two constructed variants of the same form in other words
and on other topics, so that a rule written for one page is seen to hold for the form; where a rule must not
fire, a counter-example says so.
"""

from __future__ import annotations

import needling_evidence as ne
from needling_evidence.model import Claim


def draft(text: str, title: str = "Topic") -> list[Claim]:
    return list(ne.draft_claims(ne.load_article(f"# {title}\n\n{text}\n")))


def pairs(claims: list[Claim]) -> list[tuple[str, str]]:
    return [(c.quote or "", c.text) for c in claims]


# --- a second predicate of the same subject, joined by "and" ---------------------------------------------


def test_a_second_predicate_after_and_is_a_claim_carrying_the_subject() -> None:
    # cochrane_acupuncture_tension_headache.txt, "Background"
    claims = draft(
        "In some individuals, however, tension-type headache occurs frequently and significantly impairs "
        "their quality of life."
    )
    assert pairs(claims) == [
        (
            "In some individuals, however, tension-type headache occurs frequently",
            "In some individuals, however, tension-type headache occurs frequently.",
        ),
        (
            "significantly impairs their quality of life.",
            "Tension-type headache significantly impairs their quality of life.",
        ),
    ]


def test_a_copula_after_and_starts_a_second_predicate() -> None:
    # pharmaguide_dysmenorrhea.md, "Nonpharmacologic Therapy"
    claims = draft(
        "Surgical ablation of the pelvic nerve pathways requires further study and is not recommended."
    )
    assert (
        "is not recommended.",
        "Surgical ablation of the pelvic nerve pathways is not recommended.",
    ) in pairs(claims)
    # constructed, other words and topics
    claims = draft(
        "Cupping therapy leaves round marks on the skin and is generally well tolerated by patients."
    )
    assert (
        "is generally well tolerated by patients.",
        "Cupping therapy is generally well tolerated by patients.",
    ) in (pairs(claims))
    claims = draft("Acupuncture originated in China and is now used in many countries to treat migraine.")
    assert [c.quote for c in claims] == ["is now used in many countries to treat migraine."]
    assert claims[0].text == "Acupuncture is now used in many countries to treat migraine."


def test_a_third_person_verb_after_and_starts_a_second_predicate() -> None:
    # constructed variants of the cochrane form, other topics
    claims = draft("Chronic neck pain develops slowly and often limits work for several months.")
    assert pairs(claims) == [
        ("Chronic neck pain develops slowly", "Chronic neck pain develops slowly."),
        ("often limits work for several months.", "Chronic neck pain often limits work for several months."),
    ]
    claims = draft("After a session, massage therapy lowers heart rate and improves the quality of sleep.")
    assert [c.text for c in claims] == [
        "After a session, massage therapy lowers heart rate.",
        "Massage therapy improves the quality of sleep.",
    ]
    # d_lasara_shockwave_heel.html: "comes with no risk" is a verb before its preposition
    claims = draft(
        "LaSara Medical Group’s shockwave treatment offers a solution that is non-invasive and comes with no "
        "risk to the patient."
    )
    assert (
        "comes with no risk to the patient.",
        "LaSara Medical Group’s shockwave treatment comes with no risk to the patient.",
    ) in pairs(claims)


def test_and_inside_a_that_clause_or_between_nouns_is_not_a_second_predicate() -> None:
    # the "and" joins the subjects of the clause "that" opens, not two predicates of "Research"
    claims = draft("Research shows that massage and exercise are effective for chronic back pain.")
    assert [c.quote for c in claims] == [
        "Research shows that massage and exercise are effective for chronic back pain."
    ]
    # a plural noun after "and" with nothing a verb takes after it is an object, not a verb: a second item of
    # the object list (cut by its form), not a predicate "spasms …" said of "Dry needling"
    for sentence, last in (
        ("Dry needling relieves muscle knots and spasms.", "Dry needling relieves spasms."),
        (
            "Dry needling relieves muscle knots and spasms in the neck.",
            "Dry needling relieves spasms in the neck.",
        ),
    ):
        assert [c.text for c in draft(sentence)] == ["Dry needling relieves muscle knots.", last]


# --- a front that only sets the scene ---------------------------------------------------------------------


def test_a_concession_without_a_cue_is_not_part_of_the_claim() -> None:
    # anttz_chiropractic.md, "Chiropractic Care"
    claims = draft(
        "Though most people come in for problems such as pain, we support your nervous system so that your "
        "symptoms may improve."
    )
    assert [c.quote for c in claims] == ["we support your nervous system so that your symptoms may improve."]
    # insight_sitting_pretty.md: the whole sentence was not drafted, judged by its concession
    claims = draft(
        "Although it doesn't seem like these small adjustments mean anything, it can make a difference for "
        "your daily and long-term health.",
        title="Sitting Pretty",
    )
    assert [c.quote for c in claims] == ["it can make a difference for your daily and long-term health."]
    # constructed: the same form, other words
    claims = draft("While most patients come for neck pain, massage also improves sleep and mood.")
    assert [c.text for c in claims] == ["Massage also improves sleep.", "Massage also improves mood."]


def test_a_fronted_contrast_is_not_split_and_not_quoted() -> None:
    # anttz_chiropractic.md, "Subluxation and Chiropractic Treatment"
    claims = draft(
        "Rather than focusing on treating specific diseases or conditions, chiropractic aims to support the "
        "body’s natural function by improving joint mobility and nervous system function."
    )
    assert [c.quote for c in claims] == [
        "chiropractic aims to support the body’s natural function by improving joint mobility",
        "nervous system function.",
    ]
    # constructed variants
    claims = draft(
        "Instead of masking symptoms with drugs or injections, acupuncture relieves pain and restores "
        "movement."
    )
    assert [c.text for c in claims] == ["Acupuncture relieves pain.", "Acupuncture restores movement."]
    claims = draft("Unlike painkillers or bed rest, graded exercise reduces the recurrence of back pain.")
    assert [c.quote for c in claims] == ["graded exercise reduces the recurrence of back pain."]


def test_a_concession_with_a_claim_of_its_own_stays_a_claim() -> None:
    # d_lasara_shockwave_heel.html (the counter-example: a cued concession is asserted, not scene)
    claims = draft(
        "Although extracorporeal shockwave therapy is considered safe for most people, some individuals "
        "should not receive it."
    )
    assert claims[0].quote == "Although extracorporeal shockwave therapy is considered safe for most people"
    assert claims[0].kind == "safety"


# --- a list of changes after a verb ------------------------------------------------------------------------


def test_changes_listed_after_a_verb_are_one_claim_each_and_a_tail_is_no_item() -> None:
    # anttz_chiropractic.md, "Chiropractic Care": "-ed" words after "include" are adjectives, and
    # ", amongst others" says the list goes on
    claims = draft(
        "The benefits you can experience from Chiropractic include more energy, improved balance, better "
        "sleep, increased concentration and reduced stiffness, amongst others."
    )
    assert [c.quote for c in claims] == [
        "The benefits you can experience from Chiropractic include more energy",
        "improved balance",
        "better sleep",
        "increased concentration",
        "reduced stiffness",
    ]
    assert claims[4].text == "The benefits you can experience from Chiropractic include reduced stiffness."
    # constructed variants: a verb in the past or the third person before the list, other tails
    claims = draft(
        "Patients in the trial reported less fatigue, improved mood, better appetite and reduced anxiety, "
        "etc."
    )
    assert [c.text for c in claims] == [
        "Patients in the trial reported less fatigue.",
        "Patients in the trial reported improved mood.",
        "Patients in the trial reported better appetite.",
        "Patients in the trial reported reduced anxiety.",
    ]
    claims = draft(
        "Regular yoga practice brings greater flexibility, improved posture, deeper sleep and lowered blood "
        "pressure, to name a few."
    )
    assert [c.quote for c in claims][1:] == ["improved posture", "deeper sleep", "lowered blood pressure"]


def test_ed_words_that_are_the_clause_s_verbs_stay_verbs() -> None:
    # the counter-example: with no verb before them, "-ed" words are the predicates, each carrying the subject
    claims = draft("Massage reduced pain, relieved stress and improved sleep.")
    assert [c.text for c in claims] == [
        "Massage reduced pain.",
        "Massage relieved stress.",
        "Massage improved sleep.",
    ]


# --- what the noun of a copula does, the subject does -------------------------------------------------------


def test_a_relative_clause_on_an_evaluated_noun_is_a_claim_of_the_subject() -> None:
    # d2_engelmassage_cupping.html: "which" clause after "a great supplement to massage", itself a list
    claims = draft(
        "Cupping therapy is an ancient technique. It is a great supplement to massage which increases the "
        "elasticity of the muscles, pulls toxins out of the connective tissue and releases relaxin.",
        title="Cupping therapy",
    )
    # (the evaluation itself is a claim too, as the page's label has it: "a great supplement to" is a cue)
    assert pairs(claims) == [
        ("It is a great supplement to massage", "Cupping therapy is a great supplement to massage."),
        (
            "increases the elasticity of the muscles",
            "Cupping therapy increases the elasticity of the muscles.",
        ),
        (
            "pulls toxins out of the connective tissue",
            "Cupping therapy pulls toxins out of the connective tissue.",
        ),
        ("releases relaxin.", "Cupping therapy releases relaxin."),
    ]
    # constructed variants, other words and topics
    claims = draft(
        "Shockwave therapy is a non-invasive treatment that stimulates the healing of damaged tendons."
    )
    assert pairs(claims)[-1] == (
        "stimulates the healing of damaged tendons.",
        "Shockwave therapy stimulates the healing of damaged tendons.",
    )
    claims = draft("Tai chi is one of the safest forms of exercise that improves balance in older adults.")
    assert ("improves balance in older adults.", "Tai chi improves balance in older adults.") in pairs(claims)


def test_a_relative_clause_that_completes_a_definition_stays_in_it() -> None:
    # lucifit_lymphatic_drainage.md and lucifit_cupping.md: the clause says what the treatment is
    sentence = (
        "Lymphatic drainage is a light massage on the skin that helps promote the movement of lymphatic "
        "fluid."
    )
    assert [c.quote for c in draft(sentence)] == [sentence]
    assert (
        draft("Cupping is a physical treatment which utilizes a glass or a bamboo cup to create suction.")
        == []
    )


# --- a fronted appositive -----------------------------------------------------------------------------------


def test_a_fronted_ranking_phrase_is_a_claim_about_the_subject() -> None:
    # anttz_chiropractic.md, "About"
    claims = draft(
        "The third largest healthcare profession in the world, Chiropractic is a safe and effective "
        "affordable approach to treatment that utilises the body's innate ability to heal itself."
    )
    assert pairs(claims) == [
        (
            "The third largest healthcare profession in the world",
            "Chiropractic is the third largest healthcare profession in the world.",
        ),
        ("Chiropractic is a safe", "Chiropractic is safe."),
        (
            "effective affordable approach to treatment",
            "Chiropractic is an effective affordable approach to treatment.",
        ),
        (
            "utilises the body's innate ability to heal itself.",
            "Chiropractic utilises the body's innate ability to heal itself.",
        ),
    ]
    # constructed variants, other words and topics
    claims = draft(
        "One of the most common causes of heel pain, plantar fasciitis affects about one in ten adults."
    )
    assert pairs(claims) == [
        (
            "One of the most common causes of heel pain",
            "Plantar fasciitis is one of the most common causes of heel pain.",
        ),
        (
            "plantar fasciitis affects about one in ten adults.",
            "Plantar fasciitis affects about one in ten adults.",
        ),
    ]
    claims = draft(
        "A leading cause of disability worldwide, low back pain costs health systems billions each year."
    )
    assert claims[0].text == "Low back pain is a leading cause of disability worldwide."


def test_a_fronted_time_phrase_is_no_appositive() -> None:
    claims = draft("The first week after treatment, most patients feel less pain.")
    assert [c.quote for c in claims] == ["The first week after treatment, most patients feel less pain."]


# --- two subjects of one predicate --------------------------------------------------------------------------


def test_two_subjects_of_one_predicate_are_two_claims() -> None:
    # d_femaleposture_aquatic_therapy.md, "### Swimming"
    claims = draft("Even modified strokes and slow swimming help.", title="Aquatic Therapy for Seniors")
    assert pairs(claims) == [
        ("Even modified strokes", "Even modified strokes help."),
        ("slow swimming", "Slow swimming helps."),
    ]
    # pharmaguide_dysmenorrhea.md, "Nonpharmacologic Therapy" (citation markers left out)
    claims = draft(
        "The relative safety and the overall health benefits of exercise make it s an attractive "
        "nonpharmacologic treatment.",
        title="Dysmenorrhea",
    )
    assert [c.quote for c in claims] == ["The relative safety", "the overall health benefits of exercise"]
    assert claims[0].text == "The relative safety makes it s an attractive nonpharmacologic treatment."
    # constructed variants, other words and topics
    claims = draft("Yoga and tai chi improve balance in older adults.")
    assert [c.text for c in claims] == [
        "Yoga improves balance in older adults.",
        "Tai chi improves balance in older adults.",
    ]
    claims = draft("Massage and acupuncture can reduce chronic neck pain.")
    assert [c.text for c in claims] == [
        "Massage can reduce chronic neck pain.",
        "Acupuncture can reduce chronic neck pain.",
    ]


def test_one_thing_named_with_a_shared_head_or_done_together_is_one_subject() -> None:
    for sentence in (
        "Neck and back pain are common in office workers.",
        "Heat and cold therapy reduce pain.",
        "The mechanical and neuromuscular effect provides an environment that enhances healing.",
        "Massage and exercise together reduce pain.",
        # proptgroup_dry_needling.md and d_femaleposture_aquatic_therapy.md: one exercise, one treatment
        "Holding the pool edge and lifting legs in various directions strengthens hip muscles.",
    ):
        claims = draft(sentence)
        assert claims and claims[0].quote == sentence, sentence


# --- a list of predicates under a lead that only announces them --------------------------------------------


def test_verb_items_take_the_lead_s_subject_and_modal_in_place_of_its_verb() -> None:
    # insight_sitting_pretty.md
    claims = draft(
        "Focusing and correcting your posture can initiate the following:\n\n"
        "- Reduce headaches and eye strain\n"
        "- Reduce neck and back pain\n- Prevent bursitis or tendon problems from repetitive tasks\n"
        "- Create more energy",
        title="Sitting Pretty",
    )
    assert pairs(claims) == [
        ("Reduce headaches", "Focusing and correcting your posture can reduce headaches."),
        ("eye strain", "Focusing and correcting your posture can reduce eye strain."),
        ("Reduce neck and back pain", "Focusing and correcting your posture can reduce neck and back pain."),
        ("Prevent bursitis", "Focusing and correcting your posture can prevent bursitis."),
        (
            "tendon problems from repetitive tasks",
            "Focusing and correcting your posture can prevent tendon problems from repetitive tasks.",
        ),
        ("Create more energy", "Focusing and correcting your posture can create more energy."),
    ]
    # constructed variants, other words and topics
    claims = draft(
        "Regular aquatic exercise may bring about the following:\n\n- Improve joint mobility\n"
        "- Lower blood pressure\n- Build confidence in older adults"
    )
    assert [c.text for c in claims] == [
        "Regular aquatic exercise may improve joint mobility.",
        "Regular aquatic exercise may lower blood pressure.",
        "Regular aquatic exercise may build confidence in older adults.",
    ]
    claims = draft(
        "Dry needling will do these things:\n\n- Release trigger points\n- Relieve muscle pain\n"
        "- Restore range"
    )
    assert [c.text for c in claims][:2] == [
        "Dry needling will release trigger points.",
        "Dry needling will relieve muscle pain.",
    ]


def test_a_lead_whose_verb_takes_a_verb_keeps_it() -> None:
    claims = draft(
        "Regular physiotherapy can help you:\n\n- Reduce pain\n- Improve mobility\n- Build strength"
    )
    assert [c.text for c in claims] == [
        "Regular physiotherapy can help you reduce pain.",
        "Regular physiotherapy can help you improve mobility.",
        "Regular physiotherapy can help you build strength.",
    ]


def test_a_second_verb_after_a_modal_and_before_to_is_a_second_predicate() -> None:
    # anttz_chiropractic.md, "About"
    claims = draft(
        "A primary approach of Chiropractic care includes specific spinal adjustments that may affect the "
        "nervous system and contribute to improved overall health and performance."
    )
    assert [c.quote for c in claims] == [
        "A primary approach of Chiropractic care includes specific spinal adjustments that may affect the "
        "nervous system",
        "contribute to improved overall health and performance.",
    ]
    # constructed variants, other words and topics
    claims = draft("Gentle stretching may loosen the hamstrings and lead to fewer back spasms.")
    assert [c.text for c in claims] == [
        "Gentle stretching may loosen the hamstrings.",
        "Gentle stretching may lead to fewer back spasms.",
    ]
    claims = draft("Poor sleep can raise the level of pain and contribute to chronic fatigue.")
    assert [c.quote for c in claims][-1] == "contribute to chronic fatigue."
    # d_lasara_shockwave_heel.html: a noun before "to" is an object, not a verb
    claims = draft(
        "Heel pain can range from mildly uncomfortable to debilitating and can severely affect your quality "
        "of life and ability to stay active."
    )
    assert "ability to stay active." not in [c.quote for c in claims]


# --- what a person feels ------------------------------------------------------------------------------------


def test_feelings_coordinated_after_feel_are_one_claim_each() -> None:
    # wellness_posture.md
    claims = draft(
        "A 2021 study in Frontiers in Psychology found that people who sat upright reported feeling more "
        "confident and alert than those who slouched."
    )
    assert [c.quote for c in claims][1:] == ["alert than those who slouched."]
    assert claims[1].text == (
        "A 2021 study in Frontiers in Psychology found that people who sat upright reported feeling more "
        "alert than those who slouched."
    )
    # d_lasara_shockwave_heel.html, "What to expect" (its line breaks left out)
    claims = draft(
        "During the session you will be made to feel comfortable and pain-free by our knowledgeable staff."
    )
    assert [c.quote for c in claims] == [
        "During the session you will be made to feel comfortable",
        "pain-free by our knowledgeable staff.",
    ]
    # constructed variant, other words
    claims = draft(
        "After acupuncture most patients feel relaxed, sleepy or slightly light-headed for an hour."
    )
    assert len(claims) == 3 and claims[2].quote == "slightly light-headed for an hour."


def test_what_is_felt_is_no_adjective_when_it_is_a_noun() -> None:
    claims = draft("You may feel the muscles and joints relax.")
    assert [c.quote for c in claims] == ["You may feel the muscles and joints relax."]


def test_the_main_clause_after_a_fronted_reason_is_kept_beside_it() -> None:
    # d_lasara_shockwave_heel.html, FAQ (its line breaks left out)
    claims = draft(
        "Because ESWT activates the body's natural healing process, it lasts longer than treatments like "
        "medications, and you can enjoy the results long-term."
    )
    assert [c.quote for c in claims][:2] == [
        "Because ESWT activates the body's natural healing process",
        "it lasts longer than treatments like medications",
    ]
    # constructed variants: an asserted concession with a cue is a claim, and the "it" after it is its subject
    claims = draft("Although massage is generally safe, it is not for everyone.")
    assert pairs(claims) == [
        ("Although massage is generally safe", "Although massage is generally safe."),
        ("it is not for everyone.", "Massage is not for everyone."),
    ]
    claims = draft(
        "Since dry needling relaxes the trigger point, the muscle regains its full length within days."
    )
    assert [c.quote for c in claims][1:] == ["the muscle regains its full length within days."]


# --- outcomes named by an "-ing" head or a condition noun; an aside that is no list -------------------------


def test_an_aside_with_or_without_is_no_list_item_and_an_ing_head_is_an_outcome() -> None:
    # d_femaleposture_aquatic_therapy.md, "### Floating"
    claims = draft(
        "Simply floating, with or without flotation aids, provides relaxation and gentle stretching.",
        title="Aquatic Therapy for Seniors",
    )
    assert [c.quote for c in claims] == [
        "Simply floating, with or without flotation aids, provides relaxation",
        "gentle stretching.",
    ]
    # constructed variants, other words and topics
    claims = draft("Regular walking, with or without poles, improves strength and balance.")
    assert [c.quote for c in claims] == [
        "Regular walking, with or without poles, improves strength",
        "balance.",
    ]
    claims = draft("A session of cupping gives deep relaxation and gentle stretching of the fascia.")
    assert [c.quote for c in claims][1:] == ["gentle stretching of the fascia."]


def test_heel_spurs_name_a_condition_of_their_own() -> None:
    # d_lasara_shockwave_heel.html (its line breaks left out)
    claims = draft("But the most common causes of heel pain are plantar fasciitis and heel spurs.")
    assert [c.quote for c in claims] == [
        "But the most common causes of heel pain are plantar fasciitis",
        "heel spurs.",
    ]
    claims = draft("Heel pain is most often caused by plantar fasciitis or heel spurs.")
    assert [c.text for c in claims] == [
        "Heel pain is most often caused by plantar fasciitis.",
        "Heel pain is most often caused by heel spurs.",
    ]


# --- a list whose short items label the sentences after them ------------------------------------------------


def test_a_short_item_over_a_whole_sentence_item_is_its_label() -> None:
    # onemg_back_pain.md, "Risk Factors For Back Pain" (the capitals headings the page prints before each
    # item left out)
    claims = draft(
        "Following are the risk factors that can increase your chances to suffer from back pain:\n"
        "1. Age\n"
        "1. Individuals ≥35 years are found to have significantly more risk as compared to those less "
        "than 35 years.\n"
        "2. Gender\n"
        "2. Women are more prone to developing back pain when compared to men.\n",
        title="Back Pain",
    )
    quotes = [c.quote for c in claims]
    assert "Age" not in quotes and "Gender" not in quotes
    assert "Women are more prone to developing back pain when compared to men." in quotes
    # constructed variant, other topic
    claims = draft(
        "Known benefits of massage include:\n\n- Sleep\n"
        "- Massage before bed helps people fall asleep sooner.\n"
        "- Mood\n- Regular massage lowers anxiety scores in adults."
    )
    assert [c.quote for c in claims if c.quote in ("Sleep", "Mood")] == []


def test_short_items_of_an_ordinary_list_are_items() -> None:
    claims = draft("Massage can improve:\n\n- Sleep\n- Mood\n- Range of motion in the neck.")
    assert [c.text for c in claims] == [
        "Massage can improve sleep.",
        "Massage can improve mood.",
        "Massage can improve range of motion in the neck.",
    ]


def test_the_source_a_claim_is_based_on_is_no_part_of_it() -> None:
    # proptgroup_dry_needling.md
    claims = draft(
        "Based on pioneering studies by Dr. Jay Shah and colleagues at the National Institutes of Health, we "
        "know that inserting a needle into trigger points causes favorable biochemical changes."
    )
    assert [c.quote for c in claims] == [
        "we know that inserting a needle into trigger points causes favorable biochemical changes."
    ]
    # constructed variants
    claims = draft("Based on two small trials, cupping may reduce neck pain for a few weeks.")
    assert [c.quote for c in claims] == ["cupping may reduce neck pain for a few weeks."]
    claims = draft("Based on the latest guideline, exercise therapy reduces the recurrence of back pain.")
    assert [c.text for c in claims] == ["Exercise therapy reduces the recurrence of back pain."]


# --- lists cut by their form: the object of a verb of effect, a subject before a shared predicate ----------


def texts(text: str) -> list[str]:
    return [c.text for c in draft(text)]


def test_the_object_list_of_a_verb_of_effect_is_cut_whatever_its_head_nouns() -> None:
    # the real snippets (dailymail_herbal_menopause, kibworth_high_heels): "as well as" joins a last part,
    # "amongst other things" is no item, and "sleep and mood disturbance" names one thing (a shared head)
    assert texts(
        "The menopause can cause an increase in hot flushes, vaginal dryness, sexual dysfunction, frequent "
        "urinary tract infections, urinary incontinence and joint pain as well as sleep and mood disturbance."
    ) == [
        "The menopause can cause an increase in hot flushes.",
        "The menopause can cause vaginal dryness.",
        "The menopause can cause sexual dysfunction.",
        "The menopause can cause frequent urinary tract infections.",
        "The menopause can cause urinary incontinence.",
        "The menopause can cause joint pain.",
        "The menopause can cause sleep and mood disturbance.",
    ]
    claims = draft(
        "Oestrogen deficiency after the menopause can cause sleep and mood disturbance, hot flushes and "
        "frequent urinary tract infections, amongst other things."
    )
    assert [c.quote for c in claims] == [
        "Oestrogen deficiency after the menopause can cause sleep and mood disturbance",
        "hot flushes",
        "frequent urinary tract infections",
    ]
    assert texts(
        "This pressure as well as most commonly causing pain can also lead to bunions and neuromas in the "
        "foot."
    ) == [
        "This pressure as well as most commonly causing pain can also lead to bunions.",
        "This pressure as well as most commonly causing pain can also lead to neuromas in the foot.",
    ]
    # constructed variants, other verbs and topics, heads in no vocabulary
    assert texts("Long-term steroid use may result in cataracts, thinning skin and brittle bones.") == [
        "Long-term steroid use may result in cataracts.",
        "Long-term steroid use may result in thinning skin.",
        "Long-term steroid use may result in brittle bones.",
    ]
    assert texts("Heavy drinking is associated with liver cirrhosis as well as gout, etc.") == [
        "Heavy drinking is associated with liver cirrhosis.",
        "Heavy drinking is associated with gout.",
    ]
    assert texts("Compression stockings prevent varicose veins and ankle oedema.") == [
        "Compression stockings prevent varicose veins.",
        "Compression stockings prevent ankle oedema.",
    ]


def test_an_object_pair_naming_one_thing_or_alternatives_is_not_cut() -> None:
    # a shared head ("neck and back pain", "hip and knee replacements"), alternatives joined by "or", an
    # "and" inside a phrase ("in both deep and superficial veins"), a modifier pair ending a list
    for sentence in (
        "Massage can reduce neck and back pain.",
        "Obesity can lead to hip and knee replacements.",
        "Stretching may improve sleep and mood disturbance.",
        "Massage is meant to improve their wellbeing or health.",
        "Lymphatic draining massage increases blood flow in both deep and superficial veins.",
    ):
        assert texts(sentence) == [sentence]
    assert texts("Symptoms can include stretchy skin, hypermobile or unstable joints.") == [
        "Symptoms can include stretchy skin.",
        "Symptoms can include hypermobile or unstable joints.",
    ]
    # a noun that looks like a verb of effect ("trigger points", "at increased risk") heads no object
    sentence = (
        "By inserting a needle into trigger points, favorable biochemical and mechanical changes take place."
    )
    assert texts(sentence) == [sentence]
    sentence = (
        "Some cases have involved patients who might be at increased risk of injury, such as elderly people."
    )
    assert len(texts(sentence)) == 1
    # predicates are cut by their verbs, not as an object list ("reduce stress and improve sleep")
    assert texts("Yoga can reduce stress and improve sleep.") == [
        "Yoga can reduce stress.",
        "Yoga can improve sleep.",
    ]
    # an indirect object is no item ("causing you pain and impairment")
    sentence = "Needling reaches the exact spot that is causing you pain and impairment."
    assert [c.quote for c in draft(sentence)] == [sentence]


def test_a_subject_list_before_a_shared_predicate_gives_each_item_the_predicate() -> None:
    # the real snippets (dailymail_herbal_menopause, nhs_sprains_strains)
    assert texts(
        "Dr Tong says soy, red clover and black cohosh, can also be very effective in relieving menopausal "
        "symptoms."
    ) == [
        "Dr Tong says soy can also be very effective in relieving menopausal symptoms.",
        "Red clover can also be very effective in relieving menopausal symptoms.",
        "Black cohosh can also be very effective in relieving menopausal symptoms.",
    ]
    claims = draft("Not warming up before exercising, tired muscles and playing sport are common causes.")
    assert [c.quote for c in claims] == ["Not warming up before exercising", "tired muscles", "playing sport"]
    # constructed variants
    assert texts("Ginger, garlic and green tea may lower blood pressure.") == [
        "Ginger may lower blood pressure.",
        "Garlic may lower blood pressure.",
        "Green tea may lower blood pressure.",
    ]
    assert texts("Swimming, cycling, and brisk walking are good for the heart.") == [
        "Swimming is good for the heart.",
        "Cycling is good for the heart.",
        "Brisk walking is good for the heart.",
    ]
    # counter-examples: a fronted phrase before the first comma, a predicate that relates the items
    sentence = (
        "Despite the high prevalence of disease, the incidence and prognosis of low back pain are difficult "
        "to characterize."
    )
    assert len(texts(sentence)) == 1
    sentence = "Ginger, garlic and turmeric are similar in their effect on blood pressure."
    assert texts(sentence) == [sentence]


def test_two_clauses_joined_by_and_without_a_comma_are_two_claims() -> None:
    # the real snippet (nhs_sprains_strains): each clause has its own subject and finite verb
    assert texts(
        "Painkillers like paracetamol will ease the pain and ibuprofen will bring down swelling."
    ) == [
        "Painkillers like paracetamol will ease the pain.",
        "Ibuprofen will bring down swelling.",
    ]
    # constructed variants, other topics
    assert texts("Acupuncture is generally safe and serious side effects are rare.") == [
        "Acupuncture is generally safe.",
        "Serious side effects are rare.",
    ]
    assert texts("Vitamin D can strengthen bones and calcium supplements may prevent fractures.") == [
        "Vitamin D can strengthen bones.",
        "Calcium supplements may prevent fractures.",
    ]
    # counter-examples: a compound subject (no finite verb before "and"), an "and" inside a "that" clause,
    # a subordinate clause after "and"
    for sentence in (
        "Neck and back pain are common after long flights.",
        "Research has shown that massage and exercise are effective for chronic back pain.",
        "Oestrogen deficiency can lead to heart disease and while many drugs are available, few use them.",
    ):
        assert len(texts(sentence)) == 1, sentence


def test_and_before_a_fronted_subordinate_clause_starts_a_new_clause() -> None:
    # the real snippet (dailymail_herbal_menopause): the list ends before "and while …,"
    claims = draft(
        "Oestrogen deficiency can also lead to cardiovascular disease and osteoporosis and while many drugs "
        "are available, a number of non-pharmacological alternatives are sometimes preferred."
    )
    assert [c.quote for c in claims][:2] == [
        "Oestrogen deficiency can also lead to cardiovascular disease",
        "osteoporosis",
    ]
    # constructed variants
    for sentence, first in (
        (
            "Smoking damages the lungs and although many people quit, relapse is common.",
            "Smoking damages the lungs.",
        ),
        (
            "Tai chi improves balance and because falls are costly, clinics now offer classes.",
            "Tai chi improves balance.",
        ),
    ):
        assert texts(sentence)[0] == first
    # not before a subordinate clause with no comma of its own ("… and while resting")
    sentence = "Stretching eases stiffness when walking and while resting."
    assert len(texts(sentence)) == 1


# --- a clause with a subject of its own, joined by ", and", ", so", ", while" or a spaced dash -----------


def test_a_clause_with_its_own_subject_after_and_is_a_claim_whatever_its_verb() -> None:
    # finescoop_turmeric_arthritis.md (a third-person verb ending the clause; the source named after it)
    assert texts(
        "Cartilage covering the ends of bones gradually thin over time, and the bone thickens, according to "
        "Versus Arthritis."
    ) == ["Cartilage covering the ends of bones gradually thin over time.", "The bone thickens."]
    # dailymail_herbal_menopause.txt (a connective adverb after "and"; a modal)
    assert texts(
        "But she warns herbal medicines are not regulated in many countries, and therefore the contents of a "
        "given product may vary from sample to sample."
    )[1:] == ["The contents of a given product may vary from sample to sample."]
    # constructed, other words and topics: a past form, a noun phrase with "of", an uncued second clause
    assert texts(
        "Acupuncture was well tolerated in the trial, and the dropout rate stayed below five per cent."
    ) == ["Acupuncture was well tolerated in the trial.", "The dropout rate stayed below five per cent."]
    assert texts("Yoga improves balance in older adults, and the risk of falls drops by a third.") == [
        "Yoga improves balance in older adults.",
        "The risk of falls drops by a third.",
    ]
    assert texts("Massage lowers cortisol levels, and the heart rate slows within minutes.") == [
        "Massage lowers cortisol levels.",
        "The heart rate slows within minutes.",
    ]


def test_a_list_item_after_and_is_no_clause_of_its_own() -> None:
    # the last item of a list of nouns, a relative clause on it, a subject list, the reader's own doings
    assert texts("Massage reduces pain, fatigue, and the swelling that follows surgery.") == [
        "Massage reduces pain.",
        "Massage reduces fatigue.",
        "Massage reduces the swelling that follows surgery.",
    ]
    assert texts("Some heart conditions, open wounds, and incontinence may preclude pool use.") == [
        "Some heart conditions may preclude pool use.",
        "Open wounds may preclude pool use.",
        "Incontinence may preclude pool use.",
    ]
    assert texts("Regular exercise keeps the joints mobile, and you can build from there.") == [
        "Regular exercise keeps the joints mobile."
    ]
    # "so" and "some": the conjunction is a whole word
    quotes = [
        c.quote
        for c in draft(
            "Although shockwave therapy is considered safe for most people, some "
            "individuals should not receive shockwave therapy."
        )
    ]
    assert all(not (q or "").startswith("me ") for q in quotes)


def test_a_spaced_dash_before_a_clause_parts_two_claims() -> None:
    # kibworth_high_heels.md ("this" as the subject after a dash; what it means, ", meaning that …")
    assert texts(
        "When wearing heels the knee is often held slightly flexed (bent) – this causes the bones of the "
        "lower leg (tibia and fibula) to rotate inwards, meaning that one side of the knee is being loaded "
        "more than the other – this is likely the main contributor to the development of knee osteoarthritis."
    )[1:] == [
        "This causes the bones of the lower leg (tibia and fibula) to rotate inwards.",
        "One side of the knee is being loaded more than the other.",
        "This is likely the main contributor to the development of knee osteoarthritis.",
    ]
    # constructed, other words and topics (a hyphen for a dash; a personal pronoun and a base verb)
    assert texts(
        "Regular stretching keeps the hamstrings supple - this lowers the strain on the lower back."
    ) == [
        "Regular stretching keeps the hamstrings supple.",
        "This lowers the strain on the lower back.",
    ]
    assert texts(
        "Night splints hold the foot at a right angle – they stretch the plantar fascia overnight."
    ) == [
        "Night splints hold the foot at a right angle.",
        "They stretch the plantar fascia overnight.",
    ]


def test_dashes_around_an_aside_or_before_a_phrase_part_nothing() -> None:
    # an aside between dashes has no clause of its own; a phrase after a dash has no subject and verb
    for sentence in (
        "Turmeric - sometimes called Indian saffron - reduces joint pain in knee osteoarthritis.",
        "It is the latest health fad - present in everything from soy lattes to vegan cakes.",
        "Ginger eases nausea in pregnancy – in most women within a few days.",
    ):
        assert len(texts(sentence)) <= 1, sentence


def test_what_a_finding_is_taken_to_mean_is_a_claim_without_its_participle() -> None:
    # finescoop_turmeric_arthritis.md
    claims = draft(
        "Scans revealed no differences in the structural features of the knee joint - suggesting the impact "
        "was on the reception of pain, rather than the physical disease."
    )
    assert pairs(claims)[1] == (
        "the impact was on the reception of pain, rather than the physical disease.",
        "The impact was on the reception of pain, rather than the physical disease.",
    )
    # constructed, other words and topics
    assert texts(
        "Participants who slept eight hours recovered faster, suggesting that sleep aids muscle repair."
    ) == ["Participants who slept eight hours recovered faster.", "Sleep aids muscle repair."]
    assert texts(
        "Cold water immersion reduced soreness after two days, meaning athletes could train again sooner."
    ) == ["Cold water immersion reduced soreness after two days.", "Athletes could train again sooner."]
    # no clause after the participle: nothing to part
    assert texts("Massage reduced pain in the trial, suggesting a benefit.") == [
        "Massage reduced pain in the trial, suggesting a benefit."
    ]


# --- who says a claim is no part of it ----------------------------------------------------------------------


def test_a_source_named_after_the_claim_is_left_out_of_its_text_not_its_quote() -> None:
    # dailymail_herbal_menopause.txt
    sentence = (
        "Soy for instance, the most common plant containing oestrogen, can reduce hot flushes by more than "
        "half, says a scientist who carried out a review into previous studies."
    )
    claims = draft(sentence)
    assert claims[-1].text.endswith("can reduce hot flushes by more than half.")
    assert all("scientist" not in c.text for c in claims)
    # constructed, other words and topics: "according to …", "<someone> concluded"
    claims = draft(
        "Stretching before running does not prevent injuries, according to a review of ten trials."
    )
    assert pairs(claims) == [
        (
            "Stretching before running does not prevent injuries, according to a review of ten trials.",
            "Stretching before running does not prevent injuries.",
        )
    ]
    assert texts("Massage eases anxiety in cancer patients, the authors concluded.") == [
        "Massage eases anxiety in cancer patients."
    ]


def test_a_quotation_introduced_by_its_speaker_is_the_claim() -> None:
    # dailymail_herbal_menopause.txt (the quotation runs on past the sentence: no closing mark)
    text = (
        "Women's primary care specialist Dr Iris Tong, of Brown University, Rhode Island, who led the "
        "review, said: 'Up to 75 per cent of women use herbal and complimentary medicines to treat their "
        "postmenopausal symptoms."
    )
    claims = draft(text)
    assert pairs(claims) == [
        (
            text,
            "Up to 75 per cent of women use herbal and complimentary medicines to treat their postmenopausal "
            "symptoms.",
        )
    ]
    # constructed, other words and topics
    assert texts(
        'The lead author, a physiotherapist at a London hospital, explained: "Exercise reduces back pain '
        'more than rest."'
    ) == ["Exercise reduces back pain more than rest."]
    assert texts(
        "A spokeswoman for the charity told reporters: 'Cupping leaves bruises that can last for a week.'"
    ) == ["Cupping leaves bruises that can last for a week."]


# --- who a second predicate or a participle of effect is about --------------------------------------------


def test_a_participle_of_effect_is_written_with_the_subject_of_its_clause() -> None:
    # d_femaleposture_aquatic_therapy.md
    assert texts(
        "Falls in water don't cause injury, reducing fear and allowing more confident movement practice."
    ) == [
        "Falls in water don't cause injury.",
        "Falls in water reduce fear.",
        "Falls in water allow more confident movement practice.",
    ]
    # constructed, other words and topics (singular and plural subjects; stems with and without a final "e")
    assert texts("Strength training improves balance in older adults, reducing the risk of falls.") == [
        "Strength training improves balance in older adults.",
        "Strength training reduces the risk of falls.",
    ]
    assert texts("Warm compresses relax the muscles of the jaw, easing pain when chewing.") == [
        "Warm compresses relax the muscles of the jaw.",
        "Warm compresses ease pain when chewing.",
    ]
    assert texts("Compression sleeves support the calf, speeding recovery after long runs.")[-1] == (
        "Compression sleeves speed recovery after long runs."
    )


def test_a_second_predicate_in_a_reported_clause_is_about_its_subject() -> None:
    # constructed (no development page has the form with a second predicate), three topics
    assert texts("Studies show that yoga reduces anxiety and improves sleep.") == [
        "Studies show that yoga reduces anxiety.",
        "Yoga improves sleep.",
    ]
    assert texts(
        "Research suggests that turmeric lowers inflammation and eases stiffness in arthritic knees."
    )[1:] == ["Turmeric eases stiffness in arthritic knees."]
    assert texts("Trials found that acupuncture relieves nausea and is well tolerated.")[1:] == [
        "Acupuncture is well tolerated."
    ]


def test_a_comparative_after_have_is_an_adjective_not_a_verb() -> None:
    # constructed, three topics: the list's items are what they have, not what lowers
    assert texts("People who exercise regularly have lower blood pressure and fewer heart attacks.") == [
        "People who exercise regularly have lower blood pressure.",
        "People who exercise regularly have fewer heart attacks.",
    ]
    assert texts("Children who sleep well have better concentration and fewer colds.") == [
        "Children who sleep well have better concentration.",
        "Children who sleep well have fewer colds.",
    ]
    assert texts("Patients in the massage group had less pain and better sleep.") == [
        "Patients in the massage group had less pain.",
        "Patients in the massage group had better sleep.",
    ]


# --- contrasts, concessions and relative clauses ----------------------------------------------------------


def test_the_claim_a_contrast_or_concession_qualifies_is_kept_beside_it() -> None:
    # d_femaleposture_aquatic_therapy.md
    assert texts(
        "Cooler pools work for vigorous exercise but may be uncomfortable for gentler activity."
    ) == [
        "Cooler pools work for vigorous exercise.",
        "But may be uncomfortable for gentler activity.",
    ]
    # constructed, other words and topics: the first clause has no cue word of its own
    assert texts("Salt raises blood pressure in most people, but potassium lowers it.")[0] == (
        "Salt raises blood pressure in most people."
    )
    assert texts("Splints protect the teeth from grinding, although they do not cure bruxism.")[0] == (
        "Splints protect the teeth from grinding."
    )
    # "whereas" opens a clause, it is no verb of a relative clause's predicate
    assert texts("Heat loosens stiff joints in the morning, whereas cold numbs acute pain.")[-1] == (
        "Whereas cold numbs acute pain."
    )


def test_a_relative_clause_after_the_object_of_an_effect_verb_is_about_that_object() -> None:
    # constructed (no development page has the form), three topics
    assert texts("Massage increases serotonin, which improves mood.") == [
        "Massage increases serotonin.",
        "Serotonin improves mood.",
    ]
    assert texts("Regular massage improves blood flow to the muscles, which speeds healing.")[-1] == (
        "Blood flow to the muscles speeds healing."
    )
    assert (
        texts("Yoga lowers cortisol, which in turn reduces anxiety.")[-1]
        == "Cortisol in turn reduces anxiety."
    )
    # kibworth_high_heels.md: not after a noun phrase that is no object of the clause's verb
    assert (
        texts(
            "Over time this can cause a decrease in the natural curve of our lower back, which can then "
            "result in spinal pain, as well as hip pain."
        )[1]
        == "Which can then result in spinal pain."
    )


def test_a_quantifier_alone_is_the_subject_of_a_joined_clause() -> None:
    # constructed, two topics
    assert texts("About 1 in 3 adults has high blood pressure, and many do not know it.") == [
        "About 1 in 3 adults has high blood pressure.",
        "Many do not know it.",
    ]
    assert texts("Most patients improve within six weeks, and some need no further treatment.") == [
        "Most patients improve within six weeks.",
        "Some need no further treatment.",
    ]


def test_predicates_in_the_third_person_are_cut_whatever_their_verbs() -> None:
    # constructed (verbs outside any list of effect verbs), three topics
    assert texts("Exercise builds bone density, sharpens memory and lifts mood.") == [
        "Exercise builds bone density.",
        "Exercise sharpens memory.",
        "Exercise lifts mood.",
    ]
    assert texts("Ginger settles the stomach and soothes the throat.") == [
        "Ginger settles the stomach.",
        "Ginger soothes the throat.",
    ]
    # a plural noun before a preposition or a verb is no predicate (acubyang_dry_needling.md; constructed)
    assert len(texts("This technique releases tension and knots in muscles.")) == 1
    assert texts("Walking on pavements with cracks and dips is risky in heels.") == [
        "Walking on pavements with cracks and dips is risky in heels."
    ]


def test_as_well_as_joins_two_objects_of_a_verb_of_effect() -> None:
    # constructed, three topics (kibworth_high_heels.md writes it after a comma, "…, as well as hip pain",
    # which was cut already; without a comma it is read the same way)
    assert texts("Poor posture can cause neck pain as well as headaches.") == [
        "Poor posture can cause neck pain.",
        "Poor posture can cause headaches.",
    ]
    # a comparison with "as well as … does" is no list
    assert texts("Chiropractic adjustments may relieve jaw pain as well as tension headaches.") == [
        "Chiropractic adjustments may relieve jaw pain.",
        "Chiropractic adjustments may relieve tension headaches.",
    ]
    assert texts("Turmeric eases joint pain as well as ibuprofen does.") == [
        "Turmeric eases joint pain as well as ibuprofen does."
    ]


def test_three_one_word_predicates_after_a_copula_are_three_claims_whatever_the_words() -> None:
    # constructed (adjectives and nouns outside any list), three topics
    assert texts("Walking is safe, cheap and widely available.") == [
        "Walking is safe.",
        "Walking is cheap.",
        "Walking is widely available.",
    ]
    assert texts("The main signs are pain, swelling and stiffness.") == [
        "The main signs are pain.",
        "The main signs are swelling.",
        "The main signs are stiffness.",
    ]
    # d_acupofgreen_acupuncture_faq.html: a list that is the subject of the verb after it stays one
    assert texts("When the Qi is obstructed, pain, or disease may result.") == [
        "When the Qi is obstructed, pain may result.",
        "When the Qi is obstructed, disease may result.",
    ]


def test_an_aside_between_the_subject_and_its_verb_is_no_claim_s_cut() -> None:
    # dailymail_herbal_menopause.txt (an appositive aside; the source named after the claim left out too)
    claims = draft(
        "Soy for instance, the most common plant containing oestrogen, can reduce hot flushes by more than "
        "half, says a scientist who carried out a review into previous studies."
    )
    assert [c.text for c in claims] == ["Soy for instance can reduce hot flushes by more than half."]
    # constructed, other words and topics: a relative clause, an appositive, a narrowing phrase
    claims = draft("Acupuncture, which originated in China, can relieve chronic pain.")
    assert pairs(claims) == [
        (
            "Acupuncture, which originated in China, can relieve chronic pain.",
            "Acupuncture can relieve chronic pain.",
        )
    ]
    assert texts("Ibuprofen, a common painkiller, can irritate the stomach.") == [
        "Ibuprofen can irritate the stomach."
    ]
    assert texts("Exercise, particularly walking, lowers blood pressure and improves mood.") == [
        "Exercise lowers blood pressure.",
        "Exercise improves mood.",
    ]
    # pharmaguide_dysmenorrhea.md: a fronted adverb is no subject, the noun phrase after it is
    assert texts(
        "Similarly, a Cochrane review including 10 trials of mostly low quality, suggests that both low and "
        "high-intensity regular exercise reduces dysmenorrhea."
    ) == [
        "Similarly, a Cochrane review including 10 trials of mostly low quality, suggests that both low and "
        "high-intensity regular exercise reduces dysmenorrhea."
    ]
    # a fronted clause is no subject: its comma stays a clause's
    assert texts("When the pain eases, which takes a week, patients return to work.") != [
        "When the pain eases patients return to work."
    ]


def test_outcomes_listed_after_a_risk_of_are_one_claim_each() -> None:
    # constructed, three topics (no development page has the form); one outcome stays one claim
    assert texts("Heavy drinking is linked to a higher risk of heart attack and stroke.") == [
        "Heavy drinking is linked to a higher risk of heart attack.",
        "Heavy drinking is linked to a higher risk of stroke.",
    ]
    assert texts("Obesity raises the risk of diabetes, arthritis and some cancers.") == [
        "Obesity raises the risk of diabetes.",
        "Obesity raises the risk of arthritis.",
        "Obesity raises the risk of some cancers.",
    ]
    assert texts("Smoking doubles the risk of back pain.") == ["Smoking doubles the risk of back pain."]


def test_two_noun_phrases_each_with_its_determiner_are_two_objects() -> None:
    # constructed, two topics; a shared head inside one phrase stays one
    assert texts("Bleach baths reduce the severity of eczema and the risk of skin infection.") == [
        "Bleach baths reduce the severity of eczema.",
        "Bleach baths reduce the risk of skin infection.",
    ]
    assert texts("Yoga reduces the frequency of migraines and the use of painkillers.") == [
        "Yoga reduces the frequency of migraines.",
        "Yoga reduces the use of painkillers.",
    ]
    assert len(texts("Massage improves blood flow in both deep and superficial veins.")) == 1


def test_a_later_clause_s_conjunction_is_in_its_quote_not_its_text() -> None:
    # nccih_massage_tips.md (and the last item of a list, "other symptoms associated with …", is no clause:
    # its "-ed" form modifies the noun)
    claims = draft(
        "A 2010 review concluded that massage therapy may help temporarily reduce pain, fatigue, and other "
        "symptoms associated with fibromyalgia, but the evidence is not definitive."
    )
    assert [c.text for c in claims][2:] == [
        "A 2010 review concluded that massage therapy may help temporarily reduce other symptoms associated "
        "with fibromyalgia.",
        "The evidence is not definitive.",
    ]
    assert claims[-1].quote == "but the evidence is not definitive."
    # constructed, other topics; with no subject after it the conjunction stays
    assert texts("Ice eases swelling in the first two days, but heat works better after that.") == [
        "Ice eases swelling in the first two days.",
        "Heat works better after that.",
    ]
    assert texts("Cold therapy works quickly but may be uncomfortable.")[-1] == "But may be uncomfortable."
    # a past form after a list's items modifies a noun; after a whole clause it is a verb
    assert texts("Stretching eases cramps, stiffness, and other complaints caused by sitting.")[-1] == (
        "Stretching eases other complaints caused by sitting."
    )
    assert texts("Acupuncture was well tolerated in the trial, and the dropout rate stayed low.")[-1] == (
        "The dropout rate stayed low."
    )


# --- bare citation numbers run into the words after a full stop ---------------------------------------------


def test_bare_citation_numbers_after_a_full_stop_part_two_sentences() -> None:
    # eno_heartburn_home_remedies.html (superscripts flattened into "acidity.2,11,16,17 Smoking …")
    claims = draft(
        "Reducing or, better yet, stopping the consumption of alcohol and cigarettes is recommended to help "
        "prevent further episodes of acidity.2,11,16,17 Smoking can weaken the muscle that prevents stomach "
        "acid from rising up into your esophagus.11 Drinking alcohol compromises the same muscle."
    )
    assert [c.quote for c in claims][-2:] == [
        "Smoking can weaken the muscle that prevents stomach acid from rising up into your esophagus.",
        "Drinking alcohol compromises the same muscle.",
    ]
    assert not any(c.text.endswith((".11", ".2,11,16,17")) for c in claims)
    # constructed, two topics: one number, a range, and a number closing the last sentence
    assert texts("Walking lowers blood pressure.4 Swimming eases joint pain.7-9") == [
        "Walking lowers blood pressure.",
        "Swimming eases joint pain.",
    ]
    assert texts("Vitamin D deficiency is common in winter.12 Low levels are linked to weak bones.3,5") == [
        "Vitamin D deficiency is common in winter.",
        "Low levels are linked to weak bones.",
    ]


def test_a_number_after_a_full_stop_is_no_citation_before_a_lower_case_word_or_after_a_digit() -> None:
    # constructed: a figure reference, a decimal, a year
    assert texts("The trial ran for 2.5 years and showed that massage reduced pain.") == [
        "The trial ran for 2.5 years and showed that massage reduced pain."
    ]
    assert len(draft("Exercise reduced pain in 2019.5 Patients improved.")) == 1
    figure = texts("Stretching eases cramps, as Fig.2 shows in this trial.")
    assert figure[0].startswith("Stretching eases cramps")
    assert "Fig.2 shows" in " ".join(figure)


# --- a parenthesis inside a list item ----------------------------------------------------------------------


def test_commas_inside_a_parenthesis_part_no_items_of_the_list() -> None:
    # pharmaguide_headache.md, "Pathophysiology" (tension-type headache)
    claims = draft(
        "Recent research has identified other contributors, including nitric oxide, pro-inflammatory "
        "cytokines (e.g., bradykinin, histamine, prostaglandin E2) and central pain sensitization mediated "
        "by neuropeptides (e.g., calcitonin gene-related peptide [CGRP], substance P and vasoactive "
        "intestinal peptide [VIP])."
    )
    assert [c.quote for c in claims] == [
        "Recent research has identified other contributors, including nitric oxide",
        "pro-inflammatory cytokines (e.g., bradykinin, histamine, prostaglandin E2)",
        "central pain sensitization mediated by neuropeptides (e.g., calcitonin gene-related peptide [CGRP], "
        "substance P and vasoactive intestinal peptide [VIP]).",
    ]
    # constructed, two topics: the parenthesis stays with its item, whatever its commas or conjunctions
    assert texts("Massage reduces pain (especially in the neck), anxiety and depression.") == [
        "Massage reduces pain (especially in the neck).",
        "Massage reduces anxiety.",
        "Massage reduces depression.",
    ]
    smoking = "Smoking raises the risk of stroke, heart disease (angina, heart attack) and lung cancer."
    assert texts(smoking) == [
        "Smoking raises the risk of stroke.",
        "Smoking raises the risk of heart disease (angina, heart attack).",
        "Smoking raises the risk of lung cancer.",
    ]


def test_a_list_inside_a_parenthesis_is_no_list_of_the_clause() -> None:
    # constructed: the items named in an aside are examples of one claim's object, not cut across its brackets
    assert texts("Massage reduces common symptoms (pain, anxiety and depression).") == [
        "Massage reduces common symptoms (pain, anxiety and depression)."
    ]
    assert texts("Counselling in person (individual or group) helps people quit smoking.") == [
        "Counselling in person (individual or group) helps people quit smoking."
    ]


# --- words parted by commas alone before one noun ---------------------------------------------------------


def test_words_parted_by_commas_alone_before_one_noun_are_no_list() -> None:
    # examine_feverfew_migraine.md, 8.1 "Pregnancy" ("test, however, all embryos": no items)
    snippet = (
        "When conducting an in vitro test, however, all embryos were destroyed after 4ul/mL incubation with "
        "Feverfew solution for 26 hours."
    )
    assert [c.quote for c in draft(snippet)] == [snippet]
    # constructed, two topics: adjectives that describe one noun together
    assert texts("Yoga can cause mild, temporary soreness.") == ["Yoga can cause mild, temporary soreness."]
    assert texts("Cupping can cause round, purple marks on the skin.") == [
        "Cupping can cause round, purple marks on the skin."
    ]


def test_outcomes_parted_by_commas_alone_are_still_a_list() -> None:
    # constructed: each item names an outcome of its own, so the commas part a list
    assert texts("Massage reduces pain, stiffness, muscle tension.") == [
        "Massage reduces pain.",
        "Massage reduces stiffness.",
        "Massage reduces muscle tension.",
    ]
    assert len(texts("Tai chi improves balance, strength, and flexibility.")) == 3


# --- the subject a participle of effect takes, when the verb before it has a plural object -----------------


def test_a_participle_of_effect_takes_the_subject_before_a_verb_with_a_plural_object() -> None:
    # decentmed_acupuncture_migraine.md (was "Migraines affect causes debilitating pain, …": no article words)
    claims = draft(
        "Migraines affect millions worldwide, causing debilitating pain, sensitivity to light and sound, and "
        "major disruption to daily life."
    )
    assert claims[0].text.startswith("Migraines cause debilitating pain")
    # d_femaleposture_aquatic_therapy.md ("relax muscles": a plural noun after the verb is its object)
    assert (
        texts(
            "Warm therapy pools relax muscles, increase blood flow, and reduce pain perception, creating an "
            "environment where movement feels easier."
        )[-1]
        == "Warm therapy pools create an environment where movement feels easier."
    )
    # constructed, two topics; a singular subject in "-is" or "-ss" agrees as one
    arthritis = "Arthritis affects millions of adults, causing joint pain, stiffness, and loss of mobility."
    assert texts(arthritis)[1:] == [
        "Arthritis causes joint pain.",
        "Arthritis causes stiffness.",
        "Arthritis causes loss of mobility.",
    ]
    asthma = "Asthma affects children worldwide, causing coughing, wheezing, and shortness of breath."
    assert texts(asthma) == [
        "Asthma causes coughing.",
        "Asthma causes wheezing.",
        "Asthma causes shortness of breath.",
    ]


def test_two_plural_words_that_are_no_verbs_stay_in_the_subject() -> None:
    # nhs_dumfries_hypermobility.md: a name in "-s" before another is no verb of its subject
    assert texts("Hypermobile Ehlers Danlos has no genetic test available.") == [
        "Hypermobile Ehlers Danlos has no genetic test available."
    ]
    # constructed: a plural noun before a known verb is the subject's head
    assert texts("Nerve pathways trigger signals, causing pain, tingling, and numbness.")[2] == (
        "Nerve pathways cause tingling."
    )


# --- a clause whose subject is a proportion, joined by "and" -----------------------------------------------


def test_a_proportion_with_a_verb_after_and_is_a_clause_of_its_own() -> None:
    # medicineinmotion_ankle_sprain.md
    claims = draft(
        "Unfortunately, many do not fully recover and 25% report chronic instability and long term "
        "disability."
    )
    assert [c.quote for c in claims] == [
        "Unfortunately, many do not fully recover",
        "25% report chronic instability and long term disability.",
    ]
    # constructed, two topics: both clauses kept, whatever their cues
    assert texts("Most patients recover within weeks and 10% develop chronic pain.") == [
        "Most patients recover within weeks.",
        "10% develop chronic pain.",
    ]
    assert texts("Many smokers try to quit and 5% of them stay abstinent for a year.") == [
        "Many smokers try to quit.",
        "5% of them stay abstinent for a year.",
    ]


def test_a_proportion_in_a_range_a_second_figure_or_before_a_participle_is_no_clause() -> None:
    # constructed
    for sentence in (
        "Pain fell by 30% and 20% in the two groups.",
        "The rate rose between 10% and 20% of patients.",
        "Sprains are common in sport, accounting for 76% of injuries and 85% of those being ankle sprains.",
    ):
        assert not any(c.quote.startswith(("20%", "85%")) for c in draft(sentence)), sentence


# --- "not only … but also …" -----------------------------------------------------------------------------


def test_not_only_but_also_is_two_claims_of_one_subject() -> None:
    # constructed, three topics (no development page has the form in prose)
    assert pairs(draft("Exercise not only reduces pain but also improves sleep.")) == [
        ("Exercise not only reduces pain", "Exercise reduces pain."),
        ("improves sleep.", "Exercise improves sleep."),
    ]
    assert texts("Massage not only eases tension, but also lowers blood pressure.") == [
        "Massage eases tension.",
        "Massage lowers blood pressure.",
    ]
    assert texts("Yoga is not only relaxing but also strengthens the core.") == [
        "Yoga is relaxing.",
        "Yoga strengthens the core.",
    ]


def test_not_only_without_but_also_is_left_as_written() -> None:
    # constructed, two topics: no second part, so no cut and the focus words stay
    assert texts("Stretching helps not only athletes.") == ["Stretching helps not only athletes."]
    assert texts("Heat therapy is not only for chronic pain.") == [
        "Heat therapy is not only for chronic pain."
    ]
