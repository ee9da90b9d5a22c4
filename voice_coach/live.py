"""One spoken answer, live: record it, find the speech, transcribe as it goes.

The audio loop (capture -> disk -> endpointer) and the transcription loop run in
separate threads joined by a queue, so decoding a segment never delays
recording, and by the time the answer ends only its last piece is left to
decode. Everything is reported through a listener, which keeps this module free
of any UI: the TUI, the CLI and the tests all drive it the same way.

Between segments the decode thread does not sit idle (see :class:`LiveOptions`): the
segment still open is decoded again every half second of speech, and shown as
provisional text (a segment closes only at a pause, or after 9 s); words two passes agree
on up to the end of a sentence are final at once, and no later decode hears
them again; when the speaker pauses, what is left is decoded at once, so if nothing more
is said that decode is the final one and there is nothing left to do when the answer
ends; and what it heard says whether the answer sounds finished, which shortens the
silence that ends it. All of this is affordable on two cores because a live piece is
decoded with a short encoder window (:mod:`voice_coach.speech.window`).
"""

from __future__ import annotations

import math
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from voice_coach.audio import SAMPLE_RATE
from voice_coach.audio.capture import AudioSource, EndOfAudio
from voice_coach.audio.endpoint import EndpointConfig, Endpointer, Segment
from voice_coach.audio.recorder import Recorder, RecordingWriteError
from voice_coach.errors import VoiceCoachError
from voice_coach.speech.interim import LiveText, StablePrefix, bare_word, sounds_finished
from voice_coach.speech.stt import Transcriber, Transcript, TranscriptSegment, Word, join_text

LEVEL_INTERVAL_S = 0.1
"""Level updates at most ten times a second: a meter needs no more, a UI queue no more."""

UNFINISHED = ("disk_full", "write_error")
"""End reasons that leave the answer's file unfinished (see AnswerResult.unfinished)."""

SHORT_END_MIN_WORDS = 12
"""Words an answer needs before a finished sentence may end it after the shorter silence:
"Sure." or "That's a good question." and a pause is someone gathering what to say next.
The shortest whole answers the app asks for are closing replies, and the good ones in its
labelled data run 7-30 words (9 in 10 at least 12, half at least 18): at 25 words, as
before, nearly all of them waited the full end silence. Past 12 words, a speaker who pauses
after a finished sentence and goes on keeps the longer silence from then on (see
:data:`SENTENCE_PAUSE_MARGIN_S`); the first such pause, if longer than the shorter end, is
the cost."""

SENTENCE_PAUSE_MARGIN_S = 0.3
"""A finished sentence ends the answer only after a silence this much longer than any the
speaker has already come back from after a finished sentence in this answer: someone who
pauses 1.4 s between sentences is not done when they pause 1.3 s."""

WARN_BEFORE_END_S = 1.5
"""How long before silence ends the answer the user is warned, so they can go on."""


@dataclass(frozen=True)
class LiveOptions:
    """How hard the decode thread works between segments; ``None`` turns a step off (all
    off is the plain segment-by-segment pipeline, which the benchmark compares against)."""

    interim_step_s: float | None = 0.5
    """Decode the open segment again once it has grown by this much, and show its words
    as provisional. A pass of tiny.en with the short encoder window costs ~0.1-0.2 s on 2
    idle cores (:mod:`voice_coach.speech.window`), so words reach the screen within about
    a second; on a busy machine passes space themselves out (:data:`PASS_SPACING`)."""
    speculate_after_s: float | None = 0.3
    """After this long a pause, decode the open segment at once, whole: if the answer
    ends before more is said (by the key or by silence), that decode is the final one and
    the transcript is ready when it ends. Before the endpointer's ``min_pause_s`` closes
    the segment: a pause is when the decode thread is free, and one that turns out to be
    a breath costs nothing but that idle time."""
    reuse_stable: bool = True
    """Keep the words the provisional passes agreed on (well before the end of the audio
    they heard) and decode only the audio after them in the next pass: a pass costs about
    the same at 2 s into a segment as at 9 s."""
    reuse_in_final: bool = False
    """The same for the final decode of a segment. Off: decoded without the audio before
    it, the rest of a sentence was misheard two runs in five on a real recording ("who
    had vanished" as "who would vanish"); a segment is at most 9 s, so hearing it whole
    costs a few tenths of a second more and never a word."""
    commit_sentences: bool = True
    """Make the words of the open segment final once two passes agree on them up to a whole
    sentence, and heard the next word begin, without waiting for a pause to close it:
    the audio before is never decoded again, so a pass, a segment's final decode and the
    decode after the key hear only the sentence under way. Two passes that heard the
    sentence end and went on past it read it with the audio on both sides, as a final
    decode of a segment closed there would not (local agreement, as whisper_streaming
    commits its words)."""
    smart_end: bool = True
    """End after ``EndpointConfig.finished_silence_s`` when what was said sounds finished
    (:func:`~voice_coach.speech.interim.sounds_finished`), the full end silence otherwise."""

    @classmethod
    def plain(cls) -> LiveOptions:
        """Segments decoded as pauses close them, and nothing else."""
        return cls(
            interim_step_s=None,
            speculate_after_s=None,
            reuse_stable=False,
            commit_sentences=False,
            smart_end=False,
        )


MIN_INTERIM_S = 0.8
"""An open segment shorter than this is not decoded provisionally: a word or two, which
Whisper reads poorly and the next pass would change anyway."""

REUSE_MARGIN_S = 0.6
"""Agreed words reused at the end must have ended this long before the audio their pass
heard ended: the last word or two of a pass are the ones a longer decode revises."""

CUT_GAP_S = 0.15
"""The least gap between two words where the audio may be cut for a final decode."""

MIN_REUSE_S = 1.0
"""Reuse agreed words only when they span at least this much: less saves nothing."""

MIN_REST_S = 0.25
"""Less audio than this after the words made final is the segment's padding, not speech
(the endpointer's shortest speech)."""

PAUSING_S = 0.2
"""Silence after which no provisional pass starts while speech may resume: at
``LiveOptions.speculate_after_s`` the pause decode is due, and the thread is wanted for it."""

PASS_SPACING = 1.5
"""Provisional passes start at least this many times their own duration apart, so on a
busy machine they take no more than about two thirds of the decode thread."""

POLL_S = 0.05
"""How often the idle decode thread looks at the open segment."""


@dataclass(frozen=True)
class _Open:
    """The open segment as the audio loop last saw it (published for the decode thread)."""

    segment: Segment
    silence_s: float
    in_speech: bool
    heard_to: int | None
    """Where the latest speech ended (the endpointer's ``last_speech_end``)."""


@dataclass
class _Pass:
    """The latest provisional decode of the open segment, kept to be reused at the end."""

    start: int
    end: int
    previous_text: str
    found: list[TranscriptSegment]
    stable: list[Word]
    whole: bool
    """It heard the whole segment (skipped no agreed words): fit to be the final decode."""
    heard_to: int | None = None
    """Where the latest speech ended when it was made at a pause (None otherwise): if no
    speech came since, the audio it heard past the segment's end is silence."""


@dataclass(frozen=True)
class LiveStatus:
    """What a level meter and a timer need, sent about ten times a second."""

    level_db: float
    """Input level of the latest block in dBFS (-60 is silence, 0 is clipping)."""
    elapsed_s: float
    speech_started: bool
    in_speech: bool
    silence_s: float
    ends_in_s: float | None
    """Seconds until silence ends the answer, when that is close; None otherwise."""
    waiting_for_first_word: bool


@dataclass(frozen=True)
class AnswerResult:
    audio_path: Path
    duration_s: float
    transcript: Transcript
    end_reason: str
    """"silence", "no_speech", "max_length", "stopped" (the user), "end_of_audio", "error"
    (the device), or "disk_full" / "write_error" (the file could not be written further)."""
    error: str | None = None
    """What went wrong with the device or the disk, if anything: the audio so far is saved."""

    @property
    def unfinished(self) -> bool:
        """The file could not be finished: what is on disk waits for recovery, which
        measures and rewrites it once the disk can take it."""
        return self.end_reason in UNFINISHED

    @property
    def no_speech(self) -> bool:
        return not self.transcript.text


class AnswerListener(Protocol):
    """Receives live updates; called from worker threads."""

    def status(self, status: LiveStatus) -> None: ...

    def transcript(self, segments: tuple[TranscriptSegment, ...]) -> None: ...

    def recording_started(self, device: str) -> None:
        """The microphone is open: from now on, speech is heard."""
        ...

    def recording_ended(self, reason: str) -> None:
        """Recording stopped; the last piece is being transcribed."""
        ...


@runtime_checkable
class InterimListener(Protocol):
    """A listener that also draws provisional words (an :class:`AnswerListener` need not)."""

    def live_text(self, text: LiveText) -> None:
        """The answer so far: final words, then provisional ones; called from a worker
        thread whenever either changes."""
        ...


class _Silent:
    def recording_started(self, device: str) -> None:
        return None

    def status(self, status: LiveStatus) -> None:
        return None

    def recording_ended(self, reason: str) -> None:
        return None

    def transcript(self, segments: tuple[TranscriptSegment, ...]) -> None:
        return None


class LiveAnswer:
    """Records one answer from ``source`` into ``audio_path`` until it ends."""

    def __init__(
        self,
        source: AudioSource,
        transcriber: Transcriber,
        audio_path: Path,
        config: EndpointConfig | None = None,
        listener: AnswerListener | None = None,
        options: LiveOptions | None = None,
        *,
        told_enough: Callable[[str], bool] | None = None,
    ) -> None:
        self.source = source
        self.transcriber = transcriber
        self.audio_path = audio_path
        self.config = config or EndpointConfig()
        self.listener = listener or _Silent()
        self._drawer = self.listener if isinstance(self.listener, InterimListener) else None
        """The listener, when it draws provisional words (older listeners need not)."""
        self.options = options or LiveOptions()
        self.told_enough = told_enough
        """Whether the words so far may be a whole answer to the question asked (a story
        question's has a result): until then a finished sentence is not an end. None: any."""
        self._told = False
        """The words have told enough once (the decode thread's): later decodes skip the
        judgement (tens of milliseconds on a long answer)."""
        self._stop = threading.Event()
        self._segments: list[TranscriptSegment] = []
        self._work: queue.Queue[tuple[int, int, np.ndarray, int] | None] = queue.Queue()
        """Segments to decode, as (start, end sample, audio, where speech was last heard
        when it was handed over); None ends the loop."""
        self._transcribe_error: BaseException | None = None
        self._abandon = threading.Event()
        """Set when the file cannot be written: pending pieces are dropped, not decoded,
        so the user hears at once what happened (recovery transcribes it later)."""
        self._ended = threading.Event()
        """Recording is over: no more provisional passes, only the final ones."""
        self._endpointer: Endpointer | None = None
        self._open: _Open | None = None
        """Written by the audio loop, read by the decode thread (one reference: atomic)."""
        self._tail: tuple[int, bool] | None = None
        """(end sample, sounds finished) of the latest decode that heard the end of the
        speech; written by the decode thread, read by the audio loop."""
        # The decode thread's own state:
        self._agreement = StablePrefix()
        self._agreement_start: int | None = None
        self._committed = 0
        """Audio before this sample is final (``LiveOptions.commit_sentences``): no decode
        hears it again."""
        self._pass: _Pass | None = None
        self._provisional: list[Word] = []
        """The words on screen after the final ones, from the latest provisional pass."""
        self._pass_wall_s = 0.0
        """How long the latest provisional pass took (wall clock)."""
        # The audio loop's own state, for the shorter end:
        self._silence_s = 0.0
        """Silence since the last speech, as the previous block left it."""
        self._sentence_pause_s = 0.0
        """The longest pause the speaker came back from after a finished sentence."""

    def stop(self) -> None:
        """End the answer now (the user pressed the key); safe from any thread."""
        self._stop.set()

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    def run(self) -> AnswerResult:
        """Blocking: call it from a worker thread."""
        endpointer = self._endpointer = Endpointer(self.config)
        decoder = threading.Thread(target=self._decode_loop, name="voice-coach-stt", daemon=True)
        decoder.start()
        reason = "stopped"
        error: str | None = None
        last_status = 0.0
        recorder = Recorder(self.audio_path)
        try:
            with recorder, self.source as source:
                self.listener.recording_started(getattr(source, "device_name", "audio"))
                while True:
                    if self._stop.is_set():
                        reason = "stopped"
                        break
                    try:
                        block = source.read(timeout=0.25)
                    except EndOfAudio:
                        reason = "end_of_audio"
                        break
                    if block is None:
                        continue
                    recorder.write(block)
                    for segment in endpointer.feed(block):
                        self._submit(endpointer, segment.start, segment.end)
                    self._publish(endpointer)
                    now = time.monotonic()
                    if now - last_status >= LEVEL_INTERVAL_S:
                        last_status = now
                        self.listener.status(_status(block, endpointer, self.config))
                    if endpointer.end_reason:
                        reason = endpointer.end_reason
                        break
        except RecordingWriteError:
            pass  # kept in recorder.error, with what closing the file said
        except VoiceCoachError as exc:
            # The device failed mid-answer: keep what was recorded and transcribe it.
            reason, error = "error", str(exc)
        finally:
            self._ended.set()
            if recorder.error is not None:
                reason = "disk_full" if recorder.error.disk_full else "write_error"
                error = str(recorder.error)
                self._abandon.set()
            self.listener.recording_ended(reason)
            if not self._abandon.is_set():
                for segment in endpointer.flush():
                    self._submit(endpointer, segment.start, segment.end)
            self._work.put(None)
            decoder.join()
        if self._transcribe_error is not None:
            error = error or f"transcription failed: {self._transcribe_error}"
        transcript = Transcript(tuple(self._segments), endpointer.samples / SAMPLE_RATE)
        return AnswerResult(self.audio_path, recorder.duration_s, transcript, reason, error)

    def _submit(self, endpointer: Endpointer, start: int, end: int) -> None:
        heard_to = endpointer.last_speech_end
        self._work.put(
            (start, end, endpointer.copy(start, end), end if heard_to is None else heard_to)
        )

    def _publish(self, endpointer: Endpointer) -> None:
        """Tell the decode thread where the open segment is, and the endpointer whether
        the latest decode heard a finished answer."""
        pending = endpointer.pending()
        self._open = (
            None
            if pending is None
            else _Open(
                pending, endpointer.silence_s, endpointer.in_speech, endpointer.last_speech_end
            )
        )
        if self.options.smart_end:
            silence, armed = endpointer.silence_s, endpointer.end_silence_s
            if silence < self._silence_s and armed < self.config.end_silence_s:
                # The speaker came back from a pause after a finished sentence: one this
                # long is theirs between sentences, not the end of their answer.
                self._sentence_pause_s = max(self._sentence_pause_s, self._silence_s)
            self._silence_s = silence
            tail, spoken_to = self._tail, endpointer.last_speech_end
            finished = (
                tail is not None and spoken_to is not None and tail[0] >= spoken_to and tail[1]
            )
            if not endpointer.in_speech:
                longer = self._sentence_pause_s + SENTENCE_PAUSE_MARGIN_S
                endpointer.expect_end(finished, at_least_s=longer if self._sentence_pause_s else 0)
            elif armed != self.config.end_silence_s:
                endpointer.expect_end(False)

    def _ends_answer(self, found: list[TranscriptSegment]) -> bool:
        """Whether the answer, with ``found`` as its latest words, sounds finished: it
        closes a sentence, is long enough to be a whole answer, and has told what its
        question needs (:attr:`told_enough`). After a sentence or two a pause is more often
        thinking than the end: there the full end silence applies."""
        whole = join_text([*self._segments, *found])
        latest = join_text(found) if found else join_text(self._segments[-1:])
        if len(whole.split()) < SHORT_END_MIN_WORDS or not sounds_finished(latest):
            return False
        if not self._told and (self.told_enough is None or self.told_enough(whole)):
            self._told = True  # a result once told stays told: not judged again
        return self._told

    # ---- the decode thread -----------------------------------------------------------

    def _decode_loop(self) -> None:
        opts = self.options
        idle = opts.interim_step_s is not None or opts.speculate_after_s is not None
        while True:
            try:
                item = self._work.get(timeout=POLL_S if idle else None)
            except queue.Empty:
                self._provisional_pass()
                continue
            if item is None:
                return
            if self._abandon.is_set():
                continue
            try:
                self._final_pass(*item)
            except BaseException as exc:  # keep recording; report at the end
                self._transcribe_error = exc

    def _final_pass(self, start: int, end: int, audio: np.ndarray, heard_to: int) -> None:
        if start < self._committed:
            # Its first sentences were made final while it was open: only the rest is left.
            if end - self._committed < MIN_REST_S * SAMPLE_RATE:
                self._tail = (end, self._ends_answer([]))
                self._provisional = _from(self._provisional, end)
                self._show()
                return
            audio, start = audio[self._committed - start :], self._committed
        previous_text = join_text(self._segments)
        last = self._pass
        # A pass that heard the audio up to the last speech (and its padding) heard it all.
        spoken_end = min(end, heard_to + int(self.config.pad_s * SAMPLE_RATE))
        # It may have heard past the segment's end: the silence a pass at a pause hears,
        # after the speech, is longer than the padding the endpointer leaves.
        if (
            last is not None
            and last.start == start
            and last.previous_text == previous_text
            and spoken_end <= last.end
            and (last.end <= end or last.heard_to == heard_to)
            and (last.whole or self.options.reuse_in_final)
        ):
            found = last.found
        else:
            found, _ = self._decode(start, end, audio, previous_text, final=True)
        self._tail = (end, self._ends_answer(found))
        # Final words win; provisional ones heard after this segment stay until the next
        # pass over the open segment replaces them.
        self._provisional = _from(self._provisional, end)
        if found:
            self._segments.extend(found)
            self.listener.transcript(tuple(self._segments))
        self._show()

    def _decode(
        self, start: int, end: int, audio: np.ndarray, previous_text: str, *, final: bool = False
    ) -> tuple[list[TranscriptSegment], bool]:
        """The segment's audio (``start``-``end``) decoded: only what follows the words the
        provisional passes agreed on, when there are enough, with those words kept. A pass
        over the last few seconds costs the same however long the segment has grown. With
        whether the segment was heard whole: only such a decode may stand as the final one
        (``final`` asks for one, unless ``LiveOptions.reuse_in_final``)."""
        reuse = self.options.reuse_in_final if final else True
        agreed = self._agreed(start, end, previous_text) if reuse else None
        if agreed is None:
            found = self.transcriber.transcribe(
                audio, offset_s=start / SAMPLE_RATE, previous_text=previous_text, streaming=True
            )
            return found, True
        kept, cut = agreed
        head = _segment_of(kept)
        rest = self.transcriber.transcribe(
            audio[cut - start :],
            offset_s=cut / SAMPLE_RATE,
            previous_text=f"{previous_text} {head.text}".strip(),
            streaming=True,
        )
        return [head, *rest], False

    def _agreed(self, start: int, end: int, previous_text: str) -> tuple[list[Word], int] | None:
        """The agreed words of the latest pass over this segment that ended well before the
        audio it heard did, and the sample between them and the next word; None when they
        span too little to be worth it."""
        last = self._pass
        if (
            not self.options.reuse_stable
            or last is None
            or last.start != start
            or last.previous_text != previous_text
            or last.end > end
        ):
            return None
        heard = [w for s in last.found for w in s.words]
        limit = last.end / SAMPLE_RATE - REUSE_MARGIN_S
        kept: list[Word] = []
        for word, agreed in zip(heard, last.stable, strict=False):
            if word.word != agreed.word or word.end > limit:
                break
            kept.append(word)
        # Cut only where the speaker left a gap between two words: word times are a tenth
        # of a second out either way, and a cut inside a word left the rest misheard
        # ("ask what you can do" decoded from "...at you can do" as "ask watch you").
        while kept:
            following = heard[len(kept)].start if len(heard) > len(kept) else None
            if following is None or following - kept[-1].end >= CUT_GAP_S:
                break
            kept.pop()
        if not kept or kept[-1].end - start / SAMPLE_RATE < MIN_REUSE_S:
            return None
        after = heard[len(kept)].start if len(heard) > len(kept) else kept[-1].end + 0.1
        return kept, min(end, max(start, int((kept[-1].end + after) / 2 * SAMPLE_RATE)))

    def _provisional_pass(self) -> None:
        """Decode the open segment if it has grown enough, or the speaker has paused."""
        opts, endpointer, now = self.options, self._endpointer, self._open
        if self._ended.is_set() or endpointer is None:
            return
        # What is left to hear of the open segment starts where its words are not yet final.
        segment = None if now is None else _after(now.segment, self._committed)
        if segment is None or segment.start != self._agreement_start:
            if not self._work.empty():
                return  # its final decode is queued: keep the words until it is done
            self._agreement = StablePrefix()
            self._agreement_start = None if segment is None else segment.start
            kept = [] if segment is None else _from(self._provisional, segment.start)
            if kept != self._provisional:
                self._provisional = kept
                self._show()
        if segment is None or now is None:
            return
        previous_text = join_text(self._segments)
        last = self._pass
        done_to = (
            last.end
            if last is not None
            and last.start == segment.start
            and last.previous_text == previous_text
            else segment.start
        )
        # Silence since the last speech, whether or not the pause has closed the segment
        # yet (the endpointer's in_speech holds until ``min_pause_s``).
        paused = opts.speculate_after_s is not None and now.silence_s >= opts.speculate_after_s
        grown = (segment.end - done_to) / SAMPLE_RATE
        if paused:
            # Once per pause: the open segment keeps growing with silence until the
            # pause closes it, and nothing said since needs hearing.
            due = not (
                last is not None
                and last.start == segment.start
                and last.previous_text == previous_text
                and last.heard_to == now.heard_to
            )
        elif now.silence_s >= PAUSING_S or opts.interim_step_s is None:
            due = False  # the segment may close any moment: keep the thread for it
        else:
            # On a busy machine a pass takes longer: space them out so the final
            # decodes are not queued behind them.
            step = max(opts.interim_step_s, PASS_SPACING * self._pass_wall_s)
            due = grown >= step and (segment.end - segment.start) / SAMPLE_RATE >= MIN_INTERIM_S
        if not due:
            return
        began = time.monotonic()
        audio = endpointer.copy(segment.start, segment.end)
        try:
            # A pass at a pause may be the final one: it hears the segment whole.
            found, whole = self._decode(
                segment.start, segment.end, audio, previous_text, final=paused
            )
        except Exception:
            return  # a provisional pass failing costs nothing: the final one will say
        if not paused:
            self._pass_wall_s = time.monotonic() - began
        words = [w for s in found for w in s.words]
        stable, unstable = self._agreement.update(words)
        self._pass = _Pass(
            segment.start,
            segment.end,
            previous_text,
            found,
            stable,
            whole,
            now.heard_to if paused else None,
        )
        if paused:
            self._tail = (segment.end, self._ends_answer(found))
        # A segment closed meanwhile (its final decode comes next, and keeps what this
        # pass heard after it): nothing is made final out of turn, but the words are shown.
        if (
            self._work.empty()
            and not paused
            and self._commit(endpointer, segment, words, stable)
        ):
            return
        shown = stable + unstable if words else [Word(s.start, s.end, s.text) for s in found]
        if shown != self._provisional:
            self._provisional = shown
            self._show()

    def _commit(
        self, endpointer: Endpointer, segment: Segment, words: list[Word], stable: list[Word]
    ) -> bool:
        """Make final the agreed words of the open segment up to the last whole sentence
        that two passes read alike, when speech went on after it (so where it ends is
        heard, and where to cut: between it and the next word); the passes that follow
        start there. Only at the end of a sentence: cut at a breath after a comma ("the
        wizard, | who had vanished"), the rest, decoded without the audio before it, was
        misheard ("who would vanish") on a real recording, as when agreed words were kept
        at any gap. Whether it did."""
        if not self.options.commit_sentences:
            return False
        limit = segment.end / SAMPLE_RATE - REUSE_MARGIN_S
        found: tuple[int, int] | None = None
        for i, (word, agreed) in enumerate(zip(words, stable, strict=False)):
            if bare_word(word.word) != bare_word(agreed.word) or word.end > limit:
                break
            nxt = words[i + 1] if i + 1 < len(words) else None
            if (
                nxt is None
                or nxt.start - word.end < CUT_GAP_S
                or word.end - segment.start / SAMPLE_RATE < MIN_REUSE_S
            ):
                continue
            if sounds_finished(" ".join(w.word for w in words[: i + 1])):
                # Cut in the silence the VAD heard between the words, if it heard one.
                gap = (int(word.end * SAMPLE_RATE), int(nxt.start * SAMPLE_RATE))
                quiet = endpointer.quiet_between(*gap)
                found = (i, sum(gap) // 2 if quiet is None else quiet)
        if found is None:
            return False
        upto, cut = found
        kept = words[: upto + 1]
        self._segments.append(_segment_of(kept))
        self._committed = min(segment.end, max(segment.start, cut))
        self._agreement = StablePrefix()
        self._agreement_start = self._committed
        self._pass = None
        self.listener.transcript(tuple(self._segments))
        self._provisional = words[upto + 1 :]
        self._show()
        return True

    def _show(self) -> None:
        if self._drawer is not None:
            provisional = " ".join(w.word for w in self._provisional)
            self._drawer.live_text(LiveText(join_text(self._segments), provisional))


def _segment_of(words: list[Word]) -> TranscriptSegment:
    """Agreed words kept as a segment of their own, as if decoded so."""
    return TranscriptSegment(
        words[0].start, words[-1].end, " ".join(w.word for w in words), tuple(words)
    )


def _from(words: list[Word], sample: int) -> list[Word]:
    """The words heard from ``sample`` on (those before it are in a final decode now)."""
    return [w for w in words if w.start >= sample / SAMPLE_RATE]


def _after(segment: Segment, committed: int) -> Segment | None:
    """What is left of ``segment`` after the final words end at ``committed`` (None: all)."""
    if committed <= segment.start:
        return segment
    return Segment(committed, segment.end) if committed < segment.end else None


def _status(block: np.ndarray, endpointer: Endpointer, config: EndpointConfig) -> LiveStatus:
    rms = float(np.sqrt(np.mean(np.square(block)))) if len(block) else 0.0
    level_db = max(-60.0, 20 * math.log10(rms)) if rms > 0 else -60.0
    ends_in: float | None = None
    if endpointer.speech_started and not endpointer.in_speech:
        remaining = endpointer.end_silence_s - endpointer.silence_s
        if remaining <= WARN_BEFORE_END_S:
            ends_in = max(0.0, remaining)
    elif not endpointer.speech_started:
        remaining = config.initial_silence_s - endpointer.samples / SAMPLE_RATE
        if remaining <= WARN_BEFORE_END_S * 2:
            ends_in = max(0.0, remaining)
    return LiveStatus(
        level_db=level_db,
        elapsed_s=endpointer.samples / SAMPLE_RATE,
        speech_started=endpointer.speech_started,
        in_speech=endpointer.in_speech,
        silence_s=endpointer.silence_s,
        ends_in_s=ends_in,
        waiting_for_first_word=not endpointer.speech_started,
    )
