"""``voice-coach mock``: a whole mock second interview in the terminal, then its report card.

The flow is :class:`voice_coach.mock.MockInterview`'s; this module only says the lines,
takes the answers (typed on stdin, or spoken into the microphone) and prints. No
feedback between answers, as in a real interview: the report card comes at the end.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from voice_coach.cli.base import fail, say

if TYPE_CHECKING:
    from voice_coach.attempts import Attempt
    from voice_coach.config import Settings
    from voice_coach.live import LiveStatus
    from voice_coach.mock import Line, MockInterview
    from voice_coach.practice import Phase
    from voice_coach.questions import Question
    from voice_coach.speech.stt import Transcriber, TranscriptSegment
    from voice_coach.speech.tts import Voice


@click.command()
@click.option("--remote", is_flag=True, help="A video interview: a remote part, and its questions.")
@click.option(
    "--offer/--no-offer",
    default=None,
    help="Whether the closing holds an offer on the spot (default: the seed decides).",
)
@click.option(
    "--seed", type=int, help="An interview's number: the same number sits the same interview."
)
@click.option(
    "--cv",
    "cv_set",
    help="A set made by 'voice-coach cv' to draw a CV question from (default: yours, if any).",
)
@click.option("--typed", is_flag=True, help="Type answers (one line each) instead of speaking.")
@click.option(
    "--speak/--no-speak",
    default=None,
    help="Read the interviewers' lines aloud (default: on a terminal only).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report card as JSON.")
@click.option(
    "--report", "report_id", type=int, help="Print the report card of a saved mock interview."
)
@click.option("--model", help="Speech model for spoken answers (default: bundled tiny.en).")
def mock(
    remote: bool,
    offer: bool | None,
    seed: int | None,
    cv_set: str | None,
    typed: bool,
    speak: bool | None,
    as_json: bool,
    report_id: int | None,
    model: str | None,
) -> None:
    """Rehearse a whole second interview: introductions, questions from the line manager
    and the panel, your best stories, your own questions and the closing (sometimes an
    offer on the spot). A report card follows; the interview is saved to history."""
    from voice_coach.config import load_settings
    from voice_coach.mock import MockInterview, build_plan, find_cv_set, report_for_session
    from voice_coach.store import MOCK_KIND, Store

    store = Store()
    if report_id is not None:
        row = store.session(report_id)
        if row is None or row.kind != MOCK_KIND:
            fail(f"no mock interview with id {report_id} (voice-coach history lists them)", 2)
        card = report_for_session(store, report_id)
        click.echo(json.dumps(card.to_dict(), indent=2) if as_json else card.text())
        return
    settings = load_settings().with_overrides(model=model)
    plan = build_plan(seed=seed, remote=remote, offer=offer, cv_set=cv_set or find_cv_set())
    interview = MockInterview(plan, store)
    voice = _voice(settings) if (speak if speak is not None else sys.stdout.isatty()) else None
    transcriber = None if typed else _transcriber(settings)
    say(
        f"{plan.question_set.title}, interview no. {plan.seed} (--seed {plan.seed} sits it "
        "again). Ctrl+D ends it early.",
        err=as_json,
    )
    question: Question | None = interview.start()
    while question is not None:
        _say_lines(interview, interview.lines_before, voice, err=as_json)
        _put(interview, question, voice, err=as_json)
        interview.question_said()
        try:
            attempt, answered_at = _answer(interview, settings, transcriber, err=as_json)
        except EOFError:  # Ctrl+D: the interview stops here, and is still reported
            break
        if attempt is None:  # an empty line: passed over
            question = interview.next_question()
            continue
        probe = interview.answered(attempt, ended_at=answered_at)
        question = interview.ask_follow_up(probe) if probe else interview.next_question()
    else:
        _say_lines(interview, interview.plan.farewell, voice, err=as_json)
    card = interview.finish()
    if as_json:
        click.echo(json.dumps(card.to_dict(), indent=2))
    else:
        click.echo("")
        for line in card.text().splitlines():
            say(line)
        click.echo(f"Saved as session {card.session_id} (voice-coach show {card.session_id}).")


def _voice(settings: Settings) -> Voice | None:
    from voice_coach.speech.tts import Voice

    return Voice(settings.voice, settings.speech_rate, settings.output_device)


def _transcriber(settings: Settings) -> Transcriber:
    from voice_coach.speech.stt import Transcriber

    return Transcriber(settings.model)


def _speak(voice: Voice | None, who: str | None, text: str) -> None:
    """Say it aloud in the interviewer's voice; the printed words are enough if it fails."""
    if voice is None:
        return
    from voice_coach.errors import VoiceCoachError

    try:
        voice.with_voice(who).speak(text)
    except VoiceCoachError as exc:
        click.echo(f"voice-coach: {exc}; reading on in text.", err=True)


def _say_lines(
    interview: MockInterview, lines: tuple[Line, ...], voice: Voice | None, *, err: bool
) -> None:
    for line in lines:
        person = interview.plan.speaker(line)
        say(f"{person.name if person else 'Interviewer'}: {line.text}", err=err)
        _speak(voice, person.voice if person else None, line.text)


def _put(interview: MockInterview, question: Question, voice: Voice | None, *, err: bool) -> None:
    person = interview.plan.question_set.interviewer_of(question)
    name = person.name if person else "Interviewer"
    session = interview.session
    where = "follow-up" if session.follow_up else f"question {session.position}"
    say(f"[{where} · {_clock(interview.elapsed_s)}] {name}: {question.text}", err=err)
    _speak(voice, person.voice if person else None, question.text)


def _answer(
    interview: MockInterview,
    settings: Settings,
    transcriber: Transcriber | None,
    *,
    err: bool,
) -> tuple[Attempt | None, float]:
    """One answer and when it ended: a line of stdin, or speech until a silence ends it;
    None for an empty line (the question passed over), EOFError when input ends."""
    if transcriber is not None:
        spoken = _spoken(interview, settings, transcriber, err=err)
        if spoken is not None:
            return spoken, interview.now()
    click.echo("> ", nl=False, err=err)
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    ended = interview.now()
    if not line.strip():
        return None, ended
    took = interview.answer_elapsed_s
    attempt = interview.session.finish_typed(line.strip())
    click.echo(f"  (answered in {_clock(took)})", err=err)
    return attempt, ended


def _spoken(
    interview: MockInterview, settings: Settings, transcriber: Transcriber, *, err: bool
) -> Attempt | None:
    """A spoken answer; None when it must be typed instead (no microphone), said once."""
    from voice_coach.audio.capture import Microphone
    from voice_coach.audio.endpoint import EndpointConfig
    from voice_coach.errors import VoiceCoachError

    session = interview.session
    if session.typed_only:
        return None
    config = EndpointConfig(
        end_silence_s=settings.end_silence_s,
        initial_silence_s=settings.initial_silence_s,
        max_answer_s=settings.max_answer_s,
    )
    session.listener = _Terminal(err=err)
    click.echo("  Opening the microphone…", err=err)
    try:
        turn = session.start_answer(Microphone(settings.input_device), transcriber, config)
        attempt = turn.run() if turn is not None else None
    except KeyboardInterrupt:
        session.stop_answer()
        raise
    except VoiceCoachError as exc:
        session.typed_only = True
        click.echo(f"voice-coach: {exc}; type your answers instead.", err=True)
        return None
    if attempt is not None:
        took = f"{_clock(attempt.duration_s)}" if attempt.duration_s else "no speech"
        say(f"  You: {attempt.transcript or '(nothing heard)'}  [{took}]", err=err)
    return attempt


class _Terminal:
    """The session's listener on a terminal: says when the microphone is really open,
    so nobody starts talking into a microphone that is still being opened."""

    def __init__(self, *, err: bool) -> None:
        self._err = err

    def phase_changed(self, phase: Phase) -> None:
        return None

    def status(self, status: LiveStatus) -> None:
        return None

    def transcript(self, segments: tuple[TranscriptSegment, ...]) -> None:
        return None

    def recording_started(self, device: str) -> None:
        click.echo(
            f"  Listening on {device}… answer aloud; a pause ends the answer.", err=self._err
        )

    def recording_ended(self, reason: str) -> None:
        return None


def _clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}:{secs:02d}"
