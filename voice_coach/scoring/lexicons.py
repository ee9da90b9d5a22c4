"""Every word list the scorer uses, kept as plain data in one place.

The scorer's rules are about the *shape* of an accomplishment story (past tense,
first person, a change with a unit); these lists are the vocabulary those rules
are written over. Keeping them here means a missed phrase is fixed by adding a
word, not by touching the rules, and a reviewer can read the whole vocabulary
at once. Every entry is lowercase, words separated by single spaces: the scorer
turns each space into "any run of spaces or punctuation", because speech-to-text
output punctuates unpredictably or not at all.
"""

from __future__ import annotations

# Word lists are laid out by hand, several to a line, so the vocabulary reads as a table.
# fmt: off

# --- Speech-to-text noise --------------------------------------------------

FILLERS: tuple[str, ...] = (
    "um", "umm", "uh", "uhh", "uhm", "erm", "er", "ah", "eh", "hmm", "mm", "mhm",
    "like", "you know", "sort of", "kind of", "i guess",
)
"""Words a speaker drops between subject and verb without changing who did what."""

SUBJECT_VERB_ADVERBS: tuple[str, ...] = (
    "actually", "basically", "essentially", "literally", "just", "really", "then",
    "also", "personally", "myself", "quickly", "eventually", "finally", "first",
    "immediately", "ultimately", "even", "still", "soon", "later", "initially",
    "successfully", "single handedly", "single-handedly", "directly", "proactively",
    "actively", "carefully", "completely", "simply", "instead", "together", "pretty much",
    "at first", "at that point", "right away", "i",
)
"""Adverbs (and a stuttered "i") that sit between "I" and its verb: "I then quickly rewrote"."""

GAP_SUBJECTS: tuple[str, ...] = ("i'm", "i've", "i'd", "i", "we", "we're", "we'd")
"""Subjects after which fillers and adverbs are skipped in multi-word phrases."""

APOSTROPHE_DROPPABLE: frozenset[str] = frozenset({"i'm", "i've"})
"""Contractions some speech-to-text engines write without the apostrophe ("im", "ive"); every
"n't" form too. Not "we're", "we'll" or "it's": "were", "well" and "its" are words."""

# --- Numbers ----------------------------------------------------------------

NUMBER_UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9,
}
NUMBER_TEENS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
NUMBER_TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
NUMBER_SCALES: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "dozen": 12,
}
DIGIT_SCALE_SUFFIXES: dict[str, int] = {
    "k": 1_000, "m": 1_000_000, "mm": 1_000_000, "bn": 1_000_000_000,
}
"""Written shorthands after digits ("40k", "2m") as Whisper tends to print them."""

PERCENT_UNITS: tuple[str, ...] = (
    "%", "percent", "per cent", "percentage points", "percentage point",
)
MONEY_UNITS: tuple[str, ...] = (
    "dollars", "dollar", "bucks", "pounds", "pound", "euros", "euro", "quid", "grand",
    "usd", "gbp", "eur",
)
CURRENCY_SYMBOLS: tuple[str, ...] = ("$", "£", "€")
TIME_UNITS: tuple[str, ...] = (
    "seconds", "second", "secs", "sec", "minutes", "minute", "mins", "min", "hours", "hour",
    "hrs", "days", "day", "weeks", "week", "months", "month", "years", "year", "quarters",
    "quarter", "sprints", "sprint", "business days", "working days",
)
MULTIPLIER_UNITS: tuple[str, ...] = ("x", "times", "fold", "-fold")
MULTIPLIER_VERBS: tuple[str, ...] = (
    "doubled", "tripled", "trebled", "quadrupled", "halved", "tenfold", "twofold", "threefold",
    "in half", "by half", "by a half", "by a third", "by a quarter", "half the",
)
"""Changes stated without digits: a past-tense multiplier is a quantified result by itself."""

TIMES_MULTIPLIER_FOLLOWERS: tuple[str, ...] = (
    "faster", "quicker", "more", "less", "fewer", "higher", "lower", "bigger", "larger",
    "smaller", "cheaper", "better", "as", "over", "the",
)
"""After "three times" these make a multiplier ("three times faster"), not a count of occasions."""

YEAR_CONTEXT_BEFORE: tuple[str, ...] = (
    "in", "since", "from", "during", "until", "till", "by", "of", "around", "circa", "back",
    "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "year",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
"""Words that make a bare 1900-2099 a calendar year ("in 2019"), not a count ("2019 users")."""

YEAR_ANCHOR_BEFORE: frozenset[str] = frozenset({
    "in", "back", "during", "around", "circa", "early", "late", "mid", "spring",
    "summer", "autumn", "fall", "winter", "of", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
})
"""Before a year, these place the story in time ("back in 2019"). Not "by 2026" (a deadline)
nor "since 2012" (a career span)."""

# --- Situation: one specific past episode -----------------------------------

TIME_UNITS_FOR_ANCHORS: tuple[str, ...] = (
    "year", "month", "week", "quarter", "summer", "spring", "autumn", "fall", "winter",
    "sprint", "semester", "term", "season", "christmas", "weekend", "friday", "monday",
    "tuesday", "wednesday", "thursday", "saturday", "sunday", "night", "time",
)
MONTHS: tuple[str, ...] = (
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december",
)
"""Month names ("in march"); "may" is left out because "in may" is too often the modal verb."""

PAST_RELATIVE: tuple[str, ...] = (
    "last", "this past", "that", "earlier this", "the following", "the next",
)
"""Before a time unit: "last quarter", "that summer", and in a narrative "the next week"."""

AGO_QUANTIFIERS: tuple[str, ...] = (
    "a few", "a couple of", "a couple", "couple of", "few", "several", "many", "some", "a",
    "an", "a number of",
)
ORG_NOUNS: tuple[str, ...] = (
    "job", "role", "company", "employer", "position", "team", "internship", "placement",
    "workplace", "startup", "start-up", "firm", "agency", "project", "contract", "gig",
    "post", "manager", "boss", "client", "organisation", "organization", "department",
    "store", "shop", "restaurant", "school", "hospital", "practice", "office", "branch",
    "apprenticeship", "residency", "rotation", "secondment", "shift", "ward", "year",
    "semester", "degree", "course", "season", "tour", "deployment", "assignment",
)
PREVIOUS_ADJECTIVES: tuple[str, ...] = (
    "previous", "last", "former", "old", "prior", "past", "first", "second", "current",
    "present",
)
EPISODE_NOUNS: tuple[str, ...] = (
    "project", "launch", "migration", "rollout", "release", "deal", "campaign", "initiative",
    "audit", "merger", "acquisition", "redesign", "integration", "outage", "incident",
    "reorg", "reorganisation", "reorganization", "pitch", "tender", "conference", "event",
    "upgrade", "transition", "crisis",
)
"""Things that happen once: being "on the billing migration" places the story."""

SITUATION_PHRASES: tuple[str, ...] = (
    "one time", "on one occasion",
    "there was a time", "there was this time", "there was one time", "a time when",
    "the time when", "back then", "at the time", "at that time", "back in",
    "during my time", "in my time at", "my time at", "my time with", "when i started there",
    "yesterday", "earlier this year", "earlier this month", "earlier this week",
    "the other day", "the other week", "recently", "in the middle of a",
    "in the middle of the", "in the middle of our", "right before", "right after",
    "the night before", "the day before", "the week before", "at one point",
    "this one time", "there was this", "i remember when", "i remember once",
    "i remember one", "i remember this", "i remember the", "the week our", "the day our",
    "the month our", "the year our", "the week the", "the day the", "the night our",
    "the time our", "the time we", "the time i",
)
ONE_TIME_UNITS: tuple[str, ...] = (
    "day", "morning", "afternoon", "evening", "night", "week", "weekend", "quarter",
    "sprint", "summer", "winter", "spring", "autumn", "month", "year", "shift", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)
"""After "one", a story opener ("one day, a customer called")..."""

DURATION_PREPOSITIONS: tuple[str, ...] = (
    "to", "in", "for", "within", "just", "only", "than", "about", "under",
)
"""...unless one of these comes first: then "one day" is a length ("down to one day")."""

ORDINAL_PERIODS: tuple[str, ...] = ("first", "second", "third", "last", "final", "early")
"""Before a time unit: "in my first month", "during our final week"."""

PERIOD_INTO: tuple[str, ...] = ("into", "after", "before", "after joining", "into my", "into the")
"""After "three months", these anchor in time: "three months into my first job"."""

WHEN_CONJUNCTIONS: tuple[str, ...] = (
    "when", "while", "back when", "after", "before", "right after", "just after",
    "soon after", "shortly after", "the day", "the week", "where", "the year", "the month",
)
CLAUSE_SUBJECT_PRONOUNS: tuple[str, ...] = (
    "i", "we", "they", "he", "she", "it", "everyone", "nobody",
)
CLAUSE_DETERMINERS: tuple[str, ...] = (
    "the", "our", "my", "a", "an", "one", "this", "that", "their", "his", "her", "some", "two",
    "three",
)
"""A past clause opened by "when"/"where" names a moment or place: "when our lead developer
left", "at the hospital where I trained". Its subject is a pronoun or a short noun phrase."""

IRREGULAR_PAST_STATES: frozenset[str] = frozenset({
    "was", "were", "had", "left", "came", "went", "saw", "heard", "felt", "became", "knew",
    "thought", "fell", "lost", "began", "found", "told", "got", "broke", "quit", "took",
})
"""Irregular past verbs that are not deeds but still put a clause in the past."""

WHEN_I_CONTINUATIONS: tuple[str, ...] = (
    "was", "were", "worked", "joined", "first joined", "started", "first started", "moved",
    "took over", "had just", "got", "arrived", "inherited", "became",
)
"""After "when I": "when I was at", "when I joined" open an episode rather than report an action."""

WHEN_WE_CONTINUATIONS: tuple[str, ...] = (
    "were", "had", "got", "started", "moved", "lost", "launched",
)

SETUP_I: tuple[str, ...] = (
    "i was asked", "i was tasked", "i was given", "i was assigned", "i was put in charge",
    "i was brought in", "i was hired", "i was working", "i was leading", "i was managing",
    "i was running", "i was responsible", "i was in charge", "i was the only",
    "i was the new", "i was new", "i was on call", "i was part of", "i was handed",
    "i was transferred", "i was about to", "i was supporting", "i was covering",
    "i was doing", "i was helping", "i noticed", "i realized", "i realised", "i discovered",
    "i inherited", "i found out", "i learned that", "i learnt that", "i saw that",
    "i spotted", "i joined", "i got a call", "i got an email", "i got a message",
    "i was approached",
)
"""Past-tense first-person openings that set a scene ("I was asked to...") rather than act."""

SETUP_EXISTENTIAL: tuple[str, ...] = (
    "there was a", "there was an", "there was this", "there was one", "there were",
    "we had a", "we had an", "we had this", "we had one", "we had two", "we had three",
    "we had some", "we had several", "we had to", "we had just", "we were about to",
    "we were asked", "we were given", "we were working", "we were running",
)
PROBLEM_STATES: tuple[str, ...] = (
    "about to", "losing", "behind", "late", "failing", "struggling", "unhappy",
    "frustrated", "stuck", "missing", "running out", "overdue", "over budget",
    "under pressure", "falling behind", "churning", "threatening", "complaining",
    "slipping", "crashing", "breaking", "down", "overloaded", "understaffed", "delayed",
    "blocked", "angry", "upset", "leaving", "in trouble", "poor", "low", "slow", "high",
    "incomplete", "inconsistent", "unreliable", "broken", "wrong", "messy", "chaotic",
    "confusing", "outdated", "manual", "expensive", "falling", "dropping", "rising",
    "piling up", "getting worse", "at risk", "out of date", "out of control", "lost",
    "unclear", "short staffed", "short-staffed", "burning out", "drowning", "overwhelmed",
    "demotivated", "disengaged", "worried", "stressed", "furious", "dissatisfied",
    "taking", "costing", "stalled", "stagnant", "flat", "declining", "underperforming",
    "disagreeing", "fighting", "arguing", "not working", "not talking", "far behind",
)
"""Trouble that opens a story: every accomplishment is a problem that got solved."""

STATE_INTENSIFIERS: tuple[str, ...] = (
    "really", "very", "so", "often", "always", "constantly", "quite", "completely", "badly",
    "seriously", "pretty", "too", "getting", "becoming", "already", "still", "way", "just",
    "totally", "extremely", "almost", "regularly", "increasingly",
)
PROBLEM_STATE_VERBS: tuple[str, ...] = (
    "was", "were", "had been", "kept", "started", "began", "got",
)
"""Past verbs before a problem state: "our releases kept slipping", "sales were really poor"."""

PAST_NEGATIONS: tuple[str, ...] = (
    "didn't", "did not", "wasn't", "was not", "weren't", "were not", "couldn't",
    "could not", "hadn't", "had not", "had no", "nobody knew", "no one knew",
    "nobody wanted", "no one wanted", "nobody was", "no one was",
)
"""Past negatives describe a gap at a point in time ("the team didn't have tests")."""

ACTOR_NOUNS: tuple[str, ...] = (
    "client", "customer", "manager", "boss", "colleague", "coworker", "co-worker",
    "stakeholder", "director", "user", "vendor", "supplier", "team", "partner", "lead",
    "ceo", "cto", "vp", "founder", "patient", "student", "investor", "project", "deadline",
    "system", "server", "site", "website", "app", "release", "launch", "budget",
)
ACTOR_DETERMINERS: tuple[str, ...] = (
    "a", "an", "the", "our", "my", "one", "this", "one of our", "one of my",
)
ACTOR_PAST_VERBS: tuple[str, ...] = (
    "asked", "wanted", "complained", "came", "called", "escalated", "threatened", "needed",
    "told", "reported", "emailed", "was", "were", "had", "went down", "crashed", "failed",
    "slipped", "missed", "changed", "got cut", "collapsed", "quit", "left", "raised",
)

ROLE_OPENERS: tuple[str, ...] = ("while", "whilst", "when")
ROLE_GERUNDS: tuple[str, ...] = (
    "working", "employed", "serving", "volunteering", "studying", "interning", "temping",
    "training", "placed", "based",
)
ROLE_PREPOSITIONS: tuple[str, ...] = ("as", "at", "in", "for", "on", "with")
""""While working as a server...": the role the story happens in (a place, not a moment)."""

DAY_DETERMINERS: tuple[str, ...] = ("a", "one", "that", "the", "one particular")
WEEKDAYS: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)
""""On a busy Saturday night" dates a story as surely as "last year" does."""

POSSESSIVES: tuple[str, ...] = ("my", "our")
SCENE_PREPOSITIONS: tuple[str, ...] = ("at", "in", "on", "during", "with", "for", "from")
"""Before "my previous job": "at my previous job", "with my old team"."""
DURING_DETERMINERS: tuple[str, ...] = ("my", "our", "the", "a", "that")
EPISODE_PREPOSITIONS: tuple[str, ...] = ("on", "during", "for", "in", "at")
EPISODE_DETERMINERS: tuple[str, ...] = (
    "a", "one", "the", "this", "that", "our", "my", "a big", "a major",
)
NOT_AN_EPISODE_AFTER: tuple[str, ...] = (
    "management", "manager", "managers", "planning", "lifecycle", "plan", "plans",
    "methodology",
)
"""After an episode noun these make it a discipline: "in project management" is no project."""

# --- Action: what the speaker did -------------------------------------------

IRREGULAR_PAST_ACTIONS: frozenset[str] = frozenset({
    "built", "rebuilt", "led", "made", "remade", "wrote", "rewrote", "ran", "reran", "took",
    "gave", "set", "reset", "put", "found", "brought", "sent", "spoke", "told", "drove",
    "began", "chose", "caught", "cut", "fought", "held", "kept", "met", "paid", "sold",
    "taught", "won", "went", "did", "redid", "came", "drew", "dug", "split", "spent", "shut",
    "sought", "stood", "struck", "threw", "undertook", "overcame", "oversaw", "rode", "shook",
    "stuck", "withdrew", "wound", "bet", "bought", "broke", "flew", "hid", "hit", "let",
    "lent", "quit", "read", "rang", "rose", "said", "sat", "spun", "tore", "got", "dealt",
    "laid", "sped", "swept", "forgave", "upheld", "withheld", "outlined", "redrew", "bid",
    "fed", "grew", "shot", "slid", "stepped", "understood",
})
"""Irregular simple-past verbs of doing. Perception and feeling ("saw", "felt", "thought")
are left out on purpose: they tell what happened to the speaker, not what they did."""

NON_ACTION_ED: frozenset[str] = frozenset({
    "liked", "loved", "enjoyed", "wanted", "wished", "hoped", "needed", "preferred",
    "seemed", "appeared", "happened", "belonged", "supposed", "assumed", "expected",
    "learned", "realized", "realised", "noticed", "remembered", "wondered", "worried",
    "feared", "hated", "struggled", "joined", "failed", "aimed", "intended", "cared",
    "believed", "considered", "guessed", "appreciated", "deserved", "lacked", "missed",
    "panicked", "inherited", "discovered", "spotted", "graduated", "tired", "bored",
    "excited", "interested", "surprised", "shocked", "stressed", "annoyed", "pleased",
    "frustrated", "overwhelmed", "scared", "confused", "amazed", "impressed",
    "hundred", "named",
})
"""Words in -ed after "I" that report a state, wish or discovery, not an action taken."""

PRESENT_TENSE_ED: frozenset[str] = frozenset({
    "need", "feed", "proceed", "succeed", "exceed", "speed", "bleed", "breed", "seed",
    "heed", "weed", "embed", "shed", "bed", "red", "wed", "shred", "sled", "ted", "ed",
})
"""Present-tense or non-verb words that merely end in "ed"."""

ACTION_HELPERS: tuple[str, ...] = (
    "was able to", "had to", "got to", "went ahead and", "took it upon myself to",
    "stepped in and", "stepped up and", "took charge", "took the lead", "took ownership",
    "took responsibility", "made sure", "made the call", "made the decision",
)
"""Multi-word past actions whose head verb alone would be filtered or ambiguous."""

# --- Not an episode: habits, qualities, hypotheticals ------------------------

HABITUAL_PHRASES: tuple[str, ...] = (
    "i always", "i usually", "i normally", "i typically", "i generally", "i often",
    "i consistently", "i regularly", "i constantly", "i frequently", "i tend to", "i try to",
    "i like to", "i love to", "i make sure", "i make a point",
    "i make it a point", "i prefer to", "i focus on", "i've always", "i have always",
    "i would always", "i'd always", "i used to", "whenever", "every time", "each time",
    "i was always", "i'm always", "i am always", "i was often", "i would often", "i'd often",
    "i would usually", "i'd usually", "i would normally", "i'd normally", "i would generally",
    "i'd generally", "i would typically", "i'd typically", "most of the time",
    "as a rule", "in general", "generally speaking", "my approach is", "my strategy is",
    "my style is", "my philosophy is", "i believe in", "i consider myself",
    "i would describe myself", "i'd describe myself", "i pride myself",
    "i'm the kind of person", "i am the kind of person", "i'm the type of person",
    "i am the type of person", "i'm someone who", "i am someone who", "you should",
    "you need to", "you have to", "you'd want to", "the key is", "it's important to",
    "it is important to",
)
QUALITY_SUBJECTS: tuple[str, ...] = ("i'm", "i am", "i've always been", "i have always been")
QUALITY_INTENSIFIERS: tuple[str, ...] = (
    "very", "really", "quite", "extremely", "super", "pretty", "so", "a very", "a really", "a",
)
QUALITIES: tuple[str, ...] = (
    "hard worker", "hardworking", "hard working", "hard-working", "team player",
    "people person", "detail oriented", "detail-oriented", "organized", "organised",
    "good communicator", "great communicator", "quick learner", "fast learner",
    "passionate", "motivated", "self motivated", "self-motivated", "reliable", "proactive",
    "perfectionist", "problem solver", "results driven", "results-driven",
    "results oriented", "natural leader", "dedicated", "flexible", "adaptable", "creative",
    "analytical", "good at", "great at", "strong", "determined", "driven", "committed",
    "dependable", "hands on", "hands-on", "honest", "punctual", "calm under pressure",
)
"""Self-descriptions that stand in for an example ("I'm a hard worker")."""

HYPOTHETICAL_PHRASES: tuple[str, ...] = (
    "i would", "i will", "i'll", "i'm going to", "i am going to", "i'm gonna", "i could",
    "i might", "i should", "if i were", "if i was", "if i had to", "if i ever",
    "what i would do", "what i'd do", "we would", "we will", "we'll",
    "my plan would be", "my approach would be", "the first thing i'd",
    "the first thing i would", "ideally", "hypothetically", "in that case",
    "in that situation i", "in a situation like that", "i plan to", "i'm planning to",
    "i am planning to", "i want to", "i hope to", "i intend to", "we aim to", "we plan to",
    "we're planning to", "we want to", "we hope to", "our goal is", "my goal is",
    "the plan is",
)
I_D_PARTICIPLES: frozenset[str] = frozenset({
    "driven", "written", "taken", "given", "chosen", "broken", "forgotten", "fallen",
    "ridden", "risen", "shown", "grown", "thrown", "drawn", "beaten", "hidden", "proven",
    "stolen", "shaken", "been", "done", "had", "made", "built", "led", "gone", "seen", "got",
    "gotten", "run", "set", "put", "found", "brought", "sent", "spoken", "told", "come",
    "already", "just", "never", "only", "recently", "previously", "spent", "left", "won",
    "heard", "known", "become", "begun", "kept", "met", "paid", "sold", "taught",
    "said",
})
"""After "I'd" these mean "I had" (past perfect, a real episode), not "I would"."""

HEDGE_VERBS: frozenset[str] = frozenset({
    "say", "think", "guess", "imagine", "argue", "add", "like", "love", "describe", "have",
    "be", "rate", "call", "put", "class", "count", "consider",
})
"""After "I would"/"I'd" these are hedges or politeness ("I'd say last year...", "I'd like to
ask"), not plans; "I'll be graduating" and "I'd have to say" are no plans either."""

HABIT_ADVERBS: frozenset[str] = frozenset({
    "often", "usually", "always", "normally", "generally", "typically", "sometimes",
    "regularly",
})
"""After "I'd"/"I would" these make it a habit ("I'd often stay late"), not a plan."""

CONDITIONAL_MARKERS: tuple[str, ...] = (
    "if", "whenever", "unless", "suppose", "supposing", "imagine", "hypothetically",
)
"""Just before a scene ("if a project was falling behind"), these make it imagined."""

CAREER_SUMMARY_SUBJECTS: tuple[str, ...] = ("i have", "i've", "i have always", "i've always")
CAREER_NOT_PARTICIPLES: frozenset[str] = frozenset({"got", "gotten"})
"""After "I've", "got" is "have" ("I've got a bad feeling"), not a career summary."""
"""With a participle ("I have managed teams"), a career summary rather than one episode."""

RELATIVE_WORDS: frozenset[str] = frozenset({
    "what", "that", "which", "who", "whom", "where", "everything", "anything", "all",
    "since", "ever", "than", "best", "worst", "hardest", "biggest", "only", "thing",
})
"""Before "I've done...", these make it a relative clause ("the hardest call I've made"),
not a summary of the speaker's career."""

HYPOTHETICAL_QUESTION_CUES: tuple[str, ...] = (
    "what would you", "how would you", "what would your", "what if", "imagine",
    "suppose", "if you were", "if you had to", "how will you", "what will you",
)

# --- Result: what changed -----------------------------------------------------

CHANGE_VERBS_PAST: tuple[str, ...] = (
    "cut", "reduced", "decreased", "lowered", "increased", "boosted", "improved", "grew",
    "doubled", "tripled", "trebled", "quadrupled", "halved", "saved", "shortened",
    "sped up", "accelerated", "eliminated", "prevented", "avoided", "dropped", "fell",
    "rose", "climbed", "jumped", "shrank", "shrunk", "slashed", "trimmed", "went up",
    "went down", "went from", "came down", "brought down", "took it from", "took us from",
    "got it down", "got it from", "brought it from", "brought it down", "freed up", "recovered",
    "generated", "brought in", "earned", "secured", "landed", "gained", "beat", "exceeded",
    "surpassed", "outperformed", "expanded", "minimised", "minimized", "maximised",
    "maximized", "removed", "fixed", "resolved", "solved", "stabilised",
    "stabilized", "streamlined", "simplified", "automated", "cleared", "stopped",
    "disappeared", "went away", "vanished", "ceased", "risen", "fallen", "grown", "gone up",
    "gone down", "gone from", "come down", "shrunk", "been cut", "been reduced", "halved",
    "got down", "stopped crashing", "stopped happening",
)
"""Past-tense verbs whose meaning is a change in the world: "it cut the errors". With "I" as
the subject ("I improved processes") they report the action, and count as a result only
with a number attached."""

OUTCOME_PHRASES: tuple[str, ...] = (
    "renewed", "adopted", "signed", "approved", "accepted", "won", "succeeded", "passed",
    "retained", "thanked", "praised", "recognized", "recognised", "rewarded", "promoted",
    "went live", "paid off", "it worked", "that worked", "this worked", "was a success",
    "was a big success", "was a huge success", "was successful", "turned around",
    "turned it around", "turned things around", "on time", "on budget", "under budget",
    "ahead of schedule", "ahead of time", "before the deadline", "met the deadline",
    "met our deadline", "made the deadline", "hit the deadline", "hit our target",
    "hit the target", "hit our goal", "met our target", "met the target", "closed the deal",
    "closed the sale", "got promoted", "was promoted", "became the standard",
    "became the default", "became standard", "still use", "still uses", "still using",
    "still in use", "never happened again", "no longer", "stopped complaining",
    "stopped happening", "no more complaints", "zero complaints", "zero errors",
    "zero defects", "zero incidents", "zero bugs", "zero downtime", "as a result",
    "the result was", "the outcome was", "which meant", "that meant", "this meant",
    "proud of is", "proudest of is", "the best part is", "the best part was", "the best bit is",
    "the best bit was", "the result is", "the outcome is",
    "ended up", "led to", "resulted in", "in the end", "by the end", "positive feedback",
    "great feedback", "good feedback", "came back", "stayed with us", "kept the account",
    "kept the client", "kept the customer", "delivered on time",
    "shipped on time", "launched on time", "got the contract", "got the deal",
    "got signed off", "was signed off", "signed off", "rolled it out", "rolled out to",
    "award", "happier", "thanked me", "loved it", "was happy", "were happy",
    "was delighted", "were delighted", "was thrilled", "were thrilled", "was pleased",
    "were pleased", "was impressed", "were impressed", "was satisfied", "were satisfied",
    "on schedule", "as planned", "in time for", "on the original date", "on the planned date",
    "on the same day", "by the deadline", "within budget", "within the deadline",
    "on target", "placed an order", "placed a new order", "signed up", "subscribed",
    "chose us", "picked us", "went with us", "came back to us", "offered me",
    "became regular", "became a regular", "became our", "nobody quit", "no one quit",
    "nobody left", "no one left", "not a single", "without a single", "without losing",
    "without any downtime", "without any complaints", "didn't lose", "did not lose",
    "didn't miss", "did not miss", "never missed", "no complaints", "no downtime",
    "back to normal", "made it the default", "made it standard", "made it permanent",
    "made it official",
)
"""Outcomes that are results without a number: "the client renewed", "we shipped on time"."""

SPEAKER_OUTCOME_ACTIONS: frozenset[str] = frozenset({
    "signed", "approved", "accepted", "adopted", "rolled", "renewed", "thanked", "praised",
    "recognized", "recognised", "rewarded", "promoted", "placed", "subscribed", "delivered",
    "shipped", "launched", "closed",
})
"""Outcome words that are only outcomes when someone else does them: "the client signed"
is a result, "I signed off the creative" is the speaker's job."""

RESULT_CONNECTIVES: tuple[str, ...] = (
    "as a result", "the result was", "the outcome was", "in the end", "which meant",
    "that meant", "this meant", "by the end", "ended up", "led to", "resulted in",
)
"""Outcome cues that announce the outcome rather than state it: "As a result, sales..."."""

QUANTITY_CUE_NOUNS: tuple[str, ...] = (
    "increase", "decrease", "reduction", "improvement", "drop", "growth", "rise", "boost",
    "savings", "saving", "uplift", "gain", "jump", "decline", "cut", "speedup", "speed-up",
)
"""Nouns that turn a nearby number into a change: "a 20 percent reduction"."""

QUANTITY_CUE_VERBS: tuple[str, ...] = (
    "delivered", "shipped", "launched", "finished", "completed", "released", "closed",
    "signed", "sold", "raised", "made us", "brought", "converted", "worth",
)
"""Past verbs that are a result only with a number attached: "delivered in two weeks"."""

EFFORT_CUE_VERBS: tuple[str, ...] = (
    "onboarded", "hired", "trained", "handled", "processed", "recruited", "collected",
    "placed", "booked", "ordered", "bought", "paid",
)
"""With a number these are a result when others did them ("40 staff were trained"), but the
scale of the work when the speaker did ("I trained two colleagues", "I handled 40 calls")."""

COMPARATIVES_AFTER_NUMBER: tuple[str, ...] = (
    "faster", "quicker", "sooner", "earlier", "early", "ahead", "fewer", "less", "lower",
    "higher", "more", "better", "cheaper", "shorter", "smaller", "bigger", "larger",
    "increase", "decrease", "reduction", "improvement", "drop", "growth", "rise", "boost",
    "uplift", "gain", "jump", "decline", "savings", "off", "instead",
)
"""Right after a number these make it a difference: "two weeks early", "30 percent fewer"."""

CHANGE_PREPOSITIONS: tuple[str, ...] = (
    "down to", "to just", "to under", "to below", "to less than",
)
"""Not "up to": "teams of up to 15 people" is a size, not a change."""

LEVEL_VERBS: tuple[str, ...] = (
    "was", "were", "stood", "ended", "ended up", "came in", "finished", "got", "had got",
)
LEVEL_BOUNDS: tuple[str, ...] = (
    "under", "below", "less than", "fewer than", "down to", "back to", "over", "above",
    "more than", "up to",
)
AFTERWARDS_PHRASES: tuple[str, ...] = (
    "from then on", "from that point on", "by the end of the week", "by the end of the month",
    "by the end of the year",
    "by the end of the quarter", "by the end of the day", "by the next morning",
)
AFTERWARDS_QUANTIFIERS: tuple[str, ...] = ("a", "an", "a few", "a couple of", "several")
AFTERWARDS_UNITS: tuple[str, ...] = (
    "day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years",
    "sprint", "sprints", "hour", "hours", "term", "terms", "semester", "fortnight", "season",
)
"""A later time told after the actions opens the outcome: "within six weeks...", "three months
later we had the best score". Counted only when a past-tense verb follows. Plain sequence
words ("after that", "then") are left out: they continue a story as often as they end it."""

LEVEL_REACHED: tuple[str, ...] = ("reached", "hit", "passed", "topped", "crossed")
"""A level told after the actions is the outcome: "within a month the backlog was under fifty",
"we reached ten thousand users". Told before them it is the problem, so the scorer only counts
these once the speaker has said what they did."""

FUTURE_CONTRACTIONS: tuple[str, ...] = ("'ll", "'d")
"""Attached to any word ("we'll", "they'd"), these are "will" and "would"."""

FUTURE_MARKERS: tuple[str, ...] = (
    "will", "would", "going to", "gonna", "could", "should", "might", "want to",
    "wants to", "wanted to", "hope", "hoping", "hoped", "aim", "aims", "aiming", "aimed",
    "plan", "plans", "planning", "planned", "target", "targets", "targeting", "goal",
    "goals", "objective", "expect", "expects", "expecting", "expected", "projected",
    "forecast", "intend", "intends", "intended", "try to", "tried to", "trying to",
    "need to", "needs to", "supposed to", "if", "budgeted", "ambition", "hopefully",
    "on track", "on course", "set to",
)
"""Before a change word, these make it a plan or a wish, not something that happened."""

CLAUSE_BREAKS: frozenset[str] = frozenset({
    "and", "but", "so", "then", "which", "because", "after", "afterwards", "eventually",
    "finally", "anyway", "instead", "actually",
})
"""Where a plan's reach ends without punctuation: "I said I would fix it and I fixed it"."""

FUTURE_AFTER: tuple[str, ...] = (
    "next year", "next quarter", "next month", "next week", "next sprint", "next season",
    "by next", "in the coming", "over the next", "going forward", "in future",
    "in the future", "by the end of next", "by the end of the year", "from now",
)
"""After a number, these make it a target: "grow 20 percent next year"."""

EXPERIENCE_AFTER: tuple[str, ...] = (
    "of experience", "experience", "in the industry", "in the field", "in this field",
    "in the business", "in this industry", "in my career", "in the role", "in this role",
    "in sales", "in tech", "in management", "of my career", "ago", "back",
)
"""After a span of years these make it background (or a time anchor), never a result."""

EXPERIENCE_BEFORE: tuple[str, ...] = (
    "i have", "i've", "i have been", "i've been", "i spent", "i've spent", "i have spent",
    "been", "for", "over the last", "over the past", "for the last", "for the past",
    "more than", "almost", "nearly",
)
"""Before a span of years: "I've spent ten years", "for the past five years"."""

# --- Clause edges ----------------------------------------------------------

CLAUSE_OPENERS: frozenset[str] = frozenset({
    "and", "but", "so", "then", "because", "afterwards", "eventually", "finally", "later",
    "ultimately", "overall", "now", "today", "since", "luckily", "thankfully", "happily",
})
"""Words after which a new clause (and maybe a new subject) begins, punctuation or not."""

EXTEND_STOPS: frozenset[str] = frozenset({
    "and", "but", "so", "because", "which", "then", "while", "whereas", "although", "though",
    "um", "uh", "erm",
})
"""Where a STAR span stops growing: the next clause, or a filler between two of them."""

CLAUSE_SUBJECT_STARTS: frozenset[str] = frozenset({
    "i", "we", "i'm", "i've", "i'd", "we're", "we've", "we'd",
})
"""A new first-person subject starts a new clause in unpunctuated speech-to-text output."""

SUBJECTS_BACK: frozenset[str] = frozenset({"i", "we", "he", "she", "they", "it", "everyone"})
"""Growing a result leftwards takes in its subject and stops there."""

# --- Result: what others did or what became true after the speaker acted ------

REACTION_PRONOUNS: frozenset[str] = frozenset({
    "he", "she", "they", "it", "everyone", "everybody", "nobody", "someone", "people",
    "nothing", "he's", "she's", "it's", "they've", "they'd", "she'd", "he'd", "everything",
    "customers", "sales", "staff", "patients", "students", "attendance", "complaints",
    "errors", "numbers", "revenue", "morale",
})
"""Subjects other than the speaker that open an outcome clause: "she stayed with us"."""

REACTION_DETERMINERS: frozenset[str] = frozenset({
    "the", "our", "their", "his", "her", "my", "its", "this", "that", "these", "those", "all",
    "both", "most", "every", "each", "several", "many", "some", "a", "an", "none", "no",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
})
"""Or a short noun phrase: "the client renewed", "all three patients made it"."""

NEGATIVE_SUBJECTS: frozenset[str] = frozenset({
    "no", "none", "nobody", "nothing", "neither", "not",
})
"""After the speaker acted, whatever "no one" did is an outcome: "no customer deliveries were
late", "nobody else on the ward caught it", "not one meal was wasted"."""

REACTION_NOT_SUBJECT: frozenset[str] = frozenset({
    "i", "we", "you", "me", "us", "my", "our", "if", "when", "because", "that", "which",
    "who", "what", "how", "to", "and", "so", "but", "then", "whether", "was", "were", "is",
    "are", "be", "been", "would", "could", "should", "will", "can", "i'd", "we'd", "i'm",
    "we're", "i've", "we've", "do", "did", "does", "not",
})
"""Words that cannot sit inside the subject noun phrase of an outcome clause."""

REACTION_NEGATIONS: frozenset[str] = frozenset({
    "didn't", "didnt", "never", "wasn't", "wasnt", "weren't", "werent", "hadn't", "hadnt",
    "hasn't", "hasnt", "haven't", "havent", "couldn't", "couldnt", "no",
})
"""An outcome can be something that stopped: "most customers didn't even notice"."""

PERFECT_AUXILIARIES: frozenset[str] = frozenset({"has", "have", "had", "'s"})
"""With a participle: "the check has caught two more since"."""

REACTION_EXCLUDED_VERBS: frozenset[str] = frozenset({
    "had", "was", "were", "used", "supposed", "wanted", "needed", "seemed", "thought",
    "said", "told", "asked", "suggested", "promised", "offered", "mentioned",
    "expected", "hoped", "planned", "went", "ran", "started", "began", "took",
    "came", "happened", "meant",
})
"""Past verbs too vague to be an outcome alone ("they had", "she wanted"): "was"/"were" are
taken only with a state after them (see ``STATE_AFTER_WAS``)."""

STATE_AFTER_WAS: frozenset[str] = frozenset({
    "back", "happy", "happier", "delighted", "thrilled", "pleased", "impressed", "satisfied",
    "fixed", "resolved", "solved", "finished", "done", "complete", "completed", "ready",
    "live", "able", "stable", "fine", "safe", "saved", "approved", "accepted", "signed",
    "cleared", "gone", "reduced", "down", "up", "better", "faster", "quicker", "calmer",
    "relieved", "grateful", "promoted", "chosen", "adopted", "rolled", "used", "praised",
    "recognised", "recognized", "named", "given", "awarded", "shortlisted", "successful",
    "lower", "higher", "smoother", "normal", "over", "closed",
})
"""After the speaker's actions, "was"/"were" + one of these tells how it ended: "by the morning
he was back to his normal self", "the client was delighted"."""

TIME_PHRASE_OPENERS: frozenset[str] = frozenset({"by", "within", "after", "over", "in"})
"""An outcome clause may open with when it happened: "by the spring she was back to..."."""

NOW_ADVERBS: frozenset[str] = frozenset({"now", "today", "nowadays", "still"})
"""A present state told after the story is its outcome: "now it refreshes overnight"."""

DEADLINE_QUANTIFIERS: tuple[str, ...] = (
    "a", "an", "a couple of", "a few", "only", "just", "about", "less than", "under",
)
"""Before a span of time in "we had two weeks to...", the deadline that sets the task."""

CHAINED_ACTION_SKIP: frozenset[str] = frozenset({"then", "also", "just", "quickly", "and"})
"""Between two coordinated actions without a new subject: "I apologised and then rang..."."""

NARRATIVE_PRESENT_EXCLUDED: frozenset[str] = frozenset({
    "think", "mean", "know", "guess", "feel", "suppose", "believe", "hope", "want", "like",
    "love", "need", "have", "am", "can", "could", "would", "will", "should", "must", "do",
    "don't", "dont", "just", "always", "usually", "never", "really", "also", "try", "tend",
    "wish", "remember", "reckon", "imagine", "wonder", "prefer", "enjoy", "work", "manage",
    "handle", "run", "lead", "oversee", "support", "help", "deal", "look", "report", "make",
    "keep", "find", "see", "get", "was", "were", "said", "say", "to", "and", "so", "but",
    "i", "actually", "basically", "um", "uh", "then", "still", "often", "generally",
})
"""After "I", verbs that are states, habits or duties ("I manage a team"), never the steps of a
story told in the present ("so I go to my manager and I tell her...")."""

NARRATIVE_PRESENT_MIN = 2
"""A story told in the present has several "I go... I tell..." steps; one is not a story."""

# --- Task: what the speaker had to achieve ---------------------------------

TASK_PHRASES: tuple[str, ...] = (
    "i was asked to", "i was tasked with", "i was tasked to", "i was given the job of",
    "i was given the task of", "i was given the job", "i was put in charge of",
    "i was brought in to", "i was hired to", "i was responsible for", "i was in charge of",
    "i had been asked to", "i had to", "i needed to", "i wanted to", "i was trying to",
    "i had to make sure", "my job was to", "my task was to", "my role was to", "my goal was to",
    "my aim was to", "my brief was to", "my responsibility was to", "my job was",
    "the goal was", "the aim was", "the task was", "the brief was", "the challenge was",
    "the objective was", "the target was", "the deadline was", "the idea was",
    "the problem was", "the issue was", "our goal was", "our target was", "our aim was",
    "we needed to", "we had to", "i was the only one", "it was my job to",
    "it was my responsibility to", "i volunteered to", "i took on", "i took it on",
    "i took over",
    "i was looking after", "i was the", "i was on call", "i was on duty",
)
"""What the speaker was there to do in the episode: the T of STAR."""

TASK_PROGRESSIVE_EXCLUDED: frozenset[str] = frozenset({
    "going", "thinking", "hoping", "wondering", "feeling", "being", "getting", "saying",
    "told", "talking", "working", "living", "studying",
})
"""After "I was", an "-ing" verb is the speaker's task at the time ("I was wiring the labs
when..."), except these, which are moods or plans."""

# --- Coaching: phrasing that weakens an answer -------------------------------

DUTY_PHRASES: tuple[str, ...] = (
    "responsible for", "my responsibilities included", "my responsibilities include",
    "my responsibilities were", "my responsibilities are", "my duties included",
    "my duties include", "my duties were", "my duties are", "my duties also include",
    "my duties also included", "my responsibilities also include", "my role involved",
    "my role involves", "my role included", "my role includes", "my job involved",
    "my job involves", "my job included", "my job includes", "in charge of", "i look after",
    "i'm in charge", "i am in charge", "my remit", "i oversee", "i was accountable for",
    "i'm accountable for", "on a day to day basis", "day to day i", "part of my job",
    "part of my role", "as part of my duties",
)
"""A job description instead of an accomplishment: "I was responsible for the budget"."""

CLICHES: tuple[str, ...] = (
    "team player", "hard worker", "hardworking", "hard-working", "hard working person",
    "people person", "think outside the box", "thinking outside the box", "outside the box",
    "go the extra mile", "going the extra mile", "went the extra mile", "extra mile",
    "110 percent", "110%", "a hundred and ten percent", "one hundred and ten percent",
    "perfectionist", "self starter", "self-starter", "go-getter", "go getter",
    "detail oriented", "detail-oriented", "results driven", "results-driven",
    "results oriented", "results-oriented", "target driven", "target-driven",
    "thrive under pressure", "thrive on pressure", "work well under pressure",
    "fast learner", "quick learner", "fast-paced environment", "fast paced environment",
    "hit the ground running", "wear many hats", "synergy", "win-win", "win win",
    "lead by example", "above and beyond", "can-do attitude", "can do attitude",
    "great communicator", "excellent communicator", "good communicator",
    "excellent communication skills", "great people skills", "passionate about",
    "natural leader", "born leader", "work hard play hard", "think on my feet",
    "jack of all trades", "make my mark", "a people pleaser",
)
"""Phrases every interviewer has heard too often to believe without an example."""

HEDGES: tuple[str, ...] = (
    "i guess", "i suppose", "kind of", "sort of", "kinda", "sorta", "maybe", "perhaps",
    "probably", "i'm not sure", "i am not sure", "not really sure", "i don't know",
    "i dont know", "i dunno", "more or less", "a little bit", "somewhat", "hopefully",
    "or something", "or whatever", "if that makes sense", "i feel like", "i think maybe",
    "in a way", "to some extent", "i'd like to think", "i would like to think",
    "i hope so", "not sure if",
)
"""Words that make the speaker sound unsure of their own story."""

HEDGE_NOUN_BEFORE: frozenset[str] = frozenset({
    "what", "this", "that", "the", "a", "any", "some", "every", "which", "same", "different",
    "one", "these", "those", "all", "another", "right", "wrong", "other", "my", "our",
})
"""Before "kind of"/"sort of" these make it a noun ("what kind of support"), not a hedge."""

HEDGE_MIN_COUNT = 2
"""One "maybe" is natural speech; two or more hedges start to sound unsure."""

# --- Delivery -----------------------------------------------------------------

DISFLUENCIES: tuple[str, ...] = (
    "um", "umm", "ummm", "uh", "uhh", "uhm", "erm", "er", "err", "ah", "ahh", "eh", "hmm",
    "hm", "mm", "mmm",
)
"""Hesitation sounds: always fillers."""

FILLER_PHRASES: tuple[str, ...] = ("you know", "i mean", "basically", "literally")
"""Discourse fillers, counted unless grammar makes them content (see below)."""

YOU_KNOW_CONTENT_BEFORE: frozenset[str] = frozenset({
    "do", "did", "don't", "didn't", "if", "as", "would", "could", "will", "let", "you'll",
    "what", "how", "because", "that", "whether", "to",
})
YOU_KNOW_CONTENT_AFTER: frozenset[str] = frozenset({
    "what", "how", "when", "where", "who", "why", "that", "if", "whether", "about", "him",
    "her", "them", "me", "us",
})
""""Do you know", "you know how to", "you know it": the verb, not a filler."""

I_MEAN_CONTENT_BEFORE: frozenset[str] = frozenset({"what", "if", "that", "how"})

LIKE_FILLER_BEFORE: frozenset[str] = frozenset({
    "so", "and", "but", "or", "um", "uh", "er", "erm", "was", "were", "is", "it's", "its",
    "like", "just", "then", "yeah", "well", "okay", "ok", "there's", "they're", "we're",
    "you're", "i'm", "had", "got", "be", "been", "know",
})
"""Before "like", these mark it as a filler ("so like", "and like", "it was like")..."""

LIKE_FILLER_AFTER_NUMBERS = True
"""...as does a number after it ("like forty appointments": an approximation, said loosely)."""

LIKE_CONTENT_AFTER: frozenset[str] = frozenset({
    "to", "this", "that", "it", "them", "him", "her", "me", "us", "working", "doing",
    "being", "having", "a", "an", "the",
})
"""After "like", these make it a verb or preposition ("is like a", "was like that")."""

STOP_WORDS: frozenset[str] = frozenset({
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
    "any", "are", "aren't", "as", "at", "back", "be", "because", "been", "before", "being",
    "below", "between", "both", "but", "by", "can", "can't", "could", "couldn't", "did",
    "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during", "each", "even",
    "every", "few", "first", "for", "from", "further", "get", "got", "had", "hadn't", "has",
    "hasn't", "have", "haven't", "having", "he", "he'd", "he's", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "i", "i'd", "i'll", "i'm", "i've", "if", "in",
    "into", "is", "isn't", "it", "it's", "its", "itself", "just", "let", "let's", "lot",
    "lots", "made", "make", "many", "me", "more", "most", "much", "my", "myself", "no",
    "nor", "not", "now", "of", "off", "oh", "ok", "okay", "on", "once", "one", "only", "or",
    "other", "our", "ours", "ourselves", "out", "over", "own", "quite", "really", "right",
    "same", "said", "say", "she", "she'd", "she's", "should", "so", "some", "still", "such",
    "than", "that", "that's", "the", "their", "theirs", "them", "themselves", "then",
    "there", "there's", "these", "they", "they'd", "they're", "thing", "things", "this",
    "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "wasn't",
    "way", "we", "we'd", "we're", "we've", "well", "were", "weren't", "what", "what's",
    "when", "where", "which", "while", "who", "whole", "why", "will", "with", "won't",
    "would", "wouldn't", "yeah", "yes", "you", "you'd", "you're", "your", "yours",
    "actually", "basically", "literally", "like", "know", "mean", "think", "went", "going",
    "go", "want", "wanted", "gonna", "kind", "sort", "around", "time", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "something", "anything",
    "everything", "someone", "everyone", "people", "getting", "bit", "able", "need",
    "needed", "sure", "put", "took", "take", "gave", "give", "last", "next", "new",
    "another", "day", "week", "year", "month",
})
"""Left out of "most-repeated words": grammar and filler, not the words that stick."""

# --- Talking points: what a non-behavioural answer should cover ---------------

TALKING_POINT_META_VERBS: frozenset[str] = frozenset({
    "ask", "asks", "asking", "say", "says", "saying", "name", "names", "naming", "give",
    "gives", "giving", "mention", "mentions", "explain", "explains", "describe",
    "describes", "state", "states", "show", "shows", "tell", "tells", "talk", "talks",
    "express", "expresses", "share", "shares", "ties", "tie", "links", "link", "stays",
    "stay", "starts", "start by", "covers", "cover", "makes", "make", "sets", "set",
    "offers", "is", "are", "be", "does", "do", "keeps", "remains", "suit", "suits",
    "include", "includes", "keep", "keeping",
})
"""How a talking point is phrased ("asks...", "names..."), not what the answer must contain.
"ask" also adds a requirement: the answer must ask something."""

TALKING_POINT_ASK_VERBS: frozenset[str] = frozenset({"ask", "asks", "asking"})

TALKING_POINT_STOP_WORDS: frozenset[str] = frozenset({
    "a", "an", "the", "and", "to", "of", "for", "in", "on", "at", "by", "with", "about",
    "from", "as", "it", "its", "is", "are", "be", "will", "would", "should", "must", "can",
    "could", "they", "them", "their", "he", "she", "his", "her", "you", "your", "we", "our",
    "that", "this", "these", "those", "what", "which", "who", "how", "much", "many", "any",
    "anything", "something", "thing", "things", "least", "one", "itself", "themselves",
    "there", "than", "some", "all", "each", "into", "up", "out", "more", "most", "so",
    "made", "been", "being", "has", "have", "had", "do", "does", "did", "at least", "such",
    "concrete", "specific", "clear", "clearly", "honest", "honestly", "briefly",
    "politely", "real", "actual", "actually", "genuine", "genuinely", "properly",
    "explicitly", "directly", "good", "well", "very", "also", "both", "whether", "if",
    "not", "only", "while", "once", "where", "was", "were", "went", "anyone", "anybody",
    "along", "back", "down", "off", "left", "way", "possible", "possibly", "fully", "whole",
    "realistic", "realistically", "sense", "picture", "own", "like", "likes", "look",
    "looks", "see", "get", "gets", "getting", "receive", "receives", "receiving", "going",
    "happen", "know", "knows", "knowing", "known", "cannot", "can't", "me", "right", "put",
    "point", "points", "raised", "used", "working", "facing", "faces", "period", "topic",
    "interview", "interviewer", "against", "versus", "few",
})
"""Grammar and manner words in a talking point: nothing to look for in the answer. Also the
light words of its phrasing: "gives a *sense* of where", "*keeps* going", "the *point* raised",
"*working* habits", "their notice *period*", "challenges *facing* the team", and "me" or "the
interviewer", who is the person the answer is spoken to."""

TALKING_POINT_CUT_MARKERS: tuple[str, ...] = (
    "without", "rather than", "instead of", "but not", "not by", "not only", "not just",
)
"""What follows these is what the answer should *not* do: it is not looked for."""

TALKING_POINT_EXAMPLE_MARKERS: tuple[str, ...] = (
    "such as", "e.g.", "eg", "for example", "for instance", "including",
)
"""What follows these is a list of alternatives: any one of them covers that part. Not "like":
in a talking point it is mostly the verb ("how they like to receive feedback", "what success
looks like")."""

TALKING_POINT_QUESTION_CUES: tuple[str, ...] = (
    "what", "how", "when", "why", "who", "where", "which", "could you", "can you",
    "would you", "will you", "do you", "does", "did you", "is there", "are there", "is it",
    "i'd like to know", "i would like to know", "i was wondering", "i wonder", "i'm curious",
    "curious", "i'd love to know", "could i", "can i", "may i", "would it be possible",
    "is it possible", "would you mind", "i'd like", "i would like", "if possible",
    "please", "tell me",
)
"""Asking, out loud: speech-to-text may drop the question mark, so these count as asking."""

TALKING_POINT_CONCEPTS: tuple[tuple[str, ...], ...] = (
    ("decision", "decide", "decided", "deciding", "hear back", "hearing back",
     "hear from you", "let me know", "let people know", "letting people know",
     "letting me know", "outcome", "make up your mind", "choose", "offer", "verdict",
     "let * know", "letting * know", "hear", "get back to", "get back to me", "choice",
     "choices", "make the call", "make that call", "made the call", "making the call",
     "your call", "final call", "final say", "last word"),
    ("when", "timeline", "timescale", "timescales", "timeframe", "time frame", "how soon",
     "how long", "by when", "soon", "date", "tomorrow", "monday", "tuesday", "wednesday",
     "thursday", "friday", "end of the week", "next week", "this week", "within",
     "day or two", "couple of days", "few days", "by the end of", "january", "february",
     "march", "april", "june", "july", "august", "september", "october", "november",
     "december", "next month", "this month", "end of the month", "start of next",
     "beginning of", "the first of", "fortnight", "in a fortnight"),
    ("next", "next step", "next steps", "after this", "after today", "from here",
     "afterwards", "following", "then"),
    ("step", "steps", "stage", "stages", "process", "round", "rounds", "happens", "happen",
     "what's next", "move forward", "from here", "timeline"),
    ("thank", "thanks", "thank you", "grateful", "appreciate", "appreciated", "pleasure",
     "enjoyed", "nice to meet", "great to meet", "lovely to meet", "good to meet"),
    ("consider", "think it over", "think about", "think things over", "reflect",
     "sleep on", "talk it through", "talk it over", "discuss", "look over", "review",
     "mull", "weigh up", "go through", "look at", "take into account", "factor in",
     "bear in mind", "take account of"),
    ("time", "day", "days", "week", "weekend", "while", "moment", "couple of days",
     "a day or two", "24 hours", "48 hours", "overnight"),
    ("respond", "response", "reply", "get back", "come back", "let you know", "confirm",
     "back to you", "give you an answer", "answer"),
    ("question", "ask"),
    ("team", "teams", "colleagues", "people", "group", "department", "who i'd be working with",
     "colleague", "teammate", "teammates", "co-worker", "co-workers", "coworker",
     "coworkers", "peer", "peers"),
    ("work", "job", "role", "day to day", "day-to-day", "project", "projects", "working on",
     "typical day", "typical week", "normal week", "normal day", "responsibilities"),
    ("priority", "priorities", "focus", "focus on", "concentrate", "main", "first thing",
     "prioritise", "prioritize", "most important", "importance", "above all",
     "first and foremost", "number one", "top of my list", "top priority", "main thing",
     "key thing", "mainly", "mostly", "primarily", "what matters most", "matter most",
     "matters most"),
    ("two", "three", "couple", "few", "a couple", "a few", "several", "handful",
     "a number of", "firstly", "second", "secondly", "third", "thirdly"),
    ("learn", "learning", "listen", "get to know", "understand", "meet", "sit in", "shadow",
     "find out", "observe", "get up to speed", "onboard", "familiarise", "familiarize",
     "hear out", "hear * out", "hearing * out", "let them talk", "let them speak",
     "let them vent", "without interrupting", "learnt", "taught", "realise", "realised",
     "realize", "realized", "discover", "discovered", "lesson", "lessons"),
    ("user", "users", "customer", "customers", "client", "clients", "stakeholder",
     "stakeholders", "requester", "requesters", "sponsor", "sponsors", "product owner",
     "business owner", "end user", "end users"),
    ("current", "existing", "at the moment", "currently", "as it is", "today", "present",
     "presently", "at present", "right now", "as things stand"),
    ("change", "changing", "changes", "improve", "fix", "overhaul", "tweak", "adjust",
     "introduce", "rework", "redesign", "differently", "solve", "resolve", "address",
     "sort out", "deal with", "do something about", "nowadays", "these days", "i now",
     "now i", "i started", "i've started", "i stopped", "i've stopped", "no longer",
     "any more", "anymore"),
    ("before", "first", "until", "to begin with", "initially", "start by", "start with",
     "starting with", "begin with", "first of all", "to start with"),
    ("role", "job", "position", "this role", "the role", "what the role is for", "is for",
     "team needs", "you need", "you hired"),
    ("guidance", "managed", "manage", "management", "direction", "supervision", "autonomy",
     "independence", "independent", "independently", "micromanage", "micromanaged", "room",
     "freedom", "on my own", "hands-off", "hands off", "check in", "support"),
    ("suit", "suits", "work best", "works best", "prefer", "best with", "works for me",
     "like to be", "i like"),
    ("report", "reporting", "update", "updates", "keep you informed", "keep you posted",
     "let you know", "tell you", "check-in", "check in", "catch up", "catch-up",
     "one to one", "one-to-one", "summary", "email", "stand-up", "standup", "inform",
     "informed", "in the loop", "posted", "up to date", "heads up", "aware", "updated",
     "keep * updated", "keep * informed", "keep * posted"),
    ("progress", "status", "done", "what's next", "how it's going", "where things are",
     "on track"),
    ("often", "every", "weekly", "daily", "each week", "fortnightly", "monthly",
     "regularly", "once a", "twice a", "every week", "every day", "every friday"),
    ("raise", "raises", "flag", "escalate", "tell you", "bring up", "let you know", "warn",
     "mention", "speak up", "speak to", "talk to", "voice", "point out", "put it to",
     "take it to", "flag up", "tell"),
    ("problem", "problems", "issue", "issues", "risk", "risks", "blocker", "blockers",
     "stuck", "slip", "slipping", "late", "going wrong", "go wrong", "delay", "delays",
     "behind", "wrong", "mistake", "mistakes", "error", "errors", "fault", "failure",
     "went wrong", "fell through", "dropped the ball"),
    ("early", "as soon as", "straight away", "immediately", "right away", "early on",
     "quickly", "before it", "promptly", "prompt", "swiftly", "fast", "as fast as",
     "without delay", "at once", "same day", "the same day", "that day", "there and then",
     "right after", "straight after", "asap", "in good time", "sooner rather than later",
     "within a minute", "within minutes", "within seconds", "in seconds", "first week",
     "first day", "first few days", "first few weeks", "first fortnight", "first month",
     "day one", "week one", "early days", "that morning", "that afternoon",
     "the same morning", "the same afternoon"),
    ("deadline", "deadlines", "due date", "last minute", "due dates", "done by", "end date",
     "end dates", "target date", "target dates", "cut-off", "cutoff", "due", "time limit",
     "timebox", "finish by", "by when"),
    ("accept", "answer", "yes", "i'd say yes", "i would say yes", "take it", "take the job",
     "definitely", "absolutely", "happy to accept", "i'd accept", "i would accept"),
    ("why", "because", "reason", "reasons", "mainly", "since", "that's why", "evidence",
     "reasoning", "rationale", "justification", "the case for"),
    ("appeal", "appeals", "appealing", "excited", "interested", "attracted", "love",
     "drawn", "looking for", "want to be doing", "want to do", "exactly", "keen",
     "exciting", "interesting", "enjoy"),
    ("settle", "settled", "sort out", "sorted", "agree", "confirm", "check", "clarify",
     "discuss", "only thing", "one thing", "first need"),
    ("terms", "start date", "start", "salary", "package", "pay", "relocation", "relocate",
     "contract", "hours", "holiday", "commute", "flexible working", "remote", "hybrid"),
    ("notice", "notice period", "resign", "resignation", "hand in my notice", "contract",
     "contractual", "release me", "leaving date", "last day"),
    ("positive", "pleased", "happy", "excited", "delighted", "thrilled", "keen",
     "enthusiastic", "great", "love", "glad", "yes", "really want", "definitely"),
    # Word families for the words set authors use to describe an answer. A point's word
    # finds every concept it is in, and any one of them counts.
    ("challenge", "challenges", "challenging", "difficulty", "difficulties", "difficult",
     "hardest", "harder", "hard part", "hard bit", "tough", "toughest", "struggle",
     "struggles", "hurdle", "hurdles", "obstacle", "obstacles", "pain point", "pain points",
     "headache", "headaches", "tricky", "trickiest", "pressure", "pressures", "problem",
     "problems", "issue", "issues", "keeps you up at night", "keep you up at night"),
    ("success", "successful", "succeed", "succeeding", "going well", "go well", "doing well",
     "done well", "good job", "great job", "good start", "great start", "working out",
     "work out well", "good look like", "good looks like", "great look like",
     "great looks like", "happy with", "pleased with", "expectations", "expect of me",
     "expect from me", "achieve", "achievement"),
    ("months", "month", "quarter", "ninety days", "90 days", "hundred days", "100 days",
     "probation", "probationary", "first year", "three months", "six months"),
    ("concern", "concerns", "concerned", "worry", "worried", "worries", "reservation",
     "reservations", "hesitation", "hesitations", "hesitant", "hesitate", "doubt", "doubts",
     "doubtful", "misgiving", "misgivings", "qualm", "qualms", "uneasy", "unease",
     "uncomfortable", "not comfortable", "apprehensive", "wary", "anxious", "not sure about",
     "unsure about", "second thoughts", "red flag", "red flags", "put you off", "gives you pause"),
    ("feedback", "comment", "comments", "criticism", "criticisms", "critique", "input",
     "pointer", "pointers", "praise", "constructive", "how i'm doing", "how i am doing",
     "what i could do better", "what i can do better", "where i could improve",
     "where i can improve", "appraisal"),
    ("privately", "private", "in private", "one to one", "one-to-one", "one on one",
     "one-on-one", "just the two of us", "quiet word", "behind closed doors", "on their own",
     "separately", "individually", "away from the others", "away from everyone",
     "not in front of", "out of earshot", "take * aside", "taking * aside", "pull * aside",
     "confidential", "confidentially", "between us", "between the two of us",
     "between ourselves"),
    ("calm", "calmly", "composed", "level-headed", "level headed", "keep my cool", "keep cool",
     "stay cool", "keep my head", "don't panic", "not panic", "without panicking", "no panic",
     "take a breath", "deep breath", "without getting emotional", "not get emotional",
     "without getting angry", "not get angry", "without getting upset", "quietly", "gently",
     "unflustered", "relaxed", "stay professional", "keep it professional", "even-tempered"),
    ("person", "people", "someone", "somebody", "whoever", "individual", "individuals",
     "everyone", "everybody", "colleague", "colleagues"),
    ("limit", "limits", "boundary", "boundaries", "draw the line", "where i draw",
     "red line", "red lines", "cross the line", "the line is", "my line",
     "hard stop", "cut-off", "cut off point", "deal breaker", "dealbreaker",
     "non-negotiable", "off limits", "no-go", "won't do", "wouldn't do", "will not do",
     "would not do", "not prepared to", "not willing to", "refuse", "my rule", "rule",
     "rules", "separation", "keep separate", "keep apart"),
    ("habit", "habits", "habitually", "routine", "routines", "ritual", "rituals", "tend to",
     "always", "usually", "every morning", "every day", "every week", "every evening",
     "each morning", "each day", "each week", "each evening", "first thing",
     "without fail", "make a point of", "schedule", "regular", "regularly", "daily",
     "weekly", "fortnightly", "every monday", "every tuesday", "every wednesday",
     "every thursday", "every friday", "in the morning", "in the afternoon",
     "in the evening", "after lunch", "before lunch"),
    ("help", "helps", "helped", "helping", "support", "assist", "assistance", "aid", "coach",
     "coaching", "mentor", "a hand", "lend a hand", "offer to", "pair up", "pair with",
     "sit down with", "walk * through", "show * how", "go through it with",
     "work through it with", "keeps me going", "keep me going",
     "gets me through", "get me through"),
    ("reachable", "contactable", "available", "availability", "get hold of", "reach me",
     "contact me", "responsive", "reply", "replies", "on call", "online", "on hand"),
    ("rest", "rested", "downtime", "down time", "switch off", "switching off", "log off",
     "logging off", "sign off", "relax", "relaxing", "recharge", "unwind", "time off",
     "a break", "breaks", "sleep", "evenings", "weekends", "own time", "personal time",
     "free time", "family time"),
    ("balance", "balances", "balancing", "weigh", "weighing", "weigh up", "trade off",
     "trade-off", "compare", "comparing", "versus", "vs", "set against", "middle ground",
     "happy medium", "juggle", "juggling"),
    ("adapt", "adapting", "adapts", "adjust", "adjusting", "tailor", "tailoring", "flex",
     "vary", "change my style", "change how", "change the way", "depending on",
     "depends on", "modify", "read the room"),
    ("communicate", "communication", "communicating", "communicator", "talk", "speak",
     "explain", "message", "messages", "email", "chat", "conversation", "language",
     "jargon", "tone", "put things", "get across", "get my point across"),
    ("respectful", "respect", "respects", "respectfully", "courteous", "considerate",
     "mindful of", "grateful", "gratitude", "thankful", "appreciate", "speak well of",
     "nothing bad to say", "nothing negative", "no complaints", "no hard feelings",
     "good terms", "loyal", "fair to", "honour", "honor", "stick to", "keep to"),
    ("employer", "employers", "organisation", "organisations", "organization",
     "organizations", "company", "companies", "firm", "firms", "business", "businesses",
     "agency", "institution", "workplace"),
    ("relate", "relates", "related", "relevant", "relevance", "connect", "connects", "link",
     "links", "linked", "tie", "ties", "tie in", "ties in", "fit", "fits", "fitting",
     "match", "matches", "suit", "suits", "suitable", "suitability", "lines up",
     "in line with", "align", "aligns", "aligned", "speaks to", "which is why",
     "that's why", "that is why", "that's what", "exactly what", "depending on",
     "depends on", "based on", "right fit", "good fit", "good match", "cut out for"),
    ("motivation", "motivate", "motivates", "motivated", "motivating", "motivator",
     "what drives me", "drives me", "driven", "energise", "energize", "energises",
     "inspire", "inspires", "inspired", "passion", "passionate", "buzz", "satisfaction",
     "satisfying", "rewarding", "fulfilling", "fulfilment", "gets me up", "get me out of bed",
     "gets me out of bed", "what i love", "spurs me on"),
    ("flexibility", "flexible", "flex", "negotiable", "negotiate", "negotiation",
     "leeway", "wiggle room", "some room", "any room", "room to", "room for", "open to",
     "compromise", "meet in the middle", "meet halfway", "give and take", "adaptable",
     "not fixed"),
    ("worth", "value", "valued", "market rate", "going rate", "market value", "the market",
     "what i bring", "what i can bring", "what i'd bring", "what i would bring", "deserve",
     "benchmark", "minimum", "bottom line"),
    ("steer", "steers", "steering", "redirect", "turn the conversation", "bring it back",
     "move the conversation", "rather talk about", "rather focus on", "prefer to talk about",
     "prefer to focus on", "more useful to talk about"),
    ("moving", "move", "moves", "move on", "step up", "next step", "new challenge",
     "transition", "grow", "growth"),
    ("goal", "goals", "towards", "toward", "aim", "aims", "aiming", "ambition", "ambitions",
     "aspiration", "aspire", "objective", "objectives", "target", "targets", "want to be",
     "where i want", "hoping to", "looking for", "looking to", "what i'm after", "career",
     "long term", "long-term"),
    ("research", "researched", "read", "read up", "looked into", "look into", "looked at",
     "studied", "did my homework", "done my homework", "your website", "annual report",
     "from what i've read", "from what i've seen", "from what i read", "i noticed",
     "came across", "dug into"),
    ("admit", "admits", "admitted", "acknowledge", "acknowledges", "acknowledging",
     "concede", "recognise", "recognize", "recognising", "recognizing", "granted",
     "to be fair", "i realise", "i realize", "i appreciate", "i accept", "i know that",
     "fair point", "fair enough", "that's fair", "good point", "point taken", "you're right",
     "they're right", "got a point", "has a point", "have a point", "own up", "validate"),
    ("outside", "outsider", "external", "externally", "from the outside", "public",
     "publicly", "from where i'm sitting", "from where i sit", "on the inside", "inside",
     "insider", "internal", "internally", "behind the scenes", "in-house"),
    ("complaint", "complaints", "complain", "complaining", "grievance", "grievances",
     "frustration", "frustrations", "frustrated", "unhappy", "unhappiness", "upset",
     "annoyed", "annoyance", "angry", "anger", "dissatisfied", "dissatisfaction", "fed up",
     "off their chest", "off his chest", "off her chest"),
    ("separate", "separates", "separating", "distinguish", "split", "divide", "sort into",
     "which ones", "difference between", "between what", "categorise", "categorize",
     "triage"),
    ("trial", "trials", "trialling", "trialing", "pilot", "piloting", "test", "testing",
     "experiment", "experiments", "try out", "try it", "trial run", "dry run", "prototype",
     "proof of concept", "see how it goes", "see how it works"),
    ("small", "smaller", "little", "minor", "tiny", "modest", "handful", "bite-sized",
     "quick win", "quick wins", "start small", "low risk", "low-risk",
     "incremental", "step by step", "gradually", "gradual", "bit by bit"),
    ("suggest", "suggests", "suggestion", "propose", "proposes", "proposal", "recommend",
     "recommendation", "put forward", "how about", "what about", "we could", "could we",
     "advise", "pitch"),
    ("solution", "solutions", "solve", "option", "options", "plan b", "workaround", "remedy",
     "way forward", "way round", "way around", "alternative", "alternatives", "idea",
     "ideas", "proposal", "recommendation", "fix"),
    ("involve", "involves", "involved", "involving", "include", "bring", "brings",
     "brought", "bring in", "loop in", "come with", "come to you with", "get * involved",
     "on board", "consult", "consulted", "get input", "collaborate"),
    ("disagreement", "disagree", "disagreements", "don't agree", "do not agree",
     "not agree", "wouldn't agree", "see it differently", "see things differently",
     "different view", "different opinion", "objection", "objections", "object",
     "push back", "pushed back", "pushback", "not convinced", "better way"),
    ("openly", "frank", "frankly", "candid", "candidly", "upfront", "up front",
     "transparent", "transparently", "to your face", "in the open", "straight with",
     "tell you straight", "be open", "open about", "direct"),
    ("commit", "commits", "committed", "commitment", "get behind", "back it",
     "back the decision", "go with it", "go along with", "all in", "make it work",
     "fully behind", "support it", "support the decision", "hundred percent", "100%",
     "give it my all", "disagree and commit"),
    ("result", "results", "outcome", "outcomes", "achieve", "achieved", "achievement",
     "deliver", "delivered", "deliverable", "deliverables", "accomplish", "accomplishment",
     "shipped", "launched", "completed", "finished", "output", "to show for",
     "as a result", "so now", "since then", "because of that", "consequently"),
    ("again", "repeat", "repeated", "recur", "recurring", "recurrence", "next time",
     "in future", "in the future", "going forward", "from now on", "prevent", "prevention",
     "never again", "avoid"),
    ("investigate", "investigation", "find", "found", "find out", "look into", "dig into",
     "get to the bottom", "get the facts", "the facts", "figure out", "understand",
     "what happened", "root cause", "post-mortem", "retrospective", "retro", "analyse",
     "analyze", "establish"),
    ("judge", "judging", "judgement", "judgment", "blame", "blaming", "point fingers",
     "pointing fingers", "finger-pointing", "point the finger", "jump to conclusions",
     "jumping to conclusions", "assume", "assumptions", "criticise", "criticize",
     "whose fault", "scapegoat", "witch hunt"),
    ("win", "winning", "won", "regain", "rebuild", "rebuilding", "restore", "restoring",
     "earn", "earn back", "recover", "repair", "mend", "make it up", "make amends"),
    ("confidence", "trust", "faith", "rely on", "count on", "reassure", "reassurance",
     "relationship", "relationships", "believe in", "credibility", "goodwill"),
    ("manager", "boss", "supervisor", "line manager", "team lead", "team leader", "our lead",
     "my lead", "your lead", "head of", "management", "manage", "managing", "senior"),
    ("style", "approach", "way you", "how you like to", "hands-on", "hands on",
     "hands-off", "hands off", "leadership", "run the team", "run things", "manage"),
    ("understood", "understand", "understanding", "grasp", "as i see it", "the way i see it",
     "my understanding", "as i understand", "i gather", "from what you've said",
     "from what you said", "from what i've read", "from what i've seen", "it sounds like",
     "sounds like", "it seems", "i take it"),
    ("urgency", "urgent", "urgently", "time-critical", "time critical", "time-sensitive",
     "time sensitive", "pressing", "asap", "can't wait", "cannot wait", "soonest",
     "time pressure"),
    ("impact", "impacts", "difference", "matters most", "matter most", "important",
     "importance", "valuable", "consequence", "consequences", "effect", "benefit",
     "benefits", "at stake", "stakes", "cost"),
    ("check", "checks", "ask", "verify", "run it by", "run * by", "double-check",
     "confirm", "clarify", "query", "sound out", "catch up", "catch-up", "check in",
     "check-in", "review", "go over", "take stock", "say more", "say a bit more",
     "expand on", "elaborate", "did you mean", "what did you mean", "tell me more"),
    ("unclear", "not clear", "isn't clear", "wasn't clear", "not sure", "wasn't sure",
     "isn't sure", "unsure", "uncertain", "ambiguous", "not obvious", "isn't obvious",
     "confused", "confusing", "vague", "don't know", "doesn't know"),
    ("wait", "waiting", "waits", "pushed back", "put on hold", "on hold", "delay",
     "delayed", "postpone", "postponed", "defer", "deferred", "later", "not today",
     "queue", "next in line", "deprioritise", "deprioritize"),
    ("acknowledge", "acknowledges", "acknowledging", "recognise", "recognize",
     "recognising", "recognizing", "validate", "understand why", "i hear you",
     "fair point", "that's fair", "got a point", "has a point", "have a point",
     "apologise", "apologize", "sorry"),
    ("act", "acting", "action", "actions", "do something about", "address", "fix",
     "correct", "correction", "sort it", "sort out", "put it right", "put right",
     "implement", "resolve", "remedy", "follow through", "deal with"),
    ("weakness", "weaknesses", "weak spot", "weak point", "flaw", "flaws", "fault",
     "faults", "downside", "down side", "shortcoming", "shortcomings", "flip side",
     "not great at", "not very good at", "not the best at", "not so good at",
     "need to improve", "could improve", "area for improvement", "areas for improvement",
     "development area", "blind spot", "struggle with", "i can be too", "i can be a bit"),
    ("curiosity", "curious", "interested", "interest", "ask questions", "ask a lot of questions",
     "find out", "wonder", "explore", "want to know", "keen to know", "fascinated",
     "inquisitive"),
    ("view", "views", "opinion", "opinions", "perspective", "perspectives", "point of view",
     "viewpoint", "standpoint", "coming from", "how they see", "the way they see",
     "see things", "what they think", "their thinking", "angle", "outlook", "belief",
     "beliefs", "their side"),
    ("other", "others", "another", "different", "someone else", "other people",
     "everyone else"),
    ("environment", "atmosphere", "culture", "setting", "surroundings", "workplace", "vibe",
     "conditions", "somewhere with", "somewhere where", "a place where", "a place with",
     "an office where", "an office with", "a team where"),
    ("mix", "mixture", "variety", "varied", "combination", "blend", "split",
     "all sorts", "a bit of"),
    ("task", "tasks", "duties", "duty", "activities", "chores", "to-do"),
    ("need", "needs", "require", "requires", "requirement", "requirements", "rely on",
     "depend on", "essential", "must have", "must-have", "can't do without", "necessary",
     "i'd want", "i would want", "as long as", "provided that", "providing",
     "on condition", "condition", "conditions", "would have to"),
    ("package", "salary", "pay", "pension", "bonus", "benefits", "holiday", "holidays",
     "perks", "compensation", "remuneration", "total reward", "terms", "offer", "equity",
     "share options", "allowance", "annual leave"),
    ("elsewhere", "somewhere else", "anywhere else", "other parts", "other areas",
     "other ways", "instead", "in other ways", "rest of"),
    ("range", "ranges", "budget", "budgeted", "bracket", "band", "ballpark",
     "somewhere between", "in the region of", "salary band", "pay band", "pay scale",
     "allocated", "in mind"),
    ("join", "joining", "joined", "on board", "come on board", "coming on board",
     "part of the team", "start with you", "starting with you", "come and work",
     "work with you", "working with you", "be with you", "get started", "start"),
    ("drop", "dropped", "cut", "cuts", "remove", "removed", "left out", "leave out",
     "descope", "descoped", "de-scope", "scrap", "scrapped", "shelve", "shelved",
     "taken out", "take out", "deprioritise", "deprioritised", "deprioritize",
     "won't make", "will not make", "not make it", "won't be included", "not included",
     "out of scope", "didn't make"),
    ("open", "receptive", "open-minded", "open minded", "take it on board",
     "take * on board", "taking it on board", "fair point", "good point", "point taken",
     "fair enough", "welcome it", "not take it personally", "don't take it personally",
     "without taking it personally", "learn from it"),
    ("vacancy", "open", "vacant", "opening", "came up", "come up", "came about", "new position",
     "new role", "newly created", "created", "replace", "replacing", "replacement",
     "backfill", "last person", "previous person", "predecessor", "moved on", "left"),
    ("measure", "measurable", "metric", "metrics", "numbers", "figures", "kpi", "kpis",
     "quantify", "quantifiable", "track", "tracked", "percent", "per cent", "percentage",
     "score", "scores", "rate", "benchmark"),
    ("write", "writes", "writing", "written", "wrote", "write up", "write down",
     "written down", "note", "notes", "document", "documenting", "documented",
     "documentation", "docs", "wiki", "manual", "guide", "how-to", "readme", "playbook",
     "runbook", "in writing", "record", "recorded", "log"),
    ("share", "shares", "sharing", "shared", "pass on", "passing on", "teach", "teaching",
     "walk * through", "show * how", "hand over", "knowledge transfer", "pair up",
     "pair with", "pairing", "shadow", "shadowing", "talk * through", "go through"),
    ("knowledge", "know-how", "what i know", "expertise", "how to", "the ropes", "insight",
     "insights", "tips", "the ins and outs", "in my head", "tacit"),
    ("skill", "skills", "ability", "abilities", "good at", "better at", "competence",
     "competency", "expertise", "capability", "craft"),
    ("develop", "development", "developing", "grow", "growth", "improve", "improvement",
     "get better", "strengthen", "learning and development", "progression", "career",
     "work on", "brush up", "upskill", "level up"),
    ("train", "training", "course", "courses", "learn", "learning", "mentoring", "mentor",
     "coaching", "coach", "qualification", "qualifications", "certification",
     "certifications", "certificate", "workshop", "workshops", "upskill", "upskilling",
     "cpd", "conference", "conferences"),
    ("quiet", "silent", "silence", "peaceful", "no noise", "away from the noise",
     "undisturbed", "no distractions", "without distractions", "away from distractions",
     "free from distractions", "no interruptions", "uninterrupted", "shut the door",
     "close the door", "door shut", "door closed"),
    ("reliable", "dependable", "solid", "rock solid", "stable", "steady", "consistent",
     "never let me down", "never lets me down", "never drops",
     "never fails", "never failed"),
    ("place", "space", "room", "office", "study", "desk", "spot", "setup", "set-up",
     "workspace", "area", "corner"),
    ("backup", "back-up", "back up", "fallback", "fall back", "plan b", "spare",
     "alternative", "contingency", "just in case", "in case", "second"),
    ("connection", "internet", "broadband", "wifi", "wi-fi", "network", "signal", "router",
     "bandwidth"),
    ("fail", "fails", "failed", "failure", "drop", "drops", "dropped", "goes down",
     "go down", "went down", "cuts out", "cut out", "drops out", "outage", "stops working",
     "stopped working", "crash", "crashes", "goes off", "lose", "lost", "loses", "dies"),
    ("remote", "remotely", "from home", "at home", "distributed", "hybrid", "home working",
     "homeworking", "wfh", "virtual", "virtually", "home-based"),
    ("experience", "experienced", "so far", "to date", "until now", "up to now",
     "background", "track record", "history", "been doing", "in my last job",
     "in my last role", "my last job", "my last role", "my current job", "my current role"),
    ("save", "saves", "reserve", "reserved", "protect", "keep for", "keep it for",
     "set aside", "ring-fence", "ringfence", "use it for", "hold for"),
    ("overlap", "overlapping", "overlaps", "same time", "both online", "in common", "window",
     "crossover", "shared hours"),
    ("discussion", "discussions", "discuss", "conversation", "conversations", "debate",
     "talk through", "talk it through", "talk things through", "meeting", "meetings"),
    ("agree", "agrees", "agreed", "agreement", "agree on", "arrange", "arrangement",
     "establish", "set up", "put in place", "work out", "sort out", "settle on",
     "decide on", "align on"),
    ("handover", "handovers", "hand over", "handing over", "handed over", "hand off",
     "hand-off", "handoff", "hand-offs", "handoffs", "pass on", "passing on", "passed on",
     "pass over", "passed over", "pick up where", "baton", "hand it over", "hand * over"),
    ("visible", "visibility", "can see", "could see", "sees", "show", "shows", "showing",
     "showcase", "demo", "demos", "demonstrate", "share", "transparent", "in view",
     "in front of", "highlight", "publicise", "publicize"),
    ("tool", "tools", "app", "apps", "software", "platform", "platforms", "program",
     "programs", "slack", "microsoft teams", "ms teams", "zoom", "jira", "confluence",
     "trello", "asana", "notion", "miro", "google docs", "google drive", "google meet",
     "sharepoint", "outlook", "whatsapp", "loom", "github", "gitlab", "basecamp", "webex",
     "skype", "onedrive", "dropbox", "figma", "excel", "mural", "clickup"),
    ("channel", "channels", "medium", "message", "messages", "messaging", "chat", "call",
     "calls", "phone", "email", "emails", "video call", "meeting",
     "face to face", "in person", "slack"),
    ("complex", "complexity", "complicated", "tricky", "nuanced", "nuance", "sensitive",
     "delicate", "detailed", "in depth", "in-depth", "difficult"),
    ("rejoin", "rejoins", "reconnect", "reconnects", "dial back in", "dial in", "log back in",
     "get back on", "back on the call", "join again", "back in"),
    ("switch", "switches", "swap", "switch over", "change over", "move over", "fall back on",
     "fall back to", "move to"),
    ("phone", "mobile", "cell", "landline", "ring", "telephone", "audio-only", "audio only"),
    ("ready", "prepared", "to hand", "on hand", "standby", "good to go", "in advance",
     "ahead of time", "beforehand"),
    ("recap", "recaps", "summarise", "summarize", "summary", "sum up", "summing up",
     "go over", "run through", "run over", "remind everyone", "quick reminder",
     "where we were", "where i was", "as i was saying",
     "to recap", "rewind", "go back over"),
    ("effort", "efforts", "try", "make a point", "go out of my way", "make time",
     "deliberately", "take the time", "make the effort"),
    ("beyond", "outside work", "outside of work", "other than", "apart from", "non-work",
     "personal", "as people", "as a person", "socially", "social", "anything but",
     "more than just", "off-topic", "small talk"),
    ("contact", "contacts", "touch", "in touch", "reach", "reach out", "get in touch",
     "keep in touch", "stay in touch", "touch base", "catch up", "catch-up", "check in",
     "check-in", "say hello", "say hi", "ping", "drop * a line", "drop * an email",
     "drop * a message", "introduce myself", "speak to", "talk to", "stay connected",
     "keep connected"),
    ("further", "anything else", "else", "additional", "follow-up", "follow up",
     "later", "afterwards", "after today", "down the line", "comes up", "come up"),
    ("earlier", "at the start", "at the beginning", "a moment ago",
     "a minute ago", "a while ago", "previously", "you mentioned", "you said",
     "you were saying", "going back to", "go back to", "back to what", "we discussed",
     "we talked about", "you talked about", "you touched on"),
    ("buddy", "mentor", "buddies", "someone to ask", "go-to person", "point of contact",
     "pair with", "pair up", "shadow", "shadowing"),
)
"""Concepts a talking point may name, each with the ways an answer says it. The first entry
names the concept; a word in a talking point is looked up by its stem, and a word found in no
concept is looked for as itself (by stem) in the answer."""
# fmt: on

# --- Spoken-story additions ----------------------------------------------------

NOMINAL_ACTION_NOUNS: tuple[str, ...] = (
    "fix",
    "idea",
    "solution",
    "approach",
    "answer",
    "suggestion",
    "proposal",
    "decision",
    "move",
    "response",
    "first step",
    "workaround",
    "change",
    "trick",
    "recommendation",
    "first move",
    "first thought",
    "plan",
    "first call",
    "instinct",
    "way round it",
    "way around it",
)
"""After "my" and before "was": an action told as a noun ("my fix was a script that...")."""

SPEAKER_NARRATION: tuple[str, ...] = (
    "what i did was",
    "what i ended up doing was",
    "the first thing i did",
    "so what i did",
    "the thing i did",
    "what i decided to do",
    "what i did is",
    "what i do is",
    "so what i do",
)
"""Pseudo-clefts that introduce the speaker's own action, past or told in the present."""

AGENT_SELF: tuple[str, ...] = ("me", "myself")
"""The agent of a passive that makes it the speaker's deed: "the rota was drawn up by me"."""

OUTCOME_FIRST_CUES: tuple[str, ...] = (
    "ended up",
    "managed to",
    "in the end",
    "the end result",
    "the upshot",
    "by the time i left",
    "by the time i finished",
    "by the end of it",
    "the bottom line",
    "long story short",
    "the short version",
    "the headline is",
    "the result was",
    "what happened was we",
    "we got",
    "i got",
)
"""Openings that tell the outcome before the story: "long story short, we cut returns by half"."""

NARRATIVE_ONLY_AFTER_CONNECTIVE: frozenset[str] = frozenset(
    {
        "look",
        "see",
        "find",
        "get",
        "say",
        "make",
        "keep",
        "run",
        "help",
        "deal",
        "report",
        "work",
        "handle",
        "support",
        "manage",
    }
)
"""Verbs that after "I" usually state a duty or habit ("I manage the rota") but after "so",
"then" or "and" are steps of a story told in the present ("so I look at the dashboards")."""

NARRATIVE_CONNECTIVES: frozenset[str] = frozenset(
    {"so", "then", "and", "but", "just", "now", "straightaway"}
)

FREQUENCY_WORDS: frozenset[str] = frozenset(
    {
        "every",
        "each",
        "usually",
        "always",
        "often",
        "normally",
        "generally",
        "typically",
        "whenever",
        "sometimes",
        "regularly",
        "tend",
        "daily",
        "weekly",
        "monthly",
        "constantly",
        "frequently",
        "routinely",
        "habitually",
    }
)
"""In a present-tense clause these make it a habit, not a step of one story."""

PRESENT_STATES: frozenset[str] = frozenset(
    {
        "is",
        "has",
        "does",
        "seems",
        "means",
        "needs",
        "wants",
        "thinks",
        "knows",
        "feels",
        "looks",
        "likes",
        "lives",
        "works",
        "gets",
        "goes",
        "comes",
        "tells",
        "asks",
        "starts",
        "keeps",
        "tries",
        "takes",
        "was",
    }
)
"""Third-person present verbs that carry a story on, not its ending ("she asks", "it is")."""

VAGUE_OUTCOME_WORDS: frozenset[str] = frozenset(
    {
        "fine",
        "happy",
        "happier",
        "good",
        "ok",
        "okay",
        "well",
        "great",
        "better",
        "sorted",
        "positive",
        "pleased",
        "calm",
        "calmer",
        "nice",
        "alright",
        "all",
        "right",
        "worked",
        "out",
        "went",
        "it",
        "was",
        "were",
        "they",
        "he",
        "she",
        "everyone",
        "everybody",
        "things",
        "in",
        "the",
        "end",
        "and",
        "so",
        "it's",
        "that",
        "really",
        "quite",
        "pretty",
        "very",
        "um",
        "uh",
        "like",
        "just",
        "basically",
        "then",
        "after",
        "that's",
        "seemed",
        "felt",
        "think",
        "i",
        "a",
        "bit",
        "lot",
        "much",
        "more",
        "overall",
        "generally",
        "handled",
        "dealt",
        "with",
        "resolved",
        "satisfied",
        "them",
        "us",
        "we",
        "fine.",
    }
)
"""An outcome made only of these says nothing checkable: "it was fine in the end, they were
happy"."""

STATE_LEMMAS: frozenset[str] = frozenset(
    {
        "be",
        "have",
        "feel",
        "think",
        "know",
        "mean",
        "seem",
        "want",
        "need",
        "like",
        "love",
        "hate",
        "believe",
        "hope",
        "wish",
        "understand",
        "remember",
        "forget",
        "see",
        "hear",
        "get",
        "become",
        "say",
        "tell",
        "go",
        "come",
        "happen",
        "use",
        "let",
        "can",
        "will",
        "shall",
        "may",
        "must",
        "do",
        "find",
        "keep",
        "begin",
        "start",
        "stand",
        "sit",
        "lie",
    }
)
"""Verbs whose past tense ("knew", "felt", "said") tells no deed of the speaker's on its own."""

OUTCOME_PARTICLES: frozenset[str] = frozenset(
    {
        "home",
        "back",
        "out",
        "through",
        "live",
        "away",
        "ahead",
        "off",
        "over",
        "on",
        "up",
    }
)
"""After a vague verb these make an outcome: "he went home", "it went through", "they came out"."""

INDEFINITE_MARKERS: tuple[str, ...] = (
    "something",
    "someone",
    "somebody",
    "stuff",
    "things like that",
    "that kind of thing",
    "that sort of thing",
    "loads of times",
    "all the time",
    "whatever",
    "some issue",
    "some problem",
    "a few times",
    "plenty of times",
    "lots of times",
    "many times",
    "you just do",
    "you just have to",
    "you know how it is",
)
"""Words that stand where a real story names its particulars: "a customer needed something"."""

TENURE_MARKERS: tuple[str, ...] = (
    "while i was there",
    "during my time",
    "throughout my time",
    "in my time there",
    "over my time",
    "over the years",
    "over my career",
    "throughout my career",
    "in my years",
    "worked my way up",
)
"""A span of a career rather than one episode: "while I was there we went from three stars"."""

EVALUATIVE_OUTCOMES: frozenset[str] = frozenset(
    {
        "happy",
        "happier",
        "delighted",
        "pleased",
        "thrilled",
        "impressed",
        "grateful",
        "glad",
        "satisfied",
        "appreciated",
        "appreciative",
        "helpful",
        "positive",
        "positively",
        "motivated",
        "improved",
        "improve",
        "improving",
        "better",
        "success",
        "successful",
        "great",
        "good",
        "well",
        "fine",
        "smoother",
        "easier",
        "calmer",
        "stronger",
        "confident",
        "valued",
        "engaged",
        "resolved",
        "sorted",
        "enjoyed",
        "loved",
        "liked",
        "benefited",
        "benefitted",
        "responded",
        "worked",
        "appropriately",
        "progress",
        "difference",
        "relieved",
        "thankful",
        "smoothly",
        "excellent",
        "fantastic",
        "brilliant",
        "amazing",
        "wonderful",
    }
)
"""The predicate of an outcome that only evaluates ("the family were delighted", "performance
improved"): without a number or an event, nothing in it could be checked."""

TENURE_PATTERNS: tuple[str, ...] = (
    r"(?:during|over|in|across|throughout) (?:my|those|the|these) (?:\w+ )?(?:years|months) "
    r"(?:at|with|in|there)",
    r"over (?:that|this|the whole) (?:period|time)",
    r"(?:every|each) (?:year|quarter) (?:i|we)",
    r"(?:employee|salesperson|agent|nurse|teacher|worker|manager) of the (?:month|quarter|year)",
    r"consistently",
)
"""A span of a career rather than one episode: "during my five years at...", "over that period"."""
