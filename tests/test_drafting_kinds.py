"""The claim-kind rules of ``drafting.claim_kind``, each on a real sentence of a development article (or of
the bundled article) that the rule was written for, with the kind its hand label gives.

Each case names the stored file its words come from and a verbatim part of them (checked against the file),
and the text classified: the sentence itself, or the label's ``text`` where the article's words are a list
item or a clause (the subject carried over, as drafting does). Held-out articles are never used here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from needling_evidence import load_article
from needling_evidence.drafting import _topic_words, claim_kind, draft_claims, is_checkworthy

DEVSET = Path(__file__).parent / "data" / "devset"
ARTICLES_DIR = Path(__file__).parent / "data" / "articles"
BUNDLED = (
    Path(__file__).parents[1] / "src" / "needling_evidence" / "datasets" / "dry_needling" / "article.txt"
)


def _source(name: str) -> Path:
    if name == "bundled":
        return BUNDLED
    return ARTICLES_DIR / name.removeprefix("articles/") if name.startswith("articles/") else DEVSET / name


# (file, verbatim words in it, text classified, expected kind)
CASES = [
    # -- subject decides: what raises a risk or worsens a symptom is a cause when no treatment is named ...
    (
        "onemg_back_pain.md",
        "Women are more prone to developing back pain when compared to men.",
        "Women are more prone to developing back pain when compared to men.",
        "etiology",
    ),
    (
        "onemg_back_pain.md",
        "significantly more risk as compared to those less than 35 years",
        "Individuals ≥35 years are found to have significantly more risk as compared to those less than 35 "
        "years.",
        "etiology",
    ),
    (
        "onemg_back_pain.md",
        "can increase the likelihood of developing pain, especially in the lower back area",
        "Asthma can increase the likelihood of developing pain, especially in the lower back area.",
        "etiology",
    ),
    (
        "bundled",
        "Tight or painful muscles can limit your joint’s range of motion",
        "Tight or painful muscles can limit your joint’s range of motion, making your movements stiff and "
        "awkward.",
        "etiology",
    ),
    # ... and a harm when a treatment is named
    (
        "acubyang_dry_needling.md",
        "To dry needle without proper training can lead to further spasming, nerve damage",
        "Dry needling without proper training can lead to nerve damage.",
        "safety",
    ),
    (
        "acubyang_dry_needling.md",
        "but it can also be dangerous",
        "Dry needling by physical therapists can be dangerous.",
        "safety",
    ),
    (
        "nccih_massage_overview.md",
        "Some of the reported cases have involved vigorous types of massage",
        "Some of the reported cases have involved patients who might be at increased risk of injury, such as "
        "elderly people.",
        "safety",
    ),
    # -- direction: preventing a worsening is a benefit; a participle naming a condition is no verb
    (
        "smartrehab_back_pain.html",
        "to prevent further aggravation of pain",
        "Physiotherapy can also include education on activity modification to prevent further aggravation "
        "of pain",
        "efficacy",
    ),
    (
        "bundled",
        "individuals suffering from musculoskeletal pain and restricted movement",
        "Dry needling physical therapy is a highly effective, minimally invasive treatment option for "
        "individuals "
        "suffering from restricted movement.",
        "efficacy",
    ),
    # -- a treatment acting on a tissue or physiological process: mechanism, not efficacy
    (
        "motherapy_low_back_pain.md",
        "Improves circulation",
        "Massage therapy improves circulation.",
        "mechanism",
    ),
    (
        "lucifit_lymphatic_drainage.md",
        "increasing the production of lymph cells",
        "Lymphatic drainage increases the production of lymph cells.",
        "mechanism",
    ),
    (
        "acubyang_dry_needling.md",
        "This technique releases tension and knots in muscles",
        "Trigger point dry needling releases tension and knots in muscles.",
        "mechanism",
    ),
    (
        "nccih_massage_overview.md",
        "The mechanism by which massage therapy might increase weight gain is not well understood.",
        "The mechanism by which massage therapy might increase weight gain is not well understood.",
        "mechanism",
    ),
    (
        "acubyang_dry_needling.md",
        "inflammation is your body's natural response to fight infection",
        "Inflammation is your body's natural response to fight infection.",
        "mechanism",
    ),
    # -- efficacy stated without an effect verb on a symptom
    (
        "onemg_back_pain.md",
        "Most cases of back pain can be managed by over the counter medications",
        "Most cases of back pain can be managed by over the counter medications",
        "efficacy",
    ),
    (
        "cochrane_acupuncture_tension_headache.txt",
        "treated adequately by pain-killers",
        "Mild episodes of tension-type headache may be treated adequately by pain-killers.",
        "efficacy",
    ),
    (
        "acubyang_dry_needling.md",
        "Acupuncture (and especially APM) has a cumulative effect.",
        "Acupuncture (and especially APM) has a cumulative effect.",
        "efficacy",
    ),
    (
        "cochrane_acupuncture_tension_headache.txt",
        "participants receiving true acupuncture",
        "Headache frequency halved in 52 of 100 participants receiving true acupuncture compared with 43 of "
        "100 "
        "participants receiving 'fake' acupuncture.",
        "efficacy",
    ),
    (
        "acubyang_dry_needling.md",
        "you won't need treatments any longer",
        "With continued treatments patients eventually won't need treatments any longer.",
        "efficacy",
    ),
    (
        "nccih_massage_overview.md",
        "the amount of research and number of people studied are small",
        "The amount of research and number of people studied on massage for people with HIV/AIDS are small.",
        "efficacy",
    ),
    (
        "wellness_posture.md",
        "reported feeling more confident",
        "A 2021 study found that people who sat upright reported feeling more confident than those who "
        "slouched.",
        "efficacy",
    ),
    (
        "motherapy_low_back_pain.md",
        "Decreased recurrence rates",
        "The benefits of physiotherapy for lower back pain include decreased recurrence rates.",
        "efficacy",
    ),
    (
        "motherapy_low_back_pain.md",
        "Most people see significant improvement within 6-8 sessions over 4-6 weeks.",
        "Most people see significant improvement within 6-8 sessions over 4-6 weeks.",
        "efficacy",
    ),
    # -- a weak causal word does not outweigh a stronger statement of benefit
    (
        "nccih_massage_tips.md",
        "other symptoms associated with a number of different conditions",
        "Much of the evidence points toward beneficial effect on other symptoms associated with a number of "
        "different conditions.",
        "efficacy",
    ),
    # -- what the patient feels
    (
        "acubyang_dry_needling.md",
        "creates a twitch response which can feel very strange to the patient",
        "The action of Trigger Point Dry Needling creates a twitch response which can feel very strange to "
        "the "
        "patient",
        "experience",
    ),
    # -- other: a burden, a training requirement, the course of a condition with no treatment named
    (
        "pharmaguide_low_back_pain.md",
        "Globally, low back pain causes more disability than any other disease",
        "Globally, low back pain causes more disability than any other disease",
        "other",
    ),
    (
        "acubyang_dry_needling.md",
        "A licensed acupuncturist has spent 3,000 hours memorizing safe needle depths",
        "A licensed acupuncturist has spent 3,000 hours memorizing safe needle depths",
        "other",
    ),
    (
        "pharmaguide_low_back_pain.md",
        "after which the rate of improvement is slower",
        "After 6 weeks the rate of improvement in low back pain is slower.",
        "other",
    ),
    (
        "pharmaguide_low_back_pain.md",
        "Newer data indicate rapid improvement occurs within 6 weeks of presentation",
        "Newer data indicate rapid improvement occurs within 6 weeks of presentation",
        "other",
    ),
    # -- harms of a treatment named by their own words (the test articles of tests/data/articles)
    (
        "articles/heat_back_pain.txt",
        "People with diabetes or reduced skin sensation are at higher risk of burns",
        "People with diabetes or reduced skin sensation are at higher risk of burns because they may not "
        "notice the skin overheating.",
        "safety",
    ),
    (
        "articles/knee_taping.md",
        "Skin irritation and blisters are the most common side effects",
        "Skin irritation and blisters are the most common side effects, especially in people with fragile or "
        "sensitive skin.",
        "safety",
    ),
    (
        "articles/knee_taping.md",
        "Tape is inexpensive and low-risk",
        "Tape is inexpensive and low-risk, so it may be worth trying alongside exercise.",
        "safety",
    ),
    (
        "articles/knee_taping.md",
        "The tape should not be applied over broken skin",
        "The tape should not be applied over broken skin, varicose veins or areas with poor sensation.",
        "safety",
    ),
    (
        "nccih_massage_overview.md",
        "beneficial effects of massage in these low-risk infants",
        "A 2013 review of 34 studies of healthy full-term infants didn’t find clear evidence of beneficial "
        "effects of massage in these low-risk infants.",
        "efficacy",
    ),
    (
        "articles/knee_taping.md",
        "Taping did not slow the progression of joint damage",
        "Taping did not slow the progression of joint damage seen on X-rays in any study.",
        "efficacy",
    ),
    # -- a cause of a burden is not a condition's cause; a brain and the body's own painkillers are how a
    # treatment works; "popular belief" and a "signal to stop" name no usage and no nerve
    (
        "motherapy_low_back_pain.md",
        "making it one of the leading causes of disability worldwide",
        "Lower back pain is one of the leading causes of disability worldwide.",
        "other",
    ),
    (
        "motherapy_low_back_pain.md",
        "Releases endorphins (natural pain relievers)",
        "Massage therapy releases endorphins (natural pain relievers).",
        "mechanism",
    ),
    (
        "articles/knee_taping.md",
        "may also change how the brain senses the joint's position",
        "Stretching the tape across the kneecap may also change how the brain senses the joint's position.",
        "mechanism",
    ),
    (
        "articles/foam_rolling.md",
        "Contrary to popular belief, rolling does not break up scar tissue",
        'Contrary to popular belief, rolling does not break up scar tissue or "release" the fascia; the '
        "forces involved are far too small to deform it.",
        "mechanism",
    ),
    (
        "articles/foam_rolling.md",
        "Some discomfort during rolling is normal, but sharp pain is a signal to stop",
        "Some discomfort during rolling is normal, but sharp pain is a signal to stop.",
        "experience",
    ),
    # -- what is felt after the treatment, for days, is an after-effect (a harm); a benefit that is temporary
    # is still a benefit
    (
        "acubyang_dry_needling.md",
        "After a treatment, patients will feel soreness that typically lasts for 1-2 days.",
        "After a treatment, patients will feel soreness that typically lasts for 1-2 days.",
        "safety",
    ),
    (
        "nccih_massage_tips.md",
        "massage therapy may help temporarily reduce pain, fatigue, and other symptoms",
        "A 2010 review concluded that massage therapy may help temporarily reduce fatigue associated with "
        "fibromyalgia.",
        "efficacy",
    ),
    # -- a passive cause names its agent after it: the treatment acts
    (
        "proptgroup_dry_needling.md",
        "inserting a needle into trigger points causes favorable biochemical changes",
        "The biochemical changes caused by inserting a needle into trigger points assist in reducing pain "
        "message transportation.",
        "mechanism",
    ),
    # how long the pain has lasted is no course of improvement: still a benefit
    (
        "bundled",
        "bring massive relief if you are experiencing chronic pain that lasts for a couple of months",
        "Which can bring massive relief if you are experiencing chronic pain that lasts for a couple of "
        "months or "
        "even years.",
        "efficacy",
    ),
    # -- claims the cue-less fallback drafts (2026-12-06): pain denied during treatment is what is felt
    (
        "d_lasara_shockwave_heel.html",
        "you should not",
        "During shockwave therapy treatment you should not experience any pain.",
        "experience",
    ),
    # drying the skin is a harm to it
    ("d_femaleposture_aquatic_therapy.md", "Chlorine dries skin", "Chlorine dries skin.", "safety"),
    # "good for" a condition is a benefit, whatever the condition's name holds ("hypertension")
    (
        "d2_engelmassage_cupping.html",
        "very good for hypertension",
        "The treatment is very good for hypertension.",
        "efficacy",
    ),
    # what a treatment spares the patient (medication, anaesthesia, downtime, recovery) is an other fact
    (
        "d_lasara_shockwave_heel.html",
        "Requires no medication",
        "Shockwave treatment requires no medication.",
        "other",
    ),
    (
        "d_lasara_shockwave_heel.html",
        "No anesthesia required",
        "Shockwave treatment requires no anesthesia.",
        "other",
    ),
    ("d_lasara_shockwave_heel.html", "No downtime", "Shockwave treatment needs no downtime.", "other"),
    # a harm denied by naming what the treatment spares
    ("d_lasara_shockwave_heel.html", "No scarring", "Shockwave treatment leaves no scarring.", "safety"),
    (
        "d_lasara_shockwave_heel.html",
        "Non-invasive and surgery free treatment",
        "Shockwave treatment is a non-invasive and surgery free treatment.",
        "safety",
    ),
    # ... but "a non-invasive way to reduce pain" is about the effect
    (
        "d_lasara_shockwave_heel.html",
        "Shockwave therapy is a safe and non-invasive",
        "Shockwave therapy is a non-invasive way to reduce pain in your heel.",
        "efficacy",
    ),
    # a course "recommended by your provider" is no guideline
    (
        "d_lasara_shockwave_heel.html",
        "recommended by your provider",
        "After you complete the three to six therapy treatments recommended by your provider, you "
        "can expect to see a significant reduction in symptoms during the 12 weeks following treatment.",
        "efficacy",
    ),
    # treating the cause is a benefit, not a cause
    (
        "d_lasara_shockwave_heel.html",
        "treats the root cause",
        "Compared to other treatments such as surgery or medications, Shockwave therapy treats the "
        "root cause of plantar fasciitis and heel spurs.",
        "efficacy",
    ),
    # a participle before a structure names where it is hurt, not an injury caused
    (
        "d_lasara_shockwave_heel.html",
        "to the injured tendon",
        "Increased blood flow helps bring nutrients and oxygen to the injured tendon or facia to "
        "promote healing.",
        "mechanism",
    ),
    (
        "d_lasara_shockwave_heel.html",
        "may need many weeks of",
        "Surgical modalities for the feet may need many weeks of recovery.",
        "other",
    ),
    # a claim of proof is a claim of effect
    (
        "proptgroup_dry_needling.md",
        "Dry needling has been proven to reduce muscle tension, promote healing",
        "Dry needling has been proven to promote healing.",
        "efficacy",
    ),
    # less pain perceived is less pain
    (
        "d_femaleposture_aquatic_therapy.md",
        "reduce pain perception",
        "Warm therapy pools reduce pain perception.",
        "efficacy",
    ),
    # the load the body bears is how a treatment works; mechanical stress is no stress felt
    (
        "d_femaleposture_aquatic_therapy.md",
        "Buoyancy reduces weight-bearing stress on painful joints",
        "Buoyancy reduces weight-bearing stress on painful joints.",
        "mechanism",
    ),
    (
        "d_femaleposture_aquatic_therapy.md",
        "reduced gravity stress",
        "Standing in water provides an opportunity to practice vertical alignment with reduced "
        "gravity stress.",
        "mechanism",
    ),
    (
        "d_femaleposture_aquatic_therapy.md",
        "joint protection",
        "Deep water exercise provides even more joint protection.",
        "mechanism",
    ),
    # movement made possible, moving more freely: a benefit to function
    (
        "d_femaleposture_aquatic_therapy.md",
        "allows movement",
        "This reduction in weight-bearing allows movement that's impossible or painful on land.",
        "efficacy",
    ),
    (
        "d_femaleposture_aquatic_therapy.md",
        "move more freely",
        "Many arthritic women move more freely in water than anywhere else.",
        "efficacy",
    ),
    # harms weighed against benefits
    (
        "d_femaleposture_aquatic_therapy.md",
        "outweigh benefits",
        "If water fear is significant, the stress may outweigh benefits.",
        "safety",
    ),
    # an outcome the patient gets or sees; "results from" after it is no cause
    (
        "d_femaleposture_aquatic_therapy.md",
        "provides relaxation",
        "Simply floating provides relaxation.",
        "efficacy",
    ),
    (
        "d_acupofgreen_acupuncture_faq.html",
        "may experience immediate results",
        "Some people may experience immediate results from acupuncture.",
        "efficacy",
    ),
    # "safe" after a possessive describes; as a predicate it is a safety claim
    (
        "d_femaleposture_aquatic_therapy.md",
        "safe environment improves land balance",
        "Balance work in water's safe environment improves land balance over time.",
        "efficacy",
    ),
    (
        "d_femaleposture_aquatic_therapy.md",
        "safe environment",
        "Water provides a safe environment to work on balance.",
        "safety",
    ),
    # "eliminate the pain" is a benefit verb, denied or not; a benefit "achieved by" a treatment is one
    (
        "d_lasara_shockwave_heel.html",
        "oftentimes do not eliminate the pain",
        "Surgical modalities for the feet oftentimes do not eliminate the pain.",
        "efficacy",
    ),
    (
        "d_acupofgreen_acupuncture_faq.html",
        "Healing can be achieved by needling",
        "Healing can be achieved by needling these obstructed points.",
        "efficacy",
    ),
    # addressing the cause rather than a symptom is the treatment's approach (treating it is a benefit)
    (
        "d_acupofgreen_acupuncture_faq.html",
        "addresses the underlying cause",
        "Acupuncture addresses the underlying cause of a problem rather than fixing a symptom.",
        "mechanism",
    ),
    # what a treatment's effects are owed to is how it works
    (
        "casvalrem_acupuncture.html",
        "play important roles in the beneficial effects",
        "Current evidence suggests that many factors—like expectation and belief—that are unrelated "
        "to acupuncture needling may play important roles in the beneficial effects of acupuncture on pain.",
        "mechanism",
    ),
    (
        "d_meaford_osteopathy.html",
        "natural processes",
        "Treatment facilitates these natural processes by removing barriers.",
        "mechanism",
    ),
    (
        "d_meaford_osteopathy.html",
        "ease in motion",
        "The effects of osteopathic care can include a greater sense of ease in motion.",
        "efficacy",
    ),
    # a use is a claim of effect
    (
        "d2_engelmassage_cupping.html",
        "used to treat",
        "Studies say that cupping therapy is used to treat migraines.",
        "efficacy",
    ),
]


@pytest.mark.parametrize(("source", "verbatim", "text", "kind"), CASES)
def test_kind_of_a_real_sentence(source: str, verbatim: str, text: str, kind: str) -> None:
    assert verbatim in _source(source).read_text(encoding="utf-8")
    assert claim_kind(text) == kind


def test_no_case_comes_from_a_held_out_article() -> None:
    for source, *_ in CASES:
        if source != "bundled" and not source.startswith("articles/"):
            labels = DEVSET / (Path(source).stem + ".labels.yaml")
            assert "\nholdout: false" in labels.read_text(encoding="utf-8"), source


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the two directions of the same verbs, on the same subject (a treatment)
        ("Dry needling reduces swelling in injured soft tissue.", "efficacy"),
        ("Dry needling increases pain in the first days.", "safety"),
        # and with no treatment named: a cause
        ("Muscle tension can further increase muscle tension and pain.", "etiology"),
    ],
)
def test_an_effect_verb_reads_its_direction(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


# Rules written from patient pages outside the development set (plantar fasciitis, TENS), whose words are not
# stored here: these sentences are written for the rule, in the same patterns, not quoted from an article.
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a named cause of a condition outweighs "most common"
        ("Plantar fasciitis is the most common cause of heel pain in adults.", "etiology"),
        ("Another less common cause of heel pain is arthritis.", "etiology"),
        # how a condition comes about
        ("Plantar fasciitis occurs when the band of tissue under the foot is overstretched.", "etiology"),
        ("Heel pain may occur due to an overuse injury.", "etiology"),
        ("Studies suggest an association between body weight and the development of heel pain.", "etiology"),
        # "prevent ... from" hinders; "prevention of" is a benefit of what is named
        ("The pain can be debilitating and can prevent a patient from walking for long.", "other"),
        ("Night splints aid in prevention of this inflammation.", "efficacy"),
        # a treatment holding a body part in place: how it works
        ("Night splints hold your foot in a gentle stretch overnight.", "mechanism"),
        # nerve signalling and the body's own painkillers
        ("The electrical impulses can reduce the pain signals going to the brain.", "mechanism"),
        ("The current may help the body produce natural painkillers.", "mechanism"),
        # harms and contraindications in their own words
        ("People with epilepsy should avoid using a TENS machine.", "safety"),
        ("A current that is too strong can cause burning or irritation on the skin.", "safety"),
        # the word efficacy, results that disagree, and how widely a treatment is used
        ("Studies of the efficacy of TENS machines have shown different outcomes.", "efficacy"),
        ("Many studies of TENS have been done, but the results have been conflicting.", "efficacy"),
        ("TENS is an increasingly popular treatment method for people with pain.", "other"),
        # what a guideline recommends
        ("The guideline recommends exercise for people with low back pain.", "other"),
        # (from fibromyalgia and shockwave pages) causes named plainly, heredity, what sets a condition off
        ("Doctors are not sure of the causes of fibromyalgia.", "etiology"),
        ("Fibromyalgia tends to run in families.", "etiology"),
        ("Some infections appear to trigger fibromyalgia.", "etiology"),
        ("Stress can aggravate fibromyalgia.", "etiology"),
        ("Women are twice as likely to have the condition as men.", "etiology"),
        ("Hormones may be a possible explanation for this difference.", "etiology"),
        # a trigger point is no trigger; a reason for a treatment's underuse is no cause
        ("Dry needling is based on the principle of trigger-point therapy.", "other"),
        ("One of the main reasons for the underuse of shockwave therapy is unfamiliarity with it.", "other"),
        # a condition named by its medical form is what a treatment relieves
        ("Relaxation may relieve fibromyalgia.", "efficacy"),
        # how a condition goes, and its cost to the health system
        ("These symptoms persist for years and lead to frequent health care use.", "other"),
        # (from a guideline news release and an encyclopaedia page) how common a condition is, how widely a
        # treatment is used, outcomes named as such
        ("Osteoarthritis is a common condition with associated pain and joint stiffness.", "other"),
        ("Acupuncture is most commonly used for pain relief.", "other"),
        ("Strengthening exercises can achieve good outcomes for patients with osteoarthritis.", "efficacy"),
        # what a treatment's effects are due to, and the theory's own structures, are how it works
        ("Most research suggests that the effects of acupuncture are mainly due to placebo.", "mechanism"),
        ("No research has found any anatomical structure for acupuncture points or meridians.", "mechanism"),
        # a rare harm is still a harm, not a prevalence
        ("Serious adverse effects are rare.", "safety"),
        # (from an osteopathy page and a rotator cuff page) after-effects, contraindications, sensations
        ("You might feel sore or stiff for a few days after treatment.", "safety"),
        ("Some patients may feel a temporary worsening of symptoms.", "safety"),
        ("Manipulation may not be suitable for people with severe osteoporosis.", "safety"),
        ("Manipulation generally isn't painful.", "experience"),
        ("Most people find this satisfying.", "experience"),
        # (from an acupressure page and a sports massage page) how it works, tolerance, value for money,
        # the course of a symptom
        ("Sickness bands function by applying continuous pressure to a point on the forearm.", "mechanism"),
        ("Stimulating this point can modulate the body's response to nausea triggers.", "mechanism"),
        ("Massage releases endorphins, chemicals that reduce the amount of pain felt.", "mechanism"),
        ("A sports massage helps to eliminate lactic acid from your muscles.", "mechanism"),
        ("Acupuncture appointments may not be tolerated by women with severe symptoms.", "safety"),
        (
            "Some patients may have mild side effects after treatment, which resolve within 24 to 48 hours.",
            "safety",
        ),
        ("Pressure wristbands may be more cost effective.", "other"),
        ("Soreness peaks at 24-48 hours and abates within a week.", "other"),
        ("Muscle soreness usually happens when you exercise in an unfamiliar way.", "etiology"),
        ("Muscle pain after exercise is frequently associated with ballistic stretching.", "etiology"),
        # (from a cold water immersion page and a carpal tunnel page) vessels and hormones are how it works;
        # an improvement felt is an outcome; shares of people, popularity; causes named as factors
        ("The cold can constrict blood vessels, potentially reducing swelling in the muscles.", "mechanism"),
        ("Cold water immersion is known to acutely elevate cortisol.", "mechanism"),
        (
            "People who used a splint reported that they felt improvement compared with those who did not.",
            "efficacy",
        ),
        ("Ice baths have gained popularity as a recovery method among athletes.", "other"),
        ("Approximately 1 in 10 people develop carpal tunnel syndrome.", "other"),
        ("Sleeping on one's side might be an associated factor.", "etiology"),
        ("The only established disease-modifying treatment is surgery.", "efficacy"),
        # (from a whiplash page and a hydrotherapy page) where a condition comes from, an injury named by what
        # it does, compound therapies, harm in other words, less of a symptom, a condition's likely course
        ("Whiplash may result from rear-end collisions.", "etiology"),
        ("Hyperextension of the neck may rupture the anterior longitudinal ligament.", "etiology"),
        ("Hydrotherapy is one of the safest treatments for arthritis.", "safety"),
        ("Experts rate hydrotherapy as one of the least toxic treatments for knee osteoarthritis.", "safety"),
        ("Very hot water can be bad for the heart and the skin.", "safety"),
        ("Hydrotherapy also works well for people with ankylosing spondylitis.", "efficacy"),
        ("People who did hydrotherapy experienced less joint soreness and pain.", "efficacy"),
        ("Regular exercise underwater can enhance joint functionality.", "efficacy"),
        ("Health professionals are increasingly recommending hydrotherapy for osteoarthritis.", "other"),
        ("For most people, a full recovery is the most likely outcome.", "other"),
        # less risk: a protective factor without a treatment, a benefit with one
        ("Women who exercise are less likely to develop back pain.", "etiology"),
        # the word etiology, and a tissue that tears
        ("The etiology of tendinopathy is multifactorial.", "etiology"),
        ("When the load is too high the tendon can sustain micro tears.", "etiology"),
    ],
)
def test_rules_from_pages_outside_the_set(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


def test_a_condition_in_the_title_is_no_treatment() -> None:
    # draft_claims passes the title's words as the topic ("Sciatica Overview: Causes, Symptoms, and
    # Treatments" gives sciatica, symptoms): a condition among them must not make its risk factors harms
    assert claim_kind("Obesity is a risk factor for sciatica.", ("sciatica", "symptoms")) == "etiology"
    assert claim_kind("Women are more prone to fibromyalgia.", ("fibromyalgia",)) == "etiology"
    # a treatment in the title still is one
    assert claim_kind("Cupping can cause bruising.", ("cupping",)) == "safety"
    # a compound therapy is a treatment ("Hydrotherapy and Your Arthritis")
    assert claim_kind(
        "Hydrotherapy can make you feel tired after treatment.", ("hydrotherapy", "arthritis")
    ) == ("safety")
    # a title that names no treatment ("Rotator Cuff Tendinopathy") names none in its sentences
    topic = ("rotator", "cuff", "tendinopathy")
    assert claim_kind("Rotator cuff tears can be caused by repetitive overhead work.", topic) == "etiology"
    # less risk from a treatment is a benefit; the title's words after the treatment's name are not it
    sports = ("sports", "massage", "aid", "muscle", "recovery")
    assert claim_kind("Sports massage can make your body less prone to injury.", sports) == "efficacy"
    assert (
        claim_kind("Eccentric exercise is known to cause microinjury of the muscle fibres.", sports)
        == "etiology"
    )
    # what comes after "the risk of" is what is risked, not who acts ("Kinesio Taping for Rotator Cuff Pain")
    risked = "Overhead work is associated with increased risk of rotator cuff tears."
    assert claim_kind(risked, ("kinesio", "taping", "rotator", "cuff")) == "etiology"


def test_the_writers_own_advice_is_no_guideline() -> None:
    # a guideline's "recommends" is a checkable fact; the writer's own "I always recommend heat" is advice,
    # and the cue must not make it a claim
    advice = "After your treatment, I always recommend heat."
    assert advice in (DEVSET / "acubyang_dry_needling.md").read_text(encoding="utf-8")
    assert not is_checkworthy(advice)
    assert is_checkworthy("NICE recommends exercise for people with low back pain.")


def test_the_verb_nearest_the_object_decides_its_direction() -> None:
    # d2_engelmassage_cupping.html: "increases blood flow to the area which, in turn, reduces muscle tension";
    # the "increased" of the blood flow is no worsening of the tension, so no cause of a condition. (The label
    # says efficacy; the blood flow named as subject still makes it a mechanism here: a known miss.)
    assert "in turn, reduces muscle tension" in (DEVSET / "d2_engelmassage_cupping.html").read_text("utf-8")
    assert claim_kind("The increased blood flow reduces muscle tension.") != "etiology"
    # a participle after a determiner names the subject, no effect on the blood flow (labelled efficacy)
    assert claim_kind("The increased blood flow reduces inflammation.") == "efficacy"
    assert claim_kind("Poor posture increases muscle tension.") == "etiology"


def test_a_use_is_a_claim_but_a_technique_used_for_something_is_a_definition() -> None:
    # proptgroup_dry_needling.md lists the definition among its not_claims; d2_engelmassage_cupping.html's
    # "is used to treat" items are labelled efficacy
    definition = (
        "Functional dry needling is a technique used to treat dysfunctions in skeletal muscle, fascia and "
        "connective tissue."
    )
    assert definition in (DEVSET / "proptgroup_dry_needling.md").read_text(encoding="utf-8")
    drafted = draft_claims(load_article(DEVSET / "proptgroup_dry_needling.md"))
    assert not any("is a technique used to treat" in (claim.quote or "") for claim in drafted)
    assert claim_kind(definition) != "efficacy"
    assert claim_kind("Studies say that cupping therapy is used to treat migraines.") == "efficacy"


def _scores_searching_every_cue(lowered: str) -> dict[str, int]:
    """What the cue scores are by definition: the weights of every cue whose pattern matches."""
    from needling_evidence.drafting import _COMPILED_CUES

    return {
        kind: sum(weight for pattern, weight, _ in cues if pattern.search(lowered))
        for kind, cues in _COMPILED_CUES.items()
    }


def test_the_indexed_cue_scores_equal_a_search_of_every_cue_on_every_development_sentence() -> None:
    # _cached_scores looks only at the cues whose literal start is present; on every sentence of the
    # development articles, and on each word-salad sentence full of cue words, that must change nothing
    import yaml

    from needling_evidence.drafting import _cached_scores

    devset = DEVSET
    texts = [
        "trial improved therapy improved trial point knee recovery reduced session pain physiotherapist",
        "it's not painful; qi flows, the fda regulates it, 3 in 10 people and 40% of adults are relieved",
        "increased risk of developing back pain is twice the risk; non-invasive, no scarring, no downtime",
    ]
    for labels in sorted(devset.glob("*.labels.yaml")):
        data = yaml.safe_load(labels.read_text(encoding="utf-8"))
        if data["holdout"]:
            continue  # never read
        article = load_article(devset / data["article"])
        texts += [sentence.text.lower() for sentence in article.sentences]
    assert len(texts) > 500
    for text in texts:
        assert dict(_cached_scores(text)) == _scores_searching_every_cue(text), text


# Rules of the structural pass (2026-12-06 night): each is checked on the real snippet it came from (a
# released round-1 or development article) and on variants of the same form written for the rule, on other
# topics and in other words.
def _in(name: str, words: str) -> str:
    assert words in (DEVSET / name).read_text(encoding="utf-8"), (name, words)
    return words


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # "function" after a determiner or an adjective is a noun: the means of a benefit, not "works by"
        (
            _in("anttz_chiropractic.md", "support the body’s natural function by improving joint mobility"),
            "efficacy",
        ),
        ("Yoga supports the body's normal function by improving flexibility.", "efficacy"),
        ("Sickness bands function by applying continuous pressure to a point on the forearm.", "mechanism"),
        # a body system named as the place of a function is an outcome, as "muscle strength" is
        (
            "Chiropractic aims to support the body’s natural function by improving nervous system function.",
            "efficacy",
        ),
        ("Massage may restore nervous system function after an injury.", "efficacy"),
        ("Regular exercise can improve nerve function in people with diabetes.", "efficacy"),
        ("Acupuncture stimulates the nervous system.", "mechanism"),
        # a purpose is no effect; a treatment taken up by institutions is an "other" fact
        (
            _in("anttz_chiropractic.md", "retain Chiropractors on staff for the benefit of their employees"),
            "other",
        ),
        ("Many hospitals now offer acupuncture for the benefit of their patients.", "other"),
        ("Several sports teams keep a massage therapist on staff for the benefit of their players.", "other"),
        (_in("anttz_chiropractic.md", "Chiropractors are commonly established in hospitals."), "other"),
        ("Acupuncture is offered in most NHS pain clinics.", "other"),
        ("Many hospitals now employ massage therapists.", "other"),
        # discomfort relieved is a symptom relieved, not a sensation of the treatment
        (
            _in("pharmaguide_dysmenorrhea.md", "hot water bottle to the abdomen may reduce discomfort"),
            "efficacy",
        ),
        ("A warm compress can ease the discomfort of a stiff neck.", "efficacy"),
        ("Compression stockings lessen discomfort in the legs.", "efficacy"),
        ("Needling can cause some discomfort.", "experience"),
        # what the evidence still needs is a claim about the evidence for a benefit
        (_in("pharmaguide_dysmenorrhea.md", "further investigation is needed"), "efficacy"),
        ("Surgical ablation of the pelvic nerve pathways requires further study.", "efficacy"),
        ("The use of cupping for neck pain needs more research.", "efficacy"),
        ("Further research is warranted to confirm these findings.", "efficacy"),
        # a use or a place in care is a benefit, and outweighs the causal "plays a role"
        (
            _in("pharmaguide_dysmenorrhea.md", "may have some utility in the treatment of dysmenorrhea"),
            "efficacy",
        ),
        ("Massage may have a role in the management of chronic low back pain.", "efficacy"),
        ("Exercise plays an important role in the treatment of fibromyalgia.", "efficacy"),
        ("Stress plays a role in tension headaches.", "etiology"),
        # a cause in a restrictive relative clause names what the main verb acts on; the main verb decides
        (_in("proptgroup_dry_needling.md", "stimulate the exact spot that is causing you pain"), "mechanism"),
        ("We release the tight muscles that cause your back pain.", "mechanism"),
        ("Poor posture creates tension that can cause headaches.", "etiology"),
        ("Stress raises cortisol, which can cause muscle tension.", "etiology"),
        ("Research shows that poor posture causes muscle tension.", "etiology"),
    ],
)
def test_the_main_predicate_decides(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # "prevent X from <noun>" names the cause of what is prevented; "prevent X from <verb>-ing" hinders
        (_in("insight_sitting_pretty.md", "Prevent bursitis or tendon problems from repetitive tasks"),
         "efficacy"),
        ("Focusing and correcting your posture can prevent bursitis from repetitive tasks.", "efficacy"),
        ("Good ergonomics can prevent neck pain from long hours at a desk.", "efficacy"),
        ("The pain can be debilitating and can prevent a patient from walking for long.", "other"),
        # more of a good thing, a difference made, a lasting result, a place beside another treatment
        (_in("insight_sitting_pretty.md", "Create more energy"), "efficacy"),
        ("Focusing and correcting your posture can create more energy.", "efficacy"),
        ("Regular walking brings increased energy and better mood.", "efficacy"),
        (_in("insight_sitting_pretty.md", "it can make a difference for your daily and long-term health"),
         "efficacy"),
        ("Correcting small posture habits can make a difference for your daily and long-term health.",
         "efficacy"),
        ("Regular stretching can make a real difference to back pain.", "efficacy"),
        (_in("d_lasara_shockwave_heel.html", "Long-lasting results"), "efficacy"),
        ("The results of ESWT last long-term.", "efficacy"),
        ("The relief from acupuncture can last for several weeks.", "efficacy"),
        ("Benefits of massage were sustained at six months.", "efficacy"),
        ("Side effects of acupuncture may last a day.", "safety"),
        (_in("d2_engelmassage_cupping.html", "It is a great supplement to massage"), "efficacy"),
        ("Acupuncture is a useful complement to physiotherapy.", "efficacy"),
        # a property of a tissue, and a substance the body releases, are how it works; strength is a function
        ("Cupping therapy increases the elasticity of the muscles.", "mechanism"),
        ("Massage improves the pliability of the fascia.", "mechanism"),
        ("Exercise improves the strength of the muscles.", "efficacy"),
        ("Cupping therapy releases relaxin.", "mechanism"),
        ("Acupuncture releases serotonin.", "mechanism"),
        ("Cold exposure produces noradrenaline.", "mechanism"),
        # a symptom relieved
        ("Focusing and correcting your posture can reduce eye strain.", "efficacy"),
    ],
)  # fmt: skip
def test_benefits_in_other_words(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


# Fresh check of 2026-12-06 night: 38 sentences of four public pages on knee osteoarthritis and physiotherapy
# (found through the project's `pages` search, labelled by hand before claim_kind ran on them; 28/38 at the
# start of the session, the same at ba9a9db). Their errors were then read; the rules below are written for
# the forms found, and tested here on sentences written for the rule (the pages' words are not stored).
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # "effectively" says how, unless an effect follows
        ("Guidelines favour treatments that can be effectively delivered by a physiotherapist.", "other"),
        ("Exercise programmes are usually effectively delivered in groups.", "other"),
        ("Massage can be effectively used to support people with a chronic disease.", "efficacy"),
        ("Heat can effectively reduce muscle spasm.", "efficacy"),
        # how common a condition is, and what it is like
        ("Hip osteoarthritis is a prevalent joint disease causing pain and stiffness.", "other"),
        ("Low back pain is highly prevalent among nurses.", "other"),
        ("Fibromyalgia is characterised by widespread pain and fatigue.", "other"),
        ("Frozen shoulder is characterized by progressively worsening stiffness of the joint.", "other"),
        # a treatment's place in the order of care
        ("Spinal surgery is usually a last resort for chronic back pain.", "other"),
        ("Exercise is the first-line treatment for knee osteoarthritis.", "other"),
        ("Education remains the mainstay of care for low back pain.", "other"),
        # a load borne by a structure
        ("Wedged insoles reduce knee load during walking.", "mechanism"),
        ("Bracing lowers spinal loading when lifting.", "mechanism"),
        ("Cushioned shoes change hip forces in runners.", "mechanism"),
        # a role in care, a use in doubt, "in association with" meaning "together with"
        ("Dietitians play an important role in managing patients with gout.", "efficacy"),
        ("Psychologists have a place in treating chronic pain.", "efficacy"),
        ("The use of ultrasound therapy for tendinopathy is questionable.", "efficacy"),
        ("The value of cupping, alone or in association with massage, remains unproven.", "efficacy"),
        ("Smoking is associated with back pain.", "etiology"),
    ],
)
def test_forms_found_on_fresh_pages(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


# A second fresh check: 49 sentences of five public "what to expect at the chiropractor" pages (found through
# the `pages` search, each judged claim or not and given a kind before any tool ran on it). At the session's
# start (and at ba9a9db): claims P 0.70 / R 0.67, kinds 9/20. The forms found, on sentences written for them:
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # what is heard or how it is found during a treatment
        ("You may hear a cracking sound as the joint moves.", "experience"),
        (
            "A clicking noise, caused by gas leaving the joint, may be heard during the adjustment.",
            "experience",
        ),
        ("Most patients find the massage to be a calming experience.", "experience"),
        ("Needling is usually a painless experience.", "experience"),
        # soreness where the treatment was given is an after-effect
        ("Some people feel mild tenderness at the site of the injection.", "safety"),
        ("You may notice some stiffness in the treated area.", "safety"),
        # the body's own healing, the position of its structures, a change in them, pressure on them
        ("The soreness is a sign of the body healing itself.", "mechanism"),
        ("Manipulation moves the vertebrae back into alignment.", "mechanism"),
        ("The result of the stretch is a change in the length of the muscle fibres.", "mechanism"),
        ("Traction relieves pressure on the spinal nerves.", "mechanism"),
        ("Decompression takes pressure off the discs and eases pressure on the joints.", "mechanism"),
        # how practitioners are trained
        ("Osteopaths are trained to examine the whole body.", "other"),
        ("During their training, physiotherapists study anatomy for three years.", "other"),
    ],
)
def test_forms_found_on_fresh_clinic_pages(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        # what the practitioner says is reported, not asserted; "he or she" is the practitioner
        "At your first visit, the therapist will explain how massage can relieve tension and reduce pain.",
        "Your physiotherapist will want to know when the pain started and what makes it worse.",
        "He or she will also check your reflexes, range of motion, and strength.",
        # advice, a name given, a history
        "It's best to wear loose clothing to your appointment.",
        "Cupping is the term used to describe the placing of heated cups on the skin.",
        "Dry needling is the name given to the insertion of fine needles into trigger points.",
        "Cupping is a historical practice of the Middle East.",
    ],
)
def test_more_descriptions_of_practice_are_not_claims(text: str) -> None:
    assert list(draft_claims(load_article(f"# Notes\n\n{text}\n"))) == []


# A third fresh check: 32 sentences of six public pages on soreness after massage (labelled before any tool
# ran: claims P 0.77 / R 0.94 and kinds 13/18 at ba9a9db, 14/18 at the start of this step). The forms found:
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # what a reaction is part of, or what explains it, is how it works
        ("Mild aching is part of the healing process.", "mechanism"),
        ("The redness is part of the body's normal response to cupping.", "mechanism"),
        ("One explanation is that the needle disrupts the knot of muscle fibres.", "mechanism"),
        # what is felt the day after or afterwards is an after-effect
        ("Some people feel stiff the next morning.", "safety"),
        ("Soreness afterwards is normal after a deep tissue massage.", "safety"),
        ("Part of the process is some tenderness afterwards.", "safety"),
    ],
)
def test_forms_found_on_fresh_massage_pages(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


# A fourth fresh check, measured once before anything was written for it: 40 sentences of four public tennis
# elbow pages (claims P 0.78 / R 0.69, kinds 16/26 at ba9a9db; P 0.83 / R 0.73, kinds 16/26 at b475785, the
# code of this session before it). Most kind errors came from the title: "Tennis Elbow: Causes, Symptoms and
# Treatment" made "tennis elbow" a treatment, so every cause of it became a harm.
def test_a_title_that_names_its_treatment_section_names_no_treatment() -> None:
    article = load_article(
        "# Heel Pain: Causes, Symptoms and Treatment\n\nHeel pain is often caused by overuse.\n"
    )
    topic = _topic_words(article)
    assert claim_kind("Heel pain is often caused by overuse.", topic) == "etiology"
    assert claim_kind("Runners with heel pain are more prone to injury.", topic) == "etiology"
    # a title that names a treatment still does
    assert claim_kind(
        "Cupping can cause bruising.", _topic_words(load_article("# Cupping Therapy\n\nx.\n"))
    ) == ("safety")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # how a condition usually goes, how many it affects, what it does to everyday life, its symptoms
        ("Most sprained ankles heal within six weeks.", "other"),
        ("Most frozen shoulders resolve on their own.", "other"),
        ("Carpal tunnel syndrome affects about three million people a year.", "other"),
        ("Millions of adults live with chronic neck pain.", "other"),
        ("Few complications have been reported, despite the millions of people treated each year.", "safety"),
        ("Chronic back pain makes daily activities difficult.", "other"),
        ("Knee pain can make everyday tasks like climbing stairs challenging.", "other"),
        ("Symptoms include stiffness in the morning and pain when gripping.", "other"),
        # a rate of success is a benefit; an effect named with a hyphenated adjective too
        ("Success rates for shockwave therapy range from 60% to 90%.", "efficacy"),
        ("Response rates to acupuncture were higher than to sham.", "efficacy"),
        ("Ibuprofen has an anti-inflammatory effect.", "efficacy"),
        # worse outcomes: a harm of a treatment, a cause without one
        ("Repeated steroid injections may lead to worse long-term outcomes.", "safety"),
        ("Smokers have poorer outcomes after a fracture.", "etiology"),
    ],
)  # fmt: skip
def test_forms_found_on_fresh_condition_pages(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


def test_a_classification_of_treatments_is_no_claim() -> None:
    for text in (
        "The treatment of heel pain can be divided into conservative and surgical options.",
        "Massage techniques are classified into Swedish, deep tissue and sports massage.",
    ):
        assert list(draft_claims(load_article(f"# Notes\n\n{text}\n"))) == [], text


def test_a_reassurance_before_a_claim_is_no_instruction() -> None:
    # "Don't worry, …" opens a claim; "However, call …" opens an instruction
    assert is_checkworthy("Don't worry, the soreness is part of the healing process.")
    assert is_checkworthy("Rest assured, acupuncture needles are sterile.")
    assert not is_checkworthy("However, call us if the pain gets worse after treatment.")
    claims = list(
        draft_claims(load_article("# Notes\n\nDon't worry, the soreness is part of the healing process.\n"))
    )
    assert [c.text for c in claims] == ["The soreness is part of the healing process."]


def test_a_treatment_taken_up_by_institutions_is_a_candidate() -> None:
    for text in (
        "Across the US and Canada, Chiropractors are commonly established in hospitals.",
        "Acupuncture is offered in most NHS pain clinics.",
        "Several professional sports teams retain physiotherapists on staff.",
    ):
        assert is_checkworthy(text), text


@pytest.mark.parametrize(
    ("source", "text"),
    [
        # what practitioners do, told as their work: a description of the practice
        ("anttz_chiropractic.md", (
            "Chiropractors assess and address areas of the spine that may not be moving as "
            "they should, using evidence-informed approaches tailored to each patient."
        )),
        ("anttz_chiropractic.md", (
            "Chiropractors may discuss potential contributing factors such as poor posture, "
            "injuries, or daily stress that might influence spinal joint function."
        )),
        ("nccih_massage_tips.md", (
            "In general, massage therapists work on muscle and other soft tissue to help you "
            "feel better."
        )),
        (None, "Your physiotherapist will examine your knee and explain your options."),
        (None, "Our acupuncturists focus on the whole person."),
        (None, "During the first visit, the osteopath will assess your posture and the way you move."),
        # that something has been studied, with no result
        ("pharmaguide_dysmenorrhea.md", (
            "Behavioural interventions such as massage relaxation therapy, biofeedback, pain "
            "management sessions and coping skills have been studied."
        )),
        (None, "Several herbal remedies for back pain have been investigated."),
        (None, "Cupping has been tested."),
        # a suggestion with no one named who suggests it
        ("pharmaguide_dysmenorrhea.md", "Examples of exercises that may be suggested include:"),
        (None, "Stretches that might be tried include the cat-cow and child's pose."),
        (None, "Examples of gentle activities include walking and swimming."),
        # a name given, the character of an approach, what a condition is (and a relative clause cut from it)
        ("anttz_chiropractic.md",
         "The first is called relief care, which is when we focus on relieving your pain."),
        (None, "The second phase is known as corrective care."),
        ("anttz_chiropractic.md", (
            "This approach is patient-centred and evidence-informed, focusing on overall wellbeing and "
            "functional improvement without the use of drugs or surgery."
        )),
        (None, "Our care is holistic and tailored to each patient."),
        ("d_lasara_shockwave_heel.html", (
            "Plantar fasciitis is an inflammation of tissue called the plantar fascia, which runs from "
            "the heel bone and through the foot's arch."
        )),
        (None, "Bursitis is an inflammation of the bursa, which sits between the bone and the tendon."),
    ],
)  # fmt: skip
def test_descriptions_of_practice_and_research_are_not_claims(source: str | None, text: str) -> None:
    if source:
        assert _plain_words(text.rstrip(".")) in _plain_words((DEVSET / source).read_text(encoding="utf-8"))
    assert list(draft_claims(load_article(f"# Notes\n\n{text}\n"))) == []


@pytest.mark.parametrize(
    "text",
    [
        # the same forms with an effect, a harm or a result: claims
        (
            "Chiropractors use manual techniques, including spinal adjustments, to help "
            "restore movement in the spine and other joints."
        ),
        "Physical therapists use dry needling to release trigger points and reduce pain.",
        "Therapists use cups to gently lift the skin and improve circulation.",
        "Acupuncturists use sterile, single-use needles.",
        "Cupping has been studied in athletes and was found to reduce soreness.",
        "Acupuncture is recommended for chronic headache.",
        "Acupuncture is an evidence-based treatment for migraine.",
        "Our approach is holistic and reduces pain without drugs.",
        "Tendinitis is an inflammation of a tendon that is often caused by overuse.",
    ],
)  # fmt: skip
def test_practice_with_an_effect_or_a_result_stays_a_claim(text: str) -> None:
    assert list(draft_claims(load_article(f"# Notes\n\n{text}\n"))) != []


def _plain_words(text: str) -> str:
    import re

    return re.sub(r"\s+", " ", re.sub(r"\[([^\]]*)\]\([^)]*\)|<[^>]+>|\*\*", r"\1", text))


# Confusion classes found on the seven development pages no rule had been written for (branch w-kinds5):
# each rule reads the sentence's structure — what its subject is (a condition, a symptom, a treatment, an
# exposure, a body structure) and what its predicate says of it (a cause, an effect, a presentation, a
# course) — and is checked on its real snippet (source, verbatim words, the label's text) and on variants in
# other words and on other topics.
STRUCTURE_CASES = [
    # how a condition shows itself (presentation, onset, the words for its pain) is `other`, not a harm
    ("nhs_dumfries_hypermobility.md", "may present with:",
     "Patients with hypermobile Ehlers Danlos (hEDS) may present with easy bruising.", "other"),
    ("podlink_heel_pain.html", "with no recollection of an injury or",
     "The onset is usually gradual, with no recollection of an injury or accident.", "other"),
    ("podlink_heel_pain.html", "are usually used to describe the discomfort",
     "Terms such as a stone bruise or deep ache are usually used to describe the discomfort.", "other"),
    ("nhs_sprains_strains.md", "the injured area is swollen or bruised",
     "A sprain or strain is likely if the injured area is swollen or bruised.", "other"),
    ("nhs_sprains_strains.md", "likely to be a sprain or strain if",
     "It’s likely to be a sprain or strain if the injured area is swollen or bruised.", "other"),
    # a genetic test is a fact of diagnosis, not heredity
    ("nhs_dumfries_hypermobility.md", "has no genetic test",
     "Hypermobile Ehlers Danlos has no genetic test available.", "other"),
    # how a condition came about; the share of cases a cause accounts for
    ("podlink_heel_pain.html", "developed in response to the chronic irritation",
     "The heel spur has developed in response to the chronic irritation of the plantar fascia on the "
     "calcaneus (heel bone).", "etiology"),
    ("podlink_heel_pain.html", "accounting for 95% of all cases",
     "By far the most common cause, accounting for 95% of all cases, is abnormal, repetitive stresses placed "
     "on the anatomic structures of the foot and leg resulting in injury.", "etiology"),
    # a drug acting on an inflammatory process: how it works
    ("podlink_heel_pain.html", "decrease the inflammatory process",
     "Anti-inflammatory medication (NSAIDs) helps to decrease the inflammatory process within the plantar "
     "fascia.", "mechanism"),
    # a condition causing its own symptoms names the symptoms (`other`), not a cause
    ("finescoop_turmeric_arthritis.md", "causing painful, swollen and stiff joints",
     "Rheumatoid arthritis causes painful joints.", "other"),
    # a treatment that causes little pain: what it feels like
    ("podlink_heel_pain.html", "with minimal pain and inco",
     "Night splints cause minimal pain and inconvenience.", "experience"),
    # a substance's pharmacological property: how it works
    ("finescoop_turmeric_arthritis.md", "antioxidant, anti-inflammatory and antiseptic properties",
     "Curcumin has significant anti-inflammatory properties.", "mechanism"),
    ("podlink_heel_pain.html", "Cortisone injections carry potent anti-inflammatory action.",
     "Cortisone injections carry potent anti-inflammatory action.", "mechanism"),
    # what a posture or a load does to a body structure's length or load: an intermediate effect
    ("kibworth_high_heels.md", "The calf muscles are shortened",
     "In high heels the calf muscles are shortened.", "mechanism"),
    ("kibworth_high_heels.md", "the knee is under more compression",
     "Wearing high heels puts the knee under more compression.", "mechanism"),
    ("kibworth_high_heels.md", "which places a lot of pressure on the forefoot",
     "Wearing high heels places a lot of pressure on the forefoot; the higher the heel, the greater the "
     "pressure.", "mechanism"),
    # a tissue turned into a condition's state, a condition developing: etiology
    ("podlink_heel_pain.html", "the area of greatest strain becomes inflamed",
     "When too much strain is placed on the fascia, the area of greatest strain becomes inflamed.",
     "etiology"),
    ("kibworth_high_heels.md", "over time conditions like hammer-toe",
     "Toes crammed together by high heels can over time develop conditions like hammer-toe.", "etiology"),
    # how often something is a cause is still a cause
    ("kibworth_high_heels.md", "most commonly causing pain",
     "The forefoot pressure from high heels most commonly causes pain.", "etiology"),
    # a good process slowed by a drug: a harm; something that adds to a symptom, given as a treatment: a harm
    ("nhs_sprains_strains.md", "as it may slow down healing",
     "Ibuprofen taken in the first 48 hours after the injury may slow down healing.", "safety"),
    ("nhs_sprains_strains.md", "getting massages for the first couple of days",
     "Getting massages in the first couple of days after a sprain or strain adds to the swelling.", "safety"),
    # a reduction by a stated amount; outcomes called excellent; larger trials needed; a recurrence prevented
    ("dailymail_herbal_menopause.txt", "can reduce hot flushes by more than half",
     "Soy can reduce hot flushes by more than half.", "efficacy"),
    ("dailymail_herbal_menopause.txt", "can reduce hot flushes by more than half",
     "Soy for instance, the most common plant containing oestrogen, can reduce hot flushes by more than "
     "half, says a scientist who carried out a review into previous studies.", "efficacy"),
    # (the page's own words have a typo, "excellen results": the label's text is what is classified)
    ("podlink_heel_pain.html", "since January of 2000 with excellen results",
     "Extracorporeal shock wave treatment has given this practice excellent results since January 2000.",
     "efficacy"),
    ("finescoop_turmeric_arthritis.md", "much larger trials to definitively assess",
     "Much larger trials are needed to definitively assess the clinical significance of the findings.",
     "efficacy"),
    ("finescoop_turmeric_arthritis.md", "called for much larger trials",
     "They called for much larger trials to definitively assess the clinical significance of their findings.",
     "efficacy"),
    # leading to a named condition is a cause, whatever the aside says of the condition
    ("kibworth_high_heels.md", "which can in turn lead to plantar fasciitis",
     "Which can in turn lead to plantar fasciitis (trust me that is painful!).", "etiology"),
    ("podlink_heel_pain.html", "can help prevent recurrence of the condition",
     "Arch supports can help prevent recurrence of plantar fasciitis.", "efficacy"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "verbatim", "text", "kind"), STRUCTURE_CASES)
def test_a_structure_class_on_its_real_snippet(source: str, verbatim: str, text: str, kind: str) -> None:
    assert _plain_words(verbatim) in _plain_words(_source(source).read_text(encoding="utf-8"))
    assert "\nholdout: false" in (DEVSET / (Path(source).stem + ".labels.yaml")).read_text(encoding="utf-8")
    assert claim_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # presentation, onset, the words for a symptom
        ("Children with juvenile arthritis often present with a limp.", "other"),
        ("Patients presenting with sudden back pain and fever need urgent assessment.", "other"),
        ("The onset of frozen shoulder is typically slow.", "other"),
        ("Words such as burning or shooting are used to describe nerve pain.", "other"),
        ("A fracture is more likely if the wrist looks bent.", "other"),
        ("It is likely to be gout if the big toe is red and hot.", "other"),
        ("Genetic testing can confirm the diagnosis of Marfan syndrome.", "other"),
        ("Some forms of scoliosis run in families.", "etiology"),
        # how a condition came about; the share of cases a cause accounts for
        ("Tennis elbow develops from repeated gripping.", "etiology"),
        ("Her knee pain developed after a fall.", "etiology"),
        ("Disc herniation accounts for about 90% of sciatica cases.", "etiology"),
        # a treatment acting on an inflammatory process
        ("Ice slows the inflammatory cascade in the first hours.", "mechanism"),
        ("Fish oil may dampen the inflammatory process in the joints.", "mechanism"),
        # a stated size of effect beside a description
        ("Ginger, the most common remedy for nausea, reduced vomiting by 40%.", "efficacy"),
        # a condition causing its own symptoms
        ("Fibromyalgia can cause widespread pain.", "other"),
        ("Bursitis often causes swelling around the elbow.", "other"),
        ("Plantar fasciitis leads to stabbing heel pain.", "other"),
        # while a cause that is no condition stays a cause, and a treatment's harm a harm
        ("Poor posture causes neck pain.", "etiology"),
        ("Acupuncture can cause bruising.", "safety"),
        # little pain caused by a treatment
        ("Dry needling causes only mild discomfort.", "experience"),
        ("The injection produces little pain.", "experience"),
        # a pharmacological property
        ("Ginger has antioxidant properties.", "mechanism"),
        ("Arnica gel shows anti-inflammatory activity.", "mechanism"),
        # a posture or a load acting on a structure
        ("Sitting for hours places extra strain on the lower back.", "mechanism"),
        ("When you slouch, the hip flexors become shortened.", "mechanism"),
        ("Carrying a heavy bag puts the shoulder under load.", "mechanism"),
        # a tissue turned into a condition's state; a condition developing
        ("With repeated overuse, the tendon becomes inflamed.", "etiology"),
        ("Runners with flat feet may develop shin splints.", "etiology"),
        ("Office workers can gradually develop neck problems.", "etiology"),
        ("Regular swimming can help develop strength in the shoulders.", "efficacy"),
        # how often a cause acts
        ("Lifting with a bent back most commonly leads to disc injuries.", "etiology"),
        # a good process slowed: by a treatment a harm, by an exposure a cause
        ("Steroid injections can delay tendon healing.", "safety"),
        ("NSAIDs may impair bone repair after a fracture.", "safety"),
        ("Smoking slows down wound healing.", "etiology"),
        # adds to a symptom
        ("Ice applied too long adds to the stiffness.", "safety"),
        ("Standing all day adds to the swelling in the ankles.", "etiology"),
        # a reduction by a stated amount
        ("Acupuncture cut migraine days by 30%.", "efficacy"),
        ("Walking lowered the risk of falls by a third.", "efficacy"),
        # outcomes called excellent, larger trials needed, a recurrence prevented
        ("Shockwave therapy gives promising results in calcific tendinitis.", "efficacy"),
        ("Bigger studies are needed to confirm the benefit of cupping.", "efficacy"),
        ("Orthotics can help prevent recurrence of shin splints.", "efficacy"),
        ("The authors call for more rigorous trials of cupping.", "efficacy"),
        ("Reviewers called for further research on dry needling for neck pain.", "efficacy"),
        # leading to a named condition
        ("Weak glutes can lead to patellar tendinopathy, which is painful.", "etiology"),
        ("Years of desk work led to cervical spondylosis.", "etiology"),
        # (a recurrence with no prevention is still the course of a condition)
        ("Back pain often recurs within a year.", "other"),
    ],
)
def test_structure_classes_on_other_topics(text: str, kind: str) -> None:
    assert claim_kind(text) == kind
