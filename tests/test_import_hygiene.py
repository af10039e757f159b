"""The core must run without UI, audio hardware or speech models (STYLE.md, convention 1)."""

import subprocess
import sys

FORBIDDEN = ("textual", "sounddevice", "pyttsx3", "faster_whisper", "ctranslate2")


def test_core_imports_no_ui_or_hardware():
    code = (
        "import importlib, pkgutil, sys\n"
        "import voice_sim.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'voice_sim.core.'):\n"
        "    importlib.import_module(m.name)\n"
        f"print(','.join(n for n in {FORBIDDEN!r} if n in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"voice_sim.core imported: {out.stdout.strip()}"


def test_cli_help_is_light():
    code = ("import sys, voice_sim.cli as c; c.build_parser(); print(','.join(sorted(m for m in "
            "('textual','faster_whisper','sounddevice','pyttsx3') if m in sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
