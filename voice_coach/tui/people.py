"""The people who will interview: a profile each, the questions they are likely to ask,
what to ask them back, and a practice set made from them.

The screen works on :mod:`voice_coach.people` as the command line does. Profiles are
read, and their questions written, in a thread worker (the first questions load
lemminflect's tables, which takes a second); a save or a delete is one small file.
Every name, role and note is the user's own text, shown as written (never as markup).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Select, Static, TextArea

from voice_coach.authoring import GENERAL_QUESTIONS, save_user_set, set_from_profiles, slug
from voice_coach.errors import VoiceCoachError
from voice_coach.people import (
    Profile,
    ProfileListing,
    Relation,
    delete_profile,
    make_profile,
    new_profile_id,
    questions_for,
    questions_to_ask,
    save_profile,
    scan_profiles,
)
from voice_coach.people_notes import import_people_notes
from voice_coach.questions import set_name_problem, user_dir
from voice_coach.tui.services import Services
from voice_coach.tui.tables import Row, WrappingTable
from voice_coach.tui.widgets import Confirm, report_problem

PEOPLE_COLUMNS = ("✓", "Name", "Role")


class PeopleSetSaved(Message):
    """A practice set was made from the people and saved under ``set_name``: the app may
    offer to practise it (``PracticeRequested(set_name)`` opens it)."""

    def __init__(self, set_name: str) -> None:
        super().__init__()
        self.set_name = set_name


class PeopleRead(Message):
    """The profiles were read (``listing``, with each one's detail), or could not be."""

    def __init__(
        self,
        listing: ProfileListing | None,
        details: dict[str, RenderableType],
        cursor_on: str | None,
        error: BaseException | None,
    ) -> None:
        super().__init__()
        self.listing = listing
        self.details = details
        self.cursor_on = cursor_on
        self.error = error


def person_detail(profile: Profile) -> RenderableType:
    """A profile as the candidate reads it before the day: who, what they care about, your
    notes, what they will likely ask, and what to ask them."""
    parts: list[RenderableType] = [
        Text(profile.name, style="bold"),
        Text(profile.described),
    ]
    if profile.cares_about:
        parts.append(Text(f"Cares about: {', '.join(profile.cares_about)}"))
    if profile.notes:
        parts += [Text(""), Text("Your notes", style="bold"), Text(profile.notes)]
    parts += [Text(""), Text("Likely to ask", style="bold")]
    parts += [Text(f"{i}. {q.text}") for i, q in enumerate(questions_for(profile), 1)]
    parts += [Text(""), Text("You could ask", style="bold")]
    parts += [Text(f"• {text}") for text in questions_to_ask(profile)]
    return Group(*parts)


class PeopleScreen(Screen[None]):
    """Everyone researched, one at a time in detail; add, edit, delete, and make a set."""

    DEFAULT_CSS = """
    PeopleScreen #people-body { height: 1fr; }
    PeopleScreen #people { width: 34; height: 1fr; }
    PeopleScreen #person-box { width: 1fr; height: 1fr; padding: 0 1; }
    """

    BINDINGS = [
        Binding("a", "add", "Add", id="people-add"),
        # A priority binding, so the footer names Enter: the table's own Enter is hidden.
        Binding("enter", "edit", "Edit", id="people-edit", key_display="enter", priority=True),
        Binding("d", "delete", "Delete", id="people-delete"),
        Binding("space", "mark", "Select", id="people-select", key_display="space"),
        Binding("m", "make_set", "Make set", id="people-make-set"),
        Binding("i", "import_notes", "Import", id="people-import", tooltip="From your notes"),
        Binding("escape", "app.pop_screen", "Back", id="people-back"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.profiles: list[Profile] = []
        """In the order the table shows them."""
        self.marked: set[str] = set()
        """Ids of the people chosen for a set (none chosen: everyone)."""
        self.details: dict[str, RenderableType] = {}
        """Each person's detail by id, written when the profiles were read."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="people-body"):
            yield WrappingTable(id="people")
            with VerticalScroll(id="person-box"):
                yield Static(id="person-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "The people who will interview you"
        self.reload()
        self.query_one("#people", WrappingTable).focus()

    def reload(self, cursor_on: str | None = None) -> None:
        """Read the profiles again (a file may have been edited by hand meanwhile), the
        cursor then on ``cursor_on`` if given."""
        self._read(cursor_on)

    @work(thread=True, exclusive=True, exit_on_error=False, group="people-read")
    def _read(self, cursor_on: str | None) -> None:
        """The profiles and each one's detail, off the UI thread: the first questions
        written load lemminflect's tables, a second or so."""
        try:
            listing = scan_profiles()
            details = {p.id: person_detail(p) for p in listing.profiles}
        except Exception as exc:
            self.post_message(PeopleRead(None, {}, cursor_on, exc))
            return
        self.post_message(PeopleRead(listing, details, cursor_on, None))

    def on_people_read(self, message: PeopleRead) -> None:
        if message.listing is None:
            if message.error is not None:
                report_problem(self, message.error, "Cannot read the people")
            return
        for problem in message.listing.problems:
            self.notify(problem, title="Skipped a damaged profile", severity="warning",
                        timeout=15, markup=False)  # fmt: skip
        self.profiles = message.listing.profiles
        self.details = message.details
        self.marked &= {p.id for p in self.profiles}
        ids = [p.id for p in self.profiles]
        cursor = ids.index(message.cursor_on) if message.cursor_on in ids else self._cursor()
        self.query_one("#people", WrappingTable).fill(
            PEOPLE_COLUMNS, self._rows(), wrap=2, cursor=cursor
        )
        self._show(min(cursor, len(self.profiles) - 1))
        if not self.profiles:
            self.notify("No one yet: press a to add the first person you researched.")

    def _rows(self) -> list[Row]:
        return [
            (p.id, ("✓" if p.id in self.marked else "", p.name, p.role or p.relation.label))
            for p in self.profiles
        ]

    def _cursor(self) -> int:
        table = self.query_one("#people", WrappingTable)
        return max(table.cursor_row, 0) if table.row_count else 0

    def _current(self) -> Profile | None:
        row = self._cursor()
        return self.profiles[row] if 0 <= row < len(self.profiles) else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def _show(self, index: int) -> None:
        detail = self.query_one("#person-detail", Static)
        if 0 <= index < len(self.profiles):
            profile = self.profiles[index]
            shown = self.details.get(profile.id)
            detail.update(shown if shown is not None else person_detail(profile))
        else:
            detail.update(
                "Add the people who will interview you (a), with their role and what they "
                "care about, to see the questions they are likely to ask and what to ask them."
            )

    # -- actions ------------------------------------------------------------------------

    def action_add(self) -> None:
        self.app.push_screen(ProfileForm(None), self._saved)

    def action_edit(self) -> None:
        profile = self._current()
        if profile is not None:
            self.app.push_screen(ProfileForm(profile), self._saved)

    def _saved(self, fields: ProfileFields | None) -> None:
        if fields is None:
            return
        taken = [p.id for p in self.profiles if p.id != fields.id]
        try:
            profile = make_profile(
                id=fields.id or new_profile_id(fields.name, taken),
                name=fields.name,
                role=fields.role,
                relation=fields.relation,
                cares_about=fields.cares_about,
                notes=fields.notes,
            )
            save_profile(profile, overwrite=fields.id is not None)
        except (OSError, VoiceCoachError) as exc:
            report_problem(self, exc, "Not saved")
            return
        self.notify(f"Saved {profile.name}.", markup=False)
        self.reload(cursor_on=profile.id)

    def action_delete(self) -> None:
        profile = self._current()
        if profile is None:
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                delete_profile(profile.id)
            except (OSError, VoiceCoachError) as exc:
                report_problem(self, exc, "Not deleted")
                return
            self.notify(f"Deleted {profile.name}.", markup=False)
            self.reload()

        self.app.push_screen(
            Confirm(f"Delete {profile.name}'s profile and your notes on them?"), confirmed
        )

    def action_mark(self) -> None:
        profile = self._current()
        if profile is None:
            return
        self.marked ^= {profile.id}
        self.query_one("#people", WrappingTable).fill(
            PEOPLE_COLUMNS, self._rows(), wrap=2, cursor=self._cursor()
        )

    def chosen(self) -> list[Profile]:
        """The people a set is made from: those selected, or everyone when none is."""
        return [p for p in self.profiles if p.id in self.marked] or list(self.profiles)

    def action_import_notes(self) -> None:
        def chosen(path: str | None) -> None:
            if path:
                self._import(Path(path).expanduser())

        self.app.push_screen(NotesFile(), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="people-import")
    def _import(self, path: Path) -> None:
        """Read the research notes and save the people in them, off the UI thread (a PDF
        can take a moment); people saved before are kept as the user edited them."""
        try:
            saved, kept = import_people_notes(path)
        except Exception as exc:
            self.app.call_from_thread(report_problem, self, exc, "Notes not imported")
            return
        said = f"Saved {_and_list([p.name for p in saved])} from your notes." if saved else ""
        if kept:
            said += f" Kept {_and_list([p.name for p in kept])} as saved before."
        if not said:
            said = "Nobody new in those notes."
        self.app.call_from_thread(self.notify, said.strip(), title="Notes", markup=False)
        self.app.call_from_thread(self.reload, saved[0].id if saved else None)

    def action_make_set(self) -> None:
        people = self.chosen()
        if not people:
            self.notify("Add someone first: a set is made from the people you researched.")
            return
        default = slug("interview " + " ".join(p.name.split()[0] for p in people[:3]))
        self.app.push_screen(SetName(default, people), self._make_set)

    def _make_set(self, name: str | None) -> None:
        if name is None:
            return
        people = self.chosen()
        title = "Interview with " + _and_list([p.name for p in people])
        try:
            question_set = set_from_profiles(name, title, people, GENERAL_QUESTIONS)
            save_user_set(question_set)
        except (OSError, VoiceCoachError) as exc:
            report_problem(self, exc, "Set not saved")
            return
        self.notify(
            f"Saved {len(question_set.questions)} questions as the set '{name}'.",
            title="Practice set",
            markup=False,
        )
        self.post_message(PeopleSetSaved(name))


def _and_list(items: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


@dataclass(frozen=True)
class ProfileFields:
    """What the form gives back: the fields of a profile; ``id`` None for a new person."""

    id: str | None
    name: str
    role: str
    relation: Relation
    cares_about: tuple[str, ...]
    notes: str


class ProfileForm(ModalScreen[ProfileFields | None]):
    """Name, role, relation, what they care about and your notes; ctrl+s saves."""

    DEFAULT_CSS = """
    ProfileForm { align: center middle; }
    ProfileForm > VerticalScroll {
        width: 76; height: auto; max-height: 22;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    ProfileForm .field { height: auto; }
    ProfileForm .field > Label { width: 13; padding: 1 1 0 0; text-style: bold; }
    ProfileForm .field > Input, ProfileForm .field > Select { width: 1fr; }
    ProfileForm #profile-notes { height: 5; width: 1fr; }
    ProfileForm #profile-error { color: $error; text-style: bold; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="profile-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="profile-cancel"),
    ]

    def __init__(self, profile: Profile | None) -> None:
        super().__init__()
        self.profile = profile

    def compose(self) -> ComposeResult:
        p = self.profile
        with VerticalScroll():
            with Horizontal(classes="field"):
                yield Label("Name")
                yield Input(
                    p.name if p else "", placeholder="Sarah Khan", max_length=120, id="profile-name"
                )
            with Horizontal(classes="field"):
                yield Label("Role")
                yield Input(
                    p.role if p else "",
                    placeholder="Finance Director",
                    max_length=200,
                    id="profile-role",
                )
            with Horizontal(classes="field"):
                yield Label("Relation")
                yield Select(
                    [(r.label, r) for r in Relation],
                    value=p.relation if p else Relation.PANEL,
                    allow_blank=False,
                    id="profile-relation",
                )
            with Horizontal(classes="field"):
                yield Label("Cares about")
                yield Input(
                    ", ".join(p.cares_about) if p else "",
                    placeholder="month-end close, controls, cost",
                    id="profile-cares",
                )
            with Horizontal(classes="field"):
                yield Label("Notes")
                yield TextArea(p.notes if p else "", id="profile-notes")
            yield Static("", id="profile-error", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#profile-name", Input).focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.focus_next()

    def action_save(self) -> None:
        name = self.query_one("#profile-name", Input).value.strip()
        if not name:
            self.query_one("#profile-error", Static).update("A name, please: who is it?")
            self.query_one("#profile-name", Input).focus()
            return
        relation = self.query_one("#profile-relation", Select).value
        cares = self.query_one("#profile-cares", Input).value
        self.dismiss(
            ProfileFields(
                id=self.profile.id if self.profile else None,
                name=name,
                role=self.query_one("#profile-role", Input).value.strip(),
                relation=relation if isinstance(relation, Relation) else Relation.PANEL,
                cares_about=tuple(c.strip() for c in cares.split(",") if c.strip()),
                notes=self.query_one("#profile-notes", TextArea).text.strip(),
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


class SetName(ModalScreen[str | None]):
    """The name of the practice set to make from the people; a name taken is refused here,
    so no set the user made is replaced."""

    DEFAULT_CSS = """
    SetName { align: center middle; }
    SetName > Vertical {
        width: 64; height: auto; border: thick $accent; background: $surface; padding: 1 2;
    }
    SetName #set-name-error { color: $error; text-style: bold; }
    """

    BINDINGS = [
        Binding("enter", "make", "Make set", id="set-name-make", key_display="enter",
                priority=True),
        Binding("escape", "cancel", "Cancel", id="set-name-cancel"),
    ]  # fmt: skip

    def __init__(self, default: str, people: Sequence[Profile]) -> None:
        super().__init__()
        self.default = default
        self.people = list(people)

    def compose(self) -> ComposeResult:
        who = _and_list([p.name for p in self.people])
        with Vertical():
            yield Static(f"A practice set of the questions {who} will likely ask.", markup=False)
            yield Input(self.default, id="set-name")
            yield Static("", id="set-name-error", markup=False)
        yield Footer()

    def action_make(self) -> None:
        name = self.query_one("#set-name", Input).value.strip()
        problem = set_name_problem(name)
        if problem is None and (user_dir() / f"{name}.toml").exists():
            problem = "you have a set of that name already; choose another name"
        elif problem is not None:
            problem = f"that name is not allowed ({problem})"
        if problem is not None:
            self.query_one("#set-name-error", Static).update(problem[:1].upper() + problem[1:])
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NotesFile(ModalScreen[str | None]):
    """The file of research notes to read people from: a heading or a line per person
    ("Sarah Khan - Finance Director (panel)"), notes on them underneath."""

    DEFAULT_CSS = """
    NotesFile { align: center middle; }
    NotesFile > Vertical {
        width: 70; height: auto; border: thick $accent; background: $surface; padding: 1 2;
    }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="notes-file-cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                "Your research notes (text, Markdown or PDF): a heading or a line per person, "
                'such as "Sarah Khan - Finance Director (panel)", your notes under it. '
                "Enter reads them.",
                markup=False,
            )
            yield Input(placeholder="for example ~/notes/panel.md", id="notes-file")
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
