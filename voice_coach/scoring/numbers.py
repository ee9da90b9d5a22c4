"""Numbers as people say them and as speech-to-text writes them.

A result is usually a number with a unit ("twenty percent", "two weeks", "$40k",
"3x"), but so is background ("ten years of experience", "in 2019"). This module
only *finds* numbers and says what kind each is; whether one is a result depends
on the words around it, which is the scorer's call. Whisper writes numbers both
ways ("20%" and "twenty percent"), so both are handled the same.

It also holds the small regex building blocks the scorer shares, so word
matching has one definition of "between two words" for the whole package.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from voice_coach.scoring import lexicons as lx
from voice_coach.scoring.spans import Span

NumberKind = Literal["percent", "money", "multiplier", "duration", "year", "count"]

# --- Regex building blocks ----------------------------------------------------

SEP = r"[^\w'$£€%]+"
"""Between two words: any run of spaces and punctuation, since ASR punctuation is noise."""

START = r"(?<![\w'])"
END = r"(?![\w'])"


_Trie = dict[str, "_Trie"]
_TOKEN_REGEX = {" ": SEP, "'?": "'?"}


def alternation(phrases: Iterable[str]) -> str:
    """A non-capturing group matching any phrase, preferring the longest ("went up" over "went").

    Built as a character trie ("went(?:\\s+up)?") rather than a flat list of branches:
    Python's regex engine tries branches one by one, so with hundreds of phrases a
    flat list costs hundreds of attempts at every word; a trie costs one per letter.
    """
    trie: _Trie = {}
    for phrase in phrases:
        node = trie
        for token in _phrase_tokens(phrase):
            node = node.setdefault(token, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


_OPTIONAL_APOSTROPHE = "'?"


def _phrase_tokens(phrase: str) -> list[str]:
    """Characters, with " " for a word gap and an optional apostrophe where ASR may drop it.

    Some engines write "didnt" and "im"; the apostrophe is made optional only where
    the bare form is not another common word ("were" for "we're", "well" for "we'll").
    """
    tokens: list[str] = []
    for i, word in enumerate(phrase.split()):
        if i:
            tokens.append(" ")
        droppable = word.endswith("n't") or word in lx.APOSTROPHE_DROPPABLE
        tokens.extend(_OPTIONAL_APOSTROPHE if c == "'" and droppable else c for c in word)
    return tokens


def _trie_regex(node: _Trie) -> str:
    branches = [
        _TOKEN_REGEX.get(token, re.escape(token)) + _trie_regex(child)
        for token, child in sorted(node.items())
        if token
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{body})?"
    return body


# --- Number patterns ----------------------------------------------------------

_UNIT_WORD = alternation(lx.NUMBER_UNITS)
_TEEN_WORD = alternation(lx.NUMBER_TEENS)
_TENS_WORD = alternation(lx.NUMBER_TENS)
_SCALE_WORD = alternation(lx.NUMBER_SCALES)
_NUMBER_WORD = alternation([*lx.NUMBER_UNITS, *lx.NUMBER_TEENS, *lx.NUMBER_TENS, *lx.NUMBER_SCALES])
_WORD_GAP = r"[\s-]+"
_AND_AFTER_SCALE = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"

_SPOKEN = (
    rf"(?:(?:half{_WORD_GAP})?(?:a|an){_WORD_GAP}(?={_SCALE_WORD}{END}))?"
    rf"{_NUMBER_WORD}(?:(?:{_AND_AFTER_SCALE}|{_WORD_GAP}){_NUMBER_WORD}{END})*"
    rf"(?:\s+point\s+{_UNIT_WORD}(?:{_WORD_GAP}{_UNIT_WORD})*(?:{_WORD_GAP}{_SCALE_WORD})?)?"
)
_DIGITS = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_DIGIT_SUFFIX = alternation(lx.DIGIT_SCALE_SUFFIXES)
_SPOKEN_YEAR = (
    rf"(?:nineteen|twenty){_WORD_GAP}"
    rf"(?:oh{_WORD_GAP}{_UNIT_WORD}|hundred|{_TEEN_WORD}|{_TENS_WORD}(?:{_WORD_GAP}{_UNIT_WORD})?){END}"
)
_TIME_UNIT = alternation(lx.TIME_UNITS)
_UNIT = alternation([*lx.PERCENT_UNITS, *lx.MONEY_UNITS, *lx.TIME_UNITS, *lx.MULTIPLIER_UNITS])

_NUMBER_RE = re.compile(
    rf"{START}(?:"
    rf"(?P<mult>{alternation(lx.MULTIPLIER_VERBS)}){END}"
    rf"|(?P<year>{_SPOKEN_YEAR})"
    rf"|(?P<one_unit>(?:half{_WORD_GAP})?(?:a|an){_WORD_GAP}(?P<one_unit_name>{_TIME_UNIT}){END})"
    rf"|(?P<cur>[$£€]\s?)?"
    rf"(?P<num>{_DIGITS}(?:\s?{_DIGIT_SUFFIX}{END}|{_WORD_GAP}{_SCALE_WORD}{END})?|{_SPOKEN}{END})"
    rf"(?:(?P<pct>\s?%)|(?P<x>x){END}|{_WORD_GAP}(?P<unit>{_UNIT}){END})?"
    r")"
)
_NEXT_WORD_RE = re.compile(r"[^\w'%$£€]*([\w']+)?")
_PREV_WORD_RE = re.compile(r"([\w']+)[^\w'%$£€]*$")

_PERCENT = frozenset(lx.PERCENT_UNITS)
_MONEY = frozenset(lx.MONEY_UNITS)
_TIME = frozenset(lx.TIME_UNITS)
_YEAR_BEFORE = frozenset(lx.YEAR_CONTEXT_BEFORE)
_TIMES_FOLLOWERS = frozenset(lx.TIMES_MULTIPLIER_FOLLOWERS)
_YEAR_FOLLOWERS = frozenset(
    {
        "i",
        "we",
        "was",
        "were",
        "when",
        "and",
        "to",
        "the",
        "my",
        "our",
        "that",
        "this",
        "there",
        "it",
        "is",
        "as",
        "until",
        "through",
        "so",
        "um",
        "uh",
        "they",
        "he",
        "she",
    }
)
_WORD_VALUES: dict[str, int] = {
    **lx.NUMBER_UNITS,
    **lx.NUMBER_TEENS,
    **lx.NUMBER_TENS,
}
_LARGE_SCALES = frozenset({"thousand", "million", "billion"})


@dataclass(frozen=True)
class NumberMention:
    """A number in the transcript, with what it measures."""

    span: Span
    text: str
    kind: NumberKind
    value: float | None
    """The number itself when it can be read (unit words ignored); None for "doubled" and kin."""
    unit: str | None = None


def spoken_value(text: str) -> float | None:
    """Read "one hundred and twenty", "half a million", "two point five"; None if not a number."""
    total = 0.0
    current = 0.0
    decimals: list[str] = []
    in_decimals = False
    seen = False
    for word in re.findall(r"[a-z]+", text.lower()):
        if in_decimals:
            if word in lx.NUMBER_UNITS:
                decimals.append(str(lx.NUMBER_UNITS[word]))
                continue
            current += float("0." + "".join(decimals or ["0"]))
            decimals = []
            in_decimals = False
        if word == "point":
            in_decimals = True
        elif word in ("a", "an"):
            current = current or 1.0
        elif word == "half":
            current = 0.5
        elif word == "and":
            continue
        elif word in _WORD_VALUES:
            current += _WORD_VALUES[word]
            seen = True
        elif word in ("hundred", "dozen"):
            current = (current or 1.0) * lx.NUMBER_SCALES[word]
            seen = True
        elif word in _LARGE_SCALES:
            total += (current or 1.0) * lx.NUMBER_SCALES[word]
            current = 0.0
            seen = True
        else:
            return None
    if not seen:
        return None
    value = total + current
    if decimals:
        value += float("0." + "".join(decimals))
    return value


def spoken_year_value(text: str) -> int | None:
    """Read "twenty nineteen", "nineteen ninety eight", "twenty oh five" as a year."""
    words = re.findall(r"[a-z]+", text.lower())
    if len(words) < 2 or words[0] not in ("nineteen", "twenty"):
        return None
    century = lx.NUMBER_TEENS.get(words[0]) or lx.NUMBER_TENS[words[0]]
    rest = words[1:]
    if rest == ["hundred"]:
        return century * 100
    if rest[0] == "oh":
        rest = rest[1:]
    tail = spoken_value(" ".join(rest))
    return None if tail is None else century * 100 + int(tail)


def _digits_value(text: str) -> float | None:
    match = re.match(r"(\d[\d,]*(?:\.\d+)?)\s?([a-z]*)", text)
    if not match:
        return None
    value = float(match.group(1).replace(",", ""))
    suffix = match.group(2)
    if suffix in lx.DIGIT_SCALE_SUFFIXES:
        value *= lx.DIGIT_SCALE_SUFFIXES[suffix]
    elif suffix in lx.NUMBER_SCALES:
        value *= lx.NUMBER_SCALES[suffix]
    return value


def _next_word(lowered: str, pos: int) -> str | None:
    match = _NEXT_WORD_RE.match(lowered, pos)
    return match.group(1) if match else None


def _prev_word(lowered: str, pos: int) -> str | None:
    match = _PREV_WORD_RE.search(lowered, max(0, pos - 40), pos)
    return match.group(1) if match else None


def find_numbers(lowered: str) -> tuple[NumberMention, ...]:
    """Every number in a lowercased transcript, in order, classified by kind.

    Expects the text already lowercased with offsets unchanged, so the spans
    apply to the original transcript too.
    """
    found: list[NumberMention] = []
    for m in _NUMBER_RE.finditer(lowered):
        span = (m.start(), m.end())
        text = m.group(0)
        if m.group("mult"):
            found.append(NumberMention(span, text, "multiplier", None, m.group("mult")))
            continue
        if m.group("one_unit"):
            half = text.startswith("half")
            found.append(
                NumberMention(
                    span, text, "duration", 0.5 if half else 1.0, m.group("one_unit_name")
                )
            )
            continue
        if m.group("year"):
            found.append(NumberMention(span, text, "year", spoken_year_value(text), None))
            continue
        num = m.group("num")
        is_digits = num[0].isdigit()
        value = _digits_value(num) if is_digits else spoken_value(num)
        unit = m.group("unit")
        if m.group("pct"):
            unit = "%"
        elif m.group("x"):
            unit = "x"
        if unit is None and not is_digits and num.strip() in ("one", "a", "an"):
            continue  # "one of them", "no one": the word, not a quantity
        kind: NumberKind
        if unit in _PERCENT:
            kind = "percent"
        elif m.group("cur") or unit in _MONEY:
            kind = "money"
        elif unit in ("x", "fold", "-fold"):
            kind = "multiplier"
        elif unit == "times":
            kind = "multiplier" if _next_word(lowered, m.end()) in _TIMES_FOLLOWERS else "count"
        elif unit in _TIME:
            kind = "duration"
        elif (
            value is not None
            and value.is_integer()
            and 1900 <= value <= 2099
            and (
                _prev_word(lowered, m.start()) in _YEAR_BEFORE
                or _next_word(lowered, m.end()) in (None, *_YEAR_FOLLOWERS)
            )
        ):
            kind = "year"
        else:
            kind = "count"
        found.append(NumberMention(span, text, kind, value, unit))
    return tuple(found)
