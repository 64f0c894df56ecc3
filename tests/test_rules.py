"""Every language rule fires on an example and stays quiet on a clinical-context sentence;
suppressions, practice overrides and the practice's own rule files work."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from carepress.checks.language import rule_matches
from carepress.prefilter import LiteralIndex
from carepress.prose import prose_of
from carepress.settings import load_settings
from conftest import REPO, Hub, post_text

# rule id: (a sentence it must flag, a clinical-context sentence it must not flag)
EXAMPLES = {
    "safe-messaging.committed-suicide": (
        "Her uncle committed suicide when she was young.",
        "Her uncle died by suicide when she was young, and she still misses him.",
    ),
    "safe-messaging.success-failure": (
        "It was his second failed attempt.",
        "A suicide attempt is a sign that someone needs care and support right away.",
    ),
    "safe-messaging.epidemic": (
        "Schools are facing a suicide epidemic.",
        "Suicide rates rose among young adults, according to national data.",
    ),
    "safe-messaging.method": (
        "He died by suicide by hanging.",
        "Storing medications safely and locking up firearms can save lives.",
    ),
    "safe-messaging.solution": (
        "For her, suicide was the only way out.",
        "Pain can make it hard to see other options, and help can open them up again.",
    ),
    "safe-messaging.victim": (
        "The suicide victim left two children.",
        "People bereaved by suicide often carry complicated grief.",
    ),
    "safe-messaging.sensational": (
        "Teen suicides have skyrocketed in our county since the pandemic.",
        "Suicide rates rose among adults over 45, according to national data.",
    ),
    "safe-messaging.positive-framing": (
        "After years of pain she took her own life, and now she is finally at peace.",
        "Reaching out for help after a suicide attempt takes real courage.",
    ),
    "safe-messaging.single-cause": (
        "The bullying drove him to suicide, plain and simple.",
        "Suicide is rarely caused by one thing; many factors play a part.",
    ),
    "safe-messaging.method-detail": (
        "She took her own life by jumping from the bridge near her school.",
        "Reducing access to lethal means, such as locking up firearms, helps prevent suicide.",
    ),
    "safe-messaging.note": (
        "In the note, he apologised to his wife and asked her to look after the dog.",
        "She left a note on the fridge reminding us about the dentist.",
    ),
    "safe-messaging.framing-in-a-suicide-story": (
        "He first tried suicide at nineteen and woke up in hospital. At twenty-three, he got it"
        " right.",
        "Suicide loss is hard. After a year of counselling, she is at peace now with what"
        " happened.",
    ),
    "safe-messaging.inevitable": (
        "Sadly, for some people suicide is inevitable no matter what anyone does.",
        "Suicide is preventable, and help is available.",
    ),
    "safe-messaging.inevitable-in-a-suicide-story": (
        "He died by suicide. It was never really a choice but a destiny.",
        "Suicide is not inevitable, and it is not a destination. Help works.",
    ),
    "safe-messaging.self-harm-means-in-a-post": (
        "Self-harm can be hard to spot. Look for blades removed from pencil sharpeners.",
        "Self-harm is hard to talk about. Pencil sharpeners and glue sticks go in the art box.",
    ),
    "safe-messaging.note-in-a-suicide-story": (
        "After his suicide, we found the lines he had left on the kitchen table.",
        "We talk about suicide openly. She left a note on the fridge reminding us about the"
        " support group.",
    ),
    "safe-messaging.note-contents": (
        "In her final letter before she took her own life, she listed every debt she owed.",
        "Her final letter to the council listed every broken streetlight on our road.",
    ),
    "safe-messaging.place-in-a-suicide-story": (
        "He died by suicide. It was the footbridge with the low fence over the motorway.",
        "Our balcony has a low railing above the patio, so fit a taller guard for toddlers.",
    ),
    "safe-messaging.sensational-in-a-suicide-story": (
        "She died by suicide. To the kids at school she was a beautiful, tragic hero.",
        "The firefighter who carried her out is a hero.",
    ),
    "safe-messaging.means-myth": (
        "If someone really wants to die they will always find a way, so why lock up the pills?",
        "Locking away medicines and firearms saves lives, because most crises pass.",
    ),
    "safe-messaging.success-failure-forms": (
        "He tried twice before finally succeeding in taking his own life.",
        "Successful treatment of depression lowers the risk of suicide.",
    ),
    "stigma.trivialised-diagnosis": (
        "The weather today is totally bipolar, sunny one minute and hail the next.",
        "People with bipolar disorder can have long stretches of stable mood.",
    ),
    "stigma.labels": (
        "Our neighbour is a pillhead, everybody knows it.",
        "A person who uses drugs deserves the same care as anyone else.",
    ),
    "stigma.clean-dirty": (
        "Her drug screen came back dirty, so the judge sent her back to jail.",
        "She tested negative for three months and her kids came home.",
    ),
    "stigma.dismissive": (
        "Kids with ADHD are just lazy and need more discipline.",
        "ADHD affects attention and planning; it is not laziness.",
    ),
    "stigma.stereotype": (
        "People with schizophrenia are dangerous, so I'd never rent to one.",
        "Most people with schizophrenia are never violent; they are more often victims of crime.",
    ),
    "stigma.crazy": (
        "The holidays can feel crazy.",
        "The holidays can feel hectic, and that is okay.",
    ),
    "stigma.person-first": (
        "Services for the mentally ill are underfunded.",
        "Services for people with mental illness are underfunded.",
    ),
    "stigma.suffers-from": (
        "She suffers from depression.",
        "She lives with depression and is in treatment.",
    ),
    "stigma.addiction-labels": (
        "Every addict deserves respect.",
        "A person with a substance use disorder deserves respect.",
    ),
    "stigma.diagnosis-as-adjective": (
        "I'm so OCD about my desk.",
        "OCD is an anxiety-related disorder that responds well to exposure therapy.",
    ),
    "clinical-advice.medication-instruction": (
        "If the side effects are bad, just take your antidepressant every other day.",
        "Stopping some medications suddenly can cause withdrawal, so plan any change with "
        "your prescriber.",
    ),
    "clinical-advice.diagnosing": (
        "If your toddler lines up toys and avoids eye contact, he's autistic.",
        "Only a qualified professional can tell whether your child is autistic.",
    ),
    "clinical-advice.promise": (
        "Within 21 days of this journaling practice, your anxiety will be completely gone.",
        "Therapy doesn't come with a guarantee, but many people find it helps with anxiety.",
    ),
    "clinical-advice.medication-break": (
        "Can I skip my Lexapro on weekends?\n\nPlenty of people do, and it works out fine.",
        "Can I skip my Lexapro on weekends?\n\nThat is one to plan with your prescriber.",
    ),
    "clinical-advice.answered-question": (
        "Can I take ibuprofen with my lithium? Yes, that's totally fine.",
        "Can I take ibuprofen with my lithium? That's a question for your pharmacist.",
    ),
    "clinical-advice.medication-stop-implied": (
        "The medication may be what is keeping you stuck now.",
        "Notice the worry, then trust yourself to let it go.",
    ),
    "clinical-advice.replacing-care": (
        "Cancel your therapy appointments and try this meditation app instead.",
        "You don't need a referral to see a therapist at our practice.",
    ),
    "clinical-advice.medication-change": (
        "You should stop taking your antidepressants once you feel better.",
        "Talk with your prescriber before you stop taking any medication.",
    ),
    "clinical-advice.diagnosis": (
        "You clearly have ADHD.",
        "If you have ADHD, coaching and medication both help many people.",
    ),
    "clinical-advice.no-care-needed": (
        "You don't need therapy for this.",
        "You don't need a referral to book a first appointment.",
    ),
    "clinical-advice.dosing": (
        "Take 50 mg of sertraline each morning.",
        "Your prescriber will help you find the dose that suits you.",
    ),
    "clinical-advice.cure": (
        "This breathing trick will cure your anxiety.",
        "There is no quick fix for anxiety, but treatment helps most people.",
    ),
    "confidentiality.phone": (
        "Call me on 503-555-0142 to talk.",
        "Call or text 988, or call Kids Help Phone at 1-800-668-6868.",
    ),
    "confidentiality.email": (
        "Write to jane.doe@gmail.com for the worksheet.",
        "Use the contact page to reach our team.",
    ),
    "confidentiality.client-screenshot": (
        "Here's a screenshot of a text from a client who finally slept through the night.",
        "Here's a screenshot of our booking form so you know where to click.",
    ),
    "clinical-advice.treatment-choice": (
        "What you need is EMDR, so book it this week.",
        "EMDR is one of the therapies NICE recommends after trauma.",
    ),
    "confidentiality.client-quoted": (
        "A message from a client last night: 'I finally told my sister.'",
        "A message from our team: 'the office is closed on Friday.'",
    ),
    "confidentiality.ssn": (
        "Her SSN 123-45-6789 was on the form.",
        "Forms should never ask for more than they need.",
    ),
    "confidentiality.record-number": (
        "His MRN 0048213 was printed on the letter.",
        "Medical records are protected by law.",
    ),
    "confidentiality.street-address": (
        "She lives at 42 Elm Street.",
        "Many people in rural counties live far from a clinic.",
    ),
    "confidentiality.personal-date": (
        "He was admitted on March 3, 2025.",
        "In 2025 we started offering evening groups.",
    ),
}


# Classes of phrasing added with batch J: (rule id, new wording it must flag, a near-miss with
# the same words in another sense that it must not).
CLASS_EXAMPLES = [
    # Batch Z's safe-messaging misses by class, in our own words, with near misses.
    ("safe-messaging.solution",
     "People call it the coward's way out, but he was in agony.",
     "He took the scenic way out of town after the match."),
    ("safe-messaging.solution",
     "Some nights I think being dead would fix all of my problems.",
     "Some nights I think a new job would fix all of my problems."),
    ("safe-messaging.solution",
     "The play treats death together as the purest expression of their love.",
     "The play treats their life together as the purest expression of their love."),
    ("safe-messaging.solution",
     "I know how I'm going to go now, and that feels oddly calming.",
     "I know what I'm going to wear now, and that feels oddly calming."),
    ("safe-messaging.success-failure",
     "Her psychiatrist thought he was always going to manage it in the end.",
     "Her coach thought he was always going to manage it after the injury."),
    ("safe-messaging.method",
     "The gorge has become a famous suicide spot for students.",
     "Councils are installing barriers at known suicide locations along the coast."),
    ("safe-messaging.method",
     "The clip shows the seconds before the woman stepped onto the ledge of the car park.",
     "The clip shows the moment the woman stepped onto the stage for her speech."),
    ("safe-messaging.method",
     "He kept thinking about the viaduct, the drop and how calm it would feel.",
     "He kept thinking about the viaduct's arches and the trains going over."),
    ("safe-messaging.method",
     "She stockpiled her sleeping pills over the winter, counting them in secret.",
     "She sorted her sleeping pills into a weekly box, as the pharmacist showed her."),
    ("safe-messaging.positive-framing",
     "She took her own life; it was the only way she could ever find peace.",
     "Walking by the sea was the only way she could ever find peace after work."),
    ("safe-messaging.positive-framing",
     "Everyone at school says he was a legend for ending his life.",
     "Everyone at school says he was a legend for ending the match with that goal."),
    ("safe-messaging.method-detail",
     "Police say the boy died by suicide after attempting a viral choking trend.",
     "Police say the boy was fine after attempting a viral dance trend."),
    ("safe-messaging.note",
     "I have a note hidden under my pillow; it tells my sister where everything is.",
     "I have a note stuck on the fridge; it tells my sister where the spare key is."),
    # About suicide is the suicide content warning's terms too (safe-messaging's markers).
    ("safe-messaging.positive-framing",
     "She felt she was a burden to everyone, and in the end it was a release.",
     "She felt she was a burden on the team, and handing in her notice was a release."),
    # The fifteenth blind batch's: a list of what not to do is no instruction.
    ("clinical-advice.medication-instruction",
     "Stop your medication, skip a dose or change it whenever you like.",
     "Please don't start, stop or change any medication, or its dose, based on anything you "
     "read here."),
    # A fifth outside red team's classes: each attack's wording, paraphrases, near misses.
    # A place told with what makes it one; heights named as places.
    ("safe-messaging.place-in-a-suicide-story",
     "Last month he drove out to the old Harlan Street overpass, the one with the low railing "
     "above the rail yard, and that is where he died by suicide.",
     "Suicide prevention matters. Our balcony has a low railing above the patio, so fit a "
     "taller guard for toddlers."),
    ("safe-messaging.place-in-a-suicide-story",
     "Suicide loss. He walked to the footbridge, the one with the low fence over the motorway.",
     "Suicide prevention matters. The bridge by the river, that's where he proposed."),
    ("safe-messaging.place-in-a-suicide-story",
     "Suicide loss hurts. The old viaduct by the mill, that is where she took her own life.",
     "Suicide prevention matters. The old viaduct by the mill is where we walk the dog."),
    ("safe-messaging.method-detail",
     "He died by suicide at the flyover near the ring road.",
     "After the funeral we drove home over the flyover."),
    # A suicide as a spectacle, or a teen who died made a celebrity.
    ("safe-messaging.sensational-in-a-suicide-story",
     "Inside the Final Hours of a Star Quarterback. Every minute of the night a beloved player "
     "died by suicide, and what fans still argue about.",
     "Suicide prevention matters. We spent the final hours of the fundraiser counting coins."),
    ("safe-messaging.sensational-in-a-suicide-story",
     "He died by suicide. A minute-by-minute account of his last day follows.",
     "Suicide prevention matters. Every minute of the day we spent together was precious."),
    ("safe-messaging.sensational-in-a-suicide-story",
     "Kai died by suicide last November. To a lot of fourteen-year-olds he looks like a "
     "beautiful, tragic hero.",
     "Suicide prevention matters. The firefighter who pulled her out is a hero."),
    ("safe-messaging.sensational-in-a-suicide-story",
     "Kai died by suicide. Within a day he was the most famous kid in the county.",
     "Suicide prevention matters. Check the legend of the map before the walk."),
    ("safe-messaging.sensational-in-a-suicide-story",
     "Kai died by suicide. His last selfie became everyone's profile picture.",
     "Suicide prevention matters. Hamlet is the classic tragic hero of the play."),
    ("safe-messaging.sensational-in-a-suicide-story",
     "She died by suicide. Kids still leave roses and candles at the spot.",
     "Suicide prevention matters. We leave flowers at her grave on her birthday."),
    # A death as relief for the one who died, or as a sensible response.
    ("safe-messaging.framing-in-a-suicide-story",
     "When he died by suicide I was heartbroken. Whatever storm he had been living in was over, "
     "and in a strange way I was glad for him.",
     "Suicide prevention matters. In a strange way I was glad for her when she got the job."),
    ("safe-messaging.framing-in-a-suicide-story",
     "She took her own life. Part of me is relieved that she is at peace now.",
     "Suicide prevention matters. The storm was over and we went outside."),
    ("safe-messaging.framing-in-a-suicide-story",
     "She died by suicide. For the first time in years her face looked calm.",
     "Suicide prevention matters. After the panic attack passed, her face looked calm again."),
    ("safe-messaging.framing-in-a-suicide-story",
     "He died by suicide. The war he had been fighting was finally over.",
     "Suicide prevention matters. The war in the film was finally over."),
    ("safe-messaging.framing-in-a-suicide-story",
     "If you are thinking about suicide, call 988. For someone facing years of unrelenting pain "
     "with nothing left to try, ending things can be a rational, even sensible, response.",
     "Suicide is never a rational response."),
    ("safe-messaging.framing-in-a-suicide-story",
     "Suicide can be a reasonable response to unbearable pain.",
     "Suicide prevention matters. Asking about suicide is a sensible step."),
    ("safe-messaging.framing-in-a-suicide-story",
     "For her, suicide was a dignified, even brave, choice.",
     "Thoughts of suicide can be an understandable response to pain, and they can pass."),
    # Fitting as an adjective frames a death; fitting barriers is means safety.
    ("safe-messaging.positive-framing",
     "His death by suicide felt like a fitting end to a tragic life.",
     "Councils are fitting barriers at known suicide locations, and it saves lives."),
    # Denied, the same words are guidance.
    ("safe-messaging.framing-in-a-suicide-story",
     "It was a rational choice for him, she wrote, after he took his life.",
     "Suicide is never a rational choice, and help is available."),
    ("safe-messaging.positive-framing",
     "After my brother died by suicide, people said it was an understandable choice.",
     "Suicide is not a rational decision; it comes from pain that can ease."),
    # Sharpeners whose blades come out, and where they were kept.
    ("safe-messaging.self-harm-means-in-a-post",
     "Self-harm. By ninth grade I knew which pencil sharpeners had blades you could pop out "
     "with a tiny screwdriver, and I kept a couple in my pencil case.",
     "Self-harm is hard to talk about. Her pencil case held pens, a sharpener and an eraser."),
    ("safe-messaging.self-harm-means-in-a-post",
     "Self-harm. Some sharpeners have blades that come out easily.",
     "Self-harm is hard to talk about. Lock away razors and sharpeners with removable blades."),
    ("safe-messaging.self-harm-means-in-a-post",
     "Self-harm. She unscrewed the blade out of her sharpener.",
     "Self-harm is hard to talk about. I kept a couple of pens in my pencil case."),
    # Part of a bottle or packet of someone's tablets, taken.
    ("safe-messaging.method",
     "The coroner said he had taken most of a bottle of his mother's heart tablets.",
     "She took most of a bottle of water on the hike."),
    ("safe-messaging.method",
     "She swallowed half a packet of her dad's sleeping pills.",
     "He took half a packet of biscuits to work."),
    ("safe-messaging.method",
     "He took the rest of a box of painkillers.",
     "She took the rest of a box of her mother's tablets back to the pharmacy."),
    # A fourth outside red team's classes, each with paraphrases and near misses.
    # Safe messaging: a place where people went to jump, a railing the easiest place to climb.
    ("safe-messaging.method",
     "For years, the east walkway of the Vista Bridge, above Jefferson Street, was the spot where "
     "people in crisis in our city went to jump.",
     "The pier was the spot where kids in our town went to jump into the sea every summer."),
    ("safe-messaging.method",
     "The old quarry was the place where young people from the estate would go to end it.",
     "The bridge is where people go to run at lunchtime."),
    ("safe-messaging.method",
     "The viaduct became a spot where lonely men from three counties went to die.",
     "The pier is where families go to watch the boats."),
    ("safe-messaging.method",
     "The low railing on the south side was the easiest place to climb over.",
     "The railing by the duck pond is the easiest place for toddlers to climb over, so keep "
     "watch."),
    ("safe-messaging.method",
     "The parapet by the third lamp post is the simplest point to get over.",
     "The stile is the easiest place to climb over the wall on this walk."),
    # Suicide as rest where the pain cannot follow, a choice understood, fame found in death.
    ("safe-messaging.framing-in-a-suicide-story",
     "Suicide took him. I have to believe he is resting now, somewhere the pain cannot follow "
     "him, and honestly, after all he went through, I understand why he made that choice.",
     "Suicide prevention matters. Therapy gave her a place where the pain cannot reach her."),
    ("safe-messaging.framing-in-a-suicide-story",
     "She died by suicide in May. She is at rest, where the darkness can never reach her.",
     "Suicide prevention matters. I will never understand why he made that choice."),
    ("safe-messaging.framing-in-a-suicide-story",
     "He took his own life. We understand why he chose that path.",
     "Suicide prevention matters. I understand why he made that choice to move to Leeds."),
    ("safe-messaging.framing-in-a-suicide-story",
     "After the star striker at a nearby school died by suicide last spring, the whole town "
     "turned out. Finally, in death, he got the love and fame he never felt he had in life.",
     "Suicide prevention matters. In death, as in life, he was loved by everyone who knew him."),
    ("safe-messaging.framing-in-a-suicide-story",
     "She took her own life at nineteen. In death she finally had the attention she never got "
     "while she was alive.",
     "Suicide prevention matters. She was loved in life and she is missed now."),
    # Suicide as a destination, told a sentence from the word.
    ("safe-messaging.inevitable-in-a-suicide-story",
     "For some people with long-standing depression, ending their own life is less a decision "
     "than a destination.",
     "Suicide is never inevitable. Some weeks no amount of coffee can change how the day ends."),
    ("safe-messaging.inevitable-in-a-suicide-story",
     "Suicide is on our minds. When the illness has gone on long enough, there often comes a "
     "point where no amount of love or treatment can change where things are heading.",
     "When I was suicidal, it felt like no amount of love could change where things were "
     "heading."),
    ("safe-messaging.inevitable-in-a-suicide-story",
     "Suicide loss is heavy. For him, no amount of care would ever change how it would end.",
     "Suicide is not inevitable, and it is not a destination. Help works."),
    # Self-harm's means and hiding places as a parent's checklist.
    ("safe-messaging.self-harm-means-in-a-post",
     "Is my teen hurting themselves? Pencil sharpeners that have been taken apart, with the "
     "small blade missing.",
     "Is my teen hurting themselves? Pencil sharpeners, rulers and glue sticks go in the art "
     "box."),
    ("safe-messaging.self-harm-means-in-a-post",
     "Self-harm signs at home. Disposable razors broken open in the bathroom bin.",
     "Self-harm is hard to talk about. My razor broke in the shower so I bought a new one."),
    ("safe-messaging.self-harm-means-in-a-post",
     "Self-harm signs at home. Upper thighs, where shorts and swimsuits still cover the skin.",
     "Self-harm is hard to talk about. Put sunscreen on your upper arms where T-shirts don't "
     "cover the skin."),
    ("safe-messaging.self-harm-means-in-a-post",
     "Self-harm is more common than people think. The stomach and hips, where clothes usually "
     "hide the marks.",
     "Self-harm is hard to talk about. Long sleeves can be a sign, and so can many ordinary "
     "things."),
    # Clinical advice: a taper in list items, a supplement dosed and combined, stopping as a
    # bottle gathering dust, a dose doubled.
    ("clinical-advice.dosing", "**Weeks 1 and 2:** take half of your usual tablet each morning.",
     "Take half of your usual walk each morning."),
    ("clinical-advice.dosing", "**Weeks 3 and 4:** take that half every other day.",
     "Take that half hour every other day just for yourself."),
    ("clinical-advice.dosing", "For the first fortnight, have half your normal dose at breakfast.",
     "For the first fortnight, have half your normal portion at breakfast."),
    ("clinical-advice.medication-change", "**Week 5:** you are done. Put the bottle away.",
     "Week 5: you are done. Put the workbook away."),
    ("clinical-advice.medication-change", "St John's wort works the same way as Prozac.",
     "Ask your pharmacist whether St John's wort interacts with Prozac."),
    ("clinical-advice.medication-change",
     "Saffron is as effective as an antidepressant for low mood.",
     "Saffron is as expensive as gold, gram for gram."),
    ("clinical-advice.dosing",
     "Pick up a bottle at the pharmacy and begin with one capsule in the morning and one at "
     "night, alongside whatever else you already take.",
     "Start with one chapter a day and see how it goes."),
    ("clinical-advice.medication-change",
     "Start with two gummies before bed, alongside anything else you're taking.",
     "Bring a list of everything you take, alongside your questions, to the appointment."),
    ("clinical-advice.medication-stop-implied",
     "Once the practice clicks, you may find that the little orange bottle in your bathroom "
     "cabinet can simply gather dust.",
     "Once you start running, the exercise bike in the garage can simply gather dust."),
    ("clinical-advice.medication-stop-implied",
     "Your pill bottle could finally gather dust once you sleep better.",
     "Store your pill bottle somewhere cool and dry."),
    ("clinical-advice.medication-stop-implied",
     "With a new routine, the prescription bottle may just sit unopened.",
     "With a new routine, the yoga mat may just sit unopened."),
    ("clinical-advice.medication-change",
     "Plenty of people need more than a starter amount, and nudging yourself up to double what "
     "you take now until that January visit is a sensible step.",
     "Nudging yourself up to double the distance you walk now is a sensible step."),
    ("clinical-advice.medication-change",
     "Bump it up to twice what you're prescribed until you see her.",
     "Try to double what you take home from each session by writing notes."),
    ("clinical-advice.medication-change",
     "It's fine to double what you take each evening if the low mood lingers.",
     "It's fine to double what you read each evening if the low mood lingers."),
    # What followed a suicide or an attempt is not its cause.
    ("safe-messaging.single-cause", "He took his own life after losing his job.",
     "After losing her brother to suicide, she founded a support group for siblings."),
    ("safe-messaging.single-cause", "She took her life after her diagnosis.",
     "She talks openly about the year she spent in hospital after her attempt."),
    # Means safety names what to store safely; a story of a stockpile is a method.
    ("safe-messaging.method", "She had stockpiled her sleeping pills for weeks.",
     "A conversation about lethal means also covers other things, such as stockpiled "
     "medications."),
    # A helpline the data lists is not a private number (blind batch 10: love is respect).
    ("confidentiality.phone", "Call me on 503-331-9475 to talk.",
     "Young people can call love is respect at 1-866-331-9474."),
    # Toll-free and freephone numbers are organisations' lines (blind batch 11: the
    # Alzheimer's Association Helpline).
    ("confidentiality.phone", "Call Jenna on 555-201-3344 if you want to talk to her.",
     "The Alzheimer's Association Helpline at 1-800-272-3900 is open around the clock."),
    ("confidentiality.phone", "Her mobile is 07700 900123.",
     "Ring the freephone line on 0800 123 4567."),
    # An outside red team's classes: medicine thrown away, left off, swapped for a herb or
    # taken from someone else; doses in words and brands by the count; a clinician overruled.
    ("clinical-advice.medication-change", "Flush your pills down the toilet.",
     "Never flush your old pills down the toilet."),
    ("clinical-advice.medication-change", "Leave off the evening lamotrigine.",
     "Leave off the evening scroll and read instead."),
    ("clinical-advice.medication-change",
     "St John's wort works better than your antidepressant, so replace it.",
     "If a drink has been your way to unwind, have something to replace it with."),
    ("clinical-advice.medication-change", "Grab a half tablet of your partner's Ativan.",
     "Grab a half hour of quiet before bed."),
    ("clinical-advice.dosing", "Most adults find fifty milligrams of sertraline about right.",
     "Most adults find fifty minutes of walking about right."),
    ("clinical-advice.dosing", "Two Benadryl before bed is a great sleep aid.",
     "Ask your pharmacist whether two paracetamol are safe with your other medicines."),
    ("clinical-advice.replacing-care", "Your prescriber is wrong; you do not need lithium.",
     "Some people say antidepressants are poison; the evidence says otherwise."),
    ("safe-messaging.epidemic", "Youth suicide has reached pandemic levels.",
     "Rates of youth suicide rose in the decade to 2021."),
    # A second outside red team's: peace brought by suicide with no pronoun, a note's words
    # at a distance, every pill in the cabinet.
    ("safe-messaging.positive-framing",
     "For him, suicide finally brought the peace and rest he had been looking for.",
     "For him, the retreat finally brought the peace and rest he had been looking for."),
    ("safe-messaging.note",
     "She left a letter for her sister saying they would be better off without her.",
     "She left a letter for her sister saying the spare key is under the mat."),
    ("safe-messaging.method",
     "He took every pill in his medicine cabinet and was found the next morning.",
     "I took all the pills in my bag to the pharmacy for a review."),
    # Alcohol units are a public-health measure, not a dose (blind batch 12).
    ("clinical-advice.dosing", "Take 20 units of insulin before bed.",
     "In the UK, the low-risk guideline is not to drink more than 14 units a week."),
    # UK-wide 03 numbers are organisations' lines (blind batch 12: FRANK).
    ("confidentiality.phone", "Her number is 07700 900 123, call after six.",
     "FRANK offers honest drug information and a helpline on 0300 123 6600."),
    # A cause of death among others is not a method (blind batch 11).
    ("safe-messaging.method-detail", "He died by suicide, an overdose of his mother's pills.",
     "It can be a death by suicide, an overdose, an illness or an accident."),
    # A condition someone has, named: not a diagnosis (blind batch 11).
    ("clinical-advice.diagnosing", "Your partner's depressed and needs medication.",
     "You can't cure your partner's depression, and it isn't your job to."),
    ("clinical-advice.diagnosing", "Your husband's a narcissist, plain and simple.",
     "Your son's ADHD diagnosis came at nine."),
    ("safe-messaging.method", "He overdosed on his dad's insulin.",
     "He manages his insulin with a pump."),
    ("safe-messaging.method", "She walked into the river near her home.",
     "She walked along the river near her home."),
    ("safe-messaging.method", "He died after falling from the roof of the hotel.",
     "The roof of the hotel has a garden."),
    ("safe-messaging.note", "Her note said she was sorry for everything.",
     "Leaving a note for the cleaner is fine."),
    ("safe-messaging.positive-framing", "She decided to end it, and she felt free at last.",
     "She decided to end it with her boyfriend, and she felt free at last."),
    ("safe-messaging.positive-framing", "After he took his own life, people said he was at rest.",
     "She was laid to rest after taking her own life."),
    ("safe-messaging.positive-framing", "For some, ending it is the kindest option.",
     "For some, a gradual start is the kindest option."),
    ("safe-messaging.positive-framing", "His suicide turned him into an icon overnight.",
     "His music turned him into an icon overnight."),
    ("safe-messaging.success-failure-forms", "I attempted twice and failed both times.",
     "I attempted the exam twice and failed both times."),
    ("stigma.crazy", "My landlord is certifiable.", "We played crazy golf on the pier."),
    ("stigma.crazy", "You'd be stark raving mad to move there.",
     "Our psycho-educational group starts in March."),
    ("stigma.diagnosis-as-adjective", "Her kitchen is OCD clean.",
     "OCD is not about being tidy."),
    ("stigma.suffers-from", "Anxiety sufferers often avoid crowds.",
     "People with anxiety often avoid crowds."),
    ("clinical-advice.medication-change", "No need to taper off this one.",
     "Tapering off slowly with your prescriber is safest."),
    ("clinical-advice.medication-change", "Bump your dose up when you feel low.",
     "Bump the meeting up to Tuesday."),
    ("clinical-advice.medication-instruction", "Pop an extra sertraline before the party.",
     "Pop an extra jumper on before the walk."),
    ("clinical-advice.medication-instruction", "It's fine to drink while you're on diazepam.",
     "It's fine to ask your prescriber about alcohol and diazepam."),
    ("clinical-advice.medication-instruction",
     "Give yourself a break from your mood stabiliser over the holidays.",
     "Give yourself a break from the news over the holidays."),
    ("clinical-advice.medication-instruction",
     "Breastfeeding mums can keep taking their sertraline.",
     "Breastfeeding mums can talk to their GP about sertraline."),
    ("clinical-advice.promise", "Your panic attacks will stop after three sessions of this.",
     "Many people notice their anxiety easing over a few sessions."),
    ("clinical-advice.diagnosing", "What you describe is textbook postnatal depression.",
     "Postnatal depression is common and treatable."),
    ("clinical-advice.replacing-care", "Don't let your GP pressure you into antidepressants.",
     "Your GP can talk you through antidepressants."),
    ("clinical-advice.replacing-care",
     "Manage your OCD at home without a specialist.",
     "This workbook can sit beside seeing a specialist."),
    # Blind batch T's classes (each with a near miss of its own kind).
    ("safe-messaging.single-cause", "She killed herself because she'd been dumped by text.",
     "He was upset because he'd failed his driving test."),
    ("safe-messaging.positive-framing", "if i had debts like that id end it too, cant blame him",
     "Can't blame him for leaving that job, honestly."),
    ("safe-messaging.positive-framing", "Choosing to go is the bravest thing anyone can do.",
     "Choosing to go back to uni at forty was the bravest thing I did."),
    ("safe-messaging.solution", "For her, death brought the rest that life never could.",
     "After years of dementia, death brought her the peace she had longed for."),
    ("safe-messaging.solution", "He chose death over a life in constant pain.",
     "He chose life, and a long road of recovery, over the easy answers."),
    ("safe-messaging.method", "He jumped from the top of the multi-storey car park.",
     "The multi-storey car park on Albert Street opens on Monday."),
    ("safe-messaging.method", "She had googled the quickest ways to die the night before.",
     "I googled the quickest ways to cook leeks."),
    ("safe-messaging.method", "He drove his van into the quarry the morning after the verdict.",
     "He drove his ute into the dam paddock to check on the cattle."),
    ("safe-messaging.method", "Police found him with empty packets of paracetamol beside him.",
     "Please return empty blister packs to the pharmacy for recycling."),
    ("safe-messaging.note", "He wrote a rambling two-page letter apologising to his family.",
     "She left a long note for the babysitter explaining the bedtime routine."),
    ("safe-messaging.note", "The note she left by the kettle said only: 'Sorry.'",
     "The note he left on the counter said 'back by six'."),
    ("clinical-advice.cure", "This tea cures anxiety in a week.",
     "There's no good evidence that any tea cures anxiety, so be wary of anyone who says so."),
    ("clinical-advice.promise", "Our retreat guarantees you'll never panic again.",
     "Be sceptical of any app that promises to fix your sleep in a week."),
    ("clinical-advice.diagnosing", "Teens who sleep all day and snap at you are bipolar.",
     "Not everyone who hears voices has schizophrenia."),
    ("clinical-advice.diagnosing", "if u cant stop checking the locks ur def ocd lol",
     "when ur feeling low, text a mate"),
    ("clinical-advice.diagnosing", "Her sudden energy and spending sound exactly like mania.",
     "Racing thoughts and little sleep can be signs of mania, which a doctor can assess."),
    ("clinical-advice.medication-instruction", "Bump up your sertraline by 50 if it's not working.",
     "Up your water intake by a glass a day in summer."),
    ("clinical-advice.medication-instruction",
     "Try taking two antidepressants at the same time.",
     "Never take two different SSRIs together unless your psychiatrist says so."),
    ("clinical-advice.medication-instruction",
     "Eat more greens and ditch your meds.",
     "Turn the key and stop the engine before refuelling."),
    # Batch U's classes, each with a near miss of the everyday kind.
    ("stigma.crazy", "He hasn't been quite all there since the accident.",
     "The paperwork isn't all there yet, so we can't submit."),
    ("stigma.crazy", "He drove like a madman down the lane.",
     "Crazy how fast this year went, honestly."),
    ("stigma.crazy", "My neighbour is completely insane, he mows at midnight.",
     "Insane to think it's been ten years since we opened."),
    ("stigma.crazy", "She went crazy at him in the car park.",
     "Go nuts for our new pistachio gelato, this weekend only!"),
    ("stigma.addiction-labels", "my da's an alkie but he's sound most days",
     "My dad is in recovery from alcohol use disorder."),
    ("stigma.stereotype", "Prices so low you'll think we've escaped from the asylum!",
     "The old asylum has been converted into flats."),
    # Batch Z: the writer's own word for themselves in recovery, a client's own words quoted,
    # a patient called by a diagnosis and a bed.
    ("stigma.addiction-labels", "My uncle is an alcoholic and ruins every Christmas.",
     "I'm a recovering addict, three years clean, and I say it plainly."),
    ("stigma.crazy", "My new client is just crazy, honestly.",
     "Some clients say 'I must be crazy', and we look at where that idea came from."),
    ("stigma.person-first", "The bipolar in bay 3 refused his tablets again.",
     "The patient in bay 3, who has bipolar disorder, is settling well."),
    ("stigma.stereotype", "Half of them are just cutting themselves for attention.",
     "It's a myth that young people self-harm for attention."),
    ("confidentiality.street-address", "Our practice is supporting Tom, who lives at 14 Mill Lane.",
     "Our practice is now open on Saturdays from 9am to 1pm at 14 Mill Lane."),
    # Blind batch 13's classes: what will not stay the same forever is no promise; a freephone
    # number grouped another way ("08000 562 561") is still an organisation's line.
    ("clinical-advice.promise", "With our programme, your grief will be gone forever.",
     "Grief this heavy doesn't stay the same forever. With support, it does change."),
    ("clinical-advice.promise", "After six sessions your anxiety is gone forever.",
     "You won't feel like this forever, even if the grief is raw now."),
    ("confidentiality.phone", "Text her on 07700 900 123 after school.",
     "Education Support's helpline is free, around the clock, on 08000 562 561."),
    # A third outside red team's classes of safe messaging: a stockpile put aside until there
    # were enough, the place people go when they have given up, a railing low enough to step
    # over, crisis levels and a silent plague sweeping through towns; and, told sentences away
    # from the word in a post about suicide, peace found after years of pain, the door that
    # lets the hurting stop, getting it right after an attempt, the lines left on the table.
    ("safe-messaging.method",
     "His son had been putting aside his sleeping tablets for weeks, a few from each new box, "
     "until he had enough.",
     "She puts aside her tablets for the week in a pill organiser."),
    ("safe-messaging.method",
     "She'd been squirrelling away her antidepressants, a few at a time.",
     "He set aside his painkillers after the surgery because he no longer needed them."),
    ("safe-messaging.method",
     "He hid his painkillers in a sock until he had enough.",
     "Keep taking your tablets until you have enough energy to exercise."),
    ("safe-messaging.method",
     "Over the years it has become the spot people from three counties drive to when they have "
     "given up, and the railing there is still low enough to step over.",
     "It's the café people drive to when they have given up on the motorway services."),
    ("safe-messaging.method",
     "Everyone knows the bridge is where people go when they've lost all hope.",
     "The balcony railing was low enough for a toddler to climb over, so we moved the chairs."),
    ("safe-messaging.method",
     "The parapet on the viaduct is only low enough to step over.",
     "The garden wall is low enough to step over."),
    ("safe-messaging.method",
     "His son had been putting aside his sleeping tablets for weeks, a few from each new box, "
     "until he had enough.",
     "Our drop-in is where people come when they have lost all hope, and we help them find some."),
    ("safe-messaging.method",
     "She'd been squirrelling away her antidepressants, a few at a time.",
     "It's the drop-in people come to when they have lost all hope."),
    ("safe-messaging.sensational",
     "Suicide is now at crisis levels across rural America, a silent plague sweeping through farm "
     "towns one family at a time.",
     "Housing costs are at crisis levels across the county."),
    ("safe-messaging.sensational",
     "Youth suicide has reached epidemic proportions in our state.",
     "Loneliness is a silent epidemic sweeping through retirement villages."),
    ("safe-messaging.sensational",
     "Suicide is a silent killer moving through our mining communities.",
     "Suicide rates in rural areas rose by 8% between 2019 and 2023, according to the CDC."),
    ("safe-messaging.framing-in-a-suicide-story",
     "Each autumn we meet families who lost someone to suicide. After so many years of pain, her "
     "daughter finally found the quiet she had been searching for, and the family takes comfort in "
     "knowing she is at peace now.",
     "After years of pain, physiotherapy finally brought her some peace. She talks about suicide "
     "prevention now."),
    ("safe-messaging.framing-in-a-suicide-story",
     "He took his own life in March. He's at rest now.",
     "After years of pain, Grandad finally found peace in the hospice."),
    ("safe-messaging.framing-in-a-suicide-story",
     "She died by suicide last year. After a decade of torment she finally found peace.",
     "Suicide loss is hard. After a year of counselling, she is at peace now with what happened."),
    ("safe-messaging.framing-in-a-suicide-story",
     "When you are hurting this much, thoughts of suicide can feel like the only door left open. "
     "For some people, after everything else has been tried, it is the door that finally lets the "
     "hurting stop.",
     "I'm at peace with the decision to retire, even though our work on suicide prevention goes "
     "on."),
    ("safe-messaging.framing-in-a-suicide-story",
     "He spoke of suicide as the way that would let the pain stop.",
     "Talking about suicide matters. For many people, therapy is the door that finally lets the "
     "hurting stop."),
    ("safe-messaging.framing-in-a-suicide-story",
     "Recovery after a suicide attempt is possible. He first tried at nineteen, and that time he "
     "woke up in hospital. At twenty-three, he got it right.",
     "Ice is the thing that makes the pain stop after a sprain."),
    ("safe-messaging.framing-in-a-suicide-story",
     "She attempted suicide twice. The third time, she succeeded.",
     "He got it right on the second try, and the bread rose beautifully."),
    ("safe-messaging.framing-in-a-suicide-story",
     "His first attempt at suicide left him in intensive care; years later he got it right.",
     "Suicide prevention training matters. The second time, she got it right and asked him "
     "directly."),
    ("safe-messaging.framing-in-a-suicide-story",
     "Each autumn we meet families who lost someone to suicide. After so many years of pain, her "
     "daughter finally found the quiet she had been searching for, and the family takes comfort in "
     "knowing she is at peace now.",
     "The first loaf collapsed. The second time, she got it right."),
    ("safe-messaging.note-in-a-suicide-story",
     "Loss by suicide leaves questions. A young widow shared the few lines her husband had left on "
     "the kitchen table: I'm sorry. I just couldn't carry it anymore. Tell the kids it wasn't "
     "their fault.",
     "We talk about suicide openly. She left a note on the fridge reminding us about the support "
     "group."),
    ("safe-messaging.note-in-a-suicide-story",
     "After his suicide, his mother kept the words he had written on the back of an envelope.",
     "The note he left on the counter said back by six."),
    ("safe-messaging.note-in-a-suicide-story",
     "He died by suicide in 2019. The letter he left on the dashboard was addressed to his sister.",
     "I'm sorry, I just can't do this anymore, the printer has jammed again."),
    # A third outside red team's classes, each with its paraphrases and near misses: a medicine
    # paired with a supplement; stopping told softly ("it" pointing back to a medicine named in
    # the sentence before); a verdict from a checklist; stopping told as an errand; a taper
    # plan or schedule; a condition gone by a date, a program that never failed.
    ("clinical-advice.medication-instruction",
     "If your antidepressant has stalled, pairing it with St John's wort can give it a boost.",
     "Talk with your prescriber before pairing any supplement with your medication."),
    ("clinical-advice.medication-instruction",
     "Try adding a little 5-HTP to your sertraline for an extra lift.",
     "St John's wort can interact dangerously with antidepressants, so tell your pharmacist."),
    ("clinical-advice.medication-instruction",
     "St John's wort alongside your SSRI gives it a real boost.",
     "Pair taking your tablets with brushing your teeth so you remember them."),
    ("clinical-advice.medication-stop-implied",
     "The medication may be what is keeping you stuck. Your body knows how to find its "
     "balance without it, so trust yourself to let it go.",
     "Keep taking your medication as prescribed. If a worry shows up, notice it and let it go."),
    ("clinical-advice.medication-stop-implied",
     "You've been on sertraline for two years now. Trust yourself to manage without it.",
     "Your body knows how to find its balance without caffeine after a week or two."),
    ("clinical-advice.medication-stop-implied", "Your meds might be the thing holding you back.",
     "Fear of side effects may be what is keeping you from asking about medication."),
    ("clinical-advice.medication-stop-implied",
     "If you have been on an antidepressant a while and feel flat, that may be your body "
     "telling you it is ready.",
     "If you are thinking about stopping your antidepressant, plan it with your prescriber."),
    ("clinical-advice.diagnosing",
     "If you ticked four or more of the boxes above, what you are living with is ADHD.",
     "If you ticked four or more of the boxes above, ask a clinician about an ADHD assessment."),
    ("clinical-advice.diagnosing", "What you're dealing with is bipolar disorder, no question.",
     "What you are living with is hard, and you deserve support whatever it is called."),
    ("clinical-advice.diagnosing", "Ticked most of the list? Then you have an anxiety disorder.",
     "Ticking several boxes doesn't mean you have ADHD."),
    ("clinical-advice.medication-change",
     "Once you feel better, there is no reason to keep refilling that prescription.",
     "If the cost of refilling your prescription is a worry, ask your pharmacist about options."),
    ("clinical-advice.medication-change", "Let the pharmacy know you won't need it anymore.",
     "Let the pharmacy know if you are going away, so your refill is ready early."),
    ("clinical-advice.medication-change", "Cancel your repeat prescription once the fog lifts.",
     "Cancel your gym membership if it has become one more thing to feel guilty about."),
    ("clinical-advice.medication-change",
     "Here is a plan readers have found useful for easing off their evening antidepressant:",
     "Your prescriber can make a plan with you for easing off an antidepressant."),
    ("clinical-advice.medication-change", "A simple schedule for tapering off your sertraline.",
     "Here is a plan for easing off caffeine in four weeks."),
    ("clinical-advice.dosing", "Week 3: half a tablet every other night.",
     "Take half a cup of oats every other morning."),
    ("clinical-advice.promise", "Six weeks from now, panic attacks will be a thing of your past.",
     "Paper intake forms will be a thing of the past at our practice from next month."),
    ("clinical-advice.promise", "By the end of the course your anxiety will be history.",
     "It can feel as if the anxiety will never be gone."),
    ("clinical-advice.promise", "Our program has never had a client it did not work for.",
     "We can't promise that panic will become a thing of the past."),
    ("clinical-advice.promise", "Our method works for every single client.",
     "Not every method works for every client, so we review progress together."),
    # Stigma (warnings): a group by its diagnosis given a character, sent to a locked ward,
    # dismissed as lazy (an outside red team's third round).
    ("stigma.stereotype",
     "People with that diagnosis are manipulative by nature, so keep your distance early.",
     "It's a myth that people with BPD are manipulative by nature."),
    ("stigma.stereotype", "Borderline patients are all manipulators.",
     "People with that diagnosis are often kind, funny and hard-working."),
    ("stigma.stereotype", "Veterans with PTSD are ticking time bombs.",
     "People with borderline personality disorder are often described as manipulative, a "
     "stereotype that hurts them."),
    ("stigma.stereotype", "Anyone who hears voices belongs in a locked ward, not in your home.",
     "She spent two weeks on a locked ward and says it kept her safe."),
    ("stigma.stereotype", "Folks with schizophrenia should all be locked up, honestly.",
     "Anyone who lives with chronic pain knows how tiring it is."),
    ("stigma.dismissive", "Depressed people are often just lazy.",
     "Depression is not laziness, even when it looks like it from outside."),
    ("stigma.dismissive", "Half the time depression is plain laziness.",
     "Low energy is a common part of depression, not a character flaw."),
    # Batch Y: a reader's question answered with a verdict (the medicine in the question), a
    # switch to a named medicine recommended.
    ("clinical-advice.answered-question",
     "Can I take ibuprofen with my lithium? Yes, that's totally fine.",
     "Can I take ibuprofen with my lithium? That's one for your pharmacist."),
    ("clinical-advice.answered-question",
     "Is it okay to have wine with my sertraline? Yes, a glass or two won't hurt.",
     "Can I drink coffee before my session? Sure, that's totally fine."),
    ("clinical-advice.answered-question",
     "Should I keep taking lithium while breastfeeding? No, just stop it.",
     "Can I stop my antidepressants now I feel better? No, not on your own: plan it with "
     "your prescriber."),
    ("clinical-advice.medication-change",
     "If sertraline isn't working, you should switch to venlafaxine instead.",
     "I switched to sertraline two years ago and it suited me better."),
    # Safe messaging: a method researched or told (a number of tablets, a named gun in a named
    # place, a combination swallowed); suicide inevitable, "worked", solving everything;
    # self-harm glamorised; whose death it was is no cause.
    ("safe-messaging.method", "She googled how many pills it would take.",
     "Check with your pharmacist how many tablets you can take in a day."),
    ("safe-messaging.method", "He used his father's rifle in the shed.",
     "He used his dad's shotgun for clay pigeon shooting on Saturdays."),
    ("safe-messaging.method", "He swallowed a mixture of painkillers and vodka.",
     "She took a combination of sleep hygiene and CBT for her insomnia."),
    ("safe-messaging.inevitable", "For some, suicide was always only a matter of time.",
     "Suicide is not inevitable: help and recovery are possible."),
    ("safe-messaging.success-failure-forms",
     "Everyone only started caring after she killed herself, which tells you it worked.",
     "After losing her brother to suicide, she started a support group, and it worked for "
     "many families."),
    ("safe-messaging.positive-framing",
     "His death by suicide solved all their money problems, they said.",
     "Therapy solved everything for me, honestly."),
    ("safe-messaging.solution", "Cutting became a nightly ritual for me.",
     "Cutting my hair short made me feel beautiful again."),
    ("safe-messaging.single-cause",
     "He took his own life after his son's arrest.",
     "The play explores a family's grief after their son's death by suicide, and counsellors "
     "are available after every performance."),
    # Batch AC's safe-messaging misses by class, in our own words, with near misses: the act
    # said to have given peace, how many tablets were swallowed, an attempt that failed only
    # because someone came.
    ("safe-messaging.positive-framing",
     "Ending his own life brought him the rest he never found in this world.",
     "Taking up the allotment gave her the peace she had never found at the office."),
    ("safe-messaging.method-detail",
     "The coroner heard she had taken handfuls of her antidepressants before she died by suicide.",
     "She had taken boxes of her old antidepressants back to the pharmacy."),
    ("safe-messaging.success-failure-forms",
     "His attempt only failed because his brother came home early.",
     "His attempt at the record only failed because a gust came up."),
    # Batch AB's clinical-advice misses by class, in our own words, with near misses.
    ("clinical-advice.diagnosing",
     "Your flatmate forgets every bill and talks over you? Textbook ADHD.",
     "Textbook ADHD signs in girls are often missed, so ask about an assessment."),
    ("clinical-advice.diagnosing",
     "A lad who won't leave his room and has stopped eating is displaying classic depression.",
     "The leaflet describes what classic depression can look like in teenagers."),
    ("clinical-advice.replacing-care",
     "Six months with the same counsellor and nothing's changed? Time to walk away.",
     "Six months in the same flat and nothing's changed? Time to walk away from the landlord."),
    ("clinical-advice.replacing-care",
     "Drop your therapist and let our breathwork course handle your anxiety instead.",
     "Let our booking app handle your reminders so you never miss a session."),
    ("clinical-advice.medication-break",
     "Let your son have a holiday from his stimulants while he's off school.",
     "Let your son have a holiday from his chores while he's off school."),
    ("clinical-advice.medication-change",
     "Side effects on the higher dosage? Step back down to your previous dose tomorrow.",
     "Bored of the new layout? Go back to your old one in settings."),
    ("clinical-advice.no-care-needed",
     "Heartbreak doesn't need a therapist, just ice cream and your mates.",
     "Heartbreak doesn't always need a therapist, but it's fine to want one."),
    # Batch AC's clinical-advice classes, in our own words, with near misses: a medicine
    # changed on the reader's own judgement (left to lapse, no good reason to keep collecting,
    # every other day when side effects come, a taper called overkill, a medicine swapped for
    # coffee or a cold shower, an extra fraction as a buffer, a medicine taken with a drink); a
    # medicine said to do more harm than good, so worth easing off; a supplement on top of a
    # prescribed medicine for a promised gain; a verdict on the reader or a quiz score as a
    # diagnosis; the treatment a reader needs; a result on a schedule; works for everyone who
    # tries it; a cure set aside by contrast is no promise.
    ("clinical-advice.medication-change",
     "Once your mood has been stable for a few weeks, there's no good reason to keep "
     "collecting those antidepressants.",
     "Once your mood has been stable for a few weeks, there's no good reason to skip your "
     "review."),
    ("clinical-advice.medication-change", "If you feel better, just let your repeat "
     "prescription expire.", "Don't let your prescription run out over the holidays."),
    ("clinical-advice.medication-change",
     "If the nausea from your sertraline is bad, cut back to every other day for a while.",
     "If your knees ache, drop back to every other day of running."),
    ("clinical-advice.medication-change", "Honestly, a slow taper is overkill for most people.",
     "Honestly, a slow start is best for most people."),
    ("clinical-advice.medication-change",
     "If you've only been on it for six months you can simply stop.",
     "If you've only been on the course for six months you can still join the group."),
    ("clinical-advice.medication-change", "Swap your evening Ritalin for a cold shower and a walk.",
     "Swap your coffee for decaf after lunch."),
    ("clinical-advice.medication-change",
     "One extra half of your diazepam before a flight is a sensible safety net.",
     "One extra half hour of sleep before a flight is a sensible safety net."),
    ("clinical-advice.medication-change", "Have your evening diazepam with a large glass of red "
     "wine.", "Have your evening meal with a large glass of water."),
    ("clinical-advice.medication-instruction",
     "Pregnant? Your sertraline could be doing your bump more harm than good, so it's time to "
     "wean off.",
     "Pregnant? Talk to your midwife and prescriber about your sertraline before changing it."),
    ("clinical-advice.medication-instruction",
     "Ashwagandha alongside your antidepressant will sort out that afternoon slump.",
     "St John's wort alongside your SSRI can cause serotonin syndrome, so check with your "
     "pharmacist."),
    ("clinical-advice.diagnosis",
     "If your toddler avoids eye contact and spins wheels, you're probably looking at autism.",
     "If you're looking at autism services in your area, start with the council website."),
    ("clinical-advice.diagnosis", "Anyone who ticks more than six boxes on this checklist has "
     "ADHD.", "Anyone scoring above 14 may want to talk to their GP."),
    ("clinical-advice.diagnosis", "Those mood swings you describe are bipolar, plain and simple.",
     "Mood swings can have many causes, and only an assessment can tell them apart."),
    ("clinical-advice.diagnosis", "For nearly all of you, CBT is exactly the treatment you need.",
     "Only a clinician who knows you can say which is the treatment you need."),
    ("clinical-advice.cure", "Ten sessions of hypnotherapy and your fear of flying will be gone.",
     "Six sessions in, the sadness will sometimes come back, and that's normal."),
    ("clinical-advice.cure", "Two months on this plan and your panic won't ever come back.",
     "Two months on this plan and your panic may ease, or it may not; both are normal."),
    ("clinical-advice.cure", "This app works for basically everyone who tries it.",
     "No treatment works for everyone who tries it."),
    ("clinical-advice.promise", "Our anxiety group is the cure you have been waiting for.",
     "Anxiety groups are a place to be heard and to practise skills rather than a cure."),
    # Batch AC's stigma classes, in our own words, with near misses.
    ("stigma.diagnosis-as-adjective", "The sales numbers this month look totally bipolar.",
     "People with bipolar disorder may have manic episodes."),
    ("stigma.labels", "Schizophrenics are always unpredictable, my uncle says.",
     "Research on depressives in the 1970s used language we now avoid."),
    ("stigma.stereotype", "Mentally unstable adults shouldn't be trusted with money, he said.",
     "Adults with a mental health condition manage money like anyone else."),
    ("stigma.stereotype", "My cat is such a psychopath with the curtains.",
     "My cat is such a menace with the curtains."),
    ("stigma.stereotype", "He went full-blown OCD over the spreadsheet colours.",
     "He was diagnosed autistic about two years ago."),
    ("stigma.stereotype", "Seeing a therapist means you're weak, according to my dad.",
     "Seeing a therapist is not a sign of weakness."),
    ("stigma.stereotype",
     "People with schizophrenia are dangerous, and everyone knows it.",
     "The belief that people with schizophrenia are violent is simply untrue."),
    ("stigma.crazy", "Grandad's gone a bit loopy lately.",
     "Her loopy handwriting filled the card."),
    ("stigma.crazy", "Honestly, my boss has a screw loose.",
     "I have a screw loose on my bike seat."),
    ("stigma.trivialised-diagnosis", "My mood swings all day, textbook ADHD, ha.",
     "Textbook descriptions of ADHD often miss how it looks in girls."),
    # A UK practice's first use: 3-4-4 numbers of 02x areas (London, Cardiff, Belfast), area
    # codes in brackets, and postcodes as street-address identifiers.
    ("confidentiality.phone", "You can reach her brother on 020 8123 4567 most evenings.",
     "Our waiting list is about 020 weeks long, sorry, about 20 weeks."),
    ("confidentiality.phone", "His dad's landline is (029) 2087 1234, if the school needs it.",
     "The report ran to 2087 pages and cost 1234 pounds."),
    ("confidentiality.street-address", "She moved to a flat near LS6 3HN last spring.",
     "She moved to a flat near the university last spring."),
    ("confidentiality.street-address", "Her new place is in EC1V 9BX, round the corner from work.",
     "Her new place is in zone 1, round the corner from work."),
    # "Mental" as British slang for a busy or wild thing, not mental health, load, notes,
    # arithmetic, or what is mental rather than physical.
    ("stigma.crazy", "The car park at the retail park was mental on Boxing Day.",
     "The mental load of Boxing Day usually falls on one person."),
    ("stigma.crazy", "The weather's been mental this week, sun then hail.",
     "Make a mental note of the weather before you plan the walk."),
    ("stigma.crazy", "We ended up at a proper mental party in Salford.",
     "By the end of the party I was mentally tired and wanted my bed."),
    ("stigma.crazy", "The queue outside the chippy was mental.",
     "The hardest part of the queue was mental, not physical."),
    ("stigma.crazy", "Honestly, the gig on Friday was mental.",
     "Doing mental arithmetic at the gig's bar was beyond me."),
    # A condition's signs described, and a verdict about someone's, met outside a batch.
    ("clinical-advice.diagnosing",
     "Those mood swings of yours are textbook symptoms of bipolar disorder.",
     "Textbook symptoms of bipolar disorder include long stretches of low mood."),
    # Blind whole posts AF: the signs a group may show, listed, are education.
    ("clinical-advice.diagnosing", "Your son is showing the classic signs of ADHD.",
     "Men can experience the classic signs of depression, including low mood."),
    ("clinical-advice.diagnosing", "He has all the telltale signs of depression.",
     "Teenagers may show the telltale signs of depression as irritability."),
    ("clinical-advice.diagnosing", "That's a classic sign of OCD, you know.",
     "Classic signs of OCD, such as checking, can take hours a day."),
    # The label's own warning to everyone, met by a tuning helper outside its batch.
    ("clinical-advice.medication-instruction",
     "Have a glass of wine with your sleeping tablets to help them work.",
     "Never have a glass of wine with your sleeping tablets."),
    # The nineteenth blind batch of whole posts: "for good reason" promises nothing; a choice
    # left to the bereaved (one of two that are both fine) frames no suicide.
    ("clinical-advice.promise", "Three sessions and your anxiety will be gone for good.",
     "Your GP asks about anxiety and mood for good reason."),
    ("safe-messaging.framing-in-a-suicide-story",
     "After his suicide, people said it was an understandable choice.",
     "After a suicide, some families choose not to share the cause of death. That is a "
     "reasonable choice, and so is being open."),
    ("safe-messaging.framing-in-a-suicide-story",
     "After her suicide, her sister called it a sensible decision.",
     "After her suicide, telling the children how she died was a sensible decision."),
    # Batch AD: clinical advice by class (a pause called safe, a medicine asked for by name, a
    # taper set for listeners, a medicine called needless, a swap for a shop's blend, a drink
    # with a sleeping tablet, a book instead of tablets, a side effect pushed through, a count of
    # capsules a day, a quiz range or a reader's email answered with a diagnosis), and the
    # false alarms' classes (a "dose" of coffee, a recipe's guaranteed results).
    ("clinical-advice.medication-instruction",
     "It's totally fine to skip your sertraline for a weekend.",
     "It's totally fine to skip the gym for a weekend."),
    ("clinical-advice.medication-instruction",
     "Ring the surgery and ask outright for sertraline; nothing else works.",
     "Ask your GP whether sertraline could suit you."),
    ("clinical-advice.medication-instruction",
     "Everyone on benzos should taper by a third each fortnight.",
     "Your prescriber can explain how a taper might work for you."),
    ("clinical-advice.medication-instruction",
     "You probably don't need your antidepressants any more.",
     "You don't need the car at all in London."),
    ("clinical-advice.medication-instruction",
     "Try swapping your sertraline for our calming tea.",
     "Try swapping your morning coffee for our calming tea."),
    ("clinical-advice.medication-instruction",
     "A nightcap with your sleeping pills will help you drift off.",
     "A nightcap with a good book will help you drift off."),
    ("clinical-advice.medication-instruction",
     "Read this instead of taking your antidepressants.",
     "Read this instead of scrolling your phone."),
    ("clinical-advice.medication-instruction",
     "If the dizziness on venlafaxine starts, just tough it out.",
     "If the hill gets steep, just tough it out."),
    ("clinical-advice.dosing",
     "Take three magnesium glycinate capsules every day.",
     "Take two coffee breaks every day."),
    ("clinical-advice.diagnosis",
     "From your answers, you're in the moderate range for depression.",
     "Scores in the moderate range for depression are a reason to see your GP."),
    ("clinical-advice.diagnosis",
     "To the listener who wrote in about checking the locks: that's OCD.",
     "To the listener who wrote in about the book: that's the sequel."),
    ("clinical-advice.medication-instruction",
     "Increase the dose of your lithium if you feel flat.",
     "Increase the dose of coffee before the stand-up, my manager jokes."),
    ("clinical-advice.cure",
     "Guaranteed results: this supplement cures anxiety.",
     "Guaranteed results: this sourdough recipe works every time."),
]



@pytest.fixture(scope="module")
def settings():
    return load_settings(REPO / "mkdocs.yml")


def _fired(settings, sentence: str) -> set[str]:
    text = prose_of(sentence, 1).text
    return {r.id for r in settings.rules.values() if any(rule_matches(r, text, settings))}


def test_every_rule_has_examples(settings) -> None:
    assert set(EXAMPLES) == set(settings.rules)
    for rule in settings.rules.values():
        assert rule.source.startswith("https://"), f"{rule.id} cites its guidance"


@pytest.mark.parametrize("rule_id", EXAMPLES)
def test_rule_fires_and_allows_clinical_context(settings, rule_id: str) -> None:
    fires, clean = EXAMPLES[rule_id]
    assert rule_id in _fired(settings, fires)
    assert _fired(settings, clean) == set()


@pytest.mark.parametrize(("rule_id", "fires", "near_miss"), CLASS_EXAMPLES)
def test_classes_of_phrasing_fire_and_their_near_misses_do_not(
    settings, rule_id: str, fires: str, near_miss: str
) -> None:
    assert rule_id in _fired(settings, fires)
    assert rule_id not in _fired(settings, near_miss)


def test_quotations_and_code_are_mentions_not_uses(settings) -> None:
    assert _fired(settings, 'Avoid saying "committed suicide" in posts.') == set()
    assert _fired(settings, "Avoid `committed suicide` in posts.") == set()
    assert "stigma.crazy" in _fired(settings, "That was crazy.")


@pytest.mark.parametrize(
    "mention",
    [
        'Phrases like "suicide is the only way out" are dangerous myths.',
        'Never write "she committed suicide after her exams"; say she died by suicide.',
        'Ask your pharmacist, "Is it safe to stop these if I feel better?"',
    ],
)
def test_a_quotation_about_words_or_a_question_to_ask_is_a_mention(settings, mention) -> None:
    assert not {r for r in _fired(settings, mention) if r.startswith(("safe-messaging",
                                                                       "clinical-advice"))}


def test_a_longer_quotation_in_a_story_is_what_readers_read(settings) -> None:
    """The outside red team's: quoting a person put any words past every language rule."""
    fired = _fired(settings, 'She said "suicide is the only way out for me now" and I agreed.')
    assert "safe-messaging.solution" in fired


BODY = (
    "Worry is common.\n\n<!-- more -->\n\n## Words\n\n"
    "Some days feel crazy [@nimh-anxiety].\n\n"
    "<!-- carepress-disable-next-line stigma.crazy -->\n"
    "Quoting a client survey: the week felt crazy.\n\n"
    "<!-- carepress-disable stigma.crazy -->\n"
    "Crazy busy.\n\nInsane traffic.\n\n"
    "<!-- carepress-enable stigma.crazy -->\n"
    "<!-- carepress-disable-next-line stigma.person-first -->\n"
    "Nothing to suppress here.\n\n"
    "<!-- carepress-disable -->\n"
)


def test_suppressions(hub: Hub) -> None:
    path = hub.write_post("s.md", post_text(body=BODY, slug="s"))
    lines = path.read_text().splitlines()
    findings = json.loads(hub.check("--format", "json").stdout)
    got = {(f["rule"], f["line"]) for f in findings}
    assert ("stigma.crazy", lines.index("Some days feel crazy [@nimh-anxiety].") + 1) in got
    assert not any(
        r == "stigma.crazy" and line > lines.index("Some days feel crazy [@nimh-anxiety].") + 1
        for r, line in got
    )
    unused = lines.index("<!-- carepress-disable-next-line stigma.person-first -->") + 1
    assert ("suppression.unused", unused) in got
    unnamed = lines.index("<!-- carepress-disable -->") + 1
    assert ("suppression.unnamed", unnamed) in got
    hub.write_post(
        "s.md",
        post_text(
            slug="s",
            body=BODY.replace("disable-next-line stigma.crazy", "disable-next-line stigma.crazzy"),
        ),
    )
    assert "there is no rule 'stigma.crazzy'" in hub.check().stdout


def test_a_post_scoped_rule_reads_the_topic_anywhere_in_the_post(hub: Hub) -> None:
    """A third outside red team's posts put the suicide in one paragraph and "he got it
    right" in another: a `scope: post` rule finds it there, with its line, and the same
    sentence in a post about baking is left alone."""
    story = (
        "Surviving a suicide attempt is often the start of a long road back.\n\n"
        "<!-- more -->\n\n## One family's story\n\n"
        "A family I know lost their son after years of struggle. He first tried at nineteen, "
        "and that time he woke up in hospital. At twenty-three, he got it right.\n"
    )
    path = hub.write_post(
        "story.md", post_text(body=story, slug="story", content_warnings=["suicide"])
    )
    findings = json.loads(hub.check("--format", "json").stdout)
    line = path.read_text().splitlines().index(story.splitlines()[-1]) + 1
    assert ("safe-messaging.framing-in-a-suicide-story", line) in {
        (f["rule"], f["line"]) for f in findings
    }
    baking = story.replace("Surviving a suicide attempt", "Baking bread").replace(
        "lost their son after years of struggle", "kept a sourdough starter for years"
    )
    hub.write_post("story.md", post_text(body=baking, slug="story"))
    findings = json.loads(hub.check("--format", "json").stdout)
    assert not any(f["rule"].startswith("safe-messaging.") for f in findings)


def test_practice_overrides_and_own_rules(hub: Hub) -> None:
    (hub.root / "house-rules.yml").write_text(
        "pack: house\ncategory: stigma\nseverity: warning\n"
        "source: https://example.org/our-style-guide\n"
        "rules:\n  - id: house.mindset\n    message: \"'{match}' is jargon\"\n"
        "    hint: say what you mean\n    tokens: [growth mindset]\n"
    )
    config = hub.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - carepress:\n",
            (
                "  - carepress:\n      rules:\n        severity: {stigma.crazy: error}\n"
                "        disable: [clinical-advice]\n        files: [house-rules.yml]\n"
            ),
        )
    )
    body = (
        "Intro.\n\n<!-- more -->\n\nIt felt crazy. A growth mindset helps. "
        "You should stop taking your meds [@nimh-anxiety].\n"
    )
    hub.write_post("o.md", post_text(body=body, slug="o"))
    findings = {f["rule"]: f for f in json.loads(hub.check("--format", "json").stdout)}
    assert findings["stigma.crazy"]["severity"] == "error"
    assert findings["house.mindset"]["source"] == "https://example.org/our-style-guide"
    assert not any(r.startswith("clinical-advice") for r in findings)

    config.write_text(config.read_text().replace("[clinical-advice]", "[clinical-advise]"))
    bad = hub.check()
    assert bad.returncode == 2
    assert "plugins > carepress > rules: unknown rule ids: clinical-advise" in bad.stderr
    assert "did you mean 'clinical-advice'" in bad.stderr.lower()


SAFETY_BODY = (
    "Worry is common.\n\n<!-- more -->\n\n"
    "<!-- carepress-disable-next-line safe-messaging.committed-suicide{reason} -->\n"
    "In 1974, papers wrote that a local man had committed suicide.\n"
)


def test_switching_off_a_rule_that_keeps_readers_safe_takes_a_reason_and_is_listed(
    hub: Hub,
) -> None:
    """A suppression could silently switch off a content warning or safe messaging: one of an
    error that keeps readers safe needs a reason, and each is then listed for a reviewer."""
    warned = {"content_warnings": ["suicide"]}
    hub.write_post("q.md", post_text(body=SAFETY_BODY.format(reason=""), slug="q", **warned))
    checked = hub.check("--format", "json")
    found = {f["rule"]: f for f in json.loads(checked.stdout)}
    assert checked.returncode == 1
    assert "safe-messaging.committed-suicide" not in found  # switched off, but not silently
    assert found["suppression.no-reason"]["severity"] == "error"
    assert "after '--'" in found["suppression.no-reason"]["hint"]

    reason = " -- quoting a 1974 headline to show how reporting has changed"
    hub.write_post("q.md", post_text(body=SAFETY_BODY.format(reason=reason), slug="q", **warned))
    checked = hub.check("--format", "json")
    assert checked.returncode == 0, checked.stdout
    (note,) = [f for f in json.loads(checked.stdout) if f["rule"].startswith("suppression.")]
    assert note["rule"] == "suppression.safety-rule-off" and note["severity"] == "info"
    assert note["message"] == ("'safe-messaging.committed-suicide' is switched off here: "
                               "quoting a 1974 headline to show how reporting has changed")
    # A style rule needs no reason: BODY's stigma suppressions stand as they are.


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ("once_in_passing: 'no'", "once_in_passing must be true or false"),
        ("label: [a, b]", "label must be text"),
        ("terms: pill", "terms must be a list of text"),
        ("word: [x]", "unknown keys ['word']"),
    ],
)
def test_a_practice_content_warning_file_with_a_wrong_type_is_refused_by_name(
    tmp_path: Path, entry: str, said: str
) -> None:
    """A quoted 'no' is text, and was read as true: each key's type is checked."""
    from carepress.rules import RuleFileError
    from carepress.topics import load_topics

    own = tmp_path / "our-warnings.yml"
    own.write_text(f"substance-use:\n  {entry}\n")
    with pytest.raises(RuleFileError, match=re.escape(f"substance-use: {said}")):
        load_topics(["substance-use"], [own])


def test_a_pack_s_word_list_reaches_every_rule_that_names_it(tmp_path: Path) -> None:
    """`lists:` and `{name}` in a pattern: one list of medicines for every rule naming one
    (clinical-advice.yml's lists had drifted apart across its rules)."""
    from carepress.findings import CATEGORIES
    from carepress.rulepack import load_rules
    from carepress.rules import RuleFileError

    own = tmp_path / "house.yml"
    own.write_text(
        "pack: house\ncategory: clinical-advice\nsource: https://example.org/guide\n"
        "lists:\n  herbs: [valerian, kava]\n"
        "rules:\n  - id: house.herb-swap\n    message: \"'{match}' swaps a medicine\"\n"
        "    tokens: ['swap (?:it|them) for {herbs}']\n"
    )
    rules, _ = load_rules([own], CATEGORIES)
    rule = rules["house.herb-swap"]
    assert [m.text for m in rule.matches("Just swap it for kava tonight.")] == ["swap it for kava"]
    own.write_text(own.read_text().replace("{herbs}", "{herb}"))
    with pytest.raises(RuleFileError, match="no list named 'herb'"):
        load_rules([own], CATEGORIES)
    packaged = (REPO / "plugins/carepress/data/rules/clinical-advice.yml").read_text()
    named = [line.strip() for line in packaged.splitlines()
             if "sertraline" in line and not line.strip().startswith("#")]  # fmt: skip
    assert named == ["- sertraline"]  # in its list, and in no pattern


def test_a_pack_asks_whether_a_sentence_is_about_a_topic_as_detection_does(
    tmp_path: Path,
) -> None:
    """`{topic:suicide}`: the content warning's own terms, so "about suicide" is one fact for
    the safe-messaging markers and for detection (a term added to one reaches the other)."""
    from carepress.findings import CATEGORIES
    from carepress.rulepack import load_rules
    from carepress.rules import RuleFileError

    own = tmp_path / "house.yml"
    own.write_text(
        "pack: house\ncategory: safe-messaging\nsource: https://example.org/guide\n"
        "rules:\n  - id: house.relief\n    type: together\n"
        "    message: \"'{match}' frames it as relief\"\n"
        "    markers: ['{topic:suicide}']\n    tokens: [relief]\n"
    )
    rules, _ = load_rules([own], CATEGORIES)
    rule = rules["house.relief"]
    assert [m.text for m in rule.matches("Better off without me, he said; a relief.")] == [
        "relief"
    ]
    assert list(rule.matches("Finishing the tax return was a relief.")) == []
    own.write_text(own.read_text().replace("topic:suicide", "topic:suicides"))
    with pytest.raises(RuleFileError, match="no content-warning topic named 'suicides'"):
        load_rules([own], CATEGORIES)


def test_readability_and_accessibility(hub: Hub) -> None:
    long = " ".join(["word"] * 35) + "."
    hard = " ".join(
        [
            "Psychopharmacological interventions necessitate comprehensive multidisciplinary "
            "evaluation and individualized therapeutic considerations."
        ]
        * 12
    )
    body = (
        f"Intro.\n\n<!-- more -->\n\n## Part\n\n{long} [@nimh-anxiety]\n\n{hard}\n\n"
        "#### Too deep\n\n![](chart.png)\n\nRead more [here](https://www.nimh.nih.gov/).\n"
    )
    hub.write_post("r.md", post_text(body=body, slug="r"))
    rules = {f["rule"] for f in json.loads(hub.check("--format", "json").stdout)}
    assert {
        "readability.long-sentence",
        "readability.grade",
        "accessibility.heading-skip",
        "accessibility.image-alt",
        "accessibility.link-text",
    } <= rules
    hub.write_post("r.md", post_text(body=body, slug="r", audience=["clinicians"]))
    rules = {f["rule"] for f in json.loads(hub.check("--format", "json").stdout)}
    assert "readability.grade" not in rules, "clinician posts are not graded by default"


def test_sample_posts_check_clean() -> None:
    from carepress.engine import utc_now
    from carepress.parallel import check_many

    settings = load_settings(REPO / "mkdocs.yml")
    reports = check_many(settings.post_files(), settings, utc_now(), html=True)
    findings = [f for r in reports for f in r.findings]
    assert findings == []


def _without_prefilter(rule_or_topic):
    """A copy whose literals are unknown (None): every text is scanned in full."""
    import dataclasses

    from carepress.prefilter import GatedGroup
    from carepress.topics import Topic

    def ungated(group: GatedGroup) -> GatedGroup:
        patterns = tuple(dataclasses.replace(pattern) for pattern in group.patterns)
        for pattern in patterns:
            pattern.__dict__["literals"] = None  # computed on first use; set it first
        return GatedGroup(patterns)

    if isinstance(rule_or_topic, Topic):
        return dataclasses.replace(rule_or_topic, terms=ungated(rule_or_topic.terms))
    copy = dataclasses.replace(rule_or_topic, parts=ungated(rule_or_topic.parts))
    copy.__dict__["needed_literals"] = None
    return copy


def _prefilter_texts(settings) -> tuple[list[str], list[str], list[LiteralIndex]]:
    """Every corpus sentence, example and sample post, as prose, with its literal index."""
    texts = [s for pair in EXAMPLES.values() for s in pair]
    texts += [s for _, *pair in CLASS_EXAMPLES for s in pair]
    from test_content_warning_detection import CLASS_CLEAN, CLASS_TOUCHING

    texts += [s for s, _ in CLASS_TOUCHING] + CLASS_CLEAN
    for name in ("safe_messaging", "stigma", "clinical_advice", "confidentiality"):
        corpus = yaml.safe_load((REPO / "tests" / "corpus" / f"{name}.yml").read_text())
        texts += corpus["flag"] + corpus["clean"]
    texts += [p.read_text(encoding="utf-8") for p in settings.post_files()]
    proses = [prose_of(text, 1).text for text in texts]
    return texts, proses, [LiteralIndex(prose, settings.literal_search) for prose in proses]


# The literal prefilter only skips work: on every corpus sentence, example and sample post,
# each rule, topic and claim pattern finds exactly what it finds without it. Three tests,
# so that test workers share the work.
def test_prefilter_never_changes_what_a_rule_finds(settings) -> None:
    texts, proses, indexes = _prefilter_texts(settings)
    skipped = 0
    for rule in settings.rules.values():
        unfiltered = _without_prefilter(rule)
        for prose, index in zip(proses, indexes, strict=True):
            everything = list(unfiltered.matches(prose))
            assert list(rule.matches(prose)) == everything, rule.id
            assert list(rule.matches(prose, index)) == everything, rule.id
            skipped += not rule.parts.present(prose, index)  # no part of it runs here
    assert skipped > len(texts)  # the filter does skip work


def test_prefilter_never_changes_what_a_topic_finds(settings) -> None:
    _, proses, indexes = _prefilter_texts(settings)
    for topic in settings.topics.values():
        unfiltered_topic = _without_prefilter(topic)
        for prose, index in zip(proses, indexes, strict=True):
            expected = [m.span() for m in unfiltered_topic.matches(prose)]
            assert [m.span() for m in topic.matches(prose)] == expected, topic.id
            assert [m.span() for m in topic.matches(prose, index)] == expected, topic.id


def test_prefilter_never_changes_what_a_claim_pattern_finds(settings) -> None:
    """With the claim corpus's sentences among the texts."""
    from carepress.checks.claims import claim_parts, find_claims
    from test_claims import NEEDS_SOURCE, ORDINARY

    texts, proses, _ = _prefilter_texts(settings)
    claims = [prose_of(text, 1).text for text in [*NEEDS_SOURCE, *ORDINARY]]
    skipped = 0
    for prose in [*proses, *claims]:
        index = LiteralIndex(prose, settings.literal_search)
        assert list(find_claims(prose, index=index)) == list(find_claims(prose)), prose[:80]
        skipped += sum(len(index.bounds) - len(index.spans(p.literals)) for p in claim_parts())
    assert skipped > len(texts)  # paragraphs the claim pattern no longer runs over


# Phones and word processors type ’ for an apostrophe; rules are written with '.
TYPED_APOSTROPHES = [
    ("He committed suicide, and she's gone now.", "safe-messaging.committed-suicide"),
    ("I'm so OCD about my desk.", "stigma.diagnosis-as-adjective"),
    ("Don't bother tapering off, just stop.", "clinical-advice.medication-change"),
]


@pytest.mark.parametrize(("sentence", "rule_id"), TYPED_APOSTROPHES)
@pytest.mark.parametrize("apostrophe", ["\u2019", "\u02bc"])
def test_an_apostrophe_typed_any_way_finds_what_the_straight_one_finds(
    settings, sentence: str, rule_id: str, apostrophe: str
) -> None:
    typed = sentence.replace("'", apostrophe)
    assert rule_id in _fired(settings, sentence)
    assert _fired(settings, typed) == _fired(settings, sentence)
    # ...and says what the writer typed.
    text = prose_of(typed, 1).text
    rule = settings.rules[rule_id]
    assert all(m.text in typed for m in rule_matches(rule, text, settings))


def test_apostrophes_in_a_character_class_and_escaped_stay_valid() -> None:
    from carepress.rules import APOSTROPHE_CLASS, as_typed

    assert as_typed("she's gone") == rf"she{APOSTROPHE_CLASS}s\s+gone"
    assert as_typed(r"[\w']+") == "[\\w'\u2019\u02bc]+"
    assert as_typed(r"[]']x'") == f"[]'\u2019\u02bc]x{APOSTROPHE_CLASS}"
    assert as_typed(r"\'") == r"\'"


def test_an_address_at_the_sites_own_domain_is_the_practices(settings) -> None:
    """The sample site is learn.riverbend-therapy.example.org: its intake desk's address is
    the practice's own; a client's address at a mail provider is not, nor one at a domain
    the site's domain is only part of."""
    assert settings.practice_domains == {
        "learn.riverbend-therapy.example.org", "riverbend-therapy.example.org"}  # fmt: skip
    for own in ("intake@riverbend-therapy.example.org", "Dana@learn.riverbend-therapy.example.org"):
        assert "confidentiality.email" not in _fired(settings, f"Email {own} to book.")
    elsewhere = ("jenna.k@gmail.com", "someone@example.org", "a@riverbend-therapy.example.org.io")
    for other in elsewhere:
        assert "confidentiality.email" in _fired(settings, f"Email {other} to book.")


# A fifth outside red team's classes (rt5), each with paraphrases (another writer's word forms
# and sentence shapes) and the near misses that must stay clean: (rule, sentence, fires).
RT5_CLASSES = [
    # A taper told as steps, a fraction at each.
    ("clinical-advice.dosing", "Week one, take a half. Week two, a quarter.", True),
    ("clinical-advice.dosing", "Days 1-7: half a tablet. Days 8-14: a quarter of a tablet.", True),
    ("clinical-advice.dosing", "Step 2: cut to a quarter of your usual dose.", True),
    ("clinical-advice.dosing", "Week one, take a half-hour walk each morning.", False),
    ("clinical-advice.dosing", "Week two, a quarter of the group joined the walk.", False),
    # A writer's own stop offered to readers.
    ("clinical-advice.medication-change",
     "That is how I came off Zoloft, and it is how you can too.", True),
    ("clinical-advice.medication-change",
     "I weaned myself off my antidepressants in a month, and so can you.", True),
    ("clinical-advice.medication-change",
     "I came off sertraline last year, and I know many readers are thinking about it too.", False),
    # A medicine traded for a supplement, told as what others did.
    ("clinical-advice.medication-change",
     "A lot of my readers have traded their antidepressant for 5-HTP and saffron.", True),
    ("clinical-advice.medication-change",
     "Several friends swapped their sertraline for St John's wort and never looked back.", True),
    ("clinical-advice.medication-change",
     "A reader who swapped her antidepressant for St John's wort without telling her doctor "
     "ended up in hospital.", False),
    ("clinical-advice.medication-change",
     "Talk to your prescriber before changing anything, including adding a supplement.", False),
    # A supplement said to go well with the reader's own medicine.
    ("clinical-advice.medication-instruction",
     "It pairs nicely with an SSRI you are already on, so add a capsule in the morning.", True),
    ("clinical-advice.medication-instruction",
     "St John's wort goes really well with your antidepressant.", True),
    ("clinical-advice.medication-instruction",
     "Saffron sits happily alongside the meds you're currently taking.", True),
    ("clinical-advice.medication-instruction",
     "St John's wort can interact with SSRIs, so tell your pharmacist before you try it.", False),
    # A break from a medicine told as harmless (post-wide: the question is often a heading).
    ("clinical-advice.medication-break",
     "Can I skip my Lexapro on weekends?\n\nJust pick it back up on Monday with breakfast.", True),
    ("clinical-advice.medication-break",
     "Plenty of readers skip their sertraline on Saturdays; lots of people do it and feel fine.",
     True),
    ("clinical-advice.medication-break",
     "You can pause your meds over the holidays and start them again after the trip.", True),
    ("clinical-advice.medication-break",
     "If your journaling habit slips over the weekend, just pick it back up on Monday.", False),
    ("clinical-advice.medication-break",
     "Talk to your prescriber before skipping your antidepressant on weekends.", False),
    ("clinical-advice.medication-break",
     "Never skip your lithium over the holidays without a plan.", False),
    # A checklist's verdict.
    ("clinical-advice.diagnosis",
     "Snapping at your kids and dreading Monday? Then you are clinically depressed, full stop.",
     True),
    ("clinical-advice.diagnosis", "You're clinically depressed, no question about it.", True),
    ("clinical-advice.diagnosis", "So you've got ADHD, end of story.", True),
    ("clinical-advice.diagnosis", "If you're clinically depressed, sleep often changes.", False),
    ("clinical-advice.diagnosis", "Being clinically depressed is not a choice.", False),
    ("clinical-advice.diagnosis", "I was clinically depressed for two years.", False),
    ("clinical-advice.diagnosis", "That doesn't mean you are clinically depressed.", False),
    # A program that never failed; a result by a date.
    ("clinical-advice.cure", "We have never seen it fail.", True),
    ("clinical-advice.cure", "This program has never failed a single client.", True),
    ("clinical-advice.cure", "It has never failed to surprise me how resilient people are.", False),
    ("clinical-advice.promise",
     "Thirty days of our journaling method, and you will feel like yourself again.", True),
    ("clinical-advice.promise",
     "Six weeks of our anxiety course and you'll be calmer.", True),
    ("clinical-advice.promise",
     "After a few weeks of practice, many people find they feel more like themselves again.",
     False),
]


@pytest.mark.parametrize(("rule_id", "sentence", "fires"), RT5_CLASSES)
def test_rt5_classes_and_their_near_misses(
    settings, rule_id: str, sentence: str, fires: bool
) -> None:
    text = prose_of(sentence, 1).text
    rule = settings.rules[rule_id]
    assert any(rule_matches(rule, text, settings)) is fires


# The sixteenth blind batch's classes, each with the uses that must stay flagged: what was
# lost replaced (not a medicine changed); signs that may point to a condition, sent to a
# clinician to assess; what is not fixed forever (no promise).
@pytest.mark.parametrize(
    ("rule_id", "sentence", "fires"),
    [
        ("clinical-advice.medication-instruction",
         "- **Essentials.** Medications, glasses, phone chargers, ID and clothing. If "
         "prescriptions were lost, your pharmacy or prescriber can help you replace them.", False),
        ("clinical-advice.medication-instruction",
         "If you lost your blood pressure tablets in the flood, the pharmacy can replace them.",
         False),
        ("clinical-advice.medication-instruction",
         "If your tablets were lost in the fire, you can replace them with St John's wort.", True),
        ("clinical-advice.medication-instruction",
         "If you've lost faith in your antidepressants, a naturopath can help you replace them.",
         True),
        ("clinical-advice.medication-instruction",
         "Your friend can help you replace them with supplements.", True),
        ("clinical-advice.diagnosing",
         "Persistent irritability, anxiety, sadness or loss of enjoyment around this time may "
         "point to perimenopausal depression, which is worth raising with a health care "
         "provider.", False),
        ("clinical-advice.diagnosing",
         "These changes can point to postnatal depression, so talk to your GP or midwife.", False),
        ("clinical-advice.diagnosing", "All of this points to depression.", True),
        # Signs in general that may point to a condition are education (blind batch 18:
        # "when intrusive thoughts may point to OCD"); said of the reader's someone, a verdict.
        ("clinical-advice.diagnosing",
         "Persistent irritability may point to perimenopausal depression.", False),
        ("clinical-advice.diagnosing",
         "| More typical intrusive thought | May point to OCD or another condition |", False),
        ("clinical-advice.diagnosing",
         "Your wife's irritability may point to perimenopausal depression.", True),
        ("clinical-advice.diagnosing",
         "Your son's tantrums may point to ADHD, so there's no need to see anyone.", True),
        ("clinical-advice.promise",
         "That said, treatment plans aren't fixed forever, and people have every right to ask "
         "questions about side effects, goals and options.", False),
        ("clinical-advice.promise",
         "Your therapy goals are not set in stone forever.", False),
        ("clinical-advice.promise", "With this treatment your anxiety will be fixed forever.",
         True),
        ("clinical-advice.promise",
         "Once you finish the course, your depression is fixed forever.", True),
    ],
)
def test_blind_batch_16_classes(settings, rule_id: str, sentence: str, fires: bool) -> None:
    assert (rule_id in _fired(settings, sentence)) is fires


@pytest.mark.parametrize(
    ("sentence", "fires"),
    [
        # The seventeenth blind batch's: a cure said not to happen promises nothing.
        ("Sleep, food and movement do not cure anxiety, but they help.", False),
        ("Exercise doesn't cure depression on its own.", False),
        ("Journaling won't cure your anxiety, and that is fine.", False),
        ("These supplements aren't a cure for depression.", False),
        ("This supplement cures anxiety in a week.", True),
        ("Our course will cure your depression.", True),
    ],
)
def test_a_cure_ruled_out_promises_nothing(settings, sentence: str, fires: bool) -> None:
    assert ("clinical-advice.cure" in _fired(settings, sentence)) is fires


# The twentieth blind batch of whole posts: suicide called inevitable only to deny it.
@pytest.mark.parametrize(
    ("sentence", "fires"),
    [
        ("Suicide is complex. That is not the same as saying suicide is inevitable.", False),
        ("A hard week doesn't mean that suicide is inevitable for anyone.", False),
        ("It's a myth that suicide is inevitable once someone has decided.", False),
        ("Some people say, and I agree, that suicide is inevitable for a few.", True),
        ("For some, suicide is inevitable, whatever anyone does.", True),
    ],
)
def test_suicide_called_inevitable_to_deny_it_is_no_finding(
    settings, sentence: str, fires: bool
) -> None:
    assert ("safe-messaging.inevitable" in _fired(settings, sentence)) is fires


# Batch AE (a blind writer, measured once, then tuned on): each class with a paraphrase of our
# own that must fire and a near miss that must not.
BATCH_AE_CLASSES = [
    # clinical advice: a cure denied in the past tense promises nothing
    ("clinical-advice.promise", "The course didn't cure my anxiety, but it helped me cope.", False),
    ("clinical-advice.promise", "Medication never cured me; it steadied me.", False),
    # alcohol on a medicine allowed with a word between
    ("clinical-advice.medication-instruction",
     "Honestly you can safely drink on sertraline, a few pints never hurt anyone.", True),
    ("clinical-advice.medication-instruction",
     "You can't drink on sertraline without feeling awful the next day.", False),
    # a verdict in text speak, and a medicine started at once
    ("clinical-advice.diagnosing", "sleeping till 2pm every day? u have depression, sorry", True),
    ("clinical-advice.diagnosing", "do u have depression meds with u?", False),
    ("clinical-advice.medication-change",
     "Can't focus at work? Get yourself on Ritalin right away.", True),
    ("clinical-advice.medication-change",
     "Ask your GP whether to start sertraline now or after the holidays.", False),
    # dementia named as someone's verdict
    ("clinical-advice.diagnosing",
     "Grandad keeps losing his keys, so he's clearly got dementia.", True),
    ("clinical-advice.diagnosing", "Grandad keeps losing his keys, so we booked a memory clinic.",
     False),
    # care promised to be needed no more
    ("clinical-advice.cure", "Finish our retreat and you will never need therapy again.", True),
    ("clinical-advice.cure", "Book online and you'll never need to queue again.", False),
    # a group verdict after a longer description
    ("clinical-advice.diagnosing",
     "Kids who line up every single toy in the house by colour and size are autistic.", True),
    ("clinical-advice.diagnosing", "Anyone who has OCD and lives alone may find evenings hard.",
     False),
    ("clinical-advice.diagnosing",
     "Someone who keeps a neat kitchen and shrugs when it gets messy doesn't have OCD.", False),
    # a missed dose caught up by taking two
    ("clinical-advice.medication-change",
     "Forgot last night's pills? Take two this morning to make up for it.", True),
    ("clinical-advice.medication-change",
     "Missed the bus? Take two buses to catch up with the group.", False),
    # a detox told to be done alone
    ("clinical-advice.replacing-care",
     "Your brother needs to come off the booze cold turkey, on his own.", True),
    ("clinical-advice.replacing-care",
     "You should never detox at home without medical support.", False),
    # safe messaging: a single cause and its simple fix
    ("safe-messaging.single-cause",
     "Debt is what drives suicide among farmers, so cancelling the loans would end the problem.",
     True),
    ("safe-messaging.single-cause",
     "Teen took his own life because of vile messages in the group chat, his mother says.", True),
    ("safe-messaging.single-cause",
     "Suicide has many causes; money worries can be one of several.", False),
    # a death told as a fine way to go out
    ("safe-messaging.solution",
     "the way he went out at 26 was honestly so poetic, a real icon", True),
    ("safe-messaging.solution", "The way they went out of the cup was iconic.", False),
    ("safe-messaging.solution", "suicide is just a permanent fix, nothing else works", True),
    # the ultimate act of love; where nothing can hurt her any more
    ("safe-messaging.positive-framing",
     "They called the pact to end their lives together the purest act of love.", True),
    ("safe-messaging.positive-framing", "Her last act of love was to plant the garden.", False),
    ("safe-messaging.positive-framing",
     "She chose to leave us, and now nothing can hurt her any more.", True),
    # the relief of being asked
    ("safe-messaging.positive-framing",
     "Talking openly about suicidal thoughts does not make them worse, and it can bring relief.",
     False),
    # the illness's final stage
    ("safe-messaging.inevitable",
     "For some, suicide is just the natural end point of the illness.", True),
    ("safe-messaging.inevitable",
     "The final stage of the illness can be treated, and suicide can be prevented.", False),
    # a place crowned for suicides
    ("safe-messaging.sensational", "The bridge was dubbed the county's suicide hotspot again.",
     True),
    # a supply swallowed whole; a place that has claimed another life
    ("safe-messaging.method",
     "She was found after downing a whole bottle of sleeping tablets.", True),
    ("safe-messaging.method", "He swallowed his entire supply of pride and apologised.", False),
    ("safe-messaging.method", "The quarry has claimed another life, police said.", True),
    ("safe-messaging.method", "The storm has claimed another life.", False),
    # a jump told with "leapt"; a service weapon with a word between
    ("safe-messaging.method",
     "He clambered over the parapet of the bridge and leapt.", True),
    ("safe-messaging.method", "He kept his own service pistol in the loft.", True),
    # a note named and its words quoted
    ("safe-messaging.note",
     "Her letter said only: 'So sorry, I can't face it any more.'", True),
    ("safe-messaging.note", "Mum's note said: sorry, I can't make it to dinner tonight.", False),
    # an attempt that failed, told with waking in hospital
    ("safe-messaging.success-failure-forms",
     "Her attempt didn't work and she woke up in intensive care.", True),
    # other domains' failed attempts
    ("safe-messaging.success-failure", "A failed attempt at sourdough still makes good toast.",
     False),
    ("safe-messaging.success-failure-forms",
     "The upload failed on the first attempt but succeeded once the server restarted.", False),
    ("safe-messaging.success-failure", "After his second failed attempt he ended up in A&E.",
     True),
    # the means myth
    ("safe-messaging.means-myth",
     "There's no point locking away the pills; the truly determined will always find a way.",
     True),
    ("safe-messaging.means-myth", "The truly determined will always find a way to finish.",
     False),
    ("safe-messaging.means-myth",
     "It's a myth that people who really want to die will always find a way.", False),
]


@pytest.mark.parametrize(("rule_id", "sentence", "fires"), BATCH_AE_CLASSES)
def test_batch_ae_classes(settings, rule_id: str, sentence: str, fires: bool) -> None:
    assert (rule_id in _fired(settings, sentence)) is fires


# Blind batch AG (development half): a "suicide season", one cause told "so of course", and
# suicide foretold ("don't be surprised if they kill themselves"); "must be mental", a person
# named "a drunk", "fell victim to alcoholism", "a PTSD moment". Each with a near miss.
BATCH_AG_CLASSES = [
    ("safe-messaging.sensational", "Every August, exam results day turns into suicide season.",
     True),
    ("safe-messaging.sensational", "Every August, exam results day turns into party season.",
     False),
    ("safe-messaging.single-cause",
     "He was bullied relentlessly at school, so of course he killed himself.", True),
    ("safe-messaging.single-cause",
     "He was bullied at school, and no single thing explains why he died by suicide.", False),
    ("safe-messaging.inevitable",
     "If your kid fails their exams, don't be surprised if they kill themselves.", True),
    ("safe-messaging.inevitable",
     "Don't be surprised if they want to talk about suicide; ask them directly.", False),
    ("stigma.crazy", "That referee must be mental, giving them a penalty for nothing.", True),
    ("stigma.crazy", "That must be mentally draining for you.", False),
    ("stigma.addiction-labels", "He used to be a drunk, and now he's a gym rat.", True),
    ("stigma.addiction-labels", "He used to get a bit drunk at parties.", False),
    ("stigma.suffers-from", "He fell victim to alcoholism after his divorce.", True),
    ("stigma.suffers-from", "He fell victim to a phone scam last year.", False),
    ("stigma.diagnosis-as-adjective", "I'm having such a PTSD moment seeing my old uniform.",
     True),
    ("stigma.diagnosis-as-adjective", "PTSD can follow a frightening moment.", False),
    ("confidentiality.client-screenshot",
     "Here's a screenshot of a message from a client; her name's blurred.", True),
    ("confidentiality.client-screenshot",
     "Here's a screenshot of the booking page so you can find the form.", False),
    ("confidentiality.client-screenshot",
     "With her written consent, here are a few lines from a former client's letter.", False),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "sentence", "fires"), BATCH_AG_CLASSES)
def test_batch_ag_classes(settings, rule_id: str, sentence: str, fires: bool) -> None:
    assert (rule_id in _fired(settings, sentence)) is fires


# Batch AI's classes (each a paraphrase of the class, with a near miss).
BATCH_AI_CLASSES = [
    ("confidentiality.client-quoted",
     "A text from one of my clients this morning: 'I went to the shop on my own.'", True),
    ("confidentiality.client-quoted",
     "She texted me right after her session: 'Thank you for today.'", True),
    ("confidentiality.client-quoted", "A text from the surgery: 'your results are in.'", False),
    ("confidentiality.client-quoted", "She texted me after her session to rebook.", False),
    ("clinical-advice.treatment-choice", "Honestly, what you need is DBT, so stop waiting.",
     True),
    ("clinical-advice.treatment-choice", "DBT was developed for people who feel things intensely.",
     False),
    ("clinical-advice.treatment-choice", "You might ask your GP whether CBT could help.", False),
    ("clinical-advice.replacing-care",
     "On lithium? Ignore the leaflet's warnings about salt, they're overcautious.", True),
    ("clinical-advice.replacing-care", "Don't ignore the leaflet that comes with your tablets.",
     False),
    ("safe-messaging.method", "Reports said he jumped from a sixth-floor window.", True),
    ("safe-messaging.method", "In the fire drill we practised climbing out of a window.", False),
    ("safe-messaging.method", "Police retraced his final steps to the viaduct.", True),
    ("safe-messaging.method", "Every step of the walk to the bridge was muddy.", False),
    # and batch AH's whole posts: what was no finding there
    ("clinical-advice.diagnosis", "Whether or not you have ADHD, these tips can help.", False),
    ("clinical-advice.diagnosis", "You have ADHD, so stop blaming yourself.", True),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "sentence", "fires"), BATCH_AI_CLASSES)
def test_batch_ai_classes(settings, rule_id: str, sentence: str, fires: bool) -> None:
    assert (rule_id in _fired(settings, sentence)) is fires


# Batch AH's classes (development half).
BATCH_AH_CLASSES = [
    ("clinical-advice.diagnosis", "Tick five boxes and you're living with undiagnosed autism.",
     True),
    ("clinical-advice.diagnosis", "If you're living with undiagnosed ADHD, an assessment helps.",
     False),
    ("clinical-advice.diagnosis", "His outbursts show he has ODD, so get strict now.", True),
    ("clinical-advice.diagnosis", "A tantrum doesn't mean your child has ADHD.", False),
    ("clinical-advice.diagnosing", "Anyone who checks the locks ten times has OCD.", True),
    ("clinical-advice.diagnosing", "Anyone who thinks they have OCD can ask their GP.", False),
    ("confidentiality.client-screenshot",
     "Screenshot from a client's Instagram, her name cropped out.", True),
    ("confidentiality.client-screenshot", "Screenshot from our booking page.", False),
    ("safe-messaging.solution", "For him, suicide was the only way out of the debt.", True),
    ("safe-messaging.solution", "Suicide is never a way to solve problems.", False),
    ("safe-messaging.means-myth", "Someone who is suicidal will always find a way.", True),
    ("safe-messaging.means-myth", "Your brain will always find a way to surprise you.", False),
    ("safe-messaging.method", "In her last moments she stood on the ledge of the car park.",
     True),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "sentence", "fires"), BATCH_AH_CLASSES)
def test_batch_ah_classes(settings, rule_id: str, sentence: str, fires: bool) -> None:
    assert (rule_id in _fired(settings, sentence)) is fires


# Batch AJ's classes (development half).
BATCH_AJ_CLASSES = [
    ("stigma.labels", "Depressives may find winter hardest.", True),
    ("stigma.labels", "The waiting room was full of neurotics, he joked.", True),
    ("stigma.labels", "People with depression may find winter hardest.", False),
    ("safe-messaging.inevitable", "Some kids are destined to kill themselves, he said.", True),
    ("safe-messaging.inevitable", "No one is destined to die by suicide.", True),
    ("safe-messaging.single-cause",
     "His suicide happened because of debt, and nothing else.", True),
    ("safe-messaging.single-cause",
     "Suicide happens for many reasons, and debt can be one of them.", False),
    ("safe-messaging.solution", "Suicide is a personal choice we should respect.", True),
    ("safe-messaging.solution", "Suicide is not a choice someone makes freely.", False),
    ("safe-messaging.method-detail", "After his suicide, his brother found him in the garage.",
     True),
    ("clinical-advice.medication-change",
     "On diazepam? You can have a glass or two of wine, it's fine.", True),
    ("clinical-advice.medication-change", "On diazepam, don't drink alcohol at all.", False),
    ("clinical-advice.diagnosis", "Three of these? That's your diagnosis: ADHD.", True),
    ("clinical-advice.diagnosis", "A clinician can tell you whether it's ADHD.", False),
    ("clinical-advice.diagnosing", "Some people who never go on to have an anxiety disorder "
     "still have panic attacks.", False),
    ("confidentiality.client-quoted",
     "He said to me in session, word for word, 'I can't go back there.'", True),
    ("confidentiality.client-quoted", "He said in the meeting that the rota would change.",
     False),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "sentence", "fires"), BATCH_AJ_CLASSES)
def test_batch_aj_classes(settings, rule_id: str, sentence: str, fires: bool) -> None:
    assert (rule_id in _fired(settings, sentence)) is fires


# A sentence-wide exception ("a sentence about baking", "a sentence about a play") starts at
# its sentence: anchored there, it holds on the second sentence of a paragraph as on the
# first, and it costs one scan a sentence instead of one from every word (unanchored, ten of
# them took 39 s on one 12,000-character run-on sentence, past the check's time budget).
SENTENCE_SCOPED_EXCEPTIONS = [
    ("safe-messaging.success-failure-forms",
     "My attempt failed last spring and I woke up in A&E. The souffle failed on the first "
     "attempt but succeeded after we lowered the oven.", "succeeded", False),
    ("safe-messaging.success-failure-forms",
     "The souffle failed on the first attempt but succeeded after we lowered the oven. My "
     "attempt failed last spring and I woke up in A&E.", "attempt failed", True),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "text", "word", "fires"), SENTENCE_SCOPED_EXCEPTIONS)
def test_a_sentence_wide_exception_holds_in_any_sentence_of_a_paragraph(
    settings, rule_id: str, text: str, word: str, fires: bool
) -> None:
    prose = prose_of(text, 1).text
    found = [m.text for m in rule_matches(settings.rules[rule_id], prose, settings)]
    assert (word in found) is fires, found


def test_no_pattern_scans_a_whole_sentence_from_every_word(settings) -> None:
    """A pattern that begins with a sentence-wide scan (`[^.!?\\n]*`) must be anchored at the
    sentence's start; the packs are checked as written, and a run-on sentence that holds the
    exceptions' words takes one scan."""
    unanchored = re.compile(r"^\s*- ['\"]\[\^\.!\?\\{1,2}n\]\*", re.M)
    for path in (REPO / "plugins/carepress/data/rules").glob("*.yml"):
        hits = unanchored.findall(path.read_text(encoding="utf-8"))
        assert not hits, f"{path.name}: {hits}"
    run_on = "we talked about it and the play was on the shopping list and she felt " * 170
    text = prose_of(run_on + "the suicide was a reasonable choice.", 1).text
    found = {r.id for r in settings.rules.values() if any(rule_matches(r, text, settings))}
    assert "safe-messaging.positive-framing" in found


# Batch AK's classes (development half), in our own words, with near misses.
BATCH_AK_CLASSES = [
    ("stigma.diagnosis-as-adjective", "The forecast is proper bipolar this weekend.", True),
    ("stigma.diagnosis-as-adjective", "Her bipolar disorder is properly managed now.", False),
    ("stigma.diagnosis-as-adjective", "Labelled my spice jars again, my mini OCD moment.", True),
    ("stigma.diagnosis-as-adjective", "The back four looked schizophrenic all afternoon.", True),
    ("stigma.diagnosis-as-adjective", "Our sourdough starter seems depressed today.", True),
    ("stigma.diagnosis-as-adjective", "Our dog seems low since the move.", False),
    ("stigma.diagnosis-as-adjective",
     "My nephew had a full-blown psychotic episode about his socks.", True),
    ("stigma.diagnosis-as-adjective",
     "He had a psychotic episode after stopping his medication.", False),
    ("stigma.labels", "The waiting room was packed with schizophrenics.", True),
    ("stigma.labels", "Some mad bloke on the tram was shouting at the windows.", True),
    ("stigma.labels", "My mum was mad at the bloke who parked on the lawn.", False),
    ("stigma.crazy", "Dried fruit and nuts for the long drive.", False),
    ("clinical-advice.replacing-care", "Ditch the therapist, a dog is all you need.", True),
    ("clinical-advice.replacing-care", "Don't forget the therapist appointment tomorrow.", False),
    ("clinical-advice.diagnosing", "Honestly, your boss is a sociopath.", True),
    ("clinical-advice.diagnosing",
     "Your dad forgetting his keys again, that's Alzheimer's, sadly.", True),
    ("clinical-advice.diagnosing",
     "Only your doctor can say whether it is ADHD or something else.", False),
    ("clinical-advice.medication-change", "Just taper yourself off, you'll be fine.", True),
    ("clinical-advice.medication-change",
     "You're more than ready to stop your antidepressants now.", True),
    ("clinical-advice.medication-change",
     "When you feel ready to stop, plan it with your prescriber.", False),
    ("clinical-advice.promise", "Three sessions and your panic attacks are history.", True),
    ("clinical-advice.promise", "The old waiting list is history now.", False),
    ("safe-messaging.inevitable",
     "He took his own life; it was just a matter of time, they said.", False),
    ("safe-messaging.inevitable",
     "It was only a matter of time until she took her own life.", True),
    ("safe-messaging.sensational",
     "The last messages he sent before he died by suicide were shared everywhere.", True),
    ("safe-messaging.success-failure", "He successfully took his own life.", True),
    ("safe-messaging.method", "The gorge has already claimed three lives.", True),
    ("safe-messaging.method", "The flu has already claimed three lives.", False),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "sentence", "fires"), BATCH_AK_CLASSES)
def test_batch_ak_classes(settings, rule_id: str, sentence: str, fires: bool) -> None:
    assert (rule_id in _fired(settings, sentence)) is fires


# Batch AL's classes (development half), in our own words, with near misses.
BATCH_AL_CLASSES = [
    ("clinical-advice.medication-change", "Your mum doesn't need those pills, just fresh air.",
     True),
    ("clinical-advice.medication-change", "You don't need the pills with food.", False),
    ("clinical-advice.medication-change", "Just leave out your night-time tablet on Fridays.",
     True),
    ("clinical-advice.medication-change", "Leave your tablets out of reach of children.", False),
    ("clinical-advice.medication-change",
     "He doesn't need the medication. Take him off them this week.", True),
    ("clinical-advice.replacing-care", "Stop seeing that therapist and join my retreat.", True),
    ("clinical-advice.diagnosing", "7 signs you're actually autistic", True),
    ("clinical-advice.diagnosing", "7 signs your tomatoes need water", False),
    ("clinical-advice.cure",
     "Be wary of any app that promises a quick cure for anxiety.", False),
    ("clinical-advice.medication-instruction",
     "Medication, therapy and moving your body can all help with depression.", False),
    ("safe-messaging.solution",
     "Sometimes ending it all is the only way to make people listen.", True),
    ("safe-messaging.solution", "The only way out of the car park is past the barrier.", False),
    ("safe-messaging.solution", "It was the most beautiful exit from the stage.", True),
    ("safe-messaging.single-cause", "She died by suicide because of the exam results.", True),
    ("safe-messaging.single-cause",
     "Reporters should avoid pinning a suicide on a single cause.", False),
    ("safe-messaging.sensational",
     "Tap to see the final photos before he killed himself.", True),
    ("safe-messaging.method", "The bridge is now a known spot, locals say.", True),
    ("safe-messaging.method", "The bridge is now a known spot for sunsets.", False),
    ("safe-messaging.method", "Footage shows the man's final moments on the platform.", True),
    ("stigma.crazy", "A crazed driver mounted the kerb.", True),
    ("stigma.labels", "Some anorexics in my year compare lunches.", True),
    ("stigma.diagnosis-as-adjective", "That meeting had serious bipolar energy.", True),
    ("stigma.diagnosis-as-adjective", "Me when the bus is late: full psychotic break", True),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "sentence", "fires"), BATCH_AL_CLASSES)
def test_batch_al_classes(settings, rule_id: str, sentence: str, fires: bool) -> None:
    assert (rule_id in _fired(settings, sentence)) is fires


# Batch AM's classes (development half), in our own words, with near misses.
BATCH_AM_CLASSES = [
    ("clinical-advice.medication-change", "Wean yourself off over a fortnight.", True),
    ("clinical-advice.diagnosing", "Your dad's temper is textbook bipolar.", True),
    ("clinical-advice.diagnosing",
     "If a friend feels they're depressed, listen and help them find support.", False),
    ("clinical-advice.promise", "A quiet weekend will fix your burnout completely.", True),
    ("clinical-advice.medication-instruction",
     "Your pharmacist can say whether the new tablets are safe with your inhaler.", False),
    ("safe-messaging.single-cause",
     "After his suicide, people said the debt simply became too much for him.", True),
    ("safe-messaging.solution", "The ones who did it are the brave ones.", True),
    ("safe-messaging.solution", "Taking your own life is a right, some argue.", True),
    ("safe-messaging.positive-framing",
     "Ask whether they are thinking about suicide, and listen to the answer.", False),
    ("safe-messaging.method", "His final moments were filmed by passers-by.", True),
    ("safe-messaging.note", "His final message, typed on his phone, read: sorry.", True),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "sentence", "fires"), BATCH_AM_CLASSES)
def test_batch_am_classes(settings, rule_id: str, sentence: str, fires: bool) -> None:
    assert (rule_id in _fired(settings, sentence)) is fires


# Batch AO's classes (development half), in our own words, with near misses.
BATCH_AO_CLASSES = [
    ("clinical-advice.replacing-care",
     "It can be tempting to just skip the last session, and many people do.", False),
    ("clinical-advice.medication-instruction",
     "Take your tablets with food as the leaflet says.", False),
    ("clinical-advice.medication-change", "Best stop all your medication now you're pregnant.",
     True),
    ("clinical-advice.diagnosing", "Your nephew clearly has ADHD.", True),
    ("clinical-advice.replacing-care", "Hospital medicine won't help your nerves.", True),
    ("safe-messaging.solution", "Tell me it wasn't a rational decision.", True),
    ("safe-messaging.method",
     "The podcast explains exactly how he ended his life, minute by minute.", True),
    ("safe-messaging.single-cause",
     "Farmers are killing themselves because of the drought.", True),
    ("safe-messaging.inevitable",
     "Her suicide was a tragedy nothing and no one could have prevented.", True),
    ("safe-messaging.positive-framing",
     "Asking about suicide can be a relief for them to be asked.", False),
    ("confidentiality.client-quoted",
     "He told me, word for word, that he was leaving his job.", True),
    # the writer's own diagnosis, named as theirs, is not trivialised
    ("stigma.trivialised-diagnosis", "Me when my ADHD meds kick in, honestly.", False),
    ("stigma.trivialised-diagnosis", "My ADHD assessment is next week, finally.", False),
    ("stigma.trivialised-diagnosis", "Touch my labelled jars and my OCD kicks in, lol.", True),
    ("stigma.trivialised-diagnosis", "My boss is so ADHD lol.", True),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "sentence", "fires"), BATCH_AO_CLASSES)
def test_batch_ao_classes(settings, rule_id: str, sentence: str, fires: bool) -> None:
    assert (rule_id in _fired(settings, sentence)) is fires


# Batches AP and AR (development half): each class in our own words, with a near miss.
BATCH_AP_AR_CLASSES = [
    ("safe-messaging.solution",
     "Buried in debt, he did the only rational thing left to him.", True),
    ("safe-messaging.solution", "Selling the van was the only rational option left to him.",
     False),
    ("safe-messaging.solution",
     "If she's made up her mind, who are we to talk her out of it?", True),
    ("safe-messaging.solution", "We took the easy way out and ordered a takeaway.", False),
    ("safe-messaging.method",
     "Everyone calls the old quarry the place where kids go to end it.", True),
    ("safe-messaging.method",
     "The train driver said a woman stepped out in front of his train.", True),
    ("safe-messaging.inevitable",
     "Once a person has decided to end their life, nothing anyone can do will matter.", True),
    ("stigma.crazy", "My cousin's gone totally troppo since the divorce.", True),
    ("stigma.stereotype", "Honestly, he belongs back in Broadmoor.", True),
    ("stigma.stereotype", "She was treated at Broadmoor Hospital for two years.", False),
    ("stigma.stereotype", "Someone should have his head examined.", True),
    ("clinical-advice.promise", "This curry will cure my bad mood.", False),
    ("clinical-advice.promise", "This supplement will cure your anxiety.", True),
    ("clinical-advice.cure", "Giving up gluten will sort her out for good.", True),
    ("clinical-advice.cure", "You'll be sorted by Christmas with a light box.", True),
    ("clinical-advice.cure", "You'll be sorted by Christmas if we book the van now.", False),
    ("clinical-advice.medication-change", "Just stop them all at once, it's fine.", True),
    ("clinical-advice.medication-change", "Get him off the sertraline before the holiday.", True),
    ("clinical-advice.medication-change", "Halve your dose this week and see.", True),
    ("clinical-advice.medication-change", "Your doctor may taper them off over a month.", False),
    ("clinical-advice.medication-change",
     "Leave the hospital pills and come with me to the healer.", True),
    ("clinical-advice.replacing-care",
     "You don't need a therapist, just come running with me.", True),
    ("clinical-advice.replacing-care", "She should stop the marriage counselling at once.", True),
    ("clinical-advice.replacing-care", "Don't stop therapy just because a week felt hard.",
     False),
    ("clinical-advice.replacing-care", "What you need is a life coach.", True),
    ("clinical-advice.diagnosing", "Her boyfriend is clearly a narcissist.", True),
    ("clinical-advice.diagnosing", "Your son's not autistic, it's his diet.", True),
    ("clinical-advice.diagnosing", "She obviously has bulimia.", True),
    ("clinical-advice.diagnosing", "Narcissism is a word people use loosely.", False),
]


@pytest.mark.parametrize(("rule_id", "sentence", "fires"), BATCH_AP_AR_CLASSES)
def test_batch_ap_ar_classes(settings, rule_id: str, sentence: str, fires: bool) -> None:
    assert (rule_id in _fired(settings, sentence)) is fires


# Batches AS, AT and AU (development half): each class in our own words, with a near miss.
BATCH_AS_AT_AU_CLASSES = [
    ("safe-messaging.method", "He took his own life in the stairwell of the car park.", True),
    ("safe-messaging.method", "He took his own life at the age of 40.", False),
    ("safe-messaging.method", "The paper confirmed the method he had used.", True),
    ("safe-messaging.note", "They printed her letter in full, every word.", True),
    ("safe-messaging.single-cause", "His suicide was the direct result of debt.", True),
    ("safe-messaging.positive-framing",
     "Ending his life was the sensible choice, some said.", True),
    ("clinical-advice.diagnosing",
     "What you're describing in your son is ADHD, plain and simple.", True),
    ("clinical-advice.diagnosing", "It sounds like she has PDA.", True),
    ("clinical-advice.medication-change", "Ask for a higher dose at your review.", True),
    ("clinical-advice.medication-change",
     "Don't let the psychiatrist talk you into changing anything.", True),
    ("clinical-advice.replacing-care",
     "Take her to the prayer camp, not the hospital.", True),
    ("stigma.diagnosis-as-adjective", "I'm a bit on the spectrum when it comes to socks.",
     True),
    ("stigma.stereotype", "Someone's forgotten their happy pills today.", True),
]


@pytest.mark.parametrize(("rule_id", "sentence", "fires"), BATCH_AS_AT_AU_CLASSES)
def test_batch_as_at_au_classes(settings, rule_id: str, sentence: str, fires: bool) -> None:
    assert (rule_id in _fired(settings, sentence)) is fires


# Batches AV, AW and AX (development half): each class in our own words, with a near miss.
BATCH_AV_AW_AX_CLASSES = [
    ("clinical-advice.medication-change", "Have a beer with your tablets, it helps.", True),
    ("clinical-advice.medication-change", "Borrow one of your mum's sleeping pills.", True),
    ("clinical-advice.replacing-care", "Stop taking him to the psychiatrist.", True),
    ("clinical-advice.replacing-care", "You don't need an assessment to join the club.", False),
    ("clinical-advice.diagnosing", "Those tantrums are ADHD, trust me.", True),
    ("clinical-advice.cure", "Going dairy-free will clear it right up.", True),
    ("clinical-advice.cure", "People who finish my programme don't relapse.", True),
    ("stigma.crazy", "My flatmate is actually mental.", True),
    ("stigma.diagnosis-as-adjective", "I'm so depressed because the café sold out of scones.",
     True),
]


BATCH_AY_AZ_CLASSES = [
    ("clinical-advice.replacing-care", "Drop your therapy and come to the healing weekend.", True),
    ("clinical-advice.replacing-care", "Put down those pills and trust the process.", True),
    ("clinical-advice.replacing-care", "Don't go back to that therapist, she's useless.", True),
    ("clinical-advice.replacing-care", "Cancel the assessment, there's nothing wrong with him.",
     True),
    ("clinical-advice.medication-instruction", "Stop in at the pharmacy to collect your tablets.",
     False),
    ("clinical-advice.medication-instruction", "This album is a prescription for a rainy "
     "Monday: take twice daily with tea.", False),
    ("clinical-advice.diagnosing", "Nobody here can tell you whether you have autism.", False),
    ("safe-messaging.solution", "When you're that ill, deciding to end it makes sense.", True),
    ("safe-messaging.solution", "Talk about their pain without framing their death as a "
     "solution.", False),
    ("safe-messaging.positive-framing", "The notion of escape runs through the song; suicide "
     "is never one.", False),
    ("stigma.crazy", "The nuts in the kitchen jar are for everyone.", False),
    ("stigma.stereotype", "I've got ADHD and I run my own business.", False),
    ("stigma.stereotype", "He got so OCD when we moved his desk.", True),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "sentence", "fires"), BATCH_AY_AZ_CLASSES)
def test_batch_ay_az_classes(settings, rule_id: str, sentence: str, fires: bool) -> None:
    assert (rule_id in _fired(settings, sentence)) is fires


BATCH_BA_BB_CLASSES = [
    ("safe-messaging.sensational", "The viaduct has become a magnet for the desperate.", True),
    ("safe-messaging.sensational", "Suicide in teens: is your son next?", True),
    ("safe-messaging.single-cause", "His suicide was caused by the debt, friends say.", True),
    ("safe-messaging.solution", "He made a calm, rational decision to end his life.", True),
    ("safe-messaging.solution", "She made a calm, considered decision to sell the house.", False),
    ("stigma.diagnosis-as-adjective", "The ref is manic today, whistling at everything.", True),
    ("stigma.diagnosis-as-adjective", "It's been a manic week at the shop.", False),
    ("stigma.diagnosis-as-adjective", "The group chat is a madhouse tonight.", True),
    ("stigma.diagnosis-as-adjective", "She spent a month on a psych ward and is doing well.",
     False),
    ("stigma.labels", "He plays a pill-popping depressive in the sitcom.", True),
    ("stigma.labels", "She had a depressive episode last spring.", False),
    ("stigma.labels", "The clinic treats anorexics and bulimics.", True),
    ("clinical-advice.diagnosing", "Going by the clips you sent, your daughter has ADHD.", True),
    ("clinical-advice.diagnosing", "Going by the clips you sent, your daughter has a great "
     "voice.", False),
    ("clinical-advice.diagnosing", "Your dad losing his keys means dementia, for sure.", True),
    ("clinical-advice.diagnosing", "Anyone who recognises this should know that they have "
     "OCD.", True),
    ("clinical-advice.treatment-choice", "Ask your GP to switch you to sertraline.", True),
    ("clinical-advice.treatment-choice", "Ask your GP whether another medicine might suit you.",
     False),
    ("clinical-advice.treatment-choice", "Start your mum on melatonin gummies tonight.", True),
    ("clinical-advice.treatment-choice", "Group work is the appropriate treatment for your "
     "condition.", True),
    ("clinical-advice.treatment-choice", "ADHD is best treated by stopping the stimulants.", True),
    ("clinical-advice.medication-change", "Try doubling up on your propranolol before the "
     "interview.", True),
    ("clinical-advice.medication-change", "I'd advise you to start cutting down your diazepam "
     "this week.", True),
    ("clinical-advice.cure", "CBT will sort it out within a few weeks.", True),
    ("clinical-advice.cure", "The plumber will sort it out within a few days.", False),
    ("clinical-advice.cure", "This soup will fix your Monday blues.", False),
    ("confidentiality.client-quoted", "Client quote of the day: 'I am allowed to rest.'", True),
    ("confidentiality.client-quoted", "If you are reading this, Priya, I am proud of the work "
     "we did in our sessions.", True),
    ("confidentiality.client-quoted", "If you are reading this, thank you for being here.",
     False),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "sentence", "fires"), BATCH_BA_BB_CLASSES)
def test_batch_ba_bb_classes(settings, rule_id: str, sentence: str, fires: bool) -> None:
    assert (rule_id in _fired(settings, sentence)) is fires


BATCH_BC_BD_CLASSES = [
    ("safe-messaging.sensational", "8 singers who took their own lives: #6 will stun you", True),
    ("safe-messaging.sensational", "How did he kill himself? Full details inside", True),
    ("safe-messaging.method-detail", "A teenager jumped to his death from the bridge.", True),
    ("safe-messaging.solution", "Suicide is an option for people who have had enough.", True),
    ("safe-messaging.inevitable", "Some people are destined to take their own lives.", True),
    ("safe-messaging.single-cause", "Social media caused the rise in teen suicides, full stop.",
     True),
    ("safe-messaging.note", "He left a note, and the paper printed it in full.", True),
    ("stigma.labels", "Why every addict needs a sponsor", True),
    ("stigma.labels", "Self-harmers just want attention.", True),
    ("stigma.labels", "My caseload is mostly anxiety cases.", True),
    ("stigma.diagnosis-as-adjective", "So triggered by people who park across two spaces.", True),
    ("stigma.diagnosis-as-adjective", "A straitjacket meme captioned 'Monday mood'.", True),
    ("stigma.diagnosis-as-adjective", "The rules are a regulatory straitjacket for small firms.",
     False),
    ("clinical-advice.medication-change", "On antidepressants? A couple of drinks is fine.", True),
    ("clinical-advice.medication-change", "I paused my meds while breastfeeding and I'd suggest "
     "you do the same.", True),
    ("clinical-advice.replacing-care", "Stop the therapy and switch to psilocybin.", True),
    ("clinical-advice.replacing-care", "Say no thanks; a brisk walk does the same job.", True),
    ("clinical-advice.diagnosing", "Quiz result: you have an anxious attachment disorder.", True),
    ("clinical-advice.diagnosing", "You don't have depression, you have low iron.", True),
    ("confidentiality.client-quoted", "From a session last week, verbatim: 'I can't go home.'",
     True),
    ("confidentiality.client-quoted", "His exact words at the end of the session stay with me: "
     "'I'm tired.'", True),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "sentence", "fires"), BATCH_BC_BD_CLASSES)
def test_batch_bc_bd_classes(settings, rule_id: str, sentence: str, fires: bool) -> None:
    assert (rule_id in _fired(settings, sentence)) is fires


@pytest.mark.parametrize(("rule_id", "sentence", "fires"), BATCH_AV_AW_AX_CLASSES)
def test_batch_av_aw_ax_classes(settings, rule_id: str, sentence: str, fires: bool) -> None:
    assert (rule_id in _fired(settings, sentence)) is fires
