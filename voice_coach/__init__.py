"""voice_coach: rehearse a job interview out loud, privately, on your own machine."""

from importlib.metadata import PackageNotFoundError, version

from voice_coach import privacy

# Before anything below this package can load onnxruntime: it reads its telemetry
# switch once, at load time (see voice_coach.privacy).
privacy.disable_telemetry()

try:
    __version__ = version("voice-coach")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
