"""Provisional text while an answer is spoken, and whether what was said sounds finished.

A live answer is decoded for good one segment at a time, when a pause closes it; the
words of the segment still open are decoded again every second or so and shown as
provisional, so the screen keeps up with the speaker. Two things make that bearable to
read and safe to act on:

* a word only becomes *stable* once two consecutive passes agree on it (the "local
  agreement" policy of whisper_streaming): the end of a growing piece of audio is often
  cut mid-word, and a word guessed from half its sound changes on the next pass. What
  was agreed is never rewritten while the segment stays open; only the tail after it may
  change. The final decode of the segment replaces it all.
* :func:`sounds_finished` says whether the text so far ends like a finished answer
  ("...and that's how we cut the backlog in half.") rather than a thinking pause
  ("and then I, um..."), so the answer can end after a shorter silence.
"""

from __future__ import annotations

from dataclasses import dataclass

from voice_coach.speech.stt import Word

UNFINISHED_ENDINGS: frozenset[str] = frozenset(
    {
        # fillers: the speaker is still thinking
        "um", "umm", "uh", "uhh", "uhm", "erm", "er", "ah", "eh", "hmm", "mm", "like",
        # joining words: a clause follows
        "and", "but", "or", "so", "because", "cause", "then", "that", "which", "who",
        "when", "while", "where", "if", "although", "though", "since", "until", "unless",
        "whether", "than", "as", "also", "plus",
        # words that need what comes after them
        "the", "a", "an", "my", "our", "their", "your", "to", "of", "in", "on", "at",
        "for", "with", "from", "by", "into", "onto", "between", "i", "we", "they", "he",
        "she", "just", "very", "let's", "i'm", "we're", "it's", "there's", "was", "were",
        "is", "are",
    }
)  # fmt: skip
"""Last words after which a sentence cannot have ended, whatever punctuation Whisper put
after them: it often closes a cut-off clause with a full stop ("And then I, um.", "The
biggest lesson for me was that."). When in doubt a word is listed: a wrong "unfinished"
only keeps the full end silence ("That's what it was." waits for it), a wrong "finished"
cuts the speaker off. Words that often end a sentence ("...and we shipped it.", "It did.",
"it went well.") are left out."""

DETERMINERS: frozenset[str] = frozenset(
    {"the", "an", "a", "my", "our", "their", "his", "her", "its", "your", "this", "that"}
)
"""Before "end" these make it the noun ("to the end."); after anything else it is "and"
misheard, which the small model does at a pause ("...to lead the migration end.")."""

FINAL_PUNCTUATION = (".", "!", "?")
TRAILING_OFF = ("...", "…", ",", "-", "—", ":", ";")


def bare_word(word: str) -> str:
    """A word as two decodes are compared: case and punctuation are what passes revise
    most, and say least ("you," then "you.")."""
    return "".join(c for c in word.lower() if c.isalnum() or c == "'")


def sounds_finished(text: str) -> bool:
    """Whether ``text`` ends like a finished answer: a sentence closed by Whisper's own
    punctuation whose last word is not a filler or a word that needs more after it.

    Empty text (a cough, a breath) is not finished: the full end silence applies.
    """
    text = text.strip().strip("\"'”’)")
    if not text or text.endswith(TRAILING_OFF) or not text.endswith(FINAL_PUNCTUATION):
        return False
    words = [bare_word(w) for w in text.split()]
    words = [w for w in words if w]
    if not words or words[-1] in UNFINISHED_ENDINGS:
        return False
    return not (words[-1] == "end" and (len(words) < 2 or words[-2] not in DETERMINERS))


@dataclass(frozen=True)
class LiveText:
    """What the screen shows while an answer is given: the words decoded for good, then
    those still provisional (to be drawn dimmed: they may change)."""

    final: str
    provisional: str = ""

    @property
    def text(self) -> str:
        return f"{self.final} {self.provisional}".strip()


class StablePrefix:
    """Local agreement over successive decodes of one growing piece of audio.

    ``update`` takes each pass's words and returns (stable, unstable): the stable words
    only ever grow (a word joins them when this pass and the one before agree on it, at
    the same place after what is already stable), and the unstable tail is this pass's
    words after them.
    """

    def __init__(self) -> None:
        self.stable: list[Word] = []
        self._previous: list[Word] = []

    def update(self, words: list[Word]) -> tuple[list[Word], list[Word]]:
        done = len(self.stable)
        tail, before = words[done:], self._previous[done:]
        agreed = 0
        for new, old in zip(tail, before, strict=False):
            if bare_word(new.word) != bare_word(old.word) or not bare_word(new.word):
                break
            agreed += 1
        self.stable += tail[:agreed]
        self._previous = words
        return list(self.stable), tail[agreed:]
