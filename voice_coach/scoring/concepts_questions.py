"""The candidate's own questions: does the answer ask something, and about what?

Speech-to-text often gives no question marks, so a question is found by how its
clause opens ("how does the team...", "I'd like to know..."), and only the clauses
that ask count. A question of substance is about the role, the team or the work:
pay and "when will I hear" are fair to ask but are not what "any questions?" wants.

What a question is about is read from where the asking starts: in "the team sounds
great, when will you decide?" only the decision is asked. The team is its own topic,
not the working environment: "how big is the team?" and "who would I report to?" ask
about the people the candidate would join, not about hours or tools.
"""

from __future__ import annotations

import re

from voice_coach.scoring.concepts_common import FILLER_RE, sentence_spans
from voice_coach.scoring.numbers import Span

_QUESTION_OPEN = (
    r"(?:what|what's|whats|how|how's|hows|when|whens|who|whos|who's|whom|where|wheres|which|why|is|"
    r"are|was|were|do|does|did|can|could|"
    r"would|will|should|has|have|had|may|might|shall)"
)
_INDIRECT_QUESTION = (
    r"i'?d (?:like|love|be interested|be curious|want) to (?:know|ask|hear|understand|find out|"
    r"learn)"
    r"|i would (?:like|love|be interested|want) to (?:know|ask|hear|understand|find out|learn)"
    r"|i(?: was| am|'?m) (?:just |really |also |quite )?(?:wondering|curious|interested to "
    r"(?:know|hear)|keen to (?:know|"
    r"hear|understand))"
    r"|i wonder(?:ed)?|(?:could|can|would) you (?:tell|say|explain|walk|talk|describe|share|"
    r"give me|help me|"
    r"let me know|fill me in)|(?:tell|show) me (?:more )?(?:about|how|what|when|who|whether|if)"
    r"|my (?:first |other |last |main |one )?question (?:is|was|would be)|i(?: have| had|"
    r"'?ve got| got) (?:a|one|two|"
    r"a couple of|a few)(?: \w+)? questions?|one thing i'?d (?:like|love) to know|"
    r"i'?d like to understand"
    r"|(?:any|some) (?:idea|sense|indication) (?:of|on|about)|what'?s the|what are the|how does|"
    r"how do"
)
_QUESTION_RE = re.compile(rf"\b(?:{_INDIRECT_QUESTION})\b")
_NO_QUESTIONS_RE = re.compile(
    r"\b(?:no(?:,|\s)+(?:i think |i don'?t think |thanks|thank you|not really|nothing)|not really|"
    r"(?:you'?ve|you have|we'?ve|we have) (?:covered|answered|gone through|been through) "
    r"(?:it all|everything|all|most)|nothing (?:else|more|from me|at the moment|right now)|"
    r"(?:i )?don'?t (?:think i )?have any (?:questions|more)|no (?:more |further |"
    r"other )?questions)\b"
)

_STAGE_NOUN = r"(?:interviews?|stages?|rounds?|steps?|chats?|conversations?|assessments?)"
_STAGES = (
    r"(?:second|third|final|last|next|another|further|other|follow[- ]?up|more|any more) "
    rf"(?:interview )?{_STAGE_NOUN}|how many {_STAGE_NOUN}"
    r"|(?:rest|remainder|next part) of the process|(?:interview|selection|application) process"
)
"""The hiring process as stages: "is there a second interview?", "is this the last stage?",
"how many rounds are there?", "what does the rest of the process look like?"."""
_AFTER_TODAY = (
    r"(?:after|following|beyond) (?:today|this(?=\s*(?:$|[?.!,;\u2014-]|one\b|interview|"
    r"meeting|call|chat|conversation|stage|round|session|and\b|like\b|or\b|then\b))"
    r"|the (?:interview|meeting|call|chat|conversation)|we (?:finish|wrap up|are done|'re done))"
    r"|what'?s next(?!\s+(?:for|on|in|with)\b)|whats next(?!\s+(?:for|on|in|with)\b)"
    r"|what (?:is|comes) next|what happens then"
)
"""The time after this interview: asking what happens after today is asking about the
next steps, whatever the verb ("what happens after today", "what's the process after
this?", "is there anything after this, like a test?"). "After this project" is not it."""
_HEARING = (
    r"(?:will|would|should|shall|do|can|could|might|may) (?:i|we) (?:\w+ ){0,2}?"
    r"(?:hear|find out)(?!\s+(?:more|about|a bit|a little|what|how)\b)"
    r"|how (?:soon|quickly) (?:will|would|can|could|might|do|are|is|might) (?:i|we|you|they|"
    r"someone|the)"
)
"""The candidate hearing the outcome, asked in any tense: "will I hear either way?",
"would we find out this week?", "how soon might I know?". Hearing *more about* the role
is a different wish."""

_DECISION_RE = re.compile(
    r"\b(?:decision|decide|deciding|decided|hear back|hearing back|hear from you|hear something|"
    r"next steps?|next stage|next round|another round|further rounds?|second round|final round|"
    r"timeline|time ?line|timescales?|time ?frame|time ?scale|process from here|"
    r"recruitment process|"
    r"hiring process|go from here|goes from here|happens next|happens now|comes next|"
    r"how long (?:until|before|will|does|do)|"
    r"get back to (?:me|candidates|people|everyone|applicants)|let (?:me|candidates|people|"
    r"applicants|everyone) know|"
    r"be in touch|getting in touch|letting (?:me|people|candidates|us|everyone|applicants) know|"
    r"when (?:do|did) you (?:think|expect|hope|plan|reckon)|in post|make an offer|making offers?|"
    r"fill (?:the|this) (?:role|position|post)|"
    r"filled|someone (?:starting|in place|on board)|start date|starting date|shortlist|"
    r"(?:when|by when) (?:might|will|would|can|could|should|do|does|are|is) (?:i|we|you|they|"
    r"the role|"
    r"the position|someone|the successful)|when (?:are|were) you (?:hoping|looking|planning|"
    r"expecting|aiming)|"
    r"when (?:is|was) the (?:start|deadline|closing)|(?:wrap|wrapping) (?:things|this|it) up|"
    r"feedback (?:from|on) (?:today|this|the interview)|i can expect to hear|"
    + _STAGES
    + "|"
    + _AFTER_TODAY
    + "|"
    + _HEARING
    + r")\b"
)

_ENVIRONMENT_RE = re.compile(
    r"\b(?:how (?:does|do|will|would|is|are) (?:the |your |a |my )?(?:team|teams|people|everyone|"
    r"colleagues|you all|you guys|we)|(?:the |your )?team (?:work|works|working|communicat\w*|"
    r"keep|stay|get|meet|collaborat\w*)|work(?:s|ing)? together|communicat\w*|tools?|slack|zoom|"
    r"meetings?|stand-?ups?|check-?ins?|"
    r"catch-?ups?|one[- ]to[- ]ones?|hours|core hours|time ?zones?|overlap\w*|async\w*|onboard\w*|"
    r"induction|culture|day[- ]to[- ]day|collaborat\w*|equipment|laptop|kit|set[- ]?up|office|"
    r"in person|face[- ]to[- ]face|remote\w*|from home|hybrid|feedback|socials?|"
    r"get[- ]togethers?|meet[- ]?ups?|documentation|wiki|video|cameras?|flexib\w*|working pattern|"
    r"work[- ]life|balance|keep in touch|stay in touch|connected|isolat\w*|mentor\w*|buddy|"
    r"workspace|environment|routine|schedule|availability|channels?|rituals?|retros?|offsites?|"
    r"in the loop|visib\w*|trust|autonomy|pairing|pair)\b"
)


def _is_question(low: str, span: Span) -> bool:
    """Whether a sentence asks something: a question mark, an opening question word, or
    "I'd like to know"."""
    a, b = span
    text = low[a:b].strip()
    if not text or (_NO_QUESTIONS_RE.search(text) and "?" not in text):
        return False
    if "?" in text:
        return True
    body = _LEAD_RE.sub("", text)
    first = re.match(r"[a-z']+", body)
    if first and re.fullmatch(_QUESTION_OPEN, first.group()) and len(body.split()) > 2:
        return True
    return bool(_QUESTION_RE.search(text))


_LEAD_RE = re.compile(
    r"^(?:(?:um+|uh+|er+|erm+|so|and|well|also|just|oh|okay|ok|yeah|yes|great|right|then|sure|"
    r"actually|but|sorry|oh|right|okay then|last one|one more|one (?:other |last |more |"
    r"final )?thing|"
    r"another (?:thing|one)|i guess|i mean|like|"
    r"thanks|thank you|that'?s (?:great|helpful|really helpful|good to know)|brilliant|perfect|"
    r"lovely|"
    r"cool|and also|secondly|first(?:ly)?|finally|lastly)\b\W*)+"
)


_CLAUSE_EDGE_RE = re.compile(r"\s(?:and|also|but|plus|so)\s|;|\s-+\s|—")


def _question_sentences(low: str) -> list[Span]:
    """The parts of the answer that ask something.

    A sentence that ends in "?" asks as a whole. Without punctuation (speech-to-text
    often gives none) only the clauses that open as a question do: in "how many vets are
    on the rota and I guess I'll just wait to hear from you" the second clause asks nothing.
    """
    asked: list[Span] = []
    for a, b in sentence_spans(low):
        if "?" in low[a:b]:
            asked.append((a, b))
            continue
        start = a
        edges = [(a + m.start(), a + m.end()) for m in _CLAUSE_EDGE_RE.finditer(low[a:b])]
        for edge_start, edge_end in [*edges, (b, b)]:
            if _is_question(low, (start, edge_start)):
                asked.append((start, edge_start))
            start = edge_end
    return asked


_PAY_RE = re.compile(
    r"\b(?:salary|salaries|pay|paid|overtime|bonus\w*|holidays?|annual leave|leave|pension|"
    r"weighting|perks?|benefits?|expenses|company car|parking|raise|pay rise|commission|"
    r"days? off|time off)\b"
)
_WORK_RE = re.compile(
    r"\b(?:role|job|work|works|working|project\w*|challeng\w*|success\w*|goals?|priorit\w*|"
    r"customers?|clients?|users?|products?|company|organi[sz]ation|plans?|strateg\w*|growth|grow|"
    r"training|develop\w*|learn\w*|progress\w*|day|week|typical|look like|team\w*|"
    r"colleagues?|manag\w*|lead\w*|culture|department|people|tools?|problems?|biggest|best|"
    r"enjoy|like about|why|changes?|future|targets?|measure\w*|support\w*|responsib\w*|report\w*|"
    r"environment|office|remote|values?|mission|funding|budget|service\w*|patients?|pupils?|"
    r"students?|school|ward|shift\w*)\b"
)


_WHEN_RE = re.compile(
    r"\b(?:this|next|that|the end of the|end of the|by the|within a|in a|in the next|"
    r"the following) (?:day|week|month|fortnight)s?\b"
)
"""When the decision comes ("this week", "by the end of the month") is not the work: in a
question about hearing back, "week" is a date, not "a typical week"."""

_CLAUSE_SPLIT_RE = re.compile(r";|\band\b|\balso\b|\bplus\b|\?")


def _genuine(sentence: str) -> bool:
    """A question about the job, the team or the place: not only about pay or perks, nor
    only "when will I hear". Judged clause by clause: "how does the team work, and what's
    the salary?" asks something real; "annual leave, and parking?" does not."""
    for clause in _CLAUSE_SPLIT_RE.split(FILLER_RE.sub(" ", sentence)):
        if len(clause.split()) < 3 or _PAY_RE.search(clause):
            continue
        if _DECISION_RE.search(clause):
            if _WORK_RE.search(_WHEN_RE.sub(" ", _DECISION_RE.sub(" ", clause))):
                return True
            continue
        if re.search(r"[a-z]", clause) and (
            _WORK_RE.search(clause) or _OPEN_QUESTION_RE.search(clause)
        ):
            return True
    return False


_OPEN_QUESTION_RE = re.compile(r"\b(?:who|what|what's|whats|how|how's|hows|which|why|where)\b")


def asks_question(low: str) -> list[Span]:
    """Questions of substance: the role, the team, the work. Pay and "when will I hear"
    alone are fair to ask but are not what "any questions?" is listening for."""
    return [s for s in _question_sentences(low) if _genuine(low[s[0] : s[1]])]


def _within(pattern: re.Pattern[str], low: str, sentences: list[Span]) -> list[Span]:
    """The words that show a concept, inside the question sentences that ask it."""
    return [
        m.span() for a, b in sentences for m in pattern.finditer(low, _asked_from(low, (a, b)), b)
    ]


def asks_decision(low: str) -> list[Span]:
    return _within(_DECISION_RE, low, _question_sentences(low))


def asks_environment(low: str) -> list[Span]:
    asked = [s for s in _question_sentences(low) if _genuine(low[s[0] : s[1]])]
    return _within(_ENVIRONMENT_RE, low, asked)


_TEAM_RE = re.compile(
    r"\b(?:teams?|team-?mates?|colleagues?|co-?workers?|peers|department|dept|squad|crew|staff|"
    r"(?:my|the|your|our) (?:new |future |direct |line )?(?:manager|boss|supervisor|"
    r"team lead(?:er)?)|"
    r"the (?:people|others|rest of (?:the team|you))|how many (?:of you|people|staff|colleagues|"
    r"members)|people (?:i'?d|i would|i'?ll|i will|i'?m|i am|i might|i could|here|there)|"
    r"(?:what'?s|whats|what is|what are) (?:\w+ )?(?:everyone|everybody|people|the others) "
    r"(?:\w+ )?like|who(?:'?s| is| are| else| all)? (?:\w+ )?(?:on|in) (?:the|your|my) \w+"
    r"|who(?:'?s|m| else| all)?\b(?:\W+[\w']+){0,6}?\W+(?:work\w*|report\w*|manag\w*|lead\w*|"
    r"sit|sitting|sat|shar\w*|join\w*|alongside|next to|beside|under|supervis\w*|in charge|"
    r"answer(?:ing)? to|pair\w*|shadow\w*|look(?:ing)? after))\b"
)
"""The people the candidate would join, named as a group ("the team", "my colleagues",
"the department"), by a role over them ("my line manager"), by their number ("how many
of you are there?"), by what they are like ("what's everyone like?"), or asked after by
who: who they would work with, sit with, report to, share an office with."""
_NOT_THE_TEAM_RE = re.compile(
    r"\b(?:how many (?:people|of you|staff)? ?(?:\w+ ){0,2}(?:appl\w+|interview\w*|shortlist\w*|"
    r"candidates)|team[- ]?players?|(?:my|our) (?:current|old|previous|last|present|existing|own) "
    r"(?:team|colleagues|manager|boss|department)|(?:microsoft|ms) teams|teams (?:calls?|"
    r"meetings?|chats?|channels?|messages?)|(?:on|over|via|through|using|in) teams(?= |$)"
    r"(?! of\b)|hiring manager|(?:staff|team) (?:discount|party|parties|perks?))\b"
)
"""Team words that are not the team being joined: the candidate as a "team player", the
team they have now, Microsoft Teams, the hiring manager who decides."""


_OPENER_RE = re.compile(rf"\b{_QUESTION_OPEN}\b")
_BEFORE_OPENER_RE = re.compile(
    r"(?:^|[,;:.!?\u2014\u2013-]|\b(?:and|so|but|also|oh|then|just|yes|yeah|okay|ok|right|well|"
    r"sorry|now|one|thing|um+|uh+|er+|erm+|like|actually|plus|or))\W*$"
)
_ANAPHOR_RE = re.compile(
    r"\b(?:how (?:big|large|many)|what(?:'?s| is| are) (?:they|it|everyone|everybody) like"
    r"|who (?:are|is|'s) (?:they|in it|on it))\b"
)
"""A question about a team named before it in the same breath: "the team you described,
how big is it?", "the people in the office, what are they like?"."""


def _asked_from(low: str, span: Span) -> int:
    """Where the asking starts in a question sentence: at its first question word that
    opens a clause, or at "could you tell me"/"I'd like to know". What comes before it
    tells: in "the team sounds great, when will you decide?" only the decision is asked.
    Without such a start (a bare "and the team?") the whole sentence asks."""
    a, b = span
    starts = [m.start() for m in _QUESTION_RE.finditer(low, a, b)]
    for m in _OPENER_RE.finditer(low, a, b):
        if _BEFORE_OPENER_RE.search(low[a : m.start()]):
            starts.append(m.start())
            break
    return min(starts, default=a)


def asks_team(low: str) -> list[Span]:
    """Questions about the team: who is in it, how many, how it is made up and led, what
    the people are like, who the candidate would work with or report to. Only a clause
    that asks counts: "the team sounds great" tells, "I'm a real team player" is about
    the speaker."""
    blocked = [m.span() for m in _NOT_THE_TEAM_RE.finditer(low)]
    found: list[Span] = []
    for a, b in _question_sentences(low):
        if not _genuine(low[a:b]):
            continue
        start = _asked_from(low, (a, b))
        named = [
            m.span()
            for m in _TEAM_RE.finditer(low, a, b)
            if not any(x < m.end() and m.start() < y for x, y in blocked)
        ]
        if any(s >= start for s, _ in named) or (named and _ANAPHOR_RE.search(low, start, b)):
            found.append((a, b))
    return found
