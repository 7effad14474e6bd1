"""The invented material the demo journal is made from: people, triggers, strategies, plans and
sentence fragments. Everything here is fiction (555-01xx numbers are reserved for fiction)."""

from __future__ import annotations

from dataclasses import dataclass

from recovery_journal.domain.coping import CopingCategory, StrategySource
from recovery_journal.domain.support import ContactRole, SafetyStep
from recovery_journal.domain.tracking import TriggerCategory, WarningStage

# ---------------------------------------------------------------- the person's libraries
# fmt: off


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    """A trigger in the demo person's library and how it behaves over the period."""

    name: str
    short: str  # for titles
    category: TriggerCategory
    weight: float  # relative chance on an ordinary day (0: only on its schedule)
    severity: float  # added to the typical intensity
    hours: tuple[int, int]
    phrase: str  # "I {phrase}."
    contexts: tuple[str, ...]
    craving: bool = False
    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)
    schedule: str = ""  # "payday", "anniversary", "friday"
    notes: str = ""


TRIGGERS = (
    TriggerSpec(
        "Feeling lonely in the evening", "Lonely evening", TriggerCategory.INTERNAL, 5.0, 0.0,
        (19, 23), "felt the flat go very quiet and lonely",
        ("Nobody around, phone silent.", "Everyone seemed busy tonight.", "Sunday-evening quiet."),
        notes="Worst after 8 pm, especially Sundays.",
    ),
    TriggerSpec(
        "Work deadlines", "Deadlines", TriggerCategory.SITUATIONS, 4.0, -0.5, (9, 17),
        "got hit with another deadline at work",
        ("Report due Friday.", "Manager moved the deadline forward.", "Three things due at once."),
        weekdays=(0, 1, 2, 3, 4),
    ),
    TriggerSpec(
        "Tired and hungry after work", "Running on empty", TriggerCategory.HALT, 4.0, -0.5,
        (17, 19), "got home tired and starving, the classic HALT moment",
        ("Skipped lunch again.", "Long commute, no snack.", "Worked late."),
        weekdays=(0, 1, 2, 3, 4), notes="HALT: hungry, angry, lonely, tired.",
    ),
    TriggerSpec(
        "Arguments with my brother", "My brother", TriggerCategory.PEOPLE, 2.5, 1.0, (12, 21),
        "had another argument with my brother",
        ("About money again.", "About Mum's care.", "He brought up the past."),
    ),
    TriggerSpec(
        "Walking past the Crown", "The Crown", TriggerCategory.PLACES, 2.0, 1.0, (16, 22),
        "walked past the Crown on the way home",
        ("Saw my old crowd through the window.", "Music and laughter spilling out.",
         "Detour was closed, had to walk right past."),
        craving=True, notes="My old local. Take the long way round.",
    ),
    TriggerSpec(
        "Smell of beer", "Beer smell", TriggerCategory.SENSORY, 1.0, 0.5, (12, 22),
        "caught the smell of beer and it went straight to my stomach",
        ("At the bus stop.", "Someone's barbecue.", "Supermarket aisle."), craving=True,
    ),
    TriggerSpec(
        "Money worries", "Money worries", TriggerCategory.SITUATIONS, 1.5, 0.5, (8, 20),
        "opened a letter from the bank",
        ("Overdraft letter.", "Council tax reminder.", "Card declined at the shop."),
    ),
    TriggerSpec(
        "Scrolling old photos", "Old photos", TriggerCategory.OTHER, 0.7, 0.5, (20, 23),
        "ended up scrolling through old photos",
        ("Photos from the wedding.", "Holiday pictures from before.", "Memories notification."),
    ),
    TriggerSpec(
        "Payday / cash in my pocket", "Payday", TriggerCategory.SITUATIONS, 0.0, 0.5, (12, 20),
        "got paid and felt the old 'treat yourself' itch",
        ("Payday.", "Cash from selling the bike.", "Bonus came through."),
        craving=True, schedule="payday",
    ),
    TriggerSpec(
        "Friday after-work drinks", "Friday drinks", TriggerCategory.PEOPLE, 0.0, 0.5, (16, 19),
        "got invited to Friday drinks after work",
        ("Whole team went.", "Leaving do for a colleague.", "They kept asking."),
        craving=True, schedule="friday",
    ),
    TriggerSpec(
        "Anniversary of Dad's death", "Dad's anniversary", TriggerCategory.DATES, 0.0, 3.0,
        (8, 22), "woke up knowing what day it was — Dad's anniversary",
        ("The date itself.", "The run-up to the date."), schedule="anniversary",
    ),
)
SCHEDULED = {spec.schedule: i for i, spec in enumerate(TRIGGERS) if spec.schedule}


@dataclass(frozen=True, slots=True)
class StrategySpec:
    """A coping strategy and how well it tends to work for this person."""

    name: str
    category: CopingCategory
    steps: tuple[str, ...]
    source: StrategySource
    drop: float  # typical fall in distress
    weight: float  # how often it is reached for at first
    phrase: str  # "I {phrase}."
    favourite: bool = False
    from_fraction: float = 0.0  # learned this far into the period


STRATEGIES = (
    StrategySpec(
        "Call my sponsor", CopingCategory.SOCIAL,
        ("Call Sam (or text if it's late)", "Say plainly what's going on", "Make one next step"),
        StrategySource.PEER_MEETING, 4.3, 1.6, "called Sam", favourite=True, from_fraction=0.03,
    ),
    StrategySpec(
        "Brisk walk around the block", CopingCategory.PHYSICAL,
        ("Shoes on, out the door", "Walk fast for ten minutes", "Notice five things on the way"),
        StrategySource.OWN, 3.5, 2.0, "went for a brisk walk around the block", favourite=True,
    ),
    StrategySpec(
        "Play the tape forward", CopingCategory.COGNITIVE,
        ("Picture the first drink", "Keep going: the night, the morning, the week",
         "Compare with tomorrow morning sober"),
        StrategySource.PEER_MEETING, 3.7, 1.0, "played the tape forward to tomorrow morning",
        from_fraction=0.12,
    ),
    StrategySpec(
        "Cold water on my face", CopingCategory.GROUNDING,
        ("Fill the sink with cold water", "Hold breath, face in for 30 seconds",
         "Slow breaths afterwards"),
        StrategySource.DEFAULT, 3.1, 1.0, "splashed cold water on my face (TIPP)",
    ),
    StrategySpec(
        "Check the facts", CopingCategory.COGNITIVE,
        ("Write the thought down", "Evidence for / against", "Write a more balanced thought"),
        StrategySource.DEFAULT, 2.8, 1.0, "did a quick thought record to check the facts",
    ),
    StrategySpec(
        "Box breathing", CopingCategory.RELAXATION,
        ("In for 4", "Hold for 4", "Out for 4", "Hold for 4", "Repeat four times"),
        StrategySource.DEFAULT, 2.5, 2.0, "did box breathing for a few minutes",
    ),
    StrategySpec(
        "Text the group chat", CopingCategory.SOCIAL,
        ("Open the Tuesday group chat", "Say what's happening in one line", "Read the replies"),
        StrategySource.PEER_MEETING, 3.0, 1.0, "texted the group chat", from_fraction=0.2,
    ),
    StrategySpec(
        "5-4-3-2-1 grounding", CopingCategory.GROUNDING,
        ("5 things I see", "4 things I feel", "3 things I hear", "2 things I smell",
         "1 thing I taste"),
        StrategySource.DEFAULT, 2.2, 1.2, "did the 5-4-3-2-1 grounding thing",
    ),
    StrategySpec(
        "Play guitar for 15 minutes", CopingCategory.CREATIVE,
        ("Headphones on", "Play the three songs I know by heart"),
        StrategySource.OWN, 2.4, 1.0, "played guitar for a bit",
    ),
    StrategySpec(
        "Write it out", CopingCategory.CREATIVE,
        ("Set a timer for ten minutes", "Write without stopping", "Read it back kindly"),
        StrategySource.OWN, 1.9, 1.2, "wrote it all out",
    ),
    StrategySpec(
        "Message Dr Patel's portal", CopingCategory.PROFESSIONAL,
        ("Log in to the clinic portal", "Describe what's happening", "Ask for an earlier slot"),
        StrategySource.OWN, 1.7, 0.5, "messaged Dr Patel through the portal",
    ),
    StrategySpec(
        "Scroll my phone", CopingCategory.DISTRACTION,
        ("(Honestly: it mostly doesn't help)",),
        StrategySource.OWN, 0.3, 2.6, "scrolled my phone for an hour",
    ),
)

SIGNS = (  # name, stage, how often it shows on a low day (relative), notes
    ("Skipping meals", WarningStage.EARLY, 3.0, ""),
    ("Staying up past 1 am", WarningStage.EARLY, 3.0, "Usually with the phone."),
    ("Cancelling plans with friends", WarningStage.EARLY, 2.0, ""),
    ("Not answering my phone", WarningStage.EARLY, 1.5, "Jo notices this before I do."),
    ("Romanticising drinking", WarningStage.BREAKING_DOWN, 2.0, "'It wasn't that bad.'"),
    ("Not leaving the flat all weekend", WarningStage.BREAKING_DOWN, 1.5, ""),
    ("Snapping at people", WarningStage.BREAKING_DOWN, 1.0, ""),
    ("Thinking everyone would be better off without me", WarningStage.CRISIS, 1.0,
     "Safety plan, straight away."),
)
SIGN_NOTES = {
    WarningStage.EARLY: ("", "", "Noticed it by lunchtime.", "Jo pointed it out.",
                         "Caught it early this time.", "Second day in a row."),
    WarningStage.BREAKING_DOWN: ("", "Told Sam.", "Wrote it down, going to group tomorrow.",
                                 "Used the plan, step 2."),
    WarningStage.CRISIS: ("Used my safety plan and called the crisis line. Got through the night.",
                          "Told Jo how bad it was; she stayed over.",
                          "Followed the safety plan step by step and reached out."),
}

PLAN_FOR_TRIGGERS = {
    "Walking past the Crown": ("Play the tape forward", "Call my sponsor",
                               "Brisk walk around the block"),
    "Feeling lonely in the evening": ("Text the group chat", "Play guitar for 15 minutes",
                                      "Call my sponsor"),
    "Arguments with my brother": ("Brisk walk around the block", "Check the facts",
                                  "Write it out"),
    "Tired and hungry after work": ("Box breathing", "Brisk walk around the block"),
    "Payday / cash in my pocket": ("Play the tape forward", "Call my sponsor"),
    "Anniversary of Dad's death": ("Write it out", "Call my sponsor", "Message Dr Patel's portal"),
}
PLAN_FOR_STAGES = {
    WarningStage.EARLY: ("Box breathing", "Brisk walk around the block", "Write it out"),
    WarningStage.BREAKING_DOWN: ("Call my sponsor", "Text the group chat", "Check the facts",
                                 "Play the tape forward"),
    WarningStage.CRISIS: ("Cold water on my face", "5-4-3-2-1 grounding",
                          "Message Dr Patel's portal"),
}

SAFETY_PLAN = {
    SafetyStep.WARNING_SIGNS: ("Staying up past 1 am and skipping meals",
                               "Cancelling plans and not answering the phone",
                               "Thinking everyone would be better off without me"),
    SafetyStep.INTERNAL_COPING: ("Cold water on my face, then box breathing",
                                 "Walk to the river and back", "Play guitar with headphones on"),
    SafetyStep.DISTRACTION: ("The library café on Market Street", "Saturday parkrun crowd",
                             "Sit with Priya at the allotment"),
    SafetyStep.ASK_FOR_HELP: ("Sam (sponsor) — any time", "My sister Jo — evenings",
                              "Text the Tuesday group chat"),
    SafetyStep.PROFESSIONALS: ("Dr Patel (therapist), weekdays 9–5",
                               "GP surgery out-of-hours line",
                               "Local crisis line (example) — 24/7"),
    SafetyStep.SAFE_ENVIRONMENT: ("No alcohol in the flat — Jo keeps the spare key",
                                  "Medication a week at a time; Jo holds the rest",
                                  "Delete the delivery apps after 9 pm"),
    SafetyStep.REASONS_FOR_LIVING: ("My niece Maya's laugh", "Bruno the dog",
                                    "Running the parkrun with Jo in spring",
                                    "Seeing what a whole year sober feels like"),
}

CONTACTS = (  # invented people; 555-01xx numbers are reserved for fiction
    ("Sam (sponsor)", ContactRole.SPONSOR, "555-0121, any time", SafetyStep.ASK_FOR_HELP, ""),
    ("Jo (sister)", ContactRole.FAMILY, "555-0159, evenings", SafetyStep.ASK_FOR_HELP, ""),
    ("Priya", ContactRole.FRIEND, "555-0147", SafetyStep.DISTRACTION, "Allotment Saturdays."),
    ("Alex from Tuesday group", ContactRole.PEER, "555-0134 (text first)",
     SafetyStep.DISTRACTION, ""),
    ("Tuesday Night SMART Recovery chat", ContactRole.GROUP, "Group chat in the messaging app",
     SafetyStep.ASK_FOR_HELP, ""),
    ("Dr Lee Patel (therapist)", ContactRole.THERAPIST, "555-0172, Mon–Fri 9–5",
     SafetyStep.PROFESSIONALS, "Fortnightly, Wednesdays."),
    ("Dr Morgan (GP)", ContactRole.PRESCRIBER, "555-0183, surgery line",
     SafetyStep.PROFESSIONALS, "Medication reviews."),
    ("Local crisis line (example)", ContactRole.CRISIS_LINE,
     "555-0100 (example number — put the real line where you live here)",
     SafetyStep.PROFESSIONALS, "Invented placeholder for the demo. Replace it with your own."),
    ("Crisis text service (example)", ContactRole.CRISIS_LINE,
     "Text HELLO to 555-0199 (example number)", SafetyStep.PROFESSIONALS,
     "Invented placeholder for the demo."),
    ("Community centre front desk", ContactRole.OTHER, "555-0195", SafetyStep.DISTRACTION, ""),
)

GROUPS = (  # name, weekday, attendance, from fraction of the period
    ("Tuesday Night SMART Recovery", 1, 0.8, 0.0),
    ("Saturday Morning Fellowship", 5, 0.5, 0.3),
    ("Recovery Dharma (online)", 3, 0.3, 0.6),
)

GOALS = (  # title, notes, created at, steps with when done (> 1: not yet)
    ("Run a 5 km parkrun", "Couch to 5K, slowly.", 0.05,
     (("Buy proper running shoes", 0.08), ("Finish week 1 of Couch to 5K", 0.12),
      ("Run 20 minutes without stopping", 0.3), ("Sign up for the Saturday parkrun", 0.38),
      ("Run the parkrun with Jo", 0.45))),
    ("Finish the CBT workbook", "Working through it with Dr Patel.", 0.1,
     (("Chapters 1–3: thoughts and feelings", 0.2), ("Chapters 4–6: thought records", 0.4),
      ("Chapters 7–9: core beliefs", 0.65), ("Chapter 10: relapse prevention plan", 0.8))),
    ("Sort out money", "One letter at a time.", 0.15,
     (("Open every envelope in the drawer", 0.18), ("List every debt in one place", 0.22),
      ("Call the bank about a payment plan", 0.35), ("Set up a simple budget", 0.6),
      ("Save one month of rent", 1.4))),
    ("Reconnect with my brother", "", 0.4,
     (("Send a short message, no agenda", 0.45), ("Meet for coffee somewhere neutral", 0.7),
      ("Talk about Dad", 1.2))),
    ("Cook at home four nights a week", "", 0.55,
     (("Make a weekly meal plan", 0.58), ("Learn three cheap recipes", 0.75),
      ("Batch-cook on Sundays", 1.3))),
)

COUNTERS = (  # key, title, short, slip contexts, what to try next time
    ("alcohol", "Alcohol-free since", "alcohol-free",
     ("Had a drink after the argument.", "Payday, and I told myself I'd earned it.",
      "Work drinks; said yes to 'just one'.", "Didn't call anyone until after."),
     ("Call Sam before deciding anything.", "Take the long way home, not past the Crown.",
      "Plan Friday evenings in advance.")),
    ("self-harm", "Self-harm free since", "self-harm free",
     ("A very low night after the anniversary.", "Three bad nights of sleep in a row.",
      "Felt completely alone after the argument."),
     ("Use the safety plan at step 1; text Jo before it gets that far.",
      "Call the crisis line earlier — it's what it's there for.")),
    ("smoking", "Smoke-free since", "smoke-free",
     ("Bummed a cigarette at work drinks.", "Stressful day, old habit.",
      "Bought a pack after a long week."),
     ("Chewing gum in every coat pocket.", "Box breathing first, then decide.")),
)

PHASES = (
    ("Recognition", 0.0, "Admitting how much drinking was running my life."),
    ("Acceptance", 0.22, "Stopped arguing with the facts. Started asking for help."),
    ("Recovery", 0.5, "Building a life I don't want to escape from."),
)

# ---------------------------------------------------------------- words

OPENERS = (
    ("Heavy day. Everything felt like wading through mud.",
     "Not a good one today. I nearly didn't write anything.",
     "Woke up with that grey feeling again and it never really lifted.",
     "Hard day. I'm writing this mostly so I can see later that it passed.",
     "Low and flat. Didn't want to talk to anyone.",
     "Today was rough from the first alarm.",
     "Felt raw all day, like everything was too loud.",
     "I kept telling myself to just get to bedtime."),
    ("An ordinary day, which honestly is a good thing.",
     "Mixed day. Some good bits, some wobbly bits.",
     "Steady enough today.",
     "Nothing dramatic. Got through the list, mostly.",
     "Middle-of-the-road kind of day.",
     "Bit tired, but okay.",
     "Some ups and downs, but I stayed on track.",
     "Quiet day. I noticed I was calmer than last week."),
    ("Good day! I actually enjoyed most of it.",
     "Felt light today, like myself again.",
     "Really solid day. Proud of how I handled things.",
     "Woke up before the alarm and felt rested for once.",
     "One of those days that reminds me why I'm doing this.",
     "Lots of energy today and I used it well.",
     "Calm, clear-headed day.",
     "Laughed properly today. Felt good."),
)
TITLES = (
    ("Heavy one", "Getting through it", "Grey day", "Not my best day", "Hanging on",
     "Rough patch", "Wading through", "A hard {weekday}"),
    ("An ordinary {weekday}", "Steady", "Bits and pieces", "Middle of the road", "Plodding on",
     "Small steps", "Quiet {weekday}"),
    ("Good day", "Feeling like me", "Small wins", "A lighter {weekday}", "Proud of today",
     "Sunshine", "Worth remembering"),
)
HARD = (
    "The hard bit: I {phrase}. {feeling}",
    "Around {hour}, I {phrase} and it knocked me sideways for a while. {feeling}",
    "Then I {phrase}. {feeling}",
    "I {phrase}, which I'd been dreading. {feeling}",
    "Tricky moment when I {phrase}. {feeling}",
)
FEELINGS = (
    "The old voice started up straight away.", "My head went straight to the worst case.",
    "I wanted to disappear for a bit.", "I noticed it in my chest first.",
    "I could feel my jaw clench.", "It took a while to notice what was going on.",
)
CRAVINGS = (
    "The craving came in hard, like a wave.", "Part of me started bargaining — 'just one'.",
    "I could almost taste it.", "The urge was loud for about twenty minutes.",
)
HELPED = (
    "What helped: I {phrase}. Distress went from {before} to {after}.",
    "I {phrase} and it took the edge off (about {before} → {after}).",
    "So I {phrase}. Not magic, but it came down from {before} to {after}.",
    "I {phrase}. It helped more than I expected.",
)
HELPED_LITTLE = (
    "I {phrase}, though honestly it didn't do much this time.",
    "I {phrase}. Didn't really shift anything ({before} → {after}).",
    "Tried that thing where I {phrase}. Meh.",
)
GRATITUDE = (
    "a proper cup of coffee", "Jo calling just to chat", "Bruno waiting at the door",
    "sunshine on the walk home", "a good night's sleep", "Sam picking up on the second ring",
    "clean sheets", "Maya's drawing on the fridge", "people at group who just get it",
    "the bus being on time for once", "soup I made from scratch", "laughing at a silly film",
    "my legs carrying me round the park", "a quiet evening with no plans",
    "Dr Patel remembering the small details", "the library being warm",
    "an honest conversation at work", "the first snowdrops", "waking up without a hangover",
    "money left at the end of the month",
)
TOPICS = (
    "the first ninety days", "shame versus guilt", "HALT", "being gentle with slips",
    "boundaries with family", "playing the tape forward", "what to do with evenings",
    "asking for help before it gets urgent", "sleep and recovery", "gratitude when it feels fake",
)
QUOTES = (
    "Progress, not perfection.", "You only have to get through today.",
    "The urge will pass whether I drink or not.", "Feelings aren't facts.",
    "Nobody has to do this alone.", "Put your own oxygen mask on first.", "Name it to tame it.",
)
MEETING_LINES = (
    "Went to {group}. Someone shared about {topic} and it landed hard — in a good way.",
    "{group} tonight. I shared for the first time in a while.",
    "At {group} we talked about {topic}. I wrote down: “{quote}”",
    "Didn't want to go to {group}, went anyway. Glad I did.",
    "{group}: mostly listened. “{quote}” stuck with me.",
)
LEARNED = (
    "Play the tape forward", "Call my sponsor", "Text the group chat", "Urge surfing",
    "HALT check", "Opposite action", "Gratitude list before bed", "Delay ten minutes",
)
THERAPY = (
    "Therapy with Dr Patel today. We looked at {topic}.",
    "Session today, about {topic}. Homework: {homework}.",
    "Hard session with Dr Patel ({topic}), but useful.",
)
THERAPY_TOPICS = (
    "my belief that I'm a burden", "the pattern of evenings alone", "how anger hides sadness",
    "what a relapse prevention plan looks like", "my relationship with Dad",
    "perfectionism at work",
)
HOMEWORK = (
    "notice the first warning sign and write it down", "one thought record a day",
    "plan my weekends in advance", "practise saying no once this week",
)
SLEEP_SHORT = (
    "Slept badly — {hours} hours, woke at 3 and couldn't drop off.",
    "Only {hours} hours of sleep. Everything is harder on no sleep.",
)
SLEEP_RESTLESS = (
    "Restless night, kept replaying the day.",
    "Slept, but not well. Woke up more tired than I went to bed.",
    "Weird dreams again; up twice in the night.",
)
SLEEP_GOOD = ("Slept {hours} hours and it shows.", "Decent night's sleep for once.")
WORK = (
    "the quarterly report is eating my week", "my manager said thanks for the fix I did",
    "back-to-back meetings", "I left on time and didn't feel guilty",
    "a tense email thread I didn't answer straight away", "lunch with Priya from accounts",
)
FAMILY = (
    "Mum rang; we talked about the garden and it was nice.",
    "Mum asked about the drinking again and I stayed calm.",
    "Jo's coming over on Sunday.", "Maya showed me her science project on a video call.",
    "Tense chat with my brother about money.", "Took Bruno to Jo's; Maya wore him out.",
)
CLOSERS = (
    "Tomorrow is a new day.", "One day at a time.", "Bed now. Phone in the kitchen.",
    "Proud I wrote this down.", "Going to be kind to myself tonight.", "Early night.",
)
THOUGHT_RECORDS = (
    ("Manager asked to 'have a quick word'", "I'm about to be fired.", "anxious",
     "She sounded serious.", "It was about holiday dates last time. My reviews are fine.",
     "I don't know what it is yet; I can handle it either way."),
    ("Jo didn't answer my message", "She's sick of me.", "sad",
     "I've leaned on her a lot lately.", "She's at work. She said yesterday she loves me.",
     "She's busy. I can wait, and I can text Sam meanwhile."),
    ("Walked past the Crown", "One drink won't matter.", "restless",
     "I managed one drink years ago.", "It's never one. Every slip started with 'just one'.",
     "One drink is the start of a bad week. The urge will pass."),
    ("Made a mistake in the report", "I'm useless at everything.", "ashamed",
     "I missed a number.", "I caught it myself. I've done this job well for years.",
     "I made a normal mistake and fixed it."),
    ("Quiet weekend, nobody called", "Nobody would notice if I disappeared.", "lonely",
     "The phone was silent.", "Sam checked in Thursday. Group noticed when I missed a week.",
     "I feel lonely, and I can reach out first."),
)
EMOTIONS_LOW = ("anxious", "sad", "lonely", "irritable", "ashamed", "overwhelmed", "restless",
                 "angry", "numb", "tired")
EMOTIONS_HIGH = ("calm", "hopeful", "grateful", "proud", "content", "connected", "relieved",
                  "joyful", "motivated")
LATER = (
    "Later: it's passed. Sitting with a tea. I'm okay.",
    "Couldn't sleep, so writing again. The feeling is smaller now.",
    "Quick note before bed — called Sam in the end. Glad I did.",
    "Still a bit shaky but I didn't act on it. That counts.",
)
USE_NOTES = ("", "", "", "Easier than last time.", "Had to do it twice.",
              "Sam reminded me of this one.")
WEEKLY = (-0.5, -0.1, 0.0, 0.0, 0.3, 0.7, 0.3)  # Monday … Sunday
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# fmt: on
# ---------------------------------------------------------------- the simulation
