"""Identifiable client stories are errors (HIPAA Safe Harbor identifiers in a therapist's
telling); general, hypothetical and composite examples, staff news and public figures are
not. A table of sentences written for this test, in many shapes."""

from __future__ import annotations

import json

import pytest
from carepress.checks.client_stories import client_stories, given_names
from conftest import Hub, post_text

IDENTIFIABLE = [
    # Classes added with batch J: permission to write, a first disclosure, described to me,
    # work with me, a client's handle, "who's 15", roles in a village, readers who know them.
    "Omar, who's 15, opened up about his dad for the first time.",
    "The deputy head at Greenfield Academy admitted in session that she is exhausted.",
    "Follow my wonderful client on Instagram @calm_with_cara for updates.",
    "The owner of the village bakery has been doing EMDR with me since the fire.",
    "Leo, the captain of the county rugby team, described to me how lonely he feels.",
    "Many of you will recognise her from the farmers' market; she has been seeing me for a year.",
    "Last winter my client Jenna, 34, told me she had stopped sleeping.",
    "Jenna, 34, came to see me after her divorce.",
    "When Jenna, a 34-year-old teacher, first came to my office, she could barely speak.",
    "My client Tomasz has been sober for a year now.",
    "Priya, a nurse at St. Luke's Hospital, told me she dreads every night shift.",
    "In our third session, Carlos admitted that he still sleeps with the lights on.",
    "My Wednesday 5 p.m. client, a bus driver from Eastfield, cried for the first time.",
    "I have been seeing Amara since March; she works at the bakery on Linden Avenue.",
    "A former client, the head coach of the Northside varsity team, let me share this.",
    "Kwame, 52, finally told me about the accident at the plant.",
    "J.R., a senior at Roosevelt High, came to see me after a panic attack in class.",
    "Yesterday's session with Mei, a pharmacist in Riverton, was a turning point.",
    "One of my clients, the only dentist in our small town, struggles with insomnia.",
    "A client of mine, the only female firefighter in Dunmore, told me about the hazing.",
    "I have been seeing the head coach at Riverside for his panic attacks.",
    "Ana (19, a barista at Bean There on Main) said I could share her story.",
    "My newest client follows @brightside_runner on Instagram and asked me to mention it.",
    "I'm working with a nurse at Mercy General who is the sole carer for her father.",
    "Dimitri's wife called me after his session to ask how he was doing.",
    "Aisha, the youngest partner at Hale & Porter, has been in therapy with me since June.",
    "Luis, a 29-year-old firefighter, told me the smell of smoke brings it all back.",
    "During our session on June 4, Hannah described the night she left.",
    "I counselled a 61-year-old pastor in Millbrook through the loss of his son.",
    "Fatima walked into my office last Tuesday and said she wanted to quit her job.",
    "A 45-year-old plumber I treat told me about debts he hides from his wife.",
    "The mayor's son has been seeing me for his anxiety since the election.",
    "My 8 a.m. on Thursdays is a retired teacher who still grades papers in her dreams.",
    "Marcus, who coaches Little League in Dayton, opened up to me about his drinking.",
    "Olu, 24, a courier in Leeds, still flinches when his phone buzzes.",
    "After her first session with me, Sofia emailed to say she felt lighter.",
    "K.M., a software engineer at a company in Austin, came to me after a layoff.",
    "Rohan, a driver I see in Fremont, says traffic is where the panic hits.",
    "My client, the twin sister of a well-known local news anchor, feels invisible.",
    "Grace, 17, the goalie on the Eastview team, has been coming to see me since fall.",
    # Batch U's classes: a first disclosure with a session's date; "I had a client last week";
    # "who's been working with me"; a diary's "Worked with a ..."; "I sat with a ..."; "one of
    # the people I see is"; "My 7.15 on Mondays"; a client's mum rang me; a local role; someone
    # who runs the village shop; a newly appointed CFO; a neighbour two doors down; a recovery
    # to follow at a handle; "agreed to let us mention".
    "From Tuesday 4 March, 3pm: J. talked for the first time about her father's drinking.",
    "I had a client last week, a junior partner at a firm in Leeds, who hadn't slept in months.",
    "Congratulations to Priya, the Year 12 student from Harrow who's been working with me.",
    "Worked with a 27-year-old software engineer at Infosys Mysuru this week.",
    "I sat with a young mum from Castlebar on Thursday at 4pm who had just lost her job.",
    "One of the people I see is the lollipop lady outside Greenfield Primary.",
    "My 7.15 on Mondays lives two doors down from me.",
    "Emily's mum rang me on Friday at 8pm to say Emily had been admitted again.",
    "The vicar of our parish has said I can share a little of his journey through burnout.",
    "The man who runs the chippy on our high street has been seeing me since March.",
    "The newly appointed CFO of a fashion retailer sat in my office yesterday.",
    "Her Instagram is @mindful.meg if you want to follow her recovery.",
    "We were delighted when Rohan Mehta, 42, from Leicester, agreed to let us mention him.",
    # Blind batch 13's near miss: a name after "working with", in a sentence, stays a story.
    "Working with Clara, a barista in Eastfield, has taught me how lonely early shifts are.",
    # Batch Y: a ward's councillor attending our clinic, a band's lead singer, the first-choice
    # goalkeeper, the house opposite the church, a named child in a therapy-success shout-out,
    # "one of its patients", a colleague asked who else treats someone, a named example.
    "Our client, the MP for Eastleigh, has been attending our clinic since spring.",
    "I've been seeing the drummer of a popular local band for his panic attacks.",
    "We're treating the starting striker at the town club for burnout, and I'm seeing him weekly.",
    "A client who lives in the white cottage next to the post office told me she is struggling.",
    "Congratulations to Mia Jones (age 11) after weeks of work on her fear of dogs!",
    "Last year we helped the head girl at St Anne's School through her panic attacks.",
    "The clinic confirmed that Ben Ward, who won Saturday's race, is one of its anxiety patients.",
    "Anyone else treating the brothers from Oakley Farm? Their dad rang us too.",
    "For example, Sara Lund, the barista at Mill Cafe, halved her panic scores with us.",
    # A fourth outside red team: session dates with a role; a full name, age and school with
    # the day of the sessions (alt text).
    "A client of mine, a retired firefighter, had been coming in every other Thursday since the "
    "first week of last January.",
    "One of my clients, a nurse, has seen me every second Monday since last March.",
    "A man I see, a bus driver, told me at our session the Thursday before Thanksgiving that he "
    "had slept.",
    "Marcus Bell, 17, on the Jefferson High track where he runs before his Tuesday sessions with "
    "us",
    "Priya Shah, 16, outside Northfield Academy before her Monday sessions with me",
    # Blind batch AG: an age by a birthday, a client named by how long they have come, a
    # sportsperson of note from the practice's own city.
    "Happy birthday to my longest-standing client, who turns 50 today!",
    "My first client turns 40 this week and runs the bakery by the station.",
    "This week I worked with an Olympic rower from our city who is struggling with her eating.",
]
NOT_A_STORY = [
    # Blind batch AG's near misses: a practice's birthday, an athlete heard on a podcast.
    "Our practice turns 10 this year, so thank you for trusting us.",
    "An Olympic rower once told a podcast that rest days saved her career.",
    # The fourth outside red team's near misses.
    "Our drop-in group meets every other Thursday in the library.",
    "Clients often start therapy in the new year, after the holidays.",
    "Sessions with us start with a short check-in.",
    "From Priya on reception to our clinical lead Sam, everyone is trained in first aid.",
    "Clients often tell us that the first session is the hardest.",
    "Many of the people I work with describe feeling guilty when they rest.",
    "Imagine a parent who feels exhausted every Sunday night.",
    "Let's call her Anna; she is a composite of several people, with details changed.",
    # A time of day is not a client's initials (a blind whole post's title).
    "The 2 A.M. Replay: why your mind races at night in your apartment in Portland.",
    # A composite said so at the start of the paragraph (a blind whole post).
    "Picture a composite of many teens we meet, not any one person. Some look, on paper, like "
    "they have it all figured out. Honor roll, varsity team, first chair in orchestra. Then, a "
    "few sessions later, the same teen tells me she stays up until 2 a.m. rewriting an essay.",
    "This example is fictional: a nurse named Jo notices she snaps at her kids.",
    # Said composite in the paragraph before, or in the section's heading (blind batch 9).
    '*"Elena," below, is not a real client. She is a composite of many women.*\n\n'
    "Elena is 44. She manages projects for a living.",
    "## A composite story\n\nElena is 44. She manages projects for a living.",
    "Suppose a 40-year-old teacher feels dread every Sunday evening.",
    "Aaron Beck developed cognitive therapy at the University of Pennsylvania.",
    "Kristin Neff, a psychologist at the University of Texas, studies self-compassion.",
    "Dr. Lee joins our team on Mondays and Wednesdays.",
    "Please welcome our new therapist, Maria Lopez, who sees adults and couples.",
    "Our front-desk manager, Dana, has been with the practice for ten years.",
    "Simone Biles spoke publicly about her mental health at the Olympics.",
    "I'm a 45-year-old therapist in Portland, and I've had anxiety myself.",
    "I grew up in Duluth, and my own father rarely talked about feelings.",
    "Nurses, teachers and firefighters often carry years of unspoken stress.",
    "If you are a teacher feeling burned out this spring, you are not alone.",
    "Our Tuesday evening group for new parents has two open spots.",
    "I see clients on Tuesdays and Thursdays from 9 a.m. to 6 p.m.",
    "Our office will be closed on Thursday, November 26.",
    "Grace and patience go a long way with a teenager.",
    "Will you notice the small changes first, or will others?",
    "May is Mental Health Awareness Month in the United States.",
    "Hope can return slowly, one ordinary day at a time.",
    "Parents of toddlers often say bedtime is the hardest part of the day.",
    "A typical first session covers what brings you in and what you hope will change.",
    "Teens often tell therapists things they have not told their parents.",
    "The Patient Health Questionnaire-9 is a short self-report measure.",
    "Let the client interpret what a change in their score means.",
    "Brené Brown's research has shaped how many people talk about shame.",
    "As a mom of twins and a former teacher myself, I know September can be hard.",
    "Jordan Peterson's books are not what we recommend for anxiety.",
    "Burnout is common among nurses at every hospital.",
    # Batch X classes: an imperative "think of a/someone" example; a public figure's full
    # name in the possessive; a story said to be shared with consent and giving no details.
    "Think of someone, maybe 40, who dreads every Monday at work.",
    "Kevin Love's essay on panic attacks in the NBA changed how athletes talk.",
    "Shared with her permission: a former client wrote to say the Thursday group kept her going.",
    # Batch U's near misses: a client in general terms, the vicar lending a hall, a team of
    # volunteers, a meeting with GPs, staff ringing about the rota.
    "I had a client last week ask me about sleep, which is a common question.",
    "The vicar of our parish has kindly lent us the hall for our carers' group.",
    "Worked with a great team of volunteers at the fun run this weekend.",
    "I met with a group of local GPs on Thursday to talk about referrals.",
    "Our new receptionist, Amy, rang me on Friday to confirm the rota.",
    # Blind batch 13: a title's capitals name the people it is for, neither a person nor a place.
    "Working With Clients Who Use Cannabis Daily: Notes for Clinicians",
    "Working With Your Teen Through Exam Stress: Notes for Parents",
    # Batch Y's false alarm as a class: the client's feedback, survey or portal is no client.
    "Our client feedback survey found that most people felt listened to from the first session.",
    "My client base is mostly adults with anxiety.",
    "Our client portal now lets you rebook online.",
    # Its near misses: a public role doing public things, a band's singer in an interview, an
    # ordinary example, a team's shout-out, a house by the sea, a question to colleagues.
    "The councillor for Westbrook ward opened our new building on Friday.",
    "The lead singer of a well-known Brighton indie band spoke about stage fright on the radio.",
    "For example, a teacher might notice a pupil's anxiety before anyone at home does.",
    "Well done to our team for completing the marathon after months of training.",
    "We helped the local school set up a quiet room for pupils.",
    "Anyone else treating teens with school refusal? I'd love to compare notes.",
    # A UK hub's first use: a disclaimer on who is or isn't a client.
    "Liking or sharing our posts doesn't make you my client.",
    "Until we have both signed the agreement, you are not yet our client.",
]


def test_the_tables_are_large_enough() -> None:
    assert len(IDENTIFIABLE) >= 30 and len(NOT_A_STORY) >= 30
    assert len(given_names()) > 5000 and "jenna" in given_names() and "kwame" in given_names()


@pytest.mark.parametrize("sentence", IDENTIFIABLE)
def test_an_identifiable_client_story_is_found(sentence: str) -> None:
    assert any(story.identifiable for story in client_stories(sentence)), sentence


def test_a_name_after_a_or_an_names_a_thing() -> None:
    # Batch BD's bereavement post: a car, in a paragraph about the bereaved and their friends.
    thing = ("Many bereaved clients say friends avoid the name. A memory (\"I think of your dad "
             "every time I see a Morris Minor\") can be a gift.")
    assert [s.identifiable for s in client_stories(thing)] == []
    assert [s.identifiable for s in client_stories("My client Morris, 34, came to see me after "
                                                    "his divorce.")] == [True]


@pytest.mark.parametrize("sentence", NOT_A_STORY)
def test_general_hypothetical_and_public_text_is_not_a_story(sentence: str) -> None:
    assert list(client_stories(sentence)) == [], sentence


def test_a_composite_label_covers_its_section_not_the_whole_post() -> None:
    """A label two paragraphs back, under another heading, does not cover a later story."""
    story = "Last week my client Jenna, 34, told me she could not sleep."
    far = "## A composite story\n\nAnna is a composite.\n\n## Sleep\n\nSleep matters.\n\n"
    assert [s.identifiable for s in client_stories(far + story)] == [True]
    assert list(client_stories("## A composite story\n\n" + story)) == []


def test_an_unnamed_client_story_is_a_warning() -> None:
    stories = list(client_stories("A patient I saw last week cried through the whole hour."))
    assert [s.identifiable for s in stories] == [False]


def test_consent_drops_the_story_warning_but_not_an_identifiable_story() -> None:
    told = "A former client asked us to share this note about the evening group."
    assert list(client_stories(told)) == []
    named = "My client Ola, a 34-year-old teacher in Leeds, asked me to share her story."
    assert [s.identifiable for s in client_stories(named)] == [True]


@pytest.mark.parametrize(
    "body",
    [
        "A gentle start.\n\n<!-- more -->\n\nSome context [@nimh-anxiety].\n\n"
        "Jenna, 34, came to see me after her divorce.\n",
        # The body's first sentence: its line, not the blank line after the front matter.
        "Jenna, 34, came to see me after her divorce.\n\n<!-- more -->\n\n"
        "Some context [@nimh-anxiety].\n",
    ],
    ids=["later", "first"],
)
def test_an_identifiable_story_stops_the_build_at_its_line(hub: Hub, body: str) -> None:
    path = hub.write_post("p.md", post_text(body=body))
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if "Jenna" in t)
    found = json.loads(hub.check("--format", "json").stdout)
    assert [(f["rule"], f["severity"], f["line"]) for f in found] == [
        ("confidentiality.identifiable-client", "error", line)
    ]
    assert hub.build().returncode == 1


def test_a_consented_case_vignette_keeps_its_own_path(hub: Hub) -> None:
    body = (
        "A gentle start.\n\n<!-- more -->\n\nSome context [@nimh-anxiety].\n\n"
        "Jenna, 34, came to see me after her divorce.\n"
    )
    hub.write_post("p.md", post_text(body=body, type="case-vignette", consent="CR-2026-001"))
    found = json.loads(hub.check("--format", "json").stdout)
    assert not [f for f in found if f["rule"].startswith("confidentiality.")]


@pytest.mark.parametrize(
    "role",
    ["the only Sikh GP in Timaru", "the head chef at Nando's", "the youngest partner at Hale"],
)
def test_a_unique_role_at_a_named_place_is_an_identifier(role: str) -> None:
    """Case-insensitive patterns once read a capital as any one letter: only "in T" matched."""
    from carepress.checks.client_stories import patterns

    found = patterns().identifiers["unique role"].search(f"My client is {role}, and she agreed.")
    assert found is not None and found.group(0) == role


# An outside red team's third round: the therapy context in one sentence, the client's details
# in a later one of the same section that goes on about them ("She ...", "His ..."), or a
# unique role told as a verb, or a client's own business by its street or its look.
GOES_ON_ABOUT_THE_CLIENT = [
    "I want to tell you about someone who has been coming to see me for two years. She started "
    "with a walk.\n\nYou might even know her. She posts her morning runs as @marisol.runs.pdx.",
    "I have been seeing a remarkable woman in therapy since spring. Her bakery on Division "
    "Street, the one with the blue awning, was her dream.",
    "I have been seeing a man since June. His taqueria on Alberta Street is always full.",
    "Last winter a new client sat down across from me. He anchors the six o'clock news on our "
    "local station.",
    "## Tuesday, March 3, 4 p.m.\n\nShe sat down and said nothing. Then she told me, for the "
    "first time, that she was leaving her marriage. She is a nurse in the cardiac unit at "
    "Providence St. Vincent.",
    "A new client of mine presents the breakfast show on the local radio.",
]
STILL_NOT_IDENTIFIABLE = [
    "Imagine a client who has been coming to see me for a year. She is a nurse at a big "
    "hospital in Portland.",
    "Our new therapist, Dr. Ana Ruiz, joins us in May. She is a nurse practitioner from Salem "
    "Hospital.",
    "A client told me she felt lighter after a walk.\n\n## Our speaker\n\nShe is a nurse at "
    "Salem Hospital and runs the Tuesday group.",
    "Her bakery sells the best bread in town.",
    "He anchors his day with a morning walk.",
    "Follow our practice on Instagram at @riverbendtherapy for tips.",
]


@pytest.mark.parametrize("text", GOES_ON_ABOUT_THE_CLIENT)
def test_a_later_sentence_about_the_client_can_identify_them(text: str) -> None:
    assert any(story.identifiable for story in client_stories(text)), text


@pytest.mark.parametrize("text", STILL_NOT_IDENTIFIABLE)
def test_a_new_section_a_hypothetical_or_staff_news_is_not_carried(text: str) -> None:
    assert not any(story.identifiable for story in client_stories(text)), text


# A fifth outside red team's classes (rt5): the client's details told before the therapy
# context ("She teaches third grade at ... We started meeting in March, when she told me");
# work begun ("I started working with the only ..."); "over our sessions"; "someone I
# counsel"; a new name that does not hide a unique role; a client record as a table.
RT5 = [
    ("I want to tell you about Thandiwe. She is 29. She teaches third grade at Maple Creek "
     "Elementary in Hood River. We started meeting in March, when she told me she cried.", True),
    ("Last spring I started working with the only woman fire chief in Deschutes County.", True),
    ("This year we began seeing the only female imam in our city.", True),
    ("Zephyrine runs the bakery on Oak Street in Silverton. Over our sessions this fall she "
     "named the worry.", True),
    ("Someone I counsel (let's call her \"the reverend\") leads the only Lutheran congregation "
     "in Sisters, Oregon.", True),
    ("| Client | Age | Work | Town | First session |\n|---|---|---|---|---|\n"
     "| Oksana | 41 | night charge nurse | Gresham | 14 Jan 2026 |", True),
    ("| Patient | Occupation | City |\n|---|---|---|\n| R. | teacher | Bend |", True),
    # Near misses.
    ("Imagine a parent who runs the bakery on Oak Street in Silverton. Over months of sessions "
     "she learns to rest.", False),
    ("Last spring I started working with a new supervisor myself, and it changed how I "
     "practise.", False),
    ("We started meeting in March to plan the fundraiser at Oak Street Hall.", False),
    ("Let's call her Mara. She is in her forties and works in an office, and over our sessions "
     "she learned to rest.", False),
    ("| Day | Morning | Evening |\n|---|---|---|\n| Monday | Walk | Journal |", False),
    ("A composite example:\n\n| Client | Age | Town |\n|---|---|---|\n"
     "| Sam | 30s | a small town |", False),
    ("I'm a therapist in Bend, and I started working in private practice in 2015.", False),
]


@pytest.mark.parametrize(("text", "identifiable"), RT5)
def test_rt5_client_story_classes_and_near_misses(text: str, identifiable: bool) -> None:
    assert any(s.identifiable for s in client_stories(text)) is identifiable


# The sixteenth blind batch's class: the writer describing their own identity ("I write as a
# Latina therapist") names no client, though "Latina" is also a given name; a client described
# the same way, or named beside the writer's self-description, still is.
@pytest.mark.parametrize(
    ("text", "identifiable"),
    [
        ("I write as a Latina therapist. My experiences of race aren't the same as those of my "
         "Black, Indigenous or Asian American colleagues.", False),
        ("As a Latina therapist, I notice how often this comes up.", False),
        ("I'm an Irish counsellor, and I was raised to keep quiet about feelings.", False),
        ("My client, a Latina nurse from Tucson, told me she felt invisible at work.", True),
        ("As a Latina nurse from Tucson, she came to see me last week.", True),
        ("Latina, 34, a nurse in Tucson, came to see me last week.", True),
        ("I write as a therapist who saw Maria, 34, a nurse in Tucson.", True),
        # The writer's own job and town ("a therapist in Denver": Denver is a given name too).
        ("I'm a therapist in Denver, and I see this every winter.", False),
        ("As a counselor in Austin, I hear this from clients every week.", False),
        ("I'm a psychologist in Boston. I see clients every Tuesday.", False),
        ("We moved our office to a spot just outside Florence; I'm a counselor there.", False),
        ("Jenna, 34, a teacher in Denver, came to see me after her divorce.", True),
        ("A client of mine, a teacher from Tucson, came to see me in March.", True),
        ("As a teacher at Maple Elementary, she came to see me in March.", True),
        ("My client Florence, a nurse near Savannah, told me about her shifts.", True),
    ],
)
def test_the_writer_describing_themself_is_not_a_client(text: str, identifiable: bool) -> None:
    assert any(story.identifiable for story in client_stories(text)) is identifiable, text


# Batch AB's classes, in our own words, each with near misses: a client's message quoted with
# a name or an initial; a group member named with what they disclosed; "my 4pm today:" and
# "came to his 11am"; clients who see me separately; a consult request with a role, a place
# and an age in decades; a disclosure "last week"; a workplace told by description or by
# where it is from us; a business run by its place; a public win; a couple told by jobs.
@pytest.mark.parametrize(
    ("text", "identifiable"),
    [
        ("Voicemail from T. last night: 'I threw the bottle away.' Couldn't be prouder.", True),
        ("A voicemail from the surgery last night moved my 9am to Tuesday.", False),
        ("WhatsApp from a client, Dominic R., word for word: 'told my wife about the debts.'",
         True),
        ("Messages from a client's GP go straight to the admin inbox.", False),
        ("Ifeoma from our Thursday bereavement group shared that she still sets two places at "
         "dinner.", True),
        ("Ifeoma, who runs our Thursday bereavement group, is on leave next week.", False),
        ("My 4pm today: a 29-year-old paramedic who works nights at the Eastgate depot and "
         "can't switch off.", True),
        ("My 4pm: a long walk and no emails.", False),
        ("My 9am: coffee, then the team meeting.", False),
        ("The barber from the shop next door came to his 11am shaking after a panic attack.",
         True),
        ("The brothers who own the garage on the high street both see me separately.", True),
        ("The brothers who own the garage both recommended the new café.", False),
        ("Looking for a consult: my client is a GP at a practice in our town, late fifties, "
         "recently disclosed a gambling debt.", True),
        ("Looking for a consult on how you structure a first session — thoughts?", False),
        ("A client who coaches the under-12s at Riverside Juniors disclosed on Monday that he "
         "is drinking again.", True),
        ("The woman who won this year's village bake-off has been coming to see me about her "
         "panic attacks.", True),
        ("I won the village bake-off this year, and my panic attacks are much better.", False),
        ("One of my families this term: the dad drives the school bus, the mum manages the "
         "Co-op on the green.", True),
        ("One of our families therapists is on leave this term.", False),
        ("If you run into a current client at the school gates, follow their lead.", False),
        ("In my late thirties I finally started therapy myself.", False),
    ],
)
def test_blind_batch_ab_client_story_classes(text: str, identifiable: bool) -> None:
    assert any(s.identifiable for s in client_stories(text)) is identifiable, text


# Batch AC's classes, in our own words, each with near misses: a unique local role ("the only
# ... in our county", "the daughter of our town's mayor"); a workplace by its kind and town or
# where it is ("a big Manchester architecture practice", "a small firm in Harrogate", "based at
# the regional airport here", "the flower stall at the Sunday market"); a seat on a local body;
# a feat readers saw; "on my caseload", "the people I see —", "came to my office", "I sat with
# the vicar"; a name withheld ("I won't name him"); a disclosure told without "me"; a course
# of work counted ("Week two with the brothers"); a topic that "came up this week"; praise for
# work on their own grief; an age in words; a date with the day first.
@pytest.mark.parametrize(
    ("text", "identifiable"),
    [
        ("He's the only Sikh paramedic in our county, and the night shifts came up again in "
         "session.", True),
        ("She's the only woman in our book club who reads crime.", False),
        ("A director at a big Manchester architecture practice came to see me after her "
         "promotion fell through.", True),
        ("A director at a big architecture practice came to see me after her promotion fell "
         "through.", False),
        ("Tom, an apprentice at a small joinery firm in Harrogate, has hidden his drinking from "
         "everyone.", True),
        ("One of the people I see (a nurse at our local maternity unit) cried for most of the "
         "hour.", True),
        ("One of the people I see said the leaflet helped.", False),
        ("I've been working with a baggage handler based at the regional airport here who "
         "can't sleep.", True),
        ("Maya, you'll know her from the flower stall at the Sunday market, is learning to say "
         "no.", True),
        ("Mary Beard, you'll know her from the telly, spoke at the festival.", False),
        ("A governor who sits on our parish council confided that she's been drinking every "
         "night.", True),
        ("A governor who sits on our parish council shared how the new budget works.", False),
        ("I won't name him, but anyone in Kelso who knows the butcher's son will see why his "
         "grief runs deep.", True),
        ("I won't name the book, but it changed how I think about grief.", False),
        ("Week two with the brothers from Eastfield Primary: the younger one drew his dad's "
         "empty chair.", True),
        ("Week two with the new puppy: she finally sleeps through.", False),
        ("Last week I sat with the vicar from our only church as he talked about his divorce.",
         True),
        ("Last week I sat with the discomfort of not knowing what to say.", False),
        ("Amir from the barber's three doors down from my practice has been doing brave work on "
         "his anger.", True),
        ("Amir has been doing brave work on his novel this year.", False),
        ("The striker who scored that penalty in the cup final has been working through panic in "
         "my office.", True),
        ("The youngest person I saw this year was the nine-year-old son of our village's vicar.",
         True),
        ("On the 3rd of March, a man came to my office from his shift at the Asda on Mill Road.",
         True),
        ("One of the lads on my caseload, captain of the rugby team at Hillside High, stopped "
         "eating.", True),
    ],
)
def test_blind_batch_ac_client_story_classes(text: str, identifiable: bool) -> None:
    assert any(s.identifiable for s in client_stories(text)) is identifiable, text


@pytest.mark.parametrize(
    ("text", "story"),
    [
        # A disclaimer saying the reader is not (or not yet) a client is no story about one;
        # a story about "our client" told to the reader still is.
        ("Sending us a DM on Instagram does not make you our client.", False),
        ("You only become our client once the first session is booked and paid.", False),
        ("Last week our client told me she had finally slept through the night.", True),
        ("As you may have heard, our client said she was ready to stop sessions.", True),
    ],
)
def test_a_disclaimer_on_who_is_a_client_is_not_a_story(text: str, story: bool) -> None:
    assert bool(list(client_stories(text))) is story, text


# Dev misses, 2026-12-07: the development half's misses by class, each in our own words with a
# near miss. A client featured or logged ("Client spotlight:", "This morning's intake: 34,", "a
# case from my practice", "my last client of the day"); the work told as theirs with me
# ("working through his social anxiety with me", "comes to his sessions", "my work with",
# "letting us share her story", ", who completed ten sessions of"); the practice or a colleague
# as the one helping; a client seen or had ("I see the head chef of", "a couple I counsel", "the
# gentleman I saw at 9", "I have a client right now who", "had a patient this morning (M, 61,",
# "I was with a client at"); a client on a day and time, or a slot as a person; a turning point
# that "came"; "Met with Fergus T. at 8:15"; a message or a contact from them; their progress
# or a start of therapy told of them; someone seeing a local therapist (with two details).
@pytest.mark.parametrize(
    ("text", "identifiable"),
    [
        ("Client spotlight: Hamish from Oban finally drove over the bridge again.", True),
        ("Hamish from Oban finally drove over the bridge again.", False),
        ("Staff spotlight: meet Hamish, 44, our new practice manager from Oban!", False),
        ("This morning's intake: 34, HGV driver, lives in Kirkwall, not sleeping since the "
         "crash.", True),
        ("Today's intake: three new referrals, all from the GP surgery in Kirkwall.", False),
        ("Case from my practice: a ferry engineer in Stornoway who stopped eating after the "
         "sinking.", True),
        ("A ferry engineer in Stornoway stopped eating after the sinking, the paper reports.",
         False),
        ("Case from my practice: how we redesigned our waiting room in Leeds.", False),
        ("Patient of the month awards are back at Leeds General on Friday!", False),
        ("My last client of the day, a trainee solicitor at the firm on Bridge Street, cried "
         "about her mother.", True),
        ("My first client ever was a trainee solicitor, and I still remember how nervous I was.",
         False),
        ("Big congratulations to @lachie_lifts, who has spent this year working through his "
         "social anxiety with me!", True),
        ("Big congratulations to @lachie_lifts on a brilliant season with the club!", False),
        ("Proud of Dev, who comes to his sessions every Friday straight from his shift.", True),
        ("Our work together on the new group programme in Leeds starts in May.", False),
        ("My PhD student Jo has been working on her thesis with me at Leeds.", False),
        ("Clients who come to their sessions straight from work often need a few minutes to "
         "land.", False),
        ("I keep thinking about my work with Tobias, the retired lighthouse keeper.", True),
        ("My work with Dr Khan's research team on the Whitby study ended in May.", False),
        ("My work with Sarah Jones, my supervisor, has shaped everything I do in Leeds.", False),
        ("Thank you, Noor, for letting us share her story of leaving the refinery.", True),
        ("Thank you, Noor, for letting us share your lemon cake recipe at the open day.", False),
        ("Thank you all for letting us share this story of our practice's first years in Leeds.",
         False),
        ("We're cheering for Josh, keeper for the Otago Nuggets, who completed ten sessions of "
         "EMDR this winter.", True),
        ("Participants who completed ten sessions of EMDR in the Otago trial reported fewer "
         "nightmares.", False),
        ("Our wellbeing team has been supporting Ruth Adeyemi from the Year 9 netball squad after "
         "the accident.", True),
        ("Our wellbeing team has been supporting Ruth, our new receptionist, as she settles in.",
         False),
        ("Our clinic is supporting Jo Malone, our founder, as she steps back after 20 years.",
         False),
        ("Our practice is supporting people across Fife through the winter.", False),
        ("Our youth team has been helping Jamie Oliver's foundation with cooking classes since "
         "March.", False),
        ("Our practice is helping Sarah, a local artist, decorate the waiting room this month.",
         False),
        ("Our team is supporting Mind, the mental health charity, at the fun run on Saturday.",
         False),
        ("Our student adviser met on Monday at 10 with a second-year medical student, the "
         "captain of the Boat Club.", True),
        ("Our team met on Monday at 10 with a representative from the council about the lease.",
         False),
        ("Our counsellor met last week with a local headteacher at Hillside Primary to plan the "
         "workshops.", False),
        ("I see the head chef of Luca's on Fridays, and service nights are when his panic spikes.",
         True),
        ("I see the dentist on Fridays, and that is when my own jaw pain spikes.", False),
        ("I see the teacher's point about homework on Mondays.", False),
        ("I saw the manager of the Tesco on Mill Road on Monday about a refund.", False),
        ("A couple I counsel, both nurses at Ninewells, are expecting twins.", True),
        ("A couple I know, both nurses at Ninewells, are expecting twins.", False),
        ("The gentleman I saw at 9 on Friday, a Leith bus driver, said he has not slept.", True),
        ("The gentleman I saw at the bus stop on Friday was reading my favourite novel.", False),
        ("I have a client right now who is the only female welder at the Rosyth dockyard.", True),
        ("If I have a client who is the only carer in the family, I ask about respite.", False),
        ("had a patient this morning (M, 61, retired miner, lives above the chip shop in "
         "Ashington)", True),
        ("had a lovely walk this morning past the chip shop in Ashington", False),
        ("I was with a client at 7.30 this morning, a ward sister at the Royal Infirmary.", True),
        ("I was with a client when the fire alarm went off, so the call went to voicemail.",
         False),
        ("I was with a client at the time, so I missed the call from the BBC.", False),
        ("Yesterday afternoon a client who drives the school bus in Ullapool told me he can't "
         "face the route.", True),
        ("Yesterday afternoon a client cancelled, so I finally cleared my inbox.", False),
        ("On Tuesday at 10am, Keziah walked in and put her keys on the table without a word.",
         True),
        ("On Tuesday at 10am, Keziah Brown launches her memoir at the library.", False),
        ("Last Friday at 6pm, Sarah arrived with a cake for the whole team.", False),
        ("Cheering on my 4:45 Mondays, who starts at the Halifax call centre tomorrow!", True),
        ("My 4:45 Mondays are for notes and a walk along the canal.", False),
        ("My 6pm Thursday, the last slot of the week, is often the hardest.", False),
        ("My 9am Monday, a brisk walk along the river, sets up my week.", False),
        ("Amira's turning point came one wet Friday at 3:40, when she named her father.", True),
        ("My own breakthrough came on a rainy Wednesday at 2:15, in my training.", False),
        ("Adele's breakthrough came in 2008, when her first album reached number one in London.",
         False),
        ("Met with Fergus T. at 8:15 this morning; he's the new harbourmaster in Oban.", True),
        ("Met with Fergus from our IT provider at 8:15 to fix the booking system.", False),
        ("Met with Sarah at 9 this morning to go over the new booking system.", False),
        ("A patient (you know who you are, @quiltingkate!) sent me the kindest card.", True),
        ("A supplier (sales@cardsdirect.example) sent me a catalogue of thank-you cards.", False),
        ("Anyone wanting a sober buddy can email Callum at callum.r@example.com.", True),
        ("For bookings, email Callum at hello@practice.example, and he'll find you a slot.",
         False),
        ("Email her at jane@practice.example to book; she is our intake coordinator and loves "
         "hearing your story.", False),
        ("Jess says her mobile is 07700 900555 if anyone in recovery wants to talk.", True),
        ("Our mobile is 07700 900555 if you need to cancel a session.", False),
        ("His mobile is 07700 900999 if you need the on-call clinician tonight.", False),
        ("Since spring, the Okafor brothers from three doors down from our clinic have made real "
         "progress.", True),
        ("Since spring, the new rota has made real progress on waiting times.", False),
        ("Our intern Jo has made great progress with her training this term.", False),
        ("Mr Haddad, who owns the deli opposite our practice, began family therapy with his son "
         "in May.", True),
        ("My sister began family therapy in May, and it has helped her a lot.", False),
        ("She started treatment at the Royal Marsden in 2019, the memoir says.", False),
        ("A 16-year-old for Ross County, whose goals you'll have cheered, has been seeing a "
         "local therapist for his panic, his mother said.", True),
        ("A friend who has been seeing a therapist since she was 15 says it saved her life.",
         False),
    ],
)
def test_dev_misses_client_story_contexts(text: str, identifiable: bool) -> None:
    assert any(s.identifiable for s in client_stories(text)) is identifiable, text


# Dev misses, 2026-12-07: identifiers not known before. A place's or an outlet's own ("Tobermory's
# only female harbour pilot", "Radio Forth's breakfast presenter"); a school's one of a kind; a
# named team or business run; one of two or three in a town; a bus route; a local institution
# "here"; a school named with no preposition before it; a family's plural; a stall at "Sunday's"
# market; a business opposite "my office"; "the landlord of the pub by the harbour"; a job with a
# place at a sentence's start; a name that is also a word, with a surname and an apposition; a
# story's first sentence at a paragraph's start.
@pytest.mark.parametrize(
    ("text", "identifiable"),
    [
        ("Tobermory's only female harbour pilot has been seeing me since the storm.", True),
        ("Today's first client told me she finally slept through the night.", False),
        ("Britain's first female prime minister spoke openly about her grief.", False),
        ("Manchester's only eating disorder unit is under pressure, and I see the strain in my "
         "clients.", False),
        ("Radio Forth's breakfast presenter is one of my clients.", True),
        ("A breakfast presenter on national radio once said that sleep is the real luxury.",
         False),
        ("I've been seeing this year's valedictorian for panic attacks since March.", True),
        ("The valedictorian speech is the one part of graduation I always cry at.", False),
        ("My client, who captains the Inverness Blades, hasn't slept since the final.", True),
        ("My client runs the London Marathon every year and swears by it.", False),
        ("One of my clients teaches at one of the three primary schools in the village.", True),
        ("One of the three primary schools in the village is closing, the council says.", False),
        ("A driver on the number 23 route has been coming to me since the crash.", True),
        ("Take the number 23 bus to reach our practice; it stops outside.", False),
        ("My last client of the day, a nursing student at the college here, was exhausted.",
         True),
        ("Nursing students at the college here can book free sessions with us.", False),
        ("Remember the teacher Hillview Academy suspended in May? She has been seeing me since.",
         True),
        ("Hillview Academy suspended a teacher in May, the paper says.", False),
        ("I've been treating the Kowalskis' youngest son for his OCD.", True),
        ("The Kowalskis' youngest son won the spelling bee, says the paper.", False),
        ("The man from the cheese stall at Sunday's farmers' market has been one of my clients "
         "for years.", True),
        ("The cheese stall at Sunday's farmers' market is worth the trip.", False),
        ("The barista at the café opposite my office, who I've been seeing since spring, waved.",
         True),
        ("The florist opposite my office does beautiful wreaths.", False),
        ("I've been seeing the landlord of the pub by the harbour since his wife left.", True),
        ("The landlord of the pub by the harbour has put up a mural, which I love.", False),
        ("A Kirkwall ferry engineer I've seen for a year told me about the crossing.", True),
        ("A Kirkwall ferry engineer told the paper that the crossing was rough.", False),
        ("Thank you to Grace Ekwueme, a client of ours since 2021, for the flowers.", True),
        ("Grace Kelly, the actress, once said that grief is a room you live in.", False),
        ("An introduction.\n\nWorking with Tomas, the Fairview second grader, has been a joy.",
         True),
        ("An introduction.\n\nWorking with Parents: a short guide for the new term.", False),
        ("Nadia's dad rang just before our 2:30 slot to say she had run away again.", True),
        ("Our 2:30 slot on Thursdays has opened up; book online.", False),
    ],
)
def test_dev_misses_client_story_identifiers(text: str, identifiable: bool) -> None:
    assert any(s.identifiable for s in client_stories(text)) is identifiable, text


# Batch AI: a client named by their session's slot, time first ("my 7pm Monday, a twin who
# runs the veg stall"); "one of my veterans" with a role and a town; a person given a new name
# ("'Dave' (not his real name)") with an age, a job and a town. Not a class at 7pm.
@pytest.mark.parametrize(
    ("text", "identifiable"),
    [
        ("My 6pm Thursday, a nurse at the hospital across town, has had a rough month.", True),
        ("My 6pm Thursday class is cancelled this week.", False),
        ("My Friday 9am pilates class has moved rooms.", False),
        ("One of my veterans, a retired firefighter from Leith, finally slept through.", True),
        ("One of my veterans' group walks starts from Leith on Sunday.", False),
        ("'Sam' (not her real name), a 41-year-old teacher from Wrexham, agreed to try.", True),
        ("Sam, a composite of several people, is a teacher who cannot sleep.", False),
        # batch AJ (development half): a service's own client, told by what it does for them
        ("The pupil who fainted in the Grayson Hall canteen on March 2nd is now receiving "
         "weekly support from our team.", True),
        ("Pupils can receive weekly support from our team by booking online.", False),
        ("The psychologist described treating a 31-year-old nurse from Leeds for burnout.",
         True),
        ("The psychologist described the treatment options for burnout.", False),
        ("Do think of the exchange student from Lyon in Room 12 of Cedar Hall, whom our "
         "counsellors are supporting.", True),
        ("Our counsellors support students in Room 12 every Tuesday.", False),
    ],
)
def test_batch_ai_client_story_classes(text: str, identifiable: bool) -> None:
    assert any(s.identifiable for s in client_stories(text)) is identifiable, text


def test_no_pattern_starts_a_match_on_a_space() -> None:
    """A long link in a client paragraph is blanked to a long run of spaces; a pattern that may
    start on a space would run its lookbehinds (each with `\\s+`) back over the run from every
    space in it: a 4,000-character link took seconds. Every joined pattern starts on text."""
    from carepress.checks.client_stories import patterns
    from carepress.rulepack import _compile

    p = patterns()
    joined = [p.hypothetical, p.renamed, p.consented, p.public_person, *p.identifiers.values(),
              *(g.pattern for g in p.context.patterns)]  # fmt: skip
    assert all(j.pattern.startswith(r"(?=\S)") for j in joined)
    pack = _compile(["my client"], True, "a test")
    assert pack is not None and pack.pattern.startswith(r"(?<!\w)(?=\S)")


def test_a_story_around_a_long_link_is_still_found() -> None:
    """The guard changes where matches may start, not what is found across a blanked link."""
    long_link = "[her page](https://example.org/" + "a" * 9000 + ")"
    story = f"Last winter my client Jenna, 34, sent me {long_link} and said she sleeps badly."
    assert [s.identifiable for s in client_stories(story)] == [True]


# Batch AK (development half), in our own words: someone "sitting on my couch" who said a
# thing at a session's hour; a reader addressed by handle who "came back to therapy"; a
# student "when we met on the 5th"; a shopkeeper who "comes in every other Tuesday". Not the
# writer's own supervisor, nor a character "I've seen on screen".
@pytest.mark.parametrize(
    ("text", "identifiable"),
    [
        ("On Monday at 6:15 pm, a woman sitting in my armchair said, \"I am tired of being "
         "good.\"", True),
        ("On Monday at 6:15 pm I was sitting in my armchair with a novel.", False),
        ("If @moonlitfern sees this: I'm glad you came back to therapy after the summer.", True),
        ("If you came back to the group after a break, you are welcome.", False),
        ("She's a year 10 pupil at the Catholic school in Oban, and what she said when we met "
         "on the 5th stayed with me.", True),
        ("The barber on Main Street who comes in every other Tuesday said it best: \"Doc, the "
         "rent is the worry.\"", True),
        ("The barber on Main Street is open every other Tuesday.", False),
        ("During my placement at a Cork hospital, my supervisor told me to slow down.", False),
        ("In 'Fleabag', the godmother's cruelty in the London gallery is the best I've seen on "
         "screen.", False),
    ],
)  # fmt: skip
def test_batch_ak_client_story_classes(text: str, identifiable: bool) -> None:
    assert any(s.identifiable for s in client_stories(text)) is identifiable, text


# Batch AL (development half): the people of the writer's family's life are not clients
# ("the coach of my daughter's netball team in Canton", "my son's teacher in Leeds"); a
# client's are.
@pytest.mark.parametrize(
    ("text", "identifiable"),
    [
        ("The coach of my son's rugby team in Bath asked me to talk to the squad.", False),
        ("My daughter's teacher in Leeds told me she is settling in.", False),
        ("My client's teacher in Leeds told me she is settling in.", True),
        ("The coach of the rugby team in Bath told me in session that he cannot sleep.", True),
    ],
)  # fmt: skip
def test_batch_al_client_story_classes(text: str, identifiable: bool) -> None:
    assert any(s.identifiable for s in client_stories(text)) is identifiable, text


# Names and places in any script's capitals (batches AJ and AL): "Zoë", "Siân", "José",
# "Ōtara", "Mérida" are found as "Zoe" or "Leeds" are; a name's accents come off for the
# list ("zoë" is "zoe"). Not a place named in a sentence about no one.
@pytest.mark.parametrize(
    ("text", "identifiable"),
    [
        ("Siân, a nurse from Caernarfon, told me she cannot sleep.", True),
        ("Zoë, 17, a student at Ōtara High, has been seeing me.", True),
        ("José, a teacher in Mérida, has been seeing me weekly.", True),
        ("So proud of my young person Tane from Ōtara who got into uni after our sessions.",
         True),
        ("Mérida is lovely in spring.", False),
        ("Our next walk starts in Ōtara on Sunday.", False),
    ],
)  # fmt: skip
def test_names_and_places_outside_ascii(text: str, identifiable: bool) -> None:
    assert any(s.identifiable for s in client_stories(text)) is identifiable, text


def test_a_name_is_looked_up_without_its_accents() -> None:
    from carepress.checks.client_stories import _known_as, given_names

    known = given_names()
    assert _known_as("zoë", known) == "zoe"
    assert _known_as("siân", known) == "sian"
    assert _known_as("mary-kate", known) == "mary"
    assert _known_as("mérida", known) is None


# Batch AM (development half): someone "whom she has been meeting with" is a client.
@pytest.mark.parametrize(
    ("text", "identifiable"),
    [
        ("Please pray for the young father from the 11 a.m. service whom he has been meeting "
         "with since March.", True),
        ("Please pray for the young father from the 11 a.m. service.", False),
    ],
)  # fmt: skip
def test_batch_am_client_story_classes(text: str, identifiable: bool) -> None:
    assert any(s.identifiable for s in client_stories(text)) is identifiable, text


# Batch AP (development half): congratulations, an obituary, a contact to ring and the writer's
# own life are no client story; "let me tell you" is no consent to tell one.
@pytest.mark.parametrize(
    ("text", "identifiable"),
    [
        ("Congrats to Priya Shah, 15, from our netball squad, picked for the county!", False),
        ("Ring Bev at the surgery to book the Tuesday clinic.", False),
        ("I was 24, a new nurse at St Luke's in Cardiff, when I learned to listen.", False),
        ("I was the only woman in my welding class at the Lagos campus, let me tell you.",
         False),
        ("My client Priya, 15, from the netball squad at Hill School, told me about her week.",
         True),
        ("Every Monday at nine, Keith, a Leeds postman, sits on my couch and cries.", True),
        ("My 4pm (a Cardiff nurse, you know who you are) did her homework!", True),
        ("I have been Tomasz's therapist for four years, since his divorce in 2021.", True),
        ("The cat sits on my couch every evening.", False),
        ("My 4pm meeting moved to Thursday.", False),
    ],
)  # fmt: skip
def test_batch_ap_client_story_classes(text: str, identifiable: bool) -> None:
    assert any(s.identifiable for s in client_stories(text)) is identifiable, text


# Batches AS and AT (development half): the caseload, a slot with a day, a referral by a GP,
# a role one of three in a town; a drama's character is no client.
@pytest.mark.parametrize(
    ("text", "identifiable"),
    [
        ("One of my regulars (@sam_paints) finally booked that holiday!", True),
        ("My 9am every Friday, the woman who runs the bakery, is sleeping again.", True),
        ("He is one of only two vets in Ludlow and was sent to me by his own GP.", True),
        ("The novel's central character, a Leeds nurse called Ruth, is beautifully drawn.",
         False),
        ("One of my regulars at the pub quiz won again.", False),
    ],
)  # fmt: skip
def test_batch_as_at_client_story_classes(text: str, identifiable: bool) -> None:
    assert any(s.identifiable for s in client_stories(text)) is identifiable, text


# Batches AV and AX (development half): a client who "sat in my room", session notes by
# weekday; a salon's regular is no client story.
@pytest.mark.parametrize(
    ("text", "identifiable"),
    [
        ("Amara, 20, a law student at UCT, sat in my room on Tuesday and cried.", True),
        ("Notes from Monday 3 June: K. (Year 11, lives with her aunt) talked about the rows.",
         True),
        ("My 10 a.m. Saturday regular brought flapjacks, best salon clients ever.", False),
    ],
)  # fmt: skip
def test_batch_av_ax_client_story_classes(text: str, identifiable: bool) -> None:
    assert any(s.identifiable for s in client_stories(text)) is identifiable, text
