"""Before a mock interview: how it is held. Kept apart from the interview screen, which
brings the whole scorer with it, so the home screen can offer the choice at once."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, RadioButton, RadioSet

MOCK_OPTION = ":mock-interview"
"""The home list's entry for a mock interview: no set can be named so (a set's name has
no colon), so it never collides with one."""


@dataclass(frozen=True)
class MockChoice:
    """How the user wants the interview held: in the room or on a video call, and whether
    the closing holds an offer on the spot (None: left to chance, as in life)."""

    remote: bool = False
    offer: bool | None = None
    seed: int | None = None
    """The same number gives the same interview again."""


class MockRequested(Message):
    """The user asked for a mock interview (from the home screen); the app opens it."""

    def __init__(self, choice: MockChoice | None = None) -> None:
        super().__init__()
        self.choice = choice or MockChoice()


class MockSetupScreen(ModalScreen[MockChoice | None]):
    """Before the interview: in person or a video call, and how the closing goes."""

    BINDINGS = [
        Binding("enter", "start", "Start", id="mock-setup-start", priority=True),
        Binding("escape", "cancel", "Cancel", id="mock-setup-cancel"),
    ]

    DEFAULT_CSS = """
    MockSetupScreen { align: center middle; }
    MockSetupScreen #mock-setup {
        width: 64; height: auto; max-height: 100%; padding: 1 2;
        border: round $accent; background: $surface;
    }
    MockSetupScreen RadioSet { width: 100%; margin-bottom: 1; }
    MockSetupScreen #mock-seed { width: 100%; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="mock-setup") as box:
            box.border_title = "Mock interview"
            box.border_subtitle = "tab: next · space: choose · enter: start"
            yield Label("Where is the interview held?")
            with RadioSet(id="mock-where"):
                yield RadioButton("In person", value=True, id="in-person")
                yield RadioButton("On a video call (the tech, remote questions)", id="video")
            yield Label("How does it close?")
            with RadioSet(id="mock-close"):
                yield RadioButton("Leave it to chance", value=True, id="chance")
                yield RadioButton("An offer on the spot", id="offer")
                yield RadioButton("\"We'll be in touch\"", id="in-touch")
            yield Label("The same interview again? Its number (optional):")
            yield Input(
                placeholder="as shown at the top of its screen, e.g. 42",
                id="mock-seed",
                restrict=r"[0-9]*",
                max_length=9,
            )
        yield Footer()

    def action_start(self) -> None:
        where = self.query_one("#mock-where", RadioSet).pressed_button
        close = self.query_one("#mock-close", RadioSet).pressed_button
        seed = self.query_one("#mock-seed", Input).value.strip()
        offer = {"offer": True, "in-touch": False}.get(close.id or "") if close else None
        remote = where is not None and where.id == "video"
        self.dismiss(MockChoice(remote=remote, offer=offer, seed=int(seed) if seed else None))

    def action_cancel(self) -> None:
        self.dismiss(None)
