"""voice_coach: rehearse a job interview out loud, privately, on your own machine."""

from voice_coach import privacy

# Before anything below this package can load onnxruntime: it reads its telemetry
# switch once, at load time (see voice_coach.privacy).
privacy.disable_telemetry()


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed metadata when first asked for: importing
    ``importlib.metadata`` costs every start of the app a noticeable part of its wait."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("voice-coach")
    except PackageNotFoundError:  # running from a source tree that was never installed
        found = "0.0.0"
    globals()["__version__"] = found
    return found
