"""What the interviewer's voice may say: the interviewer's words, and nothing else.

Questions come from files people write for themselves: notes typed after an interview,
a CV in Markdown. Read aloud as written, they leak things no interviewer says: "star
star", a bracketed "(I waffled here)", a stage direction "[pause]", "e g". So there
are two doors here. :func:`split_note` and :func:`plain_text` run when a set is made,
so the stored question is already the interviewer's words and the user's aside is kept
apart (``Question.note``, shown on screen). :func:`spoken_text` runs again just before
any text is synthesised, because a hand-written TOML set, a set made before this
existed or a screen's own sentence can still carry marks.

Every pattern here is linear in the text it reads (negated classes that stop at the
next opening mark, no nested quantifiers): the text is the user's own file and may be
a paragraph pasted as one line.
"""

from __future__ import annotations

import re

# --- Markdown --------------------------------------------------------------------------

_IMAGE_OR_LINK = re.compile(r"!?\[([^\[\]\n]*)\](?:\([^()\n]*\)|\[[^\[\]\n]*\])")
"""``[text](url)``, ``![alt](url)`` and ``[text][ref]``: the words stay, the address goes."""
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]*)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")
_LINE_MARK = re.compile(
    r"^[ \t]*(?:>[ \t]*)*(?:#{1,6}(?=[ \t]|$)|[-*+•▪◦·●○■□‣➢►✓–](?=[ \t])|\d{1,3}[.)](?=[ \t])"
    r"|\[[ xX]\](?=[ \t]))?[ \t]*",
    re.MULTILINE,
)
"""What opens a Markdown line: quote marks, a heading's hashes, a bullet, a list number
or a task box. Only at the start of a line, so "5. " inside a sentence is left alone."""
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$", re.MULTILINE)
_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)
_LONE_HASHES = re.compile(r"(?<!\S)#+(?!\S)")
"""Hashes standing alone mid-line: a heading mark pasted into a sentence. "C#" and "#1"
are words and stay."""
_STRUCK = re.compile(r"~~[^~\n]*~~")
"""Struck-through words: the writer took them back."""
_EMPHASIS = re.compile(r"\*+|~~|`+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])")
"""Bold, italic, strike-through and code marks. Underscores inside a word
(``snake_case``) are a name, not emphasis, and stay."""


def plain_text(text: str) -> str:
    """``text`` with its Markdown marks taken off and the words kept, on one line.

    Used on text that becomes a question: a CV bullet "**Brightwell Logistics**" must
    be quoted as the words, not the stars.
    """
    text = _RULE.sub("", text)
    text = _IMAGE_OR_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub(" ", text)
    text = _LINE_MARK.sub("", text)
    text = _CLOSING_HASHES.sub("", text)
    text = _LONE_HASHES.sub(" ", text)
    text = _STRUCK.sub(" ", text)
    text = _EMPHASIS.sub("", text)
    return _tidy(text)


# --- Notes to self -----------------------------------------------------------------------

_BRACKETED = re.compile(r"\(([^()\[\]{}\n]*)\)|\[([^()\[\]{}\n]*)\]|\{([^()\[\]{}\n]*)\}")
"""The innermost bracketed span; applied until none is left, so nesting comes out whole."""
_MAX_NESTING = 8
"""Passes of :data:`_BRACKETED`; brackets nested deeper than this are not an aside but a
damaged file, and their marks are simply dropped."""
_OPENER = re.compile(r"[(\[{]")
_STRAY_BRACKET = re.compile(r"[()\[\]{}]")
_NOTE_MARKER = re.compile(
    r"(?:^|(?<=[\s.?!,;]))(?:N\.?B\.?|P\.?S\.?|note(?:s)?(?: to self)?|todo|memo)"
    r"[ \t]*[:\-–—][ \t]*",
    re.IGNORECASE,
)
"""Where a written note to self starts: "NB:", "note:", "note to self -", "TODO:"."""
_DASH = re.compile(r"[ \t]+(?:--?|–|—)[ \t]+|[ \t]*—[ \t]*")
"""A dash between words, which in notes usually starts a remark: " - ", " — ", "--"."""
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|my|myself|mine)\b")
"""How the user writes about themself. "me" is not here: interviewers say "tell me"."""
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_NOTE_OPENING = re.compile(
    r"(?:remember|prepare|practise|practice|revise|research|check|look up|follow up|need to|"
    r"should|must|mention|forgot|waffled|rambled|blanked|asked by|they|he|she|interviewer|"
    r"panel|hr|good|bad|ok|okay|went|fine|nailed|weak|strong|tough|tricky|hard|easy|"
    r"again|later|todo|fix|better|worse)\b",
    re.IGNORECASE,
)
"""Words a remark to self starts with; an interviewer's aside after a dash does not."""


def split_note(text: str) -> tuple[str, str | None]:
    """The interviewer's words in ``text`` and the user's note beside them (or None).

    "What is your experience with SAP S/4HANA? (I waffled - I only used it for 3
    months)?" is the question "What is your experience with SAP S/4HANA?" and the note
    "I waffled - I only used it for 3 months". Asides are what people put in brackets,
    after "NB:" or "note:", or after a dash once the question has ended or when the
    words after it are about the user ("- I froze") rather than to them ("- and what
    did you learn?"). Markdown marks go from both halves.
    """
    notes: list[str] = []
    text = plain_text(text)
    asked = _ASKED.search(text) is not None

    def take(match: re.Match[str]) -> str:
        inner = next((g for g in match.groups() if g is not None), "")
        if inner.strip():
            notes.append(inner)
        return " "

    for _ in range(_MAX_NESTING):
        text, found = _BRACKETED.subn(take, text)
        if not found:
            break
    opener = _OPENER.search(text)
    if opener is not None:  # "(I waffled" never closed: the rest of the line is the aside
        notes.append(text[opener.end() :])
        text = text[: opener.start()]
    text = _STRAY_BRACKET.sub(" ", text)
    marker = _NOTE_MARKER.search(text)
    if marker is not None:
        notes.insert(0, text[marker.end() :])
        text = text[: marker.start()]
    dash = _DASH.search(text)
    if dash is not None:
        head, tail = text[: dash.start()], text[dash.end() :]
        if _is_remark(head, tail):
            notes.insert(0, tail)
            text = head
    question = _finish(text, asked=asked)
    if asked and notes:  # the line's question mark belongs to the question, not the note
        notes[-1] = notes[-1].rstrip().removesuffix("?")
    kept = [n for n in (_note(n) for n in notes) if n]
    return question, "; ".join(kept) or None


def _note(text: str) -> str:
    """One aside, tidied: "(Note to self: use the Contoso story)" is "use the Contoso story"."""
    text = _tidy(_STRAY_BRACKET.sub(" ", text))
    marker = _NOTE_MARKER.match(text)
    if marker is not None:
        text = text[marker.end() :]
    return text.strip(" ,;:-–—")


_ASKED = re.compile(r"\?[\s)\]}]*$")
"""A line that ends asking, though a note may stand between the question and its mark."""


def _is_remark(head: str, tail: str) -> bool:
    """Whether the words after a dash are the user's remark rather than the question's."""
    if not head.strip() or not tail.strip():
        return bool(head.strip())
    if head.rstrip().endswith(("?", "!", ".")):
        return True  # the question had ended before the dash
    if _SECOND_PERSON.search(tail):
        return False
    return bool(_FIRST_PERSON.search(tail) or _NOTE_OPENING.match(tail.strip()))


def _finish(text: str, *, asked: bool) -> str:
    """The question tidied and ending as a question or a request does."""
    text = _tidy(text).strip(" ,;:-–—")
    if not text:
        return ""
    if asked and not text.endswith(("?", ".", "!")):
        text += "?"
    return text


# --- Speaking -----------------------------------------------------------------------------

_EXPANSIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\be\.\s?g\.?(?![A-Za-z])", re.IGNORECASE), "for example"),
    (re.compile(r"\bi\.\s?e\.?(?![A-Za-z])", re.IGNORECASE), "that is"),
    (re.compile(r"\betc\.(?=[ \t]*$|[ \t]+[A-Z])"), "and so on."),
    (re.compile(r"\betc\b\.?", re.IGNORECASE), "and so on"),
    (re.compile(r"\bvs\b\.?", re.IGNORECASE), "versus"),
    (re.compile(r"\bw/o(?![\w/])", re.IGNORECASE), "without"),
    (re.compile(r"\bw/(?=\s)", re.IGNORECASE), "with"),
    (re.compile(r"[ \t]*&(?:amp;)?[ \t]*"), " and "),
    (re.compile(r"~(?=\d)"), "about "),
)
"""Written shorthand a voice reads badly ("e g", "ampersand"), with what a person says."""
_SLASHED = re.compile(r"(?<![\w/.:@-])[A-Za-z]+(?:/[A-Za-z]+)+(?![\w/.@-]|\.\w)")
"""Words joined by slashes ("manager/lead", "CI/CD"), but not a product name with a digit
("S/4HANA"), a path, an address or a date."""
_SPACED_DASH = re.compile(r"(?:[ \t]+(?:--?|–|—))+[ \t]+|[ \t]*—[ \t]*")
"""A dash between words, or a run of them, said as the pause a comma gives."""


def spoken_text(text: str) -> str:
    """``text`` as the interviewer would say it: the one cleaner run before synthesis.

    Markdown marks, bracketed asides and stage directions ("[pause]", "(smiles)") and
    notes to self go; shorthand is said in words ("e.g." is "for example", "&" is
    "and", "manager/lead" is "manager or lead"); names stay as written ("S/4HANA",
    "R&D" reads "R and D"). An empty string when nothing sayable is left, so a caller
    can skip the voice rather than speak a mark.
    """
    question, _ = split_note(text)
    for pattern, said in _EXPANSIONS:
        question = pattern.sub(said, question)
    question = _SLASHED.sub(_unslash, question)
    question = _SPACED_DASH.sub(", ", question)
    return _tidy(question)


def _unslash(match: re.Match[str]) -> str:
    """Acronyms joined by slashes are said one after another ("CI CD"), as is "and/or";
    other words are alternatives ("his or her")."""
    parts = match.group(0).split("/")
    if all(p.isupper() for p in parts) or any(p.lower() in ("and", "or") for p in parts):
        return " ".join(parts)
    return " or ".join(parts)


# --- Shared -------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:!?])")
_REPEATED_END = re.compile(r"([?!])[\s?!.,;:]+")
_COMMA_BEFORE_END = re.compile(r"[,;:]+(?=[.?!]|$)")
_DOUBLE_COMMA = re.compile(r",(?:\s*,)+")


def _tidy(text: str) -> str:
    """One line, single spaces, punctuation where a removed aside left it doubled."""
    text = _SPACE.sub(" ", text)
    text = _SPACE_BEFORE_MARK.sub(r"\1", text)
    text = _DOUBLE_COMMA.sub(",", text)
    text = _COMMA_BEFORE_END.sub("", text)
    text = _REPEATED_END.sub(lambda m: m.group(1) + " ", text)
    return text.strip(" ,;:")
