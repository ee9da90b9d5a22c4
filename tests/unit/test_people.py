"""The people who will interview: their questions in good English, fitted to each of them;
profiles from messy notes; profile files that survive hand edits and damage."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from voice_coach.authoring import set_from_profiles
from voice_coach.errors import InputError
from voice_coach.people import (
    Profile,
    Relation,
    RoleFamily,
    delete_profile,
    load_profile,
    load_profiles,
    people_dir,
    questions_for,
    questions_to_ask,
    save_profile,
    scan_profiles,
)
from voice_coach.people_notes import parse_people_notes
from voice_coach.questions import EXAMPLE, QuestionSet
from voice_coach.topics import TopicKind, read_topic

NOTES = Path(__file__).resolve().parents[1] / "data" / "people"

FINANCE_DIRECTOR = Profile(
    id="sarah-khan",
    name="Sarah Khan",
    role="Finance Director",
    relation=Relation.PANEL,
    cares_about=("Month-end close", "controls", "cost"),
)
LINE_MANAGER = Profile(
    id="tom-reed",
    name="Tom Reed",
    role="Head of Operations",
    relation=Relation.LINE_MANAGER,
    cares_about=("stakeholders", "values", "SAP S/4HANA"),
)
TALENT_PARTNER = Profile(
    id="priya",
    name="Priya Shah",
    role="Talent Partner",
    relation=Relation.HR,
    cares_about=("teamwork", "notice period", "getting the numbers right"),
)
COLLEAGUE = Profile(
    id="li-wei",
    name="Li Wei",
    role="Senior Engineer",
    relation=Relation.TEAM_MEMBER,
    cares_about=("code review", "how you handle pressure", "data quality"),
)
EVERYONE = (FINANCE_DIRECTOR, LINE_MANAGER, TALENT_PARTNER, COLLEAGUE)

_VOWEL_SOUND_EXCEPTIONS = {"one", "once", "user", "useful", "usual", "european", "unit"}
_AN_EXCEPTIONS = {"hour", "honest", "hr", "fp", "mba", "sap", "sql", "x"}


def grammar_problems(text: str) -> list[str]:
    """What a reader would trip over in ``text``: the checks the issue asked for."""
    problems = []
    if not text[:1].isupper():
        problems.append("no capital at the start")
    if not re.search(r"[^?.!][?.]$", text):
        problems.append("not one question mark or full stop at the end")
    if re.search(r"[{}\[\]<>]|\$\w|%\(", text):
        problems.append("a template's leftover")
    if re.search(r"\b(a|an|the)\s+(a|an|the)\b", text, re.IGNORECASE):
        problems.append("a doubled article")
    if re.search(r"\b(\w+)\s+\1\b", text, re.IGNORECASE):
        problems.append("a doubled word")
    if re.search(r"\s[,.?!]|\s{2,}|[,.?!][A-Za-z]", text):
        problems.append("spacing around punctuation")
    for sentence in re.split(r"(?<=[.?!])\s+", text):
        if not sentence[:1].isupper():
            problems.append(f"a sentence without a capital: {sentence!r}")
    for article, word in re.findall(r"\b(a|an)\s+([\w-]+)", text, re.IGNORECASE):
        low = word.lower()
        vowel = low[0] in "aeiou" and low not in _VOWEL_SOUND_EXCEPTIONS
        if low in _AN_EXCEPTIONS:
            vowel = True
        if (article.lower() == "an") != vowel:
            problems.append(f"'{article} {word}'")
    if "real difference to values" in text:
        problems.append("the old template")
    return problems


def texts(profile: Profile, count: int = 6) -> list[str]:
    return [q.text for q in questions_for(profile, count)]


def test_a_finance_director_and_a_line_manager_ask_different_questions_fitted_to_each() -> None:
    finance = texts(FINANCE_DIRECTOR)
    manager = texts(LINE_MANAGER)
    assert not set(finance) & set(manager)
    assert FINANCE_DIRECTOR.family is RoleFamily.FINANCE
    assert LINE_MANAGER.family is RoleFamily.MANAGER
    # A finance director asks about cost, controls and numbers...
    joined = " ".join(finance).lower()
    assert "numbers" in joined and "budget" in joined and "controls" in joined
    assert not re.search(r"first month|how you like to be managed", joined)
    # ...a future line manager about the day-to-day, the team and working together.
    joined = " ".join(manager).lower()
    assert "first month in the team" in joined
    assert "how do you like to be managed" in joined
    assert not re.search(r"\bbudget\b|in numbers", joined)
    for text in finance + manager:
        assert grammar_problems(text) == [], text


@pytest.mark.parametrize("profile", EVERYONE, ids=lambda p: p.id)
def test_every_question_is_grammatical_and_in_the_persons_voice(profile: Profile) -> None:
    questions = questions_for(profile, 8)
    assert len(questions) >= 5
    assert len({q.id for q in questions}) == len(questions)
    for q in questions:
        assert grammar_problems(q.text) == [], q.text
        assert q.interviewer == profile.id
        story = re.search(r"Tell me about (a|an|the) |best example of", q.text)
        assert q.expects_example == bool(story), q.text
    for text in questions_to_ask(profile):
        assert grammar_problems(text) == [], text
        assert text.endswith("?")


@pytest.mark.parametrize("profile", EVERYONE, ids=lambda p: p.id)
def test_what_they_care_about_is_asked_in_a_frame_that_fits_it(profile: Profile) -> None:
    asked = texts(profile, 8)
    for item in profile.cares_about:
        topic = read_topic(item)
        assert topic is not None
        if topic.kind is TopicKind.TERMS:
            continue  # asked as the plain question of that term
        words = re.escape(topic.words)
        natural = (
            rf"(?:care a lot about|my time on|experience do you have with) {words}[.,]"
            rf"|^{re.escape(topic.subject)} matters? (?:a great deal to me|a lot in this job)\."
        )
        assert any(re.search(natural, t) for t in asked), (item, asked)


def test_work_that_is_itself_improvement_is_not_improved() -> None:
    dana = Profile(
        id="d", name="Dana", role="COO", cares_about=("stakeholders", "process improvement")
    )
    asked = " ".join(texts(dana))
    assert (
        "Process improvement matters a great deal to me. Tell me about the best piece of "
        "work you have done on it" in asked
    )
    assert "improved it" not in asked


def test_number_and_verbs_agree_with_what_was_written() -> None:
    finance = " ".join(texts(FINANCE_DIRECTOR))
    assert "Controls matter a great deal to me. Tell me about a time you improved them" in finance
    assert "Tell me about a time you reduced it." in finance  # cost is cut, not "improved"
    assert "month-end close. Tell me about a time you improved it." in finance
    manager = " ".join(texts(LINE_MANAGER))
    assert "Values matter a great deal to me. What do they look like in the way" in manager
    hr = " ".join(texts(TALENT_PARTNER))
    assert "teamwork. Tell me about a time it was put to the test." in hr
    assert "What is your notice period, and when could you start?" in hr
    assert "Tell me about a time you did that." in hr  # getting the numbers right


def test_what_to_ask_each_of_them_fits_the_relation_and_the_role() -> None:
    manager = questions_to_ask(LINE_MANAGER)
    assert 2 <= len(manager) <= 3
    assert "What would success look like in this role after six months?" in manager
    assert any("biggest challenge" in q for q in manager)
    finance = questions_to_ask(FINANCE_DIRECTOR)
    assert any("finance team work with this role" in q for q in finance)
    assert any("month-end close" in q for q in finance)  # what she cares about
    hr = questions_to_ask(TALENT_PARTNER)
    assert hr[0] == "What are the next steps, and when do you expect to make a decision?"
    assert len({*manager, *finance, *hr}) == len(manager) + len(finance) + len(hr)


def test_a_set_from_profiles_names_each_asker_and_ends_with_the_general_questions() -> None:
    qs = set_from_profiles(
        "acme", "Acme", [FINANCE_DIRECTOR, LINE_MANAGER], ["Why do you want this role?"]
    )
    assert isinstance(qs, QuestionSet)
    assert [i.id for i in qs.interviewers] == ["sarah-khan", "tom-reed"]
    assert qs.interviewers[0].interests == FINANCE_DIRECTOR.cares_about
    assert qs.questions[-1].text == "Why do you want this role?"
    assert qs.questions[-1].interviewer is None
    assert {q.interviewer for q in qs.questions[:-1]} == {"sarah-khan", "tom-reed"}
    assert any(EXAMPLE in q.expects for q in qs.questions)


@pytest.mark.parametrize(
    ("role", "relation", "family"),
    [
        ("CFO", Relation.PANEL, RoleFamily.FINANCE),
        ("Head of People", Relation.PANEL, RoleFamily.HR),
        ("Team Lead", Relation.LINE_MANAGER, RoleFamily.MANAGER),
        ("Product Manager", Relation.TEAM_MEMBER, RoleFamily.TEAM),
        ("Solutions Architect", Relation.PANEL, RoleFamily.TECHNICAL),
        ("Director of Operations", Relation.PANEL, RoleFamily.EXECUTIVE),
        ("", Relation.HR, RoleFamily.HR),
        ("", Relation.OTHER, RoleFamily.GENERAL),
        ("Astronaut", Relation.PANEL, RoleFamily.GENERAL),
    ],
)
def test_the_role_words_give_the_family(role: str, relation: Relation, family: RoleFamily) -> None:
    assert Profile(id="x", name="X", role=role, relation=relation).family is family


# ---- notes ------------------------------------------------------------------------------


def test_markdown_notes_give_a_profile_per_person() -> None:
    found = {p.id: p for p in parse_people_notes((NOTES / "acme_panel.md").read_text(), "acme")}
    assert list(found) == ["sarah-khan", "tom-reed", "priya"]
    sarah, tom, priya = found.values()
    assert (sarah.name, sarah.role, sarah.relation) == (
        "Sarah Khan",
        "Finance Director",
        Relation.PANEL,
    )
    assert sarah.cares_about == ("month-end close", "controls", "cost")
    assert "https://www.linkedin.com/in/sarah-khan-fd" in sarah.notes
    assert "ex-Deloitte audit, 12 yrs at Acme" in sarah.notes
    assert "seems very direct, likes numbers" in sarah.notes  # a remark, not an interest
    assert (tom.role, tom.relation) == ("Head of FP&A", Relation.LINE_MANAGER)
    assert tom.cares_about == ("forecasting accuracy", "automation", "the team")
    assert "automation: they still do a lot in Excel" in tom.notes  # the aside kept
    assert "came from Unilever" in tom.notes
    assert priya.relation is Relation.HR and priya.role == "Talent partner"
    assert priya.cares_about == ("values", "culture fit", "notice period")
    # "# Questions I want to ask" is past the people: nobody's notes.
    assert all("90 days" not in p.notes for p in found.values())


def test_plain_scribbled_notes_give_a_profile_per_person() -> None:
    found = parse_people_notes((NOTES / "scribbles.txt").read_text(), "scribbles.txt")
    assert [(p.name, p.role, p.relation) for p in found] == [
        ("Dana Okafor", "Director of Operations", Relation.PANEL),
        ("Li Wei", "Senior Engineer", Relation.TEAM_MEMBER),
        ("Marcus Bell", "COO", Relation.PANEL),
    ]
    dana, li, marcus = found
    assert dana.cares_about == ("stakeholders", "process improvement")
    assert "DHL" in dana.notes
    assert li.cares_about == ("code review", "testing")
    assert li.notes == "seems quiet, prefers detail"
    assert marcus.cares_about == ("integrity", "reducing costs")


def test_bulleted_names_and_the_role_written_first_are_read_too() -> None:
    notes = (
        "Interview prep - Globex\n\n"
        "- **Sarah Khan** (Finance Director) - on the panel\n"
        "    - cares about month end + audit findings\n"
        "- Tom Reed: my line manager if I get it\n"
        "    - Head of FP&A\n"
        "- Finance Business Partner - Ana Lopes\n"
    )
    found = parse_people_notes(notes, "globex.md")
    assert [(p.name, p.role, p.relation) for p in found] == [
        ("Sarah Khan", "Finance Director", Relation.PANEL),
        ("Tom Reed", "Head of FP&A", Relation.LINE_MANAGER),
        ("Ana Lopes", "Finance Business Partner", Relation.PANEL),
    ]
    assert found[0].cares_about == ("month end", "audit findings")


def test_notes_with_nobody_in_them_say_so_naming_the_file() -> None:
    with pytest.raises(InputError, match=r"^thoughts\.txt: no person found in the notes"):
        parse_people_notes("just some thoughts about the job\nthey want SAP\n", "thoughts.txt")


# ---- files ------------------------------------------------------------------------------


def test_a_profile_round_trips_through_its_file() -> None:
    profile = FINANCE_DIRECTOR.model_copy(update={"notes": 'Said "numbers first"\nex-audit'})
    path = save_profile(profile)
    assert path == people_dir() / "sarah-khan.toml"
    assert load_profile("sarah-khan") == profile
    assert load_profiles() == [profile]
    with pytest.raises(InputError, match="exists already"):
        save_profile(profile, overwrite=False)
    delete_profile("sarah-khan")
    assert load_profiles() == []
    with pytest.raises(InputError, match="no profile 'sarah-khan'"):
        load_profile("sarah-khan")


def test_a_hand_edited_file_is_read_liberally() -> None:
    people_dir().mkdir(parents=True)
    (people_dir() / "dana.toml").write_text(
        'name = "Dana Okafor"\nrole = "COO"\nrelation = "Line Manager"\n'
        'cares_about = "stakeholders, cost,  stakeholders"\n'
    )
    dana = load_profile("dana")
    assert dana.relation is Relation.LINE_MANAGER
    assert dana.cares_about == ("stakeholders", "cost")


def test_a_damaged_file_is_named_and_skipped_and_the_others_still_listed() -> None:
    save_profile(FINANCE_DIRECTOR)
    save_profile(LINE_MANAGER)
    (people_dir() / "broken.toml").write_text('name = "Half a quote\n')
    (people_dir() / "nameless.toml").write_text('role = "CFO"\nrelation = "auntie"\n')
    (people_dir() / "Sarah Khan copy.toml").write_text('name = "Sarah"\n')
    listing = scan_profiles()
    assert [p.id for p in listing.profiles] == ["sarah-khan", "tom-reed"]
    assert len(listing.problems) == 3
    broken, nameless, copy = sorted(
        listing.problems, key=lambda p: Path(p.split(":")[0]).stem.lower()
    )
    assert "broken.toml: not valid TOML" in broken
    assert "Sarah Khan copy.toml: the file's name is the person's id" in copy
    assert "rename it sarah-khan-copy.toml" in copy
    assert "nameless.toml" in nameless and "name: Field required" in nameless
    assert "'auntie' is not a relation" in nameless


def test_ids_that_would_leave_the_folder_are_refused() -> None:
    with pytest.raises(InputError, match="not a profile id"):
        load_profile("../config/config")


@pytest.mark.parametrize(
    "bad",
    [
        "tell me about a time you improved it.",
        "Tell me about a time you improved it",
        "Tell me about a time you improved it??",
        "Tell me about the the close.",
        "Tell me about a the close.",
        "You'll know I care about {interest}.",
        "Tell me about an cost you cut.",
        "Tell me about a example.",
        "Tell me about a time your work made a real difference to values.",
        "It matters. tell me more.",
        "Tell me about it , please.",
    ],
)
def test_the_grammar_check_catches_what_it_is_for(bad: str) -> None:
    assert grammar_problems(bad) != []


@pytest.mark.parametrize(
    ("jotted", "words", "kind", "plural"),
    [
        ("Month-end close", "month-end close", TopicKind.AREA, False),
        ("Controls - they're behind on audit", "controls", TopicKind.AREA, True),
        ("**KPIs**", "KPIs", TopicKind.AREA, True),
        ("ESG", "ESG", TopicKind.AREA, False),
        ("values", "values", TopicKind.QUALITY, True),
        ("Attention to detail.", "attention to detail", TopicKind.QUALITY, False),
        ("SAP S/4HANA", "SAP S/4HANA", TopicKind.TOOL, False),
        ("Power BI", "Power BI", TopicKind.TOOL, False),
        ("Excel", "Excel", TopicKind.TOOL, False),
        ("their team", "the team", TopicKind.PEOPLE, True),
        ("stakeholders", "stakeholders", TopicKind.PEOPLE, True),
        ("getting the numbers right", "getting the numbers right", TopicKind.PRACTICE, False),
        ("forecasting accuracy", "forecasting accuracy", TopicKind.AREA, False),
        ("how you handle pressure", "how you handle pressure", TopicKind.CLAUSE, False),
        ("cares about: notice period", "notice period", TopicKind.TERMS, False),
    ],
)
def test_what_someone_cares_about_is_read_for_its_sort_and_number(
    jotted: str, words: str, kind: TopicKind, plural: bool
) -> None:
    topic = read_topic(jotted)
    assert topic is not None
    assert (topic.words, topic.kind, topic.plural) == (words, kind, plural)


@pytest.mark.parametrize(
    "jotted",
    [
        "",
        "https://acme.com/team",
        "12",
        "they said the whole team is stretched and nobody has time for anything new",
    ],
)
def test_what_is_no_topic_is_left_out_of_the_questions(jotted: str) -> None:
    assert read_topic(jotted) is None


def test_a_table_of_people_and_one_liners_are_read_and_a_person_named_twice_is_one() -> None:
    notes = (
        "## who's on the panel\n\n"
        "| Name | Role | Relation | Cares about | Notes |\n"
        "|------|------|----------|-------------|-------|\n"
        "| Sarah Khan | FD | panel | controls, cost | very direct |\n"
        "| Tom Reed | Head of FP&A | line manager | forecasting | |\n\n"
        "sarah khan - finance director\n"
        "- ex-Deloitte\n\n"
        "**Jo Bloggs**, FD – on the panel – cares about: controls, cash flow and working capital\n"
    )
    sarah, tom, jo = parse_people_notes(notes, "panel.md")
    assert (sarah.name, sarah.role, sarah.relation) == ("Sarah Khan", "FD", Relation.PANEL)
    assert sarah.cares_about == ("controls", "cost")
    assert sarah.notes == "very direct\nBackground: ex-Deloitte"
    assert sarah.family is RoleFamily.FINANCE
    assert (tom.role, tom.relation, tom.cares_about) == (
        "Head of FP&A",
        Relation.LINE_MANAGER,
        ("forecasting",),
    )
    assert (jo.name, jo.role, jo.relation) == ("Jo Bloggs", "FD", Relation.PANEL)
    assert jo.cares_about == ("controls", "cash flow", "working capital")


def test_a_set_from_three_people_takes_turns_in_three_voices() -> None:
    """A panel asks in turns and sounds like three people, as the shipped panel does."""
    notes = (Path(__file__).resolve().parents[1] / "data" / "people" / "acme_panel.md").read_text()
    people = parse_people_notes(notes, "acme_panel.md")
    made = set_from_profiles("panel-mine", "My panel", people, per_person=3)
    speakers = [q.interviewer for q in made.questions]
    assert speakers[:3] == [p.id for p in people]  # each person's first question first
    assert all(a != b for a, b in itertools.pairwise(speakers))
    voices = [i.voice for i in made.interviewers]
    assert len(set(voices)) == 3 and all(voices)
    alone = set_from_profiles("one", "One", people[:1])
    assert alone.interviewers[0].voice is None  # one person: the user's chosen voice
