"""Speech: transcription (faster-whisper) and the panel's voice (pyttsx3), implementing the
Transcriber and Speaker ports of core/ports.py.

Importing this package is cheap: the engine, the model and PyAV load only when used.
    make_transcriber(settings) -> Transcriber        (speech/transcriber.py)
    transcribe_path(path, settings, model, progress)  (speech/files.py)
    resolve_model(name_or_path, settings) -> Path     (speech/catalogue.py)
    make_speaker(settings, on_notice) -> Speaker      (speech/speaker.py)
The fake transcriber for tests of other parts is core/fakes.py's FakeTranscriber.
"""

from voice_sim.speech.catalogue import resolve_model
from voice_sim.speech.files import transcribe_path
from voice_sim.speech.transcriber import make_transcriber

__all__ = ["make_transcriber", "resolve_model", "transcribe_path"]
