"""The demo journal's words: each simulated day becomes the entries a person might have written,
assembled from the invented fragments in resources/demo_texts.json (see :mod:`.data`).
"""

from __future__ import annotations

import random

from recovery_journal.demo.data import (
    CLOSERS,
    CRAVINGS,
    EMOTIONS_HIGH,
    EMOTIONS_LOW,
    FAMILY,
    FEELINGS,
    GRATITUDE,
    HARD,
    HELPED,
    HELPED_LITTLE,
    HOMEWORK,
    LATER,
    MEETING_LINES,
    OPENERS,
    QUOTES,
    SIGNS,
    SLEEP_GOOD,
    SLEEP_RESTLESS,
    SLEEP_SHORT,
    STRATEGIES,
    THERAPY,
    THERAPY_TOPICS,
    THOUGHT_RECORDS,
    TITLES,
    TOPICS,
    TRIGGERS,
    WEEKDAYS,
    WORK,
)
from recovery_journal.demo.simulation import RARE_WORD, _at, _clamp, _Day, _pick
from recovery_journal.domain.entries import CheckIn, Emotion, Entry
from recovery_journal.domain.tracking import (
    TriggerCategory,
    WarningStage,
)


class _Writer:
    """Turns a simulated day into entry text: title, body (sometimes Markdown), tags, emotions."""

    def __init__(self, rng: random.Random, days: int) -> None:
        self.rng = rng
        self.days = days

    def entries_for(self, day: _Day) -> list[Entry]:
        rng = self.rng
        skip = 0.08 + 0.06 * min(day.dip, 2.0) + (0.04 if day.day.weekday() >= 5 else 0.0)
        if day.events or day.slips or day.signs:
            skip = 0.04
        if day.index > 0 and rng.random() < skip:
            return []
        entries = [self._main(day)]
        strong = any(e.intensity >= 7 for e in day.events)
        if rng.random() < 0.04 + (0.12 if strong else 0.0):
            entries.append(self._later(day))
        return entries

    def _band(self, mood: int) -> int:
        return 0 if mood <= 3 else 1 if mood <= 6 else 2

    def _main(self, day: _Day) -> Entry:
        rng = self.rng
        parts, tags = self._body(day)
        record = rng.random() < (0.18 if day.events and day.mood <= 5 else 0.015)
        if record:
            parts.append(self._thought_record())
            tags.append("cbt")
        therapy = (record and rng.random() < 0.5) or (day.mood <= 2 and rng.random() < 0.3)
        therapy = therapy or any(SIGNS[s][1] is WarningStage.CRISIS for s, _, _ in day.signs)
        at = _at(day.day, rng.randint(19, 21), rng.randrange(60), rng.randrange(60))
        return Entry(
            local_date=day.day,
            title=self._title(day),
            body="\n\n".join(parts),
            check_in=CheckIn(
                mood=day.mood,
                anxiety=day.anxiety,
                energy=day.energy,
                sleep_hours=day.sleep_hours,
                sleep_quality=day.sleep_quality,
                emotions=self._emotions(day.mood),
            ),
            tags=tuple(dict.fromkeys(tags)),
            bring_to_therapy=therapy,
            created_utc=at,
            updated_utc=at,
        )

    def _later(self, day: _Day) -> Entry:
        rng = self.rng
        mood = _clamp(day.mood + rng.choice((-1, 0, 1, 1)), 0, 10)
        at = _at(day.day, 22, rng.randint(10, 59), rng.randrange(60))
        return Entry(
            local_date=day.day,
            title="Later",
            body=_pick(rng, LATER),
            check_in=CheckIn(mood=mood, emotions=self._emotions(mood)[:1]),
            created_utc=at,
            updated_utc=at,
        )

    def _title(self, day: _Day) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.08:
            return ""
        if day.slips and roll < 0.9:
            return "Writing it down honestly"
        if day.meetings and roll < 0.3:
            return f"After {day.meetings[0].group_name}"
        if day.therapy and roll < 0.3:
            return "Therapy day"
        if day.events and roll < 0.35:
            spec = TRIGGERS[day.events[0].trigger]
            coped = any(u.before - u.after >= 3 for u in day.uses)
            if spec.craving and coped:
                return "Rode out a craving"
            return f"{spec.short} again" if rng.random() < 0.6 else f"{spec.short}, but okay"
        if day.sleep_hours < 5.5 and day.mood >= 5 and roll < 0.5:
            return "Rough night, better day"
        text = _pick(rng, TITLES[self._band(day.mood)])
        return text.format(weekday=WEEKDAYS[day.day.weekday()])

    def _body(self, day: _Day) -> tuple[list[str], list[str]]:
        rng = self.rng
        markdown = rng.random() < 0.3
        parts = [_pick(rng, OPENERS[self._band(day.mood)])]
        tags: list[str] = []
        parts += self._hard_moments(day, tags)
        parts += self._helped(day, markdown)
        parts += self._slips_and_signs(day, tags)
        if day.meetings:
            tags.append("meeting")
            meeting = day.meetings[0]
            parts.append(
                _pick(rng, MEETING_LINES).format(
                    group=meeting.group_name, topic=_pick(rng, TOPICS), quote=_pick(rng, QUOTES)
                )
            )
        if day.therapy:
            tags.append("therapy")
            parts.append(
                _pick(rng, THERAPY).format(
                    topic=_pick(rng, THERAPY_TOPICS), homework=_pick(rng, HOMEWORK)
                )
            )
        parts += self._everyday(day, tags)
        if rng.random() < 0.25 + 0.05 * day.mood:
            tags.append("gratitude")
            parts.append(self._gratitude(markdown))
        if rng.random() < 0.003 or day.index == self.days // 2:
            parts.append(
                f"Walked out to the old {RARE_WORD} at the end of the pier and just "
                "watched the water for a while."
            )
        if rng.random() < 0.5:
            parts.append(_pick(rng, CLOSERS))
        if day.anxiety >= 6:
            tags.append("anxiety")
        return parts, tags

    def _hard_moments(self, day: _Day, tags: list[str]) -> list[str]:
        rng, out = self.rng, []
        for event in day.events:
            spec = TRIGGERS[event.trigger]
            feeling = _pick(rng, CRAVINGS if spec.craving else FEELINGS)
            hour = event.when.astimezone().strftime("%H:%M")
            out.append(_pick(rng, HARD).format(phrase=spec.phrase, feeling=feeling, hour=hour))
            if spec.craving:
                tags.append("craving")
            if spec.category is TriggerCategory.PEOPLE and "brother" in spec.name:
                tags.append("family")
            if "work" in spec.name.lower():
                tags.append("work")
        return out

    def _helped(self, day: _Day, markdown: bool) -> list[str]:
        rng, lines = self.rng, []
        for use in day.uses:
            spec = STRATEGIES[use.strategy]
            pool = HELPED if use.before - use.after >= 2 else HELPED_LITTLE
            lines.append(
                _pick(rng, pool).format(phrase=spec.phrase, before=use.before, after=use.after)
            )
        if not lines:
            return []
        if markdown:
            return ["**What helped**\n\n" + "\n".join(f"- {line}" for line in lines)]
        return [" ".join(lines)]

    def _slips_and_signs(self, day: _Day, tags: list[str]) -> list[str]:
        out = []
        if "alcohol" in day.slips:
            tags.append("slip")
            out.append(
                "I had a drink tonight. I'm writing it down honestly instead of hiding it. "
                "A slip is information, not the end. Calling Sam tomorrow."
            )
        if "self-harm" in day.slips:
            tags.append("slip")
            out.append(
                "Last night was really bad and I hurt myself. I've told Dr Patel and I'm "
                "looking after it. I'm still here and still trying."
            )
        if "smoking" in day.slips:
            out.append("Had a cigarette. Annoyed with myself, but one isn't a pack.")
        for sign, _, _ in day.signs:
            name, stage = SIGNS[sign][0], SIGNS[sign][1]
            if stage is WarningStage.CRISIS:
                out.append(
                    "Really dark night. I followed my safety plan step by step and "
                    "reached out. I got through it."
                )
            elif self.rng.random() < 0.5:
                out.append(f"Warning sign I noticed: {name.lower()}.")
        return out

    def _everyday(self, day: _Day, tags: list[str]) -> list[str]:
        rng, out = self.rng, []
        hours = f"{day.sleep_hours:g}"
        if day.sleep_hours < 6:
            tags.append("sleep")
            out.append(_pick(rng, SLEEP_SHORT).format(hours=hours))
        elif day.sleep_quality <= 2:
            tags.append("sleep")
            out.append(_pick(rng, SLEEP_RESTLESS))
        elif day.sleep_hours >= 8 and rng.random() < 0.3:
            out.append(_pick(rng, SLEEP_GOOD).format(hours=hours))
        if day.day.weekday() < 5 and rng.random() < 0.35:
            tags.append("work")
            out.append(f"Work was busy; {_pick(rng, WORK)}.")
        if rng.random() < 0.2:
            tags.append("family")
            out.append(_pick(rng, FAMILY))
        return out

    def _gratitude(self, markdown: bool) -> str:
        things = self.rng.sample(GRATITUDE, 3)
        if markdown:
            return "**Three good things**\n\n" + "\n".join(f"- {t}" for t in things)
        return f"Grateful for {things[0]}, {things[1]} and {things[2]}."

    def _thought_record(self) -> str:
        situation, thought, feeling, evidence, against, balanced = _pick(self.rng, THOUGHT_RECORDS)
        before = self.rng.randint(6, 9) * 10
        after = before - self.rng.randint(2, 5) * 10
        return (
            "### Thought record\n\n"
            f"- **Situation:** {situation}\n"
            f"- **Automatic thought:** “{thought}”\n"
            f"- **Feeling:** {feeling} {before}%\n"
            f"- **Evidence for:** {evidence}\n"
            f"- **Evidence against:** {against}\n"
            f"- **Balanced thought:** {balanced}\n"
            f"- **Feeling now:** {feeling} {after}%"
        )

    def _emotions(self, mood: int) -> tuple[Emotion, ...]:
        rng = self.rng
        out: list[Emotion] = []
        for _ in range(rng.randint(1, 3)):
            low = rng.random() < (10 - mood) / 10
            pool = EMOTIONS_LOW if low else EMOTIONS_HIGH
            level = (10 - mood) * 0.8 if low else mood * 0.8
            emotion = Emotion(_pick(rng, pool), _clamp(level + rng.gauss(0, 1.2), 1, 10))
            if all(e.name != emotion.name for e in out):
                out.append(emotion)
        return tuple(out)


# ---------------------------------------------------------------- saving everything
