"""Speech: transcription (faster-whisper) behind a small interface.

Importing this package is cheap: the engine, the model and PyAV load only when used.
    make_transcriber(settings) -> Transcriber        (speech/transcriber.py)
    transcribe_path(path, settings, model, progress)  (speech/files.py)
    resolve_model(name_or_path, settings) -> Path     (speech/catalogue.py)
    FakeTranscriber                                   (speech/fake.py, for tests of other parts)
"""

from voice_sim.speech.catalogue import resolve_model
from voice_sim.speech.fake import FakeTranscriber
from voice_sim.speech.files import transcribe_path
from voice_sim.speech.transcriber import LiveStream, Transcriber, make_transcriber

__all__ = [
    "FakeTranscriber", "LiveStream", "Transcriber", "make_transcriber", "resolve_model",
    "transcribe_path",
]
