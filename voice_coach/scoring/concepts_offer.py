"""Replying to a job offer: thanks, asks for time, says when, wants it in writing, and
does not accept (or turn it down) on the spot.

An offer on the phone is judged on a handful of acts, each built from parts (a request,
a span of time, a way of answering back), so a wording nobody wrote down is still
understood. The time expressions here are the largest patterns of all the readers.
"""

from __future__ import annotations

import re

from voice_coach.scoring.concepts_common import find_spans, sentence_spans
from voice_coach.scoring.numbers import Span

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
    r"|later (?:today|tonight|this (?:morning|afternoon|evening|week))|(?:by|before) (?:the end "
    r"of )?today"
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
    r"(?:called|rang|phoned|emailed|texted|messaged) you|"
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
    r"|(?:thought|thinking) (?:it|this|things|everything|the offer) (?:over|through)"
    r"|(?:thought|thinking) about (?:it|this|the offer)"
    r"|(?:sleep|slept|sleeping) on (?:it|this|that|the offer)"
    r"|(?:mull|mulled|mulling) (?:it|this|that|things)? ?over|digest (?:it|this|"
    r"everything)"
    r"|talk (?:it|this|that|things|everything)? ?(?:over|through)|discuss (?:it|this|that|"
    r"the offer|things)"
    r"|run (?:it|this|that|the offer) (?:by|past)|consider (?:it|this|that|the offer|everything|"
    r"things|"
    r"my options)?|reflect(?: on (?:it|this|that|the offer))?|weigh (?:it|this|that|things|"
    r"everything)? ?up"
    r"|look (?:over|at|through) (?:the|your|it|this|everything)|read (?:through|over|it|the)"
    r"|go (?:over|through) (?:the|it|this|everything)|review (?:the|it|this|everything)"
    r"|(?:take|taking) (?:a|some|the) (?:little |bit of |few |quick |proper |good )?"
    r"(?:time|day|days|moment|while|look|night|think|"
    r"weekend)"
    r"|(?:have|having) (?:a|some|the) (?:little |bit of |bit of a |few |quick |proper |good )?"
    r"(?:time|day|days|moment|while|look|night|think|"
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
_DEFER_REQUEST = (
    r"(?:could|can|may|might) (?:i|we)|(?:is|would) it (?:be )?(?:ok|okay|alright|all right|"
    r"possible|fine)|(?:if|whether) i (?:could|can|may|might)|(?:do|would) you mind if i"
    r"|let me|i'?ll|i will|i can|i could"
)
_DEFERRED_REPLY = (
    r"let you know(?!\s+(?:that|about|i\b|i'm|i'?ve|my))|give you (?:an?|my|the|our) (?:final |"
    r"proper |definite )?(?:answer|decision|response|reply)|confirm (?:with you|either way|then|"
    r"later|by|on|tomorrow|first thing)|(?:respond|reply)(?: to you)?(?: by| on| tomorrow| then)"
)
"""Asking to answer later is asking for time: "could I let you know on Friday?", "would it
be okay to give you an answer tomorrow?", "I'll let you know". A request, or a promise
of a later reply; "I should let you know that I have another offer" tells, not defers."""

_ASKS_TIME_RE = re.compile(
    rf"\b(?:{_REQUEST})\b(?:\W+\w+){{0,6}}?\W+(?:{_CONSIDER}|{_TIME_SPAN})\b"
    r"|\b(?:(?:sleep|slept|sleeping) on (?:it|this|that|the offer)|(?:mull|mulled|mulling) "
    r"(?:it|this|that) over|(?:think|thought|thinking) (?:it|"
    r"this) over)\b"
    r"|\b(?:not|n't|rather not|won't|don't want to|prefer not to|before i|before we) "
    r"(?:\w+ ){0,3}(?:decide|commit|answer|give you an answer|sign|say yes|accept|rush)"
    r"|\b(?:time to (?:think|consider|reflect|digest|decide|talk|discuss|look|read|go over|weigh|"
    r"mull))"
    r"|\b(?:get|come|be) back to you\b"
    r"|\b(?:once|after|when|until|till) (?:i'?ve|i have|i'?d|i) (?:had|taken|got) (?:a|some|the|"
    r"a bit of) (?:\w+ )?(?:think|time|look|chat|talk|read|night)\b"
    rf"|\b(?:{_DEFER_REQUEST})\b(?:\W+\w+){{0,4}}?\W+(?:{_DEFERRED_REPLY})"
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
    r"|i(?: will|'?ll| have to| must|'?m going to|'?m gonna| am going to) (?:have to )?"
    r"(?:decline|turn (?:it|this|"
    r"you) down|pass)"
    r"|i'?m (?:going to|gonna) say (?:yes|no)|i accept (?:the|your) offer"
    r"|(?:it'?s|this is|that'?s) (?:just )?not (?:for me|the right (?:fit|move|role|job) for me)"
    r"|i'?m not (?:going to|gonna|able to) (?:take|accept)"
    r"|i(?: have to| must|'?ll have to| will have to) say no"
    r"|i don'?t think i (?:will|'ll|can|could) (?:take|accept))"
)
_ACCEPT_HEDGE_RE = re.compile(
    r"\b(?:but|before|once|if|would need|need to|want to|after|provided|think|consider|sleep|until|"
    r"however|just|first|probably|likely|in principle|inclined|leaning)\b"
)


def thanks(low: str) -> list[Span]:
    """Thanks, or gladness at the news. Surprise alone ("wow", "gosh") is no thanks: in the
    labelled replies it stands next to a thank-you or in place of one."""
    return find_spans(_THANKS_RE, low)


_THANKS_RE = re.compile(
    r"\b(?:thank(?:s| you| u)|many thanks|grateful|appreciate(?:d)?|cheers|"
    r"(?:that'?s|that is|what|such) (?:great|wonderful|fantastic|brilliant|amazing|lovely|exciting|"
    r"good) news|"
    r"i'?m (?:really |so |very |absolutely |genuinely )?(?:delighted|thrilled|excited|pleased|"
    r"honou?red|"
    r"flattered|chuffed|over the moon)|(?:really |so |very )?(?:pleased|delighted|thrilled|"
    r"excited) to "
    r"(?:hear|be offered|get)|means a lot|ta (?:very much|so much|muchly))\b"
)


def asks_time(low: str) -> list[Span]:
    if _NOT_ASKS_TIME_RE.search(low):
        return []
    return find_spans(_ASKS_TIME_RE, low)


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
    for a, b in sentence_spans(low):
        sentence = low[a:b]
        for m in _ACCEPT_RE.finditer(sentence):
            if _ACCEPT_HEDGE_RE.search(sentence):
                continue
            found.append((a + m.start(), a + m.end()))
    return found


def asks_writing(low: str) -> list[Span]:
    return find_spans(_WRITING_RE, low)


_WRITING_RE = re.compile(
    r"\b(?:in writing|written (?:offer|copy|confirmation|version|contract|details)|(?:send|email|"
    r"e-mail|"
    r"forward|share) (?:me |over |across )?(?:the |a |that |it |everything )?(?:offer|copy|"
    r"contract|details|"
    r"paperwork|terms|letter|package|in an email)|paperwork|offer letter|the contract|see (?:it|"
    r"the offer|"
    r"everything|the details|the terms) (?:written|on paper|in black and white)|black and white)\b"
)
