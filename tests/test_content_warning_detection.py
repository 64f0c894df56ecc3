"""Content-warning detection: labelled corpora for false alarms and misses, plus the build."""

from __future__ import annotations

import json

import pytest
from carepress.prose import prose_of
from carepress.settings import load_settings
from conftest import REPO, Hub, post_text

CLEAN = [
    "This new budgeting tool is a killer app for busy parents.",
    "I'm dying to try the new bakery on Main Street.",
    "Cut the onions into small pieces before you start the sauce.",
    "Self-care can be as simple as a short walk after lunch.",
    "The noise in the waiting room finally died down.",
    "My phone died halfway through the podcast.",
    "We drank plenty of water after the long hike.",
    "Her joke absolutely killed at the party.",
    "The deadline is killing me this week.",
    "Binge-watching a series is a common way to unwind.",
    "Use an alcohol-based hand sanitizer before the session.",
    "Clean the cut on your finger with rubbing alcohol.",
    "The trauma surgeon explained the procedure calmly.",
    "I was scared to death before my driving test.",
    "That chocolate cake is to die for.",
    "Purge the old files from the shared drive each month.",
    "He cut back on coffee and started sleeping better.",
    "This game is so addictive that I lose track of time.",
    "The grapes in the garden are finally ripe.",
    "Shoot for a bedtime that lets you get seven hours of sleep.",
    "She was tickled to death by the birthday card.",
    "The lawn died during the heat wave.",
    "Take a deep breath and notice your feet on the floor.",
    "Honest feedback can hurt, but it helps us grow.",
]

TOUCHING = [
    ("Some people have thoughts of suicide when depression is severe.", "suicide"),
    ("He told his friend that he wanted to kill himself.", "suicide"),
    ("Asking someone directly about suicidal thoughts does not plant the idea.", "suicide"),
    ("She said she wanted to end her life.", "suicide"),
    ("Many teens who self-harm hide it from their parents.", "self-harm"),
    ("Self-injury is often a way of coping with overwhelming feelings.", "self-harm"),
    ("Some young people cut themselves to get through painful moments.", "self-harm"),
    ("Anorexia can affect people of any body size.", "eating-disorders"),
    ("Binge eating disorder is treatable.", "eating-disorders"),
    ("Recovery from bulimia is possible with support.", "eating-disorders"),
    ("She was raped at a party during college.", "sexual-violence"),
    ("Sexual assault survivors often blame themselves.", "sexual-violence"),
    # Witnessing violence is trauma as well as abuse: both warnings, and no other.
    ("Children who witness domestic violence may feel unsafe at home.", "abuse+trauma"),
    ("Emotional abuse can be hard to recognise from the inside.", "abuse"),
    ("He drinks alcohol every night to fall asleep.", "substance-use"),
    ("Opioid use disorder is a treatable medical condition.", "substance-use"),
    ("Grief can arrive in waves for months or years.", "death-and-grief"),
    ("She is still grieving her brother.", "death-and-grief"),
    ("The funeral was the hardest day of the year.", "death-and-grief"),
    ("After the loss of a parent, routines can feel strange.", "death-and-grief"),
    ("Many veterans live with PTSD.", "trauma"),
    ("A traumatic event can change how safe the world feels.", "trauma"),
    ("Flashbacks can feel as if the event is happening again.", "trauma"),
]


# Classes of phrasing added with batch J (a story told without the topic's name), each with
# new wording, and near-misses of the same words in another sense.
CLASS_TOUCHING = [
    # abuse: naming in care settings, violence by degree, harm to someone in care, marks he
    # left, someone close throwing things, blame for his temper, punishments, covert hurting,
    # smearing the victim, signs no one explains, flinching, the kitchen floor
    ("Staff at the home were accused of neglect and abuse of residents.", "abuse"),
    # Blind batch 10's near misses stay the topic: bruises nobody explains, a passing that
    # is a death, a body that remembers what happened.
    ("The nurse noticed unexplained bruises on both of her arms.", "abuse"),
    ("Since her passing was so sudden, the family had no time.", "death-and-grief"),
    ("My body remembers the crash before my mind does.", "trauma"),
    ("She spent years in violent relationships before anyone noticed.", "abuse"),
    ("The toddler had been repeatedly hit by a relative.", "abuse"),
    ("Cameras showed a worker slapping an elderly patient at mealtime.", "abuse"),
    ("You could still see the marks she had left on his neck.", "abuse"),
    ("Her husband hurled chairs across the kitchen.", "abuse"),
    ("I was always blamed for her moods.", "abuse"),
    ("Dad made us kneel on the hard floor for hours.", "abuse"),
    ("He would squeeze my wrist so hard under the table.", "abuse"),
    ("He told the police I was hysterical and making it up.", "abuse"),
    ("Teachers saw burns no one could explain.", "abuse"),
    ("The little boy would flinch whenever his uncle lifted a hand.", "abuse"),
    ("It always ended with her on the bathroom floor.", "abuse"),
    # death and grief: things kept, nobody left to use them, the last days, heaven, years on
    ("I can't bring myself to wash his favourite jumper.", "death-and-grief"),
    ("Her reading glasses sit on the shelf with no one left to wear them.", "death-and-grief"),
    ("Dad's side of the bed has stayed untouched.", "death-and-grief"),
    ("The doctor told us it would be hours, not days.", "death-and-grief"),
    ("They switched off her ventilator just after midnight.", "death-and-grief"),
    ("We stayed with her all night until the end.", "death-and-grief"),
    ("Grandad never got to hold his first great-grandson.", "death-and-grief"),
    ("My daughter thinks her nan is watching from heaven.", "death-and-grief"),
    ("We laid the table and had to take a plate away again.", "death-and-grief"),
    ("It's been months since I last heard him sing.", "death-and-grief"),
    # eating disorders: purging counts, restricting, weight falling, plate rituals, mealtime
    # battles, calories known, living on drinks, praise for skipping, having "already eaten",
    # eating to illness, exercise to earn food, bodily signs, treatment
    ("By spring she was purging three times a day.", "eating-disorders"),
    ("She slipped back into restricting over the holidays.", "eating-disorders"),
    ("Her weight plummeted over the summer term.", "eating-disorders"),
    ("I would push the pasta around my plate until dinner ended.", "eating-disorders"),
    ("Every dinner became a battle over every mouthful.", "eating-disorders"),
    ("She knew the calories in everything on the menu.", "eating-disorders"),
    ("Black coffee and gum got her through the school day.", "eating-disorders"),
    ("Whenever I skipped lunch my coach said I looked great.", "eating-disorders"),
    ("He kept saying he had already eaten at a friend's.", "eating-disorders"),
    ("If I couldn't walk it off, I wouldn't let myself eat.", "eating-disorders"),
    ("She did 300 sit-ups after every slice of cake.", "eating-disorders"),
    ("Her hair had started falling out in clumps.", "eating-disorders"),
    ("On the unit they had her finish a supplement drink.", "eating-disorders"),
    # self-harm: cutting as a verb, clean from it, blades kept, implements, own skin, bleeding,
    # cigarettes, cover stories, being asked, punishing oneself, wound care, recovery marks
    ("My son has been cutting and we only just found out.", "self-harm"),
    ("She's been free from cutting since the spring.", "self-harm"),
    ("I hid a razor blade inside my phone case.", "self-harm"),
    ("She scratched at her wrist with a pin until it bled.", "self-harm"),
    ("He would bite his own hand until it bruised.", "self-harm"),
    ("Some nights I made myself bleed just to feel calm.", "self-harm"),
    ("He stubbed his cigarette out on his arm.", "self-harm"),
    ("He swore the burns were from the kettle.", "self-harm"),
    ("The burns on my legs weren't an accident; I did them myself.", "self-harm"),
    ("They asked me if the burns were intentional.", "self-harm"),
    ("I used to punish myself for bad marks at school.", "self-harm"),
    ("The drawer still has steri-strips from those years.", "self-harm"),
    ("I draw on my wrist in biro instead now.", "self-harm"),
    # sexual violence: secrets, waking with clothes torn, no then silence, what he did to me,
    # cornering, why I didn't scream, exposure, carrying on through tears, grooming lines,
    # coercion, entitlement, shared images
    ("He called it our special secret.", "sexual-violence"),
    ("I woke up with no memory of the night and my tights ripped.", "sexual-violence"),
    ("She said no and then just went quiet until it was over.", "sexual-violence"),
    ("I still think about what the babysitter did to her.", "sexual-violence"),
    ("Her supervisor kept cornering her in the lift.", "sexual-violence"),
    ("People still ask why I didn't scream.", "sexual-violence"),
    ("A man exposed himself to two women in the park.", "sexual-violence"),
    ("He carried on even after I begged him to stop.", "sexual-violence"),
    ("Her coach told her she was mature for her age.", "sexual-violence"),
    ("He wouldn't unlock the car until I did what he wanted.", "sexual-violence"),
    ("He insisted that husbands are entitled to it.", "sexual-violence"),
    ("My ex posted the pictures I had sent him to a group chat.", "sexual-violence"),
    # substance use: mixtures, bumps, needing a drink to start, kit, prescriptions running out,
    # canisters, bottles a night, chips, slang, the first one, stimulant signs, crushed pills,
    # hiding how much, masking the smell
    ("The toxicology report found a cocktail of painkillers.", "substance-use"),
    ("There were bumps in the loo all night.", "substance-use"),
    ("He needed a swig before he could face work.", "substance-use"),
    ("She found burnt foil in his bedroom.", "substance-use"),
    ("Mum's prescription keeps running out early.", "substance-use"),
    ("Silver canisters littered the beach after the festival.", "substance-use"),
    ("Three bottles of red a night had become normal.", "substance-use"),
    ("He picked up his six-month chip last week.", "substance-use"),
    ("Wake and bake before every lecture.", "substance-use"),
    ("I'd wait until five to pour the first one.", "substance-use"),
    ("His jaw was going all night at the party.", "substance-use"),
    ("She started crushing her pills to get them to hit faster.", "substance-use"),
    ("I used a mug so my partner wouldn't see how much wine I had.", "substance-use"),
    ("He always came back smelling of mouthwash.", "substance-use"),
    # suicide: not existing, prized things given away, not around long, not waking, belongings
    # left at a high place, the platform edge, tired of waking, a plan, farewells, a stash,
    # found beneath a bridge, the only reason, who would find me, the night planned
    ("Most nights I wish to not exist for a while.", "suicide"),
    ("He gave away his prized record collection.", "suicide"),
    ("She said she wouldn't be around for much longer.", "suicide"),
    ("I searched for ways not to wake up.", "suicide"),
    ("His bike was found abandoned near the viaduct.", "suicide"),
    ("I stood at the edge of the platform for a long time.", "suicide"),
    ("honestly just tired of waking up", "suicide"),
    ("I told my therapist I had a plan.", "suicide"),
    ("He texted 'see you on the other side' to his sister.", "suicide"),
    ("I kept a stockpile of tablets in my wardrobe.", "suicide"),
    ("He was found beneath the bridge by a jogger.", "suicide"),
    ("The only reason I'm still here is my dog.", "suicide"),
    ("I used to think about who would find me.", "suicide"),
    ("She wrote to her mum the night she planned to go.", "suicide"),
    # trauma: sensory triggers, sent back there, fireworks, the place where it happened, the
    # light on, raised voices, part of me, silence about the war, dog bites, diving for cover,
    # dissociation, waking up screaming, avoidance since
    ("The smell of burning toast makes my hands shake.", "trauma"),
    ("A door slamming sends me straight back to that room.", "trauma"),
    ("On bonfire night she shuts herself in the bathroom.", "trauma"),
    ("I still can't walk past the corner where it happened.", "trauma"),
    ("She sleeps with the light on and checks the locks.", "trauma"),
    ("He goes completely still whenever someone raises their voice.", "trauma"),
    ("Part of me never left that ward.", "trauma"),
    ("My grandfather never spoke about the war.", "trauma"),
    ("Since the neighbour's dog bit her she panics at any barking.", "trauma"),
    ("When the exhaust backfired I hit the deck.", "trauma"),
    ("During rows I feel like I'm watching from the ceiling.", "trauma"),
    ("He still wakes up screaming some nights.", "trauma"),
    ("She hasn't been in a car since she was trapped in one.", "trauma"),
    # A UK hub's first use: a number kept after a death, not a number alone; "his number was
    # up", said of someone, is a death.
    ("Three years on, I still haven't had the heart to... no, I simply can't delete her number.",
     "death-and-grief"),
    ("Most nights I still ring my sister's old number to hear her answerphone message.",
     "death-and-grief"),
    ("The nurses could tell his number was up, and they called us in.", "death-and-grief"),
]

CLASS_CLEAN = [
    # An exception found first must not hide a longer one that holds the term.
    "Our physiotherapy neighbours run a rehab programme for people after knee replacements.",
    "The smell of that durian was an assault on my senses.",
    "That joke died a slow death in the group chat.",
    "We played crazy golf and threw plates at the pottery class.",
    "RIP to my phone screen again.",
    "My Zoom call died twice today.",
    "The houseplants are dying in this heat.",
    "I nearly died of embarrassment at the wedding.",
    "That song has been done to death.",
    "In tarot, the Death card means change.",
    "Our dog has her weigh-in at the vet on Friday.",
    "Burnt myself on the oven tray again making the roast.",
    "The whole bridal party was groomed and pampered before the ceremony.",
    "The office is in withdrawal since the coffee machine broke.",
    "Stoned dates work well in this recipe.",
    "Weed the veg patch before it rains.",
    "Our Dry January challenge raised money for the food bank.",
    "need a shot of espresso before i can face my inbox",
    "That overtake was suicidal, honestly.",
    "Saying goodbye to the old house was harder than I expected.",
    "The startle reflex is normal in newborns.",
    "Horror films have me sleeping with the light on.",
    # Old, new and former numbers, accounts, addresses and phones are not a death.
    "His old number stopped working, so text the new one instead.",
    "Remember to delete her old number once she has sent you the new one.",
    "I updated my former address and my old account with the bank.",
    "She keeps her old phone in a drawer for emergencies.",
    "My number was up next at the passport office.",
]


@pytest.fixture(scope="module")
def topics():
    return load_settings(REPO / "mkdocs.yml").topics


def _detected(topics, sentence: str) -> set[str]:
    text = prose_of(sentence, 1).text
    return {topic.id for topic in topics.values() if any(topic.matches(text))}


def test_corpora_are_large_enough() -> None:
    assert len(CLEAN) >= 20
    assert len(TOUCHING) >= 20
    assert {cw for _, cw in TOUCHING} >= {
        "suicide",
        "self-harm",
        "eating-disorders",
        "sexual-violence",
        "abuse",
        "substance-use",
        "death-and-grief",
        "trauma",
    }


@pytest.mark.parametrize("sentence", CLEAN)
def test_clean_sentences_raise_nothing(topics, sentence: str) -> None:
    assert _detected(topics, sentence) == set()


@pytest.mark.parametrize(("sentence", "warning"), TOUCHING)
def test_sensitive_sentences_raise_their_warning(topics, sentence: str, warning: str) -> None:
    assert _detected(topics, sentence) == set(warning.split("+"))


def test_code_links_and_comments_are_not_prose(topics) -> None:
    body = (
        "Avoid the phrase `committed suicide`.\n\n"
        "```\nsuicide\n```\n\n"
        "<!-- suicide -->\n"
        "Read [the guidance](https://reportingonsuicide.org/suicide).\n"
    )
    assert _detected(topics, body) == set()


UNDECLARED = (
    "Feeling low is common.\n\n<!-- more -->\n\n## Signs\n\n"
    "Some people have thoughts of suicide.\n\nSuicidal thoughts deserve care.\n"
)


def test_undeclared_topic_fails_check_and_build_with_the_line(hub: Hub) -> None:
    path = hub.write_post("low.md", post_text(body=UNDECLARED, slug="low"))
    line = path.read_text().splitlines().index("Some people have thoughts of suicide.") + 1
    check = hub.check()
    assert check.returncode == 1
    assert (
        f"content/posts/low.md:{line}:30: error content-warning.undeclared-suicide "
        "the post mentions 'suicide' (and 1 more time) but does not declare the "
        "'suicide' content warning" in check.stdout
    )
    assert "hint: add suicide to content_warnings" in check.stdout
    build = hub.build()
    assert build.returncode == 1
    assert (
        f"content/posts/low.md:{line}:30: content-warning.undeclared-suicide "
        "the post mentions 'suicide'" in build.stderr
    )


def test_detection_severity_is_configurable(hub: Hub) -> None:
    hub.write_post("low.md", post_text(body=UNDECLARED, slug="low"))
    config = hub.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - carepress:\n", "  - carepress:\n      content_warning_detection: warning\n"
        )
    )
    check = hub.check()
    assert check.returncode == 0
    assert "warning content-warning.undeclared-suicide" in check.stdout


@pytest.mark.parametrize(("sentence", "warning"), CLASS_TOUCHING)
def test_classes_of_phrasing_raise_their_warning(topics, sentence: str, warning: str) -> None:
    assert _detected(topics, sentence) == set(warning.split("+"))


@pytest.mark.parametrize("sentence", CLASS_CLEAN)
def test_other_senses_of_the_class_words_raise_nothing(topics, sentence: str) -> None:
    assert _detected(topics, sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "warning"),
    [
        ("Mum's empties were lined up behind the shed.", "substance-use"),
        ("Now that she's gone, the house is so quiet.", "death-and-grief"),
    ],
)
def test_a_curly_apostrophe_raises_what_a_straight_one_does(
    topics, sentence: str, warning: str
) -> None:
    """Phones and word processors type ’; the topics' terms are written with '."""
    assert warning in _detected(topics, sentence)
    assert _detected(topics, sentence.replace("'", "\u2019")) == _detected(topics, sentence)


# A long post on something else, for mentions in passing (300 words and more of prose).
LONG_BODY = "Sleep is a skill that can be relearned with patience. " * 40


def _warning_findings(hub: Hub, body: str, **front: object) -> list[tuple[str, str]]:
    import json

    path = hub.write_post("passing.md", post_text(body=body, slug="passing", **front))
    found = json.loads(hub.check(str(path), "--format", "json").stdout or "[]")
    return [(f["rule"], f["severity"]) for f in found if f["rule"].startswith("content-warning")]


@pytest.mark.parametrize(
    ("mention", "topic"),
    [
        ("- My grandmother died last spring.", "death-and-grief"),
        ("- Cut back on caffeine and alcohol in the evening.", "substance-use"),
        ("A walk is not a cure for depression, anxiety, or flashbacks.", "trauma"),
        ("- **Risk factors**: recent losses, substance use, isolation", "substance-use"),
        # Two terms joined by "and" name the topic once (blind batch 13: what an assessment
        # asks about); said twice, it is two mentions.
        ("- Alcohol and drug use.", "substance-use"),
    ],
)
def test_one_plain_mention_in_a_long_post_is_a_warning(
    hub: Hub, mention: str, topic: str
) -> None:
    """Blind whole posts were stopped by one "grief" in a list of feelings: in a long post
    on something else the writer is asked, not stopped. Said twice, or in a short text
    (where it is the topic), it stops the post."""
    rule = f"content-warning.undeclared-{topic}"
    intro = "Rest matters.\n\n<!-- more -->\n\n"
    assert _warning_findings(hub, intro + LONG_BODY + "\n\n" + mention + "\n") == [
        (rule, "warning")]  # fmt: skip
    twice = intro + LONG_BODY + "\n\n" + mention + "\n\n" + mention.replace("- ", "") + "\n"
    assert _warning_findings(hub, twice) == [(rule, "error")]
    assert _warning_findings(hub, intro + mention + "\n") == [(rule, "error")]


@pytest.mark.parametrize(
    ("in_passing", "the_topic", "topic"),
    [
        # Grieving a marriage or lost health, however often; with a death it is the topic.
        ("Grieving a marriage is real. You may keep grieving the future you planned. That "
         "grief comes in waves.", "My father died the same year.", "death-and-grief"),
        # A disaster as a metaphor; with an event lived through it is the topic.
        ("## First, the earthquake\n\nFinding out felt like an earthquake. After an "
         "earthquake, you rebuild.", "She survived a shooting at her school.", "trauma"),
        # Trauma's clinical names depict nothing; with what happened it is the topic.
        ("A new medicine is studied for PTSD. Dissociation is a common side effect. Trauma-"
         "focused therapy comes first, and trauma is not a reason to rush.",
         "She survived a shooting at her school.", "trauma"),
        # A relapse of bipolar disorder; with drinking it is the topic.
        ("Stopping suddenly can bring on relapse. Make a written relapse plan.",
         "He has been drinking every night since the spring.", "substance-use"),
        # Grief for lost health, with death named as what grief is not (blind batch 15).
        ("Grief isn't only about death. People grieve the career that had to change, "
         "and that grief is legitimate. You can grieve even when nobody has died.",
         "Her mother died in the spring.", "death-and-grief"),
        # Addiction with no substance in the post: of betting (blind batch 15).
        ("Chasing losses is a sign of gambling addiction. Addiction thrives on secrecy, "
         "and that addiction is not a moral failing.",
         "He also snorted cocaine most weekends.", "substance-use"),
    ],
)  # fmt: skip
def test_words_that_need_company_are_in_passing_alone(
    hub: Hub, in_passing: str, the_topic: str, topic: str
) -> None:
    rule = f"content-warning.undeclared-{topic}"
    body = "Rest matters.\n\n<!-- more -->\n\n" + LONG_BODY + "\n\n" + in_passing + "\n"
    assert _warning_findings(hub, body) == [(rule, "warning")]
    assert _warning_findings(hub, body + "\n" + the_topic + "\n") == [(rule, "error")]


@pytest.mark.parametrize(
    ("mention", "topic"),
    [
        ("Some people have thoughts of suicide.", "suicide"),
        ("She was raped at a party when she was fifteen.", "sexual-violence"),
    ],
)
def test_the_gravest_topics_are_never_in_passing(hub: Hub, mention: str, topic: str) -> None:
    body = "Rest matters.\n\n<!-- more -->\n\n" + LONG_BODY + "\n\n" + mention + "\n"
    assert _warning_findings(hub, body) == [(f"content-warning.undeclared-{topic}", "error")]


def test_a_death_in_a_post_warning_of_suicide_needs_no_second_warning(hub: Hub) -> None:
    body = ("Know the signs.\n\n<!-- more -->\n\n## Signs\n\n- Thoughts of death or suicide\n\n"
            "If you are worried, call or text 988.\n")  # fmt: skip
    assert _warning_findings(hub, body, content_warnings=["suicide"]) == []
    assert ("content-warning.undeclared-death-and-grief", "error") in _warning_findings(hub, body)


@pytest.mark.parametrize(
    "sentence",
    [
        "It is often asked quietly, near the end of a session.",
        'Naming it can take some of the fuel out of the "I\'m dying" story.',
        "When her partner gently pushed her to say more, she did.",
        "Breaking or throwing things, punching walls, driving recklessly to scare you.",
        # The second blind batch's.
        "You're passing up work opportunities you actually want.",
        "Rest, boredom, and unstructured time with friends aren't wasted.",
        'Telling a partner can turn "you\'re overreacting" into "looks like a lot hit you".',
        # The third's.
        "- Unwanted sexual or religious thoughts that clash with their values",
        "You can miss someone and know you're better off without them.",
        # The fourth's.
        "If you are in crisis, call or text 988 to reach the 988 Suicide & Crisis Lifeline.",
        "It's choosing how you take in news rather than letting it pour in through every crack.",
        # The seventh's.
        "Nobody sends a sympathy card when a friendship ends.",
        # The fifth's.
        "Now add blood sugar checks, inhalers, infusions, missed school days, food restrictions.",
        # The tenth's.
        "Many call it homesickness, as if it were a passing mood.",
        "Warning signs include falls, unexplained bruises or minor accidents.",
        "The body remembers home in ways the mind doesn't always expect.",
        # The ninth's.
        "It has often been overlooked or put down to personality.",
        "Stalking behaviours include repeated unwanted contact, following or watching.",
        # The eleventh's.
        "The NHS notes there's no evidence that children with selective mutism are more "
        "likely than other children to have experienced abuse, neglect or trauma.",
        "- **Witnessing:** seeing cruelty or suffering, especially to civilians or children.",
    ],
)
def test_what_blind_whole_posts_meant_otherwise_raises_nothing(topics, sentence: str) -> None:
    assert _detected(topics, sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "topic", "not_topic"),
    [
        # The eleventh blind batch's: injuries as a sign of self-harm, a cause of death among
        # others, grief's own term.
        ("Unexplained injuries or long sleeves in hot weather can also be signs of self-harm.",
         "self-harm", "abuse"),
        ("It can be a death by suicide, an overdose, an illness or an accident.",
         "suicide", "substance-use"),
        ("Look for a therapist with experience in traumatic or complicated grief.",
         "death-and-grief", "trauma"),
    ],
)  # fmt: skip
def test_what_blind_whole_posts_meant_is_one_topic_not_another(
    topics, sentence: str, topic: str, not_topic: str
) -> None:
    found = _detected(topics, sentence)
    assert topic in found and not_topic not in found


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        # What the classes above must not swallow.
        ("There is no evidence that she abused her children, the court heard.", "abuse"),
        ("It isn't caused by abuse, but children who were abused can develop it.", "abuse"),
        ("Unexplained injuries on a toddler must be reported to the safeguarding lead.", "abuse"),
        ("The cruelty of her stepfather shaped her whole childhood.", "abuse"),
        ("He died of an overdose last spring.", "substance-use"),
        ("Years later, the trauma of that night still wakes her.", "trauma"),
    ],
)
def test_the_classes_of_the_eleventh_batch_keep_what_they_must(
    topics, sentence: str, topic: str
) -> None:
    assert topic in _detected(topics, sentence)


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        # Blind batch T's classes, in phrasings of our own. Abuse: a dependant found
        # neglected, punishment past any parent's, violence told plainly, control named.
        ("Officers found the boys sleeping on a bare mattress with untreated lice.", "abuse"),
        ("She was found malnourished after her son had stopped visiting.", "abuse"),
        ("I was made to sit in the cold shed for hours if I cried.", "abuse"),
        ("My mother would go days without talking to us as a punishment.", "abuse"),
        ("Any argument at home ended in a beating.", "abuse"),
        ("He held her head under the water in the sink.", "abuse"),
        ("My stepdad threw a mug at my face when I was nine.", "abuse"),
        ("Her ex used the children as pawns in every handover.", "abuse"),
        ("There were loans in my name that I never signed.", "abuse"),
        ("The inquiry said staff missed several opportunities to protect the child.", "abuse"),
        # Sexual violence: images shared, faked or demanded, ages, sex demanded for
        # something, forced undressing, told in detail, passed between men, rape myths.
        ("Deepfake pictures of girls at the school were shared on Snapchat.", "sexual-violence"),
        ("he showed everyone the nudes i sent my boyfriend", "sexual-violence"),
        ("She said if I didn't send more pics she'd share the old ones.", "sexual-violence"),
        ("i was 14 and he was 31, and nobody said a word", "sexual-violence"),
        ("The manager hinted I'd get the shift if I slept with him.", "sexual-violence"),
        ("They forced the new boys to strip and filmed them.", "sexual-violence"),
        ("He keeps texting me what he'd do to me if we were alone.", "sexual-violence"),
        ("Jurors still ask whether her short skirt meant she was asking for it.",
         "sexual-violence"),
        # Trauma: disasters as news, someone seen hurt, what helpers did, the night of it.
        ("Two died when the minibus overturned on the A9.", "trauma"),
        ("The wildfire raced through the valley before dawn.", "trauma"),
        ("I watched a man stabbed outside the station.", "trauma"),
        ("He gave CPR to his neighbour until the paramedics came.", "trauma"),
        ("The toddler was pulled from the floodwater by a passer-by.", "trauma"),
        ("I still dream I'm trapped in the car.", "trauma"),
        ("She still thinks about the morning of the explosion every day.", "trauma"),
        ("He has never talked about the acid attack.", "trauma"),
        ("Clinicians are learning to recognise moral injury in nurses.", "trauma"),
    ],
)
def test_the_classes_of_batch_t_are_found(topics, sentence: str, topic: str) -> None:
    assert topic in _detected(topics, sentence)


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        # Their near misses, and batch T's false alarms as classes of everyday use.
        ("Patients with pressure sores need repositioning every two hours.", "abuse"),
        ("I was left to look after my little brother while Mum worked nights.", "abuse"),
        ("Never punish a child for wetting the bed; it is not deliberate.", "abuse"),
        ("Our under-12s took a real beating from the wind on Saturday.", "abuse"),
        ("At swimming lessons they teach kids to put their face under the water.", "abuse"),
        ("My friends call me fat-fingered because of my typing.", "abuse"),
        ("The intern became the scapegoat for the failed launch.", "abuse"),
        ("The app controls the thermostat and the lights from your phone.", "abuse"),
        ("Curfews and chores are part of family life, not cruelty.", "abuse"),
        ("The gallery's new room shows nude paintings from the eighteenth century.",
         "sexual-violence"),
        ("Leaked photos of the new phone were posted online.", "sexual-violence"),
        ("I was 15 and he was 17 when we first started going out.", "sexual-violence"),
        ("She asked her friend if she should sleep with him on the third date.",
         "sexual-violence"),
        ("The nurse asked him to undress and put on a gown.", "sexual-violence"),
        ("We got him drunk for his stag do and he sang all night.", "sexual-violence"),
        ("The ball was passed between men on the pitch for ten minutes.", "sexual-violence"),
        ("The bus strike derailed my plans for the weekend.", "trauma"),
        ("The flu tore through the office in December.", "trauma"),
        ("The cat went under the bed and would not come out.", "trauma"),
        ("The evening course covers how to do CPR on a dummy.", "trauma"),
        ("I still dream I'm late for my exams.", "trauma"),
        ("Our dog attacks the postman's trousers every morning.", "trauma"),
        ("Self-referral forms for the PTSD clinic are at reception.", "trauma"),
        ("For us, trauma-informed means you set the pace and can stop whenever you like.",
         "trauma"),
        ("Mum was in the army for twelve years before she retrained as a teacher.", "trauma"),
        ("The kitchen was a total war zone after the kids made pancakes.", "trauma"),
    ],
)
def test_the_near_misses_of_batch_t_are_not_the_topic(topics, sentence: str, topic: str) -> None:
    assert topic not in _detected(topics, sentence)


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        # What batch T's exceptions must not swallow.
        ("He called the beatings discipline, not abuse.", "abuse"),
        ("Dad spent ten years in the army and came home from Helmand a different man.",
         "trauma"),
        ("My hometown became a war zone when the shelling started.", "trauma"),
        ("Our trauma service supports people after assaults, crashes and other frightening "
         "events.", "trauma"),
    ],
)
def test_the_exceptions_of_batch_t_keep_what_they_must(topics, sentence: str, topic: str) -> None:
    assert topic in _detected(topics, sentence)



# Batch Y: topics told without their words, by class (paraphrases of our own), and near misses
# with the same words in another sense.
@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("Dad used to yell at my brother that he was useless and a waste of space.", "abuse"),
        ("Kids who grow up being called worthless carry it into adulthood.", "abuse"),
        ("She said her mother wished she'd never had her.", "abuse"),
        ("My husband controls everything I do, even what I'm allowed to wear.", "abuse"),
        ("He made me show him every receipt and bank statement, every week.", "abuse"),
        ("My stepdad threw a plate at my mum when dinner was late.", "abuse"),
        ("Abuse by a partner often starts with jealousy.", "abuse"),
        ("The course helps carers see when discipline crosses into hitting.", "abuse"),
        ("No one ever washed us as kids; we went to school hungry.", "abuse"),
        ("He hid a tracking device in her car and sent dozens of threatening texts.", "abuse"),
        ("Trauma bonds keep people returning to the partner who hurts them.", "abuse"),
        ("I pushed his hand away and he carried on anyway.", "sexual-violence"),
        ("He told the police she had seemed willing.", "sexual-violence"),
        ("He kept pressuring me until I gave in, and that was never consent.", "sexual-violence"),
        ("He said I owed my boyfriend sex after everything he'd done for me.", "sexual-violence"),
        ("The doctor touched me in places that had nothing to do with the exam.",
         "sexual-violence"),
        ("He was taking his nan's tablets and couldn't stop.", "substance-use"),
        ("The GP was struck off for prescribing benzos to patients he knew were addicted.",
         "substance-use"),
        ("We'd be passing out every Saturday after the pub.", "substance-use"),
        ("I became addicted to vaping at fourteen.", "substance-use"),
        ("Many people feel numb after surviving a terrifying event like a crash.", "trauma"),
        ("Firefighters witness scenes that most people never will.", "trauma"),
        ("A neighbour's dog mauled my son last year.", "trauma"),
        ("The aircraft plunged and passengers were flung against the overhead lockers.",
         "trauma"),
    ],
)
def test_the_classes_of_batch_y_are_found(topics, sentence: str, topic: str) -> None:
    assert topic in _detected(topics, sentence)


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("My toddler controls everything I do these days, from bedtime to breakfast.", "abuse"),
        ("She packed her car keys, her passport and her phone before the flight.", "abuse"),
        ("He threw a party for her fortieth and everyone came.", "abuse"),
        ("Nobody fed us at the conference, so we went for pizza after.", "abuse"),
        ("I hid an AirTag in my own bag in case it was stolen again.", "abuse"),
        ("My kids kept nagging me until I gave in and bought a puppy.", "sexual-violence"),
        ("I owed him a favour after he helped me move house.", "sexual-violence"),
        ("The physio touched my shoulder and asked if it was sore.", "sexual-violence"),
        ("I picked up my mum's painkillers from the pharmacy on the way home.", "substance-use"),
        ("I was taking my mum's painkillers to her in hospital.", "substance-use"),
        ("I'm hooked on that new crime drama.", "substance-use"),
        ("The weekend was overwhelming, with three birthday parties and a wedding.", "trauma"),
        ("Nurses see things differently after a night shift.", "trauma"),
        ("The puppy bit my sleeve while we were playing.", "trauma"),
        ("Flight prices dropped sharply after the holidays.", "trauma"),
        # Batch Y's false alarm as a class: a practice run in line with trauma-informed practice.
        ("Our reception training focuses on warm greetings and clear signage, in line with "
         "trauma-informed practice.", "trauma"),
        ("Our reception team follows trauma-informed principles so every visitor feels welcome.",
         "trauma"),
    ],
)
def test_the_near_misses_of_batch_y_are_not_the_topic(topics, sentence: str, topic: str) -> None:
    assert topic not in _detected(topics, sentence)

# Batch Z's false alarms as classes (near misses of our own that must not fire), each beside a
# use of the same words that stays the topic.
@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        ("No safeguarding issues identified; the session focused on homework routines.", "abuse",
         False),
        ("Safeguarding concerns were raised after the child said she was hit at home.", "abuse",
         True),
        ("The striker was booked for abuse of the referee in the second half.", "abuse", False),
        ("My three-year-old keeps hitting his baby brother when he's tired.", "abuse", False),
        ("The kids watched my stepdad hit my little sister.", "abuse", True),
        ("A chaperone should be present for any intimate exam, and patients can ask for one.",
         "sexual-violence", False),
        ("Honestly this salted caramel is like crack, I can't stop eating it.", "substance-use",
         False),
        ("She moved from cannabis to drugs like crack and heroin within a year.", "substance-use",
         True),
        ("Grandma has one small sherry every Christmas Day and toasts absent friends.",
         "substance-use", False),
        ("He finishes a bottle of whisky most nights now.", "substance-use", True),
        ("Jane Austen was born in Steventon in 1775 and died in Winchester in 1817.",
         "death-and-grief", False),
        ("My dad was born in 1950 and died in 2019, and I still miss him.", "death-and-grief",
         True),
        ("I'm copping so much grief from my flatmates about the washing-up.", "death-and-grief",
         False),
        ("The grief I'm getting through since the funeral is heavy.", "death-and-grief", True),
        ("rip to my new white sneakers after that muddy walk", "death-and-grief", False),
        ("rip to my sweet boy, fourteen years of walks", "death-and-grief", True),
        ("rip to the best boss i ever had, the office won't be the same", "death-and-grief", True),
        ("Finishing that book series felt like losing an old friend.", "death-and-grief", False),
        ("Losing my friend to cancer last spring changed everything.", "death-and-grief", True),
        ("that meme was so funny i literally died lol", "death-and-grief", False),
        ("My enthusiasm for the project died somewhere in the second meeting.",
         "death-and-grief", False),
        ("Kids can try headstone rubbings at the heritage open day.", "death-and-grief", False),
        ("We visited Dad's headstone on his birthday.", "death-and-grief", True),
        ("That climb is suicide on a road bike in this wind.", "suicide", False),
        ("My laptop battery is basically suicidal since the update.", "suicide", False),
        ("The captain's declaration looked suicidal until the bowlers ran through them.",
         "suicide", False),
        ("My brother told me he has been feeling suicidal since the job loss.", "suicide", True),
        ("my first haircut after lockdown was honestly traumatic for everyone", "trauma", False),
        ("Hypervigilance about semicolons comes with the proofreading job.", "trauma", False),
        ("Hypervigilance about footsteps in the hall stayed with her for years.", "trauma", True),
    ],
)
def test_the_false_alarm_classes_of_batch_z(topics, sentence: str, topic: str,
                                             flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


# Batch Z's misses as classes: paraphrases of our own that must be found, and near misses with
# the same words in another sense.
@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        ("Client describes a passive wish to be dead most evenings.", "suicide", True),
        ("I wish to be dead honest, the cake was dry.", "suicide", False),
        ("There was a year when she didn't want to wake up at all.", "suicide", True),
        ("Many young men feel there is no way out of the debt and the silence.", "suicide", False),
        ("Many young men feel there is no way out.", "suicide", True),
        ("She told the nurse she couldn't carry on.", "suicide", True),
        ("She couldn't carry on with the course after the move.", "suicide", False),
        ("Nothing seems worth it any more, honestly.", "suicide", True),
        ("He wrote letters to everyone he loved and left them on the table.", "suicide", True),
        ("At fourteen I decided I'd be gone by my fifteenth birthday.", "suicide", True),
        ("Do you ever catch yourself giving your things away in your head?", "suicide", True),
        ("My girlfriend goes through all my texts and sulks if I go out.", "abuse", True),
        ("My girlfriend goes through all my essays before I hand them in.", "abuse", False),
        ("He deleted all my friends' numbers while I slept.", "abuse", True),
        ("I had a story ready for every bruise I rehearsed in the mirror.", "abuse", False),
        ("Every bruise came with an excuse she'd rehearsed.", "abuse", True),
        ("Neglect means a child going without food or supervision.", "abuse", True),
        ("Neglect means the garden gets overgrown by August.", "abuse", False),
        ("They left their toddler alone in the car for an hour.", "abuse", True),
        ("He kept sending me photos I never asked for.", "sexual-violence", True),
        ("He kept sending me photos of the house I asked for.", "sexual-violence", False),
        ("She said if I didn't sleep with her she'd leave.", "sexual-violence", True),
        ("He touched her sexually while she was asleep.", "sexual-violence", True),
        ("He was ordering diazepam online on top of his prescribed dose.", "substance-use", True),
        ("The inquest heard she took a mix of sedatives and alcohol.", "substance-use", True),
        ("I needed the tablets just to get out of bed by then.", "substance-use", True),
        ("Drinking above the recommended weekly limit harms sleep.", "substance-use", True),
        ("Those Monday comedowns wrecked my week.", "substance-use", True),
        ("Monday blues hit hard after the bank holiday.", "substance-use", False),
        ("We had to let our old spaniel go last night.", "death-and-grief", True),
        ("We had to let our old spaniel go off the lead at the beach.", "death-and-grief", False),
        ("Light a candle for everyone you've lost.", "death-and-grief", True),
        ("Write down everyone you've lost touch with.", "death-and-grief", False),
        ("My mum is terminal and I can't think straight.", "death-and-grief", True),
        ("A van ploughed into the queue outside the market.", "trauma", True),
        ("A van ploughed into the hedge, nobody hurt.", "trauma", False),
        ("The night the IED went off, two of us were thrown clear.", "trauma", True),
        ("After my son went into anaphylaxis I slept by his bed for weeks.", "trauma", True),
    ],
)
def test_the_classes_of_batch_z(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


# Blind batch 18's whole posts: everyday strain, services and griefs that are no abuse or
# death, each beside a use that stays the topic. `declared` is the post's warnings.
@pytest.mark.parametrize(
    ("sentence", "topic", "declared", "flagged"),
    [
        ("Try not to tiptoe; walking on eggshells around a low partner helps nobody.", "abuse",
         (), False),
        ("For years I was walking on eggshells so his temper wouldn't go off.", "abuse", (), True),
        ("We all walked on eggshells, terrified of what she'd do when she got home.", "abuse",
         (), True),
        ("If the flat is a fire risk, the fire service, the council or adult social services "
         "can help.", "abuse", (), False),
        ("Social services came the morning after I told my teacher.", "abuse", (), True),
        ("Look out for unexplained bruises and long sleeves in summer.", "abuse", ("self-harm",),
         False),
        ("Look out for unexplained bruises and long sleeves in summer.", "abuse", (), True),
        ("Leaving home can bring a kind of language bereavement, an ache for your mother tongue.",
         "death-and-grief", (), False),
        ("Many migrants describe bereavement for a homeland they can't go back to.",
         "death-and-grief", (), False),
        ("Bereavement after a parent's death abroad can feel doubly lonely.", "death-and-grief",
         (), True),
    ],
)
def test_the_false_alarm_classes_of_batch_18(
    topics, sentence: str, topic: str, declared: tuple[str, ...], flagged: bool
) -> None:
    text = prose_of(sentence, 1).text
    assert any(topics[topic].matches(text, None, declared)) is flagged


POINTERS = [
    ("If you ever have thoughts of harming yourself, call or text 988.", "self-harm"),
    ("If you're having thoughts of suicide or feel you can't keep yourself safe, call or "
     "text 988 at any time.", "suicide"),
    ("Call Samaritans on 116 123 if you are having suicidal thoughts.", "suicide"),
    ("- **If you're in crisis or having thoughts of harming yourself:** call or text 988.",
     "self-harm"),
]  # fmt: skip


def test_a_pointer_to_help_is_asked_about_never_stopped(hub: Hub) -> None:
    """Four of the eleventh blind batch's fourteen posts (on panic in pregnancy, eating
    disorders, carers, memories of abuse) give a crisis line this way and discuss neither
    topic: the writer is asked, in a short post as in a long one. Each case a post of its
    own, all checked by one command."""
    import json

    story = "Last year she had thoughts of suicide and told no one."
    # Not a pointer: what someone else did, told with "if".
    told = "If he had thoughts of suicide, he never told anyone; we found out from his diary."
    bodies = {}
    for number, (pointer, _) in enumerate(POINTERS):
        bodies[f"pointer{number}"] = "Rest matters.\n\n<!-- more -->\n\n" + pointer + "\n"
        bodies[f"story{number}"] = bodies[f"pointer{number}"] + "\n" + story + "\n"
    bodies["told"] = "Rest.\n\n<!-- more -->\n\n" + told + "\n"
    for slug, body in bodies.items():
        hub.write_post(f"{slug}.md", post_text(body=body, slug=slug))
    found: dict[str, list[tuple[str, str]]] = {slug: [] for slug in bodies}
    for f in json.loads(hub.check("--format", "json").stdout):
        if f["rule"].startswith("content-warning"):
            found[f["path"].rsplit("/", 1)[1][:-3]].append((f["rule"], f["severity"]))
    for number, (_, topic) in enumerate(POINTERS):
        assert found[f"pointer{number}"] == [(f"content-warning.undeclared-{topic}", "warning")]
        assert ("content-warning.undeclared-suicide", "error") in found[f"story{number}"]
    assert found["told"] == [("content-warning.undeclared-suicide", "error")]


def test_an_assault_among_other_frightening_events_is_trauma_not_sexual_violence(topics) -> None:
    sentence = "Whether it's a car crash, an assault, a wildfire evacuation, or a sudden loss."
    assert _detected(topics, sentence) == {"trauma"}


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # The twelfth blind batch's classes, each with a near miss that must stay the topic.
        ("- Don't praise weight loss or comment on their body, even positively.",
         "sexual-violence", False),
        ("My boss would comment on my body every morning and brush past me.",
         "sexual-violence", True),
        ("- feeling cut off from friends, who \"don't get it\"", "abuse", False),
        ("He cut me off from my friends and family.", "abuse", True),
        ("People who live with anxiety often find hangxiety hits them especially hard.",
         "abuse", False),
        ("Dad hits them hard when he's been drinking.", "abuse", True),
    ],
)  # fmt: skip
def test_the_classes_of_the_twelfth_batch(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # The thirteenth blind batch's classes, each with a near miss that must stay the topic:
        # a teacher's safeguarding duties among the workload; addiction said of porn or sex.
        ("Teaching combines heavy emotional labour, accountability pressures, safeguarding "
         "responsibilities and a workload that expands to fill every evening.", "abuse", False),
        ("Her teacher raised a safeguarding concern about what was happening at home.",
         "abuse", True),
        ("## Myth: If you watch porn regularly, you must be addicted", "substance-use", False),
        ('Myth: "Porn addiction" is an official diagnosis', "substance-use", False),
        ("He watched porn all night and was addicted to painkillers.", "substance-use", True),
        ("Drinking and porn: he was addicted.", "substance-use", True),
        ("She was addicted to heroin by the time she was nineteen.", "substance-use", True),
    ],
)  # fmt: skip
def test_the_classes_of_the_thirteenth_batch(
    topics, sentence: str, topic: str, flagged: bool
) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        # The fourteenth blind batch's: an explosion of someone's anger is no blast.
        ("Am I constantly managing their moods to avoid an explosion?", False),
        ("He braced himself for another explosion of rage at dinner.", False),
        ("Her angry outbursts kept the whole house on edge.", False),
        ("Since the explosion at the plant, he still can't sleep.", True),
        ("She was injured in a gas explosion last year.", True),
    ],
)  # fmt: skip
def test_the_classes_of_the_fourteenth_batch(topics, sentence: str, flagged: bool) -> None:
    assert ("trauma" in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # False alarms earlier stops noted and left: a defeat, an offer declined, too much
        # of an everyday thing; each with the use that stays the topic.
        ("We got hammered in the final, 6-0, and still went for pizza.", "substance-use", False),
        ("We got hammered at the pub after the final.", "substance-use", True),
        ("She said no to the promotion and he did not stop asking why.", "sexual-violence",
         False),
        ("She said no to sex and he did not stop.", "sexual-violence", True),
        ("Kids are getting an overdose of screen time this summer.", "substance-use", False),
        ("He took an overdose of paracetamol last spring.", "substance-use", True),
    ],
)  # fmt: skip
def test_everyday_senses_noted_by_earlier_stops(
    topics, sentence: str, topic: str, flagged: bool
) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        # The fifteenth blind batch's: addiction said of gambling (as of porn, batch 13).
        ("His gambling addiction cost him the house.", False),
        ("She was addicted to sports betting for most of her twenties.", False),
        ("She got addicted to online poker and cocaine.", True),
        ("He was addicted to painkillers.", True),
        # Speed as the last of a list of qualities; as a drug, in a list or alone.
        ("Betting apps are built around uncertainty, near-misses and speed.", False),
        ("The job rewards accuracy, patience and speed.", False),
        ("He was taking pills and speed most weekends.", True),
        ("At parties there was always coke, pills or speed.", True),
        ("Speed kept me awake through my finals.", True),
    ],
)  # fmt: skip
def test_the_classes_of_the_fifteenth_batch(topics, sentence: str, flagged: bool) -> None:
    assert ("substance-use" in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "death_named"),
    [
        # Death named as what grief is not (blind batch 15): only the grief words count, so
        # a long post of them is in passing; a death told stays a death.
        ("Grief isn't only about death.", False),
        ("Grief is not just about someone dying.", False),
        ("You can grieve even when nobody has died.", False),
        ("It is a loss without a death, and still a loss.", False),
        ("Grief after a death is not only sadness.", True),
        ("Without the death of her brother, none of this would have happened.", True),
        ("His death was not only sudden but violent.", True),
    ],
)  # fmt: skip
def test_death_named_as_what_a_loss_is_not_is_no_death(
    topics, sentence: str, death_named: bool
) -> None:
    found = [m.group(0).lower() for m in topics["death-and-grief"].matches(sentence)]
    named = any(not w.startswith(("grie", "mourn")) for w in found)
    assert named is death_named, found


def test_recovery_alone_is_the_eating_disorder_s_in_a_post_that_warns_of_it(hub: Hub) -> None:
    """"People in recovery" in a post declaring eating-disorders is that recovery; in a post
    declaring nothing it still asks about substance use."""
    body = ("Recovery is rarely a straight line.\n\n<!-- more -->\n\n"
            "Many people in recovery describe discovering who they are.\n\n"
            "If you're supporting someone in recovery, your steady presence matters.\n")
    hub.write_post("ed.md", post_text(body=body, slug="ed",
                                      content_warnings=["eating-disorders"]))
    hub.write_post("plain.md", post_text(body=body, slug="plain"))
    found = {(f["path"].rsplit("/", 1)[-1], f["rule"])
             for f in json.loads(hub.check("--format", "json").stdout)}
    assert ("ed.md", "content-warning.undeclared-substance-use") not in found
    assert ("plain.md", "content-warning.undeclared-substance-use") in found


def test_thoughts_of_dying_in_a_post_that_warns_of_death_are_its_mortality(hub: Hub) -> None:
    """A cancer post's "Why do I keep thinking about dying?" (the twelfth blind batch): with
    death-and-grief declared, no suicide warning is asked for; without it, both are."""
    body = ("Fear is common.\n\n<!-- more -->\n\n## Why do I keep thinking about dying?\n\n"
            "Thoughts about death are a very human response to a diagnosis.\n")  # fmt: skip
    assert _warning_findings(hub, body, content_warnings=["death-and-grief"]) == []
    found = _warning_findings(hub, body)
    assert ("content-warning.undeclared-suicide", "error") in found


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # Batch U's classes (blind, 2026-12-06), each with near misses that must stay out.
        # Self-harm: wounds someone made on themselves, what they had been doing to their arms,
        # scars to cover, thin lines on a thigh, a hair tie snapped on a wrist, knuckles ground
        # into a wall, a head banged on a wall when overwhelmed (not the idiom).
        ("Teachers often miss injuries that young people have inflicted on themselves.",
         "self-harm", True),
        ("She never told anyone what she had been doing to her thighs.", "self-harm", True),
        ("Any tips for hiding scars when you start a new job?", "self-harm", True),
        ("Best concealer to cover acne scars?", "self-harm", False),
        ("He noticed the faint silvery lines across her forearm.", "self-harm", True),
        ("I've got white tan lines on my arms from my watch.", "self-harm", False),
        ("She kept snapping the band on her wrist in lessons until it left welts.",
         "self-harm", True),
        ("Wear a hair tie on your wrist so you always have one.", "self-harm", False),
        ("She dragged her arms along the pebbledash until they bled.", "self-harm", True),
        ("Pressed my hands against the wall until the cramp eased.", "self-harm", False),
        ("My son bangs his head on the floor when he's overwhelmed.", "self-harm", True),
        ("I could bang my head against the wall when the printer jams.", "self-harm", False),
        ("I did this to myself, should have gone to bed earlier.", "self-harm", False),
        # Substance use: chasing a high, track marks, money up someone's nose, hooked on
        # prescription pills, laced with a drug, ice use, drinking to get out of bed, pills to
        # sleep, a hidden bottle, smelling of drink, waking on a sofa with no memory.
        ("He spent his twenties chasing a high he never got back.", "substance-use", True),
        ("Chasing a high score on the arcade machine all afternoon.", "substance-use", False),
        ("Every penny of her wages went up her nose that year.", "substance-use", True),
        ("Water went up his nose when he dived in.", "substance-use", False),
        ("She got hooked on codeine after the operation.", "substance-use", True),
        ("I'm hooked on true crime podcasts.", "substance-use", False),
        ("Pills laced with fentanyl are turning up in the city.", "substance-use", True),
        ("The wedding cake was laced with brandy.", "substance-use", False),
        ("The new ice use policy at the rink bans sticks on public sessions.",
         "substance-use", False),
        ("He needed a drink to steady his hands before work.", "substance-use", True),
        ("I couldn't get through the day without a drink by then.", "substance-use", True),
        ("I can't sleep without my fan on.", "substance-use", False),
        ("Mum kept vodka in the cistern for years.", "substance-use", True),
        ("A bottle of perfume in the wardrobe had leaked onto her scarves.",
         "substance-use", False),
        ("Dad always came in smelling of whisky after his shift.", "substance-use", True),
        ("The cake smelled of rum and cinnamon.", "substance-use", False),
        ("He fell asleep on the train and woke up in Crewe with no idea how he got there.",
         "substance-use", False),
        # Eating disorders: months of barely eating, lying about having eaten, worry about
        # someone's eating, the wrist test, exercise to undo food, gaining it all back.
        ("He's hardly eaten anything for weeks and the school nurse has noticed.",
         "eating-disorders", True),
        ("I've barely eaten since lunch, I'm starving.", "eating-disorders", False),
        ("She keeps lying about what she's eaten at school.", "eating-disorders", True),
        ("We're really worried about her eating since she started university.",
         "eating-disorders", True),
        ("Any concerns about eating out with a nut allergy should go to the trip leader.",
         "eating-disorders", False),
        ("I ran an extra five miles because I'd eaten a whole pizza the night before.",
         "eating-disorders", True),
        ("We ran to the station because we had a train to catch.", "eating-disorders", False),
        ("She wore a watch so big it circled her wrist twice.", "eating-disorders", False),
        # Death and grief: condolences, a baby lost at so many weeks, a first Christmas without
        # Mum, someone drowned (not drowned out, nor the near-drowned), a town mourning a bank.
        ("Our deepest condolences to the family.", "death-and-grief", True),
        ("Sorry for your loss on Saturday, lads, better luck next week.",
         "death-and-grief", False),
        ("They lost their son at 30 weeks last spring.", "death-and-grief", True),
        ("We lost our little boy in the supermarket for five terrifying minutes.",
         "death-and-grief", False),
        ("Our first Christmas without Mum, and the house feels wrong.", "death-and-grief", True),
        ("Three weeks without my phone and I feel brilliant.", "death-and-grief", False),
        ("Two teenagers drowned in the reservoir during the heatwave.", "death-and-grief", True),
        ("His voice was drowned out by the crowd.", "death-and-grief", False),
        ("He nearly drowned at the beach as a boy and still won't swim.",
         "death-and-grief", False),
        ("The village is grieving the closure of its only post office after 120 years.",
         "death-and-grief", False),
        ("The whole town is mourning the loss of the two boys killed on the bypass.",
         "death-and-grief", True),
        # Suicide: an attempt survived last spring, going through with it, looking up ways, no
        # way out, talked down from a ledge, how easy to step off, not around any more, a
        # plan and a date, nobody noticing I'm gone, passive ideation; a manoeuvre on the
        # road called suicidal is not.
        ("She survived her attempt two years ago and now volunteers with us.", "suicide", True),
        ("The hostage's guards foiled an attempt to free him.", "suicide", False),
        ("not being dramatic but i've started looking up ways and that scared me",
         "suicide", True),
        ("I spent ages looking up ways to make sourdough.", "suicide", False),
        ("The climbers could see no way out of the cave until the tide dropped.",
         "suicide", False),
        ("Police talked the man down from the bridge after two hours.", "suicide", True),
        ("We talked the cat down from the roof with a tin of tuna.", "suicide", False),
        ("how easy it would be to just step off the treadmill and go home", "suicide", False),
        ("When a client tells me they have a plan and a date, I change my approach.",
         "suicide", True),
        ("We have a plan and a date for the wedding!", "suicide", False),
        ("Nobody will notice I'm gone for an hour, the party's loud.", "suicide", False),
        ("Passive ideation is more common than people think.", "suicide", True),
        ("We drove out to the cliffs for a picnic on Sunday.", "suicide", False),
        ("That U-turn on the bypass was absolutely suicidal, he nearly hit a bus.",
         "suicide", False),
        ("Pulling out of the driveway that morning, I was suicidal and nobody knew.",
         "suicide", True),
    ],
)  # fmt: skip
def test_the_classes_of_batch_u(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # An outside red team's classes (slang, method and place told as a story, a no not
        # heeded, a loss), each beside an everyday sentence with the same words.
        ("He topped himself last year.", "suicide", True),
        ("He topped the league last season.", "suicide", False),
        ("honestly i want to kms", "suicide", True),
        ("I ran 10 kms this morning.", "suicide", False),
        ("She self-deleted after the bullying.", "suicide", True),
        ("He talked about checking out early, the permanent way.", "suicide", True),
        ("Check out early for the best deals!", "suicide", False),
        ("He used a rope from the garage rafters.", "suicide", True),
        ("We hung the rope swing from the old oak branch.", "suicide", False),
        ("She drove to the cliffs and went over the edge.", "suicide", True),
        ("We walked along the cliffs at sunset, careful near the edge.", "suicide", False),
        ("She's doing SH again, mostly on her thighs.", "self-harm", True),
        ("She keeps a blade in her pencil case.", "self-harm", True),
        ("She keeps a spare blade for her craft knife in the sewing box.", "self-harm", False),
        ("He was on Xanny bars all weekend.", "substance-use", True),
        ("We got blazed every night after school.", "substance-use", True),
        ("We got stoned fruit at the market.", "substance-use", False),
        ("He polished off a fifth before noon.", "substance-use", True),
        ("She said no, and he did not stop.", "sexual-violence", True),
        ("She said no to dessert, and he did not stop teasing her about it.",
         "sexual-violence", False),
        ("We lost Dad in March.", "death-and-grief", True),
        ("We lost Dad in the supermarket for ten minutes.", "death-and-grief", False),
    ],
)  # fmt: skip
def test_the_classes_an_outside_red_team_found(
    topics, sentence: str, topic: str, flagged: bool
) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # A third outside red team's classes (topics told without their words): self-harm by
        # its objects (long sleeves on the hottest days, a sharpener's blade hidden, plasters
        # beside a blade), passive wishes (everyone would manage fine if you simply weren't
        # around, closing your eyes one night and staying there), restriction (one apple a
        # day, weight lost by barely eating, running until dizzy, needing to shrink), a death
        # as what took someone, drinks then whatever pills, abuse by its marks and control.
        # Each attack's own sentence, paraphrases of the class, and everyday near misses.
        ("By August she had swapped shorts for long sleeves, even on the hottest days.",
         "self-harm", True),
        ("He wore long sleeves all through the heatwave and wouldn't say why.", "self-harm", True),
        ("Even in the sweltering July sun? No: she kept to long sleeves, even on the warmest "
         "afternoons.",
         "self-harm", True),
        ("He wore long sleeves in winter and shorts in summer.", "self-harm", False),
        ("We wore long sleeves even on the hottest days to keep the mosquitoes off.",
         "self-harm", False),
        ("Later, her mother found the little blade from a pencil sharpener tucked in her sock "
         "drawer, next to a box of plasters.",
         "self-harm", True),
        ("He had taken a pencil sharpener apart to get the blade.", "self-harm", True),
        ("Her dad found a blade out of a sharpener hidden under her mattress.", "self-harm", True),
        ("There were always plasters in his school bag, and once a razor blade.",
         "self-harm", True),
        ("The blade from the pencil sharpener was blunt, so we bought a new one.",
         "self-harm", False),
        ("Keep plasters in the kitchen drawer in case the mandoline blade catches a finger.",
         "self-harm", False),
        ("The first-aid box has plasters, scissors and a spare razor.", "self-harm", False),
        ("You may catch yourself thinking that everyone would manage fine if you simply weren't "
         "around anymore.",
         "suicide", True),
        ("He said his kids would cope better without him.", "suicide", True),
        ("Sometimes I think my family would do just fine if I wasn't here.", "suicide", True),
        ("You may wonder what it would be like to close your eyes one night and simply stay "
         "there, so the tiredness could finally stop.",
         "suicide", True),
        ("I just wanted to fall asleep and never wake.", "suicide", True),
        ("She wished she could shut her eyes and never open them again.", "suicide", True),
        ("Close your eyes and stay there for a few slow breaths.", "suicide", False),
        ("Your team would manage fine without you for a week, so take the holiday.",
         "suicide", False),
        ("The kids will cope fine without me for one weekend.", "suicide", False),
        ("Most nights I fall asleep and don't wake up until seven.", "suicide", False),
        ("The shop would run fine if you simply weren't around for the afternoon.",
         "suicide", False),
        ("She had lost twenty pounds by eating only an apple a day and running until she felt "
         "dizzy.",
         "eating-disorders", True),
        ("For a month he lived on nothing but one rice cake a day.", "eating-disorders", True),
        ("She dropped two dress sizes by skipping meals all term.", "eating-disorders", True),
        ("He skipped dinner and ran laps until he felt faint, to burn off the calories.",
         "eating-disorders", True),
        ("When she looked in the mirror, she still saw someone who needed to shrink.",
         "eating-disorders", True),
        ("He lost ten pounds by walking every day and cooking at home.", "eating-disorders", False),
        ("An apple a day keeps the doctor away.", "eating-disorders", False),
        ("The marathon runner ran until he collapsed at the finish line.",
         "eating-disorders", False),
        ("Looking at the budget, we saw the list needed to shrink.", "eating-disorders", False),
        ("An empty place setting at the holiday table, kept for my brother, who sat there every "
         "year until the accident took him in the spring",
         "death-and-grief", True),
        ("Cancer took my dad at fifty.", "death-and-grief", True),
        ("The sea took him, and we never found his boat.", "death-and-grief", True),
        ("The accident took him out of the race for a season.", "death-and-grief", False),
        ("Cancer took her hair but not her humour.", "death-and-grief", False),
        ("The war took him to France and back.", "death-and-grief", False),
        ("Friday | a few drinks, then whatever pills someone had in their pocket",
         "substance-use", True),
        ("We'd have a couple of beers and then some random pills from a guy at the party.",
         "substance-use", True),
        ("He'd take whatever pills a stranger offered at the club.", "substance-use", True),
        ("She had a glass of wine and then some tablets for the headache.", "substance-use", False),
        ("A few drinks, then whatever snacks were left in the cupboard.", "substance-use", False),
        ("Take whatever tablets your doctor prescribed.", "substance-use", False),
        ("When Your Partner's Temper Leaves Marks You Cover With Makeup", "abuse", True),
        ("When love comes with a checked phone, a locked door and a fist through the wall, it is "
         "not your fault.",
         "abuse", True),
        ("She learned to hide the bruises with concealer before work.", "abuse", True),
        ("My boyfriend put his fist through the door when I said I was going out.", "abuse", True),
        ("His fists left bruises where nobody would see.", "abuse", True),
        ("A little concealer covers the marks from acne.", "abuse", False),
        ("He put his fist through the wall when his team lost the final.", "abuse", False),
        ("The toddler's hands left marks all over the window.", "abuse", False),
        ("I love my new phone; the battery checked out fine.", "abuse", False),
    ],
)  # fmt: skip
def test_the_classes_a_third_outside_red_team_found(
    topics, sentence: str, topic: str, flagged: bool
) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # A fifth outside red team's classes: each attack's wording, paraphrases a different
        # writer would use, and the everyday senses of the same words.
        # A wish not to live told with a contraction; a job, a party or a town left is not.
        ("Jamie didn't want to be here anymore, and one Tuesday in March he wasn't.",
         "suicide", True),
        ("She doesn't want to be alive any more.", "suicide", True),
        ("i dont wanna exist anymore", "suicide", True),
        ("He didn't want to go on any longer.", "suicide", True),
        ("He said he didn't want to be alive.", "suicide", True),
        ("He didn't want to be here anymore, so he quit and moved to Leeds.", "suicide", False),
        ("She didn't want to be here any more in that job.", "suicide", False),
        ("The kids didn't want to be here at first, but by lunch they loved the museum.",
         "suicide", False),
        ("I don't want to live in the city any more.", "suicide", False),
        # Neat lines someone made on their own skin; tan lines, a strap's and henna's are not.
        ("Under mine were neat lines I made on my forearm whenever the feelings got too loud.",
         "self-harm", True),
        ("There were rows of straight little cuts on her thigh.", "self-harm", True),
        ("The marks she had made on her own wrists were healing.", "self-harm", True),
        ("Parallel lines across his upper arm, always the same length.", "self-harm", True),
        ("She drew neat lines on her arm with henna for the wedding.", "self-harm", False),
        ("Straight tan lines on my arms from the cycling jersey.", "self-harm", False),
        ("The neat lines on my forearm from my watch strap faded by noon.", "self-harm", False),
        # Pro-ana any way it is spelt (digits for letters: disguise.py), and its boards.
        ("Teens tell us they find th1nspo boards, pr0 ana \"coaches\" who text them daily "
         "rules, and m1a tips.", "eating-disorders", True),
        ("She followed pro mia accounts for months.", "eating-disorders", True),
        ("proana blogs and bonespo boards", "eating-disorders", True),
        ("She posts thinsp0 every night.", "eating-disorders", True),
        ("Ana coaches the under-tens on Saturdays.", "eating-disorders", False),
        ("Mia tips the waiter well.", "eating-disorders", False),
        ("The pros and cons of an analysis.", "eating-disorders", False),
        # A no not heeded, with words between; declining a drink is not.
        ("I remember saying no, and I remember that he didn't stop.", "sexual-violence", True),
        ("I kept saying no, but he just didn't stop.", "sexual-violence", True),
        ("I told him no more than once and he wouldn't stop.", "sexual-violence", True),
        ("I said no to the second drink and he didn't stop laughing about it.",
         "sexual-violence", False),
        ("I said no thanks, and they didn't stop there.", "sexual-violence", False),
        # Grooming: a child told she is mature for her years, photos kept secret from parents.
        ("He told her she was mature for twelve, and asked her to keep their photos a secret "
         "from her mum.", "sexual-violence", True),
        ("He said she was so mature for a twelve-year-old.", "sexual-violence", True),
        ("Keep our chats a secret from your parents, he wrote.", "sexual-violence", True),
        ("My coach bought me gifts, told me I was more mature than the other girls, and said "
         "our late-night chats had to stay secret from my parents.", "sexual-violence", True),
        ("Keep the photos a secret from Mum until her birthday.", "sexual-violence", False),
        ("Her teacher says she is more mature than the other kids in her reading.",
         "sexual-violence", False),
        # A bender and a flask hidden; a pipe bender, a fender-bender and a flask of tea are not.
        ("By the third day of the bender I could not remember where I had parked.",
         "substance-use", True),
        ("He went on a three-day bender after the funeral.", "substance-use", True),
        ("Weekend benders were normal in my twenties.", "substance-use", True),
        ("I kept a flask in my boot so nobody at the barbecue would see me top up.",
         "substance-use", True),
        ("She topped up her coffee from a hip flask every morning.", "substance-use", True),
        ("Bend the copper with a pipe bender.", "substance-use", False),
        ("It was only a fender-bender in the car park.", "substance-use", False),
        ("Bender is my favourite Futurama character.", "substance-use", False),
        ("I kept a flask in my boot for hot tea on the drive.", "substance-use", False),
        ("A flask of soup in my bag keeps me going at work.", "substance-use", False),
    ],
)  # fmt: skip
def test_the_classes_a_fifth_outside_red_team_found(
    topics, sentence: str, topic: str, flagged: bool
) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        # A wake time, a wake-up alarm, in the wake of a storm (a new-user tester's link
        # "the wake time tip" stopped a strict build); a wake after a death stays the topic.
        ("See [the wake time tip](#wake-time) for more.", False),
        ("Keep the wake time the same every day, weekends too.", False),
        ("Set the wake-up alarm across the room.", False),
        ("In the wake of the storm, the roads closed for a week.", False),
        ("The wake was held at the pub on Friday.", True),
        ("I cried at the wake.", True),
    ],
)
def test_a_wake_time_is_not_a_wake(topics, sentence: str, flagged: bool) -> None:
    assert ("death-and-grief" in _detected(topics, sentence)) is flagged


# Batch AB's classes, in our own words: what must be found, and near misses that must not.
@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        ("He'd swim forty lengths after tea to burn it off.", "eating-disorders", True),
        ("He'd swim forty lengths after tea to clear his head.", "eating-disorders", False),
        ("If she went over her number she'd skip breakfast the next day.", "eating-disorders",
         True),
        ("Her running has become compulsive: she trains through injuries rather than rest.",
         "eating-disorders", True),
        ("I knew the calories in mints and lip balm by heart.", "eating-disorders", True),
        ("A banana has about a hundred calories, which makes it a handy snack.",
         "eating-disorders", False),
        ("My son heads to the toilet straight after every dinner and runs the tap.",
         "eating-disorders", True),
        ("My son heads to the toilet straight after the film, every time.", "eating-disorders",
         False),
        ("Every night I'd circle my hands round my thighs to check.", "eating-disorders", True),
        ("My treat day was really a binge I'd hidden from everyone.", "eating-disorders", True),
        ("Our café's treat day is Friday: cake for anyone who books a session.",
         "eating-disorders", False),
        ("He was held at knife-point for his phone outside the station.", "trauma", True),
        ("She gave CPR on her husband on the kitchen floor.", "trauma", True),
        ("Our first-aid refresher covers CPR training for all staff.", "trauma", False),
        ("The captors kept him blindfolded for a week.", "trauma", True),
        ("Fireworks still drag me straight back to the shelling.", "trauma", True),
        ("That song sends me straight back to the school disco.", "trauma", False),
        ("Our daughter was born at 27 weeks and spent months in neonatal care.", "trauma", True),
        ("Our daughter was born at 40 weeks after a calm labour.", "trauma", False),
        ("Divers spent two days recovering the bodies from the ferry.", "trauma", True),
        ("He got stabbed walking home from the chip shop.", "trauma", True),
        ("I was stabbed in the back by a colleague over the rota.", "trauma", False),
        ("My little brother drowned off the pier the summer I turned ten.", "trauma", True),
        ("I'm drowning in paperwork this week.", "trauma", False),
        ("The hostages were freed after three weeks.", "trauma", True),
        ("Since the assault, he won't take the night bus.", "trauma", True),
        ("The assault course at the team day was brutal on my knees.", "trauma", False),
        ("The fear lingers in your body long after the danger has passed.", "trauma", True),
        ("Bottles thrown against the wall were the soundtrack of my childhood.", "trauma", True),
        ("Footage from Sudan leaves me shaking; my family are still there.", "trauma", True),
        ("Our team offers trauma-informed care, which means you set the pace.", "trauma", False),
        ("Two of our therapists are accredited in EMDR and trauma-focused CBT.", "trauma",
         False),
        ("My desk is a disaster zone by Friday afternoon.", "trauma", False),
        ("After the quake the town centre was a disaster zone and people slept outside.",
         "trauma", True),
    ],
)
def test_the_classes_of_batch_ab(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


# Batch AC's classes, in our own words: what must be found, and near misses that must not.
@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        ("He insisted on a receipt for every sandwich I bought and checked my bank app.",
         "abuse", True),
        ("Finance demands a receipt for every purchase over £10.", "abuse", False),
        ("She checked the mileage on my car after every shift to see where I'd been.",
         "abuse", True),
        ("The garage checked the mileage on my car before the MOT.", "abuse", False),
        ("He tracked my phone and read my texts, and punished me for being ten minutes late home.",
         "abuse", True),
        ("The app tracks your location so it can show cafés nearby.", "abuse", False),
        ("I wasn't allowed to close the bedroom door, even to get changed.", "abuse", True),
        ("Each month she had to hand over her wages to him every payday and ask for bus fare.",
         "abuse", True),
        ("Please hand your bank card to the cashier to pay.", "abuse", False),
        ("We got a weekly allowance back only if we'd behaved, he said.", "abuse", True),
        ("His son had been quietly draining his dad's savings account for years.", "abuse", True),
        ("He kept his aunt's pension letters in a folder for her.", "abuse", False),
        ("The lodger pressured her into signing over the house before anyone noticed.",
         "abuse", True),
        ("Mum set up a lasting power of attorney with her solicitor last spring.", "abuse", False),
        ("She made sure I had no friends, no phone and no money of my own.", "abuse", True),
        ("He took her passport 'for safekeeping' and never gave it back.", "abuse", True),
        ("Her son told the neighbours she was too confused for visitors and to stop calling round.",
         "abuse", True),
        ("I told my friends I was unwell and went home early.", "abuse", False),
        ("He messaged from a new account each time she blocked him.", "abuse", True),
        ("He'd throw a mug right past my head if dinner was late.", "abuse", True),
        ("As kids we got the belt for answering back.", "abuse", True),
        ("The dress came with the belt, which I never wear.", "abuse", False),
        ("She read my texts aloud at Christmas to humiliate me in front of everyone.",
         "abuse", True),
        ("We still have the marks my dad left on the door frame measuring our heights.",
         "abuse", False),
        ("I hid the bruises my stepdad left under a scarf all winter.", "abuse", True),
        ("The little girl went rigid whenever her stepdad arrived and begged not to go home.",
         "abuse", True),
        ("Some of the pupils were clearly going without proper food at home.", "abuse", True),
        ("Dad would vanish for weeks and we were left alone with an empty fridge.", "abuse", True),
        ("Dad would disappear for days on fishing trips and bring back mackerel.", "abuse", False),
        ("She and her kids were rehoused in a refuge after the last attack.", "abuse", True),
        ("We sheltered in a mountain refuge when the storm hit.", "abuse", False),
        ("Elderly people are sometimes exploited by someone they trust, often family.",
         "abuse", True),
        ("He made rule after rule until there was no part of her life that was her own.",
         "abuse", True),
        ("With a newborn there was no part of my life that was mine for months.", "abuse", False),
        ("The striker faced abuse from sections of the away fans.", "abuse", False),
        ("She wouldn't let him eat another biscuit before dinner, so he sulked.", "abuse", False),
        ("She'd used a razor on herself again after the party.", "self-harm", True),
        ("I used the lighter on the barbecue and burnt my thumb.", "self-harm", False),
        ("He bangs his head on the floor whenever he's overwhelmed at school.", "self-harm", True),
        ("I've been banging my head against a brick wall with this tax return.",
         "self-harm", False),
        ("She used to throw herself against the wall when the feelings got too big.",
         "self-harm", True),
        ("He threw himself into his work after the divorce.", "self-harm", False),
        ("I pick at the scabs so they never heal.", "self-harm", True),
        ("Prisoners sometimes swallow batteries so they will be moved to hospital.",
         "self-harm", True),
        ("Our toddler swallowed a coin and we spent the night in A&E.", "self-harm", False),
        ("The PE teacher saw parallel scars along his upper arm.", "self-harm", True),
        ("Draw parallel lines on the page to mark the margins.", "self-harm", False),
        ("She found bloodstained plasters hidden at the back of his drawer.", "self-harm", True),
        ("Mark the cuts in places she could reach herself on the body map.", "self-harm", True),
        ("What should a coach do when a swimmer discloses self-cutting?", "self-harm", True),
        ("The council disclosed cutting costs by a tenth.", "self-harm", False),
        ("The cuts on her legs, she admitted, she had done them to herself.", "self-harm", True),
        ("Self-poisoning is the most common form of self-harm seen in hospital.",
         "self-harm", True),
        ("I'd starve myself for a day as a punishment whenever I messed up.", "self-harm", True),
        ("We stopped the kids' pocket money for a week as a punishment.", "self-harm", False),
        ("If your son keeps having 'accidents' and the injuries never add up, ask gently.",
         "self-harm", True),
        ("I wear long sleeves all summer because I burn so easily.", "self-harm", False),
        ("Her coach said their special bond must be a secret, even from her mum.",
         "sexual-violence", True),
        ("Their special friendship was no secret to anyone in the village.",
         "sexual-violence", False),
        ("He said no one would believe a girl over a teacher.", "sexual-violence", True),
        ("He was passed out on the sofa, so he could not consent to anything.",
         "sexual-violence", True),
        ("My ex told me wives don't get to say no.", "sexual-violence", True),
        ("Freelancers often can't say no to extra work.", "sexual-violence", False),
        ("I gave in to keep the peace, but it wasn't consent.", "sexual-violence", True),
        ("Sulking and nagging to get sex is coercion, not romance.", "sexual-violence", True),
        ("Many victims blame themselves for not pushing him away.", "sexual-violence", True),
        ("She blamed herself for not pushing harder in the last mile.", "sexual-violence", False),
        ("I never fought him off, so does it count?", "sexual-violence", True),
        ("Intimate searches were carried out with no clinical reason.", "sexual-violence", True),
        ("Intimate examinations are always offered with a chaperone.", "sexual-violence", False),
        ("A man rubbed against me at the gig and it was no accident, it was deliberately done.",
         "sexual-violence", True),
        ("The bus was so packed that everyone pressed against each other.",
         "sexual-violence", False),
        ("Some lads at school flipped up girls' skirts for a laugh.", "sexual-violence", True),
        ("He's threatening to post our intimate photos online.", "sexual-violence", True),
        ("He threatened to post my private messages to the group chat.", "sexual-violence", False),
        ("A housemate secretly filmed her getting changed.", "sexual-violence", True),
        ("She was fifteen and he was thirty-two, and they called him her boyfriend.",
         "sexual-violence", True),
        ("Boys abused sexually in care homes waited decades for justice.",
         "sexual-violence", True),
        ("I felt violated when burglars went through every drawer.", "sexual-violence", False),
        ("The proposal was assaulted by critics on every side.", "sexual-violence", False),
        ("A scorched spoon and some foil were on her bedroom floor.", "substance-use", True),
        ("Wrap the fish in foil and use a wooden spoon for the sauce.", "substance-use", False),
        ("Baggies of powder were handed round in the club toilets.", "substance-use", True),
        ("He was found unresponsive with a needle still in his arm.", "substance-use", True),
        ("The nurse left the needle in my arm while the bag emptied.", "substance-use", False),
        ("We'd do a couple of lines before going out every Friday.", "substance-use", True),
        ("I write a few lines in my journal every morning.", "substance-use", False),
        ("By 10am there was a bottle in her hand again.", "substance-use", False),
        ("He had a can in his hand before breakfast most days.", "substance-use", True),
        ("She kept vodka miniatures tucked in her coat pocket in the wardrobe.",
         "substance-use", True),
        ("We had to lock away even the cooking wine.", "substance-use", True),
        ("I'd reach for a double every evening to blot out the day.", "substance-use", True),
        ("I have a glass of water every evening to take the edge off the hunger.",
         "substance-use", False),
        ("He kept blacking out at parties and laughing it off.", "substance-use", True),
        ("I blacked out at the dentist once.", "substance-use", False),
        ("The cravings start when I walk past the off-licence.", "substance-use", True),
        ("Pregnancy cravings had me eating pickles at midnight.", "substance-use", False),
        ("The shakes and his liver tests said how much he was knocking back.",
         "substance-use", True),
        ("I finished off my dad's leftover codeine and was soon hooked.", "substance-use", True),
        ("Take leftover painkillers back to the pharmacy.", "substance-use", False),
        ("She bought her friend's Ritalin to cram for finals.", "substance-use", True),
        ("She takes her ADHD medication to focus at school.", "substance-use", False),
        ("Keep a hot-water bottle in the car for winter trips.", "substance-use", False),
        ("I nodded off in the meeting, shattered after the long shift.", "substance-use", False),
        ("I wanted to make it look like an accident so my family wouldn't blame themselves.",
         "suicide", True),
        ("In the novel, the killer tried to make it look like an accident.", "suicide", False),
        ("I wrote a note and then couldn't go through with it.", "suicide", True),
        ("I booked the skydive but couldn't go through with it.", "suicide", False),
        ("Standing on the bridge I thought, I could just… and then my phone rang.",
         "suicide", True),
        ("On the platform I thought I could just get the earlier train.", "suicide", False),
        ("Since the breakup I can't see the point of living.", "suicide", True),
        ("I don't see the point of living in London any more.", "suicide", False),
        ("I wondered how long before anyone would realise I was dead.", "suicide", True),
        ("I wonder how long before anyone notices I'm gone to the pub.", "suicide", False),
        ("Mum never came back from her walk; the note she left explained why.", "suicide", True),
        ("He'd been sorting his affairs in order, letters written and a date picked.",
         "suicide", True),
        ("Putting my affairs in order before surgery felt sensible.", "suicide", False),
        ("Police said the singer's death was self-inflicted.", "suicide", True),
        ("The defeat was self-inflicted, the manager admitted.", "suicide", False),
        ("She messaged 'thanks for everything' at midnight and her brother called 999.",
         "suicide", True),
        ("She messaged 'thanks for everything' after the leaving do.", "suicide", False),
        ("This is about the years after his own attempt and the people who kept him here.",
         "suicide", True),
        ("My own attempt at sourdough was a disaster.", "suicide", False),
        ("I sometimes pictured my own funeral and found it soothing.", "suicide", True),
        ("All I want on Sunday is to disappear into my garden.", "suicide", False),
        ("She needed to not be here anymore, so she applied for a job in Leeds.",
         "suicide", False),
    ],
)
def test_the_classes_of_batch_ac(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


# The nineteenth blind batch of whole posts: a word named as a word, and a person labelled by
# the substance they misuse, are no abuse story; an abuser still is.
@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ('Terms such as "junkie" or "abuser" reduce a person to one struggle.', False),
        ('Calling him a "substance abuser" made the nurses colder towards him.', False),
        ("Her abuser kept her passport locked in his desk.", True),
        ("He was an abuser long before anyone in the family said so.", True),
    ],
)
def test_the_classes_of_blind_whole_posts_19(topics, sentence: str, flagged: bool) -> None:
    assert ("abuse" in _detected(topics, sentence)) is flagged


# Batch AD: false alarms by class (a thing, a team, a machine or an animal as what is "abused",
# "died" or traumatised; sport's sudden death and life support; death's customs as history; a
# discontinued biscuit mourned; a figurative high; Dry January as a campaign; an injury's
# tissue trauma; combat a book is not about; a collision claim), then misses by class, each a
# paraphrase of our own with a near miss on the other side.
@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        ("The old router has been abused by years of streaming.", "abuse", False),
        ("Our login endpoint was abused by spam bots all weekend.", "abuse", False),
        ("The child was abused by her stepfather.", "abuse", True),
        ("The linesman took plenty of abuse from the terraces on Saturday.", "abuse", False),
        ("We were all high on the excitement of the final.", "substance-use", False),
        ("He was high on ketamine at the party.", "substance-use", True),
        ("The fans were intoxicated by the atmosphere.", "substance-use", False),
        ("He was intoxicated when he drove home.", "substance-use", True),
        ("Dry January is growing every year, and participants say they sleep better.",
         "substance-use", False),
        ("Dry January lasted three days before I was back on a bottle a night.",
         "substance-use", True),
        ("Binge-watching isn't an addiction in the clinical sense.", "substance-use", False),
        ("His addiction to opioids started after surgery.", "substance-use", True),
        ("The council has put its budget on a crash diet of closures.", "eating-disorders", False),
        ("Our beagle is a notorious binge eater of anything on the counter.",
         "eating-disorders", False),
        ("I'm a binge eater and hide food in my room.", "eating-disorders", True),
        ("The build container died with an out-of-memory error overnight.",
         "death-and-grief", False),
        ("My grandad died in his sleep last night.", "death-and-grief", True),
        ("The town centre is dying as the chains pull out.", "death-and-grief", False),
        ("The play-off went to sudden death after extra time.", "death-and-grief", False),
        ("His sudden death at forty shocked the whole village.", "death-and-grief", True),
        ("The club's promotion push is on life support after another loss.",
         "death-and-grief", False),
        ("Dad has been on life support since Tuesday.", "death-and-grief", True),
        ("The museum's exhibition on Victorian mourning dress is worth a visit.",
         "death-and-grief", False),
        ("We planned Mum's funeral in a week.", "death-and-grief", True),
        ("Fans are mourning their favourite crisps, discontinued after forty years.",
         "death-and-grief", False),
        ("We are mourning our grandmother, who died on Sunday.", "death-and-grief", True),
        ("Grief isn't always about death; people grieve careers and friendships too.",
         "death-and-grief", False),
        ("Scans showed only minor ligament trauma, so she should play on Sunday.",
         "trauma", False),
        ("The trauma of the crash stayed with her for years.", "trauma", True),
        ("Overmixing is a trauma your sponge will never recover from.", "trauma", False),
        ("Our dog still hasn't recovered from the trauma of the groomer.", "trauma", False),
        ("The game is about exploration rather than combat.", "trauma", False),
        ("He saw combat in Afghanistan.", "trauma", True),
        ("The dent was covered by my collision insurance.", "trauma", False),
        ("EMDR is one of several therapies our clinic offers.", "trauma", False),
        ("EMDR is one of the treatments for memories of the attack.", "trauma", True),
        ("This post explains trauma in general terms, without going into anyone's story.",
         "trauma", False),
        # Misses by class.
        ("My stepdad abused me for most of my childhood.", "abuse", True),
        ("Her partner abused her trust by reading her diary.", "abuse", False),
        ("They left the two kids home alone for whole weekends.", "abuse", True),
        ("I left the toddler alone for two minutes to answer the door.", "abuse", False),
        ("I wore long sleeves all summer to hide the bruises.", "abuse", True),
        ("I pulled my sleeves down over my hands because it was freezing.", "abuse", False),
        ("He threw a mug at me when I was late home.", "abuse", True),
        ("My little brother threw a ball at me.", "abuse", False),
        ("The bruises on her arms weren't from the trampoline.", "abuse", True),
        ("The marks on his shins were from football.", "abuse", False),
        ("Her savings seemed to vanish into her son's account each month.", "abuse", True),
        ("Mum's pension goes into her account every Thursday.", "abuse", False),
        ("Residents can report mistreatment by staff in confidence.", "abuse", True),
        ("We walked on eggshells so long we forgot we were allowed a say.", "abuse", True),
        ("We are walking on eggshells around my sister during exam season.", "abuse", False),
        ("She was kept home from school to do the housework.", "abuse", True),
        ("She was kept home from school with a cold.", "abuse", False),
        ("My boyfriend hides the router so I can't call my mum.", "abuse", True),
        ("He changed the wifi password so the kids can't game after ten.", "abuse", False),
        ("Which rooms could be locked and who could be called were his to decide.",
         "abuse", True),
        ("The rules say which doors may be closed at night to keep the heat in.",
         "abuse", False),
        ("We held her until the very end.", "death-and-grief", True),
        ("I held my phone until the very end of the film.", "death-and-grief", False),
        ("The specialist said days not weeks.", "death-and-grief", True),
        ("The builder said months not years for the extension.", "death-and-grief", False),
        ("Our neighbour lost her brave fight against leukaemia in May.", "death-and-grief", True),
        ("We lost our battle with the council over the parking.", "death-and-grief", False),
        ("They lost the baby at 12 weeks.", "death-and-grief", True),
        ("Sorting through my dead mum's post is the hardest part.", "death-and-grief", True),
        ("My dead phone battery ruined the trip.", "death-and-grief", False),
        ("They turned the ventilator off on Sunday morning.", "death-and-grief", True),
        ("They switched the machines off at the gym at ten.", "death-and-grief", False),
        ("I wasn't there when he passed, and it haunts me.", "death-and-grief", True),
        ("I wasn't there when she went to the shop.", "death-and-grief", False),
        ("In the months after his wife's sudden stroke he barely spoke.",
         "death-and-grief", True),
        ("The year after my husband's promotion was the busiest.", "death-and-grief", False),
        ("Our dog got out and a neighbour found him by the roadside.", "death-and-grief", True),
        ("We found her keys by the road.", "death-and-grief", False),
        ("At the scan the midwife couldn't find a heartbeat.", "death-and-grief", True),
        ("The smartwatch couldn't find a heartbeat because the strap was loose.",
         "death-and-grief", False),
        ("He has chosen to stop dialysis and spend the time he has left with family.",
         "death-and-grief", True),
        ("I want to spend whatever time I have left before the train reading.",
         "death-and-grief", False),
        ("Her brother took his own life in 2019.", "death-and-grief", True),
        ("I have to take my own lunch to work.", "death-and-grief", False),
        ("The last message he sent me before the crash was a thumbs-up.", "death-and-grief", True),
        ("The last message he sent before the meeting was a thumbs-up.", "death-and-grief", False),
        ("I've got it down to one meal a day and chew gum the rest.", "eating-disorders", True),
        ("I got it down to one coffee a day.", "eating-disorders", False),
        ("She always says she's already eaten at school.", "eating-disorders", True),
        ("Don't worry about dinner, I've already eaten.", "eating-disorders", False),
        ("I swam forty lengths to earn my dinner.", "eating-disorders", True),
        ("We went for a walk to work off the Christmas dinner.", "eating-disorders", False),
        ("She kept calorie tallies in her maths book.", "eating-disorders", True),
        ("I ate an entire packet of biscuits in secret again.", "eating-disorders", True),
        ("The kids ate the whole box of chocolates at Christmas with their cousins.",
         "eating-disorders", False),
        ("what i eat in a day: diet coke and gum", "eating-disorders", True),
        ("What I eat in a day as a busy nurse: porridge, a sandwich and pasta.",
         "eating-disorders", False),
        ("Her pursuit of a thinner body left her dangerously underweight.",
         "eating-disorders", True),
        ("He stays dangerously close to the edge of the pitch.", "eating-disorders", False),
        ("Even then I thought I had more weight to lose.", "eating-disorders", True),
        ("We thought we had more to lose by waiting.", "eating-disorders", False),
        ("He bins his lunch uneaten every day.", "eating-disorders", True),
        ("He bins his lunch wrappers every day.", "eating-disorders", False),
        ("She was bringing her food back up after every meal.", "eating-disorders", True),
        ("I'm bringing the food back up to the flat.", "eating-disorders", False),
        ("He lived on black coffee and diet coke for a year.", "eating-disorders", True),
        ("Morning sickness had me living on crackers.", "eating-disorders", False),
        ("The girl hides her hunger from everyone.", "eating-disorders", True),
        ("I weighed myself ten times a day.", "eating-disorders", True),
        ("I check the post three times a day.", "eating-disorders", False),
        ("Feeling full still feels like failing.", "eating-disorders", True),
        ("Feeling full after Sunday lunch is the best.", "eating-disorders", False),
        ("The shakes on day three were the worst.", "substance-use", True),
        ("Day two of the flu and I had the shakes.", "substance-use", False),
        ("He ended up buying pills off a guy outside the station.", "substance-use", True),
        ("He ended up buying plants off a guy at the market.", "substance-use", False),
        ("Her flatmate was misusing painkillers.", "substance-use", True),
        ("He was misusing the word 'literally'.", "substance-use", False),
        ("I drank to numb the loneliness.", "substance-use", True),
        ("We drank to the happy couple.", "substance-use", False),
        ("He was found after mixing vodka with benzos.", "substance-use", True),
        ("Never mix bleach with other cleaning products.", "substance-use", False),
        ("I pieced last night together from my friends' stories.", "substance-use", True),
        ("We pieced the puzzle together on Sunday.", "substance-use", False),
        ("Her glass was constantly refilled, and by nine she was slurring.",
         "substance-use", True),
        ("My glass of water is always topped up at my desk.", "substance-use", False),
        ("He moved on to the stuff you inject.", "substance-use", True),
        ("The stuff you smell at the bakery is fresh bread.", "substance-use", False),
        ("A joint is the first thing he reaches for when he wakes.", "substance-use", True),
        ("My phone is the first thing I reach for in the morning.", "substance-use", False),
        ("Years later he still sleeps with his boots on, ready to flee.", "trauma", True),
        ("She sleeps with her socks on in winter.", "trauma", False),
        ("She was at the station when the bomb went off.", "trauma", True),
        ("The kitchen looks like a bomb went off.", "trauma", False),
        ("I duck every time a car backfires.", "trauma", True),
        ("In the film the boy is held down while his friends film it.", "trauma", True),
        ("The tarp was held down by bricks.", "trauma", False),
        ("A van mounted the kerb into the crowd.", "trauma", True),
        ("The van mounted the kerb to let the ambulance past.", "trauma", False),
        ("I remember the smoke and then nothing until I woke up in hospital.", "trauma", True),
        ("I ate nothing until lunch.", "trauma", False),
        ("They spent the night under shellfire.", "trauma", True),
        ("The shelling of peas took all afternoon.", "trauma", False),
        ("My brother got jumped on his way home from the pub.", "trauma", True),
        ("I was jumped in the queue at the bakery.", "trauma", False),
        ("Not everyone got out alive.", "trauma", True),
        ("Everyone got out of the lift safely.", "trauma", False),
        ("The film opens with a home invasion.", "trauma", True),
        ("The film opens with a home renovation.", "trauma", False),
        ("The medics bagged what was left of him.", "trauma", True),
        ("She ate what was left of the cake.", "trauma", False),
        ("Firefighters cut the driver free from the wreckage.", "trauma", True),
        ("The barber cut my hair short for the wedding.", "trauma", False),
        ("I still have flashbacks to the attack.", "trauma", True),
        ("I can't remember much about the attack in the second half.", "trauma", False),
        ("She didn't stop when I said no.", "trauma", True),
        ("He didn't stop when I said no more cake.", "trauma", False),
    ],
)
def test_the_classes_of_batch_ad(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


# A "no" to more of something is no refusal ignored (met by a tuning helper outside its batch).
@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("He didn't stop when I said no more cake, and we laughed about it later.", False),
        ("She kept going even after I said no thanks to seconds.", False),
        ("He didn't stop when I said no, and I froze.", True),
    ],
)
def test_a_no_to_more_cake_is_no_assault(topics, sentence: str, flagged: bool) -> None:
    assert ("sexual-violence" in _detected(topics, sentence)) is flagged


# The twentieth blind batch of whole posts: touch lost with someone is no loss, and grief
# said not to be for a death (with only grieving words left) is asked about, not stopped; a
# loved one lost, and a death grieved, still are.
@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("Text one person you've lost touch with since the move.", False),
        ("Call a friend you've lost contact with over the years.", False),
        ("Be gentle with the people you've lost this year.", True),
        ("I wasn't grieving a death, only the career I had planned.", False),
        ("She was grieving a death nobody else in the office knew about.", True),
    ],
)
def test_the_classes_of_blind_whole_posts_20(topics, sentence: str, flagged: bool) -> None:
    found = _detected(topics, sentence)
    assert ("death-and-grief" in found) is flagged


# Batch AE (a blind writer, measured once, then tuned on): each class with a paraphrase of
# our own that must be warned of, and a near miss that must not.
@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # suicide: the word's inflections, a wish not to have woken, the train's pull, the
        # bridge as an option, a death told as chosen, the method and a ward's ligature
        # points, "did it" in a place, an attempt counted, the noise to stop for good, the
        # headline's "takes own life"
        ("He keeps posting about unalived characters and unaliving himself.", "suicide", True),
        ("Most days I wish I had never woken up at all.", "suicide", True),
        ("I wish I hadn't woken up so early on my day off.", "suicide", False),
        ("On the tube platform part of me wants to step forward as the train pulls in.",
         "suicide", True),
        ("At the wedding part of me wanted to step forward and make a speech.", "suicide", False),
        ("Lately the cliffs near my flat have started looking like an option.", "suicide", True),
        ("The coastal bus looks like an option for the trip if the train is cancelled.",
         "suicide", False),
        ("Everyone says Uncle Ray died of drink, but he chose to go.", "suicide", True),
        ("I chose to leave the band after ten years.", "suicide", False),
        ("The review followed a death by hanging on the ward.", "suicide", True),
        ("Staff walk the ward every morning checking for ligature points.", "suicide", True),
        ("The surgeon tied a ligature around the bleeding vessel.", "suicide", False),
        ("She did it in the shed, and my brother found her.", "suicide", True),
        ("Two years since my latest attempt, and I still have hard nights.", "suicide", True),
        ("Two years since my last attempt at the bar exam.", "suicide", False),
        ("I just wanted the thoughts in my head to stop for good.", "suicide", True),
        ("I wanted the roadworks outside to stop for good.", "suicide", False),
        ("Farmer takes own life after years of drought.", "suicide", True),
        # sexual violence: messages hidden from a parent, trafficking into brothels, sexual
        # acts demanded, a child, a man in a role of trust and silence, a rape myth and too
        # scared to say no, what was done once she passed out, kept in until sex, understood
        # years later, children touched in bed, walked in on again and again, "I didn't want
        # to" and he went on
        ("He told me to wipe our messages before my dad checked my phone.",
         "sexual-violence", True),
        ("We hid the messages before my dad saw the birthday surprise.",
         "sexual-violence", False),
        ("Police say the girls were trafficked into prostitution in three cities.",
         "sexual-violence", True),
        ("The gang forced the teenagers to work in cannabis farms.", "sexual-violence", False),
        ("He expected sexual acts in exchange for the lifts home.", "sexual-violence", True),
        ("I was twelve and he was my swimming coach, and he made me promise never to tell.",
         "sexual-violence", True),
        ("I was twelve and he was my swimming coach, and he made me love early mornings.",
         "sexual-violence", False),
        ("People still believe it wasn't really rape if she'd been flirting.",
         "sexual-violence", True),
        ("I froze and was too frightened to say no.", "sexual-violence", True),
        ("I was too frightened to say no to the extra shifts.", "sexual-violence", False),
        ("They waited until she blacked out and filmed it.", "sexual-violence", True),
        ("We waited until he passed out and then took his car keys.", "sexual-violence", False),
        ("He wouldn't let me leave his car until I had sex with him.", "sexual-violence", True),
        ("It took decades before I realised what he had done to me in that tent.",
         "sexual-violence", True),
        ("It took years before I realised what he had done for me.", "sexual-violence", False),
        ("The warden was accused of groping boys in their bunks at night.",
         "sexual-violence", True),
        ("My uncle kept walking in on me while I was getting changed.", "sexual-violence", True),
        ("My sister walked in on me in the bath once and we both screamed.",
         "sexual-violence", False),
        ("I told him I didn't want to, but he carried on.", "sexual-violence", True),
        ("I told him I didn't want to, and he kept going on about the holiday.",
         "sexual-violence", False),
        # sexual violence near misses: an assault on someone named by their work, a pet's
        # grooming, made to wait a while
        ("The striker was charged with an assault on a steward after the match.",
         "sexual-violence", False),
        ("Our rabbit keeps grooming her paws after every meal.", "sexual-violence", False),
        ("She made him wait three weeks before saying yes.", "sexual-violence", False),
        ("He was charged with an assault on a woman walking home.", "sexual-violence", True),
        # trauma: bodies in the flood, awake in surgery, scanning for threats, a home lost
        # in a disaster, a baby feared dying, tied up by intruders, child soldiers, a war
        # named and what came home, the jobs a responder won't talk about, a lorry through a
        # crowd
        ("Bodies floating in the river were the first thing the rescue crews saw.",
         "trauma", True),
        ("I woke up in the middle of my surgery and couldn't tell anyone.", "trauma", True),
        ("I woke up during the film and missed the ending.", "trauma", False),
        ("Years after Helmand he still checks every doorway for threats.", "trauma", True),
        ("I check every window before bed to make sure they're shut.", "trauma", False),
        ("A fund for families who lost their homes in the bushfires.", "trauma", True),
        ("I was sure my baby was going to die in the delivery room.", "trauma", True),
        ("I was sure my laptop was going to die before the meeting.", "trauma", False),
        ("The robbers taped us to the radiator before emptying the safe.", "trauma", True),
        ("The conference tied me up all week.", "trauma", False),
        ("Her novel is about two child soldiers in Sierra Leone.", "trauma", True),
        ("After Bosnia he couldn't sleep without the radio on.", "trauma", True),
        ("Mum was a nurse for years and never talks about the things she saw.", "trauma", True),
        ("He never talks about the things he bought online.", "trauma", False),
        ("The van tore through the crowd outside the stadium.", "trauma", True),
        ("The tractor ploughed through the wet field.", "trauma", False),
        # trauma near misses: a physical injury, a hospital's trauma centres, a former war
        # correspondent as a job, trauma said not to be every hurt
        ("The scan showed no head trauma after the fall from his bike.", "trauma", False),
        ("The region has two major trauma centres and a children's hospital.", "trauma", False),
        ("The film stars a former war correspondent who runs a seaside café.", "trauma", False),
        ("Not all stress is trauma, and a hard week is allowed to just be hard.",
         "trauma", False),
        ("She is a former war correspondent with PTSD.", "trauma", True),
    ],
)
def test_the_classes_of_batch_ae(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


# Blind batch AG (development half): substance use told as depth, counting stopped, cravings
# years into recovery; injuries hidden or noticed; restricting, every snack burnt off, meals
# skipped every day as discipline; consent given out of fear, a promotion that depends on
# "being nice"; a partner charged with assault, a child hurt at home, a pay packet handed over;
# a death told by its anniversary or a life's last afternoon; a memory of the assault; not
# expecting to be alive by morning. Each with an everyday near miss.
@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        ("By the end he was two bottles of red deep before the kids were in bed.",
         "substance-use", True),
        ("Six cans deep, he still insisted he was fine to drive.", "substance-use", True),
        ("The puddle was knee deep by the time the bus came.", "substance-use", False),
        ("I stopped counting the pills once I started buying them online.", "substance-use",
         True),
        ("I stopped counting the steps after the tenth flight.", "substance-use", False),
        ("Cravings can come back years into recovery, triggered by a smell or a song.",
         "substance-use", True),
        ("People using stimulants heavily may go days without sleeping.", "substance-use", True),
        ("Staff may notice a student who always seems to have plasters on their arms.",
         "self-harm", True),
        ("He had a plaster on his knee after football.", "self-harm", False),
        ("If you notice fresh injuries on a friend, it's okay to say you've seen them.",
         "self-harm", True),
        ("I have fresh scratches on my arm from the new kitten.", "self-harm", False),
        ("The counsellor found out when a classmate saw the marks in the changing room.",
         "self-harm", True),
        ("He was admitted with a resting heart rate of 38 after months of restricting.",
         "eating-disorders", True),
        ("The school started restricting phones at lunch.", "eating-disorders", False),
        ("If your friend is fixated on 'burning off' every snack, mention it to someone.",
         "eating-disorders", True),
        ("I thought skipping lunch every day meant I was disciplined, not ill.",
         "eating-disorders", True),
        ("Sessions ran over so I skipped lunch and ate soup at my desk.", "eating-disorders",
         False),
        ("I said yes because I was scared of what he'd do if I said no.", "sexual-violence",
         True),
        ("I said yes because I was curious about the course.", "sexual-violence", False),
        ("My boss hinted that my promotion depended on 'being nice to him' after hours.",
         "sexual-violence", True),
        ("My promotion depends on the quarterly results.", "sexual-violence", False),
        ("Police were called three times before the boyfriend was charged with assault.",
         "abuse", True),
        ("If a child tells you someone at home is hurting them, stay calm and listen.", "abuse",
         True),
        ("Some kids learn to be invisible because being noticed means being screamed at.",
         "abuse", True),
        ("She'd hand over her whole pay packet and get back an allowance of twenty pounds.",
         "abuse", True),
        ("Ten years since we lost Mum and some mornings it still knocks me flat.",
         "death-and-grief", True),
        ("Since we lost our keys we've kept a spare with the neighbours.", "death-and-grief",
         False),
        ("She spent the last afternoon of her life asking for strawberries.", "death-and-grief",
         True),
        ("The last afternoon of the holiday was the best.", "death-and-grief", False),
        ("Grounding can help when a memory of the assault takes over.", "trauma", True),
        ("A memory of the holiday made her smile.", "trauma", False),
        ("There were nights when I didn't expect to still be here by morning.", "suicide", True),
        ("I didn't expect to be here by nine, the bus was so late.", "suicide", False),
        # and their false alarms: the loft no longer a war zone, a relapse into bad weather,
        # phones restricted at lunch
        ("Spring clean done, and the loft is no longer a war zone.", "trauma", False),
        ("He grew up in a war zone and still startles at fireworks.", "trauma", True),
        ("A relapse into bad weather means sports day is moving indoors.", "substance-use",
         False),
        ("She had a relapse after six months sober.", "substance-use", True),
        ("The school started restricting phones at lunch.", "eating-disorders", False),
        ("She started restricting again after the holidays.", "eating-disorders", True),
    ],
)  # fmt: skip
def test_the_classes_of_batch_ag(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # withdrawal, misuse of a prescription, drinking to blunt, tolerance, drink smelt
        ("By ten the shakes set in and only a drink from the bottle under the sink helps.",
         "substance-use", True),
        ("The shakes after my third espresso are my own fault.", "substance-use", False),
        ("He was using far more tramadol than he'd been prescribed.", "substance-use", True),
        ("Never take more than prescribed without asking first.", "substance-use", False),
        ("Plenty of veterans drink to deaden what they saw.", "substance-use", True),
        ("Drink water to get through the heatwave.", "substance-use", False),
        ("A manager noticed he smelt of alcohol every Monday.", "substance-use", True),
        ("The bakery smells of cinnamon every Monday.", "substance-use", False),
        ("University sports clubs can have a heavy drinking culture.", "substance-use", True),
        ("Over time you need more just to feel normal.", "substance-use", True),
        ("I need more sleep just to feel normal these days.", "substance-use", False),
        ("She needed a couple of lines to get through the night shift.", "substance-use", True),
        ("He needed a few lines of the poem to open his speech.", "substance-use", False),
        ("Try a digital detox this weekend.", "substance-use", False),
        ("Detox your wardrobe before the new season.", "substance-use", False),
        ("He went into detox after the second overdose.", "substance-use", True),
        ("A relapse in lupus can bring fatigue and joint pain.", "substance-use", False),
        ("The long hangover from the pandemic era still shapes waiting lists.", "substance-use",
         False),
        ("The hangover from the office party lasted two days.", "substance-use", True),
        # self-harm by signs and means; a blunder is not
        ("Teachers should notice unexplained cuts on a pupil's arms.", "self-harm", True),
        ("She etched his initials into her forearm with a compass.", "self-harm", True),
        ("We carved our initials into the old oak tree.", "self-harm", False),
        ("He burned his wrist with a cigarette after the argument.", "self-harm", True),
        ("I burned my hand on the kettle this morning.", "self-harm", False),
        ("Razor blades kept going missing from the bathroom cabinet.", "self-harm", True),
        ("Her forearms are always bandaged, even at the beach.", "self-harm", True),
        ("His wrist was bandaged after he fell off his bike.", "self-harm", False),
        ("Some days I just want to hurt, so the pain has somewhere to go.", "self-harm", True),
        ("I just want to hurt less when I run.", "self-harm", False),
        ("That penalty miss was a self-inflicted wound for the home side.", "self-harm", False),
        # death by its rites and records
        ("Rest in peace, Grandad; the allotment won't be the same.", "death-and-grief", True),
        ("The inquest heard she had been ill for months.", "death-and-grief", True),
        ("The board's inquest into the failed launch found poor planning.", "death-and-grief",
         False),
        ("We met his old colleagues at the wake.", "death-and-grief", True),
        ("In the wake of the storm, the school closed for two days.", "death-and-grief", False),
        ("Her cancer is terminal, and hospice care begins next week.", "death-and-grief", True),
        ("Our flight leaves from terminal 5 next week.", "death-and-grief", False),
        ("The battalion lost three soldiers in one afternoon.", "death-and-grief", True),
        ("We lost two colleagues to a rival firm this year.", "death-and-grief", False),
        ("Our old spaniel had to be put to sleep on Friday.", "death-and-grief", True),
        ("The family is still asking how the drowning happened.", "death-and-grief", True),
        ("I'm drowning in paperwork this week.", "death-and-grief", False),
        # trauma by who meets it
        ("As a paramedic I was often first on scene at the motorway.", "trauma", True),
        ("She was first on the dance floor at the wedding.", "trauma", False),
        ("A near-drowning can leave children afraid of the pool for years.", "trauma", True),
        ("He survived a head-on car crash two winters ago.", "trauma", True),
        ("The server had a bad crash on Monday morning.", "trauma", False),
        ("Officers who attend harrowing scenes deserve proper debriefs.", "trauma", True),
        ("Families were airlifted from their roofs as the floodwaters rose.", "trauma", True),
        ("The flood warning means the car park is closed.", "trauma", False),
        ("Black Friday shopping felt like hand-to-hand combat.", "trauma", False),
        ("Our geography club measured the magnitude of an earthquake from a seismograph.",
         "trauma", False),
        # batch AH's whole posts: a loss to suicide is the suicide warning's subject
        ("If you've lost a friend to suicide, support groups can help.", "death-and-grief",
         False),
        ("If you've lost a friend to suicide, support groups can help.", "suicide", True),
        ("Groups for people bereaved by suicide meet monthly.", "death-and-grief", False),
        ("If you've lost a friend to cancer, support groups can help.", "death-and-grief", True),
        ("Home from Nan's wake and too tired to talk.", "death-and-grief", True),
        ("Students shaken by the coach crash can see a counsellor today.", "trauma", True),
        ("The bushfire took everything we had except the car.", "trauma", True),
        ("The new crash barrier on the bypass is finally up.", "trauma", False),
        ("The storm took everything off the washing line.", "trauma", False),
    ],
)  # fmt: skip
def test_the_classes_of_batch_ai(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # batch AH (development half): each class with a paraphrase and a near miss
        ("She admitted to purging most nights after dinner.", "eating-disorders", True),
        ("IT will purge old files most nights after midnight.", "eating-disorders", False),
        ("He swims a mile after every meal to 'earn it back'.", "eating-disorders", True),
        ("She fasted for three days before anyone noticed.", "eating-disorders", True),
        ("Fasting for two days before the colonoscopy is normal.", "eating-disorders", False),
        ("She would scratch herself until she bled when the panic came.", "self-harm", True),
        ("We froze ice cubes in the lesson to learn about states of matter.", "self-harm",
         False),
        ("Living with a partner who drinks heavily takes its toll.", "substance-use", True),
        ("His codeine use slowly spiralled out of control.", "substance-use", True),
        ("Her spending slowly got out of hand.", "substance-use", False),
        ("She was drinking most evenings to switch off from work.", "substance-use", True),
        ("Grandad drew his last breath with all of us around him.", "death-and-grief", True),
        ("Since Nana passed, Sundays feel empty.", "death-and-grief", True),
        ("Since my sister passed her driving test, she drives us everywhere.",
         "death-and-grief", False),
        ("Already mourning the end of the holidays.", "death-and-grief", False),
        ("Firefighters talk about their worst jobs staying with them for years.", "trauma",
         True),
        ("Families displaced by the floods are staying in the school hall.", "trauma", True),
        ("Total flashback to my sixth form days when I heard that song.", "trauma", False),
        ("First responders are running a first aid stall at the fete.", "trauma", False),
        ("If someone you live with is scaring you, you can call us.", "abuse", True),
        ("He controls what she wears, who she sees and how much she spends.", "abuse", True),
        ("This app controls what you eat and when you eat.", "abuse", False),
        ("Any child being neglected at home needs someone to notice.", "abuse", True),
        ("My mother was terrified of him for twenty years.", "abuse", True),
        ("My mother was terrified of spiders.", "abuse", False),
    ],
)  # fmt: skip
def test_the_classes_of_batch_ah(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # batch AJ (development half): each class with a paraphrase and a near miss
        ("Drinking wine to fall asleep tends to backfire by 3am.", "substance-use", True),
        ("Drink water to fall asleep less thirsty.", "substance-use", False),
        ("Her father drank himself to death by sixty.", "substance-use", True),
        ("He's been drinking more since the funeral.", "substance-use", True),
        ("She's been drinking more water since the heatwave.", "substance-use", False),
        ("If you find powder in your son's room, stay calm.", "substance-use", True),
        ("I found pills in my handbag after the clear-out.", "substance-use", False),
        ("She took a few of her sister's diazepam before the interview.", "substance-use",
         True),
        ("The audit showed hazardous drinking in a third of the staff.", "substance-use", True),
        ("My son says he wishes he wasn't alive.", "suicide", True),
        ("I wish you were here for the party.", "suicide", False),
        ("Kids who watch one parent hurting the other carry it for years.", "abuse", True),
        ("He threatened to hurt the cat if she left.", "abuse", True),
        ("My cousin drained all my nan's savings.", "abuse", True),
        ("Our quiz team took all the prize money.", "abuse", False),
        ("The home side were thrashed 5-1 in the derby.", "abuse", False),
        ("Two years without self-harming, and I'm proud of that.", "self-harm", True),
        ("Two months without cutting sugar and I miss cake.", "self-harm", False),
        ("Hitting snooze again: self-sabotage at its finest.", "self-harm", False),
        ("She binged in secret after everyone was asleep.", "eating-disorders", True),
        ("We binged the whole series in secret at night.", "eating-disorders", False),
        ("A wake can help a family begin to say goodbye.", "death-and-grief", True),
        ("Police officers often take certain jobs home with them.", "trauma", True),
        ("Staff who attended the serious accident at the depot can talk to us.", "trauma",
         True),
        ("Flashbacks to school assemblies whenever I hear that hymn.", "trauma", False),
        ("I'm easily startled by the doorbell, so I changed the chime.", "trauma", False),
    ],
)  # fmt: skip
def test_the_classes_of_batch_aj(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # batch AK (development half): each class in our own words, with near misses
        ("She'd go through my texts every night and decide who I was allowed to see.", "abuse",
         True),
        ("I went through my texts to find the photo of the dog.", "abuse", False),
        ("My girlfriend tells me what to wear and who I can call.", "abuse", True),
        ("The stylist tells me what to wear to the wedding.", "abuse", False),
        ("We learnt to read the sound of dad's truck on the gravel.", "abuse", True),
        ("You repeat it until she stops trusting her own memory.", "abuse", True),
        ("When I finally told them what he'd done to me, nobody listened.", "abuse", True),
        ("I told them what he'd done in the match and everyone cheered.", "abuse", False),
        ("Thanks to all who baked for the women's refuge fundraiser.", "abuse", False),
        ("The women's refuge had no beds left by Friday.", "abuse", True),
        ("He cut up my credit cards and took my keys.", "abuse", True),
        ("I cut up my old loyalty cards when I moved.", "abuse", False),
        ("She covered the bruises with concealer before school.", "abuse", True),
        ("The universe well and truly beat me up this week.", "abuse", False),
        ("She kept leaving every dinner half-eaten and said she'd had a big lunch.",
         "eating-disorders", True),
        ("I slipped my dinner to the dog under the table every night.", "eating-disorders",
         True),
        ("I spent years ignoring my hunger.", "eating-disorders", True),
        ("Ate nothing all day, then everything at night.", "eating-disorders", True),
        ("We had ice cream at the beach and I didn't count a single calorie.",
         "eating-disorders", True),
        ("Skipped lunch because the train was late and the meeting ran over.",
         "eating-disorders", False),
        ("The weigh-in for the pumpkin show is on Saturday.", "eating-disorders", False),
        ("He'd touch my shoulder 'to adjust my grip' when the others had gone.",
         "sexual-violence", True),
        ("I didn't fight back and I didn't scream.", "sexual-violence", True),
        ("Is it still rape if we were married?", "sexual-violence", True),
        ("Keep your drink with you: drinks get spiked at parties.", "sexual-violence", True),
        ("She wouldn't take no for an answer, so I let her help cook.", "sexual-violence",
         False),
        ("Our needle exchange is open on Tuesdays.", "substance-use", True),
        ("Her sleeping pills kept going missing from the bathroom.", "substance-use", True),
        ("When Mum was using, we never had friends over.", "substance-use", True),
        ("When Mum was using the car, we took the bus.", "substance-use", False),
        ("He'd been smoking ice for a year.", "substance-use", True),
        ("Put an ice pack on the bruise.", "substance-use", False),
        ("She took an unknown pill at the party.", "substance-use", True),
        ("He's getting pills from three different doctors.", "substance-use", True),
        ("He's tired of being a burden on the family, he said.", "suicide", True),
        ("It would be easier for everyone if I wasn't around.", "suicide", True),
        ("The ideation eases when I'm with people.", "suicide", True),
        ("Our creative ideation session starts at ten.", "suicide", False),
        ("Postvention support is there for every student.", "suicide", True),
        ("Apoptosis, or cell suicide, removes damaged cells.", "suicide", False),
        ("The cast were saying goodbye in the finale and I cried.", "suicide", False),
        ("Since the hold-up at the bottle-o I can't work nights.", "trauma", True),
        ("There was a hold-up on the motorway this morning.", "trauma", False),
        ("Firefighters cut her free after an hour.", "trauma", True),
        ("He came back from Afghanistan a different man.", "trauma", True),
        ("The bushfire razed the whole town.", "trauma", True),
        ("A celebration of his life will be held on Friday.", "death-and-grief", True),
        ("She didn't make it through the surgery.", "death-and-grief", True),
        ("My sim died twice on the second level.", "death-and-grief", False),
        ("The historic cemetery has Victorian headstones worth a visit.", "death-and-grief",
         False),
        ("Some people hurt their own body to feel something.", "self-harm", True),
        ("I scratched my arms raw to punish myself.", "self-harm", True),
        ("He hid the cutting from everyone.", "self-harm", True),
        ("Wipe down the cutting board after use.", "self-harm", False),
    ],
)  # fmt: skip
def test_the_classes_of_batch_ak(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # batch AL (development half): each class in our own words, with near misses
        ("He makes her bring back every receipt from the shop.", "abuse", True),
        ("Please bring back every receipt for the team lunch claim.", "abuse", False),
        ("She checks the mileage every night and wants to know why it changed.", "abuse", True),
        ("The garage checks the mileage at every service.", "abuse", False),
        ("He says he needs all my passwords because he loves me.", "abuse", True),
        ("u have 5 mins to answer or im coming to ur house", "abuse", True),
        ("He never laid a finger on me, but he called me useless every day.", "abuse", True),
        ("The kids learned to hide in the cupboard when his truck pulled in.", "abuse", True),
        ("The social worker had two earlier reports of concern about the baby.", "abuse", True),
        ("My mum checks my phone bill because she pays it.", "abuse", False),
        ("Complete the safeguarding training module by Friday.", "abuse", False),
        ("After every meal she'd go to the bathroom and run the taps.", "eating-disorders",
         True),
        ("She chews and spits out most of what she cooks.", "eating-disorders", True),
        ("I hid my packed lunch so my mum thought I'd eaten it.", "eating-disorders", True),
        ("Two weeks of nothing but black coffee, and she says she feels light.",
         "eating-disorders", True),
        ("Her wall was covered in photos of thigh gaps.", "eating-disorders", True),
        ("A man would brush past me in the stockroom whenever nobody was around.",
         "sexual-violence", True),
        ("send more pics or i'll show your mum", "sexual-violence", True),
        ("I said no over and over, and he carried on.", "sexual-violence", True),
        ("He told her it was her duty as a wife.", "sexual-violence", True),
        ("The tutor told her to come to his office after dark, alone.", "sexual-violence", True),
        ("By Sunday the bin is full of empties and I take it out at night.", "substance-use",
         True),
        ("Bring your empty jars to the refill shop.", "substance-use", False),
        ("He started with a small spliff after work.", "substance-use", True),
        ("Vodka in her morning coffee, every day by the end.", "substance-use", True),
        ("The school has found nicotine pouches in lockers.", "substance-use", True),
        ("thanks for everything mate. look after my cat for me", "suicide", True),
        ("Can you look after my cat for me while I'm in Spain?", "suicide", False),
        ("She had planned not to be around for her fortieth.", "suicide", True),
        ("cannae see a way oot o this one, been thinkin aboot no bein here anymore", "suicide",
         True),
        ("Since Dad's attempt we keep the house calm.", "suicide", True),
        ("Since Dad's attempt at the marathon his knees hurt.", "suicide", False),
        ("Someone rang 988 for me last night.", "suicide", True),
        ("We were on the roof for three days watching the water rise.", "trauma", True),
        ("They tied my dad to a chair the night they broke in.", "trauma", True),
        ("The evacuation order came at midnight.", "trauma", True),
        ("The last rites were held at the ghats.", "death-and-grief", True),
        ("Mum's voice is still on the answering machine.", "death-and-grief", True),
        ("She is on bereavement leave this week.", "death-and-grief", True),
        ("His slippers are still by the fire.", "death-and-grief", True),
        ("I scratched up my own skin until it bled.", "self-harm", True),
        ("The relief only lasted a minute, then came the shame.", "self-harm", True),
        ("The urge used to come at bedtime.", "self-harm", True),
    ],
)  # fmt: skip
def test_the_classes_of_batch_al(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # batch AM (development half): each class in our own words, with near misses
        ("My father-in-law keeps my bank card and gives me pocket money.", "abuse", True),
        ("She told the nurse she fell down the stairs, again.", "abuse", True),
        ("He changed the wifi password and won't tell me until I apologise.", "abuse", True),
        ("They lock his wife out on the porch when she's late.", "abuse", True),
        ("Anyone afraid to go home tonight can stay at the hall.", "abuse", True),
        ("The traffic on the ring road was abusive this morning.", "abuse", False),
        ("A month's mind Mass will be said for her on Sunday.", "death-and-grief", True),
        ("The flag is at half-mast for our former chairman.", "death-and-grief", True),
        ("Our old cat was put to sleep at the vet's yesterday.", "death-and-grief", True),
        ("Her son was born sleeping in March.", "death-and-grief", True),
        ("RIP to my phone screen, dropped it again.", "death-and-grief", False),
        ("She talks about hunger as a kind of reward.", "eating-disorders", True),
        ("He's been living on black coffee and rice cakes.", "eating-disorders", True),
        ("Her 'safe' foods get fewer every month.", "eating-disorders", True),
        ("My toddler's food rules: no peas, no crusts.", "eating-disorders", False),
        ("He punches the shed wall on purpose when it gets too much.", "self-harm", True),
        ("A scar on my knee from falling off a wall at six.", "self-harm", False),
        ("He slid his hand up my thigh under the desk.", "sexual-violence", True),
        ("She refuses to be alone with her stepdad now.", "sexual-violence", True),
        ("He said I was so mature for my age.", "sexual-violence", True),
        ("The dog is getting groomed on Friday.", "sexual-violence", False),
        ("My uncle cornered me at the party to explain his diet.", "sexual-violence", False),
        ("She's shaking every morning until the offie opens.", "substance-use", True),
        ("He hides the vodka behind the flour.", "substance-use", True),
        ("Life had been taken over by drink for years.", "substance-use", True),
        ("The coroner found he had intended to die.", "suicide", True),
        ("I had written my goodbyes and was ready.", "suicide", True),
        ("I wrote my goodbye card to the team today.", "suicide", False),
        ("He lost his battle with depression in May.", "suicide", True),
        ("You won't have to worry about me much longer, she said.", "suicide", True),
        ("I still count the exits in every crowded room.", "trauma", True),
        ("The stampede at the stadium killed nine.", "trauma", True),
        ("The kids hit the kitchen like a hurricane.", "trauma", False),
        ("My office looks like a war zone after the move.", "trauma", False),
    ],
)  # fmt: skip
def test_the_classes_of_batch_am(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # batch AN (development half, a batch of near misses): in our own words
        ("A glug of sherry makes the trifle.", "substance-use", False),
        ("Her whisky collection went to the rugby club.", "substance-use", False),
        ("The insurance form asked how much alcohol I drink.", "substance-use", False),
        ("The GP asked how much alcohol I drink and I lied.", "substance-use", True),
        ("Hand gel is mostly alcohol.", "substance-use", False),
        ("Utterly wasted from jet lag after Singapore.", "substance-use", False),
        ("I had tea and toast in recovery after the op.", "substance-use", False),
        ("She has been in recovery from alcohol for two years.", "substance-use", True),
        ("A cheap codeine syrup habit took hold of him.", "substance-use", True),
        ("Sorry for your loss, boys, the ref was shocking.", "death-and-grief", False),
        ("The mummy's coffin at the museum is painted with stars.", "death-and-grief", False),
        ("Our freezer finally died in the heatwave.", "death-and-grief", False),
        ("We laid our grandmother to rest on Friday.", "death-and-grief", True),
        ("Banging my head against a brick wall with this spreadsheet.", "self-harm", False),
        ("I wore long sleeves all summer so nobody would see my arms.", "self-harm", True),
        ("Earthquake cake is my favourite bake.", "trauma", False),
        ("Armed robbers held up the petrol station.", "trauma", True),
    ],
)  # fmt: skip
def test_the_classes_of_batch_an(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # batch AO (development half): each class in our own words, with near misses
        ("Mum made us wear tights so people wouldn't see the bruises.", "abuse", True),
        ("You'll tell the nurse you slipped, Dad said.", "abuse", True),
        ("He put his fist through the wall beside her head.", "abuse", True),
        ("He took the battery out of the car so I can't go to my sister's.", "abuse", True),
        ("The sun is beating us today, bring water.", "abuse", False),
        ("Prefects were beating them with slippers after lights out.", "abuse", True),
        ("I couldn't bear everyone watching what goes on my plate.", "eating-disorders", True),
        ("I was sick after tea again, don't tell Mum.", "eating-disorders", True),
        ("She's cold in July and her coat hangs off her like a tent.", "eating-disorders", True),
        ("Her teammates noticed she'd stopped getting her period.", "eating-disorders", True),
        ("I woke with my clothes torn and no memory of the walk home.", "sexual-violence", True),
        ("He said nobody'll believe you, and I believed him.", "sexual-violence", True),
        ("The nurse sealed the evidence kit and signed it.", "sexual-violence", True),
        ("He kept letting himself into girls' rooms at night.", "sexual-violence", True),
        ("He gave away his good boots and said you'll manage without me.", "suicide", True),
        ("I don't want to be alive tonight.", "suicide", True),
        ("If anything happens to me this weekend, feed the cat.", "suicide", True),
        ("The team will be better off without me for a week; see you after the holiday.",
         "suicide", False),
        ("I'm so embarrassed I want to die.", "suicide", False),
    ],
)  # fmt: skip
def test_the_classes_of_batch_ao(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # batches AP, AQ and AR (development half): each class in our own words, with near misses
        ("Our first Eid since Grandad went, and his chair stayed empty all day.",
         "death-and-grief", True),
        ("Her chair at the office is empty while she is on holiday.", "death-and-grief", False),
        ("We laid Abuelo beside Abuela in the village cemetery.", "death-and-grief", True),
        ("We laid the rumours to rest at the meeting.", "death-and-grief", False),
        ("The forty-day prayers for our neighbour are on Sunday.", "death-and-grief", True),
        ("On the ventilator for a week, then the consultant called the family in.",
         "death-and-grief", True),
        ("The flood took our uncle that winter.", "death-and-grief", True),
        ("The storm took her washing off the line.", "death-and-grief", False),
        ("We scattered Dad's ashes off the harbour wall.", "death-and-grief", True),
        ("Traders panicked when a death cross appeared on the index.", "death-and-grief", False),
        ("RIP to my trusty laptop, it served me well.", "death-and-grief", False),
        ("The former funeral home on the corner is now a bakery.", "death-and-grief", False),
        ("My tomato plants feel like they're on life support.", "death-and-grief", False),
        ("We got buried 5-0 on Saturday.", "death-and-grief", False),
        ("The fire drill tests the emergency siren on Friday, so don't panic.", "trauma", False),
        ("The air raid siren still sends my grandmother under the table.", "trauma", True),
        ("The finale was an explosion of confetti and colour.", "trauma", False),
        ("Our rescue cat still bolts at the sound of the hoover.", "trauma", False),
        ("My son's bedroom is a total war zone.", "trauma", False),
        ("They couldn't get out, and we watched the house go under with them still inside.",
         "trauma", True),
        ("Some nights her face is there the second I close my eyes.", "trauma", True),
        ("He came home from Korea and never once spoke about it.", "trauma", True),
        ("Paramedics carry scenes from some calls that they can never unsee.", "trauma", True),
        ("I can't unsee that meme.", "trauma", False),
        ("A van veered into our lane on the bypass.", "trauma", True),
        ("I told everyone at work I was just clumsy, but the plasters said otherwise.",
         "self-harm", True),
        ("I scratched at my arm till it bled, on purpose, to feel something.", "self-harm", True),
        ("He hits his head against the wall whenever the panic starts.", "self-harm", True),
        ("I hurt my ankle playing netball at lunch.", "self-harm", False),
        ("You'll hurt yourself laughing at this one.", "self-harm", False),
        ("Four cans down before breakfast, most days now.", "substance-use", True),
        ("A coffee before work keeps me going.", "substance-use", False),
        ("He spends payday at the shebeen and comes home with nothing left.", "substance-use",
         True),
        ("His hands shake every morning until he's had a drink.", "substance-use", True),
        ("The pipe under the sink burst again.", "substance-use", False),
        ("There's a hangover from the old rota system.", "substance-use", False),
        ("She keeps a list of safe foods and refuses anything that is not on it.",
         "eating-disorders", True),
        ("The clinic gave me a list of allowed foods for the low-FODMAP diet.",
         "eating-disorders", False),
        ("He counts every mouthful at dinner now.", "eating-disorders", True),
        ("She fills her plate for the photos and slips it to the dog.", "eating-disorders",
         True),
        ("Food coma after Sunday lunch.", "eating-disorders", False),
        ("Weigh-in day at the judo club, and I'd only had toast.", "eating-disorders", False),
        ("He keeps a curfew for a grown woman and locks on her phone.", "abuse", True),
        ("He took my car keys and my phone before he went out.", "abuse", True),
        ("She's 'allowed' to see her mum only when he drives her.", "abuse", True),
        ("The council's towing was an abuse of power.", "abuse", False),
        ("Her partner who threatens her has been reported to the police.", "abuse", True),
        ("Someone slipped something in her drink at the party.", "sexual-violence", True),
        ("The bus is crowded and there are hands where they shouldn't be.", "sexual-violence",
         True),
        ("My brother made unwanted advances on my last chip.", "sexual-violence", False),
        ("He drove to the coast meaning not to come back.", "suicide", True),
        ("I was furious that I was still alive when I woke.", "suicide", True),
        ("My opponent played a suicidal pawn push.", "suicide", False),
        ("Closing the ward would be suicide for this hospital.", "suicide", False),
        ("stop typing kms every time your team loses", "suicide", True),
        ("I ran 12 kms before work.", "suicide", False),
        ("Burning myself was how I coped through sixth form.", "self-harm", True),
        ("Gran wore long sleeves every summer, and I only later understood why.", "abuse",
         True),
        ("Wolf-whistles and comments on her bus route mean my daughter now walks.",
         "sexual-violence", True),
        ("The mosque talk warned against intoxicants.", "substance-use", True),
        ("Beloved wife of Ananda, peacefully at home.", "death-and-grief", True),
    ],
)  # fmt: skip
def test_the_classes_of_batches_ap_aq_ar(
    topics, sentence: str, topic: str, flagged: bool
) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # batches AS, AT and AU (development half): each class in our own words, with near misses
        ("Grandad's slippers are still by the fire and none of us will move them.",
         "death-and-grief", True),
        ("Mum still sets out his cup every morning.", "death-and-grief", True),
        ("Lost my grandad this morning, he taught me to fish.", "death-and-grief", True),
        ("Lost my keys in the supermarket again.", "death-and-grief", False),
        ("The vet said it was kinder to let him go after sixteen good years.", "death-and-grief",
         True),
        ("The photocopier has officially died, use the one upstairs.", "death-and-grief", False),
        ("The bus station was quiet as a graveyard after midnight.", "death-and-grief", False),
        ("Her hoodie stayed on all through the heatwave, so nobody would see her arms.",
         "self-harm", True),
        ("Bracelets stacked up to the elbow, every single day.", "self-harm", True),
        ("Anyone who cuts themselves on the broken glass must report it to the site office.",
         "self-harm", False),
        ("She keeps vodka hidden behind the paint tins.", "substance-use", True),
        ("He's back on it, I can tell from the empties.", "substance-use", True),
        ("A sobering read for anyone who runs a business.", "substance-use", False),
        ("My knee rehab starts next week.", "substance-use", False),
        ("He takes all of her wages and gives her an allowance for the bus.", "abuse", True),
        ("We learned to read his footsteps on the stairs.", "abuse", True),
        ("Our striker controls the ball beautifully.", "abuse", False),
        ("The traffic beat me today, two hours to get home.", "abuse", False),
        ("I froze, and that doesn't mean I agreed.", "sexual-violence", True),
        ("He told her it didn't count because we were married.", "sexual-violence", True),
        ("Even the groomsmen were reaching for the tissues.", "sexual-violence", False),
        ("She counts every bite. every sip. every step.", "eating-disorders", True),
        ("I stepped on the scales five times before lunch.", "eating-disorders", True),
        ("He's terrified of bread since the new diet.", "eating-disorders", True),
        ("Made a plan in March; I'm still here because my son rang.", "suicide", True),
        ("He gave me his guitar and said he wouldn't need it any more.", "suicide", True),
        ("The rook sacrifice looked like suicide for the white queen.", "suicide", False),
        ("Ten years on from the school shooting anniversary, the town still grieves.",
         "trauma", True),
        ("I can't sit with my back to the door since the attack.", "trauma", True),
        ("The slugs have won the war on my cabbages.", "trauma", False),
        ("That driving instructor traumatised me at every roundabout.", "trauma", False),
    ],
)  # fmt: skip
def test_the_classes_of_batches_as_at_au(
    topics, sentence: str, topic: str, flagged: bool
) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # batches AV, AW and AX (development half): each class in our own words, near misses
        ("Respawn takes ages now, so dying in ranked really stings.", "death-and-grief", False),
        ("The passing of the housing bill was a relief to tenants.", "death-and-grief", False),
        ("I literally died when the teacher fell off his chair.", "death-and-grief", False),
        ("Her uncle was laid to rest in the village on Friday.", "death-and-grief", True),
        ("We're all feeling the loss of a teammate this week.", "death-and-grief", True),
        ("Give the roses a good drink after work.", "substance-use", False),
        ("He bought the pills off a guy at the gym.", "substance-use", True),
        ("There's a smell like a skunk coming from his room every night.", "substance-use",
         True),
        ("The coach had us running suicides until we dropped.", "suicide", False),
        ("I'm planning to end my tenancy in March.", "suicide", False),
        ("I told my mum I had a plan, and she drove me straight to A&E.", "suicide", True),
        ("bingeing crime dramas all weekend, no regrets", "eating-disorders", False),
        ("She hides her lunch in napkins and says she ate at school.", "eating-disorders", True),
        ("He won't eat after six, even on his birthday.", "eating-disorders", True),
        ("The final boss beat me again, twenty tries now.", "abuse", False),
        ("He decides what she eats and who she may see.", "abuse", True),
        ("She isn't allowed her own bank card.", "abuse", True),
        ("The Rovers were bombed out of the cup on Saturday.", "trauma", False),
        ("My cousin got glassed outside the pub.", "trauma", True),
        ("The prefect pinned me down and did things I still can't talk about.",
         "sexual-violence", True),
        ("I keep an ice cube in the freezer drawer to hold when the urge comes, and held one "
         "when the urge hit last night.", "self-harm", True),
    ],
)  # fmt: skip
def test_the_classes_of_batches_av_aw_ax(
    topics, sentence: str, topic: str, flagged: bool
) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # batches AY and AZ (development half): each class in our own words, near misses
        ("My brother keeps talking about ending it all.", "suicide", True),
        ("We're ending it at nine or the meeting runs on.", "suicide", False),
        ("His text said thank you for everything and it read like goodbye.", "suicide", True),
        ("Her retirement email read like a goodbye to the whole team.", "suicide", False),
        ("Those who died by their own hand deserve to be remembered.", "suicide", True),
        ("Her sister found the farewell note on the kitchen table.", "suicide", True),
        ("We signed a farewell card for the caretaker.", "suicide", False),
        ("I used to wonder if anyone would notice if I never came home.", "suicide", True),
        ("He punched the wall until his knuckles bled.", "self-harm", True),
        ("I chewed my nails until they were short.", "self-harm", False),
        ("She only eats if she has run that morning.", "eating-disorders", True),
        ("I only eat after the gym because I'm not hungry before.", "eating-disorders", False),
        ("The strikers are starving for a goal.", "eating-disorders", False),
        ("I hide grated courgette in the bolognese so the kids eat more veg.",
         "eating-disorders", False),
        ("Jockeys sweat off pounds in the sauna before a ride.", "eating-disorders", True),
        ("Her placement sign-off depended on meeting him for dinner, alone.",
         "sexual-violence", True),
        ("He tried it on at the Christmas party and wouldn't take no.", "sexual-violence",
         True),
        ("He tried it on in the shop but the coat was too tight.", "sexual-violence", False),
        ("She covered the bruises with concealer before work.", "abuse", True),
        ("He decides which friends she is allowed to keep.", "abuse", True),
        ("Grandma still sets out two plates at dinner.", "death-and-grief", True),
        ("Their son didn't make it home from the river.", "death-and-grief", True),
        ("We didn't make it back from the river until midnight.", "death-and-grief", False),
        ("The coroner will open the inquest next month.", "death-and-grief", True),
        ("Since Mum's gone the house is so quiet.", "death-and-grief", True),
        ("The whole idea was killed in the first meeting.", "death-and-grief", False),
        ("It went to sudden death, next goal wins.", "death-and-grief", False),
        ("Sudden death in young athletes is rare but devastating.", "death-and-grief", True),
        ("Put down the glass and listen for a moment.", "death-and-grief", False),
        ("He still reeks of drink, half-cut from last night.", "substance-use", True),
        ("A Coke machine has gone in by the lifts.", "substance-use", False),
        ("He's been in residential rehab since March.", "substance-use", True),
        ("Used syringes keep turning up in the playground.", "substance-use", True),
    ],
)  # fmt: skip
def test_the_classes_of_batches_ay_az(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # batches BA and BB (development half): each class in our own words, near misses
        ("My nan passed in June and the house still smells of her.", "death-and-grief", True),
        ("My sister passed her driving test in June.", "death-and-grief", False),
        ("This one goes out to Derek, who we lost in the spring.", "death-and-grief", True),
        ("People tell me she's in a better place now.", "death-and-grief", True),
        ("She's in a better place financially since the new job.", "death-and-grief", False),
        ("Our old desks have gone to a better place: the school down the road.",
         "death-and-grief", False),
        ("RIP my savings after that holiday.", "death-and-grief", False),
        ("Tributes flooded in for the much-loved crossing warden.", "death-and-grief", True),
        ("Tributes poured in for the caretaker, who is retiring after thirty years.",
         "death-and-grief", False),
        ("The chain is in a death spiral of discounts.", "death-and-grief", False),
        ("You can take compassionate leave when a relative is in the last weeks of life.",
         "death-and-grief", True),
        ("I haven't eaten a proper meal in days and I've never felt so in control.",
         "eating-disorders", True),
        ("I haven't eaten since breakfast, so lunch is on me.", "eating-disorders", False),
        ("More lads at the gym are obsessed with getting bigger.", "eating-disorders", True),
        ("Fund managers binged on bank shares all spring.", "eating-disorders", False),
        ("The champion made weight easily at the weigh-in.", "eating-disorders", False),
        ("New rules restrict junk food advertising on daytime TV.", "eating-disorders", False),
        ("When the urges come I squeeze an ice cube until they pass.", "self-harm", True),
        ("She wore long sleeves in July to hide her scars under them... she hid her cuts "
         "with plasters.", "self-harm", True),
        ("Young people who have harmed themselves deserve a kind assessment.", "self-harm",
         True),
        ("That late own goal was a self-inflicted wound for the team.", "self-harm", False),
        ("Cutting the marketing budget was a self-harming move.", "self-harm", False),
        ("The school's self-harm policy is on the website.", "self-harm", True),
        ("I didn't fight back, so for years I thought it didn't count.", "sexual-violence",
         True),
        ("My boss makes jokes about my body in front of clients.", "sexual-violence", True),
        ("The #MeToo movement changed how my office talks.", "sexual-violence", True),
        ("Me too, I love that film!", "sexual-violence", False),
        ("What her uncle did to her in the spare room stayed secret for years.",
         "sexual-violence", True),
        ("Teach children what to do if someone touches them in a way that feels wrong.",
         "sexual-violence", True),
        ("A moderator was grooming younger players over voice chat.", "abuse", True),
        ("Staff should raise any child who flinches when an adult lifts a hand.", "abuse", True),
        ("I can hear shouting through the wall, then a thud.", "abuse", True),
        ("My printer has been abused by the whole office.", "abuse", False),
        ("My brother locked me out of our shared Spotify.", "abuse", False),
        ("We were beaten by the team from the fire station at the quiz.", "abuse", False),
        ("She and the children arrived at a refuge with nothing.", "abuse", True),
        ("The bake sale raised £300 for the women's refuge.", "abuse", False),
        ("He checks the mileage on her car every evening.", "abuse", True),
        ("The coaches belittled and humiliated girls as young as ten.", "abuse", True),
        ("A Section 47 enquiry was opened on Monday.", "abuse", True),
        ("She was killed by her ex-partner in 2019.", "abuse", True),
        ("The punishment at home was unpredictable and brutal.", "abuse", True),
        ("I only used at weekends, then it was every day.", "substance-use", True),
        ("I only used the van at weekends.", "substance-use", False),
        ("Meetings saved my life, and so did my sponsor.", "substance-use", True),
        ("Admins, weed out the spam accounts please.", "substance-use", False),
        ("He was found to have come to work under the influence.", "substance-use", True),
        ("Her style was written under the influence of jazz.", "substance-use", False),
        ("Shares in the cannabis producer jumped on Monday.", "substance-use", False),
        ("She gave away her records and her bike the week before, and we understood too late.",
         "suicide", True),
        ("I kept thinking about how I'd end it.", "suicide", True),
        ("I kept thinking about how I'd end it with him, kindly.", "suicide", False),
        ("He survived an attempt on his life last spring.", "suicide", True),
        ("The school run is a war zone every morning.", "trauma", False),
        ("Some call-outs never leave you, any paramedic will say.", "trauma", True),
        ("Moderators spend their days reviewing violent videos.", "trauma", True),
        ("If you're affected by the war at home, the student team can help.", "trauma", True),
        ("The crash left a cyclist with life-changing injuries.", "trauma", True),
        ("The crew rigged the building collapse with foam blocks.", "trauma", False),
        ("A survivor of the Holocaust spoke to the pupils.", "trauma", True),
        ("The office move was a bit traumatic for everyone.", "trauma", False),
        ("We never recovered from the shock of an early goal.", "trauma", False),
    ],
)  # fmt: skip
def test_the_classes_of_batches_ba_bb(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic", "flagged"),
    [
        # batches BC and BD (development half): each class in our own words, near misses
        ("Photo: a wrist with fingertip bruises.", "abuse", True),
        ("She had to get his say-so to buy a coat.", "abuse", True),
        ("Signs you're being cut off from your friends", "abuse", True),
        ("When home isn't safe: who young people can call", "abuse", True),
        ("A group for women leaving violent partners meets on Mondays.", "abuse", True),
        ("After every apology the walls got more holes.", "abuse", True),
        ("When smacking leaves marks, schools must act.", "abuse", True),
        ("She shouts and throws things when he's late.", "abuse", True),
        ("I'm always walking on eggshells around his temper.", "abuse", True),
        ("Caring for a partner with depression can feel like walking on eggshells.", "abuse",
         False),
        ("Cupboards bare, the toddler unusually quiet: the visit note said it all.", "abuse",
         True),
        ("Volunteers called off the search for the missing kayaker.", "death-and-grief", True),
        ("A picture book for little ones facing loss", "death-and-grief", True),
        ("Our friend has gone quiet in the group chat lately.", "death-and-grief", False),
        ("Fans in grief as the club is relegated", "death-and-grief", False),
        ("The hospital bed was collected this morning and the room is empty.",
         "death-and-grief", True),
        ("Dementia was a long goodbye for our family.", "death-and-grief", True),
        ("Just black coffee again today, fourth day running.", "eating-disorders", True),
        ("He trains three times a day and can't rest.", "eating-disorders", True),
        ("Putting the scales in the bin was the first step.", "eating-disorders", True),
        ("She cut her meals down to a cracker and tea.", "eating-disorders", True),
        ("Faded white lines on her forearm, under a watch strap.", "self-harm", True),
        ("A nurse noticed the scratched forearms.", "self-harm", True),
        ("Mum has hidden the razors again.", "self-harm", True),
        ("I froze, and for years I believed that meant I had consented.", "sexual-violence",
         True),
        ("A man kept pressing himself against me on the tram.", "sexual-violence", True),
        ("She woke up half-dressed and didn't know how.", "sexual-violence", True),
        ("Boys are assaulted too, and they need to hear it.", "sexual-violence", True),
        ("The concert assaulted the senses in the best way.", "sexual-violence", False),
        ("I was assaulted by the smell of the bins.", "trauma", False),
        ("GBV survivors can call the hotline.", "sexual-violence", True),
        ("My teen is vaping more than she lets on.", "substance-use", True),
        ("Don't mix sleeping pills with alcohol.", "substance-use", True),
        ("Students and study drugs: what parents should know", "substance-use", True),
        ("Day 3 off the pills and I can't stop shaking.", "substance-use", True),
        ("Some nights I don't want to wake up.", "suicide", True),
        ("I don't want to wake up early on Saturday.", "suicide", False),
        ("I tried once when I was sixteen.", "suicide", True),
        ("After an attempt: what families can do", "suicide", True),
        ("I searched for ways to disappear at 3am.", "suicide", True),
        ("A slammed door takes me straight back there.", "trauma", True),
        ("Flood survivors still wait for help.", "trauma", True),
        ("Coach plunges into ravine on mountain road", "trauma", True),
        ("Adverse childhood experiences shape adult health.", "trauma", True),
        ("Please complete the ACEs form before your visit.", "trauma", False),
        ("The storm flattened the dahlias, so I'm staking them again.", "trauma", False),
        ("Results day is a war zone in our house.", "trauma", False),
        ("The exam was 'a massacre', he says.", "trauma", False),
    ],
)  # fmt: skip
def test_the_classes_of_batches_bc_bd(topics, sentence: str, topic: str, flagged: bool) -> None:
    assert (topic in _detected(topics, sentence)) is flagged


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        # this stop's classes, narrowed after a review: near misses they must not reach
        ("Partition the hard drive before installing.", "trauma"),
        ("The troubles of being a new parent are many.", "trauma"),
        ("I had a crush at the gig on the bass player.", "trauma"),
        ("I told my boss I had a plan for the launch.", "suicide"),
        ("There are good reasons to stay in the city for the summer.", "suicide"),
        ("He bought a bike off a mate from work.", "substance-use"),
        ("I've got the munchies after that long walk.", "substance-use"),
        ("I spent the morning cutting food into tiny pieces for the baby.", "eating-disorders"),
        ("Athletes punish their bodies in pre-season.", "self-harm"),
        ("Make the most of the time she has left before her flight.", "death-and-grief"),
        ("Dad, who would have been proud, sent a card.", "death-and-grief"),
        ("Shraddha Kapoor's new film opens on Friday.", "death-and-grief"),
    ],
)  # fmt: skip
def test_this_stops_classes_stay_narrow(topics, sentence: str, topic: str) -> None:
    assert topic not in _detected(topics, sentence)
