"""Before a mock interview: how it is held. Kept apart from the interview screen, which
brings the whole scorer with it, so the home screen can offer the choice at once; and
opened when asked for (its radio buttons are not imported before the home screen is
drawn). The choice and the request are in :mod:`voice_coach.tui.messages`."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, RadioButton, RadioSet

from voice_coach.tui.messages import MOCK_OPTION, MockChoice, MockRequested

__all__ = ["MOCK_OPTION", "MockChoice", "MockRequested", "MockSetupScreen"]


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
                yield RadioButton('"We\'ll be in touch"', id="in-touch")
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
