"""Profiles from the user's research notes on the people who will interview them.

Real notes are messy: a Markdown heading per person or a plain line ("Sarah Khan -
Finance Director (panel)", "Tom Reed, Head of FP&A, my line manager", "Priya (HR,
talent partner)"), then bullets, "key: value" lines, links, half-sentences ("ex-Deloitte,
12 yrs at Acme", "big on controls and cost"). This reads what it can and keeps the rest:
a person's name and role from their line, their relation to the job from the words
around it, what they care about from a "cares about" list or phrase, links and
background into the notes, and every other line into the notes as written. Nothing
the user wrote about a person is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from voice_coach.errors import InputError
from voice_coach.ids import Ids
from voice_coach.people import ID_MAX, MAX_NOTES, Profile
from voice_coach.people_questions import Relation, RoleFamily, family_of, role_words
from voice_coach.speech.spoken import plain_text
from voice_coach.topics import read_topic

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^(\s*)(?:[-*+•◦▪‣]|\d+[.)]|\[[ xX]\])\s+")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\blinkedin\.com/\S+", re.IGNORECASE)
_KEYS: tuple[tuple[str, str], ...] = (
    ("name", r"name|who|interviewer(?: \d+)?|person"),
    ("role", r"role|title|job title|position|job|works as"),
    ("relation", r"relation(?:ship)?(?: to (?:the|my) (?:role|job))?|connection"),
    (
        "cares",
        r"cares?(?: a lot)?(?: about)?|what (?:she|he|they) cares? about|interests?|"
        r"interested in|priorities|focus(?: areas?)?|hot (?:topics|buttons)|topics|"
        r"likely to ask(?: about)?|themes|big on|keen on|things (?:she|he|they) care about",
    ),
    ("background", r"background|bio|career|experience|history|previously|before"),
    ("links", r"links?|linkedin|profile|url|website|web"),
    (
        "notes",
        r"notes?|other|misc|free notes|comments|thoughts|impressions|remember|to ask|"
        r"questions(?: to ask| for (?:her|him|them))?|ask (?:her|him|them)",
    ),
)
_KEY_LINE = re.compile(
    r"^(?P<key>" + "|".join(f"(?:{p})" for _, p in _KEYS) + r")\s*(?:[:=]|\s-\s)\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_KEY_ONLY = re.compile(
    r"^(?P<key>" + "|".join(f"(?:{p})" for _, p in _KEYS) + r")\s*:?\s*$", re.IGNORECASE
)
_CARES_PHRASE = re.compile(
    r"^(?:(?:she|he|they|really|very|also|seems?|is|are|'s|likely)\s+)*"
    r"(?:cares?\s+(?:a\s+lot\s+|most\s+)?about|(?:is\s+)?interested\s+in|big\s+on|keen\s+on|"
    r"passionate\s+about|obsessed\s+with|focus(?:ed|es)?\s+on|hot\s+on|"
    r"likely\s+to\s+ask\s+about|will\s+ask\s+about|wants?\s+to\s+hear\s+about)\s+(?P<items>.+)$",
    re.IGNORECASE,
)
_BACKGROUND = re.compile(
    r"^(?:ex[- ]|former(?:ly)?\b|previously\b|prev\.?\s|came from\b|joined\b|was at\b|"
    r"spent\b|\d+\+?\s*(?:yrs?|years?)\b|started\b|qualified\b|studied\b|before that\b|"
    r"been (?:at|with|here)\b|worked at\b|promoted\b)",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s+[-–—|]\s+|\s*[–—|]\s*|:\s+|,\s+|\s*\(")
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
_TITLES = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "prof", "prof."}
_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "al", "bin", "ben"}
_NOT_NAMES = {
    "interview", "interviews", "interviewers", "notes", "note", "panel", "round", "prep",
    "preparation", "company", "questions", "research", "people", "team", "background",
    "about", "final", "first", "second", "third", "meeting", "call", "agenda", "todo",
    "day", "monday", "tuesday", "wednesday", "thursday", "friday", "the", "my", "our",
    "who", "what", "why", "how", "links", "general", "misc", "other", "summary", "role",
    "job", "stage", "tips", "reminders", "ask", "to", "for", "and", "corp", "ltd", "plc",
    "inc", "limited", "group", "bank", "university", "college", "council", "trust", "llp",
}  # fmt: skip
"""Words of headings that name a document or a section, never a person."""
_RELATION_FILLER = re.compile(
    r"\b(?:my|would|be|the|on|a|an|future|new|i'd|i'll|i|will|is|she's|he's|they're|she|he|"
    r"they|report|reporting|to|into|member|of|probably|likely|also|and|possibly|maybe|"
    r"sitting|in)\b|[(),.;:?!]",
    re.IGNORECASE,
)
MAX_NAME_WORDS = 4


@dataclass
class _Draft:
    """A person as the notes describe them so far."""

    name: str
    role: str = ""
    relation: Relation | None = None
    cares: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    heading_level: int = 0
    """The level of the heading that started them (0: a plain line): a heading as high
    ends them."""

    def add_cares(self, text: str) -> None:
        """Items of a "cares about" list or line; an aside after a dash goes to the notes."""
        for item in _split_items(text):
            topic, aside = _split_aside(item)
            if not topic:
                continue
            if len(topic.split()) > 7:  # a remark about what they care for, not a topic
                self.notes.append(item)
                continue
            if topic.lower() not in (c.lower() for c in self.cares):
                self.cares.append(topic)
            if aside:
                self.notes.append(f"{topic}: {aside}")


def _split_items(text: str) -> list[str]:
    """Items of a list written on one line: "controls, cost and month-end close"."""
    text = plain_text(text)
    if _URL.search(text):
        return [text]
    parts = re.split(r"\s*[,;]\s*|\s+and\s+|\s+&\s+|\s+\+\s+", text)
    return [p.strip(" .") for p in parts if p.strip(" .")]


def _split_aside(item: str) -> tuple[str, str]:
    """An item and the aside after it: "Controls - they're behind on audit"."""
    match = re.match(r"^(.*?)(?:\s+[-–—:]\s+|\s*\()(.*?)\)?$", item)
    if match is None:
        return item.strip(), ""
    return match.group(1).strip(" ."), match.group(2).strip(" .()")


def _name_ok(words: list[str]) -> bool:
    """Whether ``words`` read as a person's name: one to four capitalised words (a title
    like "Dr" and particles like "van" allowed), none of them a heading's word."""
    named = [w for w in words if w.lower() not in _TITLES]
    if not 1 <= len(named) <= MAX_NAME_WORDS:
        return False
    for i, word in enumerate(named):
        if word.lower() in _NOT_NAMES:
            return False
        if not _NAME_WORD.match(word):
            return False
        if word.lower() in _PARTICLES and 0 < i < len(named) - 1:
            continue
        if not word[0].isupper():
            return False
    return not role_words(" ".join(named))


def _pure_relation(text: str) -> Relation | None:
    """The relation ``text`` states when it states nothing else ("would be my line
    manager", "panel"); None when there is a role in it too ("HR business partner")."""
    relation = Relation.read(text)
    if relation is None:
        return None
    left = _RELATION_FILLER.sub(" ", text.lower())
    for pattern in _RELATION_LEFTOVERS:
        left = pattern.sub(" ", left)
    return relation if not left.strip() else None


_RELATION_LEFTOVERS = (
    re.compile(
        r"line[ _-]?manager|hiring manager|manager|boss|\bhr\b|human resources|panel|"
        r"interviewer|peers?|colleague|team|same|work(?:ing)?|with|closely|alongside|other"
    ),
)


@dataclass(frozen=True)
class _PersonLine:
    name: str
    role: str
    relation: Relation | None
    extra: tuple[str, ...]
    """Words on the line that are neither role nor relation ("joined 2015")."""
    cares: str = ""
    """What the line says they care about ("... - cares about: controls, cost")."""

    @property
    def sure(self) -> bool:
        """A role or relation came with the name: this line introduces a person."""
        return bool(self.role and role_words(self.role)) or self.relation is not None


def _role_and_relation(text: str) -> tuple[str, Relation | None, list[str]]:
    """The role, the relation and anything else in the words after a name: "Finance
    Director (panel)", "Head of FP&A - would be my line manager", "(HR, talent partner)"."""
    role = ""
    relation: Relation | None = None
    extra: list[str] = []
    segments = re.split(r"\s+[-–—|]\s+|[–—|]|[(),;]|:\s+", text)
    for segment in (s.strip(" .-") for s in segments):
        if not segment:
            continue
        pure = _pure_relation(segment)
        if pure is None and _SAID_OF_ME.match(segment):  # "my line manager if I get it"
            pure = Relation.read(segment)
            if pure is not None:
                extra.append(segment)
        if pure is not None:
            relation = relation or pure
        elif not role and (role_words(segment) or _title_like(segment)):
            role = segment
            relation = relation or _pure_relation_in(segment)
        else:
            extra.append(segment)
    return role, relation, extra


_SAID_OF_ME = re.compile(
    r"^(?:my|would|will|on|i'd|i'll|i|reports?|reporting|future|possibly|probably|likely)\b",
    re.IGNORECASE,
)


def _title_like(text: str) -> bool:
    """A short capitalised phrase without figures ("Procurement"), as a job title is
    written; "very direct" and "joined 2015" are notes."""
    words = text.split()
    return 0 < len(words) <= 4 and text[0].isupper() and not any(c.isdigit() for c in text)


def read_person_line(line: str) -> _PersonLine | None:
    """A person introduced on one line, or None when the line introduces nobody."""
    text = plain_text(line).strip().rstrip(":").strip()
    text = re.sub(r"^(?:interviewer|person|panel(?:list)?)\s*\d*\s*[:.)-]\s*", "", text, flags=re.I)
    cares = ""
    inline = _INLINE_CARES.search(text)
    if inline is not None:
        text, cares = text[: inline.start()], inline.group("items")
    match = _SEPARATOR.search(text)
    head, rest = (text[: match.start()], text[match.start() :]) if match else (text, "")
    if _lower_case_name(head) and role_words(rest):  # "sarah khan - finance director"
        head = head.title()
    if not _name_ok(head.split()):
        if match is None or not role_words(head):
            return None
        # "Finance Director - Sarah Khan": the role first.
        after = text[match.end() :]
        second = _SEPARATOR.search(after)
        name_part = after[: second.start()] if second else after
        if not _name_ok(name_part.split()):
            return None
        rest = f" - {head}" + (after[second.start() :] if second else "")
        head = name_part
    role, relation, extra = _role_and_relation(rest)
    return _PersonLine(" ".join(head.split()), role, relation, tuple(extra), cares)


_INLINE_CARES = re.compile(
    r"[\s,;:–—-]*\b(?:cares?\s+(?:a\s+lot\s+|most\s+)?about|interested\s+in|big\s+on|"
    r"keen\s+on|focus(?:ed|es)?\s+on)\s*:?\s+(?P<items>.+)$",
    re.IGNORECASE,
)
"""What someone cares about, said on the line that names them."""


def _lower_case_name(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= MAX_NAME_WORDS
        and all(w.isalpha() and w.islower() for w in words)
        and not any(w in _NOT_NAMES for w in words)
    )


def _pure_relation_in(role: str) -> Relation | None:
    """The relation a role implies: an HR role is HR."""
    return Relation.HR if family_of(role, Relation.PANEL) is RoleFamily.HR else None


def parse_people_notes(text: str, source: str) -> list[Profile]:
    """Every person the notes describe, as profiles; :class:`InputError` naming ``source``
    when they describe nobody."""
    reader = _Reader()
    for raw in text.splitlines():
        reader.line(raw)
    if not reader.people:
        raise InputError(
            f"{source}: no person found in the notes; put each person on a line of their "
            "own, like 'Sarah Khan - Finance Director (panel)', with your notes under it"
        )
    return _profiles(reader.people)


@dataclass
class _Reader:
    """Reads notes a line at a time: who the lines are about, and under which heading."""

    people: list[_Draft] = field(default_factory=list)
    person: _Draft | None = None
    section: str = "notes"
    """What the lines now being read are: "cares", "background", "links" or "notes"."""
    paragraph_start: bool = True

    table: list[str | None] | None = None
    """The key of each column of the Markdown table being read, when its header named one
    of them the person's name."""

    def line(self, raw: str) -> None:
        if not raw.strip():
            self.paragraph_start = True
            self.table = None
            return
        if raw.lstrip().startswith("|") and raw.count("|") >= 2:
            self._table_row([c.strip() for c in raw.strip().strip("|").split("|")])
            return
        starts_paragraph, self.paragraph_start = self.paragraph_start, False
        heading = _HEADING.match(raw)
        bullet = _BULLET.match(raw)
        indent = len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())
        content = heading.group(2) if heading else raw[bullet.end() :] if bullet else raw
        content = plain_text(content).strip()
        if not content or set(content) <= set("-=_*~`"):
            return
        key_only = _KEY_ONLY.match(content)
        if key_only:  # "Cares about:", "## Background"
            key = _key_of(key_only.group("key"))
            self.section = "notes" if key == "name" else key
            return
        if heading:
            self._heading(content, len(heading.group(1)))
            return
        keyed = _KEY_LINE.match(content)
        if keyed and not _URL.match(content):
            self._keyed(_key_of(keyed.group("key")), keyed.group("value").strip())
            return
        if not (bullet and indent > 0) and self._introduces(
            content, bullet is not None, starts_paragraph and indent == 0
        ):
            return
        if self.person is not None:
            _take(self.person, self.section, content, bullet=bullet is not None)

    def _table_row(self, cells: list[str]) -> None:
        """A row of a table of people: "| Name | Role | Cares about | Notes |"."""
        if all(re.fullmatch(r":?-+:?", c) for c in cells if c):
            return  # the line under the header
        if self.table is None:
            keys = [_KEY_ONLY.match(plain_text(c)) for c in cells]
            table = [_key_of(k.group("key")) if k else None for k in keys]
            self.table = table if "name" in table else None
            return
        row = dict(zip(self.table, (plain_text(c) for c in cells), strict=False))
        name = row.pop("name", "")
        if not name:
            return
        self._start(read_person_line(name) or _PersonLine(name, "", None, ()), 0)
        assert self.person is not None
        for key, cell in row.items():
            if cell:
                _take(self.person, key or "notes", cell)

    def _heading(self, content: str, level: int) -> None:
        found = read_person_line(content)
        if found is not None:
            self._start(found, level)
        elif self.person is not None and level <= self.person.heading_level:
            self.person = None  # "# Questions I want to ask": past the people
        elif self.person is not None:
            self.person.notes.append(f"{content}:")
            self.section = "notes"

    def _keyed(self, key: str, value: str) -> None:
        if key == "name":
            if value:
                self._start(read_person_line(value) or _PersonLine(value, "", None, ()), 0)
            return
        if self.person is not None:
            if value:  # "Cares about: x, y": the lines after are notes again
                _take(self.person, key, value)
            self.section = "notes" if value else key

    def _introduces(self, content: str, bullet: bool, paragraph_start: bool) -> bool:
        """Start a person if ``content`` introduces one: a name with a role or relation
        (not among the items of a list of interests), or a name alone opening a paragraph."""
        found = read_person_line(content)
        if found is None:
            return False
        if found.sure and not (bullet and self.section == "cares"):
            self._start(found, 0)
            return True
        if paragraph_start and not bullet and not found.extra:
            self._start(found, 0)
            return True
        return False

    def _start(self, found: _PersonLine, level: int) -> None:
        person = next((p for p in self.people if p.name.lower() == found.name.lower()), None)
        if person is None:
            person = _Draft(found.name, found.role, found.relation, heading_level=level)
            self.people.append(person)
        else:  # named again further down: the same person, more notes
            person.role = person.role or found.role
            person.relation = person.relation or found.relation
        for extra in found.extra:
            _take(person, "notes", extra)
        if found.cares:
            person.add_cares(found.cares)
        self.person = person
        self.section = "notes"


def _key_of(word: str) -> str:
    low = word.lower()
    return next(k for k, p in _KEYS if re.fullmatch(p, low, re.IGNORECASE))


def _take(person: _Draft, section: str, text: str, *, bullet: bool = False) -> None:
    """One line of notes under ``person``, read for what it says wherever it stands; a
    bare bullet of a few words ("- code review") is something they care about."""
    if section == "notes" and not (person.role or person.cares) and len(text.split()) <= 8:
        role, relation, extra = _role_and_relation(text)
        if role_words(role) or (relation and not extra):  # the line under the name
            person.role, person.relation = role, person.relation or relation
            for remark in extra:
                person.notes.append(remark)
            return
    if section == "role":
        person.role = person.role or text
        person.relation = person.relation or _pure_relation_in(text)
        return
    if section == "relation":
        found = Relation.read(text)
        if found is not None:
            person.relation = found
        else:
            person.notes.append(f"Relation: {text}")
        return
    if section == "cares":
        person.add_cares(text)
        return
    sentences = [t for t in re.split(r"(?<=[.!?])\s+", text) if t.strip()]
    phrases = [_CARES_PHRASE.match(t) for t in sentences]
    if any(phrases):
        for sentence, phrase in zip(sentences, phrases, strict=True):
            if phrase is not None:
                person.add_cares(phrase.group("items"))
            else:
                _take(person, section, sentence)
        return
    if section == "links" or _URL.search(text):
        person.notes.append(f"Link: {text}" if not text.lower().startswith("link") else text)
        return
    if section == "background" or _BACKGROUND.match(text):
        person.notes.append(f"Background: {text}")
        return
    if bullet and section == "notes" and _bare_topic(text):
        person.add_cares(text)
        return
    if person.relation is None:
        relation = _pure_relation(text)
        if relation is not None:
            person.relation = relation
            return
    person.notes.append(text)


_REMARK_START = re.compile(
    r"^(?:seems?|likes?|loves?|hates?|very|quite|really|not|no|prefers?|said|says|asked|"
    r"wants?|knows?|is|was|has|had|she|he|they|i|we|maybe|probably|might|check|ask|look)\b",
    re.IGNORECASE,
)


def _bare_topic(text: str) -> bool:
    """Whether a bullet reads as a topic ("code review", "Power BI", "stakeholders")
    rather than a remark about the person ("quiet", "seems sharp", "2 kids")."""
    import lemminflect

    words = text.split()
    if not 1 <= len(words) <= 3 or re.search(r"[\d,;:!?]", text) or _REMARK_START.match(text):
        return False
    if read_topic(text) is None:
        return False
    last = re.sub(r"[^\w-]", "", words[-1]).lower()
    readings = lemminflect.getAllLemmas(last)
    if len(words) == 1 and "ADJ" in readings:
        return False  # "friendly", "sharp": about them, not a topic
    return not readings or "NOUN" in readings or any(c.isupper() for c in text[1:])


def _profiles(people: list[_Draft]) -> list[Profile]:
    ids = Ids(max_len=ID_MAX - 3)
    profiles: list[Profile] = []
    for draft in people:
        relation = draft.relation or _pure_relation_in(draft.role) or Relation.PANEL
        profiles.append(
            Profile(
                id=ids.new(draft.name),
                name=draft.name,
                role=draft.role[:1].upper() + draft.role[1:200],
                relation=relation,
                cares_about=tuple(draft.cares),
                notes="\n".join(draft.notes)[:MAX_NOTES],
            )
        )
    return profiles


def import_people_notes(
    path: Path, *, replace: bool = False
) -> tuple[list[Profile], list[Profile]]:
    """Save the people a notes file describes: (saved, kept). Someone already saved is
    kept as they are unless ``replace``: notes read again must not undo the user's edits."""
    from voice_coach.cv import read_document
    from voice_coach.people import load_profiles, save_profile

    found = parse_people_notes(read_document(path), str(path))
    existing = {p.id for p in load_profiles()}
    saved: list[Profile] = []
    kept: list[Profile] = []
    for profile in found:
        if profile.id in existing and not replace:
            kept.append(profile)
            continue
        save_profile(profile)
        saved.append(profile)
    return saved, kept
