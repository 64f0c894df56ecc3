"""The claim detector on a labelled corpus: sentences that need a source vs. ordinary ones."""

from __future__ import annotations

import pytest
from carepress.checks.claims import find_claims, sourced_footnotes
from carepress.prose import prose_of

NEEDS_SOURCE = [
    "Teen anxiety is growing fast.",
    # The fourteenth blind batch's near misses: a comparison of groups, a condition's rank.
    "Anxious teens check their phones more often than their peers.",
    "Women are diagnosed with depression more often than men.",
    "Depression is one of the most common mental health conditions.",
    # An appeal to a named institution's research (an outside red team's third round).
    "A team at Stanford found that gratitude journaling lowers stress hormones within two weeks.",
    "Researchers at the University of Toronto showed that walking in nature eases rumination.",
    "Research from King's College London shows that sleep loss worsens anxiety.",
    "A group of psychologists at Boston Children's Hospital discovered that screens delay sleep.",
    "Teen drinking has fallen sharply since 2010.",
    "Current research says misophonia is a difference in how the brain processes sound.",
    # "Most" of a group defined by a condition, or of conditions and events: a proportion
    # in words (the pattern never matched a bare "most people" until 2026-12-06).
    "Most people with OCD wait years before getting an accurate diagnosis.",
    "Most adults with ADHD were never diagnosed as children.",
    "Most mental health conditions begin before age 24.",
    "Most relapses happen within the first ninety days of leaving rehab.",
    "Nearly half of all mental illness begins before a young person turns fourteen.",
    # A question that states a number is still a claim.
    "Did you know that one in five adults lives with a mental illness?",
    "Did you know that anxiety is the most common mental health condition?",
    "In my practice, 80% of couples who finish therapy report closer relationships.",
    "Anxiety referrals rose by 110 percent in two years.",
    "Teen drinking has dropped by half since 2010.",
    "Anxiety has grown into a crisis among teens.",
    "About 40 to 60 million adults live with an anxiety disorder.",
    "Unemployment among young adults is at 14% this year.",
    "Regular exercise lowers the risk of depression in older adults.",
    "3 out of 10 teens report sleeping badly on school nights.",
    # Classes added with batch J: research with two adverbs, a group's under-diagnosis,
    # percentages in words, experts who have proven, any expert, correlations, "almost
    # everyone who", all of history, bodies of evidence, "grow up more", the worst drug,
    # hyphenated groups.
    "Research has repeatedly found that sleep loss worsens mood.",
    "Autism is hugely underdiagnosed in girls.",
    "Around forty percent of new parents feel isolated.",
    "Psychologists have proven that journaling rewires your brain.",
    "Ask any therapist and they'll say the same.",
    "The earlier a teen starts vaping, the more likely they are to smoke.",
    "Almost everyone who finishes the programme stays well.",
    "Anxiety in teens is higher now than at any point in history.",
    "There is a vast body of evidence on this.",
    "Kids who skip breakfast grow up less focused.",
    "Nicotine is harder to quit than heroin.",
    "The evidence couldn't be clearer on screen time.",
    "Therapy helps the vast majority of single-incident trauma cases.",
    "About 5% of adults live with depression in a given year.",
    "Nearly one in five adults in the US lives with a mental illness.",
    "Two out of three people who seek help say therapy was worth it.",
    "Studies show that regular exercise can ease mild depression.",
    "Research suggests that sleep problems often come before a low mood.",
    "According to the World Health Organization, depression is common worldwide.",
    "Depression is a leading cause of disability around the world.",
    "More than 280 million people live with depression.",
    "Millions of Americans have an anxiety disorder.",
    "Half of all mental health conditions begin by age 14.",
    "People with insomnia are twice as likely to develop depression.",
    "Evidence suggests that cognitive behavioral therapy helps with panic disorder.",
    "A recent study found that journaling reduced worry in students.",
    "Talk therapy has been shown to work as well as medication for many people.",
    "Researchers found a link between loneliness and poor heart health.",
    "Anxiety disorders affect about 19 percent of adults each year.",
    "Roughly 3,000 teenagers took part in the survey.",
    "Smokers are three times more likely to report panic attacks.",
    "Meta-analyses suggest that mindfulness programs reduce stress.",
    "The data show that most people recover with treatment.",
    # Risk, superlatives and trends that keep being claims beside the ninth blind batch's.
    "Alcohol can increase the risk of depression.",
    "Anxiety is one of the most common mental health conditions.",
    "Teen vaping has grown sharply.",
    # Batch U's classes: a trend "getting worse every year" or "through the roof"; a remedy
    # as good as medication; experts saying, science clearly shown; years of life; a return
    # for every pound; a leading preventable cause, the biggest killer; every other country;
    # a group's higher rates; the least likely group; half of all illness.
    "Loneliness among older men is getting worse every year.",
    "Referrals to our local CAMHS have gone through the roof.",
    "Online CBT is as effective as face-to-face therapy for most people.",
    "Doctors have long been warning that energy drinks harm teenagers' sleep.",
    "Trauma is stored in the body, as neuroscience has now clearly shown.",
    "People with severe mental illness die 15 to 20 years earlier than others.",
    "Employers get back five pounds for every pound they spend on wellbeing.",
    "Drinking during pregnancy is the leading preventable cause of learning disability.",
    "Suicide is the biggest killer of men under fifty.",
    "Australians lose more money per person on gambling than any other country on earth.",
    "Women in medicine report higher rates of burnout than men do.",
    "Older people are the least likely age group to be referred for talking therapies.",
    "Half of all lifelong mental illness has started by the time a child is fourteen.",
    # Blind batch 13's near miss: a group's rate that has fallen stays a trend.
    "Falls among older parents have fallen by a third.",
    # A fourth outside red team: what brain scans reveal, a brain region said to shrink or grow,
    # an effect told by its size (a table's cells).
    "After about twelve weeks of talk therapy, brain scans reveal that the fear centre of the "
    "brain shrinks and the planning centre grows thicker.",
    "With regular meditation, the amygdala physically shrinks in just eight weeks.",
    "Imaging studies show that the prefrontal cortex grows thicker after therapy.",
    "| Daily walk | Cuts depression by a third |",
    "| Morning light | Halves time to fall asleep |",
    "A gratitude list cuts your stress in half.",
    "Journaling before bed reduces anxiety by a quarter.",
]

ORDINARY = [
    # The fifteenth blind batch's: a quality that grows is no trend.
    "The aim is growing independence, not permanent supervision.",
    # The fourth outside red team's near misses: what a part of the brain does, a recipe's time,
    # a reader's own cut.
    "Your amygdala is the part of the brain that spots danger.",
    "When you're scared, the fear centre of the brain takes over for a moment.",
    "Cut your caffeine by half after lunch.",
    "This recipe halves the time it takes to cook dinner.",
    "Walking lifts your mood, and it's free.",
    # The fourteenth blind batch's: an idiom, the writer's own habit, what partners describe.
    "The aim is a pattern that's good enough more often than not.",
    "I go more often than I'd like to admit.",
    "This is one of the most common things partners describe, and it's understandable.",
    # The thirteenth blind batch's: a person who has had a fall, not a rate.
    "A phone call telling you that your parent has fallen can change a family's year.",
    # A team, a training, a visit: no research found.
    "Our team at the practice found a new office on Main Street.",
    "Dr. Lee trained at Stanford and found her calling in family therapy.",
    "A team from the University of Oregon visited our clinic last spring.",
    "Our team at Riverbend found a quieter room for the Tuesday group.",
    "A team from Harvard showed up to run the charity fun run.",
    # The twelfth blind batch's: a falling-out, and a post's plan to say what research says.
    'If you and your friend had fallen out, or drifted, you may be carrying "if onlys" too.',
    "In this post we look at common myths and what current research says about them.",
    # "Most" as everyday speech, or as a superlative.
    "Most people can't just step away for months, and I know that.",
    "With patient support, most children do find their voice.",
    "This is the hardest part for most parents.",
    "Eating disorders are some of the most misunderstood health conditions.",
    # The eleventh blind batch's: the reader's own clinicians, a share of one's own energy.
    "Your own clinicians know your history and are the right people to help you decide.",
    "- spending a large share of your mental energy thinking about food, weight or shape",
    # The ninth blind batch's: a post's own myths and questions, a reason in advice, children
    # who are older now.
    "We separate the most common myths from the facts.",
    "This is one of the most common questions people ask, and often one of the most painful.",
    "Don't contact or confront the stalker yourself, as this can raise the risk.",
    "Sudden changes can raise suspicion and increase risk, so advocates often help plan.",
    "Children have grown. The service member may be used to a different pace.",
    "The more you practise, the better it feels.",
    "Ask any question you like at the end of the session.",
    "Call or text 988 any time, day or night.",
    "Try the 5-4-3-2-1 grounding exercise when you feel overwhelmed.",
    "Breathe in for 4 counts and out for 6 counts.",
    "Our office is open from 9 to 5 on weekdays.",
    "This post was updated on March 3, 2026.",
    "In 2024 we started offering evening sessions.",
    "Most sessions last about 50 minutes.",
    "Text HOME to 741741 to reach a crisis counselor.",
    "Write down three things that went well today.",
    "Step 2 is to notice the thought without judging it.",
    "Two people can go through the same event and react in very different ways.",
    "One in the morning is a hard time to be awake with worries.",
    "Give yourself 10 minutes before you reply to a hard message.",
    "Take it one day at a time.",
    "You can come back to this article in a week or two.",
    "Together, you use the data to confirm the plan or adjust it.",
    "Set an alarm for 7:30 and keep it the same every day.",
    "Chapter 3 of the workbook covers worry time.",
    "The first 2 sessions focus on getting to know you.",
    "Ask your doctor whether a check-up makes sense.",
    # Questions to ask a prescriber, in a list (a blind whole post): they ask, not claim.
    "- What side effects are most common, and do they usually fade?\n- How long until it works?",
    # A therapist's own office, effort as a percentage, what someone else says.
    "Body image is one of the most common things people bring up in my office.",
    "The urge to come back at 110 percent is understandable.",
    "- Anger that's always your fault, according to them",
    "Some men think of therapy as something you do only when everything has fallen apart.",
    "My son has grown up so fast.",
    "As a family therapist, I see sibling tension come up more often than people expect.",
    # The sixth blind batch's.
    "- **Size:** 6 to 9 adults (18 and older)",
    "We hold a small number of reduced-fee spots for people who need them.",
    "Nobody can be 100% sure they're healthy.",
    "Pick one low-stakes task this week and deliberately do it at 85 percent.",
    "A partner may have grown distant, become secretive, or crossed a line.",
    # The seventh's.
    "You can't prevent every one, but you can lower the odds.",
    # The eighth's: a rating, not a ratio.
    "At a 3 out of 10, you can talk things through.",
    # Batch U's near misses: a personal trend, delight, a timetable, a helper, one's own habit.
    "My back's been getting worse every winter since the fall.",
    "The kids went through the roof when they saw the puppy.",
    "The new timetable works just as well as the old one.",
    "Our experts are here to help you choose the right course.",
    "I'm the leading cause of my own procrastination, honestly.",
    "We raised five pounds for every mile walked.",
]


def _is_claim(sentence: str) -> bool:
    return any(True for _ in find_claims(prose_of(sentence, 1).text))


def test_corpus_size() -> None:
    assert len(NEEDS_SOURCE) + len(ORDINARY) >= 30


def test_precision_and_recall(capsys: pytest.CaptureFixture[str]) -> None:
    true_pos = sum(_is_claim(s) for s in NEEDS_SOURCE)
    false_pos = sum(_is_claim(s) for s in ORDINARY)
    recall = true_pos / len(NEEDS_SOURCE)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 0.0
    with capsys.disabled():
        print(
            f"\nclaim detector: precision {precision:.0%}, recall {recall:.0%} "
            f"on {len(NEEDS_SOURCE)} claims and {len(ORDINARY)} ordinary sentences"
        )
    assert recall >= 0.90
    assert precision >= 0.90


@pytest.mark.parametrize("sentence", NEEDS_SOURCE)
def test_claim_is_detected(sentence: str) -> None:
    assert _is_claim(sentence)


@pytest.mark.parametrize("sentence", ORDINARY)
def test_ordinary_sentence_is_not_a_claim(sentence: str) -> None:
    assert not _is_claim(sentence)


def test_citation_in_the_paragraph_covers_the_claim() -> None:
    text = "Depression is common. About 5% of adults live with it [@who].\n\nNext paragraph.\n"
    assert [cited for _, cited in find_claims(prose_of(text, 1).text)] == [True]
    footnote = "Studies show it helps.[^1]\n\n[^1]: A source.\n"
    assert [cited for _, cited in find_claims(prose_of(footnote, 1).text)] == [True]


@pytest.mark.parametrize(
    ("note", "cites"),
    [
        ("This is widely agreed on among clinicians.", False),  # the third red team's
        ("Ask your own clinician about this.", False),
        ("See https://www.nimh.nih.gov/health/statistics.", True),
        ("National Institute of Mental Health (2023). Any Anxiety Disorder.", True),
        ("As summarised in [@nimh-anxiety].", True),
        ("Smith J. Sleep and mood.\n    Journal of Sleep, doi:10.1000/xyz.", True),
        # A year names a source only with who published it (the fifth red team's note).
        ("First reported in 2011.", False),
        ("Recalled from a talk given in 2011.", False),
        ("Hölzel, B. K. et al. (2011). Mindfulness practice and the brain.", True),
        ("Smith (2019), a randomised trial.", True),
        ("NIMH, 2022.", True),
        ('"Sleep in America" poll, 2020.', True),
        ("World Health Organization, Mental health atlas 2020.", True),
    ],
)
def test_a_footnote_cites_only_if_it_names_a_source(note: str, cites: bool) -> None:
    text = f"Nearly half of all adults will live with it at some point.[^1]\n\n[^1]: {note}\n"
    sourced = sourced_footnotes(text)
    assert [c for _, c in find_claims(prose_of(text, 1).text, sourced=sourced)] == [cites]


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        # A figure after the paragraph's last citation is uncited (the fifth red team: an
        # unrelated citation on the first sentence "covered" a made-up statistic); a claim
        # in words after it goes on from the source, as writers do.
        ("Walks can lift your mood [@a]. About 40% of men never seek help.", [False]),
        ("Walks help [@a]. Men are twice as likely to wait as women.", [False]),
        ("About 40% of men never seek help [@a]. Walks help.", [True]),
        ("Men are twice as likely to wait [@a]. It is common [@a].", [True]),
        ("SAD is more common in women [@a]. Most people who live here never develop SAD.",
         [True, True]),
        ("Walks help.[^1] About 40% of men never seek help.\n\n[^1]: NIMH, 2020.", [False]),
        ("About 40% of men never seek help.[^1] Walks help.\n\n[^1]: NIMH, 2020.", [True]),
        ("## Men are twice as likely to wait\n\nAbout 40% of men never seek help [@a].",
         [True, True]),
    ],
)  # fmt: skip
def test_a_citation_covers_the_figures_before_it(text: str, cited: list[bool]) -> None:
    sourced = sourced_footnotes(text)
    assert [c for _, c in find_claims(prose_of(text, 1).text, sourced=sourced)] == cited


def test_question_headings_and_code_are_not_claims() -> None:
    text = "## 5% of what?\n\n`50% off`\n\n```\nstudies show x\n```\n"
    assert list(find_claims(prose_of(text, 1).text)) == []


# A fourth outside red team: a claim stated as a heading. Its section's first paragraph may
# cite it; a heading that only names a topic is no claim.
@pytest.mark.parametrize(
    ("text", "claims"),
    [
        ("## Exercise works as well as antidepressants for mild depression\n\nSo walk.\n", [False]),
        ("## Yoga is as effective as therapy\n\nA walk counts.\n", [False]),
        ("## Brain scans reveal that therapy shrinks the amygdala\n\nKeep going.\n", [False]),
        ("## Exercise works as well as antidepressants\n\nSo walk [@smith].\n", [True]),
        ("## Why exercise helps your mood\n\nA walk counts.\n", []),
        ("## Why later life can raise the risk\n\nSome features matter.\n", []),
        ("## Getting started\n\nPick a time of day you can stick with.\n", []),
        ("## Does exercise work as well as antidepressants?\n\nAsk your GP.\n", []),
    ],
)
def test_a_heading_can_state_a_claim_its_section_cites(text: str, claims: list[bool]) -> None:
    assert [cited for _, cited in find_claims(prose_of(text, 1).text)] == claims


# A fifth outside red team's classes (rt5) and their near misses: "times likelier", research
# as a verdict, one treatment beating another, a condition hitting a region or group harder or
# "practically the norm", an effect told noun first (a table's cell).
RT5 = [
    ("Girls are now about three times likelier than boys to be diagnosed with depression.", True),
    ("Women are twice as prone to anxiety as men.", True),
    ("Older men are far likelier to be misdiagnosed.", True),
    ("The verdict from decades of clinical trials is in: therapy beats medication.", True),
    ("Decades of research show that exercise lifts mood.", True),
    ("CBT outperforms antidepressants for mild depression.", True),
    ("Seasonal depression hits northern states far harder than southern ones.", True),
    ("In Oregon, winter low mood is practically the norm.", True),
    ("Loneliness hits older men harder than anyone else.", True),
    ("| Sleep lost | Next day |\n|---|---|\n| One hour | Anxiety goes up by about a third |", True),
    ("After a sleepless night, worry roughly doubles.", True),
    ("Stress levels drop by 40% after a week of walking.", True),
    # Near misses.
    ("A plan you write down is likelier to stick than one you keep in your head.", False),
    # A figure told as an average; an average day is no figure.
    ("Men wait an average of eleven years between their first symptoms and treatment.", True),
    ("People see an average of 3 doctors before the right diagnosis.", True),
    ("On average, people wait 8 years to ask for help.", True),
    ("On an average day I see five clients.", False),
    ("An average week might include two sessions and a walk.", False),
    ("The jury is in: our readers loved the new newsletter.", False),
    ("A short walk beats scrolling for clearing your head.", False),
    ("Grief hits some people harder than others, and that is normal.", False),
    ("| Day | Morning | Evening |\n|---|---|---|\n| Monday | Walk | Journal |", False),
    ("The recipe doubles easily if friends come round.", False),
    ("Anxiety can feel like it doubles at night, and that is a normal feeling.", False),
]


@pytest.mark.parametrize(("sentence", "claim"), RT5)
def test_rt5_claim_classes_and_near_misses(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


# The sixteenth blind batch's classes, each with the uses that must stay flagged: how a brain
# or mind in a state works is reasoning, not a finding; a risk named in safety planning (what
# could happen if the person causing harm finds out) is no statistic. Two of the batch's
# sentences stay claims: "most children who struggle this way" is a proportion of a group
# defined by a condition, and "one of the most common things couples argue about" ranks how
# often couples do something: each needs a source or a softer wording.
@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("A tired brain is more reactive and less patient, and it's more likely to see threats "
         "everywhere.", False),
        ("A tired brain is more likely to read a neutral face as hostile.", False),
        ("An anxious, exhausted mind is less likely to notice what went well.", False),
        ("A stressed body tends to be more likely to stay on alert.", False),
        ("A child with a tired brain is more likely to fail exams.", True),
        ("A traumatic brain injury makes you more likely to develop depression.", True),
        ("A tired brain is twice as likely to misread a face.", True),
        ("People who sleep badly are more likely to develop depression.", True),
        ("Teens with a tired brain are three times more likely to crash a car.", True),
        ("Some steps could raise risk if the person causing harm finds out, so it can help to "
         "talk them through with a trained advocate before acting.", False),
        ("Changing your passwords may increase the risk if your partner notices.", False),
        ("Leaving could raise the risk of being killed if he finds out.", True),
        ("Leaving raises the risk of homicide fivefold.", True),
        ("Vaping may raise the risk if you already have asthma.", True),
        ("Most children who struggle this way want to be at school, or wish they could want "
         "to, and feel ashamed that they can't manage it.", True),
        ("Money is one of the most common things couples argue about.", True),
    ],
)
def test_blind_batch_16_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim



# The seventeenth blind batch's classes, each with the uses that stay claims: a standard to
# hand work in at is no statistic; telling counsellors something is no appeal to what they
# know.
@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Submit something at 90 percent and notice that nothing terrible happens.", False),
        ("Hand in the draft at 80 percent, then rest.", False),
        ("Try finishing the essay at 85 percent.", False),
        ("About 90 percent of students feel this pressure.", True),
        ("Let school counselors know, if you are comfortable, so they can offer support.", False),
        ("Make sure the doctors know about every medicine you take.", False),
        ("School counselors know that exam stress peaks in spring.", True),
        ("Experts know that perfectionism rises under pressure.", True),
    ],
)
def test_blind_batch_17_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


# The eighteenth blind batch's class: a belief named as a myth is the post's subject, not its
# claim; the fact that answers it, and a figure about myths, still need a source.
@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ('## Myth 3: "If I think it, it\'s more likely to happen."', False),
        ("**Myth:** Most people with depression never get better.", False),
        ("A common misconception: therapy is more likely to work for the young.", False),
        ("Fact: people with intrusive thoughts are no more likely to act on them.", True),
        ("Myths about anxiety are common, and 40% of adults believe at least one.", True),
    ],
)
def test_blind_batch_18_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


# Batch AB's classes, in our own words, each beside a near miss that must stay quiet: a
# share of "us" or of a group in words; a change over time as a record, "fewer and fewer",
# a past decade or generation, or a doubling "over the last" years; "almost everyone";
# improvement within a number of sessions; "twice as often as"; research that keeps finding;
# years of life lost; a risk that falls "the longer"; children who "go on to be" something.
@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("About a third of us will live with anxiety at some point.", True),
        ("A third of us are off on Friday for the training day.", False),
        ("Around one mum in five has intrusive thoughts about her baby.", True),
        ("One session in five is held online.", False),
        ("Waiting times for adult autism assessments are at a record high.", True),
        ("My energy is at an all-time low this month.", False),
        ("More and more teenagers are vaping before they turn fifteen.", True),
        ("More and more of my plants are dying on the windowsill.", False),
        ("Teens now sleep less than teens did back in the nineties.", True),
        ("The practice opened its doors back in the nineties.", False),
        ("Ours is the loneliest generation on record.", True),
        ("Prescriptions for sleeping pills have almost tripled over the last ten years.", True),
        ("He doubled over laughing at the punchline.", False),
        ("Nearly everyone will go through a period of low mood.", True),
        ("Nearly everyone brought a dish to share.", False),
        ("In its mild forms, nearly everyone experiences it.", False),
        ("Most of us experience a bit of both.", False),
        ("Most couples notice a real difference within six sessions.", True),
        ("We review your goals after six sessions.", False),
        ("Boys are referred for ADHD three times as often as girls.", True),
        ("Water the seedlings twice as often in July.", False),
        ("Sleep research continues to show that naps help memory.", True),
        ("Our research team continues to meet on Thursdays.", False),
        ("People with anorexia die ten to fifteen years sooner than their peers.", True),
        ("The chances of a full recovery rise the earlier treatment begins.", True),
        ("The longer treatment lasts, the lower the risk of relapse.", True),
        ("The longer the walk, the better the view, in my opinion.", False),
        ("Teens who are listened to go on to be more confident adults.", True),
    ],
)
def test_blind_batch_ab_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


# Batch AC's classes, in our own words, each beside a near miss that must stay quiet: a
# multiplier or a comparison of degree; "almost as often as" and "diagnosed N times as
# often"; a superlative by negation or as "commonest"; a trend as a noun ("a dramatic rise
# in referrals"); "trial after trial" and proof in any phrasing; experts who "regard" one
# thing as worse; those who "go on to" fare worse; a share of a workforce.
@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Skipping breakfast multiplies the risk of a midday slump.", True),
        ("Teenagers who sleep badly are much more prone to low mood.", True),
        ("I am far more prone to snapping when I'm hungry.", False),
        ("Anxiety in men turns up almost as often as in women, and men are treated half as "
         "often as women.", True),
        ("Men are diagnosed with ADHD three times as often.", True),
        ("I try to stretch twice as often as I used to.", False),
        ("No other condition takes as many lives among young women as anorexia.", True),
        ("No other client has asked me that before.", False),
        ("Low back pain is the commonest reason for sick notes.", True),
        ("We've seen a dramatic rise in referrals for eating disorders since 2020.", True),
        ("I noticed a sharp rise in my own heart rate before the talk.", False),
        ("Trial after trial shows mindfulness lowers relapse.", True),
        ("Yoga has actually been proven to reduce stress hormones.", True),
        ("Cold water swimming is scientifically proven to lift mood.", True),
        ("It is not certain that cold water helps, and I'm wary of the hype.", False),
        ("Doctors now regard loneliness as more harmful than smoking.", True),
        ("Experts disagree about how to define burnout.", False),
        ("Children who are neglected go on to have poorer mental health as adults.", True),
        ("Kids who try the climbing wall often go on to join the club.", False),
        ("Burnout affects the majority of teachers in their first five years.", True),
    ],
)
def test_blind_batch_ac_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


# The nineteenth blind batch of whole posts: a topic announced ("What research shows about
# ...") and a place or circle of people that changed are no findings; what research shows,
# stated, and a rate that grew still are.
@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("What research shows about loneliness in later life, and where to start.", False),
        ("What the latest studies suggest about screens and sleep, in plain words.", False),
        ("What research shows is that loneliness raises the risk of heart disease.", True),
        ("Research shows that loneliness raises the risk of heart disease.", True),
        ("Friends moving away, or a village that has grown quieter each year.", False),
        ("Our family has grown smaller since Dad died.", False),
        ("Rates of loneliness among farmers have grown sharply since 2010.", True),
    ],
)
def test_blind_whole_posts_19_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


# The twentieth blind batch of whole posts: a comparison with what someone says or feels, a
# step's purpose, a standard aimed at, and what comes up in the writer's own sessions are no
# findings; a comparison of harm, a group's likelihood, a share and "more common than you
# think" still are.
@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("When someone feels as bad as you've been describing, it can help to say so out loud.",
         False),
        ("It is rarely as bad as it sounds at three in the morning.", False),
        ("Vaping is as bad as smoking for teenagers' lungs.", True),
        ("Jot the worry down so that it is less likely to follow you to bed.", False),
        ("Lock medicines away so they're far less likely to be taken by mistake.", False),
        ("Teenagers who sleep badly are far less likely to finish school.", True),
        ("Write the first draft to a 70% standard and send it.", False),
        ("Give the task 60 percent effort and notice what happens.", False),
        ("About 60 percent of teenagers report poor sleep before exams.", True),
        ("This worry comes up in my practice more often than people expect.", False),
        ("Panic attacks come up more often than you might expect in teenagers.", True),
    ],
)
def test_blind_whole_posts_20_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


# Blind whole posts AF: what the reader's own way of speaking gets them is no finding; a
# group's chances of being heard or believed are still a claim.
@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("But you're more likely to be heard, and you'll stay in line with your values.", False),
        ("Said calmly, you'll be far more likely to reach a compromise.", False),
        ("Women are less likely to be believed by doctors when they report pain.", True),
        ("You're more likely to develop depression if you sleep badly for years.", True),
        ("You are twice as likely to be heard when you lower your voice.", True),
    ],
)
def test_blind_whole_posts_af_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


# Blind batch AG: "more than ever" said of what matters or is needed, a first-person
# comparison and a personal source are no claims; a trend "than at any point in the last
# twenty years", the number one reason, a share of new dads, a group that "scores higher",
# "twice as anxious" and a region hit harder than "those" elsewhere still are.
@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Sleep, food and movement matter more than ever when work is hard.", False),
        ("Support from friends is more important than ever.", False),
        ("We need each other more than ever this winter.", False),
        ("More teenagers than ever are asking for help with anxiety.", True),
        ("Rates of burnout among nurses are higher than ever.", True),
        ("I sleep better than ever since I stopped checking emails at night.", False),
        ("Our waiting list is longer than ever, so please book early.", False),
        ("Problem gambling is worse now than at any point in the last twenty years.", True),
        ("I feel better than at any point in my life.", False),
        ("Quitting without notice would be a mistake, according to my mentor.", False),
        ("According to the latest survey, most nurses are exhausted.", True),
        ("Anxiety is now the number one reason teenagers book a GP appointment.", True),
        ("My number one reason for running is the quiet.", False),
        ("A third of new dads go through depression in the first year.", True),
        ("Most dads I know love the school run.", False),
        ("Kids who eat dinner with their families score higher on wellbeing measures.", True),
        ("Couples who argue in front of their kids raise children who are twice as anxious.",
         True),
        ("The session runs twice as long as usual this week.", False),
        ("Winter depression hits people in northern cities far harder than those further south.",
         True),
        ("The flu hit our whole office harder than last year.", False),
    ],
)  # fmt: skip
def test_blind_batch_ag_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


# Batch AH's whole posts: a change in the reader's (or one person's) own state is no trend
# ("if your mood has dropped to the point where..."); a group's still is.
@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("If your energy has dropped for weeks, talk to your GP.", False),
        ("When his sleep has dropped to four hours a night, it is time to ask for help.", False),
        ("Teen referrals have doubled in five years.", True),
        ("Rates of loneliness among older men have risen.", True),
        # the development half's classes from batch AH
        ("Insomnia is the number one sleep complaint among new parents.", True),
        ("Anxiety is the number one reason in my practice for first calls.", False),
        ("Loneliness heads the list of risks for older men.", True),
        ("Walking tops my list of ways to unwind.", False),
        ("Sleep researchers are unanimous that teenagers need more sleep.", True),
        ("My colleagues were unanimous about the new rota.", False),
        ("Dermatologists have confirmed that stress worsens eczema.", True),
        ("A recent paper in a medical journal found that gratitude lowers stress.", True),
        ("Studies comparing running with medication found running works as well.", True),
        ("Most panic attacks pass within twenty minutes.", True),
        ("Most panic attacks I have had started on the bus.", False),
        ("The odds of relapse rise with each untreated episode.", True),
        # and batch AJ's whole posts: a feeling more often than another is no statistic
        ("You might feel angry more often than sad.", False),
        ("Men are diagnosed more often than women.", True),
        # batch AI: a body's movement is no trend; a number's still is
        ("The student had jumped from a window, pupils were told.", False),
        ("He had jumped off the bus before it stopped.", False),
        ("Referrals had jumped from 200 to 900.", True),
        ("Waiting times have jumped from six weeks to six months.", True),
    ],
)  # fmt: skip
def test_blind_whole_posts_ah_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # batch AK (development half), in our own words: "it's been proven", a named journal's
        # paper, harm compared, a rank among regions, a trial named by where it came from, a
        # sliver of a group, a slow rise year on year, working days lost; and the practice's
        # own figures, which are no health claim
        ("Cold showers boost your mood, it's been proven.", True),
        ("My lost glasses have been found.", False),
        ("A famous BMJ study settled it: breakfast makes no difference to weight.", True),
        ("Gambling is deadlier than people think.", True),
        ("Youth suicide in the county is among the highest in the state.", True),
        ("Our team is among the friendliest in town.", False),
        ("A small trial from Melbourne found yoga eased panic.", True),
        ("Only a sliver of people with PTSD get therapy.", True),
        ("We met a handful of people at the stall.", False),
        ("Teen vaping has crept up year on year.", True),
        ("Depression costs the economy billions in sick days.", True),
        ("Fees go up by 4% in April.", False),
        ("Seventy per cent of you opened the last newsletter.", False),
        ("Seventy per cent of you told us you feel anxious at work.", True),
        ("CBT looks at how thoughts and feelings affect one another.", False),
    ],
)  # fmt: skip
def test_blind_batch_ak_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # batch AL (development half), in our own words: "out of" in dialect, a group most or
        # least likely to do something, years of life compared, the steepest drop since, a
        # rhetorical question that states its claim, tablets compared, growing up healthier;
        # and what is no claim: "a small number of situations", a modal risk to one's safety,
        # a game's win rate
        ("Seven outta ten teens have tried vaping.", True),
        ("Teenage boys are the group least likely to ask for help.", True),
        ("Smokers live about ten years less than non-smokers.", True),
        ("Admissions saw the sharpest fall since records began.", True),
        ("Why are we still surprised that referrals have doubled?", True),
        ("Why are you asking whether referrals have doubled?", False),
        ("Exercise works better than tablets for mild depression.", True),
        ("Kids who play outside grow up healthier.", True),
        ("There are a small number of situations where I must share what you tell me.", False),
        ("Leaving suddenly can increase the risk to your safety.", True),
        ("This can increase the risk to your safety, so plan with a support worker.", False),
        ("My win rate went from 40% to 52% this season.", False),
    ],
)  # fmt: skip
def test_blind_batch_al_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # batch AM (development half), in our own words
        ("Nurses die by suicide at a higher rate than other workers.", True),
        ("Young carers are the pupils most likely to drop out.", True),
        ("Calls to the helpline have gone through the roof in our county since spring.", True),
        ("Researchers at a Dublin university found that walking cut stress.", True),
        ("Around one new mum in seven has postnatal depression.", True),
        ("Heavy drinking is linked to dementia.", True),
        ("Our newsletter is linked to the practice's booking page.", False),
    ],
)  # fmt: skip
def test_blind_batch_am_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # batch AO (development half), in our own words
        ("Malawi has fewer nurses per head than almost any country.", True),
        ("Fewer teenagers are smoking than a decade ago.", True),
        ("We discuss the research showing screens harm sleep.", True),
        ("The research showing up in my feed is mostly ads.", False),
        ("My diet is eighty percent toast this week.", False),
        ("Write your triggers down: you're more likely to notice them.", False),
        ("Teens who vape are more likely to smoke.", True),
    ],
)  # fmt: skip
def test_blind_batch_ao_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # batches AP, AQ and AR (development half), in our own words
        ("Loneliness does as much harm to your health as smoking.", True),
        ("Yoga gives a bigger mood boost than a walk.", True),
        ("Teenagers are more susceptible to peer pressure than adults.", True),
        ("Stroking a cat lowers your blood pressure.", True),
        ("Skipping breakfast spiked my blood sugar, I think.", False),
        ("Suicides among farmers have started to fall.", True),
        ("Our referrals dropped in August while I was away.", False),
        ("CBT is the single most effective treatment for insomnia.", True),
        ("Anxiety is commoner among people who live alone.", True),
        ("Most overdoses happen at home.", True),
        ("Any GP will tell you that sleep matters.", True),
        ("Since the mill closed, drinking in the valley has gone through the roof.", True),
        ("My stress has gone through the roof this week.", False),
        ("Rainfall this July was the highest in a decade.", False),
        ("Eighty percent of members voted for the new rota.", False),
        ("My very unscientific poll says nine out of ten dogs love cheese.", False),
    ],
)  # fmt: skip
def test_blind_batches_ap_aq_ar_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # batches AS and AT (development half), in our own words
        ("Boys talk about their worries far less than girls do.", False),
        ("Screens are worse for your sleep than coffee.", True),
        ("Nurses have higher rates of depression than doctors.", True),
        ("I had more anxiety than I expected before the talk.", False),
        ("There was a study in the BMJ showing walking helps.", True),
        ("Half the office is on antidepressants, apparently.", True),
        ("One lonely person in five never sees a neighbour.", True),
        ("For every pound spent on prevention, the NHS saves three.", True),
        ("Is it any wonder that stress shortens a life as much as smoking?", True),
        ("Is it any wonder we love this town?", False),
        ("Farmers are the most stressed workers in the country.", True),
    ],
)  # fmt: skip
def test_blind_batches_as_at_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # batches AV, AW and AX (development half), in our own words
        ("Half of all nurses report burnout.", True),
        ("Stress among junior doctors peaks in February.", True),
        ("Most bullying now happens in group chats.", True),
        ("Prescriptions for sleeping pills have climbed steeply.", True),
        ("Our under-12s have doubled in size this year.", False),
        ("Three of my flatmates are from Galway.", False),
        ("Some of the most common assumptions about grief are unhelpful.", False),
        ("Petrol prices have risen for the fifth week running.", False),
    ],
)  # fmt: skip
def test_blind_batches_av_aw_ax_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # batches AY and AZ (development half), in our own words
        ("Researchers have shown that naps improve memory.", True),
        ("There's real evidence behind the four-day week.", True),
        ("Older men are the fastest-growing group of new gamblers.", True),
        ("Anxiety has overtaken back pain as the leading reason for sick notes.", True),
        ("Referrals have risen every single year since 2019.", True),
        ("Admissions for eating disorders shot up after lockdown.", True),
        ("The landmark Dunedin study found that self-control in childhood predicts health.",
         True),
        ("Poor sleep doubles a teenager's odds of low mood.", True),
        ("Alcohol is the deadliest drug in Europe.", True),
        ("Most abusers were abused themselves.", True),
        ("Sooner or later almost everyone who runs a group will have to handle a crisis.",
         False),
        ("The Lancet paper is on the journal club list this week.", False),
        ("Eighty per cent of the car park is closed for resurfacing.", False),
        ("Our visitor numbers shot up after the refurb.", False),
    ],
)  # fmt: skip
def test_blind_batches_ay_az_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # batches BA and BB (development half), in our own words
        ("Half the dads at nursery probably have burnout and don't know it.", True),
        ("Half the dads at nursery brought cake.", False),
        ("Autism diagnoses have basically tripled since I was at school.", True),
        ("The idea that sugar makes kids hyper has been thoroughly debunked.", True),
        ("My theory about the missing socks has been debunked.", False),
        ("Most bereaved parents never stop counting the years.", True),
        ("We scored 64% in the first round of the quiz.", False),
        ("Eighty percent of my camera roll is photos of the dog.", False),
        ("Burnout costs employers billions every year.", True),
        ("Students who walk to school report noticeably better mood.", True),
        ("Exercise is known to reduce anxiety within weeks.", True),
        ("Every three minutes somewhere in the country someone is diagnosed with dementia.",
         True),
    ],
)  # fmt: skip
def test_blind_batches_ba_bb_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # batches BC and BD (development half), in our own words
        ("Why most depression starts in the teenage years", True),
        ("Men relapse more often than women, says a new report.", True),
        ("Published in the BMJ: loneliness is as bad as smoking.", True),
        ("The famous Harvard study proving that gratitude lengthens life", True),
        ("Overdose rates peak in the summer months.", True),
        ("Relapse is highest in the first month after treatment.", True),
        ("There are a small number of legal and professional exceptions to confidentiality.",
         False),
        ("Sales peak in the run-up to Christmas at the bakery.", False),
    ],
)  # fmt: skip
def test_blind_batches_bc_bd_classes(sentence: str, claim: bool) -> None:
    assert _is_claim(sentence) is claim

