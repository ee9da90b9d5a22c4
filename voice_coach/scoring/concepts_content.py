"""What an answer to a non-story question says: a plan, a reason, a summary, a figure,
a quality with its evidence.

These questions ("what would you do in your first month?", "why this job?", "tell
me about yourself", "what salary?", "your biggest weakness?") are judged on whether
the answer says something specific, so each reader weighs the concrete against the
generic: steps against platitudes, a reason tied to the speaker against praise any
company would get.
"""

from __future__ import annotations

import re

from voice_coach.scoring.concepts_common import FILLER_RE, find_spans, sentence_spans
from voice_coach.scoring.numbers import Span, find_numbers

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
    steps = find_spans(_STEP_RE, low)
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
    low = FILLER_RE.sub(lambda m: " " * len(m.group()), low)  # "you know" is no "you"
    if len(_GENERIC_PRAISE_RE.findall(low)) >= 2 and not find_numbers(low):
        return []
    if _THEM_RE.search(low) and _SELF_LINK_RE.search(low) and not _COMPLAINT_RE.search(low):
        them = find_spans(_THEM_RE, low)
        if not (_ONLY_MONEY_RE.search(low) and len(_REASON_RE.findall(low)) < 2):
            return them[:1] + find_spans(_SELF_LINK_RE, low)[:1]
    found = [
        s
        for s in sentence_spans(low)
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
    role = find_spans(_CURRENT_ROLE_RE, low)
    achieved = find_spans(_ACHIEVEMENT_RE, low) + [n.span for n in find_numbers(low)]
    if not role or not achieved or len(low.split()) < 30:
        return []
    if len(_LIFE_STORY_RE.findall(low)) >= 1 and low.count("and then") >= 2:
        return []  # a life story from birth, not where they are and what they bring
    if len(re.findall(r"\bthen\b", low)) >= 3 and len(low.split()) > 80:
        return []  # every job in order: a chronology, not a summary
    return [role[0], achieved[0]]


def why_this_role(low: str) -> list[Span]:
    return find_spans(_WHY_HERE_RE, low)


def range_or_figure(low: str) -> list[Span]:
    if _MONEY_DODGE_RE.search(low) and not re.search(r"\d|thousand|grand|\bk\b", low):
        return []
    return sorted({*find_spans(_MONEY_RE, low), *find_spans(_WORD_AMOUNT_RE, low)})


def backed_quality(low: str) -> list[Span]:
    """A named strength or weakness, and evidence or what they do about it."""
    from voice_coach.scoring.story import analyse_story
    from voice_coach.scoring.text import Text

    quality = find_spans(_QUALITY_RE, low)
    story = analyse_story(Text(low))
    evidence = sorted({*find_spans(_EVIDENCE_RE, low), *story.own_actions, *story.situation})
    if not evidence or len(low.split()) < 25 or (not quality and len(evidence) < 2):
        return []
    return [*quality[:1], evidence[0]]
