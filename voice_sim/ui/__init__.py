"""The Textual app: home, interview, report and history screens over the round engine.

The UI drives core/engine.Round from worker threads and shows what it reports; it never analyses,
records or transcribes anything itself. Everything it needs from the outside world (settings,
scenario library, session store, round factory, doctor checks, audio devices, playback) comes in
through one `make_app()` factory in ui/app.py, so tests swap any of it for a fake.
"""
