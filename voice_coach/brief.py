"""The one-page brief for the day: who interviews and what to ask each, the stories that
prove the job's requirements, the answers to the questions that were hard, and the close.

The advice behind it: research each interviewer, know every detail of the CV, come with
examples that relate to this job, rehearse what went badly last time, and close well (ask
when they will decide; offered the job on the spot, ask for time and say when you will
reply). Everything here is read from what the user prepared in the app; nothing is
invented, and a part with nothing in it says what would fill it.

Made as Markdown (to read, keep or edit) and as HTML with print styles (to print on paper or
"save as PDF" from a browser), from the same lines.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from voice_coach.attempts import Attempt, Outcome

if TYPE_CHECKING:
    from voice_coach.people import Profile
    from voice_coach.requirements import RequirementEvidence
    from voice_coach.store import Store
    from voice_coach.stories import Story

ANSWER_WORDS = 70
"""A prepared answer is shown up to this many words: a reminder on a page, not a script."""
MAX_STORIES = 6
MAX_STRUGGLED = 6
MAX_REQUIREMENTS = 10

CLOSING = (
    "Ask when they expect to make a decision, and what the next steps are.",
    "Offered the job on the spot? Thank them, and don't decide there and then: ask for time "
    "to consider it properly, and say when you will reply (\"Could I have until Friday to "
    "think it over? I'll call you then.\").",
    "Ask the questions you prepared for each person: it shows you have done your research, "
    "and tells you whether the job and the team suit you.",
)

REMOTE_CHECKLIST = (
    "Camera: at eye level, lens clean, head and shoulders in frame.",
    "Light: a window or lamp in front of you, never behind.",
    "Connection: tested at the time of day of the interview; on a cable or near the router, "
    "other downloads and calls stopped.",
    "The video platform: installed and up to date, the link opens, your name shows properly; "
    "a test call done the day before.",
    "A backup: the interviewer's phone number, your phone charged with its hotspot ready, the "
    "laptop on its charger.",
    "The room: quiet, door closed, notifications off, nothing behind you you'd rather not show.",
    "Sound: headset or earphones; voice-coach's mic check (c on the home screen) hears your "
    "level, noise and clipping.",
)

REMOTE_QUESTIONS = (
    "How does the team keep in touch day to day when people work remotely?",
    "How are new people brought in and supported when they start remotely?",
)
"""Remote interviews: still ask lots of questions, to find out whether the environment suits."""


@dataclass(frozen=True)
class PersonLine:
    name: str
    role: str
    relation: str
    cares_about: tuple[str, ...]
    notes: str
    likely: tuple[str, ...]
    """What they are likely to ask (two at most: the page is for the day, not for practice)."""
    ask: tuple[str, ...]
    """What to ask them."""


@dataclass(frozen=True)
class RequirementLine:
    requirement: str
    essential: bool
    evidence: str
    """How well the CV proves it, in words ("strong evidence", "thin evidence"...)."""
    stories: tuple[str, ...]
    """Titles of the banked stories that show it."""
    qualifier: str = ""
    """What the CV itself says of the skill ("basic"), if anything."""


@dataclass(frozen=True)
class StoryLine:
    title: str
    shows: tuple[str, ...]
    situation: str
    action: str
    result: str
    supports: tuple[str, ...]


@dataclass(frozen=True)
class StruggledLine:
    question: str
    answer: str | None
    """The best answer given so far, shortened; None: never answered with words."""
    good: bool
    """That answer did what the question needed."""
    missing: tuple[str, ...] = ()
    """What the last weak answer lacked, in words."""


@dataclass(frozen=True)
class Brief:
    made_on: date
    people: tuple[PersonLine, ...] = ()
    requirements: tuple[RequirementLine, ...] = ()
    stories: tuple[StoryLine, ...] = ()
    struggled: tuple[StruggledLine, ...] = ()
    remote: bool = False
    closing: tuple[str, ...] = CLOSING
    checklist: tuple[str, ...] = field(default=())

    def markdown(self) -> str:
        """The brief as Markdown: headings, lists and quotes only, so it reads as plain text
        too and prints from any editor."""
        out = [f"# Interview brief ({self.made_on:%A %d %B %Y})", ""]
        out += ["## Who interviews you", ""]
        if not self.people:
            out += [
                "_No interviewer profiles yet: add the people in voice-coach (p on the home "
                "screen, or `voice-coach people add`) to see what each may ask and what to "
                "ask them._",
                "",
            ]
        for p in self.people:
            who = ", ".join(x for x in (p.role, p.relation) if x)
            out.append(f"### {p.name}" + (f" ({who})" if who else ""))
            out.append("")
            if p.cares_about:
                out.append(f"- Cares about: {', '.join(p.cares_about)}")
            if p.notes:
                out.append(f"- Your notes: {_one_line(p.notes)}")
            out += [f"- May ask: {text}" for text in p.likely]
            out += [f"- **Ask:** {text}" for text in p.ask]
            out.append("")
        if self.remote:
            out += ["Held remotely: still ask about the environment, for example:", ""]
            out += [f"- **Ask:** {text}" for text in REMOTE_QUESTIONS]
            out.append("")
        out += ["## The job's requirements and your stories", ""]
        if self.requirements:
            for r in self.requirements:
                stories = "; ".join(r.stories) if r.stories else "none yet: prepare one"
                need = "essential" if r.essential else "desirable"
                cv = f"{r.evidence} on your CV" + (f" ({r.qualifier})" if r.qualifier else "")
                out.append(f"- **{r.requirement}** ({need}; {cv}). Your story: {stories}")
            out.append("")
        else:
            out += [
                "_No job description saved: `voice-coach readiness --job JOB` (or the CV "
                "screen) matches each requirement to your CV and your stories._",
                "",
            ]
        out += ["## Your best stories", ""]
        if not self.stories:
            out += [
                "_No stories banked yet: save a good answer as a story (voice-coach stories "
                "save, or from its feedback) or write one._",
                "",
            ]
        for s in self.stories:
            shows = f" ({', '.join(s.shows)})" if s.shows else ""
            out.append(f"### {s.title}{shows}")
            out.append("")
            for label, text in (("Situation", s.situation), ("Action", s.action)):
                if text:
                    out.append(f"- {label}: {_shorten(text, 40)}")
            if s.result:
                out.append(f"- **Result:** {_shorten(s.result, 40)}")
            if s.supports:
                out.append(f"- Proves: {', '.join(s.supports)}")
            out.append("")
        out += ["## Questions you found hard", ""]
        if not self.struggled:
            out += ["_None marked or answered weakly yet._", ""]
        for hard in self.struggled:
            out.append(f"### {hard.question}")
            out.append("")
            if hard.answer:
                label = "Your best answer" if hard.good else "Your last answer"
                out.append(f"{label}:")
                out.append("")
                out.append(f"> {hard.answer}")
                out.append("")
            if hard.missing:
                out.append(f"Still to add: {'; '.join(hard.missing)}.")
                out.append("")
            if not hard.answer:
                out.append("Not answered yet: practise it before the day.")
                out.append("")
        out += ["## The close", ""]
        out += [f"- {line}" for line in self.closing]
        out.append("")
        if self.remote:
            out += ["## Before the video call", ""]
            out += [f"- [ ] {line}" for line in self.checklist or REMOTE_CHECKLIST]
            out.append("")
        return "\n".join(out).rstrip() + "\n"

    def html(self) -> str:
        """The brief as a page to print: the same Markdown, rendered, with print styles
        that keep it to as few sheets as it can (small type, no headers split from their
        text)."""
        from markdown_it import MarkdownIt

        body = MarkdownIt("commonmark", {"html": False}).render(self.markdown())
        title = html.escape(f"Interview brief {self.made_on.isoformat()}")
        return _PAGE.format(title=title, body=body)


_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
  @page {{ size: A4; margin: 12mm 14mm; }}
  body {{ font: 10pt/1.35 system-ui, sans-serif; max-width: 48em; margin: 2em auto; color: #111; }}
  h1 {{ font-size: 15pt; margin: 0 0 .4em; }}
  h2 {{ font-size: 12pt; margin: 1em 0 .3em; border-bottom: 1px solid #999; }}
  h3 {{ font-size: 10.5pt; margin: .6em 0 .2em; }}
  h2, h3 {{ break-after: avoid; }}
  ul {{ margin: .2em 0; padding-left: 1.3em; }}
  blockquote {{ margin: .2em 0 .4em 1em; color: #333; font-style: italic; }}
  p {{ margin: .3em 0; }}
  @media print {{ body {{ margin: 0; max-width: none; }} }}
</style>
</head>
<body>
{body}
</body>
</html>
"""


def _one_line(text: str) -> str:
    """Notes written over several lines, as one: each line kept apart by a semicolon
    (a line that ends a sentence needs none), so "Background: ex-audit" and the next
    remark do not run together."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    out = ""
    for line in filter(None, lines):
        if out:
            out += " " if out[-1] in ".;:!?," else "; "
        out += line
    return out


def _shorten(text: str, words: int) -> str:
    """At most ``words`` words, cut at a sentence end when one is near: a reminder reads
    better whole than cut mid-phrase."""
    parts = text.split()
    if len(parts) <= words:
        return " ".join(parts)
    cut = " ".join(parts[:words])
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    if end > len(cut) // 2:
        return cut[: end + 1]
    return re.sub(r"[,;:]$", "", cut) + "…"


def people_lines(profiles: Sequence[Profile]) -> tuple[PersonLine, ...]:
    from voice_coach.people import questions_for, questions_to_ask

    return tuple(
        PersonLine(
            name=p.name,
            role=p.role,
            relation=p.relation.label,
            cares_about=tuple(p.cares_about),
            notes=p.notes,
            likely=tuple(q.text for q in questions_for(p)[:2]),
            ask=tuple(questions_to_ask(p)),
        )
        for p in profiles
    )


def requirement_lines(
    readiness: Sequence[RequirementEvidence], stories: Sequence[Story]
) -> tuple[RequirementLine, ...]:
    """Each requirement with its CV evidence and the stories that show it: those the
    story names as supported first, else the closest matches."""
    from voice_coach.stories import stories_by_requirement

    shown = list(readiness[:MAX_REQUIREMENTS])
    found = stories_by_requirement([r.requirement.text for r in shown], stories, limit=2)
    return tuple(
        RequirementLine(
            requirement=item.requirement.text,
            essential=item.requirement.essential,
            evidence=item.level.label,
            stories=tuple(s.title for s in fitting),
            qualifier=item.qualifier or "",
        )
        for item, (_, fitting) in zip(shown, found, strict=True)
    )


def story_lines(stories: Sequence[Story]) -> tuple[StoryLine, ...]:
    """The stories with the most to show first: those that prove requirements, then the
    most recently updated."""
    ranked = sorted(stories, key=lambda s: (len(s.supports), s.updated_at or ""), reverse=True)
    return tuple(
        StoryLine(
            title=s.title,
            shows=tuple(t.label for t in s.tags),
            situation=s.situation,
            action=s.action,
            result=s.result,
            supports=tuple(s.supports),
        )
        for s in ranked[:MAX_STORIES]
    )


def struggled_lines(store: Store) -> tuple[StruggledLine, ...]:
    """The questions the review schedule holds (weak last time, or marked as hard), each
    with the best answer given so far: the one to remember on the day."""
    from voice_coach.review import schedule, struggled_key

    best: dict[tuple[str, str], Attempt] = {}
    last: dict[tuple[str, str], Attempt] = {}
    for set_name, attempt in store.answer_history():
        if attempt.is_follow_up or not attempt.transcript:
            continue
        key = struggled_key(set_name, attempt.base_question_id)
        last[key] = attempt
        if attempt.outcome is Outcome.GOOD:
            best[key] = attempt
    lines: list[StruggledLine] = []
    for due in schedule(store)[:MAX_STRUGGLED]:
        key = (due.set_name, due.question_id)
        chosen = best.get(key) or last.get(key)
        missing: tuple[str, ...] = ()
        if chosen is not None and chosen.outcome is not Outcome.GOOD and chosen.score:
            missing = tuple(chosen.score.missing)
        lines.append(
            StruggledLine(
                question=due.question_text,
                answer=_shorten(chosen.transcript, ANSWER_WORDS) if chosen else None,
                good=chosen is not None and chosen.outcome is Outcome.GOOD,
                missing=missing,
            )
        )
    return tuple(lines)


def build_brief(
    store: Store,
    *,
    profiles: Sequence[Profile] | None = None,
    stories: Sequence[Story] | None = None,
    cv_text: str | None = None,
    job_text: str | None = None,
    remote: bool = False,
    today: date | None = None,
) -> Brief:
    """The brief from what is saved: profiles, banked stories, the saved CV and job
    description (unless given), and the review schedule."""
    from voice_coach import preparation
    from voice_coach.people import load_profiles
    from voice_coach.requirements import readiness
    from voice_coach.story_bank import StoryBank

    profiles = load_profiles() if profiles is None else profiles
    stories = StoryBank(store).all() if stories is None else stories
    cv_text = preparation.saved_text("cv") if cv_text is None else cv_text
    job_text = preparation.saved_text("job") if job_text is None else job_text
    requirements: tuple[RequirementLine, ...] = ()
    if job_text:
        requirements = requirement_lines(readiness(cv_text or "", job_text), stories)
    return Brief(
        made_on=today or date.today(),
        people=people_lines(profiles),
        requirements=requirements,
        stories=story_lines(stories),
        struggled=struggled_lines(store),
        remote=remote,
        checklist=REMOTE_CHECKLIST if remote else (),
    )
