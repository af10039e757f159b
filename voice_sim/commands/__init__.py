"""One module per `voice-sim` subcommand. Each defines `register(subparsers)`, which adds its
parser and sets `func(args) -> int`. Modules import heavy packages inside `func`, not at import
time, so `voice-sim --help` stays instant."""

MODULES = [
    "scenarios",
    "analyze",
    "sessions",
    "run",
    "transcribe",
    "models",
    "devices",
    "doctor",
]
