"""What a job asks for, and how much of it the CV shows.

A second interview probes where the CV is thinnest against the job: "The role needs
SAP S/4HANA, and your CV says basic." So the job description is read the way a
candidate reads it (its Requirements, Essential, Desirable, "About you" or "What
you'll bring" lists), and each requirement is matched to the CV's lines: a role
bullet with a result is strong evidence, a skill only listed (or one the CV itself
calls "basic") is thin, nothing at all is none. Words are compared by their
lemmas (lemminflect), so "managing" meets "managed" and "reconciliations" meets
"reconciliation", with a few obvious synonyms ("led a team" is managing one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from voice_coach.cv import BULLET_MARKS
from voice_coach.cv_detail import CvLine, LineKind, cv_lines
from voice_coach.speech.spoken import plain_text


class Evidence(StrEnum):
    STRONG = "strong"
    THIN = "thin"
    NONE = "none"

    @property
    def label(self) -> str:
        """How the level reads on screen and in the brief."""
        return _LABELS[self]

    @property
    def rank(self) -> int:
        """Weakest first: what to practise before anything else."""
        return _RANKS[self]


_LABELS = {
    Evidence.STRONG: "strong evidence",
    Evidence.THIN: "thin evidence",
    Evidence.NONE: "no evidence",
}
_RANKS = {Evidence.NONE: 0, Evidence.THIN: 1, Evidence.STRONG: 2}


@dataclass(frozen=True)
class Requirement:
    text: str
    """The requirement in the job's words, without Markdown or list marks."""
    essential: bool = True
    """False for what the job calls desirable, a plus or nice to have."""

    @property
    def names(self) -> tuple[str, ...]:
        """The named things it asks for ("SAP S/4HANA", "Power Query"): the words an
        interviewer would put in a question."""
        return names_in(self.text)


@dataclass(frozen=True)
class RequirementEvidence:
    requirement: Requirement
    level: Evidence
    evidence: tuple[str, ...] = ()
    """The CV's lines that speak to it, as written on the CV (without Markdown)."""
    qualifier: str | None = None
    """How the CV itself rates the skill ("basic", "some exposure"), when it does."""
    only_listed: bool = False
    """The only evidence is a skills list: named, never shown in a role."""
    in_roles: tuple[str, ...] = ()
    """The evidence that is a role's bullet: what the candidate did with it."""


# --- Reading the job ----------------------------------------------------------------------

_HEADING_WORDS = re.compile(
    r"^(?:requirements?|essential(?: (?:skills|criteria|requirements))?|desirable"
    r"(?: (?:skills|criteria))?|about you|what you(?:'ll| will) (?:bring|need)|"
    r"what we(?:'re| are) looking for|who you are|you(?:'ll| will)? have|"
    r"(?:key |core |technical )?skills(?: (?:and|&) (?:experience|qualifications))?|"
    r"experience|qualifications|person specification|must[- ]haves?|nice[- ]to[- ]haves?|"
    r"the ideal candidate|ideal candidate|competencies|bonus points|preferred"
    r"(?: qualifications| skills)?|about the role|the role|role|about us|who we are|"
    r"responsibilities|key responsibilities|what you(?:'ll| will) do|duties|benefits|"
    r"what we offer|perks|salary|how to apply|the team|about the team|package)$"
)
_REQUIREMENT_HEADING = re.compile(
    r"requirement|essential|desirable|about you|bring|need|looking for|who you are|have$|"
    r"skills|^experience|qualification|specification|must|nice|ideal|competenc|bonus|prefer"
)
_DESIRABLE_HEADING = re.compile(r"desirable|nice|bonus|prefer|plus")
_DESIRABLE_LINE = re.compile(
    r"\(\s*(?:desirable|nice to have|a plus|an advantage|preferred|bonus)\s*\)"
    r"|[\s,;:–—-]*(?:(?:is|are|would be|will be)\s+)?(?:desirable|nice to have|a plus|"
    r"an advantage|advantageous|a bonus|ideally|preferably|preferred)\s*[.!]?\s*$"
    r"|^\s*(?:ideally|preferably|desirable)\b[\s,:]*",
    re.IGNORECASE,
)
"""What marks a requirement as desirable: a bracketed "(desirable)", a closing "would be a
plus" or "ideally", an opening "Ideally,". An "ideally" mid-sentence ("WMS, ideally
Manhattan") qualifies a detail, not the requirement, and stays."""
_ESSENTIAL_MARK = re.compile(r"\(\s*(?:essential|required|must have)\s*\)", re.IGNORECASE)
_LABEL_LINE = re.compile(r"^(?P<label>[A-Za-z' ]{3,40}):\s*(?P<rest>.*)$")
_BULLET = re.compile(rf"^\s*(?:[{re.escape(BULLET_MARKS)}]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_REQUIREMENT_CUE = re.compile(
    r"\b(?:experience|knowledge|ability|able to|proficien|skills?|qualified|degree|"
    r"understanding|track record|familiar|must|essential|desirable|confident|comfortable)",
    re.IGNORECASE,
)
CREDENTIAL = re.compile(
    r"\b(?:licen[cs]e|certifi\w*|qualifi\w*|degree|chartered|member(?:ship)?|accredit\w*|"
    r"clearance|diploma|registered|registration)\b",
    re.IGNORECASE,
)
"""A requirement one holds rather than does: a line naming it anywhere on the CV (under
Education, Certifications) is strong evidence, and without one the question is whether
the candidate has it."""
_LEADING_YOU = re.compile(
    r"^(?:you(?:'ll| will)? (?:have|bring|be)|you are|you're|(?:you )?(?:must|should) (?:have|be)|"
    r"you(?:'ll| will)? need(?: to (?:have|be))?|"
    r"we(?:'re| are) looking for|ideally,? you(?:'ll| will)? have)\s+",
    re.IGNORECASE,
)
MAX_REQUIREMENTS = 40
"""A job description lists a dozen or two; more means the file is not one."""


def _heading(line: str) -> str | None:
    """The heading a line is, in lower case, or None: a Markdown heading, a line that is
    bold and nothing else, or a short line that is one of the usual heading words."""
    stripped = line.strip()
    if not stripped or _BULLET.match(stripped):
        return None
    text = plain_text(stripped).strip().rstrip(":").strip().lower().replace("’", "'")
    is_marked = stripped.startswith("#") or (
        stripped.startswith(("**", "__")) and stripped.rstrip(":").endswith(("**", "__"))
    )
    if is_marked and len(text.split()) <= 8:
        return text
    if _HEADING_WORDS.match(text) or (stripped.endswith(":") and len(text.split()) <= 5):
        return text
    return None


def _clean(text: str) -> str:
    text = plain_text(text)
    text = _ESSENTIAL_MARK.sub("", text)
    text = _LEADING_YOU.sub("", text.strip())
    text = re.sub(r"\s+", " ", text).strip(" .;,:-–—")
    return text[:1].upper() + text[1:] if text else text


def job_requirements(job_text: str) -> list[Requirement]:
    """The requirements a job description lists, in its order, cleaned of Markdown.

    Under a requirements-like heading every bullet and sentence counts; elsewhere
    (About us, The role, What we offer) nothing does. A description with no such
    heading at all gives its bullets and sentences that read as requirements
    ("experience of", "knowledge of", "able to").
    """
    found: list[Requirement] = []
    loose: list[Requirement] = []
    section: str | None = None
    saw_section = False
    for raw in job_text.splitlines():
        line = raw.strip()
        if not line:
            continue
        heading = _heading(line)
        if heading is not None:
            if _REQUIREMENT_HEADING.search(heading):
                section = heading
                saw_section = True
            elif _HEADING_WORDS.match(heading) or line.startswith("#"):
                section = None  # About us, Benefits, the job's title
            # Anything else ("**Technical**") is a sub-heading of the list it is in.
            continue
        body = _BULLET.sub("", line)
        label = _LABEL_LINE.match(plain_text(body))
        desirable_label = False
        if label and _REQUIREMENT_HEADING.search(label["label"].lower()) and label["rest"]:
            desirable_label = bool(_DESIRABLE_HEADING.search(label["label"].lower()))
            body = label["rest"]
            saw_section = True
            section = section or label["label"].lower()
        parts = [body] if _BULLET.match(line) else _SENTENCE_END.split(plain_text(body))
        for part in parts:
            text = _clean(_DESIRABLE_LINE.sub("", plain_text(part)))
            if len(text.split()) < 2:
                continue
            essential = not (
                desirable_label
                or (section is not None and _DESIRABLE_HEADING.search(section))
                or _DESIRABLE_LINE.search(plain_text(part))
            )
            requirement = Requirement(text, bool(essential))
            if section is not None or desirable_label:
                found.append(requirement)
            elif _REQUIREMENT_CUE.search(part):
                loose.append(requirement)
    chosen = found if saw_section else loose
    unique = {r.text.lower(): r for r in reversed(chosen)}
    ordered = [r for r in chosen if unique.get(r.text.lower()) is r]
    return ordered[:MAX_REQUIREMENTS]


# --- Words and their lemmas ------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#&/'.-]*[A-Za-z0-9+#]|[A-Za-z0-9]")
_GENERIC = frozenset(
    """
    a an and the of to in for on with by at from as is are was were be been this that our
    your we you they their it its will can able who what when where which into across about
    over under within use used using including include such more most very well also or
    experience experienced hands-on handson knowledge strong proven track record ability
    understanding excellent demonstrable demonstrated good solid working skill skills
    function role job candidate ideal must should would could have has having other some
    any all both either etc e.g i.e plus relevant similar environment level high great
    """.split()  # noqa: SIM905
)
"""Words every requirement uses: matching on them would find evidence everywhere."""
_SYNONYMS = {
    "lead": "manage",
    "supervise": "manage",
    "oversee": "manage",
    "head": "manage",
    "staff": "team",
    "spreadsheet": "excel",
    "presentation": "present",
    "reconcile": "reconciliation",
    "automate": "automation",
    "analyse": "analysis",
    "analyze": "analysis",
    "analytical": "analysis",
    "report": "reporting",
    "budgeting": "budget",
    "forecasting": "forecast",
    "stakeholders": "stakeholder",
    "mentor": "coach",
    "train": "coach",
}
"""Obvious equivalents, lemma to lemma: led a team is managing one."""


@lru_cache(maxsize=8192)
def lemma(word: str) -> str:
    """A word's dictionary form in lower case, through its obvious synonym: "Managing" is
    "manage", "led" is "manage" too, "S/4HANA" stays itself."""
    from lemminflect import getAllLemmas

    lowered = word.lower().strip("'.")
    if not lowered.isalpha():
        return _SYNONYMS.get(lowered, lowered)
    lemmas = getAllLemmas(lowered)
    base = next((lemmas[pos][0] for pos in ("NOUN", "VERB", "ADJ") if lemmas.get(pos)), lowered)
    return _SYNONYMS.get(base, base)


@lru_cache(maxsize=16384)
def terms(text: str) -> frozenset[str]:
    """The lemmas that carry a line's meaning (no stop words or everyday requirement words)."""
    out = set()
    for token in _TOKEN.findall(plain_text(text)):
        if token.lower() in _GENERIC or len(token) < 2:
            continue
        base = lemma(token)
        if base not in _GENERIC:
            out.add(base)
    return frozenset(out)


def _is_name(token: str, first: bool) -> bool:
    """A product, system or qualification: "SAP", "S/4HANA", "CIMA", or a capitalised word
    mid-sentence ("Excel", "Power" of "Power BI")."""
    if not any(c.isalpha() for c in token):
        return False  # "30+" is a number, not a name
    if any(c.isdigit() for c in token) or (len(token) > 1 and token.isupper()):
        return True
    if any(c.isupper() for c in token[1:]):
        return True
    return not first and token[:1].isupper() and token.lower() not in _GENERIC


def names_in(text: str) -> tuple[str, ...]:
    """Runs of name words in ``text``, in order: "Strong Excel skills, including Power
    Query" names "Excel" and "Power Query"."""
    runs: list[str] = []
    current: list[str] = []
    for i, match in enumerate(re.finditer(r"\S+", plain_text(text))):
        raw = match.group(0)
        token = raw.strip(".,;:()[]'\"")
        if token and _is_name(token, i == 0):
            current.append(token)
            if raw.endswith((",", ";", ":", ")")):
                runs.append(" ".join(current))
                current = []
        else:
            if current:
                runs.append(" ".join(current))
            current = []
    if current:
        runs.append(" ".join(current))
    return tuple(dict.fromkeys(runs))


# --- Matching -----------------------------------------------------------------------------


def _matches(named: list[frozenset[str]], wanted: frozenset[str], line: CvLine) -> bool:
    """Whether ``line`` speaks to a requirement naming ``named`` (each name's lemmas) and
    otherwise meaning ``wanted``."""
    have = terms(line.text)
    if named:
        # A requirement that names a system or a qualification is met only by a line
        # naming it: "finance" in a job title is no evidence of SAP S/4HANA.
        hits = sum(1 for n in named if n and n <= have)
        return hits > 0 and hits * 2 >= len(named)
    overlap = len(wanted & have)
    return overlap >= min(2, len(wanted)) if wanted else False


def readiness(cv_text: str, job_text: str) -> list[RequirementEvidence]:
    """Every requirement of the job, in the job's order, with the CV's evidence for it."""
    lines = cv_lines(cv_text)
    return [match_requirement(r, lines) for r in job_requirements(job_text)]


def match_requirement(requirement: Requirement, lines: list[CvLine]) -> RequirementEvidence:
    """How well ``lines`` (from :func:`voice_coach.cv.cv_lines`) show ``requirement``."""
    wanted = terms(requirement.text)
    named = [frozenset(lemma(t) for t in _TOKEN.findall(n)) for n in requirement.names]
    found = [line for line in lines if _matches(named, wanted, line)]
    if not found:
        return RequirementEvidence(requirement, Evidence.NONE)
    qualifier = next((line.qualifier for line in found if line.qualifier), None)
    in_roles = [line for line in found if line.kind is LineKind.BULLET]
    strong = any(line.has_result for line in in_roles) or (
        CREDENTIAL.search(requirement.text) is not None
        and any(line.kind is LineKind.OTHER for line in found)
    )
    level = Evidence.STRONG if strong and qualifier is None else Evidence.THIN
    shown = sorted(found, key=lambda line: (line.kind is not LineKind.BULLET, not line.has_result))
    return RequirementEvidence(
        requirement,
        level,
        tuple(dict.fromkeys(line.text for line in shown)),
        qualifier=qualifier,
        only_listed=not in_roles and all(line.kind is LineKind.SKILL for line in found),
        in_roles=tuple(dict.fromkeys(line.text for line in in_roles)),
    )


def weakest(found: list[RequirementEvidence]) -> list[RequirementEvidence]:
    """Requirements with no evidence, then thin ones, essential before desirable; strong
    ones are left out. The order to practise them in."""
    weak = [f for f in found if f.level is not Evidence.STRONG]
    return sorted(weak, key=lambda f: (f.level.rank, not f.requirement.essential))
