"""What the home screen learns just after its first frame is still said on it.

The settings file and the question sets are validated after the first frame (their
models bring pydantic, a tenth of a second and more before anything was drawn). A bad
settings file must still be reported by key, and a set that only validation finds broken
must still say why in its line, as both were when read before the first frame.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.text import Text
from textual.widgets import OptionList, Static

from tests.helpers import wait_for
from voice_coach.questions import user_dir
from voice_coach.tui.app import VoiceCoachApp
from voice_coach.tui.screens import HomeScreen


class FakeTranscriber:
    name = "fake"
    loaded = True

    def load(self) -> None:
        pass


def _lines(app: VoiceCoachApp) -> list[str]:
    options = app.screen.query_one("#sets", OptionList)
    console = Console(width=200, color_system=None)
    out = []
    for i in range(options.option_count):
        prompt = options.get_option_at_index(i).prompt
        if isinstance(prompt, Text | str):
            out.append(str(prompt))
        else:
            with console.capture() as captured:
                console.print(prompt)
            out.append(captured.get())
    return out


def _write(name: str, text: str) -> Path:
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text)
    return path


async def test_a_set_only_validation_finds_broken_says_why_in_its_line() -> None:
    # Valid TOML with a title and questions: the first look lists it as a set.
    _write(
        "halfway",
        'name = "halfway"\ntitle = "Looks fine"\n\n[[questions]]\nid = "q1"\ncolour = "red"\n',
    )
    app = VoiceCoachApp(transcriber=FakeTranscriber())  # type: ignore[arg-type]
    async with app.run_test(size=(120, 40)) as pilot:

        def said() -> bool:
            return any(line.startswith("halfway: cannot be used") for line in _lines(app))

        await wait_for(pilot, said, 20, "the broken set's line")
        (line,) = [ln for ln in _lines(app) if ln.startswith("halfway")]
        assert "halfway.toml:4: questions.0.text: Field required" in line, line
        assert "halfway.toml:6: questions.0.colour: unknown key" in line, line
        assert not any("Looks fine" in ln for ln in _lines(app))
        assert isinstance(app.screen, HomeScreen)


async def test_a_bad_settings_file_read_after_the_first_frame_is_still_reported(
    tmp_path: Path,
) -> None:
    from voice_coach import locations
    from voice_coach.config import load_settings

    config = locations.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    missing = tmp_path / "no-such-model"  # fails at once: nothing is downloaded or loaded
    config.write_text(f'speech_rate = 9000\nspeak_questions = false\nmodel = "{missing}"\n')
    app = VoiceCoachApp(read_settings=load_settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()  # the model's worker read the settings
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        (note,) = [n for n in app._notifications if n.title == "Settings"]
        assert note.message.startswith("config.toml: speech_rate: ") and note.severity == "warning"
        assert app.services.settings.speech_rate == 165  # the default, as before
        assert app.services.settings.model == str(missing)  # the rest of the file was kept
        status = app.screen.query_one("#model-status", Static)
        assert "Speech model unavailable" in str(status.content)  # the file's model was tried


async def test_the_cycle_collector_is_on_again_once_the_home_screen_is_drawn() -> None:
    """The launcher keeps it off through the first frame (voice_coach.launch); left off,
    a long practice session would keep every cycle it ever made."""
    import gc

    gc.disable()
    try:
        app = VoiceCoachApp(transcriber=FakeTranscriber())  # type: ignore[arg-type]
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, gc.isenabled, 10, "the cycle collector on")
            assert isinstance(app.screen, HomeScreen)
    finally:
        gc.enable()


async def test_an_older_install_is_made_private_once_the_home_screen_is_drawn(
    isolated_home: Path,
) -> None:
    """The bare command leaves the walk over the app's folders to the app (see
    voice_coach.privacy.harden): it must still happen."""
    recording = isolated_home / "data" / "audio" / "1" / "1.flac"
    recording.parent.mkdir(parents=True)
    recording.write_text("x")
    recording.chmod(0o644)
    recording.parent.chmod(0o755)
    app = VoiceCoachApp(transcriber=FakeTranscriber())  # type: ignore[arg-type]
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(
            pilot, lambda: recording.stat().st_mode & 0o077 == 0, 10, "the recording private"
        )
        assert recording.parent.stat().st_mode & 0o777 == 0o700
