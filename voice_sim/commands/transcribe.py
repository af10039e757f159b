"""`voice-sim transcribe AUDIO`: an audio file to WebVTT (stdout), or to .vtt/.srt/.json with -o.

Presentation only: decoding and transcription are speech/files.py. The output file is written
atomically and private, so a failed run never leaves half a transcript behind; a FIFO, a device
or `-` is written to as a stream (WebVTT unless its name ends .srt or .json), never replaced
(core/outputs.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from voice_sim.errors import UserError

FORMATS = (".vtt", ".srt", ".json")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "transcribe",
        help="transcribe an audio file (WAV, FLAC, MP3, M4A) offline",
        description="Transcribe an audio file on this machine, with word timings. Prints WebVTT "
        "unless -o names a .vtt, .srt or .json file.",
    )
    parser.add_argument("audio", type=Path, metavar="AUDIO", help="a .wav, .flac, .mp3 or .m4a file")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="write here instead of stdout; the suffix picks the format (.vtt .srt .json)")
    parser.add_argument("--model", metavar="NAME|PATH",
                        help="catalogue model name (see `voice-sim models list`) or a model directory")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from voice_sim.config import load_settings
    from voice_sim.core.outputs import OutputError, destination
    from voice_sim.core.transcripts import to_json, to_srt, to_vtt
    from voice_sim.speech import transcribe_path

    out: Path | None = args.output
    dest = None
    if out is not None:
        try:
            dest = destination(out)
        except OutputError as exc:
            raise UserError(f"-o {out}: {exc}") from None
        if not dest.stream and out.suffix.lower() not in FORMATS:
            raise UserError(f"{out}: unknown output type '{out.suffix}'; use .vtt, .srt or .json")
    transcript = transcribe_path(args.audio, load_settings(), model=args.model,
                                 progress=sys.stderr.isatty())
    writer = {".vtt": to_vtt, ".srt": to_srt, ".json": to_json}
    suffix = out.suffix.lower() if out is not None and out.suffix.lower() in FORMATS else ".vtt"
    text = writer[suffix](transcript)
    if dest is None:
        sys.stdout.write(text)
        return 0
    try:
        dest.write(text)
    except OSError as exc:
        raise UserError(f"{out}: cannot write ({exc.strerror or exc})") from None
    if not dest.stream:
        print(f"wrote {out} ({len(transcript.cues)} cues, {transcript.duration_s:.1f} s)", file=sys.stderr)
    return 0
