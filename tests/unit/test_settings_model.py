"""One definition of each setting: the file's docs, the form and the loader read the model.

And one reading of a model setting, shared by the settings form and the transcriber.
"""

from __future__ import annotations

import re
from pathlib import Path

import faster_whisper
import pytest
from pydantic import ValidationError
from textual.app import App
from textual.validation import Integer, Number

from voice_coach.config import (
    KEY_DOCS,
    KEYS,
    Settings,
    bounds,
    load_settings,
    render_settings,
)
from voice_coach.errors import ModelError
from voice_coach.speech import stt
from voice_coach.speech.model_spec import BUNDLED, resolve_model_spec
from voice_coach.tui.settings import (
    NUMBER_FIELDS,
    ModelSpecValidator,
    field_help,
    limit_validator,
    number_input,
)

README = Path(__file__).resolve().parents[2] / "README.md"
BOUNDED = [key for key in KEYS if bounds(key) is not None]


def test_the_file_keys_are_the_fields_and_each_is_described() -> None:
    assert set(KEYS) == set(Settings.model_fields) - {"warnings"}
    for key in KEYS:
        assert Settings.model_fields[key].description, key
    # The numbers are bounded where they are defined: the rest of this file relies on it.
    assert {"speech_rate", "end_silence_s", "initial_silence_s", "max_answer_s"} <= set(BOUNDED)


@pytest.mark.parametrize("key", BOUNDED)
def test_bounds_are_the_fields_own(key: str) -> None:
    limits = bounds(key)
    assert limits is not None
    metadata = Settings.model_fields[key].metadata
    assert limits.low == next(m.ge for m in metadata if hasattr(m, "ge"))
    assert limits.high == next(m.le for m in metadata if hasattr(m, "le"))
    assert limits.low <= Settings.model_fields[key].default <= limits.high


def test_the_docs_list_every_key_with_its_description_and_bounds() -> None:
    assert list(KEY_DOCS) == list(KEYS)
    text = render_settings(Settings())
    for key in KEYS:
        doc = KEY_DOCS[key]
        assert doc.startswith(str(Settings.model_fields[key].description)), key
        limits = bounds(key)
        if limits is not None:
            assert doc.endswith(f"({limits.low:g}-{limits.high:g})"), doc
        assert f"# {key}: " in text
    # Wrapped over lines, the comment still holds the whole description.
    flat = re.sub(r"\n#   ", " ", text)
    for key in KEYS:
        assert f"# {key}: {KEY_DOCS[key]}" in flat, key


def test_the_readme_example_names_every_key_with_its_bounds() -> None:
    """The README's config.toml example is written by hand: it must agree with the model."""
    block = README.read_text().split("```toml\n", 1)[1].split("```", 1)[0]
    lines = {line.split(" = ")[0]: line for line in block.splitlines() if " = " in line}
    assert set(lines) == set(KEYS)
    for key in BOUNDED:
        limits = bounds(key)
        assert limits is not None
        assert f"{limits.low:g}-{limits.high:g}" in lines[key], lines[key]


@pytest.mark.parametrize("key", BOUNDED)
def test_a_bad_value_in_the_file_is_named_and_its_default_used(tmp_path: Path, key: str) -> None:
    limits = bounds(key)
    assert limits is not None
    whole = Settings.model_fields[key].annotation is int
    over = int(limits.high) + 1 if whole else limits.high + 0.5
    path = tmp_path / "config.toml"
    path.write_text(f"{key} = {over}\nspeak_questions = false\n")
    settings = load_settings(path)
    assert getattr(settings, key) == Settings.model_fields[key].default
    assert settings.speak_questions is False  # the other keys still count
    (warning,) = settings.warnings
    assert warning.startswith(f"config.toml: {key}: ") and "using the default" in warning
    # The bounds themselves are allowed.
    edge = int(limits.low) if whole else limits.low
    path.write_text(f"{key} = {edge}\n")
    assert getattr(load_settings(path), key) == edge
    assert load_settings(path).warnings == ()


def test_an_unknown_key_is_named_and_ignored(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('warnings = ["mine"]\nspeach_rate = 100\nspeech_rate = 100\n')
    settings = load_settings(path)
    assert settings.speech_rate == 100
    assert settings.warnings == (
        "config.toml: warnings: not a setting; ignored",
        "config.toml: speach_rate: not a setting; ignored",
    )


def test_settings_are_frozen_validated_and_compared_without_warnings() -> None:
    with pytest.raises(ValidationError, match="speech_rate"):
        Settings(speech_rate=79)
    with pytest.raises(ValidationError):
        Settings(speach_rate=100)  # type: ignore[call-arg]
    settings = Settings(speech_rate=120)
    with pytest.raises(ValidationError):
        settings.speech_rate = 130  # type: ignore[misc]
    noted = Settings(speech_rate=120, warnings=("config.toml: colour: not a setting",))
    assert noted == settings and hash(noted) == hash(settings)
    assert "warnings" not in settings.model_dump()


def test_overrides_are_validated_and_keep_the_warnings() -> None:
    settings = Settings(speech_rate=120, warnings=("a warning",))
    changed = settings.with_overrides(model=" base.en ", speech_rate=None, colour="red")
    assert changed.model == "base.en" and changed.speech_rate == 120
    assert changed.warnings == ("a warning",)
    assert settings.with_overrides(model="").model is None  # blank: the bundled model
    with pytest.raises(ValidationError):
        settings.with_overrides(speech_rate=9000)


# -- the form ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", NUMBER_FIELDS.values())
def test_a_limit_validator_has_the_fields_bounds(key: str) -> None:
    limits = bounds(key)
    assert limits is not None
    validator = limit_validator(key)
    whole = Settings.model_fields[key].annotation is int
    assert isinstance(validator, Integer if whole else Number)
    assert (validator.minimum, validator.maximum) == (limits.low, limits.high)
    assert validator.validate(f"{limits.low:g}").is_valid
    assert validator.validate(f"{limits.high:g}").is_valid
    assert not validator.validate(f"{limits.high + 1:g}").is_valid
    assert not validator.validate(f"{limits.low / 2:g}").is_valid


@pytest.mark.parametrize(("field_id", "key"), NUMBER_FIELDS.items())
async def test_the_forms_number_inputs_use_the_models_limits_and_help(
    field_id: str, key: str
) -> None:
    limits = bounds(key)
    assert limits is not None
    app: App[None] = App()
    async with app.run_test():  # a widget is made inside a running app
        field = number_input(field_id, Settings())
    assert field.id == field_id
    assert field.type == ("integer" if Settings.model_fields[key].annotation is int else "number")
    (validator,) = field.validators
    assert isinstance(validator, Integer | Number)
    assert (validator.minimum, validator.maximum) == (limits.low, limits.high)
    assert field.value == f"{Settings.model_fields[key].default:g}"
    hint = field_help(key)
    assert f"({limits.low:g}-{limits.high:g})" in hint, hint
    assert f"default {Settings.model_fields[key].default:g}" in hint, hint
    assert str(Settings.model_fields[key].description)[1:] in hint


def test_every_number_on_the_form_is_a_bounded_setting() -> None:
    assert set(NUMBER_FIELDS.values()) <= set(BOUNDED)
    assert len(set(NUMBER_FIELDS.values())) == len(NUMBER_FIELDS)


# -- model specs ------------------------------------------------------------------------


def _model_dir(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "model.bin").write_bytes(b"")
    return path


@pytest.mark.parametrize("spec", [None, "", "   "])
def test_blank_is_the_bundled_model(spec: str | None) -> None:
    resolved = resolve_model_spec(spec)
    assert resolved.bundled and resolved.label == BUNDLED


def test_a_directory_with_a_model_is_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = _model_dir(tmp_path / "my model")
    assert resolve_model_spec(f" {model} ").path == model
    # An existing folder named without a separator is a folder too, not a name.
    monkeypatch.chdir(tmp_path)
    assert resolve_model_spec("my model").path == Path("my model")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_model_spec("~/my model").path == model


def test_a_known_name_is_a_name() -> None:
    resolved = resolve_model_spec(" base.en ")
    assert (resolved.name, resolved.path, resolved.label) == ("base.en", None, "base.en")


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("{tmp}/nope", "model directory {tmp}/nope does not exist"),
        ("./no-such-folder", "model directory ./no-such-folder does not exist"),
        ("~/no-such-folder-xyz", "model directory ~/no-such-folder-xyz does not exist"),
        ("{tmp}/empty", "{tmp}/empty holds no CTranslate2 model (no model.bin)"),
        ("{tmp}/file.bin", "{tmp}/file.bin is a file; a model is a directory"),
        ("no-such-model.en", "cannot load the speech model 'no-such-model.en': it is not a"),
    ],
)
def test_what_cannot_load_is_refused_in_the_same_words_by_form_and_loader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spec: str, message: str
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "file.bin").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    spec, message = spec.format(tmp=tmp_path), message.format(tmp=tmp_path)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("nothing is loaded for a spec that cannot load")

    monkeypatch.setattr(faster_whisper, "WhisperModel", never)
    with pytest.raises(ModelError) as refused:
        resolve_model_spec(spec)
    assert str(refused.value).startswith(message)
    result = ModelSpecValidator().validate(spec)
    assert not result.is_valid and result.failure_descriptions == [str(refused.value)]
    with pytest.raises(ModelError) as loading:
        stt._load_model(spec, cpu_threads=1)
    assert str(loading.value) == str(refused.value)


def test_the_form_accepts_what_the_loader_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded: list[str] = []

    def whisper(spec: str, **options: object) -> object:
        loaded.append(spec)
        return object()

    monkeypatch.setattr(faster_whisper, "WhisperModel", whisper)
    model = _model_dir(tmp_path / "model")
    for spec in (str(model), "base.en"):
        assert ModelSpecValidator().validate(spec).is_valid
        stt._load_model(spec, cpu_threads=1)
    assert loaded == [str(model), "base.en"]
