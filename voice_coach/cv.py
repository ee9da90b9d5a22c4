"""A CV (and a job description) read: the file, its roles and bullets, its specifics.

Second interviews go through the CV line by line: every role, every claim. This
module reads the documents and finds the roles; :mod:`voice_coach.cv_detail` reads
the rest (skills, dates, results) and :mod:`voice_coach.cv_questions` words the
questions, whose ``mentions`` (a bullet's names and numbers) the spoken answer is
checked against with :func:`used`.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from voice_coach.errors import InputError, LimitError
from voice_coach.safety import KIB, MIB, printable
from voice_coach.speech.spoken import plain_text


class DocumentError(InputError):
    """A CV or job description that cannot be read: bad input, named with its file."""


MAX_DOCUMENT_BYTES = 1 * MIB
"""Text of a CV, job description or notes file. A CV is 5 to 20 KB of text; every bullet
becomes a question, so this also keeps the set made from it well within what a question
set may be (``safety.MAX_SET_BYTES``)."""
MAX_PDF_BYTES = 32 * MIB
"""A PDF file, images and fonts included; its text is then held to MAX_DOCUMENT_BYTES."""
_SNIFF_BYTES = 8 * KIB
"""How much of a file tells text from binary: formats announce themselves at the start."""
_MAX_CONTROL_SHARE = 0.05
"""Text has almost no control characters (a stray escape sequence or two); a binary file
read as Latin-1 has one in ten."""
_STRAY_CONTROLS = 16
"""Control characters always forgiven, so a short file with a few is not called binary."""
_BINARY_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a Word, OpenDocument or zip file"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) file"),
    (b"{\\rtf", "a Rich Text (.rtf) file"),
)
_SAVE_AS_TEXT = "save it as plain text (.txt or .md) or as a PDF, and give that file"
_LINE_BREAK = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""Every way a file may end a line (old Macs, page breaks): one newline each, so none is
dropped with the control characters and two lines run together."""
_CONTROL_CHAR = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass
class Role:
    title: str
    org: str
    dates: str = ""
    bullets: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        if self.title and self.org:
            return f"your time at {self.org} as {self.title}"
        return f"your time at {self.org or self.title}"


_YEAR = r"(?:19|20)\d{2}"
# Every pattern below is linear in the line it reads: a quantifier that only gives back
# what cannot help (possessive "*+"), and look-behinds so that a search does not start
# again inside every word or run of spaces. A paragraph pasted as one line, or a file
# that is not a CV, then costs time in proportion to its length, not to its square.
_DATES = re.compile(
    rf"(?:(?<![a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*+\.?\s+)?"
    rf"{_YEAR}\s*"
    rf"(?:[-–—]|to|until)\s*(?:(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?"
    rf"{_YEAR}|present|now|current|today|date)",
    re.IGNORECASE,
)
BULLET_MARKS = "-*+•▪◦·●○■□‣➢►✓–"
"""What starts a list item in a CV or job description, Markdown's and word processors' alike
(a PDF export keeps "●" and "➢" as characters)."""
_BULLET = re.compile(rf"^\s*(?:[{re.escape(BULLET_MARKS)}]|\d+[.)])\s+")
_SECTION = re.compile(
    r"^\s*+#*+\s*+(?:experience|work experience|employment|employment history|"
    r"professional experience|"
    r"career history|education|profile|summary|interests|references|languages|"
    r"certifications|projects|volunteering|(?:key |core |technical |it |software )?skills"
    r"(?: (?:and|&) (?:tools|systems|qualifications|competencies))?|tools|systems|"
    r"competencies|technologies|awards|training|hobbies)\s*+:?+\s*+$",
    re.IGNORECASE,
)
_NON_WORK = re.compile(
    r"^\s*+#*+\s*+(?:education|(?:key |core |technical |it |software )?skills|interests|"
    r"references|languages|certifications|tools|systems|competencies|technologies|awards|"
    r"training|hobbies)\b",
    re.I,
)
_AT = re.compile(r"^(?P<title>\s|.+?(?<!\s))\s++(?:at|@)\s+(?P<org>.+)$", re.IGNORECASE)
_SEP = re.compile(r"(?:(?<!\s)\s++(?:-\s|[|,—–·])|[|,—–·])\s*")
"""A separator: "|", ",", " - ", "—", "–" or "·", with the spaces around it."""
_SPECIFIC = re.compile(
    r"(?:[$£€]\s?\d[\d,.]*\s?(?:k|m|bn|million|billion)?|\d[\d,.]*\s?(?:%|percent|x\b|k\b|m\b)|"
    r"\b\d[\d,.]*\b)",
    re.IGNORECASE,
)
_PROPER = re.compile(r"\b[A-Z][A-Za-z0-9&]+(?:\s+[A-Z][A-Za-z0-9&]+)*\b")
_STOP = frozenset(
    """
    a an and the of to in for on with by at from as is are was were be been this that our
    your we you they their it its will can able who what when where which into across about
    over under within using use used work working role team teams job candidate ideal must
    should would could including include includes other such more most very well also strong
    good experience years year required requirements desirable essential skills skill onto days
    ability responsibilities responsible you'll we're looking join help make new day
    """.split()  # noqa: SIM905
)


def read_document(path: Path) -> str:
    """Plain text or Markdown as it is; PDF through pypdf; anything else refused by name.

    A CV saved as an image or a Word file would otherwise be read as Latin-1 and turn
    into questions full of NUL bytes; an enormous file would take minutes to walk. Both
    are refused here in a moment, with the file's name and what to do. Control
    characters and terminal escapes are dropped from what is kept: the text becomes
    questions that are printed and spoken.
    """
    if path.is_dir():
        raise DocumentError(f"{path} is a folder; give the file of the CV itself")
    if not path.is_file():
        raise DocumentError(f"{path}: no such file")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
            if head.startswith(b"%PDF-") or path.suffix.lower() == ".pdf":
                return _pdf_text(path, size)
            data = head + handle.read(MAX_DOCUMENT_BYTES + 1 - len(head))
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise LimitError(
            f"{path}: {_size(size)} is more than the {_size(MAX_DOCUMENT_BYTES)} of text a CV, "
            "job description or notes file may be (a CV is usually 5 to 20 KB); "
            "is it the right file?"
        )
    return _checked(path, _decode(path, data))


def _size(n: int) -> str:
    return f"{n / MIB:.1f} MB" if n >= MIB else f"{max(1, round(n / KIB))} KB"


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 (or UTF-16 with its byte-order mark), else Windows' Western encoding."""
    for kind_start, kind in _BINARY_KINDS:
        if data.startswith(kind_start):
            raise DocumentError(f"{path}: not a text file (it is {kind}); {_SAVE_AS_TEXT}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise DocumentError(f"{path}: damaged UTF-16 text; {_SAVE_AS_TEXT}") from None
    if b"\x00" in data:
        raise DocumentError(f"{path}: not a text file (it holds binary data); {_SAVE_AS_TEXT}")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def _checked(path: Path, text: str) -> str:
    """The text with control characters dropped, or an error when they are too many to
    be stray: then the file is not text at all."""
    text = _LINE_BREAK.sub("\n", text)
    controls = sum(1 for _ in _CONTROL_CHAR.finditer(text))
    if controls > max(_STRAY_CONTROLS, _MAX_CONTROL_SHARE * len(text)):
        raise DocumentError(f"{path}: not a text file (it holds binary data); {_SAVE_AS_TEXT}")
    return printable(text, lines=True)


def _pdf_text(path: Path, size: int) -> str:
    if size > MAX_PDF_BYTES:
        raise LimitError(
            f"{path}: {_size(size)} is more than the {_size(MAX_PDF_BYTES)} a PDF may be "
            "(a CV is usually well under 1 MB); is it the right file?"
        )
    try:
        from pypdf import PdfReader

        reader = PdfReader(str(path))
        parts: list[str] = []
        length = 0
        for page in reader.pages:
            part = page.extract_text() or ""
            length += len(part) + 1
            if length > MAX_DOCUMENT_BYTES:
                raise LimitError(
                    f"{path}: more than the {_size(MAX_DOCUMENT_BYTES)} of text a CV, job "
                    "description or notes file may be; is it the right file?"
                )
            parts.append(part)
    except LimitError:
        raise
    except Exception as exc:
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DocumentError(
            f"{path}: cannot read this PDF ({printable(detail)}); save it as plain text "
            "(.txt or .md) and give that file"
        ) from None
    text = "\n".join(parts)
    if not text.strip():
        raise DocumentError(
            f"{path}: this PDF has no text to read (a scanned image?); save your CV as plain "
            "text (.txt or .md) and give that file"
        )
    return _checked(path, text)


def _clean(line: str) -> str:
    """A header line's words: "### **Brightwell Logistics** — Lead" names Brightwell
    Logistics, not "Brightwell Logistics**"."""
    return plain_text(line)


def _header(line: str, next_line: str) -> tuple[Role, bool] | None:
    """A role header and whether it used the next line too.

    Layouts seen: 'Title at Org (2019 - 2022)', 'Org | Title | 2019-2022', 'Org — Title —
    2015 to 2019', and an organisation line followed by 'Title, Team    2019 – 2024'.
    """
    text = _clean(line)
    dates_match = _DATES.search(text)
    if not dates_match:
        below = _clean(next_line)
        below_dates = _DATES.search(below)
        if not below_dates or not text or len(text.split()) > 8:
            return None
        title = _SEP.split(_DATES.sub("", below).strip(" ()[]|,-–—:·"))[0].strip()
        org = _SEP.split(text)[0].strip() if "," in text else text
        return Role(title, org, below_dates.group(0)), True
    dates = dates_match.group(0)
    rest = _DATES.sub("", text).strip(" ()[]|,-–—:·")
    if not rest:
        return None
    role = _split_role(rest, dates)
    return (role, False) if role else None


def _split_role(rest: str, dates: str) -> Role | None:
    m = _AT.match(rest)
    if m:
        return Role(m["title"].strip(" ,"), m["org"].strip(" ,"), dates)
    parts = [p for p in _SEP.split(rest) if p.strip()]
    if len(parts) >= 2:
        first, second = parts[0].strip(), parts[1].strip()
        # Titles tend to carry role words; otherwise take "Org, Title" order.
        if re.search(
            r"\b(?:manager|engineer|developer|lead|head|director|analyst|officer|"
            r"assistant|nurse|teacher|consultant|designer|specialist|coordinator|"
            r"administrator|intern|associate|representative|supervisor)\b",
            first,
            re.I,
        ):
            return Role(first, second, dates)
        return Role(second, first, dates)
    if not parts:
        return None  # nothing but separators beside the dates: not a role
    return Role("", parts[0].strip(), dates)


def parse_cv(text: str) -> list[Role]:
    """Roles with their bullets, from the common CV layouts (tolerant of odd ones)."""
    lines = text.splitlines()
    roles: list[Role] = []
    current: Role | None = None
    in_non_work = False
    skip = False
    wrapped: list[str] = []
    """The lines of the bullet being read: joined once it ends, since growing a string
    line by line takes time in the square of the bullet's length."""

    def end_bullet() -> None:
        if wrapped and current is not None:
            current.bullets[-1] = " ".join(wrapped)
        wrapped.clear()

    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        if not line.strip():
            continue
        if _SECTION.match(line) or _SECTION.match(_clean(line)):
            end_bullet()
            in_non_work = bool(_NON_WORK.match(_clean(line)))
            current = None
            continue
        if in_non_work:
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if not _BULLET.match(line):
            found = _header(line, following if not _BULLET.match(following) else "")
            if found is not None:
                end_bullet()
                current, skip = found
                roles.append(current)
                continue
        if current is not None and _BULLET.match(line):
            bullet = _BULLET.sub("", line).strip()
            if len(bullet.split()) >= 3:
                end_bullet()
                current.bullets.append(bullet)
                wrapped.append(bullet)
        elif current is not None and current.bullets and line.startswith((" ", "\t")):
            if not wrapped:
                wrapped.append(current.bullets[-1])
            wrapped.append(line.strip())  # a wrapped bullet
    end_bullet()
    return roles


def specifics(bullet: str) -> tuple[str, ...]:
    """The numbers and proper names a bullet claims: what the answer should repeat."""
    found = [m.group(0).strip() for m in _SPECIFIC.finditer(bullet)]
    first_word = bullet.split()[0] if bullet.split() else ""
    for m in _PROPER.finditer(bullet):
        word = m.group(0).removeprefix(first_word + " ") if m.start() == 0 else m.group(0)
        if word != first_word and word.lower() not in _STOP:
            found.append(word)
    return tuple(dict.fromkeys(found))


def key_terms(job_text: str, limit: int = 15) -> tuple[str, ...]:
    """The words and two-word phrases a job description keeps coming back to."""
    words_re = r"[a-zA-Z][a-zA-Z+#.-]*[a-zA-Z+#]|[a-zA-Z]"
    singles: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    # Phrases never straddle a sentence or list boundary.
    for chunk in re.split(r"[.;:!?\n•,()]+", job_text.lower()):
        words = re.findall(words_re, chunk)
        for w in words:
            if w not in _STOP and len(w) > 2:
                singles[w] += 1
        for a, b in itertools.pairwise(words):
            if a not in _STOP and b not in _STOP and len(a) > 2 and len(b) > 2:
                pairs[f"{a} {b}"] += 1
    # A repeated phrase says more than its words; a word inside a chosen phrase adds nothing.
    ranked = [(n * 2, t) for t, n in pairs.items() if n >= 2]
    ranked += [(n, t) for t, n in singles.items() if n >= 2]
    chosen: list[str] = []
    for _, term in sorted(ranked, key=lambda x: (-x[0], x[1])):
        if " " not in term and any(term in c.split(" ") for c in chosen):
            continue
        chosen.append(term)
        if len(chosen) >= limit:
            break
    return tuple(chosen)


def used(transcript: str, items: tuple[str, ...]) -> list[tuple[str, bool]]:
    """Which of ``items`` (CV specifics or job terms) the answer used.

    Numbers match in any spoken form ("20%" is "twenty percent"), via the scorer's
    number reader; words match case-insensitively on word boundaries, and whatever
    spaces, hyphens or dots the transcriber puts inside a name ("Northwind" heard as
    "North Wind", "e-commerce" as "e commerce").
    """
    from voice_coach.scoring.numbers import find_numbers

    lowered = transcript.lower()
    spoken_values = {round(n.value, 4) for n in find_numbers(transcript) if n.value is not None}
    result = []
    for item in items:
        values = {round(n.value, 4) for n in find_numbers(item) if n.value is not None}
        if values:
            hit = bool(values & spoken_values)
        else:
            hit = any(_split_fairly(m.group(), item) for m in _spelled(item).finditer(lowered))
        result.append((item, hit))
    return result


_INSIDE = r"[\s\-\u2010-\u2013.]*"
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2013.]+")


def _split_fairly(found: str, item: str) -> bool:
    """Whether ``found`` is the item as a transcriber writes it, not other words that
    happen to spell it ("rot a" is not "rota"): split where the item itself is, between
    parts of three letters or more ("North Wind"), or letter by letter ("S Q L")."""
    pieces = [p for p in _SEPARATORS.split(found) if p]
    if len(pieces) <= 1 or all(len(p) == 1 for p in pieces):
        return True
    own = set()
    count = 0
    for part in _SEPARATORS.split(item.lower()):
        count += sum(c.isalnum() for c in part)
        own.add(count)
    at = 0
    for left, right in itertools.pairwise(pieces):
        at += len(left)
        if at not in own and (len(left) < 3 or len(right) < 3):
            return False
    return True


def _spelled(item: str) -> re.Pattern[str]:
    """The item's letters and digits in order, with any separators between them or none."""
    chars = [c for c in item.lower() if c.isalnum()]
    if not chars:
        return re.compile(rf"\b{re.escape(item.lower())}\b")
    return re.compile(r"\b" + _INSIDE.join(re.escape(c) for c in chars) + r"\b")
