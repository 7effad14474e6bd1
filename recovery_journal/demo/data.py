"""The invented material the demo journal is made from: people, triggers, strategies, plans and
sentence fragments (those in resources/demo_texts.json). Everything here is fiction (555-01xx
numbers are reserved for fiction)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from recovery_journal.domain.coping import CopingCategory, StrategySource
from recovery_journal.domain.support import ContactRole, SafetyStep
from recovery_journal.domain.tracking import TriggerCategory, WarningStage
from recovery_journal.resources_path import read_resource_text

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
# The sentence fragments live in resources/demo_texts.json (read once, here).

DEMO_TEXTS_FORMAT = "recovery-journal-demo-texts"


def _load_texts() -> dict[str, Any]:
    data = json.loads(read_resource_text("demo_texts.json"))
    if data.get("format") != DEMO_TEXTS_FORMAT or data.get("version") != 1:
        raise ValueError("not a demo texts file")
    texts: dict[str, Any] = data["texts"]
    return texts


_TEXTS = _load_texts()


def _strings(key: str) -> tuple[str, ...]:
    return tuple(str(item) for item in _TEXTS[key])


def _groups(key: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(item) for item in group) for group in _TEXTS[key])


OPENERS = _groups("openers")
TITLES = _groups("titles")
HARD = _strings("hard")
FEELINGS = _strings("feelings")
CRAVINGS = _strings("cravings")
HELPED = _strings("helped")
HELPED_LITTLE = _strings("helped_little")
GRATITUDE = _strings("gratitude")
TOPICS = _strings("topics")
QUOTES = _strings("quotes")
MEETING_LINES = _strings("meeting_lines")
LEARNED = _strings("learned")
THERAPY = _strings("therapy")
THERAPY_TOPICS = _strings("therapy_topics")
HOMEWORK = _strings("homework")
SLEEP_SHORT = _strings("sleep_short")
SLEEP_RESTLESS = _strings("sleep_restless")
SLEEP_GOOD = _strings("sleep_good")
WORK = _strings("work")
FAMILY = _strings("family")
CLOSERS = _strings("closers")
THOUGHT_RECORDS = _groups("thought_records")
EMOTIONS_LOW = _strings("emotions_low")
EMOTIONS_HIGH = _strings("emotions_high")
LATER = _strings("later")
USE_NOTES = _strings("use_notes")
WEEKLY = (-0.5, -0.1, 0.0, 0.0, 0.3, 0.7, 0.3)  # Monday … Sunday
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# fmt: on
# ---------------------------------------------------------------- the simulation
