"""The interview without any UI or hardware.

Models, scenarios, transcripts, analysis and the round engine live here. Nothing in this package
may import textual, sounddevice, pyttsx3 or faster_whisper (tests/test_import_hygiene.py checks).
"""
