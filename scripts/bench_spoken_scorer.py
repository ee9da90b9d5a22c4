#!/usr/bin/env python3
"""How well the scorer judges labelled answers once they have been spoken and transcribed.

scripts/bench_scorer.py measures the verdict on the answers as written. A user's answer
never reaches the scorer like that: it is spoken, and the scorer reads what the speech
model heard, with no punctuation it did not guess, numbers as digits, misheard words and
word timings. This benchmark puts each labelled answer through that path with the app's
own parts: the interviewer's text-to-speech voice (espeak-ng through pyttsx3) reads it to
a WAV, the app's Transcriber (bundled tiny.en, greedy, as the app decodes) transcribes the
file, and the scorer judges the transcript with its word timings. It reports, per split
and per kind, how the spoken verdict compares with the label and with the verdict on the
typed text, the word error rate of the transcripts, and the seconds each answer takes.

A synthetic voice is cleaner than a person, so these figures are a floor on what speech
costs the verdict, not an estimate of it; a large gap between spoken and typed verdicts
for a kind says the scorer leans on something the speech model does not keep.

WAVs are cached by a hash of voice, rate and text (``--cache``, default
``$XDG_CACHE_HOME/voice-coach-bench``), so a rerun only transcribes and scores. Held-out
answers are never used to tune anything, and ``--disagreements`` never lists them.

    scripts/bench_spoken_scorer.py                        # held-out answers and 100 tuned ones
    scripts/bench_spoken_scorer.py --split tuned --limit 20 --disagreements
    scripts/bench_spoken_scorer.py --json                 # one JSON object
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import random
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from voice_coach.errors import VoiceCoachError  # noqa: E402
from voice_coach.scoring import score_answer  # noqa: E402
from voice_coach.scoring.dataset import Labelled, load  # noqa: E402
from voice_coach.scoring.kinds import QuestionKind  # noqa: E402
from voice_coach.speech.stt import Transcriber, Transcript  # noqa: E402
from voice_coach.speech.tts import Voice, VoiceSpec, list_voices  # noqa: E402

DATA = ROOT / "tests" / "data"
SPLITS = ("heldout", "tuned")
DEFAULT_TUNED = 100
"""Tuned answers spoken by default: enough for the overall figures in a few minutes."""
SEED = 20240601
"""Fixed, so ``--limit`` picks the same answers on every run and machine."""
RATE = 165
"""The app's default speech rate (config ``speech_rate``)."""
SYNTH_TIMEOUT_S = 60.0
VOICE_TIMEOUT_S = 15.0
EXCERPT_CHARS = 320
LOST_SHARE = 0.5
"""A transcript with fewer than this share of the answer's words lost part of the audio."""
WAV_HEADER_BYTES = 44


def _load_bench_scorer() -> ModuleType:
    """scripts/bench_scorer.py, for its verdict metrics and table style (it is no package)."""
    path = ROOT / "scripts" / "bench_scorer.py"
    spec = importlib.util.spec_from_file_location("bench_scorer", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench_scorer = _load_bench_scorer()
verdict_metrics: Callable[[Iterable[tuple[bool, bool]]], dict[str, Any]] = (
    bench_scorer.verdict_metrics
)


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "voice-coach-bench"


class BenchVoice(Voice):
    """The app's interviewer voice, keeping its WAVs in the benchmark's cache, not the app's."""

    def __init__(self, folder: Path, voice: str | None = None, rate: int = RATE) -> None:
        super().__init__(voice, rate)
        self.folder = folder

    def _path(self, spec: VoiceSpec, text: str) -> Path:
        key = f"{spec.engine}|{spec.id}|{self.rate}|{text}"
        digest = hashlib.sha256(key.encode()).hexdigest()[:24]
        self.folder.mkdir(parents=True, exist_ok=True)
        return self.folder / f"{digest}.wav"

    def cached(self, text: str) -> bool:
        path = self._path(self.spec, text)
        return path.exists() and path.stat().st_size > WAV_HEADER_BYTES


@dataclass(frozen=True)
class Spoken:
    """One labelled answer, spoken, heard and judged."""

    item: Labelled
    transcript: str
    audio_s: float
    typed: bool
    spoken: bool
    tts_s: float | None
    """Seconds to render the WAV; None when it came from the cache."""
    stt_s: float
    score_s: float
    ref_words: int
    heard_words: int
    errors: int


_SPLIT_WORDS = re.compile(r"[-\u2010-\u2015/]")
_PUNCTUATION = re.compile(r"[^\w\s]")


def normalise(text: str) -> str:
    """Lower case, no punctuation; hyphens and slashes split words ("follow-up", "and/or")."""
    text = _SPLIT_WORDS.sub(" ", text.lower().replace("\u2019", "'"))
    return " ".join(_PUNCTUATION.sub("", text).split())


def word_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """(reference words, substitutions + deletions + insertions), after :func:`normalise`."""
    import jiwer

    ref, hyp = normalise(reference), normalise(hypothesis)
    n = len(ref.split())
    if not n:
        return 0, len(hyp.split())
    if not hyp:
        return n, n
    out = jiwer.process_words(ref, hyp)
    return n, out.substitutions + out.deletions + out.insertions


def select(items: list[Labelled], split: str, limit: int | None, seed: int) -> list[Labelled]:
    """The judged answers of one split, shuffled with a fixed seed, the first ``limit``."""
    chosen = [i for i in items if i.meets is not None and i.heldout == (split == "heldout")]
    random.Random(f"{seed}:{split}").shuffle(chosen)
    if limit is None:
        limit = None if split == "heldout" else DEFAULT_TUNED
    return chosen if limit is None or limit <= 0 else chosen[:limit]


def speak_one(item: Labelled, voice: BenchVoice, transcriber: Transcriber) -> Spoken:
    started = time.perf_counter()
    cached = voice.cached(item.answer)
    wav = voice.synthesize(item.answer, timeout=SYNTH_TIMEOUT_S)
    tts_s = None if cached else time.perf_counter() - started
    started = time.perf_counter()
    heard: Transcript = transcriber.transcribe_file(wav)
    stt_s = time.perf_counter() - started
    points = [text for text, _ in item.talking_points]
    started = time.perf_counter()
    spoken = score_answer(
        heard.text,
        question=item.question,
        kind=item.kind,
        words=heard.words,
        talking_points=points,
    )
    score_s = time.perf_counter() - started
    typed = score_answer(item.answer, question=item.question, kind=item.kind, talking_points=points)
    ref_words, errors = word_errors(item.answer, heard.text)
    return Spoken(
        item=item,
        transcript=heard.text,
        audio_s=heard.duration_s,
        typed=typed.meets,
        spoken=spoken.meets,
        tts_s=tts_s,
        stt_s=stt_s,
        score_s=score_s,
        ref_words=ref_words,
        heard_words=len(normalise(heard.text).split()),
        errors=errors,
    )


def group_metrics(rows: list[Spoken]) -> dict[str, Any]:
    """Spoken verdict against the label, the typed verdict against the label, and how often
    the spoken verdict is the typed one."""
    out = verdict_metrics((bool(r.item.meets), r.spoken) for r in rows)
    out["agreement_with_text"] = (
        sum(r.spoken == r.typed for r in rows) / len(rows) if rows else None
    )
    out["typed"] = verdict_metrics((bool(r.item.meets), r.typed) for r in rows)
    ref = sum(r.ref_words for r in rows)
    out["wer"] = sum(r.errors for r in rows) / ref if ref else None
    return out


def split_result(rows: list[Spoken]) -> dict[str, Any]:
    rendered = [r.tts_s for r in rows if r.tts_s is not None]
    n = len(rows)
    audio = sum(r.audio_s for r in rows)
    stt = sum(r.stt_s for r in rows)
    return {
        "answers": n,
        "all": group_metrics(rows),
        "story_kinds": group_metrics([r for r in rows if r.item.needs_example]),
        "other_kinds": group_metrics([r for r in rows if not r.item.needs_example]),
        "by_kind": {
            kind.value: group_metrics([r for r in rows if r.item.kind is kind])
            for kind in QuestionKind
            if any(r.item.kind is kind for r in rows)
        },
        "wer": {
            "corpus": (
                sum(r.errors for r in rows) / sum(r.ref_words for r in rows)
                if any(r.ref_words for r in rows)
                else None
            ),
            "mean_per_answer": (
                sum(r.errors / r.ref_words for r in rows if r.ref_words) / n if n else None
            ),
            "mostly_lost": sum(r.heard_words < LOST_SHARE * r.ref_words for r in rows),
        },
        "seconds": {
            "per_answer": (
                sum((r.tts_s or 0.0) + r.stt_s + r.score_s for r in rows) / n if n else None
            ),
            "transcribe_per_answer": stt / n if n else None,
            "score_per_answer": sum(r.score_s for r in rows) / n if n else None,
            "synthesise_per_rendered_answer": (sum(rendered) / len(rendered) if rendered else None),
            "rendered": len(rendered),
            "from_cache": n - len(rendered),
            "audio_per_answer": audio / n if n else None,
            "transcribe_real_time_factor": stt / audio if audio else None,
        },
    }


def disagreements(rows: list[Spoken]) -> list[dict[str, Any]]:
    """Tuned answers whose spoken verdict is not the typed one (held-out ones never)."""
    return [
        {
            "id": r.item.id,
            "kind": r.item.kind.value,
            "style": r.item.style,
            "labelled": r.item.meets,
            "typed": r.typed,
            "spoken": r.spoken,
            "wer": r.errors / r.ref_words if r.ref_words else None,
            "transcript": r.transcript,
        }
        for r in rows
        if not r.item.heldout and r.spoken != r.typed
    ]


def run(
    *,
    data: Path,
    cache: Path,
    splits: tuple[str, ...],
    limit: int | None,
    seed: int,
    model: str | None,
    progress: bool,
) -> tuple[dict[str, Any], dict[str, list[Spoken]]]:
    items = load(data)
    chosen = {split: select(items, split, limit, seed) for split in splits}
    voice = BenchVoice(cache / "wav")
    if any(not voice.cached(i.answer) for rows in chosen.values() for i in rows):
        list_voices(VOICE_TIMEOUT_S)  # raises VoiceError, with what to do, when there is none
    transcriber = Transcriber(model)
    transcriber.load()  # raises ModelError, with what to do
    score_answer("I led it and we shipped.")  # compile the scorer's patterns before timing it
    total = sum(len(v) for v in chosen.values())
    done = 0
    started = time.perf_counter()
    spoken: dict[str, list[Spoken]] = {}
    for split, selected in chosen.items():
        spoken[split] = []
        for item in selected:
            spoken[split].append(speak_one(item, voice, transcriber))
            done += 1
            if progress and (done % 10 == 0 or done == total):
                elapsed = time.perf_counter() - started
                print(
                    f"  {done}/{total} answers, {elapsed:.0f} s, "
                    f"~{elapsed / done * (total - done):.0f} s to go",
                    file=sys.stderr,
                    flush=True,
                )
    result: dict[str, Any] = {
        "model": transcriber.name,
        "voice": {"id": voice.voice, "rate": voice.rate},
        "seed": seed,
        "cache": str(cache),
        "splits": {split: split_result(rows) for split, rows in spoken.items()},
    }
    return result, spoken


_pct: Callable[[float | None], str] = bench_scorer._pct
_row: Callable[[str, dict[str, Any]], str] = bench_scorer._row


def _line(name: str, m: dict[str, Any]) -> str:
    return (
        f"{_row(name, m)}  {_pct(m['agreement_with_text'])}  "
        f"{_pct(m['typed']['balanced_accuracy'])}  {_pct(m['wer'])}"
    )


def print_table(result: dict[str, Any], rows: dict[str, list[Spoken]], *, listed: bool) -> None:
    voice = result["voice"]
    print(
        f"Answers spoken by espeak-ng (voice {voice['id'] or 'default'}, {voice['rate']} wpm), "
        f"transcribed by {result['model']}, then scored"
    )
    header = (
        "  group                   n    TP   FN   FP   TN  accuracy balanced  F1 meets F1 weak"
        "  = typed  typed bal   WER"
    )
    for split, res in result["splits"].items():
        print(
            f"\nMeets what the question needs, spoken: {split} answers "
            "(TP = labelled and judged good; = typed: same verdict as on the text)"
        )
        print(header)
        for name in ("all", "story_kinds", "other_kinds"):
            if res[name]["n"]:
                print(_line(name, res[name]))
        for kind, m in res["by_kind"].items():
            print(_line("  " + kind, m))
        wer, sec = res["wer"], res["seconds"]
        print(
            f"  WER {_pct(wer['corpus']).strip()} over all words, "
            f"{_pct(wer['mean_per_answer']).strip()} mean per answer; {wer['mostly_lost']} of "
            f"{res['answers']} transcripts hold under {LOST_SHARE:.0%} of the answer's words"
        )
        synth = (
            f"{sec['synthesise_per_rendered_answer']:.2f} s each for {sec['rendered']} rendered"
            if sec["rendered"]
            else "none rendered"
        )
        print(
            f"  {sec['per_answer']:.2f} s per answer: transcribe "
            f"{sec['transcribe_per_answer']:.2f} s ({sec['audio_per_answer']:.1f} s of audio, "
            f"real-time factor {sec['transcribe_real_time_factor']:.2f}), score "
            f"{1000 * sec['score_per_answer']:.1f} ms; synthesise: {synth}, "
            f"{sec['from_cache']} cached"
        )
    if listed:
        print("\nSpoken verdict differs from the typed one (tuned answers; held-out never listed):")
        for d in disagreements(rows.get("tuned", [])):
            text = d["transcript"]
            if len(text) > EXCERPT_CHARS:
                text = text[:EXCERPT_CHARS] + "..."
            print(
                f"  {d['id']} [{d['kind']}, {d['style']}] labelled {d['labelled']}, typed "
                f"{d['typed']}, spoken {d['spoken']}, WER {_pct(d['wer']).strip()}\n    {text}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        help=f"answers per split, after a fixed-seed shuffle; 0 for all (default: every "
        f"held-out answer and {DEFAULT_TUNED} tuned ones)",
    )
    parser.add_argument("--split", choices=(*SPLITS, "both"), default="both")
    parser.add_argument(
        "--cache", type=Path, default=default_cache(), help="folder for the spoken WAVs"
    )
    parser.add_argument("--data", type=Path, default=DATA, help="folder of labelled answers")
    parser.add_argument("--model", default=None, help="speech model (default: bundled tiny.en)")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the shuffle")
    parser.add_argument(
        "--disagreements",
        action="store_true",
        help="list tuned answers whose spoken verdict differs from the typed one",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)
    try:
        import jiwer  # noqa: F401
    except ImportError:
        print("bench_spoken_scorer: jiwer is not installed (pip install jiwer)", file=sys.stderr)
        return 1
    splits = SPLITS if args.split == "both" else (args.split,)
    try:
        result, rows = run(
            data=args.data,
            cache=args.cache.expanduser(),
            splits=splits,
            limit=args.limit,
            seed=args.seed,
            model=args.model,
            progress=not args.quiet,
        )
    except VoiceCoachError as exc:
        print(f"bench_spoken_scorer: {exc}", file=sys.stderr)
        return 1
    if args.json:
        if args.disagreements:
            result["disagreements_tuned"] = disagreements(rows.get("tuned", []))
        print(json.dumps(result, indent=2))
    else:
        print_table(result, rows, listed=args.disagreements)
    return 0


if __name__ == "__main__":
    sys.exit(main())
