"""The settings screen: devices, voice, speech rate, model and silence, saved to config.toml.

Devices and voices are listed in thread workers (PortAudio and the TTS engine
can take seconds to answer), so the form is usable at once and the choices fill
in when they arrive. Nothing is written until every field is valid.

The limits and help of the number fields are read from the :class:`Settings`
fields, and the model field is checked by :func:`resolve_model_spec`, the rules
the transcriber loads by: the form holds no copy of either.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.validation import Failure, Integer, Number, ValidationResult, Validator
from textual.widgets import Footer, Header, Input, Label, Select, Static, Switch

from voice_coach import locations
from voice_coach.audio.devices import DeviceInfo, input_devices, output_devices
from voice_coach.config import Settings, bounds, describe, save_settings
from voice_coach.errors import ModelError, VoiceCoachError
from voice_coach.speech.model_spec import resolve_model_spec
from voice_coach.speech.tts import Voice, VoiceInfo, list_voices
from voice_coach.tui.messages import SettingsSaved
from voice_coach.tui.services import Services

SYSTEM_DEFAULT = "\x00system-default"
"""The Select value for "no device / voice named": saved as an absent key."""

TEST_SENTENCE = "Thank you for coming in today. Could you tell me about a project you are proud of?"
PANEL_LINE = "And I am on the panel too."
PANEL_VOICES = ("piper:joe-low", "piper:joe-high")
"""Heard after the test sentence when the default voice is tested: the panel set's others."""

NUMBER_FIELDS: dict[str, str] = {
    "speech-rate": "speech_rate",
    "thinking-time": "initial_silence_s",
    "end-silence": "end_silence_s",
}
"""The form's number inputs by id, and the :class:`Settings` key each one edits."""

Choice = int | str


class DevicesListed(Message):
    """The input and output devices, or why they could not be listed."""

    def __init__(
        self, inputs: list[DeviceInfo], outputs: list[DeviceInfo], error: str | None
    ) -> None:
        super().__init__()
        self.inputs = inputs
        self.outputs = outputs
        self.error = error


class VoicesListed(Message):
    """The installed voices, or why there are none."""

    def __init__(self, voices: list[VoiceInfo], error: str | None) -> None:
        super().__init__()
        self.voices = voices
        self.error = error


class VoiceTested(Message):
    """The test sentence was spoken, or failed with ``error``."""

    def __init__(self, error: str | None) -> None:
        super().__init__()
        self.error = error


class ModelSpecValidator(Validator):
    """The model field, checked by :func:`resolve_model_spec`: what is accepted here loads
    at the next start (a name still needs one download), and a refusal reads as the
    transcriber's would."""

    def validate(self, value: str) -> ValidationResult:
        try:
            resolve_model_spec(value)
        except ModelError as exc:
            return self.failure(str(exc))
        return self.success()


def limit_validator(key: str) -> Integer | Number:
    """The validator of a number setting, its limits those of the :class:`Settings` field."""
    limits = bounds(key)
    if limits is None:
        raise ValueError(f"{key} has no bounds to check a form field by")
    low, high = f"{limits.low:g}", f"{limits.high:g}"
    if Settings.model_fields[key].annotation is int:
        return Integer(
            int(limits.low),
            int(limits.high),
            failure_description=f"a whole number from {low} to {high}",
        )
    return Number(limits.low, limits.high, failure_description=f"a number from {low} to {high}")


def number_input(field_id: str, settings: Settings) -> Input:
    """The input of the setting ``NUMBER_FIELDS[field_id]``, as its field defines it."""
    key = NUMBER_FIELDS[field_id]
    whole = Settings.model_fields[key].annotation is int
    return Input(
        f"{getattr(settings, key):g}",
        type="integer" if whole else "number",
        validators=[limit_validator(key)],
        id=field_id,
    )


def field_help(key: str) -> str:
    """A number field's hint: the key's description, bounds and default, as the file says."""
    return f"{_sentence(describe(key))}; default {Settings.model_fields[key].default:g}."


def _sentence(text: str) -> str:
    """A description (written to follow a key's name) as a sentence of its own."""
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class _Form:
    """The raw field values, parsed; ``errors`` maps a field id to its message."""

    settings: Settings | None
    errors: dict[str, str]


class DiscardChanges(ModalScreen[str | None]):
    """Asked on escape with unsaved changes: save, discard or keep editing."""

    DEFAULT_CSS = """
    DiscardChanges {
        align: center middle;
    }
    DiscardChanges > Vertical {
        width: 60;
        height: auto;
        border: thick $warning;
        background: $surface;
        padding: 1 2;
    }
    """

    BINDINGS = [
        Binding("s", "choose('save')", "Save", id="discard-save"),
        Binding("d", "choose('discard')", "Discard", id="discard-discard"),
        Binding("escape", "choose(None)", "Keep editing", id="discard-keep"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                "The settings have unsaved changes.\n\n"
                "s: save them · d: discard them · escape: keep editing"
            )
        yield Footer()

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)


class SettingsScreen(Screen[None]):
    """Devices, voice, rate, model and silence; ctrl+s writes config.toml."""

    DEFAULT_CSS = """
    SettingsScreen #settings-form {
        padding: 0 1;
        height: 1fr;
    }
    SettingsScreen #settings-intro {
        color: $text-muted;
        margin-bottom: 1;
    }
    SettingsScreen .setting {
        height: auto;
    }
    SettingsScreen .setting > Label {
        width: 24;
        padding: 1 1 0 0;
        text-style: bold;
    }
    SettingsScreen .setting > .field {
        width: 1fr;
        height: auto;
    }
    SettingsScreen .setting Select, SettingsScreen .setting Input {
        width: 1fr;
    }
    SettingsScreen .hint {
        color: $text-muted;
        padding: 0 1;
    }
    SettingsScreen .error {
        color: $error;
        text-style: bold;
        padding: 0 1;
        display: none;
    }
    SettingsScreen .error.-shown {
        display: block;
    }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="settings-save", priority=True),
        Binding("t", "test_voice", "Test voice", id="settings-test-voice"),
        Binding("escape", "back", "Back", id="settings-back"),
    ]

    def __init__(self, services: Services) -> None:
        """The form starts from ``services.settings``; a save is posted as
        :class:`SettingsSaved`, for the app to apply."""
        super().__init__()
        self._saved = services.settings
        self._stop_voice = threading.Event()
        self._labels: dict[str, str] = {}
        """Each field's label by id, to name it in a message."""

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        s = self._saved
        yield Header()
        with VerticalScroll(id="settings-form"):
            yield Static(
                f"Kept in {locations.config_file()}. Tab moves between fields; "
                "t tests the voice (outside a text box).",
                id="settings-intro",
                markup=False,  # device names, voices and paths are shown as they are
            )
            yield from self._row(
                "Microphone",
                Select(
                    _initial_options(s.input_device, "System default microphone"),
                    value=_choice(s.input_device),
                    allow_blank=False,
                    id="input-device",
                ),
                hint="Listing devices…",
            )
            yield from self._row(
                "Speaker",
                Select(
                    _initial_options(s.output_device, "System default speaker"),
                    value=_choice(s.output_device),
                    allow_blank=False,
                    id="output-device",
                ),
                hint="Listing devices…",
            )
            yield from self._row(
                "Interviewer's voice",
                Select(
                    _initial_options(s.voice, "Default voice"),
                    value=_choice(s.voice),
                    allow_blank=False,
                    id="voice",
                ),
                hint="Listing voices…",
            )
            yield from self._number_row("Speech rate (wpm)", "speech-rate", s)
            yield from self._number_row("Thinking time (s)", "thinking-time", s)
            yield from self._number_row("Silence to end (s)", "end-silence", s)
            yield from self._row(
                "Speech model",
                Input(
                    s.model or "",
                    placeholder="empty: the bundled tiny.en",
                    validators=[ModelSpecValidator()],
                    validate_on=["submitted", "blur"],
                    id="model",
                ),
                hint=f"{_sentence(describe('model'))}. Applies at the next start.",
            )
            with Horizontal(classes="setting"):
                yield Label("Speak questions")
                with Vertical(classes="field"):
                    yield Switch(s.speak_questions, id="speak-questions")
                    yield Static("Off: questions are only shown.", classes="hint")
        yield Footer()

    def _number_row(self, label: str, field_id: str, settings: Settings) -> ComposeResult:
        yield from self._row(
            label, number_input(field_id, settings), hint=field_help(NUMBER_FIELDS[field_id])
        )

    def _row(self, label: str, field: Select[Choice] | Input, hint: str) -> ComposeResult:
        self._labels[str(field.id)] = label.split(" (")[0].lower()
        with Horizontal(classes="setting"):
            yield Label(label)
            with Vertical(classes="field"):
                yield field
                yield Static("", id=f"{field.id}-error", classes="error", markup=False)
                yield Static(hint, id=f"{field.id}-hint", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.list_devices()
        self.list_voices()
        self.query_one("#input-device", Select).focus()

    def on_unmount(self) -> None:
        self._stop_voice.set()

    # -- workers --------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="settings-devices")
    def list_devices(self) -> None:
        try:
            inputs, error = input_devices(), None
            outputs = output_devices()
        except VoiceCoachError as exc:
            inputs, outputs, error = [], [], str(exc)
        self.post_message(DevicesListed(inputs, outputs, error))

    @work(thread=True, exclusive=True, exit_on_error=False, group="settings-voices")
    def list_voices(self) -> None:
        try:
            voices, error = list_voices(), None
        except VoiceCoachError as exc:
            voices, error = [], str(exc)
        self.post_message(VoicesListed(voices, error))

    @work(thread=True, exclusive=True, exit_on_error=False, group="settings-test-voice")
    def speak_test(self, voice: Voice, stop: threading.Event) -> None:
        # The default voice is heard with the panel's other two, as a panel set sounds.
        lines = [(voice, TEST_SENTENCE)]
        if voice.voice is None:
            lines += [(voice.with_voice(v), PANEL_LINE) for v in PANEL_VOICES]
        try:
            for speaker, line in lines:
                if stop.is_set():
                    break
                speaker.speak(line, stop=stop)
                if speaker.notice:  # Piper missing: espeak speaks; said once
                    self.post_message(VoiceTested(speaker.notice))
        except VoiceCoachError as exc:
            self.post_message(VoiceTested(str(exc)))
            return
        self.post_message(VoiceTested(None))

    # -- results from the workers ---------------------------------------------------------

    def on_devices_listed(self, message: DevicesListed) -> None:
        for field_id, devices, saved, default_label, noun in (
            ("input-device", message.inputs, self._saved.input_device,
             "System default microphone", "microphone"),
            ("output-device", message.outputs, self._saved.output_device,
             "System default speaker", "output device"),
        ):  # fmt: skip
            select = self.query_one(f"#{field_id}", Select)
            options: list[tuple[str, Choice]] = [(default_label, SYSTEM_DEFAULT)]
            matched = False
            for device in devices:
                value: Choice = device.query
                if saved is not None and _matches(device, saved):
                    value, matched = saved, True  # saved as written: no spurious change
                options.append((device.label, value))
            if saved is not None and not matched:
                options.append((f"{saved} (from config.toml; not found now)", saved))
            self._set_options(select, options)
            if message.error:
                hint = message.error
            elif saved is not None and not matched:
                hint = f"{saved!r} is not connected now; the system default is used meanwhile."
            else:
                hint = f"{len(devices)} {noun}(s) found."
            self.query_one(f"#{field_id}-hint", Static).update(hint)

    def on_voices_listed(self, message: VoicesListed) -> None:
        select = self.query_one("#voice", Select)
        saved = self._saved.voice
        # The questions are English: English voices first, then the rest by name.
        voices = sorted(
            message.voices,
            key=lambda v: (not any(lang.startswith("en") for lang in v.languages), v.name),
        )
        options: list[tuple[str, Choice]] = [("Default voice", SYSTEM_DEFAULT)]
        options += [(f"{v.name} ({v.id})", v.id) for v in voices]
        if saved is not None and all(v.id != saved for v in voices):
            options.append((f"{saved} (from config.toml; not installed)", saved))
        self._set_options(select, options)
        hint = message.error or f"{len(voices)} voices; t speaks a sentence with this one."
        self.query_one("#voice-hint", Static).update(hint)

    def on_voice_tested(self, message: VoiceTested) -> None:
        if message.error:
            self.notify(
                message.error, title="Voice test", severity="error", timeout=10, markup=False
            )

    def _set_options(self, select: Select[Choice], options: list[tuple[str, Choice]]) -> None:
        """Replace the choices, keeping what is selected (the user may have chosen already)."""
        current = select.value
        select.set_options(_plain(options))
        values = [value for _, value in options]
        select.value = current if current in values else SYSTEM_DEFAULT

    # -- validation -----------------------------------------------------------------------

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        # While typing, "2" on the way to "200" is not worth a shout: only a message
        # already shown follows the text (and goes once the value is valid).
        error = self.query_one(f"#{event.input.id}-error", Static)
        if event.validation_result is not None and (
            error.has_class("-shown") or event.validation_result.is_valid
        ):
            self._show_error(event.input, event.validation_result)

    @on(Input.Blurred)
    @on(Input.Submitted)
    def _input_left(self, event: Input.Blurred | Input.Submitted) -> None:
        result = event.input.validate(event.input.value)
        if result is not None:
            self._show_error(event.input, result)

    def _show_error(self, field: Input, result: ValidationResult) -> None:
        error = self.query_one(f"#{field.id}-error", Static)
        message = "" if result.is_valid else "✘ " + _failure_text(result.failures)
        error.update(message)
        error.set_class(bool(message), "-shown")

    def _read_form(self) -> _Form:
        errors: dict[str, str] = {}
        for field in self.query(Input):
            result = field.validate(field.value)
            if result is not None and not result.is_valid:
                errors[str(field.id)] = _failure_text(result.failures)
                self._show_error(field, result)
        if errors:
            return _Form(None, errors)
        values = self._saved.model_dump()
        values.update(
            input_device=_setting(self.query_one("#input-device", Select).value),
            output_device=_setting(self.query_one("#output-device", Select).value),
            voice=_as_str(_setting(self.query_one("#voice", Select).value)),
            model=self.query_one("#model", Input).value,
            speak_questions=self.query_one("#speak-questions", Switch).value,
        )
        for field_id, key in NUMBER_FIELDS.items():
            values[key] = self.query_one(f"#{field_id}", Input).value  # the model parses it
        try:
            return _Form(Settings.model_validate(values), {})
        except ValidationError as exc:  # the inputs' own validators should have said it first
            ids = {key: field_id for field_id, key in NUMBER_FIELDS.items()}
            for err in exc.errors():
                key = str(err["loc"][0]) if err["loc"] else "model"
                field_id = ids.get(key, key.replace("_", "-"))
                errors.setdefault(field_id, str(err["msg"]))
                for shown in self.query(f"#{field_id}-error").results(Static):
                    shown.update(f"✘ {errors[field_id]}")
                    shown.add_class("-shown")
            return _Form(None, errors)

    # -- actions --------------------------------------------------------------------------

    def action_save(self) -> bool:
        """Validate, write config.toml, and use the new settings from the next answer on."""
        form = self._read_form()
        if form.settings is None:
            first = next(iter(form.errors))
            self.query_one(f"#{first}").focus()
            problems = "; ".join(f"{self._labels.get(k, k)}: {v}" for k, v in form.errors.items())
            self.notify(
                f"Not saved. {problems}",
                title="Settings",
                severity="error",
                timeout=10,
                markup=False,
            )
            return False
        new = form.settings
        try:
            path = save_settings(new)
        except VoiceCoachError as exc:
            self.notify(str(exc), title="Settings", severity="error", timeout=15, markup=False)
            return False
        model_changed = new.model != self._saved.model
        self._saved = new
        self.post_message(SettingsSaved(new))
        note = "; a model change applies at the next start" if model_changed else ""
        self.notify(f"Saved to {path}{note}.", title="Settings", markup=False)
        return True

    def action_test_voice(self) -> None:
        form = self._read_form()
        if form.settings is None:
            self.notify("Fix the highlighted field first.", severity="warning")
            return
        s = form.settings
        self._stop_voice.set()
        self._stop_voice = threading.Event()
        self.notify(f"Speaking at {s.speech_rate} words per minute…", title="Voice test")
        self.speak_test(Voice(s.voice, s.speech_rate, s.output_device), self._stop_voice)

    def action_back(self) -> None:
        if not self.has_unsaved_changes():
            self.dismiss()
            return

        def chosen(choice: str | None) -> None:
            if choice == "discard" or (choice == "save" and self.action_save()):
                self.dismiss()

        self.app.push_screen(DiscardChanges(), chosen)

    def has_unsaved_changes(self) -> bool:
        form = self._read_form()
        return form.settings is None or form.settings != self._saved


def _choice(value: Choice | None) -> Choice:
    return SYSTEM_DEFAULT if value is None else value


def _setting(value: Any) -> Choice | None:
    """A Select's value as a setting: the "system default" entry is no key at all."""
    if value == SYSTEM_DEFAULT or value is Select.BLANK or value is None:
        return None
    return value if isinstance(value, int | str) else str(value)


def _as_str(value: Choice | None) -> str | None:
    return None if value is None else str(value)


def _initial_options(saved: Choice | None, default_label: str) -> list[tuple[Text, Choice]]:
    """Before the listing arrives: the default and whatever is saved, so nothing is lost."""
    options: list[tuple[str, Choice]] = [(default_label, SYSTEM_DEFAULT)]
    if saved is not None:
        options.append((f"{saved} (from config.toml)", saved))
    return _plain(options)


def _plain(options: list[tuple[str, Choice]]) -> list[tuple[Text, Choice]]:
    """Choices shown as written: a Select reads a plain string as markup, and device and
    voice names (or a hand-edited config.toml) may hold brackets."""
    return [(Text(label), value) for label, value in options]


def _matches(device: DeviceInfo, saved: Choice) -> bool:
    if isinstance(saved, int):
        return device.index == saved
    wanted = saved.strip().lower()
    return wanted in (device.name.lower(), device.query.lower())


def _failure_text(failures: Sequence[Failure]) -> str:
    return "; ".join(f.description for f in failures if f.description) or "not valid"
