"""The CV read line by line, the way an interviewer goes over it "with a fine toothcomb".

:mod:`voice_coach.cv` finds the roles and their bullets. Here is the rest an
interviewer notices: the skills the CV lists and how it rates them ("SAP S/4HANA
(basic)"), which claims carry a result, when each role began and ended, and so the
gaps between roles, the roles that overlap and the ones that lasted a few months.
Everything is plain data; the wording of questions is :mod:`voice_coach.cv_questions`'s.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from enum import StrEnum

from voice_coach.cv import BULLET_MARKS, Role, parse_cv
from voice_coach.speech.spoken import plain_text

# --- Skills -------------------------------------------------------------------------------

_SKILLS_HEADING = re.compile(
    r"^(?:(?:key|core|technical|it|software|professional|other)\s+)?"
    r"(?:skills|tools|systems|software|competencies|technologies|tech stack)"
    r"(?:\s*(?:and|&)\s*(?:tools|systems|software|competencies|qualifications|languages))?$"
)
_ANY_HEADING = re.compile(
    r"^(?:experience|work experience|employment|employment history|professional experience|"
    r"career history|education|profile|summary|personal statement|interests|hobbies|"
    r"references|languages|certifications|qualifications|projects|volunteering|"
    r"achievements|training|awards|contact)$"
)
THIN_QUALIFIERS = re.compile(
    r"\b(?:basic|beginner|elementary|some exposure(?: to)?|exposure to|familiar with|"
    r"familiarity with|limited|learning|introductory|novice)\b",
    re.IGNORECASE,
)
"""How a CV says a skill is only just there: a requirement it meets is thin evidence."""
_THIN_IN_A_SENTENCE = re.compile(
    r"\b(?:some exposure|exposure to|familiar(?:ity)? with|basic (?:knowledge|understanding|"
    r"awareness)|beginner)\b",
    re.IGNORECASE,
)
"""The same, said in a claim or the profile ("some exposure to SAP during the pilot"):
narrower, as "basic" or "learning" in a sentence is usually about something else."""
_LEVEL_WORDS = re.compile(
    r"\(\s*(?:advanced|expert|intermediate|proficient|fluent|native|good|strong)\s*\)",
    re.IGNORECASE,
)
_SKILL_SEPARATORS = ",;|·•"
_LIST_BULLET = re.compile(rf"^\s*(?:[{re.escape(BULLET_MARKS)}]|\d+[.)])\s+")


@dataclass(frozen=True)
class Skill:
    name: str
    """As the CV names it, without its level: "SAP S/4HANA"."""
    qualifier: str | None = None
    """A thin level the CV gives it ("basic", "familiar with"), lower case; None otherwise."""
    written: str = ""
    """The entry as written on the CV, without Markdown: "SAP S/4HANA (basic)"."""


def _heading_text(line: str) -> str:
    return plain_text(line).strip().rstrip(":").strip().lower()


def _is_heading(line: str) -> bool:
    text = _heading_text(line)
    stripped = line.strip()
    if not text or _LIST_BULLET.match(stripped):
        return False
    return bool(
        stripped.startswith("#")
        or _SKILLS_HEADING.match(text)
        or _ANY_HEADING.match(text)
        or (stripped.isupper() and len(text.split()) <= 4)
    )


def _split_outside_brackets(text: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in _SKILL_SEPARATORS:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _skill(entry: str, qualifier: str | None) -> Skill | None:
    written = re.sub(r"\s+", " ", entry).strip(" -–—:.")
    found = THIN_QUALIFIERS.search(written)
    if found:
        qualifier = found.group(0).lower()
    name = THIN_QUALIFIERS.sub("", written)
    name = _LEVEL_WORDS.sub("", name)
    # "Forklift (counterbalance)", "Excel (advanced: Power Query)": the aside is not the name.
    name = re.split(r"[(\[]", name, maxsplit=1)[0]
    name = re.sub(r"^(?:in|of|to|with)\s+", "", name.strip(" -–—:()"), flags=re.I).strip()
    name = re.sub(r"\s+", " ", name).strip(" -–—:()")
    if not name or len(name) > 60:
        return None
    return Skill(name, qualifier, written)


def cv_skills(cv_text: str) -> list[Skill]:
    """The skills a CV's skills section lists, each with the level it gives when that
    level is a thin one ("basic", "some exposure to", "familiar with").

    Entries are split at commas, semicolons, bars and middle dots (not inside brackets,
    so "Excel (advanced: Power Query, pivot tables)" stays one); a label before a colon
    ("Systems: SAP, Oracle") is dropped, or kept as the level when it is one ("Basic:
    Tableau, Looker").
    """
    skills: list[Skill] = []
    in_skills = False
    for raw in cv_text.splitlines():
        if not raw.strip():
            continue
        if _is_heading(raw):
            in_skills = bool(_SKILLS_HEADING.match(_heading_text(raw)))
            continue
        if not in_skills:
            continue
        line = plain_text(_LIST_BULLET.sub("", raw.strip()))
        qualifier = None
        label, colon, rest = line.partition(":")
        if colon and rest.strip() and len(label.split()) <= 3 and "(" not in label:
            thin = THIN_QUALIFIERS.fullmatch(label.strip())
            qualifier = thin.group(0).lower() if thin else None
            line = rest
        for entry in _split_outside_brackets(line):
            skill = _skill(entry, qualifier)
            if skill is not None:
                skills.append(skill)
    return skills


# --- Lines and results ----------------------------------------------------------------------


class LineKind(StrEnum):
    BULLET = "bullet"
    """A claim under a role: where strong evidence is."""
    SKILL = "skill"
    """An entry of a skills list: named, not shown."""
    OTHER = "other"
    """The profile, education, a title: said, not shown in a role."""


_RESULT_WORDS = re.compile(
    r"\b(?:cut|cutting|reduc\w*|sav(?:e|ed|ing)|increas\w*|gr[eo]w\w*|improv\w*|rais\w*|"
    r"doubl\w*|halv\w*|shorten\w*|lower\w*|won|win\w*|award\w*|achiev\w*|deliver\w*|"
    r"launch\w*|boost\w*|eliminat\w*|clear\w*|recover\w*|generat\w*|exceed\w*)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d")
_SPELLED = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|half|double|twice|third|quarter)\b",
    re.IGNORECASE,
)


def has_result(claim: str) -> bool:
    """Whether a claim says what came of it: a number, or a verb of change ("cut",
    "saved", "won"). "Responsible for supplier reconciliations" has none."""
    text = plain_text(claim)
    return bool(_NUMBER.search(text) or _SPELLED.search(text) or _RESULT_WORDS.search(text))


@dataclass(frozen=True)
class CvLine:
    text: str
    """The line as written, without Markdown or its list mark."""
    kind: LineKind
    role: str = ""
    """For a bullet, the role it is under ("Finance Assistant at Kestrel Print")."""
    qualifier: str | None = None
    """The thin level the CV gives what the line names ("basic", "some exposure")."""
    has_result: bool = False


def _thin_in_a_sentence(text: str) -> str | None:
    found = _THIN_IN_A_SENTENCE.search(text)
    return found.group(0).lower() if found else None


def cv_lines(cv_text: str) -> list[CvLine]:
    """Every line of the CV that may be evidence for a requirement, classified."""
    lines: list[CvLine] = []
    seen: set[str] = set()
    for role in parse_cv(cv_text):
        where = " at ".join(p for p in (role.title, role.org) if p)
        for bullet in role.bullets:
            text = plain_text(bullet)
            seen.add(text)
            lines.append(
                CvLine(
                    text,
                    LineKind.BULLET,
                    where,
                    qualifier=_thin_in_a_sentence(text),
                    has_result=has_result(text),
                )
            )
    for skill in cv_skills(cv_text):
        lines.append(CvLine(skill.written, LineKind.SKILL, qualifier=skill.qualifier))
        seen.add(skill.written)
    in_skills = False
    in_list = False
    for raw in cv_text.splitlines():
        if _is_heading(raw):
            in_skills = bool(_SKILLS_HEADING.match(_heading_text(raw)))
            continue
        wrapped = in_list and raw[:1] in (" ", "\t") and not _LIST_BULLET.match(raw)
        in_list = bool(_LIST_BULLET.match(raw)) or wrapped
        text = plain_text(_LIST_BULLET.sub("", raw.strip()))
        if in_skills or wrapped or not text or text in seen or "@" in text:
            continue  # a wrapped line is part of the bullet above, already read
        if len(text.split()) < 2:
            continue
        seen.add(text)
        lines.append(CvLine(text, LineKind.OTHER, qualifier=_thin_in_a_sentence(text)))
    return lines


# --- Dates ----------------------------------------------------------------------------------

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_POINT = re.compile(
    r"(?:(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?"
    r"(?P<year>(?:19|20)\d{2})|(?P<now>present|now|current|today|date)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Month:
    year: int
    month: int | None
    """1 to 12, or None where the CV gives the year alone."""

    @property
    def words(self) -> str:
        """ "March 2019", or "2019"."""
        return f"{MONTH_NAMES[self.month - 1]} {self.year}" if self.month else str(self.year)

    def index(self, *, end: bool) -> int:
        """Months since year 0; a year alone counts from January, or to December at an end."""
        return self.year * 12 + ((self.month or (12 if end else 1)) - 1)


@dataclass(frozen=True)
class Period:
    role: Role
    start: Month
    end: Month | None
    """None: the role goes on."""

    def end_or(self, today: datetime.date) -> Month:
        return self.end or Month(today.year, today.month)

    @property
    def exact(self) -> bool:
        return self.start.month is not None and (self.end is None or self.end.month is not None)


def period(role: Role) -> Period | None:
    """When a role began and ended, from the dates on its header; None when unreadable."""
    points = list(_POINT.finditer(role.dates))
    if len(points) < 2 or points[0]["year"] is None:
        return None
    start = Month(int(points[0]["year"]), _month(points[0]["month"]))
    last = points[1]
    end = None if last["now"] else Month(int(last["year"]), _month(last["month"]))
    if end is not None and end.index(end=True) < start.index(end=False):
        return None  # ends before it starts: a typo, not something to ask about
    return Period(role, start, end)


def _month(name: str | None) -> int | None:
    return _MONTHS.index(name.lower()[:3]) + 1 if name else None


@dataclass(frozen=True)
class Gap:
    after: Period
    before: Period
    months: int
    """Whole months with no role; with years alone, 12 for each full year."""


@dataclass(frozen=True)
class Overlap:
    first: Period
    second: Period


GAP_MONTHS = 3
"""A gap longer than this is worth an answer ready; a month or two between jobs is not."""
SHORT_MONTHS = 6
"""A finished role this short is one an interviewer asks about."""


def timeline(roles: list[Role]) -> list[Period]:
    """The roles with readable dates, earliest first."""
    found = [p for p in (period(r) for r in roles) if p is not None]
    return sorted(found, key=lambda p: p.start.index(end=False))


def gaps(periods: list[Period], today: datetime.date) -> list[Gap]:
    """Stretches of more than :data:`GAP_MONTHS` months between one role's end and the
    next start that no other role covers."""
    found: list[Gap] = []
    covered_to: Period | None = None
    for p in periods:
        if covered_to is not None:
            end = covered_to.end_or(today)
            if p.exact and covered_to.exact:
                months = p.start.index(end=False) - end.index(end=True) - 1
            else:
                months = 12 * (p.start.year - end.year - 1)
            if months > GAP_MONTHS:
                found.append(Gap(covered_to, p, months))
        if covered_to is None or p.end_or(today).index(end=True) > covered_to.end_or(today).index(
            end=True
        ):
            covered_to = p
    return found


def overlaps(periods: list[Period], today: datetime.date) -> list[Overlap]:
    """Pairs of roles held at the same time for more than a month (with years alone,
    one that starts before the year the other ends)."""
    found: list[Overlap] = []
    for i, first in enumerate(periods):
        for second in periods[i + 1 :]:
            end = first.end_or(today)
            if first.exact and second.exact:
                shared = end.index(end=True) - second.start.index(end=False) + 1
                if shared > 1:
                    found.append(Overlap(first, second))
            elif second.start.year < end.year:
                found.append(Overlap(first, second))
    return found


def short_roles(periods: list[Period]) -> list[tuple[Period, int]]:
    """Finished roles of :data:`SHORT_MONTHS` months or fewer, with their length in months."""
    found = []
    for p in periods:
        if p.end is None or not p.exact:
            continue
        months = p.end.index(end=True) - p.start.index(end=False) + 1
        if months <= SHORT_MONTHS:
            found.append((p, months))
    return found
