"""What an answer *does*, read by meaning: asks for time, says when, asks a question...

The closing moments of an interview are judged on acts, not on words: "could I sleep
on it and ring you tomorrow?", "give me forty-eight hours" and "can I come back to
you by Monday?" all ask for time, and "tomorrow", "end of the week" and "Monday" all
say when. Each concept is a small reader built from the parts of such acts (a request,
a span of time, a way of answering back, a question form), so a new wording made of
familiar parts is understood, not just the sentences someone thought of.

Each reader returns the spans that show its concept in the lowercased transcript
(empty when it is absent), so the feedback can point at the words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from voice_coach.scoring.numbers import Span, find_numbers

Reader = Callable[[str], list[Span]]

_NUM = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|a couple of|a few|couple of|few|several|"
    r"twenty[- ]four|forty[- ]eight|seventy[- ]two|one or two|two or three|a day or two)"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|wed|thurs|fri)"
_POINT_IN_TIME = (
    rf"(?:(?:this|next|on|by|before|until|till|first thing|early|late|end of|on the)\s+)?"
    rf"{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night|lunchtime|at the latest))?"
    r"|tomorrow(?:\s+(?:morning|afternoon|evening|night|lunchtime|at the latest))?"
    r"|tonight|this (?:evening|afternoon|weekend)|over the weekend|after the weekend"
    r"|(?:the |by the |before the |at the )?end of (?:the |this |next )?(?:day|week|month|business|"
    r"play|tomorrow)"
    r"|close of (?:play|business)|cob|eod|first thing|next week|early next week|later this week"
    r"|(?:in|within|inside|over)(?: the next)? "
    + _NUM
    + r" (?:working |business |more )?(?:hours?|days?|weeks?)"
    r"|" + _NUM + r" (?:working |business )?(?:hours?|days?)"
    r"|the (?:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|tenth|fifteenth|twentieth)\b"
    r"|(?:by|on|before) (?:the )?\d{1,2}(?:st|nd|rd|th)?\b"
    r"|(?:by|before|at|around) (?:noon|midday|lunch|lunchtime|\d{1,2}(?::\d\d)?\s*(?:am|pm|"
    r"o'clock)?)"
    r"|(?:in )?(?:a|one|two) days?'? time|by the weekend|the day after tomorrow"
)
_TIME_RE = re.compile(rf"\b(?:{_POINT_IN_TIME})\b")
_RESPONSE_RE = re.compile(
    r"\b(?:get|come|got|getting|coming|be|call|ring|phone|email|e-mail|text|write|circle|report)"
    r" back\b|\b(?:back to you|let you know|confirm|respond|response|reply|answer|decision|decide|"
    r"get in touch|be in touch|call you|ring you|phone you|email you|e-mail you|message you|"
    r"text you|drop you|send you|tell you|give you|hear from me|until|till|by|have it|"
    r"(?:48|24|72) hours|hours|days|sleep on it|think|consider|mull|reflect)\b"
)
_START_WORDS = re.compile(
    r"\b(?:start|starting|begin|beginning|join|joining|notice|available|availability|holiday)\b"
)

_REQUEST = (
    r"(?:could|can|may|might|would|will) (?:i|we|you)|i'?d (?:like|love|appreciate|prefer|need|"
    r"want)"
    r"|i would (?:like|love|appreciate|prefer|need|want)"
    r"|i (?:just |really |do |will |'ll |'d just |would just )?(?:need|want|would like|'d like)"
    r"|(?:is|would) it (?:be )?(?:ok|okay|alright|all right|possible|fine)|(?:if|"
    r"whether) i (?:could|can|may|might)"
    r"|let me|give me|allow me|(?:do|would) you mind|i'?m going to need|i'll need|i will need"
    r"|(?:i'?d|i would) (?:rather|just like|really like)|i'?m asking for|i'?ll (?:just )?(?:take|"
    r"have)"
    r"|i (?:just )?have to|i must|i should|i ought to|i'?ve got to|i got to|i gotta|i'?d have to"
)
_CONSIDER = (
    r"think (?:it|this|that|things|everything|the offer|about it|about this|about the offer)?"
    r"\s*(?:over|through|properly|carefully|about it|about this|it through)?"
    r"|sleep on (?:it|this|that|the offer)|mull (?:it|this|that|things)? ?over|digest (?:it|this|"
    r"everything)"
    r"|talk (?:it|this|that|things|everything)? ?(?:over|through)|discuss (?:it|this|that|"
    r"the offer|things)"
    r"|run (?:it|this|that|the offer) (?:by|past)|consider (?:it|this|that|the offer|everything|"
    r"things|"
    r"my options)?|reflect(?: on (?:it|this|that|the offer))?|weigh (?:it|this|that|things|"
    r"everything)? ?up"
    r"|look (?:over|at|through) (?:the|your|it|this|everything)|read (?:through|over|it|the)"
    r"|go (?:over|through) (?:the|it|this|everything)|review (?:the|it|this|everything)"
    r"|take (?:a|some|the) (?:little |bit of |few )?(?:time|day|days|moment|while|look|night|"
    r"weekend)"
    r"|have (?:a|some|the) (?:little |bit of |few )?(?:time|day|days|moment|while|look|night|"
    r"weekend)"
    r"|(?:get|have|take) back to you|come back to you|(?:get|come) back with an answer"
    r"|(?:speak|talk|check|chat) (?:to|with) (?:my|our) (?:partner|wife|husband|family|girlfriend|"
    r"boyfriend|spouse|other half|parents|current)"
)
_TIME_SPAN = (
    r"(?:some|a (?:little |bit of |few )?|the |a couple of |a few )?(?:time|days?|moment|while|"
    r"night|"
    r"weekend|breathing space|space)|" + _NUM + r" (?:more )?(?:hours?|days?)|until|till|overnight"
)
_ASKS_TIME_RE = re.compile(
    rf"\b(?:{_REQUEST})\b(?:\W+\w+){{0,6}}?\W+(?:{_CONSIDER}|{_TIME_SPAN})\b"
    r"|\b(?:sleep on (?:it|this|that|the offer)|mull (?:it|this|that) over|think (?:it|"
    r"this) over)\b"
    r"|\b(?:not|n't|rather not|won't|don't want to|prefer not to|before i|before we) "
    r"(?:\w+ ){0,3}(?:decide|commit|answer|give you an answer|sign|say yes|accept|rush)"
    r"|\b(?:time to (?:think|consider|reflect|digest|decide|talk|discuss|look|read|go over|weigh|"
    r"mull))"
    r"|\b(?:get|come|be) back to you\b"
    r"|\bneed (?:the|a|some|a few|a couple of|the odd) (?:weekend|day|days|time|night|while|"
    r"hours)\b"
    rf"|\b(?:the weekend|{_NUM} (?:days?|hours?|nights?)|some time|a little time|a bit of time) "
    r"to (?:think|consider|mull|decide|reflect|talk|discuss|weigh|look|read|sleep|go over)"
    rf"|\b{_NUM} (?:more )?(?:hours?|days?|nights?) (?:to|so i can) (?:decide|think|consider|mull|"
    rf"reflect|talk|"
    r"discuss|weigh|look|read|sleep|go over)"
)
_NOT_ASKS_TIME_RE = re.compile(
    r"\b(?:don'?t|do not|no) need (?:any )?(?:time|to think)|without (?:a|any) second thought"
)

_ACCEPT_RE = re.compile(
    r"\b(?:i(?:'ll| will)? (?:happily |gladly |definitely |absolutely )?accept(?!ed|ing)"
    r"|i'?d (?:be (?:happy|glad|delighted) to|love to) accept|yes,? i accept|i'?ll take it|"
    r"i will take it"
    r"|count me in|sign me up|where do i sign|when (?:do|can) i start|i'?m in\b|you'?ve got a deal|"
    r"it'?s a deal"
    r"|(?:yes|absolutely|definitely),? (?:i'?m|i am) in|the answer is yes|my answer is yes|"
    r"consider it accepted"
    r"|(?:yes|yeah|yep|absolutely),? (?:please|definitely|of course|let'?s do it|i'?ll do it)"
    r"|i (?:will|'ll|have to|must|'m going to|am going to) (?:have to )?(?:decline|turn (?:it|this|"
    r"you) down|pass)"
    r"|i'?m (?:going to|gonna) say (?:yes|no)|i accept (?:the|your) offer"
    r"|(?:it'?s|this is|that'?s) (?:just )?not (?:for me|the right (?:fit|move|role|job) for me)"
    r"|i'?m not (?:going to|gonna|able to) (?:take|accept)|i (?:have to|must|'ll have to) say no"
    r"|i don'?t think i (?:will|'ll|can|could) (?:take|accept))"
)
_ACCEPT_HEDGE_RE = re.compile(
    r"\b(?:but|before|once|if|would need|need to|want to|after|provided|think|consider|sleep|until|"
    r"however|just|first|probably|likely|in principle|inclined|leaning)\b"
)

_QUESTION_OPEN = (
    r"(?:what|what's|whats|how|how's|hows|when|whens|who|whos|who's|whom|where|wheres|which|why|is|"
    r"are|was|were|do|does|did|can|could|"
    r"would|will|should|has|have|had|may|might|shall)"
)
_INDIRECT_QUESTION = (
    r"i'?d (?:like|love|be interested|be curious|want) to (?:know|ask|hear|understand|find out|"
    r"learn)"
    r"|i would (?:like|love|be interested|want) to (?:know|ask|hear|understand|find out|learn)"
    r"|i (?:was|am|'m) (?:just )?(?:wondering|curious|interested to (?:know|hear)|keen to (?:know|"
    r"hear|understand))"
    r"|i wonder(?:ed)?|(?:could|can|would) you (?:tell|say|explain|walk|talk|describe|share|"
    r"give me|help me|"
    r"let me know|fill me in)|(?:tell|show) me (?:more )?(?:about|how|what|when|who|whether|if)"
    r"|my (?:first |other |last |main |one )?question (?:is|was|would be)|i (?:have|had|"
    r"'ve got) (?:a|one|two|"
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
    r"feedback (?:from|on) (?:today|this|the interview)|i can expect to hear)\b"
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

_MONEY_RE = re.compile(
    r"(?:[£$€]\s?\d[\d,.]*\s?(?:k|m|grand|thousand)?|\b\d[\d,.]*\s?(?:k|grand|thousand|pounds|"
    r"dollars|euros|quid|an hour|per hour|a year|per annum|p\.?a\.?)\b|\b(?:\w+[- ])?(?:thousand|"
    r"grand|"
    r"k)\b(?: pounds| dollars| euros| a year| per annum)?|\b(?:salary )?(?:range|band|bracket|"
    r"budget"
    r"(?:ed)?)\b|\bmarket rate\b|\bbetween \S+ and \S+)"
)
_AMOUNT_WORDS = (
    r"(?:k|grand|thousand|hundred|million|pounds?|dollars?|euros?|quid|bucks|lakhs?|lacs?|crores?|"
    r"rupees?|rand|naira|shillings?|pesos?|yen|francs?|ringgit|dirhams?|an hour|per hour|a year|"
    r"per annum|a month|per month)"
)
_WORD_AMOUNT_RE = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|\d[\d,.]*)(?:[- ](?:\w+)){0,3}? " + _AMOUNT_WORDS + r"\b"
)
_MONEY_DODGE_RE = re.compile(
    r"\b(?:whatever (?:you|you're|you are|is)|anything (?:is|would be) (?:fine|ok|okay)|i don'?t "
    r"(?:really )?(?:know|mind|care)|(?:rather|prefer) not (?:to )?say|not (?:bothered|fussed)|"
    r"up to you|i'?ll take (?:anything|whatever))\b"
)

_STEP_RE = re.compile(
    r"\b(?:i'?d|i would|i will|i'?ll|i'?m going to|i am going to|i plan to|i want to|i'?d want to|"
    r"i'?d like to|i would like to|my (?:first|next|main|top) (?:step|priority|move|job|focus|"
    r"goal)|"
    r"first(?:ly)?|second(?:ly)?|third(?:ly)?|then|next|after that|finally|start(?:ing)? (?:by|"
    r"with|off)|"
    r"begin(?:ning)? (?:by|with)|by the end of|within the first|in the first|in (?:week|month) "
    r"(?:one|two|three|\d)|step (?:one|two|\d))\b"
)
_PLATITUDE_RE = re.compile(
    r"\b(?:work (?:really )?hard|do my best|give (?:it )?(?:my all|a hundred|110|one hundred)|"
    r"hit the ground running|learn as much as (?:i can|possible)|go above and beyond|"
    r"be a team player)\b"
)

_THEM_RE = re.compile(
    r"\b(?:you|your|you'?re|this (?:role|job|position|company|team|organi[sz]ation|firm|business|"
    r"school|hospital|trust|charity|practice|place|sector)|the (?:role|job|position|company|team|"
    r"organi[sz]ation|product|mission|brand|work you do|people here)|here|yours|you guys)\b"
)
_REASON_RE = re.compile(
    r"\b(?:because|since|that'?s why|which is why|attract\w*|excit\w*|interest\w*|love|loved|"
    r"appeal\w*|"
    r"drawn|draws|drew|impress\w*|admire\w*|passion\w*|chance to|opportunity to|opportunities|"
    r"want to|"
    r"wanted to|keen to|align\w*|fit\w*|match\w*|mission|values|grow\w*|learn\w*|develop\w*|use my|"
    r"bring my|build on|step up|challenge|progress\w*|reputation|known for|focus on|moving towards|"
    r"looking for|believe in|care about|resonat\w*|inspir\w*|proud|purpose|impact)\b"
)
_GENERIC_PRAISE_RE = re.compile(
    r"\b(?:well[- ]known|great (?:company|place|reputation|team|culture)|good things|good "
    r"reputation|fit in|great place to work|new challenge|next step|grow and develop|good "
    r"opportunity|exciting (?:time|company|opportunity)|everyone says|market leader|really great)\b"
)
_SELF_LINK_RE = re.compile(
    r"\b(?:i'?ve (?:done|worked|been|led|built|spent|got|seen|used|volunteered|trained|run|managed|"
    r"taught|qualified|started|finished|completed|studied|delivered)|i have (?:done|worked|been|"
    r"led|"
    r"built|spent|seen|used|volunteered|trained|run|managed|taught)|i'?m (?:doing|studying|"
    r"training|"
    r"working|qualified)|im (?:doing|studying|training|working)|my (?:experience|background|time|"
    r"work|skills?|years?|career|degree|training|"
    r"job|role|team)|i (?:worked|led|built|spent|volunteered|studied|did|ran|managed|used|grew up|"
    r"trained|qualified|saw|noticed|read|met|followed|use|work|know|speak)|what i know|"
    r"i'?d be using|"
    r"use my|bring my|build on|from my|as a (?:customer|user|patient|parent|volunteer))\b"
)
_ONLY_MONEY_RE = re.compile(
    r"\b(?:money|pay|paid|salary|bonus|pension|benefits|commute|holiday|perks)\b"
)
_COMPLAINT_RE = re.compile(
    r"\b(?:hate|hated|toxic|terrible|awful|useless|can'?t stand|sick of|fed up|bored|underpaid|"
    r"idiot|nightmare|rubbish|clueless|micromanag\w*)\b"
)

_CURRENT_ROLE_RE = re.compile(
    r"\b(?:i'?m (?:a|an|currently|now|the|working|at|with|head|lead|senior|junior)|i am (?:a|an|"
    r"currently|"
    r"now|the|working)|i work(?:ed)? (?:as|at|for|in)|currently|at the moment|for the (?:last|"
    r"past) "
    r"\w+(?: \w+)? (?:years?|months?)|i'?ve been (?:a|an|the|working|at|with|in)|i have been (?:a|"
    r"an|the|"
    r"working|at|with|in)|my (?:current|last|previous|most recent) (?:role|job|position)|"
    r"i (?:qualified|trained|graduated|studied|started (?:out|my career))|i'?ve been \w+ing|"
    r"i have been \w+ing|i'?m (?:an?|the) (?!mum|mom|dad|mother|father|parent|fan|big|massive|huge|"
    r"keen|"
    r"people person|person|family)\w+)\b"
)
_LIFE_STORY_RE = re.compile(
    r"\b(?:i was born|grew up|my (?:mum|mom|dad|parents|family|childhood)|"
    r"went to (?:the local )?school|"
    r"went travell?ing)\b"
)
_ACHIEVEMENT_RE = re.compile(
    r"\b(?:led|built|launched|delivered|cut|reduced|increased|grew|saved|won|created|introduced|"
    r"designed|managed|ran|set up|turned around|improved|doubled|halved|raised|trained|mentored|"
    r"promoted|award\w*|recogni[sz]ed|commended|praised|proud\w*|achievements?|contribution|"
    r"tutor\w*|mentor\w*|biggest|strength|good at|known for|specialis\w*|"
    r"speciali[sz]\w*|expert\w*|skilled|background in)\b|\d"
)
_WHY_HERE_RE = re.compile(
    r"\b(?:this (?:role|job|position|opportunity)|why i'?m here|why i applied|that'?s why|"
    r"which is why|"
    r"(?:looking|ready|keen|excited) (?:for|to)|next step|apply\w*|applied|the role|your (?:team|"
    r"company|"
    r"organi[sz]ation|mission))\b"
)

_QUALITY_RE = re.compile(
    r"\b(?:strength|strengths|strongest|weakness|weaknesses|weakest|i'?m (?:really |very |quite |"
    r"pretty |not )?"
    r"(?:good|great|strong|bad|not great|terrible|calm|organi[sz]ed|reliable|patient|detail|"
    r"thorough|"
    r"quick|impatient|direct|persistent|analytical|creative|curious|a (?:\w+ )?(?:person|listener|"
    r"communicator|organi[sz]er|problem)) ?|i can be|i tend to|i struggle|i find it (?:hard|"
    r"difficult)|"
    r"i (?:used to|have a tendency)|my (?:biggest|main|greatest|real|one) \w+|people (?:say|"
    r"tell me)|"
    r"(?:they|colleagues|my manager|my team) (?:would|'d) (?:say|describe))\b"
)
_EVIDENCE_RE = re.compile(
    r"\b(?:for (?:example|instance)|last (?:year|month|week|spring|summer|autumn|winter|quarter)|"
    r"when i|one time|once|i (?:led|built|cut|reduced|fixed|solved|noticed|caught|spotted|"
    r"organi[sz]ed|"
    r"set up|started|took|turned|managed|ran|trained|found|made|created|introduced|wrote|got|"
    r"sorted|"
    r"rang|called|stayed|kept|checked|built|changed|redid|rebuilt|stepped|volunteered|offered|"
    r"asked|learned|learnt|realised|realized)|i'?ve (?:been (?:working|using|practi[sz]ing|taking|"
    r"trying|doing)|started|learned|learnt|taken|begun|signed up|joined)|since i|"
    r"(?:my|the) (?:manager|boss|team|head \w+|customer|client)s? (?:said|saw|asked|put|noticed|"
    r"told)|i now|now i|these days i|"
    r"so i (?:now|started|use|make|try|set|block|keep|write|ask|delegate|check|plan)|to (?:fix|"
    r"address|"
    r"improve|manage|tackle|work on|counter|deal with) (?:this|that|it)|which is why i|"
    r"that'?s why i|"
    r"as a result)\b|\d"
)


def _find(pattern: re.Pattern[str], low: str) -> list[Span]:
    return [m.span() for m in pattern.finditer(low)]


def _sentences(low: str) -> list[Span]:
    """Sentences, or (with no punctuation, as speech-to-text often gives) stretches of ~25 words."""
    spans: list[Span] = []
    start = 0
    for m in re.finditer(r"[.!?]+(?:\s|$)|\n", low):
        if low[start : m.end()].strip():
            spans.append((start, m.end()))
        start = m.end()
    if low[start:].strip():
        spans.append((start, len(low)))
    out: list[Span] = []
    for a, b in spans:
        words = list(re.finditer(r"\S+", low[a:b]))
        if len(words) <= 40:
            out.append((a, b))
            continue
        for i in range(0, len(words), 25):
            chunk = words[i : i + 30]
            out.append((a + chunk[0].start(), a + chunk[-1].end()))
    return out


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
    for a, b in _sentences(low):
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


# --- Readers ----------------------------------------------------------------------


def thanks(low: str) -> list[Span]:
    return _find(_THANKS_RE, low)


_THANKS_RE = re.compile(
    r"\b(?:thank(?:s| you| u)|many thanks|grateful|appreciate(?:d)?|cheers|"
    r"(?:that'?s|that is|what|such) (?:great|wonderful|fantastic|brilliant|amazing|lovely|exciting|"
    r"good) news|"
    r"i'?m (?:really |so |very |absolutely |genuinely )?(?:delighted|thrilled|excited|pleased|"
    r"honou?red|"
    r"flattered|chuffed|over the moon)|(?:really |so |very )?(?:pleased|delighted|thrilled|"
    r"excited) to "
    r"(?:hear|be offered|get)|means a lot|wow)\b"
)


def asks_time(low: str) -> list[Span]:
    if _NOT_ASKS_TIME_RE.search(low):
        return []
    return _find(_ASKS_TIME_RE, low)


def says_when(low: str) -> list[Span]:
    """A time by which they will answer: a time expression in a clause about responding."""
    found: list[Span] = []
    asked = bool(asks_time(low))
    for m in _TIME_RE.finditer(low):
        a, b = m.span()
        window = low[max(0, a - 90) : min(len(low), b + 60)]
        if _START_WORDS.search(low[max(0, a - 40) : b]) and not _RESPONSE_RE.search(
            low[max(0, a - 40) : a]
        ):
            continue  # "I could start on Monday": a start date, not a reply
        if asked or _RESPONSE_RE.search(window):
            found.append((a, b))
    return found


def accepts_now(low: str) -> list[Span]:
    """Accepting (or turning down) the offer outright: "Yes! I accept" stays a yes even when
    a request for time follows it; "I'd love to accept, but could I have till Friday?"
    (hedged in the same breath) is not one."""
    found: list[Span] = []
    for a, b in _sentences(low):
        sentence = low[a:b]
        for m in _ACCEPT_RE.finditer(sentence):
            if _ACCEPT_HEDGE_RE.search(sentence):
                continue
            found.append((a + m.start(), a + m.end()))
    return found


_PAY_RE = re.compile(
    r"\b(?:salary|salaries|pay|paid|overtime|bonus\w*|holidays?|annual leave|leave|pension|"
    r"weighting|perks?|benefits?|expenses|company car|parking|raise|pay rise|commission|"
    r"days? off|time off)\b"
)
_WORK_RE = re.compile(
    r"\b(?:role|job|work|works|working|project\w*|challeng\w*|success\w*|goals?|priorit\w*|"
    r"customers?|clients?|users?|products?|company|organi[sz]ation|plans?|strateg\w*|growth|grow|"
    r"training|develop\w*|learn\w*|progress\w*|day|week|typical|look like|team\w*|"
    r"colleagues?|manager|culture|department|people|tools?|problems?|biggest|best|"
    r"enjoy|like about|why|changes?|future|targets?|measure\w*|support\w*|responsib\w*|report\w*|"
    r"environment|office|remote|values?|mission|funding|budget|service\w*|patients?|pupils?|"
    r"students?|school|ward|shift\w*)\b"
)


_CLAUSE_SPLIT_RE = re.compile(r";|\band\b|\balso\b|\bplus\b|\?")
_FILLER_RE = re.compile(r"\b(?:um+|uh+|er+|erm+|like|you know|i mean|sort of|kind of)\b|,")


def _genuine(sentence: str) -> bool:
    """A question about the job, the team or the place: not only about pay or perks, nor
    only "when will I hear". Judged clause by clause: "how does the team work, and what's
    the salary?" asks something real; "annual leave, and parking?" does not."""
    for clause in _CLAUSE_SPLIT_RE.split(_FILLER_RE.sub(" ", sentence)):
        if len(clause.split()) < 3 or _PAY_RE.search(clause):
            continue
        if _DECISION_RE.search(clause):
            if _WORK_RE.search(_DECISION_RE.sub(" ", clause)):
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
    return [(a + m.start(), a + m.end()) for a, b in sentences for m in pattern.finditer(low[a:b])]


def asks_decision(low: str) -> list[Span]:
    return _within(_DECISION_RE, low, _question_sentences(low))


def asks_environment(low: str) -> list[Span]:
    asked = [s for s in _question_sentences(low) if _genuine(low[s[0] : s[1]])]
    return _within(_ENVIRONMENT_RE, low, asked)


def asks_writing(low: str) -> list[Span]:
    return _find(_WRITING_RE, low)


_WRITING_RE = re.compile(
    r"\b(?:in writing|written (?:offer|copy|confirmation|version|contract|details)|(?:send|email|"
    r"e-mail|"
    r"forward|share) (?:me |over |across )?(?:the |a |that |it |everything )?(?:offer|copy|"
    r"contract|details|"
    r"paperwork|terms|letter|package|in an email)|paperwork|offer letter|the contract|see (?:it|"
    r"the offer|"
    r"everything|the details|the terms) (?:written|on paper|in black and white)|black and white)\b"
)


_SEQUENCE_RE = re.compile(
    r"\b(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|then|next|after that|afterwards|finally|"
    r"start(?:ing)? (?:by|with|off)|begin(?:ning)? (?:by|with)|before (?:i|anything|doing)|"
    r"once (?:i|that)|"
    r"by the end of|within (?:the first|a|two|three|\d)|in (?:the first|my first|week|month) \w+|"
    r"(?:day|week|month) (?:one|two|three|thirty|sixty|ninety|\d+)|(?:thirty|sixty|ninety|30|60|"
    r"90) days?|"
    r"step (?:one|two|\d)|straight away|immediately|that (?:day|week|afternoon))\b"
)
_CONCRETE_ACT_RE = re.compile(
    r"\b(?:meet|sit down|one[- ]to[- ]ones?|call|ring|phone|email|read|review|audit|map|list|"
    r"shadow|visit|ask|check|book|set up|write|draft|agree|escalate|log|record|document|measure|"
    r"compare|test|pilot|trial|schedule|spreadsheet|report|data|numbers|figures|timeline|deadline|"
    r"each (?:of|person)|separately|in private|privately|together|facts|root cause)\b"
)
_BUZZ_RE = re.compile(
    r"\b(?:add value|adding value|strong relationships|key stakeholders|identify opportunities|"
    r"best practice|synerg\w*|leverage|hit the ground running|be supportive|feel valued|"
    r"use my judg\w*|adapt my approach|every situation'?s different|it'?s about communication|"
    r"do my best|work hard|go above and beyond|listening before acting|team player|"
    r"get to the bottom of it|whatever it takes|learn as much as (?:i can|possible))\b"
)


def concrete_steps(low: str) -> list[Span]:
    """Two or more concrete steps of a plan, in an order or with something to act on.

    "I'd meet each of them separately, then sit them down together" is a plan; "I'd be
    supportive and adapt my approach" is a platitude, however many "I'd"s it has.
    """
    steps = _find(_STEP_RE, low)
    if len(steps) < 2 or len(low.split()) < 20:
        return []
    sequence = len(_SEQUENCE_RE.findall(low))
    concrete = len(_CONCRETE_ACT_RE.findall(low))
    buzz = len(_BUZZ_RE.findall(low)) + len(_PLATITUDE_RE.findall(low))
    if sequence + concrete < 2 or buzz > sequence + concrete:
        return []
    return steps


def specific_reason(low: str) -> list[Span]:
    """A reason that names this job or organisation, tied to their own experience, and
    not only money, complaints or praise any company would get."""
    low = _FILLER_RE.sub(lambda m: " " * len(m.group()), low)  # "you know" is no "you"
    if len(_GENERIC_PRAISE_RE.findall(low)) >= 2 and not find_numbers(low):
        return []
    if _THEM_RE.search(low) and _SELF_LINK_RE.search(low) and not _COMPLAINT_RE.search(low):
        them = _find(_THEM_RE, low)
        if not (_ONLY_MONEY_RE.search(low) and len(_REASON_RE.findall(low)) < 2):
            return them[:1] + _find(_SELF_LINK_RE, low)[:1]
    found = [
        s
        for s in _sentences(low)
        if _THEM_RE.search(low[s[0] : s[1]]) and _REASON_RE.search(low[s[0] : s[1]])
    ]
    if not found:
        return []
    if not _SELF_LINK_RE.search(low):
        return []  # praise of "a great company" with nothing of their own tied to it
    positive = [s for s in found if not _COMPLAINT_RE.search(low[s[0] : s[1]])]
    money_only = all(
        _ONLY_MONEY_RE.search(low[s[0] : s[1]]) and len(_REASON_RE.findall(low[s[0] : s[1]])) < 2
        for s in positive
    )
    if not positive or money_only:
        return []
    return positive


def professional_summary(low: str) -> list[Span]:
    """Where they are now and something they are good at or have achieved."""
    role = _find(_CURRENT_ROLE_RE, low)
    achieved = _find(_ACHIEVEMENT_RE, low) + [n.span for n in find_numbers(low)]
    if not role or not achieved or len(low.split()) < 30:
        return []
    if len(_LIFE_STORY_RE.findall(low)) >= 1 and low.count("and then") >= 2:
        return []  # a life story from birth, not where they are and what they bring
    if len(re.findall(r"\bthen\b", low)) >= 3 and len(low.split()) > 80:
        return []  # every job in order: a chronology, not a summary
    return [role[0], achieved[0]]


def why_this_role(low: str) -> list[Span]:
    return _find(_WHY_HERE_RE, low)


def range_or_figure(low: str) -> list[Span]:
    if _MONEY_DODGE_RE.search(low) and not re.search(r"\d|thousand|grand|\bk\b", low):
        return []
    return sorted({*_find(_MONEY_RE, low), *_find(_WORD_AMOUNT_RE, low)})


def backed_quality(low: str) -> list[Span]:
    """A named strength or weakness, and evidence or what they do about it."""
    from voice_coach.scoring.story import analyse_story
    from voice_coach.scoring.text import Text

    quality = _find(_QUALITY_RE, low)
    story = analyse_story(Text(low))
    evidence = sorted({*_find(_EVIDENCE_RE, low), *story.own_actions, *story.situation})
    if not evidence or len(low.split()) < 25 or (not quality and len(evidence) < 2):
        return []
    return [*quality[:1], evidence[0]]


@dataclass(frozen=True)
class Concept:
    id: str
    text: str
    """The talking point it stands for, in the advice's words."""
    reader: Reader
    missing: str
    """What to say when it is missing: the advice, in plain words."""
    point: re.Pattern[str] | None = None
    """Matches a set author's wording of the same point ("asks for time to consider")."""


CONCEPTS: dict[str, Concept] = {
    c.id: c
    for c in (
        Concept(
            "thanks",
            "thanks them",
            thanks,
            "Thank them first: 'Thank you, that's wonderful news.'",
            re.compile(r"^thanks?\b|\bthanks them\b|\bthank"),
        ),
        Concept(
            "asks_time",
            "asks for time to consider",
            asks_time,
            "Don't decide on the spot: ask for time to consider it properly ('Could I have "
            "until Friday to think it over?').",
            re.compile(r"time to (?:consider|think|decide)|asks for time"),
        ),
        Concept(
            "says_when",
            "says when they will respond",
            says_when,
            "Say when you will give your answer: 'I'll call you by Friday.'",
            re.compile(
                r"says when .*(?:respond|reply|answer|get back)|when they will (?:respond|reply)"
            ),
        ),
        Concept(
            "asks_question",
            "asks at least one question",
            asks_question,
            "Ask them something: about the team, the work or what success looks like.",
            re.compile(r"asks (?:at least )?(?:one|a) (?:real |genuine )?question"),
        ),
        Concept(
            "asks_decision",
            "asks when a decision will be made",
            asks_decision,
            "Ask when they are likely to make a decision, and what the next steps are.",
            re.compile(
                r"when a decision|decision will be made|next steps?|when they will decide|"
                r"another round|timeline"
            ),
        ),
        Concept(
            "asks_environment",
            "asks about the working environment",
            asks_environment,
            "You can't see the workplace on a call: ask how the team works together "
            "(communication, hours, tools, onboarding).",
            re.compile(
                r"asks (?:about )?(?:how the team|the working environment|the culture|what it is "
                r"like|the team\b)"
            ),
        ),
        Concept(
            "asks_writing",
            "asks for the offer in writing",
            asks_writing,
            "Ask for the offer in writing before you accept anything.",
            re.compile(r"in writing"),
        ),
        Concept(
            "concrete_steps",
            "gives concrete steps",
            concrete_steps,
            "Give two or three concrete steps, in order: what you would do first, then next.",
        ),
        Concept(
            "specific_reason",
            "gives a reason specific to this job",
            specific_reason,
            "Give a reason that fits this job and organisation only: what in the role or the "
            "team draws you, and how it builds on what you have done.",
        ),
        Concept(
            "professional_summary",
            "sums up where you are and what you bring",
            professional_summary,
            "Sum up where you are now and one thing you do well or achieved, then why this "
            "role is the next step.",
        ),
        Concept(
            "why_this_role",
            "says why this role",
            why_this_role,
            "End with why this role is the right next step for you.",
        ),
        Concept(
            "range_or_figure",
            "gives a researched range or asks for the budget",
            range_or_figure,
            "Give a researched range ('between forty and forty-five thousand, in line with "
            "similar roles') or ask what the budgeted range is.",
        ),
        Concept(
            "backed_quality",
            "names a quality and backs it up",
            backed_quality,
            "Name the strength or weakness plainly, then back it up: a time it showed, or "
            "what you now do about it.",
        ),
    )
}

BLOCKERS: dict[str, Concept] = {
    "accepts_now": Concept(
        "accepts_now",
        "don't decide on the spot",
        accepts_now,
        "Don't decide at once, even if you are sure: thank them, ask for time to consider "
        "it properly, and say when you will respond.",
    )
}
"""Concepts that undo an answer: saying yes (or no) to an offer on the spot."""


def concept_for_point(point: str) -> Concept | None:
    """The concept a set author's talking point names, if any ("asks for time to consider")."""
    low = point.lower()
    for concept in CONCEPTS.values():
        if concept.point is not None and concept.point.search(low):
            return concept
    return None


_IRREGULAR_THIRD = {"is": "be", "has": "have", "does": "do", "goes": "go"}
_PERSON = (
    (re.compile(r"\bthey'?re\b"), "you're"),
    (re.compile(r"\bthey\b"), "you"),
    (re.compile(r"\btheir\b"), "your"),
    (re.compile(r"\bthemselves\b"), "yourself"),
)


def to_the_user(point: str) -> str:
    """A talking point as advice to the candidate: "says when they will respond" becomes
    "say when you will respond". Set authors describe the answer in the third person; the
    feedback speaks to the person who gave it."""
    first, _, rest = point.strip().partition(" ")
    low = first.lower()
    if low in _IRREGULAR_THIRD:
        verb = _IRREGULAR_THIRD[low]
    elif low.endswith("ies") and len(low) > 4:
        verb = low[:-3] + "y"
    elif low.endswith(("sses", "shes", "ches", "xes")):
        verb = low[:-2]
    elif low.endswith("s") and not low.endswith("ss"):
        verb = low[:-1]
    else:
        return point
    for pattern, replacement in _PERSON:
        rest = pattern.sub(replacement, rest)
    return f"{verb} {rest}".strip()
