"""A CV (and a job description) turned into the questions an interviewer would ask of it.

Second interviews go through the CV line by line: every role, every claim. The
set built here walks through each role and bullet; a bullet's names and numbers
become ``mentions`` that the spoken answer is checked against.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from voice_coach.authoring import question
from voice_coach.errors import VoiceCoachError
from voice_coach.questions import EXAMPLE, Question, QuestionSet


class DocumentError(VoiceCoachError):
    """A CV or job description that cannot be read."""


@dataclass
class Role:
    title: str
    org: str
    dates: str = ""
    bullets: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        if self.title and self.org:
            return f"your time at {self.org} as {self.title}"
        return f"your time at {self.org or self.title}"


_YEAR = r"(?:19|20)\d{2}"
_DATES = re.compile(
    rf"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?{_YEAR}\s*"
    rf"(?:[-–—]|to|until)\s*(?:(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?"
    rf"{_YEAR}|present|now|current|today|date)",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*+•▪◦·]|\d+[.)])\s+")
_SECTION = re.compile(
    r"^\s*#*\s*(?:experience|work experience|employment|employment history|professional experience|"
    r"career history|education|skills|profile|summary|interests|references|languages|"
    r"certifications|projects|volunteering)\s*:?\s*$",
    re.IGNORECASE,
)
_NON_WORK = re.compile(
    r"^\s*#*\s*(?:education|skills|interests|references|languages|certifications)\b", re.I
)
_AT = re.compile(r"^(?P<title>.+?)\s+(?:at|@)\s+(?P<org>.+)$", re.IGNORECASE)
_SEP = re.compile(r"\s*(?:\||,|—|–|\s-\s|·)\s*")
_SPECIFIC = re.compile(
    r"(?:[$£€]\s?\d[\d,.]*\s?(?:k|m|bn|million|billion)?|\d[\d,.]*\s?(?:%|percent|x\b|k\b|m\b)|"
    r"\b\d[\d,.]*\b)",
    re.IGNORECASE,
)
_PROPER = re.compile(r"\b[A-Z][A-Za-z0-9&]+(?:\s+[A-Z][A-Za-z0-9&]+)*\b")
_STOP = frozenset(
    """
    a an and the of to in for on with by at from as is are was were be been this that our
    your we you they their it its will can able who what when where which into across about
    over under within using use used work working role team teams job candidate ideal must
    should would could including include includes other such more most very well also strong
    good experience years year required requirements desirable essential skills skill
    ability responsibilities responsible you'll we're looking join help make new day
    """.split()  # noqa: SIM905
)


def read_document(path: Path) -> str:
    """Plain text or Markdown as it is; PDF through pypdf."""
    if not path.is_file():
        raise DocumentError(f"{path}: no such file")
    if path.suffix.lower() == ".pdf":
        try:
            from pypdf import PdfReader

            reader = PdfReader(str(path))
            return "\n".join(page.extract_text() or "" for page in reader.pages)
        except Exception as exc:
            raise DocumentError(f"{path}: cannot read this PDF ({exc})") from None
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return path.read_text(encoding="latin-1")
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc})") from None


def _clean(line: str) -> str:
    return line.strip().lstrip("#").strip().strip("*_").strip()


def _header(line: str, next_line: str) -> tuple[Role, bool] | None:
    """A role header and whether it used the next line too.

    Layouts seen: 'Title at Org (2019 - 2022)', 'Org | Title | 2019-2022', 'Org — Title —
    2015 to 2019', and an organisation line followed by 'Title, Team    2019 – 2024'.
    """
    text = _clean(line)
    dates_match = _DATES.search(text)
    if not dates_match:
        below = _clean(next_line)
        below_dates = _DATES.search(below)
        if not below_dates or not text or len(text.split()) > 8:
            return None
        title = _SEP.split(_DATES.sub("", below).strip(" ()[]|,-–—:·"))[0].strip()
        org = _SEP.split(text)[0].strip() if "," in text else text
        return Role(title, org, below_dates.group(0)), True
    dates = dates_match.group(0)
    rest = _DATES.sub("", text).strip(" ()[]|,-–—:·")
    if not rest:
        return None
    role = _split_role(rest, dates)
    return (role, False) if role else None


def _split_role(rest: str, dates: str) -> Role | None:
    m = _AT.match(rest)
    if m:
        return Role(m["title"].strip(" ,"), m["org"].strip(" ,"), dates)
    parts = [p for p in _SEP.split(rest) if p.strip()]
    if len(parts) >= 2:
        first, second = parts[0].strip(), parts[1].strip()
        # Titles tend to carry role words; otherwise take "Org, Title" order.
        if re.search(
            r"\b(?:manager|engineer|developer|lead|head|director|analyst|officer|"
            r"assistant|nurse|teacher|consultant|designer|specialist|coordinator|"
            r"administrator|intern|associate|representative|supervisor)\b",
            first,
            re.I,
        ):
            return Role(first, second, dates)
        return Role(second, first, dates)
    return Role("", parts[0].strip(), dates)


def parse_cv(text: str) -> list[Role]:
    """Roles with their bullets, from the common CV layouts (tolerant of odd ones)."""
    lines = text.splitlines()
    roles: list[Role] = []
    current: Role | None = None
    in_non_work = False
    skip = False
    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        if not line.strip():
            continue
        if _SECTION.match(line):
            in_non_work = bool(_NON_WORK.match(line))
            current = None
            continue
        if in_non_work:
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if not _BULLET.match(line):
            found = _header(line, following if not _BULLET.match(following) else "")
            if found is not None:
                current, skip = found
                roles.append(current)
                continue
        if current is not None and _BULLET.match(line):
            bullet = _BULLET.sub("", line).strip()
            if len(bullet.split()) >= 3:
                current.bullets.append(bullet)
        elif current is not None and current.bullets and line.startswith((" ", "\t")):
            current.bullets[-1] += " " + line.strip()  # a wrapped bullet
    return roles


def specifics(bullet: str) -> tuple[str, ...]:
    """The numbers and proper names a bullet claims: what the answer should repeat."""
    found = [m.group(0).strip() for m in _SPECIFIC.finditer(bullet)]
    first_word = bullet.split()[0] if bullet.split() else ""
    for m in _PROPER.finditer(bullet):
        word = m.group(0)
        if word != first_word and word.lower() not in _STOP:
            found.append(word)
    return tuple(dict.fromkeys(found))


def key_terms(job_text: str, limit: int = 15) -> tuple[str, ...]:
    """The words and two-word phrases a job description keeps coming back to."""
    words_re = r"[a-zA-Z][a-zA-Z+#.-]*[a-zA-Z+#]|[a-zA-Z]"
    singles: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    # Phrases never straddle a sentence or list boundary.
    for chunk in re.split(r"[.;:!?\n•,()]+", job_text.lower()):
        words = re.findall(words_re, chunk)
        for w in words:
            if w not in _STOP and len(w) > 2:
                singles[w] += 1
        for a, b in itertools.pairwise(words):
            if a not in _STOP and b not in _STOP and len(a) > 2 and len(b) > 2:
                pairs[f"{a} {b}"] += 1
    # A repeated phrase says more than its words; a word inside a chosen phrase adds nothing.
    ranked = [(n * 2, t) for t, n in pairs.items() if n >= 2]
    ranked += [(n, t) for t, n in singles.items() if n >= 2]
    chosen: list[str] = []
    for _, term in sorted(ranked, key=lambda x: (-x[0], x[1])):
        if " " not in term and any(term in c.split(" ") for c in chosen):
            continue
        chosen.append(term)
        if len(chosen) >= limit:
            break
    return tuple(chosen)


def cv_question_set(cv_text: str, name: str = "my-cv", job_text: str | None = None) -> QuestionSet:
    roles = parse_cv(cv_text)
    if not roles:
        raise DocumentError(
            "no roles found in the CV: each role needs a line with its dates "
            "(for example 'Project Manager at Acme, 2019 - 2022') followed by bullet points"
        )
    taken: set[str] = set()
    questions: list[Question] = []
    for role in roles:
        questions.append(
            question(
                f"Talk me through {role.label}. What did you achieve there?",
                taken,
                expects=(EXAMPLE,),
            )
        )
        for bullet in role.bullets:
            claims = specifics(bullet)
            quoted = bullet.rstrip(".")
            if any(ch.isdigit() for ch in bullet):
                text = f"You wrote '{quoted}'. How did you do it, and how did you measure it?"
            else:
                text = f"You wrote '{quoted}'. What was your part in it, and what came of it?"
            questions.append(question(text, taken, expects=(EXAMPLE,), mentions=claims))
    terms = key_terms(job_text) if job_text else ()
    return QuestionSet(
        name=name,
        title="My CV, line by line",
        description="Every role and claim on your CV, as an interviewer would probe it.",
        key_terms=terms,
        questions=tuple(questions),
    )


def used(transcript: str, items: tuple[str, ...]) -> list[tuple[str, bool]]:
    """Which of ``items`` (CV specifics or job terms) the answer used.

    Numbers match in any spoken form ("20%" is "twenty percent"), via the scorer's
    number reader; words match case-insensitively on word boundaries.
    """
    from voice_coach.scoring.numbers import find_numbers

    lowered = transcript.lower()
    spoken_values = {round(n.value, 4) for n in find_numbers(transcript) if n.value is not None}
    result = []
    for item in items:
        values = {round(n.value, 4) for n in find_numbers(item) if n.value is not None}
        if values:
            hit = bool(values & spoken_values)
        else:
            hit = re.search(rf"\b{re.escape(item.lower())}\b", lowered) is not None
        result.append((item, hit))
    return result
