"""What a person cares about, as words that fit into a sentence someone says aloud.

People write what an interviewer cares about as they would jot it down: "Month-end
close", "controls", "SAP S/4HANA", "values", "getting the numbers right", "how you
handle pressure". Put into one template these read badly ("made a real difference to
values"), so each is read here for what sort of thing it is (a process that can be
improved, a quality that is shown, a tool that is used, people that are won over, a
practice that is done, a clause) and for its grammatical number, and questions then
choose frames that fit that sort. The question writer never puts an article before the
user's words, and refers back to them with a pronoun, so no article can disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from voice_coach.speech.spoken import plain_text


def _word_set(text: str) -> frozenset[str]:
    """A word list written as prose, one word per space."""
    return frozenset(text.split())


class TopicKind(StrEnum):
    AREA = "area"
    """A process or part of the work that can be made better: "month-end close"."""
    QUALITY = "quality"
    """A value or way of working that is shown: "teamwork", "integrity"."""
    TOOL = "tool"
    """A system or skill that is used: "SAP S/4HANA", "Excel"."""
    PEOPLE = "people"
    """People to work with and win over: "stakeholders", "the board"."""
    PRACTICE = "practice"
    """Something done, as a gerund phrase: "getting the numbers right"."""
    CLAUSE = "clause"
    """A clause or a description of people: "how you handle pressure"."""
    TERMS = "terms"
    """A term of the job (notice, salary...): asked about directly."""


QUALITIES = _word_set(
    """values value integrity honesty ownership accountability teamwork collaboration
    communication resilience curiosity initiative culture diversity inclusion wellbeing
    well-being trust respect humility adaptability flexibility leadership motivation mindset
    ethic ethics reliability transparency empathy professionalism commitment energy passion
    attitude learning development growth fit kindness openness candour candor courage
    creativity innovation excellence rigour rigor detail judgement judgment
    pragmatism drive ambition loyalty fairness"""
)
"""Head words of qualities a person shows rather than processes they improve."""

TOOLS = _word_set(
    """excel sap oracle netsuite workday salesforce python sql r tableau looker jira
    confluence aws azure gcp kubernetes docker terraform java javascript typescript go rust
    c# c++ hyperion anaplan xero sage quickbooks dynamics powerpoint alteryx snowflake
    databricks blackline ifrs gaap sox"""
)
"""Systems, languages and standards: used, not improved. Also anything that reads as a
name (capitals inside, digits, a slash: "SAP S/4HANA", "Power BI")."""

PEOPLE_WORDS = _word_set(
    """stakeholders stakeholder clients client customers customer suppliers supplier vendors
    vendor partners partner team teams colleagues people staff board users user investors
    shareholders patients students members managers leaders regulators auditors"""
)
COLLECTIVE = frozenset({"team", "board", "staff", "people"})
"""Groups spoken of as "them" and, here, as plural ("the board are", "them")."""

GERUND_NOUNS = _word_set(
    """forecasting reporting budgeting planning accounting auditing onboarding training
    hiring recruiting recruitment engineering marketing pricing testing processing
    invoicing billing purchasing sourcing manufacturing scheduling staffing costing
    modelling modeling banking consulting coaching mentoring monitoring programming
    shipping routing tracking tooling logging benchmarking branding fundraising lending
    underwriting building housing nursing teaching learning working operating
    closing"""
)
"""Words ending in -ing that name an area of work ("forecasting accuracy"), not an act."""

SINGULAR_ENDINGS = ("ics", "ness", "ss", "us", "news")
"""Head words that look plural and are not: "analytics", "business", "process"."""

REDUCE_WORDS = _word_set(
    """cost costs spend spending waste errors error risk risks delays delay debt churn
    turnover overtime overheads overhead absence sickness backlog backlogs defects
    downtime complaints write-offs leakage fraud"""
)
"""Things made better by cutting them."""
GROW_WORDS = _word_set(
    """revenue revenues margin margins profit profits profitability sales growth
    income retention engagement productivity efficiency accuracy coverage"""
)
"""Things made better by raising them."""
PROCESS_WORDS = _word_set(
    """improvement improvements management change changes transformation transformations
    reduction reductions optimisation optimization automation delivery"""
)
"""Work that is itself a making better: done or led, never "improved"."""

_TERMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bnotice\b|\bstart(?:ing)? date\b|\bavailab"), "notice"),
    (re.compile(r"\bsalar|\bpay\b|\bpackage\b|\bcompensation\b|\bremuneration\b"), "salary"),
    (re.compile(r"\breloc|\bcommut"), "location"),
    (re.compile(r"\bhybrid\b|\bremote\b|\bflexible working\b|\boffice days\b"), "hybrid"),
    (re.compile(r"\bvisa\b|\bright to work\b|\bsponsorship\b"), "right_to_work"),
)
"""Terms of the job a person may care about, each asked by one plain question."""

TERM_QUESTIONS: dict[str, str] = {
    "notice": "What is your notice period, and when could you start?",
    "salary": "What are your salary expectations for this role?",
    "location": "Would you need to relocate or travel further for this job, and how do you "
    "feel about that?",
    "hybrid": "How would you like to split your week between home and the office?",
    "right_to_work": "Do you have the right to work here, or would you need sponsorship?",
}

_CLAUSE_START = re.compile(
    r"^(?:how|what|why|whether|when|where|who|that|if|people|someone|somebody|candidates?|"
    r"anyone)\b",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"^(?:(?:she|he|they|really|very|also|is|are|seems?|likely)\s+)*"
    r"(?:cares?\s+(?:a\s+lot\s+)?about|interested\s+in|big\s+on|keen\s+on|passionate\s+about|"
    r"obsessed\s+with|focus(?:ed|es)?\s+on|hot\s+on)\s*",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^(?:his|her|their|my)\s+", re.IGNORECASE)
MAX_TOPIC_WORDS = 7
"""Longer than this, what was written is a remark, not a topic to build a question on."""


@dataclass(frozen=True)
class Topic:
    """One thing a person cares about, ready to be put in a sentence."""

    words: str
    """As it goes mid-sentence: "month-end close", "SAP S/4HANA", "the board"."""
    kind: TopicKind
    plural: bool
    term: str | None = None
    """For :attr:`TopicKind.TERMS`, which term (a key of :data:`TERM_QUESTIONS`)."""

    @property
    def head(self) -> str:
        return self.words.split()[-1].lower()

    @property
    def subject(self) -> str:
        """The words opening a sentence: a capital, the rest as written."""
        return self.words[:1].upper() + self.words[1:]

    @property
    def pronoun(self) -> str:
        """The words referred back to: "it" or "them"."""
        return "them" if self.plural else "it"

    @property
    def subject_pronoun(self) -> str:
        return "they" if self.plural else "it"

    def verb(self, singular: str, plural: str) -> str:
        """The verb form that agrees with the words as a subject ("matters"/"matter")."""
        return plural if self.plural else singular

    @property
    def improve(self) -> str:
        """The verb, in the past, of making this better: cut a cost, grow a margin; empty
        for work that is itself a making better ("process improvement" is not improved)."""
        if self.head in PROCESS_WORDS:
            return ""
        if self.head in REDUCE_WORDS:
            return "reduced"
        if self.head in GROW_WORDS:
            return "increased"
        return "improved"


_ACRONYM = re.compile(r"^[A-Z][A-Z&]+$")
_ACRONYM_PLURAL = re.compile(r"^[A-Z][A-Z&]+s$")
"""An acronym with a plural s: "KPIs", "OKRs"."""


def _looks_like_a_name(tokens: list[str]) -> bool:
    """Words written as a product or a standard: a digit or a slash ("S/4HANA", "IFRS 16"),
    capitals inside a word ("NetSuite"), or a word and an acronym ("Power BI"). An acronym
    alone ("ESG", "P&L", "KPIs") is a part of the work, not a tool."""
    for i, word in enumerate(tokens):
        if any(ch.isdigit() or ch in "/+#" for ch in word):
            return True
        if re.search(r"[a-z][A-Z]", word):
            return True
        if i and _ACRONYM.match(word) and tokens[i - 1][:1].isupper():
            return True
    return False


def _normalised(raw: str) -> str:
    """The words of a jotted topic: no Markdown, no aside, no lead-in, no end stop, and
    the capital of a note's first word taken off when it is an ordinary word."""
    text = plain_text(raw)
    text = re.split(r"\s+[-–—:]\s+|\s*[(\[]", text, maxsplit=1)[0]  # "controls - they're behind"
    text = text.strip(" \t\"'“”‘’.,;:!?")
    text = _LEAD_IN.sub("", text)
    text = _POSSESSIVE.sub("the ", text)
    text = re.sub(r"\s+", " ", text).strip(" \"'“”‘’.,;:!?")
    words = text.split(" ")
    if words and words[0]:
        first = words[0]
        ordinary = first[:1].isupper() and first[1:].islower() and first.lower() not in TOOLS
        others_named = any(w[:1].isupper() for w in words[1:])
        if ordinary and not others_named:
            words[0] = first.lower()
    return " ".join(words)


@cache
def _plural(head: str) -> bool:
    """Whether the head word of a noun phrase is plural, from lemminflect's tables."""
    import lemminflect

    word = head.lower()
    if word in COLLECTIVE:
        return True
    if not word.isalpha() or word.endswith(SINGULAR_ENDINGS):
        return False
    lemmas = lemminflect.getAllLemmas(word, upos="NOUN").get("NOUN")
    if lemmas:
        return word not in lemmas
    guessed = lemminflect.getLemma(word, upos="NOUN")
    return bool(guessed) and word.endswith("s") and word not in guessed


def _is_verb_form(word: str) -> bool:
    import lemminflect

    return bool(lemminflect.getAllLemmas(word.lower(), upos="VERB").get("VERB"))


def read_topic(raw: str) -> Topic | None:
    """What sort of thing ``raw`` names, or None when it is not a topic to ask about
    (empty, a sentence, a link)."""
    words = _normalised(raw)
    if not words or "://" in words or len(words.split()) > MAX_TOPIC_WORDS:
        return None
    if not re.search(r"[^\W\d_]", words):
        return None
    low = words.lower()
    for pattern, term in _TERMS:
        if pattern.search(low):
            return Topic(words, TopicKind.TERMS, False, term)
    tokens = words.split()
    head = re.sub(r"[^\w/+#&-]", "", tokens[-1])
    first = tokens[0].lower()
    if _CLAUSE_START.match(words) and len(tokens) > 1:
        return Topic(words, TopicKind.CLAUSE, False)
    gerund = first.endswith("ing") and first not in GERUND_NOUNS and _is_verb_form(first)
    if gerund and len(tokens) > 1:  # "getting the numbers right"; "forecasting" is an area
        return Topic(words, TopicKind.PRACTICE, False)
    if _looks_like_a_name(tokens) or low in TOOLS or first in TOOLS:
        return Topic(words, TopicKind.TOOL, False)
    if _ACRONYM_PLURAL.match(head):
        plural = True
    elif head.isalpha() and head.islower():
        plural = _plural(head)
    else:
        plural = head.lower() in COLLECTIVE
    if head.lower() in PEOPLE_WORDS:
        if head.lower() in ("team", "board") and tokens[0].lower() not in ("the", "our", "a"):
            words = f"the {words}"  # "team" jotted down is "the team" said aloud
        return Topic(words, TopicKind.PEOPLE, plural or head.lower() in COLLECTIVE)
    if head.lower() in QUALITIES:
        return Topic(words, TopicKind.QUALITY, plural)
    return Topic(words, TopicKind.AREA, plural)
