"""voice_coach: rehearse a job interview out loud, privately, on your own machine."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("voice-coach")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
