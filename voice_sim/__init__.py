"""voice-sim: an offline, voice-driven mock system-design interview for product managers."""

__version__ = "0.1.0"
