"""Device listing and resolution against a fake PortAudio: every way a device can be wrong is one
clear UserError, never a crash."""

from __future__ import annotations

import json
import threading
from types import SimpleNamespace

import pytest

from voice_sim.audio import devices
from voice_sim.cli import main
from voice_sim.errors import UserError

RAW = [
    {"name": "HDA Intel PCH: ALC257 Analog (hw:0,0)", "hostapi": 0, "max_input_channels": 2,
     "max_output_channels": 2, "default_samplerate": 48000.0},
    {"name": "HDMI 0 (hw:0,3)", "hostapi": 0, "max_input_channels": 0,
     "max_output_channels": 8, "default_samplerate": 48000.0},
    {"name": "Blue Yeti USB Microphone", "hostapi": 0, "max_input_channels": 1,
     "max_output_channels": 0, "default_samplerate": 44100.0},
    {"name": "pulse", "hostapi": 0, "max_input_channels": 32, "max_output_channels": 32,
     "default_samplerate": 44100.0},
    {"name": "default", "hostapi": 0, "max_input_channels": 32, "max_output_channels": 32,
     "default_samplerate": 44100.0},
]


class PortAudioError(Exception):
    pass


def fake_sd(raw=RAW, default=(4, 4), stream=None):
    return SimpleNamespace(
        query_devices=lambda kind=None: raw if kind is None else {"index": default[0]},
        query_hostapis=lambda: [{"name": "ALSA"}],
        default=SimpleNamespace(device=default),
        PortAudioError=PortAudioError,
        InputStream=stream,
    )


@pytest.fixture
def sd(monkeypatch):
    fake = fake_sd()
    monkeypatch.setattr(devices, "_load", lambda: fake)
    return fake


def test_lists_devices_with_defaults_marked(sd):
    listed = devices.list_devices()
    assert [d.name for d in listed][-1] == "default"
    assert [d.index for d in listed if d.is_default_input] == [4]
    assert [d.name for d in devices.input_devices()] == [
        "HDA Intel PCH: ALC257 Analog (hw:0,0)", "Blue Yeti USB Microphone", "pulse", "default"]


@pytest.mark.parametrize(("spec", "index"), [
    (None, 4), ("", 4), ("default", 4), (2, 2), ("2", 2), ("yeti", 2), ("PULSE", 3), ("alc257", 0),
])
def test_resolves_inputs_by_index_or_name_fragment(sd, spec, index):
    assert devices.resolve_input(spec).index == index


def test_an_exact_name_wins_over_fragments(sd, monkeypatch):
    raw = [*RAW, {"name": "pulse monitor", "hostapi": 0, "max_input_channels": 2,
                  "max_output_channels": 0, "default_samplerate": 44100.0}]
    monkeypatch.setattr(devices, "_load", lambda: fake_sd(raw))
    assert devices.resolve_input("pulse").index == 3


def test_unknown_name_lists_the_inputs(sd):
    with pytest.raises(UserError) as exc:
        devices.resolve_input("rode")
    message = str(exc.value)
    assert "no input device matches 'rode'" in message
    assert "2 'Blue Yeti USB Microphone'" in message and "HDMI" not in message
    assert "\n" not in message


def test_an_output_only_index_is_not_an_input(sd):
    with pytest.raises(UserError, match="no input device with index 1; available inputs: 0 "):
        devices.resolve_input(1)


def test_an_ambiguous_fragment_asks_for_more(sd):
    with pytest.raises(UserError, match="matches several inputs: .*use the index"):
        devices.resolve_input("u")


def test_no_inputs_at_all(monkeypatch):
    monkeypatch.setattr(devices, "_load", lambda: fake_sd([RAW[1]], default=(-1, 0)))
    with pytest.raises(UserError, match="no default input device; no input devices at all"):
        devices.resolve_input(None)


def test_missing_portaudio_says_what_to_install(monkeypatch):
    def load():
        raise OSError("PortAudio library not found")

    monkeypatch.setattr(devices, "_load", load)
    with pytest.raises(UserError, match=r"PortAudio is missing .*apt install libportaudio2"):
        devices.list_devices()
    assert main(["devices"]) == 2


def test_a_busy_device_is_a_clear_error(monkeypatch):
    def busy(**kwargs):
        raise PortAudioError("Error opening InputStream: Device unavailable [PaErrorCode -9985]")

    monkeypatch.setattr(devices, "_load", lambda: fake_sd(stream=busy))
    with pytest.raises(UserError, match=r"cannot open input 4 'default' .*busy or was unplugged"):
        devices.check_input(None)


class SilentStream:
    """Opens, but its callback never runs."""

    def __init__(self, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class LiveStream(SilentStream):
    def __init__(self, callback, blocksize, **kwargs):
        self.callback, self.blocksize = callback, blocksize

    def __enter__(self):
        threading.Thread(target=self.callback, args=(None, self.blocksize, None, None)).start()
        return self


def test_a_device_that_sends_nothing_is_reported(monkeypatch):
    monkeypatch.setattr(devices, "_load", lambda: fake_sd(stream=SilentStream))
    with pytest.raises(UserError, match="opened but sent no audio"):
        devices.check_input("yeti", timeout_s=0.05)


def test_a_working_device_passes(monkeypatch):
    monkeypatch.setattr(devices, "_load", lambda: fake_sd(stream=LiveStream))
    assert devices.check_input("yeti").name == "Blue Yeti USB Microphone"


def test_devices_command_prints_a_table_and_json(sd, capsys):
    assert main(["devices"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["#", "name", "in", "out", "rate", "api"]
    assert any(line.strip().startswith("4  default") and "32*" in line for line in out)
    assert main(["devices", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[2]["name"] == "Blue Yeti USB Microphone" and data[2]["max_input_channels"] == 1
