"""What kind of question it is, and so what a good answer to it must do.

A "tell me about a time" question needs a concrete accomplishment example; "what
questions do you have for us?" needs the candidate to ask something, above all when
a decision will be made; an offer on the spot needs thanks, a request for time and
a day by which they will answer. Judging every answer as a story was the app's worst
advice on the day it mattered most, so every question gets a kind: declared in its
set, or else inferred here from its words (sets made from notes, from a CV, from the
interviewers, or a question typed on the command line have no declaration).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache


class QuestionKind(StrEnum):
    STORY = "story"
    CV_DETAIL = "cv_detail"
    PLAN = "plan"
    MOTIVATION = "motivation"
    ABOUT_YOU = "about_you"
    SALARY = "salary"
    STRENGTHS = "strengths"
    QUESTIONS_FOR_US = "questions_for_us"
    OFFER = "offer"
    REMOTE_ENVIRONMENT = "remote_environment"
    GENERAL = "general"

    @property
    def spec(self) -> KindSpec:
        return KIND_SPECS[self]

    @classmethod
    def parse(cls, value: str) -> QuestionKind:
        """A kind from a set, a batch line or the command line; ValueError names the choices."""
        try:
            return cls(value.strip().lower().replace("-", "_").replace(" ", "_"))
        except ValueError:
            choices = ", ".join(k.value for k in cls)
            raise ValueError(f"unknown question kind {value!r}: one of {choices}") from None


@dataclass(frozen=True)
class KindSpec:
    label: str
    """How the kind reads on screen."""
    needs_example: bool
    """The answer is judged on a concrete accomplishment example."""
    essentials: tuple[str, ...]
    """Concept ids (see ``concepts.py``) every good answer covers, in the advice's words."""
    extras: tuple[str, ...] = ()
    """Concept ids worth covering that do not decide the verdict."""
    brief: bool = False
    """A few words can be a whole good answer ("Thank you! Could I let you know by Friday?")."""


KIND_SPECS: dict[QuestionKind, KindSpec] = {
    QuestionKind.STORY: KindSpec("a story from your experience", True, ()),
    QuestionKind.CV_DETAIL: KindSpec("a detail of your CV", True, ()),
    QuestionKind.PLAN: KindSpec("how you would approach it", False, ("concrete_steps",)),
    QuestionKind.MOTIVATION: KindSpec("why this job", False, ("specific_reason",)),
    QuestionKind.ABOUT_YOU: KindSpec(
        "tell me about yourself", False, ("professional_summary",), ("why_this_role",)
    ),
    QuestionKind.SALARY: KindSpec("salary", False, ("range_or_figure",)),
    QuestionKind.STRENGTHS: KindSpec("strengths and weaknesses", False, ("backed_quality",)),
    QuestionKind.QUESTIONS_FOR_US: KindSpec(
        "your questions for them", False, ("asks_question", "asks_decision"), brief=True
    ),
    QuestionKind.OFFER: KindSpec(
        "an offer on the spot", False, ("asks_time", "says_when"), ("thanks",), brief=True
    ),
    QuestionKind.REMOTE_ENVIRONMENT: KindSpec(
        "the remote working environment", False, ("asks_environment",), brief=True
    ),
    QuestionKind.GENERAL: KindSpec("a direct answer", False, ()),
}
assert set(KIND_SPECS) == set(QuestionKind)


def _rx(*phrases: str) -> str:
    return r"\b(?:" + "|".join(phrases) + r")\b"


# Checked in this order: the first kind whose cue the question contains wins. An offer
# can mention salary ("if we offered you forty thousand, would you accept?"), a remote
# interview's closing can ask "any questions", so the narrower kinds come first.
# Compiled when first used (see _compiled): the question sets are read to draw the home
# screen, which needs no question's kind.
_CUES: tuple[tuple[QuestionKind, str], ...] = (
    (
        QuestionKind.OFFER,
        _rx(
            r"offer(?:ed|ing)? you",
            r"accept (?:the|this|our|an?) (?:job|role|offer|position)",
            r"(?:written|formal|verbal) offer",
            r"put you down as",
            r"(?:shall|can|may) i (?:tell|let) (?:them|the panel|hr|everyone) know",
            r"make you an offer",
            r"(?:an|the|this|our|a formal|a verbal) offer\b(?! letter)",
            r"the (?:job|role|position) (?:is|was|were) yours",
            r"would you (?:accept|take it|take the job|take the role|say yes)",
            r"do you accept",
            r"you accept",
            r"are you in",
            r"(?:give|have) (?:us|me) (?:an|your) (?:answer|decision)",
            r"answer (?:by|before) (?:the end|today|tomorrow|tonight)",
            r"decide (?:now|today|right now|on the spot)",
            r"welcome (?:you )?(?:aboard|on board)",
            r"like to hire you",
            r"(?:the )?job'?s yours",
            r"(?:we'?d|we would) (?:like|love) (?:you|to have you) (?:to join|on board|aboard)?",
            r"(?:we'?d|we would) love to have you",
            r"(?:offer'?s|offer is) on the table",
            r"yes or no",
            r"want to hire you",
        ),
    ),
    (
        QuestionKind.REMOTE_ENVIRONMENT,
        (
            r"\b(?:ask|know|check|questions?|wonder|curious|tell you)\b"
            r".*\b(?:remote(?:ly)?|from home|"
            r"distributed|hybrid|virtual(?:ly)?|online|working environment|work environment|"
            r"how we work|day to day here)\b"
            r"|\b(?:remote(?:ly)?|from home|distributed|hybrid)\b"
            r".*\b(?:ask|know|check|questions?)\b"
        ),
    ),
    (
        QuestionKind.QUESTIONS_FOR_US,
        _rx(
            r"questions? (?:for|to ask) (?:us|me|them|the panel)",
            r"questions (?:do|would|have|did) you (?:have|got|want|like)",
            r"what (?:other )?questions",
            r"(?:any|some|other|more|further) questions",
            r"anything (?:at all )?(?:you'?d|you would|you want|you wanted|else you'?d|else you) "
            r"(?:like )?to (?:ask|know)",
            r"(?:could|can) i tell you",
            r"help you decide",
            r"the floor is yours",
            r"(?:is there )?anything (?:else )?(?:we can|i can) (?:answer|tell you)",
            r"what would you like to (?:ask|know)",
            r"what (?:do|would) you want to know",
            r"your turn to ask",
            r"(?:got|have you got|do you have) anything (?:for us|to ask|you want to ask)",
            r"anything for us",
            r"(?:any )?(?:final|last|other|more) questions",
            r"(?:over|back) to you",
            r"before we (?:wrap|finish|close)",
        ),
    ),
    (
        QuestionKind.MOTIVATION,
        _rx(r"what (?:is it about \w+ that )?(?:really |most )?motivates you"),
    ),
    (
        QuestionKind.SALARY,
        _rx(
            r"salary (?:expectations?|are you|would you|do you|range|in mind)",
            r"salary[- ]wise",
            r"(?:in terms of|regarding|about|for) (?:the )?(?:salary|pay|money)",
            r"(?:expect\w*|hoping|looking) (?:for )?(?:\w+ )?(?:salary|pay)",
            r"figure in mind",
            r"(?:expected|current) ctc",
            r"\bctc\b",
            r"(?:expected|current|desired|target) salary",
            r"(?:talk|talking) about (?:money|pay|salary)",
            r"what (?:you are|you're|are you) (?:paid|earning|on)",
            r"budget for (?:this|the) (?:role|position)",
            r"(?:the )?figure you",
            r"pay (?:expectations|range|are you)",
            r"compensation",
            r"(?:expected|expect to be) paid",
            r"how much (?:are you|would you|do you) (?:expect|want|earn|looking)",
            r"what (?:are|were) you (?:earning|paid)",
            r"remuneration",
            r"rate (?:are you|do you) (?:looking|expect)",
            r"package (?:are you|would you)",
        ),
    ),
    (
        QuestionKind.ABOUT_YOU,
        _rx(
            r"tell (?:me|us) (?:a (?:bit|little) )?(?:more )?about yourself",
            r"(?:walk|talk|take) (?:me|us) through (?:your|you) "
            r"(?:background|career|cv|resume|experience so far)",
            r"introduce yourself",
            r"telling (?:me|us) (?:a (?:little )?(?:bit )?)?about (?:yourself|you)\b",
            r"tell (?:me|us) (?:a (?:little )?(?:bit )?)?about you\b(?! (?:did|were|had|have))",
            r"(?:overview|summary) of your (?:background|career|experience)",
            r"(?:give|tell) (?:me|us) (?:an?|your) (?:overview|summary|quick rundown) of "
            r"(?:yourself|your background|your career)",
            r"who (?:is|are) (?:you|the real you)",
            r"how would you describe your (?:background|career)",
        ),
    ),
    (
        QuestionKind.STRENGTHS,
        _rx(
            r"strengths?",
            r"weakness(?:es)?",
            r"(?:areas?|something) (?:for|of|to) (?:improvement|development|improve|develop)",
            r"what (?:would|do|did) (?:your|my|a) (?:colleagues?|manager|boss|team|friends|"
            r"references?|coworkers?|co-workers?) say about you",
            r"describe yourself",
            r"what are you (?:best|good|great) at",
            r"what (?:are you|do you find) (?:worst|bad|weakest|hard)",
            r"three words",
            r"(?:you'?re|you are) (?:really |particularly )?good at",
            r"(?:need|needs|needed) to work on",
            r"(?:working|work) to improve",
            r"area (?:you'?re|you are) (?:working|trying)",
            r"what makes you (?:a good|the right|the best|stand out)",
            r"why should we (?:hire|choose|pick) you",
        ),
    ),
    (
        QuestionKind.CV_DETAIL,
        _rx(
            r"(?:your|the) (?:cv|c v|resume|résumé|application|linkedin|portfolio|cover letter)",
            r"your (?:placement|internship|apprenticeship|secondment|spell|stint) (?:at|with|in)",
            r"it says (?:here )?(?:that )?you",
            r"i see (?:here )?(?:that )?you(?:'ve| have| were| led| set| cut| reduced| introduced|"
            r" handled| ran| built| managed| won)",
            r"you'?ve put (?:that|down|here)",
            r"you put (?:that|down|here)",
            r"(?:line|bit|point) (?:on|in) your",
            r"you (?:mention|mentioned|say|said|list|listed|wrote|write|note|noted|claim|claimed)",
            r"your (?:time|role|work|years?|spell|stint|job|position|experience) (?:at|with|in) "
            r"\w+",
            r"(?:walk|talk|take) (?:me|us) through (?:the|your|that|this) "
            r"(?:project|role|job|work|gap)",
            r"gap (?:in|between) your",
        ),
    ),
    (
        QuestionKind.STORY,
        _rx(
            r"(?:a|one|the last|another) time (?:when |that |where )?(?:you|your)",
            r"an? (?:example|instance|occasion|situation|moment|project|case) "
            r"(?:when|where|of|in which|that|from)",
            r"(?:give|share|walk|talk|take) (?:me|us) (?:an?|one|your|through an?|through the) "
            r"(?:example|instance|story|time|occasion|situation)",
            r"(?:describe|recall|share|tell (?:me|us) about) (?:a|an|one|the|your) "
            r"(?:time|situation|occasion|moment|project|example|instance|mistake|failure|"
            r"conflict|challenge|achievement|accomplishment|success|decision|disagreement|"
            r"difficult|hardest|toughest|biggest|proudest|most)",
            r"(?:have|had) you ever",
            r"(?:has|have|did) (?:\w+ ){0,4}ever",
            r"(?:walk|talk|take) (?:me|us) through (?:a|an|one|the|something|some)\b",
            r"tell (?:me|us) about (?:a|an|one|the|something|some|your (?:biggest|proudest|best|"
            r"hardest|most|worst|greatest))\b",
            r"you (?:achieved|made|solved|started|delivered|led|handled|faced|fixed|changed|"
            r"built|ran|won|lost|learned|learnt|took)",
            r"(?:where|when) have you",
            r"pick (?:a|an|one)",
            r"(?:what|which) (?:is|was|'s) (?:the|your) (?:biggest|greatest|proudest|hardest|"
            r"toughest|most (?:difficult|challenging|significant|important)|best|one)"
            r"(?: \w+)? (?:achievement|accomplishment|success|mistake|failure|challenge|project|"
            r"decision|thing you)",
            r"what (?:is|'s) the (?:one )?achievement",
            r"how (?:did|have) you (?:handled?|dealt|deal|managed?|approached?|resolved?|"
            r"overcome|overcame|responded|got|gotten|turned|won|persuaded|convinced)",
            r"last time you",
            r"when (?:did|have) you (?:last|ever)",
            r"what did you (?:do|learn)",
            r"like us to remember you",
            r"(?:an |your )?(?:accomplishment|achievement)s? "
            r"(?:you'?re|you are|you were) (?:most )?proud",
            r"(?:standout|proudest|biggest|greatest) (?:achievement|accomplishment)",
            r"(?:most )?proud of",
            r"made a (?:real |big )?difference",
            r"most (?:challenging|difficult) thing you'?ve",
            r"experience (?:of )?(?:managing|leading|handling)",
        ),
    ),
    (
        QuestionKind.PLAN,
        _rx(
            r"first (?:ninety|90|thirty|30|sixty|60|hundred|100) days",
            r"first (?:few |couple of |three |six )?(?:weeks|months|year)",
            r"how (?:would|will|might|could) you",
            r"what (?:would|will|might|could) you (?:do|change|prioriti[sz]e|focus|say|bring)",
            r"what(?:'s| is) your (?:approach|plan|strategy|process) (?:to|for)",
            r"if you (?:were|joined|got|started|had to|found|disagreed|noticed|saw|discovered)",
            r"(?:imagine|suppose|say) (?:that |you|a|your|it)",
            r"what if",
            r"where would you start",
        ),
    ),
    (
        QuestionKind.MOTIVATION,
        _rx(
            r"why (?:do|would) you (?:want|like|wish)",
            r"why (?:this|our|us|here|the) ",
            r"why (?:are|were) you (?:leaving|looking|applying|interested|moving)",
            r"(?:look|looking) for a (?:move|change|new)",
            r"move away from",
            r"why (?:did|do) you (?:leave|apply|choose|want)",
            r"why (?:have you|you're) ",
            r"what (?:attracts|attracted|draws|drew|interests|interested|excites|excited|"
            r"appeals|appealed|motivates|motivated) you",
            r"what (?:do|did) you know about (?:us|the company|our)",
            r"where do you see yourself",
            r"what are you looking for",
            r"what (?:do|would) you (?:hope|want) to (?:get|gain|learn|achieve)",
            r"what made you apply",
            r"why us\b",
            r"appeals? to you",
            r"what (?:is it|about) (?:about )?(?:this|the) (?:job|role|position|company)",
            r"why (?:this|the) (?:role|job|position|company|organi[sz]ation|team|sector|move)",
        ),
    ),
)
_STORY_FALLBACK = _rx(
    r"example",
    r"experience (?:of|with|in) (?:handling|dealing|leading|managing|working)",
    r"(?:proudest|biggest|greatest|hardest|toughest)",
)


def infer_kind(question: str) -> QuestionKind:
    """The kind a question's own words show; ``GENERAL`` when they show none.

    Read from the question alone, so any question (typed, imported, generated) gets
    one. A question that shows no kind is judged on its talking points and on being
    a direct answer, never as a story it did not ask for.
    """
    low = re.sub(r"\s+", " ", question.lower().replace("’", "'")).strip()
    cues, story_fallback = _compiled()
    for kind, pattern in cues:
        if pattern.search(low):
            return kind
    if story_fallback.search(low):
        return QuestionKind.STORY
    return QuestionKind.GENERAL


@cache
def _compiled() -> tuple[tuple[tuple[QuestionKind, re.Pattern[str]], ...], re.Pattern[str]]:
    """The cues, compiled once: a good part of the wait before the first screen, else."""
    return tuple((kind, re.compile(source)) for kind, source in _CUES), re.compile(_STORY_FALLBACK)
