"""Kind rules written for a FORM of language (a construction, a class of subjects or verbs), not for one
page's words: each is tested on a real snippet of a development article (checked verbatim against the
stored file, whose label file must be neither held out nor in the check set) and on constructed variants of
the same form on other topics, with the kind the labelling guide (tests/data/devset/README.md) gives them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from needling_evidence.drafting import claim_kind

DEVSET = Path(__file__).parent / "data" / "devset"


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\[([^\]]*)\]\([^)]*\)|<[^>]+>|\*\*", r"\1", text))


def _assert_development_snippet(source: str, verbatim: str) -> None:
    assert _words(verbatim) in _words((DEVSET / source).read_text(encoding="utf-8"))
    labels = (DEVSET / (Path(source).stem + ".labels.yaml")).read_text(encoding="utf-8")
    assert "\nholdout: false" in labels
    assert not re.search(r"^check:\s*true\s*$", labels, re.MULTILINE)


# -- a causative verb whose object is a body structure and whose complement is a change of it, naming no
# symptom or condition as the end: how something acts in the body (mechanism), not a condition's cause
BODY_PROCESS_REAL = [
    ("eno_heartburn_home_remedies.html",
     "peppermint may cause the muscles that prevent stomach acid from rising up into the esophagus to relax",
     "Peppermint may cause the muscles that prevent stomach acid from rising up into the esophagus to "
     "relax."),
    ("eno_heartburn_home_remedies.html", "causing stomach acid to rise into the esophagus",
     "The pressure of tight-fitting clothing on the stomach causes stomach acid to rise into the esophagus."),
    ("eno_heartburn_home_remedies.html", "makes the esophagus more sensitive to acid",
     "Drinking alcohol makes the esophagus more sensitive to acid."),
    ("kibworth_high_heels.md",
     "High heels also cause the tendons and ligaments that support the arch in the feet to tighten",
     "High heels also cause the tendons and ligaments that support the arch in the feet to tighten"),
    ("kibworth_high_heels.md", "causes the bones of the lower leg (tibia and fibula) to rotate inwards",
     "Holding the knee slightly flexed in heels causes the bones of the lower leg (tibia and fibula) to "
     "rotate inwards."),
]  # fmt: skip


@pytest.mark.parametrize(("source", "verbatim", "text"), BODY_PROCESS_REAL)
def test_a_body_structure_made_to_change_on_its_real_snippet(source: str, verbatim: str, text: str) -> None:
    _assert_development_snippet(source, verbatim)
    assert claim_kind(text) == "mechanism"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Cold water causes the blood vessels in the skin to constrict.", "mechanism"),
        ("Stress causes the adrenal glands to release cortisol.", "mechanism"),
        ("Caffeine makes the heart beat faster.", "mechanism"),
        ("Lying flat allows stomach acid to flow back into the oesophagus more easily.", "mechanism"),
        ("Slouching forces the neck extensors to work harder.", "mechanism"),
        ("Spicy food makes you produce more stomach acid.", "mechanism"),
        # the same construction with a symptom or a condition as its end stays a cause ...
        ("Sitting for long periods causes the hip flexors to shorten, which leads to back pain.", "etiology"),
        ("Smoking causes the arteries to narrow and can lead to heart disease.", "etiology"),
        # ... and a plain cause of a condition is untouched
        ("Poor posture causes neck pain.", "etiology"),
        ("Smoking causes lung cancer.", "etiology"),
    ],
)
def test_a_body_structure_made_to_change_on_other_topics(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


# -- a verb of change acting on a body structure, with no symptom or function as its object: an intermediate
# effect (mechanism), whether the agent is a treatment, a habit or a food
ACTS_ON_BODY_REAL = [
    ("eno_heartburn_home_remedies.html", "Smoking can weaken the muscle that prevents stomach acid",
     "Smoking can weaken the muscle that prevents stomach acid from rising up into your esophagus"),
    ("eno_heartburn_home_remedies.html", "Drinking alcohol compromises the same muscle",
     "Drinking alcohol compromises the muscle that prevents stomach acid from rising up into the esophagus."),
    ("eno_heartburn_home_remedies.html", "milk may temporarily buffer stomach acid",
     "Milk may temporarily buffer stomach acid."),
]  # fmt: skip


@pytest.mark.parametrize(("source", "verbatim", "text"), ACTS_ON_BODY_REAL)
def test_a_change_on_a_body_structure_on_its_real_snippet(source: str, verbatim: str, text: str) -> None:
    _assert_development_snippet(source, verbatim)
    assert claim_kind(text) == "mechanism"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Long periods of bed rest weaken the muscles of the back.", "mechanism"),
        ("Antacids neutralise stomach acid.", "mechanism"),
        ("Caffeine may block adenosine receptors in the brain.", "mechanism"),
        ("Wearing a backpack on one shoulder loads the spine unevenly.", "mechanism"),
        # a symptom or a function as the object is an outcome, not an intermediate state
        ("Long periods of bed rest weaken muscle strength.", "etiology"),
        ("Physiotherapy can reduce muscle pain.", "efficacy"),
    ],
)
def test_a_change_acting_on_a_body_structure_on_other_topics(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


# -- safety or etiology by the subject: a harm whose agent is a treatment, named by its form (a medicine's
# nonproprietary stem, an "anti-" class noun, a vaccine, surgery, hormone therapy), is a safety claim; the
# same construction with an exposure or a habit as agent is a condition's cause
def test_a_harm_of_hormone_therapy_on_its_real_snippet() -> None:
    _assert_development_snippet("dailymail_herbal_menopause.txt", "health risks associated with HRT such as")
    assert claim_kind("HRT is linked to blood clots.") == "safety"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Statins can cause muscle aches.", "safety"),
        ("Atorvastatin may raise the risk of diabetes.", "safety"),
        ("Omeprazole is associated with a higher risk of bone fractures.", "safety"),
        ("Antihistamines may cause drowsiness.", "safety"),
        ("Surgery carries a risk of infection.", "safety"),
        ("Hormone replacement therapy is linked to a higher risk of breast cancer.", "safety"),
        # the same forms with an exposure or a habit as agent
        ("Smoking is linked to lung cancer.", "etiology"),
        ("In April, pollen causes hay fever.", "etiology"),
        ("Obesity raises the risk of diabetes.", "etiology"),
    ],
)
def test_a_harm_by_its_agent_on_other_topics(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


# -- forms of a benefit without the usual cue words: a treatment that "works (adverb) well" or does not work;
# an effect named "influence" or "impact"; the outcome as the subject of a passive effect verb; symptoms
# controlled or managed
EFFICACY_FORMS_REAL = [
    ("cdc_hpv_vaccine_safety.txt", "works extremely well", "The HPV vaccine works extremely well."),
    ("examine_feverfew_migraine.md", "No influence on vomiting",
     "Sublingual ginger and feverfew had no influence on vomiting."),
    ("heraldtribune_colonoscopy_deaths.txt", "mortality is reduced if polyps are removed",
     "This study does show that mortality is reduced if polyps are removed"),
    ("hticenters_ibs.txt", "control their symptoms by managing diet",
     "Some people with IBS can control their symptoms by managing diet."),
]  # fmt: skip


@pytest.mark.parametrize(("source", "verbatim", "text"), EFFICACY_FORMS_REAL)
def test_a_benefit_form_on_its_real_snippet(source: str, verbatim: str, text: str) -> None:
    _assert_development_snippet(source, verbatim)
    assert claim_kind(text) == "efficacy"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Cognitive behavioural therapy works remarkably well for insomnia.", "efficacy"),
        ("Glucosamine does not work for knee osteoarthritis.", "efficacy"),
        ("Cough syrups barely work in young children.", "efficacy"),
        ("Vitamin C had no significant influence on the length of colds.", "efficacy"),
        ("Yoga had a positive impact on sleep quality.", "efficacy"),
        ("Nausea was relieved in most women who took ginger.", "efficacy"),
        ("The risk of a second stroke is lowered by aspirin.", "efficacy"),
        ("Most children with asthma can control their symptoms with an inhaler.", "efficacy"),
        ("Patients can manage the symptoms of eczema with emollients.", "efficacy"),
        # a control group controls nothing
        ("The control group had the same symptoms at the start.", "other"),
    ],
)
def test_a_benefit_form_on_other_topics(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


# -- a condition that is more common in a group names the group at risk (etiology; a harm when a treatment
# is the agent); a condition developed "through" or "as the result of" something names its cause
AT_RISK_REAL = [
    ("denverhealth_chronic_kidney_disease.txt", "more common in older adults",
     "CKD is more common in older adults."),
    ("hticenters_ibs.txt", "IBS is more common among women", "IBS is more common among women"),
    ("lahearing_tinnitus.html", "as the result of a head injury",
     "Sometimes individuals develop tinnitus as the result of a head injury."),
    ("lahearing_tinnitus.html", "develop tinnitus through the use of prescription medications",
     "Sometimes individuals develop tinnitus through the use of prescription medications"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "verbatim", "text"), AT_RISK_REAL)
def test_a_group_at_risk_or_a_cause_on_its_real_snippet(source: str, verbatim: str, text: str) -> None:
    _assert_development_snippet(source, verbatim)
    assert claim_kind(text) == "etiology"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Gout is more common in men than in women.", "etiology"),
        ("Migraine is more frequent among people with a family history of it.", "etiology"),
        ("Some children develop asthma as a result of early exposure to smoke.", "etiology"),
        ("Workers can develop hearing loss through years of exposure to noise.", "etiology"),
        # more common after a treatment: a harm of it
        ("Fainting after a vaccination is more common in teenagers.", "safety"),
        ("Bruising after acupuncture is more common in older people.", "safety"),
        # how common a condition is, without a group compared, stays a prevalence
        ("Gout is a common condition.", "other"),
    ],
)
def test_a_group_at_risk_or_a_cause_on_other_topics(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


# -- a condition causing its own symptoms names its symptoms (other), also when it is named by its initials
# or is a headache disorder; a treatment named by initials causing a symptom stays a harm
OWN_SYMPTOMS_REAL = [
    ("denverhealth_chronic_kidney_disease.txt", "CKD may cause problems such as:",
     "CKD may cause feeling tired or weak."),
    ("denverhealth_chronic_kidney_disease.txt", "CKD may cause problems such as:", "CKD may cause nausea."),
    ("decentmed_acupuncture_migraine.md", "causing debilitating pain, sensitivity to light and sound",
     "Migraines cause sensitivity to light and sound."),
]  # fmt: skip


@pytest.mark.parametrize(("source", "verbatim", "text"), OWN_SYMPTOMS_REAL)
def test_a_condition_causing_its_symptoms_on_its_real_snippet(source: str, verbatim: str, text: str) -> None:
    _assert_development_snippet(source, verbatim)
    assert claim_kind(text) == "other"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("COPD causes shortness of breath.", "other"),
        ("IBS often causes bloating and cramps.", "other"),
        ("Sinusitis can cause a fever and a cough.", "other"),
        ("Headaches can cause trouble concentrating.", "other"),
        # initials that name a treatment, and an exposure, keep their kinds
        ("HRT may cause nausea.", "safety"),
        ("Smoking causes a cough.", "etiology"),
    ],
)
def test_a_condition_causing_its_symptoms_on_other_topics(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


# -- a cause whose end is a physiological process named as a noun, and a body part put or held in a
# position: how something acts in the body (mechanism)
PROCESS_AND_POSITION_REAL = [
    ("pharmaguide_headache.md", "causing a cascade of inflammatory neuropeptides",
     "Activation of the trigeminovascular system causes a cascade of inflammatory neuropeptides (e.g., VIP, "
     "neurokinin A, substance P, CGRP)."),
    ("pharmaguide_headache.md", "contribute to cerebral vascular pathology and pain transmission",
     "The inflammatory neuropeptides contribute to pain transmission."),
    ("kibworth_high_heels.md", "places the feet in a downwards-pointing position",
     "Wearing high heels (particularly a stiletto heel) places the feet in a downwards-pointing position "
     "(plantarflexion)"),
    ("kibworth_high_heels.md", "the knee is often held slightly flexed",
     "When wearing heels the knee is often held slightly flexed (bent)"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "verbatim", "text"), PROCESS_AND_POSITION_REAL)
def test_a_process_or_a_position_on_its_real_snippet(source: str, verbatim: str, text: str) -> None:
    _assert_development_snippet(source, verbatim)
    assert claim_kind(text) == "mechanism"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Low oestrogen leads to reduced serotonin signalling in the brain.", "mechanism"),
        ("High blood sugar contributes to the sensitisation of nerve endings.", "mechanism"),
        ("Slouching puts the pelvis in a backward tilt position.", "mechanism"),
        ("In a sling the elbow is held bent at 90 degrees.", "mechanism"),
        # a symptom or a condition as the end keeps the cause a cause
        ("Poor posture causes neck pain.", "etiology"),
        ("Prolonged sitting contributes to the development of back pain.", "etiology"),
    ],
)
def test_a_process_or_a_position_on_other_topics(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


# -- a verb of worsening is a worsening whatever it acts on; a condition a group or an exposure will
# "probably have" names its cause (etiology); no cure existing is a condition's course (other)
CAUSE_AND_COURSE_REAL = [
    ("eno_heartburn_home_remedies.html", "garlic and onion may aggravate acidity",
     "Tomato may aggravate acidity.", "etiology"),
    ("lahearing_tinnitus.html", "probably have tinnitus",
     "If you listen to very loud music, you will probably have tinnitus.", "etiology"),
    ("lahearing_tinnitus.html", "likely have tinnitus",
     "Most people who worked in heavy industry likely have tinnitus.", "etiology"),
    ("denverhealth_chronic_kidney_disease.txt", "There is no cure, but steps can be taken",
     "There is no cure for CKD.", "other"),
    ("lahearing_tinnitus.html", "cannot be cured", "While subjective tinnitus cannot be cured", "other"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "verbatim", "text", "kind"), CAUSE_AND_COURSE_REAL)
def test_a_cause_or_a_course_on_its_real_snippet(source: str, verbatim: str, text: str, kind: str) -> None:
    _assert_development_snippet(source, verbatim)
    assert claim_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Coffee can exacerbate reflux.", "etiology"),
        ("Dry air often worsens eczema.", "etiology"),
        ("NSAIDs may aggravate asthma.", "safety"),
        ("Ice can prevent worsening of the swelling.", "efficacy"),
        ("Smokers are likely to develop gum disease.", "etiology"),
        ("Children of parents with migraine will probably get migraines themselves.", "etiology"),
        ("Type 1 diabetes has no known cure.", "other"),
        ("Multiple sclerosis is incurable.", "other"),
        # a treatment that cannot cure is a claim about its effect
        ("Acupuncture cannot cure arthritis.", "efficacy"),
    ],
)
def test_a_cause_or_a_course_on_other_topics(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


# -- the body itself as the structure made to change, and blood pressure or blood sugar as an outcome
# rather than a body structure (no development page holds these forms: constructed only, and they changed
# no development or check-set figure)
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Excess salt causes the body to retain water.", "mechanism"),
        ("Insulin resistance makes the pancreas produce more insulin.", "mechanism"),
        ("Caffeine makes the kidneys excrete more water.", "mechanism"),
        ("Stress causes blood pressure to rise.", "etiology"),
        ("Exercise helps regulate blood pressure.", "efficacy"),
        ("Sugary drinks cause blood sugar to spike.", "etiology"),
    ],
)
def test_the_body_and_its_measures(text: str, kind: str) -> None:
    assert claim_kind(text) == kind


# -- an after-effect: fainting or light-headedness after a procedure, a vaccination, an injection or surgery
# is a harm (safety), as soreness after a session is
def test_fainting_after_a_procedure_on_its_real_snippet() -> None:
    text = "Fainting (syncope) can occur after any medical procedure, including vaccination."
    _assert_development_snippet("cdc_hpv_vaccine_safety.txt", text)
    assert claim_kind(text) == "safety"


@pytest.mark.parametrize(
    "text",
    [
        "Some people feel light-headed after an injection.",
        "Patients may feel faint after surgery.",
        "Dizziness after a dental procedure usually passes within minutes.",
    ],
)
def test_an_after_effect_on_other_topics(text: str) -> None:
    assert claim_kind(text) == "safety"


# -- a treatment compared with another (better than, no better than, as effective as) is a claim of its
# effect; a comparison naming no treatment stays a fact of another kind
def test_a_treatment_compared_on_its_real_snippet() -> None:
    _assert_development_snippet("pharmaguide_smoking_cessation.md", "is better than brief advice")
    text = (
        "A combination of pharmacotherapy and behavioural support (brief advice or counselling) is better "
        "than brief advice, usual care or less intensive counselling."
    )
    assert claim_kind(text) == "efficacy"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Acupuncture was no better than sham needling.", "efficacy"),
        ("Topical NSAIDs are as effective as oral NSAIDs for knee pain.", "efficacy"),
        ("Cognitive behavioural therapy is superior to sleeping pills in the long term.", "efficacy"),
        ("Women's prognosis is better than men's.", "other"),
        ("Massage is more popular than acupuncture.", "other"),
    ],
)
def test_a_treatment_compared_on_other_topics(text: str, kind: str) -> None:
    assert claim_kind(text) == kind
