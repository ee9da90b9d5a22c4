"""The brief screen: the one page for the day, read in the terminal and saved to print."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Markdown

from voice_coach.brief import Brief, build_brief
from voice_coach.errors import VoiceCoachError, explain
from voice_coach.safety import refuse_app_data, write_atomic
from voice_coach.tui.services import Services
from voice_coach.tui.widgets import report_problem

BRIEF_MODE = 0o600
"""The brief quotes the user's answers and notes on people: theirs alone."""


class BriefMade(Message):
    """The brief was read together from the store, profiles, stories and documents."""

    def __init__(self, brief: Brief) -> None:
        super().__init__()
        self.brief = brief


class BriefScreen(Screen[None]):
    """The brief, as it will print; ``r`` adds the video-call checklist, ``ctrl+s`` saves."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="brief-save", priority=True),
        Binding("r", "remote", "Video call on/off", id="brief-remote"),
        Binding("escape", "leave", "Back", id="brief-back"),
    ]

    DEFAULT_CSS = """
    BriefScreen #brief-box { height: 1fr; padding: 0 1; }
    BriefScreen #brief-save-row { height: 3; padding: 0 1; }
    BriefScreen #brief-save-row Label { padding: 1 1 0 0; width: auto; }
    BriefScreen #brief-path { width: 1fr; }
    """

    def __init__(self, services: Services, *, remote: bool = False) -> None:
        super().__init__()
        self.services = services
        self.remote = remote
        self.brief: Brief | None = None
        self._replace: Path | None = None
        """A path the user was told exists: saving to it again replaces it."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="brief-box"):
            yield Markdown("Putting the brief together…", id="brief")
        with Horizontal(id="brief-save-row"):
            yield Label("Save to (.md or .html to print):")
            yield Input(str(Path.home() / "interview-brief.html"), id="brief-path")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Brief for the day"
        self.query_one("#brief-box").focus()
        self.make()

    @work(thread=True, exclusive=True, exit_on_error=False, group="brief")
    def make(self) -> None:
        try:
            made = build_brief(self.services.store, remote=self.remote)
        except Exception as exc:
            self.app.call_from_thread(report_problem, self, exc, "Cannot make the brief")
            return
        self.post_message(BriefMade(made))

    def on_brief_made(self, message: BriefMade) -> None:
        self.brief = message.brief
        self.query_one("#brief", Markdown).update(message.brief.markdown())

    def action_remote(self) -> None:
        self.remote = not self.remote
        self.notify("Video call checklist " + ("added." if self.remote else "removed."))
        self.make()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        if self.brief is None:
            self.notify("The brief is still being put together.")
            return
        raw = self.query_one("#brief-path", Input).value.strip()
        if not raw:
            self.notify("Give a file to save the brief to.", severity="warning")
            return
        path = Path(raw).expanduser()
        replace = self._replace == path
        if path.is_file() and not replace:
            self._replace = path
            self.notify(f"{path} exists: ctrl+s again replaces it.", severity="warning")
            return
        html_page = path.suffix.lower() in (".html", ".htm")
        text = self.brief.html() if html_page else self.brief.markdown()
        try:
            refuse_app_data(path)
            write_atomic(path, text, overwrite=replace, mode=BRIEF_MODE)
        except (VoiceCoachError, OSError) as exc:
            self.notify(explain(exc).message, title="Not saved", severity="error")
            return
        self._replace = None
        hint = " Open it in a browser to print." if html_page else ""
        self.notify(f"The brief is saved in {path}.{hint}", title="Saved")

    def action_leave(self) -> None:
        self.app.pop_screen()
