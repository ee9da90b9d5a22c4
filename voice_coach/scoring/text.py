"""The transcript as the scorer reads it: lowercased, tokenised once, with clause edges.

Speech-to-text output has no reliable capitals or punctuation, so every rule
works on a lowercased copy whose character offsets equal the original's (spans
found in the copy point into what the user said). Words are indexed once, so
questions such as "what came just before this match?" or "where does this
clause end?" are list look-ups rather than more regex passes: that is what keeps
scoring at thousands of answers a second.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, pairwise

from voice_coach.scoring import lexicons as lx
from voice_coach.scoring.numbers import Span

_SPLIT_RE = re.compile(r"([a-z0-9']+)")
_PUNCT = frozenset(".!?;:,")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_FUTURE_WORDS = frozenset(m for m in lx.FUTURE_MARKERS if " " not in m)
_FUTURE_PAIRS = frozenset(
    (m.split()[0], m.split()[1]) for m in lx.FUTURE_MARKERS if len(m.split()) == 2
)
_FUTURE_ENDINGS = tuple(lx.FUTURE_CONTRACTIONS)
assert all(len(m.split()) <= 2 for m in lx.FUTURE_MARKERS), "plans are one or two words"
GAP_WORDS = frozenset(
    w for phrase in (*lx.FILLERS, *lx.SUBJECT_VERB_ADVERBS) for w in phrase.split() if w != "i"
)
"""Words that may sit between a subject and its verb without changing who did what."""

_FORWARD_STOPS = lx.EXTEND_STOPS | lx.CLAUSE_SUBJECT_STARTS

CLAUSE_WINDOW = 10
"""Most words looked back for "will", "aim to"... before a change word: one long clause."""
EXTEND_FORWARD = 14
"""Most words a STAR span grows to the right: a long spoken clause, not the next sentence."""
EXTEND_BACK = 8
"""Most words a result grows to the left, to take in its subject ("checkout errors dropped")."""


def lowered(text: str) -> str:
    """Lowercase with one character per character, so offsets stay valid for ``text``."""
    low = text.translate(_APOSTROPHES).lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_APOSTROPHES))


@lru_cache(maxsize=16384)
def verb_tags(word: str) -> frozenset[str]:
    """The Penn tags ("VBD", "VBN") a word has as a form of some English verb: "rewrote" is
    VBD, "drawn" VBN, "put" both. From lemminflect's tables, so every irregular verb is
    known, not only the ones a word list remembered."""
    import lemminflect

    tags: set[str] = set()
    for lemma in lemminflect.getAllLemmas(word, upos="VERB").get("VERB", ()):
        forms = lemminflect.getAllInflections(lemma, upos="VERB")
        tags.update(tag for tag in ("VBD", "VBN") if word in forms.get(tag, ()))
    return frozenset(tags)


def state_lemma(word: str) -> bool:
    """Whether a past form belongs to a verb of being, having, thinking or feeling."""
    import lemminflect

    lemmas = lemminflect.getAllLemmas(word, upos="VERB").get("VERB", ())
    return any(lemma in lx.STATE_LEMMAS for lemma in lemmas)


def is_past_form(word: str) -> bool:
    """Any simple-past verb form, deed or not: "covered", "had", "went", "rewrote"."""
    return (
        word in lx.IRREGULAR_PAST_ACTIONS
        or word in lx.IRREGULAR_PAST_STATES
        or (len(word) > 3 and word.endswith("ed") and word not in lx.PRESENT_TENSE_ED)
        or (word.isalpha() and "VBD" in verb_tags(word) and word not in lx.PRESENT_TENSE_ED)
    )


class Text:
    """The lowercased transcript with its words and punctuation indexed once."""

    __slots__ = ("_breaks", "ends", "low", "punct_flags", "starts", "words")

    def __init__(self, low: str) -> None:
        self.low = low
        # One C-level split gives words and the separators between them; offsets are then
        # running sums, and "is there punctuation before this word" a look at its separator.
        parts = _SPLIT_RE.split(low)
        self.words: list[str] = parts[1::2]
        offsets = list(accumulate(map(len, parts)))
        self.starts: list[int] = offsets[0::2][: len(self.words)]
        self.ends: list[int] = offsets[1::2]
        self.punct_flags: list[bool] = [
            sep != " " and not _PUNCT.isdisjoint(sep) for sep in parts[0:-1:2]
        ]
        """For each word, whether punctuation (or the start of the text) comes before it."""
        if self.punct_flags:
            self.punct_flags[0] = True
        self._breaks: list[bool] | None = None

    def index(self, pos: int) -> int:
        """How many words start before ``pos``."""
        return bisect_left(self.starts, pos)

    def before(self, pos: int, n: int) -> list[str]:
        i = self.index(pos)
        return self.words[max(0, i - n) : i]

    def next_word(self, pos: int) -> str:
        i = self.index(pos)
        return self.words[i] if i < len(self.words) else ""

    def clause_starts(self) -> list[bool]:
        """For each word, whether a clause begins there (after punctuation or "and", "so"...).

        Speech-to-text often has no punctuation, so coordinating words count as edges too.
        """
        if self._breaks is None:
            words = self.words
            flags = self.punct_flags
            openers = lx.CLAUSE_OPENERS
            self._breaks = [flags[i] or words[i - 1] in openers for i in range(len(words))]
        return self._breaks

    def clause_words(self, pos: int) -> list[str]:
        """The words of the clause that ``pos`` is in, up to ``pos``.

        Punctuation ends a clause when there is any; conjunctions do too, because
        speech-to-text output often has none.
        """
        i = self.index(pos)
        flags = self.punct_flags
        if i < len(flags) and flags[i] and self.starts[i] == pos:
            return []
        first = max(0, i - CLAUSE_WINDOW)
        for k in range(i - 1, first, -1):
            if flags[k]:
                first = k
                break
        words = self.words[first:i]
        for j in range(len(words) - 1, -1, -1):
            if words[j] in lx.CLAUSE_BREAKS:
                return words[j + 1 :]
        return words

    def is_planned(self, pos: int) -> bool:
        """A plan, wish or condition earlier in the same clause: "we aim to", "if we"."""
        words = self.clause_words(pos)
        if not words:
            return False
        if not _FUTURE_WORDS.isdisjoint(words):
            return True
        if any(pair in _FUTURE_PAIRS for pair in pairwise(words)):
            return True
        return any(w.endswith(_FUTURE_ENDINGS) and len(w) > 3 for w in words)

    def past_verb_follows(self, pos: int, n: int = 8) -> bool:
        """Whether a past-tense verb comes within ``n`` words after ``pos``."""
        i = self.index(pos)
        return any(is_past_form(w) for w in self.words[i : i + n])

    def said_by_i(self, pos: int) -> bool:
        """Whether the verb at ``pos`` has "I" as its subject, fillers and adverbs aside."""
        for word in reversed(self.before(pos, 5)):
            if word not in GAP_WORDS:
                return word == "i"
        return False

    def extend(self, span: Span, *, back: bool = False) -> Span:
        """Grow ``span`` to the edges of its clause, for STAR highlighting.

        Evidence spans are the few words that triggered a rule ("I rewrote", "80
        percent"); the STAR view shows the whole clause ("I rewrote the retry logic").
        A clause ends at punctuation, at a conjunction, at a new "I"/"we" subject,
        or after a long run of words, since speech-to-text may give no other clue.
        """
        words = self.words
        n = len(words)
        if not n:
            return span
        flags = self.punct_flags
        first = bisect_left(self.starts, span[0])
        last = max(first, bisect_left(self.starts, span[1]) - 1)
        j = last + 1
        limit = min(n, j + EXTEND_FORWARD)
        while j < limit and not flags[j] and words[j] not in _FORWARD_STOPS:
            j += 1
        end = max(span[1], self.ends[j - 1]) if j > last + 1 else span[1]
        start = span[0]
        if back and first < n:
            k = first
            floor = max(0, first - EXTEND_BACK)
            while k > floor and not flags[k] and words[k - 1] not in lx.EXTEND_STOPS:
                k -= 1
                if words[k] in lx.SUBJECTS_BACK:
                    break
            start = min(span[0], self.starts[k])
        return (start, end)
